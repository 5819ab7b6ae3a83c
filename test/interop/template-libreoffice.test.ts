/**
 * The templates we write, opened by real LibreOffice: parts typed in, recalculated, saved as
 * .xlsx, .xls and .ods, and read back. Labels, merges, the marker, native validations and the
 * formula totals must all survive, and the totals must equal the parts typed.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { FORMS } from "../../src/catalog";
import { a1, type Grid } from "../../src/core/grid";
import { layoutForm, type SheetLayout } from "../../src/core/layout";
import { readMarker } from "../../src/core/metadata";
import { defaultSheetName, uniqueSheetName } from "../../src/core/sheet-names";
import { templateWorkbook } from "../../src/xlsx/templates";
import { readWorkbook } from "../../src/xlsx/read";
import { libreOfficeFill, tempDir, type Fill, type Format } from "../support/libreoffice";

interface Expectation {
  sheet: string;
  layout: SheetLayout;
  /** A1 of a total → the sum of the parts typed into it. */
  totals: Map<string, number>;
}

const dir = tempDir();
const expectations: Expectation[] = [];
const fills: Fill[] = [];
const read: Partial<Record<Format, Grid[]>> = {};

beforeAll(async () => {
  const taken: string[] = [];
  for (const form of FORMS) {
    const sheet = uniqueSheetName(defaultSheetName(form), taken);
    taken.push(sheet);
    const layout = layoutForm(form, { unit: "UBND xã Thử", period: "Năm 2020" });
    const totals = new Map<string, number>();
    let next = 3;
    for (const row of form.rows) {
      if (row.relation?.type !== "sum") continue;
      for (const column of form.columns.filter((c) => c.role === "value")) {
        const col = layout.colIndex.get(column.id)!;
        let sum = 0;
        for (const part of row.relation.of) {
          const partRow = form.rows.find((r) => r.id === part)!;
          if (partRow.relation?.type === "sum") continue; // nested totals fill themselves
          const value = next++;
          sum += value;
          fills.push({ sheet, cell: a1(layout.rowIndex.get(part)!, col), value });
        }
        totals.set(a1(layout.rowIndex.get(row.id)!, col), sum);
      }
    }
    expectations.push({ sheet, layout, totals });
  }
  const template = join(dir, "template.xlsx");
  writeFileSync(template, await templateWorkbook(FORMS, { unit: "UBND xã Thử", period: "Năm 2020" }));
  const outputs = (["xlsx", "xls", "ods"] as const).map((format) => ({ format, path: join(dir, `filled.${format}`) }));
  libreOfficeFill(template, fills, outputs);
  for (const { format, path } of outputs) {
    const result = readWorkbook(new Uint8Array(readFileSync(path)), path);
    if (!result.ok) throw new Error(`${format}: ${result.reason}`);
    read[format] = result.sheets;
  }
});

function value(grid: Grid, row: number, col: number): unknown {
  return grid.cells[row]?.[col]?.value ?? null;
}

describe.each(["xlsx", "xls", "ods"] as const)("a template filled and saved by LibreOffice as .%s", (format) => {
  it("keeps every sheet, title, label, marker and the unit typed in the header", () => {
    const grids = read[format]!;
    for (const { sheet, layout } of expectations) {
      const grid = grids.find((g) => g.sheet === sheet);
      expect(grid).toBeDefined();
      const form = FORMS.find((f) => f.id === layout.formId)!;
      expect(value(grid!, 1, 0)).toBe(form.title);
      for (const row of form.rows) {
        const labelCol = form.sttHeader === undefined ? 0 : 1;
        expect(value(grid!, layout.rowIndex.get(row.id)!, labelCol)).toBe(row.label);
      }
      expect(readMarker(grid!)?.formId).toBe(form.id);
      expect(value(grid!, layout.unitCell.row, layout.unitCell.col)).toBe("UBND xã Thử");
      expect(grid!.merges).toContainEqual({ top: 1, left: 0, bottom: 1, right: layout.table.right });
    }
  });

  it("recalculates every total to the sum of the parts typed", () => {
    const grids = read[format]!;
    let checked = 0;
    for (const { sheet, totals } of expectations) {
      const grid = grids.find((g) => g.sheet === sheet)!;
      for (const [address, sum] of totals) {
        const m = /^([A-Z]+)(\d+)$/.exec(address)!;
        const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        expect({ address, value: value(grid, Number(m[2]) - 1, col) }).toEqual({ address, value: sum });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe("native validation after a LibreOffice round trip (.xlsx)", () => {
  it("keeps the typed input rules and their Vietnamese messages", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "filled.xlsx"));
    let checked = 0;
    for (const { sheet, layout } of expectations) {
      const ws = workbook.getWorksheet(sheet)!;
      for (const v of layout.validations) {
        const dv = ws.getCell(v.top + 1, v.left + 1).dataValidation;
        expect({ sheet, cell: a1(v.top, v.left), type: dv?.type }).toEqual({ sheet, cell: a1(v.top, v.left), type: v.type });
        if (v.type === "list") expect(String(dv.formulae?.[0]).replace(/"/g, "")).toBe(v.list!.join(","));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
