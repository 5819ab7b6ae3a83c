/**
 * "Tổng hợp" in Excel: the unit sheets the user chose as consolidation sources, and the rollup
 * written into the open workbook. Thin: recognition, aggregation, layouts and names come from
 * core (core/consolidate, core/rollup-layout); this file reads and writes through Office.js.
 *
 * Round trips, whatever the number of units or forms:
 * - `readWorkbookSheets`: the chosen sheets' used ranges, in requests whose responses stay under
 *   a byte budget (src/excel/read.ts): one for a few sheets, more as the bytes grow;
 * - `writeRollup`: three when the output fits one request — 1. the sheet list, 2. the first rows
 *   of every sheet (to find the previous rollup's marker: a sheet cannot be read before it is
 *   listed), 3. the new sheets written and the previous rollup's replaced. Excel on the web
 *   refuses a request over 5 MB: when the output's estimated size exceeds `requestBytes`, the
 *   sheets are spread over several requests, never more than one per output sheet unless a single
 *   sheet is itself larger than a request (then its rows are written in slices).
 *
 * Rebuild rule (core/rollup-layout): exactly the sheets carrying the rollup marker in their first
 * rows are replaced; every other sheet — the unit sheets, a user's sheet named "TH …" — is never
 * touched. Atomic as far as Excel allows: the new sheets are written first, under temporary
 * names; only the last request renames the old sheets aside, gives the new ones their names and
 * deletes the old ones. A failure on the way removes what was written and leaves the previous
 * rollup as it was (`restore`). A second run gives the same sheets under the same names.
 */
import { consolidate, type Consolidation, type ConsolidateOptions } from "../core/consolidate";
import type { Grid, RawCell } from "../core/grid";
import { readRollupMarker, type RollupMarker, type RollupSheetKind } from "../core/rollup-layout";
import { uniqueSheetName } from "../core/sheet-names";
import type { ReceivedSource } from "../core/units";
import type { ExcelFeatures } from "./features";
import { writeSheets } from "./render";
import { ACTION_BYTES, DEFAULT_REQUEST_BYTES } from "./request-size";
import { MERGES_UNSUPPORTED_NOTE, readSheets, type ReadOptions } from "./read";

// ---------------------------------------------------------------------------------------------
// Sources: sheets of the open workbook

/**
 * The chosen sheets of the open workbook as Grids (values and displayed text from A1), in the
 * order given (src/excel/read.ts: round trips grow with the bytes read). A name that no longer
 * exists fails the call (ItemNotFound).
 */
export async function readWorkbookSheets(context: Excel.RequestContext, names: readonly string[], options: ReadOptions = {}): Promise<Grid[]> {
  return (await readSheets(context, names, options)).map((r) => r.grid);
}

/**
 * How Tổng hợp reads the unit sheets on this host: with their merged cells where Excel can tell
 * them (ExcelApi 1.13), else without, and `note` says so once (recognition then reads a group
 * header's first column with a warning, as before, never a silent pick).
 */
export function unitSheetReading(features: ExcelFeatures, note: (text: string) => void): Pick<ReadOptions, "merges" | "onNote"> {
  if (!features.mergedAreas) {
    note(MERGES_UNSUPPORTED_NOTE);
    return { merges: false };
  }
  return { merges: true, onNote: note };
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

export { DEFAULT_REQUEST_BYTES } from "./request-size";

export interface RollupWriteOptions extends Omit<ConsolidateOptions, "taken"> {
  features: ExcelFeatures;
  /** Largest request the writer sends, in bytes (estimated on the conservative side). */
  requestBytes?: number;
  /** After each write request: requests sent, of all. */
  onProgress?: (done: number, total: number) => void;
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
  /** Each write request's estimated size in bytes (tests compare them with what office.js sends). */
  requestEstimates: number[];
  /** Vietnamese notes about what this Excel could not apply (older ExcelApi sets). */
  degraded: string[];
}

/**
 * Puts the workbook back as it was before a rebuild that failed: the new sheets written so far
 * (under their temporary names, or already under a final name) go, the previous rollup's sheets
 * get their names back. The last request renames every old sheet aside before any new sheet takes
 * a final name, so a sheet under a final name whose old sheet stands aside is a new one. Best
 * effort: a failure here leaves sheets that carry the rollup marker, replaced by the next rebuild.
 */
async function restore(context: Excel.RequestContext, temporary: readonly string[], old: readonly string[], aside: readonly string[]): Promise<void> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const names = new Set(worksheets.items.map((s) => s.name));
    for (const name of temporary) if (names.has(name)) worksheets.getItem(name).delete();
    old.forEach((name, i) => {
      if (!names.has(aside[i])) return;
      if (names.has(name)) worksheets.getItem(name).delete();
      worksheets.getItem(aside[i]).name = name;
    });
    await context.sync();
  } catch {
    /* the rebuild's own error is the one to report */
  }
}

/**
 * Consolidates `sources` (core/consolidate) and writes the result into the open workbook,
 * replacing the previous rollup's sheets and no other (see the header for the rule and the
 * round trips). Activates the status sheet, or the first rollup sheet when every unit is in
 * order. The new names avoid every remaining sheet's name.
 */
export async function writeRollup(context: Excel.RequestContext, sources: readonly ReceivedSource[], options: RollupWriteOptions): Promise<RollupWriteResult> {
  const { features, requestBytes = DEFAULT_REQUEST_BYTES, onProgress, ...consolidateOptions } = options;
  const listed = await listWorkbookSheets(context);
  const old = listed.filter((s) => s.rollup).map((s) => s.name);
  const remaining = listed.filter((s) => !s.rollup).map((s) => s.name);
  const consolidation = consolidate(sources, { ...consolidateOptions, taken: remaining });
  const output = consolidation.sheets;

  // Names no sheet has or will have: the new sheets are written under temporary ones, and the old
  // ones step aside under others in the last request so that the new ones can take their names.
  const taken = [...listed.map((s) => s.name), ...output.map((s) => s.name)];
  const fresh = (wanted: string) => {
    const name = uniqueSheetName(wanted, taken);
    taken.push(name);
    return name;
  };
  const temporary = output.map((_, i) => fresh(`~CCHC mới ${i + 1}`));
  const aside = old.map((name) => fresh(`~CCHC cũ ${name}`));

  const allOk = consolidation.units.units.every((u) => u.status === "ok");
  const shown = (allOk && output.find((s) => s.kind === "rollup")) || output[0];
  const worksheets = context.workbook.worksheets;
  const degraded = new Set<string>();
  // The last request: the old sheets aside, the new ones under their names, the old ones deleted
  // (the new sheets exist: the workbook keeps a visible sheet), the sheet to show activated.
  const finish = (sheets: Excel.Worksheet[]) => {
    const previous = old.map((name) => worksheets.getItem(name));
    previous.forEach((sheet, i) => (sheet.name = aside[i]));
    sheets.forEach((sheet, i) => (sheet.name = output[i].name));
    for (const sheet of previous) sheet.delete();
    if (shown) sheets[output.indexOf(shown)]?.activate();
  };
  let written;
  try {
    written = await writeSheets(
      context,
      output.map((s, i) => ({ name: temporary[i], layout: s.layout })),
      features,
      degraded,
      { budget: requestBytes, finish, finishBytes: (3 * old.length + output.length + 1) * ACTION_BYTES, ...(onProgress ? { onProgress } : {}) },
    );
  } catch (error) {
    await restore(context, temporary, old, aside);
    throw error;
  }

  return {
    consolidation,
    sheets: output.map((s) => ({ name: s.name, kind: s.kind, ...(s.formId ? { formId: s.formId } : {}) })),
    replaced: old,
    active: shown?.name ?? "",
    writeRequests: written.requests,
    requestEstimates: written.estimates,
    degraded: [...degraded],
  };
}
