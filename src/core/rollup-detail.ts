/**
 * A rollup's detail sheet read back (the sheet `layoutDetailSheet` writes: one row per form row and
 * input column, one column per unit, each unit's value as it was read). What a rollup sheet shows
 * as "Đạt: 2/3" is told unit by unit here, so a province can see which communes did not rate a
 * goal Đạt.
 *
 * Rows are matched by the form row's label and the column's label as written, in form order (two
 * rows printed with the same label are told apart by their order); the sheet's header row is found
 * by its fixed headers, wherever the user scrolled or froze it. A sheet that is not a detail sheet
 * of the form, or whose header is gone, gives undefined.
 */
import { inputColumns, type Form } from "../catalog/schema";
import type { Grid, RawCell } from "./grid";
import { cleanText } from "./normalize";
import { DETAIL_FIXED, DETAIL_NOT_USED_HEADING, readRollupMarker } from "./rollup-layout";

export interface DetailValues {
  /** The units, in the sheet's column order. */
  units: string[];
  /** rowId → columnId → each unit's cell (in the order of `units`), as read. */
  cells: Map<string, Map<string, (RawCell | null)[]>>;
}

const text = (cell: RawCell | null | undefined): string =>
  cell && (typeof cell.value === "string" || typeof cell.value === "number") ? cleanText(String(cell.value)) : "";

export function readDetailSheet(grid: Grid, form: Form): DetailValues | undefined {
  const marker = readRollupMarker(grid);
  if (marker?.kind !== "detail" || marker.formId !== form.id) return undefined;
  const header = grid.cells.findIndex((row) => DETAIL_FIXED.every((h, c) => text(row?.[c]) === h));
  if (header < 0) return undefined;
  const headRow = grid.cells[header] ?? [];
  const units: string[] = [];
  for (let c = DETAIL_FIXED.length; text(headRow[c]); c++) units.push(text(headRow[c]));

  const columns = inputColumns(form);
  const cells = new Map<string, Map<string, (RawCell | null)[]>>();
  let at = 0; // form rows are written in order: search forward from the last row matched
  for (let r = header + 1; r < grid.cells.length; r++) {
    const row = grid.cells[r] ?? [];
    if (text(row[0]) === DETAIL_NOT_USED_HEADING) break;
    const label = text(row[1]);
    const column = columns.find((c) => cleanText(c.label) === text(row[2]));
    if (!label || !column) continue;
    let k = at;
    while (k < form.rows.length && (cleanText(form.rows[k].label) !== label || cells.get(form.rows[k].id)?.has(column.id))) k++;
    if (k >= form.rows.length) continue;
    at = k;
    const byColumn = cells.get(form.rows[k].id) ?? new Map<string, (RawCell | null)[]>();
    byColumn.set(
      column.id,
      units.map((_, u) => row[DETAIL_FIXED.length + u] ?? null),
    );
    cells.set(form.rows[k].id, byColumn);
  }
  return { units, cells };
}
