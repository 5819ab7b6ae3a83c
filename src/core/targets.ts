/**
 * Evaluation of reform targets against reported values. Pure: values come in through a small
 * interface (`TargetValues`: form, row, column → number or nothing, plus where it sits), so the same
 * code checks one unit's filled sheets (`valuesFromFilled`) and a rollup (the rollup supplies its
 * own `TargetValues`, or a list through `valuesFromList`).
 *
 * Decisions:
 * - Never "met" by default. A target with no metric, or a qualitative clause, is "self-assessment"
 *   ("cần tự đánh giá", with the catalogue's `howToAssess`: where the unit finds the figure), and so
 *   is a target whose metric's form the unit's level fills only under
 *   some plans (`formOptional`) when the report does not hold that form; a metric whose values are
 *   missing, blank, invalid, a ratio over 0, or a change whose baseline the user has not supplied is
 *   "no-data". Only a computed value compared with the threshold gives "met" / "not-met".
 * - Column: the metric's own column when it names one; otherwise the value columns whose period
 *   starts with the target year (e.g. "2020-Q1" for a 2020 target), latest first, then the other
 *   value columns, latest first; the first column where every row of the metric holds a number is
 *   used (a "Năm 2020 (Tính đến 31/3)" column is reported as partial). All rows of a sum or ratio
 *   come from the same column.
 * - Blank is "not reported", never zero; "-" and "x" are blank. A coded cell gives its code, a 0/1
 *   cell its 0/1. Cells are read once, by core/validate's `parsedValues`.
 * - Sums and ratios are rounded to 12 significant digits (so 3/10 is 30, not 30.000000000000004)
 *   and compared with a tolerance of 1e-9; "> 99" is not met by 99.
 * - Change against a baseline: percent = 100 × (value − baseline) ÷ baseline; absolute = value −
 *   baseline; baselines are supplied per target id (`baselines`), never guessed.
 * - Targets that checks do not use (the other version of a contradictory target) and targets of
 *   other levels are not evaluated unless asked for (`includeAlternatives`); unverified targets are
 *   evaluated and carry `verified: false` so the caller can mark them.
 * - Ratings (Phụ lục 8, commune Phụ lục 3, the 2023-2025 task form): every rated row that applies at
 *   the level is listed with the unit's own rating (read, never changed). A suggestion is made only
 *   when every sub-target of the row that applies at the level was measured (met / not met): "Đạt"
 *   when all are met, "Không đạt" otherwise; a disagreement is flagged. Without a suggestion, `why`
 *   says why in Vietnamese — sub-targets to self-assess, without data, or already short (`short`: a
 *   measured sub-target is not met, so the goal cannot be fully met). A row without any sub-target
 *   is listed for the unit's own rating only. `attention` marks the rows to read first: rated
 *   "Không đạt" (by the unit, or by any unit of a rollup), suggested "Không đạt", or short.
 */
import { findForm, valueColumns, type Column, type Form, type Level, type Row } from "../catalog";
import {
  TARGETS,
  selectTargets,
  type Area,
  type Change,
  type Comparator,
  type Programme,
  type Range,
  type Target,
  type TargetSource,
  type TargetYear,
} from "../catalog/targets";
import type { FilledForm } from "./filled";
import { shortenText } from "./issue-groups";
import { makeIssue, type Issue } from "./issues";
import { formatNumberVi, type ParsedCell } from "./parse";
import { effectiveKind, parsedValues } from "./validate";

// ---------------------------------------------------------------------------------------------
// Values in

/** One cell of a metric as the input sees it. */
export interface MetricCell {
  /** The number the cell holds (a code for coded rows, 0/1 for flags); null when blank or not a number. */
  value: number | null;
  /** A1 address in `sheet`, when the value comes from a sheet cell. */
  address?: string;
  sheet?: string;
  /** The cell holds something its kind does not accept (validation reports it). */
  invalid?: boolean;
  /** What the cell showed. */
  text?: string;
  /** The number is an approximation the input says it is (a rollup's unweighted mean, "≈ 91,83 (88–95)"). */
  approximate?: boolean;
}

/** Where the values of one unit (or of a rollup) come from. */
export interface TargetValues {
  /** The unit, or "Tổng hợp" for a rollup, for messages. */
  label?: string;
  /**
   * The cell of (form, row, column). `undefined` when these values do not include that form at
   * all (then the target is "no-data" because the form was not provided); `{ value: null }` when
   * the form is there but the cell is blank, missing or not a number.
   */
  cell(form: string, row: string, column: string): MetricCell | undefined;
}

function numberOf(p: ParsedCell | undefined): number | null {
  if (!p) return null;
  if (p.type === "number" || p.type === "code") return p.value;
  return null;
}

/** Values read from one unit's filled sheets (one FilledForm per form; the first wins). */
export function valuesFromFilled(filled: FilledForm | readonly FilledForm[], label?: string): TargetValues {
  const list: readonly FilledForm[] = Array.isArray(filled) ? filled : [filled as FilledForm];
  const byForm = new Map<string, { filled: FilledForm; parsed: Map<string, Map<string, ParsedCell>> }>();
  for (const f of list) if (!byForm.has(f.form.id)) byForm.set(f.form.id, { filled: f, parsed: parsedValues(f) });
  const unit = label ?? list.find((f) => f.unit)?.unit;
  return {
    ...(unit ? { label: unit } : {}),
    cell(form, row, column) {
      const entry = byForm.get(form);
      if (!entry) return undefined;
      const bound = entry.filled.cells.get(row)?.get(column);
      if (!bound) return { value: null };
      const p = entry.parsed.get(row)?.get(column);
      return {
        value: numberOf(p),
        address: bound.address,
        sheet: entry.filled.sheet,
        ...(p?.type === "invalid" ? { invalid: true } : {}),
        ...(p && p.text ? { text: p.text } : {}),
      };
    },
  };
}

/** A value as a rollup (or the CLI's JSON) lists it. Strings are not numbers: they give null. */
export interface ListedValue {
  form: string;
  row: string;
  /** Column id, or the column header as printed (the rollup JSON's `column`). */
  column: string;
  value: number | string | null;
  address?: string;
  sheet?: string;
}

/** Values from a flat list, e.g. a rollup's consolidated values (`rollupValues` of core/rollup, whose
 * `column` is the header as printed) or the CLI's JSON `values`. */
export function valuesFromList(values: readonly ListedValue[], label?: string): TargetValues {
  const forms = new Set(values.map((v) => v.form));
  const key = (form: string, row: string, column: string) => `${form}\u0000${row}\u0000${column}`;
  const byKey = new Map<string, ListedValue>();
  for (const v of values) if (!byKey.has(key(v.form, v.row, v.column))) byKey.set(key(v.form, v.row, v.column), v);
  return {
    ...(label ? { label } : {}),
    cell(form, row, column) {
      if (!forms.has(form)) return undefined;
      const header = findForm(form)?.columns.find((c) => c.id === column)?.label;
      const v = byKey.get(key(form, row, column)) ?? (header !== undefined ? byKey.get(key(form, row, header)) : undefined);
      if (!v) return { value: null };
      const value = typeof v.value === "number" && Number.isFinite(v.value) ? v.value : null;
      return {
        value,
        ...(v.address ? { address: v.address } : {}),
        ...(v.sheet ? { sheet: v.sheet } : {}),
        ...(typeof v.value === "string" ? { text: v.value } : {}),
      };
    },
  };
}

function isFilled(x: unknown): x is FilledForm {
  return typeof x === "object" && x !== null && "cells" in x && "form" in x && "rowIndex" in x;
}

// ---------------------------------------------------------------------------------------------
// Results out

export type TargetStatus = "met" | "not-met" | "no-data" | "self-assessment";

export type TargetReason =
  /** self-assessment: no row of any form measures the target. */
  | "no-metric"
  /** self-assessment: the clause states no figure. */
  | "qualitative"
  /** no-data: the values do not include the metric's form. */
  | "form-missing"
  /** no-data: a cell of the metric is blank (not reported). */
  | "blank"
  /** no-data: a cell of the metric holds something that is not a number of its kind. */
  | "invalid"
  /** no-data: a ratio whose denominator is 0. */
  | "zero-denominator"
  /** no-data: a change against a baseline the user has not supplied. */
  | "no-baseline"
  /** no-data: a percent change against a baseline of 0. */
  | "zero-baseline"
  /** self-assessment: the metric's form is one the level fills only under some plans, and the report does not hold it. */
  | "form-not-filled";

export interface ResultCell {
  row: string;
  label: string;
  value: number | null;
  address?: string;
  sheet?: string;
  approximate?: boolean;
}

export interface TargetResult {
  /** Target id. */
  target: string;
  programme: Programme;
  goal?: string;
  area: Area;
  year: TargetYear;
  levels: Level[];
  about?: Level;
  status: TargetStatus;
  reason?: TargetReason;
  /** The value compared with the threshold (a percentage for ratios, the change for change targets); null without one. */
  value: number | null;
  /** For change targets: the metric's value and the baseline it is compared with. */
  measured?: number | null;
  baseline?: number | null;
  comparator: Comparator;
  /** A number for > >= < <= =, the range for "range", the change for "change-vs-baseline", null for qualitative. */
  threshold: number | Range | Change | null;
  unit: string;
  /** The criterion in Vietnamese, e.g. "trên 99%", "từ 30% trở lên", "giảm ít nhất 10% so với năm 2021". */
  criterion: string;
  /** Metric form and row (the first row of a sum or ratio), when there is a metric. */
  form?: string;
  row?: string;
  /** Row label(s) as printed: "A", "A + B", "A ÷ B". */
  label?: string;
  /** The value column used (id and header as printed). */
  column?: string;
  columnLabel?: string;
  /** The column covers an incomplete period (e.g. "Năm 2020 (Tính đến 31/3)"). */
  partial?: boolean;
  /** The sheet cell of the value (the first row's cell for sums and ratios). */
  sheet?: string;
  address?: string;
  /** Every cell read. */
  cells: ResultCell[];
  wording: string;
  source: TargetSource;
  verified: boolean;
  /** The other version of a contradictory target (only when alternatives were asked for). */
  alternative?: boolean;
  /** The value as shown to the user, e.g. "21,88%", "9 TTHC", "giảm 9,62% so với năm 2021" ("≈ " before an approximation). */
  valueText?: string;
  /** A cell of the metric holds an approximation (a rollup's unweighted mean of percentages). */
  approximate?: boolean;
  /** Vietnamese: how the unit assesses the target itself (the catalogue's `howToAssess`), for "self-assessment" results. */
  howToAssess?: string;
  /** Vietnamese one-line summary for lists. */
  message: string;
}

export interface EvaluateOptions {
  /** Level of the unit (or of the units rolled up): only targets of that level are evaluated. */
  level: Level;
  /** Baselines for change targets, by target id (e.g. the number of public service units in 2021). */
  baselines?: Readonly<Record<string, number>>;
  year?: TargetYear | readonly TargetYear[];
  programme?: Programme | readonly Programme[];
  /** Also evaluate the versions of contradictory targets that checks do not use. */
  includeAlternatives?: boolean;
  /** Evaluate targets whose wording is unverified (default true; their results say verified: false). */
  includeUnverified?: boolean;
}

const EPS = 1e-9;
const tidy = (n: number): number => (Number.isInteger(n) ? n : Number(n.toPrecision(12)));

function fmt(n: number): string {
  return formatNumberVi(n, 2);
}

function withUnit(n: number, unit: string): string {
  if (unit === "%") return `${fmt(n)}%`;
  if (unit === "—" || unit === "" || unit === "mã") return fmt(n);
  if (unit === "hạng") return `hạng ${fmt(n)}`;
  return `${fmt(n)} ${unit}`;
}

function baselineName(change: Change): string {
  return change.baselineYear === "previous-year" ? "năm trước" : `năm ${change.baselineYear}`;
}

/** The criterion of a target in Vietnamese. */
export function describeCriterion(t: Target): string {
  const u = t.unit;
  switch (t.comparator) {
    case ">":
      return `trên ${withUnit(t.threshold ?? 0, u)}`;
    case ">=":
      return `từ ${withUnit(t.threshold ?? 0, u)} trở lên`;
    case "<":
      return `dưới ${withUnit(t.threshold ?? 0, u)}`;
    case "<=":
      return `không quá ${withUnit(t.threshold ?? 0, u)}`;
    case "=":
      return `bằng ${withUnit(t.threshold ?? 0, u)}${t.thresholdLabel ? ` (${t.thresholdLabel})` : ""}`;
    case "range":
      return `từ ${withUnit(t.range?.min ?? 0, u)} đến ${withUnit(t.range?.max ?? 0, u)}`;
    case "change-vs-baseline": {
      const c = t.change;
      if (!c) return "";
      const verb = c.direction === "decrease" ? "giảm" : "tăng";
      const amount = c.as === "percent" ? `${fmt(c.by)}%` : withUnit(c.by, u);
      const against = `so với ${baselineName(c)}`;
      if (c.by === 0) return c.strict ? `${verb} ${against}` : `không ${c.direction === "decrease" ? "tăng" : "giảm"} ${against}`;
      return `${verb} ${c.strict ? "hơn" : "ít nhất"} ${amount} ${against}`;
    }
    case "qualitative":
      return "không có số liệu định lượng";
  }
}

function thresholdOf(t: Target): TargetResult["threshold"] {
  switch (t.comparator) {
    case "range":
      return t.range ?? null;
    case "change-vs-baseline":
      return t.change ?? null;
    case "qualitative":
      return null;
    default:
      return t.threshold ?? null;
  }
}

function passes(t: Target, value: number): boolean {
  const thr = t.threshold ?? 0;
  switch (t.comparator) {
    case ">":
      return value - thr > EPS;
    case ">=":
      return value - thr >= -EPS;
    case "<":
      return thr - value > EPS;
    case "<=":
      return value - thr <= EPS;
    case "=":
      return Math.abs(value - thr) <= EPS;
    case "range":
      return !!t.range && value >= t.range.min - EPS && value <= t.range.max + EPS;
    case "change-vs-baseline": {
      const c = t.change;
      if (!c) return false;
      if (c.direction === "decrease") return c.strict ? value + c.by < -EPS : value + c.by <= EPS;
      return c.strict ? value - c.by > EPS : value - c.by >= -EPS;
    }
    case "qualitative":
      return false;
  }
}

/** Rows a metric reads, in order. */
function metricRows(t: Target): string[] {
  const m = t.metric;
  if (!m) return [];
  if (m.type === "row") return [m.row];
  if (m.type === "sum") return [...m.rows];
  return [...m.numerator, ...m.denominator];
}

/** Candidate value columns for a metric, most preferred first (see the header). */
function candidateColumns(form: Form, t: Target): Column[] {
  const values = valueColumns(form);
  if (t.metric?.column) return values.filter((c) => c.id === t.metric?.column);
  const latestFirst = [...values].reverse();
  if (typeof t.year !== "number") return latestFirst;
  const year = String(t.year);
  const ofYear = latestFirst.filter((c) => c.period?.startsWith(year));
  return [...ofYear, ...latestFirst.filter((c) => !ofYear.includes(c))];
}

interface Measured {
  column?: Column;
  cells: ResultCell[];
  value: number | null;
  reason?: TargetReason;
}

function measure(form: Form, t: Target, values: TargetValues): Measured {
  const rowIds = metricRows(t);
  const rowOf = (id: string): Row | undefined => form.rows.find((r) => r.id === id);
  let fallback: { column: Column; cells: ResultCell[]; raw: (MetricCell | undefined)[] } | undefined;
  for (const column of candidateColumns(form, t)) {
    const raw = rowIds.map((r) => values.cell(form.id, r, column.id));
    if (raw.every((c) => c === undefined)) continue;
    const cells: ResultCell[] = rowIds.map((r, i) => {
      const c = raw[i];
      return {
        row: r,
        label: rowOf(r)?.label ?? r,
        value: c?.value ?? null,
        ...(c?.address ? { address: c.address } : {}),
        ...(c?.sheet ? { sheet: c.sheet } : {}),
        ...(c?.approximate ? { approximate: true } : {}),
      };
    });
    if (cells.every((c) => c.value !== null)) return { column, cells, ...compute(t, cells) };
    fallback ??= { column, cells, raw };
  }
  if (!fallback) return { cells: [], value: null, reason: "form-missing" };
  const invalid = fallback.raw.some((c) => c?.invalid);
  return { column: fallback.column, cells: fallback.cells, value: null, reason: invalid ? "invalid" : "blank" };
}

function compute(t: Target, cells: ResultCell[]): { value: number | null; reason?: TargetReason } {
  const m = t.metric;
  const sum = (rows: readonly string[]) => rows.reduce((acc, r) => acc + (cells.find((c) => c.row === r)?.value ?? 0), 0);
  if (!m) return { value: null, reason: "no-metric" };
  if (m.type === "row") return { value: cells[0].value };
  if (m.type === "sum") return { value: tidy(sum(m.rows)) };
  const den = sum(m.denominator);
  if (den === 0) return { value: null, reason: "zero-denominator" };
  return { value: tidy((100 * sum(m.numerator)) / den) };
}

function metricLabel(form: Form, t: Target): string | undefined {
  const m = t.metric;
  if (!m) return undefined;
  const label = (id: string) => form.rows.find((r) => r.id === id)?.label ?? id;
  if (m.type === "row") return label(m.row);
  if (m.type === "sum") return m.rows.map(label).join(" + ");
  const side = (ids: readonly string[]) => (ids.length === 1 ? label(ids[0]) : `(${ids.map(label).join(" + ")})`);
  return `${side(m.numerator)} ÷ ${side(m.denominator)}`;
}

function valueText(t: Target, v: number, form?: Form): string {
  if (t.comparator === "change-vs-baseline") return changeText(t, v);
  const row = t.metric?.type === "row" ? form?.rows.find((r) => r.id === (t.metric as { row: string }).row) : undefined;
  const code = row?.codes?.find((c) => c.code === v);
  if (code) return `${fmt(v)} (${code.label})`;
  // A 0/1 answer is "Có" / "Không", not a count of the target's unit (e.g. "1 hội nghị").
  if (row?.kind === "flag01" && (v === 0 || v === 1)) return `${v} (${v === 1 ? "Có" : "Không"})`;
  return withUnit(v, t.unit);
}

function resultMessage(r: Omit<TargetResult, "message">, t: Target, form: Form | undefined): string {
  switch (r.status) {
    case "met":
      return `Đạt: ${r.valueText ?? fmt(r.value ?? 0)} (chỉ tiêu ${r.criterion})${APPROXIMATE(r)}.`;
    case "not-met":
      return `Chưa đạt: ${r.valueText ?? fmt(r.value ?? 0)}, chỉ tiêu ${r.criterion}${APPROXIMATE(r)}.`;
    case "self-assessment": {
      const why =
        r.reason === "qualitative"
          ? "chỉ tiêu không nêu số liệu định lượng"
          : r.reason === "form-not-filled"
            ? "các phụ lục đơn vị đã điền không có dòng nào đo chỉ tiêu này"
            : "không có dòng nào của các biểu mẫu đo chỉ tiêu này";
      return `Cần tự đánh giá: ${why}.${r.howToAssess ? ` ${r.howToAssess}` : ""}`;
    }
    case "no-data":
      switch (r.reason) {
        case "form-missing":
          return `Chưa có số liệu: không có ${form ? `${form.appendix} «${form.title}»` : "biểu mẫu đo chỉ tiêu này"}.`;
        case "invalid":
          return `Chưa đánh giá được: ô ${r.cells.filter((c) => c.value === null).map((c) => c.address ?? `«${c.label}»`).join(", ")} có số liệu không hợp lệ.`;
        case "zero-denominator":
          return "Chưa đánh giá được: mẫu số của tỷ lệ bằng 0.";
        case "no-baseline":
          return `Chưa đánh giá được: cần nhập số liệu ${t.change ? baselineName(t.change) : "năm gốc"} làm mốc so sánh.`;
        case "zero-baseline":
          return `Chưa đánh giá được: số liệu ${t.change ? baselineName(t.change) : "năm gốc"} bằng 0.`;
        default:
          return `Chưa có số liệu: ${r.cells.filter((c) => c.value === null).map((c) => `«${c.label}»${c.address ? ` (ô ${c.address})` : ""}`).join(", ") || "chưa báo cáo"}.`;
      }
  }
}

const APPROXIMATE = (r: { approximate?: boolean }): string =>
  r.approximate ? "; số tổng hợp là trung bình cộng của các đơn vị, gần đúng" : "";

function changeText(t: Target, v: number): string {
  const c = t.change;
  if (!c) return fmt(v);
  const sign = v > 0 ? "tăng" : v < 0 ? "giảm" : "không đổi";
  const amount = c.as === "percent" ? `${fmt(Math.abs(v))}%` : withUnit(Math.abs(v), t.unit);
  return v === 0 ? `không đổi so với ${baselineName(c)}` : `${sign} ${amount} so với ${baselineName(c)}`;
}

/** Evaluates one target (already selected) against values. */
export function evaluateTarget(t: Target, values: TargetValues, baselines: Readonly<Record<string, number>> = {}): TargetResult {
  const base = {
    target: t.id,
    programme: t.programme,
    ...(t.goal ? { goal: t.goal } : {}),
    area: t.area,
    year: t.year,
    levels: [...t.levels],
    ...(t.about ? { about: t.about } : {}),
    comparator: t.comparator,
    threshold: thresholdOf(t),
    unit: t.unit,
    criterion: describeCriterion(t),
    wording: t.wording,
    source: t.source,
    verified: t.verified,
    ...(t.variant && !t.variant.used ? { alternative: true } : {}),
  };
  const finish = (r: Omit<TargetResult, "message" | keyof typeof base>, form?: Form): TargetResult => {
    const shown = r.value !== null ? `${r.approximate ? "≈ " : ""}${valueText(t, r.value, form)}` : undefined;
    const hint = r.status === "self-assessment" && t.howToAssess ? { howToAssess: t.howToAssess } : {};
    const full = { ...base, ...r, ...(shown !== undefined ? { valueText: shown } : {}), ...hint } as Omit<TargetResult, "message">;
    return { ...full, message: resultMessage(full, t, form) };
  };

  if (t.comparator === "qualitative") return finish({ status: "self-assessment", reason: "qualitative", value: null, cells: [] });
  if (!t.metric) return finish({ status: "self-assessment", reason: "no-metric", value: null, cells: [] });

  const form = findForm(t.metric.form);
  if (!form) return finish({ status: "no-data", reason: "form-missing", value: null, cells: [] });
  const m = measure(form, t, values);
  if (m.reason === "form-missing" && t.formOptional) return finish({ status: "self-assessment", reason: "form-not-filled", value: null, cells: [] });
  const first = m.cells[0];
  const where = {
    form: form.id,
    row: metricRows(t)[0],
    label: metricLabel(form, t),
    ...(m.column ? { column: m.column.id, columnLabel: m.column.label, ...(m.column.partial ? { partial: true } : {}) } : {}),
    ...(first?.sheet ? { sheet: first.sheet } : {}),
    ...(first?.address ? { address: first.address } : {}),
    ...(m.value !== null && m.cells.some((c) => c.approximate) ? { approximate: true } : {}),
    cells: m.cells,
  };
  if (m.value === null) return finish({ status: "no-data", reason: m.reason ?? "blank", value: null, ...where }, form);

  if (t.comparator === "change-vs-baseline" && t.change) {
    const baseline = baselines[t.id];
    if (baseline === undefined || !Number.isFinite(baseline))
      return finish({ status: "no-data", reason: "no-baseline", value: null, measured: m.value, baseline: null, ...where }, form);
    if (t.change.as === "percent" && baseline === 0)
      return finish({ status: "no-data", reason: "zero-baseline", value: null, measured: m.value, baseline, ...where }, form);
    const change = tidy(t.change.as === "percent" ? (100 * (m.value - baseline)) / baseline : m.value - baseline);
    return finish({ status: passes(t, change) ? "met" : "not-met", value: change, measured: m.value, baseline, ...where }, form);
  }
  return finish({ status: passes(t, m.value) ? "met" : "not-met", value: m.value, ...where }, form);
}

/**
 * Evaluates the targets that apply at `opts.level` (and match the other filters) against one
 * unit's filled sheets or any other values (a rollup). One result per target, in catalogue order.
 */
export function evaluateTargets(
  input: TargetValues | FilledForm | readonly FilledForm[],
  targets: readonly Target[],
  opts: EvaluateOptions,
): TargetResult[] {
  const values: TargetValues = Array.isArray(input) || isFilled(input) ? valuesFromFilled(input as FilledForm | FilledForm[]) : (input as TargetValues);
  const selected = selectTargets(targets, {
    level: opts.level,
    ...(opts.year !== undefined ? { year: opts.year } : {}),
    ...(opts.programme !== undefined ? { programme: opts.programme } : {}),
    ...(opts.includeAlternatives ? { includeAlternatives: true } : {}),
    ...(opts.includeUnverified !== undefined ? { includeUnverified: opts.includeUnverified } : {}),
  });
  return selected.map((t) => evaluateTarget(t, values, opts.baselines));
}

// ---------------------------------------------------------------------------------------------
// Summaries, issues

export type StatusCounts = Record<TargetStatus, number>;

/** Counts by reform area (for the pane's chart), areas in the order first met. */
export function summariseByArea(results: readonly TargetResult[]): { area: Area; counts: StatusCounts }[] {
  const out = new Map<Area, StatusCounts>();
  for (const r of results) {
    const c = out.get(r.area) ?? { met: 0, "not-met": 0, "no-data": 0, "self-assessment": 0 };
    c[r.status]++;
    out.set(r.area, c);
  }
  return [...out.entries()].map(([area, counts]) => ({ area, counts }));
}

function sourceText(s: TargetSource): string {
  return [s.document, s.section].filter(Boolean).join(", ");
}

/**
 * Issues for the sheet: a warning at the value's cell for every target not met, and one where a
 * change target needs its baseline. (Blank and invalid cells are validation's to report.)
 */
export function targetIssues(results: readonly TargetResult[], sheet = ""): Issue[] {
  const issues: Issue[] = [];
  for (const r of results) {
    const where = { sheet: r.sheet ?? (r.address ? sheet : ""), cell: r.address ?? "" };
    const params = {
      label: r.label ?? r.wording,
      ...(r.columnLabel ? { column: r.columnLabel } : {}),
      expected: r.criterion,
      detail: sourceText(r.source),
      target: r.target,
    };
    if (r.status === "not-met") {
      issues.push(makeIssue("target_not_met", "warning", { ...where, value: r.valueText ?? fmt(r.value ?? 0) }, params));
    } else if (r.reason === "no-baseline" && typeof r.threshold === "object" && r.threshold !== null && "baselineYear" in r.threshold) {
      const value = r.threshold.baselineYear === "previous-year" ? "năm trước" : `năm ${r.threshold.baselineYear}`;
      issues.push(makeIssue("target_needs_baseline", "warning", { ...where, value }, params));
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Ratings (Phụ lục 8, commune Phụ lục 3, 2023-2025 task form)

export type Rating = "Đạt" | "Không đạt";

/** One unit's own rating of a row, as a rollup's detail sheet shows it. */
export interface UnitRating {
  unit: string;
  /** null: left blank, or not a rating (then `text` is what the unit typed). */
  rating: Rating | null;
  text?: string;
}

export interface RatingSuggestion {
  form: string;
  row: string;
  stt: string;
  label: string;
  /** Sub-targets of the row that apply at the level (the ones checks use); empty for a row rated without a figure. */
  targets: string[];
  /** "Đạt" / "Không đạt" when every sub-target was measured; null otherwise. */
  suggestion: Rating | null;
  /** Results of the sub-targets that were evaluated. */
  evidence: TargetResult[];
  /** Sub-targets without a measured value, and why. */
  missing: { target: string; status: TargetStatus | "not-evaluated"; reason?: TargetReason }[];
  /** A measured sub-target is not met: the row cannot be fully met, whatever the others give. */
  short: boolean;
  /** Vietnamese: why there is no suggestion (undefined when there is one). */
  why?: string;
  /** The rating the user entered (read, never changed). */
  current: Rating | null;
  currentText?: string;
  sheet?: string;
  address?: string;
  /** The user's rating differs from the suggestion. */
  disagrees: boolean;
  /** A rollup: each consolidated unit's own rating, from the rollup's detail sheet. */
  units?: UnitRating[];
  /** To be read first: rated "Không đạt" (by the unit or any unit of a rollup), suggested "Không đạt", or short. */
  attention: boolean;
}

export interface SuggestOptions {
  /** Level of the rating unit; default: the rating form's only level (else every sub-target counts). */
  level?: Level;
  targets?: readonly Target[];
  /** A rollup: the units' own ratings by row id (core/rollup-detail). */
  units?: ReadonlyMap<string, readonly UnitRating[]>;
}

/** The Đạt / Không đạt of a parsed cell, and what was typed. */
export function ratingOf(p: ParsedCell | undefined): { rating: Rating | null; text?: string } {
  if (!p || p.type === "blank") return { rating: null };
  if (p.type === "status") return { rating: p.value === "dat" ? "Đạt" : "Không đạt", text: p.text };
  return { rating: null, text: p.text };
}

/** Why no suggestion could be made for a row (Vietnamese), from its sub-targets. */
function whyNoSuggestion(linked: readonly Target[], evidence: readonly TargetResult[], missing: RatingSuggestion["missing"]): string {
  if (!linked.length) return "Mục này không có chỉ tiêu định lượng: đơn vị tự đánh giá.";
  const parts: string[] = [];
  const short = evidence.filter((r) => r.status === "not-met");
  if (short.length) parts.push(`${short.length} tiêu chí chưa đạt (${short.map((r) => `${r.valueText ?? ""}, chỉ tiêu ${r.criterion}`.replace(/^, /, "")).join("; ")})`);
  const noData = evidence.filter((r) => r.status === "no-data");
  if (noData.length) parts.push(`${noData.length} tiêu chí chưa có số liệu (${noData.map((r) => r.message.replace(/\.$/, "")).join("; ")})`);
  const self = missing.filter((m) => m.status === "self-assessment").length;
  if (self) parts.push(`${self}/${linked.length} tiêu chí không đo được bằng số liệu của các phụ lục (cần tự đánh giá)`);
  const other = missing.filter((m) => m.status === "not-evaluated").length;
  if (other) parts.push(`${other} tiêu chí không được đánh giá`);
  return `Chưa gợi ý được: ${parts.join("; ")}.`;
}

/**
 * Every rated row of a rating form that applies at the level — its own rating, and a suggestion
 * from evaluated results where its sub-targets allow one (see the header). Pass the FilledForm of
 * the rating sheet to compare with the user's own ratings.
 */
export function suggestRatings(results: readonly TargetResult[], rating: Form | FilledForm, opts: SuggestOptions = {}): RatingSuggestion[] {
  const filled = isFilled(rating) ? rating : undefined;
  const form: Form = filled ? filled.form : (rating as Form);
  const level = opts.level ?? (form.levels.length === 1 ? form.levels[0] : undefined);
  if (level && !form.levels.includes(level)) return [];
  const targets = opts.targets ?? TARGETS;
  const byId = new Map(results.map((r) => [r.target, r]));
  const parsed = filled ? parsedValues(filled) : undefined;
  const ratingColumn = (row: Row) => form.columns.find((c) => c.role === "value" && effectiveKind(row, c) === "status");
  const out: RatingSuggestion[] = [];
  for (const row of form.rows) {
    const column = ratingColumn(row);
    if (!column || (level && row.levels && !row.levels.includes(level))) continue;
    const linked = targets.filter(
      (t) =>
        t.ratings.some((x) => x.form === form.id && x.row === row.id) &&
        (!t.variant || t.variant.used) &&
        (level === undefined || t.levels.includes(level)),
    );
    const evidence: TargetResult[] = [];
    const missing: RatingSuggestion["missing"] = [];
    for (const t of linked) {
      const r = byId.get(t.id);
      if (!r) missing.push({ target: t.id, status: "not-evaluated" });
      else {
        evidence.push(r);
        if (r.status !== "met" && r.status !== "not-met") missing.push({ target: t.id, status: r.status, ...(r.reason ? { reason: r.reason } : {}) });
      }
    }
    const suggestion: Rating | null = !linked.length || missing.length ? null : evidence.every((r) => r.status === "met") ? "Đạt" : "Không đạt";
    const short = evidence.some((r) => r.status === "not-met");

    const own = filled && parsed ? ratingOf(parsed.get(row.id)?.get(column.id)) : { rating: null };
    const address = filled?.cells.get(row.id)?.get(column.id)?.address;
    const units = opts.units?.get(row.id);
    out.push({
      form: form.id,
      row: row.id,
      stt: row.stt,
      label: row.label,
      targets: linked.map((t) => t.id),
      suggestion,
      evidence,
      missing,
      short,
      ...(suggestion ? {} : { why: whyNoSuggestion(linked, evidence, missing) }),
      current: own.rating,
      ...(own.text !== undefined ? { currentText: own.text } : {}),
      ...(filled ? { sheet: filled.sheet } : {}),
      ...(address ? { address } : {}),
      disagrees: suggestion !== null && own.rating !== null && suggestion !== own.rating,
      ...(units ? { units: [...units] } : {}),
      attention: own.rating === "Không đạt" || suggestion === "Không đạt" || short || (units?.some((u) => u.rating !== "Đạt") ?? false),
    });
  }
  return out;
}

/** Rows to read first (`attention`), then the others; each in form order. */
export function attentionFirst<T extends Pick<RatingSuggestion, "attention">>(ratings: readonly T[]): T[] {
  return [...ratings.filter((r) => r.attention), ...ratings.filter((r) => !r.attention)];
}

export interface RatingCounts {
  /** Rows listed. */
  rows: number;
  /** The unit's own ratings (a rollup has none of its own). */
  dat: number;
  khongDat: number;
  /** Left blank or not a rating. */
  unrated: number;
  /** Suggestions made. */
  suggestedDat: number;
  suggestedKhongDat: number;
  /** Rows to read first. */
  attention: number;
}

export function countRatings(ratings: readonly RatingSuggestion[]): RatingCounts {
  const n = (f: (r: RatingSuggestion) => boolean) => ratings.filter(f).length;
  return {
    rows: ratings.length,
    dat: n((r) => r.current === "Đạt"),
    khongDat: n((r) => r.current === "Không đạt"),
    unrated: n((r) => r.current === null),
    suggestedDat: n((r) => r.suggestion === "Đạt"),
    suggestedKhongDat: n((r) => r.suggestion === "Không đạt"),
    attention: n((r) => r.attention),
  };
}

/** A rollup's row told by its units: "Đạt: 2/3", and who did not rate it Đạt ("Không đạt: UBND xã A; chưa ghi: UBND xã B"). */
export function unitRatingParts(units: readonly UnitRating[]): { dat: string; others?: string } {
  const names = (f: (u: UnitRating) => boolean) => units.filter(f).map((u) => u.unit);
  const parts = [
    ["Không đạt", names((u) => u.rating === "Không đạt")],
    ["chưa ghi", names((u) => u.rating === null && !u.text)],
    ["ghi khác", units.filter((u) => u.rating === null && u.text).map((u) => `${u.unit} («${u.text}»)`)],
  ] as const;
  const others = parts.filter(([, list]) => list.length).map(([what, list]) => `${what}: ${list.join(", ")}`);
  return { dat: `Đạt: ${units.filter((u) => u.rating === "Đạt").length}/${units.length}`, ...(others.length ? { others: others.join("; ") } : {}) };
}

/** "Đạt: 2/3 — Không đạt: UBND xã A; chưa ghi: UBND xã B". */
export function unitRatingsText(units: readonly UnitRating[]): string {
  const { dat, others } = unitRatingParts(units);
  return others ? `${dat} — ${others}` : dat;
}

/** A warning at each rating cell whose user rating differs from the suggestion. */
export function ratingIssues(suggestions: readonly RatingSuggestion[]): Issue[] {
  return suggestions
    .filter((s) => s.disagrees && s.suggestion && s.current)
    .map((s) =>
      makeIssue(
        "target_rating_differs",
        "warning",
        { sheet: s.sheet ?? "", cell: s.address ?? "", value: s.current ?? "" },
        {
          label: shortenText(s.label, 120),
          expected: s.suggestion ?? "",
          detail: s.evidence.map((r) => `${r.label ?? r.target}: ${r.message}`).join("; "),
        },
      ),
    );
}
