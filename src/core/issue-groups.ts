/**
 * Issues as people read them: the list a check produces, put in the order that matters and made
 * short enough to scan. Shared by the CLI's text output and the pane; `--json` and the Issue values
 * themselves stay complete (nothing here changes an Issue).
 *
 * Decisions:
 * - Errors first (they must be fixed), then warnings; within each, the order the check gave
 *   (sheet, row, column).
 * - A sheet's blank required rows (`required_blank`, one warning per row) are folded into one
 *   group, after the sheet's other warnings: "12 dòng chưa có số liệu: dòng 8–12, 15…", with the
 *   sheet rows of the warnings (runs of consecutive rows as ranges). A single blank row stays a
 *   single warning. The group keeps every issue, so a view can expand it.
 * - Quoted text («…») longer than LABEL_MAX characters — row labels run to ~900 characters — is
 *   shortened at a word boundary with "…" (`briefMessage`); the full message stays on the Issue
 *   for a tooltip and for `--json`.
 * - A view grouped by sheet drops the "Ô «sheet»!B7" / "Trang tính «sheet»" opening of a message
 *   (`localMessage`): the sheet is the group's heading and the cell is shown beside the text.
 */
import { parseA1 } from "./grid";
import type { Issue, Severity } from "./issues";
import { where } from "./messages";

/** Quoted text longer than this is shortened in brief messages. */
export const LABEL_MAX = 60;
/** How many rows (or ranges of rows) a folded group names before "…". */
const ROWS_SHOWN = 8;

/** `text` cut at a word boundary to at most `max` characters, "…" marking the cut. */
export function shortenText(text: string, max = LABEL_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  const head = space >= max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.(–-]+$/u, "")}…`;
}

/** The message with every long «quoted» text shortened (see the header). */
export function briefMessage(message: string, max = LABEL_MAX): string {
  return message.replace(/«([^«»]*)»/g, (whole, inner: string) => (inner.length > max ? `«${shortenText(inner, max)}»` : whole));
}

/** The quoted texts `briefMessage` shortens, in full (what a tooltip shows). */
export function shortenedQuotes(message: string, max = LABEL_MAX): string[] {
  return [...message.matchAll(/«([^«»]*)»/g)].map((m) => m[1]).filter((inner) => inner.length > max);
}

/**
 * The message without its opening "Ô sheet!B7" or "Trang tính «sheet»", for a view that already
 * shows the sheet: what follows starts with " (dòng …)" or ": …". Messages that open otherwise
 * are returned unchanged.
 */
export function localMessage(issue: Pick<Issue, "message" | "sheet" | "cell">): string {
  const opening = where({ sheet: issue.sheet, cell: issue.cell });
  return opening && issue.message.startsWith(opening) ? issue.message.slice(opening.length) : issue.message;
}

export interface IssueCounts {
  errors: number;
  warnings: number;
}

export function countIssues(issues: readonly Pick<Issue, "severity">[]): IssueCounts {
  const errors = issues.filter((i) => i.severity === "error").length;
  return { errors, warnings: issues.length - errors };
}

/** "1 lỗi, 13 cảnh báo"; "không có lỗi hay cảnh báo" when there is none. */
export function countsText(c: IssueCounts): string {
  return c.errors + c.warnings === 0 ? "không có lỗi hay cảnh báo" : `${c.errors} lỗi, ${c.warnings} cảnh báo`;
}

/** What grouping needs of an issue: an Issue, or an issue of the CLI's JSON. */
export type IssueLike = Pick<Issue, "sheet" | "cell" | "severity" | "message"> & { code: string };

export interface IssueGroup<T extends IssueLike = Issue> {
  /** "single": one issue; "blank-rows": a sheet's blank required rows, folded. */
  kind: "single" | "blank-rows";
  severity: Severity;
  sheet: string;
  /** The issue, or every folded issue in sheet order. */
  issues: T[];
  /** Vietnamese, one line: the folded group's summary ("12 dòng chưa có số liệu: dòng 8–12, 15…"); for a single issue, its brief message. */
  summary: string;
}

/** "8–12, 15, 17" from sheet rows (1-based), at most ROWS_SHOWN runs, then "…". */
function rowRuns(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return runs.length > ROWS_SHOWN ? `${runs.slice(0, ROWS_SHOWN).join(", ")}…` : runs.join(", ");
}

/** The summary of a folded group of blank rows. */
export function blankRowsSummary(issues: readonly Pick<Issue, "cell">[]): string {
  const rows = issues.map((i) => parseA1(i.cell)?.row).filter((r): r is number => r !== undefined).map((r) => r + 1);
  const list = rowRuns(rows);
  return `${issues.length} dòng chưa có số liệu${list ? `: dòng ${list}` : ""}`;
}

const FOLDED = "required_blank";

/**
 * The issues of one list (a sheet, a file, a workbook) in reading order: every error first, then for
 * each sheet in order of first appearance its other warnings and its blank rows folded into one
 * group (see the header).
 */
export function groupIssues<T extends IssueLike>(issues: readonly T[]): IssueGroup<T>[] {
  const sheets: string[] = [];
  for (const i of issues) if (!sheets.includes(i.sheet)) sheets.push(i.sheet);
  const single = (issue: T): IssueGroup<T> => ({ kind: "single", severity: issue.severity, sheet: issue.sheet, issues: [issue], summary: briefMessage(issue.message) });
  const errors: IssueGroup<T>[] = [];
  const warnings: IssueGroup<T>[] = [];
  for (const sheet of sheets) {
    const mine = issues.filter((i) => i.sheet === sheet);
    const blank = mine.filter((i) => i.code === FOLDED);
    const fold = blank.length > 1;
    errors.push(...mine.filter((i) => i.severity === "error").map(single));
    warnings.push(...mine.filter((i) => i.severity !== "error" && !(fold && i.code === FOLDED)).map(single));
    if (fold) warnings.push({ kind: "blank-rows", severity: "warning", sheet, issues: blank, summary: blankRowsSummary(blank) });
  }
  return [...errors, ...warnings];
}
