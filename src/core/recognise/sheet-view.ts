/** A received sheet seen by recognition: cell texts, folded keys and label keys, computed once. */
import type { Grid, RawCell } from "../grid";
import { cleanText, foldVietnamese, foldedWords, normaliseStt, splitLeadingStt } from "../normalize";
import { bagOf, type Bag } from "./words";

export function rawText(cell: RawCell | null | undefined): string {
  if (!cell) return "";
  if (typeof cell.text === "string" && cell.text.trim() !== "") return cell.text;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

export const HAS_LETTER = /\p{L}/u;
const NUMERIC_TEXT = /^[\s\d.,%/+-]*\d[\s\d.,%/+-]*$/;

export interface LabelInfo {
  keys: string[];
  stt?: string;
  words: string[];
  bag: Bag;
  joined: string;
}

/**
 * Recognition's loops go over the cells present — `rows(from, to)` and `cols(r)` — never over
 * every row × column of the declared range: a sheet whose one stray cell sits at XFD1048576 costs
 * what its real cells cost. Texts are memoised only for cells that exist.
 */
export class SheetView {
  readonly nRows: number;
  readonly nCols: number;
  /** Rows that hold at least one cell, ascending. */
  private readonly rowList: number[] = [];
  private readonly colLists = new Map<number, number[]>();
  private readonly texts = new Map<number, string>();
  private readonly folds = new Map<number, string>();
  private readonly compacts = new Map<number, string>();
  private readonly merges = new Map<number, { bottom: number; right: number }>();
  private readonly labels = new Map<number, LabelInfo>();
  private readonly stts = new Map<string, string>();
  private readonly tops = new Map<number, { singles: string[][]; all: Bag[]; allNoDigits: Bag[] }>();

  constructor(readonly grid: Grid) {
    this.nRows = grid.cells.length;
    let nCols = 0;
    // forEach skips the holes of sparse rows and grids.
    grid.cells.forEach((row, r) => {
      if (!row?.length) return;
      this.rowList.push(r);
      nCols = Math.max(nCols, row.length);
    });
    this.nCols = nCols;
    for (const m of grid.merges ?? []) this.merges.set(this.key(m.top, m.left), { bottom: m.bottom, right: m.right });
  }

  private key(r: number, c: number): number {
    return r * 20000 + c;
  }

  cell(r: number, c: number): RawCell | undefined {
    return this.grid.cells[r]?.[c] ?? undefined;
  }

  /** Rows in [from, to) that hold at least one cell, ascending. */
  rows(from = 0, to = this.nRows): number[] {
    let lo = 0;
    let hi = this.rowList.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rowList[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < this.rowList.length && this.rowList[i] < to; i++) out.push(this.rowList[i]);
    return out;
  }

  /** Columns of row `r` that hold a cell, ascending. */
  cols(r: number): readonly number[] {
    let list = this.colLists.get(r);
    if (!list) {
      list = [];
      const row = this.grid.cells[r];
      row?.forEach((cell, c) => {
        if (cell) list!.push(c);
      });
      this.colLists.set(r, list);
    }
    return list;
  }

  text(r: number, c: number): string {
    const cell = this.cell(r, c);
    if (!cell) return "";
    const k = this.key(r, c);
    let t = this.texts.get(k);
    if (t === undefined) {
      t = cleanText(rawText(cell));
      this.texts.set(k, t);
    }
    return t;
  }

  fold(r: number, c: number): string {
    const k = this.key(r, c);
    let t = this.folds.get(k);
    if (t === undefined) {
      t = foldVietnamese(this.text(r, c));
      this.folds.set(k, t);
    }
    return t;
  }

  compact(r: number, c: number): string {
    const k = this.key(r, c);
    let t = this.compacts.get(k);
    if (t === undefined) {
      t = this.fold(r, c).replace(/ /g, "");
      this.compacts.set(k, t);
    }
    return t;
  }

  /** Keys of a cell read as a row label: folded text, and folded text without a leading item
   * number ("1.2. Kế hoạch" → "ke hoach", number "1.2."); its words, as a bag. */
  label(r: number, c: number): LabelInfo {
    const k = this.key(r, c);
    let info = this.labels.get(k);
    if (info === undefined) {
      const text = this.text(r, c);
      const split = splitLeadingStt(text);
      const keys = [this.fold(r, c)];
      if (split) keys.push(foldVietnamese(split.rest));
      const words = foldedWords(split ? split.rest : text);
      info = { keys: [...new Set(keys.filter((x) => x))], ...(split ? { stt: split.stt } : {}), words, bag: bagOf(words), joined: words.join(" ") };
      this.labels.set(k, info);
    }
    return info;
  }

  stt(text: string): string {
    let key = this.stts.get(text);
    if (key === undefined) {
      key = normaliseStt(text);
      this.stts.set(text, key);
    }
    return key;
  }

  /** Texts above row `end`, for the title: every cell, and 2–3 cells stacked in one column. */
  top(end: number): { singles: string[][]; all: Bag[]; allNoDigits: Bag[] } {
    let t = this.tops.get(end);
    if (!t) {
      const singles: string[][] = [];
      const all: string[][] = [];
      const rows = this.rows(0, end);
      const columns = [...new Set(rows.flatMap((r) => this.cols(r)))].sort((a, b) => a - b);
      for (const c of columns) {
        for (const r of rows) {
          if (!this.text(r, c)) continue;
          const w = foldedWords(this.text(r, c));
          singles.push(w);
          all.push(w);
          let acc = w;
          for (let k = 1; k <= 2 && r + k < end && this.text(r + k, c); k++) {
            acc = [...acc, ...foldedWords(this.text(r + k, c))];
            all.push(acc);
          }
        }
      }
      t = { singles, all: all.map(bagOf), allNoDigits: all.map((w) => bagOf(w.filter((x) => !/^\d+$/.test(x)))) };
      this.tops.set(end, t);
    }
    return t;
  }

  /** The merge whose top-left is (r, c), if any. */
  mergeAt(r: number, c: number): { bottom: number; right: number } | undefined {
    return this.merges.get(this.key(r, c));
  }

  hasValue(r: number, c: number): boolean {
    return this.text(r, c) !== "";
  }

  isNumeric(r: number, c: number): boolean {
    const cell = this.cell(r, c);
    if (!cell) return false;
    if (typeof cell.value === "number") return true;
    return NUMERIC_TEXT.test(this.text(r, c));
  }

  /** Rows with no text at all (absent rows included), answered row by row. */
  emptyRows(): { has(r: number): boolean } {
    return { has: (r: number) => r >= 0 && r < this.nRows && !this.cols(r).some((c) => this.text(r, c) !== "") };
  }

  isEmpty(): boolean {
    return !this.rowList.some((r) => this.cols(r).some((c) => this.text(r, c)));
  }
}
