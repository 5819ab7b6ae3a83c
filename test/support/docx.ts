/**
 * Word documents for the tests, written three ways from one model of a page — heading, lines,
 * tables with row and column spans:
 *
 * - `ooxmlDocx`: WordprocessingML written here by hand (zipped with fflate) — the model, or any
 *   XML a test writes itself (`W.p`, `W.tbl`, `packageDocx`);
 * - `libraryDocx`: the `docx` npm library;
 * - `htmlOf` + `libreOfficeToDocx` (test/support/libreoffice.ts): an HTML page converted by
 *   LibreOffice Writer.
 *
 * `formPage` lays a catalogue form out as a unit fills it in Word: the heading table
 * "ỦY BAN NHÂN DÂN / <đơn vị>", the appendix line, title and "(Kèm theo …)" lines, the table
 * with its one- or two-level header and the values typed (static texts as printed).
 */
import { zipSync, strToU8 } from "fflate";
import * as docx from "docx";
import type { Form } from "../../src/catalog/schema";
import type { FormEntries } from "./unit-values";

// ---- the model ------------------------------------------------------------------------------

export interface CellModel {
  /** Paragraphs of the cell. */
  text: string[];
  colSpan?: number;
  rowSpan?: number;
}

export interface TableModel {
  /** Like HTML: cells covered by a span are left out. */
  rows: CellModel[][];
  /** Leading rows that are the header (repeated on each page). */
  headerRows: number;
}

export type BlockModel = { kind: "p"; text: string; bold?: boolean; pageBreak?: boolean } | { kind: "t"; table: TableModel };

export interface PageModel {
  blocks: BlockModel[];
}

const cell = (text: string | string[], spans: Partial<Pick<CellModel, "colSpan" | "rowSpan">> = {}): CellModel => ({
  text: Array.isArray(text) ? text : [text],
  ...spans,
});

export interface FormPageOptions {
  /** The unit, in the heading table ("ỦY BAN NHÂN DÂN" / unit without its prefix); none when undefined. */
  heading?: { authority: string; name: string };
  /** Every text in NFD (as some Mac and web tools write Vietnamese). */
  nfd?: boolean;
}

/** The header rows of a form's table, as printed (two levels when columns have a group). */
export function headerRows(form: Form): CellModel[][] {
  const twoLevel = form.columns.some((c) => c.group);
  const span = twoLevel ? { rowSpan: 2 } : {};
  const top: CellModel[] = [];
  const bottom: CellModel[] = [];
  if (form.sttHeader !== undefined) top.push(cell(form.sttHeader, span));
  top.push(cell(form.labelHeader, span));
  for (let i = 0; i < form.columns.length; ) {
    const column = form.columns[i];
    if (!column.group) {
      top.push(cell(column.label, span));
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < form.columns.length && form.columns[j + 1].group === column.group) j++;
    top.push(cell(column.group, j > i ? { colSpan: j - i + 1 } : {}));
    for (let k = i; k <= j; k++) bottom.push(cell(form.columns[k].label));
    i = j + 1;
  }
  return twoLevel ? [top, bottom] : [top];
}

/** A form as a unit fills it in Word (see the file comment). */
export function formPage(form: Form, entries: FormEntries, options: FormPageOptions = {}): PageModel {
  const t = (s: string) => (options.nfd ? s.normalize("NFD") : s);
  const blocks: BlockModel[] = [];
  if (options.heading) {
    blocks.push({
      kind: "t",
      table: {
        headerRows: 0,
        rows: [
          [cell([t(options.heading.authority), t(options.heading.name)]), cell([t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), t("Độc lập - Tự do - Hạnh phúc")])],
          [cell("Số: 15/BC-UBND"), cell(t("ngày 05 tháng 4 năm 2020"))],
        ],
      },
    });
    blocks.push({ kind: "p", text: "" });
  }
  blocks.push({ kind: "p", text: t(form.appendix), bold: true });
  blocks.push({ kind: "p", text: t(form.title), bold: true });
  for (const line of form.subtitles) blocks.push({ kind: "p", text: t(line) });
  if (form.attachedTo) blocks.push({ kind: "p", text: t(form.attachedTo) });
  const header = headerRows(form).map((row) => row.map((c) => ({ ...c, text: c.text.map(t) })));
  const data = form.rows.map((row) => [
    ...(form.sttHeader !== undefined ? [cell(row.stt)] : []),
    cell(t(row.label)),
    ...form.columns.map((column) => {
      if (column.role === "static") return cell(t(row.printed?.[column.id] ?? ""));
      const typed = entries[row.id]?.[column.id]?.typed;
      return cell(typed === undefined ? "" : t(String(typed)));
    }),
  ]);
  blocks.push({ kind: "t", table: { headerRows: header.length, rows: [...header, ...data] } });
  return { blocks };
}

/** The same table cut in two after `at` data rows, the header repeated, a page break between. */
export function splitTable(table: TableModel, at: number): BlockModel[] {
  const header = table.rows.slice(0, table.headerRows);
  const cut = table.headerRows + at;
  return [
    { kind: "t", table: { headerRows: table.headerRows, rows: table.rows.slice(0, cut) } },
    { kind: "p", text: "", pageBreak: true },
    { kind: "t", table: { headerRows: table.headerRows, rows: [...header, ...table.rows.slice(cut)] } },
  ];
}

// ---- hand-written OOXML ----------------------------------------------------------------------

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const NS = {
  w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  wp: "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  wps: "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
  v: "urn:schemas-microsoft-com:vml",
};

/** Builders of WordprocessingML fragments (strings), for tests that write their own XML. */
export const W = {
  /** A run of text (whitespace kept). `rPr` inner XML, e.g. `<w:b/>`. */
  r: (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${escape(text)}</w:t></w:r>`,
  /** A paragraph of runs (strings are plain runs, others raw XML). */
  p: (content: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${content}</w:p>`,
  text: (text: string, pPr = "") => W.p(text ? W.r(text) : "", pPr),
  /** A cell: `content` is block XML (paragraphs, tables); `tcPr` inner XML. */
  tc: (content: string, tcPr = "") => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}${content || "<w:p/>"}</w:tc>`,
  tr: (cells: string, trPr = "") => `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ""}${cells}</w:tr>`,
  tbl: (columns: number, rows: string) =>
    `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${'<w:gridCol w:w="1500"/>'.repeat(columns)}</w:tblGrid>${rows}</w:tbl>`,
  /** A text box anchored in a run, as Word writes it: DrawingML with a VML fallback. */
  textBox: (content: string) =>
    `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="5000000" cy="3000000"/><wp:wrapSquare wrapText="bothSides"/><wp:docPr id="1" name="Hộp văn bản 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>${content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape style="width:400pt;height:200pt"><v:textbox><w:txbxContent>${content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
};

const DEFAULT_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${NS.w}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`;

/** A numbering part (`word/numbering.xml`) around w:abstractNum and w:num elements. */
export function numberingXml(content: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${NS.w}">${content}</w:numbering>`;
}

/**
 * A .docx package around a body (block XML); `styles` replaces the default styles part,
 * `numbering` adds a numbering part (see `numberingXml`).
 */
export function packageDocx(body: string, options: { styles?: string; sectPr?: boolean; numbering?: string } = {}): Uint8Array {
  const numbering = options.numbering;
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${NS.w}" xmlns:r="${NS.r}" xmlns:mc="${NS.mc}" xmlns:wp="${NS.wp}" xmlns:a="${NS.a}" xmlns:wps="${NS.wps}" xmlns:v="${NS.v}" mc:Ignorable="wps"><w:body>${body}${options.sectPr === false ? "" : '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'}</w:body></w:document>`;
  return zipSync({
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>${numbering ? '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' : ""}</Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/_rels/document.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${numbering ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' : ""}</Relationships>`,
    ),
    "word/document.xml": strToU8(document),
    "word/styles.xml": strToU8(options.styles ?? DEFAULT_STYLES),
    ...(numbering ? { "word/numbering.xml": strToU8(numbering) } : {}),
  });
}

/** A table of the model in WordprocessingML: spans as w:gridSpan and w:vMerge, header rows marked w:tblHeader. */
export function ooxmlTable(table: TableModel): string {
  const width = Math.max(...table.rows.map((row) => row.reduce((n, c) => n + (c.colSpan ?? 1), 0)), 0);
  // Place cells on the grid (HTML rules), then write each row with vMerge continuations.
  const covered: { by: CellModel; first: boolean }[][] = table.rows.map(() => []);
  const starts: (CellModel | undefined)[][] = table.rows.map(() => []);
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const x of row) {
      while (covered[r][c]) c++;
      starts[r][c] = x;
      for (let dr = 0; dr < (x.rowSpan ?? 1); dr++) for (let dc = 0; dc < (x.colSpan ?? 1); dc++) (covered[r + dr] ??= [])[c + dc] = { by: x, first: dr === 0 };
      c += x.colSpan ?? 1;
    }
  });
  const rows = table.rows.map((_, r) => {
    let cells = "";
    for (let c = 0; c < width; ) {
      const at = covered[r][c];
      if (!at) {
        cells += W.tc("");
        c++;
        continue;
      }
      const span = at.by.colSpan ?? 1;
      const tcPr = `${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}${(at.by.rowSpan ?? 1) > 1 ? (at.first ? '<w:vMerge w:val="restart"/>' : "<w:vMerge/>") : ""}`;
      cells += W.tc(at.first ? at.by.text.map((t) => W.text(t)).join("") : "", tcPr);
      c += span;
    }
    return W.tr(cells, r < table.headerRows ? "<w:tblHeader/>" : "");
  });
  return W.tbl(width, rows.join(""));
}

/** The page's blocks in WordprocessingML. */
export function ooxmlBody(page: PageModel): string {
  return page.blocks
    .map((b) => {
      if (b.kind === "t") return ooxmlTable(b.table);
      const run = b.text ? W.r(b.text, b.bold ? "<w:b/>" : "") : "";
      return W.p(`${run}${b.pageBreak ? '<w:r><w:br w:type="page"/></w:r>' : ""}`);
    })
    .join("");
}

export function ooxmlDocx(page: PageModel): Uint8Array {
  return packageDocx(ooxmlBody(page));
}

// ---- the docx library --------------------------------------------------------------------------

export async function libraryDocx(page: PageModel): Promise<Uint8Array> {
  const children: (docx.Paragraph | docx.Table)[] = [];
  for (const b of page.blocks) {
    if (b.kind === "p") {
      children.push(new docx.Paragraph({ children: [new docx.TextRun({ text: b.text, bold: !!b.bold })], pageBreakBefore: !!b.pageBreak }));
      continue;
    }
    children.push(
      new docx.Table({
        rows: b.table.rows.map(
          (row, r) =>
            new docx.TableRow({
              tableHeader: r < b.table.headerRows,
              children: row.map(
                (c) =>
                  new docx.TableCell({
                    children: c.text.map((t) => new docx.Paragraph(t)),
                    ...(c.colSpan ? { columnSpan: c.colSpan } : {}),
                    ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
                  }),
              ),
            }),
        ),
      }),
    );
  }
  const document = new docx.Document({ sections: [{ children }] });
  return new Uint8Array(await docx.Packer.toBuffer(document));
}

// ---- HTML, for LibreOffice Writer ---------------------------------------------------------------

export function htmlOf(page: PageModel): string {
  const body = page.blocks
    .map((b) => {
      if (b.kind === "p") return `<p${b.pageBreak ? ' style="page-break-before: always"' : ""}>${b.bold ? `<b>${escape(b.text)}</b>` : escape(b.text)}</p>`;
      const rows = b.table.rows.map((row, r) => {
        const tag = r < b.table.headerRows ? "th" : "td";
        return `<tr>${row
          .map((c) => `<${tag}${c.colSpan ? ` colspan="${c.colSpan}"` : ""}${c.rowSpan ? ` rowspan="${c.rowSpan}"` : ""}>${c.text.map((t) => `<p>${escape(t)}</p>`).join("")}</${tag}>`)
          .join("")}</tr>`;
      });
      return `<table border="1">${b.table.headerRows ? `<thead>${rows.slice(0, b.table.headerRows).join("")}</thead>` : ""}<tbody>${rows.slice(b.table.headerRows).join("")}</tbody></table>`;
    })
    .join("\n");
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Phụ lục</title></head><body>\n${body}\n</body></html>`;
}
