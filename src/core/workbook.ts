/**
 * A whole workbook through the core: every sheet recognised (our templates by their marker,
 * others by title and labels) and every recognised sheet validated. The one pipeline behind
 * `cchc validate`, the pane's standalone mode and the Excel "Kiểm tra" button.
 */
import type { Form } from "../catalog/schema";
import type { FilledForm } from "./filled";
import type { Grid } from "./grid";
import { sortIssues, validateFilled } from "./validate";
import type { Issue } from "./issues";
import { reportLevel } from "./levels";
import { recogniseSheet, type Recognition } from "./recognise";

export interface SheetAnalysis {
  sheet: string;
  /** Absent when the sheet matched no form. */
  filled?: FilledForm;
  recognition: Recognition;
  /** Recognition and validation issues of this sheet, sorted. */
  issues: Issue[];
}

function isEmpty(grid: Grid): boolean {
  return !grid.cells.some((row) => row?.some((cell) => cell && cell.value !== null && String(cell.value).trim() !== ""));
}

export function analyseSheet(grid: Grid, forms: readonly Form[]): SheetAnalysis {
  const recognition = recogniseSheet(grid, forms);
  if (recognition.status !== "recognised") return { sheet: grid.sheet, recognition, issues: recognition.issues };
  const { filled } = recognition;
  const level = reportLevel(filled.form, filled.unit);
  const issues = sortIssues([...recognition.issues, ...validateFilled(filled, level ? { level } : {})]);
  return { sheet: grid.sheet, filled, recognition, issues };
}

/** Analyses every non-empty sheet. Sheets that match no form are returned as unrecognised. */
export function analyseWorkbook(sheets: readonly Grid[], forms: readonly Form[]): SheetAnalysis[] {
  return sheets.filter((g) => !isEmpty(g)).map((g) => analyseSheet(g, forms));
}
