/**
 * Every Vietnamese message shown for an issue, keyed by its stable code. One place for the
 * wording; adding a code without a message is a type error, and a test checks none is empty.
 */
import type { MessageParams } from "./issues";

type Template = (p: MessageParams) => string;

/** Where a problem is, as the user reads it: «Sheet!B7». */
export function where(p: MessageParams): string {
  if (p.sheet && p.cell) return `Ô ${p.sheet}!${p.cell}`;
  if (p.sheet) return `Trang tính «${p.sheet}»`;
  return p.file ? `Tệp «${p.file}»` : "";
}

export const MESSAGES = {
  // --- parsing and cell domains (validation) ---
  // --- relations and rules (validation) ---
  // --- recognition of received sheets ---
  // --- files (adapters) ---
  file_unreadable: (p) => `Không đọc được tệp «${p.file}»: ${p.detail}. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại.`,
  file_unrecognised: (p) => `Tệp «${p.file}» không có trang tính nào khớp với một phụ lục đã biết${p.detail ? ` (${p.detail})` : ""}.`,
} satisfies Record<string, Template>;

export type IssueCode = keyof typeof MESSAGES;
