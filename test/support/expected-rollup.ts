/**
 * The rollup a test expects, computed on its own from what each unit typed (test/support/
 * unit-values), by the rules the README and the catalogue state: counts summed, shared catalogues
 * by their common value, on-time rates Σ on time / Σ received, weighted and plain means, Đạt
 * counts, x/N flags, code distributions, notes listed per unit. Blank means not reported.
 */
import { inputColumns, type CellKind, type Column, type Form, type Row } from "../../src/catalog/schema";
import type { RollupValue } from "../../src/core/rollup";
import { effectiveKind } from "../../src/core/validate";
import { formulaTotal, type FormEntries, type Meaning } from "./unit-values";

/** A unit that sent forms, with what it typed in each (form id → entries). */
export interface SentUnit {
  unit: string;
  entries: Map<string, FormEntries>;
}

interface Contribution {
  unit: string;
  meaning: Meaning;
}

const isFraction = (m: Meaning): m is { num: number; den: number } => typeof m === "object";

function methodOf(row: Row, column: Column, kind: CellKind): string {
  if (column.role === "note") return "list";
  if (row.rollup) return row.rollup.type;
  const byKind: Partial<Record<CellKind, string>> = {
    count: "sum",
    decimal: "sum",
    percent: "mean",
    flag01: "count-flag",
    coded: "distribution",
    status: "count-status",
    text: "list",
  };
  return byKind[kind] ?? "none";
}

/** What each unit that sent `form` means in (row, column); blanks left out. */
function contributions(units: readonly SentUnit[], form: Form, rowId: string, columnId: string): Contribution[] {
  const out: Contribution[] = [];
  for (const sender of units) {
    const entries = sender.entries.get(form.id);
    if (!entries) continue;
    const row = form.rows.find((r) => r.id === rowId)!;
    const meaning = row.relation?.type === "sum" ? formulaTotal(form, entries, rowId, columnId) : entries[rowId]?.[columnId]?.meaning;
    if (meaning !== undefined) out.push({ unit: sender.unit, meaning });
  }
  return out;
}

/** The aggregate of (row, column) over `units`; `lines` for listed texts (one per unit, "unit: text"). */
export function expectedAggregate(units: readonly SentUnit[], form: Form, row: Row, column: Column): { value: number | string | null; reported: number; lines?: string[] } {
  const kind = effectiveKind(row, column);
  const list = contributions(units, form, row.id, column.id);
  const numbers = list.map((c) => c.meaning).filter((m): m is number => typeof m === "number");
  if (list.length === 0) return { value: null, reported: 0 };
  switch (methodOf(row, column, kind)) {
    case "sum":
      return { value: numbers.reduce((a, b) => a + b, 0), reported: numbers.length };
    case "shared": {
      const counts = new Map<number, number>();
      for (const n of numbers) counts.set(n, (counts.get(n) ?? 0) + 1);
      const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
      return { value: ranked.length > 1 && ranked[0][1] === ranked[1][1] ? null : ranked[0][0], reported: numbers.length };
    }
    case "ratio-of-fractions": {
      const fractions = list.map((c) => c.meaning).filter(isFraction);
      const num = fractions.reduce((a, f) => a + f.num, 0);
      const den = fractions.reduce((a, f) => a + f.den, 0);
      return { value: (100 * num) / den, reported: fractions.length };
    }
    case "weighted-mean": {
      const weightRow = (row.rollup as { weight: string }).weight;
      const weights = new Map(contributions(units, form, weightRow, column.id).map((c) => [c.unit, c.meaning as number]));
      const pairs = list.map((c) => ({ v: c.meaning as number, w: weights.get(c.unit)! }));
      const total = pairs.reduce((a, p) => a + p.v * p.w, 0);
      return { value: total / pairs.reduce((a, p) => a + p.w, 0), reported: pairs.length };
    }
    case "mean":
      return { value: numbers.reduce((a, b) => a + b, 0) / numbers.length, reported: numbers.length };
    case "count-flag":
      return { value: numbers.filter((n) => n === 1).length, reported: numbers.length };
    case "count-status":
      return { value: list.filter((c) => c.meaning === "Đạt").length, reported: list.length };
    case "distribution": {
      const counts = new Map<number, number>();
      for (const n of numbers) counts.set(n, (counts.get(n) ?? 0) + 1);
      const text = [...counts.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([code, n]) => `${code}: ${n}`)
        .join(" · ");
      return { value: text, reported: numbers.length };
    }
    case "list":
      return { value: null, reported: list.length, lines: list.map((c) => `${c.unit}: ${String(c.meaning)}`).sort() };
    default:
      return { value: null, reported: 0 };
  }
}

/**
 * Expects every value of `form` in the rollup JSON to be what `units` typed gives: the value (or
 * the listed lines), how many units reported it and out of how many sent the form. Returns how
 * many cells some unit reported (a test checks it is not zero).
 */
export function expectFormValues(values: readonly RollupValue[], units: readonly SentUnit[], form: Form): number {
  const senderCount = units.filter((s) => s.entries.has(form.id)).length;
  let checked = 0;
  for (const row of form.rows) {
    for (const column of inputColumns(form)) {
      const got = values.find((v) => v.form === form.id && v.row === row.id && v.column === column.label);
      if (effectiveKind(row, column) === "heading") {
        expect(got).toBeUndefined();
        continue;
      }
      const want = expectedAggregate(units, form, row, column);
      const where = `${row.id} / ${column.id}`;
      expect({ where, of: got?.of, reported: got?.reported }).toEqual({ where, of: senderCount, reported: want.reported });
      if (want.lines) expect({ where, lines: String(got!.value).split("\n").sort() }).toEqual({ where, lines: want.lines });
      else if (typeof want.value === "number" && !Number.isInteger(want.value)) {
        expect(typeof got!.value).toBe("number");
        expect(got!.value as number).toBeCloseTo(want.value, 8);
      } else expect({ where, value: got!.value }).toEqual({ where, value: want.value });
      if (want.reported > 0) checked++;
    }
  }
  return checked;
}
