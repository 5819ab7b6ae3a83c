/**
 * The backend inside Excel: Office.js on the open workbook. Every operation is one `Excel.run`
 * whose round trips do not grow with the size of the forms or the number of sheets
 * (src/excel/render.ts: two syncs to insert; src/excel/validate.ts: three to check and mark).
 * `run` and `features` are injected so tests drive this class against the Excel stand-in.
 */
import { FORMS, findForm, type Form, type Level } from "../catalog";
import { layoutForm } from "../core/layout";
import { defaultSheetName } from "../core/sheet-names";
import { type ExcelFeatures } from "../excel/features";
import { insertForms } from "../excel/render";
import { selectCell, validateWorkbook } from "../excel/validate";
import {
  PaneError,
  type Backend,
  type Capabilities,
  type CheckReport,
  type InsertOutcome,
  type InsertRequest,
  type RollupOutcome,
  type RollupProgress,
  type RollupRequest,
  type TargetsOutcome,
} from "./backend";
import { toPaneError } from "./errors";
import { readWorkbookGrids } from "./excel-read";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelBackendOptions {
  run: ExcelRun;
  features: ExcelFeatures;
  /** ExcelApi 1.7 (the manifest's floor: Office 2019) — false on Office 2016, which then cannot insert. */
  meetsFloor: boolean;
}

const TOO_OLD =
  "Phiên bản Excel này quá cũ cho phần bổ trợ (cần Excel 2019 trở lên, Microsoft 365 hoặc Excel trên web). Hãy mở trang của phần bổ trợ trong trình duyệt (chế độ trình duyệt) để làm việc trên tệp rồi tải về dạng .xlsx, hoặc dùng lệnh «cchc» trên máy tính.";

const wiring = () => import(/* webpackChunkName: "core" */ "./core-wiring");

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

export class ExcelBackend implements Backend {
  readonly kind = "excel" as const;
  readonly hostLabel = "Trong Excel";

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

  async check(): Promise<CheckReport> {
    this.requireFloor("kiểm tra");
    const { checkFromExcel } = await wiring();
    try {
      return checkFromExcel(await this.options.run((context) => validateWorkbook(context, FORMS)));
    } catch (error) {
      throw toPaneError(error, "kiểm tra các trang tính");
    }
  }

  async select(sheet: string, cell: string): Promise<void> {
    try {
      await this.options.run((context) => selectCell(context, sheet, cell));
    } catch (error) {
      throw toPaneError(error, `chọn ô ${cell ? `${sheet}!${cell}` : `trang «${sheet}»`}`);
    }
  }

  async rollup(request: RollupRequest, onProgress?: (p: RollupProgress) => void, signal?: AbortSignal): Promise<RollupOutcome> {
    this.requireFloor("tổng hợp");
    const { readReceived, consolidateSources, rollupOutcome } = await wiring();
    const sources = await readReceived(request.files, onProgress, signal);
    const result = consolidateSources(sources, request, []);
    let started = false;
    try {
      const inserted = await this.options.run(async (context) => {
        started = true;
        return insertForms(context, result.sheets.map((s) => ({ name: s.name, layout: s.layout })), this.options.features);
      });
      const written = inserted.sheets.map((s, i) => ({ name: s.name, kind: result.sheets[i].kind }));
      return rollupOutcome(result, written, inserted.degraded);
    } catch (error) {
      throw toPaneError(error, "ghi bảng tổng hợp vào sổ làm việc", started);
    }
  }

  async targets(level?: Level): Promise<TargetsOutcome> {
    this.requireFloor("đánh giá chỉ tiêu");
    const { targetsOf } = await wiring();
    let grids;
    try {
      grids = await this.options.run((context) => readWorkbookGrids(context));
    } catch (error) {
      throw toPaneError(error, "đọc các trang tính để đánh giá chỉ tiêu");
    }
    return targetsOf(grids, level);
  }
}
