/**
 * Builds a FilledForm the way a sheet would look, for tests that read like spreadsheets.
 *
 * Layout (simple and fixed): row i of the form (0-based) sits on sheet row 6 + i (A1 numbering,
 * so the first form row is row 6); column A holds the STT, column B the label, and the form's
 * columns, all of them in order (static ones included), start at column C. So in a form whose
 * columns are [y2015, y2016, note], the second row's y2016 cell is D7.
 *
 *   fill(form, { "tong-tthc": { y2015: 12, y2016: "1.076" } })
 *
 * A value may be a number, a string (as typed), null (empty), or a RawCell for reader details
 * (`{ value: 0.75, text: "75%" }`). Every row and input column of the form is bound; cells not
 * given are empty. Unknown row or column ids throw, so a typo in a test fails loudly.
 */
import { inputColumns, type Form } from "../../src/catalog/schema";
import type { BoundCell, FilledForm } from "../../src/core/filled";
import { a1, type RawCell } from "../../src/core/grid";

export type CellInput = string | number | boolean | null | RawCell;
export type FillValues = Record<string, Record<string, CellInput>>;

export const FIRST_ROW = 5; // 0-based: A1 row 6
export const FIRST_COL = 2; // 0-based: column C

export interface FillOptions {
  sheet?: string;
  unit?: string;
  /** Order in which rows and cells are inserted into the maps (default: form order). */
  order?: "form" | "reverse";
}

function toRaw(v: CellInput | undefined): RawCell | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "object") return v;
  return { value: v };
}

/** A1 address of (row, column) in the layout above. */
export function addressOf(form: Form, rowId: string, colId: string): string {
  const r = form.rows.findIndex((row) => row.id === rowId);
  const c = form.columns.findIndex((col) => col.id === colId);
  if (r < 0 || c < 0) throw new Error(`addressOf: unknown ${r < 0 ? `row ${rowId}` : `column ${colId}`}`);
  return a1(FIRST_ROW + r, FIRST_COL + c);
}

export function fill(form: Form, values: FillValues = {}, opts: FillOptions = {}): FilledForm {
  const inputs = inputColumns(form);
  for (const [rowId, cols] of Object.entries(values)) {
    if (!form.rows.some((r) => r.id === rowId)) throw new Error(`fill: unknown row ${rowId}`);
    for (const colId of Object.keys(cols))
      if (!inputs.some((c) => c.id === colId)) throw new Error(`fill: ${colId} is not an input column`);
  }
  const cells = new Map<string, Map<string, BoundCell>>();
  const rowIndex = new Map<string, number>();
  const rows = form.rows.map((row, i) => ({ row, i }));
  if (opts.order === "reverse") rows.reverse();
  for (const { row, i } of rows) {
    const bound = new Map<string, BoundCell>();
    const cols = opts.order === "reverse" ? [...inputs].reverse() : inputs;
    for (const col of cols) {
      const c = form.columns.indexOf(col);
      bound.set(col.id, { address: a1(FIRST_ROW + i, FIRST_COL + c), raw: toRaw(values[row.id]?.[col.id]) });
    }
    cells.set(row.id, bound);
    rowIndex.set(row.id, FIRST_ROW + i);
  }
  return { form, sheet: opts.sheet ?? "PL", ...(opts.unit ? { unit: opts.unit } : {}), cells, rowIndex };
}

/** The same FilledForm with its maps rebuilt in the given order of (rowId, colId) pairs. */
export function reinsert(filled: FilledForm, order: [string, string][]): FilledForm {
  const cells = new Map<string, Map<string, BoundCell>>();
  for (const [rowId, colId] of order) {
    const bound = filled.cells.get(rowId)?.get(colId);
    if (!bound) continue;
    if (!cells.has(rowId)) cells.set(rowId, new Map());
    cells.get(rowId)!.set(colId, bound);
  }
  const rowIndex = new Map([...filled.rowIndex.entries()].reverse());
  return { ...filled, cells, rowIndex };
}
