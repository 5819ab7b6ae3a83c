/**
 * How problems are shown in the sheet without touching the user's own formatting: a hidden
 * "flags" column holds, for each row, the columns with an error or a warning ("|E3|W5|",
 * 1-based column numbers); two conditional formats over the sheet colour a cell while its
 * column is listed in its row's flag. Re-validating rewrites the flags only, so a mark
 * disappears as soon as its problem is fixed, and the user's fills, fonts and rules stay.
 */
import { columnLetters, parseA1 } from "./grid";
import type { Issue } from "./issues";

/** Text in the first cell of the flags column; how a reader finds it again. */
export const FLAGS_HEADER = "CCHC-KIEM-TRA";

/** Rows a mark rule covers below the first row (tables do not grow past this in practice). */
export const MARKED_ROWS = 2000;

export interface MarkRule {
  severity: "error" | "warning";
  /** Relative to the top-left cell A1 of the marked area; the flags column is absolute. */
  formula: string;
}

export function markRules(flagCol: number): MarkRule[] {
  const flags = `$${columnLetters(flagCol)}1`;
  return [
    { severity: "error", formula: `ISNUMBER(SEARCH("|E"&COLUMN()&"|",${flags}))` },
    { severity: "warning", formula: `AND(NOT(ISNUMBER(SEARCH("|E"&COLUMN()&"|",${flags}))),ISNUMBER(SEARCH("|W"&COLUMN()&"|",${flags})))` },
  ];
}

/** The flags column's values from row 0 to `lastRow`: the header, then one flag text per row. */
export function flagColumn(issues: readonly Issue[], lastRow: number): string[] {
  const byRow = new Map<number, { e: Set<number>; w: Set<number> }>();
  for (const issue of issues) {
    const at = issue.cell ? parseA1(issue.cell) : undefined;
    if (!at) continue;
    let flags = byRow.get(at.row);
    if (!flags) byRow.set(at.row, (flags = { e: new Set(), w: new Set() }));
    (issue.severity === "error" ? flags.e : flags.w).add(at.col + 1);
  }
  const rows = Math.max(lastRow, ...byRow.keys()) + 1;
  const column: string[] = new Array(rows).fill("");
  column[0] = FLAGS_HEADER;
  for (const [row, { e, w }] of byRow) {
    if (row === 0) continue;
    const parts = [...[...e].sort((a, b) => a - b).map((c) => `E${c}`), ...[...w].sort((a, b) => a - b).map((c) => `W${c}`)];
    column[row] = parts.length ? `|${parts.join("|")}|` : "";
  }
  return column;
}
