/**
 * Files in and out of the standalone workspace. The xlsx libraries (ExcelJS to write, SheetJS to
 * read) are loaded with `import()` only when the user opens or downloads a file, so the pane's
 * first paint stays small.
 */
import type { Grid } from "../core/grid";
import { isWordFile } from "../core/messages";
import type { WorkspaceSheet } from "./workspace";
import { PaneError } from "./backend";
import { ACCEPTED_FORMATS } from "./accepted-files";

/**
 * Reads an .xlsx/.xlsm/.xls/.ods (or the HTML/XML "xls" of web systems) into grids, or a Word
 * .docx — one grid per table — in a read worker (the page stays responsive; a broken file is
 * stopped at its time budget).
 */
export async function readFileGrids(name: string, bytes: Uint8Array): Promise<Grid[]> {
  const [{ readGridsIn }, { readPool }] = await Promise.all([import(/* webpackChunkName: "read-pool" */ "../xlsx/pool"), import("./read-pool")]);
  const pool = await readPool(1);
  let result;
  try {
    result = await readGridsIn(pool, { name, bytes });
  } finally {
    void pool.terminate();
  }
  if (!result.ok) {
    throw new PaneError(
      `Không mở được tệp «${name}»: ${result.reason}.`,
      result.failure === "password"
        ? `Hãy mở tệp bằng ${isWordFile(name) ? "Word" : "Excel hoặc LibreOffice"}, gỡ mật khẩu, lưu lại rồi mở lại ở đây.`
        : result.failure === "unsupported-format"
          ? `Hãy chọn một tệp bảng tính hoặc văn bản Word (${ACCEPTED_FORMATS}).`
          : `Hãy chọn một tệp bảng tính hoặc văn bản Word (${ACCEPTED_FORMATS}); nếu tệp do đơn vị khác gửi, hãy nhờ họ lưu lại dạng .xlsx (hoặc .docx) rồi gửi lại.`,
    );
  }
  return result.sheets;
}

type ExcelJSModule = typeof import("exceljs");

/** Writes the values and merges of a sheet read from a file (its own formatting is not kept). */
function writeGridSheet(workbook: import("exceljs").Workbook, sheet: WorkspaceSheet): void {
  const ws = workbook.addWorksheet(sheet.name);
  sheet.grid.cells.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(r + 1, c + 1);
      const value = cell.value;
      if (cell.formula) {
        // The file's own formula, with its cached result; recalculated when the file is opened.
        target.value = {
          formula: cell.formula.replace(/^=/, ""),
          ...(value !== null && value !== undefined ? { result: value as string | number | boolean } : {}),
        } as import("exceljs").CellFormulaValue;
      } else if (value !== null && value !== undefined && value !== "") {
        // Text is written as text (ExcelJS never reads "=…" in a string as a formula).
        target.value = value;
      }
    });
  });
  for (const m of sheet.grid.merges ?? []) {
    if (m.bottom > m.top || m.right > m.left) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
}

/** Template formula cells whose total the workspace computed: row, col, value. */
function computedTotals(sheet: WorkspaceSheet): { row: number; col: number; formula: string; value: number }[] {
  const out: { row: number; col: number; formula: string; value: number }[] = [];
  for (const cell of sheet.layout?.cells ?? []) {
    const value = cell.formula ? sheet.grid.cells[cell.row]?.[cell.col]?.value : undefined;
    if (cell.formula && typeof value === "number") out.push({ row: cell.row, col: cell.col, formula: cell.formula, value });
  }
  return out;
}

/**
 * The workspace as one .xlsx: templates exactly as the add-in writes them (styles, validations,
 * formulas, protection) with the values typed into them and their totals' results cached (so
 * readers that do not recalculate, such as SheetJS, see them); sheets of opened files as values
 * and merges; in workspace order.
 */
export async function workspaceToXlsx(sheets: readonly WorkspaceSheet[]): Promise<Uint8Array> {
  if (sheets.length === 0) throw new PaneError("Chưa có trang tính nào để tải về.", "Hãy chèn một phụ lục hoặc mở một tệp trước.");
  const { writeTemplates } = await import(/* webpackChunkName: "xlsx-write" */ "../xlsx/write");
  const templates = sheets.filter((s) => s.layout);
  const totals = new Map(templates.map((s) => [s.name, computedTotals(s)]));
  const templateBytes = templates.length ? await writeTemplates(templates.map((s) => ({ name: s.name, layout: s.layout! }))) : undefined;
  const needsPass = templates.length < sheets.length || [...totals.values()].some((t) => t.length > 0);
  if (templateBytes && !needsPass) return templateBytes;

  // ExcelJS keeps what writeTemplates wrote through a load/write (styles, merges, validations,
  // conditional formats, protection, print titles: checked in test/pane/backends.test.ts).
  const mod = (await import(/* webpackChunkName: "xlsx-write" */ "exceljs")) as ExcelJSModule & { default?: ExcelJSModule };
  const ExcelJS = mod.default ?? mod;
  const workbook = new ExcelJS.Workbook();
  if (templateBytes) {
    await workbook.xlsx.load(templateBytes.buffer.slice(templateBytes.byteOffset, templateBytes.byteOffset + templateBytes.byteLength) as ArrayBuffer);
  }
  workbook.creator = "CCHC Phụ lục";
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const [name, list] of totals) {
    const ws = workbook.getWorksheet(name);
    for (const t of list) if (ws) ws.getCell(t.row + 1, t.col + 1).value = { formula: t.formula, result: t.value } as import("exceljs").CellFormulaValue;
  }
  for (const sheet of sheets) if (!sheet.layout) writeGridSheet(workbook, sheet);
  // Workspace order (templates were written first).
  sheets.forEach((s, i) => {
    const ws = workbook.getWorksheet(s.name);
    // orderNo is how ExcelJS orders sheets on write (not in its typings).
    if (ws) (ws as unknown as { orderNo: number }).orderNo = i;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Lets the browser save the bytes under `fileName`. */
export function saveBytes(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
