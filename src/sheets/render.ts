/**
 * Writes sheet plans (src/sheets/plan.ts) through SpreadsheetApp. Thin: every decision comes from
 * core through the plan; this file only calls Sheets, with 2-D setters over the whole block
 * (never a call per cell), so the calls per sheet do not grow with its rows or columns:
 *   cells:   1 size check (+ growing the grid), number formats, values, 9 style arrays;
 *   finish:  one call per run of equal widths, per merge, per bordered box and per hidden column
 *            (all fixed by the form, not by what is typed or how many units report), one call for
 *            all validations, one for all conditional formats, freeze, protection.
 *
 * Text stays text: string cells are written under "@" (number formats first), which is how
 * spreadsheets keep "=…" typed into a Text cell. Apps Script documents only that a value
 * beginning with "=" is interpreted as a formula (Range.setValues), so the writer does not take
 * the "@" rule on trust: after writing, it reads back the formulas of the cells whose text a
 * spreadsheet could take for one, and if Sheets made a formula of any, writes those cells again
 * with a quote prefix under General; if Sheets still keeps a formula, it throws (the caller
 * removes what it wrote) rather than leave a formula where a unit's text belongs.
 */
import { a1 } from "../core/grid";
import { uniqueSheetName } from "../core/sheet-names";
import { markedRows, sheetPlan, type FinishPlan, type RowsPlan } from "./plan";
import type { WireLayout } from "./wire";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Sheets' default font size, for cells the layout leaves unstyled. */
const DEFAULT_SIZE = 10;

/** Thrown when Sheets keeps a formula where text was written, whatever the writer tried. */
export class TextNotKeptError extends Error {
  override name = "TextNotKeptError";
  constructor(readonly sheet: string, readonly cells: string[]) {
    super(`Google Sheets kept formulas where text was written: ${sheet}!${cells.join(", ")}`);
  }
}

/** A new sheet has 1000 rows and 26 columns: grows the grid so that rows × cols fit. */
export function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/** Cells of `checks` (sheet coordinates) that hold a formula, as read from `range` (starting at row `from`). */
function formulasAt(range: Range, from: number, checks: readonly [number, number][]): [number, number][] {
  const formulas = range.getFormulas();
  return checks.filter(([r, c]) => (formulas[r - from]?.[c] ?? "") !== "");
}

/** Writes rows [from, to) of the cells block: number formats, values, then the style arrays. */
export function writeRows(sheet: Sheet, rows: RowsPlan): void {
  const count = rows.to - rows.from;
  if (count <= 0 || rows.cols <= 0) return;
  ensureSize(sheet, rows.to, rows.cols);
  const range = sheet.getRange(rows.from + 1, 1, count, rows.cols);
  range.setNumberFormats(rows.formats);
  range.setValues(rows.values);
  range.setFontFamilies(rows.families);
  range.setFontSizes(rows.sizes.map((row) => row.map((s) => s ?? DEFAULT_SIZE)));
  range.setFontWeights(rows.weights);
  range.setFontStyles(rows.styles);
  range.setFontColors(rows.colors);
  range.setBackgrounds(rows.backgrounds);
  range.setHorizontalAlignments(rows.horizontal);
  range.setVerticalAlignments(rows.vertical);
  range.setWraps(rows.wraps);
  if (!rows.textChecks.length) return;

  // Text that looks like a formula: prove it stayed text (see the header).
  let bad = formulasAt(range, rows.from, rows.textChecks);
  if (!bad.length) return;
  const formats = rows.formats.map((row) => [...row]);
  const values = rows.values.map((row) => [...row]);
  for (const [r, c] of bad) {
    formats[r - rows.from][c] = "General";
    values[r - rows.from][c] = `'${String(rows.values[r - rows.from][c]).replace(/^'/, "")}`;
  }
  range.setNumberFormats(formats);
  range.setValues(values);
  bad = formulasAt(range, rows.from, bad);
  if (bad.length) throw new TextNotKeptError(sheet.getName(), bad.map(([r, c]) => a1(r, c)));
}

function rangeOf(sheet: Sheet, r: { top: number; left: number; bottom: number; right: number }): Range {
  return sheet.getRange(r.top + 1, r.left + 1, r.bottom - r.top + 1, r.right - r.left + 1);
}

/** Everything but the cells block (see the header for the calls). */
export function finishSheet(sheet: Sheet, plan: FinishPlan): void {
  ensureSize(sheet, plan.rows, plan.cols);
  for (const [col, count, px] of plan.widths) sheet.setColumnWidths(col + 1, count, px);
  for (const m of plan.merges) rangeOf(sheet, m).merge();
  for (const b of plan.borders) rangeOf(sheet, b.rect).setBorder(true, true, true, true, b.inside, b.inside, "#000000", SpreadsheetApp.BorderStyle.SOLID);
  for (const col of plan.hiddenColumns) sheet.hideColumns(col + 1);

  if (plan.validations.length) {
    const rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] = Array.from({ length: plan.rows }, () => new Array(plan.cols).fill(null));
    for (const v of plan.validations) {
      const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(false).setHelpText(v.help);
      const rule = (v.kind === "list" ? builder.requireValueInList(v.list ?? [], true) : builder.requireNumberBetween(v.min ?? 0, v.max ?? 0)).build();
      for (let r = v.rect.top; r <= v.rect.bottom; r++) for (let c = v.rect.left; c <= v.rect.right; c++) rules[r][c] = rule;
    }
    sheet.getRange(1, 1, plan.rows, plan.cols).setDataValidations(rules);
  }
  if (plan.conditional.length) {
    const maxRows = sheet.getMaxRows();
    const rules = sheet.getConditionalFormatRules();
    for (const cf of plan.conditional) {
      const rect = { ...cf.rect, bottom: Math.min(cf.rect.bottom, maxRows - 1) };
      rules.push(
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(cf.formula)
          .setBackground(cf.fill)
          .setFontColor(cf.font)
          .setBold(true)
          .setRanges([rangeOf(sheet, rect)])
          .build(),
      );
    }
    sheet.setConditionalFormatRules(rules);
  }
  if (plan.frozenRows) sheet.setFrozenRows(plan.frozenRows);
  if (plan.frozenCols) sheet.setFrozenColumns(plan.frozenCols);
  if (plan.protect) {
    const protection = sheet.protect().setDescription("CCHC Phụ lục: bố cục phụ lục (chỉ cảnh báo khi sửa)").setWarningOnly(true);
    if (plan.unprotected.length) protection.setUnprotectedRanges(plan.unprotected.map((r) => rangeOf(sheet, r)));
  }
}

/** Writes a whole layout into a sheet (cells, then everything else). */
export function writeLayout(sheet: Sheet, layout: WireLayout): void {
  const plan = sheetPlan(layout);
  writeRows(sheet, plan.rows);
  finishSheet(sheet, plan.finish);
}

/** The rows a mark rule covers on this sheet (core/marks, clamped to the sheet's rows). */
export function markRows(sheet: Sheet): number {
  return markedRows(sheet.getMaxRows());
}

export interface FormToInsert {
  name: string;
  layout: WireLayout;
}

/**
 * Inserts the layouts as new sheets at the end, never touching existing ones (names made unique
 * against every sheet, ignoring case), and activates the first new sheet.
 */
export function insertLayouts(ss: Spreadsheet, items: readonly FormToInsert[]): { sheets: { name: string; formId: string }[]; degraded: string[] } {
  const taken = ss.getSheets().map((s) => s.getName());
  const sheets: { name: string; formId: string }[] = [];
  let first: Sheet | undefined;
  for (const item of items) {
    const name = uniqueSheetName(item.name, taken);
    taken.push(name);
    const sheet = ss.insertSheet(name, ss.getSheets().length);
    first ??= sheet;
    writeLayout(sheet, item.layout);
    sheets.push({ name, formId: item.layout.formId });
  }
  first?.activate();
  return { sheets, degraded: [] };
}
