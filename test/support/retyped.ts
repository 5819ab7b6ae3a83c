/**
 * The periodic statistics form (seed 003) as a unit's officer retypes it: their own title block,
 * a table that may start anywhere, and — as Vietnamese statistical tables often do — a comparison
 * column beside this period's figures under a merged "Số liệu" header. Plain values and merges,
 * so the same sheet can be handed to recognition as a Grid, or written by openpyxl or LibreOffice.
 *
 *   const sheet = retypedPeriodic({ header: "ky-truoc-ky-nay", top: ["(Kèm theo Báo cáo số 77/BC-UBND … của UBND phường Hòa Khánh)"] });
 *   sheet.rows      // V[][]: one array per sheet row
 *   sheet.expected  // rowId → what "this period" means (the values that must be read)
 *
 * Values: this period is what unit 0 (or `unit`) of test/support/unit-values types (totals typed, rules
 * kept); the comparison column holds other values in every row (counts + 1000, percents 10–59,
 * the other 0/1, the next code), so reading the wrong column always shows.
 */
import { findForm, type Form } from "../../src/catalog";
import { a1, type Grid, type MergeRange, type RawCell } from "../../src/core/grid";
import { unitEntries, type Meaning, type FormEntries } from "./unit-values";

export type V = string | number | null;

export const PERIODIC: Form = findForm("bao-cao-dinh-ky.thong-ke")!;

export type HeaderLayout =
  /** STT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú — one header row. */
  | "plain"
  /** "Số liệu" merged over "Kỳ trước | Kỳ này" (two header rows). */
  | "ky-truoc-ky-nay"
  /** "Số liệu" merged over "Kỳ này | Lũy kế". */
  | "ky-nay-luy-ke"
  /** "Số liệu" merged over two sub-columns without a header of their own. */
  | "two-unlabeled";

export interface RetypedOptions {
  header?: HeaderLayout;
  /** Lines above the table, one per row in the table's first column (null: an empty row). */
  top?: (string | null)[];
  /** Where the table (its first header cell) starts, 0-based; default right under the top lines, column A. */
  at?: { row: number; col: number };
  /** Which unit of test/support/unit-values types this period's figures (default 0). */
  unit?: number;
}

export interface RetypedSheet {
  rows: V[][];
  merges: MergeRange[];
  /** rowId → meaning of this period's value (blank rows absent). */
  expected: Map<string, Meaning>;
  entries: FormEntries;
  /** 0-based sheet columns: this period's figures and the comparison column (when there is one). */
  currentCol: number;
  comparisonCol?: number;
  /** 0-based sheet row of the first body row. */
  firstBodyRow: number;
}

/** A value unlike `m` in every row, of the same kind: what a comparison column holds. */
function other(form: Form, rowId: string, m: Meaning, pos: number): V {
  const row = form.rows.find((r) => r.id === rowId)!;
  switch (row.kind) {
    case "flag01":
      return m === 1 ? 0 : 1;
    case "coded": {
      const codes = row.codes ?? [];
      const i = codes.findIndex((c) => c.code === m);
      return codes[(i + 1) % codes.length].code;
    }
    case "percent":
      return 10 + (pos % 50);
    default:
      return typeof m === "number" ? m + 1000 : 1000 + pos;
  }
}

export function retypedPeriodic(options: RetypedOptions = {}): RetypedSheet {
  const form = PERIODIC;
  const header = options.header ?? "plain";
  const top = options.top ?? [];
  const at = options.at ?? { row: top.length + (top.length ? 1 : 0), col: 0 };
  const entries = unitEntries(form, options.unit ?? 0, { typeTotals: true, columns: ["so-lieu"] });
  // Shared counts (400 − 10 × position) run below zero this far down a long form: a count is
  // never negative, so those are lifted by 1000, which keeps their order (and the form's rules).
  for (const cols of Object.values(entries))
    for (const cell of Object.values(cols)) if (typeof cell.meaning === "number" && cell.meaning < 0) cell.typed = cell.meaning = cell.meaning + 1000;
  const rows: V[][] = [];
  const merges: MergeRange[] = [];
  const put = (r: number, c: number, v: V) => {
    while (rows.length <= r) rows.push([]);
    const row = rows[r];
    while (row.length <= c) row.push(null);
    row[c] = v;
  };
  top.forEach((line, i) => {
    if (line !== null) put(i, at.col, line);
  });

  const c0 = at.col;
  const twoRows = header !== "plain";
  const h = at.row;
  // Columns: STT, label, unit of measure, then one or two figure columns, then notes.
  const figures = twoRows ? 2 : 1;
  const noteCol = c0 + 3 + figures;
  put(h, c0, "STT");
  put(h, c0 + 1, "Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)");
  put(h, c0 + 2, "Đơn vị tính");
  put(h, c0 + 3, "Số liệu");
  put(h, noteCol, "Ghi chú");
  let currentCol = c0 + 3;
  let comparisonCol: number | undefined;
  if (twoRows) {
    for (const c of [c0, c0 + 1, c0 + 2, noteCol]) merges.push({ top: h, left: c, bottom: h + 1, right: c });
    merges.push({ top: h, left: c0 + 3, bottom: h, right: c0 + 4 });
    if (header === "ky-truoc-ky-nay") {
      put(h + 1, c0 + 3, "Kỳ trước");
      put(h + 1, c0 + 4, "Kỳ này");
      comparisonCol = c0 + 3;
      currentCol = c0 + 4;
    } else if (header === "ky-nay-luy-ke") {
      put(h + 1, c0 + 3, "Kỳ này");
      put(h + 1, c0 + 4, "Lũy kế");
      comparisonCol = c0 + 4;
    } else {
      comparisonCol = c0 + 4;
    }
  }
  const firstBodyRow = h + (twoRows ? 2 : 1);
  const expected = new Map<string, Meaning>();
  form.rows.forEach((row, pos) => {
    const r = firstBodyRow + pos;
    put(r, c0, row.stt || null);
    put(r, c0 + 1, row.label);
    put(r, c0 + 2, row.printed?.["don-vi-tinh"] ?? null);
    const cell = entries[row.id]?.["so-lieu"];
    if (cell) {
      put(r, currentCol, cell.typed);
      expected.set(row.id, cell.meaning);
      if (comparisonCol !== undefined) put(r, comparisonCol, other(form, row.id, cell.meaning, pos));
    }
    const note = entries[row.id]?.["ghi-chu"];
    if (note && pos % 9 === 0) put(r, noteCol, note.typed);
  });
  const width = Math.max(...rows.map((r) => r.length));
  for (const row of rows) while (row.length < width) row.push(null);
  return { rows, merges, expected, entries, currentCol, ...(comparisonCol !== undefined ? { comparisonCol } : {}), firstBodyRow };
}

/** Merged ranges as A1 ("D5:E5"), for writers. */
export function mergeRanges(merges: readonly MergeRange[]): string[] {
  return merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
}

/** The sheet as a Grid (what a reader hands the core). */
export function toGrid(sheet: { rows: V[][]; merges?: MergeRange[] }, name = "Sheet1"): Grid {
  return {
    sheet: name,
    cells: sheet.rows.map((row) => row.map((v): RawCell | null => (v === null ? null : { value: v }))),
    ...(sheet.merges?.length ? { merges: sheet.merges } : {}),
  };
}

/** Lines a commune's officer puts above the table. */
export const TITLE_Q3 = "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC QUÝ III NĂM 2026";
export const ATTACHED_HOA_KHANH = "(Kèm theo Báo cáo số 77/BC-UBND ngày 12/6/2026 của UBND phường Hòa Khánh)";

/**
 * The simplest sheet a person could type from any form: appendix, title, header (two rows when
 * the form groups its columns, group cells merged), then every row with its STT, label, printed
 * texts and what unit 0 types (test/support/unit-values, totals typed).
 */
export function naiveSheet(form: Form): { rows: V[][]; merges: MergeRange[]; entries: FormEntries; headerRows: number[] } {
  const entries = unitEntries(form, 0, { typeTotals: true });
  for (const cols of Object.values(entries))
    for (const cell of Object.values(cols)) if (typeof cell.meaning === "number" && cell.meaning < 0) cell.typed = cell.meaning = cell.meaning + 1000;
  const hasStt = form.sttHeader !== undefined;
  const lead = hasStt ? 2 : 1;
  const width = lead + form.columns.length;
  const line = (text: string): V[] => [text, ...new Array<V>(width - 1).fill(null)];
  const rows: V[][] = [line(form.appendix), line(form.title)];
  const top = rows.length;
  const merges: MergeRange[] = [];
  const twoLevel = form.columns.some((c) => c.group);
  if (twoLevel) {
    rows.push([...(hasStt ? [form.sttHeader!] : []), form.labelHeader, ...form.columns.map((c, i) => (c.group && form.columns[i - 1]?.group === c.group ? null : c.group ?? c.label))]);
    rows.push([...(hasStt ? [null] : []), null, ...form.columns.map((c) => (c.group ? c.label : null))]);
    for (let c = 0; c < lead; c++) merges.push({ top, left: c, bottom: top + 1, right: c });
    form.columns.forEach((c, i) => {
      const col = lead + i;
      if (!c.group) merges.push({ top, left: col, bottom: top + 1, right: col });
      else if (form.columns[i - 1]?.group !== c.group) {
        let j = i;
        while (form.columns[j + 1]?.group === c.group) j++;
        if (j > i) merges.push({ top, left: col, bottom: top, right: col + j - i });
      }
    });
  } else rows.push([...(hasStt ? [form.sttHeader!] : []), form.labelHeader, ...form.columns.map((c) => c.label)]);
  const headerRows = twoLevel ? [top, top + 1] : [top];
  for (const row of form.rows)
    rows.push([
      ...(hasStt ? [row.stt || null] : []),
      row.label,
      ...form.columns.map((c) => (c.role === "static" ? row.printed?.[c.id] ?? null : entries[row.id]?.[c.id]?.typed ?? null)),
    ]);
  return { rows, merges, entries, headerRows };
}

/** The sheet as an .xlsx file a unit sends (written by ExcelJS, merges kept), one sheet named `sheetName`. */
export async function retypedXlsx(sheet: { rows: V[][]; merges: MergeRange[] }, sheetName = "Biểu"): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  sheet.rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  for (const range of mergeRanges(sheet.merges)) ws.mergeCells(range);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
