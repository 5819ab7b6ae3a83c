/**
 * What reading a received file gives, and every reason it may fail, in Vietnamese (one map:
 * what is wrong, then what to do). Apart from the readers so that the CLI and the page can name a
 * failure without loading SheetJS.
 */
import type { Grid } from "../core/grid";
import type { Format } from "./formats";
import { LIMITS, formatMb } from "./limits";

export type ReadFailure = "empty" | "not-a-spreadsheet" | "unsupported-format" | "password" | "corrupt" | "too-large" | "over-budget" | "no-sheets";

export type ReadResult =
  | { ok: true; sheets: Grid[]; format?: string }
  | { ok: false; failure: ReadFailure; reason: string; format?: string };

export const REASONS = {
  empty: () => "tệp rỗng (0 byte)",
  notSpreadsheet: () => "nội dung tệp không phải là bảng tính Excel (.xlsx, .xls) hay LibreOffice (.ods)",
  format: (f: Format) => `đây là ${f.name}, loại tệp chương trình không tổng hợp. ${f.advice ?? ""}`.trim(),
  password: () => "tệp được đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại",
  encrypted: () => "tệp được mã hoá hoặc đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại",
  corrupt: (detail: string) => `tệp bị hỏng hoặc không đầy đủ (${detail}) — hãy mở bằng Excel, lưu lại rồi gửi lại`,
  tooLarge: (detail: string) => `tệp hỏng hoặc quá lớn so với một báo cáo: ${detail} — hãy mở bằng Excel, xoá các trang không cần thiết, lưu lại rồi gửi lại`,
  fileTooLarge: (bytes: number) => REASONS.tooLarge(`tệp nặng ${formatMb(bytes)}, giới hạn ${formatMb(LIMITS.fileBytes)}`),
  noSheets: () => "bảng tính không có trang tính nào",
  overTime: (seconds: number) => `đọc tệp quá ${seconds} giây nên đã dừng — tệp hỏng hoặc quá lớn; hãy mở bằng Excel và lưu lại rồi gửi lại`,
  overMemory: (mb: number) => `đọc tệp cần hơn ${mb} MB bộ nhớ nên đã dừng — tệp hỏng hoặc quá lớn; hãy mở bằng Excel và lưu lại rồi gửi lại`,
  crashed: (detail: string) => `không đọc được tệp (${detail}) — hãy mở bằng Excel và lưu lại rồi gửi lại`,
} as const;

