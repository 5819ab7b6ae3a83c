/** Aligning one form with a sheet: its header, label and STT columns, rows matched by label, scores. */
import { inputColumns, type Form } from "../../catalog/schema";
import { foldedWords, isSpecificStt } from "../normalize";
import { keysOf, type FormKeys } from "./form-keys";
import { RECOGNITION } from "./settings";
import { HAS_LETTER, SheetView } from "./sheet-view";
import { dice, diceBags, numbersOf, type Bag } from "./words";

/** How a column was found; "meaning": chosen among several by its header's words (./columns). */
export type ColumnHow = "exact" | "fuzzy" | "position" | "assumed" | "meaning";

export interface ColumnMatch {
  col: number;
  how: ColumnHow;
  /** Where its header text was seen (for fuzzy / position). */
  headerRow?: number;
}

export interface SheetEntry {
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

export interface RowMatch {
  /** Sheet rows the label spans (first = where the label starts). */
  rows: number[];
  entry: SheetEntry;
  how: "exact" | "joined" | "fuzzy";
}

export interface Alignment {
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
  for (const r of view.rows(0, scan)) {
    for (const c of view.cols(r)) {
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
  for (const r of view.rows(top, blockEnd + 1)) {
    let body = false;
    for (const c of view.cols(r)) if (!body && !usedCells.has(`${r}:${c}`) && fk.byKey.has(view.fold(r, c))) body = true;
    if (body) {
      blockEnd = Math.max(bottom, r - 1);
      break;
    }
  }

  // Sub-header rows under the block's cells ("Kỳ trước | Kỳ này" under a "Số liệu" typed without
  // merging the cells beside it): text only, no number, nothing in the label column.
  const subHeader = (r: number) => {
    if (isColumnNumberRow(view, r) || (labelCol !== undefined && view.text(r, labelCol))) return false;
    let text = false;
    for (const c of view.cols(r)) {
      if (!view.text(r, c)) continue;
      if (view.isNumeric(r, c)) return false;
      text = true;
    }
    return text;
  };
  while (bottom < blockEnd && subHeader(bottom + 1)) bottom++;

  // Fuzzy header texts for the columns still missing (greedy, unique).
  const missing = form.columns.map((c, i) => i).filter((i) => !columns.has(form.columns[i].id));
  if (missing.length) {
    const cells: { r: number; c: number; words: string[] }[] = [];
    for (const r of view.rows(top, blockEnd + 1))
      for (const c of view.cols(r))
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
  for (const r of view.rows(start)) {
    for (const c of view.cols(r)) {
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
  for (const r of view.rows(start)) {
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
  for (const c of view.cols(r)) {
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
  // Rows without a single cell are blank without values: left out (see blankRowsWithValues).
  for (const r of view.rows(start)) {
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
    for (const c of view.cols(r)) if (fk.headerTargets.has(view.compact(r, c))) headerHits++;
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

function matchRows(fk: FormKeys, entries: SheetEntry[], fuzzy: boolean, emptyRows: { has(r: number): boolean }): (RowMatch | undefined)[] {
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

export function align(view: SheetView, form: Form, fuzzy = true): Alignment {
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
