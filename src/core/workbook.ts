/**
 * A whole workbook through the core: every sheet recognised (our templates by their marker,
 * others by title and labels) and every recognised sheet validated. The one pipeline behind
 * `cchc validate`, the pane's standalone mode and the Excel "Kiểm tra" button. Received
 * workbooks (`receivedFromGrids`, consolidation's sources) bind a template that is exactly as we
 * wrote it straight from its layout (`bindTemplate`), and recognise everything else.
 */
import { inputColumns, type Form } from "../catalog/schema";
import { CATALOG_VERSION } from "../catalog";
import type { BoundCell, FilledForm } from "./filled";
import { a1, columnLetters, type Grid, type RawCell } from "./grid";
import { layoutForm, type SheetLayout } from "./layout";
import { sortIssues, validateFilled } from "./validate";
import type { Issue } from "./issues";
import { reportLevel } from "./levels";
import { findUnitAndPeriod, recogniseSheet, type Recognition, type UnitPeriod } from "./recognise";
import { UNIT_PREFIXES, type ReceivedSource } from "./units";
import { foldVietnamese } from "./normalize";
import { findPeriod } from "./period";
import { isRollupSheet } from "./rollup-layout";
import { readMarker } from "./metadata";

export interface SheetAnalysis {
  sheet: string;
  /** Absent when the sheet matched no form. */
  filled?: FilledForm;
  recognition: Recognition;
  /** Recognition and validation issues of this sheet, sorted. */
  issues: Issue[];
}

function isEmpty(grid: Grid): boolean {
  return !grid.cells.some((row) => row?.some((cell) => cell && cell.value !== null && String(cell.value).trim() !== ""));
}

/** Sheets worth reading as a unit's appendix: not empty, and not written by a rollup. */
function isCandidate(grid: Grid): boolean {
  return !isEmpty(grid) && !isRollupSheet(grid);
}

export function analyseSheet(grid: Grid, forms: readonly Form[]): SheetAnalysis {
  const recognition = recogniseSheet(grid, forms);
  const read = grid.issues ?? [];
  if (recognition.status !== "recognised") return { sheet: grid.sheet, recognition, issues: [...read, ...recognition.issues] };
  const { filled } = recognition;
  const level = reportLevel(filled.form, filled.unit);
  const issues = sortIssues([...read, ...recognition.issues, ...validateFilled(filled, level ? { level } : {})]);
  return { sheet: grid.sheet, filled, recognition, issues };
}

/** Analyses every non-empty sheet a rollup did not write. Sheets that match no form are returned as unrecognised. */
export function analyseWorkbook(sheets: readonly Grid[], forms: readonly Form[]): SheetAnalysis[] {
  return sheets.filter(isCandidate).map((g) => analyseSheet(g, forms));
}

// ---------------------------------------------------------------------------------------------
// Our templates as written: bound straight from the layout

/** What a template of a form holds where a unit types nothing, and where it may type. */
interface TemplateShape {
  layout: SheetLayout;
  /** Cell key → the template's text there (title, headers, STT, labels, marker…). */
  fixed: Map<number, string>;
  /** Cell keys a unit fills or corrects: input cells (totals included), unit and period. */
  free: Set<number>;
  /**
   * The rows holding the unit and period, when they alone decide what `findUnitAndPeriod` finds
   * above the table (the template's other texts there — appendix line, title, "(Kèm theo …)" —
   * name no unit or period); else undefined, and the whole top is read.
   */
  unitRows?: number[];
  /** Where every row's input cells are: the FilledForm's skeleton. */
  bindings: { rowId: string; row: number; cells: { columnId: string; col: number; address: string }[] }[];
}

const COLS = 1 << 14; // Excel's column count: key = row × COLS + col

/**
 * What `findUnitAndPeriod` found in the unit and period rows of a template, by their content
 * (`rowKey`, positions included): the sheets of one workbook carry the same, so it is read once.
 */
export type UnitsSeen = Map<string, Omit<UnitPeriod, "conflicts">>;
const shapes = new WeakMap<Form, TemplateShape>();

function shapeOf(form: Form): TemplateShape {
  let shape = shapes.get(form);
  if (shape) return shape;
  const layout = layoutForm(form);
  const free = new Set<number>([layout.unitCell, layout.periodCell].map((p) => p.row * COLS + p.col));
  const columns = inputColumns(form).flatMap((c) => (layout.colIndex.has(c.id) ? [layout.colIndex.get(c.id)!] : []));
  for (const r of layout.rowIndex.values()) for (const c of columns) free.add(r * COLS + c);
  const fixed = new Map<number, string>();
  for (const cell of layout.cells) {
    const key = cell.row * COLS + cell.col;
    if (cell.formula || free.has(key) || cell.col === layout.flagsCol || cell.value === null || cell.value === "") continue;
    fixed.set(key, String(cell.value));
  }
  const unitRows = [...new Set([layout.unitCell.row, layout.periodCell.row])].sort((a, b) => a - b);
  const top: (RawCell | null)[][] = [];
  for (const [key, text] of fixed) {
    const r = Math.floor(key / COLS);
    if (r < layout.table.top && !unitRows.includes(r)) (top[r] ??= [])[key % COLS] = { value: text };
  }
  const topFound = findUnitAndPeriod({ sheet: "", cells: top }, layout.table.top, form);
  const silent = topFound.unit === undefined && topFound.period === undefined;
  const inputs = inputColumns(form).filter((c) => layout.colIndex.has(c.id));
  const bindings = form.rows.flatMap((row) => {
    const r = layout.rowIndex.get(row.id);
    if (r === undefined) return [];
    return [{ rowId: row.id, row: r, cells: inputs.map((c) => ({ columnId: c.id, col: layout.colIndex.get(c.id)!, address: a1(r, layout.colIndex.get(c.id)!) })) }];
  });
  shape = { layout, fixed, free, ...(silent ? { unitRows } : {}), bindings };
  shapes.set(form, shape);
  return shape;
}

const filledIn = (cell: RawCell | null | undefined): boolean =>
  !!cell && cell.value !== null && cell.value !== undefined && (typeof cell.value !== "string" || cell.value.trim() !== "");

/** A row's cells as `rawText` in recognise.ts sees them: the memo key of `findUnitAndPeriod`. */
function rowKey(row: readonly (RawCell | null | undefined)[] | undefined): string {
  let key = "";
  row?.forEach((cell, c) => {
    if (cell) key += `${c}\u0001${cell.text ?? ""}\u0001${typeof cell.value}\u0001${String(cell.value)}\u0002`;
  });
  return key;
}

/**
 * A sheet that is our template of its marker's form exactly as written — same catalogue version,
 * every title, header, STT and label in its place, nothing typed outside the input cells, the
 * unit and period cells and the hidden marks column — bound straight from the layout: what
 * recognition finds for such a sheet (without a single issue), without comparing labels, so that
 * reading our own templates costs next to nothing. Undefined for anything else (rows inserted or
 * moved, a label edited, a note typed under the table, another catalogue version): recognition
 * then decides, and reports what differs.
 */
export function bindTemplate(grid: Grid, forms: readonly Form[], seen: UnitsSeen = new Map()): FilledForm | undefined {
  const meta = grid.metadata ?? readMarker(grid);
  if (!meta || meta.catalogVersion !== CATALOG_VERSION) return undefined;
  const form = forms.find((f) => f.id === meta.formId);
  if (!form) return undefined;
  const shape = shapeOf(form);
  const { layout, fixed, free, unitRows } = shape;
  for (const [key, text] of fixed) {
    const cell = grid.cells[Math.floor(key / COLS)]?.[key % COLS];
    if (!cell || (typeof cell.value === "string" ? cell.value : String(cell.value)) !== text) return undefined;
  }
  for (let r = 0; r < grid.cells.length; r++) {
    const row = grid.cells[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      if (c === layout.flagsCol || !filledIn(row[c])) continue;
      const key = r * COLS + c;
      if (!free.has(key) && !fixed.has(key)) return undefined;
    }
  }
  const cells = new Map<string, Map<string, BoundCell>>();
  const rowIndex = new Map<string, number>();
  for (const b of shape.bindings) {
    rowIndex.set(b.rowId, b.row);
    const bound = new Map<string, BoundCell>();
    const row = grid.cells[b.row];
    for (const x of b.cells) bound.set(x.columnId, { address: x.address, raw: row?.[x.col] ?? null });
    cells.set(b.rowId, bound);
  }
  // Only the unit and period rows can name them (see TemplateShape): read just those, in order,
  // once per distinct content (a unit's sheets all carry the same).
  let found: Omit<UnitPeriod, "conflicts">;
  if (unitRows) {
    const rows = unitRows.map((r) => grid.cells[r] ?? []);
    const key = rows.map(rowKey).join("\u0003");
    found = seen.get(key) ?? findUnitAndPeriod({ sheet: grid.sheet, cells: rows }, rows.length, form);
    seen.set(key, found);
  } else found = findUnitAndPeriod(grid, layout.table.top, form);
  const unit = meta.unit?.trim() ? meta.unit.trim() : found.unit;
  const unitSource = meta.unit?.trim() ? "marker" : found.unitSource;
  const period = meta.period?.trim() ? meta.period.trim() : found.period;
  const periodKey = meta.period?.trim() ? findPeriod(meta.period)?.key : found.periodKey;
  return {
    form,
    sheet: grid.sheet,
    ...(unit ? { unit, ...(unitSource ? { unitSource } : {}) } : {}),
    ...(period ? { period, ...(periodKey ? { periodKey } : {}) } : {}),
    cells,
    rowIndex,
  };
}

type SheetRecognition = { status: "recognised"; filled: FilledForm; issues: Issue[] } | { status: "unrecognised"; reason: string };

function recogniseReceived(grid: Grid, forms: readonly Form[], seen: UnitsSeen): SheetRecognition {
  const filled = bindTemplate(grid, forms, seen);
  const recognition: SheetRecognition = filled ? { status: "recognised", filled, issues: [] } : recogniseSheet(grid, forms);
  return grid.issues?.length && recognition.status === "recognised" ? { ...recognition, issues: [...grid.issues, ...recognition.issues] } : recognition;
}

/** Sheet names that name no unit: defaults of spreadsheet programs and names of forms. */
const GENERIC_SHEET = /^(?:sheet|trang tinh|feuil|tabelle|bieu|bieu mau|mau|phu luc|pl|bang|tong hop|th|data|du lieu|so lieu|bao cao)\b|^\d+$/;

/**
 * True when a sheet's name stands for the unit of a form that names none: the name starts with
 * an administrative prefix ("Xã Ia Pa", "Phường 1", "UBND thị trấn Kbang"), or the workbook holds
 * several sheets of the same form and the name is not a generic one ("Sheet1", "Phụ lục 3").
 */
export function sheetNamesUnit(filled: FilledForm, all: readonly FilledForm[]): boolean {
  const name = foldVietnamese(filled.sheet);
  if (!name || GENERIC_SHEET.test(name)) return false;
  if (UNIT_PREFIXES.some((p) => name.startsWith(`${p} `) && name.length > p.length + 1)) return true;
  return all.filter((f) => f.form.id === filled.form.id).length > 1;
}

/** Why no sheet of a workbook is an appendix, in Vietnamese: each sheet's reason, or what the workbook is. */
export function unrecognisedReason(sheets: readonly Grid[], recognitions: readonly { sheet: string; recognition: { status: string; reason?: string } }[]): string {
  if (recognitions.length) {
    // What the reader noticed (a legacy font) may be why: the first of it, after the sheets' reasons.
    const read = sheets.flatMap((g) => (g.issues ?? []).map((i) => i.message)).slice(0, 1);
    return [...recognitions.map((r) => (r.recognition.status === "unrecognised" ? `«${r.sheet}»: ${r.recognition.reason}` : "")), ...read].filter(Boolean).join("; ");
  }
  return sheets.some(isRollupSheet)
    ? "đây là bảng tổng hợp do CCHC Phụ lục tạo ra, không phải báo cáo của một đơn vị; hãy chọn các tệp phụ lục mà từng đơn vị gửi"
    : "mọi trang tính đều trống";
}

/**
 * A received workbook (file, or sheets of the open workbook) as a source for consolidation:
 * its recognised forms with their recognition issues; validation happens in the rollup.
 */
export function receivedFromGrids(source: string, sheets: readonly Grid[], forms: readonly Form[], unit?: string): ReceivedSource {
  const nonEmpty = sheets.filter(isCandidate);
  const seen: UnitsSeen = new Map();
  const recognitions = nonEmpty.map((g) => ({ sheet: g.sheet, recognition: recogniseReceived(g, forms, seen) }));
  const read = recognitions.flatMap((r) => (r.recognition.status === "recognised" ? [r.recognition.filled] : []));
  const filled = read.map((f) => (f.unit || !sheetNamesUnit(f, read) ? f : { ...f, unit: f.sheet, unitSource: "sheet" as const }));
  const issues = recognitions.flatMap((r) => (r.recognition.status === "recognised" ? r.recognition.issues : []));
  if (!filled.length) {
    const reason = unrecognisedReason(sheets, recognitions);
    return { source, ...(unit ? { unit } : {}), outcome: "unrecognised", reason, forms: [], issues: [] };
  }
  return { source, ...(unit ? { unit } : {}), outcome: "read", forms: filled, issues };
}

/** How a sheet of the open workbook (Excel, Google Sheets) is named as a source (status sheet, messages). */
export function sheetSourceLabel(sheet: string): string {
  return `Trang tính «${sheet}»`;
}

/**
 * One consolidation source per chosen sheet of the open workbook (each sheet is one unit's
 * report), rollup sheets left out. The unit: `units[sheet]` (the user's correction in the pane),
 * else the form's own (template metadata or the sheet's unit cell), else the sheet's name.
 */
export function sourcesFromSheets(grids: readonly Grid[], forms: readonly Form[], units: Readonly<Record<string, string>> = {}): ReceivedSource[] {
  const sources: ReceivedSource[] = [];
  for (const grid of grids) {
    if (isRollupSheet(grid)) continue;
    const given = units[grid.sheet]?.trim();
    const source = receivedFromGrids(sheetSourceLabel(grid.sheet), [grid], forms, given || undefined);
    const named = given || source.forms.some((f) => f.unit?.trim());
    sources.push(named ? source : { ...source, unit: grid.sheet, unitSource: "sheet" });
  }
  return sources;
}

/** A checked sheet as a host adapter (Excel, Google Sheets) reports it to the pane. */
export interface SheetSummary {
  sheet: string;
  formId: string;
  formTitle: string;
  unit?: string;
  errors: number;
  warnings: number;
  /** Letters of the hidden flags column, when the sheet has one (changes there are our marks). */
  flagsColumn?: string;
}

/** The summary of a recognised sheet's analysis, with the flags column its marks went to. */
export function sheetSummary(analysis: SheetAnalysis & { filled: FilledForm }, flagsCol: number | undefined): SheetSummary {
  const errors = analysis.issues.filter((i) => i.severity === "error").length;
  return {
    sheet: analysis.sheet,
    formId: analysis.filled.form.id,
    formTitle: analysis.filled.form.title,
    ...(analysis.filled.unit ? { unit: analysis.filled.unit } : {}),
    errors,
    warnings: analysis.issues.length - errors,
    ...(flagsCol !== undefined ? { flagsColumn: columnLetters(flagsCol) } : {}),
  };
}
