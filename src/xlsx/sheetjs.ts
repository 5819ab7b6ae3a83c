/**
 * The SheetJS readers of the format table (formats.ts): .xlsx/.xlsm/.ods packages handed to
 * SheetJS already inflated, old .xls after their CFB check, and the HTML/XML "xls" that web
 * systems export. SheetJS reads all of them robustly with cached formula values and merges;
 * only its pure-JavaScript inflate is bypassed (a damaged deflate stream makes it loop).
 *
 * Grids follow the cells present: a stray cell at XFD1048576 adds one row holding one cell, not a
 * million rows of sixteen thousand columns (rows and cells are sparse arrays).
 */
import type * as XLSX from "@e965/xlsx";
import { a1, type Grid, type RawCell } from "../core/grid";
import { sheetjs } from "./sheetjs-lib";
import { readSpreadsheetMl } from "./spreadsheetml";
import { entryBytes, isRead, type InflateRaw, type ZipDirectory } from "./zip";

export type SheetJsResult = { ok: true; sheets: Grid[] } | { ok: false; error: string; detail?: string };

// sheetStubs: a formula cell without a cached value (scripts write them) is otherwise dropped;
// empty cells come back as stubs, which `toRawCell` reads as no cell.
const OPTIONS: XLSX.ParsingOptions = { dense: true, cellFormula: true, cellText: true, cellDates: false, cellNF: false, cellStyles: false, sheetStubs: true };

interface CfbContainer {
  FileIndex: unknown[];
  FullPaths: string[];
}
const cfbUtils = () => (sheetjs().CFB as unknown as { utils: { cfb_new(): CfbContainer; cfb_add(c: CfbContainer, name: string, data: Uint8Array, o: { unsafe: boolean }): void } }).utils;
/** SheetJS's reader of an opened package (exported, not in its typings): what `XLSX.read` calls after unzipping. */
const parseZip = (zip: CfbContainer, options: XLSX.ParsingOptions) =>
  (sheetjs() as unknown as { parse_zip(zip: CfbContainer, options: XLSX.ParsingOptions): XLSX.WorkBook }).parse_zip(zip, options);

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

type Part = ReturnType<typeof entryBytes>;

/** The parts of a checked package, each inflated once when first asked for (undefined: no such part, or one never read). */
function packageParts(bytes: Uint8Array, directory: Extract<ZipDirectory, { ok: true }>, inflate: InflateRaw): (name: string) => Part | undefined {
  const inflated = new Map<string, Part>();
  return (name) => {
    let got = inflated.get(name);
    if (!got) {
      const entry = directory.byName.get(name);
      if (!entry || !isRead(name)) return undefined;
      inflated.set(name, (got = entryBytes(bytes, entry, inflate)));
    }
    return got;
  };
}

/**
 * Set by the test suite (test/support/reader-check.ts): every workbook the direct reader reads is
 * read by SheetJS too, and any difference between their grids is an error.
 */
const checkingReaders = () => typeof process !== "undefined" && process.env?.CCHC_READER_CHECK === "1";

/**
 * A zip package (.xlsx, .xlsm, .ods) whose directory passed the checks, parsed by SheetJS after
 * its parts are inflated here. With `direct`, plain SpreadsheetML is read by our own reader
 * (spreadsheetml.ts) first; SheetJS reads whatever it declines.
 */
export function readPackage(bytes: Uint8Array, directory: Extract<ZipDirectory, { ok: true }>, inflate: InflateRaw, direct = false): SheetJsResult {
  const part = packageParts(bytes, directory, inflate);
  if (direct) {
    const fast = readSpreadsheetMl((name) => {
      const got = part(name);
      return got?.ok ? got.data : undefined;
    });
    if (fast.ok) {
      if (checkingReaders()) {
        const sheetjs = viaSheetJs(directory, part);
        const difference = sheetjs.ok ? gridsDifference(fast.sheets, sheetjs.sheets) : `SheetJS fails: ${sheetjs.error}`;
        if (difference) throw new Error(`The SpreadsheetML reader differs from SheetJS: ${difference}`);
      }
      return { ok: true, sheets: fast.sheets };
    }
  }
  return viaSheetJs(directory, part);
}

function viaSheetJs(directory: Extract<ZipDirectory, { ok: true }>, part: (name: string) => Part | undefined): SheetJsResult {
  const cfb = cfbUtils();
  const container = cfb.cfb_new();
  for (const entry of directory.entries) {
    const got = part(entry.name);
    if (!got) continue;
    if (!got.ok) return { ok: false, error: "corrupt", detail: got.detail };
    cfb.cfb_add(container, entry.name, got.data, { unsafe: true });
  }
  return attempt(() => parseZip(container, { ...OPTIONS }));
}

const showCell = (cell: RawCell | null | undefined) => JSON.stringify(cell ?? null);

/** Where two readings of a workbook differ (sheet, cell, both values), or undefined when they are the same. */
export function gridsDifference(ours: readonly Grid[], theirs: readonly Grid[]): string | undefined {
  if (ours.length !== theirs.length) return `${ours.length} sheets against ${theirs.length}`;
  for (let s = 0; s < ours.length; s++) {
    const [a, b] = [ours[s], theirs[s]];
    if (a.sheet !== b.sheet) return `sheet ${s + 1} named «${a.sheet}» against «${b.sheet}»`;
    if (JSON.stringify(a.merges ?? []) !== JSON.stringify(b.merges ?? [])) return `«${a.sheet}» merges ${JSON.stringify(a.merges)} against ${JSON.stringify(b.merges)}`;
    const rows = Math.max(a.cells.length, b.cells.length);
    for (let r = 0; r < rows; r++) {
      const [ra, rb] = [a.cells[r] ?? [], b.cells[r] ?? []];
      for (let c = 0; c < Math.max(ra.length, rb.length); c++)
        if (showCell(ra[c]) !== showCell(rb[c])) return `«${a.sheet}»!${a1(r, c)}: ${showCell(ra[c])} against ${showCell(rb[c])}`;
    }
  }
  return undefined;
}

/** The text of one part of a checked package (e.g. an OpenDocument manifest), or undefined. */
export function packageText(bytes: Uint8Array, directory: Extract<ZipDirectory, { ok: true }>, name: string, inflate: InflateRaw): string | undefined {
  const entry = directory.byName.get(name);
  const got = entry ? entryBytes(bytes, entry, inflate) : undefined;
  return got?.ok ? new TextDecoder("utf-8").decode(got.data) : undefined;
}

/** Anything else SheetJS reads from bytes: old .xls (after the CFB check), HTML/XML spreadsheets. */
export function readBytes(bytes: Uint8Array): SheetJsResult {
  return attempt(() => sheetjs().read(bytes, { type: "array", ...OPTIONS }));
}
