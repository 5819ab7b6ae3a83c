/**
 * The one place where the task pane hands sheets and files to the core pipelines, shared by the
 * Excel and the standalone backend:
 *   Kiểm tra  → core/workbook analyseWorkbook (recognise + validate; Excel: excel/validate)
 *   Tổng hợp  → xlsx/pool readReceivedFiles (files, in Web Workers) + excel/rollup sourcesFromSheets
 *               (sheets of the workbook) + core/consolidate (units, rollup, output sheets;
 *               Excel: excel/rollup writeRollup)
 *   Chỉ tiêu  → core/target-report (targets at the report's level, suggested ratings; Excel:
 *               excel/targets checkTargets, which also marks the cells short of a target)
 * Loaded with import() by the backends, so the pipelines stay out of the first paint.
 */
import { FORMS, findForm, type Form, type Level } from "../catalog";
import type { Area } from "../catalog/targets/schema";
import { NO_COLUMN as CORE_NO_COLUMN } from "../core/column-choice";
import { consolidationSteps, type Consolidation } from "../core/consolidate";
import { runStepsPausing } from "../core/steps";
import type { Grid } from "../core/grid";
import type { Issue } from "../core/issues";
import { compareVietnamese } from "../core/normalize";
import { formName } from "../core/recognise";
import { describePeriod } from "../core/period";
import { isRollupSheet } from "../core/rollup-layout";
import { consolidationComplete, consolidationCounts, consolidationSummary } from "../core/rollup-summary";
import { targetReport, type TargetReport } from "../core/target-report";
import { summariseByArea, type StatusCounts } from "../core/targets";
import { UNIT_STATUS_LABELS, type ReceivedSource } from "../core/units";
import { analyseWorkbook, sourcesFromSheets, type SheetSummary } from "../core/workbook";
import type { TargetCheck } from "../excel/targets";
import type { ExcelValidation } from "../excel/validate";
import type { Budget } from "../xlsx/limits";
import { ACCEPTED_FORMATS } from "./accepted-files";
import { readPool } from "./read-pool";
import {
  NO_COLUMN as PANE_NO_COLUMN,
  PaneError,
  type CheckReport,
  type CheckedSheet,
  type InputFile,
  type RollupOutcome,
  type RollupProgress,
  type RollupRequest,
  type SourceSheets,
  type TargetMarkView,
  type TargetsOutcome,
} from "./backend";

function count(issues: readonly Issue[]): { errors: number; warnings: number } {
  const errors = issues.filter((i) => i.severity === "error").length;
  return { errors, warnings: issues.length - errors };
}

function totals(sheets: CheckedSheet[], degraded: string[]): CheckReport {
  return {
    sheets,
    errors: sheets.reduce((n, s) => n + s.errors, 0),
    warnings: sheets.reduce((n, s) => n + s.warnings, 0),
    degraded,
  };
}

// ---- Kiểm tra ---------------------------------------------------------------------------------

/** Kiểm tra over sheets read from files or the workspace, in workbook order. */
export function checkGrids(grids: readonly Grid[]): CheckReport {
  const sheets = analyseWorkbook(grids, FORMS).map((a): CheckedSheet => {
    if (!a.filled) {
      const reason = a.recognition.status === "unrecognised" ? a.recognition.reason : undefined;
      return { sheet: a.sheet, status: "unrecognised", ...(reason ? { reason } : {}), issues: a.issues, ...count(a.issues) };
    }
    return {
      sheet: a.sheet,
      status: "recognised",
      formId: a.filled.form.id,
      formName: formName(a.filled.form),
      ...(a.filled.unit ? { unit: a.filled.unit } : {}),
      ...(a.filled.period ? { period: a.filled.period } : {}),
      issues: a.issues,
      ...count(a.issues),
    };
  });
  return totals(sheets, []);
}

/** What a host adapter's Kiểm tra reports (src/excel/validate, src/sheets/validate): Excel's sheets also carry their id. */
export type HostValidation = Omit<ExcelValidation, "sheets"> & { sheets: SheetSummary[] };

/** Kiểm tra as src/excel/validate (or src/sheets/validate) reports it (the cells are also marked in the workbook). */
export function checkFromExcel(v: HostValidation): CheckReport {
  const sheets: CheckedSheet[] = v.sheets.map((s) => {
    const form = FORMS.find((f) => f.id === s.formId);
    const issues = v.issues.filter((i) => i.sheet === s.sheet);
    return {
      sheet: s.sheet,
      status: "recognised",
      formId: s.formId,
      formName: form ? formName(form) : s.formTitle,
      ...(s.unit ? { unit: s.unit } : {}),
      issues,
      errors: s.errors,
      warnings: s.warnings,
    };
  });
  for (const u of v.unrecognised) {
    const issues = v.issues.filter((i) => i.sheet === u.sheet);
    sheets.push({ sheet: u.sheet, status: "unrecognised", reason: u.reason, issues, ...count(issues) });
  }
  return totals(sheets, v.degraded);
}

// ---- Tổng hợp ---------------------------------------------------------------------------------

/** Thrown when the user cancels a long operation. */
export function cancelled(): PaneError {
  return new PaneError("Đã huỷ tổng hợp.", "Chưa có trang tính nào được tạo. Bấm «Tổng hợp» để làm lại khi sẵn sàng.");
}

/**
 * Reads received files in Web Workers (xlsx/browser-pool: the page stays responsive, each file
 * within the time budget, several at once) into consolidation sources, reporting each file's
 * status. A file that cannot be read becomes a source with its reason; `signal` cancels, also in
 * the middle of a file.
 */
export async function readFiles(
  files: readonly InputFile[],
  onProgress?: (p: RollupProgress) => void,
  signal?: AbortSignal,
  budget?: Partial<Budget>,
): Promise<ReceivedSource[]> {
  if (!files.length) return [];
  const [{ readReceivedFiles }, pool] = await Promise.all([import(/* webpackChunkName: "read-pool" */ "../xlsx/pool"), readPool(files.length, budget)]);
  // The Vietnamese collator the consolidation sorts units with is made now, while the workers
  // start, rather than inside the consolidation's first step (15-20 ms in Chromium).
  compareVietnamese("", "");
  let done = 0;
  try {
    const sources = await readReceivedFiles(
      pool,
      files,
      FORMS,
      (index, total, file, status) => onProgress?.({ done: status === "reading" ? done : ++done, total, file, index, status }),
      signal,
    );
    onProgress?.({ done: files.length, total: files.length, file: "" });
    return sources;
  } catch (error) {
    if (signal?.aborted || (error instanceof Error && error.name === "AbortError")) throw cancelled();
    throw error;
  } finally {
    void pool.terminate();
  }
}

/** Throws when there is nothing to consolidate, or when not a single file could be read. */
export function checkSources(sources: readonly ReceivedSource[]): void {
  if (!sources.length) {
    throw new PaneError(
      "Chưa chọn tệp hay trang tính nào để tổng hợp.",
      "Hãy đánh dấu các trang tính của đơn vị trong sổ làm việc, hoặc bấm «Chọn tệp…» và chọn các tệp báo cáo nhận được từ đơn vị cấp dưới.",
    );
  }
  if (sources.every((s) => s.outcome === "unreadable")) {
    throw new PaneError(
      "Không đọc được tệp nào.",
      `Hãy kiểm tra đó là tệp bảng tính hoặc văn bản Word (${ACCEPTED_FORMATS}); nếu tệp do đơn vị khác gửi, hãy nhờ họ lưu lại dạng .xlsx (hoặc .docx) rồi gửi lại.`,
      sources.map((s) => `${s.source}: ${s.reason ?? ""}`).join("; "),
    );
  }
}

// The pane's «no column» answer is the core's (a compile-time check: both are the literal -1).
const _sameNoColumn: typeof CORE_NO_COLUMN = PANE_NO_COLUMN;
void _sameNoColumn;

/** The request's options for core/consolidate (and excel/rollup writeRollup). */
export function consolidateOptions(request: RollupRequest): { expected?: string[]; unit?: string; period?: string; columnChoices?: Record<string, number> } {
  const expected = request.expected?.map((u) => u.trim()).filter(Boolean);
  return {
    ...(expected?.length ? { expected } : {}),
    ...(request.unit?.trim() ? { unit: request.unit.trim() } : {}),
    ...(request.period?.trim() ? { period: request.period.trim() } : {}),
    ...(request.columnChoices && Object.keys(request.columnChoices).length ? { columnChoices: request.columnChoices } : {}),
  };
}

/** A macrotask's turn: the page paints and answers clicks before the next step. */
function nextTask(): Promise<void> {
  if (typeof MessageChannel !== "function") return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * The consolidation, one form's rollup or one sheet's layout at a time with the page's turn in
 * between: a rollup of 170 units in one go held the page for 150-300 ms.
 */
export async function consolidateSources(sources: readonly ReceivedSource[], request: RollupRequest, taken: Iterable<string>): Promise<Consolidation> {
  checkSources(sources);
  return runStepsPausing(consolidationSteps(sources, { ...consolidateOptions(request), taken }), nextTask);
}

/** "Phụ lục 3 · cấp huyện" for lists of sheets. */
function formLabel(form: Form): string {
  const level = form.familyTitle.split(/\s+[—–]\s+/)[1]?.trim();
  return level ? `${form.appendix} · ${level}` : form.appendix;
}

function isBlank(grid: Grid): boolean {
  return !grid.cells.some((row) => row?.some((cell) => cell && cell.value !== null && String(cell.value).trim() !== ""));
}

/**
 * The sheets (of the workbook, or of the standalone workspace) that can be consolidated, each as
 * one unit's report: recognised appendices with the unit they name. Rollup sheets (marker rule)
 * and empty sheets are left out; sheets with content but no appendix are listed as skipped.
 */
export function sourceSheetsOf(grids: readonly Grid[]): SourceSheets {
  const out: SourceSheets = { sheets: [], skipped: [] };
  for (const grid of grids) {
    if (isBlank(grid) || isRollupSheet(grid)) continue;
    const [source] = sourcesFromSheets([grid], FORMS);
    if (!source) continue;
    if (source.outcome !== "read") {
      const reason = (source.reason ?? "").replace(/^«[^»]*»:\s*/, "");
      out.skipped.push({ sheet: grid.sheet, reason });
      continue;
    }
    const unit = source.forms.find((f) => f.unit?.trim())?.unit?.trim();
    out.sheets.push({ sheet: grid.sheet, forms: source.forms.map((f) => formLabel(f.form)), ...(unit ? { unit } : {}) });
  }
  return out;
}

/** The chosen sheets as consolidation sources, each one unit's report, with the user's corrections of unit names. */
export function sheetSources(grids: readonly Grid[], chosen: readonly { name: string; unit?: string }[]): ReceivedSource[] {
  const units: Record<string, string> = {};
  for (const c of chosen) if (c.unit?.trim()) units[c.name] = c.unit.trim();
  return sourcesFromSheets(grids, FORMS, units);
}

/** What the view shows of a consolidation, with the sheet names actually written. */
export function rollupOutcome(
  c: Consolidation,
  written: { name: string; kind: "status" | "rollup" | "detail" }[],
  replaced: string[],
  degraded: string[],
): RollupOutcome {
  const counts = consolidationCounts(c.units.units, c.rollups);
  return {
    units: c.units.units.map((u) => ({
      unit: u.unit,
      status: u.status,
      statusLabel: UNIT_STATUS_LABELS[u.status],
      message: u.message,
      files: u.files.map((f) => ({ file: f.source, status: f.status, ...(f.reason ? { reason: f.reason } : {}) })),
    })),
    sheets: written,
    replaced,
    forms: c.rollups.length,
    summary: consolidationSummary(counts),
    complete: consolidationComplete(counts),
    degraded,
    questions: c.units.decisions.map((d) => ({
      key: d.key,
      unit: d.unit,
      file: d.source,
      sheet: d.sheet,
      form: findForm(d.formId)?.appendix ?? d.formId,
      column: d.decision.column,
      candidates: d.decision.candidates.map((x) => ({ col: x.col, letter: x.letter, header: x.header, samples: x.samples })),
    })),
    ...(c.units.period ? { period: describePeriod(c.units.period) } : {}),
    periodNotes: c.units.notes.map((n) => n.message),
  };
}

/** Names of the sheets a previous rollup wrote (they carry its marker): a rebuild replaces them. */
export function rollupSheetNames(grids: readonly Grid[]): string[] {
  return grids.filter(isRollupSheet).map((g) => g.sheet);
}

// ---- Chỉ tiêu ---------------------------------------------------------------------------------

function targetsOutcome(report: TargetReport, byArea: { area: Area; counts: StatusCounts }[], marks: TargetMarkView[], degraded: string[]): TargetsOutcome {
  if (!report.sheets.length) {
    return {
      status: "no-forms",
      message: "Chưa có phụ lục nào đã điền (hoặc bảng tổng hợp) để đánh giá. Hãy chèn và điền một phụ lục, mở tệp đã điền, hoặc tổng hợp trước.",
    };
  }
  if (!report.level) {
    return { status: "need-level", message: "Không xác định được cấp báo cáo từ tên đơn vị. Hãy chọn cấp (tỉnh, huyện hoặc xã) để đánh giá." };
  }
  return { status: "done", report, byArea, marks, degraded };
}

/** Chỉ tiêu over sheets read from files or the workspace (nothing is marked there). */
export function targetsOf(grids: readonly Grid[], level?: Level): TargetsOutcome {
  const report = targetReport(grids, FORMS, level ? { level } : {});
  return targetsOutcome(report, summariseByArea(report.results), [], []);
}

/** Chỉ tiêu as src/excel/targets reports it (the cells short of a target are also marked in the workbook). */
export function targetsFromExcel(check: TargetCheck): TargetsOutcome {
  const marks = check.marks.map((m) => ({ sheet: m.sheet, address: m.address, target: m.result.target, note: m.note }));
  return targetsOutcome(check.report, check.byArea, marks, check.degraded);
}
