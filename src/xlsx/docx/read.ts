/**
 * Reads the tables of a received Word document (.docx, also .docm/.dotx) into Grids: a pure
 * function of the bytes, within FILE_LIMITS.docx, that returns a failure with a Vietnamese reason
 * instead of throwing. See body.ts for how text is read and grids.ts for how each table is laid out.
 */
import type { Grid } from "../../core/grid";
import { FILE_LIMITS } from "../limits";
import type { ReadResult } from "../read";
import { zipEntries, ZipProblem, type ZipEntry } from "../zip";
import { BodyReader } from "./body";
import { FontStyles } from "./fonts";
import { documentGrids } from "./grids";
import { DocxProblem, isWordPackage, openWordPackage, wChild } from "./ooxml";

const LIMITS = FILE_LIMITS.docx;
const MB = 1024 * 1024;

/** The zip's entries when it is a Word package, else undefined (a workbook, or not a zip). */
export function wordPackageEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  try {
    const entries = zipEntries(bytes, LIMITS.entries);
    return isWordPackage(entries) ? entries : undefined;
  } catch {
    return undefined;
  }
}

function reasonFor(problem: DocxProblem | ZipProblem): ReadResult {
  switch (problem.kind) {
    case "too-large":
      return {
        ok: false,
        failure: "too-large",
        reason: `văn bản Word quá lớn so với một báo cáo (${problem.message}; giới hạn: tệp ${LIMITS.fileBytes / MB} MB, nội dung ${LIMITS.documentBytes / MB} MB, ${LIMITS.tables} bảng)`,
      };
    case "too-slow":
      return { ok: false, failure: "too-large", reason: `đọc văn bản Word quá ${LIMITS.millis / 1000} giây mà chưa xong; tệp quá lớn hoặc bị hỏng` };
    case "not-word":
    case "not-a-zip":
      return { ok: false, failure: "corrupt", reason: `tệp không phải là văn bản Word .docx đọc được (${problem.message})` };
    default:
      return { ok: false, failure: "corrupt", reason: `văn bản Word (.docx) bị hỏng hoặc không đầy đủ (${problem.message})` };
  }
}

/** Every table of the document as a Grid (see grids.ts), or why it cannot be read. */
export function readDocx(bytes: Uint8Array, entries?: readonly ZipEntry[]): ReadResult {
  const deadline = Date.now() + LIMITS.millis;
  try {
    if (bytes.length > LIMITS.fileBytes) throw new DocxProblem("too-large", `${Math.ceil(bytes.length / MB)} MB`);
    const pkg = openWordPackage(bytes, entries ?? zipEntries(bytes, LIMITS.entries), LIMITS);
    const body = wChild(pkg.document, "body");
    if (!body) throw new DocxProblem("damaged", "no w:body");
    const top = new BodyReader(new FontStyles(pkg.styles), { tableDepth: LIMITS.tableDepth, deadline }).blocks(body);
    const sheets: Grid[] = documentGrids(top, LIMITS);
    if (Date.now() > deadline) throw new DocxProblem("too-slow", "time budget exceeded");
    if (!sheets.length)
      return { ok: false, failure: "no-sheets", reason: "văn bản Word không có bảng nào; phụ lục phải là một bảng (Chèn → Bảng), không phải chữ căn bằng dấu cách hay tab" };
    return { ok: true, sheets };
  } catch (error) {
    if (error instanceof DocxProblem || error instanceof ZipProblem) return reasonFor(error);
    // A stack overflow on absurd nesting, or anything else unexpected: one unreadable file.
    return { ok: false, failure: "corrupt", reason: `văn bản Word (.docx) bị hỏng hoặc không đọc được (${error instanceof Error ? error.message : String(error)})` };
  }
}
