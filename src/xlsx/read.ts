/**
 * Reads a received workbook into core Grids: the container is checked against LIMITS before
 * anything is inflated or parsed (zip.ts, cfb.ts), the format table (formats.ts) picks the reader
 * or the reason we do not consolidate that format, and the reader (SheetJS, sheetjs.ts) parses.
 * Problems are returned as values with a Vietnamese reason (one map, REASONS), never thrown.
 *
 * This runs anywhere; received files are read through a worker pool (pool.ts) so that the time
 * and memory budget hold whatever the bytes are.
 */
import { Inflate } from "fflate";
import { formatOf, probe } from "./formats";
import { LIMITS } from "./limits";
import { REASONS, type ReadFailure, type ReadResult } from "./read-reasons";
import { packageText } from "./sheetjs";
import type { InflateRaw } from "./zip";

export type { ReadFailure, ReadResult } from "./read-reasons";

const fail = (failure: ReadFailure, reason: string, format?: string): ReadResult => ({ ok: false, failure, reason, ...(format ? { format } : {}) });

/**
 * Raw DEFLATE with fflate, stopped as soon as the output passes `size` (a bomb never inflates
 * past what its directory declared). Readers in Node pass zlib's, which is faster.
 */
export const inflateWithFflate: InflateRaw = (data, size) => {
  const out = new Uint8Array(size);
  let at = 0;
  const inflater = new Inflate((chunk) => {
    if (at + chunk.length > size) throw new Error(`giải nén ra nhiều hơn ${size} byte đã khai báo`);
    out.set(chunk, at);
    at += chunk.length;
  });
  inflater.push(data, true);
  return at === size ? out : out.subarray(0, at);
};

/** Reads every worksheet of a workbook. `fileName` only helps tell formats apart (.csv, .ods). */
export function readWorkbook(bytes: Uint8Array, fileName: string, inflate: InflateRaw = inflateWithFflate): ReadResult {
  if (bytes.length === 0) return fail("empty", REASONS.empty());
  if (bytes.length > LIMITS.fileBytes) return fail("too-large", REASONS.fileTooLarge(bytes.length));
  const p = probe(bytes, fileName, inflate);
  if (p.zip && !p.zip.ok) {
    const r = p.zip.refusal;
    return r.kind === "password" ? fail("password", REASONS.password()) : r.kind === "too-large" ? fail("too-large", REASONS.tooLarge(r.detail)) : fail("corrupt", REASONS.corrupt(r.detail));
  }
  if (p.cfb && !p.cfb.ok) return p.cfb.kind === "too-large" ? fail("too-large", REASONS.tooLarge(p.cfb.detail)) : fail("corrupt", REASONS.corrupt(p.cfb.detail));
  const format = formatOf(p);
  if (!format) return fail("not-a-spreadsheet", REASONS.notSpreadsheet());
  if (!format.read) return fail(format.id === "encrypted" ? "password" : "unsupported-format", format.id === "encrypted" ? REASONS.encrypted() : REASONS.format(format), format.id);
  if (format.id === "ods" && p.zip?.ok && /<manifest:encryption-data\b/.test(packageText(bytes, p.zip, "META-INF/manifest.xml", inflate) ?? ""))
    return fail("password", REASONS.password(), format.id);
  const read = format.read(p);
  if (!read.ok) {
    if (read.detail) return fail("corrupt", REASONS.corrupt(read.detail), format.id);
    if (/password|encrypt/i.test(read.error)) return fail("password", REASONS.password(), format.id);
    if (p.container === "ole2" && /CFB|ECMA-376|Unsupported/i.test(read.error)) return fail("password", REASONS.encrypted(), format.id);
    return fail("corrupt", REASONS.corrupt(read.error), format.id);
  }
  if (read.sheets.length === 0) return fail("no-sheets", REASONS.noSheets(), format.id);
  return { ok: true, sheets: read.sheets, format: format.id };
}
