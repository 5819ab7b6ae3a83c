/**
 * Consolidation of one form across units: every row × input column aggregated as the row's
 * meaning requires (`row.rollup` in the catalogue, else the default for the cell's kind), with
 * who contributed what.
 *
 * Pure: the filled forms of the units in, a FormRollup out. Each unit's cells are read as
 * ./rollup-read reads them: as they were read when the report arrived (`readings`), else here —
 * parsed once, for validation and the rollup alike, and judged through `validateFilled`.
 *
 * Decisions:
 * - Blank (and the "not reported" markers "-", "x"…) is not reported, never zero. `reported` is
 *   the number of units whose data the aggregate reflects, `of` the number of units that sent
 *   the form (missing units are the status sheet's business).
 * - A value is EXCLUDED, listed (`excluded`, one `value_excluded` warning each) and counted as not
 *   reported when it failed parsing or when an error issue sits on its cell (sum mismatch at a
 *   total, sub-item above its total, a certain rule broken at its first left cell). The unit's
 *   other cells still count.
 * - Method: `row.rollup` when it fits the cell's kind, else the default for the kind: count and
 *   decimal → sum; percent → mean; flag01 → count of 1s; coded → distribution; status → count of
 *   Đạt; text → list. Note columns are always listed, one line per unit. Rows limited by `levels`
 *   to other levels than `opts.level` (the units' level) are not aggregated ("none"): the
 *   consolidating unit fills them itself.
 * - sum: exact to the finest decimal place reported (so grouping units never changes a sum).
 * - shared: the value most units reported; units that differ are named (shared_disagreement).
 *   With no single most frequent value the cell stays empty (shared_no_common).
 * - ratio: 100 × Σnumerator / Σdenominator over units that reported both as valid numbers; units
 *   that typed the percentage without both are named (ratio_parts_missing).
 * - ratio-of-fractions: 100 × Σa / Σb over units that typed a fraction a/b. A unit that typed a
 *   plain percentage cannot be combined (its counts are unknown): it is named
 *   (fraction_not_combinable) and left out. When no unit typed a fraction, the unweighted mean of
 *   the percentages, marked approximate.
 * - weighted-mean: Σ(value × weight) / Σweight over units with both a value and a valid weight in
 *   the same column; units without a weight are named (weight_missing) and left out. When no unit
 *   has a usable weight (or the weights add up to 0), the unweighted mean, marked approximate.
 * - mean: the unweighted mean with min–max, `approximate` when two or more units reported.
 * - count-flag "x/N đơn vị" and count-status "Đạt: x/N": N is the number of units that answered;
 *   units that did not answer are added as "(k chưa báo cáo)". The value is x.
 * - distribution: "0: 2 · 1: 1 · 2: 3" (codes in order, only codes reported); the value is that text.
 * - list: "Unit: text" lines in unit order; the value is the joined text.
 * - none: empty, with the catalogue's reason (`why`).
 * - A total row (relation "sum") whose cell is a formula without a cached value (a template filled
 *   by a program that does not recalculate) takes the sum of its reported parts, as the template's
 *   formula would; the contribution is marked `derived`. A formula total cached as 0 while every
 *   part is blank is not reported (the template's formula gives "" there; LibreOffice's .xls
 *   writer stores that empty result as 0).
 * - The result does not depend on the order of the reports: units are sorted by name first.
 *   Reports of another form than `form` are ignored.
 */
import { inputColumns, type CellKind, type Column, type Form, type Level, type Row, type Rollup } from "../catalog/schema";
import type { FilledForm } from "./filled";
import { LEVEL_NAMES } from "./levels";
import { makeIssue, type Issue } from "./issues";
import type { IssueCode } from "./messages";
import { compareVietnamese, foldVietnamese } from "./normalize";
import type { Fraction } from "./parse";
import { clean, exactSum, exactSumRaw, fmt, fmtValue, formReader, type FormReader, type Reading, type ValueCell } from "./rollup-read";
import { effectiveKind, parsedValues, validateFilled } from "./validate";

export type RollupMethod = Rollup["type"];

/** One unit's filled form (see `reportsFor` in ./units). */
export interface RollupInput {
  unit: string;
  filled: FilledForm;
  /** Every issue of this form (recognition + validation). Absent → `validateFilled` is run. */
  issues?: Issue[];
  /** File or sheet label the form came from, for provenance. */
  source?: string;
  /** `readForRollup(filled, issues, parsed)` (./rollup-read), when the report was read as it arrived; used with `issues`. */
  readings?: readonly Reading[];
}

/** What one unit put into one cell, and whether it was used. */
export interface Contribution {
  unit: string;
  /** Parsed value: a number (codes and flags too), "Đạt"/"Không đạt", text; the text as typed when excluded. */
  value: number | string | null;
  /** Vietnamese display: "1.076", "1.180/1.200", "2 – Hoàn thành", "Đạt", the text. */
  display: string;
  /** "Sheet!C7" in the unit's workbook. */
  cell: string;
  source?: string;
  /** For a percent typed as a fraction: on time / received. */
  fraction?: Fraction;
  /** Computed from the parts (a total formula without a cached value). */
  derived?: boolean;
  /** Vietnamese: why the value is not in the aggregate. */
  excluded?: string;
  /** invalid: failed validation; not-combinable: valid, but lacks what the method needs (a fraction, a weight, the parts). */
  exclusion?: "invalid" | "not-combinable";
  /** Vietnamese remark on a value that is used but stands out (e.g. differs from the common value). */
  remark?: string;
}

export interface CellRollup {
  row: string;
  column: string;
  method: RollupMethod;
  /** For the JSON output: a number (sum, common value, ratio, mean, count of 1s / of Đạt), a text (distribution, list), or null. */
  value: number | string | null;
  /** Vietnamese, for every cell: "1.076", "3/5 đơn vị", "Đạt: 4/5", "0: 2 · 1: 1 · 2: 3", "≈ 87,5 (72–98)"; "" when nothing was reported. */
  display: string;
  /** What the rollup sheet shows: the number when it says everything, else `display` as text. */
  shown: number | string | null;
  reported: number;
  of: number;
  approximate?: boolean;
  min?: number;
  max?: number;
  distribution?: { code: number; label: string; count: number }[];
  /** Vietnamese: how the value was computed ("100 × Σ… / Σ… = 100 × 1.180 / 1.200"). */
  basis?: string;
  /** Vietnamese: why the cell is not aggregated (method none, or nothing usable). */
  why?: string;
  /** Units with a non-blank cell, in unit order (used and excluded). */
  contributions: Contribution[];
}

export interface ExcludedValue {
  unit: string;
  source?: string;
  row: string;
  column: string;
  /** "Sheet!C7" */
  cell: string;
  /** As typed. */
  value: string;
  /** The validation issue that excluded it. */
  code: IssueCode;
  /** Its Vietnamese message. */
  message: string;
}

export interface FormRollup {
  form: Form;
  /** Units rolled up, sorted. */
  units: string[];
  /** Number of units (reports). */
  of: number;
  /** rowId → columnId → aggregate; heading rows have only their note cells. */
  cells: Map<string, Map<string, CellRollup>>;
  excluded: ExcludedValue[];
  /** value_excluded, shared_disagreement, shared_no_common, fraction_not_combinable, weight_missing, ratio_parts_missing. */
  issues: Issue[];
}

export interface RollupOptions {
  /** Level the units report at (e.g. "xa" when a district consolidates its communes). */
  level?: Level;
}

/** One value of the JSON output (`values` in design.md; `display`, `reported`, `of` added). */
export interface RollupValue {
  form: string;
  row: string;
  label: string;
  column: string;
  value: number | string | null;
  display: string;
  reported: number;
  of: number;
}

/** Vietnamese names of the methods (detail sheet). */
export const METHOD_LABELS: Record<RollupMethod, string> = {
  sum: "Cộng",
  shared: "Giá trị chung (không cộng)",
  ratio: "Tỷ lệ tính lại từ tử số và mẫu số",
  "ratio-of-fractions": "Tỷ lệ tính lại từ các phân số",
  "weighted-mean": "Bình quân gia quyền",
  mean: "Trung bình cộng (gần đúng)",
  "count-flag": "Số đơn vị có (= 1)",
  distribution: "Số đơn vị theo từng mã",
  "count-status": "Số đơn vị Đạt",
  list: "Liệt kê theo đơn vị",
  none: "Không tổng hợp",
};

// ---------------------------------------------------------------------------------------------
// Methods

function defaultMethod(kind: CellKind): RollupMethod {
  switch (kind) {
    case "count":
    case "decimal":
      return "sum";
    case "percent":
      return "mean";
    case "flag01":
      return "count-flag";
    case "coded":
      return "distribution";
    case "status":
      return "count-status";
    case "text":
      return "list";
    default:
      return "none";
  }
}

function fits(method: RollupMethod, kind: CellKind): boolean {
  const numeric = kind === "count" || kind === "decimal" || kind === "percent";
  switch (method) {
    case "sum":
      return kind === "count" || kind === "decimal";
    case "ratio":
    case "weighted-mean":
    case "mean":
      return numeric;
    case "ratio-of-fractions":
      return kind === "percent";
    case "count-flag":
      return kind === "flag01";
    case "distribution":
      return kind === "coded" || kind === "flag01";
    case "count-status":
      return kind === "status";
    case "shared":
    case "list":
    case "none":
      return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the reports (./rollup-read), attributed to their units

/** A unit's cell after parsing and validation, attributed to the unit. */
type Entry =
  | { type: "blank" }
  | { type: "value"; parsed: ValueCell; number?: number; decimals: number; c: Contribution }
  | { type: "excluded"; c: Contribution };

/** Every blank cell's entry (entries are read, never changed). */
const BLANK: Entry = { type: "blank" };

interface Prepared {
  unit: string;
  source?: string;
  sheet: string;
  /** The cells as read when the report arrived (`RollupInput.readings`), else read here. */
  readings?: readonly Reading[];
  reader?: FormReader;
  /** Entries so far, at row position × number of input columns + column position. */
  cache: (Entry | undefined)[];
}

function compareUnits(a: RollupInput, b: RollupInput): number {
  const byName = compareVietnamese(a.unit, b.unit);
  if (byName) return byName;
  const ka = `${a.unit}\u0000${a.source ?? ""}\u0000${a.filled.sheet}`;
  const kb = `${b.unit}\u0000${b.source ?? ""}\u0000${b.filled.sheet}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Rolls up one form over the units' reports. See the header for every decision. */
export function rollupForm(form: Form, reports: readonly RollupInput[], opts: RollupOptions = {}): FormRollup {
  const sorted = [...reports].filter((r) => r.filled.form.id === form.id).sort(compareUnits);
  const rowById = new Map(form.rows.map((r) => [r.id, r]));
  const columns = inputColumns(form);
  const issues: Issue[] = [];
  const excluded: ExcludedValue[] = [];
  const rowPos = new Map(form.rows.map((r, i) => [r.id, i]));
  const colPos = new Map(columns.map((c, i) => [c.id, i]));

  const prepared: Prepared[] = sorted.map((r) => {
    const base = { unit: r.unit, ...(r.source ? { source: r.source } : {}), sheet: r.filled.sheet, cache: [] };
    if (r.readings && r.issues) return { ...base, readings: r.readings };
    // Parsed once, for the validation run here and the rollup; with the caller's issues, each cell as it is read.
    const parsed = r.issues ? undefined : parsedValues(r.filled);
    const all = r.issues ?? validateFilled(r.filled, { ...(opts.level ? { level: opts.level } : {}), ...(parsed ? { parsed } : {}) });
    return { ...base, reader: formReader(r.filled, all, parsed) };
  });

  /** The unit's cell at row position `at`, input column position `col`, attributed to the unit (once). */
  const entryAt = (u: Prepared, at: number, col: number): Entry => {
    const key = at * columns.length + col;
    const hit = u.cache[key];
    if (hit !== undefined) return hit;
    return (u.cache[key] = attribute(u, at, col, u.readings ? u.readings[key] : u.reader!.readingAt(at, col)));
  };
  const entry: EntryFn = (u, rowId, column) => entryAt(u, rowPos.get(rowId)!, colPos.get(column.id)!);

  /** A contribution of unit `u` (built without spreads: this runs for every cell of every unit). */
  const contribution = (u: Prepared, cell: string, value: number | string, display: string): Contribution =>
    u.source !== undefined ? { unit: u.unit, value, display, cell, source: u.source } : { unit: u.unit, value, display, cell };

  const attribute = (u: Prepared, at: number, col: number, r: Reading): Entry => {
    if (r.type === "blank") return BLANK;
    if (r.type === "value") {
      const c = contribution(u, r.cell, r.value, r.display);
      if (r.fraction) c.fraction = r.fraction;
      if (r.derived) c.derived = true;
      return { type: "value", parsed: r.parsed, number: r.number, decimals: r.decimals, c };
    }
    const row = form.rows[at];
    const column = columns[col];
    excluded.push({ unit: u.unit, ...(u.source ? { source: u.source } : {}), row: row.id, column: column.id, cell: r.cell, value: r.text, code: r.code, message: r.message });
    issues.push(
      makeIssue("value_excluded", "warning", { sheet: u.sheet, cell: r.address, value: r.text }, {
        unit: u.unit,
        label: row.label,
        column: column.label,
        detail: r.message,
      }),
    );
    const c = contribution(u, r.cell, r.text, r.text);
    c.excluded = r.message;
    c.exclusion = "invalid";
    return { type: "excluded", c };
  };

  const cells = new Map<string, Map<string, CellRollup>>();
  form.rows.forEach((row, at) => {
    const out = new Map<string, CellRollup>();
    columns.forEach((column, col) => {
      const kind = effectiveKind(row, column);
      if (kind === "heading") return;
      const entries = prepared.map((u) => entryAt(u, at, col));
      out.set(column.id, rollupCell(row, column, kind, prepared, entries, entry, opts, issues, rowById));
    });
    cells.set(row.id, out);
  });

  // Excluded values were found in row order per unit; list them by row, column, then unit.
  const unitPos = new Map(prepared.map((u, i) => [u.unit, i]));
  excluded.sort(
    (a, b) =>
      rowPos.get(a.row)! - rowPos.get(b.row)! || colPos.get(a.column)! - colPos.get(b.column)! || unitPos.get(a.unit)! - unitPos.get(b.unit)!,
  );
  return { form, units: [...new Set(prepared.map((u) => u.unit))], of: prepared.length, cells, excluded, issues };
}

type EntryFn = (u: Prepared, rowId: string, column: Column) => Entry;

/** Aggregates one cell; `entries` are the units' (in the order of `units`). */
function rollupCell(
  row: Row,
  column: Column,
  kind: CellKind,
  units: Prepared[],
  entries: Entry[],
  entry: EntryFn,
  opts: RollupOptions,
  issues: Issue[],
  rowById: Map<string, Row>,
): CellRollup {
  const of = units.length;
  // Each unit's contribution to this cell belongs to this cell alone (remarks are written on it).
  const contributions: Contribution[] = [];
  for (const e of entries) if (e.type !== "blank") contributions.push(e.c);
  let contributionOfUnit: Map<string, Contribution> | undefined; // built when a method needs it
  const byUnit = (unit: string) => {
    if (!contributionOfUnit) {
      contributionOfUnit = new Map();
      for (const c of contributions) if (!contributionOfUnit.has(c.unit)) contributionOfUnit.set(c.unit, c);
    }
    return contributionOfUnit.get(unit);
  };
  const valid = entries.filter((e): e is Extract<Entry, { type: "value" }> => e.type === "value");
  const where = { sheet: "", cell: "" };
  const params = { label: row.label, column: column.label };
  const names = (list: readonly string[]) => list.map((u) => `«${u}»`).join(", ");

  let method: RollupMethod;
  if (column.role === "note") method = "list";
  else method = row.rollup && fits(row.rollup.type, kind) ? row.rollup.type : defaultMethod(kind);

  const base = { row: row.id, column: column.id, method, of, contributions };
  const empty = (why?: string): CellRollup => ({ ...base, value: null, display: "", shown: null, reported: 0, ...(why ? { why } : {}) });

  if (column.role === "value" && opts.level && row.levels && !row.levels.includes(opts.level)) {
    return {
      ...empty(`Chỉ tiêu chỉ dành cho ${row.levels.map((l) => LEVEL_NAMES[l]).join(", ")}; các đơn vị ${LEVEL_NAMES[opts.level]} không báo cáo, đơn vị tổng hợp tự điền.`),
      method: "none",
      reported: valid.length,
    };
  }
  if (method === "none") {
    const why = row.rollup?.type === "none" ? row.rollup.why : "Không tổng hợp theo đơn vị.";
    return { ...empty(why), reported: valid.length };
  }
  if (valid.length === 0 && method !== "ratio" && method !== "weighted-mean") return empty();

  const numbers = valid.filter((e) => e.number !== undefined);
  const markNotCombinable = (unit: string, reason: string) => {
    const c = byUnit(unit);
    if (c && !c.excluded) {
      c.excluded = reason;
      c.exclusion = "not-combinable";
    }
  };

  const mean = (list: typeof numbers, basis: string): CellRollup => {
    const values = list.map((e) => e.number!);
    if (values.length === 0) return empty();
    const value = clean(exactSumRaw(values) / values.length);
    if (values.length === 1) return { ...base, value, display: fmt(value, 2), shown: value, reported: 1, basis };
    const min = Math.min(...values);
    const max = Math.max(...values);
    const display = `≈ ${fmt(value, 2)} (${fmt(min, 2)}–${fmt(max, 2)})`;
    return { ...base, value, display, shown: display, reported: values.length, approximate: true, min, max, basis };
  };

  switch (method) {
    case "sum": {
      let decimals = 0;
      const values: number[] = [];
      for (const e of numbers) {
        values.push(e.number!);
        if (e.decimals > decimals) decimals = e.decimals;
      }
      const value = exactSum(values, decimals);
      return { ...base, value, display: fmtValue(value), shown: value, reported: numbers.length };
    }

    case "shared": {
      const groups: { key: string; value: number | string; display: string; units: string[] }[] = [];
      for (const e of valid) {
        const value = e.number ?? String(e.c.value);
        const key = typeof value === "number" ? `n:${value}` : `t:${foldVietnamese(value)}`;
        let g = groups.find((x) => x.key === key);
        if (!g) groups.push((g = { key, value, display: e.number !== undefined ? fmt(e.number) : e.c.display, units: [] }));
        g.units.push(e.c.unit);
      }
      groups.sort((a, b) => b.units.length - a.units.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const basis = "Số liệu chung của các đơn vị, không cộng";
      const top = groups[0];
      if (groups.length === 1) {
        const shown = typeof top.value === "number" ? top.value : top.display;
        return { ...base, value: top.value, display: top.display, shown, reported: valid.length, basis };
      }
      const describe = (g: (typeof groups)[number]) => `${g.display} (${names(g.units)})`;
      if (groups[1].units.length === top.units.length) {
        const display = `Không thống nhất: ${groups.map((g) => `${g.display} (${g.units.length} đơn vị)`).join(" · ")}`;
        issues.push(makeIssue("shared_no_common", "warning", where, { ...params, detail: groups.map(describe).join("; ") }));
        return { ...base, value: null, display, shown: display, reported: valid.length, basis, why: "Các đơn vị ghi khác nhau, không có giá trị chiếm đa số." };
      }
      const others = groups.slice(1);
      const disagreeing = others.reduce((n, g) => n + g.units.length, 0);
      issues.push(
        makeIssue("shared_disagreement", "warning", where, {
          ...params,
          expected: top.display,
          detail: others.map((g) => `${names(g.units)} ghi ${g.display}`).join("; "),
        }),
      );
      for (const g of others)
        for (const u of g.units) {
          const c = byUnit(u);
          if (c) c.remark = `Khác giá trị chung ${top.display}`;
        }
      const display = `${top.display} (${disagreeing} đơn vị ghi khác)`;
      return { ...base, value: top.value, display, shown: display, reported: valid.length, basis };
    }

    case "ratio": {
      const rollup = row.rollup as Extract<Rollup, { type: "ratio" }>;
      const numRow = rowById.get(rollup.numerator)!;
      const denRow = rowById.get(rollup.denominator)!;
      let num = 0;
      let den = 0;
      const used: string[] = [];
      const lacking: string[] = [];
      const nums: number[] = [];
      const dens: number[] = [];
      let decimals = 0;
      units.forEach((u) => {
        const n = entry(u, numRow.id, column);
        const d = entry(u, denRow.id, column);
        if (n.type === "value" && d.type === "value" && n.number !== undefined && d.number !== undefined) {
          nums.push(n.number);
          dens.push(d.number);
          decimals = Math.max(decimals, n.decimals, d.decimals);
          used.push(u.unit);
        } else if (entry(u, row.id, column).type === "value") lacking.push(u.unit);
      });
      num = exactSum(nums, decimals);
      den = exactSum(dens, decimals);
      for (const u of lacking) markNotCombinable(u, `Thiếu «${numRow.label}» hoặc «${denRow.label}»`);
      if (lacking.length)
        issues.push(
          makeIssue("ratio_parts_missing", "warning", where, { ...params, numerator: numRow.label, denominator: denRow.label, detail: names(lacking) }),
        );
      if (used.length === 0) return empty(lacking.length ? "Không đơn vị nào có đủ tử số và mẫu số." : undefined);
      const basis = `100 × Σ«${numRow.label}» / Σ«${denRow.label}» = 100 × ${fmt(num)} / ${fmt(den)}`;
      if (den === 0) return { ...empty("Tổng mẫu số bằng 0."), reported: used.length, basis };
      const value = clean((100 * num) / den);
      return { ...base, value, display: fmt(value, 2), shown: value, reported: used.length, basis };
    }

    case "ratio-of-fractions": {
      const withFraction = valid.filter((e) => e.parsed.type === "number" && e.parsed.fraction);
      const plain = numbers.filter((e) => !(e.parsed.type === "number" && e.parsed.fraction));
      if (withFraction.length === 0)
        return mean(plain, "Không đơn vị nào ghi dạng phân số: trung bình cộng các tỷ lệ, gần đúng");
      const num = withFraction.reduce((s, e) => s + (e.parsed as { fraction: Fraction }).fraction.num, 0);
      const den = withFraction.reduce((s, e) => s + (e.parsed as { fraction: Fraction }).fraction.den, 0);
      if (plain.length) {
        const list = plain.map((e) => e.c.unit);
        for (const u of list) markNotCombinable(u, "Chỉ ghi tỷ lệ, không ghi phân số nên không cộng được");
        issues.push(
          makeIssue("fraction_not_combinable", "warning", where, {
            ...params,
            detail: names(list),
            expected: `${withFraction.length}/${of} đơn vị ghi phân số`,
          }),
        );
      }
      const value = clean((100 * num) / den);
      const basis = `100 × Σ tử số / Σ mẫu số của các phân số = 100 × ${fmt(num)} / ${fmt(den)}`;
      return { ...base, value, display: fmt(value, 2), shown: value, reported: withFraction.length, basis };
    }

    case "weighted-mean": {
      const rollup = row.rollup as Extract<Rollup, { type: "weighted-mean" }>;
      const weightRow = rowById.get(rollup.weight)!;
      const pairs: { v: number; w: number; unit: string }[] = [];
      const lacking: string[] = [];
      units.forEach((u) => {
        const v = entry(u, row.id, column);
        if (v.type !== "value" || v.number === undefined) return;
        const w = entry(u, weightRow.id, column);
        if (w.type === "value" && w.number !== undefined) pairs.push({ v: v.number, w: w.number, unit: u.unit });
        else lacking.push(u.unit);
      });
      const weight = pairs.reduce((s, p) => s + p.w, 0);
      if (pairs.length === 0 || weight === 0) {
        if (numbers.length === 0) return empty();
        return mean(numbers, `Không có «${weightRow.label}» để tính bình quân gia quyền: trung bình cộng, gần đúng`);
      }
      for (const u of lacking) markNotCombinable(u, `Thiếu «${weightRow.label}» để làm trọng số`);
      if (lacking.length) issues.push(makeIssue("weight_missing", "warning", where, { ...params, weight: weightRow.label, detail: names(lacking) }));
      const total = exactSumRaw(pairs.map((p) => p.v * p.w));
      const value = clean(total / weight);
      const basis = `Bình quân theo «${weightRow.label}»: Σ(tỷ lệ × trọng số) / Σ trọng số = ${fmt(total, 4)} / ${fmt(weight)}`;
      return { ...base, value, display: fmt(value, 2), shown: value, reported: pairs.length, basis };
    }

    case "mean":
      return mean(numbers, "Trung bình cộng, không có số liệu để tính chính xác");

    case "count-flag": {
      const answered = valid.filter((e) => e.number === 0 || e.number === 1);
      const yes = answered.filter((e) => e.number === 1).length;
      const display = `${yes}/${answered.length} đơn vị${answered.length < of ? ` (${of - answered.length} chưa báo cáo)` : ""}`;
      return { ...base, value: yes, display, shown: display, reported: answered.length };
    }

    case "count-status": {
      const dat = valid.filter((e) => e.parsed.type === "status" && e.parsed.value === "dat").length;
      const display = `Đạt: ${dat}/${valid.length}${valid.length < of ? ` (${of - valid.length} chưa báo cáo)` : ""}`;
      return { ...base, value: dat, display, shown: display, reported: valid.length };
    }

    case "distribution": {
      const counts = new Map<number, number>();
      for (const e of numbers) counts.set(e.number!, (counts.get(e.number!) ?? 0) + 1);
      const label = (code: number) =>
        row.codes?.find((c) => c.code === code)?.label ?? (kind === "flag01" ? (code === 1 ? "Có" : "Không") : String(code));
      const distribution = [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([code, count]) => ({ code, label: label(code), count }));
      const display = distribution.map((d) => `${d.code}: ${d.count}`).join(" · ");
      return { ...base, value: display, display, shown: display, reported: numbers.length, distribution };
    }

    case "list": {
      const lines = valid.map((e) => `${e.c.unit}: ${e.c.display}`);
      const text = lines.join("\n");
      return { ...base, value: text, display: text, shown: text, reported: valid.length };
    }
  }
}

/** The aggregate of (row, column), when the form has it. */
export function rollupCellOf(r: FormRollup, rowId: string, columnId: string): CellRollup | undefined {
  return r.cells.get(rowId)?.get(columnId);
}

/** The JSON `values` of a rollup: every row × input column (value and note), in form order. */
export function rollupValues(r: FormRollup): RollupValue[] {
  const out: RollupValue[] = [];
  const columns = inputColumns(r.form);
  for (const row of r.form.rows) {
    const cells = r.cells.get(row.id);
    if (!cells) continue;
    for (const column of columns) {
      const c = cells.get(column.id);
      if (!c) continue;
      out.push({ form: r.form.id, row: row.id, label: row.label, column: column.label, value: c.value, display: c.display, reported: c.reported, of: c.of });
    }
  }
  return out;
}
