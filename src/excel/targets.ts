/**
 * "Chỉ tiêu" in Excel: the visible sheets (a unit's filled appendices, or a rollup) evaluated
 * against the reform targets by core/target-report, and every cell whose value falls short of a
 * target marked — through the hidden flags column of core/marks (mark "T", its own colour),
 * never by changing the cell or its formatting. The user's Đạt / Không đạt ratings are read and
 * compared with the suggestions, never written.
 *
 * Round trips, whatever the number of sheets or rows: 1. the sheet list, 2. every visible sheet's
 * cells (src/excel/read.ts: their sizes, then their values — one request unless the bytes exceed
 * a response), 3. the flags columns that change (T marks added where a target is not met, cleared
 * where it now is; validation's E and W marks are kept). No write when the level cannot be told
 * (the pane asks for it and runs again).
 */
import type { Form } from "../catalog/schema";
import type { Area } from "../catalog/targets";
import { MARK_NOTES, targetMarks } from "../core/marks";
import { notMetCells, targetReport, type TargetMarkCell, type TargetReport, type TargetReportOptions } from "../core/target-report";
import { summariseByArea, type StatusCounts } from "../core/targets";
import { readSheets, type ReadOptions } from "./read";
import { queueMarks } from "./validate";

/** A cell marked as short of a target, for the pane's list (click → `selectCell(sheet, address)`). */
export type TargetMark = TargetMarkCell;

export interface TargetCheck {
  /** Level evaluated (undefined: it could not be told — ask the user, pass `level`), sheets used, results, rating suggestions. */
  report: TargetReport;
  /** Met / not met / no data / self-assessment per reform area, for the pane's chart. */
  byArea: { area: Area; counts: StatusCounts }[];
  /** Cells marked in the workbook, in the order of the results. */
  marks: TargetMark[];
  /** Vietnamese notes about marks that could not be shown. */
  degraded: string[];
}

const PROTECTED_NOTE = MARK_NOTES.targets;

/**
 * Evaluates the targets on the visible sheets and marks the cells short of one (see the header).
 * `level`: the level of the report when the sheets do not tell it; `baselines`: values of the
 * base year for change targets, by target id.
 */
export async function checkTargets(
  context: Excel.RequestContext,
  forms: readonly Form[],
  options: TargetReportOptions = {},
  read: ReadOptions = {},
): Promise<TargetCheck> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const names = worksheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name);
  const reads = await readSheets(context, names, read);

  const grids = reads.map((r) => r.grid);
  const report = targetReport(grids, forms, options);
  const result: TargetCheck = { report, byArea: summariseByArea(report.results), marks: [], degraded: [] };
  if (!report.level) return result;

  result.marks.push(...notMetCells(report.results));
  for (const read of reads) {
    const addresses = result.marks.filter((m) => m.sheet === read.name).map((m) => m.address);
    queueMarks(read, read.grid, targetMarks(addresses), ["T"], result.degraded, PROTECTED_NOTE(read.name));
  }
  await context.sync();
  return result;
}
