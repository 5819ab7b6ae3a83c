/**
 * What reading a received file gives, and every reason it may fail, in Vietnamese (one map:
 * what is wrong, then what to do — in the program the file is saved again with: Word for a Word
 * document, Excel for a workbook). Apart from the readers so that the CLI and the page can name a
 * failure without loading SheetJS.
 */
import type { Grid } from "../core/grid";
import { ACCEPTED_FORMATS, isWordFile } from "../core/messages";
import type { Format } from "./formats";
import { LIMITS, formatMb } from "./limits";

export type ReadFailure = "fs" | "empty" | "not-a-spreadsheet" | "unsupported-format" | "password" | "corrupt" | "too-large" | "over-budget" | "no-sheets";

export type ReadResult =
  | { ok: true; sheets: Grid[]; format?: string }
  | { ok: false; failure: ReadFailure; reason: string; format?: string };

/** The program that opens a file to save it again. */
export type Program = "Excel" | "Word";

/** Formats (formats.ts ids) that Word opens. */
const WORD_FORMATS = new Set(["docx", "doc", "rtf", "odt"]);

/** Word for a Word document (by its format when known, else its name), Excel otherwise. */
export const programOf = (fileName: string, format?: string): Program => ((format ? WORD_FORMATS.has(format) : false) || isWordFile(fileName) ? "Word" : "Excel");

/** "hãy mở bằng Excel và lưu lại rồi gửi lại" */
const saveAgain = (program: Program) => `hãy mở bằng ${program} và lưu lại rồi gửi lại`;

export const REASONS = {
  empty: () => "tệp rỗng (0 byte)",
  notSpreadsheet: () => `nội dung tệp không phải là bảng tính hay văn bản Word mà chương trình đọc được (${ACCEPTED_FORMATS})`,
  format: (f: Format) => `đây là ${f.name}, loại tệp chương trình không tổng hợp. ${f.advice ?? ""}`.trim(),
  password: () => "tệp được đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại",
  encrypted: () => "tệp được mã hoá hoặc đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại",
  corrupt: (detail: string, program: Program = "Excel") => `tệp bị hỏng hoặc không đầy đủ (${detail}) — hãy mở bằng ${program}, lưu lại rồi gửi lại`,
  tooLarge: (detail: string, program: Program = "Excel") =>
    `tệp hỏng hoặc quá lớn so với một báo cáo: ${detail} — hãy mở bằng ${program}, xoá ${program === "Word" ? "ảnh và các phần" : "các trang"} không cần thiết, lưu lại rồi gửi lại`,
  fileTooLarge: (bytes: number, program: Program = "Excel") => REASONS.tooLarge(`tệp nặng ${formatMb(bytes)}, giới hạn ${formatMb(LIMITS.fileBytes)}`, program),
  noSheets: () => "bảng tính không có trang tính nào",
  /** A Word document that holds no table: an appendix typed with spaces or tabs is not one. */
  noTables: () => "văn bản Word không có bảng nào; phụ lục phải là một bảng (Chèn → Bảng), không phải chữ căn bằng dấu cách hay tab",
  /** A zip that says it is a Word document but has no readable main part. */
  notWord: (detail: string) => `tệp không phải là văn bản Word .docx đọc được (${detail}) — hãy mở bằng Word, lưu lại dạng .docx rồi gửi lại`,
  overTime: (seconds: number, program: Program = "Excel") => `đọc tệp quá ${seconds} giây nên đã dừng — tệp hỏng hoặc quá lớn; ${saveAgain(program)}`,
  overMemory: (mb: number, program: Program = "Excel") => `đọc tệp cần hơn ${mb} MB bộ nhớ nên đã dừng — tệp hỏng hoặc quá lớn; ${saveAgain(program)}`,
  crashed: (detail: string, program: Program = "Excel") => `không đọc được tệp (${detail}) — ${saveAgain(program)}`,
} as const;

/** A Vietnamese reason for a failed file operation. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case "ENOENT":
      return "không tìm thấy tệp hoặc thư mục";
    case "EACCES":
    case "EPERM":
      return "không có quyền truy cập";
    case "EISDIR":
      return "đây là một thư mục, không phải tệp";
    case "ENOSPC":
      return "ổ đĩa đã đầy";
    case "EROFS":
      return "ổ đĩa chỉ cho phép đọc";
    case "EFBIG":
      return (error as Error).message;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
