/**
 * "Tổng hợp" in Google Sheets, server side. The sidebar consolidates (core/consolidate, with the
 * received files read in the browser by the same reader as the standalone pane) and sends the
 * output sheets as row slices of their plans; the server only lists, renames, writes and deletes
 * sheets, each call short enough for Apps Script's 6-minute limit:
 *
 *   listSheets   every sheet with the rollup marker of those a rollup wrote (first rows read);
 *   start        the previous rollup's sheets step aside under names no sheet has;
 *   write        pieces: rows of a sheet's cells block (adding the sheet first), or its finish;
 *   finish       the sheets set aside are deleted, the shown sheet activated;
 *   abort        (cancel or failure) the new sheets are deleted and the old ones get their names
 *                back — the spreadsheet is as it was.
 *
 * Rebuild rule (core/rollup-layout): exactly the sheets carrying the rollup marker are replaced;
 * every other sheet is never touched.
 */
import { readRollupMarker } from "../core/rollup-layout";
import { uniqueSheetName } from "../core/sheet-names";
import type { Grid, RawCell } from "../core/grid";
import { finishSheet, writeRows, type TextNotKeptError } from "./render";
import type { ListedSheet, RollupPiece } from "./wire";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Rows in which a rollup marker is looked for (core/rollup-layout's `readRollupMarker`). */
const MARKER_ROWS = 8;

/** Every sheet, in order, with the rollup marker of those a rollup wrote: one read per sheet. */
export function listSheets(ss: Spreadsheet): ListedSheet[] {
  return ss.getSheets().map((sheet) => {
    const rows = Math.min(MARKER_ROWS, sheet.getLastRow());
    const cols = sheet.getLastColumn();
    let marker;
    if (rows > 0 && cols > 0) {
      const values = sheet.getRange(1, 1, rows, cols).getValues();
      const grid: Grid = { sheet: sheet.getName(), cells: values.map((row) => row.map((v): RawCell | null => (v === "" || v === null ? null : { value: v instanceof Date ? String(v) : (v as RawCell["value"]) }))) };
      marker = readRollupMarker(grid, MARKER_ROWS);
    }
    return { name: sheet.getName(), hidden: sheet.isSheetHidden(), ...(marker ? { rollup: marker } : {}) };
  });
}

function sheetOrThrow(ss: Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`Sheet not found: ${name}`);
  return sheet;
}

/** Renames the sheets to replace out of the way (names that neither exist nor are in `avoid`). */
export function startRollup(ss: Spreadsheet, replace: readonly string[], avoid: readonly string[]): { aside: string[] } {
  const taken = [...ss.getSheets().map((s) => s.getName()), ...avoid];
  const aside = replace.map((name) => {
    const next = uniqueSheetName(`~CCHC cũ ${name}`, taken);
    taken.push(next);
    sheetOrThrow(ss, name).setName(next);
    return next;
  });
  return { aside };
}

/** Writes the pieces in order (each piece: add the sheet at the end if asked, its rows, its finish). */
export function writePieces(ss: Spreadsheet, pieces: readonly RollupPiece[]): void {
  for (const piece of pieces) {
    const sheet = piece.add ? ss.insertSheet(piece.name, ss.getSheets().length) : sheetOrThrow(ss, piece.name);
    if (piece.rows) writeRows(sheet, piece.rows);
    if (piece.finish) finishSheet(sheet, piece.finish);
  }
}

/** Deletes the old sheets set aside and shows `active`. */
export function finishRollup(ss: Spreadsheet, aside: readonly string[], active?: string): void {
  // Show a new sheet first: a spreadsheet must keep one visible sheet, and deleting the active one
  // would leave the user somewhere else.
  const shown = active ? ss.getSheetByName(active) : null;
  shown?.activate();
  for (const name of aside) {
    const sheet = ss.getSheetByName(name);
    if (sheet) ss.deleteSheet(sheet);
  }
}

/** Undoes a rollup in progress: the new sheets go, the old ones get their names back. */
export function abortRollup(ss: Spreadsheet, created: readonly string[], replace: readonly string[], aside: readonly string[]): void {
  // Restore the old names first, so the spreadsheet keeps a visible sheet throughout.
  const createdNow = created.flatMap((name) => {
    const sheet = ss.getSheetByName(name);
    return sheet ? [sheet] : [];
  });
  // A new sheet may hold an old sheet's name: move it aside before renaming back.
  createdNow.forEach((sheet, i) => sheet.setName(`~CCHC huỷ ${i + 1} ${Date.now() % 100000}`));
  aside.forEach((name, i) => ss.getSheetByName(name)?.setName(replace[i]));
  for (const sheet of createdNow) ss.deleteSheet(sheet);
}

export type { TextNotKeptError };
