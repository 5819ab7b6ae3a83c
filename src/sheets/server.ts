/**
 * The Apps Script server of the Google Sheets add-on: what the sidebar calls (one entry point,
 * `cchcRpc(method, payload)`, see wire.ts), the add-on menu, and live checking on edit. Thin:
 * every decision is core's; these functions read and write through SpreadsheetApp.
 */
import { FORMS, findForm, type Form } from "../catalog";
import { layoutForm } from "../core/layout";
import { defaultSheetName } from "../core/sheet-names";
import { analyseWorkbook } from "../core/workbook";
import { issueMarks, MARK_NOTES } from "../core/marks";
import { environmentText, probeEnvironment } from "./environment";
import { toWire } from "./plan";
import { readGrid, writeMarks } from "./read";
import { insertLayouts, TextNotKeptError } from "./render";
import { abortRollup, finishRollup, listSheets, startRollup, writePieces } from "./rollup";
import { checkTargets, isWatched, validateSheets } from "./validate";
import type { RpcMethod, RpcMethods, RpcResult, WireError } from "./wire";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SIDEBAR_FILE = "sidebar";
export const ADDON_TITLE = "CCHC Phụ lục";
export const MENU = { open: "Mở CCHC Phụ lục", environment: "Kiểm tra môi trường" } as const;

/** An error the user can act on, in Vietnamese (the sidebar shows it as a PaneError). */
export class ServerError extends Error {
  constructor(readonly wire: WireError) {
    super(wire.title);
  }
}

function resolveForms(ids: readonly string[]): Form[] {
  const forms: Form[] = [];
  for (const id of ids) {
    const form = findForm(id);
    if (!form) throw new ServerError({ title: `Không có phụ lục mã «${id}» trong danh mục.`, next: "Hãy mở lại thanh bên rồi chọn lại phụ lục." });
    if (!forms.includes(form)) forms.push(form);
  }
  if (!forms.length) throw new ServerError({ title: "Chưa chọn phụ lục nào.", next: "Hãy đánh dấu ít nhất một phụ lục trong danh sách rồi bấm «Chèn»." });
  return forms;
}

function active(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

type Handlers = { [M in RpcMethod]: (request: RpcMethods[M]["request"]) => RpcMethods[M]["response"] };

const HANDLERS: Handlers = {
  insert(request) {
    const forms = resolveForms(request.formIds);
    const options = { unit: request.unit?.trim() || undefined, period: request.period?.trim() || undefined };
    return insertLayouts(
      active(),
      forms.map((form) => ({ name: defaultSheetName(form), layout: toWire(layoutForm(form, options)) })),
    );
  },
  check(request) {
    return validateSheets(active(), FORMS, request.only);
  },
  select({ sheet, cell }) {
    const target = active().getSheetByName(sheet);
    if (!target) throw new ServerError({ title: `Không còn trang «${sheet}» trong bảng tính.`, next: "Hãy bấm «Kiểm tra» lại để cập nhật danh sách." });
    target.activate();
    target.getRange(cell || "A1").activate();
    return null;
  },
  listSheets() {
    return listSheets(active());
  },
  readSheets({ names }) {
    const ss = active();
    return names.map((name) => {
      const sheet = ss.getSheetByName(name);
      if (!sheet) {
        throw new ServerError({
          title: "Không tìm thấy một trang tính đã chọn — có thể vừa bị đổi tên hay xoá.",
          next: "Hãy bấm «Làm mới» ở mục trang tính của đơn vị, chọn lại rồi tổng hợp. Chưa có gì được ghi.",
          detail: name,
        });
      }
      return readGrid(sheet);
    });
  },
  rollupStart({ replace, avoid }) {
    return startRollup(active(), replace, avoid);
  },
  rollupWrite({ pieces }) {
    writePieces(active(), pieces);
    return { degraded: [] };
  },
  rollupFinish({ aside, active: shown }) {
    finishRollup(active(), aside, shown);
    return null;
  },
  rollupAbort({ created, replace, aside }) {
    abortRollup(active(), created, replace, aside);
    return null;
  },
  targets({ level, baselines }) {
    return checkTargets(active(), FORMS, { ...(level ? { level } : {}), ...(baselines ? { baselines } : {}) });
  },
  environment() {
    return probeEnvironment(active());
  },
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Apps Script's exceptions, told apart by their (English) message, as something a user can act on. */
export function toWireError(error: unknown, method: string): WireError {
  if (error instanceof ServerError) return error.wire;
  const detail = messageOf(error);
  if (error instanceof TextNotKeptError) {
    return {
      title: "Google Sheets không giữ được một nội dung dạng văn bản (bắt đầu bằng «=», «+», «-» hay «@») mà biến nó thành công thức.",
      next: "Bảng tổng hợp chưa được ghi, bảng tính giữ nguyên như trước. Hãy chạy «Kiểm tra môi trường» trong menu Tiện ích bổ sung và gửi kết quả cho người quản trị.",
      detail,
    };
  }
  if (/protected|bảo vệ/i.test(detail)) {
    return { title: "Không thể ghi: trang tính đang được bảo vệ.", next: "Hãy nhờ chủ sở hữu cho bạn quyền sửa trang đó, hoặc bỏ bảo vệ, rồi thử lại.", detail };
  }
  if (/permission|quyền|authoriz/i.test(detail)) {
    return { title: "Phần bổ trợ chưa có quyền sửa bảng tính này.", next: "Hãy mở bảng tính ở chế độ chỉnh sửa và cho phép phần bổ trợ (menu Tiện ích bổ sung › CCHC Phụ lục), rồi thử lại.", detail };
  }
  if (/timed out|time limit|Exceeded maximum execution time/i.test(detail)) {
    return { title: "Google Sheets mất quá nhiều thời gian cho một bước.", next: "Hãy thử lại; nếu vẫn lỗi, chọn ít tệp hoặc ít phụ lục hơn mỗi lần.", detail };
  }
  return { title: `Google Sheets báo lỗi khi thực hiện «${method}».`, next: "Hãy thử lại; nếu vẫn lỗi, tải lại trang bảng tính (F5) rồi mở lại thanh bên.", detail };
}

/** The one entry point of the sidebar: JSON text in, JSON text out (see wire.ts). */
export function cchcRpc(method: string, payload: string): string {
  let result: RpcResult<unknown>;
  try {
    if (!Object.prototype.hasOwnProperty.call(HANDLERS, method)) throw new Error(`Unknown method: ${method}`);
    const handler = HANDLERS[method as RpcMethod] as (request: unknown) => unknown;
    result = { ok: true, value: handler(JSON.parse(payload || "{}")) };
  } catch (error) {
    result = { ok: false, error: toWireError(error, method) };
  }
  return JSON.stringify(result);
}

// ---- menu, sidebar, dialog -----------------------------------------------------------------------

/** Simple trigger: the add-on menu (works before the add-on is authorised in this file). */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem(MENU.open, "showSidebar").addItem(MENU.environment, "showEnvironmentCheck").addToUi();
}

/** Installing the add-on from the Marketplace runs this once: the menu at once, without reopening. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(ADDON_TITLE));
}

/** The diagnostic from the menu: probes, then a dialog with what Sheets kept. */
export function showEnvironmentCheck(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert("Kiểm tra môi trường — CCHC Phụ lục", environmentText(probeEnvironment(active())), ui.ButtonSet.OK);
}

// ---- live checking ---------------------------------------------------------------------------------

/**
 * Simple trigger on a user's edit (not on script writes): re-validates the edited sheet when it is
 * one of our templates or a sheet Kiểm tra marked, and rewrites its marks. Runs in LIMITED mode
 * (this spreadsheet only) within 30 s: one sheet is read (two reads) and its flags column written
 * once. Never throws at the user: a failure leaves the marks as they were (Kiểm tra is the
 * source of truth).
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    const sheet = e?.range?.getSheet();
    if (!sheet) return;
    const grid = readGrid(sheet);
    if (!isWatched(grid)) return;
    const [analysis] = analyseWorkbook([grid], FORMS);
    const marks = analysis?.filled ? issueMarks(analysis.issues) : [];
    writeMarks(sheet, grid, marks, ["E", "W"], [], MARK_NOTES.check(grid.sheet));
  } catch (error) {
    console.warn(`CCHC Phụ lục: live check skipped: ${messageOf(error)}`);
  }
}
