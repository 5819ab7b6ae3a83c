/**
 * One sheet layout per form, rendered by two renderers: to .xlsx (src/xlsx/write) and into a
 * worksheet through Office.js (src/excel/render). Everything about how an appendix looks lives
 * here, so both renderers write the same cells, merges, styles, validations and formulas.
 */
import type { CellKind, Column, Form, Level, Row } from "../catalog/schema";
import { cellKind, rowAppliesAt } from "../catalog/schema";
import { CATALOG_VERSION } from "../catalog";
import { a1, type MergeRange, type TemplateMetadata } from "./grid";
import { notApplicableText, reportLevel } from "./levels";
import { encodeMarker } from "./metadata";
import { FLAGS_HEADER, MARKED_ROWS, markRules, type MarkSeverity } from "./marks";

export type StyleName =
  | "appendix"
  | "title"
  | "subtitle"
  | "metaLabel"
  | "metaInput"
  | "header"
  | "stt"
  | "label"
  | "labelHeading"
  | "labelChild"
  | "static"
  | "heading"
  | "input"
  | "inputText"
  | "total"
  | "notApplicable"
  | "footnote"
  | "marker"
  | "flags"
  // Rollup outputs (core/rollup-layout): values written by the add-in, locked, no input fill.
  | "result"
  | "resultText"
  | "excluded";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** RGB hex without '#'. */
  color?: string;
  fill?: string;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle";
  wrap?: boolean;
  indent?: number;
  border?: boolean;
  /** Input cells are unlocked; everything else stays locked under sheet protection. */
  locked: boolean;
}

/** Fixed look of every style; number formats are per cell (they depend on the kind). */
export const STYLES: Record<StyleName, CellStyle> = {
  appendix: { bold: true, horizontal: "center", locked: true },
  title: { bold: true, size: 13, horizontal: "center", vertical: "middle", wrap: true, locked: true },
  subtitle: { italic: true, horizontal: "center", wrap: true, locked: true },
  metaLabel: { bold: true, horizontal: "right", locked: true },
  metaInput: { horizontal: "left", fill: "FFF9E5", border: true, locked: false },
  header: { bold: true, horizontal: "center", vertical: "middle", wrap: true, border: true, fill: "E7E6E6", locked: true },
  stt: { horizontal: "center", vertical: "top", border: true, locked: true },
  label: { vertical: "top", wrap: true, border: true, locked: true },
  labelHeading: { bold: true, vertical: "top", wrap: true, border: true, locked: true },
  labelChild: { vertical: "top", wrap: true, border: true, indent: 1, locked: true },
  static: { vertical: "top", wrap: true, border: true, size: 10, locked: true },
  heading: { border: true, fill: "F2F2F2", locked: true },
  input: { horizontal: "right", vertical: "top", border: true, fill: "FFF9E5", locked: false },
  inputText: { horizontal: "left", vertical: "top", wrap: true, border: true, fill: "FFF9E5", locked: false },
  total: { bold: true, horizontal: "right", vertical: "top", border: true, fill: "EAF1DD", locked: true },
  notApplicable: { italic: true, size: 10, color: "595959", horizontal: "left", vertical: "top", wrap: true, border: true, fill: "D9D9D9", locked: true },
  footnote: { italic: true, wrap: false, locked: true },
  marker: { color: "FFFFFF", size: 8, locked: true },
  flags: { color: "FFFFFF", size: 8, locked: false },
  result: { horizontal: "right", vertical: "top", border: true, locked: true },
  resultText: { horizontal: "left", vertical: "top", wrap: true, border: true, locked: true },
  excluded: { horizontal: "left", vertical: "top", wrap: true, border: true, color: "9C0006", fill: "FFC7CE", locked: true },
};

/**
 * Colours of conditional formats and of the marks (core/marks): Excel's own "bad" and "neutral"
 * styles for errors and warnings, and a violet of Excel's palette (Accent 4, lighter 80%) for a
 * value short of a target, so that it is told apart from both.
 */
export const MARK_COLORS = {
  error: { fill: "FFC7CE", font: "9C0006" },
  warning: { fill: "FFEB9C", font: "9C5700" },
  target: { fill: "E4DFEC", font: "5B3F86" },
} as const satisfies Record<MarkSeverity, { fill: string; font: string }>;

export interface LayoutCell {
  row: number;
  col: number;
  value: string | number | null;
  /** Without the leading "="; en-US syntax (comma separators). */
  formula?: string;
  style: StyleName;
  numberFormat?: string;
  /**
   * The string value is TEXT from outside (a received file, a unit's name): a renderer must store
   * it as a string even when it starts with "=", "+", "-" or "@" (never as a formula), e.g. with a
   * quote prefix. Such cells also carry numberFormat "@". Absent in templates.
   */
  text?: boolean;
}

export interface DataValidation {
  top: number;
  left: number;
  bottom: number;
  right: number;
  type: "whole" | "decimal" | "list";
  min?: number;
  max?: number;
  list?: string[];
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

/** A red cell when `formula` (relative to the range's top-left cell) is true. */
export interface ConditionalFormat {
  top: number;
  left: number;
  bottom: number;
  right: number;
  formula: string;
  why: string;
  /** Colour (MARK_COLORS): error red (default), warning amber, or the violet of a target not met. */
  severity?: MarkSeverity;
}

export interface SheetLayout {
  formId: string;
  /** Column widths in characters, left to right. */
  widths: number[];
  /** Row heights in points where they matter (title). */
  heights: Record<number, number>;
  cells: LayoutCell[];
  merges: MergeRange[];
  validations: DataValidation[];
  conditionalFormats: ConditionalFormat[];
  /** Rows above `frozenRows` and columns left of `frozenCols` stay in view. */
  frozenRows: number;
  frozenCols: number;
  /** Header rows repeated on every printed page (0-based, inclusive). */
  printTitleRows: [number, number];
  /** Last used row and column (0-based). */
  lastRow: number;
  lastCol: number;
  /** Where the form's rows and input columns landed (0-based), for binding and tests. */
  rowIndex: Map<string, number>;
  colIndex: Map<string, number>;
  unitCell: { row: number; col: number };
  periodCell: { row: number; col: number };
  markerCell: { row: number; col: number };
  /** Hidden column where validation writes its marks (see core/marks.ts). */
  flagsCol: number;
  /** The bordered table: header rows and data rows, STT to last form column. */
  table: MergeRange;
  metadata: TemplateMetadata;
  /** false: leave the sheet unprotected (rollup outputs). Absent: protect it (templates). */
  protect?: boolean;
}

export interface LayoutOptions {
  unit?: string;
  period?: string;
  /**
   * The level the sheet is filled at: the value cells of rows that do not exist there (`levels`)
   * are locked, grey and read "Không áp dụng cho cấp …" (`notApplicableText`, which parsing reads
   * as not reported), so a commune's template shows which rows are not its own. Default: the level
   * the form and `unit` tell (core/levels), none when they tell none; `null`: no row is marked (a
   * rollup's own sheet, where the consolidating unit fills those rows).
   */
  level?: Level | null;
}

/** Labels of the unit and period header cells; recognition looks for the same words. */
export const UNIT_LABEL = "Đơn vị báo cáo:";
export const PERIOD_LABEL = "Kỳ báo cáo:";

/** How a value of each kind is shown where the add-in writes it: totals, rollups. */
const NUMBER_FORMAT: Record<CellKind, string | undefined> = {
  count: "#,##0",
  decimal: "General",
  percent: "General",
  flag01: "0",
  coded: "0",
  status: "@",
  text: "@",
  heading: undefined,
};

/** The number format of a value of `kind` written by the add-in (a total, a rollup). */
export function displayNumberFormat(kind: CellKind): string | undefined {
  return NUMBER_FORMAT[kind];
}

/**
 * The number format of an input cell of `kind`. Counts are General, not "#,##0": Excel reads
 * "1/2" typed into a number cell as a date, and gives a General cell a date format (the cell
 * shows 02/01 and Kiểm tra flags a date in a number cell, core/parse), while a "#,##0" cell would
 * show 45.658 as if it were a count. en-US Excel stores a Vietnamese "1.076" as 1.076, which
 * "#,##0" would show as 1.
 */
function inputNumberFormat(kind: CellKind): string | undefined {
  return kind === "count" ? "General" : NUMBER_FORMAT[kind];
}

/** Vietnamese prompt and error text of the native validation for each kind. */
function validationFor(row: Row, kind: CellKind): Omit<DataValidation, "top" | "left" | "bottom" | "right"> | undefined {
  switch (kind) {
    case "count":
      return {
        type: "whole", min: 0, max: 999999999,
        promptTitle: "Số lượng", prompt: "Nhập số nguyên không âm (ví dụ 12). Để trống nếu không báo cáo.",
        errorTitle: "Giá trị không hợp lệ", error: "Ô này chỉ nhận số nguyên từ 0 trở lên.",
      };
    case "decimal":
      return {
        type: "decimal", min: 0, max: 1e12,
        promptTitle: "Số liệu", prompt: "Nhập số không âm. Để trống nếu không báo cáo.",
        errorTitle: "Giá trị không hợp lệ", error: "Ô này chỉ nhận số từ 0 trở lên.",
      };
    case "percent":
      if (row.acceptsFraction) return undefined; // "1180/1200" is text; the add-in validates it
      return {
        type: "decimal", min: 0, max: 100,
        promptTitle: "Tỷ lệ (%)", prompt: "Nhập tỷ lệ phần trăm từ 0 đến 100 (ví dụ 97,5), không kèm dấu %.",
        errorTitle: "Tỷ lệ không hợp lệ", error: "Tỷ lệ phải là số từ 0 đến 100.",
      };
    case "flag01":
      return {
        type: "list", list: ["1", "0"],
        promptTitle: "Có / Không", prompt: "Chọn 1 (có) hoặc 0 (không).",
        errorTitle: "Giá trị không hợp lệ", error: "Ô này chỉ nhận 1 hoặc 0.",
      };
    case "coded": {
      const codes = row.codes ?? [];
      return {
        type: "list", list: codes.map((c) => String(c.code)),
        promptTitle: "Chọn mã",
        prompt: codes.map((c) => `${c.code} = ${c.label}`).join("; ").slice(0, 250),
        errorTitle: "Mã không hợp lệ", error: `Chỉ nhận các mã: ${codes.map((c) => c.code).join(", ")}.`,
      };
    }
    case "status":
      return {
        type: "list", list: ["Đạt", "Không đạt"],
        promptTitle: "Đánh giá", prompt: "Chọn Đạt hoặc Không đạt.",
        errorTitle: "Giá trị không hợp lệ", error: "Chỉ nhận «Đạt» hoặc «Không đạt».",
      };
    default:
      return undefined;
  }
}

function colWidth(column: Column): number {
  if (column.width) return column.width;
  if (column.role === "static") return 24;
  if (column.role === "note") return 16;
  return column.kind === "text" ? 20 : 12;
}

/** The sum-formula of a total row: blank while no part is reported, so blank stays "not reported". */
function sumFormula(parts: string[]): string {
  const list = parts.join(",");
  return `IF(COUNT(${list})=0,"",SUM(${list}))`;
}

/** Points per line of 12-point text, and characters per unit of column width (Times New Roman). */
const LINE_HEIGHT = 15.75;
const CHARS_PER_WIDTH = 1.05;
/** Excel's largest row height, in points. */
const MAX_ROW_HEIGHT = 409;

/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice re-fits rows of a file written by a
 * library, so a long label would be cut off; estimate from text length and (merged) column width.
 */
function estimateHeights(cells: LayoutCell[], merges: MergeRange[], widths: number[], heights: Record<number, number>): void {
  const spanWidth = (row: number, col: number) => {
    const merge = merges.find((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right);
    if (!merge) return { width: widths[col] ?? 10, rows: 1 };
    let width = 0;
    for (let c = merge.left; c <= merge.right; c++) width += widths[c] ?? 10;
    return { width, rows: merge.bottom - merge.top + 1 };
  };
  for (const cell of cells) {
    const style = STYLES[cell.style];
    if (!style.wrap || typeof cell.value !== "string" || !cell.value) continue;
    const { width, rows } = spanWidth(cell.row, cell.col);
    const perLine = Math.max(1, Math.floor(width * CHARS_PER_WIDTH * (style.bold ? 0.85 : 1) * (12 / (style.size ?? 12))));
    const lines = cell.value.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    const needed = (lines * LINE_HEIGHT * (style.size ?? 12)) / 12 / rows + 2;
    // Excel refuses a row taller than 409 points (Office.js fails the whole batch).
    if (lines > 1 && needed > (heights[cell.row] ?? 0)) heights[cell.row] = Math.min(MAX_ROW_HEIGHT, Math.ceil(needed));
  }
}

export function layoutForm(form: Form, options: LayoutOptions = {}): SheetLayout {
  const cells: LayoutCell[] = [];
  const merges: MergeRange[] = [];
  const validations: DataValidation[] = [];
  const conditionalFormats: ConditionalFormat[] = [];
  const heights: Record<number, number> = {};
  const put = (row: number, col: number, value: string | number | null, style: StyleName, extra: Partial<LayoutCell> = {}) =>
    cells.push({ row, col, value, style, ...extra });

  const level = options.level === undefined ? reportLevel(form, options.unit) : (options.level ?? undefined);
  const hasStt = form.sttHeader !== undefined;
  const labelCol = hasStt ? 1 : 0;
  const firstFormCol = labelCol + 1;
  const colIndex = new Map<string, number>();
  form.columns.forEach((c, i) => colIndex.set(c.id, firstFormCol + i));
  const lastCol = firstFormCol + form.columns.length - 1;
  const widths = [...(hasStt ? [7] : []), hasStt ? 58 : 36, ...form.columns.map(colWidth)];

  const fullWidth = (row: number, text: string, style: StyleName) => {
    put(row, 0, text, style);
    if (lastCol > 0) merges.push({ top: row, left: 0, bottom: row, right: lastCol });
  };

  let r = 0;
  fullWidth(r++, form.appendix, "appendix");
  fullWidth(r, form.title, "title");
  r++;
  for (const line of form.subtitles) fullWidth(r++, line, "subtitle");
  if (form.attachedTo) fullWidth(r++, form.attachedTo, "subtitle");
  r++;

  const metaRow = (label: string, value: string | undefined) => {
    const row = r++;
    put(row, labelCol, label, "metaLabel");
    put(row, firstFormCol, value ?? null, "metaInput", { numberFormat: "@" });
    if (lastCol > firstFormCol) merges.push({ top: row, left: firstFormCol, bottom: row, right: lastCol });
    return { row, col: firstFormCol };
  };
  const unitCell = metaRow(UNIT_LABEL, options.unit);
  const periodCell = metaRow(PERIOD_LABEL, options.period);
  r++;

  // Header: one row, or two when some columns sit under a printed group header.
  const headerTop = r;
  const twoLevel = form.columns.some((c) => c.group);
  const headerBottom = twoLevel ? headerTop + 1 : headerTop;
  const headerCell = (col: number, text: string) => {
    put(headerTop, col, text, "header");
    if (twoLevel) {
      put(headerBottom, col, null, "header");
      merges.push({ top: headerTop, left: col, bottom: headerBottom, right: col });
    }
  };
  if (hasStt) headerCell(0, form.sttHeader!);
  headerCell(labelCol, form.labelHeader);
  for (let i = 0; i < form.columns.length; ) {
    const column = form.columns[i];
    const col = firstFormCol + i;
    if (!column.group) {
      headerCell(col, column.label);
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < form.columns.length && form.columns[j + 1].group === column.group) j++;
    put(headerTop, col, column.group, "header");
    for (let k = col + 1; k <= firstFormCol + j; k++) put(headerTop, k, null, "header");
    if (j > i) merges.push({ top: headerTop, left: col, bottom: headerTop, right: firstFormCol + j });
    for (let k = i; k <= j; k++) put(headerBottom, firstFormCol + k, form.columns[k].label, "header");
    i = j + 1;
  }
  r = headerBottom + 1;

  // Data rows.
  const rowIndex = new Map<string, number>();
  form.rows.forEach((row, i) => rowIndex.set(row.id, r + i));
  for (const row of form.rows) {
    const sheetRow = rowIndex.get(row.id)!;
    const heading = row.kind === "heading";
    const applies = rowAppliesAt(row, level);
    if (hasStt) put(sheetRow, 0, row.stt, "stt", { numberFormat: "@" });
    put(sheetRow, labelCol, row.label, heading || row.relation ? "labelHeading" : row.parent ? "labelChild" : "label");
    for (const column of form.columns) {
      const col = colIndex.get(column.id)!;
      if (column.role === "static") {
        put(sheetRow, col, row.printed?.[column.id] ?? null, "static");
        continue;
      }
      const kind = cellKind(row, column);
      if (heading && column.role === "value") {
        put(sheetRow, col, null, "heading");
        continue;
      }
      if (!applies && column.role === "value") {
        // Not a row of this level: no input, no formula; the text is read back as "not reported"
        // (a text cell would take it for an answer, so it stays empty).
        put(sheetRow, col, kind === "text" ? null : notApplicableText(level!), "notApplicable", { numberFormat: "@" });
        continue;
      }
      if (row.relation?.type === "sum" && column.role === "value") {
        const parts = row.relation.of.map((id) => a1(rowIndex.get(id)!, col));
        put(sheetRow, col, null, "total", { formula: sumFormula(parts), numberFormat: NUMBER_FORMAT[kind] });
        const self = a1(sheetRow, col);
        conditionalFormats.push({
          top: sheetRow, left: col, bottom: sheetRow, right: col,
          formula: `AND(COUNT(${parts.join(",")})>0,ISNUMBER(${self}),${self}<>SUM(${parts.join(",")}))`,
          why: "a total overwritten by hand no longer equals the sum of its parts",
        });
        continue;
      }
      const textual = kind === "text" || kind === "status" || (kind === "percent" && row.acceptsFraction);
      put(sheetRow, col, null, textual ? "inputText" : "input", {
        numberFormat: kind === "percent" && row.acceptsFraction ? "@" : inputNumberFormat(kind),
      });
    }
    // One native validation per row over its contiguous value columns of the same kind.
    const valueCols = form.columns.filter((c) => c.role === "value" && !heading && applies && row.relation?.type !== "sum");
    for (const column of valueCols) {
      const col = colIndex.get(column.id)!;
      const rule = validationFor(row, cellKind(row, column));
      if (!rule) continue;
      const last = validations[validations.length - 1];
      if (last && last.top === sheetRow && last.right === col - 1 && last.type === rule.type && last.prompt === rule.prompt) last.right = col;
      else validations.push({ top: sheetRow, left: col, bottom: sheetRow, right: col, ...rule });
    }
  }
  // Sub-items that must not exceed their total turn red when they do.
  for (const row of form.rows) {
    if (row.relation?.type !== "upper-bound" || !rowAppliesAt(row, level)) continue;
    for (const column of form.columns.filter((c) => c.role === "value")) {
      const col = colIndex.get(column.id)!;
      const total = a1(rowIndex.get(row.id)!, col).replace(/(\d+)$/, "$$$1");
      for (const part of row.relation.of) {
        if (!rowAppliesAt(form.rows.find((x) => x.id === part)!, level)) continue;
        const partRow = rowIndex.get(part)!;
        const self = a1(partRow, col);
        conditionalFormats.push({
          top: partRow, left: col, bottom: partRow, right: col,
          formula: `AND(ISNUMBER(${self}),ISNUMBER(${total}),${self}>${total})`,
          why: "a sub-item is a subset of its total",
        });
      }
    }
  }
  r += form.rows.length;
  const tableBottom = r - 1;

  if (form.footnotes.length) r++;
  for (const line of form.footnotes) put(r++, 0, line, "footnote");

  const metadata: TemplateMetadata = {
    formId: form.id,
    catalogVersion: CATALOG_VERSION,
    ...(options.unit ? { unit: options.unit } : {}),
    ...(options.period ? { period: options.period } : {}),
  };
  // The marker sits in a hidden column right of the table, so it survives renames, copies of the
  // sheet and round trips through LibreOffice (.xls/.ods) where defined names may not.
  const markerCell = { row: 0, col: lastCol + 1 };
  put(markerCell.row, markerCell.col, encodeMarker(metadata), "marker");
  widths.push(2);
  // Marks (validation's E and W, the target check's T): a hidden, unlocked flags column and the
  // rules that colour flagged cells, written with the template so marking works on a protected sheet.
  const flagsCol = markerCell.col + 1;
  put(0, flagsCol, FLAGS_HEADER, "flags");
  widths.push(2);
  for (const rule of markRules(flagsCol))
    conditionalFormats.push({
      top: 0, left: 0, bottom: MARKED_ROWS, right: lastCol,
      formula: rule.formula, severity: rule.severity,
      why: "cells the add-in's checks flagged in the hidden flags column",
    });
  estimateHeights(cells, merges, widths, heights);

  return {
    formId: form.id,
    widths,
    heights,
    cells,
    merges,
    validations,
    conditionalFormats,
    frozenRows: headerBottom + 1,
    frozenCols: labelCol + 1,
    printTitleRows: [headerTop, headerBottom],
    lastRow: Math.max(r - 1, tableBottom),
    lastCol: flagsCol,
    rowIndex,
    colIndex,
    unitCell,
    periodCell,
    markerCell,
    flagsCol,
    table: { top: headerTop, left: 0, bottom: tableBottom, right: lastCol },
    metadata,
  };
}

/** True when a spreadsheet would read `text` typed into a cell as a formula ("=", "+", "-", "@" first). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text.trimStart());
}

/**
 * The layout as a dense 2-D array of values/formulas (what a renderer writes in one block, after
 * the number formats: string cells under "@" unless their numberFormat says otherwise).
 */
export function layoutMatrix(layout: SheetLayout): (string | number)[][] {
  const matrix: (string | number)[][] = [];
  for (let r = 0; r <= layout.lastRow; r++) matrix.push(new Array(layout.lastCol + 1).fill(""));
  for (const cell of layout.cells) {
    // Outside text that a spreadsheet would take for a formula must stay text when written through
    // `range.formulas`. A renderer writes string cells under the Text format "@" (their own
    // numberFormat, "@" by default; set before the values), where "=HYPERLINK(…)" stays what was
    // typed — and where a quote prefix could be kept as a character. Only text under another
    // format gets Excel's quote prefix.
    const textFormat = (cell.numberFormat ?? "@") === "@";
    const value = cell.text && typeof cell.value === "string" && !textFormat && looksLikeFormula(cell.value) ? `'${cell.value}` : (cell.value ?? "");
    matrix[cell.row][cell.col] = cell.formula ? `=${cell.formula}` : value;
  }
  return matrix;
}

/**
 * Cells grouped by style into as few rectangles as possible (horizontal runs merged downwards),
 * so a renderer formats whole ranges instead of cell by cell.
 */
export function styleRectangles(layout: SheetLayout): Map<StyleName, MergeRange[]> {
  const byStyle = new Map<StyleName, Map<number, number[]>>();
  for (const cell of layout.cells) {
    let rows = byStyle.get(cell.style);
    if (!rows) byStyle.set(cell.style, (rows = new Map()));
    let cols = rows.get(cell.row);
    if (!cols) rows.set(cell.row, (cols = []));
    cols.push(cell.col);
  }
  const result = new Map<StyleName, MergeRange[]>();
  for (const [style, rows] of byStyle) {
    const rects: MergeRange[] = [];
    const open = new Map<string, MergeRange>(); // "left:right" → rectangle still growing downwards
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const cols = rows.get(row)!.sort((a, b) => a - b);
      const runs: [number, number][] = [];
      for (const c of cols) {
        const last = runs[runs.length - 1];
        if (last && c === last[1] + 1) last[1] = c;
        else runs.push([c, c]);
      }
      for (const [left, right] of runs) {
        const key = `${left}:${right}`;
        const rect = open.get(key);
        if (rect && rect.bottom === row - 1) rect.bottom = row;
        else {
          const fresh = { top: row, left, bottom: row, right };
          rects.push(fresh);
          open.set(key, fresh);
        }
      }
    }
    result.set(style, rects);
  }
  return result;
}
