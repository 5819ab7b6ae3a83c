/**
 * How the rollup reads one unit's form: each input cell parsed, judged against the errors found
 * at it, and shown the Vietnamese way — a `Reading`, which does not depend on the other units
 * nor on which unit the form is finally attributed to. `readForRollup` reads a whole form as soon
 * as its report arrives (units.ts, `checkSource`: the CLI and the pane do it while the read
 * workers go on with other files); `rollupForm` (./rollup) reads what it was not given.
 *
 * Decisions (see ./rollup's header for the rest):
 * - A cell with an error issue on it (the first, in sorted order), or that failed parsing, is
 *   "excluded" with that issue's message.
 * - A total row whose cell is a formula without a cached value takes the sum of its reported
 *   parts (`derived`); a formula total cached as 0 while every part is blank is not reported.
 */
import { inputColumns, type Column, type Form } from "../catalog/schema";
import type { BoundCell, FilledForm } from "./filled";
import { makeIssue, type Issue } from "./issues";
import type { IssueCode } from "./messages";
import { formatNumberVi, parseCell, type Fraction, type ParsedCell } from "./parse";
import { effectiveKind } from "./validate";

export type ValueCell = Exclude<ParsedCell, { type: "blank" } | { type: "invalid" }>;

/** A unit's cell, read for the rollup (row position × input column position in `readForRollup`). */
export type Reading =
  | { type: "blank" }
  | {
      type: "value";
      parsed: ValueCell;
      /** The number aggregated (numbers and codes). */
      number?: number;
      decimals: number;
      /** What the unit's contribution holds and shows (see `Contribution` in ./rollup). */
      value: number | string;
      display: string;
      /** "Sheet!C7" */
      cell: string;
      fraction?: Fraction;
      /** Computed from the parts (a total formula without a cached value). */
      derived?: true;
    }
  | {
      type: "excluded";
      cell: string;
      /** "C7" */
      address: string;
      /** As typed. */
      text: string;
      /** The error issue that excludes it. */
      code: IssueCode;
      message: string;
    };

/** Every blank cell's reading (readings are shared, never changed). */
export const BLANK_READING: Reading = { type: "blank" };

// ---------------------------------------------------------------------------------------------
// Numbers

export const fmt = (n: number, decimals = 10) => formatNumberVi(n, decimals);

export function clean(n: number): number {
  const r = Number.isInteger(n) ? n : Number(n.toPrecision(15));
  return Object.is(r, -0) ? 0 : r;
}

/** Compensated sum without rounding (means, weighted sums). */
export function exactSumRaw(values: readonly number[]): number {
  let s = 0;
  let c = 0;
  for (const v of values) {
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/** Σ values, compensated, then rounded to `decimals` places: exact for decimal inputs. */
export function exactSum(values: readonly number[], decimals: number): number {
  const total = exactSumRaw(values);
  if (decimals <= 0 && Number.isInteger(total)) return total;
  return clean(Number(total.toFixed(Math.min(Math.max(decimals, 0), 10))));
}

/** `fmt` of whole numbers, remembered: the same counts come back in every unit. */
const WHOLE_TEXT = new Map<number, string>();
export function fmtValue(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 1e7) return fmt(n);
  let text = WHOLE_TEXT.get(n);
  if (text === undefined) {
    text = fmt(n);
    if (WHOLE_TEXT.size < 100_000) WHOLE_TEXT.set(n, text);
  }
  return text;
}

function shown(p: ValueCell): { value: number | string; display: string; fraction?: Fraction } {
  switch (p.type) {
    case "number":
      if (p.fraction) return { value: p.value, display: `${fmtValue(p.fraction.num)}/${fmtValue(p.fraction.den)}`, fraction: p.fraction };
      return { value: p.value, display: fmtValue(p.value) };
    case "code":
      return { value: p.value, display: `${p.value} – ${p.label}` };
    case "status":
      return p.value === "dat" ? { value: "Đạt", display: "Đạt" } : { value: "Không đạt", display: "Không đạt" };
    case "text":
      return { value: p.value, display: p.value };
  }
}

// ---------------------------------------------------------------------------------------------
// Reading a form

/** One unit's form as the rollup reads it, cell by cell (`readingAt`), each cell once. */
export interface FormReader {
  readonly form: Form;
  /** The form's input columns (what `col` positions index). */
  readonly columns: readonly Column[];
  /** The reading at row position `at`, input column position `col`. */
  readingAt(at: number, col: number): Reading;
}

/** The first error issue at each cell of the form's sheet, in the order given (sorted: the first is the one reported). */
export function errorsAt(filled: FilledForm, issues: readonly Issue[]): Map<string, Issue> {
  const errors = new Map<string, Issue>();
  for (const i of issues) if (i.severity === "error" && i.cell && i.sheet === filled.sheet && !errors.has(i.cell)) errors.set(i.cell, i);
  return errors;
}

/**
 * A reader of `filled`: `issues` are every issue of the form, sorted (recognition + validation);
 * `parsed` what validation read (`parsedValues`), else cells are parsed as they are read.
 */
export function formReader(filled: FilledForm, issues: readonly Issue[], parsed?: Map<string, Map<string, ParsedCell>>): FormReader {
  const form = filled.form;
  const columns = inputColumns(form);
  const rowPos = new Map(form.rows.map((r, i) => [r.id, i]));
  const errors = errorsAt(filled, issues);
  const sheet = filled.sheet;
  const cache: (Reading | undefined)[] = [];
  const rowCells: (Map<string, BoundCell> | null | undefined)[] = [];
  const rowParsed: (Map<string, ParsedCell> | null | undefined)[] = [];

  const readingAt = (at: number, col: number): Reading => {
    const key = at * columns.length + col;
    const hit = cache[key];
    if (hit !== undefined) return hit;
    return (cache[key] = read(at, col));
  };
  /** A part of a total, by row id, in the same column. */
  const part = (rowId: string, col: number) => readingAt(rowPos.get(rowId)!, col);

  const read = (at: number, col: number): Reading => {
    const row = form.rows[at];
    const column = columns[col];
    let cells = rowCells[at];
    if (cells === undefined) cells = rowCells[at] = filled.cells.get(row.id) ?? null;
    const bound = cells?.get(column.id);
    if (!bound) return BLANK_READING;
    let values = rowParsed[at];
    if (values === undefined) values = rowParsed[at] = parsed?.get(row.id) ?? null;
    const p = values?.get(column.id) ?? parseCell(bound.raw, effectiveKind(row, column), row);
    const cell = `${sheet}!${bound.address}`;
    const total = row.relation?.type === "sum" && column.role === "value" && bound.raw?.formula ? row.relation.of : undefined;
    if (p.type === "blank") {
      // A template total whose formula was never calculated: sum its reported parts.
      if (total && (bound.raw!.value === null || bound.raw!.value === undefined)) {
        const parts: number[] = [];
        let decimals = 0;
        for (const id of total) {
          const r = part(id, col);
          if (r.type !== "value" || r.number === undefined) continue;
          parts.push(r.number);
          if (r.decimals > decimals) decimals = r.decimals;
        }
        if (parts.length) {
          const value = exactSum(parts, decimals);
          const display = fmt(value);
          return { type: "value", parsed: { type: "number", value, text: display, decimals }, number: value, decimals, value, display, cell, derived: true };
        }
      }
      return BLANK_READING;
    }
    // The template's total formula gives "" while no part is reported; LibreOffice's .xls writer
    // caches that empty result as 0. A formula total of 0 over parts all blank is not reported.
    if (total && p.type === "number" && p.value === 0 && total.every((id) => part(id, col).type === "blank")) return BLANK_READING;
    const error = errors.size ? errors.get(bound.address) : undefined;
    if (p.type === "invalid" || error) {
      const issue =
        error ??
        makeIssue(p.type === "invalid" ? p.reason : "not_a_number", "error", { sheet, cell: bound.address, value: p.text }, {
          label: row.label,
          column: column.label,
          ...(p.type === "invalid" && p.detail ? { detail: p.detail } : {}),
        });
      return { type: "excluded", cell, address: bound.address, text: p.text, code: issue.code, message: issue.message };
    }
    if (p.type === "number" && !p.fraction) return { type: "value", parsed: p, number: p.value, decimals: p.decimals, value: p.value, display: fmtValue(p.value), cell };
    const s = shown(p);
    const number = p.type === "number" || p.type === "code" ? p.value : undefined;
    const decimals = p.type === "number" ? p.decimals : 0;
    return s.fraction
      ? { type: "value", parsed: p, number, decimals, value: s.value, display: s.display, cell, fraction: s.fraction }
      : { type: "value", parsed: p, number, decimals, value: s.value, display: s.display, cell };
  };

  return { form, columns, readingAt };
}

/**
 * Every cell of a form read for the rollup at once, by row position × input column position —
 * what `checkSource` keeps of a report as it arrives, so that the rollup does not read it again.
 */
export function readForRollup(filled: FilledForm, issues: readonly Issue[], parsed?: Map<string, Map<string, ParsedCell>>): Reading[] {
  const reader = formReader(filled, issues, parsed);
  const rows = reader.form.rows.length;
  const columns = reader.columns.length;
  const out: Reading[] = new Array(rows * columns);
  for (let at = 0; at < rows; at++) for (let col = 0; col < columns; col++) out[at * columns + col] = reader.readingAt(at, col);
  return out;
}
