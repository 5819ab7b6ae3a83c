/**
 * Reads a received file into core Grids: the container is checked against LIMITS before
 * anything is inflated or parsed (zip.ts, cfb.ts), the format table (formats.ts) picks the reader
 * — SheetJS for workbooks (sheetjs.ts), docx/ for the tables of a Word document — or the reason
 * we do not consolidate that format, and the reader parses. What a file is, is told by its
 * content, not its name. Problems are returned as values with a Vietnamese reason (one map,
 * REASONS), never thrown.
 *
 * This runs anywhere; received files are read through a worker pool (pool.ts) so that the time
 * and memory budget hold whatever the bytes are.
 */
import { formatOf, probe } from "./formats";
import { LIMITS } from "./limits";
import { programOf, REASONS, type ReadFailure, type ReadResult } from "./read-reasons";
import { packageText } from "./sheetjs";
import type { InflateRaw } from "./zip";

export type { ReadFailure, ReadResult } from "./read-reasons";

/**
 * fflate's inflater, loaded when first used: Node's read workers pass zlib's, and loading fflate
 * cost each of them ~19 ms at start-up.
 */
const inflateWithFflate: InflateRaw = (data, size) =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  (require("./inflate-fflate") as typeof import("./inflate-fflate")).inflateWithFflate(data, size);

const fail = (failure: ReadFailure, reason: string, format?: string): ReadResult => ({ ok: false, failure, reason, ...(format ? { format } : {}) });

/** Reads every worksheet of a workbook, or every table of a Word document. `fileName` only helps tell formats apart (.csv, .ods) and name the program to save it again with. */
export function readWorkbook(bytes: Uint8Array, fileName: string, inflate: InflateRaw = inflateWithFflate): ReadResult {
  const program = programOf(fileName);
  if (bytes.length === 0) return fail("empty", REASONS.empty());
  if (bytes.length > LIMITS.fileBytes) return fail("too-large", REASONS.fileTooLarge(bytes.length, program));
  const p = probe(bytes, fileName, inflate);
  if (p.zip && !p.zip.ok) {
    const r = p.zip.refusal;
    return r.kind === "password" ? fail("password", REASONS.password()) : r.kind === "too-large" ? fail("too-large", REASONS.tooLarge(r.detail, program)) : fail("corrupt", REASONS.corrupt(r.detail, program));
  }
  if (p.cfb && !p.cfb.ok) return p.cfb.kind === "too-large" ? fail("too-large", REASONS.tooLarge(p.cfb.detail, program)) : fail("corrupt", REASONS.corrupt(p.cfb.detail, program));
  const format = formatOf(p);
  if (!format) return fail("not-a-spreadsheet", REASONS.notSpreadsheet());
  if (!format.read) return fail(format.id === "encrypted" ? "password" : "unsupported-format", format.id === "encrypted" ? REASONS.encrypted() : REASONS.format(format), format.id);
  if (format.id === "ods" && p.zip?.ok && /<manifest:encryption-data\b/.test(packageText(bytes, p.zip, "META-INF/manifest.xml", inflate) ?? ""))
    return fail("password", REASONS.password(), format.id);
  const read = format.read(p);
  if (!read.ok) {
    if ("reason" in read) return fail(read.failure, read.reason, format.id);
    if (read.detail) return fail("corrupt", REASONS.corrupt(read.detail, program), format.id);
    if (/password|encrypt/i.test(read.error)) return fail("password", REASONS.password(), format.id);
    if (p.container === "ole2" && /CFB|ECMA-376|Unsupported/i.test(read.error)) return fail("password", REASONS.encrypted(), format.id);
    return fail("corrupt", REASONS.corrupt(read.error, program), format.id);
  }
  if (read.sheets.length === 0) return fail("no-sheets", REASONS.noSheets(), format.id);
  return { ok: true, sheets: read.sheets, format: format.id };
}
