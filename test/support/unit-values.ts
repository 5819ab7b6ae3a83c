/**
 * Plausible values a unit types into a form, as people type them — numbers, "1.076", "97,5",
 * fractions "1180/1200", Đạt / không đạt / KHONG DAT, codes as number or word, Có / Không, notes —
 * together with what each one MEANS, so a test can compute the rollup on its own.
 *
 * The values are deterministic in (unit index, row, column) and satisfy the forms' certain rules
 * (sub-items never above their upper-bound total), so a unit filled this way has no error:
 * - upper-bound totals ("Số lượng văn bản chỉ đạo…") are ≥ 1000 and their parts share them out
 *   exactly, so every rule on them holds ("together ≤ the total", and "= the total" where a form
 *   says so for some years);
 * - other counts decrease down the form (so "giải quyết ≤ tiếp nhận"-like usual rules hold too);
 * - shared catalogue rows (rollup "shared") are the same for every unit: 400 − 10 × row position,
 *   except where `disagree` says a unit typed something else;
 * - rows totalled by a template formula (relation "sum") are not typed (the formula computes
 *   them) unless `typeTotals` is set (a sheet retyped by hand has no formulas).
 */
import { inputColumns, type Column, type Form, type Row } from "../../src/catalog/schema";
import { effectiveKind } from "../../src/core/validate";
import type { FormValues, Typed } from "./received";

export type Meaning = number | string | { num: number; den: number } | "Đạt" | "Không đạt";

export interface TypedCell {
  typed: Typed;
  /** A number (counts, percents, flags, codes), "Đạt"/"Không đạt", a fraction, or the text. */
  meaning: Meaning;
}

/** rowId → columnId → typed value and meaning. */
export type FormEntries = Record<string, Record<string, TypedCell>>;

export interface ValueOptions {
  /** Value columns to fill (default: all input columns). */
  columns?: readonly string[];
  /** Rows to fill (default: every row). */
  rows?: readonly string[];
  /** Type the totals of relation "sum" rows (their parts summed) instead of leaving the formula. */
  typeTotals?: boolean;
  /** Shared rows: unit typed this instead of the common value, for (rowId, columnId). */
  disagree?: { row: string; column: string; value: number }[];
}

const viThousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

function typedCount(n: number, unit: number): Typed {
  // Odd units type big numbers with the Vietnamese thousands mark, as text.
  return n >= 1000 && unit % 2 === 1 ? viThousands(n) : n;
}

function statusFor(dat: boolean, unit: number): Typed {
  switch (unit % 4) {
    case 0:
      return dat ? "Đạt" : "Không đạt";
    case 1:
      return dat ? "đạt" : "không đạt";
    case 2:
      return dat ? "DAT" : "KHONG DAT";
    default:
      return dat ? "Đạt" : "Chưa đạt";
  }
}

function codedFor(row: Row, unit: number, pos: number): TypedCell {
  const codes = row.codes ?? [];
  const code = codes[(unit + pos) % codes.length];
  switch (unit % 4) {
    case 0:
      return { typed: code.code, meaning: code.code };
    case 1:
      return { typed: code.label, meaning: code.code };
    case 2:
      return { typed: `${code.code} - ${code.label}`, meaning: code.code };
    default:
      return { typed: String(code.code), meaning: code.code };
  }
}

function cellFor(row: Row, column: Column, unit: number, pos: number, col: number, options: ValueOptions): TypedCell | undefined {
  const kind = effectiveKind(row, column);
  if (column.role === "note") return { typed: `Ghi chú ${col + 1} của đơn vị ${unit + 1}`, meaning: `Ghi chú ${col + 1} của đơn vị ${unit + 1}` };
  switch (kind) {
    case "count":
    case "decimal": {
      if (row.rollup?.type === "shared") {
        const other = options.disagree?.find((d) => d.row === row.id && d.column === column.id);
        const n = other?.value ?? 400 - 10 * pos;
        return { typed: n, meaning: n };
      }
      if (row.relation?.type === "upper-bound") {
        const n = 1000 + 37 * unit + 7 * col + pos;
        return { typed: typedCount(n, unit), meaning: n };
      }
      const n = Math.max(0, 90 - 2 * pos + 3 * unit + col);
      return { typed: n, meaning: n };
    }
    case "percent": {
      if (row.rollup?.type === "ratio-of-fractions" || row.acceptsFraction) {
        const den = 1200 + 100 * unit + 10 * col + pos;
        const num = den - 20 - 5 * unit - col;
        // Unit 1 types the fraction the other way round (received/on time): same meaning.
        return { typed: unit % 4 === 1 ? `${den}/${num}` : `${num}/${den}`, meaning: { num, den } };
      }
      const tenths = 800 + 30 * unit + 10 * col + pos;
      const value = tenths / 10 + 0.05 * (unit % 2); // 80,0 … 99,x ; odd units type two decimals
      // Capped below 100 with as many decimals as are typed (99,9 or 99,95), so the text means v.
      const v = Math.min(unit % 2 ? 99.95 : 99.9, Math.round(value * 100) / 100);
      const text = v.toFixed(unit % 2 ? 2 : 1).replace(".", ",");
      return unit % 4 === 3 ? { typed: v, meaning: v } : { typed: text, meaning: v };
    }
    case "flag01": {
      const yes = (unit + pos + col) % 3 !== 0;
      if (unit % 4 === 2) return { typed: yes ? "Có" : "Không", meaning: yes ? 1 : 0 };
      return { typed: yes ? 1 : 0, meaning: yes ? 1 : 0 };
    }
    case "coded":
      return codedFor(row, unit, pos + col);
    case "status": {
      const dat = (unit * 7 + pos + col) % 3 !== 0;
      return { typed: statusFor(dat, unit), meaning: dat ? "Đạt" : "Không đạt" };
    }
    case "text": {
      const text = `Tuyên truyền qua loa phát thanh và mạng xã hội, đợt ${col + 1} (đơn vị ${unit + 1})`;
      return { typed: text, meaning: text };
    }
    default:
      return undefined;
  }
}

/** What unit number `unit` (0, 1, 2, …) types into `form`. See the file comment. */
export function unitEntries(form: Form, unit: number, options: ValueOptions = {}): FormEntries {
  const out: FormEntries = {};
  const columns = inputColumns(form).filter((c) => !options.columns || options.columns.includes(c.id) || c.role === "note");
  form.rows.forEach((row, pos) => {
    if (row.kind === "heading" || (options.rows && !options.rows.includes(row.id))) return;
    columns.forEach((column, col) => {
      if (row.relation?.type === "sum" && column.role === "value") return;
      const cell = cellFor(row, column, unit, pos, col, options);
      if (cell) (out[row.id] ??= {})[column.id] = cell;
    });
  });
  for (const row of form.rows) {
    if (row.relation?.type !== "upper-bound") continue;
    for (const column of columns.filter((c) => c.role === "value")) {
      const total = out[row.id]?.[column.id]?.meaning;
      const parts = row.relation.of.filter((id) => out[id]?.[column.id]);
      if (typeof total !== "number" || parts.length === 0) continue;
      parts.forEach((id, k) => {
        const n = Math.floor(total / parts.length) + (k < total % parts.length ? 1 : 0);
        out[id][column.id] = { typed: typedCount(n, unit), meaning: n };
      });
    }
  }
  if (options.typeTotals) {
    // Totals typed by hand, as the sum of their parts (parts first: nested totals).
    const total = (rowId: string, columnId: string): number | undefined => {
      const row = form.rows.find((r) => r.id === rowId)!;
      if (row.relation?.type !== "sum") {
        const m = out[rowId]?.[columnId]?.meaning;
        return typeof m === "number" ? m : undefined;
      }
      const parts = row.relation.of.map((id) => total(id, columnId)).filter((n): n is number => n !== undefined);
      return parts.length ? parts.reduce((a, b) => a + b, 0) : undefined;
    };
    for (const row of form.rows)
      if (row.relation?.type === "sum")
        for (const column of columns.filter((c) => c.role === "value")) {
          const n = total(row.id, column.id);
          if (n !== undefined) (out[row.id] ??= {})[column.id] = { typed: n, meaning: n };
        }
  }
  return out;
}

/** Only what was typed (for TemplateFiller and lo_fill). */
export function typedValues(entries: FormEntries): FormValues {
  const out: FormValues = {};
  for (const [rowId, cols] of Object.entries(entries)) for (const [colId, cell] of Object.entries(cols)) (out[rowId] ??= {})[colId] = cell.typed;
  return out;
}

/** The meaning of a relation "sum" row for a unit that left it to the template's formula. */
export function formulaTotal(form: Form, entries: FormEntries, rowId: string, columnId: string): number | undefined {
  const row = form.rows.find((r) => r.id === rowId)!;
  if (row.relation?.type !== "sum") {
    const m = entries[rowId]?.[columnId]?.meaning;
    return typeof m === "number" ? m : undefined;
  }
  const typed = entries[rowId]?.[columnId]?.meaning;
  if (typeof typed === "number") return typed;
  const parts = row.relation.of.map((id) => formulaTotal(form, entries, id, columnId)).filter((n): n is number => n !== undefined);
  return parts.length ? parts.reduce((a, b) => a + b, 0) : undefined;
}
