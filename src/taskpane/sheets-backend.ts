/**
 * The backend inside Google Sheets: the sidebar (HtmlService) talks to the Apps Script server
 * (src/sheets) through `google.script.run`, promise-wrapped, JSON text both ways (src/sheets/
 * wire.ts), at most MAX_IN_FLIGHT calls at a time. What runs where:
 *   server   insert, Kiểm tra (read, validate, mark), Chỉ tiêu (evaluate, mark), select a cell,
 *            list and read sheets, write the rollup's sheets piece by piece;
 *   sidebar  the received files, read by the same shared reader as the standalone pane
 *            (core-wiring `readFiles`), and the consolidation itself (core, pure), whose output
 *            sheets are planned here (src/sheets/plan.ts) and sent in pieces of at most
 *            PIECE_CELLS cells, so that no server call comes near Apps Script's 6 minutes; the
 *            user sees the progress and can cancel between pieces (what was written is removed
 *            and the previous rollup's sheets get their names back).
 * `run` is injected so tests drive this class against the google.script.run stand-in.
 */
import type { Level } from "../catalog";
import { sheetPlan, sliceRows, toWire } from "../sheets/plan";
import { RPC_ENTRY, type RollupPiece, type RpcMethod, type RpcMethods, type RpcResult } from "../sheets/wire";
import {
  PaneError,
  type Backend,
  type Capabilities,
  type CheckReport,
  type EnvironmentReport,
  type InsertOutcome,
  type InsertRequest,
  type RollupOutcome,
  type RollupProgress,
  type RollupRequest,
  type SourceSheets,
  type TargetsOutcome,
} from "./backend";

/** The part of `google.script.run` the sidebar uses (its runner objects are built per call). */
export interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [server: string]: unknown;
}

/** google.script.run queues calls; more than this many at once are not guaranteed to run. */
export const MAX_IN_FLIGHT = 10;
/** Cells per server call when writing a rollup (well under the 6-minute limit, a few MB of JSON). */
export const PIECE_CELLS = 20_000;

const wiring = () => import(/* webpackChunkName: "core" */ "./core-wiring");

const NOT_LIVE =
  "Trong Google Sheets, ô có vấn đề được tô màu lại ngay khi bạn sửa trên trang tính; danh sách ở đây cập nhật khi bấm «Kiểm tra» lại.";

/** A failure of the transport itself (no answer, authorisation), in Vietnamese. */
function transportError(error: unknown): PaneError {
  const detail = error instanceof Error ? error.message : String(error);
  if (/authori[sz]ation|quyền/i.test(detail)) {
    return new PaneError("Phần bổ trợ chưa được cho phép trên bảng tính này.", "Hãy mở menu Tiện ích bổ sung › CCHC Phụ lục › Mở CCHC Phụ lục và cho phép khi Google hỏi, rồi thử lại.", detail);
  }
  return new PaneError("Không liên lạc được với Google Sheets.", "Hãy kiểm tra kết nối mạng rồi thử lại; nếu vẫn lỗi, tải lại trang bảng tính (F5) và mở lại thanh bên.", detail);
}

export class SheetsBackend implements Backend {
  readonly kind = "sheets" as const;
  readonly hostLabel = "Trong Google Sheets";
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly run: () => ScriptRun) {}

  capabilities(): Capabilities {
    return { insert: { ready: true }, check: { ready: true }, rollup: { ready: true }, targets: { ready: true } };
  }

  /** One server call: JSON in, JSON out, errors as PaneError; at most MAX_IN_FLIGHT at a time. */
  async call<M extends RpcMethod>(method: M, request: RpcMethods[M]["request"]): Promise<RpcMethods[M]["response"]> {
    if (this.inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
    try {
      const text = await new Promise<unknown>((resolve, reject) => {
        const runner = this.run().withSuccessHandler(resolve).withFailureHandler((e) => reject(transportError(e)));
        (runner[RPC_ENTRY] as (method: string, payload: string) => void)(method, JSON.stringify(request));
      });
      const result = JSON.parse(String(text)) as RpcResult<RpcMethods[M]["response"]>;
      if (!result.ok) throw new PaneError(result.error.title, result.error.next, result.error.detail);
      return result.value;
    } finally {
      this.inFlight--;
      this.waiting.shift()?.();
    }
  }

  async insertForms(request: InsertRequest): Promise<InsertOutcome> {
    return this.call("insert", { formIds: request.formIds, ...(request.unit ? { unit: request.unit } : {}), ...(request.period ? { period: request.period } : {}) });
  }

  async check(): Promise<CheckReport> {
    const [{ checkFromExcel }, validation] = await Promise.all([wiring(), this.call("check", {})]);
    const report = checkFromExcel(validation);
    return validation.sheets.length ? { ...report, degraded: [...report.degraded, NOT_LIVE] } : report;
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.call("select", { sheet, cell });
  }

  async sourceSheets(): Promise<SourceSheets> {
    const { sourceSheetsOf } = await wiring();
    const listed = await this.call("listSheets", {});
    const names = listed.filter((s) => !s.hidden && !s.rollup).map((s) => s.name);
    return sourceSheetsOf(names.length ? await this.call("readSheets", { names }) : []);
  }

  async rollup(request: RollupRequest, onProgress?: (p: RollupProgress) => void, signal?: AbortSignal): Promise<RollupOutcome> {
    const w = await wiring();
    const chosen = request.sheets ?? [];
    const fromSheets = chosen.length ? w.sheetSources(await this.call("readSheets", { names: chosen.map((c) => c.name) }), chosen) : [];
    const fromFiles = await w.readFiles(request.files, onProgress, signal);
    if (signal?.aborted) throw w.cancelled();
    const sources = [...fromSheets, ...fromFiles];
    w.checkSources(sources);

    const listed = await this.call("listSheets", {});
    const replace = listed.filter((s) => s.rollup).map((s) => s.name);
    const consolidation = await w.consolidateSources(sources, request, listed.filter((s) => !s.rollup).map((s) => s.name));
    const output = consolidation.sheets;
    const calls = packPieces(output.map((s) => ({ name: s.name, plan: sheetPlan(toWire(s.layout)) })));
    const allOk = consolidation.units.units.every((u) => u.status === "ok");
    const shown = (allOk && output.find((s) => s.kind === "rollup")) || output[0];

    const { aside } = await this.call("rollupStart", { replace, avoid: output.map((s) => s.name) });
    try {
      for (let i = 0; i < calls.length; i++) {
        if (signal?.aborted) throw w.cancelled();
        onProgress?.({ done: i, total: calls.length, file: "", stage: "writing" });
        await this.call("rollupWrite", { pieces: calls[i] });
      }
      onProgress?.({ done: calls.length, total: calls.length, file: "", stage: "writing" });
      await this.call("rollupFinish", { aside, ...(shown ? { active: shown.name } : {}) });
    } catch (error) {
      // Cancelled or failed: the spreadsheet goes back to how it was, then the reason is shown.
      // The piece that failed may have added its sheet: every output name is offered for removal.
      await this.call("rollupAbort", { created: output.map((s) => s.name), replace, aside }).catch(() => undefined);
      throw error;
    }
    const written = output.map((s) => ({ name: s.name, kind: s.kind }));
    return w.rollupOutcome(consolidation, written, replace, []);
  }

  async targets(level?: Level): Promise<TargetsOutcome> {
    const { targetsFromExcel } = await wiring();
    return targetsFromExcel(await this.call("targets", level ? { level } : {}));
  }

  /** «Kiểm tra môi trường»: what this Google Sheets keeps of the strings and formats the add-on writes. */
  async diagnose(): Promise<EnvironmentReport> {
    const { facts, probes, notes } = await this.call("environment", {});
    return { host: "Google Sheets", facts, probes, notes };
  }
}

/**
 * The output sheets as server calls: each sheet's rows in slices of at most PIECE_CELLS cells
 * (the first slice adds the sheet, the last carries its finish), small sheets sharing a call.
 */
export function packPieces(sheets: readonly { name: string; plan: ReturnType<typeof sheetPlan> }[], budget = PIECE_CELLS): RollupPiece[][] {
  const calls: RollupPiece[][] = [];
  let current: RollupPiece[] = [];
  let cells = 0;
  const push = (piece: RollupPiece, size: number) => {
    if (current.length && cells + size > budget) {
      calls.push(current);
      current = [];
      cells = 0;
    }
    current.push(piece);
    cells += size;
  };
  for (const { name, plan } of sheets) {
    const { rows } = plan;
    const perSlice = Math.max(1, Math.floor(budget / Math.max(1, rows.cols)));
    const total = rows.to - rows.from;
    if (total <= 0) {
      push({ name, add: true, finish: plan.finish }, 1);
      continue;
    }
    for (let from = rows.from; from < rows.to; from += perSlice) {
      const to = Math.min(rows.to, from + perSlice);
      const last = to === rows.to;
      push({ name, add: from === rows.from, rows: sliceRows(rows, from, to), ...(last ? { finish: plan.finish } : {}) }, (to - from) * rows.cols);
    }
  }
  if (current.length) calls.push(current);
  return calls;
}
