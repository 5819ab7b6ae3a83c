/** Cell addresses and rectangles, sheet names and colours, as Excel checks them. */
import { rich } from "./errors";
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}


export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
export const MAX_CELLS_PER_OPERATION = 2_000_000;

export function columnName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
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

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rectAddress(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (rect.top === 0 && rect.bottom === MAX_ROWS - 1)
    return `${d}${columnName(rect.left)}:${d}${columnName(rect.right)}`;
  if (rect.left === 0 && rect.right === MAX_COLS - 1) return `${d}${rect.top + 1}:${d}${rect.bottom + 1}`;
  const one = (r: number, c: number) => `${d}${columnName(c)}${d}${r + 1}`;
  return rect.top === rect.bottom && rect.left === rect.right
    ? one(rect.top, rect.left)
    : `${one(rect.top, rect.left)}:${one(rect.bottom, rect.right)}`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
export function contains(outer: Rect, inner: Rect): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
}
export function cellCount(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

export const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

export function checkSheetName(name: unknown, where: string): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name))
    throw rich("InvalidArgument", where, `invalid sheet name ${JSON.stringify(name)}`);
  if (name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history")
    throw rich("InvalidArgument", where, `invalid sheet name ${JSON.stringify(name)}`);
  return name;
}

export function sameName(a: string, b: string): boolean {
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}

export function normaliseColor(color: unknown, where: string): string {
  const named: Record<string, string> = { black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00" };
  if (typeof color === "string") {
    if (/^#[0-9a-f]{6}$/i.test(color)) return color.toUpperCase();
    if (named[color.toLowerCase()]) return named[color.toLowerCase()];
  }
  throw rich("InvalidArgument", where, `invalid color ${JSON.stringify(color)}`);
}


export function shape(rect: Rect): [number, number] {
  return [rect.bottom - rect.top + 1, rect.right - rect.left + 1];
}

/** Checks a values/formulas/numberFormat argument against the range and returns a getter. */
export function matrixOf(value: unknown, rect: Rect, where: string): (r: number, c: number) => unknown {
  if (!Array.isArray(value)) return () => value;
  const [rows, cols] = shape(rect);
  const ok = value.length === rows && value.every((row) => Array.isArray(row) && row.length === cols);
  if (!ok) throw rich("InvalidArgument", where, "the number of rows or columns in the input array doesn't match the size or dimensions of the range");
  return (r, c) => (value as unknown[][])[r][c];
}
