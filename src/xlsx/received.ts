/**
 * A received file as a consolidation source: read with SheetJS, recognised by the core.
 * Unreadable files become a source with the reason, so the other files still consolidate.
 */
import type { Form } from "../catalog/schema";
import type { ReceivedSource } from "../core/units";
import { receivedFromGrids } from "../core/workbook";
import { readWorkbook } from "./read";

export function receivedFromFile(bytes: Uint8Array, fileName: string, forms: readonly Form[], unit?: string): ReceivedSource {
  const read = readWorkbook(bytes, fileName);
  if (!read.ok) return { source: fileName, ...(unit ? { unit } : {}), outcome: "unreadable", reason: read.reason, forms: [], issues: [] };
  return receivedFromGrids(fileName, read.sheets, forms, unit);
}

/** A received file as the task pane (or any caller) has it: its name and its bytes. */
export interface ReceivedFile {
  name: string;
  bytes: Uint8Array;
  /** The unit, when the user corrected it before building. */
  unit?: string;
}

/** What became of a file, reported as progress: "reading" before, the source's outcome after. */
export type FileProgress = "reading" | ReceivedSource["outcome"];

/** Thrown when the AbortSignal fires between two files (name "AbortError", as fetch does). */
export class ReadCancelled extends Error {
  override name = "AbortError";
  constructor() {
    super("Đã huỷ việc đọc các tệp nhận được.");
  }
}

/** Lets the browser paint and handle clicks (a Cancel button) before the next file. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Reads received files one by one into consolidation sources (core/consolidate takes them),
 * yielding to the event loop before each file so a page stays responsive — Office restarts an
 * add-in that blocks for 5 s — and reporting progress: `onProgress(i, n, name, "reading")` before
 * file i (0-based) and `onProgress(i, n, name, outcome)` after it. `signal` cancels between files
 * (throws ReadCancelled). A file that cannot be read becomes a source with its reason; the others
 * are still read. Pane-agnostic: no DOM, no Office.js.
 */
export async function consolidateFiles(
  files: readonly ReceivedFile[],
  forms: readonly Form[],
  onProgress?: (index: number, total: number, name: string, status: FileProgress) => void,
  signal?: AbortSignal,
): Promise<ReceivedSource[]> {
  const sources: ReceivedSource[] = [];
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    if (signal?.aborted) throw new ReadCancelled();
    onProgress?.(i, files.length, file.name, "reading");
    await yieldToEventLoop();
    if (signal?.aborted) throw new ReadCancelled();
    let source: ReceivedSource;
    try {
      source = receivedFromFile(file.bytes, file.name, forms, file.unit);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      source = { source: file.name, ...(file.unit ? { unit: file.unit } : {}), outcome: "unreadable", reason, forms: [], issues: [] };
    }
    sources.push(source);
    onProgress?.(i, files.length, file.name, source.outcome);
  }
  await yieldToEventLoop();
  if (signal?.aborted) throw new ReadCancelled();
  return sources;
}
