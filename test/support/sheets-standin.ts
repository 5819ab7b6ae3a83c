/* eslint-disable @typescript-eslint/no-explicit-any -- the signatures are @types/google-apps-script's, `any` included */
/**
 * A stand-in of the Apps Script services the Google Sheets add-on uses (SpreadsheetApp, its
 * builders and enums, HtmlService, the Ui), for tests without Google. Every method the add-on
 * calls is declared with the signature of @types/google-apps-script (`implements Pick<…>`), so
 * the compiler fails here when the real API changes or when the adapter calls something the
 * stand-in does not have.
 *
 * As strict as the host where it matters:
 * - a 2-D write whose shape differs from its range throws (as Range.setValues documents);
 * - a range outside the sheet's grid throws (a new sheet has 1000 rows × 26 columns);
 * - what is written is read the way Sheets reads typed input (Range.setValue: "If it begins with
 *   '=' it is interpreted as a formula"): "=…" becomes a formula, "12" a number, "TRUE" a
 *   boolean, "31/12/2020" a date (vi_VN: day first), and a leading apostrophe marks text (kept
 *   without it) — except under the plain-text format "@", where the string is kept as written;
 *   `textFormat: "parses"` / `quotePrefix: "parses"` play a Sheets that does not honour "@" or
 *   the apostrophe, so the adapter's defence is tested against either behaviour;
 * - getValues gives Date objects for dates, "" for empty cells, numbers, booleans and strings;
 *   formulas are calculated by `calculate` (the templates' IF(COUNT(…)=0,"",SUM(…))) or give "";
 * - merging keeps the top-left value only; a partial overlap of merges throws; frozen rows or
 *   columns may not cut a merged area (Sheets refuses it);
 * - a sheet name is unique ignoring case; deleting the last sheet throws; writing to a sheet
 *   protected against this user throws.
 * Calls are counted (`calls`, by method), reads apart (`reads`).
 */
import { a1 as a, parseA1 } from "../../src/core/grid";

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class GasError extends Error {
  override name = "Exception";
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellState {
  value: string | number | boolean | Date | null;
  formula: string | null;
  numberFormat: string;
  fontFamily: string | null;
  fontSize: number;
  fontWeight: string | null;
  fontStyle: string | null;
  fontColor: string | null;
  background: string | null;
  horizontal: string | null;
  vertical: string | null;
  wrap: boolean;
  validation: StandInValidation | null;
}

const blankCell = (): CellState => ({
  value: null,
  formula: null,
  numberFormat: "General",
  fontFamily: null,
  fontSize: 10,
  fontWeight: null,
  fontStyle: null,
  fontColor: null,
  background: null,
  horizontal: null,
  vertical: null,
  wrap: false,
  validation: null,
});

export interface StandInOptions {
  sheets?: { name: string; cells?: (string | number | boolean | Date | null)[][]; locked?: boolean }[];
  /** How a string beginning with "=", "+", "-" or "@" written under "@" is kept (default: as text). */
  textFormat?: "keeps-text" | "parses";
  /** How a leading apostrophe is taken (default: it marks text and is not kept). */
  quotePrefix?: "keeps-text" | "parses";
  /** Value of a formula cell (default ""). */
  calculate?: (sheet: SheetState, row: number, col: number, formula: string) => string | number | boolean;
  locale?: string;
  timeZone?: string;
}

// ---------------------------------------------------------------------------------------------
// Host state

export class SheetState {
  readonly cells = new Map<string, CellState>();
  maxRows = 1000;
  maxCols = 26;
  merges: Rect[] = [];
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  readonly hiddenColumns = new Set<number>();
  readonly widths = new Map<number, number>();
  conditionalRules: StandInConditionalRule[] = [];
  readonly protections: StandInProtection[] = [];
  readonly borders: { rect: Rect; inside: boolean }[] = [];
  constructor(
    public name: string,
    readonly host: HostState,
  ) {}

  cell(row: number, col: number): CellState {
    const key = `${row}:${col}`;
    let c = this.cells.get(key);
    if (!c) this.cells.set(key, (c = blankCell()));
    return c;
  }
  peek(row: number, col: number): CellState | undefined {
    return this.cells.get(`${row}:${col}`);
  }
  at(address: string): CellState {
    const p = parseA1(address);
    if (!p) throw new Error(`bad address ${address}`);
    return this.cell(p.row, p.col);
  }
  /** What getValues gives for a cell. */
  valueOf(row: number, col: number): string | number | boolean | Date {
    const c = this.peek(row, col);
    if (!c) return "";
    if (c.formula) return this.host.options.calculate?.(this, row, col, c.formula) ?? "";
    return c.value ?? "";
  }
  lastRow(): number {
    let last = 0;
    for (const [key, c] of this.cells) if (c.value !== null || c.formula) last = Math.max(last, Number(key.split(":")[0]) + 1);
    return last;
  }
  lastColumn(): number {
    let last = 0;
    for (const [key, c] of this.cells) if (c.value !== null || c.formula) last = Math.max(last, Number(key.split(":")[1]) + 1);
    return last;
  }
  mergeAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }
  lockedForUser(): boolean {
    return this.protections.some((p) => !p.warningOnly && !p.editable);
  }
}

export class HostState {
  readonly sheets: SheetState[] = [];
  active: SheetState | undefined;
  activeRange: { sheet: string; a1: string } | undefined;
  calls = 0;
  reads = 0;
  readonly byMethod = new Map<string, number>();
  readonly menus: { caption: string; items: [string, string][] }[] = [];
  readonly alerts: { title: string; prompt: string }[] = [];
  readonly sidebars: { title: string; file: string }[] = [];
  constructor(readonly options: StandInOptions) {}

  count(method: string, read = false): void {
    this.calls++;
    if (read) this.reads++;
    this.byMethod.set(method, (this.byMethod.get(method) ?? 0) + 1);
  }
  sheet(name: string): SheetState {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  find(name: string): SheetState | undefined {
    return this.sheets.find((x) => x.name === name);
  }
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }
  addSheet(name: string, index = this.sheets.length): SheetState {
    if (this.sheets.some((s) => s.name.toLocaleLowerCase("vi") === name.toLocaleLowerCase("vi")))
      throw new GasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    if (!name.trim() || name.length > 100) throw new GasError(`Invalid sheet name: ${name}`);
    const sheet = new SheetState(name, this);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }
  /** What a user types into a cell (parsed as Sheets parses input), then the onEdit simple trigger. */
  type(sheetName: string, address: string, text: string | number): void {
    const sheet = this.sheet(sheetName);
    const p = parseA1(address)!;
    const oldValue = sheet.valueOf(p.row, p.col);
    writeInput(sheet, p.row, p.col, text);
    this.onEdit?.({ sheet, row: p.row, col: p.col, value: String(text), oldValue: oldValue === "" ? undefined : String(oldValue) });
  }
  onEdit?: (edit: { sheet: SheetState; row: number; col: number; value: string; oldValue?: string }) => void;
}

/** Sheets' reading of typed or written input (see the header). */
function writeInput(sheet: SheetState, row: number, col: number, input: unknown): void {
  if (sheet.lockedForUser()) throw new GasError("You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.");
  const cell = sheet.cell(row, col);
  const opts = sheet.host.options;
  cell.formula = null;
  if (input === undefined) throw new Error("Sheets stand-in: undefined in a written array is not modelled");
  if (input === null || input === "") {
    cell.value = null;
    return;
  }
  if (input instanceof Date || typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  if (typeof input !== "string") throw new Error(`Sheets stand-in: writing ${typeof input} is not modelled`);
  if (cell.numberFormat === "@" && opts.textFormat !== "parses") {
    cell.value = input;
    return;
  }
  if (input.startsWith("'") && opts.quotePrefix !== "parses") {
    cell.value = input.slice(1);
    return;
  }
  const s = input.startsWith("'") ? input.slice(1) : input;
  if (/^[=+\-@]/.test(s) && s.length > 1 && !/^[+-]?\d/.test(s)) {
    cell.formula = s.startsWith("=") ? s : `=${s}`;
    cell.value = null;
    return;
  }
  if (/^[+-]?\d+(\.\d+)?$/.test(s.trim())) {
    cell.value = Number(s);
    return;
  }
  if (/^(TRUE|FALSE)$/i.test(s)) {
    cell.value = s.toUpperCase() === "TRUE";
    return;
  }
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  if (date) {
    cell.value = new Date(Number(date[3]), Number(date[2]) - 1, Number(date[1]));
    return;
  }
  cell.value = input;
}

function display(sheet: SheetState, row: number, col: number): string {
  const v = sheet.valueOf(row, col);
  const vi = (sheet.host.options.locale ?? "vi_VN").startsWith("vi");
  const format = sheet.peek(row, col)?.numberFormat ?? "General";
  if (v instanceof Date) return `${v.getDate()}/${v.getMonth() + 1}/${v.getFullYear()}`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v !== "number") return String(v);
  if (format === "#,##0") return Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, vi ? "." : ",");
  if (format === "0") return Math.round(v).toString();
  return vi ? String(v).replace(".", ",") : String(v);
}

// ---------------------------------------------------------------------------------------------
// Builders and rules

export class StandInValidation implements Pick<GoogleAppsScript.Spreadsheet.DataValidation, "getCriteriaType" | "getCriteriaValues" | "getHelpText" | "getAllowInvalid"> {
  constructor(
    readonly criteria: "NUMBER_BETWEEN" | "VALUE_IN_LIST",
    readonly values: unknown[],
    readonly helpText: string | null,
    readonly allowInvalid: boolean,
  ) {}
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): any[] {
    return this.values;
  }
  getHelpText(): string {
    return this.helpText ?? "";
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
}

type VB = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
class StandInValidationBuilder implements Pick<VB, "requireNumberBetween" | "requireValueInList" | "setAllowInvalid" | "setHelpText" | "build"> {
  private criteria?: StandInValidation["criteria"];
  private values: unknown[] = [];
  private help: string | null = null;
  private allowInvalid = true;
  requireNumberBetween(start: number, end: number): VB {
    this.criteria = "NUMBER_BETWEEN";
    this.values = [start, end];
    return this as unknown as VB;
  }
  requireValueInList(values: string[], showDropdown?: boolean): VB {
    this.criteria = "VALUE_IN_LIST";
    this.values = [values, showDropdown ?? true];
    return this as unknown as VB;
  }
  setAllowInvalid(allowInvalidData: boolean): VB {
    this.allowInvalid = allowInvalidData;
    return this as unknown as VB;
  }
  setHelpText(helpText: string): VB {
    this.help = helpText;
    return this as unknown as VB;
  }
  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    if (!this.criteria) throw new GasError("Data validation requires a criterion.");
    return new StandInValidation(this.criteria, this.values, this.help, this.allowInvalid) as unknown as GoogleAppsScript.Spreadsheet.DataValidation;
  }
}

export interface StandInConditionalRule {
  formula: string;
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: { sheet: string; rect: Rect }[];
}

type CB = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
class StandInConditionalBuilder implements Pick<CB, "whenFormulaSatisfied" | "setBackground" | "setFontColor" | "setBold" | "setRanges" | "build"> {
  private rule: StandInConditionalRule = { formula: "", background: null, fontColor: null, bold: null, ranges: [] };
  whenFormulaSatisfied(formula: string): CB {
    if (!formula.startsWith("=")) throw new GasError("The formula of a conditional format must start with =.");
    this.rule.formula = formula;
    return this as unknown as CB;
  }
  setBackground(color: string | null): CB {
    this.rule.background = color;
    return this as unknown as CB;
  }
  setFontColor(color: string | null): CB {
    this.rule.fontColor = color;
    return this as unknown as CB;
  }
  setBold(bold: boolean | null): CB {
    this.rule.bold = bold;
    return this as unknown as CB;
  }
  setRanges(ranges: Range[]): CB {
    this.rule.ranges = ranges.map((r) => {
      const x = r as unknown as StandInRange;
      return { sheet: x.sheet.name, rect: x.rect };
    });
    return this as unknown as CB;
  }
  build(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    if (!this.rule.formula || !this.rule.ranges.length) throw new GasError("A conditional format rule needs a condition and ranges.");
    return { ...this.rule } as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
  }
}

export class StandInProtection implements Pick<GoogleAppsScript.Spreadsheet.Protection, "setWarningOnly" | "isWarningOnly" | "canEdit" | "setDescription" | "setUnprotectedRanges"> {
  warningOnly = false;
  description = "";
  unprotected: Rect[] = [];
  constructor(readonly editable = true) {}
  setWarningOnly(warningOnly: boolean): GoogleAppsScript.Spreadsheet.Protection {
    this.warningOnly = warningOnly;
    return this as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  canEdit(): boolean {
    return this.editable;
  }
  setDescription(description: string): GoogleAppsScript.Spreadsheet.Protection {
    this.description = description;
    return this as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
  setUnprotectedRanges(ranges: Range[]): GoogleAppsScript.Spreadsheet.Protection {
    this.unprotected = ranges.map((r) => (r as unknown as StandInRange).rect);
    return this as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
}

// ---------------------------------------------------------------------------------------------
// Range, Sheet, Spreadsheet

type RangeMethods =
  | "getValues"
  | "getDisplayValues"
  | "getFormulas"
  | "getNumberFormats"
  | "setValues"
  | "setNumberFormats"
  | "setFontFamilies"
  | "setFontSizes"
  | "setFontWeights"
  | "setFontStyles"
  | "setFontColors"
  | "setBackgrounds"
  | "setHorizontalAlignments"
  | "setVerticalAlignments"
  | "setWraps"
  | "setDataValidations"
  | "merge"
  | "setBorder"
  | "activate"
  | "getSheet"
  | "getA1Notation";

export class StandInRange implements Pick<Range, RangeMethods> {
  constructor(
    readonly sheet: SheetState,
    readonly rect: Rect,
  ) {
    Object.seal(this);
  }
  private get rows(): number {
    return this.rect.bottom - this.rect.top + 1;
  }
  private get cols(): number {
    return this.rect.right - this.rect.left + 1;
  }
  private self(): Range {
    return this as unknown as Range;
  }
  private count(method: string, read = false): void {
    this.sheet.host.count(`Range.${method}`, read);
  }
  private read<T>(method: string, f: (r: number, c: number) => T): T[][] {
    this.count(method, true);
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => f(this.rect.top + i, this.rect.left + j)));
  }
  /** Checks a 2-D array against the range's shape, as Sheets does. */
  private each<T>(method: string, values: T[][], f: (cell: CellState, v: T, r: number, c: number) => void): Range {
    this.count(method);
    if (!Array.isArray(values) || values.length !== this.rows)
      throw new GasError(`The number of rows in the data does not match the number of rows in the range. The data has ${values?.length ?? 0} but the range has ${this.rows}.`);
    values.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== this.cols)
        throw new GasError(`The number of columns in the data does not match the number of columns in the range. The data has ${row?.length ?? 0} but the range has ${this.cols}.`);
      row.forEach((v, j) => f(this.sheet.cell(this.rect.top + i, this.rect.left + j), v, this.rect.top + i, this.rect.left + j));
    });
    return this.self();
  }
  private format<T>(method: string, values: T[][], f: (cell: CellState, v: T) => void): Range {
    if (this.sheet.lockedForUser()) throw new GasError("You are trying to edit a protected cell or object.");
    return this.each(method, values, (cell, v) => f(cell, v));
  }

  getValues(): any[][] {
    return this.read("getValues", (r, c) => this.sheet.valueOf(r, c));
  }
  getDisplayValues(): string[][] {
    return this.read("getDisplayValues", (r, c) => display(this.sheet, r, c));
  }
  getFormulas(): string[][] {
    return this.read("getFormulas", (r, c) => this.sheet.peek(r, c)?.formula ?? "");
  }
  getNumberFormats(): string[][] {
    return this.read("getNumberFormats", (r, c) => this.sheet.peek(r, c)?.numberFormat ?? "General");
  }
  setValues(values: any[][]): Range {
    return this.each("setValues", values, (_cell, v, r, c) => writeInput(this.sheet, r, c, v));
  }
  setNumberFormats(numberFormats: string[][]): Range {
    return this.format("setNumberFormats", numberFormats, (cell, v) => (cell.numberFormat = v));
  }
  setFontFamilies(fontFamilies: Array<Array<string | null>>): Range {
    return this.format("setFontFamilies", fontFamilies, (cell, v) => (cell.fontFamily = v));
  }
  setFontSizes(sizes: number[][]): Range {
    return this.format("setFontSizes", sizes, (cell, v) => (cell.fontSize = v));
  }
  setFontWeights(fontWeights: Array<Array<GoogleAppsScript.Spreadsheet.FontWeight | null>>): Range {
    return this.format("setFontWeights", fontWeights, (cell, v) => (cell.fontWeight = v));
  }
  setFontStyles(fontStyles: Array<Array<GoogleAppsScript.Spreadsheet.FontStyle | null>>): Range {
    return this.format("setFontStyles", fontStyles, (cell, v) => (cell.fontStyle = v));
  }
  setFontColors(colors: any[][]): Range {
    return this.format("setFontColors", colors, (cell, v) => (cell.fontColor = v));
  }
  setBackgrounds(color: Array<Array<string | null>>): Range {
    return this.format("setBackgrounds", color, (cell, v) => (cell.background = v));
  }
  setHorizontalAlignments(alignments: Array<Array<"left" | "center" | "normal" | "right" | null>>): Range {
    return this.format("setHorizontalAlignments", alignments, (cell, v) => (cell.horizontal = v === "normal" ? null : v));
  }
  setVerticalAlignments(alignments: Array<Array<"top" | "middle" | "bottom" | null>>): Range {
    return this.format("setVerticalAlignments", alignments, (cell, v) => (cell.vertical = v));
  }
  setWraps(isWrapEnabled: boolean[][]): Range {
    return this.format("setWraps", isWrapEnabled, (cell, v) => (cell.wrap = v));
  }
  setDataValidations(rules: Array<Array<GoogleAppsScript.Spreadsheet.DataValidation | null>>): Range {
    return this.format("setDataValidations", rules, (cell, v) => (cell.validation = v as unknown as StandInValidation | null));
  }
  merge(): Range {
    this.count("merge");
    const m = this.rect;
    for (const other of this.sheet.merges) {
      const overlaps = m.top <= other.bottom && other.top <= m.bottom && m.left <= other.right && other.left <= m.right;
      if (overlaps) throw new GasError("You must select all cells in a merged range to merge or unmerge them.");
    }
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const cell = this.sheet.peek(r, c);
        if (cell) {
          cell.value = null;
          cell.formula = null;
        }
      }
    this.sheet.merges.push({ ...m });
    return this.self();
  }
  setBorder(top: boolean | null, left: boolean | null, bottom: boolean | null, right: boolean | null, vertical: boolean | null, horizontal: boolean | null, color?: string | null, style?: GoogleAppsScript.Spreadsheet.BorderStyle | null): Range {
    this.count("setBorder");
    if (!(top && left && bottom && right)) throw new Error("Sheets stand-in: partial borders are not modelled");
    if (color === undefined || style === undefined) throw new Error("Sheets stand-in: borders without colour and style are not modelled");
    this.sheet.borders.push({ rect: { ...this.rect }, inside: !!(vertical && horizontal) });
    return this.self();
  }
  activate(): Range {
    this.count("activate");
    this.sheet.host.active = this.sheet;
    this.sheet.host.activeRange = { sheet: this.sheet.name, a1: this.getA1Notation() };
    return this.self();
  }
  getSheet(): Sheet {
    return new StandInSheet(this.sheet) as unknown as Sheet;
  }
  getA1Notation(): string {
    const { top, left, bottom, right } = this.rect;
    return top === bottom && left === right ? a(top, left) : `${a(top, left)}:${a(bottom, right)}`;
  }
}

type SheetMethods =
  | "getName"
  | "setName"
  | "getRange"
  | "getLastRow"
  | "getLastColumn"
  | "getMaxRows"
  | "getMaxColumns"
  | "insertRowsAfter"
  | "insertColumnsAfter"
  | "setColumnWidths"
  | "hideColumns"
  | "setFrozenRows"
  | "setFrozenColumns"
  | "getConditionalFormatRules"
  | "setConditionalFormatRules"
  | "protect"
  | "getProtections"
  | "isSheetHidden"
  | "activate";

export class StandInSheet implements Pick<Sheet, SheetMethods> {
  constructor(readonly state: SheetState) {
    Object.seal(this);
  }
  private count(method: string, read = false): void {
    this.state.host.count(`Sheet.${method}`, read);
  }
  private self(): Sheet {
    return this as unknown as Sheet;
  }
  getName(): string {
    return this.state.name;
  }
  setName(name: string): Sheet {
    this.count("setName");
    const host = this.state.host;
    if (host.sheets.some((s) => s !== this.state && s.name.toLocaleLowerCase("vi") === name.toLocaleLowerCase("vi")))
      throw new GasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.state.name = name;
    return this.self();
  }
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    this.count("getRange");
    let rect: Rect;
    if (typeof a === "string") {
      const [from, to = from] = a.split(":");
      const p = parseA1(from);
      const q = parseA1(to);
      if (!p || !q) throw new GasError(`Range not found: ${a}`);
      rect = { top: p.row, left: p.col, bottom: q.row, right: q.col };
    } else {
      if (column === undefined) throw new Error("Sheets stand-in: getRange(row) is not modelled");
      const rows = numRows ?? 1;
      const cols = numColumns ?? 1;
      if (a < 1 || column < 1 || rows < 1 || cols < 1) throw new GasError("The starting row/column of the range is too small, or the number of rows/columns must be at least 1.");
      rect = { top: a - 1, left: column - 1, bottom: a - 1 + rows - 1, right: column - 1 + cols - 1 };
    }
    if (rect.bottom >= this.state.maxRows || rect.right >= this.state.maxCols) throw new GasError("The coordinates of the range are outside the dimensions of the sheet.");
    return new StandInRange(this.state, rect) as unknown as Range;
  }
  getLastRow(): number {
    this.count("getLastRow", true);
    return this.state.lastRow();
  }
  getLastColumn(): number {
    this.count("getLastColumn", true);
    return this.state.lastColumn();
  }
  getMaxRows(): number {
    return this.state.maxRows;
  }
  getMaxColumns(): number {
    return this.state.maxCols;
  }
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this.count("insertRowsAfter");
    if (afterPosition !== this.state.maxRows) throw new Error("Sheets stand-in: inserting rows inside the grid is not modelled");
    this.state.maxRows += howMany;
    return this.self();
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this.count("insertColumnsAfter");
    if (afterPosition !== this.state.maxCols) throw new Error("Sheets stand-in: inserting columns inside the grid is not modelled");
    this.state.maxCols += howMany;
    return this.self();
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    this.count("setColumnWidths");
    for (let c = startColumn - 1; c < startColumn - 1 + numColumns; c++) this.state.widths.set(c, width);
    return this.self();
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.count("hideColumns");
    for (let c = columnIndex - 1; c < columnIndex - 1 + numColumns; c++) this.state.hiddenColumns.add(c);
  }
  setFrozenRows(rows: number): void {
    this.count("setFrozenRows");
    if (this.state.merges.some((m) => m.top < rows && m.bottom >= rows)) throw new GasError("You can't freeze rows which contain only part of a merged cell.");
    this.state.frozenRows = rows;
  }
  setFrozenColumns(columns: number): void {
    this.count("setFrozenColumns");
    if (this.state.merges.some((m) => m.left < columns && m.right >= columns)) throw new GasError("You can't freeze columns which contain only part of a merged cell.");
    this.state.frozenCols = columns;
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    this.count("getConditionalFormatRules", true);
    return this.state.conditionalRules.map((r) => ({ ...r })) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.count("setConditionalFormatRules");
    const list = rules as unknown as StandInConditionalRule[];
    if (list.some((r) => r.ranges.some((x) => x.sheet !== this.state.name))) throw new GasError("Conditional format rule cannot reference a different sheet.");
    this.state.conditionalRules = list.map((r) => ({ ...r }));
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.count("protect");
    const p = new StandInProtection();
    this.state.protections.push(p);
    return p as unknown as GoogleAppsScript.Spreadsheet.Protection;
  }
  getProtections(_type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    this.count("getProtections", true);
    return this.state.protections as unknown as GoogleAppsScript.Spreadsheet.Protection[];
  }
  isSheetHidden(): boolean {
    return this.state.hidden;
  }
  activate(): Sheet {
    this.count("activate");
    this.state.host.active = this.state;
    return this.self();
  }
}

type SpreadsheetMethods = "getSheets" | "getSheetByName" | "insertSheet" | "deleteSheet" | "getActiveSheet" | "getSpreadsheetLocale" | "getSpreadsheetTimeZone";

export class StandInSpreadsheet implements Pick<Spreadsheet, SpreadsheetMethods> {
  constructor(readonly host: HostState) {
    Object.seal(this);
  }
  getSheets(): Sheet[] {
    this.host.count("Spreadsheet.getSheets", true);
    return this.host.sheets.map((s) => new StandInSheet(s) as unknown as Sheet);
  }
  getSheetByName(name: string): Sheet | null {
    this.host.count("Spreadsheet.getSheetByName", true);
    const s = this.host.find(name);
    return s ? (new StandInSheet(s) as unknown as Sheet) : null;
  }
  insertSheet(sheetName?: unknown, sheetIndex?: unknown): Sheet {
    this.host.count("Spreadsheet.insertSheet");
    if (typeof sheetName !== "string") throw new Error("Sheets stand-in: insertSheet without a name is not modelled");
    const index = typeof sheetIndex === "number" ? sheetIndex : this.host.sheets.length;
    if (index < 0 || index > this.host.sheets.length) throw new GasError("Invalid sheet index.");
    const sheet = this.host.addSheet(sheetName, index);
    this.host.active = sheet; // Sheets shows the sheet it inserts
    return new StandInSheet(sheet) as unknown as Sheet;
  }
  deleteSheet(sheet: Sheet): void {
    this.host.count("Spreadsheet.deleteSheet");
    const state = (sheet as unknown as StandInSheet).state;
    const i = this.host.sheets.indexOf(state);
    if (i < 0) throw new GasError("Sheet not found.");
    if (this.host.sheets.filter((s) => !s.hidden && s !== state).length === 0) throw new GasError("You can't remove all the visible sheets in a document.");
    this.host.sheets.splice(i, 1);
    if (this.host.active === state) this.host.active = this.host.sheets[Math.max(0, i - 1)];
  }
  getActiveSheet(): Sheet {
    return new StandInSheet(this.host.active ?? this.host.sheets[0]) as unknown as Sheet;
  }
  getSpreadsheetLocale(): string {
    return this.host.options.locale ?? "vi_VN";
  }
  getSpreadsheetTimeZone(): string {
    return this.host.options.timeZone ?? "Asia/Ho_Chi_Minh";
  }
}

// ---------------------------------------------------------------------------------------------
// Services: SpreadsheetApp, HtmlService

class StandInMenu implements Pick<GoogleAppsScript.Base.Menu, "addItem" | "addToUi"> {
  readonly items: [string, string][] = [];
  constructor(
    private readonly host: HostState,
    private readonly caption: string,
  ) {}
  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    this.items.push([caption, functionName]);
    return this as unknown as GoogleAppsScript.Base.Menu;
  }
  addToUi(): void {
    this.host.menus.push({ caption: this.caption, items: [...this.items] });
  }
}

class StandInHtmlOutput implements Pick<GoogleAppsScript.HTML.HtmlOutput, "setTitle" | "getTitle"> {
  private title = "";
  constructor(readonly file: string) {}
  setTitle(title: string): GoogleAppsScript.HTML.HtmlOutput {
    this.title = title;
    return this as unknown as GoogleAppsScript.HTML.HtmlOutput;
  }
  getTitle(): string {
    return this.title;
  }
}

const BUTTON_SET = { OK: "OK", OK_CANCEL: "OK_CANCEL", YES_NO: "YES_NO", YES_NO_CANCEL: "YES_NO_CANCEL" };

class StandInUi implements Pick<GoogleAppsScript.Base.Ui, "createAddonMenu" | "createMenu" | "showSidebar"> {
  readonly ButtonSet = BUTTON_SET as unknown as typeof GoogleAppsScript.Base.ButtonSet;
  constructor(private readonly host: HostState) {}
  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return new StandInMenu(this.host, "Tiện ích bổ sung") as unknown as GoogleAppsScript.Base.Menu;
  }
  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return new StandInMenu(this.host, caption) as unknown as GoogleAppsScript.Base.Menu;
  }
  alert(title: string, prompt?: unknown, _buttons?: unknown): GoogleAppsScript.Base.Button {
    this.host.alerts.push({ title, prompt: typeof prompt === "string" ? prompt : "" });
    return "OK" as unknown as GoogleAppsScript.Base.Button;
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    const out = userInterface as unknown as StandInHtmlOutput;
    this.host.sidebars.push({ title: out.getTitle(), file: out.file });
  }
}

export interface StandIn {
  host: HostState;
  spreadsheet: StandInSpreadsheet;
  /** The globals Apps Script gives a script: what Code.js finds. */
  globals: { SpreadsheetApp: unknown; HtmlService: unknown; console: Console };
}

export function createStandIn(options: StandInOptions = {}): StandIn {
  const host = new HostState(options);
  for (const s of options.sheets ?? [{ name: "Trang tính1" }]) {
    const sheet = host.addSheet(s.name);
    (s.cells ?? []).forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && writeInput(sheet, r, c, v)));
    if (s.locked) sheet.protections.push(new StandInProtection(false));
  }
  host.active = host.sheets[0];
  const spreadsheet = new StandInSpreadsheet(host);
  const ui = new StandInUi(host);
  const SpreadsheetApp: Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, "getActiveSpreadsheet" | "getActive" | "getUi" | "newDataValidation" | "newConditionalFormatRule" | "flush"> & {
    BorderStyle: unknown;
    ProtectionType: unknown;
  } = {
    BorderStyle: { SOLID: "SOLID", DOTTED: "DOTTED", DASHED: "DASHED", SOLID_MEDIUM: "SOLID_MEDIUM", SOLID_THICK: "SOLID_THICK", DOUBLE: "DOUBLE" },
    ProtectionType: { RANGE: "RANGE", SHEET: "SHEET" },
    getActiveSpreadsheet: () => spreadsheet as unknown as Spreadsheet,
    getActive: () => spreadsheet as unknown as Spreadsheet,
    getUi: () => ui as unknown as GoogleAppsScript.Base.Ui,
    newDataValidation: () => new StandInValidationBuilder() as unknown as VB,
    newConditionalFormatRule: () => new StandInConditionalBuilder() as unknown as CB,
    flush: () => undefined,
  };
  const HtmlService: Pick<GoogleAppsScript.HTML.HtmlService, "createHtmlOutputFromFile"> = {
    createHtmlOutputFromFile: (filename: string) => new StandInHtmlOutput(filename) as unknown as GoogleAppsScript.HTML.HtmlOutput,
  };
  return { host, spreadsheet, globals: { SpreadsheetApp, HtmlService, console } };
}

/** The templates' only formulas, IF(COUNT(…)=0,"",SUM(…)), calculated (StandInOptions.calculate). */
export function templateCalculate(sheet: SheetState, _row: number, _col: number, formula: string): string | number {
  const refs = /SUM\(([^)]*)\)/.exec(formula)?.[1].split(",") ?? [];
  const values = refs.map((r) => parseA1(r)).flatMap((p) => (p ? [sheet.valueOf(p.row, p.col)] : [])).filter((v): v is number => typeof v === "number");
  return values.length ? values.reduce((a, b) => a + b, 0) : "";
}
