/**
 * Writes sheet layouts into the open workbook through Office.js. Deliberately thin: every
 * decision (cells, styles, validations, names) comes from core; this file only translates it
 * into queued Office.js calls, in two round trips whatever the number of rows or forms:
 *   1. read the existing sheet names (so nothing is overwritten or renamed);
 *   2. queue every sheet, value, format, merge, validation and protection, then sync once.
 * `queueSheet` is the one per-sheet writer: templates (insertForms) and rollup sheets
 * (src/excel/rollup.ts) go through it, so both look exactly like their .xlsx counterparts.
 */
import { MARKED_ROWS } from "../core/marks";
import { MARK_COLORS, STYLES, layoutMatrix, styleRectangles, type CellStyle, type SheetLayout } from "../core/layout";
import { uniqueSheetName } from "../core/sheet-names";
import { ExcelFeatures } from "./features";

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

/**
 * Bytes an action takes in a request, on the generous side: Office.js sends each as JSON with the
 * object path it acts on (a range, its format, font…), about 100-150 bytes all told.
 */
const ACTION_BYTES = 200;

/**
 * A conservative estimate of the request bytes `queueSheet` sends for a layout besides its cells
 * block: the actions it queues, counted the way queueFormatting queues them. Used to keep a
 * request under Excel on the web's 5 MB limit (src/excel/rollup.ts).
 */
export function estimateFormattingBytes(layout: SheetLayout): number {
  let actions = 2 * layout.widths.length + 2 * Object.keys(layout.heights).length;
  for (const rects of styleRectangles(layout).values()) actions += 13 * rects.length;
  const t = layout.table;
  const boxes = 1 + layout.cells.filter((c) => STYLES[c.style].border && (c.row < t.top || c.row > t.bottom || c.col < t.left || c.col > t.right)).length;
  actions += 20 * boxes + 2 * layout.merges.length + 8;
  actions += 7 * layout.validations.length + 7 * layout.conditionalFormats.length + 8;
  const text = layout.validations.reduce((n, v) => n + v.prompt.length + v.error.length + v.promptTitle.length + v.errorTitle.length + (v.list?.join(",").length ?? 0), 0);
  return actions * ACTION_BYTES + 3 * text;
}

/**
 * Inserts the forms as new sheets, never touching existing ones, and activates the first new
 * sheet. Two `context.sync()` calls in all.
 */
export async function insertForms(context: Excel.RequestContext, forms: FormToInsert[], features: ExcelFeatures): Promise<InsertResult> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();

  const taken = worksheets.items.map((s) => s.name);
  const degraded = new Set<string>();
  const sheets: InsertResult["sheets"] = [];
  let first: Excel.Worksheet | undefined;
  for (const item of forms) {
    const name = uniqueSheetName(item.name, taken);
    taken.push(name);
    const sheet = worksheets.add(name);
    first ??= sheet;
    queueSheet(sheet, item.layout, features, degraded);
    sheets.push({ name, formId: item.layout.formId });
  }
  first?.activate();
  await context.sync();
  return { sheets, degraded: [...degraded] };
}
