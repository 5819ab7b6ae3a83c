/** The workbook as the host holds it: sheets, cells, formats, validations, handlers. */
import { CellState, DEFAULT_CELL, defaultCell, sameFormat, writeInput } from "./cells";
import { notModelled } from "./errors";
import { MAX_CELLS_PER_OPERATION, MAX_COLS, Rect, cellCount, columnName, matrixOf, parseAddress, rectAddress, sameName } from "./geometry";
export interface ValidationState {
  rule?: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
  ignoreBlanks: boolean;
}

export interface ConditionalFormatState {
  range: Rect;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
}

export interface NameState {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}


export type ChangedHandler = (args: Excel.WorksheetChangedEventArgs) => unknown;

export class SheetState {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  readonly cells = new Map<number, CellState>();
  readonly merges: Rect[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  readonly validations = new Map<number, ValidationState>();
  readonly conditionalFormats: ConditionalFormatState[] = [];
  frozen: { rows: number; cols: number } | null = null;
  protection: { protected: boolean; options: Excel.WorksheetProtectionOptions; password?: string } = { protected: false, options: {} };
  pageLayout: { orientation: "Portrait" | "Landscape"; printTitleRows: string | null; zoom: Excel.PageLayoutZoomOptions } = {
    orientation: "Portrait",
    printTitleRows: null,
    zoom: { scale: 100 },
  };
  readonly names: NameState[] = [];
  /** `Worksheet.onChanged` handlers registered by the add-in. */
  readonly changedHandlers = new Set<ChangedHandler>();

  constructor(readonly id: string, public name: string) {}

  private static key(row: number, col: number): number {
    return row * MAX_COLS + col;
  }

  /** The cell's state (a default, empty cell when never touched). */
  cell(row: number, col: number): Readonly<CellState> {
    return this.cells.get(SheetState.key(row, col)) ?? DEFAULT_CELL;
  }

  /** The cell at an A1 address, e.g. at("C9"). */
  at(address: string): Readonly<CellState> {
    const rect = parseAddress(address);
    if (!rect) throw new Error(`not an A1 address: ${address}`);
    return this.cell(rect.top, rect.left);
  }

  /** Mutable cell, created on first edit. */
  edit(row: number, col: number): CellState {
    const key = SheetState.key(row, col);
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = defaultCell()));
    return cell;
  }

  forEach(rect: Rect, fn: (row: number, col: number) => void): void {
    if (cellCount(rect) > MAX_CELLS_PER_OPERATION) throw notModelled(`an operation over ${rectAddress(rect)}`);
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) fn(r, c);
  }

  validationAt(row: number, col: number): ValidationState | undefined {
    return this.validations.get(SheetState.key(row, col));
  }

  setValidation(row: number, col: number, update: (v: ValidationState) => void): void {
    const key = SheetState.key(row, col);
    const current = this.validations.get(key) ?? { ignoreBlanks: true };
    const next = { ...current };
    update(next);
    this.validations.set(key, next);
  }

  clearValidation(row: number, col: number): void {
    this.validations.delete(SheetState.key(row, col));
  }

  mergeAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? 48; // 8.43 characters of Calibri 11 ≈ 48 points
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? 15;
  }

  /** Bounding box of cells with a value or formula (and, unless valuesOnly, with a format). */
  usedRange(valuesOnly = false): Rect | undefined {
    let rect: Rect | undefined;
    for (const [key, cell] of this.cells) {
      const hasValue = cell.formula !== null || (cell.value !== null && cell.value !== "");
      if (!hasValue && (valuesOnly || sameFormat(cell, DEFAULT_CELL))) continue;
      const row = Math.floor(key / MAX_COLS);
      const col = key % MAX_COLS;
      if (!rect) rect = { top: row, left: col, bottom: row, right: col };
      else {
        rect.top = Math.min(rect.top, row);
        rect.left = Math.min(rect.left, col);
        rect.bottom = Math.max(rect.bottom, row);
        rect.right = Math.max(rect.right, col);
      }
    }
    return rect;
  }
}


export interface StandInOptions {
  /** Minor version of the highest ExcelApi set the host supports (1.7 → 7). Default 17. */
  apiMinor?: number;
  /** Sheets the workbook starts with (default one empty "Sheet1"); cells are typed input. */
  sheets?: { name: string; cells?: (string | number)[][] }[];
  /** Computes a formula cell's value when code reads `values`/`text` of it. */
  calculate?: (sheet: string, row: number, col: number, formula: string) => string | number | boolean;
  /** Request size limit in bytes (Excel on the web: 5 MB). */
  payloadLimit?: number;
}

export class WorkbookState {
  readonly sheets: SheetState[] = [];
  activeSheetId = "";
  /** What `Range.select()` selected last. */
  selection: { sheet: string; address: string } | undefined;
  readonly names: NameState[] = [];
  private nextId = 1;

  constructor(readonly apiMinor: number, readonly calculate: StandInOptions["calculate"]) {}

  newSheet(name: string): SheetState {
    const sheet = new SheetState(`{sheet-${this.nextId++}}`, name);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** The sheet named `name` (exact), for assertions; throws when missing. */
  sheet(name: string): SheetState {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet named ${JSON.stringify(name)}; sheets: ${this.sheetNames().join(", ")}`);
    return sheet;
  }

  findSheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  get activeSheet(): SheetState {
    return this.sheets.find((s) => s.id === this.activeSheetId)!;
  }

  /**
   * What a user types into a cell (or pastes into a range, as a 2-D array) of a sheet: written as
   * typed input, then the sheet's `onChanged` handlers are called — after the current task, as
   * Excel notifies an add-in. Resolves once every handler has returned (and its promise settled).
   * Excel refuses to type into a locked cell of a protected sheet: throws, nothing changes.
   */
  async type(sheetName: string, address: string, input: string | number | (string | number | null)[][]): Promise<void> {
    const sheet = this.sheet(sheetName);
    const rect = parseAddress(address);
    if (!rect) throw new Error(`not an A1 address: ${address}`);
    const at = matrixOf(Array.isArray(input) ? input : [[input]], rect, "type");
    if (sheet.protection.protected) {
      sheet.forEach(rect, (r, c) => {
        if (sheet.cell(r, c).locked) throw new Error(`Excel refuses: ${sheetName}!${columnName(c)}${r + 1} is locked on a protected sheet`);
      });
    }
    sheet.forEach(rect, (r, c) => writeInput(sheet.edit(r, c), at(r - rect.top, c - rect.left), "type"));
    const args = {
      type: "WorksheetChanged",
      source: "Local",
      changeType: "RangeEdited",
      address: rectAddress(rect),
      worksheetId: sheet.id,
      ...(this.apiMinor >= 14 ? { triggerSource: "Unknown" } : {}),
    } as unknown as Excel.WorksheetChangedEventArgs;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await Promise.all([...sheet.changedHandlers].map((handler) => Promise.resolve().then(() => handler(args))));
  }
}
