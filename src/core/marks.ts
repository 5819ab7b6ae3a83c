/**
 * How problems are shown in the sheet without touching the user's own formatting: a hidden
 * "flags" column holds, for each row, the columns with a mark ("|E3|W5|T4|", 1-based column
 * numbers); conditional formats over the sheet colour a cell while its column is listed in its
 * row's flag. Three kinds of mark, each with its own rule and colour (MARK_COLORS in ./layout):
 *   E — an error of validation, W — a warning of validation, T — a value short of a target
 *   (core/targets). A cell with several marks shows the first of E, W, T.
 * Validation owns E and W, the target check owns T: each rewrites only its own kinds and keeps
 * the other's (`existing`), so a mark disappears as soon as its own check no longer finds the
 * problem, and the user's fills, fonts and rules stay.
 */
import { columnLetters, parseA1, type Grid } from "./grid";
import type { Issue } from "./issues";

/** Text in the first cell of the flags column; how a reader finds it again. */
export const FLAGS_HEADER = "CCHC-KIEM-TRA";

/** Rows a mark rule covers below the first row (tables do not grow past this in practice). */
export const MARKED_ROWS = 2000;

export type MarkKind = "E" | "W" | "T";

/** The colour a rule gives (keys of MARK_COLORS). */
export type MarkSeverity = "error" | "warning" | "target";

export interface MarkRule {
  severity: MarkSeverity;
  /** Relative to the top-left cell A1 of the marked area; the flags column is absolute. */
  formula: string;
}

/** One mark: a cell (0-based) and its kind. */
export interface CellMark {
  row: number;
  col: number;
  kind: MarkKind;
}

export function markRules(flagCol: number): MarkRule[] {
  const flags = `$${columnLetters(flagCol)}1`;
  const has = (kind: MarkKind) => `ISNUMBER(SEARCH("|${kind}"&COLUMN()&"|",${flags}))`;
  return [
    { severity: "error", formula: has("E") },
    { severity: "warning", formula: `AND(NOT(${has("E")}),${has("W")})` },
    { severity: "target", formula: `AND(NOT(${has("E")}),NOT(${has("W")}),${has("T")})` },
  ];
}

/** E and W marks of the issues that name a cell. */
export function issueMarks(issues: readonly Issue[]): CellMark[] {
  const marks: CellMark[] = [];
  for (const issue of issues) {
    const at = issue.cell ? parseA1(issue.cell) : undefined;
    if (at) marks.push({ ...at, kind: issue.severity === "error" ? "E" : "W" });
  }
  return marks;
}

/** T marks at the given cells (A1 addresses). */
export function targetMarks(addresses: readonly string[]): CellMark[] {
  const marks: CellMark[] = [];
  for (const address of addresses) {
    const at = parseA1(address);
    if (at) marks.push({ ...at, kind: "T" });
  }
  return marks;
}

/** The marks of one flag text: "|E3|T4|" → [{ kind: "E", col: 2 }, { kind: "T", col: 3 }] (0-based col). */
export function parseFlag(text: unknown): { kind: MarkKind; col: number }[] {
  if (typeof text !== "string") return [];
  const out: { kind: MarkKind; col: number }[] = [];
  for (const m of text.matchAll(/\|([EWT])(\d+)(?=\|)/g)) out.push({ kind: m[1] as MarkKind, col: Number(m[2]) - 1 });
  return out;
}

const ORDER: readonly MarkKind[] = ["E", "W", "T"];

/**
 * The flags column's values from row 0 to `lastRow` (or the last marked row): the header, then one
 * flag text per row. Marks of the kinds in `replace` come from `marks`; marks of the other kinds
 * are kept from `existing` (the column as read, row-indexed).
 */
export function buildFlagColumn(marks: readonly CellMark[], lastRow: number, replace: readonly MarkKind[], existing: readonly unknown[] = []): string[] {
  const byRow = new Map<number, Map<MarkKind, Set<number>>>();
  const add = (row: number, kind: MarkKind, col: number) => {
    if (row <= 0) return;
    let kinds = byRow.get(row);
    if (!kinds) byRow.set(row, (kinds = new Map()));
    let cols = kinds.get(kind);
    if (!cols) kinds.set(kind, (cols = new Set()));
    cols.add(col + 1);
  };
  existing.forEach((text, row) => {
    for (const m of parseFlag(text)) if (!replace.includes(m.kind)) add(row, m.kind, m.col);
  });
  for (const m of marks) if (replace.includes(m.kind)) add(m.row, m.kind, m.col);
  const rows = Math.max(lastRow, ...byRow.keys()) + 1;
  const column: string[] = new Array(rows).fill("");
  column[0] = FLAGS_HEADER;
  for (const [row, kinds] of byRow) {
    const parts = ORDER.flatMap((kind) => [...(kinds.get(kind) ?? [])].sort((a, b) => a - b).map((c) => `${kind}${c}`));
    column[row] = parts.length ? `|${parts.join("|")}|` : "";
  }
  return column;
}

/**
 * The flags column of a validation: E and W marks from the issues, the T marks of `existing`
 * kept (see the header).
 */
export function flagColumn(issues: readonly Issue[], lastRow: number, existing: readonly unknown[] = []): string[] {
  return buildFlagColumn(issueMarks(issues), lastRow, ["E", "W"], existing);
}

// ---------------------------------------------------------------------------------------------
// Where a host writes the marks of a sheet it has read (shared by src/excel and src/sheets)

/** Column index (0-based) of the flags column, if the sheet has one (its header in the first row). */
export function findFlagsColumn(grid: Grid): number | undefined {
  const first = grid.cells[0] ?? [];
  const col = first.findIndex((cell) => cell?.value === FLAGS_HEADER);
  return col >= 0 ? col : undefined;
}

/** The flags column as read, row-indexed ("" where empty). */
export function flagValues(grid: Grid, col: number): string[] {
  return grid.cells.map((row) => {
    const v = row?.[col]?.value;
    return v === null || v === undefined ? "" : String(v);
  });
}

function lastColumn(grid: Grid): number {
  return grid.cells.reduce((max, row) => Math.max(max, (row?.length ?? 0) - 1), 0);
}

/** What a host writes to show `marks` on a sheet it read as `grid`. */
export interface MarksPlan {
  /** The flags column (0-based). */
  flagsCol: number;
  /**
   * The sheet has no flags column yet: the host adds it here, hidden, with the rules of
   * `markRules(flagsCol)` over rows 0..MARKED_ROWS and columns 0..flagsCol-1 — unless the sheet
   * is protected (then it writes nothing and says so: `MARK_NOTES`).
   */
  create: boolean;
  /** The whole column from row 0, when it differs from what the sheet holds (else nothing to write). */
  column?: string[];
}

/**
 * The marks of one sheet (see the header): the flags column rewritten with `marks` for the kinds
 * in `replace`, the other kinds kept as read. Undefined when there is nothing to mark and no
 * column to clear.
 */
export function planMarks(grid: Grid, marks: readonly CellMark[], replace: readonly MarkKind[]): MarksPlan | undefined {
  const found = findFlagsColumn(grid);
  if (found === undefined && !marks.length) return undefined;
  const flagsCol = found ?? lastColumn(grid) + 2;
  const existing = found === undefined ? [] : flagValues(grid, found);
  // The whole flags column down to the last row that may hold an old mark.
  const column = buildFlagColumn(marks, Math.max(grid.cells.length - 1, 0), replace, existing);
  const changed = column.some((v, r) => v !== (existing[r] ?? ""));
  return { flagsCol, create: found === undefined, ...(changed ? { column } : {}) };
}

/** Why marks could not be shown on a protected sheet (the pane's list still has them all). */
export const MARK_NOTES = {
  check: (sheet: string) => `Trang «${sheet}» đang được bảo vệ nên không tô màu được ô có vấn đề; danh sách vẫn có đủ trong ngăn bên phải.`,
  targets: (sheet: string) => `Trang «${sheet}» đang được bảo vệ nên không tô màu được ô chưa đạt chỉ tiêu; danh sách vẫn có đủ trong ngăn bên phải.`,
};
