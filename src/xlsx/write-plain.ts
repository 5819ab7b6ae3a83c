/**
 * A fast .xlsx writer for PLAIN sheet layouts — values and styles, merges, widths, heights,
 * hidden columns, frozen panes, page setup and print titles, but no formulas, validations,
 * conditional formats or protection: the sheets of a rollup (core/rollup-layout). It writes what
 * ExcelJS writes for those layouts (write.ts renders everything else with ExcelJS, and
 * test/xlsx/write-plain.test.ts reads both back and compares them cell by cell), about twenty
 * times faster: a rollup of 170 units × 8 forms has some 80,000 styled cells, which ExcelJS
 * takes a second to write.
 *
 * As ExcelJS does: every cell of a layout is written with its style (borders of empty cells
 * too); a merged range shows its top-left cell, every cell of the range takes that cell's style;
 * the marker column and the marks column are hidden, the marks column unlocked; strings are
 * shared strings (so "=HYPERLINK(…)" stays text); numbers are numbers.
 */
import { columnLetters } from "../core/grid";
import { STYLES, type CellStyle, type SheetLayout, type StyleName } from "../core/layout";

export interface PlainSheet {
  name: string;
  layout: SheetLayout;
}

/** True when the layout needs nothing but what this writer writes. */
export function isPlainLayout(layout: SheetLayout): boolean {
  return layout.protect === false && layout.validations.length === 0 && layout.conditionalFormats.length === 0 && !layout.cells.some((c) => c.formula);
}

// ---------------------------------------------------------------------------------------------
// XML text

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/**
 * Cell text as OOXML stores it: XML-escaped; characters XML cannot hold (controls other than tab
 * and line breaks) as `_xHHHH_`, and a literal `_xHHHH_` protected as `_x005F_xHHHH_`.
 */
function cellText(text: string): string {
  const safe = text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return escapeXml(safe);
}

function textElement(text: string): string {
  const preserve = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<t${preserve}>${cellText(text)}</t>`;
}

// ---------------------------------------------------------------------------------------------
// Styles

/** Excel's built-in number formats that the layouts use. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

class StyleTable {
  private readonly fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private readonly formats = new Map<string, number>();
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly ids = new Map<string, number>();

  private static index(list: string[], xml: string): number {
    const i = list.indexOf(xml);
    if (i >= 0) return i;
    list.push(xml);
    return list.length - 1;
  }

  private formatId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    let id = this.formats.get(code);
    if (id === undefined) this.formats.set(code, (id = 164 + this.formats.size));
    return id;
  }

  /** The xf index of a style and number format (what ExcelJS's applyStyle in write.ts sets). */
  xf(styleName: StyleName, numberFormat: string | undefined): number {
    const key = `${styleName}\u0000${numberFormat ?? ""}`;
    let id = this.ids.get(key);
    if (id !== undefined) return id;
    const style: CellStyle = STYLES[styleName];
    const font = StyleTable.index(
      this.fonts,
      `<font>${style.bold ? "<b/>" : ""}${style.italic ? "<i/>" : ""}<sz val="${style.size ?? 12}"/>${style.color ? `<color rgb="FF${style.color}"/>` : ""}<name val="Times New Roman"/></font>`,
    );
    const fill = style.fill ? StyleTable.index(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="FF${style.fill}"/></patternFill></fill>`) : 0;
    const border = style.border
      ? StyleTable.index(this.borders, '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>')
      : 0;
    const format = numberFormat ? this.formatId(numberFormat) : 0;
    const vertical = style.vertical === "top" ? "top" : "center";
    const alignment = `<alignment${style.horizontal ? ` horizontal="${style.horizontal}"` : ""} vertical="${vertical}"${style.wrap ? ' wrapText="1"' : ""}${style.indent ? ` indent="${style.indent}"` : ""}/>`;
    const protection = style.locked ? "" : '<protection locked="0"/>';
    this.xfs.push(
      `<xf numFmtId="${format}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${format ? ' applyNumberFormat="1"' : ""} applyFont="1"${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""} applyAlignment="1" applyProtection="1">${alignment}${protection}</xf>`,
    );
    id = this.xfs.length - 1;
    this.ids.set(key, id);
    return id;
  }

  /** The style of the hidden marks column: unlocked, nothing else. */
  unlockedColumn(): number {
    const key = "\u0000unlocked";
    let id = this.ids.get(key);
    if (id === undefined) {
      this.xfs.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf>');
      this.ids.set(key, (id = this.xfs.length - 1));
    }
    return id;
  }

  xml(): string {
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      `${XML_HEADER}<styleSheet xmlns="${NS_MAIN}">` +
      (formats.length ? `<numFmts count="${formats.length}">${formats.join("")}</numFmts>` : "") +
      `<fonts count="${this.fonts.length}">${this.fonts.join("")}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join("")}</fills>` +
      `<borders count="${this.borders.length}">${this.borders.join("")}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  id(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(text, i);
      this.list.push(text);
    }
    return i;
  }

  xml(): string {
    return `${XML_HEADER}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${this.list.map((t) => `<si>${textElement(t)}</si>`).join("")}</sst>`;
  }
}

// ---------------------------------------------------------------------------------------------
// A sheet

function sheetXml(layout: SheetLayout, styles: StyleTable, strings: SharedStrings): string {
  // Style and value of each cell, by row then column (sparse). Cells in layout order: a later cell
  // at the same place gives the style, and the value unless it has none (as ExcelJS in write.ts).
  const xfs: number[][] = [];
  const values: (string | number | null)[][] = [];
  const put = (r: number, c: number, xf: number, value: string | number | null) => {
    (xfs[r] ??= [])[c] = xf;
    (values[r] ??= [])[c] = value;
  };
  for (const spec of layout.cells) {
    const value = spec.value === "" || spec.value === undefined ? null : spec.value;
    put(spec.row, spec.col, styles.xf(spec.style, spec.numberFormat), value ?? values[spec.row]?.[spec.col] ?? null);
  }
  // A merged range: the top-left cell's value, and its style everywhere.
  for (const m of layout.merges) {
    const xf = xfs[m.top]?.[m.left] ?? 0;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) put(r, c, xf, null);
  }
  for (const r of Object.keys(layout.heights)) xfs[Number(r)] ??= [];

  const letters: string[] = [];
  const letter = (c: number) => (letters[c] ??= columnLetters(c));
  let maxRow = 0;
  let maxCol = 0;
  const data: string[] = [];
  xfs.forEach((rowXfs, r) => {
    const rowValues = values[r] ?? [];
    const height = layout.heights[r];
    const n = r + 1;
    data.push(`<row r="${n}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ""}>`);
    rowXfs.forEach((xf, c) => {
      const value = rowValues[c];
      if (typeof value === "number" && Number.isFinite(value)) data.push(`<c r="${letter(c)}${n}" s="${xf}"><v>${value}</v></c>`);
      else if (typeof value === "string") data.push(`<c r="${letter(c)}${n}" s="${xf}" t="s"><v>${strings.id(value)}</v></c>`);
      else data.push(`<c r="${letter(c)}${n}" s="${xf}"/>`);
      if (c > maxCol) maxCol = c;
    });
    data.push("</row>");
    maxRow = r;
  });

  // Columns: widths, the hidden marker and marks columns (the marks column unlocked).
  const lastColumn = Math.max(layout.widths.length - 1, layout.markerCell.col, layout.flagsCol);
  const cols: string[] = [];
  for (let c = 0; c <= lastColumn; c++) {
    const width = layout.widths[c];
    const hidden = c === layout.markerCell.col || c === layout.flagsCol;
    if (width === undefined && !hidden) continue;
    const style = c === layout.flagsCol ? ` style="${styles.unlockedColumn()}"` : "";
    cols.push(`<col min="${c + 1}" max="${c + 1}" width="${width ?? 9}"${style}${hidden ? ' hidden="1"' : ""} customWidth="1"/>`);
  }

  const { frozenRows: ys, frozenCols: xs } = layout;
  const pane =
    xs || ys
      ? `<pane${xs ? ` xSplit="${xs}"` : ""}${ys ? ` ySplit="${ys}"` : ""} topLeftCell="${letter(xs)}${ys + 1}" activePane="${xs && ys ? "bottomRight" : xs ? "topRight" : "bottomLeft"}" state="frozen"/>`
      : "";
  const mergeCells = layout.merges.length
    ? `<mergeCells count="${layout.merges.length}">${layout.merges.map((m) => `<mergeCell ref="${letter(m.left)}${m.top + 1}:${letter(m.right)}${m.bottom + 1}"/>`).join("")}</mergeCells>`
    : "";
  return (
    `${XML_HEADER}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${letter(maxCol)}${maxRow + 1}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols.length ? `<cols>${cols.join("")}</cols>` : "") +
    `<sheetData>${data.join("")}</sheetData>` +
    mergeCells +
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    "</worksheet>"
  );
}

// ---------------------------------------------------------------------------------------------
// The package

const encoder = new TextEncoder();

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Raw DEFLATE and CRC-32 of `data`. The platform's gzip (Node ≥ 18, browsers) gives both natively
 * (a gzip member is a raw DEFLATE stream between a 10-byte header and CRC-32 + size); without
 * CompressionStream, fflate's deflate and the CRC computed here.
 */
export type DeflateRaw = (data: Uint8Array) => Promise<{ body: Uint8Array; crc: number }>;

export const deflateRaw: DeflateRaw = async (data) => {
  if (typeof CompressionStream === "function") {
    const stream = new CompressionStream("gzip");
    const writer = stream.writable.getWriter();
    void writer.write(data as Uint8Array<ArrayBuffer>);
    void writer.close();
    const gz = new Uint8Array(await new Response(stream.readable).arrayBuffer());
    const flags = gz[3];
    if (gz[0] === 0x1f && gz[1] === 0x8b && gz[2] === 8 && flags === 0) {
      const tail = new DataView(gz.buffer, gz.byteOffset + gz.length - 8, 8);
      return { body: gz.subarray(10, gz.length - 8), crc: tail.getUint32(0, true) };
    }
  }
  // fflate, loaded only here: Node's CLI passes zlib's deflate, and loading fflate costs ~19 ms.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { deflateSync } = require("fflate") as typeof import("fflate");
  return { body: deflateSync(data), crc: crc32(data) };
};

/** A part of a zip archive, compressed (or stored, when compressing does not make it smaller). */
interface ZipPart {
  name: Uint8Array;
  crc: number;
  size: number;
  method: 0 | 8;
  body: Uint8Array;
}

/** Starts compressing a part at once (an asynchronous `deflate` works meanwhile on another thread). */
async function zipPart(path: string, data: Uint8Array, deflate: DeflateRaw): Promise<ZipPart> {
  const deflated = await deflate(data);
  const store = deflated.body.length >= data.length;
  return { name: encoder.encode(path), crc: deflated.crc, size: data.length, method: store ? 0 : 8, body: store ? data : deflated.body };
}

/** A zip archive (what .xlsx is) of the parts, in the order given. */
async function zip(parts: Promise<ZipPart>[]): Promise<Uint8Array> {
  const now = new Date();
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
  const date = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  const packed = await Promise.all(parts);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const p of packed) {
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, p.method, true);
    local.setUint16(10, time, true);
    local.setUint16(12, date, true);
    local.setUint32(14, p.crc, true);
    local.setUint32(18, p.body.length, true);
    local.setUint32(22, p.size, true);
    local.setUint16(26, p.name.length, true);
    local.setUint16(28, 0, true);
    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint16(8, 0x0800, true);
    header.setUint16(10, p.method, true);
    header.setUint16(12, time, true);
    header.setUint16(14, date, true);
    header.setUint32(16, p.crc, true);
    header.setUint32(20, p.body.length, true);
    header.setUint32(24, p.size, true);
    header.setUint16(28, p.name.length, true);
    header.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), p.name, p.body);
    central.push(new Uint8Array(header.buffer), p.name);
    offset += 30 + p.name.length + p.body.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, packed.length, true);
  end.setUint16(10, packed.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Writes plain layouts (see `isPlainLayout`), in order, to a new workbook: the .xlsx bytes. Parts
 * are compressed by `deflate` (default: the platform's CompressionStream; Node's CLI passes zlib,
 * which spares it loading web streams and compresses the parts in parallel).
 */
export async function writePlainSheets(sheets: readonly PlainSheet[], creator = "CCHC Phụ lục", deflate: DeflateRaw = deflateRaw): Promise<Uint8Array> {
  const styles = new StyleTable();
  const strings = new SharedStrings();
  const part = (path: string, xml: string) => zipPart(path, encoder.encode(xml), deflate);
  // Each sheet is compressed while the next one is written.
  const worksheets = sheets.map((s, i) => part(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s.layout, styles, strings)));
  const n = sheets.length;
  const stamp = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const titles = sheets
    .map((s, i) => {
      const [top, bottom] = s.layout.printTitleRows;
      return `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`${quoteSheet(s.name)}!$${top + 1}:$${bottom + 1}`)}</definedName>`;
    })
    .join("");
  const sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
  const files: [string, string][] = [
    [
      "[Content_Types].xml",
      `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${sheetType}"/>`).join("") +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    ],
    [
      "_rels/.rels",
      `${XML_HEADER}<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    ],
    [
      "docProps/core.xml",
      `${XML_HEADER}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${escapeXml(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
    ],
    [
      "docProps/app.xml",
      `${XML_HEADER}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
        `<Application>${escapeXml(creator)}</Application><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
        `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts></Properties>`,
    ],
    [
      "xl/workbook.xml",
      `${XML_HEADER}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/><bookViews><workbookView/></bookViews>` +
        `<sheets>${sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`).join("")}</sheets>` +
        (titles ? `<definedNames>${titles}</definedNames>` : "") +
        '<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>',
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML_HEADER}<Relationships xmlns="${NS_PKG_REL}">` +
        `<Relationship Id="rId1" Type="${NS_REL}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId2" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 3}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
        "</Relationships>",
    ],
  ];
  return zip([...files.map(([path, xml]) => part(path, xml)), ...worksheets, part("xl/styles.xml", styles.xml()), part("xl/sharedStrings.xml", strings.xml())]);
}
