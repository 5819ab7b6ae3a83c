/**
 * The backend inside Excel: Office.js on the open workbook. Every operation is one `Excel.run`
 * (two for Tổng hợp with sheets chosen: read them, then write) whose round trips do not grow with
 * rows or sheets, only with bytes (Excel on the web's 5 MB per request and response:
 * src/excel/render.ts two syncs to insert; src/excel/validate.ts four to check and mark;
 * src/excel/rollup.ts two to read the chosen sheets, three to write the rollup;
 * src/excel/targets.ts four to evaluate and mark — plus one per budget's worth of bytes).
 * Every run goes through one queue (src/excel/runner.ts): runs never overlap, and one that finds
 * Excel in cell-edit mode waits for the user to finish typing (the progress line says so).
 * After a successful Kiểm tra the recognised sheets are watched by id (src/excel/live.ts): a change
 * re-validates its sheet and the pane's list is refreshed; a deleted sheet leaves the list.
 * `run`, `features` and `host` are injected so tests drive this class against the Excel stand-in.
 */
import { FORMS, findForm, type Form, type Level } from "../catalog";
import { layoutForm } from "../core/layout";
import { defaultSheetName } from "../core/sheet-names";
import type { ReceivedSource } from "../core/units";
import type { ExcelFeatures, HostInfo } from "../excel/features";
import { LiveValidation } from "../excel/live";
import { insertForms } from "../excel/render";
import { ExcelRunner, type ExcelRun, type RunnerOptions } from "../excel/runner";
import { selectCell, validateWorkbook, type ExcelValidation, type SheetSummary } from "../excel/validate";
import {
  PaneError,
  type Activity,
  type Backend,
  type Capabilities,
  type CheckReport,
  type CheckUpdate,
  type EnvironmentReport,
  type InsertOutcome,
  type InsertRequest,
  type RollupOutcome,
  type RollupProgress,
  type RollupRequest,
  type SourceSheets,
  type TargetsOutcome,
} from "./backend";
import { toPaneError } from "./errors";

export type { ExcelRun } from "../excel/runner";

export interface ExcelBackendOptions {
  run: ExcelRun;
  features: ExcelFeatures;
  /** ExcelApi 1.7 (the manifest's floor: Office 2019) — false on Office 2016, which then cannot insert. */
  meetsFloor: boolean;
  /** Pause before a changed sheet is re-validated (src/excel/live.ts), in ms. */
  liveDelayMs?: number;
  /** Pauses while Excel is in cell-edit mode (src/excel/runner.ts). */
  runner?: RunnerOptions;
  /** What the host says about itself; read when «Kiểm tra môi trường» runs. */
  host?: () => HostInfo;
}

const TOO_OLD =
  "Phiên bản Excel này quá cũ cho phần bổ trợ (cần Excel 2019 trở lên, Microsoft 365 hoặc Excel trên web). Hãy mở trang của phần bổ trợ trong trình duyệt (chế độ trình duyệt) để làm việc trên tệp rồi tải về dạng .xlsx, hoặc dùng lệnh «cchc» trên máy tính.";

const NOT_LIVE = "Excel này không báo cho phần bổ trợ khi ô thay đổi: sau khi sửa, hãy bấm «Kiểm tra» lại để cập nhật danh sách.";

const WAITING = "Excel đang ở chế độ sửa ô: hãy nhấn Enter hoặc Esc trong Excel, phần bổ trợ sẽ tiếp tục ngay sau đó.";

const PLATFORMS: Record<string, string> = { PC: "Windows", Mac: "macOS", OfficeOnline: "Excel trên web", iOS: "iPad / iPhone", Android: "Android", Universal: "Windows (Universal)" };

const wiring = () => import(/* webpackChunkName: "core" */ "./core-wiring");
// The Office.js side of Tổng hợp and Chỉ tiêu pulls in the rollup and target pipelines: on demand.
const excelRollup = () => import(/* webpackChunkName: "core" */ "../excel/rollup");
const excelTargets = () => import(/* webpackChunkName: "core" */ "../excel/targets");
const excelDiagnose = () => import(/* webpackChunkName: "core" */ "../excel/diagnose");

export function resolveForms(ids: readonly string[]): Form[] {
  const forms: Form[] = [];
  for (const id of ids) {
    const form = findForm(id);
    if (!form) throw new PaneError(`Không có phụ lục mã «${id}» trong danh mục.`, "Hãy tải lại trang (F5) rồi chọn lại phụ lục.");
    if (!forms.includes(form)) forms.push(form);
  }
  if (!forms.length) throw new PaneError("Chưa chọn phụ lục nào.", "Hãy đánh dấu ít nhất một phụ lục trong danh sách rồi bấm «Chèn».");
  return forms;
}

/**
 * The last full validation with the sheets re-validated since replaced: their summaries (in
 * place, matched by worksheet id, so a renamed sheet replaces its old entry; a sheet no longer
 * recognised moves to `unrecognised`), issues and notes.
 */
export function mergeValidation(previous: ExcelValidation, next: ExcelValidation): ExcelValidation {
  const ids = new Set(next.sheets.map((s) => s.sheetId));
  const stale = new Set([...next.sheets.map((s) => s.sheet), ...next.unrecognised.map((u) => u.sheet), ...previous.sheets.filter((s) => ids.has(s.sheetId)).map((s) => s.sheet)]);
  const sheets = previous.sheets.flatMap((s) => (ids.has(s.sheetId) ? next.sheets.filter((n) => n.sheetId === s.sheetId) : stale.has(s.sheet) ? [] : [s]));
  for (const n of next.sheets) if (!sheets.includes(n)) sheets.push(n);
  return {
    sheets,
    unrecognised: [...previous.unrecognised.filter((u) => !stale.has(u.sheet)), ...next.unrecognised],
    issues: [...previous.issues.filter((i) => !stale.has(i.sheet)), ...next.issues],
    degraded: [...new Set([...previous.degraded, ...next.degraded])],
  };
}

/** The validation without a sheet that was deleted. */
export function withoutSheet(validation: ExcelValidation, gone: SheetSummary): ExcelValidation {
  return {
    ...validation,
    sheets: validation.sheets.filter((s) => s.sheetId !== gone.sheetId),
    issues: validation.issues.filter((i) => i.sheet !== gone.sheet),
  };
}

function codeOf(error: unknown): unknown {
  return error && typeof error === "object" ? (error as { code?: unknown }).code : undefined;
}

export class ExcelBackend implements Backend {
  readonly kind = "excel" as const;
  readonly hostLabel = "Trong Excel";
  private live: LiveValidation | undefined;
  /** The last Kiểm tra, kept up to date by live re-validation. */
  private validation: ExcelValidation | undefined;
  private readonly checkListeners = new Set<(update: CheckUpdate) => void>();
  private readonly activityListeners = new Set<(activity: Activity | undefined) => void>();
  /** The one queue every Excel.run goes through. */
  private readonly runner: ExcelRunner;

  constructor(private readonly options: ExcelBackendOptions) {
    this.runner = new ExcelRunner(options.run, options.runner);
  }

  /** Runs a batch in the queue, telling the pane while Excel is in cell-edit mode. */
  private excel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return this.runner.run(batch, { onWait: () => this.busy(WAITING) });
  }

  private busy(label: string, done?: number, total?: number): void {
    const counted = done !== undefined && total !== undefined;
    const activity: Activity = counted ? { label: `${label} ${done}/${total}…`, done, total } : { label };
    for (const listener of [...this.activityListeners]) listener(activity);
  }

  private idle(): void {
    for (const listener of [...this.activityListeners]) listener(undefined);
  }

  /** Runs `work` with `label` as the pane's progress line, cleared at the end. */
  private async busyWith<T>(label: string, work: () => Promise<T>): Promise<T> {
    this.busy(label);
    try {
      return await work();
    } finally {
      this.idle();
    }
  }

  /** Progress of reading sheets, for `busy`. */
  private readingProgress(label: string) {
    return { onProgress: (done: number, total: number) => this.busy(label, done, total) };
  }

  onActivity(listener: (activity: Activity | undefined) => void): () => void {
    this.activityListeners.add(listener);
    return () => void this.activityListeners.delete(listener);
  }

  capabilities(): Capabilities {
    const floor = this.options.meetsFloor ? ({ ready: true } as const) : ({ ready: false, message: TOO_OLD } as const);
    return { insert: floor, check: floor, rollup: floor, targets: floor };
  }

  private requireFloor(action: string): void {
    if (!this.options.meetsFloor) throw new PaneError(`Không thể ${action}.`, TOO_OLD);
  }

  async insertForms(request: InsertRequest): Promise<InsertOutcome> {
    this.requireFloor("chèn phụ lục");
    const forms = resolveForms(request.formIds);
    const options = { unit: request.unit?.trim() || undefined, period: request.period?.trim() || undefined };
    const items = forms.map((form) => ({ name: defaultSheetName(form), layout: layoutForm(form, options) }));
    let started = false;
    try {
      return await this.busyWith("Đang chèn phụ lục…", () =>
        this.excel(async (context) => {
          started = true;
          return insertForms(context, items, this.options.features, undefined, (done, total) => this.busy("Đang chèn phụ lục: phần", done, total));
        }),
      );
    } catch (error) {
      throw toPaneError(error, "chèn phụ lục", started);
    }
  }

  // ---- Kiểm tra, and the live refresh that follows it -----------------------------------------

  async check(): Promise<CheckReport> {
    this.requireFloor("kiểm tra");
    const { checkFromExcel } = await wiring();
    let validation: ExcelValidation;
    try {
      validation = await this.busyWith("Đang kiểm tra…", () =>
        this.excel((context) => validateWorkbook(context, FORMS, undefined, this.readingProgress("Đang đọc trang tính"))),
      );
    } catch (error) {
      throw toPaneError(error, "kiểm tra các trang tính");
    }
    this.validation = validation;
    const live = await this.watch(validation);
    const report = checkFromExcel(validation);
    return { ...report, live, degraded: live || !validation.sheets.length ? report.degraded : [...report.degraded, NOT_LIVE] };
  }

  /** Watches the recognised sheets (best effort: Kiểm tra stays the source of truth). */
  private async watch(validation: ExcelValidation): Promise<boolean> {
    if (!validation.sheets.length) return false;
    this.live ??= new LiveValidation(
      (batch) => this.runner.run(batch),
      FORMS,
      {
        onResult: (result) => this.revalidated(result),
        onError: (error) => this.emit({ error: toPaneError(error, "kiểm tra lại trang vừa sửa") }),
        onGone: (sheet) => this.gone(sheet),
      },
      this.options.liveDelayMs,
    );
    try {
      await this.live.watch(validation.sheets);
      return true;
    } catch {
      return false;
    }
  }

  private revalidated(result: ExcelValidation): void {
    if (!this.validation) return;
    this.report((this.validation = mergeValidation(this.validation, result)));
  }

  private gone(sheet: SheetSummary): void {
    if (!this.validation) return;
    this.report((this.validation = withoutSheet(this.validation, sheet)));
  }

  /** Sends the report of `validation` unless a Kiểm tra that ran meanwhile has a newer picture. */
  private report(validation: ExcelValidation): void {
    void wiring().then(({ checkFromExcel }) => {
      if (this.validation === validation) this.emit({ report: { ...checkFromExcel(validation), live: true } });
    });
  }

  private emit(update: CheckUpdate): void {
    for (const listener of [...this.checkListeners]) listener(update);
  }

  onCheckUpdate(listener: (update: CheckUpdate) => void): () => void {
    this.checkListeners.add(listener);
    return () => void this.checkListeners.delete(listener);
  }

  async select(sheet: string, cell: string): Promise<void> {
    try {
      await this.excel((context) => selectCell(context, sheet, cell));
    } catch (error) {
      throw toPaneError(error, `chọn ô ${cell ? `${sheet}!${cell}` : `trang «${sheet}»`}`);
    }
  }

  // ---- Tổng hợp ---------------------------------------------------------------------------------

  async sourceSheets(): Promise<SourceSheets> {
    this.requireFloor("tổng hợp");
    const [{ sourceSheetsOf }, { listWorkbookSheets, readWorkbookSheets, unitSheetReading }] = await Promise.all([wiring(), excelRollup()]);
    // The list names each sheet's appendix and unit; what a sheet's merges change is said by Tổng hợp.
    const reading = unitSheetReading(this.options.features, () => undefined);
    let grids;
    try {
      grids = await this.busyWith("Đang đọc danh sách trang tính…", () =>
        this.excel(async (context) => {
          const listed = await listWorkbookSheets(context);
          const names = listed.filter((s) => s.visibility === "Visible" && !s.rollup).map((s) => s.name);
          return names.length ? readWorkbookSheets(context, names, { ...this.readingProgress("Đang đọc trang tính"), ...reading }) : [];
        }),
      );
    } catch (error) {
      throw toPaneError(error, "đọc danh sách trang tính");
    }
    return sourceSheetsOf(grids);
  }

  async rollup(request: RollupRequest, onProgress?: (p: RollupProgress) => void, signal?: AbortSignal): Promise<RollupOutcome> {
    this.requireFloor("tổng hợp");
    const [w, { readWorkbookSheets, unitSheetReading, writeRollup }] = await Promise.all([wiring(), excelRollup()]);
    const chosen = request.sheets ?? [];
    let fromSheets: ReceivedSource[] = [];
    const notes: string[] = [];
    if (chosen.length) {
      let grids;
      const reading = unitSheetReading(this.options.features, (note) => void (notes.includes(note) || notes.push(note)));
      try {
        grids = await this.busyWith("Đang đọc các trang tính đã chọn…", () =>
          this.excel((context) => readWorkbookSheets(context, chosen.map((c) => c.name), { ...this.readingProgress("Đang đọc trang tính"), ...reading })),
        );
      } catch (error) {
        if (codeOf(error) === "ItemNotFound") {
          throw new PaneError(
            "Không tìm thấy một trang tính đã chọn — có thể vừa bị đổi tên hay xoá.",
            "Hãy bấm «Làm mới» ở mục trang tính của đơn vị, chọn lại rồi tổng hợp. Chưa có gì được ghi.",
            toPaneError(error, "đọc các trang tính đã chọn").detail,
          );
        }
        throw toPaneError(error, "đọc các trang tính đã chọn");
      }
      fromSheets = w.sheetSources(grids, chosen);
      // Read without merged cells: said where it may matter, a sheet with a figure column left unread.
      if (!fromSheets.some((source) => source.issues.some((issue) => issue.code === "column_ignored"))) notes.length = 0;
    }
    const fromFiles = await w.readFiles(request.files, onProgress, signal, request.budget);
    if (signal?.aborted) throw w.cancelled();
    const sources = [...fromSheets, ...fromFiles];
    w.checkSources(sources);
    let started = false;
    try {
      const result = await this.busyWith("Đang ghi bảng tổng hợp…", () =>
        this.excel(async (context) => {
          started = true;
          return writeRollup(context, sources, {
            ...w.consolidateOptions(request),
            features: this.options.features,
            onProgress: (done, total) => this.busy("Đang ghi bảng tổng hợp: phần", done, total),
          });
        }),
      );
      const written = result.sheets.map((s) => ({ name: s.name, kind: s.kind }));
      return w.rollupOutcome(result.consolidation, written, result.replaced, [...notes, ...result.degraded]);
    } catch (error) {
      throw toPaneError(error, "ghi bảng tổng hợp vào sổ làm việc", started);
    }
  }

  // ---- Chỉ tiêu ---------------------------------------------------------------------------------

  async targets(level?: Level): Promise<TargetsOutcome> {
    this.requireFloor("đánh giá chỉ tiêu");
    const [{ targetsFromExcel }, { checkTargets }] = await Promise.all([wiring(), excelTargets()]);
    try {
      return targetsFromExcel(
        await this.busyWith("Đang đánh giá chỉ tiêu…", () =>
          this.excel((context) => checkTargets(context, FORMS, level ? { level } : {}, this.readingProgress("Đang đọc trang tính"))),
        ),
      );
    } catch (error) {
      throw toPaneError(error, "đánh giá chỉ tiêu");
    }
  }

  // ---- Kiểm tra môi trường ------------------------------------------------------------------------

  async diagnose(): Promise<EnvironmentReport> {
    const { runProbes, removeProbeSheets, PROBE_SHEET } = await excelDiagnose();
    const host = this.options.host?.() ?? { apiMinor: 0 };
    const facts = [
      { label: "Ứng dụng", value: "Excel" },
      { label: "Phiên bản", value: host.version || "không rõ" },
      { label: "Nền tảng", value: host.platform ? (PLATFORMS[host.platform] ?? host.platform) : "không rõ" },
      { label: "ExcelApi cao nhất", value: host.apiMinor ? `1.${host.apiMinor}` : "không rõ" },
      { label: "Ngôn ngữ giao diện / nội dung", value: [host.displayLanguage, host.contentLanguage].map((l) => l || "?").join(" / ") },
    ];
    const notes: string[] = [];
    let probes: EnvironmentReport["probes"];
    try {
      probes = (await this.busyWith("Đang kiểm tra môi trường…", () => this.excel((context) => runProbes(context)))).outcomes;
    } catch (error) {
      // The probes ran on a temporary sheet: make sure it is gone, whatever happened.
      const left = await this.excel((context) => removeProbeSheets(context)).then(
        () => false,
        () => true,
      );
      const failed = toPaneError(error, "kiểm tra môi trường");
      if (!left) throw failed;
      throw new PaneError(failed.title, `${failed.next} Trang tạm «${PROBE_SHEET}» (đang ẩn) có thể còn lại: hãy xoá nó bằng tay.`, failed.detail);
    }
    return { host: "Excel", facts, probes, notes };
  }
}
