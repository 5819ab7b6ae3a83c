/**
 * "Tổng hợp" in Excel: the unit sheets the user chose as consolidation sources, and the rollup
 * written into the open workbook. Thin: recognition, aggregation, layouts and names come from
 * core (core/consolidate, core/rollup-layout); this file reads and writes through Office.js.
 *
 * Round trips, whatever the number of units or forms:
 * - `readWorkbookSheets`: one (the chosen sheets' used ranges);
 * - `writeRollup`: three when the output fits one request — 1. the sheet list, 2. the first rows
 *   of every sheet (to find the previous rollup's marker: a sheet cannot be read before it is
 *   listed), 3. replace the previous rollup's sheets by the new ones. Excel on the web refuses a
 *   request over 5 MB: when the output's estimated size exceeds `requestBytes`, the sheets are
 *   spread over several requests, never more than one per output sheet unless a single sheet
 *   is itself larger than a request (then its rows are written in slices).
 *
 * Rebuild rule (core/rollup-layout): exactly the sheets carrying the rollup marker in their first
 * rows are replaced; every other sheet — the unit sheets, a user's sheet named "TH …" — is never
 * touched. The old sheets are renamed out of the way, the new ones added under the names the
 * consolidation chose against the remaining sheets, then the old ones deleted, all in one request,
 * so a workbook whose only visible sheets are the previous rollup's still keeps one visible sheet
 * throughout and a second run gives the same sheets under the same names.
 */
import { consolidate, type Consolidation, type ConsolidateOptions } from "../core/consolidate";
import type { Grid, RawCell } from "../core/grid";
import { readRollupMarker, type RollupMarker, type RollupSheetKind } from "../core/rollup-layout";
import { uniqueSheetName } from "../core/sheet-names";
import type { ReceivedSource } from "../core/units";
import type { ExcelFeatures } from "./features";
import { cellBlock, estimateFormattingBytes, queueCells, queueSheet, type CellBlock } from "./render";
import { queueRead, toGrid } from "./validate";

// ---------------------------------------------------------------------------------------------
// Sources: sheets of the open workbook

/**
 * The chosen sheets of the open workbook as Grids (values and displayed text from A1), in the
 * order given. One round trip. A name that no longer exists fails the call (ItemNotFound).
 */
export async function readWorkbookSheets(context: Excel.RequestContext, names: readonly string[]): Promise<Grid[]> {
  const worksheets = context.workbook.worksheets;
  const reads = names.map((name) => queueRead(worksheets, name));
  await context.sync();
  return reads.map((r) => toGrid(r.name, r.used));
}

export { sheetSourceLabel, sourcesFromSheets } from "../core/workbook";

// ---------------------------------------------------------------------------------------------
// The sheets the previous rollup wrote

/** Rows in which a rollup marker is looked for (core/rollup-layout's `readRollupMarker`). */
const MARKER_ROWS = 8;

export interface WorkbookSheet {
  name: string;
  visibility: string;
  /** Present when the sheet carries the rollup marker (a rebuild replaces it). */
  rollup?: RollupMarker;
}

/**
 * Every sheet of the workbook, in order, with the rollup marker of those a rollup wrote. Two
 * round trips: the list, then the first rows of every sheet (only their used part is sent back).
 */
export async function listWorkbookSheets(context: Excel.RequestContext): Promise<WorkbookSheet[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const heads = worksheets.items.map((sheet) => {
    const head = sheet.getRange(`1:${MARKER_ROWS}`).getUsedRangeOrNullObject(true);
    head.load("values,rowIndex,columnIndex");
    return { sheet, head };
  });
  await context.sync();
  return heads.map(({ sheet, head }) => {
    const marker = head.isNullObject ? undefined : readRollupMarker(headGrid(sheet.name, head), MARKER_ROWS);
    return { name: sheet.name, visibility: sheet.visibility, ...(marker ? { rollup: marker } : {}) };
  });
}

function headGrid(name: string, head: Excel.Range): Grid {
  const cells: (RawCell | null)[][] = [];
  for (let r = 0; r < head.rowIndex; r++) cells.push([]);
  for (const row of head.values) {
    const out: (RawCell | null)[] = new Array(head.columnIndex).fill(null);
    for (const value of row) out.push(value === "" || value === null ? null : { value: value as RawCell["value"] });
    cells.push(out);
  }
  return { sheet: name, cells };
}

// ---------------------------------------------------------------------------------------------
// Writing the rollup

/** Excel on the web refuses a request over 5 MB; the writer stays under this, with a margin. */
export const DEFAULT_REQUEST_BYTES = 4 * 1024 * 1024;

export interface RollupWriteOptions extends Omit<ConsolidateOptions, "taken"> {
  features: ExcelFeatures;
  /** Largest request the writer sends, in bytes (estimated on the conservative side). */
  requestBytes?: number;
}

export interface WrittenSheet {
  name: string;
  kind: RollupSheetKind;
  formId?: string;
}

export interface RollupWriteResult {
  consolidation: Consolidation;
  /** Sheets written, in order: status, then for each form its rollup and detail sheets. */
  sheets: WrittenSheet[];
  /** Sheets of the previous rollup that were replaced (deleted). */
  replaced: string[];
  /** The sheet shown at the end: the status sheet when a unit needs attention or no form was rolled up, else the first rollup sheet. */
  active: string;
  /** Requests sent to write (1 unless the output had to be split, see the header). */
  writeRequests: number;
  /** Vietnamese notes about what this Excel could not apply (older ExcelApi sets). */
  degraded: string[];
}

/** UTF-8 length of a string, as it travels in a request. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of one row of the cells block (its number formats and values). */
function rowBytes(block: CellBlock, r: number): number {
  return utf8Length(JSON.stringify(block.formats[r])) + utf8Length(JSON.stringify(block.matrix[r])) + 2;
}

/** A piece of work sent in one request: some rows of a sheet's cells, and/or its formatting. */
interface Piece {
  item: number;
  add: boolean;
  from: number;
  to: number;
  formatting: boolean;
  bytes: number;
}

/** Fixed cost of a request, and of an action around the cells (add, rename, delete, activate). */
const REQUEST_OVERHEAD = 2048;
const ACTION_BYTES = 200;

/** Pieces of one sheet: the whole sheet when it fits a request, else row slices then its formatting. */
function piecesOf(item: number, block: CellBlock, formatting: number, budget: number): Piece[] {
  const rows = block.matrix.length;
  const sizes = Array.from({ length: rows }, (_, r) => rowBytes(block, r));
  const cells = sizes.reduce((a, b) => a + b, 0) + 2 * ACTION_BYTES;
  if (cells + formatting + ACTION_BYTES <= budget) return [{ item, add: true, from: 0, to: rows, formatting: true, bytes: cells + formatting + ACTION_BYTES }];
  const pieces: Piece[] = [];
  let from = 0;
  let bytes = 3 * ACTION_BYTES;
  for (let r = 0; r < rows; r++) {
    if (r > from && bytes + sizes[r] > budget) {
      pieces.push({ item, add: pieces.length === 0, from, to: r, formatting: false, bytes });
      from = r;
      bytes = 3 * ACTION_BYTES;
    }
    bytes += sizes[r];
  }
  pieces.push({ item, add: pieces.length === 0, from, to: rows, formatting: false, bytes });
  const last = pieces[pieces.length - 1];
  if (last.bytes + formatting <= budget) {
    last.formatting = true;
    last.bytes += formatting;
  } else pieces.push({ item, add: false, from: rows, to: rows, formatting: true, bytes: formatting + ACTION_BYTES });
  return pieces;
}

/** Pieces packed, in order, into as few requests as the budget allows. */
function pack(pieces: readonly Piece[], budget: number, first: number): Piece[][] {
  const requests: Piece[][] = [];
  let current: Piece[] = [];
  let bytes = first;
  for (const piece of pieces) {
    if (current.length && bytes + piece.bytes > budget) {
      requests.push(current);
      current = [];
      bytes = REQUEST_OVERHEAD;
    }
    current.push(piece);
    bytes += piece.bytes;
  }
  if (current.length) requests.push(current);
  return requests;
}

/**
 * Consolidates `sources` (core/consolidate) and writes the result into the open workbook,
 * replacing the previous rollup's sheets and no other (see the header for the rule and the
 * round trips). Activates the status sheet, or the first rollup sheet when every unit is in
 * order. The new names avoid every remaining sheet's name.
 */
export async function writeRollup(context: Excel.RequestContext, sources: readonly ReceivedSource[], options: RollupWriteOptions): Promise<RollupWriteResult> {
  const { features, requestBytes = DEFAULT_REQUEST_BYTES, ...consolidateOptions } = options;
  const listed = await listWorkbookSheets(context);
  const old = listed.filter((s) => s.rollup);
  const remaining = listed.filter((s) => !s.rollup).map((s) => s.name);
  const consolidation = consolidate(sources, { ...consolidateOptions, taken: remaining });
  const output = consolidation.sheets;

  // Old sheets step aside under names no sheet has or will have, so the new ones can take theirs.
  const taken = [...listed.map((s) => s.name), ...output.map((s) => s.name)];
  const aside = old.map((s) => {
    const name = uniqueSheetName(`~CCHC cũ ${s.name}`, taken);
    taken.push(name);
    return name;
  });

  const blocks = output.map((s) => cellBlock(s.layout));
  const pieces = output.flatMap((s, i) => piecesOf(i, blocks[i], estimateFormattingBytes(s.layout), requestBytes));
  const requests = pack(pieces, requestBytes, REQUEST_OVERHEAD + (2 * old.length + 1) * ACTION_BYTES);

  const allOk = consolidation.units.units.every((u) => u.status === "ok");
  const shown = (allOk && output.find((s) => s.kind === "rollup")) || output[0];
  const worksheets = context.workbook.worksheets;
  const degraded = new Set<string>();
  const added = new Map<number, Excel.Worksheet>();
  for (let q = 0; q < requests.length; q++) {
    const previous = q === 0 ? old.map((s) => worksheets.getItem(s.name)) : [];
    previous.forEach((sheet, i) => (sheet.name = aside[i]));
    for (const piece of requests[q]) {
      const { name, layout } = output[piece.item];
      if (piece.add) added.set(piece.item, worksheets.add(name));
      const sheet = added.get(piece.item)!;
      queueCells(sheet, blocks[piece.item], piece.from, piece.to);
      if (piece.formatting) queueSheet(sheet, layout, features, degraded, false);
    }
    // The new sheets exist now (one at least): the old ones can go without leaving no visible sheet.
    for (const sheet of previous) sheet.delete();
    if (q === requests.length - 1 && shown) added.get(output.indexOf(shown))?.activate();
    // One request per batch: a single one unless the output exceeds a request (see the header).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }

  return {
    consolidation,
    sheets: output.map((s) => ({ name: s.name, kind: s.kind, ...(s.formId ? { formId: s.formId } : {}) })),
    replaced: old.map((s) => s.name),
    active: shown?.name ?? "",
    writeRequests: requests.length,
    degraded: [...degraded],
  };
}
