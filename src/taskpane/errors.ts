/**
 * Every error a user can meet in the pane, in Vietnamese, with what to do next. Office.js
 * errors (OfficeExtension.Error: `code`, `message`, `debugInfo`) are told apart by their code.
 */
import { PaneError } from "./backend";

interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown };
}

function codeOf(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const e = error as OfficeLikeError;
  if (typeof e.code === "string" && e.code) return e.code;
  if (typeof e.debugInfo?.code === "string") return e.debugInfo.code;
  return undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && typeof (error as OfficeLikeError).message === "string") return (error as { message: string }).message;
  return String(error);
}

/** "Mã lỗi: X — message (at Y)" for support. */
function detailOf(error: unknown): string {
  const code = codeOf(error);
  const where = error && typeof error === "object" ? (error as OfficeLikeError).debugInfo?.errorLocation : undefined;
  return [code ? `Mã lỗi: ${code}` : "", messageOf(error), typeof where === "string" && where ? `(${where})` : ""].filter(Boolean).join(" — ");
}

const RETRY = "Hãy thử lại; nếu vẫn lỗi, lưu sổ làm việc, đóng rồi mở lại Excel và phần bổ trợ.";

/**
 * What went wrong while the pane was doing `action` ("chèn phụ lục", "đọc các trang tính"…).
 * `partial` says that some changes may already be in the workbook (a failed second sync).
 */
export function toPaneError(error: unknown, action: string, partial = false): PaneError {
  if (error instanceof PaneError) return error;
  const code = codeOf(error);
  const detail = detailOf(error);
  const partly = partial ? " Một phần thay đổi có thể đã được ghi vào sổ làm việc: hãy xem các trang tính mới trước khi làm lại." : "";
  switch (code) {
    case "ApiNotFound":
    case "ApiNotAvailable":
      return new PaneError(
        `Không thể ${action}: phiên bản Excel này thiếu chức năng cần thiết.`,
        "Hãy cập nhật Office (Excel 2019 trở lên hoặc Microsoft 365), hoặc mở trang này ngoài Excel (chế độ trình duyệt) để tải phụ lục về dạng .xlsx." + partly,
        detail,
      );
    case "AccessDenied":
      return new PaneError(
        `Không thể ${action}: sổ làm việc hoặc trang tính đang được bảo vệ, hay tệp chỉ cho đọc.`,
        "Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ sổ làm việc), hoặc lưu tệp thành bản mới có quyền sửa, rồi thử lại." + partly,
        detail,
      );
    case "InvalidOperationInCellEditMode":
      return new PaneError(
        `Không thể ${action}: Excel đang ở chế độ sửa ô.`,
        "Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa, rồi thử lại.",
        detail,
      );
    // Excel on the web only: 5 MB per request and per response (Microsoft, "Resource limits and
    // performance optimization for Office Add-ins", Excel add-ins). The add-in splits its writes and
    // reads under that; these say what to do if a workbook still exceeds it.
    case "RequestPayloadSizeLimitExceeded":
    case "PayloadTooLarge":
      return new PaneError(
        `Không thể ${action}: dữ liệu gửi tới Excel trên web quá lớn (giới hạn 5 MB mỗi lần).`,
        "Hãy làm với ít phụ lục hoặc ít đơn vị hơn mỗi lần, hoặc dùng Excel trên máy tính (không có giới hạn này)." + partly,
        detail,
      );
    case "ResponsePayloadSizeLimitExceeded":
      return new PaneError(
        `Không thể ${action}: dữ liệu Excel trên web gửi về quá lớn (giới hạn 5 MB mỗi lần).`,
        "Sổ làm việc có trang tính rất lớn: hãy chuyển các trang không phải phụ lục sang tệp khác rồi thử lại, hoặc dùng Excel trên máy tính (không có giới hạn này)." + partly,
        detail,
      );
    case "ItemNotFound":
      return new PaneError(
        `Không thể ${action}: không tìm thấy trang tính hoặc ô cần dùng — có thể đã bị đổi tên hay xoá.`,
        "Hãy bấm «Kiểm tra» lại để cập nhật danh sách." + partly,
        detail,
      );
    case "ItemAlreadyExists":
      return new PaneError(
        `Không thể ${action}: tên trang tính đã có trong sổ làm việc (có thể vừa được tạo từ máy khác).`,
        "Hãy thử lại: tên trang sẽ được đặt lại cho khỏi trùng; không trang nào bị ghi đè.",
        detail,
      );
    case "ActivityLimitReached":
    case "Throttled":
    case "ServiceNotAvailable":
      return new PaneError(`Không thể ${action}: Excel đang bận hoặc đang giới hạn số yêu cầu.`, "Hãy đợi vài giây rồi thử lại.", detail);
    case "Unauthenticated":
    case "PermissionDenied":
      return new PaneError(`Không thể ${action}: phần bổ trợ không có quyền sửa sổ làm việc.`, "Hãy mở tệp ở chế độ chỉnh sửa (không phải chỉ đọc) rồi thử lại.", detail);
    default:
      return new PaneError(`Không thể ${action}: Excel báo lỗi.${partly}`, RETRY, detail);
  }
}

/** An error with nothing to do with Office (a file, the browser). */
export function toFileError(error: unknown, action: string): PaneError {
  if (error instanceof PaneError) return error;
  return new PaneError(
    `Không thể ${action}.`,
    "Hãy thử lại; nếu vẫn lỗi, tải lại trang (F5). Nếu trình duyệt đã cũ, hãy dùng Microsoft Edge hoặc Chrome bản mới.",
    detailOf(error),
  );
}
