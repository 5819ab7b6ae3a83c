/**
 * A received file as a consolidation source: read (read.ts), recognised by the core. Unreadable
 * files become a source with the reason, so the other files still consolidate. Runs in the read
 * workers (worker-methods.ts); `receivedFromFile` reads in the calling thread, for tests and tools.
 */
import type { Form } from "../catalog/schema";
import type { ReceivedSource } from "../core/units";
import { receivedFromGrids } from "../core/workbook";
import { readWorkbook, type ReadResult } from "./read";
import { unreadable } from "./wire";

export function receivedFromRead(read: ReadResult, fileName: string, forms: readonly Form[], unit?: string): ReceivedSource {
  if (!read.ok) return unreadable(fileName, read.reason, unit);
  return receivedFromGrids(fileName, read.sheets, forms, unit);
}

export function receivedFromFile(bytes: Uint8Array, fileName: string, forms: readonly Form[], unit?: string): ReceivedSource {
  return receivedFromRead(readWorkbook(bytes, fileName), fileName, forms, unit);
}
