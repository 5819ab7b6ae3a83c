/**
 * The one place where the task pane hands sheets and files to the core pipelines, shared by the
 * Excel and the standalone backend:
 *   Kiểm tra  → core/workbook analyseWorkbook (recognise + validate; Excel: excel/validate)
 *   Tổng hợp  → xlsx/received (SheetJS) + core/consolidate (units, rollup, output sheets)
 *   Chỉ tiêu  → core/target-report (targets at the report's level, suggested ratings)
 * Loaded with import() by the backends, so the pipelines stay out of the first paint.
 */
import { FORMS, type Level } from "../catalog";
import { consolidate, type Consolidation } from "../core/consolidate";
import type { Grid } from "../core/grid";
import type { Issue } from "../core/issues";
import { readMarker } from "../core/metadata";
import { formName } from "../core/recognise";
import { targetReport } from "../core/target-report";
import { UNIT_STATUS_LABELS, type ReceivedSource } from "../core/units";
import { analyseWorkbook } from "../core/workbook";
import type { ExcelValidation } from "../excel/validate";
import {
  PaneError,
  type CheckReport,
  type CheckedSheet,
  type InputFile,
  type RollupOutcome,
  type RollupProgress,
  type RollupRequest,
  type TargetsOutcome,
} from "./backend";

/** The grid with its template metadata (the hidden marker cell our templates carry). */
export function withMetadata(grid: Grid): Grid {
  if (grid.metadata) return grid;
  const metadata = readMarker(grid);
  return metadata ? { ...grid, metadata } : grid;
}

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
  const sheets = analyseWorkbook(grids.map(withMetadata), FORMS).map((a): CheckedSheet => {
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

/** Kiểm tra as src/excel/validate reports it (the cells are also marked in the workbook). */
export function checkFromExcel(v: ExcelValidation): CheckReport {
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

/** Lets the browser paint and handle clicks (Huỷ) between files. */
function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Reads received files one by one with SheetJS into consolidation sources. A file that cannot be
 * read becomes a source with its reason; the others are still read.
 */
export async function readReceived(files: readonly InputFile[], onProgress?: (p: RollupProgress) => void, signal?: AbortSignal): Promise<ReceivedSource[]> {
  const { receivedFromFile } = await import(/* webpackChunkName: "xlsx-read" */ "../xlsx/received");
  const sources: ReceivedSource[] = [];
  for (let i = 0; i < files.length; i++) {
    if (signal?.aborted) throw cancelled();
    const file = files[i];
    onProgress?.({ done: i, total: files.length, file: file.name });
    await yieldToUi();
    if (signal?.aborted) throw cancelled();
    try {
      sources.push(receivedFromFile(file.bytes, file.name, FORMS));
    } catch (error) {
      sources.push({ source: file.name, outcome: "unreadable", reason: error instanceof Error ? error.message : String(error), forms: [], issues: [] });
    }
  }
  onProgress?.({ done: files.length, total: files.length, file: "" });
  await yieldToUi();
  if (signal?.aborted) throw cancelled();
  return sources;
}

export function consolidateSources(sources: readonly ReceivedSource[], request: RollupRequest, taken: Iterable<string>): Consolidation {
  if (!sources.length) throw new PaneError("Chưa chọn tệp nào để tổng hợp.", "Hãy bấm «Chọn tệp…» và chọn các tệp báo cáo nhận được từ đơn vị cấp dưới.");
  if (sources.every((s) => s.outcome === "unreadable")) {
    throw new PaneError(
      "Không đọc được tệp nào.",
      "Hãy kiểm tra đó là tệp bảng tính (.xlsx, .xls, .ods); nếu tệp do đơn vị khác gửi, hãy nhờ họ lưu lại dạng .xlsx rồi gửi lại.",
      sources.map((s) => `${s.source}: ${s.reason ?? ""}`).join("; "),
    );
  }
  const expected = request.expected?.map((u) => u.trim()).filter(Boolean);
  return consolidate(sources, {
    ...(expected?.length ? { expected } : {}),
    ...(request.unit?.trim() ? { unit: request.unit.trim() } : {}),
    ...(request.period?.trim() ? { period: request.period.trim() } : {}),
    taken,
  });
}

/** What the view shows of a consolidation, with the sheet names actually written. */
export function rollupOutcome(c: Consolidation, written: { name: string; kind: "status" | "rollup" | "detail" }[], degraded: string[]): RollupOutcome {
  return {
    units: c.units.units.map((u) => ({
      unit: u.unit,
      status: u.status,
      statusLabel: UNIT_STATUS_LABELS[u.status],
      message: u.message,
      files: u.files.map((f) => ({ file: f.source, status: f.status, ...(f.reason ? { reason: f.reason } : {}) })),
    })),
    sheets: written,
    forms: c.rollups.length,
    degraded,
  };
}

// ---- Chỉ tiêu ---------------------------------------------------------------------------------

export function targetsOf(grids: readonly Grid[], level?: Level): TargetsOutcome {
  const report = targetReport(grids.map(withMetadata), FORMS, level ? { level } : {});
  if (!report.sheets.length) {
    return {
      status: "no-forms",
      message: "Chưa có phụ lục nào đã điền (hoặc bảng tổng hợp) để đánh giá. Hãy chèn và điền một phụ lục, mở tệp đã điền, hoặc tổng hợp trước.",
    };
  }
  if (!report.level) {
    return { status: "need-level", message: "Không xác định được cấp báo cáo từ tên đơn vị. Hãy chọn cấp (tỉnh, huyện hoặc xã) rồi đánh giá lại." };
  }
  return { status: "done", report };
}
