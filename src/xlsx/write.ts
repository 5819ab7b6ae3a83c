/**
 * Renders sheet layouts to an .xlsx file with ExcelJS. ExcelJS is used for writing because it
 * keeps styles, merges, data validations, conditional formats and sheet protection through
 * LibreOffice round trips (.xlsx/.xls/.ods); reading received files is SheetJS's job (read.ts).
 */
// ExcelJS is loaded when a workbook is written through it, not with this module (CLI start-up).
import type ExcelJS from "exceljs";
import { a1 } from "../core/grid";
import { MARK_COLORS, STYLES, type CellStyle, type SheetLayout } from "../core/layout";
import { isPlainLayout, writePlainSheets, type DeflateRaw } from "./write-plain";

export interface SheetToWrite {
  name: string;
  layout: SheetLayout;
}


function argb(rgb: string): string {
  return `FF${rgb}`;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle, numberFormat: string | undefined): void {
  cell.font = {
    name: "Times New Roman",
    size: style.size ?? 12,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italic: true } : {}),
    ...(style.color ? { color: { argb: argb(style.color) } } : {}),
  };
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  cell.alignment = {
    ...(style.horizontal ? { horizontal: style.horizontal } : {}),
    vertical: style.vertical ?? "middle",
    ...(style.wrap ? { wrapText: true } : {}),
    ...(style.indent ? { indent: style.indent } : {}),
  };
  if (style.border) {
    const thin = { style: "thin" as const };
    cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (numberFormat) cell.numFmt = numberFormat;
  cell.protection = { locked: style.locked };
}

function renderSheet(workbook: ExcelJS.Workbook, sheet: SheetToWrite): void {
  const { layout } = sheet;
  const ws = workbook.addWorksheet(sheet.name, {
    views: [{ state: "frozen", xSplit: layout.frozenCols, ySplit: layout.frozenRows }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${layout.printTitleRows[0] + 1}:${layout.printTitleRows[1] + 1}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  layout.widths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  ws.getColumn(layout.markerCell.col + 1).hidden = true;
  const flags = ws.getColumn(layout.flagsCol + 1);
  flags.hidden = true;
  flags.protection = { locked: false }; // validation marks are written here on a protected sheet
  for (const [row, height] of Object.entries(layout.heights)) ws.getRow(Number(row) + 1).height = height;

  for (const spec of layout.cells) {
    const cell = ws.getCell(spec.row + 1, spec.col + 1);
    if (spec.formula) cell.value = { formula: spec.formula, date1904: false } as ExcelJS.CellFormulaValue;
    else if (spec.value !== null && spec.value !== "") cell.value = spec.value; // "" would be a non-blank cell
    applyStyle(cell, STYLES[spec.style], spec.numberFormat);
  }
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);

  for (const v of layout.validations) {
    for (let col = v.left; col <= v.right; col++) {
      for (let row = v.top; row <= v.bottom; row++) {
        const base = {
          allowBlank: true,
          showInputMessage: true,
          promptTitle: v.promptTitle,
          prompt: v.prompt,
          showErrorMessage: true,
          errorStyle: "stop" as const,
          errorTitle: v.errorTitle,
          error: v.error,
        };
        ws.getCell(row + 1, col + 1).dataValidation =
          v.type === "list"
            ? { ...base, type: "list", formulae: [`"${v.list!.join(",")}"`] }
            : { ...base, type: v.type, operator: "between", formulae: [v.min ?? 0, v.max ?? 0] };
      }
    }
  }
  for (const cf of layout.conditionalFormats) {
    ws.addConditionalFormatting({
      ref: `${a1(cf.top, cf.left)}:${a1(cf.bottom, cf.right)}`,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [cf.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(MARK_COLORS[cf.severity ?? "error"].fill) } },
            font: { color: { argb: argb(MARK_COLORS[cf.severity ?? "error"].font) }, bold: true },
          },
        },
      ],
    });
  }
  // Protection without a password: locked cells are guarded against slips, yet any user can lift it.
  if (layout.protect === false) return;
  void ws.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    formatCells: false,
  });
}

/**
 * Writes the sheets, in order, to a new workbook and returns the .xlsx bytes. Plain layouts only
 * (a rollup's sheets: no formulas, validations, conditional formats or protection) go through the
 * fast writer of write-plain.ts, which writes the same workbook; anything else through ExcelJS.
 */
export async function writeTemplates(sheets: SheetToWrite[], options: { deflate?: DeflateRaw } = {}): Promise<Uint8Array> {
  if (sheets.length && sheets.every((s) => isPlainLayout(s.layout))) return writePlainSheets(sheets, undefined, options.deflate);
  return writeWithExcelJs(sheets);
}

/** The ExcelJS rendering of any layouts (exported for the tests that compare the two writers). */
export async function writeWithExcelJs(sheets: SheetToWrite[]): Promise<Uint8Array> {
  const mod = (await import("exceljs")) as typeof ExcelJS & { default?: typeof ExcelJS };
  const workbook = new (mod.default ?? mod).Workbook();
  workbook.creator = "CCHC Phụ lục";
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of sheets) renderSheet(workbook, sheet);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
