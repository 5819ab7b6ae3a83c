/**
 * A sheet bound to a catalogue form: for every row and input column of the form, where its cell
 * is in the sheet and what it holds. Produced by recognition (core/recognise) from a Grid, or
 * directly from the layout for our own templates; consumed by validation, rollup and targets.
 */
import type { Form } from "../catalog/schema";
import type { RawCell } from "./grid";

export interface BoundCell {
  /** A1 address in the sheet. */
  address: string;
  raw: RawCell | null;
}

export interface FilledForm {
  form: Form;
  sheet: string;
  unit?: string;
  period?: string;
  /** rowId → columnId → cell. Rows the sheet does not have are absent. */
  cells: Map<string, Map<string, BoundCell>>;
  /** Where each row sits in the sheet (0-based), for rows that were found. */
  rowIndex: Map<string, number>;
}
