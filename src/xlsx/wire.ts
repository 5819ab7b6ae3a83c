/**
 * Received sources as they cross from a read worker to the page or the CLI: the same data with
 * each recognised form named by its id (catalogue objects stay on each side). Light on purpose:
 * the main thread imports this, never the readers.
 */
import type { Form } from "../catalog/schema";
import type { BoundCell, FilledForm } from "../core/filled";
import type { RawCell } from "../core/grid";
import type { ReceivedSource } from "../core/units";

/**
 * A form's cells as they cross, packed into flat arrays: V8 deserialises a Map of Maps of small
 * objects 3-4 times slower than arrays of plain values plus the loop that rebuilds them (measured
 * on a unit's file of eight forms: 1.2 ms against 0.3 ms), and the page or the CLI receives one
 * per unit — 170 at once for a province. Half the bytes, too.
 */
export interface PackedCells {
  /** Per row with cells: its id, how many cells it has. */
  rows: (string | number)[];
  /** Column ids, indexed by `cells`. */
  columns: string[];
  /** Per cell, five slots: column index (−1 − index when the cell is bound but empty: raw null), address, value, text, formula. */
  cells: (string | number | boolean | null | undefined)[];
  /** rowIndex, in its order: id, sheet row. */
  rowIndex: (string | number)[];
}

export type WireForm = Omit<FilledForm, "form" | "cells" | "rowIndex"> & { formId: string; packed: PackedCells };
export type WireSource = Omit<ReceivedSource, "forms" | "checks"> & { forms: WireForm[] };

export function packCells(cells: FilledForm["cells"], rowIndex: FilledForm["rowIndex"]): PackedCells {
  const rows: (string | number)[] = [];
  const columns: string[] = [];
  const flat: PackedCells["cells"] = [];
  const columnIndex = new Map<string, number>();
  for (const [rowId, byColumn] of cells) {
    rows.push(rowId, byColumn.size);
    for (const [columnId, bound] of byColumn) {
      let at = columnIndex.get(columnId);
      if (at === undefined) columnIndex.set(columnId, (at = columns.push(columnId) - 1));
      const raw = bound.raw;
      flat.push(raw ? at : -1 - at, bound.address, raw?.value, raw?.text, raw?.formula);
    }
  }
  return { rows, columns, cells: flat, rowIndex: [...rowIndex].flat() };
}

export function unpackCells(packed: PackedCells): Pick<FilledForm, "cells" | "rowIndex"> {
  const { rows, columns, cells: flat } = packed;
  const cells: FilledForm["cells"] = new Map();
  const rowIndex: FilledForm["rowIndex"] = new Map();
  let k = 0;
  for (let i = 0; i < rows.length; i += 2) {
    const rowId = rows[i] as string;
    const byColumn = new Map<string, BoundCell>();
    for (let n = rows[i + 1] as number; n > 0; n--, k += 5) {
      const at = flat[k] as number;
      if (at < 0) {
        byColumn.set(columns[-1 - at], { address: flat[k + 1] as string, raw: null });
        continue;
      }
      const raw: RawCell = { value: flat[k + 2] as RawCell["value"] };
      if (flat[k + 3] !== undefined) raw.text = flat[k + 3] as string;
      if (flat[k + 4] !== undefined) raw.formula = flat[k + 4] as string;
      byColumn.set(columns[at], { address: flat[k + 1] as string, raw });
    }
    cells.set(rowId, byColumn);
  }
  for (let i = 0; i < packed.rowIndex.length; i += 2) rowIndex.set(packed.rowIndex[i] as string, packed.rowIndex[i + 1] as number);
  return { cells, rowIndex };
}

export function toWire(source: ReceivedSource): WireSource {
  const { checks: _checks, ...rest } = source;
  return { ...rest, forms: source.forms.map(({ form, cells, rowIndex, ...bound }) => ({ ...bound, formId: form.id, packed: packCells(cells, rowIndex) })) };
}

export function fromWire(wire: WireSource, forms: readonly Form[]): ReceivedSource {
  const byId = new Map(forms.map((f) => [f.id, f]));
  const filled: FilledForm[] = [];
  for (const { formId, packed, ...rest } of wire.forms) {
    const form = byId.get(formId);
    if (form) filled.push({ ...rest, form, ...unpackCells(packed) });
  }
  return { ...wire, forms: filled };
}

/** A source for a file that could not be read, with the reason. */
export function unreadable(fileName: string, reason: string, unit?: string): ReceivedSource {
  return { source: fileName, ...(unit ? { unit } : {}), outcome: "unreadable", reason, forms: [], issues: [] };
}

/**
 * What a read worker is given of a file: its bytes, or — in Node, where the worker can open it —
 * its path, so that the file's bytes are not read into the command's memory and copied to the
 * worker.
 */
export type FileBody = Uint8Array | { path: string };

/** A received file as the task pane (or any caller) has it: its name, and its bytes or its path on this machine (Node). */
export type ReceivedFile = { name: string; /** The unit, when the user corrected it before building. */ unit?: string } & ({ bytes: Uint8Array } | { path: string });

export const bodyOf = (file: { bytes: Uint8Array } | { path: string }): FileBody => ("path" in file ? { path: file.path } : file.bytes);
