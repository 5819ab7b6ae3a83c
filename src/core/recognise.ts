/**
 * Recognising a received worksheet: which catalogue form it is, where that form's header, rows
 * and input columns sit in it, which unit and period it reports — and what could not be matched.
 *
 * Pure: a Grid in (plain values, as an adapter read them), a FilledForm and Issues out.
 *
 * 1. The form. Metadata written by our templates names it (a catalogue-version mismatch is a
 *    warning; an unknown id falls back to content). Otherwise every form is aligned with the
 *    sheet and scored; the best wins if it is good enough and clearly ahead of the next one.
 *    Score = weighted mean of
 *      rows     0.55  (exact + joined + 0.7 × fuzzy matches) / (form rows + unmatched sheet rows)
 *      title    0.20  best word-Dice of the title against a cell (or 2–3 stacked cells) above the table
 *      header   0.15  share of the STT/label/column headers found (fuzzy counts 0.7)
 *      appendix 0.05  a cell above the table starts with the "Phụ lục N" line
 *      subtitle 0.05  word-Dice of "(Kèm theo …)" and sub-title lines, digits ignored (only
 *                     weighted when the form has such lines)
 *    Recognised when score ≥ 0.45 and rows ≥ 0.30. A runner-up within 0.05 makes the sheet
 *    ambiguous, unless the best form matches some evidence well and clearly better (its own
 *    title, appendix line, "(Kèm theo …)"/sub-title lines, headers or rows) and is nowhere worse.
 * 2. The header: the block of ≤ 3 rows (in the first 100) holding most of the form's header
 *    texts; two-level headers are resolved through the group cells and their merged span; a
 *    column whose header is not found exactly is taken by word similarity, then by position
 *    between found neighbours — both reported.
 * 3. The rows, by label, never by position: exact (folded) label, the STT resolving duplicated
 *    labels, then the parent row above, then order; then labels broken over 2–3 sheet rows
 *    (empty rows between them allowed); then a similar label (word-Dice ≥ 0.75, +0.15 for the
 *    same STT, or the first ≥ 5 words alike), only when unique by 0.05 (reported). Every form
 *    row not found, every unknown sheet row with values and every duplicated row is reported.
 * 4. Unit and period: see `findUnitAndPeriod`.
 */
import type { Column, Form, Row } from "../catalog/schema";
import { CATALOG_VERSION } from "../catalog";
import { a1, type Grid, type RawCell } from "./grid";
import type { BoundCell, FilledForm } from "./filled";
import { makeIssue, type Issue } from "./issues";
import { readMarker } from "./metadata";
import {
  cleanText,
  compactKey,
  foldVietnamese,
  foldedWords,
  isSpecificStt,
  normaliseStt,
  splitLeadingStt,
} from "./normalize";

/** Every number that decides recognition, in one place. */
export const RECOGNITION = {
  weights: { rows: 0.55, title: 0.2, header: 0.15, appendix: 0.05, subtitle: 0.05 },
  /** Below this total score no form is recognised. */
  minScore: 0.45,
  /** Below this row score no form is recognised, whatever the title says. */
  minRowScore: 0.3,
  /** A runner-up this close to the best makes the sheet ambiguous. */
  ambiguityMargin: 0.05,
  /** Fuzzy row labels: word-Dice (+0.15 for the same STT) at least this, and unique. */
  fuzzyMin: 0.75,
  fuzzyMargin: 0.05,
  /** A fuzzy match counts this much in the row score. */
  fuzzyWeight: 0.7,
  /** Fuzzy column headers: word-Dice at least this, numbers included, and unique. */
  headerFuzzyMin: 0.6,
  headerScanRows: 100,
  /** Forms (best first by exact matching) whose labels are also compared by similarity. */
  refineTop: 5,
  headerDepth: 3,
  /** Rows searched for the title, unit and period when no header is found. */
  topScanRows: 30,
} as const;

/** The most a form's score can rise when similar labels are matched on top of exact ones. */
const MAX_FUZZY_GAIN =
  (RECOGNITION.weights.rows * RECOGNITION.fuzzyWeight) /
  (RECOGNITION.weights.rows + RECOGNITION.weights.title + RECOGNITION.weights.header + RECOGNITION.weights.appendix);

export interface Candidate {
  formId: string;
  score: number;
}

export interface RecognitionDetails {
  /** How the form was chosen. */
  by: "metadata" | "content" | "given";
  formId: string;
  /** 0..1, see RECOGNITION.weights. */
  score: number;
  rowScore: number;
  titleScore: number;
  headerScore: number;
  appendixScore: number;
  subtitleScore?: number;
  /** Form rows matched exactly (or across broken lines) / by similarity / in the form. */
  matchedRows: number;
  fuzzyRows: number;
  formRows: number;
  /** Sheet rows inside the table that match no form row. */
  unmatchedSheetRows: number;
  /** Header block, 0-based inclusive; undefined when no header was found. */
  headerRows?: [number, number];
  labelColumn: number;
  sttColumn?: number;
  /** Form column id → 0-based sheet column, for the columns found. */
  columns: Record<string, number>;
  /** Best forms by content score, best first (at most 5). */
  candidates: Candidate[];
}

export type Recognition =
  | { status: "recognised"; filled: FilledForm; issues: Issue[]; details: RecognitionDetails }
  | { status: "unrecognised"; reason: string; issues: Issue[]; candidates: Candidate[] };

export interface RecogniseOptions {
  /** Catalogue version the metadata is compared with (default: the running catalogue's). */
  catalogVersion?: number;
}

// --- the sheet, with cached keys ------------------------------------------------------------

function rawText(cell: RawCell | null | undefined): string {
  if (!cell) return "";
  if (typeof cell.text === "string" && cell.text.trim() !== "") return cell.text;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

const HAS_LETTER = /\p{L}/u;
const NUMERIC_TEXT = /^[\s\d.,%/+-]*\d[\s\d.,%/+-]*$/;

interface LabelInfo {
  keys: string[];
  stt?: string;
  words: string[];
  bag: Bag;
  joined: string;
}

class SheetView {
  readonly nRows: number;
  readonly nCols: number;
  private readonly texts = new Map<number, string>();
  private readonly folds = new Map<number, string>();
  private readonly compacts = new Map<number, string>();
  private readonly merges = new Map<number, { bottom: number; right: number }>();
  private readonly labels = new Map<number, LabelInfo>();
  private readonly stts = new Map<string, string>();
  private readonly tops = new Map<number, { singles: string[][]; all: Bag[]; allNoDigits: Bag[] }>();

  constructor(readonly grid: Grid) {
    this.nRows = grid.cells.length;
    this.nCols = grid.cells.reduce((m, row) => Math.max(m, row?.length ?? 0), 0);
    for (const m of grid.merges ?? []) this.merges.set(this.key(m.top, m.left), { bottom: m.bottom, right: m.right });
  }

  private key(r: number, c: number): number {
    return r * 20000 + c;
  }

  cell(r: number, c: number): RawCell | undefined {
    return this.grid.cells[r]?.[c] ?? undefined;
  }

  text(r: number, c: number): string {
    const k = this.key(r, c);
    let t = this.texts.get(k);
    if (t === undefined) {
      t = cleanText(rawText(this.cell(r, c)));
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
      for (let c = 0; c < this.nCols; c++) {
        for (let r = 0; r < end; r++) {
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

  private empty?: Set<number>;

  /** Rows with no text at all. */
  emptyRows(): ReadonlySet<number> {
    if (!this.empty) {
      this.empty = new Set<number>();
      for (let r = 0; r < this.nRows; r++) {
        let any = false;
        for (let c = 0; c < this.nCols && !any; c++) any = this.text(r, c) !== "";
        if (!any) this.empty.add(r);
      }
    }
    return this.empty;
  }

  isEmpty(): boolean {
    for (let r = 0; r < this.nRows; r++) for (let c = 0; c < this.nCols; c++) if (this.text(r, c)) return false;
    return true;
  }
}

// --- forms, with their keys -----------------------------------------------------------------

interface FormRowKeys {
  row: Row;
  index: number;
  keys: string[];
  words: string[];
  bag: Bag;
  joined: string;
  stt: string;
}

interface FormKeys {
  form: Form;
  rows: FormRowKeys[];
  /** folded label (and label without a leading item number) → form row indexes, in form order */
  byKey: Map<string, number[]>;
  titleBag: Bag;
  appendixWords: string[];
  subtitleBags: Bag[];
  labelHeader: string;
  sttHeaders: Set<string>;
  columnKeys: string[];
  columnWords: string[][];
  groupKeys: (string | undefined)[];
  /** every compact header text of this form (labels, groups, STT synonyms) */
  headerTargets: Set<string>;
}

const STT_SYNONYMS = ["stt", "tt", "sott", "sothutu"];

const formKeysCache = new WeakMap<Form, FormKeys>();

function keysOf(form: Form): FormKeys {
  const cached = formKeysCache.get(form);
  if (cached) return cached;
  const byKey = new Map<string, number[]>();
  const rows = form.rows.map((row, index): FormRowKeys => {
    const keys = [foldVietnamese(row.label)];
    const split = splitLeadingStt(row.label);
    if (split) keys.push(foldVietnamese(split.rest));
    const unique = [...new Set(keys.filter((k) => k !== ""))];
    for (const k of unique) {
      const list = byKey.get(k) ?? [];
      list.push(index);
      byKey.set(k, list);
    }
    const words = foldedWords(split ? split.rest : row.label);
    return { row, index, keys: unique, words, bag: bagOf(words), joined: words.join(" "), stt: normaliseStt(row.stt) };
  });
  const sttHeaders = new Set(STT_SYNONYMS);
  if (form.sttHeader) sttHeaders.add(compactKey(form.sttHeader));
  const columnKeys = form.columns.map((c) => compactKey(c.label));
  const groupKeys = form.columns.map((c) => (c.group ? compactKey(c.group) : undefined));
  const labelHeader = compactKey(form.labelHeader);
  const headerTargets = new Set<string>([labelHeader, ...sttHeaders, ...columnKeys]);
  for (const g of groupKeys) if (g) headerTargets.add(g);
  const noDigits = (text: string) => foldedWords(text).filter((w) => !/^\d+$/.test(w));
  const keys: FormKeys = {
    form,
    rows,
    byKey,
    titleBag: bagOf(foldedWords(form.title)),
    appendixWords: foldedWords(form.appendix),
    subtitleBags: [...form.subtitles, ...(form.attachedTo ? [form.attachedTo] : [])]
      .map(noDigits)
      .filter((w) => w.length > 0)
      .map(bagOf),
    labelHeader,
    sttHeaders,
    columnKeys,
    columnWords: form.columns.map((c) => foldedWords(c.label)),
    groupKeys,
    headerTargets,
  };
  formKeysCache.set(form, keys);
  return keys;
}

// --- word similarity --------------------------------------------------------------------------

/** Words as small integers, so that comparing two labels is a merge of two sorted arrays. */
const WORD_IDS = new Map<string, number>();

/** A multiset of words: sorted word ids. */
type Bag = Int32Array;

function bagOf(words: readonly string[]): Bag {
  const ids = new Int32Array(words.length);
  words.forEach((w, i) => {
    let id = WORD_IDS.get(w);
    if (id === undefined) {
      id = WORD_IDS.size;
      WORD_IDS.set(w, id);
    }
    ids[i] = id;
  });
  return ids.sort();
}

/** Dice coefficient over word multisets: 2·|A∩B| / (|A|+|B|). */
function diceBags(a: Bag, b: Bag): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * common) / (a.length + b.length);
}

function dice(a: readonly string[], b: readonly string[]): number {
  return diceBags(bagOf(a), bagOf(b));
}

function numbersOf(words: readonly string[]): string[] {
  return words.filter((w) => /\d/.test(w));
}

// --- alignment of one form with the sheet ------------------------------------------------------

type ColumnHow = "exact" | "fuzzy" | "position" | "assumed";

interface ColumnMatch {
  col: number;
  how: ColumnHow;
  /** Where its header text was seen (for fuzzy / position). */
  headerRow?: number;
}

interface SheetEntry {
  row: number;
  /** Column the label was read from. */
  col: number;
  label: string;
  keys: string[];
  words: string[];
  bag: Bag;
  joined: string;
  stt: string;
  headerRepeat: boolean;
  /** Form row index it was matched to. */
  matched?: number;
  /** Form row index whose label it repeats after that row was already matched. */
  duplicateOf?: number;
}

interface RowMatch {
  /** Sheet rows the label spans (first = where the label starts). */
  rows: number[];
  entry: SheetEntry;
  how: "exact" | "joined" | "fuzzy";
}

interface Alignment {
  keys: FormKeys;
  header?: { top: number; bottom: number };
  labelCol: number;
  sttCol?: number;
  columns: Map<string, ColumnMatch>;
  matches: (RowMatch | undefined)[];
  entries: SheetEntry[];
  /** Rows with values but no label inside the table. */
  blankRowsWithValues: number[];
  /** Rows of unmatched entries counted against the row score, and reported when they have values. */
  tableEnd: number;
  tableTop: number;
  scores: { rows: number; title: number; header: number; appendix: number; subtitle?: number; total: number };
  unmatchedForScore: number;
}

interface HeaderFound {
  top: number;
  bottom: number;
  labelCol?: number;
  sttCol?: number;
  columns: Map<string, ColumnMatch>;
  found: number;
}

function findHeader(view: SheetView, fk: FormKeys): HeaderFound | undefined {
  const { form } = fk;
  const scan = Math.min(view.nRows, RECOGNITION.headerScanRows);
  const positions = new Map<string, { r: number; c: number }[]>();
  for (let r = 0; r < scan; r++) {
    for (let c = 0; c < view.nCols; c++) {
      const k = view.compact(r, c);
      if (k && fk.headerTargets.has(k)) {
        const list = positions.get(k) ?? [];
        list.push({ r, c });
        positions.set(k, list);
      }
    }
  }
  if (positions.size === 0) return undefined;
  const canonical = (k: string) => (fk.sttHeaders.has(k) ? "#stt" : k);
  const totalKeys = new Set([...fk.headerTargets].map(canonical)).size;
  const startRows = [...new Set([...positions.values()].flat().map((p) => p.r))].sort((a, b) => a - b);
  let bestTop = -1;
  let bestCount = 0;
  for (const top of startRows) {
    const seen = new Set<string>();
    for (const [k, list] of positions) if (list.some((p) => p.r >= top && p.r < top + RECOGNITION.headerDepth)) seen.add(canonical(k));
    if (seen.size > bestCount) {
      bestCount = seen.size;
      bestTop = top;
    }
  }
  if (bestTop < 0 || bestCount < Math.min(2, totalKeys)) return undefined;
  const top = bestTop;
  const last = top + RECOGNITION.headerDepth - 1;
  const inBlock = (k: string) => (positions.get(k) ?? []).filter((p) => p.r >= top && p.r <= last).sort((a, b) => a.r - b.r || a.c - b.c);

  const used = new Set<number>(); // sheet columns taken by a header
  const usedCells = new Set<string>();
  let bottom = top;
  const take = (p: { r: number; c: number }) => {
    usedCells.add(`${p.r}:${p.c}`);
    bottom = Math.max(bottom, view.mergeAt(p.r, p.c)?.bottom ?? p.r);
  };

  let labelCol: number | undefined;
  const lp = inBlock(fk.labelHeader)[0];
  if (lp) {
    labelCol = lp.c;
    used.add(lp.c);
    take(lp);
  }
  let sttCol: number | undefined;
  for (const k of fk.sttHeaders) {
    const sp = inBlock(k).find((p) => !used.has(p.c));
    if (sp && (sttCol === undefined || sp.c < sttCol)) sttCol = sp.c;
  }
  if (sttCol !== undefined) {
    used.add(sttCol);
    for (const k of fk.sttHeaders) for (const p of inBlock(k)) if (p.c === sttCol) take(p);
  }

  // Group cells and their spans.
  const groupSpans = new Map<string, { r: number; left: number; right: number }[]>();
  for (const g of new Set(fk.groupKeys.filter((g): g is string => !!g))) {
    const spans = inBlock(g).map((p) => {
      const m = view.mergeAt(p.r, p.c);
      let right = m ? m.right : p.c;
      if (!m) while (right + 1 < view.nCols && !view.text(p.r, right + 1)) right++;
      return { r: p.r, left: p.c, right };
    });
    if (spans.length) groupSpans.set(g, spans);
  }

  const columns = new Map<string, ColumnMatch>();
  let found = (labelCol !== undefined ? 1 : 0) + (form.sttHeader && sttCol !== undefined ? 1 : 0);
  form.columns.forEach((column, i) => {
    const candidates = inBlock(fk.columnKeys[i]).filter((p) => !used.has(p.c) && !usedCells.has(`${p.r}:${p.c}`));
    const g = fk.groupKeys[i];
    const spans = g ? groupSpans.get(g) : undefined;
    let pick = spans
      ? candidates.find((p) => spans.some((s) => p.r > s.r && p.c >= s.left && p.c <= s.right))
      : undefined;
    pick ??= candidates.sort((a, b) => a.c - b.c || a.r - b.r)[0];
    if (!pick) return;
    columns.set(column.id, { col: pick.c, how: "exact", headerRow: pick.r });
    used.add(pick.c);
    take(pick);
    found++;
  });
  for (const spans of groupSpans.values()) for (const s of spans) take({ r: s.r, c: s.left });

  // Rows of the block that are really body rows (their label is a form row label) end the block.
  let blockEnd = Math.max(bottom, Math.min(last, view.nRows - 1));
  for (let r = top; r <= blockEnd; r++) {
    let body = false;
    for (let c = 0; c < view.nCols && !body; c++) if (!usedCells.has(`${r}:${c}`) && fk.byKey.has(view.fold(r, c))) body = true;
    if (body) {
      blockEnd = Math.max(bottom, r - 1);
      break;
    }
  }

  // Fuzzy header texts for the columns still missing (greedy, unique).
  const missing = form.columns.map((c, i) => i).filter((i) => !columns.has(form.columns[i].id));
  if (missing.length) {
    const cells: { r: number; c: number; words: string[] }[] = [];
    for (let r = top; r <= blockEnd; r++)
      for (let c = 0; c < view.nCols; c++)
        if (!used.has(c) && !usedCells.has(`${r}:${c}`) && view.text(r, c)) cells.push({ r, c, words: foldedWords(view.text(r, c)) });
    const pairs: { i: number; cell: (typeof cells)[number]; s: number }[] = [];
    for (const i of missing) {
      const column = form.columns[i];
      const targets = [fk.columnWords[i], ...(column.group ? [foldedWords(`${column.group} ${column.label}`)] : [])];
      for (const cell of cells) {
        const cellNums = new Set(numbersOf(cell.words));
        let s = 0;
        for (const t of targets) if (numbersOf(t).every((n) => cellNums.has(n))) s = Math.max(s, dice(t, cell.words));
        if (s >= RECOGNITION.headerFuzzyMin) pairs.push({ i, cell, s });
      }
    }
    pairs.sort((a, b) => b.s - a.s);
    const doneCols = new Set<number>();
    const doneForm = new Set<number>();
    for (const p of pairs) {
      if (doneForm.has(p.i) || doneCols.has(p.cell.c) || used.has(p.cell.c)) continue;
      const rival = pairs.some(
        (q) =>
          !doneForm.has(q.i) &&
          !doneCols.has(q.cell.c) &&
          ((q.i === p.i && q.cell.c !== p.cell.c) || (q.i !== p.i && q.cell.c === p.cell.c)) &&
          q.s > p.s - 0.1,
      );
      if (rival) continue;
      columns.set(form.columns[p.i].id, { col: p.cell.c, how: "fuzzy", headerRow: p.cell.r });
      used.add(p.cell.c);
      doneForm.add(p.i);
      doneCols.add(p.cell.c);
      found += 0.7;
    }
  }

  // By position, between (or next to) columns found, when the count of sheet columns agrees.
  const headerTextAt = (c: number): number | undefined => {
    for (let r = top; r <= blockEnd; r++) if (view.text(r, c)) return r;
    return undefined;
  };
  const at = (i: number) => columns.get(form.columns[i].id)?.col;
  form.columns.forEach((column, i) => {
    if (columns.has(column.id)) return;
    let p = i - 1;
    while (p >= 0 && at(p) === undefined) p--;
    let n = i + 1;
    while (n < form.columns.length && at(n) === undefined) n++;
    const pc = p >= 0 ? at(p) : undefined;
    const nc = n < form.columns.length ? at(n) : undefined;
    let col: number | undefined;
    if (pc !== undefined && nc !== undefined) {
      if (nc - pc === n - p) col = pc + (i - p);
    } else if (pc !== undefined) {
      const c = pc + (i - p);
      if (headerTextAt(c) !== undefined) col = c;
    } else if (nc !== undefined) {
      const c = nc - (n - i);
      if (c >= 0 && headerTextAt(c) !== undefined) col = c;
    }
    if (col === undefined || used.has(col) || col === labelCol || col === sttCol) return;
    columns.set(column.id, { col, how: "position", headerRow: headerTextAt(col) ?? top });
    used.add(col);
  });

  return { top, bottom, labelCol, sttCol, columns, found };
}

function chooseLabelColumn(view: SheetView, fk: FormKeys, start: number, headerCol: number | undefined): number {
  const hits = new Array<number>(view.nCols).fill(0);
  for (let r = start; r < view.nRows; r++) {
    for (let c = 0; c < view.nCols; c++) {
      if (!view.text(r, c)) continue;
      if (view.label(r, c).keys.some((k) => fk.byKey.has(k))) hits[c]++;
    }
  }
  let best = -1;
  for (let c = 0; c < hits.length; c++) if (hits[c] > 0 && (best < 0 || hits[c] > hits[best])) best = c;
  if (headerCol !== undefined && (best < 0 || hits[headerCol] >= hits[best])) return headerCol;
  return best >= 0 ? best : headerCol ?? 0;
}

const STT_LIKE = /^(?:\d+(?:[.,]\s*\d+)*[.)]?|[IVXLC]+[.)]?|[a-zđ][.)]?|\(?[a-zđ]\)|[-–—•+*]|trong đó:?)$/iu;

function chooseSttColumn(view: SheetView, labelCol: number, start: number): number | undefined {
  if (labelCol === 0) return undefined;
  const c = labelCol - 1;
  let filled = 0;
  let like = 0;
  for (let r = start; r < view.nRows; r++) {
    if (!view.text(r, labelCol)) continue;
    const t = view.text(r, c);
    if (!t) continue;
    filled++;
    if (STT_LIKE.test(t)) like++;
  }
  return filled > 0 && like / filled >= 0.6 ? c : undefined;
}

/** The row of column numbers printed under many headers: "(1) (2) (3) …", "1 2 3 …", "A B C …". */
function isColumnNumberRow(view: SheetView, r: number): boolean {
  const seen: number[] = [];
  for (let c = 0; c < view.nCols; c++) {
    const t = view.text(r, c);
    if (!t) continue;
    const m = /^\(?(\d{1,2}|[A-Z])\)?$/.exec(t);
    if (!m) return false;
    seen.push(/\d/.test(m[1]) ? Number(m[1]) : m[1].charCodeAt(0));
  }
  return seen.length >= 3 && seen.every((n, i) => i === 0 || n > seen[i - 1]);
}

/** A cell that reads as a row label rather than an item number. */
function looksLikeLabel(text: string): boolean {
  return HAS_LETTER.test(text) && (foldedWords(text).length >= 3 || text.length > 12);
}

function readEntries(view: SheetView, fk: FormKeys, start: number, labelCol: number, sttCol: number | undefined): {
  entries: SheetEntry[];
  blank: number[];
} {
  const entries: SheetEntry[] = [];
  const blank: number[] = [];
  for (let r = start; r < view.nRows; r++) {
    let col = labelCol;
    let label = view.text(r, labelCol);
    let stt = sttCol !== undefined ? view.text(r, sttCol) : "";
    if (!label) {
      for (let c = 0; c < labelCol; c++) {
        const t = view.text(r, c);
        if (t && looksLikeLabel(t)) {
          label = t;
          col = c;
          if (c === sttCol) stt = "";
          break;
        }
      }
    }
    if (!label || !HAS_LETTER.test(label)) {
      if (!isColumnNumberRow(view, r)) blank.push(r);
      continue;
    }
    const info = view.label(r, col);
    if (!stt && info.stt) stt = info.stt;
    let headerHits = 0;
    for (let c = 0; c < view.nCols; c++) if (fk.headerTargets.has(view.compact(r, c))) headerHits++;
    entries.push({
      row: r,
      col,
      label,
      keys: info.keys,
      words: info.words,
      bag: info.bag,
      joined: info.joined,
      stt: view.stt(stt),
      headerRepeat: headerHits >= 2 || view.compact(r, labelCol) === fk.labelHeader,
    });
  }
  return { entries, blank };
}

function matchRows(fk: FormKeys, entries: SheetEntry[], fuzzy: boolean, emptyRows: ReadonlySet<number>): (RowMatch | undefined)[] {
  const matches: (RowMatch | undefined)[] = fk.rows.map(() => undefined);
  const assign = (f: number, e: SheetEntry, how: RowMatch["how"], rows = [e.row]) => {
    matches[f] = { rows, entry: e, how };
    e.matched = f;
  };
  const live = entries.filter((e) => !e.headerRepeat);

  // Pass 1: exact folded labels, grouped by key.
  const groups = new Map<string, { forms: number[]; entries: SheetEntry[] }>();
  for (const [k, forms] of fk.byKey) groups.set(k, { forms, entries: [] });
  for (const e of live) {
    const seen = new Set<string>();
    for (const k of e.keys) {
      const g = groups.get(k);
      if (g && !seen.has(k)) {
        g.entries.push(e);
        seen.add(k);
      }
    }
  }
  const isFree = (e: SheetEntry) => e.matched === undefined;
  // Unique pairs first, preferring entries whose label matches as typed (not only without its number).
  for (const pass of [0, 1]) {
    for (const [k, g] of groups) {
      if (g.forms.length !== 1 || g.entries.length === 0) continue;
      const f = g.forms[0];
      if (matches[f]) continue;
      const free = g.entries.filter((e) => isFree(e) && (pass === 1 || e.keys[0] === k));
      if (free.length === 0) continue;
      // Several sheet rows with one form label: the one with the same STT, else the first.
      const st = fk.rows[f].stt;
      const pick = (isSpecificStt(st) && free.find((e) => e.stt === st)) || free[0];
      assign(f, pick, "exact");
    }
  }
  const rowOfMatch = (f: number) => matches[f]?.rows[0];
  for (const g of groups.values()) {
    if (g.forms.length < 2) continue;
    let F = g.forms.filter((f) => !matches[f]);
    let E = g.entries.filter(isFree);
    if (F.length === 0 || E.length === 0) continue;
    // (a) the same specific STT
    for (const f of F) {
      const st = fk.rows[f].stt;
      if (!isSpecificStt(st)) continue;
      const e = E.find((x) => isFree(x) && x.stt === st);
      if (e) assign(f, e, "exact");
    }
    F = F.filter((f) => !matches[f]);
    E = E.filter(isFree);
    // (b) the parent row matched just above
    const parents = F.map((f) => fk.rows[f].row.parent);
    const parentRows = parents.map((p) => (p ? rowOfMatch(fk.rows.findIndex((x) => x.row.id === p)) : undefined));
    if (F.length >= 2 && parentRows.every((r) => r !== undefined) && new Set(parentRows).size === parentRows.length) {
      for (const e of E) {
        let best = -1;
        F.forEach((f, i) => {
          const pr = parentRows[i]!;
          if (!matches[f] && pr < e.row && (best < 0 || pr > parentRows[best]!)) best = i;
        });
        if (best >= 0) assign(F[best], e, "exact");
      }
      F = F.filter((f) => !matches[f]);
      E = E.filter(isFree);
    }
    // (c) order
    for (let i = 0; i < Math.min(F.length, E.length); i++) assign(F[i], E[i], "exact");
  }
  // Sheet rows repeating a label whose form rows are all taken.
  for (const g of groups.values()) for (const e of g.entries) if (isFree(e) && e.duplicateOf === undefined) e.duplicateOf = g.forms[0];

  // Pass 2: a label broken over 2 or 3 consecutive sheet rows.
  const free = () => live.filter((e) => isFree(e) && e.duplicateOf === undefined);
  const pending = free();
  for (let i = 0; i < pending.length; i++) {
    const e = pending[i];
    if (!isFree(e)) continue;
    let key = e.keys[e.keys.length - 1];
    const span = [e];
    for (let j = i + 1; j < pending.length && span.length < 3; j++) {
      const next = pending[j];
      // the next line of the label: the next row, or after empty rows only (a page break)
      let adjacent = true;
      for (let r = span[span.length - 1].row + 1; r < next.row && adjacent; r++) adjacent = emptyRows.has(r);
      if (!adjacent || isSpecificStt(next.stt)) break;
      span.push(next);
      key = `${key} ${next.keys[0]}`;
      const f = (fk.byKey.get(key) ?? []).find((x) => !matches[x]);
      if (f !== undefined) {
        assign(f, e, "joined", span.map((s) => s.row));
        for (const s of span.slice(1)) s.matched = f;
        break;
      }
    }
  }

  // Pass 3: similar labels, only when one form row and one sheet row clearly belong together.
  const F = fk.rows.filter((r) => !matches[r.index]);
  const E = fuzzy ? free().slice(0, 400) : [];
  if (F.length && E.length) {
    const pairs: { f: number; e: SheetEntry; s: number }[] = [];
    const bound = RECOGNITION.fuzzyMin - 0.15;
    for (const fr of F) {
      const joined = fr.joined;
      E.forEach((e) => {
        const la = fr.words.length;
        const lb = e.words.length;
        const ej = e.joined;
        // Dice cannot exceed 2·min/(a+b): skip hopeless pairs cheaply.
        const hopeless = (2 * Math.min(la, lb)) / (la + lb || 1) < bound;
        let prefix = false;
        if (Math.min(la, lb) >= 5) {
          const [short, long] = ej.length < joined.length ? [ej, joined] : [joined, ej];
          prefix = long.length > short.length && long.charCodeAt(short.length) === 32 && long.startsWith(short);
        }
        if (hopeless && !prefix) return;
        let s = diceBags(fr.bag, e.bag);
        if (prefix) s = Math.max(s, 0.85);
        if (isSpecificStt(fr.stt) && isSpecificStt(e.stt)) s += fr.stt === e.stt ? 0.15 : -0.1;
        if (s >= RECOGNITION.fuzzyMin) pairs.push({ f: fr.index, e, s });
      });
    }
    pairs.sort((a, b) => b.s - a.s);
    for (const p of pairs) {
      if (matches[p.f] || !isFree(p.e)) continue;
      const rival = pairs.some(
        (q) => q !== p && !matches[q.f] && isFree(q.e) && (q.f === p.f || q.e === p.e) && q.s > p.s - RECOGNITION.fuzzyMargin,
      );
      if (rival) continue;
      assign(p.f, p.e, "fuzzy");
    }
  }
  return matches;
}

function scoreTop(view: SheetView, fk: FormKeys, tableTop: number): { title: number; appendix: number; subtitle?: number } {
  const { singles, all, allNoDigits } = view.top(Math.min(tableTop, view.nRows));
  let title = 0;
  for (const b of all) title = Math.max(title, diceBags(fk.titleBag, b));
  const aw = fk.appendixWords;
  const appendix = singles.some(
    (w) => aw.length > 0 && aw.every((x, i) => w[i] === x) && (w.length === aw.length || !/^(\d+|[ivxlc]+)$/.test(w[aw.length])),
  )
    ? 1
    : 0;
  let subtitle: number | undefined;
  if (fk.subtitleBags.length) {
    let sum = 0;
    for (const sb of fk.subtitleBags) {
      let best = 0;
      for (const b of allNoDigits) best = Math.max(best, diceBags(sb, b));
      sum += best;
    }
    subtitle = sum / fk.subtitleBags.length;
  }
  return { title, appendix, ...(subtitle !== undefined ? { subtitle } : {}) };
}

function inputColumns(form: Form): Column[] {
  return form.columns.filter((c) => c.role !== "static");
}

function align(view: SheetView, form: Form, fuzzy = true): Alignment {
  const fk = keysOf(form);
  const header = findHeader(view, fk);
  const start = header ? header.bottom + 1 : 0;
  const labelCol = chooseLabelColumn(view, fk, start, header?.labelCol);
  const sttCol = header?.sttCol ?? chooseSttColumn(view, labelCol, start);
  const columns = header?.columns ?? new Map<string, ColumnMatch>();
  const { entries, blank } = readEntries(view, fk, start, labelCol, sttCol);
  const matches = matchRows(fk, entries, fuzzy, view.emptyRows());

  const matchedRows = matches.flatMap((m) => (m ? m.rows : []));
  const firstMatched = matchedRows.length ? Math.min(...matchedRows) : undefined;
  const lastMatched = matchedRows.length ? Math.max(...matchedRows) : -1;

  // No header row: the form's columns follow the label column in the form's order.
  if (!header && firstMatched !== undefined) {
    form.columns.forEach((column, i) => columns.set(column.id, { col: labelCol + 1 + i, how: "assumed" }));
  }

  const tableTop = header ? header.top : Math.min(firstMatched ?? view.nRows, RECOGNITION.topScanRows);
  const rangeStart = header ? header.bottom + 1 : firstMatched ?? 0;
  const valueCols = inputColumns(form)
    .map((c) => columns.get(c.id)?.col)
    .filter((c): c is number => c !== undefined);
  const hasValues = (r: number, labelAt: number, numericOnly: boolean) => {
    const cols = valueCols.length ? valueCols : Array.from({ length: Math.max(0, view.nCols - labelAt - 1) }, (_, i) => labelAt + 1 + i);
    return cols.some((c) => c !== labelAt && (numericOnly ? view.isNumeric(r, c) : view.hasValue(r, c)));
  };
  let unmatchedForScore = 0;
  for (const e of entries) {
    if (e.matched !== undefined || e.headerRepeat || e.row < rangeStart) continue;
    if (e.row <= lastMatched || hasValues(e.row, e.col, true)) unmatchedForScore++;
  }
  const blankRowsWithValues = blank.filter((r) => r >= rangeStart && r <= lastMatched && hasValues(r, labelCol, false));

  const exact = matches.filter((m) => m && m.how !== "fuzzy").length;
  const similar = matches.filter((m) => m?.how === "fuzzy").length;
  const rows = (exact + RECOGNITION.fuzzyWeight * similar) / (form.rows.length + unmatchedForScore);
  const headerTotal = 1 + (form.sttHeader ? 1 : 0) + form.columns.length;
  const headerScore = header ? Math.min(1, header.found / headerTotal) : 0;
  const top = scoreTop(view, fk, tableTop);
  const w = RECOGNITION.weights;
  let sum = w.rows * rows + w.title * top.title + w.header * headerScore + w.appendix * top.appendix;
  let weight = w.rows + w.title + w.header + w.appendix;
  if (top.subtitle !== undefined) {
    sum += w.subtitle * top.subtitle;
    weight += w.subtitle;
  }
  return {
    keys: fk,
    ...(header ? { header: { top: header.top, bottom: header.bottom } } : {}),
    labelCol,
    ...(sttCol !== undefined ? { sttCol } : {}),
    columns,
    matches,
    entries,
    blankRowsWithValues,
    tableEnd: lastMatched,
    tableTop,
    scores: { rows, title: top.title, header: headerScore, appendix: top.appendix, ...(top.subtitle !== undefined ? { subtitle: top.subtitle } : {}), total: sum / weight },
    unmatchedForScore,
  };
}

// --- unit and period ---------------------------------------------------------------------------

const UNIT_LABEL = /^(?:ten )?(?:don vi|co quan|dia phuong)(?: bao cao| thuc hien| gui bao cao| gui)?$/;
const PERIOD_LABEL = /^(?:ky bao cao|thoi ky bao cao|thoi gian bao cao|ky bao cao so lieu|ky)$/;
const AUTHORITY = /^(?:uy ban nhan dan|ubnd)\s+(.+)$/;
const LEVEL_WORDS = new Set(["tinh", "thanh", "pho", "huyen", "quan", "thi", "xa", "phuong", "tran", "cap"]);
/** Blanks left for the user: "……", "....", "___". */
const PLACEHOLDER = /^[\s.…_·-]*$/;

function stripValue(text: string): string {
  const t = cleanText(text).replace(/[\s.…_;,]+$/u, "").trim();
  return PLACEHOLDER.test(t) ? "" : t;
}

/**
 * The unit and the period a sheet reports, from the cells above its table (rows before the header,
 * or before the first matched row, or the first 30 rows):
 * - unit: a cell "Đơn vị: X", "Đơn vị báo cáo: X", "Tên đơn vị: X", "Cơ quan báo cáo: X",
 *   "Địa phương: X" (X in the same cell after the colon, or else the next non-empty cell to its
 *   right; dotted blanks count as empty). Failing that, the first cell (top to bottom, left to
 *   right) whose first line is "UBND …" / "ỦY BAN NHÂN DÂN …" followed by a name (not only
 *   "UBND huyện"); its lines are joined with " – " ("UBND HUYỆN KBANG – PHÒNG NỘI VỤ").
 *   "Đơn vị tính" is a unit of measure, never a unit.
 * - period: a cell "Kỳ báo cáo: X" (also "Thời kỳ báo cáo", "Thời gian báo cáo", "Kỳ"), same
 *   rule for X. Never guessed from the title.
 */
export function findUnitAndPeriod(grid: Grid, tableTop?: number): { unit?: string; period?: string } {
  const view = new SheetView(grid);
  return unitAndPeriod(view, tableTop ?? Math.min(view.nRows, RECOGNITION.topScanRows));
}

function unitAndPeriod(view: SheetView, tableTop: number): { unit?: string; period?: string } {
  const end = Math.min(tableTop, view.nRows);
  let unit: string | undefined;
  let authority: string | undefined;
  let period: string | undefined;
  const valueAfter = (r: number, c: number, text: string, colon: number): string => {
    const inCell = colon >= 0 ? stripValue(text.slice(colon + 1)) : "";
    if (inCell) return inCell;
    for (let k = c + 1; k < view.nCols; k++) {
      const t = view.text(r, k);
      if (t) return stripValue(t);
    }
    return "";
  };
  for (let r = 0; r < end; r++) {
    for (let c = 0; c < view.nCols; c++) {
      const raw = rawText(view.cell(r, c));
      const text = view.text(r, c);
      if (!text) continue;
      const colon = text.indexOf(":");
      const head = foldVietnamese(colon >= 0 ? text.slice(0, colon) : text);
      if (unit === undefined && UNIT_LABEL.test(head)) {
        const v = valueAfter(r, c, text, colon);
        if (v) unit = v;
        continue;
      }
      if (period === undefined && PERIOD_LABEL.test(head)) {
        const v = valueAfter(r, c, text, colon);
        if (v) period = v;
        continue;
      }
      if (authority === undefined) {
        const lines = String(raw)
          .split(/\r\n|\r|\n/)
          .map((l) => cleanText(l))
          .filter((l) => l);
        // "ỦY BAN NHÂN DÂN" alone on the first line: the name is on the second.
        if (lines.length > 1 && /^(?:uy ban nhan dan|ubnd)$/.test(foldVietnamese(lines[0]))) lines.splice(0, 2, `${lines[0]} ${lines[1]}`);
        const m = AUTHORITY.exec(foldVietnamese(lines[0] ?? ""));
        if (m && m[1].split(" ").some((w) => !LEVEL_WORDS.has(w))) authority = lines.join(" – ");
      }
    }
  }
  unit ??= authority;
  return { ...(unit ? { unit } : {}), ...(period ? { period } : {}) };
}

// --- building the result -----------------------------------------------------------------------

function shorten(text: string, max = 70): string {
  const t = cleanText(text);
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** How a form is named to the user: «Phụ lục 3 – THỐNG KÊ …» (family). */
export function formName(form: Form): string {
  return `«${form.appendix} – ${shorten(form.title)}» (${form.familyTitle})`;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function bind(view: SheetView, al: Alignment, by: RecognitionDetails["by"], candidates: Candidate[], preIssues: Issue[], grid: Grid): Recognition {
  const form = al.keys.form;
  const sheet = grid.sheet;
  const issues: Issue[] = [...preIssues];
  const name = `phụ lục ${formName(form)}`;

  // Columns.
  const assumed = [...al.columns.values()].some((c) => c.how === "assumed");
  if (assumed) {
    const detail = form.columns.map((c) => `${a1(al.tableTop, al.columns.get(c.id)!.col).replace(/\d+$/, "")}: ${c.label}`).join("; ");
    issues.push(makeIssue("header_not_found", "warning", { sheet, cell: "" }, { label: name, detail }));
  }
  for (const column of inputColumns(form)) {
    const m = al.columns.get(column.id);
    if (!m) {
      issues.push(makeIssue("column_not_found", "warning", { sheet, cell: "" }, { column: column.label, label: name }));
    } else if (m.how === "fuzzy" || m.how === "position") {
      const hr = m.headerRow ?? al.header?.top ?? 0;
      const letters = a1(0, m.col).replace(/\d+$/, "");
      issues.push(
        makeIssue(
          "column_header_differs",
          "warning",
          { sheet, cell: a1(hr, m.col), value: view.text(hr, m.col) },
          { column: column.label, detail: m.how === "fuzzy" ? `cột ${letters}` : `theo vị trí, cột ${letters}` },
        ),
      );
    }
  }

  // Rows.
  const inputCols = inputColumns(form)
    .map((c) => ({ column: c, col: al.columns.get(c.id)?.col }))
    .filter((x): x is { column: Column; col: number } => x.col !== undefined);
  const cells = new Map<string, Map<string, BoundCell>>();
  const rowIndex = new Map<string, number>();
  const rowIssues: { row: number; issue: Issue }[] = [];
  al.matches.forEach((m, i) => {
    const fr = al.keys.rows[i];
    if (!m) {
      if (fr.row.kind !== "heading")
        issues.push(
          makeIssue("row_not_found", "warning", { sheet, cell: "" }, { label: fr.row.label, expected: isSpecificStt(fr.stt) ? fr.row.stt : "" }),
        );
      return;
    }
    rowIndex.set(fr.row.id, m.rows[0]);
    const bound = new Map<string, BoundCell>();
    for (const { column, col } of inputCols) {
      const r = m.rows.find((x) => view.hasValue(x, col)) ?? m.rows[0];
      bound.set(column.id, { address: a1(r, col), raw: view.cell(r, col) ?? null });
    }
    cells.set(fr.row.id, bound);
    if (m.how === "fuzzy") {
      rowIssues.push({
        row: m.entry.row,
        issue: makeIssue(
          "row_label_differs",
          "warning",
          { sheet, cell: a1(m.entry.row, m.entry.col), value: m.entry.label },
          { label: fr.row.label, expected: isSpecificStt(fr.stt) ? fr.row.stt : "" },
        ),
      });
    }
  });

  const rangeStart = al.header ? al.header.bottom + 1 : Math.min(...[...rowIndex.values(), view.nRows]);
  const valueCols = inputCols.map((x) => x.col);
  const rowHasValues = (r: number, labelAt: number, numericOnly: boolean) =>
    (valueCols.length ? valueCols : Array.from({ length: Math.max(0, view.nCols - labelAt - 1) }, (_, k) => labelAt + 1 + k)).some(
      (c) => c !== labelAt && (numericOnly ? view.isNumeric(r, c) : view.hasValue(r, c)),
    );
  for (const e of al.entries) {
    if (e.matched !== undefined || e.headerRepeat || e.row < rangeStart) continue;
    const where = { sheet, cell: a1(e.row, e.col), value: e.label };
    if (e.duplicateOf !== undefined) {
      const first = al.matches[e.duplicateOf];
      if (!rowHasValues(e.row, e.col, e.row > al.tableEnd)) continue;
      rowIssues.push({
        row: e.row,
        issue: makeIssue("row_duplicate", "warning", where, {
          label: al.keys.rows[e.duplicateOf].row.label,
          expected: first ? a1(first.rows[0], first.entry.col) : "",
        }),
      });
      continue;
    }
    if (!rowHasValues(e.row, e.col, e.row > al.tableEnd)) continue;
    rowIssues.push({ row: e.row, issue: makeIssue("row_unmatched", "warning", where, { label: name }) });
  }
  for (const r of al.blankRowsWithValues) {
    const c = valueCols.find((x) => view.hasValue(r, x)) ?? al.labelCol;
    rowIssues.push({ row: r, issue: makeIssue("row_unmatched", "warning", { sheet, cell: a1(r, c), value: "" }, { label: name }) });
  }
  rowIssues.sort((a, b) => a.row - b.row);
  issues.push(...rowIssues.map((x) => x.issue));

  const meta = grid.metadata;
  const found = unitAndPeriod(view, al.tableTop);
  const unit = meta?.unit?.trim() ? meta.unit.trim() : found.unit;
  const period = meta?.period?.trim() ? meta.period.trim() : found.period;
  const filled: FilledForm = {
    form,
    sheet,
    ...(unit ? { unit } : {}),
    ...(period ? { period } : {}),
    cells,
    rowIndex,
  };
  const columns: Record<string, number> = {};
  for (const [id, m] of al.columns) columns[id] = m.col;
  const matchedRows = al.matches.filter((m) => m && m.how !== "fuzzy").length;
  const fuzzyRows = al.matches.filter((m) => m?.how === "fuzzy").length;
  const details: RecognitionDetails = {
    by,
    formId: form.id,
    score: al.scores.total,
    rowScore: al.scores.rows,
    titleScore: al.scores.title,
    headerScore: al.scores.header,
    appendixScore: al.scores.appendix,
    ...(al.scores.subtitle !== undefined ? { subtitleScore: al.scores.subtitle } : {}),
    matchedRows,
    fuzzyRows,
    formRows: form.rows.length,
    unmatchedSheetRows: al.unmatchedForScore,
    ...(al.header ? { headerRows: [al.header.top, al.header.bottom] as [number, number] } : {}),
    labelColumn: al.labelCol,
    ...(al.sttCol !== undefined ? { sttColumn: al.sttCol } : {}),
    columns,
    candidates,
  };
  return { status: "recognised", filled, issues, details };
}

function unrecognised(grid: Grid, reason: string, code: "form_unrecognised" | "form_ambiguous", pre: Issue[], candidates: Candidate[]): Recognition {
  const issue = makeIssue(code, code === "form_ambiguous" ? "error" : "warning", { sheet: grid.sheet, cell: "" }, { detail: reason });
  return { status: "unrecognised", reason, issues: [...pre, issue], candidates };
}

/**
 * Two forms close in score (district and province variants of one appendix, the same goals in
 * two families) are still told apart when, on one piece of evidence — rows, title, headers,
 * appendix line, "(Kèm theo …)"/sub-title lines — the best one matches well (≥ 0.8) and clearly
 * better (by ≥ 0.05) than the other, and the other is nowhere better (by more than 0.01).
 */
function decisive(best: Alignment, other: Alignment): boolean {
  const parts = (a: Alignment) => [a.scores.rows, a.scores.title, a.scores.header, a.scores.appendix, a.scores.subtitle];
  const b = parts(best);
  const o = parts(other);
  let wins = false;
  for (let i = 0; i < b.length; i++) {
    const x = b[i];
    const y = o[i];
    if (x === undefined || y === undefined) continue;
    if (y > x + 0.01) return false;
    if (x >= 0.8 && x - y >= 0.05) wins = true;
  }
  return wins;
}

/**
 * Binds a sheet to a form chosen by someone else (the user in the task pane, or metadata):
 * same alignment and issues as recognition, without choosing the form.
 */
export function recogniseAs(grid: Grid, form: Form): Recognition & { status: "recognised" } {
  const view = new SheetView(grid);
  const al = align(view, form);
  return bind(view, al, "given", [{ formId: form.id, score: al.scores.total }], [], grid) as Recognition & { status: "recognised" };
}

/**
 * Which of `forms` this sheet is, and where its cells are. See the file comment for the rules.
 * Unrecognised sheets carry a Vietnamese reason and one issue: `form_ambiguous` (error: it is a
 * form, but which one cannot be told) or `form_unrecognised` (warning: an empty or unrelated
 * sheet, which a workbook may legitimately contain).
 */
export function recogniseSheet(grid: Grid, forms: readonly Form[], options: RecogniseOptions = {}): Recognition {
  const view = new SheetView(grid);
  const sheet = grid.sheet;
  const pre: Issue[] = [];
  // Our templates carry a marker cell; readers hand over plain cells, so look for it here.
  const meta = grid.metadata ?? readMarker(grid);
  if (meta?.formId) {
    const form = forms.find((f) => f.id === meta.formId);
    if (form) {
      const current = options.catalogVersion ?? CATALOG_VERSION;
      if (meta.catalogVersion !== current)
        pre.push(
          makeIssue(
            "catalog_version_mismatch",
            "warning",
            { sheet, cell: "", value: String(meta.catalogVersion) },
            { expected: String(current) },
          ),
        );
      const al = align(view, form);
      return bind(view, al, "metadata", [{ formId: form.id, score: al.scores.total }], pre, grid);
    }
    pre.push(makeIssue("form_id_unknown", "warning", { sheet, cell: "", value: meta.formId }));
  }

  if (view.isEmpty()) return unrecognised(grid, "trang tính trống", "form_unrecognised", pre, []);
  if (forms.length === 0) return unrecognised(grid, "danh mục chưa có phụ lục nào", "form_unrecognised", pre, []);

  // Exact matching for every form, then similar labels too (the costly part) for the few forms
  // that could still reach the best: similar labels raise a score by at most MAX_FUZZY_GAIN.
  const byScore = (a: Alignment, b: Alignment) => b.scores.total - a.scores.total;
  const rough = forms.map((f) => align(view, f, false)).sort(byScore);
  const reach = rough[0].scores.total - MAX_FUZZY_GAIN;
  const aligned = rough
    .map((a, i) => (i < RECOGNITION.refineTop && a.scores.total >= reach ? align(view, a.keys.form, true) : a))
    .sort(byScore);
  const candidates = aligned.slice(0, 5).map((a) => ({ formId: a.keys.form.id, score: a.scores.total }));
  const best = aligned[0];
  const matched = best.matches.filter((m) => m).length;
  if (best.scores.total < RECOGNITION.minScore || best.scores.rows < RECOGNITION.minRowScore) {
    const anything = aligned.some((a) => a.matches.some((m) => m) || a.scores.title >= 0.8);
    const reason = anything
      ? `gần nhất là ${formName(best.keys.form)} nhưng chỉ khớp ${matched}/${best.keys.form.rows.length} dòng, độ khớp của tiêu đề ${percent(best.scores.title)}`
      : "không tìm thấy tiêu đề hay nhãn dòng nào của các phụ lục đã biết";
    return unrecognised(grid, reason, "form_unrecognised", pre, candidates);
  }
  const close = aligned.filter(
    (a) => a !== best && a.scores.total > best.scores.total - RECOGNITION.ambiguityMargin && !decisive(best, a),
  );
  if (close.length) {
    const reason = [best, ...close]
      .map((a) => `${formName(a.keys.form)} (độ khớp ${percent(a.scores.total)}, ${a.matches.filter((m) => m).length}/${a.keys.form.rows.length} dòng)`)
      .join(" và ");
    return unrecognised(grid, reason, "form_ambiguous", pre, candidates);
  }
  return bind(view, best, "content", candidates, pre, grid);
}
