/**
 * Received sources as they cross from a read worker to the page or the CLI: the same data with
 * each recognised form named by its id (catalogue objects stay on each side). Light on purpose:
 * the main thread imports this, never the readers.
 */
import type { Form } from "../catalog/schema";
import type { FilledForm } from "../core/filled";
import type { ReceivedSource } from "../core/units";

export type WireForm = Omit<FilledForm, "form"> & { formId: string };
export type WireSource = Omit<ReceivedSource, "forms"> & { forms: WireForm[] };

export function toWire(source: ReceivedSource): WireSource {
  return { ...source, forms: source.forms.map(({ form, ...rest }) => ({ ...rest, formId: form.id })) };
}

export function fromWire(wire: WireSource, forms: readonly Form[]): ReceivedSource {
  const byId = new Map(forms.map((f) => [f.id, f]));
  const filled: FilledForm[] = [];
  for (const { formId, ...rest } of wire.forms) {
    const form = byId.get(formId);
    if (form) filled.push({ ...rest, form });
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
