/**
 * How a sheet looks, cell by cell, in the Excel stand-in and in an .xlsx read by ExcelJS: the
 * comparison behind "the sheet written through Office.js equals the .xlsx" (test/excel/render and
 * test/excel/rollup).
 */
import ExcelJS from "exceljs";
import { a1 } from "../../src/core/grid";
import type { SheetState } from "./excel-standin";

export interface CellLook {
  content: string | number | null;
  numberFormat: string;
  locked: boolean;
  font: string;
  fill: string | null;
  align: string;
}

export type ExcelJsInternals = ExcelJS.Worksheet & {
  dataValidations: { model: Record<string, ExcelJS.DataValidation> };
  conditionalFormattings: { ref: string; rules: { formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string }; bold?: boolean } } }[] }[];
  sheetProtection: Record<string, unknown> | null;
};

const H: Record<string, string> = { left: "Left", center: "Center", right: "Right" };
const V: Record<string, string> = { top: "Top", middle: "Center", bottom: "Bottom" };
export const rgb = (argb: string | undefined) => (argb ? `#${argb.slice(-6).toUpperCase()}` : null);

/**
 * A text constant shows the same under "@" and under General; the Office.js renderer writes "@"
 * for text cells (typed input would otherwise turn "1.2" into a number), the .xlsx stores the
 * type with the value. Any other number format difference is real.
 */
export function sameNumberFormat(content: string | number | null, office: string, xlsx: string): boolean {
  return office === xlsx || (typeof content === "string" && [office, xlsx].sort().join("|") === "@|General");
}

export function officeLook(sheet: SheetState, r: number, c: number): CellLook {
  const cell = sheet.cell(r, c);
  return {
    content: cell.formula ?? (cell.value as string | number | null),
    numberFormat: cell.numberFormat,
    locked: cell.locked,
    font: `${cell.font.name} ${cell.font.size}${cell.font.bold ? " bold" : ""}${cell.font.italic ? " italic" : ""} ${cell.font.color}`,
    fill: cell.fill,
    align: `${cell.horizontalAlignment}/${cell.verticalAlignment}${cell.wrapText ? " wrap" : ""} indent ${cell.indentLevel}`,
  };
}

export function xlsxLook(ws: ExcelJS.Worksheet, r: number, c: number): CellLook {
  const cell = ws.getCell(r + 1, c + 1);
  const v = cell.value as unknown;
  // ExcelJS reports the top-left value on every cell of a merged area; the file holds it once.
  const content =
    cell.type === ExcelJS.ValueType.Merge || v === null || v === undefined
      ? null
      : typeof v === "object" && "formula" in v
        ? `=${(v as { formula: string }).formula}`
        : (v as string | number);
  const font = cell.font ?? {};
  const fill = cell.fill && cell.fill.type === "pattern" ? rgb(cell.fill.fgColor?.argb) : null;
  const al = cell.alignment ?? {};
  return {
    content,
    numberFormat: cell.numFmt || "General",
    locked: cell.protection?.locked ?? true,
    font: `${font.name ?? "Calibri"} ${font.size ?? 11}${font.bold ? " bold" : ""}${font.italic ? " italic" : ""} ${rgb(font.color?.argb) ?? "#000000"}`,
    fill,
    align: `${al.horizontal ? H[al.horizontal] : "General"}/${V[al.vertical ?? "bottom"]}${al.wrapText ? " wrap" : ""} indent ${al.indent ?? 0}`,
  };
}

/** Border lines a user sees: an edge drawn by either neighbour, minus lines hidden inside merges. */
export function visibleLines(lastRow: number, lastCol: number, has: (r: number, c: number, edge: "top" | "bottom" | "left" | "right") => boolean, merges: { top: number; left: number; bottom: number; right: number }[]): string[] {
  const inside = (r: number, c: number) => merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  const lines: string[] = [];
  for (let r = 0; r <= lastRow + 1; r++)
    for (let c = 0; c <= lastCol + 1; c++) {
      // horizontal line above (r, c); vertical line left of (r, c)
      const above = has(r, c, "top") || (r > 0 && has(r - 1, c, "bottom"));
      const m = inside(r, c);
      if (above && !(m && m === inside(r - 1, c))) lines.push(`h ${a1(r, c)}`);
      const left = has(r, c, "left") || (c > 0 && has(r, c - 1, "right"));
      if (left && !(m && m === inside(r, c - 1))) lines.push(`v ${a1(r, c)}`);
    }
  return lines;
}


/**
 * Every cell-level difference between what Office.js wrote (stand-in state) and what the .xlsx
 * holds, over the layout's area and one row and column beyond it. A merged area shows its
 * top-left cell, so number formats are judged by what that cell holds.
 */
export function cellDifferences(office: SheetState, ws: ExcelJS.Worksheet, layout: { lastRow: number; lastCol: number }, name: string): string[] {
  const differences: string[] = [];
  for (let r = 0; r <= layout.lastRow + 1; r++)
    for (let c = 0; c <= layout.lastCol + 1; c++) {
      const o = officeLook(office, r, c);
      const x = xlsxLook(ws, r, c);
      const m = office.mergeAt(r, c);
      const shown = m ? office.cell(m.top, m.left).value : o.content;
      for (const key of Object.keys(o) as (keyof CellLook)[]) {
        const same = key === "numberFormat" ? sameNumberFormat(shown as string | number | null, o.numberFormat, x.numberFormat) : o[key] === x[key];
        if (!same) differences.push(`${name}!${a1(r, c)} ${key}: Office.js ${JSON.stringify(o[key])} ≠ .xlsx ${JSON.stringify(x[key])}`);
      }
    }
  return differences;
}
