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
