/**
 * What an adapter hands the core after reading one worksheet (from a file or from Excel):
 * plain values, no library types. Rows and columns are 0-based here; A1 addresses are made
 * with `a1()` when something is shown to the user.
 */
import type { Issue } from "./issues";

/** One cell as read. `value` is what the cell holds (a formula's cached result for formula
 * cells); `text` is what the user sees when the reader knows it (formatted text). */
export interface RawCell {
  value: string | number | boolean | null;
  text?: string;
  formula?: string;
}

/** A merged range, 0-based inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Metadata our templates carry so that a later read recognises them exactly. */
export interface TemplateMetadata {
  formId: string;
  catalogVersion: number;
  unit?: string;
  period?: string;
}

export interface Grid {
  /** Sheet name as in the workbook. */
  sheet: string;
  /** cells[row][col]; missing or null = empty. */
  cells: (RawCell | null | undefined)[][];
  merges?: MergeRange[];
  /** Present when the workbook says this sheet is one of our templates. */
  metadata?: TemplateMetadata;
  /**
   * What the reader noticed and could not settle without guessing (text in a legacy Vietnamese
   * font): reported with the sheet's own issues, and in the reason when no form is recognised.
   */
  issues?: Issue[];
}

/** 0-based column index → letters ("A", "Z", "AA"). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based (row, col) → "B7". */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "B7" → { row: 6, col: 1 }; undefined when not an A1 address. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.trim().toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function cellAt(grid: Grid, row: number, col: number): RawCell | undefined {
  return grid.cells[row]?.[col] ?? undefined;
}
