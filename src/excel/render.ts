/**
 * Writes sheet layouts into the open workbook through Office.js. Deliberately thin: every
 * decision (cells, styles, validations, names) comes from core; this file only translates it
 * into queued Office.js calls:
 *   1. read the existing sheet names (so nothing is overwritten or renamed);
 *   2. queue every sheet, value, format, merge, validation and protection, then sync — once when
 *      it fits a request (all 21 forms take 2.1 MB), else in as few requests as the budget allows
 *      (`writeSheets`): round trips grow with bytes, never with rows.
 * `queueSheet` is the one per-sheet writer: templates (insertForms) and rollup sheets
 * (src/excel/rollup.ts) go through it, so both look exactly like their .xlsx counterparts.
 */
import { MARKED_ROWS } from "../core/marks";
import { MARK_COLORS, STYLES, layoutMatrix, styleRectangles, type CellStyle, type SheetLayout } from "../core/layout";
import { uniqueSheetName } from "../core/sheet-names";
import type { ExcelFeatures } from "./features";
import { ACTION_BYTES, DEFAULT_REQUEST_BYTES, REQUEST_OVERHEAD, arrayBytes, estimateFormattingBytes, packRequests, type Piece } from "./request-size";

export interface FormToInsert {
  /** Wanted sheet name; made unique against the workbook's names. */
  name: string;
  layout: SheetLayout;
}

export interface InsertResult {
  sheets: { name: string; formId: string }[];
  /** Vietnamese notes about what this Excel could not apply (older ExcelApi sets). */
  degraded: string[];
}

/** Excel measures column width in points; a character of the default font is about 6 points. */
const POINTS_PER_CHAR = 6;

function numberFormats(layout: SheetLayout): string[][] {
  const formats: string[][] = [];
  for (let r = 0; r <= layout.lastRow; r++) formats.push(new Array(layout.lastCol + 1).fill("General"));
  for (const cell of layout.cells) {
    // Text cells are written as text ("@") so that a label such as "- Văn bản…" or an STT such as
    // "1.2" is never read by Excel as a formula, a number or a date (layoutMatrix relies on it).
    formats[cell.row][cell.col] = cell.numberFormat ?? (typeof cell.value === "string" ? "@" : "General");
  }
  return formats;
}

/** What a layout's cells block is written as: number formats first, then values and formulas. */
export interface CellBlock {
  formats: string[][];
  matrix: (string | number)[][];
}

export function cellBlock(layout: SheetLayout): CellBlock {
  return { formats: numberFormats(layout), matrix: layoutMatrix(layout) };
}

/**
 * Queues rows [from, to) of the cells block (number formats, then values and formulas: the
 * order matters, a string under "@" stays text). The whole block by default.
 */
export function queueCells(sheet: Excel.Worksheet, block: CellBlock, from = 0, to = block.matrix.length): void {
  if (to <= from) return;
  const cols = block.matrix[0]?.length ?? 0;
  if (!cols) return;
  const range = sheet.getRangeByIndexes(from, 0, to - from, cols);
  range.numberFormat = from === 0 && to === block.formats.length ? block.formats : block.formats.slice(from, to);
  range.formulas = from === 0 && to === block.matrix.length ? block.matrix : block.matrix.slice(from, to);
}

function applyStyle(range: Excel.Range, style: CellStyle, features: ExcelFeatures): void {
  const format = range.format;
  format.font.name = "Times New Roman";
  format.font.size = style.size ?? 12;
  format.font.bold = !!style.bold;
  format.font.italic = !!style.italic;
  if (style.color) format.font.color = `#${style.color}`;
  if (style.fill) format.fill.color = `#${style.fill}`;
  if (style.horizontal) format.horizontalAlignment = style.horizontal === "center" ? "Center" : style.horizontal === "right" ? "Right" : "Left";
  format.verticalAlignment = style.vertical === "top" ? "Top" : "Center";
  if (style.wrap) format.wrapText = true;
  if (style.indent && features.indent) format.indentLevel = style.indent;
  format.protection.locked = style.locked;
}

/**
 * Queues one sheet's layout: the cells block (unless `cells` is false: the caller writes it with
 * `queueCells`, e.g. in slices) and everything else — widths, heights, styles, borders, merges,
 * hidden columns, validations, conditional formats, frozen panes, page layout, protection.
 */
export function queueSheet(sheet: Excel.Worksheet, layout: SheetLayout, features: ExcelFeatures, degraded: Set<string>, cells = true): void {
  if (cells) queueCells(sheet, cellBlock(layout));
  queueFormatting(sheet, layout, features, degraded);
}

function queueFormatting(sheet: Excel.Worksheet, layout: SheetLayout, features: ExcelFeatures, degraded: Set<string>): void {
  layout.widths.forEach((width, col) => {
    sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = width * POINTS_PER_CHAR;
  });
  for (const [row, height] of Object.entries(layout.heights)) sheet.getRangeByIndexes(Number(row), 0, 1, 1).format.rowHeight = height;

  for (const [style, rects] of styleRectangles(layout)) {
    for (const r of rects) applyStyle(sheet.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1), STYLES[style], features);
  }
  // Thin lines around and inside the table, and around each bordered cell outside it (the unit and
  // period boxes) over its whole merged area, as the .xlsx writer draws them.
  const t = layout.table;
  const boxes = [t];
  for (const cell of layout.cells) {
    const outside = cell.row < t.top || cell.row > t.bottom || cell.col < t.left || cell.col > t.right;
    if (!STYLES[cell.style].border || !outside) continue;
    const merge = layout.merges.find((m) => m.top === cell.row && m.left === cell.col);
    boxes.push(merge ?? { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col });
  }
  for (const b of boxes) {
    const range = sheet.getRangeByIndexes(b.top, b.left, b.bottom - b.top + 1, b.right - b.left + 1);
    const inside = b === t ? (["InsideHorizontal", "InsideVertical"] as const) : [];
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", ...inside] as const) {
      const border = range.format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
    }
  }
  for (const m of layout.merges) sheet.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
  sheet.getRangeByIndexes(0, layout.markerCell.col, 1, 1).columnHidden = true;
  const flags = sheet.getRangeByIndexes(0, layout.flagsCol, MARKED_ROWS + 1, 1);
  flags.columnHidden = true;
  flags.format.protection.locked = false; // validation marks are written here on a protected sheet

  if (features.dataValidation) {
    for (const v of layout.validations) {
      const range = sheet.getRangeByIndexes(v.top, v.left, v.bottom - v.top + 1, v.right - v.left + 1);
      range.dataValidation.ignoreBlanks = true;
      range.dataValidation.rule =
        v.type === "list"
          ? { list: { inCellDropDown: true, source: v.list!.join(",") } }
          : v.type === "whole"
            ? { wholeNumber: { formula1: v.min ?? 0, formula2: v.max ?? 0, operator: "Between" } }
            : { decimal: { formula1: v.min ?? 0, formula2: v.max ?? 0, operator: "Between" } };
      range.dataValidation.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
      range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle, message: v.error };
    }
  } else if (layout.validations.length) {
    degraded.add("Excel này chưa hỗ trợ kiểm tra dữ liệu nhập (ExcelApi 1.8): ô nhập không tự chặn giá trị sai; hãy dùng nút «Kiểm tra».");
  }
  if (features.conditionalFormats) {
    for (const cf of layout.conditionalFormats) {
      const format = sheet
        .getRangeByIndexes(cf.top, cf.left, cf.bottom - cf.top + 1, cf.right - cf.left + 1)
        .conditionalFormats.add("Custom");
      format.custom.rule.formula = `=${cf.formula}`;
      const colors = MARK_COLORS[cf.severity ?? "error"];
      format.custom.format.fill.color = `#${colors.fill}`;
      format.custom.format.font.color = `#${colors.font}`;
      format.custom.format.font.bold = true;
    }
  }
  sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, layout.frozenRows, layout.frozenCols));
  if (features.pageLayout) {
    sheet.pageLayout.orientation = "Landscape";
    sheet.pageLayout.setPrintTitleRows(`$${layout.printTitleRows[0] + 1}:$${layout.printTitleRows[1] + 1}`);
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
  // Protection without a password: guards the layout against slips; any user can lift it.
  if (layout.protect === false) return;
  sheet.protection.protect({
    allowFormatColumns: true,
    allowFormatRows: true,
    allowFormatCells: false,
    allowInsertRows: false,
    allowDeleteRows: false,
    selectionMode: "Normal",
  });
}

// ---------------------------------------------------------------------------------------------
// Sheets written in requests under a budget

/** Part of a sheet sent in one request: rows [from, to) of its cells, and/or its formatting. */
interface SheetPiece extends Piece {
  /** The sheet is added by this piece (its first). */
  add: boolean;
  from: number;
  to: number;
  formatting: boolean;
}

/** Pieces of one sheet: the whole sheet when it fits a request, else row slices then its formatting. */
function sheetPieces(item: number, block: CellBlock, formatting: number, budget: number): SheetPiece[] {
  const room = budget - REQUEST_OVERHEAD; // what a piece alone in a request may take
  const rows = block.matrix.length;
  const slice = (from: number, to: number) => arrayBytes(block.formats.slice(from, to)) + arrayBytes(block.matrix.slice(from, to)) + ACTION_BYTES;
  const whole = slice(0, rows) + ACTION_BYTES;
  if (whole + formatting <= room) return [{ item, add: true, from: 0, to: rows, formatting: true, bytes: whole + formatting }];
  const pieces: SheetPiece[] = [];
  let from = 0;
  for (let to = 1; to <= rows; to++) {
    if (to < rows && slice(from, to + 1) + 2 * ACTION_BYTES <= room) continue;
    pieces.push({ item, add: pieces.length === 0, from, to, formatting: false, bytes: slice(from, to) + 2 * ACTION_BYTES });
    from = to;
  }
  const last = pieces[pieces.length - 1];
  if (last.bytes + formatting <= room) {
    last.formatting = true;
    last.bytes += formatting;
  } else pieces.push({ item, add: false, from: rows, to: rows, formatting: true, bytes: formatting + ACTION_BYTES });
  return pieces;
}

export interface SheetsWritten {
  /** The sheets added, in the order given. */
  sheets: Excel.Worksheet[];
  /** Requests sent (1 unless the sheets exceed a request). */
  requests: number;
  /** Each request's estimated size, in bytes (tests compare them with what office.js sends). */
  estimates: number[];
}

/**
 * Adds the sheets `names[i]` and writes `layouts[i]` into them, in as few requests as `budget`
 * allows — one when everything fits; a sheet larger than a request is written in slices of rows.
 * `finish` queues what must go with the last request (activating a sheet, renaming…), costing
 * `finishBytes`. One sync per request (round trips grow with bytes, not with rows or sheets).
 */
export async function writeSheets(
  context: Excel.RequestContext,
  items: readonly { name: string; layout: SheetLayout }[],
  features: ExcelFeatures,
  degraded: Set<string>,
  options: {
    budget?: number;
    first?: number;
    finish?: (sheets: Excel.Worksheet[]) => void;
    finishBytes?: number;
    /** After each request: requests sent, of all. */
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<SheetsWritten> {
  const budget = options.budget ?? DEFAULT_REQUEST_BYTES;
  const blocks = items.map((s) => cellBlock(s.layout));
  const pieces: SheetPiece[] = items.flatMap((s, i) => sheetPieces(i, blocks[i], estimateFormattingBytes(s.layout), budget));
  const finish: SheetPiece = { item: -1, add: false, from: 0, to: 0, formatting: false, bytes: options.finishBytes ?? ACTION_BYTES };
  const requests = packRequests([...pieces, finish], budget, options.first);
  const worksheets = context.workbook.worksheets;
  const sheets: Excel.Worksheet[] = [];
  for (const [q, request] of requests.entries()) {
    for (const piece of request) {
      if (piece === finish) {
        options.finish?.(sheets);
        continue;
      }
      const { name, layout } = items[piece.item];
      if (piece.add) sheets[piece.item] = worksheets.add(name);
      const sheet = sheets[piece.item];
      queueCells(sheet, blocks[piece.item], piece.from, piece.to);
      if (piece.formatting) queueSheet(sheet, layout, features, degraded, false);
    }
    // One request per batch: a single one unless the sheets exceed a request (see above).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    options.onProgress?.(q + 1, requests.length);
  }
  const overhead = (q: number) => (q === 0 ? (options.first ?? REQUEST_OVERHEAD) : REQUEST_OVERHEAD);
  return { sheets, requests: requests.length, estimates: requests.map((r, q) => r.reduce((n, p) => n + p.bytes, overhead(q))) };
}

/**
 * Inserts the forms as new sheets, never touching existing ones, and activates the first new
 * sheet. Two `context.sync()` calls when the forms fit one request (every form of the catalogue
 * does), one more per request otherwise.
 */
export async function insertForms(
  context: Excel.RequestContext,
  forms: FormToInsert[],
  features: ExcelFeatures,
  budget = DEFAULT_REQUEST_BYTES,
  onProgress?: (done: number, total: number) => void,
): Promise<InsertResult> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();

  const taken = worksheets.items.map((s) => s.name);
  const degraded = new Set<string>();
  const items = forms.map((item) => {
    const name = uniqueSheetName(item.name, taken);
    taken.push(name);
    return { name, layout: item.layout };
  });
  await writeSheets(context, items, features, degraded, { budget, finish: (sheets) => sheets[0]?.activate(), ...(onProgress ? { onProgress } : {}) });
  return { sheets: items.map((s) => ({ name: s.name, formId: s.layout.formId })), degraded: [...degraded] };
}
