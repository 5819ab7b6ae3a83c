/**
 * Which sheet column holds each value column of the form, by meaning, and which value-like
 * columns of the sheet are left unread — so that no column is picked silently.
 *
 * After alignment (./align) each form column sits where its header was found. Then:
 * 1. A value column whose header cell spans several sheet columns ("Số liệu" merged over
 *    "Kỳ trước | Kỳ này", or typed over them without merging), or whose header is typed twice,
 *    has several candidates. Each is read by its header's words (core/vocabulary; a header that
 *    states a period is current when it is the sheet's period, a comparison when it is another,
 *    unknown when the sheet's period is unknown): the one current candidate is read, the others
 *    are named as ignored; with no current one, the one candidate of unknown meaning beside
 *    comparisons is read ("Số liệu" over "| Lũy kế"). Otherwise the column needs a decision.
 *    Candidates without a header and without any content (spacer columns) do not count.
 * 2. A value column found only by similarity or position whose header is a comparison ("Kỳ
 *    trước" where "Số liệu" should be) needs a decision too.
 * 3. A value column not found at all takes, among the columns between its found neighbours, the
 *    one whose header is current (then it is reported as a header that differs); several or
 *    none but with values → a decision; nothing there → not found, as before.
 * 4. Every other sheet column holding value-like content (what would parse as a value of the
 *    row: a number, a code, Đạt/Không đạt) in a matched row is named as ignored — an extra
 *    column, or a static column ("Đơn vị tính") with figures in it.
 * A note column typed twice reads the first and names the other.
 */
import { valueColumns, type Form, type Row } from "../../catalog/schema";
import type { BoundCell, ColumnCandidate, ColumnDecision, ColumnMeaning } from "../filled";
import { a1, columnLetters } from "../grid";
import { compactKey } from "../normalize";
import { parseCell } from "../parse";
import { findPeriod } from "../period";
import { effectiveKind } from "../validate";
import { columnMeaning, COLUMN_MEANING_LABELS } from "../vocabulary";
import type { Alignment, ColumnMatch } from "./align";
import type { SheetView } from "./sheet-view";

/** A value-like sheet column that is not read, and why (Vietnamese, for `column_ignored`). */
export interface IgnoredColumn {
  col: number;
  /** Its header cell, else its first value cell. */
  cell: string;
  header: string;
  detail: string;
}

export interface ColumnPlan {
  /** Form column id → where it is read. */
  columns: Map<string, ColumnMatch>;
  decisions: ColumnDecision[];
  ignored: IgnoredColumn[];
}

/** How many sample values a candidate shows. */
const SAMPLES = 3;

const letter = (col: number) => columnLetters(col);
const parseRow = (address: string) => Number(/\d+$/.exec(address)![0]) - 1;

/** The sheet row a matched row is read from in column `col` (a label broken over lines: the line with a value). */
export function valueRow(view: SheetView, rows: readonly number[], col: number): number {
  return rows.find((x) => view.hasValue(x, col)) ?? rows[0];
}

export function planColumns(view: SheetView, al: Alignment, periodKey?: string): ColumnPlan {
  const form: Form = al.keys.form;
  const columns = new Map(al.columns);
  const decisions: ColumnDecision[] = [];
  const ignored: IgnoredColumn[] = [];
  const reported = new Set<number>();
  if (!al.header) return { columns, decisions, ignored: unreadColumns(view, al, columns, reported) };
  const { top, bottom } = al.header;

  const claimed = (col: number, except?: string) =>
    col === al.labelCol || col === al.sttCol || [...columns].some(([id, m]) => id !== except && m.col === col);
  const headerTexts = (col: number, from: number) => {
    const out: string[] = [];
    for (let r = from; r <= bottom; r++) if (view.text(r, col) && !out.includes(view.text(r, col))) out.push(view.text(r, col));
    return out;
  };
  const matched = al.matches.flatMap((m, i) => (m && al.keys.rows[i].row.kind !== "heading" ? [{ m, row: al.keys.rows[i].row }] : []));
  const hasContent = (col: number) => matched.some(({ m }) => m.rows.some((r) => view.hasValue(r, col)));
  const meaningOf = (parent: string, own: string): ColumnMeaning => {
    const p = own ? findPeriod(own) : undefined;
    if (p?.key) return periodKey === undefined ? "unknown" : p.key === periodKey ? "current" : "comparison";
    return columnMeaning(`${parent} ${own}`);
  };
  const candidate = (col: number, parent: string, own: string, from = top): ColumnCandidate => {
    const cells = new Map<string, BoundCell>();
    const samples: string[] = [];
    for (const { m, row } of matched) {
      const r = valueRow(view, m.rows, col);
      cells.set(row.id, { address: a1(r, col), raw: view.cell(r, col) ?? null });
      if (view.text(r, col) && samples.length < SAMPLES) samples.push(view.text(r, col));
    }
    const header = [parent, own].filter(Boolean).join(" / ");
    const firstValue = [...cells.values()].find((x) => x.raw !== null && view.hasValue(parseRow(x.address), col));
    // Its own header, else the header over it (a merged "Số liệu" spans it), else its first value.
    const cell = headerCellOf(col, from) ?? headerCellOf(col) ?? (from > top ? a1(from - 1, col) : firstValue?.address) ?? a1(top, col);
    return { col, letter: letter(col), cell, header, meaning: meaningOf(parent, own), cells, samples };
  };
  const decide = (columnId: string, label: string, headerCell: string, cands: ColumnCandidate[]) => {
    const current = cands.filter((c) => c.meaning === "current");
    const unknown = cands.filter((c) => c.meaning === "unknown");
    const pick = current.length === 1 ? current[0] : current.length === 0 && unknown.length === 1 && cands.length > 1 ? unknown[0] : undefined;
    cands.forEach((c) => reported.add(c.col));
    if (!pick) {
      const layout = [form.id, columnId, ...cands.map((c) => `${c.letter}:${compactKey(c.header)}`)].join("|");
      decisions.push({ columnId, column: label, headerCell, layout, candidates: cands });
      return undefined;
    }
    for (const c of cands) {
      if (c === pick || (!hasContent(c.col) && !c.header)) continue;
      ignored.push({
        col: c.col,
        cell: c.cell,
        header: c.header,
        detail: `là ${COLUMN_MEANING_LABELS[c.meaning]}; số liệu «${label}» được đọc ở cột ${pick.letter}${pick.header ? ` «${pick.header}»` : ""}`,
      });
    }
    return pick;
  };
  const headerRowOf = (col: number, from = top): number | undefined => {
    for (let r = from; r <= bottom; r++) if (view.text(r, col)) return r;
    return undefined;
  };
  const headerCellOf = (col: number, from = top): string | undefined => {
    const r = headerRowOf(col, from);
    return r === undefined ? undefined : a1(r, col);
  };

  form.columns.forEach((column, i) => {
    const m = columns.get(column.id);
    if (!m || column.role === "static") return;
    const hr = m.headerRow ?? top;
    const parent = view.text(hr, m.col);
    // Several columns under its header cell, or its header typed twice.
    const merge = view.mergeAt(hr, m.col);
    let right = merge ? merge.right : m.col;
    if (!merge && headerTexts(m.col, hr + 1).length)
      while (right + 1 < view.nCols && !view.text(hr, right + 1) && !claimed(right + 1) && headerTexts(right + 1, hr + 1).length) right++;
    const cols: number[] = [];
    for (let c = m.col; c <= right; c++) if (c === m.col || !claimed(c, column.id)) cols.push(c);
    // The same header typed again — for a grouped column, under the same group (its label repeats under every group).
    const key = al.keys.columnKeys[i];
    const group = column.group ? groupAbove(view, top, hr, m.col) : undefined;
    if (m.how === "exact")
      for (const r of view.rows(top, bottom + 1))
        for (const c of view.cols(r))
          if (!cols.includes(c) && !claimed(c) && !reported.has(c) && view.compact(r, c) === key && (group === undefined || groupAbove(view, top, r, c) === group)) cols.push(c);
    if (column.role === "note") {
      // Notes are listed, never summed: the first is read, the others named (whichever has content).
      for (const c of cols.slice(1)) {
        reported.add(c);
        if (hasContent(c) || hasContent(m.col))
          ignored.push({ col: c, cell: headerCellOf(c) ?? a1(top, c), header: headerTexts(c, top).join(" / "), detail: `cũng là cột «${column.label}»; chỉ đọc cột ${letter(m.col)}` });
      }
      return;
    }
    const spanned = cols.length > 1 && cols.every((c) => c >= m.col && c <= right);
    const cands = cols
      .map((c) => (spanned ? candidate(c, parent, headerTexts(c, hr + 1).join(" / "), hr + 1) : candidate(c, "", headerTexts(c, top).join(" / "))))
      .filter((c) => cols.length === 1 || c.header !== (spanned ? parent : "") || hasContent(c.col));
    if (cands.length === 1 && (m.how === "exact" || m.how === "assumed" || cands[0].meaning !== "comparison")) {
      if (cands[0].col !== m.col) columns.set(column.id, { ...m, col: cands[0].col });
      return;
    }
    const pick = decide(column.id, column.label, a1(hr, m.col), cands);
    if (pick) columns.set(column.id, { col: pick.col, how: m.how === "exact" ? "exact" : "meaning", headerRow: hr });
    else columns.delete(column.id);
  });

  // Value columns not found: the columns between their found neighbours, by meaning.
  const at = (i: number) => columns.get(form.columns[i].id)?.col;
  const lastCol = Math.max(0, ...matched.map(({ m }) => Math.max(...m.rows.map((r) => (view.grid.cells[r]?.length ?? 0) - 1))));
  form.columns.forEach((column, i) => {
    if (column.role !== "value" || columns.has(column.id) || decisions.some((d) => d.columnId === column.id)) return;
    let p = i - 1;
    while (p >= 0 && at(p) === undefined) p--;
    let n = i + 1;
    while (n < form.columns.length && at(n) === undefined) n++;
    const from = (p >= 0 ? at(p)! : al.labelCol) + 1;
    const to = n < form.columns.length ? at(n)! - 1 : lastCol;
    const cands: ColumnCandidate[] = [];
    for (let c = from; c <= to; c++) {
      if (claimed(c) || reported.has(c)) continue;
      const header = headerTexts(c, top).join(" / ");
      if (header || hasValueLike(view, al, c)) cands.push(candidate(c, "", header));
    }
    if (!cands.length || !cands.some((c) => hasValueLike(view, al, c.col) || c.meaning === "current")) return;
    const pick = decide(column.id, column.label, "", cands);
    if (pick) columns.set(column.id, { col: pick.col, how: "meaning", headerRow: headerRowOf(pick.col) ?? top });
  });

  return { columns, decisions, ignored: [...ignored, ...unreadColumns(view, al, columns, reported)] };
}

/**
 * The header cell a header at (r, c) sits under, as a compact key ("" for none): a merged cell
 * covering (r', c) above it, else the nearest text above it.
 */
function groupAbove(view: SheetView, top: number, r: number, c: number): string {
  for (let rr = r - 1; rr >= top; rr--) {
    const merge = (view.grid.merges ?? []).find((m) => m.top <= rr && m.bottom >= rr && m.left <= c && m.right >= c && m.top < r);
    if (merge) return view.compact(merge.top, merge.left);
    if (view.text(rr, c)) return view.compact(rr, c);
  }
  return "";
}

/** What would parse, in `row`, as a value of one of the form's value columns (a number, a code, Đạt/Không đạt). */
function valueLike(view: SheetView, form: Form, row: Row, r: number, col: number): boolean {
  const cell = view.cell(r, col);
  if (!cell || !view.hasValue(r, col)) return false;
  const kinds = new Set(valueColumns(form).map((c) => effectiveKind(row, c)));
  for (const kind of kinds) {
    if (kind === "heading" || kind === "text") continue;
    const p = parseCell(cell, kind, row);
    if (p.type === "number" || p.type === "code" || p.type === "status") return true;
  }
  return false;
}

/** True when some matched row holds, in column `col`, what would parse as a value of that row. */
function hasValueLike(view: SheetView, al: Alignment, col: number): boolean {
  return al.matches.some((m, i) => !!m && m.rows.some((r) => valueLike(view, al.keys.form, al.keys.rows[i].row, r, col)));
}

/** Value-like sheet columns that no form column reads (static columns holding figures included). */
function unreadColumns(view: SheetView, al: Alignment, columns: Map<string, ColumnMatch>, reported: Set<number>): IgnoredColumn[] {
  const form = al.keys.form;
  const read = new Set<number>();
  const staticAt = new Map<number, string>();
  for (const column of form.columns) {
    const m = columns.get(column.id);
    if (!m) continue;
    if (column.role === "static") staticAt.set(m.col, column.label);
    else read.add(m.col);
  }
  let width = 0;
  for (const m of al.matches) if (m) for (const r of m.rows) width = Math.max(width, view.grid.cells[r]?.length ?? 0);
  const out: IgnoredColumn[] = [];
  for (let c = 0; c < width; c++) {
    if (read.has(c) || reported.has(c) || c === al.labelCol || c === al.sttCol || !hasValueLike(view, al, c)) continue;
    if (staticAt.has(c) && !staticHoldsFigures(view, al, c)) continue;
    let cell: string | undefined;
    const header: string[] = [];
    if (al.header)
      for (let r = al.header.top; r <= al.header.bottom; r++)
        if (view.text(r, c)) {
          cell ??= a1(r, c);
          if (!header.includes(view.text(r, c))) header.push(view.text(r, c));
        }
    if (!cell) {
      const first = al.matches.flatMap((m) => m?.rows ?? []).sort((a, b) => a - b).find((r) => view.hasValue(r, c));
      cell = a1(first ?? al.tableTop, c);
    }
    const label = staticAt.get(c);
    out.push({
      col: c,
      cell,
      header: header.join(" / "),
      detail: label ? `là cột «${label}» của mẫu nhưng có số liệu` : "có số liệu nhưng không phải là cột nào của phụ lục",
    });
  }
  return out;
}

/** A static column ("Đơn vị tính") holding figures where the form prints its own text. */
function staticHoldsFigures(view: SheetView, al: Alignment, col: number): boolean {
  const columnId = [...al.columns].find(([, m]) => m.col === col)?.[0];
  return al.matches.some((m, i) => {
    if (!m) return false;
    const row = al.keys.rows[i].row;
    const printed = columnId ? row.printed?.[columnId] : undefined;
    return m.rows.some((r) => !(printed !== undefined && compactKey(printed) === view.compact(r, col)) && valueLike(view, al.keys.form, row, r, col));
  });
}
