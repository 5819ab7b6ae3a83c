/** The workbook as the host holds it: sheets, cells, formats, validations, handlers. */
import { CellState, DEFAULT_CELL, defaultCell, sameFormat, writeInput, type Locale } from "./cells";
import { notModelled, rich, type RichApiError } from "./errors";
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
/** `WorksheetCollection.onAdded` / `onDeleted` handlers (ExcelApi 1.7). */
export type SheetEventHandler = (args: { type: string; source: string; worksheetId: string }) => unknown;

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
  /** Computes a formula cell's value when code reads `values`/`text` of it (see `templateFormulas`). */
  calculate?: (sheet: string, row: number, col: number, formula: string, workbook: WorkbookState) => string | number | boolean;
  /**
   * "web" (default): Excel on the web, which refuses a request or a response over 5 MB
   * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded — "This error only occurs
   * in Excel on the web": https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling,
   * limits: https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
   * "desktop": no payload limit.
   */
  platform?: "web" | "desktop";
  /** Request size limit in bytes (web: 5 MB). */
  payloadLimit?: number;
  /** Response size limit in bytes (web: 5 MB). */
  responseLimit?: number;
  /**
   * How long a round trip takes, in ms (default 1). Excel answers a sync asynchronously and, on the
   * web, over the network: code that starts a second run while the first is in flight overlaps.
   */
  latencyMs?: number;
  /** Regional settings: how typed input is read and numbers shown (default "en-US"). */
  locale?: Locale;
}

/** Excel on the web's request and response limit: 5 MB (see StandInOptions.platform). */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** One request the host received (for tests: sizes are measured where the client is office.js). */
export interface RequestRecord {
  /** Request body bytes (UTF-8): measured with the office-js client, estimated with the stand-in's own proxies. */
  bytes: number;
  /** Response body bytes (UTF-8), when measured. */
  responseBytes?: number;
  /** Error code when the request failed. */
  error?: string;
}

let workbookSerial = 0;

/**
 * One task later: office.js hands an event to the add-in's handlers through a few promise steps,
 * without returning their promises; the user's actions resolve once those have started.
 */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class WorkbookState {
  readonly sheets: SheetState[] = [];
  activeSheetId = "";
  /** What `Range.select()` selected last. */
  selection: { sheet: string; address: string } | undefined;
  readonly names: NameState[] = [];
  /** `WorksheetCollection.onAdded` / `onDeleted` handlers registered by the add-in. */
  readonly addedHandlers = new Set<SheetEventHandler>();
  readonly deletedHandlers = new Set<SheetEventHandler>();
  /** Every request received, in order. */
  readonly requests: RequestRecord[] = [];
  readonly platform: "web" | "desktop";
  readonly requestLimit: number;
  readonly responseLimit: number;
  latencyMs: number;
  readonly locale: Locale;
  /**
   * The cell the user is editing (cell-edit mode), or null. While a cell is being edited Excel
   * refuses every API request with InvalidOperationInCellEditMode ("If you are in cell edit mode,
   * JS API cannot execute", office-js#625; the message asks to press Enter or Tab).
   */
  editing: { sheet: string; address: string } | null = null;
  private readonly serial = ++workbookSerial;
  private nextId = 1;
  private failures: { after: number; code: string }[] = [];
  private pendingEvents: (() => unknown)[] = [];

  constructor(readonly apiMinor: number, readonly calculate: StandInOptions["calculate"], options: StandInOptions = {}) {
    this.platform = options.platform ?? "web";
    const web = this.platform === "web";
    this.requestLimit = options.payloadLimit ?? (web ? WEB_PAYLOAD_LIMIT : Infinity);
    this.responseLimit = options.responseLimit ?? (web ? WEB_PAYLOAD_LIMIT : Infinity);
    this.latencyMs = options.latencyMs ?? 1;
    this.locale = options.locale ?? "en-US";
  }

  newSheet(name: string): SheetState {
    // Excel's ids are GUIDs, unique across workbooks; event registrations are keyed by them.
    const sheet = new SheetState(`{${String(this.serial).padStart(8, "0")}-0000-0000-0000-${String(this.nextId++).padStart(12, "0")}}`, name);
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

  // ---- requests -----------------------------------------------------------------------------

  /** Test hook: the request after the next `after` ones fails with `code`, nothing of it applied. */
  failRequest(after: number, code = "GeneralException"): void {
    this.failures.push({ after, code });
  }

  /** @internal The wait of a round trip. */
  roundTrip(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }

  /**
   * @internal Called when a request arrives, before anything of it runs: refuses it in
   * cell-edit mode, or when a failure was injected (`failRequest`).
   */
  admit(record: RequestRecord): RichApiError | undefined {
    this.requests.push(record);
    let error: RichApiError | undefined;
    if (this.editing) error = rich("InvalidOperationInCellEditMode", "RequestContext.sync");
    const due = this.failures.findIndex((f) => f.after === 0);
    for (const f of this.failures) f.after--;
    if (!error && due >= 0) error = rich(this.failures[due].code, "RequestContext.sync", "injected by the test");
    this.failures = this.failures.filter((f) => f.after >= 0);
    if (error) record.error = error.code;
    return error;
  }

  /** @internal An event to deliver once the current request has been answered. */
  queueEvent(fire: () => unknown): void {
    this.pendingEvents.push(fire);
  }

  /**
   * @internal Delivers the events the last request raised, after the current task (Excel notifies
   * an add-in asynchronously). Resolves once every handler has returned and its promise settled.
   */
  async flushEvents(): Promise<void> {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    if (!events.length) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await Promise.all(events.map((fire) => Promise.resolve().then(fire)));
  }

  /**
   * @internal A range of a sheet changed: `Worksheet.onChanged` fires for it — for what the user
   * types and for what add-in code writes ("Events within an Excel workbook can be triggered by …
   * Office Add-in (JavaScript) code that changes the workbook":
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#event-triggers).
   * From ExcelApi 1.14 the event tells which: triggerSource "ThisLocalAddin" or "Unknown".
   */
  rangeChanged(sheet: SheetState, rect: Rect, byAddin: boolean): void {
    const args = {
      type: "WorksheetChanged",
      source: "Local",
      changeType: "RangeEdited",
      address: rectAddress(rect),
      worksheetId: sheet.id,
      ...(this.apiMinor >= 14 ? { triggerSource: byAddin ? "ThisLocalAddin" : "Unknown" } : {}),
    } as unknown as Excel.WorksheetChangedEventArgs;
    // A deleted sheet's handlers no longer fire (same article, "Lifecycle of an event handler").
    const handlers = [...sheet.changedHandlers];
    this.queueEvent(() => this.sheets.includes(sheet) && Promise.all(handlers.map((h) => h(args))));
  }

  /** @internal A sheet was added or deleted: `WorksheetCollection.onAdded` / `onDeleted` fire. */
  sheetAddedOrDeleted(sheet: SheetState, kind: "added" | "deleted"): void {
    const args = { type: kind === "added" ? "WorksheetAdded" : "WorksheetDeleted", source: "Local", worksheetId: sheet.id };
    const handlers = [...(kind === "added" ? this.addedHandlers : this.deletedHandlers)];
    this.queueEvent(() => Promise.all(handlers.map((h) => h(args))));
  }

  // ---- the user -----------------------------------------------------------------------------

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
    sheet.forEach(rect, (r, c) => writeInput(sheet.edit(r, c), at(r - rect.top, c - rect.left), "type", this.locale));
    this.rangeChanged(sheet, rect, false);
    await this.flushEvents();
    await settle();
  }

  /** The user starts editing a cell (double-click or typing): cell-edit mode until `finishEditing`. */
  startEditing(sheetName: string, address: string): void {
    this.sheet(sheetName);
    this.editing = { sheet: sheetName, address };
  }

  /** The user presses Enter: what was typed goes into the cell (onChanged fires), edit mode ends. */
  async finishEditing(input: string | number): Promise<void> {
    const editing = this.editing;
    if (!editing) throw new Error("not in cell-edit mode");
    this.editing = null;
    await this.type(editing.sheet, editing.address, input);
  }

  /** The user renames a sheet (Excel raises no onChanged for it; handlers stay with the sheet). */
  rename(oldName: string, newName: string): void {
    const sheet = this.sheet(oldName);
    if (this.findSheet(newName) && this.findSheet(newName) !== sheet) throw new Error(`a sheet named ${newName} exists`);
    sheet.name = newName;
  }

  /** The user deletes a sheet: its handlers stop; onDeleted fires. */
  async deleteSheet(name: string): Promise<void> {
    const sheet = this.sheet(name);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets.find((s) => s.visibility === "Visible")?.id ?? "";
    this.sheetAddedOrDeleted(sheet, "deleted");
    await this.flushEvents();
    await settle();
  }

  /** The user adds a sheet (optionally with typed cells): onAdded fires. */
  async addSheet(name: string, cells: (string | number)[][] = []): Promise<SheetState> {
    const sheet = this.newSheet(name);
    cells.forEach((row, r) => row.forEach((value, c) => writeInput(sheet.edit(r, c), value, "addSheet", this.locale)));
    this.sheetAddedOrDeleted(sheet, "added");
    await this.flushEvents();
    await settle();
    return sheet;
  }
}
