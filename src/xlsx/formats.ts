/**
 * What a received file is, and who reads it: ONE table from what the bytes show (magic numbers,
 * the parts of a zip package, the streams of a CFB file, then the extension) to a reader, or to a
 * Vietnamese reason that names the format and says what to do. Adding a reader for a format is
 * one entry here (its `read`); every reader — SheetJS for workbooks, docx/ for Word documents —
 * runs inside the worker that reads a received file, so the time and memory budget apply to it.
 */
import type { Grid } from "../core/grid";
import { readCfbDirectory, type CfbDirectory } from "./cfb";
import { readDocx } from "./docx/read";
import { isWordPackage } from "./docx/ooxml";
import type { ReadFailure } from "./read-reasons";
import { packageText, readBytes, readPackage } from "./sheetjs";
import { readZipDirectory, type InflateRaw, type ZipDirectory } from "./zip";

/** What the checks before parsing found out about a file. */
export interface Probe {
  bytes: Uint8Array;
  /** Lower-case extension without the dot ("" when none). */
  ext: string;
  /** zip: the directory (checked), ole2: the CFB directory (checked). */
  container: "zip" | "ole2" | "markup" | "other";
  zip?: ZipDirectory;
  cfb?: CfbDirectory;
  inflate: InflateRaw;
}

/**
 * What a reader gives: the sheets, or a failure — the library's error (and our detail) for
 * read.ts to name, or a failure already named with its Vietnamese reason.
 */
export type ReaderOutcome =
  | { ok: true; sheets: Grid[] }
  | { ok: false; error: string; detail?: string }
  | { ok: false; failure: ReadFailure; reason: string };
export type Reader = (probe: Probe) => ReaderOutcome;

export interface Format {
  id: string;
  /** How a user calls it, in Vietnamese: "tệp Word (.docx)". */
  name: string;
  test(probe: Probe): boolean;
  /** A reader, or… */
  read?: Reader;
  /** …what to do instead (Vietnamese, one sentence). */
  advice?: string;
}

const starts = (bytes: Uint8Array, ...magic: number[]) => magic.every((b, i) => bytes[i] === b);
const has = (p: Probe, name: string) => p.zip?.ok === true && p.zip.byName.has(name);
const hasPrefix = (p: Probe, prefix: string) => p.zip?.ok === true && p.zip.entries.some((e) => e.name.startsWith(prefix));
const stream = (p: Probe, name: RegExp) => p.cfb?.ok === true && p.cfb.streams.some((s) => name.test(s.name));
const mimetype = (p: Probe): string => (p.zip?.ok ? (packageText(p.bytes, p.zip, "mimetype", p.inflate) ?? "").trim() : "");

const SAVE_AS_XLSX = "Hãy mở tệp bằng Excel hoặc LibreOffice Calc và lưu lại dưới dạng .xlsx (Tệp → Lưu thành → Sổ làm việc Excel) rồi gửi lại.";
const SAVE_AS_DOCX = "Phần mềm chỉ đọc được bảng trong văn bản Word dạng .docx: hãy mở tệp bằng Word (hoặc LibreOffice Writer), lưu lại dưới dạng .docx (Tệp → Lưu thành → Tài liệu Word) rồi gửi lại.";
const COPY_TO_EXCEL = "Hãy chép bảng phụ lục sang Excel (hoặc chèn phụ lục mẫu bằng CCHC Phụ lục rồi điền số liệu) và lưu dưới dạng .xlsx.";

const readZip: Reader = (p) => (p.zip?.ok ? readPackage(p.bytes, p.zip, p.inflate) : { ok: false, error: "corrupt" });
/** An .xlsx: plain SpreadsheetML by our direct reader, the rest by SheetJS (sheetjs.ts). */
const readXlsx: Reader = (p) => (p.zip?.ok ? readPackage(p.bytes, p.zip, p.inflate, true) : { ok: false, error: "corrupt" });
const readAsIs: Reader = (p) => readBytes(p.bytes);

/** Tried in order; the first whose `test` holds decides. */
export const FORMATS: readonly Format[] = [
  // Spreadsheets we read
  { id: "xlsx", name: "bảng tính Excel (.xlsx)", test: (p) => has(p, "xl/workbook.xml"), read: readXlsx },
  { id: "ods", name: "bảng tính OpenDocument (.ods)", test: (p) => /opendocument\.spreadsheet$/.test(mimetype(p)) || (has(p, "content.xml") && p.ext === "ods"), read: readZip },
  { id: "xls", name: "bảng tính Excel 97-2003 (.xls)", test: (p) => stream(p, /^(workbook|book)$/i), read: readAsIs },
  { id: "markup", name: "bảng tính dạng HTML/XML", test: (p) => p.container === "markup", read: readAsIs },
  // Word documents we read: each table a grid (docx/)
  { id: "docx", name: "văn bản Word (.docx)", test: (p) => p.zip?.ok === true && isWordPackage(p.zip.entries), read: readDocx },
  // Formats a unit may send that we do not consolidate
  { id: "encrypted", name: "tệp Excel được đặt mật khẩu", test: (p) => stream(p, /^encryptedpackage$/i), advice: "Hãy mở tệp bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc), lưu lại rồi gửi lại." },
  { id: "xlsb", name: "bảng tính Excel nhị phân (.xlsb)", test: (p) => has(p, "xl/workbook.bin"), advice: SAVE_AS_XLSX },
  { id: "numbers", name: "bảng tính Apple Numbers (.numbers)", test: (p) => has(p, "Index/Document.iwa") || hasPrefix(p, "Index/"), advice: "Hãy mở tệp bằng Numbers, chọn Tệp → Xuất sang → Excel (.xlsx) rồi gửi lại." },
  { id: "doc", name: "văn bản Word 97-2003 (.doc)", test: (p) => stream(p, /^worddocument$/i), advice: SAVE_AS_DOCX },
  { id: "rtf", name: "văn bản định dạng RTF", test: (p) => starts(p.bytes, 0x7b, 0x5c, 0x72, 0x74, 0x66) /* {\rtf */, advice: SAVE_AS_DOCX },
  { id: "odt", name: "văn bản OpenDocument (.odt)", test: (p) => /opendocument\.text$/.test(mimetype(p)), advice: SAVE_AS_DOCX },
  { id: "pptx", name: "bản trình chiếu PowerPoint (.pptx)", test: (p) => hasPrefix(p, "ppt/"), advice: COPY_TO_EXCEL },
  { id: "zip", name: "tệp nén (.zip)", test: (p) => p.container === "zip" && p.zip?.ok === true, advice: "Hãy giải nén rồi chọn từng tệp bảng tính .xlsx bên trong." },
  { id: "pdf", name: "tệp PDF", test: (p) => starts(p.bytes, 0x25, 0x50, 0x44, 0x46), advice: "Tệp PDF không đọc được số liệu; hãy đề nghị đơn vị gửi tệp .xlsx." },
  {
    id: "image",
    name: "tệp ảnh",
    test: (p) =>
      starts(p.bytes, 0x89, 0x50, 0x4e, 0x47) || starts(p.bytes, 0xff, 0xd8, 0xff) || starts(p.bytes, 0x47, 0x49, 0x46, 0x38) || starts(p.bytes, 0x42, 0x4d) ||
      (starts(p.bytes, 0x49, 0x49, 0x2a, 0x00) || starts(p.bytes, 0x4d, 0x4d, 0x00, 0x2a)) || /^(png|jpe?g|gif|bmp|tiff?|heic|webp)$/.test(p.ext),
    advice: "Ảnh chụp không đọc được số liệu; hãy đề nghị đơn vị gửi tệp .xlsx.",
  },
  { id: "sylk", name: "tệp SYLK (.slk)", test: (p) => starts(p.bytes, 0x49, 0x44, 0x3b) || p.ext === "slk", advice: SAVE_AS_XLSX },
  { id: "dif", name: "tệp DIF (.dif)", test: (p) => starts(p.bytes, 0x54, 0x41, 0x42, 0x4c, 0x45) || p.ext === "dif", advice: SAVE_AS_XLSX },
  { id: "csv", name: "tệp văn bản CSV", test: (p) => p.ext === "csv" || p.ext === "txt" || p.ext === "tsv", advice: "Tệp CSV không giữ được bố cục của phụ lục. " + SAVE_AS_XLSX },
];

function container(bytes: Uint8Array): Probe["container"] {
  if (starts(bytes, 0x50, 0x4b, 0x03, 0x04) || starts(bytes, 0x50, 0x4b, 0x05, 0x06)) return "zip";
  if (starts(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return "ole2";
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && i < 64 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c /* < */ ? "markup" : "other";
}

function extensionOf(fileName: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(fileName);
  return m ? m[1].toLowerCase() : "";
}

/** Looks at a file without parsing it: container, checked directory, extension. */
export function probe(bytes: Uint8Array, fileName: string, inflate: InflateRaw): Probe {
  const kind = container(bytes);
  return {
    bytes,
    ext: extensionOf(fileName),
    container: kind,
    inflate,
    ...(kind === "zip" ? { zip: readZipDirectory(bytes) } : {}),
    ...(kind === "ole2" ? { cfb: readCfbDirectory(bytes) } : {}),
  };
}

export function formatOf(p: Probe): Format | undefined {
  return FORMATS.find((f) => f.test(p));
}

