/**
 * Every visible sheet of the open workbook as core Grids, for Chỉ tiêu inside Excel (Kiểm tra
 * uses src/excel/validate, which also marks the cells). Two round trips whatever the number of
 * sheets: 1. names and visibility, 2. every used range (values, text, formulas) at once.
 * Belongs with src/excel when that layer grows a reader of its own.
 */
import type { Grid, RawCell } from "../core/grid";

export async function readWorkbookGrids(context: Excel.RequestContext): Promise<Grid[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  const visible = sheets.items.filter((s) => s.visibility === "Visible");
  const ranges = visible.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(false);
    range.load("rowIndex,columnIndex,values,text,formulas");
    return { sheet, range };
  });
  await context.sync();
  return ranges.map(({ sheet, range }) => {
    const cells: (RawCell | null)[][] = [];
    if (!range.isNullObject) {
      const values = range.values as unknown[][];
      const text = range.text as string[][];
      const formulas = range.formulas as unknown[][];
      for (let r = 0; r < range.rowIndex; r++) cells.push([]);
      values.forEach((row, r) => {
        const out: (RawCell | null)[] = new Array<RawCell | null>(range.columnIndex).fill(null);
        row.forEach((value, c) => {
          const f = formulas[r]?.[c];
          const formula = typeof f === "string" && f.startsWith("=") ? f.slice(1) : undefined;
          const v = value === "" || value === undefined ? null : (value as RawCell["value"]);
          if (v === null && !formula) {
            out.push(null);
            return;
          }
          const t = text[r]?.[c];
          out.push({ value: v, ...(typeof t === "string" && t !== "" ? { text: t } : {}), ...(formula ? { formula } : {}) });
        });
        cells.push(out);
      });
    }
    return { sheet: sheet.name, cells };
  });
}
