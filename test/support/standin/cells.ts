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

/**
 * The locale of the Excel the user runs: how typed input is read and numbers are shown. Excel
 * follows the system's regional settings (the decimal and thousands marks, the order of day and
 * month); a Vietnamese office runs "vi-VN" (1.076 is a thousand and seventy-six, 3,7 is three
 * point seven, 1/2 is the first of February), Excel on the web in English "en-US".
 */
export type Locale = "en-US" | "vi-VN";

interface LocaleMarks {
  decimal: string;
  group: string;
  /** Day before month in dates typed and shown. */
  dayFirst: boolean;
}

const MARKS: Record<Locale, LocaleMarks> = {
  "en-US": { decimal: ".", group: ",", dayFirst: false },
  "vi-VN": { decimal: ",", group: ".", dayFirst: true },
};

function escape(mark: string): string {
  return mark.replace(/[.]/g, "\\.");
}

/**
 * A number as typed in `locale`, or undefined. Thousands marks are taken only in whole groups of
 * three ("1,076" in en-US, "1.076" in vi-VN). Departure, unverified: what Excel makes of a
 * misplaced thousands mark ("3,7" in en-US) is not documented; it is kept as text here, and the
 * pane's «Kiểm tra môi trường» probes it on a real host.
 */
function typedNumber(text: string, locale: Locale): number | undefined {
  const { decimal, group } = MARKS[locale];
  const g = escape(group);
  const d = escape(decimal);
  const re = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${d}(\\d+))?(?:e([+-]?\\d+))?$`, "i");
  const m = re.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  const int = (m[2] ?? "0").split(group).join("");
  return Number(`${m[1]}${int}${m[3] !== undefined ? `.${m[3]}` : ""}${m[4] !== undefined ? `e${m[4]}` : ""}`);
}

/** Formats a date typed without a year is given (Excel: "d-mmm"); with a year, the short date. */
const DATE_FORMATS: Record<Locale, { short: string; noYear: string }> = {
  "en-US": { short: "m/d/yyyy", noYear: "d-mmm" },
  // Departure, unverified: the formats vi-VN Excel applies are assumed to be the short date of the
  // Vietnamese regional settings (dd/mm/yyyy) and dd/mm without a year.
  "vi-VN": { short: "dd/mm/yyyy", noYear: "dd/mm" },
};

/**
 * Writes one element of a values/formulas array the way Excel takes typed input (Microsoft
 * documents that `values` and `formulas` are read as if typed: "=…" is a formula, numbers, dates
 * and percents are recognised; https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values).
 * Excel gives a General cell the format of what was recognised (a date format for a date, a
 * percent format for "12%"); a cell that already has another number format keeps it and shows
 * the serial number. Departure, unverified: that last rule is the common report, not a documented
 * one; «Kiểm tra môi trường» probes it.
 */
export function writeInput(cell: CellState, input: unknown, where: string, locale: Locale = "en-US"): void {
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
    // A Text cell keeps what is typed, even "=…". Departure, unverified: Microsoft documents only
    // that values starting with = + - are parsed as formulas, not what a Text cell does with them
    // through the API (issue 10, point 7); «Kiểm tra môi trường» probes it.
    cell.value = input;
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
  const text = input.trim();
  const number = typedNumber(text, locale);
  if (number !== undefined) {
    cell.value = number;
    return;
  }
  const percent = /^(.*?)\s*%$/.exec(text);
  const percentValue = percent ? typedNumber(percent[1], locale) : undefined;
  if (percentValue !== undefined) {
    cell.value = percentValue / 100;
    if (cell.numberFormat === "General") cell.numberFormat = percent![1].includes(MARKS[locale].decimal) ? "0.00%" : "0%";
    return;
  }
  if (/^(true|false)$/i.test(text)) {
    cell.value = text.toLowerCase() === "true";
    return;
  }
  const date = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(text);
  if (date) {
    const [first, second] = [+date[1], +date[2]];
    const [day, month] = MARKS[locale].dayFirst ? [first, second] : [second, first];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      cell.value = excelSerial(date[3] ? +date[3] : new Date().getUTCFullYear(), month, day);
      if (cell.numberFormat === "General") cell.numberFormat = date[3] ? DATE_FORMATS[locale].short : DATE_FORMATS[locale].noYear;
      return;
    }
  }
  cell.value = input;
}

export function generalNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(10)));
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function withMarks(text: string, locale: Locale): string {
  if (locale === "en-US") return text;
  return text.replace(/[.,]/g, (m) => (m === "." ? "," : "."));
}

/**
 * What Excel shows for a value under the number formats our layouts use, in `locale`: the
 * format's "." and "," are the locale's decimal and thousands marks (Excel stores formats in
 * en-US notation and shows them with the system's marks).
 */
export function displayText(value: string | number | boolean | null, numberFormat: string, locale: Locale = "en-US"): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const fixed = (digits: number, grouping: boolean) =>
    withMarks(value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: grouping }), locale);
  const date = () => new Date(Date.UTC(1899, 11, 30) + Math.floor(value) * 86400000);
  const two = (n: number) => String(n).padStart(2, "0");
  switch (numberFormat) {
    case "General":
    case "@":
      return withMarks(generalNumber(value), locale);
    case "0":
      return fixed(0, false);
    case "0.00":
      return fixed(2, false);
    case "#,##0":
      return fixed(0, true);
    case "#,##0.00":
      return fixed(2, true);
    case "0%":
      return `${withMarks((value * 100).toFixed(0), locale)}%`;
    case "0.00%":
      return `${withMarks((value * 100).toFixed(2), locale)}%`;
    case "m/d/yyyy": {
      const d = date();
      return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
    }
    case "d-mmm": {
      const d = date();
      return `${d.getUTCDate()}-${MONTHS_EN[d.getUTCMonth()]}`;
    }
    case "dd/mm/yyyy": {
      const d = date();
      return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    }
    case "dd/mm": {
      const d = date();
      return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}`;
    }
    default:
      throw notModelled(`display text under number format ${JSON.stringify(numberFormat)}`);
  }
}
