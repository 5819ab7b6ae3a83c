/**
 * "Kiểm tra" in Excel: read sheets, run the core pipeline (recognise + validate), and show the
 * problems as marks that never touch the user's formatting (core/marks.ts). Round trips do not
 * grow with rows or sheets, only with the bytes read (src/excel/read.ts): the sheet list when
 * validating the whole workbook, the sheets' sizes, their cells (one request unless the response
 * would exceed Excel on the web's limit), and one write for the marks.
 */
import type { Form } from "../catalog/schema";
import type { Grid } from "../core/grid";
import type { Issue } from "../core/issues";
import { MARKED_ROWS, MARK_NOTES, findFlagsColumn, issueMarks, markRules, planMarks, type CellMark, type MarkKind } from "../core/marks";
import { MARK_COLORS } from "../core/layout";
import { analyseWorkbook, sheetSummary, type SheetSummary as CheckedSheetSummary } from "../core/workbook";
import { readSheets, type ReadOptions, type SheetRead } from "./read";

export interface SheetSummary extends CheckedSheetSummary {
  /** The worksheet's id: stays when the sheet is renamed; a sheet deleted and made again has a new one. */
  sheetId: string;
}

export interface ExcelValidation {
  sheets: SheetSummary[];
  /** Sheets that look like tables but match no form, with the reason (Vietnamese). */
  unrecognised: { sheet: string; reason: string }[];
  issues: Issue[];
  /** Vietnamese notes about marks that could not be shown. */
  degraded: string[];
}

export { findFlagsColumn } from "../core/marks";

/**
 * Queues the marks of one sheet (core/marks `planMarks`): the flags column rewritten with `marks` for the
 * kinds in `replace`, the other kinds kept as read; written only when it changes. A sheet
 * without a flags column gets one, hidden, with the mark rules, when there is something to mark
 * — unless it is protected (then `protectedNote` goes to `degraded`). Returns the flags column
 * used, if any.
 */
export function queueMarks(
  read: SheetRead,
  grid: Grid,
  marks: readonly CellMark[],
  replace: readonly MarkKind[],
  degraded: string[],
  protectedNote: string,
): number | undefined {
  const { sheet } = read;
  const plan = planMarks(grid, marks, replace);
  if (!plan) return undefined; // nothing to mark and nothing to clear
  const { flagsCol } = plan;
  if (plan.create) {
    if (read.protected) {
      degraded.push(protectedNote);
      return undefined;
    }
    const lastCol = flagsCol - 1;
    for (const rule of markRules(flagsCol)) {
      const format = sheet.getRangeByIndexes(0, 0, MARKED_ROWS + 1, lastCol + 1).conditionalFormats.add("Custom");
      format.custom.rule.formula = `=${rule.formula}`;
      format.custom.format.fill.color = `#${MARK_COLORS[rule.severity].fill}`;
      format.custom.format.font.color = `#${MARK_COLORS[rule.severity].font}`;
    }
    sheet.getRangeByIndexes(0, flagsCol, 1, 1).columnHidden = true;
  }
  if (plan.column) sheet.getRangeByIndexes(0, flagsCol, plan.column.length, 1).values = plan.column.map((v) => [v]);
  return flagsCol;
}

const PROTECTED_NOTE = MARK_NOTES.check;

/**
 * Validates the sheets `only` names (names or ids), or every visible sheet when `only` is absent,
 * and marks their problem cells. Sheets that match no form are listed, not marked.
 */
export async function validateWorkbook(context: Excel.RequestContext, forms: readonly Form[], only?: string[], options: ReadOptions = {}): Promise<ExcelValidation> {
  const worksheets = context.workbook.worksheets;
  let keys = only;
  if (!keys) {
    worksheets.load("items/name,items/visibility");
    await context.sync();
    keys = worksheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name);
  }
  const reads = await readSheets(context, keys, options);

  const grids = reads.map((r) => r.grid);
  const analyses = analyseWorkbook(grids, forms);
  const degraded: string[] = [];
  const result: ExcelValidation = { sheets: [], unrecognised: [], issues: [], degraded };
  for (const analysis of analyses) {
    const index = grids.findIndex((g) => g.sheet === analysis.sheet);
    const hasFlags = findFlagsColumn(grids[index]) !== undefined;
    if (!analysis.filled) {
      if (analysis.recognition.status === "unrecognised") result.unrecognised.push({ sheet: analysis.sheet, reason: analysis.recognition.reason });
      if (hasFlags) queueMarks(reads[index], grids[index], [], ["E", "W"], degraded, PROTECTED_NOTE(analysis.sheet)); // clear old marks
      continue;
    }
    const flagsCol = queueMarks(reads[index], grids[index], issueMarks(analysis.issues), ["E", "W"], degraded, PROTECTED_NOTE(analysis.sheet));
    result.sheets.push({ ...sheetSummary({ ...analysis, filled: analysis.filled }, flagsCol), sheetId: reads[index].id });
    result.issues.push(...analysis.issues);
  }
  await context.sync();
  return result;
}

/** Activates the sheet and selects the cell (one round trip). */
export async function selectCell(context: Excel.RequestContext, sheetName: string, address: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(address || "A1").select();
  await context.sync();
}

/** Whether a change touched only the hidden flags column (our own marks), so it is no reason to re-validate. */
export function isOwnMarkChange(address: string, flagsColumnLetters: string | undefined): boolean {
  if (!flagsColumnLetters) return false;
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  return local
    .split(":")
    .every((part) => part.replace(/\$/g, "").replace(/\d+$/, "") === flagsColumnLetters);
}
