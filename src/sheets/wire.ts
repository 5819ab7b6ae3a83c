/**
 * What travels between the sidebar and the Apps Script server (`google.script.run`): one global
 * entry point, `cchcRpc(method, payload)`, whose payload and result are JSON text. JSON on both
 * sides because google.script.run passes only primitives, plain objects and arrays (a Date, a
 * Map or an `undefined` inside an array does not survive the trip); a string is the one value
 * that crosses unchanged. Errors come back as values ({ ok: false, error }) so that their
 * Vietnamese wording reaches the pane, instead of an Apps Script exception text.
 *
 * Types only, and plain data: the server (src/sheets) and the sidebar backend
 * (src/taskpane/sheets-backend.ts) both import them.
 */
import type { Level } from "../catalog/schema";
import type { Grid } from "../core/grid";
import type { Issue } from "../core/issues";
import type { ProbeResult } from "../core/probes";
import type { SheetLayout } from "../core/layout";
import type { RollupMarker } from "../core/rollup-layout";
import type { TargetReport, TargetReportOptions } from "../core/target-report";
import type { StatusCounts } from "../core/targets";
import type { SheetSummary } from "../core/workbook";
import type { TargetMarkCell } from "../core/target-report";
import type { Area } from "../catalog/targets/schema";
import type { FinishPlan, RowsPlan } from "./plan";

/** A layout as sent over the wire: everything a renderer uses (the row and column maps stay home). */
export type WireLayout = Omit<SheetLayout, "rowIndex" | "colIndex">;

/** An error a user can meet, in Vietnamese (the pane's PaneError, as data). */
export interface WireError {
  title: string;
  next: string;
  detail?: string;
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

// ---- results shaped like src/excel's, so the pane's wiring (core-wiring.ts) takes either --------


export interface SheetsValidation {
  sheets: SheetSummary[];
  unrecognised: { sheet: string; reason: string }[];
  issues: Issue[];
  degraded: string[];
}

export interface SheetsTargetCheck {
  report: TargetReport;
  byArea: { area: Area; counts: StatusCounts }[];
  marks: TargetMarkCell[];
  degraded: string[];
}

export interface ListedSheet {
  name: string;
  hidden: boolean;
  /** Present when the sheet carries the rollup marker (a rebuild replaces it). */
  rollup?: RollupMarker;
}

/**
 * One step of writing a rollup sheet: rows of its cells block (the sheet is added first when
 * `add`), and/or everything else (`finish`), as planned by src/sheets/plan.ts in the sidebar.
 */
export interface RollupPiece {
  name: string;
  add: boolean;
  rows?: RowsPlan;
  finish?: FinishPlan;
}

/** «Kiểm tra môi trường» in Google Sheets: facts, probes (core/probes' shape, as for Excel), notes. */
export interface SheetsEnvironment {
  facts: { label: string; value: string }[];
  probes: ProbeResult[];
  /** Vietnamese summary lines. */
  notes: string[];
}

// ---- methods ---------------------------------------------------------------------------------

export interface RpcMethods {
  insert: { request: { formIds: string[]; unit?: string; period?: string }; response: { sheets: { name: string; formId: string }[]; degraded: string[] } };
  check: { request: { only?: string[] }; response: SheetsValidation };
  select: { request: { sheet: string; cell: string }; response: null };
  listSheets: { request: Record<string, never>; response: ListedSheet[] };
  readSheets: { request: { names: string[] }; response: Grid[] };
  rollupStart: { request: { replace: string[]; avoid: string[] }; response: { aside: string[] } };
  rollupWrite: { request: { pieces: RollupPiece[] }; response: { degraded: string[] } };
  rollupFinish: { request: { aside: string[]; active?: string }; response: null };
  rollupAbort: { request: { created: string[]; replace: string[]; aside: string[] }; response: null };
  targets: { request: { level?: Level; baselines?: TargetReportOptions["baselines"] }; response: SheetsTargetCheck };
  environment: { request: Record<string, never>; response: SheetsEnvironment };
}

export type RpcMethod = keyof RpcMethods;

/** The one server entry point's name (a global function in Code.js). */
export const RPC_ENTRY = "cchcRpc";
