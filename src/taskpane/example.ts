/**
 * «Tải bộ tệp ví dụ»: one .xlsx with three communes' filled copies of Phụ lục 3 (Tổng kết CCHC
 * 2011-2020, cấp xã), one sheet per unit, to try Kiểm tra, Tổng hợp and Chỉ tiêu without real
 * reports. The third unit typed «abc» where Đạt/Không đạt is expected — the deliberate mistake
 * Kiểm tra finds. Built with the same templates the pane inserts (workspace.ts + workspace-io.ts);
 * loaded with import() only when the user asks for it.
 */
import { findForm } from "../catalog";
import { a1 } from "../core/grid";
import { layoutForm } from "../core/layout";
import { PaneError } from "./backend";
import { Workspace, type WorkspaceSheet } from "./workspace";

export const EXAMPLE_FILE = "vi-du-cchc-phu-luc-3-cap-xa.xlsx";
export const EXAMPLE_FORM = "tk2011-2020.xa.pl3";
export const EXAMPLE_PERIOD = "Năm 2020";

export interface ExampleUnit {
  sheet: string;
  unit: string;
  /** Row index (in the form's order) → what the unit typed; other rows: "Đạt". */
  typed: Record<number, string>;
}

/** The three units; the third one's «abc» is the deliberate mistake. */
export const EXAMPLE_UNITS: readonly ExampleUnit[] = [
  { sheet: "Xã Cát Tân", unit: "UBND xã Cát Tân", typed: { 1: "Không đạt" } },
  { sheet: "Xã Cát Hanh", unit: "UBND xã Cát Hanh", typed: { 4: "Không đạt", 5: "Không đạt" } },
  { sheet: "Xã Cát Sơn", unit: "UBND xã Cát Sơn", typed: { 2: "abc" } },
];

/** The sheet and cell of the deliberate mistake. */
export function exampleMistake(): { sheet: string; cell: string; text: string } {
  const unit = EXAMPLE_UNITS[2];
  const form = exampleForm();
  const layout = layoutForm(form, { unit: unit.unit, period: EXAMPLE_PERIOD });
  const col = layout.colIndex.get(form.columns.find((c) => c.role === "value")!.id)!;
  return { sheet: unit.sheet, cell: a1(layout.rowIndex.get(form.rows[2].id)!, col), text: "abc" };
}

function exampleForm() {
  const form = findForm(EXAMPLE_FORM);
  if (!form) throw new PaneError("Không tìm thấy mẫu phụ lục của bộ tệp ví dụ.", "Hãy tải lại trang rồi thử lại.");
  return form;
}

/** The example sheets: each unit's filled template, named after the unit. */
export function exampleSheets(): WorkspaceSheet[] {
  const form = exampleForm();
  const value = form.columns.find((c) => c.role === "value")!;
  const ws = new Workspace();
  return EXAMPLE_UNITS.map((unit) => {
    const [added] = ws.addTemplates([form], { unit: unit.unit, period: EXAMPLE_PERIOD });
    const layout = ws.sheet(added.name)!.layout!;
    const col = layout.colIndex.get(value.id)!;
    form.rows.forEach((row, i) => {
      const at = layout.rowIndex.get(row.id);
      if (at === undefined || row.relation) return;
      ws.setCell(added.name, a1(at, col), unit.typed[i] ?? "Đạt");
    });
    const sheet = ws.sheet(added.name)!;
    return { ...sheet, name: unit.sheet, grid: { ...sheet.grid, sheet: unit.sheet } };
  });
}

/** The example workbook as .xlsx bytes. */
export async function exampleWorkbook(): Promise<Uint8Array> {
  const { workspaceToXlsx } = await import(/* webpackChunkName: "workspace-io" */ "./workspace-io");
  return workspaceToXlsx(exampleSheets());
}
