/**
 * A direct reader of plain SpreadsheetML — the .xlsx that Excel, LibreOffice, WPS, Google Sheets,
 * ExcelJS and openpyxl write — for what consolidation needs: each worksheet's cells present
 * (value, the text a user sees, formula) and its merged areas. Reading a received workbook is most
 * of a rollup's cost, and SheetJS parses far more than that (styles, themes, properties…).
 *
 * It gives exactly SheetJS's grids or nothing: anything it does not read the way SheetJS does —
 * prefixed XML, chartsheets, dates stored as text, built-in formats SheetJS fills in by locale,
 * parts that are missing or not UTF-8, a shared string that is not there — makes it decline, and
 * SheetJS reads the file (sheetjs.ts). Formatted text comes from SheetJS's own formatter (SSF),
 * except for the few formats that fill most reports (`commonText`, proven equal to SSF by the
 * tests), so that a worker reading them never loads SheetJS.
 * The test suite runs both readers on every workbook it reads and fails on any difference
 * (`CCHC_READER_CHECK`, test/xlsx/spreadsheetml.test.ts).
 */
import { columnLetters, type Grid, type MergeRange, type RawCell } from "../core/grid";
import { sheetjs } from "./sheetjs-lib";

/** The package's parts as bytes (inflated, within the limits), or undefined when absent or unreadable. */
export type PartBytes = (name: string) => Uint8Array | undefined;

export type FastReadResult = { ok: true; sheets: Grid[] } | { ok: false; declined: string };

/** Why the reader leaves a workbook to SheetJS (for tests; never shown to users). */
class Decline extends Error {}
function decline(why: string): never {
  throw new Decline(why);
}

/**
 * Built-in number formats as SheetJS starts each read (`SSF.get_table()`, reset by every read and
 * extended by custom formats), copied so that reading needs no SheetJS; a test checks they are
 * SheetJS's own.
 */
export const BUILTIN_FORMATS: ReadonlyMap<number, string> = new Map([
  [0, "General"], [1, "0"], [2, "0.00"], [3, "#,##0"], [4, "#,##0.00"], [9, "0%"], [10, "0.00%"], [11, "0.00E+00"], [12, "# ?/?"], [13, "# ??/??"],
  [14, "m/d/yy"], [15, "d-mmm-yy"], [16, "d-mmm"], [17, "mmm-yy"], [18, "h:mm AM/PM"], [19, "h:mm:ss AM/PM"], [20, "h:mm"], [21, "h:mm:ss"], [22, "m/d/yy h:mm"],
  [37, "#,##0 ;(#,##0)"], [38, "#,##0 ;[Red](#,##0)"], [39, "#,##0.00;(#,##0.00)"], [40, "#,##0.00;[Red](#,##0.00)"],
  [45, "mm:ss"], [46, "[h]:mm:ss"], [47, "mmss.0"], [48, "##0.0E+0"], [49, "@"], [56, '"上午/下午 "hh"時"mm"分"ss"秒 "'],
]);

const WORKBOOK_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  "application/vnd.ms-excel.template.macroEnabled.main+xml",
]);
const SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
const STYLES_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";

const utf8 = new TextDecoder("utf-8", { fatal: true });

function text(part: PartBytes, name: string): string | undefined {
  const bytes = part(name);
  if (!bytes) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return decline(`${name} is not UTF-8`);
  }
}

export function readSpreadsheetMl(part: PartBytes): FastReadResult {
  try {
    return { ok: true, sheets: readBook(part) };
  } catch (error) {
    return { ok: false, declined: error instanceof Error ? error.message : String(error) };
  }
}

// --- XML scanning: tags and attributes, in the small subset of XML these parts use -----------

/** The attributes of the tag starting at `start` (at "<"), and where the tag ends (after ">"); `empty` for "/>". */
interface Tag {
  attrs: Map<string, string>;
  end: number;
  empty: boolean;
}

function readTag(xml: string, start: number): Tag {
  const close = xml.indexOf(">", start);
  if (close < 0) decline("unclosed tag");
  const empty = xml.charCodeAt(close - 1) === 47; /* / */
  const attrs = new Map<string, string>();
  let i = start + 1;
  while (i < close && !isSpace(xml.charCodeAt(i))) i++; // the tag's name
  for (;;) {
    while (i < close && isSpace(xml.charCodeAt(i))) i++;
    if (i >= close || (empty && i === close - 1)) break;
    const eq = xml.indexOf("=", i);
    if (eq < 0 || eq > close) decline("attribute without a value");
    const name = xml.slice(i, eq).trim();
    let q = eq + 1;
    while (isSpace(xml.charCodeAt(q))) q++;
    const quote = xml[q];
    if (quote !== '"' && quote !== "'") decline("unquoted attribute");
    const endQuote = xml.indexOf(quote, q + 1);
    if (endQuote < 0 || endQuote > close) decline("unclosed attribute");
    attrs.set(name, xml.slice(q + 1, endQuote));
    i = endQuote + 1;
  }
  return { attrs, end: close + 1, empty };
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Is the tag at `at` (just after "<") named exactly `name` (not a longer name)? */
function named(xml: string, at: number, name: string): boolean {
  if (!xml.startsWith(name, at)) return false;
  const c = xml.charCodeAt(at + name.length);
  return c === 62 /* > */ || c === 47 /* / */ || isSpace(c);
}

/** Every start tag named `name` in xml[from, to): its attributes. */
function tags(xml: string, name: string, from = 0, to = xml.length): Map<string, string>[] {
  const found: Map<string, string>[] = [];
  for (let i = xml.indexOf(`<${name}`, from); i >= 0 && i < to; i = xml.indexOf(`<${name}`, i + 1)) if (named(xml, i + 1, name)) found.push(readTag(xml, i).attrs);
  return found;
}

const ENTITIES: Record<string, string> = { quot: '"', apos: "'", gt: ">", lt: "<", amp: "&" };

/** A character reference (SheetJS reads only those of the Basic Multilingual Plane the same way). */
function character(code: number): string {
  if (!(code > 0 && code <= 0xffff)) decline(`character reference ${code}`);
  return String.fromCharCode(code);
}

/** XML text to a string as SheetJS gives it: entities and character references, Excel's _xHHHH_ escapes, CDATA kept, CRLF as LF. */
function unescape(raw: string): string {
  let s = raw;
  if (s.includes("<![CDATA[")) decline("CDATA");
  if (s.includes("&")) {
    // SheetJS leaves other entities as they are, and reads some of them oddly (&AMP;, &#65a;).
    if (/&(?!(?:#x[0-9a-fA-F]+|#[0-9]+|quot|apos|gt|lt|amp);)#?[0-9A-Za-z]*;/.test(s)) decline("an entity SheetJS reads its own way");
    s = s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|quot|apos|gt|lt|amp);/g, (_, e: string) =>
      e[0] === "#" ? character(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
    );
  }
  if (s.includes("_x")) s = s.replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s.includes("\r\n") ? s.replace(/\r\n/g, "\n") : s;
}

/** The content of the first `<name …>…</name>` in xml[from, to), or undefined (also for `<name/>`). */
function element(xml: string, name: string, from: number, to: number): { attrs: Map<string, string>; content: string | undefined } | undefined {
  for (let i = xml.indexOf(`<${name}`, from); i >= 0 && i < to; i = xml.indexOf(`<${name}`, i + 1)) {
    if (!named(xml, i + 1, name)) continue;
    const tag = readTag(xml, i);
    if (tag.empty) return { attrs: tag.attrs, content: undefined };
    const close = xml.indexOf(`</${name}>`, tag.end);
    if (close < 0 || close > to) decline(`unclosed <${name}>`);
    return { attrs: tag.attrs, content: xml.slice(tag.end, close) };
  }
  return undefined;
}

// --- A1 references ---------------------------------------------------------------------------

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/**
 * "B7" → [6, 1] (0-based row, column); declines anything else. Stricter than core's parseA1 (no
 * "$", no lower case: SheetJS reads those its own way), and it runs for every cell.
 */
function cellRef(ref: string): [number, number] {
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) - 64;
    if (c < 1 || c > 26) break;
    col = col * 26 + c;
  }
  const row = Number(ref.slice(i));
  if (i === 0 || i > 3 || i === ref.length || !/^[1-9][0-9]*$/.test(ref.slice(i)) || row > MAX_ROWS || col > MAX_COLS) decline(`cell reference ${ref}`);
  return [row - 1, col - 1];
}


/** A1 references outside quotes, as in a formula: `$` anchors, a sheet-qualified or named thing is left alone. */
const FORMULA_REF = /(^|[^._A-Z0-9])(\$?)([A-Z]{1,3})(\$?)([1-9][0-9]{0,6})(?![_.(A-Za-z0-9])/g;

/** A shared formula as it reads in a cell `dr` rows and `dc` columns from the cell that holds it (relative references move). */
function shiftFormula(formula: string, dr: number, dc: number): string {
  return formula.replace(FORMULA_REF, (all, before: string, colAnchor: string, col: string, rowAnchor: string, row: string) => {
    if (col.length === 3 && col > "XFD") return all;
    if (Number(row) > MAX_ROWS) return all;
    const [r, c] = cellRef(col + row);
    const nc = colAnchor ? c : c + dc;
    const nr = rowAnchor ? r : r + dr;
    if (nc < 0 || nr < 0) decline("shared formula moves out of the sheet");
    return `${before}${colAnchor}${colAnchor ? col : columnLetters(nc)}${rowAnchor}${rowAnchor ? row : nr + 1}`;
  });
}

// --- The workbook ------------------------------------------------------------------------------

interface Styles {
  /** Number format of each cell style (cellXfs), as a format code; undefined where SheetJS would guess one. */
  formats: (string | undefined)[];
}

function readBook(part: PartBytes): Grid[] {
  const types = text(part, "[Content_Types].xml") ?? decline("no [Content_Types].xml");
  const root = element(types, "Types", 0, types.length) ?? decline("no <Types>");
  if (root.attrs.get("xmlns") !== CONTENT_TYPES_NS) decline("content types namespace");
  const overrides = tags(types, "Override");
  const of = (type: (t: string) => boolean) => overrides.filter((o) => type(o.get("ContentType") ?? "")).map((o) => (o.get("PartName") ?? "").replace(/^\//, ""));
  const workbooks = of((t) => WORKBOOK_TYPES.has(t));
  if (workbooks.length > 1 || (workbooks.length === 1 && workbooks[0] !== "xl/workbook.xml")) decline("workbook part elsewhere");
  const strings = of((t) => t === SHARED_STRINGS_TYPE);
  const styles = of((t) => t === STYLES_TYPE);

  const book = text(part, "xl/workbook.xml") ?? decline("no workbook part");
  if (/<[A-Za-z_][\w.-]*:(workbook|sheet|sheets)\b/.test(book)) decline("prefixed workbook XML");
  const pr = tags(book, "workbookPr")[0];
  const date1904 = /^(1|true)$/.test(pr?.get("date1904") ?? "");
  const rels = new Map(
    tags(text(part, "xl/_rels/workbook.xml.rels") ?? decline("no workbook relationships"), "Relationship").map((r) => [r.get("Id") ?? "", r]),
  );
  const sheets = tags(book, "sheet").map((s) => {
    const rel = rels.get(s.get("r:id") ?? decline("sheet without r:id")) ?? decline("sheet without relationship");
    if (rel.get("Type") !== WORKSHEET_REL || rel.get("TargetMode") === "External") decline("not a worksheet");
    const target = unescape(rel.get("Target") ?? "");
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^(\.\/)+/, "")}`;
    if (path.includes("..")) decline("relative target");
    return { name: unescape(s.get("name") ?? decline("sheet without a name")), path };
  });
  if (!sheets.length) decline("no sheets");
  if (new Set(sheets.map((s) => s.name)).size !== sheets.length) decline("duplicate sheet names");

  const shared = strings.length ? readSharedStrings(text(part, strings[0]) ?? decline("shared strings missing")) : [];
  const style = styles.length ? readStyles(text(part, styles[0]) ?? decline("styles missing")) : undefined;
  return sheets.map(({ name, path }) => readSheet(name, text(part, path) ?? decline(`sheet part ${path} missing`), shared, style, date1904));
}

/** A shared or inline string item (<si>, <is>): plain text, or its rich-text runs joined; phonetic runs left out. */
function stringItem(xml: string): string {
  const body = xml.trim();
  if (!body) return "";
  if (/^<t[\s>/]/.test(body)) {
    const t = element(body, "t", 0, body.length);
    return unescape(t?.content ?? "");
  }
  if (!/<r[\s>]/.test(body)) decline("string item with neither text nor runs");
  const runs = body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (let i = runs.indexOf("<t"); i >= 0; i = runs.indexOf("<t", i + 1)) {
    if (!named(runs, i + 1, "t")) continue;
    const tag = readTag(runs, i);
    if (tag.empty) continue;
    const close = runs.indexOf("</t>", tag.end);
    if (close < 0) decline("unclosed <t>");
    const content = runs.slice(tag.end, close);
    if (content.includes("<")) decline("markup inside <t>");
    out += content;
  }
  return unescape(out);
}

function readSharedStrings(xml: string): string[] {
  if (/<[A-Za-z_][\w.-]*:(sst|si)\b/.test(xml)) decline("prefixed shared strings");
  const sst = element(xml, "sst", 0, xml.length);
  if (!sst) return [];
  const body = sst.content ?? "";
  if (body.includes("<sstItem")) decline("sstItem");
  const out: string[] = [];
  for (let i = body.indexOf("<si"); i >= 0; ) {
    if (!named(body, i + 1, "si")) decline("unexpected tag in shared strings");
    const tag = readTag(body, i);
    if (tag.empty) decline("empty <si/>");
    const close = body.indexOf("</si>", tag.end);
    if (close < 0) decline("unclosed <si>");
    out.push(stringItem(body.slice(tag.end, close)));
    i = body.indexOf("<si", close);
  }
  return out;
}

function readStyles(xml: string): Styles {
  if (/<[A-Za-z_][\w.-]*:(styleSheet|numFmt|xf|cellXfs)\b/.test(xml)) decline("prefixed styles");
  const custom = new Map<number, string>();
  const numFmts = element(xml, "numFmts", 0, xml.length);
  if (numFmts?.content) for (const f of tags(numFmts.content, "numFmt")) custom.set(Number(f.get("numFmtId")), unescape(f.get("formatCode") ?? ""));
  const formats: (string | undefined)[] = [];
  const cellXfs = element(xml, "cellXfs", 0, xml.length);
  if (cellXfs?.content)
    for (const xf of tags(cellXfs.content, "xf")) {
      const id = parseInt(xf.get("numFmtId") ?? "0", 10) || 0;
      formats.push(custom.get(id) ?? BUILTIN_FORMATS.get(id));
    }
  return { formats };
}

// --- A worksheet -------------------------------------------------------------------------------

function readSheet(name: string, xml: string, shared: readonly string[], styles: Styles | undefined, date1904: boolean): Grid {
  // Tags inside <sheetData> other than row, c, v, f, is make readRows decline; a prefixed root,
  // sheetData or mergeCells would be missed, so they decline here.
  const root = xml.indexOf("<worksheet");
  if (root < 0 || !named(xml, root + 1, "worksheet") || xml.includes(":sheetData") || xml.includes(":mergeCell")) decline("prefixed worksheet XML");
  const cells: (RawCell | null)[][] = [];
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  const open = xml.indexOf("<sheetData");
  let end = open;
  if (open >= 0) {
    const tag = readTag(xml, open);
    end = tag.end;
    if (!tag.empty) {
      const close = xml.indexOf("</sheetData>", tag.end);
      if (close < 0) decline("unclosed <sheetData>");
      readRows(xml, tag.end, close, { cells, shared, styles, date1904, masters });
      end = close;
    }
  }
  const merges: MergeRange[] = [];
  const mergeCells = element(xml, "mergeCells", end, xml.length);
  if (mergeCells?.content)
    for (const m of tags(mergeCells.content, "mergeCell")) {
      const [from, to = from] = (m.get("ref") ?? decline("merge without ref")).split(":");
      const [top, left] = cellRef(from);
      const [bottom, right] = cellRef(to);
      merges.push({ top, left, bottom, right });
    }
  return { sheet: name, cells, merges };
}

interface SheetState {
  cells: (RawCell | null)[][];
  shared: readonly string[];
  styles: Styles | undefined;
  date1904: boolean;
  /** Shared formulas by their index: the text and the cell that holds it. */
  masters: Map<string, { formula: string; row: number; col: number }>;
}

/**
 * The attributes of a <row> or <c> tag that matter (r, s, t), read without building a map: this
 * runs for every cell of every received sheet. `end` is after the tag's ">", `empty` for "/>".
 */
const scratch = { r: undefined as string | undefined, s: undefined as string | undefined, t: undefined as string | undefined, end: 0, empty: false };

function cellAttributes(xml: string, start: number, nameLength: number): typeof scratch {
  scratch.r = scratch.s = scratch.t = undefined;
  let j = start + 1 + nameLength;
  for (;;) {
    let c = xml.charCodeAt(j);
    while (isSpace(c)) c = xml.charCodeAt(++j);
    if (c === 62 /* > */) {
      scratch.end = j + 1;
      scratch.empty = false;
      return scratch;
    }
    if (c === 47 /* / */) {
      if (xml.charCodeAt(j + 1) !== 62) decline("stray / in a tag");
      scratch.end = j + 2;
      scratch.empty = true;
      return scratch;
    }
    const eq = xml.indexOf("=", j);
    if (eq < 0) decline("attribute without a value");
    let q = eq + 1;
    while (isSpace(xml.charCodeAt(q))) q++;
    const quote = xml.charCodeAt(q);
    if (quote !== 34 && quote !== 39) decline("unquoted attribute");
    const close = xml.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (close < 0) decline("unclosed attribute");
    let nameEnd = eq;
    while (isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
    if (nameEnd - j === 1) {
      const name = xml.charCodeAt(j);
      const value = xml.slice(q + 1, close);
      if (value.includes("<") || value.includes(">")) decline("markup in an attribute");
      if (name === 114 /* r */) scratch.r = value;
      else if (name === 115 /* s */) scratch.s = value;
      else if (name === 116 /* t */) scratch.t = value;
    } else if (xml.slice(j, nameEnd).includes(">")) decline("unclosed tag");
    j = close + 1;
  }
}

/** The character after a tag's name: space, ">" or "/". */
const endsName = (c: number) => c === 62 || c === 47 || isSpace(c);

function readRows(xml: string, from: number, to: number, state: SheetState): void {
  let row = -1;
  let col = -1;
  for (let i = xml.indexOf("<", from); i >= 0 && i < to; ) {
    const c1 = xml.charCodeAt(i + 1);
    if (c1 === 99 /* c */ && endsName(xml.charCodeAt(i + 2))) {
      const tag = cellAttributes(xml, i, 1);
      let at: [number, number];
      if (tag.r === undefined) {
        if (row < 0) decline("cell outside a row");
        at = [row, ++col];
      } else {
        at = cellRef(tag.r);
        col = at[1];
      }
      let cell: RawCell | null = null;
      let next = tag.end;
      // <c r="B7" s="3"/> is a styled empty cell: no cell, as SheetJS's stub.
      if (!tag.empty) {
        const close = xml.indexOf("</c>", tag.end);
        if (close < 0 || close > to) decline("unclosed <c>");
        const { t, s } = tag;
        cell = readCell(xml, tag.end, close, t, s, at, state);
        next = close + 4;
      }
      if (cell) (state.cells[at[0]] ??= [])[at[1]] = cell;
      else if (state.cells[at[0]]?.[at[1]]) delete state.cells[at[0]][at[1]]; // a later empty cell at the same place wins
      i = xml.indexOf("<", next);
    } else if (c1 === 114 /* r */ && xml.startsWith("row", i + 1) && endsName(xml.charCodeAt(i + 4))) {
      const tag = cellAttributes(xml, i, 3);
      row = tag.r === undefined ? row + 1 : Number(tag.r) - 1;
      if (!Number.isInteger(row) || row < 0 || row >= MAX_ROWS) decline(`row ${tag.r}`);
      col = -1;
      i = xml.indexOf("<", tag.end);
    } else if (c1 === 47 /* / */ && xml.startsWith("</row>", i)) i = xml.indexOf("<", i + 6);
    else decline(`unexpected tag in sheetData at ${i}`);
  }
}

const NUMBER = /^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;

/**
 * One <c> whose content is xml[from, to): its value and shown text as SheetJS reads them
 * (sheetStubs, no dates), or null for a cell with neither value nor formula. Only <v>, <f> and
 * <is> belong in a cell; anything else makes the reader decline.
 */
function readCell(xml: string, from: number, to: number, type: string | undefined, style: string | undefined, at: [number, number], state: SheetState): RawCell | null {
  let raw: string | undefined;
  let formulaAt = -1;
  let inline: string | undefined;
  for (let k = xml.indexOf("<", from); k >= 0 && k < to; ) {
    const n = xml.charCodeAt(k + 1);
    if (n === 118 /* v */ && xml.charCodeAt(k + 2) === 62 /* > */) {
      const end = xml.indexOf("</v>", k + 3);
      if (end < 0 || end > to || raw !== undefined) decline("a cell's <v>");
      raw = xml.slice(k + 3, end);
      k = xml.indexOf("<", end + 4);
    } else if (n === 102 /* f */ && endsName(xml.charCodeAt(k + 2))) {
      if (formulaAt >= 0) decline("two formulas in a cell");
      formulaAt = k;
      const gt = xml.indexOf(">", k);
      const end = xml.charCodeAt(gt - 1) === 47 ? gt + 1 : xml.indexOf("</f>", gt) + 4;
      if (gt < 0 || end < 4 || end > to) decline("a cell's <f>");
      k = xml.indexOf("<", end);
    } else if (n === 105 /* i */ && xml.charCodeAt(k + 2) === 115 /* s */ && endsName(xml.charCodeAt(k + 3))) {
      const tag = readTag(xml, k);
      const end = tag.empty ? tag.end : xml.indexOf("</is>", tag.end);
      if (end < 0 || end > to) decline("a cell's <is>");
      inline = tag.empty ? "" : xml.slice(tag.end, end);
      k = xml.indexOf("<", tag.empty ? end : end + 5);
    } else return decline("unexpected tag in a cell");
  }
  if (raw === "") raw = undefined;
  const formula = formulaAt >= 0 ? readFormula(xml.slice(formulaAt, to), at[0], at[1], state) : undefined;
  let value: RawCell["value"];
  switch (type ?? "n") {
    case "n":
      if (raw === undefined) return formula !== undefined ? { value: null, formula } : null;
      if (!NUMBER.test(raw)) decline(`number ${raw}`);
      value = Number(raw);
      break;
    case "s": {
      if (raw === undefined) return formula !== undefined ? { value: null, formula } : null;
      const index = /^[0-9]{1,9}$/.test(raw) ? Number(raw) : -1;
      if (index < 0 || index >= state.shared.length) decline(`shared string ${raw}`);
      value = state.shared[index];
      break;
    }
    case "str":
      value = raw === undefined ? "" : unescape(raw);
      break;
    case "inlineStr":
      value = inline ? stringItem(inline) : "";
      break;
    case "b":
      if (raw === undefined) decline("boolean without a value");
      value = raw === "1" || raw === "true";
      break;
    case "e":
      if (raw === undefined) decline("error without a value");
      value = unescape(raw);
      return { value, text: value, ...(formula !== undefined ? { formula } : {}) };
    default:
      return decline(`cell type ${type}`);
  }
  const shown = textOf(value, style, state);
  const cell: RawCell = shown === undefined ? { value } : { value, text: shown };
  if (formula !== undefined) cell.formula = formula;
  return cell;
}

/** The formula of a cell (shared formulas moved to it), as SheetJS gives it: without the `_xlfn.` prefix of newer functions. */
function readFormula(content: string, row: number, col: number, state: SheetState): string | undefined {
  const f = element(content, "f", 0, content.length);
  if (!f) return undefined;
  const kind = f.attrs.get("t");
  if (kind !== undefined && kind !== "shared" && kind !== "array" && kind !== "normal") decline(`formula type ${kind}`);
  if (f.content) {
    const formula = unescape(f.content).replace(/_xlfn\./g, "");
    if (kind === "shared") state.masters.set(f.attrs.get("si") ?? decline("shared formula without si"), { formula, row, col });
    return formula;
  }
  if (kind !== "shared") return undefined;
  const master = state.masters.get(f.attrs.get("si") ?? "");
  return master ? shiftFormula(master.formula, row - master.row, col - master.col) : undefined;
}

/** What the cell shows: its value in its number format, by SheetJS's formatter; undefined when the formatter fails. */
function textOf(value: string | number | boolean, style: string | undefined, state: SheetState): string | undefined {
  let format = "General";
  if (style !== undefined && state.styles) {
    const index = Number(style);
    if (Number.isInteger(index) && index >= 0 && index < state.styles.formats.length) {
      const code = state.styles.formats[index];
      if (code === undefined) decline("a built-in format SheetJS guesses");
      format = code;
    }
  }
  if (format === "General") {
    if (typeof value === "number") return generalNumber(value) ?? sheetjs().SSF.format("General", value);
    if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
    return value;
  }
  const common = commonText(format, value);
  if (common !== undefined) return common;
  try {
    return sheetjs().SSF.format(format, value, state.date1904 ? { date1904: true } : {});
  } catch {
    return undefined;
  }
}

/** Formats a text cell shows as it is (SSF gives text its format's text section; these have none). */
const TEXT_AS_IS = new Set(["@", "0", "0.00", "#,##0", "#,##0.00", "0%", "0.00%"]);
const THOUSANDS = /\B(?=(\d{3})+$)/g;

/** "12.500" → "12.5", "12.000" → "12". */
const dropTrailingZeros = (text: string) => (text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text);

/**
 * A number in the General format, as Excel (and SSF) shows it, for numbers from 0.0001 to a
 * billion: at most 11 characters (12 with a minus sign), rounded to fit, no trailing zeros.
 * Undefined for the rest (exponents, NaN): SSF decides.
 */
function generalNumber(value: number): string | undefined {
  if (Number.isSafeInteger(value) && Math.abs(value) < 1e9) return String(value);
  const size = Math.abs(value);
  if (!(size >= 1e-4 && size < 1e9)) return undefined;
  // The power of ten, computed as Excel's formatter does (log10 can differ at exact powers).
  const power = Math.floor(Math.log(size) * Math.LOG10E);
  const width = value < 0 ? 12 : 11;
  let text: string;
  if (power < 0) text = value.toPrecision(10 + power);
  else {
    text = dropTrailingZeros(value.toFixed(12));
    if (text.length > width) text = value.toPrecision(10);
    if (text.length > width) return undefined;
  }
  return /e/i.test(text) ? undefined : dropTrailingZeros(text);
}

/**
 * What SSF shows for the cells that fill most reports — text in a text or plain number format,
 * a number in General, a whole number in "0" or "#,##0" — without SheetJS; undefined for
 * anything else (SSF decides). Equal to SSF on every case of test/xlsx/spreadsheetml.test.ts.
 */
export function commonText(format: string, value: string | number | boolean): string | undefined {
  if (typeof value === "string") return TEXT_AS_IS.has(format) ? value : undefined;
  if (typeof value === "number" && format === "General") return generalNumber(value);
  if (typeof value !== "number" || !Number.isSafeInteger(value)) return undefined;
  if (format === "0") return String(value);
  if (format === "#,##0") return value < 0 ? `-${String(-value).replace(THOUSANDS, ",")}` : String(value).replace(THOUSANDS, ",");
  return undefined;
}
