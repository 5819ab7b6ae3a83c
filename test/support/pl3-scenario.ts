/**
 * What the pane scenarios (Excel, Google Sheets, the Sheets server) share: where a form's cell is
 * in our template, PL3's cells the scenarios type into, and a unit's filled PL3 as the .xlsx the
 * standalone mode downloads (a received file).
 */
import { findForm } from "../../src/catalog";
import { a1 } from "../../src/core/grid";
import { layoutForm } from "../../src/core/layout";
import { defaultSheetName } from "../../src/core/sheet-names";
import { StandaloneBackend } from "../../src/taskpane/standalone-backend";

export const PL1 = "tk2011-2020.huyen.pl1";
export const PL3 = "tk2011-2020.huyen.pl3";
export const PL8 = "tk2011-2020.huyen.pl8";
export const PL3_SHEET = defaultSheetName(findForm(PL3)!); // "Phụ lục 3"

/** The cell of a form's row in a value column (A1, as the template lays it out). */
export function cellOf(formId: string, rowId: string, columnId?: string): string {
  const form = findForm(formId)!;
  const layout = layoutForm(form);
  const column = columnId ?? form.columns.find((c) => c.role === "value")!.id;
  return a1(layout.rowIndex.get(rowId)!, layout.colIndex.get(column)!);
}

const pl3 = findForm(PL3)!;
/** A count of PL3 the rollup sums across units; the first part of a total row. */
export const SUMMED = cellOf(PL3, pl3.rows.find((r) => r.kind === "count" && !r.relation && (!r.rollup || r.rollup.type === "sum"))!.id);
export const PART = cellOf(PL3, pl3.rows.find((r) => r.relation?.type === "sum" && r.kind === "count")!.relation!.of[0]);

/** A unit's filled PL3, as the standalone mode downloads it (a received file). */
export async function receivedFile(unit: string, value: number): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const backend = new StandaloneBackend();
  await backend.insertForms({ formIds: [PL3], unit, period: "Năm 2020" });
  backend.workspace.setCell(PL3_SHEET, SUMMED, String(value));
  return { name: `${unit}.xlsx`, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from((await backend.download!()).bytes) };
}
