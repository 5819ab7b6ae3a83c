/**
 * The SheetJS readers of the format table (formats.ts): .xlsx/.xlsm/.ods packages handed to
 * SheetJS already inflated, old .xls after their CFB check, and the HTML/XML "xls" that web
 * systems export. SheetJS reads all of them robustly with cached formula values and merges;
 * only its pure-JavaScript inflate is bypassed (a damaged deflate stream makes it loop).
 *
 * Grids follow the cells present: a stray cell at XFD1048576 adds one row holding one cell, not a
 * million rows of sixteen thousand columns (rows and cells are sparse arrays).
 */
import * as XLSX from "@e965/xlsx";
import type { Grid, RawCell } from "../core/grid";
import { entryBytes, isRead, type InflateRaw, type ZipDirectory } from "./zip";

export type SheetJsResult = { ok: true; sheets: Grid[] } | { ok: false; error: string; detail?: string };

// sheetStubs: a formula cell without a cached value (scripts write them) is otherwise dropped;
// empty cells come back as stubs, which `toRawCell` reads as no cell.
const OPTIONS: XLSX.ParsingOptions = { dense: true, cellFormula: true, cellText: true, cellDates: false, cellNF: false, cellStyles: false, sheetStubs: true };

interface CfbContainer {
  FileIndex: unknown[];
  FullPaths: string[];
}
const cfbUtils = (XLSX.CFB as unknown as { utils: { cfb_new(): CfbContainer; cfb_add(c: CfbContainer, name: string, data: Uint8Array, o: { unsafe: boolean }): void } }).utils;
/** SheetJS's reader of an opened package (exported, not in its typings): what `XLSX.read` calls after unzipping. */
const parseZip = (XLSX as unknown as { parse_zip(zip: CfbContainer, options: XLSX.ParsingOptions): XLSX.WorkBook }).parse_zip;

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

/** One worksheet as a sparse grid: only rows and cells that exist are set (forEach skips holes). */
export function sheetToGrid(name: string, ws: XLSX.WorkSheet): Grid {
  const data = (ws["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  const cells: (RawCell | null)[][] = [];
  data.forEach((source, r) => {
    if (!source) return;
    const row: (RawCell | null)[] = [];
    source.forEach((cell, c) => {
      const raw = toRawCell(cell);
      if (raw) row[c] = raw;
    });
    if (row.length) cells[r] = row;
  });
  const merges = (ws["!merges"] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
  return { sheet: name, cells, merges };
}

/** SheetJS notes its own guesses and oddities on the console ("ODS number format may be
 * incorrect", "Missing Info for XLS Record 0x47"); they are not the user's business and would
 * reach the CLI's stderr, so they are dropped while it reads. */
function quietly<T>(read: () => T): T {
  const { error, warn, log } = console;
  console.error = console.warn = console.log = () => undefined;
  try {
    return read();
  } finally {
    Object.assign(console, { error, warn, log });
  }
}

function grids(workbook: XLSX.WorkBook): Grid[] {
  return workbook.SheetNames.filter((name) => workbook.Sheets[name]).map((name) => sheetToGrid(name, workbook.Sheets[name]));
}

function attempt(read: () => XLSX.WorkBook): SheetJsResult {
  try {
    return { ok: true, sheets: grids(quietly(read)) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A zip package (.xlsx, .xlsm, .ods) whose directory passed the checks: its parts inflated here, then parsed by SheetJS. */
export function readPackage(bytes: Uint8Array, directory: Extract<ZipDirectory, { ok: true }>, inflate: InflateRaw): SheetJsResult {
  const container = cfbUtils.cfb_new();
  for (const entry of directory.entries) {
    if (!isRead(entry.name)) continue;
    const got = entryBytes(bytes, entry, inflate);
    if (!got.ok) return { ok: false, error: "corrupt", detail: got.detail };
    cfbUtils.cfb_add(container, entry.name, got.data, { unsafe: true });
  }
  return attempt(() => parseZip(container, { ...OPTIONS }));
}

/** The text of one part of a checked package (e.g. an OpenDocument manifest), or undefined. */
export function packageText(bytes: Uint8Array, directory: Extract<ZipDirectory, { ok: true }>, name: string, inflate: InflateRaw): string | undefined {
  const entry = directory.byName.get(name);
  const got = entry ? entryBytes(bytes, entry, inflate) : undefined;
  return got?.ok ? new TextDecoder("utf-8").decode(got.data) : undefined;
}

/** Anything else SheetJS reads from bytes: old .xls (after the CFB check), HTML/XML spreadsheets. */
export function readBytes(bytes: Uint8Array): SheetJsResult {
  return attempt(() => XLSX.read(bytes, { type: "array", ...OPTIONS }));
}
