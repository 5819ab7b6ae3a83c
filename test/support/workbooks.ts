/**
 * Workbooks set up for tests of src/excel: our templates inserted and filled as units fill them,
 * arranged directly in the stand-in's model (fast, no request recorded), so that only what the
 * code under test does goes through the office-js client and its limits.
 */
import { rowAppliesAt, type Form } from "../../src/catalog";
import { a1 } from "../../src/core/grid";
import { layoutForm } from "../../src/core/layout";
import { reportLevel } from "../../src/core/levels";
import { insertForms } from "../../src/excel/render";
import type { StandIn } from "./excel-standin";

export { templateFormulas } from "./standin/formulas";

/** A count of the form that the rollup sums (not a total, not a shared catalogue). */
export function summedCount(form: Form) {
  return form.rows.find((r) => r.kind === "count" && !r.relation && (!r.rollup || r.rollup.type === "sum"));
}

/**
 * Adds one template of `form` per unit (sheet named like the unit, the unit in its header) and
 * fills every input count of the first value column with `value(unit index, row index)` — the rows
 * of the unit's level: the template locks the others ("Không áp dụng cho cấp …", core/layout).
 * Returns the sheet names.
 */
export async function unitSheets(standIn: StandIn, form: Form, units: readonly string[], value: (unit: number, row: number) => number = (u, r) => u + r + 1): Promise<string[]> {
  const arrange = standIn.arrange();
  const inserted = await insertForms(arrange, units.map((unit) => ({ name: unit, layout: layoutForm(form, { unit }) })), standIn.features, Infinity);
  const layout = layoutForm(form);
  const column = form.columns.find((c) => c.role === "value")!;
  const col = layout.colIndex.get(column.id)!;
  inserted.sheets.forEach(({ name }, u) => {
    const sheet = arrange.workbook.worksheets.getItem(name);
    const level = reportLevel(form, units[u]);
    form.rows.forEach((row, r) => {
      if (row.kind !== "count" || row.relation || !rowAppliesAt(row, level)) return;
      sheet.getRange(a1(layout.rowIndex.get(row.id)!, col)).values = [[value(u, r)]];
    });
  });
  await arrange.sync();
  return inserted.sheets.map((s) => s.name);
}
