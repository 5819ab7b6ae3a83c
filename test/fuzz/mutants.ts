/**
 * Mutants of real received files for the fuzz suite (test/fuzz/fuzz.test.ts, `npm run fuzz`):
 * seeded, so a failure names the seed and index that reproduce it. From a base file (our
 * template filled in, as .xlsx and as LibreOffice saved it as .xls and .ods; the form filled in
 * Word, as .docx):
 *   bytes     one to twenty random bytes changed; truncation at every zip boundary (local headers,
 *             data starts, the central directory, its end record) and at random places
 *   entries   a zip entry deleted, or duplicated
 *   xml       a sheet's (or the Word document's) XML damaged: an unclosed tag, "billion laughs" entity expansion, 10,000-deep
 *             nesting, a shared-string index out of range, dimension and cell references at the
 *             grid's edge (XFD1048576), a 32,767-character string, NaN and 1e308 numbers
 *   sheets    1,000 sheets
 */
import { unzipSync, zipSync, type Zippable } from "fflate";
import { u32 } from "../../src/xlsx/bytes";

export interface Mutant {
  name: string;
  kind: string;
  bytes: Uint8Array;
}

export interface Base {
  name: string;
  bytes: Uint8Array;
}

/** mulberry32: a small seeded generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


/** Offsets where a zip's structures start: local headers, data, central headers, end record. */
export function zipBoundaries(bytes: Uint8Array): number[] {
  const out = new Set<number>();
  for (let i = 0; i + 4 <= bytes.length; i++) {
    const sig = u32(bytes, i);
    if (sig === 0x04034b50) {
      out.add(i);
      out.add(i + 30 + (bytes[i + 26] | (bytes[i + 27] << 8)) + (bytes[i + 28] | (bytes[i + 29] << 8)));
    } else if (sig === 0x02014b50 || sig === 0x06054b50) out.add(i);
  }
  return [...out].filter((o) => o > 0 && o < bytes.length).sort((a, b) => a - b);
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;

function rezip(files: Record<string, Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(files)) z[k] = [v, { level: 6 }];
  return zipSync(z);
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The main sheet part of a package: the first worksheet of an .xlsx, content.xml of an .ods, the document of a .docx. */
function sheetPart(files: Record<string, Uint8Array>): string | undefined {
  return (
    Object.keys(files).filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).sort()[0] ??
    ["content.xml", "word/document.xml"].find((name) => files[name])
  );
}

type XmlMutation = (xml: string, pick: () => number) => string;

const XML_MUTATIONS: Record<string, XmlMutation> = {
  unclosed: (xml, pick) => {
    const at = xml.indexOf("</", Math.floor(pick() * xml.length));
    return at < 0 ? xml.slice(0, -10) : xml.slice(0, at) + xml.slice(xml.indexOf(">", at) + 1);
  },
  "billion-laughs": (xml) => {
    const dtd =
      '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("") +
      "]>";
    return xml.replace(/^(<\?xml[^>]*\?>)?/, (m) => m + dtd).replace(/<t>([^<]*)<\/t>|<v>([^<]*)<\/v>|<text:p>([^<]*)<\/text:p>|<w:t [^>]*>([^<]*)<\/w:t>/, (m) => m.replace(/>([^<]*)</, ">&lol9;<"));
  },
  "deep-nesting": (xml) => {
    const deep = "<x>".repeat(10_000) + "</x>".repeat(10_000);
    return xml.replace(/(<sheetData>|<table:table [^>]*>|<w:body>)/, `$1${deep}`);
  },
  "shared-string-out-of-range": (xml) => xml.replace(/<c ([^>]*)t="s"([^>]*)><v>\d+<\/v>/, '<c $1t="s"$2><v>999999999</v>'),
  "grid-edge": (xml) =>
    xml
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
      .replace(/<\/sheetData>/, '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
      .replace(/<\/table:table>/, '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16000"/></table:table-row></table:table>'),
  "long-string": (xml) => xml.replace(/<v>[^<]*<\/v>/, `<v>1</v></c><c t="inlineStr"><is><t>${"Ư".repeat(32_767)}</t></is>`).replace(/<text:p>[^<]*<\/text:p>/, `<text:p>${"Ư".repeat(32_767)}</text:p>`).replace(/(<w:t [^>]*>)[^<]*<\/w:t>/, `$1${"Ư".repeat(32_767)}</w:t>`),
  "nan-1e308": (xml, pick) => {
    let n = 0;
    return xml.replace(/<v>(-?\d+(?:\.\d+)?)<\/v>/g, (m) => (n++ % 2 === 0 && pick() < 0.5 ? `<v>${pick() < 0.5 ? "NaN" : "1e308"}</v>` : m)).replace(/office:value="\d+"/, 'office:value="1e308"');
  },
};

function bytesMutant(base: Base, pick: () => number): Mutant {
  const b = new Uint8Array(base.bytes); // a copy (Buffer.slice would not copy)
  const n = 1 + Math.floor(pick() * 20);
  for (let i = 0; i < n; i++) b[Math.floor(pick() * b.length)] = Math.floor(pick() * 256);
  return { name: base.name, kind: `bytes×${n}`, bytes: b };
}

function truncation(base: Base, pick: () => number): Mutant {
  const bounds = isZip(base.bytes) ? zipBoundaries(base.bytes) : [];
  const at = bounds.length && pick() < 0.7 ? bounds[Math.floor(pick() * bounds.length)] : Math.floor(pick() * base.bytes.length);
  return { name: base.name, kind: `truncated@${at}`, bytes: new Uint8Array(base.bytes.subarray(0, at)) };
}

/** One mutant of `base`, the `index`-th of `seed`. */
export function mutant(base: Base, seed: number, index: number): Mutant {
  const pick = random(seed * 1_000_003 + index);
  const zip = isZip(base.bytes);
  const roll = pick();
  if (!zip || roll < 0.35) return bytesMutant(base, pick);
  if (roll < 0.5) return truncation(base, pick);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(base.bytes);
  } catch {
    return bytesMutant(base, pick);
  }
  const names = Object.keys(files);
  if (roll < 0.6) {
    const victim = names[Math.floor(pick() * names.length)];
    if (pick() < 0.5) {
      delete files[victim];
      return { name: base.name, kind: `deleted ${victim}`, bytes: rezip(files) };
    }
    // A duplicated entry: the same name twice in the archive.
    const once = rezip(files);
    const extra = rezip({ [victim]: files[victim] });
    return { name: base.name, kind: `duplicated ${victim}`, bytes: duplicate(once, extra) };
  }
  if (roll < 0.65 && base.name.endsWith(".xlsx")) return { name: base.name, kind: "1000 sheets", bytes: thousandSheets(files) };
  const part = sheetPart(files);
  if (!part) return bytesMutant(base, pick);
  const kinds = Object.keys(XML_MUTATIONS);
  const kind = kinds[Math.floor(pick() * kinds.length)];
  files[part] = enc.encode(XML_MUTATIONS[kind](dec.decode(files[part]), pick));
  return { name: base.name, kind: `xml ${kind}`, bytes: rezip(files) };
}

/** `a` with the entries of `b` added: local records before a's directory, directory records merged. */
function duplicate(a: Uint8Array, b: Uint8Array): Uint8Array {
  const endA = a.length - 22;
  const endB = b.length - 22;
  const cdA = u32(a, endA + 16);
  const cdB = u32(b, endB + 16);
  const localB = b.subarray(0, cdB);
  const dirB = b.slice(cdB, endB);
  // Shift b's directory records' local offsets by where its local records now start.
  for (let p = 0; p + 46 <= dirB.length; ) {
    const off = u32(dirB, p + 42) + cdA;
    dirB[p + 42] = off & 0xff;
    dirB[p + 43] = (off >>> 8) & 0xff;
    dirB[p + 44] = (off >>> 16) & 0xff;
    dirB[p + 45] = (off >>> 24) & 0xff;
    p += 46 + (dirB[p + 28] | (dirB[p + 29] << 8)) + (dirB[p + 30] | (dirB[p + 31] << 8)) + (dirB[p + 32] | (dirB[p + 33] << 8));
  }
  const out = new Uint8Array(a.length + b.length - 22);
  out.set(a.subarray(0, cdA), 0);
  out.set(localB, cdA);
  out.set(a.subarray(cdA, endA), cdA + localB.length);
  out.set(dirB, cdA + localB.length + (endA - cdA));
  const end = a.slice(endA);
  const count = (end[10] | (end[11] << 8)) + (b[endB + 10] | (b[endB + 11] << 8));
  end[8] = end[10] = count & 0xff;
  end[9] = end[11] = count >> 8;
  const cdSize = endA - cdA + dirB.length;
  end.set([cdSize & 0xff, (cdSize >>> 8) & 0xff, (cdSize >>> 16) & 0xff, cdSize >>> 24], 12);
  const cdStart = cdA + localB.length;
  end.set([cdStart & 0xff, (cdStart >>> 8) & 0xff, (cdStart >>> 16) & 0xff, cdStart >>> 24], 16);
  out.set(end, out.length - 22);
  return out;
}

/** The workbook with its first sheet copied to 1,000 sheets. */
function thousandSheets(files: Record<string, Uint8Array>): Uint8Array {
  const sheet = files["xl/worksheets/sheet1.xml"];
  let workbook = dec.decode(files["xl/workbook.xml"]);
  let rels = dec.decode(files["xl/_rels/workbook.xml.rels"]);
  let types = dec.decode(files["[Content_Types].xml"]);
  const sheets: string[] = [];
  for (let i = 1; i <= 1000; i++) {
    files[`xl/worksheets/copy${i}.xml`] = sheet;
    sheets.push(`<sheet name="Bản ${i}" sheetId="${1000 + i}" r:id="rIdCopy${i}"/>`);
    rels = rels.replace("</Relationships>", `<Relationship Id="rIdCopy${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/copy${i}.xml"/></Relationships>`);
    types = types.replace("</Types>", `<Override PartName="/xl/worksheets/copy${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
  }
  workbook = workbook.replace("</sheets>", `${sheets.join("")}</sheets>`);
  files["xl/workbook.xml"] = enc.encode(workbook);
  files["xl/_rels/workbook.xml.rels"] = enc.encode(rels);
  files["[Content_Types].xml"] = enc.encode(types);
  return rezip(files);
}

/** A filled workbook with one extra cell at XFD1048576 (a slip of Ctrl+End typing). */
export function withStrayFarCell(xlsx: Uint8Array, text = "x"): Uint8Array {
  const files = unzipSync(xlsx);
  const part = sheetPart(files)!;
  files[part] = enc.encode(
    dec
      .decode(files[part])
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')
      .replace(/<\/sheetData>/, `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData>`),
  );
  return rezip(files);
}

/** A legal workbook, well within the limits, with one large sheet of `cells` numbers: seconds of parsing. */
export function largeWorkbook(cells: number): Uint8Array {
  const perRow = 20;
  const rows: string[] = [];
  for (let r = 1; r <= cells / perRow; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < perRow; c++) row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r * c}</v></c>`;
    rows.push(`${row}</row>`);
  }
  const ns = "http://schemas.openxmlformats.org";
  return zipSync({
    "[Content_Types].xml": enc.encode(`<Types xmlns="${ns}/package/2006/content-types"/>`),
    "xl/workbook.xml": enc.encode(`<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": enc.encode(`<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    "xl/worksheets/sheet1.xml": enc.encode(`<worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`),
  });
}
