/**
 * "Kiểm tra" and "Chỉ tiêu" in Google Sheets: read sheets, run the core pipelines (recognise +
 * validate; targets), and show the problems as marks in the hidden flags column (core/marks),
 * never touching the user's own formatting. Reads and writes per sheet, never per cell.
 */
import type { Form } from "../catalog/schema";
import type { Grid } from "../core/grid";
import { MARK_NOTES, findFlagsColumn, issueMarks, targetMarks } from "../core/marks";
import { readMarker } from "../core/metadata";
import { notMetCells, targetReport, type TargetReportOptions } from "../core/target-report";
import { summariseByArea } from "../core/targets";
import { analyseWorkbook, sheetSummary } from "../core/workbook";
import { readGrid, writeMarks } from "./read";
import type { SheetsTargetCheck, SheetsValidation } from "./wire";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function visibleSheets(ss: Spreadsheet): Sheet[] {
  return ss.getSheets().filter((s) => !s.isSheetHidden());
}

function sheetsNamed(ss: Spreadsheet, names: readonly string[]): Sheet[] {
  return names.flatMap((name) => {
    const sheet = ss.getSheetByName(name);
    return sheet ? [sheet] : [];
  });
}

/**
 * Validates the named sheets, or every visible sheet, and marks their problem cells. Sheets that
 * match no form are listed, not marked (old marks on them are cleared).
 */
export function validateSheets(ss: Spreadsheet, forms: readonly Form[], only?: readonly string[]): SheetsValidation {
  const sheets = only ? sheetsNamed(ss, only) : visibleSheets(ss);
  const grids = sheets.map(readGrid);
  const result: SheetsValidation = { sheets: [], unrecognised: [], issues: [], degraded: [] };
  for (const analysis of analyseWorkbook(grids, forms)) {
    const index = grids.findIndex((g) => g.sheet === analysis.sheet);
    const note = MARK_NOTES.check(analysis.sheet);
    if (!analysis.filled) {
      if (analysis.recognition.status === "unrecognised") result.unrecognised.push({ sheet: analysis.sheet, reason: analysis.recognition.reason });
      if (findFlagsColumn(grids[index]) !== undefined) writeMarks(sheets[index], grids[index], [], ["E", "W"], result.degraded, note);
      continue;
    }
    const flagsCol = writeMarks(sheets[index], grids[index], issueMarks(analysis.issues), ["E", "W"], result.degraded, note);
    result.sheets.push(sheetSummary({ ...analysis, filled: analysis.filled }, flagsCol));
    result.issues.push(...analysis.issues);
  }
  return result;
}

/** Whether live checking looks after this sheet: one of our templates, or a sheet Kiểm tra marked. */
export function isWatched(grid: Grid): boolean {
  return readMarker(grid) !== undefined || findFlagsColumn(grid) !== undefined;
}

/**
 * Evaluates the targets on the visible sheets and marks the cells short of one (mark "T";
 * validation's E and W are kept). No mark is written when the level cannot be told: the pane
 * asks for it and runs again.
 */
export function checkTargets(ss: Spreadsheet, forms: readonly Form[], options: TargetReportOptions = {}): SheetsTargetCheck {
  const sheets = visibleSheets(ss);
  const grids = sheets.map(readGrid);
  const report = targetReport(grids, forms, options);
  const result: SheetsTargetCheck = { report, byArea: summariseByArea(report.results), marks: [], degraded: [] };
  if (!report.level) return result;
  result.marks.push(...notMetCells(report.results));
  sheets.forEach((sheet, i) => {
    const addresses = result.marks.filter((m) => m.sheet === grids[i].sheet).map((m) => m.address);
    writeMarks(sheet, grids[i], targetMarks(addresses), ["T"], result.degraded, MARK_NOTES.targets(grids[i].sheet));
  });
  return result;
}
