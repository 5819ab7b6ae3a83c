/**
 * A sheet layout (core/layout) translated into what Google Sheets is told, as plain data: 2-D
 * arrays for the cells block (number formats, values, fonts, fills, alignment, wrapping) and a
 * short list of everything else (widths, merges, borders, hidden columns, validations,
 * conditional formats, frozen panes, protection). Pure: the server renders it
 * (src/sheets/render.ts), and the sidebar computes it for rollup sheets and sends it in row
 * slices, so a sheet of any size is written in pieces that each fit one server call.
 *
 * Same decisions as the Office.js renderer (src/excel/render.ts), from the same layout:
 * - number formats before values, string cells under "@" unless their numberFormat says
 *   otherwise, the values from `layoutMatrix` (one place for the quote-prefix rule);
 * - styles from STYLES, colours from MARK_COLORS, borders around and inside the table and around
 *   bordered cells outside it (the unit and period boxes).
 * Where Sheets differs, said here once:
 * - no indent (labelChild's indent 1 is dropped); no print settings (Apps Script has none);
 * - row heights are left to Sheets, which fits wrapped text itself;
 * - columns are frozen only when no merged area crosses the frozen edge (Sheets refuses that;
 *   the title rows of every appendix span the whole table), rows the same way;
 * - a whole-number rule is a number range 0…max (Sheets' validation has no "whole number"):
 *   a decimal typed into a count is caught by Kiểm tra instead;
 * - protection is a warning only (Sheets' "show a warning when editing"): a real protection would
 *   lock out the other editors of a shared spreadsheet, and the add-on's later marks when another
 *   user runs it.
 */
import { MARKED_ROWS } from "../core/marks";
import type { MergeRange } from "../core/grid";
import { MARK_COLORS, STYLES, layoutMatrix, looksLikeFormula, styleRectangles, type CellStyle, type DataValidation } from "../core/layout";
import type { WireLayout } from "./wire";

/** Sheets measures column width in pixels; a character of the default font is about 7 pixels. */
export const PIXELS_PER_CHAR = 7;
export const FONT_FAMILY = "Times New Roman";

export type HAlign = "left" | "center" | "right" | null;
export type VAlign = "top" | "middle" | null;

/** Rows [from, to) of the cells block, every array rows × cols. */
export interface RowsPlan {
  from: number;
  to: number;
  cols: number;
  formats: string[][];
  values: (string | number)[][];
  families: (string | null)[][];
  sizes: (number | null)[][];
  weights: ("bold" | "normal" | null)[][];
  styles: ("italic" | "normal" | null)[][];
  colors: (string | null)[][];
  backgrounds: (string | null)[][];
  horizontal: HAlign[][];
  vertical: VAlign[][];
  wraps: boolean[][];
  /**
   * Cells whose string a spreadsheet could take for a formula ("=", "+", "-", "@" first) where the
   * layout holds text, [row, col] in sheet coordinates: the writer checks them after writing.
   */
  textChecks: [number, number][];
}

export interface ValidationPlan {
  rect: MergeRange;
  kind: "number" | "list";
  min?: number;
  max?: number;
  list?: string[];
  help: string;
}

export interface ConditionalPlan {
  rect: MergeRange;
  /** With its leading "=". */
  formula: string;
  fill: string;
  font: string;
}

/** Everything but the cells block, applied once the rows are written. */
export interface FinishPlan {
  rows: number;
  cols: number;
  /** Runs of equal widths: [first column, count, pixels]. */
  widths: [number, number, number][];
  merges: MergeRange[];
  /** Boxes with thin lines around; `inside` also draws the lines within (the table). */
  borders: { rect: MergeRange; inside: boolean }[];
  hiddenColumns: number[];
  validations: ValidationPlan[];
  conditional: ConditionalPlan[];
  frozenRows: number;
  frozenCols: number;
  protect: boolean;
  /** Cells a user may type into (no warning there). */
  unprotected: MergeRange[];
}

export interface SheetPlan {
  rows: RowsPlan;
  finish: FinishPlan;
}

function numberFormats(layout: WireLayout, rows: number, cols: number): string[][] {
  const formats = Array.from({ length: rows }, () => new Array<string>(cols).fill("General"));
  // Text cells under "@" so that "- Văn bản…" or an STT "1.2" is never read as a formula, a number
  // or a date (layoutMatrix relies on it): the same rule as the Office.js renderer.
  for (const cell of layout.cells) formats[cell.row][cell.col] = cell.numberFormat ?? (typeof cell.value === "string" ? "@" : "General");
  return formats;
}

function cellsBlock(layout: WireLayout): RowsPlan {
  const rows = layout.lastRow + 1;
  const cols = layout.lastCol + 1;
  const grid = <T>(fill: T): T[][] => Array.from({ length: rows }, () => new Array<T>(cols).fill(fill));
  const plan: RowsPlan = {
    from: 0,
    to: rows,
    cols,
    formats: numberFormats(layout, rows, cols),
    // layoutMatrix's rows are as long as the layout is wide; the Map fields it never reads.
    values: layoutMatrix(layout as Parameters<typeof layoutMatrix>[0]),
    families: grid<string | null>(null),
    sizes: grid<number | null>(null),
    weights: grid<"bold" | "normal" | null>(null),
    styles: grid<"italic" | "normal" | null>(null),
    colors: grid<string | null>(null),
    backgrounds: grid<string | null>(null),
    horizontal: grid<HAlign>(null),
    vertical: grid<VAlign>(null),
    wraps: grid(false),
    textChecks: [],
  };
  for (const [style, rects] of styleRectangles(layout as Parameters<typeof styleRectangles>[0])) {
    const s: CellStyle = STYLES[style];
    for (const r of rects)
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) {
          plan.families[row][col] = FONT_FAMILY;
          plan.sizes[row][col] = s.size ?? 12;
          plan.weights[row][col] = s.bold ? "bold" : "normal";
          plan.styles[row][col] = s.italic ? "italic" : "normal";
          plan.colors[row][col] = s.color ? `#${s.color}` : null;
          plan.backgrounds[row][col] = s.fill ? `#${s.fill}` : null;
          plan.horizontal[row][col] = s.horizontal ?? null;
          plan.vertical[row][col] = s.vertical === "top" ? "top" : "middle";
          plan.wraps[row][col] = !!s.wrap;
        }
  }
  for (const cell of layout.cells)
    if (!cell.formula && typeof cell.value === "string" && looksLikeFormula(cell.value)) plan.textChecks.push([cell.row, cell.col]);
  return plan;
}

/** Rows [from, to) of a rows plan (row indexes stay sheet rows). */
export function sliceRows(plan: RowsPlan, from: number, to: number): RowsPlan {
  const pick = <T>(a: T[][]): T[][] => a.slice(from - plan.from, to - plan.from);
  return {
    from,
    to,
    cols: plan.cols,
    formats: pick(plan.formats),
    values: pick(plan.values),
    families: pick(plan.families),
    sizes: pick(plan.sizes),
    weights: pick(plan.weights),
    styles: pick(plan.styles),
    colors: pick(plan.colors),
    backgrounds: pick(plan.backgrounds),
    horizontal: pick(plan.horizontal),
    vertical: pick(plan.vertical),
    wraps: pick(plan.wraps),
    textChecks: plan.textChecks.filter(([r]) => r >= from && r < to),
  };
}

function validationPlan(v: DataValidation): ValidationPlan {
  const rect = { top: v.top, left: v.left, bottom: v.bottom, right: v.right };
  const help = `${v.promptTitle}: ${v.prompt}`;
  if (v.type === "list") return { rect, kind: "list", list: v.list ?? [], help };
  return { rect, kind: "number", min: v.min ?? 0, max: v.max ?? 0, help };
}

/** Whether a merged area crosses the edge between index `edge - 1` and `edge` on one axis. */
function crosses(merges: readonly MergeRange[], edge: number, axis: "row" | "col"): boolean {
  return merges.some((m) => (axis === "row" ? m.top < edge && m.bottom >= edge : m.left < edge && m.right >= edge));
}

function finishPlan(layout: WireLayout): FinishPlan {
  const rows = layout.lastRow + 1;
  const cols = layout.lastCol + 1;
  const widths: [number, number, number][] = [];
  layout.widths.forEach((w, col) => {
    const px = Math.round(w * PIXELS_PER_CHAR);
    const last = widths[widths.length - 1];
    if (last && last[0] + last[1] === col && last[2] === px) last[1]++;
    else widths.push([col, 1, px]);
  });
  const t = layout.table;
  const borders = [{ rect: t, inside: true }];
  for (const cell of layout.cells) {
    const outside = cell.row < t.top || cell.row > t.bottom || cell.col < t.left || cell.col > t.right;
    if (!STYLES[cell.style].border || !outside) continue;
    const merge = layout.merges.find((m) => m.top === cell.row && m.left === cell.col);
    borders.push({ rect: merge ?? { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col }, inside: false });
  }
  const unprotected: MergeRange[] = [];
  for (const [style, rects] of styleRectangles(layout as Parameters<typeof styleRectangles>[0])) if (!STYLES[style].locked) unprotected.push(...rects);
  const conditional = layout.conditionalFormats.map((cf) => {
    const colors = MARK_COLORS[cf.severity ?? "error"];
    return { rect: { top: cf.top, left: cf.left, bottom: cf.bottom, right: cf.right }, formula: `=${cf.formula}`, fill: `#${colors.fill}`, font: `#${colors.font}` };
  });
  return {
    rows,
    cols,
    widths,
    merges: layout.merges,
    borders,
    hiddenColumns: [layout.markerCell.col, layout.flagsCol],
    validations: layout.validations.map(validationPlan),
    conditional,
    frozenRows: crosses(layout.merges, layout.frozenRows, "row") ? 0 : layout.frozenRows,
    frozenCols: crosses(layout.merges, layout.frozenCols, "col") ? 0 : layout.frozenCols,
    protect: layout.protect !== false,
    unprotected,
  };
}

export function sheetPlan(layout: WireLayout): SheetPlan {
  return { rows: cellsBlock(layout), finish: finishPlan(layout) };
}

/** Rows of a mark rule (core/marks): MARKED_ROWS below the first, within the sheet's rows. */
export function markedRows(maxRows: number): number {
  return Math.min(MARKED_ROWS + 1, maxRows);
}

/** The layout as sent over the wire (the row and column maps stay home). */
export function toWire(layout: WireLayout & { rowIndex?: unknown; colIndex?: unknown }): WireLayout {
  const { rowIndex: _r, colIndex: _c, ...wire } = layout;
  return wire;
}
