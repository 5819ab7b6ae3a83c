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
import type { ReceivedSource } from "./units";
import { isRollupSheet } from "./rollup-layout";

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

/** Sheets worth reading as a unit's appendix: not empty, and not written by a rollup. */
function isCandidate(grid: Grid): boolean {
  return !isEmpty(grid) && !isRollupSheet(grid);
}

export function analyseSheet(grid: Grid, forms: readonly Form[]): SheetAnalysis {
  const recognition = recogniseSheet(grid, forms);
  if (recognition.status !== "recognised") return { sheet: grid.sheet, recognition, issues: recognition.issues };
  const { filled } = recognition;
  const level = reportLevel(filled.form, filled.unit);
  const issues = sortIssues([...recognition.issues, ...validateFilled(filled, level ? { level } : {})]);
  return { sheet: grid.sheet, filled, recognition, issues };
}

/** Analyses every non-empty sheet a rollup did not write. Sheets that match no form are returned as unrecognised. */
export function analyseWorkbook(sheets: readonly Grid[], forms: readonly Form[]): SheetAnalysis[] {
  return sheets.filter(isCandidate).map((g) => analyseSheet(g, forms));
}

/**
 * A received workbook (file, or sheets of the open workbook) as a source for consolidation:
 * its recognised forms with their recognition issues; validation happens in the rollup.
 */
export function receivedFromGrids(source: string, sheets: readonly Grid[], forms: readonly Form[], unit?: string): ReceivedSource {
  const nonEmpty = sheets.filter(isCandidate);
  const recognitions = nonEmpty.map((g) => ({ sheet: g.sheet, recognition: recogniseSheet(g, forms) }));
  const filled = recognitions.flatMap((r) => (r.recognition.status === "recognised" ? [r.recognition.filled] : []));
  const issues = recognitions.flatMap((r) => (r.recognition.status === "recognised" ? r.recognition.issues : []));
  if (!filled.length) {
    const reason = nonEmpty.length
      ? recognitions.map((r) => (r.recognition.status === "unrecognised" ? `«${r.sheet}»: ${r.recognition.reason}` : "")).filter(Boolean).join("; ")
      : "mọi trang tính đều trống";
    return { source, ...(unit ? { unit } : {}), outcome: "unrecognised", reason, forms: [], issues: [] };
  }
  return { source, ...(unit ? { unit } : {}), outcome: "read", forms: filled, issues };
}
