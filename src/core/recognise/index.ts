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
 *    title, appendix line, "(Kèm theo …)"/sub-title lines, headers or rows) and is nowhere worse,
 *    or the unit the sheet names is of the level of one of them only (a district's Phụ lục 5,
 *    whose rows the province's copy prints too).
 * 2. The header: the block of ≤ 3 rows (in the first 100) holding most of the form's header
 *    texts; two-level headers are resolved through the group cells and their merged span; a
 *    column whose header is not found exactly is taken by word similarity, then by position
 *    between found neighbours — both reported.
 * 3. The rows, by label, never by position: exact (folded) label, the STT resolving duplicated
 *    labels, then the parent row above, then order; then labels broken over 2–3 sheet rows
 *    (empty rows between them allowed); then a similar label (word-Dice ≥ 0.75, +0.15 for the
 *    same STT, or the first ≥ 5 words alike), only when unique by 0.05 (reported). Every form
 *    row not found (but a row of another level than the unit's: a commune's copy leaves the
 *    district's rows out), every unknown sheet row with values and every duplicated row is reported.
 * 4. Unit and period: see `findUnitAndPeriod` (./unit-period).
 * 5. Which sheet column each value column is read from, by the meaning of its header when a
 *    header spans several ("Số liệu" over "Kỳ trước | Kỳ này") or is typed twice, and every
 *    value-like column left unread: see ./columns. A column meaning cannot decide is left for a
 *    decision (`FilledForm.pending`, core/column-choice), never picked.
 */
import { inputColumns, rowAppliesAt, type Column, type Form } from "../../catalog/schema";
import { CATALOG_VERSION } from "../../catalog";
import { a1, columnLetters, type Grid } from "../grid";
import type { BoundCell, FilledForm } from "../filled";
import { makeIssue, type Issue } from "../issues";
import { levelOfUnit, reportLevel } from "../levels";
import { readMarker } from "../metadata";
import { cleanText, isSpecificStt } from "../normalize";
import { align, type Alignment } from "./align";
import { MAX_FUZZY_GAIN, RECOGNITION } from "./settings";
import { SheetView } from "./sheet-view";
import { findPeriod } from "../period";
import { describeCandidate } from "../column-choice";
import { UNIT_SOURCE_LABELS } from "../vocabulary";
import { planColumns, valueRow } from "./columns";
import { percentFractions } from "./fractions";
import { unitAndPeriod } from "./unit-period";

export { RECOGNITION } from "./settings";
export { findUnitAndPeriod, type UnitPeriod } from "./unit-period";

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

  // Unit and period first: a sub-column headed by a period is read against the sheet's period.
  const meta = grid.metadata;
  const found = unitAndPeriod(view, al.tableTop, form);
  const metaPeriod = meta?.period?.trim() ? meta.period.trim() : undefined;
  const periodKey = metaPeriod ? findPeriod(metaPeriod)?.key : found.periodKey;
  const plan = planColumns(view, al, periodKey);
  const unit = meta?.unit?.trim() ? meta.unit.trim() : found.unit;
  const unitSource = meta?.unit?.trim() ? "marker" : found.unitSource;
  // A row of another level ("Số lượng TTHC cấp huyện" in a commune's copy) is not missing.
  const level = reportLevel(form, unit);

  // Columns.
  const assumed = [...plan.columns.values()].some((c) => c.how === "assumed");
  if (assumed) {
    const detail = form.columns.map((c) => `${a1(al.tableTop, plan.columns.get(c.id)!.col).replace(/\d+$/, "")}: ${c.label}`).join("; ");
    issues.push(makeIssue("header_not_found", "warning", { sheet, cell: "" }, { label: name, detail }));
  }
  for (const column of inputColumns(form)) {
    const m = plan.columns.get(column.id);
    const decision = plan.decisions.find((d) => d.columnId === column.id);
    if (decision) {
      const detail = decision.candidates.map(describeCandidate).join(" hoặc ");
      issues.push(makeIssue("column_undecided", "error", { sheet, cell: decision.headerCell }, { column: column.label, detail }));
    } else if (!m) {
      issues.push(makeIssue("column_not_found", "warning", { sheet, cell: "" }, { column: column.label, label: name }));
    } else if (m.how === "fuzzy" || m.how === "position" || (m.how === "meaning" && view.compact(m.headerRow ?? al.tableTop, m.col) !== al.keys.columnKeys[form.columns.indexOf(column)])) {
      const hr = m.headerRow ?? al.header?.top ?? 0;
      const letters = columnLetters(m.col);
      const how = m.how === "position" ? `theo vị trí, cột ${letters}` : m.how === "meaning" ? `theo nghĩa của tiêu đề, cột ${letters}` : `cột ${letters}`;
      issues.push(makeIssue("column_header_differs", "warning", { sheet, cell: a1(hr, m.col), value: view.text(hr, m.col) }, { column: column.label, detail: how }));
    }
  }
  for (const x of plan.ignored)
    issues.push(makeIssue("column_ignored", "warning", { sheet, cell: x.cell, ...(x.header ? { value: x.header } : {}) }, { letter: columnLetters(x.col), detail: x.detail }));

  // Rows.
  const inputCols = inputColumns(form)
    .map((c) => ({ column: c, col: plan.columns.get(c.id)?.col }))
    .filter((x): x is { column: Column; col: number } => x.col !== undefined);
  const cells = new Map<string, Map<string, BoundCell>>();
  const rowIndex = new Map<string, number>();
  const rowIssues: { row: number; issue: Issue }[] = [];
  al.matches.forEach((m, i) => {
    const fr = al.keys.rows[i];
    if (!m) {
      if (fr.row.kind !== "heading" && rowAppliesAt(fr.row, level))
        issues.push(
          makeIssue("row_not_found", "warning", { sheet, cell: "" }, { label: fr.row.label, expected: isSpecificStt(fr.stt) ? fr.row.stt : "" }),
        );
      return;
    }
    rowIndex.set(fr.row.id, m.rows[0]);
    const bound = new Map<string, BoundCell>();
    for (const { column, col } of inputCols) {
      const r = valueRow(view, m.rows, col);
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

  issues.push(...percentFractions(form, sheet, cells));

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

  const period = metaPeriod ?? found.period;
  for (const c of found.conflicts) {
    if (c.what === "unit" && unit)
      issues.push(makeIssue("unit_conflict", "warning", { sheet, cell: c.cell, value: c.text }, { expected: unit, detail: `lấy từ ${UNIT_SOURCE_LABELS[unitSource ?? "cell"]}` }));
    if (c.what === "period" && period) issues.push(makeIssue("period_conflict", "warning", { sheet, cell: c.cell, value: c.text }, { expected: period }));
  }
  const filled: FilledForm = {
    form,
    sheet,
    ...(unit ? { unit } : {}),
    ...(unit && unitSource ? { unitSource } : {}),
    ...(period ? { period } : {}),
    ...(period && periodKey ? { periodKey } : {}),
    ...(plan.decisions.length ? { pending: plan.decisions } : {}),
    cells,
    rowIndex,
  };
  const columns: Record<string, number> = {};
  for (const [id, m] of plan.columns) columns[id] = m.col;
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
    // The province's and the district's copy of one appendix print the same rows: the unit's
    // level tells them apart ("UBND huyện Kbang" fills the district's), when it leaves one form.
    const level = levelOfUnit(unitAndPeriod(view, best.tableTop, best.keys.form).unit);
    const atLevel = level ? [best, ...close].filter((a) => a.keys.form.levels.includes(level)) : [];
    if (atLevel.length === 1) return bind(view, atLevel[0], "content", candidates, pre, grid);
    const reason = [best, ...close]
      .map((a) => `${formName(a.keys.form)} (độ khớp ${percent(a.scores.total)}, ${a.matches.filter((m) => m).length}/${a.keys.form.rows.length} dòng)`)
      .join(" và ");
    return unrecognised(grid, reason, "form_ambiguous", pre, candidates);
  }
  return bind(view, best, "content", candidates, pre, grid);
}
