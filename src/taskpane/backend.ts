/**
 * What the task pane's views talk to. Three implementations:
 *
 *   ExcelBackend       (excel-backend.ts)      inside Excel: Office.js, the open workbook
 *   SheetsBackend      (sheets-backend.ts)     inside Google Sheets' sidebar: google.script.run
 *                      to the Apps Script server (src/sheets), the open spreadsheet
 *   StandaloneBackend  (standalone-backend.ts) outside Excel (a plain browser, LibreOffice users,
 *                      an Office too old for add-ins): an in-memory workspace of sheets that the
 *                      user opens from files and downloads as .xlsx
 *
 * Views never touch Office.js, ExcelJS or SheetJS: everything goes through this interface, and
 * what the core computes from sheets (validation now; rollup and targets later) is wired in one
 * place, core-wiring.ts, shared by both implementations.
 */
import type { Level } from "../catalog";
import type { Area } from "../catalog/targets/schema";
import type { Issue } from "../core/issues";
import type { ProbeResult } from "../core/probes";
import type { TargetReport } from "../core/target-report";
import type { StatusCounts } from "../core/targets";
import type { Workspace } from "./workspace";

export type BackendKind = "excel" | "sheets" | "standalone";

/** Whether a step can run here, and if not, why (Vietnamese, says what to do instead). */
export type Availability = { ready: true } | { ready: false; message: string };

export interface Capabilities {
  insert: Availability;
  check: Availability;
  rollup: Availability;
  targets: Availability;
}

// ---- Chèn phụ lục -----------------------------------------------------------------------------

export interface InsertRequest {
  /** Catalogue form ids, in the order they should appear as sheets. */
  formIds: string[];
  /** "Đơn vị báo cáo", written into the header cell (may be blank). */
  unit?: string;
  /** "Kỳ báo cáo", written into the header cell (may be blank). */
  period?: string;
}

export interface InsertOutcome {
  /** Sheets created, in order; names were made unique, nothing was overwritten or renamed. */
  sheets: { name: string; formId: string }[];
  /** What this host could not apply (Vietnamese). */
  degraded: string[];
}

// ---- Kiểm tra ---------------------------------------------------------------------------------

export interface CheckedSheet {
  sheet: string;
  /** recognised: a catalogue form; unrecognised: has content but no known form. */
  status: "recognised" | "unrecognised";
  formId?: string;
  /** "Phụ lục 3 — THÔNG KÊ …" for the user. */
  formName?: string;
  unit?: string;
  period?: string;
  /** Why the sheet was not recognised (Vietnamese). */
  reason?: string;
  /** Recognition and validation issues of this sheet, sorted by position. */
  issues: Issue[];
  errors: number;
  warnings: number;
}

export interface CheckReport {
  /** Sheets analysed (empty sheets and sheets a rollup wrote are left out). */
  sheets: CheckedSheet[];
  errors: number;
  warnings: number;
  /** What this host could not show (Vietnamese), e.g. marks on a protected sheet. */
  degraded: string[];
  /** Excel: the recognised sheets are watched, and the report is re-sent as they change (`onCheckUpdate`). */
  live?: boolean;
}

/** A report refreshed after the user changed a checked sheet, or why the refresh failed. */
export type CheckUpdate = { report: CheckReport } | { error: PaneError };

// ---- Tổng hợp ----------------------------------------------------------------------------------

/** A file the user picked (received report), as bytes. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** A sheet of the open workbook that can be consolidated as one unit's report. */
export interface SourceSheet {
  sheet: string;
  /** The appendices recognised on it, for the user ("Phụ lục 3 · cấp huyện"). */
  forms: string[];
  /** The unit the sheet names (template or unit cell); absent when it names none (its sheet name is used). */
  unit?: string;
}

export interface SourceSheets {
  /** Sheets with a recognised appendix, in workbook order (rollup sheets and empty sheets left out). */
  sheets: SourceSheet[];
  /** Sheets with content but no appendix recognised (left out), with the reason. */
  skipped: { sheet: string; reason: string }[];
}

export interface RollupRequest {
  /** Received files, read in Web Workers (progress per file, cancellable mid-file). */
  files: InputFile[];
  /** Sheets of the open workbook to consolidate too, each one unit's report; `unit` corrects the unit's name. */
  sheets?: { name: string; unit?: string }[];
  /** The consolidating unit and period, for the output's header. */
  unit?: string;
  period?: string;
  /** Units expected to report (one per line in the pane); absent ones are listed as missing. */
  expected?: string[];
  /** What reading one file may cost (xlsx/limits BUDGET when absent). */
  budget?: { seconds?: number; memoryMb?: number };
  /**
   * Which sheet column holds this period's figures, for sheets recognition could not tell by
   * meaning: question key → 0-based column, or -1 for none (see `ColumnQuestion`).
   */
  columnChoices?: Record<string, number>;
}

/** The answer «none of these columns» to a `ColumnQuestion`: the column is left unreported. */
export const NO_COLUMN = -1 as const;

/**
 * A question the rollup asks: which column of a unit's sheet holds this period's figures
 * ("Số liệu" over two unlabeled sub-columns, two columns headed alike). Until it is answered, the
 * sheet is left out. The answer is remembered by `key` (the unit and the sheet's layout).
 */
export interface ColumnQuestion {
  key: string;
  unit: string;
  /** The file (or "Trang tính «…»") and sheet. */
  file: string;
  sheet: string;
  /** "Phụ lục" of the form, and the form column asked about ("Số liệu"). */
  form: string;
  column: string;
  candidates: { col: number; letter: string; header: string; samples: string[] }[];
}

/** What became of a file while reading: "reading", then what its reading gave. */
export type FileReadStatus = "reading" | "read" | "unreadable" | "unrecognised";

export interface RollupProgress {
  /** Files read so far, of `total`. */
  done: number;
  total: number;
  /** The file being read or just read, or "" when consolidating. */
  file: string;
  /** Index of `file` in the request's files. */
  index?: number;
  status?: FileReadStatus;
  /** Google Sheets: the output is being written piece by piece (`done` of `total` pieces). */
  stage?: "writing";
}

export type FileStatus = "ok" | "invalid" | "unreadable" | "unrecognised" | "undecided" | "other-period" | "duplicate" | "missing";

export interface RollupOutcome {
  /** One entry per unit (and per missing unit when a list was given), in the status sheet's order. */
  units: { unit: string; status: FileStatus; statusLabel: string; message: string; files: { file: string; status: FileStatus; reason?: string }[] }[];
  /** Sheets written: status, then for each form its rollup and detail sheets. */
  sheets: { name: string; kind: "status" | "rollup" | "detail" }[];
  /** Sheets of the previous rollup that the new ones replaced (rebuilding never piles up copies). */
  replaced: string[];
  /** Forms consolidated. */
  forms: number;
  /** Vietnamese, the result line: units consolidated, with cells left out, not usable, missing (core/rollup-summary). */
  summary: string;
  /** Every unit listed went into the totals with no cell left out. */
  complete: boolean;
  degraded: string[];
  /** Columns the user should choose (those sheets were left out); empty when none. */
  questions: ColumnQuestion[];
  /** The period units were compared with ("Quý III năm 2026 (2026-Q3)"), and notes about periods. */
  period?: string;
  periodNotes: string[];
}

// ---- Chỉ tiêu -----------------------------------------------------------------------------------

/** A cell marked in the workbook as short of a target ("T" flag). */
export interface TargetMarkView {
  sheet: string;
  address: string;
  target: string;
  /** Vietnamese: the target, the value and where the target comes from. */
  note: string;
}

export type TargetsOutcome =
  | { status: "no-forms"; message: string }
  | { status: "need-level"; message: string }
  | {
      status: "done";
      report: TargetReport;
      /** Met / not met / no data / self-assessment per reform area (for the chart). */
      byArea: { area: Area; counts: StatusCounts }[];
      /** Excel: the cells marked "T" in the workbook (none in standalone mode). */
      marks: TargetMarkView[];
      degraded: string[];
    };

// ---- Progress -------------------------------------------------------------------------------------

/**
 * What the backend is busy with, for the pane's progress line (shown once it lasts over a second):
 * a Vietnamese label, and how far along when it can tell.
 */
export interface Activity {
  label: string;
  done?: number;
  total?: number;
}

// ---- Kiểm tra môi trường -------------------------------------------------------------------------

/** One fact about the host: «Phiên bản», «16.0.18227.20002». */
export interface EnvironmentFact {
  label: string;
  value: string;
}

/** One probe and what the host made of it (the same shape for every host). */
export type { ProbeResult } from "../core/probes";

/** The result of «Kiểm tra môi trường», shown in the pane and copied as text for the developers. */
export interface EnvironmentReport {
  /** "Excel", "Google Sheets". */
  host: string;
  /** Version, platform, highest API set, languages… in the order shown. */
  facts: EnvironmentFact[];
  probes: ProbeResult[];
  /** Vietnamese notes: what could not be probed, or could not be cleaned up. */
  notes: string[];
}

// ---- The interface ----------------------------------------------------------------------------

export interface Backend {
  readonly kind: BackendKind;
  /** What the header says about where the pane runs ("Trong Excel", "Chế độ trình duyệt"). */
  readonly hostLabel: string;
  capabilities(): Capabilities;
  /** New sheets for the forms; never overwrites or renames an existing sheet. Throws PaneError. */
  insertForms(request: InsertRequest): Promise<InsertOutcome>;
  /** Reads every sheet, recognises the forms and validates them. Throws PaneError. */
  check(): Promise<CheckReport>;
  /**
   * Excel: after `check()`, the recognised sheets are watched; each change re-validates its sheet
   * and the whole report is sent again. Returns the unsubscribe function.
   */
  onCheckUpdate?(listener: (update: CheckUpdate) => void): () => void;
  /** Shows a cell to the user (activates its sheet and selects it). Throws PaneError. */
  select(sheet: string, cell: string): Promise<void>;
  /**
   * Consolidates received files and chosen sheets (Tổng hợp) into new sheets that replace the
   * previous rollup's (marker rule, core/rollup-layout), never touching another sheet. Reads the
   * files one by one, reporting progress and yielding to the UI; `signal` cancels between files
   * (throws PaneError «Đã huỷ»). Unreadable files are reported per unit, not thrown.
   */
  rollup(request: RollupRequest, onProgress?: (p: RollupProgress) => void, signal?: AbortSignal): Promise<RollupOutcome>;
  /** The sheets of the open workbook that can be consolidated (each one unit's report). Throws PaneError. */
  sourceSheets(): Promise<SourceSheets>;
  /** Evaluates the targets (Chỉ tiêu) on the open sheets, at `level` or the level the sheets tell. */
  targets(level?: Level): Promise<TargetsOutcome>;
  /**
   * What the backend is busy with (progress of reading, writing, waiting for Excel), or undefined
   * when it is idle. Returns the unsubscribe function.
   */
  onActivity?(listener: (activity: Activity | undefined) => void): () => void;
  /**
   * «Kiểm tra môi trường»: the host's version and API level, and probes of what it does with what
   * the add-in writes, on a temporary sheet removed afterwards. Throws PaneError.
   */
  diagnose?(): Promise<EnvironmentReport>;
  /** Standalone mode only: the sheets the user works on (preview, edits, selection). */
  readonly workspace?: Workspace;
  /** Standalone mode only: appends the sheets of a workbook file; returns their names. */
  openFile?(file: InputFile): Promise<string[]>;
  /** Standalone mode only: the workspace as .xlsx bytes and a file name for them. */
  download?(): Promise<{ bytes: Uint8Array; fileName: string }>;
}

/**
 * An error a user can meet, in Vietnamese: what happened and what to do next. Backends throw
 * only these (anything else is wrapped by `toPaneError`).
 */
export class PaneError extends Error {
  override name = "PaneError";
  constructor(
    /** Short: what went wrong. */
    readonly title: string,
    /** What to do next. */
    readonly next: string,
    /** Technical detail for support (error code, host message), shown small. */
    readonly detail?: string,
  ) {
    super(`${title} ${next}`);
  }
}
