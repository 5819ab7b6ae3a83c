/**
 * The standalone mode's workbook: an in-memory list of sheets the user works on outside Excel.
 * A sheet is either a template the pane inserted (kept as its layout, so the download is the same
 * styled, validated, protected sheet the add-in writes into Excel) or a sheet of a file the user
 * opened (kept as the values read by SheetJS). Every sheet also has a Grid — what the preview
 * shows and what Kiểm tra reads — kept in step with the edits the user makes in the preview.
 *
 * Pure TypeScript (no React, no xlsx library): xlsx reading and writing are in workspace-io.ts,
 * loaded on demand.
 */
import { findForm, type Form } from "../catalog";
import { a1, parseA1, type Grid, type RawCell } from "../core/grid";
import { layoutForm, STYLES, type LayoutOptions, type SheetLayout } from "../core/layout";
import { parseCell } from "../core/parse";
import { defaultSheetName, uniqueSheetName } from "../core/sheet-names";
import { effectiveKind } from "../core/validate";

export interface WorkspaceSheet {
  /** Stable key for React; the name may change in a later version (rename). */
  readonly key: string;
  readonly name: string;
  readonly origin:
    | { type: "template"; formId: string }
    | { type: "file"; file: string }
    | { type: "rollup"; kind: "status" | "rollup" | "detail"; formId?: string };
  /** What the sheet holds now (formula cells carry their computed or cached value). */
  readonly grid: Grid;
  /** Templates only: the layout, with the user's input written into its input cells. */
  readonly layout?: SheetLayout;
}

export interface Selection {
  sheet: string;
  /** A1 address. */
  cell: string;
}

export interface WorkspaceState {
  readonly sheets: readonly WorkspaceSheet[];
  readonly active?: string;
  readonly selection?: Selection;
  /** Files opened, in order, for the header ("Đã mở: a.xlsx, b.ods"). */
  readonly files: readonly string[];
}

/** Why an edit was refused (Vietnamese). */
export class EditRefused extends Error {
  override name = "EditRefused";
}

const TOTAL_FORMULA = /^IF\(COUNT\(([^()]*)\)=0,"",SUM\(([^()]*)\)\)$/;

/** Value of the layout's own total formula (IF(COUNT(…)=0,"",SUM(…))); undefined for others. */
export function evaluateTotal(grid: Grid, formula: string): RawCell["value"] | undefined {
  const m = TOTAL_FORMULA.exec(formula.replace(/^=/, "").replace(/\s+/g, ""));
  if (!m) return undefined;
  let n = 0;
  let sum = 0;
  for (const ref of m[2].split(",")) {
    const at = parseA1(ref);
    const v = at ? grid.cells[at.row]?.[at.col]?.value : undefined;
    if (typeof v === "number" && Number.isFinite(v)) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return "";
  return Number.isInteger(sum) ? sum : Number(sum.toPrecision(15));
}

/** Recomputes the layout's total formulas in place (cells of files keep their cached values). */
function recalc(grid: Grid): void {
  for (const row of grid.cells) {
    for (const cell of row ?? []) {
      if (!cell?.formula) continue;
      const v = evaluateTotal(grid, cell.formula);
      if (v !== undefined) {
        cell.value = v === "" ? null : v;
        delete cell.text;
      }
    }
  }
}

/** The grid a template sheet holds: the layout's values, with totals computed. */
export function gridFromLayout(name: string, layout: SheetLayout): Grid {
  const cells: (RawCell | null)[][] = [];
  for (let r = 0; r <= layout.lastRow; r++) cells.push(new Array<RawCell | null>(layout.lastCol + 1).fill(null));
  for (const cell of layout.cells) {
    if (cell.formula) cells[cell.row][cell.col] = { value: null, formula: cell.formula };
    else if (cell.value !== null && cell.value !== "") cells[cell.row][cell.col] = { value: cell.value };
  }
  // Template metadata is read back from the marker cell by recognition, as for files.
  const grid: Grid = { sheet: name, cells, merges: layout.merges.map((m) => ({ ...m })) };
  recalc(grid);
  return grid;
}

/** "12" → 12; other text stays text (the core reads "3,7", "1.076", "a/b" by the cell's kind). */
function plainValue(text: string): string | number | null {
  const t = text.trim();
  if (t === "") return null;
  if (/^-?\d{1,15}$/.test(t)) return Number(t);
  return text;
}

/** What a typed text becomes in a template's input cell: a number when the kind reads one surely. */
function templateValue(form: Form | undefined, layout: SheetLayout, row: number, col: number, text: string): string | number | null {
  const plain = plainValue(text);
  if (!form || plain === null || typeof plain === "number") return plain;
  const rowId = [...layout.rowIndex].find(([, r]) => r === row)?.[0];
  const colId = [...layout.colIndex].find(([, c]) => c === col)?.[0];
  const formRow = form.rows.find((r) => r.id === rowId);
  const column = form.columns.find((c) => c.id === colId);
  if (!formRow || !column) return text.trim();
  const parsed = parseCell({ value: text.trim() }, effectiveKind(formRow, column), formRow);
  if (parsed.type === "number" && !parsed.guess && !parsed.fraction) return parsed.value;
  if (parsed.type === "code" && !parsed.guess) return parsed.value;
  return text.trim();
}

let nextKey = 1;

export class Workspace {
  private state: WorkspaceState = { sheets: [], files: [] };
  private readonly listeners = new Set<() => void>();

  /** For React's useSyncExternalStore: a new object after every change. */
  getState = (): WorkspaceState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: Partial<WorkspaceState>): void {
    this.state = { ...this.state, ...next };
    for (const l of [...this.listeners]) l();
  }

  get sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  sheet(name: string): WorkspaceSheet | undefined {
    const lower = name.toLocaleLowerCase("vi");
    return this.state.sheets.find((s) => s.name.toLocaleLowerCase("vi") === lower);
  }

  /** Appends one template sheet per form (names made unique) and activates the first. */
  addTemplates(forms: readonly Form[], options: LayoutOptions): { name: string; formId: string }[] {
    const taken = this.sheetNames;
    const added: WorkspaceSheet[] = forms.map((form) => {
      const name = uniqueSheetName(defaultSheetName(form), taken);
      taken.push(name);
      const layout = layoutForm(form, options);
      return { key: `s${nextKey++}`, name, origin: { type: "template", formId: form.id }, layout, grid: gridFromLayout(name, layout) };
    });
    if (added.length) this.set({ sheets: [...this.state.sheets, ...added], active: added[0].name, selection: undefined });
    return added.map((s) => ({ name: s.name, formId: (s.origin as { formId: string }).formId }));
  }

  /**
   * Appends sheets the pane computed (a rollup's), as layouts, and activates the first. `replace`:
   * sheets that go in the same change (the previous rollup's), so their names are free for the
   * new ones — a rebuild gives the same sheets under the same names. Other names are made unique.
   */
  addLayouts(
    sheets: readonly { name: string; layout: SheetLayout; kind: "status" | "rollup" | "detail"; formId?: string }[],
    replace: readonly string[] = [],
  ): { name: string; kind: "status" | "rollup" | "detail" }[] {
    const kept = this.state.sheets.filter((s) => !replace.includes(s.name));
    const taken = kept.map((s) => s.name);
    const added: WorkspaceSheet[] = sheets.map((s) => {
      const name = uniqueSheetName(s.name, taken);
      taken.push(name);
      return {
        key: `s${nextKey++}`,
        name,
        origin: { type: "rollup", kind: s.kind, ...(s.formId ? { formId: s.formId } : {}) },
        layout: s.layout,
        grid: gridFromLayout(name, s.layout),
      };
    });
    const gone = this.state.selection && !taken.includes(this.state.selection.sheet);
    if (added.length || kept.length !== this.state.sheets.length) {
      this.set({
        sheets: [...kept, ...added],
        active: added[0]?.name ?? kept[0]?.name,
        selection: added.length || gone ? undefined : this.state.selection,
      });
    }
    return added.map((s) => ({ name: s.name, kind: (s.origin as { kind: "status" | "rollup" | "detail" }).kind }));
  }

  /** Appends the sheets of an opened file (names made unique) and activates the first. */
  addFile(file: string, grids: readonly Grid[]): string[] {
    const taken = this.sheetNames;
    const added: WorkspaceSheet[] = grids.map((g) => {
      const name = uniqueSheetName(g.sheet, taken);
      taken.push(name);
      return { key: `s${nextKey++}`, name, origin: { type: "file", file }, grid: { ...g, sheet: name } };
    });
    this.set({
      sheets: [...this.state.sheets, ...added],
      files: [...this.state.files, file],
      ...(added.length ? { active: added[0].name, selection: undefined } : {}),
    });
    return added.map((s) => s.name);
  }

  activate(name: string): void {
    const sheet = this.sheet(name);
    if (sheet && this.state.active !== sheet.name) this.set({ active: sheet.name, selection: undefined });
  }

  /** Activates the sheet and selects the cell; false when the sheet is gone. */
  select(name: string, cell: string): boolean {
    const sheet = this.sheet(name);
    const at = parseA1(cell);
    if (!sheet) return false;
    this.set({ active: sheet.name, selection: at ? { sheet: sheet.name, cell: a1(at.row, at.col) } : undefined });
    return true;
  }

  remove(name: string): void {
    const sheets = this.state.sheets.filter((s) => s.name !== name);
    const active = this.state.active === name ? sheets[0]?.name : this.state.active;
    this.set({ sheets, active, selection: this.state.selection?.sheet === name ? undefined : this.state.selection });
  }

  clear(): void {
    this.set({ sheets: [], files: [], active: undefined, selection: undefined });
  }

  /** Whether the user may type into this cell (templates: only input cells, as in Excel). */
  editable(name: string, cell: string): boolean {
    const sheet = this.sheet(name);
    const at = parseA1(cell);
    if (!sheet || !at) return false;
    if (!sheet.layout) return true;
    const lc = sheet.layout.cells.find((c) => c.row === at.row && c.col === at.col);
    return !!lc && !STYLES[lc.style].locked;
  }

  /** Writes what the user typed into a cell. Throws EditRefused on a locked template cell. */
  setCell(name: string, cell: string, text: string): void {
    const sheet = this.sheet(name);
    const at = parseA1(cell);
    if (!sheet || !at) throw new EditRefused(`Không có ô ${cell} trong trang «${name}».`);
    let layout = sheet.layout;
    let value: string | number | null;
    if (layout) {
      const index = layout.cells.findIndex((c) => c.row === at.row && c.col === at.col);
      const lc = index >= 0 ? layout.cells[index] : undefined;
      if (lc?.style === "notApplicable")
        throw new EditRefused(`Ô ${cell}: ${String(lc.value ?? "dòng này không áp dụng cho cấp của đơn vị").toLocaleLowerCase("vi")} — đơn vị không báo cáo dòng này. Chỉ nhập vào các ô nền vàng nhạt.`);
      if (!lc || STYLES[lc.style].locked) {
        throw new EditRefused(
          `Ô ${cell} không nhận số liệu (tiêu đề, nhãn dòng hoặc dòng tổng tự tính). Chỉ nhập vào các ô nền vàng nhạt.`,
        );
      }
      const form = findForm(layout.formId);
      value = lc.numberFormat === "@" ? (text.trim() === "" ? null : text) : templateValue(form, layout, at.row, at.col, text);
      const cells = [...layout.cells];
      cells[index] = { ...lc, value };
      layout = { ...layout, cells };
    } else {
      value = plainValue(text);
    }
    const rows = sheet.grid.cells.map((r) => (r ? r.map((c) => (c ? { ...c } : c)) : r));
    while (rows.length <= at.row) rows.push([]);
    const row = rows[at.row] ?? (rows[at.row] = []);
    while (row.length <= at.col) row.push(null);
    // A value typed over a formula of a file replaces the formula, as in Excel.
    row[at.col] = value === null ? null : { value };
    const grid: Grid = { ...sheet.grid, cells: rows };
    if (layout) recalc(grid);
    const updated: WorkspaceSheet = { ...sheet, grid, ...(layout ? { layout } : {}) };
    this.set({
      sheets: this.state.sheets.map((s) => (s === sheet ? updated : s)),
      selection: { sheet: sheet.name, cell: a1(at.row, at.col) },
    });
  }
}

/** Text a cell shows in the preview. */
// Made once: `toLocaleString` makes a formatter at every call, and the preview shows thousands of cells.
let wholeVi: Intl.NumberFormat | undefined;
let decimalVi: Intl.NumberFormat | undefined;

export function displayText(cell: RawCell | null | undefined): string {
  if (!cell) return "";
  if (typeof cell.text === "string" && cell.text !== "") return cell.text;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return (Number.isInteger(v) ? (wholeVi ??= new Intl.NumberFormat("vi-VN")) : (decimalVi ??= new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 }))).format(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}
