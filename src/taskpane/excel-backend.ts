/**
 * The backend inside Excel: Office.js on the open workbook. Every operation is one `Excel.run`
 * (two for Tổng hợp with sheets chosen: read them, then write) whose round trips do not grow with
 * the size of the forms or the number of sheets (src/excel/render.ts: two syncs to insert;
 * src/excel/validate.ts: three to check and mark; src/excel/rollup.ts: one to read the chosen
 * sheets, three to write the rollup; src/excel/targets.ts: three to evaluate and mark).
 * After a successful Kiểm tra the recognised sheets are watched (src/excel/live.ts): a change
 * re-validates its sheet and the pane's list is refreshed.
 * `run` and `features` are injected so tests drive this class against the Excel stand-in.
 */
import { FORMS, findForm, type Form, type Level } from "../catalog";
import { layoutForm } from "../core/layout";
import { defaultSheetName } from "../core/sheet-names";
import type { ReceivedSource } from "../core/units";
import { type ExcelFeatures } from "../excel/features";
import { LiveValidation } from "../excel/live";
import { insertForms } from "../excel/render";
import { selectCell, validateWorkbook, type ExcelValidation } from "../excel/validate";
import {
  PaneError,
  type Backend,
  type Capabilities,
  type CheckReport,
  type CheckUpdate,
  type InsertOutcome,
  type InsertRequest,
  type RollupOutcome,
  type RollupProgress,
  type RollupRequest,
  type SourceSheets,
  type TargetsOutcome,
} from "./backend";
import { toPaneError } from "./errors";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelBackendOptions {
  run: ExcelRun;
  features: ExcelFeatures;
  /** ExcelApi 1.7 (the manifest's floor: Office 2019) — false on Office 2016, which then cannot insert. */
  meetsFloor: boolean;
  /** Pause before a changed sheet is re-validated (src/excel/live.ts), in ms. */
  liveDelayMs?: number;
}

const TOO_OLD =
  "Phiên bản Excel này quá cũ cho phần bổ trợ (cần Excel 2019 trở lên, Microsoft 365 hoặc Excel trên web). Hãy mở trang của phần bổ trợ trong trình duyệt (chế độ trình duyệt) để làm việc trên tệp rồi tải về dạng .xlsx, hoặc dùng lệnh «cchc» trên máy tính.";

const NOT_LIVE = "Excel này không báo cho phần bổ trợ khi ô thay đổi: sau khi sửa, hãy bấm «Kiểm tra» lại để cập nhật danh sách.";

const wiring = () => import(/* webpackChunkName: "core" */ "./core-wiring");
// The Office.js side of Tổng hợp and Chỉ tiêu pulls in the rollup and target pipelines: on demand.
const excelRollup = () => import(/* webpackChunkName: "core" */ "../excel/rollup");
const excelTargets = () => import(/* webpackChunkName: "core" */ "../excel/targets");

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
 * place; a sheet no longer recognised moves to `unrecognised`), issues and notes.
 */
export function mergeValidation(previous: ExcelValidation, next: ExcelValidation): ExcelValidation {
  const names = new Set([...next.sheets.map((s) => s.sheet), ...next.unrecognised.map((u) => u.sheet)]);
  const sheets = previous.sheets.flatMap((s) => (names.has(s.sheet) ? next.sheets.filter((n) => n.sheet === s.sheet) : [s]));
  for (const n of next.sheets) if (!sheets.includes(n)) sheets.push(n);
  return {
    sheets,
    unrecognised: [...previous.unrecognised.filter((u) => !names.has(u.sheet)), ...next.unrecognised],
    issues: [...previous.issues.filter((i) => !names.has(i.sheet)), ...next.issues],
    degraded: [...new Set([...previous.degraded, ...next.degraded])],
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

  constructor(private readonly options: ExcelBackendOptions) {}

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
      return await this.options.run(async (context) => {
        started = true;
        return insertForms(context, items, this.options.features);
      });
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
      validation = await this.options.run((context) => validateWorkbook(context, FORMS));
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
      this.options.run,
      FORMS,
      (result) => this.revalidated(result),
      (error) => this.emit({ error: toPaneError(error, "kiểm tra lại trang vừa sửa") }),
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
    const merged = (this.validation = mergeValidation(this.validation, result));
    void wiring().then(({ checkFromExcel }) => {
      // A Kiểm tra that ran meanwhile has the newer picture.
      if (this.validation === merged) this.emit({ report: { ...checkFromExcel(merged), live: true } });
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
      await this.options.run((context) => selectCell(context, sheet, cell));
    } catch (error) {
      throw toPaneError(error, `chọn ô ${cell ? `${sheet}!${cell}` : `trang «${sheet}»`}`);
    }
  }

  // ---- Tổng hợp ---------------------------------------------------------------------------------

  async sourceSheets(): Promise<SourceSheets> {
    this.requireFloor("tổng hợp");
    const [{ sourceSheetsOf }, { listWorkbookSheets, readWorkbookSheets }] = await Promise.all([wiring(), excelRollup()]);
    let grids;
    try {
      grids = await this.options.run(async (context) => {
        const listed = await listWorkbookSheets(context);
        const names = listed.filter((s) => s.visibility === "Visible" && !s.rollup).map((s) => s.name);
        return names.length ? readWorkbookSheets(context, names) : [];
      });
    } catch (error) {
      throw toPaneError(error, "đọc danh sách trang tính");
    }
    return sourceSheetsOf(grids);
  }

  async rollup(request: RollupRequest, onProgress?: (p: RollupProgress) => void, signal?: AbortSignal): Promise<RollupOutcome> {
    this.requireFloor("tổng hợp");
    const [w, { readWorkbookSheets, writeRollup }] = await Promise.all([wiring(), excelRollup()]);
    const chosen = request.sheets ?? [];
    let fromSheets: ReceivedSource[] = [];
    if (chosen.length) {
      let grids;
      try {
        grids = await this.options.run((context) => readWorkbookSheets(context, chosen.map((c) => c.name)));
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
    }
    const fromFiles = await w.readFiles(request.files, onProgress, signal, request.budget);
    if (signal?.aborted) throw w.cancelled();
    const sources = [...fromSheets, ...fromFiles];
    w.checkSources(sources);
    let started = false;
    try {
      const result = await this.options.run(async (context) => {
        started = true;
        return writeRollup(context, sources, { ...w.consolidateOptions(request), features: this.options.features });
      });
      const written = result.sheets.map((s) => ({ name: s.name, kind: s.kind }));
      return w.rollupOutcome(result.consolidation, written, result.replaced, result.degraded);
    } catch (error) {
      throw toPaneError(error, "ghi bảng tổng hợp vào sổ làm việc", started);
    }
  }

  // ---- Chỉ tiêu ---------------------------------------------------------------------------------

  async targets(level?: Level): Promise<TargetsOutcome> {
    this.requireFloor("đánh giá chỉ tiêu");
    const [{ targetsFromExcel }, { checkTargets }] = await Promise.all([wiring(), excelTargets()]);
    try {
      return targetsFromExcel(await this.options.run((context) => checkTargets(context, FORMS, level ? { level } : {})));
    } catch (error) {
      throw toPaneError(error, "đánh giá chỉ tiêu");
    }
  }
}
