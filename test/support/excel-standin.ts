/**
 * A small, faithful stand-in of the Excel JavaScript API subset this add-in uses, for tests of
 * src/excel (design.md, "Testing strategy": office-addin-mock applies writes at once and does not
 * count round trips, so it cannot catch the mistakes that matter here).
 *
 * What is kept from Office.js (checked against @microsoft/office-js's excel-web-16.00.debug.js):
 * - proxy objects; every write, method call and load is QUEUED and reaches the workbook only at
 *   `context.sync()`, in order; a batch that fails stops at the failing action (earlier actions
 *   stay applied, later ones are dropped) and delivers no loaded values;
 * - reading a property that was neither loaded (and synced) nor set on that proxy throws
 *   PropertyNotLoaded; a set caches the value on the proxy, as Office.js does;
 * - `load("a,b")`, `load(["a"])`, `load({ select })`, and `load("items/name")` on collections;
 * - errors raised by the host surface at sync as RichApi errors with `code` and `debugInfo`:
 *   ItemAlreadyExists (a sheet name taken, ignoring case), InvalidArgument (a bad sheet name, an
 *   array of the wrong size, a bad address…), ItemNotFound, AccessDenied (editing locked cells or
 *   formats of a protected sheet), ApiNotFound (a property newer than the host's ExcelApi set);
 * - the ExcelApi level: navigations and methods that office.js guards client-side
 *   (getRangeByIndexes 1.7, dataValidation 1.8, conditionalFormats 1.6, freezePanes 1.7,
 *   pageLayout 1.9, protection 1.2, merge 1.2, getItemOrNullObject 1.4, names 1.4…) throw
 *   ApiNotFound at once; newer property sets (indentLevel 1.9…) fail at sync;
 * - what Excel does with typed input: a string written to a cell formatted "@" stays text (even
 *   "=…"); elsewhere "=…" is a formula, "12" / "1.5" / "12%" / "TRUE" / "3/4" become numbers,
 *   percents, booleans, dates; null in a 2-D array leaves that cell alone;
 * - merging keeps the top-left value and gives the whole area the top-left cell's format;
 * - `Range.getUsedRange(OrNullObject)`: the range's intersection with the sheet's used range;
 * - `context.sync()` is counted (`syncCount`; `roundTrips` counts only syncs with queued work,
 *   since office.js sends nothing for an empty batch); a request over 5 MB fails as on the web.
 * Deliberately stricter than Office.js: proxies are sealed (assigning a property the API does not
 * have throws instead of being silently ignored), actions on a null object fail with ItemNotFound,
 * and `protect()` on a protected sheet fails with AccessDenied (as hosts do, office-js#6784).
 * Events: `Worksheet.onChanged` (ExcelApi 1.7) — a handler is registered at sync, as office.js
 * does, and is called for what a user types (`WorkbookState.type`), asynchronously, with the
 * address and the sheet's id. Changes made by the add-in itself fire no event here (Excel fires
 * them too; code that reacts to events must tell its own writes apart anyway).
 * Not modelled (throws a plain Error saying so rather than guessing): formula calculation (pass
 * `calculate` to read values of formula cells), partial overlap of merges, ranges over 2 million
 * cells, other events.
 */
import { detectFeatures, type ExcelFeatures } from "../../src/excel/features";

// ---------------------------------------------------------------------------------------------
// Errors

export class RichApiError extends Error {
  override name = "RichApi.Error";
  constructor(
    public readonly code: string,
    message: string,
    public readonly debugInfo: { code: string; message: string; errorLocation?: string } = { code, message },
  ) {
    super(message);
  }
}

const MESSAGES: Record<string, string> = {
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  InvalidOperation: "The operation is invalid for the object in its current state.",
  InvalidObjectPath: "The object path isn't working for what you're trying to do.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
};

function rich(code: string, where: string, detail?: string): RichApiError {
  const message = detail ? `${MESSAGES[code]} (${detail})` : MESSAGES[code];
  return new RichApiError(code, message, { code, message, errorLocation: where });
}

function notModelled(what: string): Error {
  return new Error(`Excel stand-in: ${what} is not modelled; extend test/support/excel-standin.ts`);
}

// ---------------------------------------------------------------------------------------------
// Workbook state (the "host" side)

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type Edge = "top" | "bottom" | "left" | "right";
export interface BorderState {
  style: string;
  weight: string;
  color: string;
}

export interface CellFormat {
  numberFormat: string;
  font: { name: string; size: number; bold: boolean; italic: boolean; color: string };
  /** "#RRGGBB", or null for no fill. */
  fill: string | null;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
  locked: boolean;
}

export interface CellState extends CellFormat {
  /** Constant held by the cell; null when empty or a formula. */
  value: string | number | boolean | null;
  /** "=…" as written, or null. */
  formula: string | null;
  borders: Partial<Record<Edge, BorderState>>;
}

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

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const MAX_CELLS_PER_OPERATION = 2_000_000;

function defaultCell(): CellState {
  return {
    value: null,
    formula: null,
    numberFormat: "General",
    font: { name: "Calibri", size: 11, bold: false, italic: false, color: "#000000" },
    fill: null,
    horizontalAlignment: "General",
    verticalAlignment: "Bottom",
    wrapText: false,
    indentLevel: 0,
    locked: true,
    borders: {},
  };
}
const DEFAULT_CELL: Readonly<CellState> = Object.freeze(defaultCell());

function sameFormat(a: CellState, b: CellState): boolean {
  const { value: _v, formula: _f, ...fa } = a;
  const { value: _w, formula: _g, ...fb } = b;
  return JSON.stringify(fa) === JSON.stringify(fb);
}

export function columnName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B7" / "A1:C3" / "A:C" / "2:4" → rectangle, or undefined when not an address. */
export function parseAddress(address: string): Rect | undefined {
  const part = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = part.replace(/\$/g, "").toUpperCase().split(":");
  const cell = /^([A-Z]{1,3})(\d{1,7})$/;
  const ca = cell.exec(a);
  const cb = cell.exec(b);
  let rect: Rect | undefined;
  if (ca && cb) rect = { top: +ca[2] - 1, left: columnNumber(ca[1]), bottom: +cb[2] - 1, right: columnNumber(cb[1]) };
  else if (/^[A-Z]{1,3}$/.test(a) && /^[A-Z]{1,3}$/.test(b) && part.includes(":"))
    rect = { top: 0, left: columnNumber(a), bottom: MAX_ROWS - 1, right: columnNumber(b) };
  else if (/^\d{1,7}$/.test(a) && /^\d{1,7}$/.test(b) && part.includes(":"))
    rect = { top: +a - 1, left: 0, bottom: +b - 1, right: MAX_COLS - 1 };
  if (!rect) return undefined;
  const norm = {
    top: Math.min(rect.top, rect.bottom),
    bottom: Math.max(rect.top, rect.bottom),
    left: Math.min(rect.left, rect.right),
    right: Math.max(rect.left, rect.right),
  };
  const inside = norm.top >= 0 && norm.left >= 0 && norm.bottom < MAX_ROWS && norm.right < MAX_COLS;
  return inside ? norm : undefined;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function rectAddress(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (rect.top === 0 && rect.bottom === MAX_ROWS - 1)
    return `${d}${columnName(rect.left)}:${d}${columnName(rect.right)}`;
  if (rect.left === 0 && rect.right === MAX_COLS - 1) return `${d}${rect.top + 1}:${d}${rect.bottom + 1}`;
  const one = (r: number, c: number) => `${d}${columnName(c)}${d}${r + 1}`;
  return rect.top === rect.bottom && rect.left === rect.right
    ? one(rect.top, rect.left)
    : `${one(rect.top, rect.left)}:${one(rect.bottom, rect.right)}`;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
function contains(outer: Rect, inner: Rect): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
}
function cellCount(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

function checkSheetName(name: unknown, where: string): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name))
    throw rich("InvalidArgument", where, `invalid sheet name ${JSON.stringify(name)}`);
  if (name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history")
    throw rich("InvalidArgument", where, `invalid sheet name ${JSON.stringify(name)}`);
  return name;
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}

function normaliseColor(color: unknown, where: string): string {
  const named: Record<string, string> = { black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00" };
  if (typeof color === "string") {
    if (/^#[0-9a-f]{6}$/i.test(color)) return color.toUpperCase();
    if (named[color.toLowerCase()]) return named[color.toLowerCase()];
  }
  throw rich("InvalidArgument", where, `invalid color ${JSON.stringify(color)}`);
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

// ---------------------------------------------------------------------------------------------
// Typed input, display text

function excelSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000;
}

/** Writes one element of a values/formulas array the way Excel takes typed input. */
function writeInput(cell: CellState, input: unknown, where: string): void {
  if (input === null || input === undefined) return; // null leaves the cell unchanged
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw rich("InvalidArgument", where, "not a finite number");
    cell.value = input;
    cell.formula = null;
    return;
  }
  if (typeof input === "boolean") {
    cell.value = input;
    cell.formula = null;
    return;
  }
  if (typeof input !== "string") throw rich("InvalidArgument", where, `cannot write ${typeof input}`);
  cell.formula = null;
  if (input === "") {
    cell.value = null;
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = input; // a Text cell keeps what is typed, even "=…"
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    return;
  }
  if (input.startsWith("=") && input.length > 1) {
    cell.formula = input;
    cell.value = null;
    return;
  }
  const number = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
  if (number.test(input.trim())) {
    cell.value = Number(input);
    return;
  }
  const percent = /^([+-]?(\d+\.?\d*|\.\d+))\s*%$/.exec(input.trim());
  if (percent) {
    cell.value = Number(percent[1]) / 100;
    if (cell.numberFormat === "General") cell.numberFormat = percent[1].includes(".") ? "0.00%" : "0%";
    return;
  }
  if (/^(true|false)$/i.test(input.trim())) {
    cell.value = input.trim().toLowerCase() === "true";
    return;
  }
  const date = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(input.trim()); // en-US month/day
  if (date && +date[1] >= 1 && +date[1] <= 12 && +date[2] >= 1 && +date[2] <= 31) {
    cell.value = excelSerial(date[3] ? +date[3] : new Date().getUTCFullYear(), +date[1], +date[2]);
    if (cell.numberFormat === "General") cell.numberFormat = date[3] ? "m/d/yyyy" : "d-mmm";
    return;
  }
  cell.value = input;
}

function generalNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(10)));
}

/** What Excel shows for a value under the number formats our layouts use (en-US). */
export function displayText(value: string | number | boolean | null, numberFormat: string): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const fixed = (digits: number, grouping: boolean) =>
    value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: grouping });
  switch (numberFormat) {
    case "General":
      return generalNumber(value);
    case "@":
      return generalNumber(value);
    case "0":
      return fixed(0, false);
    case "0.00":
      return fixed(2, false);
    case "#,##0":
      return fixed(0, true);
    case "#,##0.00":
      return fixed(2, true);
    case "0%":
      return `${(value * 100).toFixed(0)}%`;
    case "0.00%":
      return `${(value * 100).toFixed(2)}%`;
    case "m/d/yyyy": {
      const d = new Date(Date.UTC(1899, 11, 30) + value * 86400000);
      return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
    }
    default:
      throw notModelled(`display text under number format ${JSON.stringify(numberFormat)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Request context and batching

interface Action {
  where: string;
  /** Minor ExcelApi version the host needs to run this action. */
  api?: number;
  /** Approximate request bytes. */
  bytes: number;
  /** Applies the action; may return a delivery of loaded values, run only if the batch succeeds. */
  run(): void | (() => void);
}

export class StandInContext {
  /** Every `context.sync()` call. */
  syncCount = 0;
  /** Syncs that carried queued work (office.js sends nothing for an empty batch). */
  roundTrips = 0;
  readonly workbook: WorkbookProxy;
  private queue: Action[] = [];

  constructor(readonly host: WorkbookState, private readonly payloadLimit: number) {
    this.workbook = new WorkbookProxy(this);
  }

  /** @internal */
  enqueue(where: string, run: Action["run"], options: { api?: number; bytes?: number } = {}): void {
    this.queue.push({ where, run, api: options.api, bytes: options.bytes ?? 64 });
  }

  /** @internal Client-side check office.js makes before creating a navigation or calling a method. */
  requireApi(minor: number, where: string): void {
    if (this.host.apiMinor < minor) throw rich("ApiNotFound", where, `needs ExcelApi 1.${minor}`);
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const batch = this.queue;
    this.queue = [];
    await Promise.resolve();
    if (batch.length === 0) return;
    this.roundTrips++;
    const bytes = batch.reduce((sum, a) => sum + a.bytes, 0);
    if (bytes > this.payloadLimit) throw rich("RequestPayloadSizeLimitExceeded", "RequestContext.sync", `${bytes} bytes`);
    const deliveries: (() => void)[] = [];
    for (const action of batch) {
      try {
        if (action.api !== undefined && this.host.apiMinor < action.api)
          throw rich("ApiNotFound", action.where, `needs ExcelApi 1.${action.api}`);
        const delivery = action.run();
        if (delivery) deliveries.push(delivery);
      } catch (error) {
        if (error instanceof RichApiError && !error.debugInfo.errorLocation) error.debugInfo.errorLocation = action.where;
        throw error;
      }
    }
    for (const deliver of deliveries) deliver();
  }
}

/** Base of every proxy: loaded/set property cache and load parsing. */
abstract class ClientObject {
  protected readonly loaded: Record<string, unknown> = {};
  protected nullState: boolean | undefined = undefined;

  constructor(readonly context: StandInContext, protected readonly entity: string) {}

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded(this.entity, "isNullObject");
    return this.nullState;
  }

  protected read<T>(prop: string): T {
    if (!(prop in this.loaded)) {
      if (this.nullState === true) return null as T;
      throw propertyNotLoaded(this.entity, prop);
    }
    return this.loaded[prop] as T;
  }

  /** Queues a property set: caches it on the proxy (as office.js does) and applies it at sync. */
  protected write(prop: string, value: unknown, apply: () => void, options: { api?: number; bytes?: number } = {}): void {
    this.loaded[prop] = value;
    this.context.enqueue(`${this.entity}.${prop}`, apply, options);
  }

  protected static names(what?: string | string[] | { select?: string }): string[] {
    if (what === undefined) return [];
    const list = typeof what === "string" ? what.split(",") : Array.isArray(what) ? what : (what.select ?? "").split(",");
    return list.map((p) => p.trim()).filter(Boolean);
  }

  /** Queues a load of `props` (all of `known` when none are named), read by `snapshot` at sync. */
  protected queueLoad(what: string | string[] | { select?: string } | undefined, known: string[], snapshot: (prop: string) => unknown): void {
    const props = ClientObject.names(what);
    for (const p of props) if (!known.includes(p)) throw new Error(`Excel stand-in: ${this.entity} has no loadable property ${JSON.stringify(p)}`);
    const chosen = props.length ? props : known;
    this.context.enqueue(`${this.entity}.load`, () => {
      const values = chosen.map((p) => [p, snapshot(p)] as const);
      return () => values.forEach(([p, v]) => (this.loaded[p] = v));
    });
  }
}

function propertyNotLoaded(entity: string, prop: string): RichApiError {
  const message = `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`;
  return new RichApiError("PropertyNotLoaded", message, { code: "PropertyNotLoaded", message, errorLocation: `${entity}.${prop}` });
}

function seal<T extends object>(o: T): T {
  return Object.seal(o);
}

// ---------------------------------------------------------------------------------------------
// Workbook, worksheets

class WorkbookProxy extends ClientObject {
  readonly worksheets: WorksheetCollectionProxy;
  private namesProxy: NamedItemCollectionProxy | undefined = undefined;
  readonly application: { suspendApiCalculationUntilNextSync(): void };

  constructor(context: StandInContext) {
    super(context, "Workbook");
    this.worksheets = new WorksheetCollectionProxy(context);
    this.application = seal({
      suspendApiCalculationUntilNextSync: () => {
        context.requireApi(6, "Application.suspendApiCalculationUntilNextSync");
        context.enqueue("Application.suspendApiCalculationUntilNextSync", () => undefined);
      },
    });
    seal(this);
  }

  get names(): NamedItemCollectionProxy {
    return (this.namesProxy ??= new NamedItemCollectionProxy(this.context, () => this.context.host.names, "Workbook"));
  }
}

/** Resolves to a sheet when its creating action runs; null for a null object. */
class SheetBinding {
  sheet: SheetState | null | undefined = undefined;

  target(where: string): SheetState {
    if (this.sheet === undefined) throw rich("InvalidObjectPath", where);
    if (this.sheet === null) throw rich("ItemNotFound", where, "null object");
    return this.sheet;
  }
}

class WorksheetCollectionProxy extends ClientObject {
  constructor(context: StandInContext) {
    super(context, "WorksheetCollection");
    seal(this);
  }

  get items(): WorksheetProxy[] { return this.read<WorksheetProxy[]>("items"); }

  load(what?: string | string[] | { select?: string }): this {
    const named = ClientObject.names(what).map((p) => p.replace(/^items\//, ""));
    for (const p of named) if (!WORKSHEET_PROPS.includes(p)) throw new Error(`Excel stand-in: Worksheet has no loadable property ${JSON.stringify(p)}`);
    const props = named.length ? named : WORKSHEET_PROPS;
    this.context.enqueue("WorksheetCollection.load", () => {
      const sheets = this.context.host.sheets.map((s) => ({ s, values: props.map((p) => [p, worksheetProperty(this.context.host, s, p)] as const) }));
      return () => {
        this.loaded.items = sheets.map(({ s, values }) => {
          const proxy = WorksheetProxy.bound(this.context, s);
          proxy.deliver(values);
          return proxy;
        });
      };
    });
    return this;
  }

  add(name?: string): WorksheetProxy {
    const binding = new SheetBinding();
    const proxy = new WorksheetProxy(this.context, binding);
    this.context.enqueue("WorksheetCollection.add", () => {
      const host = this.context.host;
      let wanted = name;
      if (wanted === undefined) for (let i = 1; !wanted || host.findSheet(wanted); i++) wanted = `Sheet${i}`;
      checkSheetName(wanted, "WorksheetCollection.add");
      if (host.findSheet(wanted)) throw rich("ItemAlreadyExists", "WorksheetCollection.add", `a sheet named ${JSON.stringify(wanted)} exists`);
      binding.sheet = host.newSheet(wanted);
      return () => proxy.markResolved(false);
    });
    return proxy;
  }

  getItem(key: string): WorksheetProxy {
    return this.lookup(key, false);
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    this.context.requireApi(4, "WorksheetCollection.getItemOrNullObject");
    return this.lookup(key, true);
  }

  getActiveWorksheet(): WorksheetProxy {
    const binding = new SheetBinding();
    const proxy = new WorksheetProxy(this.context, binding);
    this.context.enqueue("WorksheetCollection.getActiveWorksheet", () => {
      binding.sheet = this.context.host.activeSheet;
      return () => proxy.markResolved(false);
    });
    return proxy;
  }

  getCount(): { value: number } {
    this.context.requireApi(4, "WorksheetCollection.getCount");
    const result: { value?: number } = {};
    this.context.enqueue("WorksheetCollection.getCount", () => {
      const n = this.context.host.sheets.length;
      return () => (result.value = n);
    });
    return {
      get value(): number {
        if (result.value === undefined) throw propertyNotLoaded("ClientResult", "value");
        return result.value;
      },
    };
  }

  private lookup(key: string, orNull: boolean): WorksheetProxy {
    const binding = new SheetBinding();
    const proxy = new WorksheetProxy(this.context, binding);
    const where = orNull ? "WorksheetCollection.getItemOrNullObject" : "WorksheetCollection.getItem";
    this.context.enqueue(where, () => {
      const host = this.context.host;
      const sheet = host.sheets.find((s) => s.id === key) ?? host.findSheet(key);
      if (!sheet && !orNull) throw rich("ItemNotFound", where, `no sheet ${JSON.stringify(key)}`);
      binding.sheet = sheet ?? null;
      return () => proxy.markResolved(!sheet);
    });
    return proxy;
  }
}

function worksheetProperty(host: WorkbookState, sheet: SheetState, prop: string): unknown {
  switch (prop) {
    case "name":
      return sheet.name;
    case "id":
      return sheet.id;
    case "position":
      return host.sheets.indexOf(sheet);
    case "visibility":
      return sheet.visibility;
    default:
      throw new Error(`Excel stand-in: Worksheet has no loadable property ${JSON.stringify(prop)}`);
  }
}

const WORKSHEET_PROPS = ["name", "id", "position", "visibility"];

class WorksheetProxy extends ClientObject {
  private protectionProxy: WorksheetProtectionProxy | undefined = undefined;
  private freezePanesProxy: FreezePanesProxy | undefined = undefined;
  private pageLayoutProxy: PageLayoutProxy | undefined = undefined;
  private namesProxy: NamedItemCollectionProxy | undefined = undefined;

  constructor(context: StandInContext, readonly binding: SheetBinding) {
    super(context, "Worksheet");
    seal(this);
  }

  static bound(context: StandInContext, sheet: SheetState): WorksheetProxy {
    const binding = new SheetBinding();
    binding.sheet = sheet;
    const proxy = new WorksheetProxy(context, binding);
    proxy.markResolved(false);
    return proxy;
  }

  /** @internal */
  markResolved(isNull: boolean): void {
    this.nullState = isNull;
  }

  /** @internal */
  deliver(values: readonly (readonly [string, unknown])[]): void {
    for (const [p, v] of values) this.loaded[p] = v;
  }

  private sheet(where: string): SheetState {
    return this.binding.target(`Worksheet.${where}`);
  }

  get name(): string { return this.read("name"); }
  set name(value: string) {
    this.write("name", value, () => {
      const sheet = this.sheet("name");
      checkSheetName(value, "Worksheet.name");
      const clash = this.context.host.findSheet(value);
      if (clash && clash !== sheet) throw rich("ItemAlreadyExists", "Worksheet.name");
      sheet.name = value;
    });
  }
  get id(): string { return this.read("id"); }
  get position(): number { return this.read("position"); }
  get visibility(): string { return this.read("visibility"); }
  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.write("visibility", value, () => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(value)) throw rich("InvalidArgument", "Worksheet.visibility");
      this.sheet("visibility").visibility = value;
    });
  }

  load(what?: string | string[] | { select?: string }): this {
    this.queueLoad(what, WORKSHEET_PROPS, (p) => worksheetProperty(this.context.host, this.sheet("load"), p));
    return this;
  }

  activate(): void {
    this.context.enqueue("Worksheet.activate", () => {
      const sheet = this.sheet("activate");
      if (sheet.visibility !== "Visible") throw rich("InvalidOperation", "Worksheet.activate", "hidden sheet");
      this.context.host.activeSheetId = sheet.id;
    });
  }

  delete(): void {
    this.context.enqueue("Worksheet.delete", () => {
      const host = this.context.host;
      const sheet = this.sheet("delete");
      if (host.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0)
        throw rich("InvalidOperation", "Worksheet.delete", "a workbook keeps at least one visible sheet");
      host.sheets.splice(host.sheets.indexOf(sheet), 1);
      if (host.activeSheetId === sheet.id) host.activeSheetId = host.sheets.find((s) => s.visibility === "Visible")!.id;
      this.binding.sheet = null;
    });
  }

  getRange(address?: string): RangeProxy {
    return this.range("Worksheet.getRange", () => {
      if (address === undefined) return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
      const rect = parseAddress(address);
      if (!rect) throw rich("InvalidArgument", "Worksheet.getRange", `bad address ${JSON.stringify(address)}`);
      return rect;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    this.context.requireApi(7, "Worksheet.getRangeByIndexes");
    return this.range("Worksheet.getRangeByIndexes", () => {
      const ok = [startRow, startColumn, rowCount, columnCount].every(Number.isInteger) && startRow >= 0 && startColumn >= 0 && rowCount >= 1 && columnCount >= 1;
      const rect = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
      if (!ok || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS)
        throw rich("InvalidArgument", "Worksheet.getRangeByIndexes", `${startRow},${startColumn},${rowCount},${columnCount}`);
      return rect;
    });
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this.range("Worksheet.getUsedRange", (sheet) => sheet.usedRange(valuesOnly ?? false) ?? { top: 0, left: 0, bottom: 0, right: 0 }, valuesOnly === undefined ? undefined : 2);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.context.requireApi(4, "Worksheet.getUsedRangeOrNullObject");
    return this.range("Worksheet.getUsedRangeOrNullObject", (sheet) => sheet.usedRange(valuesOnly ?? false) ?? null);
  }

  private range(where: string, resolve: (sheet: SheetState) => Rect | null, api?: number): RangeProxy {
    const binding = new RangeBinding();
    const proxy = new RangeProxy(this.context, binding);
    this.context.enqueue(
      where,
      () => {
        const sheet = this.sheet(where);
        const rect = resolve(sheet);
        binding.sheet = sheet;
        binding.rect = rect;
        return () => proxy.markResolved(rect === null);
      },
      { api },
    );
    return proxy;
  }

  get protection(): WorksheetProtectionProxy {
    this.context.requireApi(2, "Worksheet.protection");
    return (this.protectionProxy ??= new WorksheetProtectionProxy(this.context, (w) => this.sheet(w)));
  }
  get freezePanes(): FreezePanesProxy {
    this.context.requireApi(7, "Worksheet.freezePanes");
    return (this.freezePanesProxy ??= new FreezePanesProxy(this.context, (w) => this.sheet(w)));
  }
  get pageLayout(): PageLayoutProxy {
    this.context.requireApi(9, "Worksheet.pageLayout");
    return (this.pageLayoutProxy ??= new PageLayoutProxy(this.context, (w) => this.sheet(w)));
  }
  get names(): NamedItemCollectionProxy {
    this.context.requireApi(4, "Worksheet.names");
    return (this.namesProxy ??= new NamedItemCollectionProxy(this.context, () => this.sheet("names").names, "Worksheet"));
  }
  get onChanged(): EventHandlersProxy {
    this.context.requireApi(7, "Worksheet.onChanged");
    return new EventHandlersProxy(this.context, "Worksheet.onChanged", (w) => this.sheet(w).changedHandlers);
  }
}

/** An event's handlers: `add` and `remove` reach the host at sync, as office.js registers them. */
class EventHandlersProxy {
  constructor(
    private readonly context: StandInContext,
    private readonly where: string,
    private readonly handlers: (where: string) => Set<ChangedHandler>,
  ) {
    seal(this);
  }

  add(handler: ChangedHandler): { readonly context: StandInContext; remove(): void } {
    const where = `${this.where}.add`;
    this.context.enqueue(where, () => void this.handlers(where).add(handler));
    return seal({ context: this.context, remove: () => this.remove(handler) });
  }

  remove(handler: ChangedHandler): void {
    const where = `${this.where}.remove`;
    this.context.enqueue(where, () => void this.handlers(where).delete(handler));
  }
}

class WorksheetProtectionProxy extends ClientObject {
  constructor(context: StandInContext, private readonly sheet: (where: string) => SheetState) {
    super(context, "WorksheetProtection");
    seal(this);
  }

  get protected(): boolean { return this.read("protected"); }
  get options(): Excel.WorksheetProtectionOptions { return this.read("options"); }

  load(what?: string | string[] | { select?: string }): this {
    this.queueLoad(what, ["protected", "options"], (p) => {
      const protection = this.sheet("WorksheetProtection.load").protection;
      return p === "protected" ? protection.protected : { ...protection.options };
    });
    return this;
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.context.enqueue("WorksheetProtection.protect", () => {
      const sheet = this.sheet("WorksheetProtection.protect");
      if (sheet.protection.protected) throw rich("AccessDenied", "WorksheetProtection.protect", "already protected");
      sheet.protection = { protected: true, options: { ...(options ?? {}) }, ...(password ? { password } : {}) };
    });
  }

  unprotect(password?: string): void {
    this.context.enqueue("WorksheetProtection.unprotect", () => {
      const sheet = this.sheet("WorksheetProtection.unprotect");
      if (sheet.protection.password && sheet.protection.password !== password) throw rich("AccessDenied", "WorksheetProtection.unprotect", "wrong password");
      sheet.protection = { protected: false, options: {} };
    });
  }
}

class FreezePanesProxy extends ClientObject {
  constructor(context: StandInContext, private readonly sheet: (where: string) => SheetState) {
    super(context, "WorksheetFreezePanes");
    seal(this);
  }

  freezeAt(frozenRange: RangeProxy | string): void {
    this.context.enqueue("WorksheetFreezePanes.freezeAt", () => {
      const sheet = this.sheet("WorksheetFreezePanes.freezeAt");
      const rect = typeof frozenRange === "string" ? parseAddress(frozenRange) : frozenRange.binding.target("WorksheetFreezePanes.freezeAt").rect;
      if (!rect) throw rich("InvalidArgument", "WorksheetFreezePanes.freezeAt");
      sheet.frozen = { rows: rect.bottom + 1, cols: rect.right + 1 };
    });
  }
  freezeRows(count = 1): void {
    this.context.enqueue("WorksheetFreezePanes.freezeRows", () => void (this.sheet("WorksheetFreezePanes.freezeRows").frozen = { rows: count, cols: 0 }));
  }
  freezeColumns(count = 1): void {
    this.context.enqueue("WorksheetFreezePanes.freezeColumns", () => void (this.sheet("WorksheetFreezePanes.freezeColumns").frozen = { rows: 0, cols: count }));
  }
  unfreeze(): void {
    this.context.enqueue("WorksheetFreezePanes.unfreeze", () => void (this.sheet("WorksheetFreezePanes.unfreeze").frozen = null));
  }
}

class PageLayoutProxy extends ClientObject {
  constructor(context: StandInContext, private readonly sheet: (where: string) => SheetState) {
    super(context, "PageLayout");
    seal(this);
  }

  get orientation(): string { return this.read("orientation"); }
  set orientation(value: "Portrait" | "Landscape") {
    this.write("orientation", value, () => {
      if (value !== "Portrait" && value !== "Landscape") throw rich("InvalidArgument", "PageLayout.orientation");
      this.sheet("PageLayout.orientation").pageLayout.orientation = value;
    });
  }
  get zoom(): Excel.PageLayoutZoomOptions { return this.read("zoom"); }
  set zoom(value: Excel.PageLayoutZoomOptions) {
    this.write("zoom", value, () => {
      const fit = value.horizontalFitToPages !== undefined || value.verticalFitToPages !== undefined;
      if ((fit && value.scale !== undefined) || (value.scale !== undefined && (value.scale < 10 || value.scale > 400)))
        throw rich("InvalidArgument", "PageLayout.zoom");
      this.sheet("PageLayout.zoom").pageLayout.zoom = { ...value };
    });
  }
  setPrintTitleRows(rows: RangeProxy | string): void {
    this.context.enqueue("PageLayout.setPrintTitleRows", () => {
      const sheet = this.sheet("PageLayout.setPrintTitleRows");
      let rect: Rect | undefined;
      if (typeof rows === "string") rect = /^\$?\d+:\$?\d+$/.test(rows) ? parseAddress(rows) : undefined;
      else rect = rows.binding.target("PageLayout.setPrintTitleRows").rect;
      if (!rect) throw rich("InvalidArgument", "PageLayout.setPrintTitleRows", JSON.stringify(rows));
      sheet.pageLayout.printTitleRows = `$${rect.top + 1}:$${rect.bottom + 1}`;
    });
  }
}

class NamedItemCollectionProxy extends ClientObject {
  constructor(context: StandInContext, private readonly list: () => NameState[], scope: string) {
    super(context, `${scope}.names`);
    seal(this);
  }

  get items(): NamedItemProxy[] { return this.read("items"); }

  load(what?: string | string[] | { select?: string }): this {
    ClientObject.names(what); // names are always loaded whole
    this.context.enqueue("NamedItemCollection.load", () => {
      const names = this.list().map((n) => ({ ...n }));
      return () => (this.loaded.items = names.map((n) => NamedItemProxy.fromState(this.context, this.list, n)));
    });
    return this;
  }

  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    this.context.requireApi(4, "NamedItemCollection.add");
    const proxy = new NamedItemProxy(this.context, this.list, name);
    this.context.enqueue("NamedItemCollection.add", () => {
      const valid = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) && name.length <= 255 && !parseAddress(name) && !/^[rc]$/i.test(name);
      if (!valid) throw rich("InvalidArgument", "NamedItemCollection.add", `bad name ${JSON.stringify(name)}`);
      if (this.list().some((n) => sameName(n.name, name))) throw rich("ItemAlreadyExists", "NamedItemCollection.add");
      let formula: string;
      if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
      else {
        const { sheet, rect } = reference.binding.target("NamedItemCollection.add");
        formula = `=${quoteSheet(sheet.name)}!${rectAddress(rect, true)}`;
      }
      this.list().push({ name, formula, comment: comment ?? "", visible: true });
    });
    return proxy;
  }

  getItem(name: string): NamedItemProxy {
    return this.lookup(name, false);
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    this.context.requireApi(4, "NamedItemCollection.getItemOrNullObject");
    return this.lookup(name, true);
  }

  private lookup(name: string, orNull: boolean): NamedItemProxy {
    const proxy = new NamedItemProxy(this.context, this.list, name);
    this.context.enqueue("NamedItemCollection.getItem", () => {
      const found = this.list().some((n) => sameName(n.name, name));
      if (!found && !orNull) throw rich("ItemNotFound", "NamedItemCollection.getItem", name);
      return () => proxy.markResolved(!found);
    });
    return proxy;
  }
}

class NamedItemProxy extends ClientObject {
  constructor(context: StandInContext, private readonly list: () => NameState[], private readonly key: string) {
    super(context, "NamedItem");
    seal(this);
  }

  static fromState(context: StandInContext, list: () => NameState[], state: NameState): NamedItemProxy {
    const proxy = new NamedItemProxy(context, list, state.name);
    Object.assign(proxy.loaded, state);
    proxy.nullState = false;
    return proxy;
  }

  /** @internal */
  markResolved(isNull: boolean): void {
    this.nullState = isNull;
  }

  private state(where: string): NameState {
    const found = this.list().find((n) => sameName(n.name, this.key));
    if (!found) throw rich("ItemNotFound", where, this.key);
    return found;
  }

  get name(): string { return this.read("name"); }
  get formula(): string { return this.read("formula"); }
  get comment(): string { return this.read("comment"); }
  get visible(): boolean { return this.read("visible"); }
  set visible(value: boolean) {
    this.write("visible", value, () => void (this.state("NamedItem.visible").visible = value));
  }

  load(what?: string | string[] | { select?: string }): this {
    this.queueLoad(what, ["name", "formula", "comment", "visible"], (p) => this.state("NamedItem.load")[p as keyof NameState]);
    return this;
  }

  delete(): void {
    this.context.enqueue("NamedItem.delete", () => {
      const list = this.list();
      list.splice(list.indexOf(this.state("NamedItem.delete")), 1);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

class RangeBinding {
  sheet: SheetState | undefined = undefined;
  rect: Rect | null | undefined = undefined;

  target(where: string): { sheet: SheetState; rect: Rect } {
    if (!this.sheet || this.rect === undefined) throw rich("InvalidObjectPath", where);
    if (this.rect === null) throw rich("ItemNotFound", where, "null object");
    return { sheet: this.sheet, rect: this.rect };
  }
}

type Edit = "values" | "cells" | "columns" | "rows" | "merge";

/** Sheet protection: what a protected sheet lets the API change (as it lets the user). */
function guard(sheet: SheetState, rect: Rect, edit: Edit, where: string): void {
  const p = sheet.protection;
  if (!p.protected) return;
  const denied =
    edit === "values"
      ? (() => {
          let locked = false;
          sheet.forEach(rect, (r, c) => (locked ||= sheet.cell(r, c).locked));
          return locked;
        })()
      : edit === "cells"
        ? !p.options.allowFormatCells
        : edit === "columns"
          ? !p.options.allowFormatColumns
          : edit === "rows"
            ? !p.options.allowFormatRows
            : true;
  if (denied) throw rich("AccessDenied", where, `${sheet.name} is protected`);
}

function shape(rect: Rect): [number, number] {
  return [rect.bottom - rect.top + 1, rect.right - rect.left + 1];
}

/** Checks a values/formulas/numberFormat argument against the range and returns a getter. */
function matrixOf(value: unknown, rect: Rect, where: string): (r: number, c: number) => unknown {
  if (!Array.isArray(value)) return () => value;
  const [rows, cols] = shape(rect);
  const ok = value.length === rows && value.every((row) => Array.isArray(row) && row.length === cols);
  if (!ok) throw rich("InvalidArgument", where, "the number of rows or columns in the input array doesn't match the size or dimensions of the range");
  return (r, c) => (value as unknown[][])[r][c];
}

const RANGE_PROPS = ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount", "values", "formulas", "text", "numberFormat", "columnHidden", "rowHidden"];

class RangeProxy extends ClientObject {
  private formatProxy: RangeFormatProxy | undefined = undefined;
  private validationProxy: DataValidationProxy | undefined = undefined;
  private conditionalProxy: ConditionalFormatCollectionProxy | undefined = undefined;

  constructor(context: StandInContext, readonly binding: RangeBinding) {
    super(context, "Range");
    seal(this);
  }

  /** @internal */
  markResolved(isNull: boolean): void {
    this.nullState = isNull;
  }

  private target(where: string): { sheet: SheetState; rect: Rect } {
    return this.binding.target(`Range.${where}`);
  }

  get address(): string { return this.read("address"); }
  get rowIndex(): number { return this.read("rowIndex"); }
  get columnIndex(): number { return this.read("columnIndex"); }
  get rowCount(): number { return this.read("rowCount"); }
  get columnCount(): number { return this.read("columnCount"); }
  get cellCount(): number { return this.read("cellCount"); }
  get text(): string[][] { return this.read("text"); }

  get values(): unknown[][] { return this.read("values"); }
  set values(value: unknown[][]) {
    this.writeCells("values", value);
  }
  get formulas(): unknown[][] { return this.read("formulas"); }
  set formulas(value: unknown[][]) {
    this.writeCells("formulas", value);
  }

  private writeCells(prop: "values" | "formulas", value: unknown): void {
    const where = `Range.${prop}`;
    this.write(prop, value, () => {
      const { sheet, rect } = this.target(prop);
      const at = matrixOf(value, rect, where);
      guard(sheet, rect, "values", where);
      sheet.forEach(rect, (r, c) => writeInput(sheet.edit(r, c), at(r - rect.top, c - rect.left), where));
    }, { bytes: JSON.stringify(value).length });
  }

  get numberFormat(): string[][] { return this.read("numberFormat"); }
  set numberFormat(value: string[][]) {
    this.write("numberFormat", value, () => {
      const { sheet, rect } = this.target("numberFormat");
      const at = matrixOf(value, rect, "Range.numberFormat");
      guard(sheet, rect, "cells", "Range.numberFormat");
      sheet.forEach(rect, (r, c) => {
        const f = at(r - rect.top, c - rect.left);
        if (f === null || f === undefined) return;
        if (typeof f !== "string" || f === "") throw rich("InvalidArgument", "Range.numberFormat", JSON.stringify(f));
        sheet.edit(r, c).numberFormat = f;
      });
    }, { bytes: JSON.stringify(value).length });
  }

  get columnHidden(): boolean { return this.read("columnHidden"); }
  set columnHidden(value: boolean) {
    this.write("columnHidden", value, () => {
      const { sheet, rect } = this.target("columnHidden");
      guard(sheet, rect, "columns", "Range.columnHidden");
      for (let c = rect.left; c <= rect.right; c++) {
        if (value) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    }, { api: 2 });
  }
  get rowHidden(): boolean { return this.read("rowHidden"); }
  set rowHidden(value: boolean) {
    this.write("rowHidden", value, () => {
      const { sheet, rect } = this.target("rowHidden");
      guard(sheet, rect, "rows", "Range.rowHidden");
      if (cellCount({ ...rect, left: 0, right: 0 }) > MAX_CELLS_PER_OPERATION) throw notModelled("hiding that many rows");
      for (let r = rect.top; r <= rect.bottom; r++) {
        if (value) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
    }, { api: 2 });
  }

  load(what?: string | string[] | { select?: string }): this {
    this.queueLoad(what, RANGE_PROPS, (p) => this.snapshot(p));
    return this;
  }

  private snapshot(prop: string): unknown {
    // Office.js lets code load a null object (getUsedRangeOrNullObject on an empty sheet): the
    // sync succeeds, isNullObject is true and every property reads as null.
    if (this.binding.rect === null) return null;
    const { sheet, rect } = this.target("load");
    const grid = <T>(fn: (cell: Readonly<CellState>, r: number, c: number) => T): T[][] => {
      const out: T[][] = [];
      sheet.forEach(rect, (r, c) => {
        if (c === rect.left) out.push([]);
        out[out.length - 1].push(fn(sheet.cell(r, c), r, c));
      });
      return out;
    };
    const valueOf = (cell: Readonly<CellState>, r: number, c: number) => {
      if (cell.formula === null) return cell.value ?? "";
      if (!this.context.host.calculate) throw notModelled(`calculating ${cell.formula} (pass options.calculate)`);
      return this.context.host.calculate(sheet.name, r, c, cell.formula);
    };
    switch (prop) {
      case "address":
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return shape(rect)[0];
      case "columnCount":
        return shape(rect)[1];
      case "cellCount":
        return cellCount(rect);
      case "values":
        return grid(valueOf);
      case "formulas":
        return grid((cell) => cell.formula ?? cell.value ?? "");
      case "text":
        return grid((cell, r, c) => {
          const v = valueOf(cell, r, c);
          return v === "" ? "" : displayText(v, cell.numberFormat);
        });
      case "numberFormat":
        return grid((cell) => cell.numberFormat);
      case "columnHidden":
        return Array.from({ length: shape(rect)[1] }, (_, i) => sheet.hiddenColumns.has(rect.left + i)).every(Boolean);
      case "rowHidden":
        return Array.from({ length: shape(rect)[0] }, (_, i) => sheet.hiddenRows.has(rect.top + i)).every(Boolean);
      default:
        throw new Error(`unreachable ${prop}`);
    }
  }

  merge(across = false): void {
    this.context.requireApi(2, "Range.merge");
    this.context.enqueue("Range.merge", () => {
      const { sheet, rect } = this.target("merge");
      guard(sheet, rect, "merge", "Range.merge");
      const areas = across ? Array.from({ length: shape(rect)[0] }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i })) : [rect];
      for (const area of areas) {
        if (cellCount(area) === 1) continue;
        for (let i = sheet.merges.length - 1; i >= 0; i--) {
          const m = sheet.merges[i];
          if (!intersects(m, area)) continue;
          if (!contains(area, m)) throw notModelled(`merging ${rectAddress(area)} across the existing merge ${rectAddress(m)}`);
          sheet.merges.splice(i, 1);
        }
        // Excel keeps the upper-left value and gives the merged area the upper-left cell's format.
        const { value: _v, formula: _f, borders: _b, ...format } = sheet.cell(area.top, area.left);
        sheet.forEach(area, (r, c) => {
          if (r === area.top && c === area.left) return;
          const cell = sheet.edit(r, c);
          Object.assign(cell, JSON.parse(JSON.stringify(format)), { value: null, formula: null });
        });
        sheet.merges.push({ ...area });
      }
    });
  }

  /**
   * The part of this range that is used: its intersection with the sheet's used range (with
   * `valuesOnly`, the cells holding values or formulas), resolved at sync like any navigation.
   * `getUsedRange` fails with ItemNotFound when none is used (ExcelApi 1.1 without the argument,
   * 1.2 with it); `getUsedRangeOrNullObject` (ExcelApi 1.4) gives a null object instead.
   */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this.usedPart("Range.getUsedRange", valuesOnly, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.context.requireApi(4, "Range.getUsedRangeOrNullObject");
    return this.usedPart("Range.getUsedRangeOrNullObject", valuesOnly, true);
  }

  private usedPart(where: string, valuesOnly: boolean | undefined, orNull: boolean): RangeProxy {
    const binding = new RangeBinding();
    const proxy = new RangeProxy(this.context, binding);
    this.context.enqueue(
      where,
      () => {
        const { sheet, rect } = this.target(where);
        const used = sheet.usedRange(valuesOnly ?? false);
        const part =
          used && intersects(used, rect)
            ? { top: Math.max(used.top, rect.top), left: Math.max(used.left, rect.left), bottom: Math.min(used.bottom, rect.bottom), right: Math.min(used.right, rect.right) }
            : null;
        if (!part && !orNull) throw rich("ItemNotFound", where, "no used cells in the range");
        binding.sheet = sheet;
        binding.rect = part;
        return () => proxy.markResolved(part === null);
      },
      { api: orNull ? undefined : valuesOnly === undefined ? undefined : 2 },
    );
    return proxy;
  }

  /** Selects the range; Excel refuses a selection on a sheet that is not active. */
  select(): void {
    this.context.enqueue("Range.select", () => {
      const { sheet, rect } = this.target("select");
      if (this.context.host.activeSheetId !== sheet.id) throw rich("InvalidOperation", "Range.select", "the sheet is not active");
      this.context.host.selection = { sheet: sheet.name, address: rectAddress(rect) };
    });
  }

  unmerge(): void {
    this.context.requireApi(2, "Range.unmerge");
    this.context.enqueue("Range.unmerge", () => {
      const { sheet, rect } = this.target("unmerge");
      guard(sheet, rect, "merge", "Range.unmerge");
      for (let i = sheet.merges.length - 1; i >= 0; i--) if (intersects(sheet.merges[i], rect)) sheet.merges.splice(i, 1);
    });
  }

  get format(): RangeFormatProxy {
    return (this.formatProxy ??= new RangeFormatProxy(this.context, (w) => this.target(w)));
  }
  get dataValidation(): DataValidationProxy {
    this.context.requireApi(8, "Range.dataValidation");
    return (this.validationProxy ??= new DataValidationProxy(this.context, (w) => this.target(w)));
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.context.requireApi(6, "Range.conditionalFormats");
    return (this.conditionalProxy ??= new ConditionalFormatCollectionProxy(this.context, (w) => this.target(w)));
  }
}

type RangeTarget = (where: string) => { sheet: SheetState; rect: Rect };

/** A format property of every cell of a range: uniform value, or null when cells differ. */
function uniform<T>(target: { sheet: SheetState; rect: Rect }, get: (cell: Readonly<CellState>) => T): T | null {
  let first: T | undefined;
  let same = true;
  target.sheet.forEach(target.rect, (r, c) => {
    const v = get(target.sheet.cell(r, c));
    if (first === undefined) first = v;
    else if (v !== first) same = false;
  });
  return same ? (first as T) : null;
}

/** A proxy whose properties are per-cell formats of the range. */
abstract class CellFormatProxy extends ClientObject {
  constructor(context: StandInContext, entity: string, protected readonly target: RangeTarget) {
    super(context, entity);
  }

  protected setEach(prop: string, value: unknown, apply: (cell: CellState) => void, check?: () => void, api?: number): void {
    const where = `${this.entity}.${prop}`;
    this.write(prop, value, () => {
      check?.();
      const t = this.target(where);
      guard(t.sheet, t.rect, "cells", where);
      t.sheet.forEach(t.rect, (r, c) => apply(t.sheet.edit(r, c)));
    }, { api });
  }

  protected loadEach(what: string | string[] | { select?: string } | undefined, getters: Record<string, (cell: Readonly<CellState>) => unknown>): void {
    this.queueLoad(what, Object.keys(getters), (p) => uniform(this.target(`${this.entity}.load`), getters[p]));
  }
}

const H_ALIGN = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];

class RangeFormatProxy extends CellFormatProxy {
  private fontProxy: RangeFontProxy | undefined = undefined;
  private fillProxy: RangeFillProxy | undefined = undefined;
  private protectionProxy: FormatProtectionProxy | undefined = undefined;
  private bordersProxy: RangeBorderCollectionProxy | undefined = undefined;

  constructor(context: StandInContext, target: RangeTarget) {
    super(context, "RangeFormat", target);
    seal(this);
  }

  get font(): RangeFontProxy {
    return (this.fontProxy ??= new RangeFontProxy(this.context, this.target));
  }
  get fill(): RangeFillProxy {
    return (this.fillProxy ??= new RangeFillProxy(this.context, this.target));
  }
  get protection(): FormatProtectionProxy {
    this.context.requireApi(2, "RangeFormat.protection");
    return (this.protectionProxy ??= new FormatProtectionProxy(this.context, this.target));
  }
  get borders(): RangeBorderCollectionProxy {
    return (this.bordersProxy ??= new RangeBorderCollectionProxy(this.context, this.target));
  }

  get horizontalAlignment(): string { return this.read("horizontalAlignment"); }
  set horizontalAlignment(value: string) {
    this.setEach("horizontalAlignment", value, (c) => (c.horizontalAlignment = value), () => {
      if (!H_ALIGN.includes(value)) throw rich("InvalidArgument", "RangeFormat.horizontalAlignment", value);
    });
  }
  get verticalAlignment(): string { return this.read("verticalAlignment"); }
  set verticalAlignment(value: string) {
    this.setEach("verticalAlignment", value, (c) => (c.verticalAlignment = value), () => {
      if (!V_ALIGN.includes(value)) throw rich("InvalidArgument", "RangeFormat.verticalAlignment", value);
    });
  }
  get wrapText(): boolean { return this.read("wrapText"); }
  set wrapText(value: boolean) {
    this.setEach("wrapText", value, (c) => (c.wrapText = value));
  }
  get indentLevel(): number { return this.read("indentLevel"); }
  set indentLevel(value: number) {
    this.setEach("indentLevel", value, (c) => (c.indentLevel = value), () => {
      if (!Number.isInteger(value) || value < 0 || value > 250) throw rich("InvalidArgument", "RangeFormat.indentLevel", String(value));
    }, 9);
  }

  /** Column width in points; applies to whole columns. */
  get columnWidth(): number { return this.read("columnWidth"); }
  set columnWidth(value: number) {
    this.write("columnWidth", value, () => {
      const { sheet, rect } = this.target("RangeFormat.columnWidth");
      if (!(value >= 0 && value <= 1790)) throw rich("InvalidArgument", "RangeFormat.columnWidth", String(value));
      guard(sheet, rect, "columns", "RangeFormat.columnWidth");
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, value);
    }, { api: 2 });
  }
  /** Row height in points; applies to whole rows. */
  get rowHeight(): number { return this.read("rowHeight"); }
  set rowHeight(value: number) {
    this.write("rowHeight", value, () => {
      const { sheet, rect } = this.target("RangeFormat.rowHeight");
      if (!(value >= 0 && value <= 409)) throw rich("InvalidArgument", "RangeFormat.rowHeight", String(value));
      guard(sheet, rect, "rows", "RangeFormat.rowHeight");
      for (let r = rect.top; r <= rect.bottom; r++) sheet.rowHeights.set(r, value);
    }, { api: 2 });
  }

  load(what?: string | string[] | { select?: string }): this {
    const names = ClientObject.names(what);
    const cellProps: Record<string, (cell: Readonly<CellState>) => unknown> = {
      horizontalAlignment: (c) => c.horizontalAlignment,
      verticalAlignment: (c) => c.verticalAlignment,
      wrapText: (c) => c.wrapText,
      indentLevel: (c) => c.indentLevel,
    };
    const all = names.length === 0;
    const sizes = ["columnWidth", "rowHeight"].filter((p) => all || names.includes(p));
    const cellNames = all ? Object.keys(cellProps) : names.filter((p) => !sizes.includes(p));
    if (cellNames.length) this.loadEach(cellNames, cellProps);
    if (sizes.length)
      this.context.enqueue("RangeFormat.load", () => {
        const { sheet, rect } = this.target("RangeFormat.load");
        const widths = new Set(Array.from({ length: shape(rect)[1] }, (_, i) => sheet.columnWidth(rect.left + i)));
        const heights = new Set(Array.from({ length: shape(rect)[0] }, (_, i) => sheet.rowHeight(rect.top + i)));
        const width = widths.size === 1 ? [...widths][0] : null;
        const height = heights.size === 1 ? [...heights][0] : null;
        return () => {
          if (sizes.includes("columnWidth")) this.loaded.columnWidth = width;
          if (sizes.includes("rowHeight")) this.loaded.rowHeight = height;
        };
      });
    return this;
  }
}

class RangeFontProxy extends CellFormatProxy {
  constructor(context: StandInContext, target: RangeTarget) {
    super(context, "RangeFont", target);
    seal(this);
  }
  get name(): string { return this.read("name"); }
  set name(value: string) {
    this.setEach("name", value, (c) => (c.font.name = value));
  }
  get size(): number { return this.read("size"); }
  set size(value: number) {
    this.setEach("size", value, (c) => (c.font.size = value), () => {
      if (!(value >= 1 && value <= 409)) throw rich("InvalidArgument", "RangeFont.size", String(value));
    });
  }
  get bold(): boolean { return this.read("bold"); }
  set bold(value: boolean) {
    this.setEach("bold", value, (c) => (c.font.bold = value));
  }
  get italic(): boolean { return this.read("italic"); }
  set italic(value: boolean) {
    this.setEach("italic", value, (c) => (c.font.italic = value));
  }
  get color(): string { return this.read("color"); }
  set color(value: string) {
    this.setEach("color", value, (c) => (c.font.color = normaliseColor(value, "RangeFont.color")));
  }
  load(what?: string | string[] | { select?: string }): this {
    this.loadEach(what, { name: (c) => c.font.name, size: (c) => c.font.size, bold: (c) => c.font.bold, italic: (c) => c.font.italic, color: (c) => c.font.color });
    return this;
  }
}

class RangeFillProxy extends CellFormatProxy {
  constructor(context: StandInContext, target: RangeTarget) {
    super(context, "RangeFill", target);
    seal(this);
  }
  get color(): string { return this.read("color"); }
  set color(value: string) {
    this.setEach("color", value, (c) => (c.fill = normaliseColor(value, "RangeFill.color")));
  }
  clear(): void {
    this.context.enqueue("RangeFill.clear", () => {
      const t = this.target("RangeFill.clear");
      guard(t.sheet, t.rect, "cells", "RangeFill.clear");
      t.sheet.forEach(t.rect, (r, c) => (t.sheet.edit(r, c).fill = null));
    });
  }
  load(what?: string | string[] | { select?: string }): this {
    this.loadEach(what, { color: (c) => c.fill ?? "#FFFFFF" });
    return this;
  }
}

class FormatProtectionProxy extends CellFormatProxy {
  constructor(context: StandInContext, target: RangeTarget) {
    super(context, "FormatProtection", target);
    seal(this);
  }
  get locked(): boolean { return this.read("locked"); }
  set locked(value: boolean) {
    this.setEach("locked", value, (c) => (c.locked = value));
  }
  load(what?: string | string[] | { select?: string }): this {
    this.loadEach(what, { locked: (c) => c.locked });
    return this;
  }
}

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

class RangeBorderCollectionProxy extends ClientObject {
  constructor(context: StandInContext, private readonly target: RangeTarget) {
    super(context, "RangeBorderCollection");
    seal(this);
  }
  getItem(index: string): RangeBorderProxy {
    if (!BORDER_INDEXES.includes(index)) throw new Error(`Excel stand-in: unknown border index ${index}`);
    if (index.startsWith("Diagonal")) throw notModelled("diagonal borders");
    return new RangeBorderProxy(this.context, this.target, index);
  }
}

class RangeBorderProxy extends ClientObject {
  constructor(context: StandInContext, private readonly target: RangeTarget, private readonly index: string) {
    super(context, "RangeBorder");
    seal(this);
  }

  private apply(prop: keyof BorderState, value: string): void {
    const where = `RangeBorder.${prop}`;
    this.write(prop, value, () => {
      const { sheet, rect } = this.target(where);
      guard(sheet, rect, "cells", where);
      if (prop === "style" && !["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"].includes(value))
        throw rich("InvalidArgument", where, value);
      if (prop === "weight" && !["Hairline", "Thin", "Medium", "Thick"].includes(value)) throw rich("InvalidArgument", where, value);
      const v = prop === "color" ? normaliseColor(value, where) : value;
      const edges: [number, number, Edge][] = [];
      sheet.forEach(rect, (r, c) => {
        if (this.index === "EdgeTop" && r === rect.top) edges.push([r, c, "top"]);
        if (this.index === "EdgeBottom" && r === rect.bottom) edges.push([r, c, "bottom"]);
        if (this.index === "EdgeLeft" && c === rect.left) edges.push([r, c, "left"]);
        if (this.index === "EdgeRight" && c === rect.right) edges.push([r, c, "right"]);
        if (this.index === "InsideHorizontal" && r < rect.bottom) edges.push([r, c, "bottom"], [r + 1, c, "top"]);
        if (this.index === "InsideVertical" && c < rect.right) edges.push([r, c, "right"], [r, c + 1, "left"]);
      });
      for (const [r, c, edge] of edges) {
        const cell = sheet.edit(r, c);
        if (prop === "style" && v === "None") delete cell.borders[edge];
        else cell.borders[edge] = { ...(cell.borders[edge] ?? { style: "Continuous", weight: "Thin", color: "#000000" }), [prop]: v };
      }
    });
  }

  get style(): string { return this.read("style"); }
  set style(value: string) {
    this.apply("style", value);
  }
  get weight(): string { return this.read("weight"); }
  set weight(value: string) {
    this.apply("weight", value);
  }
  get color(): string { return this.read("color"); }
  set color(value: string) {
    this.apply("color", value);
  }
}

// ---------------------------------------------------------------------------------------------
// Data validation, conditional formats

const RULE_KEYS = ["wholeNumber", "decimal", "list", "date", "time", "textLength", "custom"] as const;
const RULE_TYPE: Record<(typeof RULE_KEYS)[number], string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  list: "List",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  custom: "Custom",
};

export function validationType(v: ValidationState | undefined): string {
  const key = v?.rule && RULE_KEYS.find((k) => v.rule![k] !== undefined);
  return key ? RULE_TYPE[key] : "None";
}

class DataValidationProxy extends ClientObject {
  constructor(context: StandInContext, private readonly target: RangeTarget) {
    super(context, "DataValidation");
    seal(this);
  }

  private update(prop: string, value: unknown, check: () => void, apply: (v: ValidationState) => void): void {
    const where = `DataValidation.${prop}`;
    this.write(prop, value, () => {
      const { sheet, rect } = this.target(where);
      check();
      guard(sheet, rect, "cells", where);
      sheet.forEach(rect, (r, c) => sheet.setValidation(r, c, apply));
    });
  }

  get rule(): Excel.DataValidationRule { return this.read("rule"); }
  set rule(value: Excel.DataValidationRule) {
    const rule = JSON.parse(JSON.stringify(value)) as Excel.DataValidationRule;
    this.update("rule", value, () => {
      const keys = RULE_KEYS.filter((k) => rule[k] !== undefined);
      if (keys.length !== 1) throw rich("InvalidArgument", "DataValidation.rule", "exactly one kind of criteria");
      if (rule.list) {
        const source = rule.list.source;
        if (typeof source !== "string") throw notModelled("list sources that are ranges");
        if (!source || source.length > 255) throw rich("InvalidArgument", "DataValidation.rule", "a list source is 1 to 255 characters");
      }
    }, (v) => (v.rule = rule));
  }
  get prompt(): Excel.DataValidationPrompt { return this.read("prompt"); }
  set prompt(value: Excel.DataValidationPrompt) {
    this.update("prompt", value, () => {
      if ((value.title ?? "").length > 32 || (value.message ?? "").length > 255)
        throw rich("InvalidArgument", "DataValidation.prompt", "title ≤ 32 and message ≤ 255 characters");
    }, (v) => (v.prompt = { ...value }));
  }
  get errorAlert(): Excel.DataValidationErrorAlert { return this.read("errorAlert"); }
  set errorAlert(value: Excel.DataValidationErrorAlert) {
    this.update("errorAlert", value, () => {
      if ((value.title ?? "").length > 32 || (value.message ?? "").length > 225)
        throw rich("InvalidArgument", "DataValidation.errorAlert", "title ≤ 32 and message ≤ 225 characters");
      if (!["Stop", "Warning", "Information"].includes(value.style)) throw rich("InvalidArgument", "DataValidation.errorAlert", value.style);
    }, (v) => (v.errorAlert = { ...value }));
  }
  get ignoreBlanks(): boolean { return this.read("ignoreBlanks"); }
  set ignoreBlanks(value: boolean) {
    this.update("ignoreBlanks", value, () => undefined, (v) => (v.ignoreBlanks = value));
  }
  get type(): string { return this.read("type"); }

  clear(): void {
    this.context.enqueue("DataValidation.clear", () => {
      const { sheet, rect } = this.target("DataValidation.clear");
      guard(sheet, rect, "cells", "DataValidation.clear");
      sheet.forEach(rect, (r, c) => sheet.clearValidation(r, c));
    });
  }

  load(what?: string | string[] | { select?: string }): this {
    this.queueLoad(what, ["rule", "prompt", "errorAlert", "ignoreBlanks", "type"], (p) => {
      const t = this.target("DataValidation.load");
      if (p === "type") {
        const types = new Set<string>();
        t.sheet.forEach(t.rect, (r, c) => void types.add(validationType(t.sheet.validationAt(r, c))));
        return types.size === 1 ? [...types][0] : "Inconsistent";
      }
      const first = t.sheet.validationAt(t.rect.top, t.rect.left);
      const value = first?.[p as keyof ValidationState];
      return value === undefined ? (p === "ignoreBlanks" ? true : null) : JSON.parse(JSON.stringify(value));
    });
    return this;
  }
}

class ConditionalFormatCollectionProxy extends ClientObject {
  constructor(context: StandInContext, private readonly target: RangeTarget) {
    super(context, "ConditionalFormatCollection");
    seal(this);
  }

  add(type: string): ConditionalFormatProxy {
    if (type !== "Custom") throw notModelled(`conditional formats of type ${type}`);
    const holder: { state?: ConditionalFormatState } = {};
    this.context.enqueue("ConditionalFormatCollection.add", () => {
      const { sheet, rect } = this.target("ConditionalFormatCollection.add");
      guard(sheet, rect, "cells", "ConditionalFormatCollection.add");
      holder.state = { range: { ...rect }, type };
      sheet.conditionalFormats.push(holder.state);
    });
    return new ConditionalFormatProxy(this.context, (where) => {
      if (!holder.state) throw rich("InvalidObjectPath", where);
      return holder.state;
    });
  }

  clearAll(): void {
    this.context.enqueue("ConditionalFormatCollection.clearAll", () => {
      const { sheet, rect } = this.target("ConditionalFormatCollection.clearAll");
      for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--)
        if (intersects(sheet.conditionalFormats[i].range, rect)) sheet.conditionalFormats.splice(i, 1);
    });
  }
}

type CfTarget = (where: string) => ConditionalFormatState;

class ConditionalFormatProxy extends ClientObject {
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string; bold: boolean; italic: boolean } };
  };

  constructor(context: StandInContext, target: CfTarget) {
    super(context, "ConditionalFormat");
    const set = <K extends keyof ConditionalFormatState>(where: string, key: K, value: ConditionalFormatState[K]) =>
      context.enqueue(where, () => void (target(where)[key] = value));
    const store: Record<string, unknown> = {};
    const prop = <T>(where: string, apply: (v: T) => void) => ({
      get: (): T => {
        if (!(where in store)) throw propertyNotLoaded("ConditionalFormat", where);
        return store[where] as T;
      },
      set: (v: T) => {
        store[where] = v;
        apply(v);
      },
    });
    const rule = Object.defineProperty({}, "formula", {
      ...prop<string>("custom.rule.formula", (v) => set("CustomConditionalFormat.rule.formula", "formula", v)),
      enumerable: true,
    }) as { formula: string };
    const fill = Object.defineProperty({}, "color", {
      ...prop<string>("custom.format.fill.color", (v) => set("ConditionalRangeFill.color", "fill", normaliseColor(v, "ConditionalRangeFill.color"))),
      enumerable: true,
    }) as { color: string };
    const font = Object.defineProperties(
      {},
      {
        color: { ...prop<string>("custom.format.font.color", (v) => set("ConditionalRangeFont.color", "fontColor", normaliseColor(v, "ConditionalRangeFont.color"))), enumerable: true },
        bold: { ...prop<boolean>("custom.format.font.bold", (v) => set("ConditionalRangeFont.bold", "bold", v)), enumerable: true },
        italic: { ...prop<boolean>("custom.format.font.italic", (v) => set("ConditionalRangeFont.italic", "italic", v)), enumerable: true },
      },
    ) as { color: string; bold: boolean; italic: boolean };
    this.custom = seal({ rule: seal(rule), format: seal({ fill: seal(fill), font: seal(font) }) });
    seal(this);
  }
}

// ---------------------------------------------------------------------------------------------
// Entry point

export type StandInRequestContext = Excel.RequestContext & { syncCount: number; roundTrips: number };

export interface StandIn {
  /** Pass to code under test; typed as Office.js's context. */
  context: StandInRequestContext;
  /** The workbook as Excel would hold it after the syncs so far (for assertions). */
  workbook: WorkbookState;
  /** What `detectFeatures` reports on this host. */
  features: ExcelFeatures;
  /**
   * A new request context on the same workbook, as each `Excel.run` gets one: proxies of an
   * earlier run are not tied to it, and its syncs are counted apart.
   */
  newContext(): StandInRequestContext;
}

export function createStandIn(options: StandInOptions = {}): StandIn {
  const apiMinor = options.apiMinor ?? 17;
  const host = new WorkbookState(apiMinor, options.calculate);
  for (const spec of options.sheets ?? [{ name: "Sheet1" }]) {
    checkSheetName(spec.name, "createStandIn");
    if (host.findSheet(spec.name)) throw new Error(`duplicate sheet ${spec.name}`);
    const sheet = host.newSheet(spec.name);
    spec.cells?.forEach((row, r) => row.forEach((value, c) => writeInput(sheet.edit(r, c), value, "createStandIn")));
  }
  const payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
  const context = new StandInContext(host, payloadLimit);
  return {
    context: context as unknown as StandInRequestContext,
    workbook: host,
    features: detectFeatures((minor) => minor <= apiMinor),
    newContext: () => new StandInContext(host, payloadLimit) as unknown as StandInRequestContext,
  };
}
