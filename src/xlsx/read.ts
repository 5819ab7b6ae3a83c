/**
 * Reads received workbooks (.xlsx, .xlsm, .xls, .ods, and the HTML/XML "xls" that web systems
 * export) into core Grids with SheetJS, which reads all of them robustly with cached formula
 * values and merges. Problems are returned as values with a Vietnamese reason, never thrown.
 */
import * as XLSX from "@e965/xlsx";
import type { Grid, RawCell } from "../core/grid";

export type ReadFailure = "empty" | "not-a-spreadsheet" | "password" | "corrupt" | "no-sheets";

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

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/**
 * The text of one entry of a zip, found through the central directory; undefined when the zip
 * or the entry cannot be read. SheetJS gives up on the whole package when an entry is stored with
 * a data descriptor (LibreOffice's encrypted .ods), so the manifest is looked up here.
 */
function zipEntryText(bytes: Uint8Array, name: string): string | undefined {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return undefined;
  const wanted = new TextEncoder().encode(name);
  let p = u32(bytes, end + 16);
  for (let n = u16(bytes, end + 10); n > 0 && p + 46 <= bytes.length && u32(bytes, p) === 0x02014b50; n--) {
    const method = u16(bytes, p + 10);
    const size = u32(bytes, p + 20);
    const fullSize = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const local = u32(bytes, p + 42);
    const same = nameLength === wanted.length && wanted.every((b, i) => bytes[p + 46 + i] === b);
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
    if (!same) continue;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) return undefined;
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(start, Math.min(bytes.length, start + size));
    try {
      const inflate = (XLSX.CFB as { utils: { _inflateRaw(data: Uint8Array, size: number): Uint8Array } }).utils._inflateRaw;
      const raw = method === 0 ? data : method === 8 ? inflate(data.slice(), fullSize) : undefined;
      return raw ? new TextDecoder("utf-8").decode(raw.subarray(0, fullSize)) : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
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

/** Reads every worksheet of a workbook. `fileName` only decides how plain text is treated. */
export function readWorkbook(bytes: Uint8Array, fileName: string): ReadResult {
  if (bytes.length === 0) return fail("empty", "tệp rỗng (0 byte)");
  const kind = container(bytes);
  const ext = extensionOf(fileName);
  if (kind === "other" && ext !== "csv")
    return fail("not-a-spreadsheet", "nội dung tệp không phải là bảng tính Excel (.xlsx, .xls) hay LibreOffice (.ods)");
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
