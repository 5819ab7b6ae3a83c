/**
 * Sheet layouts of the rollup output, for both renderers (the same SheetLayout model as the
 * templates, see ./layout):
 * - the rollup sheet of a form: the form's own layout (`layoutForm`) with the consolidating unit
 *   and period in its header and the aggregates written as values (numbers as numbers; "3/5 đơn
 *   vị", "≈ 87,5 (72–98)", lists as text); no formulas, validations, conditional formats, marks
 *   or protection;
 * - a detail sheet per form: every row × input column of the form against one column per unit
 *   (the unit's value as it was read), with the aggregate, the method and how many units
 *   reported, then the values that were left out and why;
 * - a status sheet: unit, where its name was read, files, the period each file states (as printed,
 *   and normalised), status, errors, warnings, message; then, in the same table, one row per
 *   warning on the forms used (all but blank required rows, which are only counted).
 *
 * Text that comes from outside (received values, unit names, file names, messages quoting them)
 * is written with `text: true` and numberFormat "@": renderers must store it as a string, never as
 * a formula, even when it starts with "=", "+", "-" or "@".
 *
 * Which sheets the rollup owns (rebuild rule): every sheet it writes carries a marker cell in row 1
 * of a hidden column right of its content, `CCHC-PHU-LUC-TH {"kind":"rollup"|"detail"|"status",
 * "form":…,"v":…}` (`encodeRollupMarker`). A rebuild first deletes exactly the sheets in which
 * `readRollupMarker` finds that marker (first rows, any column) and then names the new sheets
 * against the names that remain. Names are only for people: "TH " + the form's default sheet name
 * (rollup), "TH CT " + it (detail), "TH Đơn vị gửi báo cáo" (status), made unique; a user's sheet
 * that happens to start with "TH " but has no marker is never touched. The marker prefix differs
 * from the template marker's ("CCHC-PHU-LUC "), so a rollup sheet is never taken for a unit's
 * template by `readMarker`; adapters that read sheets of the current workbook as sources must skip
 * sheets for which `isRollupSheet` is true (their titles and labels would otherwise be recognised).
 */
import { runSteps, type Steps } from "./steps";
import { cellKind, inputColumns } from "../catalog/schema";
import { CATALOG_VERSION } from "../catalog";
import type { Grid, MergeRange } from "./grid";
import { displayNumberFormat, layoutForm, PERIOD_LABEL, UNIT_LABEL, type LayoutCell, type SheetLayout, type StyleName } from "./layout";
import { METHOD_LABELS, type CellRollup, type FormRollup } from "./rollup";
import { defaultSheetName, uniqueSheetName } from "./sheet-names";
import { describePeriod } from "./period";
import { UNIT_STATUS_LABELS, type UnitStatus, type UnitSummary } from "./units";
import { UNIT_SOURCE_LABELS } from "./vocabulary";

// ---------------------------------------------------------------------------------------------
// Marker

export const ROLLUP_MARKER_PREFIX = "CCHC-PHU-LUC-TH ";
/** Sheet-name prefixes (for people; the marker decides). */
export const ROLLUP_SHEET_PREFIX = "TH ";
export const DETAIL_SHEET_PREFIX = "TH CT ";
export const STATUS_SHEET_NAME = "TH Đơn vị gửi báo cáo";

export type RollupSheetKind = "rollup" | "detail" | "status";

export interface RollupMarker {
  kind: RollupSheetKind;
  formId?: string;
  catalogVersion: number;
}

export function encodeRollupMarker(m: RollupMarker): string {
  return ROLLUP_MARKER_PREFIX + JSON.stringify({ kind: m.kind, ...(m.formId ? { form: m.formId } : {}), v: m.catalogVersion });
}

export function decodeRollupMarker(text: unknown): RollupMarker | undefined {
  if (typeof text !== "string" || !text.startsWith(ROLLUP_MARKER_PREFIX)) return undefined;
  try {
    const data = JSON.parse(text.slice(ROLLUP_MARKER_PREFIX.length)) as { kind?: unknown; form?: unknown; v?: unknown };
    if (data.kind !== "rollup" && data.kind !== "detail" && data.kind !== "status") return undefined;
    if (typeof data.v !== "number") return undefined;
    return { kind: data.kind, ...(typeof data.form === "string" ? { formId: data.form } : {}), catalogVersion: data.v };
  } catch {
    return undefined;
  }
}

/** The rollup marker in the first rows of a sheet, if the rollup wrote it. */
export function readRollupMarker(grid: Grid, scanRows = 8): RollupMarker | undefined {
  for (let r = 0; r < Math.min(scanRows, grid.cells.length); r++) {
    for (const cell of grid.cells[r] ?? []) {
      const m = decodeRollupMarker(cell?.value);
      if (m) return m;
    }
  }
  return undefined;
}

/** True for sheets a rollup created (and a rebuild replaces). */
export function isRollupSheet(grid: Grid): boolean {
  return readRollupMarker(grid) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Excel keeps at most 32,767 characters in a cell. */
const MAX_CELL_TEXT = 32000;
const LINE_HEIGHT = 15.75;
const MAX_ROW_HEIGHT = 409;

function limit(text: string): string {
  return text.length <= MAX_CELL_TEXT ? text : `${text.slice(0, MAX_CELL_TEXT)}… (còn tiếp, xem trang chi tiết)`;
}

/** A cell holding outside text: always a string, never a formula. */
function textCell(row: number, col: number, text: string, style: StyleName): LayoutCell {
  return { row, col, value: limit(text), style, numberFormat: "@", text: true };
}

function valueCell(row: number, col: number, value: number | string | null, style: StyleName, numberFormat?: string): LayoutCell {
  if (typeof value === "string") return textCell(row, col, value, style === "result" ? "resultText" : style);
  return { row, col, value, style, ...(numberFormat ? { numberFormat } : {}) };
}

/** Raises row heights for wrapped text (a renderer does not re-fit rows of a written file). */
function fitHeights(cells: readonly LayoutCell[], widths: readonly number[], heights: Record<number, number>, merges: readonly MergeRange[] = []): void {
  const mergeAt = new Map(merges.map((m) => [`${m.top}:${m.left}`, m]));
  for (const cell of cells) {
    if (typeof cell.value !== "string" || !cell.value) continue;
    const merge = mergeAt.get(`${cell.row}:${cell.col}`);
    let width = 0;
    for (let c = cell.col; c <= (merge?.right ?? cell.col); c++) width += widths[c] ?? 10;
    const perLine = Math.max(1, Math.floor(width * 1.05));
    const lines = cell.value.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    if (lines <= 1) continue;
    const needed = Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * LINE_HEIGHT + 2));
    if (needed > (heights[cell.row] ?? 0)) heights[cell.row] = needed;
  }
}

export interface RollupHeader {
  /** The consolidating unit (e.g. "UBND huyện Krông Pa"). */
  unit?: string;
  period?: string;
  /** Names of the companion sheets, quoted in the rollup sheet's footnote. */
  detailSheet?: string;
  statusSheet?: string;
}

function numberFormatFor(cell: CellRollup, kindFormat: string | undefined, value: number): string | undefined {
  if (!Number.isInteger(value) && (cell.method === "ratio" || cell.method === "ratio-of-fractions" || cell.method === "weighted-mean" || cell.method === "mean"))
    return "0.00";
  return kindFormat;
}

// ---------------------------------------------------------------------------------------------
// (a) The rollup sheet

/** The form's own layout with the aggregates as values (see the header of this file). */
export function layoutRollupSheet(r: FormRollup, header: RollupHeader = {}): SheetLayout {
  const base = layoutForm(r.form, {
    ...(header.unit ? { unit: header.unit } : {}),
    ...(header.period ? { period: header.period } : {}),
    level: null, // every row holds the rollup's value (or why not): none is marked not applicable
  });
  const at = new Map<string, number>();
  const cells: LayoutCell[] = base.cells
    .filter((c) => !(c.row === 0 && c.col === base.flagsCol))
    .map((c) => ({ ...c }));
  cells.forEach((c, i) => at.set(`${c.row}:${c.col}`, i));
  const set = (cell: LayoutCell) => {
    const i = at.get(`${cell.row}:${cell.col}`);
    if (i === undefined) {
      at.set(`${cell.row}:${cell.col}`, cells.length);
      cells.push(cell);
    } else cells[i] = cell;
  };

  // Header: the consolidating unit and period, as text.
  for (const [where, value] of [
    [base.unitCell, header.unit],
    [base.periodCell, header.period],
  ] as const)
    set(value ? textCell(where.row, where.col, value, "resultText") : { row: where.row, col: where.col, value: null, style: "resultText", numberFormat: "@" });

  const changed: LayoutCell[] = [];
  for (const row of r.form.rows) {
    const sheetRow = base.rowIndex.get(row.id);
    const rolled = r.cells.get(row.id);
    if (sheetRow === undefined || !rolled) continue;
    for (const column of inputColumns(r.form)) {
      const col = base.colIndex.get(column.id);
      const cell = rolled.get(column.id);
      if (col === undefined || !cell) continue;
      const old = cells[at.get(`${sheetRow}:${col}`)!];
      const style: StyleName = old?.style === "total" ? "total" : "result";
      const shown = cell.shown;
      const kindFormat = old?.numberFormat === "@" ? undefined : displayNumberFormat(cellKind(row, column));
      const next =
        shown === null
          ? { row: sheetRow, col, value: null, style, ...(kindFormat ? { numberFormat: kindFormat } : {}) }
          : typeof shown === "number"
            ? valueCell(sheetRow, col, shown, style, numberFormatFor(cell, kindFormat, shown))
            : textCell(sheetRow, col, shown, style === "total" ? "total" : "resultText");
      set(next);
      changed.push(next);
    }
  }

  // Marker of a rollup sheet instead of the template's.
  set({ row: base.markerCell.row, col: base.markerCell.col, value: encodeRollupMarker({ kind: "rollup", formId: r.form.id, catalogVersion: CATALOG_VERSION }), style: "marker" });

  // Footnote: what the sheet is made of and where the provenance is.
  let last = base.lastRow + 1;
  const notes = [
    `Số liệu tổng hợp từ báo cáo của ${r.of} đơn vị${header.unit ? `, do ${header.unit} tổng hợp` : ""}.${r.excluded.length ? ` ${r.excluded.length} giá trị có lỗi không được tổng hợp.` : ""}`,
    "Ô «x/N đơn vị»: số đơn vị có (= 1) trên số đơn vị trả lời; «Đạt: x/N»: số đơn vị Đạt; «0: a · 1: b»: số đơn vị theo từng mã; «≈»: trung bình cộng, gần đúng (trong ngoặc: nhỏ nhất–lớn nhất).",
    ...(header.detailSheet ? [`Số liệu của từng đơn vị, số đơn vị báo cáo từng ô và giá trị bị loại: trang «${header.detailSheet}».`] : []),
    ...(header.statusSheet ? [`Tình hình nhận báo cáo của các đơn vị: trang «${header.statusSheet}».`] : []),
  ];
  for (const line of notes) set(textCell(last++, 0, line, "footnote"));

  const heights = { ...base.heights };
  fitHeights(changed, base.widths, heights);
  return {
    ...base,
    cells,
    heights,
    validations: [],
    conditionalFormats: [],
    lastRow: last - 1,
    protect: false,
  };
}

// ---------------------------------------------------------------------------------------------
// (b) The detail sheet

/** Headers of the detail sheet's fixed columns; the units' columns follow (core/rollup-detail reads them back). */
export const DETAIL_FIXED = ["STT", "Chỉ tiêu", "Cột", "Cách tổng hợp", "Tổng hợp", "Số đơn vị báo cáo"];
/** The heading of the detail sheet's list of values left out, below its table. */
export const DETAIL_NOT_USED_HEADING = "GIÁ TRỊ KHÔNG ĐƯỢC ĐƯA VÀO TỔNG HỢP";
const DETAIL_WIDTHS = [7, 46, 16, 34, 18, 10];
const UNIT_WIDTH = 14;

function methodText(cell: CellRollup): string {
  return [METHOD_LABELS[cell.method], cell.basis, cell.why].filter(Boolean).join(". ");
}

/**
 * One row per (form row, input column) — heading rows as a label line — against one column per
 * unit; then the values not used and why. `rowIndex` maps "rowId/columnId" to the sheet row.
 */
export function layoutDetailSheet(r: FormRollup, header: RollupHeader = {}): SheetLayout {
  const cells: LayoutCell[] = [];
  const merges: MergeRange[] = [];
  const heights: Record<number, number> = {};
  const firstUnitCol = DETAIL_FIXED.length;
  const lastCol = Math.max(firstUnitCol + r.units.length - 1, firstUnitCol - 1);
  const widths = [...DETAIL_WIDTHS, ...r.units.map(() => UNIT_WIDTH)];
  const unitCol = new Map(r.units.map((u, i) => [u, firstUnitCol + i]));
  const span = Math.max(lastCol, 5);

  cells.push({ row: 0, col: 0, value: `CHI TIẾT SỐ LIỆU TỔNG HỢP: ${r.form.appendix.toUpperCase()} — ${r.form.title}`, style: "title", text: true, numberFormat: "@" });
  merges.push({ top: 0, left: 0, bottom: 0, right: Math.min(span, 8) });
  heights[0] = 36;
  cells.push({ row: 1, col: 1, value: UNIT_LABEL, style: "metaLabel" });
  cells.push(header.unit ? textCell(1, 2, header.unit, "resultText") : { row: 1, col: 2, value: null, style: "resultText", numberFormat: "@" });
  cells.push({ row: 2, col: 1, value: PERIOD_LABEL, style: "metaLabel" });
  cells.push(header.period ? textCell(2, 2, header.period, "resultText") : { row: 2, col: 2, value: null, style: "resultText", numberFormat: "@" });
  merges.push({ top: 1, left: 2, bottom: 1, right: 4 }, { top: 2, left: 2, bottom: 2, right: 4 });
  cells.push(textCell(3, 1, `${r.of} đơn vị gửi phụ lục này; ${r.excluded.length} giá trị có lỗi không được tổng hợp.`, "footnote"));

  const headerRow = 5;
  DETAIL_FIXED.forEach((h, c) => cells.push({ row: headerRow, col: c, value: h, style: "header" }));
  r.units.forEach((u) => cells.push(textCell(headerRow, unitCol.get(u)!, u, "header")));

  const rowIndex = new Map<string, number>();
  const columns = inputColumns(r.form);
  const notUsed: { unit: string; cell: string; value: string; reason: string; label: string; column: string }[] = [];
  let row = headerRow + 1;
  for (const formRow of r.form.rows) {
    const rolled = r.cells.get(formRow.id);
    const present = columns.filter((c) => rolled?.has(c.id));
    if (formRow.kind === "heading" && !present.some((c) => rolled!.get(c.id)!.contributions.length)) {
      cells.push({ row, col: 0, value: formRow.stt, style: "stt", numberFormat: "@" });
      cells.push({ row, col: 1, value: formRow.label, style: "labelHeading" });
      for (let c = 2; c <= lastCol; c++) cells.push({ row, col: c, value: null, style: "heading" });
      row++;
      continue;
    }
    for (const column of present) {
      const cell = rolled!.get(column.id)!;
      rowIndex.set(`${formRow.id}/${column.id}`, row);
      cells.push({ row, col: 0, value: formRow.stt, style: "stt", numberFormat: "@" });
      cells.push({ row, col: 1, value: formRow.label, style: formRow.parent ? "labelChild" : "label" });
      cells.push({ row, col: 2, value: column.label, style: "label" });
      cells.push(textCell(row, 3, methodText(cell), "resultText"));
      const aggregate = cell.shown;
      cells.push(
        aggregate === null
          ? { row, col: 4, value: null, style: "total" }
          : typeof aggregate === "number"
            ? { row, col: 4, value: aggregate, style: "total", ...(Number.isInteger(aggregate) ? {} : { numberFormat: "0.00" }) }
            : textCell(row, 4, aggregate, "total"),
      );
      cells.push({ row, col: 5, value: `${cell.reported}/${cell.of}`, style: "stt", numberFormat: "@" });
      // Each unit's (first) contribution, by its column.
      const byColumn: ((typeof cell.contributions)[number] | undefined)[] = [];
      for (const x of cell.contributions) {
        const at = unitCol.get(x.unit);
        if (at !== undefined && byColumn[at] === undefined) byColumn[at] = x;
      }
      for (const u of r.units) {
        const col = unitCol.get(u)!;
        const c = byColumn[col];
        if (!c) {
          cells.push({ row, col, value: null, style: "result" });
          continue;
        }
        if (c.excluded) {
          cells.push(textCell(row, col, c.display, "excluded"));
          notUsed.push({ unit: u, cell: c.cell, value: c.display, reason: c.excluded, label: formRow.label, column: column.label });
          continue;
        }
        if (c.remark) notUsed.push({ unit: u, cell: c.cell, value: c.display, reason: c.remark, label: formRow.label, column: column.label });
        if (typeof c.value === "number" && !c.fraction) cells.push({ row, col, value: c.value, style: "result" });
        else cells.push(textCell(row, col, c.display, c.remark ? "excluded" : "resultText"));
      }
      row++;
    }
  }
  const tableBottom = row - 1;

  // The values not used.
  row++;
  cells.push({ row: row++, col: 0, value: DETAIL_NOT_USED_HEADING, style: "labelHeading" });
  const listHeader = ["STT", "Đơn vị", "Ô", "Giá trị", "Chỉ tiêu / cột", "Lý do"];
  listHeader.forEach((h, c) => cells.push({ row, col: c, value: h, style: "header" }));
  row++;
  if (notUsed.length === 0) {
    cells.push({ row: row++, col: 1, value: "Không có.", style: "label" });
  }
  notUsed.forEach((n, i) => {
    cells.push({ row, col: 0, value: i + 1, style: "stt" });
    cells.push(textCell(row, 1, n.unit, "resultText"));
    cells.push(textCell(row, 2, n.cell, "resultText"));
    cells.push(textCell(row, 3, n.value, "excluded"));
    cells.push(textCell(row, 4, `${n.label} — ${n.column}`, "resultText"));
    cells.push(textCell(row, 5, n.reason, "resultText"));
    merges.push({ top: row, left: 5, bottom: row, right: Math.max(5, Math.min(lastCol, 10)) });
    row++;
  });

  const markerCell = { row: 0, col: Math.max(lastCol, 5) + 1 };
  cells.push({ row: 0, col: markerCell.col, value: encodeRollupMarker({ kind: "detail", formId: r.form.id, catalogVersion: CATALOG_VERSION }), style: "marker" });
  while (widths.length < markerCell.col) widths.push(UNIT_WIDTH);
  widths.push(2, 2);
  fitHeights(cells.filter((c) => c.row > headerRow), widths, heights, merges);
  fitHeights(cells.filter((c) => c.row === headerRow), widths, heights);

  return {
    formId: r.form.id,
    widths,
    heights,
    cells,
    merges,
    validations: [],
    conditionalFormats: [],
    frozenRows: headerRow + 1,
    frozenCols: firstUnitCol,
    printTitleRows: [headerRow, headerRow],
    lastRow: row - 1,
    lastCol: markerCell.col + 1,
    rowIndex,
    colIndex: new Map(r.units.map((u) => [u, unitCol.get(u)!])),
    unitCell: { row: 1, col: 2 },
    periodCell: { row: 2, col: 2 },
    markerCell,
    flagsCol: markerCell.col + 1,
    table: { top: headerRow, left: 0, bottom: tableBottom, right: Math.max(lastCol, 5) },
    metadata: { formId: r.form.id, catalogVersion: CATALOG_VERSION },
    protect: false,
  };
}

// ---------------------------------------------------------------------------------------------
// (c) The status sheet

const STATUS_HEADER = ["STT", "Đơn vị", "Tên đơn vị lấy từ", "Tệp, trang tính đã nhận", "Kỳ báo cáo (ghi trong báo cáo)", "Tình trạng", "Số lỗi", "Số cảnh báo", "Ghi chú"];
const STATUS_WIDTHS = [6, 28, 20, 34, 24, 20, 8, 10, 90];
const STATUS_ORDER: UnitStatus[] = ["ok", "invalid", "duplicate", "undecided", "other-period", "unreadable", "unrecognised", "missing"];
/** Status sheet columns, by what they hold. */
export const STATUS_COLUMNS = { unit: 1, unitSource: 2, files: 3, period: 4, status: 5, errors: 6, warnings: 7, message: 8 } as const;
const WARNINGS_TITLE = "Cảnh báo về số liệu của các đơn vị (số liệu có cảnh báo vẫn được tổng hợp; hãy xem lại với đơn vị nếu cần)";

/** One row per unit; `rowIndex` maps the unit's key to its sheet row. */
export function layoutStatusSheet(units: readonly UnitSummary[], header: RollupHeader = {}): SheetLayout {
  const cells: LayoutCell[] = [];
  const merges: MergeRange[] = [];
  const heights: Record<number, number> = { 0: 24 };
  const lastCol = STATUS_HEADER.length - 1;
  const widths = [...STATUS_WIDTHS];

  cells.push({ row: 0, col: 0, value: "TÌNH HÌNH NHẬN BÁO CÁO CỦA CÁC ĐƠN VỊ", style: "title" });
  merges.push({ top: 0, left: 0, bottom: 0, right: lastCol });
  cells.push({ row: 1, col: 1, value: UNIT_LABEL, style: "metaLabel" });
  cells.push(header.unit ? textCell(1, 2, header.unit, "resultText") : { row: 1, col: 2, value: null, style: "resultText", numberFormat: "@" });
  cells.push({ row: 2, col: 1, value: PERIOD_LABEL, style: "metaLabel" });
  cells.push(header.period ? textCell(2, 2, header.period, "resultText") : { row: 2, col: 2, value: null, style: "resultText", numberFormat: "@" });
  const counts = STATUS_ORDER.map((s) => `${UNIT_STATUS_LABELS[s]}: ${units.filter((u) => u.status === s).length}`).join(" · ");
  cells.push({ row: 3, col: 1, value: `${counts} (tổng ${units.length} đơn vị)`, style: "footnote", numberFormat: "@" });

  const headerRow = 5;
  STATUS_HEADER.forEach((h, c) => cells.push({ row: headerRow, col: c, value: h, style: "header" }));
  const rowIndex = new Map<string, number>();
  let row = headerRow + 1;
  units.forEach((u, i) => {
    rowIndex.set(u.key, row);
    cells.push({ row, col: 0, value: i + 1, style: "stt" });
    const C = STATUS_COLUMNS;
    cells.push(textCell(row, C.unit, u.unit, "resultText"));
    cells.push(u.unitSource ? textCell(row, C.unitSource, UNIT_SOURCE_LABELS[u.unitSource], "resultText") : { row, col: C.unitSource, value: null, style: "resultText" });
    cells.push(u.sources.length ? textCell(row, C.files, u.sources.join("\n"), "resultText") : { row, col: C.files, value: null, style: "resultText" });
    const periods = u.files.map((f) => describePeriod({ ...(f.period ? { text: f.period } : {}), ...(f.periodKey ? { key: f.periodKey } : {}) }) || "(không ghi)");
    cells.push(u.files.length ? textCell(row, C.period, periods.join("\n"), u.status === "other-period" ? "excluded" : "resultText") : { row, col: C.period, value: null, style: "resultText" });
    cells.push({ row, col: C.status, value: UNIT_STATUS_LABELS[u.status], style: u.status === "ok" ? "resultText" : "excluded", numberFormat: "@" });
    cells.push({ row, col: C.errors, value: u.errors, style: "result" });
    cells.push({ row, col: C.warnings, value: u.warnings, style: "result" });
    cells.push(textCell(row, C.message, u.message, "resultText"));
    row++;
  });
  // The warnings on the forms used, one row each under the units, in the same columns: the
  // consolidating officer sees what each unit's consolidated figures carry (a rule a correct report
  // may break, a guessed reading, a row read under another label…). Blank required rows are only
  // counted, in «Số cảnh báo».
  const warnings = units.flatMap((u) =>
    u.reports.flatMap((r) => r.issues.filter((i) => i.severity === "warning" && i.code !== "required_blank").map((issue) => ({ u, r, issue }))),
  );
  if (warnings.length) {
    cells.push(textCell(row, 0, WARNINGS_TITLE, "labelHeading"));
    for (let c = 1; c <= lastCol; c++) cells.push({ row, col: c, value: null, style: "labelHeading" });
    merges.push({ top: row, left: 0, bottom: row, right: lastCol });
    row++;
    const C = STATUS_COLUMNS;
    for (const { u, r, issue } of warnings) {
      cells.push({ row, col: 0, value: null, style: "stt" }); // numbered rows are units
      cells.push(textCell(row, C.unit, u.unit, "resultText"));
      cells.push({ row, col: C.unitSource, value: null, style: "resultText" });
      cells.push(textCell(row, C.files, `${r.source}\ntrang «${r.filled.sheet}»${issue.cell ? `, ô ${issue.cell}` : ""}`, "resultText"));
      cells.push({ row, col: C.period, value: null, style: "resultText" });
      cells.push(textCell(row, C.status, "Cảnh báo", "resultText"));
      cells.push({ row, col: C.errors, value: null, style: "result" }, { row, col: C.warnings, value: null, style: "result" });
      cells.push(textCell(row, C.message, issue.message, "resultText"));
      row++;
    }
  }
  const tableBottom = Math.max(row - 1, headerRow);
  const markerCell = { row: 0, col: lastCol + 1 };
  cells.push({ row: 0, col: markerCell.col, value: encodeRollupMarker({ kind: "status", catalogVersion: CATALOG_VERSION }), style: "marker" });
  widths.push(2, 2);
  fitHeights(cells.filter((c) => c.row > headerRow), widths, heights, merges);

  return {
    formId: "",
    widths,
    heights,
    cells,
    merges,
    validations: [],
    conditionalFormats: [],
    frozenRows: headerRow + 1,
    frozenCols: 2,
    printTitleRows: [headerRow, headerRow],
    lastRow: tableBottom,
    lastCol: markerCell.col + 1,
    rowIndex,
    colIndex: new Map(),
    unitCell: { row: 1, col: 2 },
    periodCell: { row: 2, col: 2 },
    markerCell,
    flagsCol: markerCell.col + 1,
    table: { top: headerRow, left: 0, bottom: tableBottom, right: lastCol },
    metadata: { formId: "", catalogVersion: CATALOG_VERSION },
    protect: false,
  };
}

// ---------------------------------------------------------------------------------------------
// The whole output

export interface RollupSheet {
  name: string;
  kind: RollupSheetKind;
  formId?: string;
  layout: SheetLayout;
}

/**
 * Every sheet of a rollup, named: the status sheet, then for each form its rollup and detail
 * sheets. `taken`: names of the sheets that stay in the workbook (after the previous rollup's
 * sheets were deleted, see the header); the new names avoid them.
 */
export function rollupSheets(
  rollups: readonly FormRollup[],
  units: readonly UnitSummary[],
  header: Omit<RollupHeader, "detailSheet" | "statusSheet"> = {},
  taken: Iterable<string> = [],
): RollupSheet[] {
  return runSteps(rollupSheetSteps(rollups, units, header, taken));
}

/** `rollupSheets`, one sheet's layout per step. */
export function* rollupSheetSteps(
  rollups: readonly FormRollup[],
  units: readonly UnitSummary[],
  header: Omit<RollupHeader, "detailSheet" | "statusSheet"> = {},
  taken: Iterable<string> = [],
): Steps<RollupSheet[]> {
  const used = [...taken];
  const name = (wanted: string) => {
    const n = uniqueSheetName(wanted, used);
    used.push(n);
    return n;
  };
  const statusName = name(STATUS_SHEET_NAME);
  const names = rollups.map((r) => ({ rollup: name(ROLLUP_SHEET_PREFIX + defaultSheetName(r.form)), detail: name(DETAIL_SHEET_PREFIX + defaultSheetName(r.form)) }));
  const sheets: RollupSheet[] = [{ name: statusName, kind: "status", layout: layoutStatusSheet(units, header) }];
  for (const [i, r] of rollups.entries()) {
    yield;
    const h = { ...header, detailSheet: names[i].detail, statusSheet: statusName };
    sheets.push({ name: names[i].rollup, kind: "rollup", formId: r.form.id, layout: layoutRollupSheet(r, h) });
    yield;
    sheets.push({ name: names[i].detail, kind: "detail", formId: r.form.id, layout: layoutDetailSheet(r, h) });
  }
  return sheets;
}
