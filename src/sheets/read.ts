/**
 * Sheets read into core Grids, and the marks written back. Two reads per sheet (values and what
 * the cells show), one write per sheet for its flags column: never a call per cell.
 */
import { findFlagsColumn, markRules, planMarks, type CellMark, type MarkKind } from "../core/marks";
import type { Grid, RawCell } from "../core/grid";
import { MARK_COLORS } from "../core/layout";
import { ensureSize, markRows } from "./render";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const DAY_MS = 86_400_000;
const EPOCH_1899 = Date.UTC(1899, 11, 30);

/**
 * A date as a spreadsheet serial number (days since 30/12/1899), from its calendar fields in the
 * script's time zone (appsscript.json: Asia/Ho_Chi_Minh) — what Excel gives as a cell's value.
 */
export function dateSerial(date: Date): number {
  const utc = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds());
  return (utc - EPOCH_1899) / DAY_MS;
}

/** One cell as read: `getValues` gives numbers, booleans, strings and Date objects; "" is empty. */
function rawCell(value: unknown, text: string): RawCell | null {
  if (value === "" || value === null || value === undefined) return null;
  if (value instanceof Date) return { value: dateSerial(value), text };
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return { value, text };
  return { value: String(value), text };
}

/** The sheet from A1 to its last used cell as a Grid (two reads; an empty sheet reads nothing more). */
export function readGrid(sheet: Sheet): Grid {
  const name = sheet.getName();
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  if (rows < 1 || cols < 1) return { sheet: name, cells: [] };
  const range = sheet.getRange(1, 1, rows, cols);
  const values = range.getValues();
  const display = range.getDisplayValues();
  return { sheet: name, cells: values.map((row, r) => row.map((v, c) => rawCell(v, display[r][c]))) };
}

/** Whether a user other than the owner may not edit the sheet (a protection that is not a warning). */
export function isLocked(sheet: Sheet): boolean {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).some((p) => !p.isWarningOnly() && !p.canEdit());
}

/**
 * Writes the marks of one sheet (core/marks `planMarks`): the flags column rewritten with `marks`
 * for the kinds in `replace`, other kinds kept; written only when it changes. A sheet without a
 * flags column gets one, hidden, with the three mark rules added to the sheet's own conditional
 * formats — unless the sheet is locked for this user (then `lockedNote` goes to `degraded`).
 * Returns the flags column used, if any.
 */
export function writeMarks(sheet: Sheet, grid: Grid, marks: readonly CellMark[], replace: readonly MarkKind[], degraded: string[], lockedNote: string): number | undefined {
  const plan = planMarks(grid, marks, replace);
  if (!plan) return undefined;
  if ((plan.create || plan.column) && isLocked(sheet)) {
    degraded.push(lockedNote);
    return plan.create ? undefined : plan.flagsCol;
  }
  const { flagsCol } = plan;
  if (plan.create) {
    ensureSize(sheet, 1, flagsCol + 1);
    const rows = markRows(sheet);
    const rules = sheet.getConditionalFormatRules();
    for (const rule of markRules(flagsCol)) {
      const colors = MARK_COLORS[rule.severity];
      rules.push(
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(`=${rule.formula}`)
          .setBackground(`#${colors.fill}`)
          .setFontColor(`#${colors.font}`)
          .setRanges([sheet.getRange(1, 1, rows, flagsCol)])
          .build(),
      );
    }
    sheet.setConditionalFormatRules(rules);
    sheet.hideColumns(flagsCol + 1);
  }
  if (plan.column) {
    ensureSize(sheet, plan.column.length, flagsCol + 1);
    sheet.getRange(1, flagsCol + 1, plan.column.length, 1).setValues(plan.column.map((v) => [v]));
  }
  return flagsCol;
}

export { findFlagsColumn };
