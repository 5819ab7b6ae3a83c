/**
 * Domain problems are values, not throws: every check returns Issues. Each code has exactly one
 * Vietnamese message template in `MESSAGES` (a test checks that every code has one).
 */
import { MESSAGES, type IssueCode } from "./messages";

export type Severity = "error" | "warning";

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** Sheet name; "" when the issue is about the whole file. */
  sheet: string;
  /** A1 address in that sheet; "" when the issue is about the whole sheet or file. */
  cell: string;
  /** The text or value seen in the cell, when there is one. */
  value?: string;
  /** Vietnamese, for the user. */
  message: string;
}

/** Parameters a message may use. */
export interface MessageParams {
  sheet?: string;
  cell?: string;
  value?: string;
  label?: string;
  column?: string;
  expected?: string;
  detail?: string;
  file?: string;
  [key: string]: string | undefined;
}

export function makeIssue(
  code: IssueCode,
  severity: Severity,
  where: { sheet: string; cell: string; value?: string },
  params: MessageParams = {},
): Issue {
  const message = MESSAGES[code]({ ...params, sheet: where.sheet, cell: where.cell, value: where.value ?? params.value });
  return { code, severity, sheet: where.sheet, cell: where.cell, ...(where.value !== undefined ? { value: where.value } : {}), message };
}
