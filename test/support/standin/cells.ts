/** One cell's state, what Excel makes of typed input, and the text it shows. */
import { notModelled, rich } from "./errors";
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


export function defaultCell(): CellState {
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
export const DEFAULT_CELL: Readonly<CellState> = Object.freeze(defaultCell());

export function sameFormat(a: CellState, b: CellState): boolean {
  const { value: _v, formula: _f, ...fa } = a;
  const { value: _w, formula: _g, ...fb } = b;
  return JSON.stringify(fa) === JSON.stringify(fb);
}


// ---------------------------------------------------------------------------------------------
// Typed input, display text

export function excelSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000;
}

/** Writes one element of a values/formulas array the way Excel takes typed input. */
export function writeInput(cell: CellState, input: unknown, where: string): void {
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

export function generalNumber(n: number): string {
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
