/**
 * Reads received files into core Grids: workbooks (.xlsx, .xlsm, .xls, .ods, and the HTML/XML
 * "xls" that web systems export) with SheetJS, which reads all of them robustly with cached
 * formula values and merges; Word documents (.docx) with the reader in ./docx, one grid per table.
 * What a file is, is told by its content, not its name. Problems are returned as values with a
 * Vietnamese reason, never thrown.
 */
import * as XLSX from "@e965/xlsx";
import type { Grid, RawCell } from "../core/grid";
import { readDocx, wordPackageEntries } from "./docx/read";
import { inflateEntry, zipEntries } from "./zip";

export type ReadFailure = "empty" | "not-a-spreadsheet" | "password" | "corrupt" | "no-sheets" | "too-large" | "unsupported";

export type ReadResult =
  | { ok: true; sheets: Grid[] }
  | { ok: false; failure: ReadFailure; reason: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function extensionOf(fileName: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(fileName);
  return m ? m[1].toLowerCase() : "";
}

/** What kind of container the bytes are, so that a text file renamed .xlsx is not read as CSV. */
function container(bytes: Uint8Array): "zip" | "ole2" | "markup" | "other" {
  if (startsWith(bytes, ZIP)) return "zip";
  if (startsWith(bytes, OLE2)) return "ole2";
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && i < 64 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c /* < */ ? "markup" : "other";
}

/** The text of one entry of a zip, or undefined when it cannot be read (see ./zip). */
function zipEntryText(bytes: Uint8Array, name: string): string | undefined {
  try {
    const entry = zipEntries(bytes, 100_000).find((e) => e.name === name);
    return entry ? new TextDecoder("utf-8").decode(inflateEntry(bytes, entry, 16 * 1024 * 1024)) : undefined;
  } catch {
    return undefined;
  }
}

/** An OpenDocument package saved with a password: its manifest lists encryption data. */
function isEncryptedOpenDocument(bytes: Uint8Array): boolean {
  const manifest = zipEntryText(bytes, "META-INF/manifest.xml");
  return manifest !== undefined && /<manifest:encryption-data\b/.test(manifest);
}

function fail(failure: ReadFailure, reason: string): ReadResult {
  return { ok: false, failure, reason };
}

function toRawCell(cell: XLSX.CellObject | undefined): RawCell | null {
  if (!cell || cell.t === "z") return cell?.f ? { value: null, formula: cell.f } : null;
  const text = cell.w;
  let value: RawCell["value"];
  switch (cell.t) {
    case "n":
      value = cell.v as number;
      break;
    case "b":
      value = cell.v as boolean;
      break;
    case "s":
      value = String(cell.v ?? "");
      break;
    case "d":
    case "e":
    default:
      value = text ?? String(cell.v ?? "");
  }
  return { value, ...(text !== undefined ? { text } : {}), ...(cell.f ? { formula: cell.f } : {}) };
}

function sheetToGrid(name: string, ws: XLSX.WorkSheet): Grid {
  const data = (ws["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  const cells: (RawCell | null)[][] = [];
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    if (!source) {
      cells.push([]);
      continue;
    }
    const row: (RawCell | null)[] = new Array(source.length);
    for (let c = 0; c < source.length; c++) row[c] = toRawCell(source[c]);
    cells.push(row);
  }
  const merges = (ws["!merges"] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
  return { sheet: name, cells, merges };
}

/** SheetJS notes its own guesses on the console ("ODS number format may be incorrect"); they are
 * not the user's business, so they are dropped while reading (anything else still shows). */
function quietly<T>(read: () => T): T {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === "string" && /^ODS number format/.test(args[0])) return;
    original(...args);
  };
  try {
    return read();
  } finally {
    console.error = original;
  }
}

/** A Word 97-2003 document: an OLE2 compound file with a WordDocument stream. */
function isWordBinary(bytes: Uint8Array): boolean {
  try {
    return !!XLSX.CFB.find(XLSX.CFB.read(bytes, { type: "array" }), "WordDocument");
  } catch {
    return false;
  }
}

const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // "{\rtf"

/**
 * Reads every worksheet of a workbook, or every table of a Word .docx. `fileName` only decides
 * how plain text is treated.
 */
export function readWorkbook(bytes: Uint8Array, fileName: string): ReadResult {
  if (bytes.length === 0) return fail("empty", "tệp rỗng (0 byte)");
  const kind = container(bytes);
  const ext = extensionOf(fileName);
  if (kind === "zip") {
    const word = wordPackageEntries(bytes);
    if (word) return readDocx(bytes, word);
  }
  if (kind === "ole2" && isWordBinary(bytes))
    return fail("unsupported", "đây là văn bản Word 97-2003 (.doc); phần mềm chỉ đọc được bảng trong văn bản Word dạng .docx");
  if (startsWith(bytes, RTF))
    return fail("unsupported", "đây là văn bản định dạng RTF; phần mềm chỉ đọc được bảng trong văn bản Word dạng .docx");
  if (kind === "other" && ext !== "csv")
    return fail("not-a-spreadsheet", "nội dung tệp không phải là bảng tính (.xlsx, .xls, .ods) hay văn bản Word (.docx)");
  let workbook: XLSX.WorkBook;
  try {
    workbook = quietly(() =>
      XLSX.read(bytes, { type: "array", dense: true, cellFormula: true, cellText: true, cellDates: false, cellNF: false, cellStyles: false }),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(message) || (kind === "zip" && isEncryptedOpenDocument(bytes)))
      return fail("password", "tệp được đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại");
    if (kind === "ole2" && /CFB|ECMA-376|Unsupported/i.test(message))
      return fail("password", "tệp được mã hoá hoặc đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại");
    return fail("corrupt", `tệp bị hỏng hoặc không đầy đủ (${message})`);
  }
  const sheets = workbook.SheetNames.filter((name) => workbook.Sheets[name]).map((name) => sheetToGrid(name, workbook.Sheets[name]));
  if (sheets.length === 0) return fail("no-sheets", "bảng tính không có trang tính nào");
  return { ok: true, sheets };
}
