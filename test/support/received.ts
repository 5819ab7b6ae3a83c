/**
 * Received workbooks for the consolidation tests and benchmarks: our templates (templateWorkbook)
 * with values typed into them, saved the way Excel saves them — typed values in the input cells,
 * and the template's total formulas kept, with their calculated result cached.
 *
 *   const filler = await TemplateFiller.create([pl3, pl8], { period: "Năm 2020" });
 *   const bytes = await filler.write("UBND huyện Ia Pa", { "tk2011-2020.huyen.pl3": { "pakn-tiep-nhan": { y2019: 12 } } });
 *
 * One filler writes any number of units: the template is loaded once, each unit overwrites every
 * input cell (cells a unit did not type are cleared).
 */
import ExcelJS from "exceljs";
import { inputColumns, type Form } from "../../src/catalog/schema";
import { layoutForm, type SheetLayout } from "../../src/core/layout";
import { defaultSheetName, uniqueSheetName } from "../../src/core/sheet-names";
import { templateWorkbook } from "../../src/xlsx/templates";

export type Typed = string | number;
/** rowId → columnId → what the unit typed. */
export type FormValues = Record<string, Record<string, Typed>>;
/** formId → the values typed into that form. */
export type UnitValues = Record<string, FormValues>;

export interface FilledSheet {
  form: Form;
  sheet: string;
  layout: SheetLayout;
  /** "row:col" (0-based) → the template's formula there. */
  formulas: Map<string, string>;
}

export class TemplateFiller {
  private constructor(
    private readonly workbook: ExcelJS.Workbook,
    readonly sheets: FilledSheet[],
  ) {}

  static async create(forms: readonly Form[], options: { period?: string } = {}): Promise<TemplateFiller> {
    const workbook = new ExcelJS.Workbook();
    const bytes = await templateWorkbook(forms, options);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const taken: string[] = [];
    const sheets = forms.map((form) => {
      const sheet = uniqueSheetName(defaultSheetName(form), taken);
      taken.push(sheet);
      const layout = layoutForm(form, options);
      const formulas = new Map(layout.cells.filter((x) => x.formula).map((x) => [`${x.row}:${x.col}`, x.formula!]));
      return { form, sheet, layout, formulas };
    });
    return new TemplateFiller(workbook, sheets);
  }

  /** The unit's workbook (.xlsx bytes): `unit` typed into the unit cell of every sheet. */
  async write(unit: string | undefined, values: UnitValues): Promise<Uint8Array> {
    for (const { form, sheet, layout, formulas } of this.sheets) {
      const ws = this.workbook.getWorksheet(sheet)!;
      ws.getCell(layout.unitCell.row + 1, layout.unitCell.col + 1).value = unit ?? null;
      const typed = values[form.id] ?? {};
      const totals = new Map<string, Map<string, number | null>>();
      const valueOf = (rowId: string, columnId: string): number | null => {
        const row = form.rows.find((r) => r.id === rowId)!;
        if (row.relation?.type === "sum") {
          const cached = totals.get(rowId)?.get(columnId);
          if (cached !== undefined) return cached;
          const parts = row.relation.of.map((id) => valueOf(id, columnId)).filter((v): v is number => v !== null);
          const sum = parts.length ? parts.reduce((a, b) => a + b, 0) : null;
          if (!totals.has(rowId)) totals.set(rowId, new Map());
          totals.get(rowId)!.set(columnId, sum);
          return sum;
        }
        const v = typed[rowId]?.[columnId];
        return typeof v === "number" ? v : null;
      };
      for (const row of form.rows) {
        const r = layout.rowIndex.get(row.id);
        if (r === undefined || row.kind === "heading") continue;
        for (const column of inputColumns(form)) {
          const c = layout.colIndex.get(column.id);
          if (c === undefined) continue;
          const cell = ws.getCell(r + 1, c + 1);
          const formula = formulas.get(`${r}:${c}`);
          if (formula && typed[row.id]?.[column.id] === undefined) {
            const result = valueOf(row.id, column.id);
            cell.value = { formula, result: result ?? "" } as ExcelJS.CellFormulaValue;
          } else cell.value = typed[row.id]?.[column.id] ?? null;
        }
      }
    }
    return new Uint8Array((await this.workbook.xlsx.writeBuffer()) as ArrayBuffer);
  }
}
