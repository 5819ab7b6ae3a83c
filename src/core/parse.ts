/**
 * Kind-aware parsing of one input cell: what a user typed (or what a reader handed over) becomes a
 * value of the row's kind, "not reported", or a reason why it is not acceptable. Parsing happens
 * once per cell (see `parsedValues` in ./validate); validation and rollup read its result and never
 * re-interpret cell text themselves.
 *
 * Decisions on ambiguous input (also listed in the README):
 * - Blank: no value, "", spaces, a formula without a cached value. Markers "-", "–", "—", "...",
 *   "…" and "x"/"X" mean "not reported" (blank) but count as *answered* (no "required" warning).
 *   Exceptions: in a flag01 cell "x" is refused (a tick or "not applicable"? ask for 1/0);
 *   in a text cell "x" is text. "Không áp dụng…" (not applicable), which a template made for one
 *   level prints in the rows of other levels (core/layout, `notApplicableText`), is a marker too
 *   in every cell but a text one (where it may be the answer).
 * - Vietnamese convention first: "." groups thousands, "," is the decimal mark ("1.076.500,5").
 *   A number with both marks takes the last one as the decimal mark ("1,076.5" is also 1076.5).
 *   Groups separated by no-break/thin spaces ("1 076") are thousands; a plain space between
 *   digits is refused ("1 2").
 * - One mark followed by exactly three digits ("1.076", "1,076") can be read two ways:
 *     count/flag01/coded: "1.076" → 1076 silently; "1,076" → 1076 with an ambiguous_number warning
 *       (the Vietnamese reading 1,076 is not whole, so the English thousands reading is taken);
 *     decimal: "1.076" → 1076, "1,076" → 1,076 (Vietnamese reading), both with a warning;
 *     percent: "1,076" → 1,076 silently; "1.076" → 1,076 with a warning (1076 % is impossible).
 *   Any other single "." is a decimal point ("21.88" → 21,88, no warning); any other single ","
 *   is the decimal comma ("3,7" → 3,7).
 * - "%" is accepted only in percent cells: "100%", "100 %" → 100.
 * - Numbers from a reader are used as they are, except a percent cell whose shown text has "%"
 *   (Excel stores 75 % as 0.75): then the value is multiplied by 100 (the stored value, not the
 *   rounded text). A whole-number cell holding a non-whole number whose shown text reads as a whole
 *   number the Vietnamese way (en-US Excel stored "1.076" as 1.076) takes the text, with a warning.
 * - "a/b" in a percent cell → 100·min/max, fraction kept (the forms print received/on-time, staff
 *   also type on-time/received); a and b whole, not both 0. Without
 *   `acceptsFraction` on the row it is still converted, with a fraction_converted warning.
 * - A number followed by words or a bracket ("12 (ước tính)", "12 người") → 12 with a
 *   note_in_number warning; a number followed by another number ("1 2") is refused.
 * - coded: the code as a number, or its label (case/diacritics-insensitive), or both when they
 *   agree ("2 - Hoàn thành"); a label that names another code is refused.
 * - status: "Đạt" → dat; "Không đạt", "Chưa đạt", "Ko đạt" → khong-dat (any case/diacritics).
 * - flag01: 1/0, TRUE/FALSE, "Có"/"Không".
 * - A number that the cell shows as a date ("02/01", "2-Jan", "02/01/2025") was typed as one:
 *   Excel reads "1/2" or "3/7" typed into a number cell as a date and stores its serial number
 *   (about 45 000). In a number cell it is refused (date_typed) with how to type the value again.
 */
import type { CellKind, Row } from "../catalog/schema";
import type { RawCell } from "./grid";
import { foldVietnamese as foldForCompare } from "./normalize";

/** Why a cell's content is not acceptable for its kind; each is an IssueCode (error). */
export type InvalidReason =
  | "not_a_number"
  | "date_typed"
  | "not_whole"
  | "negative"
  | "percent_out_of_range"
  | "fraction_invalid"
  | "not_in_codes"
  | "not_a_status"
  | "not_a_flag";

/** A reading that was taken but deserves a look; each is an IssueCode (warning). */
export type GuessCode = "ambiguous_number" | "note_in_number" | "fraction_converted";

export interface Guess {
  code: GuessCode;
  /** Vietnamese: how the text was read, e.g. "đã hiểu là 1.076 (dấu chấm ngăn cách hàng nghìn)". */
  detail: string;
  /** The value taken, formatted the Vietnamese way. */
  taken: string;
}

export interface Fraction {
  num: number;
  den: number;
}

/** `text` is always what the cell showed (trimmed), "" for an empty cell. */
export type ParsedCell =
  | { type: "blank"; text: string; /** the "not reported" marker typed, e.g. "-" */ marker?: string }
  | {
      type: "number";
      value: number;
      text: string;
      /** Decimal places as typed or stored (0 for whole numbers): the rounding the value carries. */
      decimals: number;
      fraction?: Fraction;
      guess?: Guess;
    }
  | { type: "code"; value: number; label: string; text: string; guess?: Guess }
  | { type: "status"; value: "dat" | "khong-dat"; text: string }
  | { type: "text"; value: string; text: string }
  | { type: "invalid"; reason: InvalidReason; text: string; /** Vietnamese explanation */ detail?: string };

// ---------------------------------------------------------------------------------------------
// Formatting (used by messages and the round-trip tests)

/** 1076500.25 → "1.076.500,25"; at most `maxDecimals` decimals, trailing zeros dropped. */
export function formatNumberVi(n: number, maxDecimals = 4): string {
  if (!Number.isFinite(n)) return String(n);
  const neg = n < 0;
  let fixed = Math.abs(n).toFixed(maxDecimals);
  if (fixed.includes(".")) fixed = fixed.replace(/0+$/, "").replace(/\.$/, "");
  const [int, dec] = fixed.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const body = dec ? `${grouped},${dec}` : grouped;
  return neg && body !== "0" ? `-${body}` : body;
}

/** Decimal places a stored number carries (capped at 10). */
export function decimalsOf(n: number): number {
  const s = String(n);
  if (/e/i.test(s)) return 10;
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : Math.min(10, s.length - dot - 1);
}

/** Removes binary noise such as 0.07 × 100 = 7.000000000000001 (whole numbers are exact). */
function clean(n: number): number {
  return Number.isInteger(n) ? n : Number(n.toPrecision(15));
}

function isWhole(n: number): boolean {
  return Math.abs(n - Math.round(n)) < 1e-9;
}

// ---------------------------------------------------------------------------------------------
// Dates typed into number cells

/**
 * Whether a cell's shown text is a date as Excel shows one: day and month with "/" or "-"
 * ("2/1", "02/01", "2-1"), with a year ("02/01/2025", "2.1.2025", "2025-01-02"), or with the
 * month's name or abbreviation ("2-Jan", "Jan-2", "2-Jan-25", "02-thg 1"). Plain numbers never are
 * ("1.076", "21,88", "3,7", "12").
 */
export function looksLikeDate(text: string): boolean {
  const t = text.normalize("NFC").trim();
  return (
    /^\d{1,2}[/-]\d{1,2}(?:[/.-]\d{2,4})?$/.test(t) ||
    /^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(t) ||
    /^\d{4}-\d{1,2}-\d{1,2}$/.test(t) ||
    /^\d{1,2}[-/ ](?:thg|tháng)\s?\d{1,2}(?:[-/ ]\d{2,4})?$/iu.test(t) ||
    /^\d{1,2}[-/ ]\p{L}{3,9}\.?(?:[-/ ,]+\d{2,4})?$/u.test(t) ||
    /^\p{L}{3,9}\.?[-/ ]\d{1,2}(?:[-/ ,]+\d{2,4})?$/u.test(t)
  );
}

// ---------------------------------------------------------------------------------------------
// Reading number text

type NumberStyle =
  /** no separator, or unambiguous marks */
  | "plain"
  /** one "." + three digits: thousands or decimal */
  | "ambiguous-dot"
  /** one "," + three digits: thousands or decimal */
  | "ambiguous-comma";

interface NumberText {
  ok: true;
  /** The Vietnamese reading (for ambiguous styles: dot → thousands, comma → decimal). */
  value: number;
  decimals: number;
  /** For ambiguous styles, the other reading. */
  other?: { value: number; decimals: number };
  style: NumberStyle;
  percentSign: boolean;
  /** Words after the number ("(ước tính)"). */
  note?: string;
}

interface NotNumber {
  ok: false;
  detail?: string;
}

const SPACE_GROUP = /[\u00a0\u202f\u2009]/;
const DIGITS = /^\d+$/;

/** Reads the magnitude in `body` (digits and marks only). */
function readBody(body: string): Omit<NumberText, "ok" | "percentSign" | "note"> | NotNumber {
  if (DIGITS.test(body)) return { value: Number(body), decimals: 0, style: "plain" }; // the common case, first
  if (SPACE_GROUP.test(body)) {
    const m = /^(\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+)(?:([.,])(\d+))?$/.exec(body);
    if (!m) return { ok: false, detail: "khoảng trắng xen giữa các chữ số" };
    const int = m[1].replace(/[\u00a0\u202f\u2009]/g, "");
    const dec = m[3] ?? "";
    return { value: Number(dec ? `${int}.${dec}` : int), decimals: dec.length, style: "plain" };
  }
  const dots = (body.match(/\./g) ?? []).length;
  const commas = (body.match(/,/g) ?? []).length;
  if (dots === 0 && commas === 0) {
    if (!/^\d+$/.test(body)) return { ok: false };
    return { value: Number(body), decimals: 0, style: "plain" };
  }
  if (dots > 0 && commas > 0) {
    const vn = /^(\d{1,3}(?:\.\d{3})*),(\d+)$/.exec(body);
    if (vn) return { value: Number(`${vn[1].replace(/\./g, "")}.${vn[2]}`), decimals: vn[2].length, style: "plain" };
    const en = /^(\d{1,3}(?:,\d{3})*)\.(\d+)$/.exec(body);
    if (en) return { value: Number(`${en[1].replace(/,/g, "")}.${en[2]}`), decimals: en[2].length, style: "plain" };
    return { ok: false, detail: "dấu chấm và dấu phẩy đặt không đúng chỗ" };
  }
  const mark = dots > 0 ? "." : ",";
  const count = dots + commas;
  const groups = body.split(mark);
  if (count >= 2) {
    // Several marks of one kind can only group thousands.
    if (/^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g)))
      return { value: Number(groups.join("")), decimals: 0, style: "plain" };
    return { ok: false, detail: `dấu «${mark}» đặt không đúng chỗ` };
  }
  const [int, dec] = groups;
  if (!/^\d+$/.test(int) || !/^\d+$/.test(dec)) return { ok: false };
  const asDecimal = { value: Number(`${int}.${dec}`), decimals: dec.length };
  if (int.length <= 3 && dec.length === 3 && !/^0/.test(int)) {
    const asThousands = { value: Number(int + dec), decimals: 0 };
    return mark === "."
      ? { ...asThousands, other: asDecimal, style: "ambiguous-dot" }
      : { ...asDecimal, other: asThousands, style: "ambiguous-comma" };
  }
  return { ...asDecimal, style: "plain" };
}

/** Reads a (possibly signed, possibly "%"-suffixed, possibly annotated) number from text. */
function readNumberText(input: string): (NumberText & { negative: boolean }) | NotNumber {
  const s = input.normalize("NFC").trim();
  const m = /^([+\-−–]?)\s*(\d[\d.,\u00a0\u202f\u2009]*)(\s*%)?(.*)$/su.exec(s);
  if (!m) return { ok: false };
  const rest = m[4];
  let note: string | undefined;
  if (rest.trim() !== "") {
    if (/^\s*[([]/u.test(rest) || /^\s*\p{L}/u.test(rest)) note = rest.trim();
    else if (/\d/.test(rest)) return { ok: false, detail: "ô có nhiều hơn một số" };
    else return { ok: false };
  }
  const body = m[2].replace(/[\u00a0\u202f\u2009]+$/u, "");
  const read = readBody(body);
  if ("ok" in read) return read;
  return { ok: true, ...read, percentSign: m[3] !== undefined, negative: m[1] !== "" && m[1] !== "+", ...(note ? { note } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Kind-aware interpretation

const MARKERS = new Set(["-", "–", "—", "...", "…", "x", "X"]);
/** "Không áp dụng", "không áp dụng cho cấp xã" (folded): not applicable, so not reported. */
const NOT_APPLICABLE = /^khong ap dung\b/;
const HAS_LETTER = /\p{L}/u;
const DASH_MARKERS = new Set(["-", "–", "—", "...", "…"]);

type WholeKind = "count" | "flag01" | "coded";
type NumericKind = WholeKind | "decimal" | "percent";

type NumberResult =
  | { ok: true; value: number; decimals: number; guess?: Guess; percentSign: boolean; note?: string }
  | { ok: false; reason: InvalidReason; detail?: string };

/** Chooses the reading of number text for a kind (see the table at the top of this file). */
function numberFor(text: string, kind: NumericKind): NumberResult {
  const r = readNumberText(text);
  if (!r.ok) return { ok: false, reason: "not_a_number", ...(r.detail ? { detail: r.detail } : {}) };
  let value = r.value;
  let decimals = r.decimals;
  let guess: Guess | undefined;
  const whole = kind === "count" || kind === "flag01" || kind === "coded";
  const take = (v: { value: number; decimals: number }) => {
    value = v.value;
    decimals = v.decimals;
  };
  const warn = (why: string) => {
    const taken = formatNumberVi(r.negative ? -value : value, 10);
    guess = { code: "ambiguous_number", detail: `đã hiểu là ${taken} (${why})`, taken };
  };
  if (r.style === "ambiguous-dot") {
    // value = thousands reading, other = decimal reading
    if (kind === "decimal") warn("dấu chấm ngăn cách hàng nghìn");
    else if (kind === "percent") {
      take(r.other!);
      warn("dấu chấm là dấu thập phân, vì tỷ lệ không vượt quá 100");
    }
  } else if (r.style === "ambiguous-comma") {
    // value = decimal reading, other = thousands reading
    if (whole) {
      take(r.other!);
      warn("dấu phẩy ngăn cách hàng nghìn, vì ô này nhận số nguyên");
    } else if (kind === "decimal") warn("dấu phẩy là dấu thập phân");
  }
  if (!guess && r.note !== undefined) {
    const taken = formatNumberVi(r.negative ? -value : value, 10);
    guess = { code: "note_in_number", detail: `đã lấy số ${taken}, bỏ phần chữ «${r.note}»`, taken };
  }
  if (r.percentSign && kind !== "percent")
    return { ok: false, reason: "not_a_number", detail: "dấu % chỉ dùng cho ô tỷ lệ" };
  if (r.negative && value !== 0) return { ok: false, reason: "negative" };
  return { ok: true, value, decimals, percentSign: r.percentSign, ...(guess ? { guess } : {}), ...(r.note ? { note: r.note } : {}) };
}

/** Checks the domain of a number already read, for its kind. */
function numberCell(
  value: number,
  decimals: number,
  kind: "count" | "decimal" | "percent",
  text: string,
  extra: { guess?: Guess; fraction?: Fraction } = {},
): ParsedCell {
  if (!Number.isFinite(value)) return { type: "invalid", reason: "not_a_number", text };
  if (value < 0) return { type: "invalid", reason: "negative", text };
  if (kind === "count") {
    if (!isWhole(value)) return { type: "invalid", reason: "not_whole", text };
    value = Math.round(value);
    decimals = 0;
  }
  if (kind === "percent" && value > 100 + 1e-9) return { type: "invalid", reason: "percent_out_of_range", text };
  return { type: "number", value: clean(value) + 0, text, decimals, ...extra };
}

function parseFraction(text: string, row: Row): ParsedCell | undefined {
  const m = /^\s*([\d.,\u00a0\u202f\u2009]+)\s*\/\s*([\d.,\u00a0\u202f\u2009]+)\s*$/u.exec(text);
  if (!m) return undefined;
  const a = numberFor(m[1], "count");
  const b = numberFor(m[2], "count");
  if (!a.ok || !b.ok || !isWhole(a.value) || !isWhole(b.value))
    return { type: "invalid", reason: "fraction_invalid", text, detail: "tử số và mẫu số phải là số nguyên" };
  // The forms print the pair as "(đã tiếp nhận/đã trả đúng hẹn)" — received first — while staff
  // also write it the other way round ("1180/1200"). Records on time never exceed records
  // received, so the smaller number is the numerator whichever order was typed.
  const num = Math.round(Math.min(a.value, b.value));
  const den = Math.round(Math.max(a.value, b.value));
  if (den === 0) return { type: "invalid", reason: "fraction_invalid", text, detail: "mẫu số bằng 0" };
  const value = (100 * num) / den;
  const guess: Guess | undefined = row.acceptsFraction
    ? undefined
    : { code: "fraction_converted", detail: `đã đổi thành ${formatNumberVi(value, 2)}%`, taken: formatNumberVi(value, 2) };
  return numberCell(value, 6, "percent", text, { fraction: { num, den }, ...(guess ? { guess } : {}) });
}

function codeLabel(row: Row, code: number): string | undefined {
  return row.codes?.find((c) => c.code === code)?.label;
}

function parseCoded(text: string, row: Row): ParsedCell {
  const codes = row.codes ?? [];
  const folded = foldForCompare(text);
  const byLabel = codes.find((c) => foldForCompare(c.label) === folded);
  if (byLabel) return { type: "code", value: byLabel.code, label: byLabel.label, text };
  const refuse = (detail?: string): ParsedCell => ({
    type: "invalid",
    reason: "not_in_codes",
    text,
    ...(detail ? { detail } : {}),
  });
  // "2", "2 - Hoàn thành", "2 (Hoàn thành)", "2 (ước tính)": the code first, then words.
  const first = /^(\d+)\s*(?:[-–=:.]\s*)?(.*)$/su.exec(text);
  if (first) {
    const code = Number(first[1]);
    const rest = first[2].trim();
    if (rest !== "" && !/^[([]/u.test(rest) && !/^\p{L}/u.test(rest))
      return refuse(/\d/.test(rest) ? "ô có nhiều hơn một số" : undefined);
    const label = codeLabel(row, code);
    if (label === undefined) return refuse();
    if (rest === "") return { type: "code", value: code, label, text };
    const restFolded = foldForCompare(rest);
    if (restFolded === foldForCompare(label)) return { type: "code", value: code, label, text };
    const other = codes.find((c) => foldForCompare(c.label) === restFolded);
    if (other) return refuse(`số ${code} và chữ «${other.label}» chỉ hai mã khác nhau`);
    const taken = String(code);
    return { type: "code", value: code, label, text, guess: { code: "note_in_number", detail: `đã lấy mã ${code}, bỏ phần chữ «${rest}»`, taken } };
  }
  // "Hoàn thành = 2", "Hoàn thành (2)": the label first, then its code.
  const last = /^(.*?\D)\s*(\d+)\s*\)?\s*$/su.exec(text);
  if (last) {
    const code = Number(last[2]);
    const label = codeLabel(row, code);
    if (label !== undefined && foldForCompare(last[1]) === foldForCompare(label))
      return { type: "code", value: code, label, text };
  }
  return refuse();
}

const STATUS_DAT = new Set(["dat"]);
const STATUS_KHONG_DAT = new Set(["khong dat", "chua dat", "ko dat", "k dat"]);

function parseStatus(text: string): ParsedCell {
  const f = foldForCompare(text);
  if (STATUS_DAT.has(f)) return { type: "status", value: "dat", text };
  if (STATUS_KHONG_DAT.has(f)) return { type: "status", value: "khong-dat", text };
  return { type: "invalid", reason: "not_a_status", text };
}

function parseFlag(text: string): ParsedCell {
  const f = foldForCompare(text);
  if (f === "co") return { type: "number", value: 1, text, decimals: 0 };
  if (f === "khong" || f === "khong co") return { type: "number", value: 0, text, decimals: 0 };
  if (f === "x") return { type: "invalid", reason: "not_a_flag", text, detail: "chưa rõ «x» là Có hay không áp dụng" };
  const r = numberFor(text, "flag01");
  if (!r.ok || (r.value !== 0 && r.value !== 1)) return { type: "invalid", reason: "not_a_flag", text };
  return { type: "number", value: r.value, text, decimals: 0, ...(r.guess ? { guess: r.guess } : {}) };
}

/** The reason a kind gives when a cell holds something that is not even the right sort of thing. */
function wrongSort(kind: CellKind): InvalidReason {
  switch (kind) {
    case "coded":
      return "not_in_codes";
    case "status":
      return "not_a_status";
    case "flag01":
      return "not_a_flag";
    default:
      return "not_a_number";
  }
}

/**
 * Parses one cell for its kind. `row` supplies the codes (coded) and `acceptsFraction` (percent).
 * Never throws; everything not acceptable is `{ type: "invalid", reason }`.
 */
export function parseCell(raw: RawCell | null | undefined, kind: CellKind, row: Row): ParsedCell {
  const plain = plainWholeNumber(raw, kind);
  if (plain) return plain;
  if (!raw || raw.value === null || raw.value === undefined) {
    // A reader that only knows the shown text (or a formula without cached value).
    const shown = raw?.text?.trim();
    if (raw && shown && raw.value === null && !raw.formula) return parseCell({ value: shown }, kind, row);
    return { type: "blank", text: "" };
  }
  const shown = (raw.text ?? "").normalize("NFC").trim();

  if (typeof raw.value === "boolean") {
    const text = shown || (raw.value ? "TRUE" : "FALSE");
    if (kind === "flag01") return { type: "number", value: raw.value ? 1 : 0, text, decimals: 0 };
    if (kind === "text" || kind === "heading") return { type: "text", value: text, text };
    return { type: "invalid", reason: wrongSort(kind), text };
  }

  if (typeof raw.value === "number") {
    const v = raw.value;
    const text = shown || String(v);
    if (!Number.isFinite(v)) return { type: "invalid", reason: wrongSort(kind), text };
    if (kind !== "text" && kind !== "heading" && kind !== "status" && looksLikeDate(shown)) return { type: "invalid", reason: "date_typed", text };
    switch (kind) {
      case "text":
      case "heading":
        return { type: "text", value: text, text };
      case "status":
        return { type: "invalid", reason: "not_a_status", text };
      case "percent": {
        // Excel keeps 75 % as 0.75 and shows "75%"; a literal "%" in a number format shows 75 as
        // "75%" too. The shown text tells which one it is; when it cannot, a "%" means × 100.
        let value = v;
        if (shown.includes("%")) {
          const seen = numberFor(shown, "percent");
          value = seen.ok && Math.abs(seen.value - v) < Math.abs(seen.value - v * 100) ? v : clean(v * 100);
        }
        return numberCell(value, decimalsOf(value), "percent", text);
      }
      case "decimal":
        return numberCell(v, decimalsOf(v), "decimal", text);
      case "count":
      case "flag01":
      case "coded": {
        let value = v;
        let guess: Guess | undefined;
        if (!isWhole(v) && shown) {
          // en-US Excel stores a Vietnamese "1.076" as 1.076: trust the text when it reads whole.
          const r = numberFor(shown, kind);
          if (r.ok && isWhole(r.value) && !r.note && r.value !== v) {
            value = r.value;
            const taken = formatNumberVi(value);
            guess = { code: "ambiguous_number", detail: `đã hiểu là ${taken} (dấu chấm ngăn cách hàng nghìn)`, taken };
          }
        }
        if (kind === "count") return numberCell(value, 0, "count", text, guess ? { guess } : {});
        if (kind === "flag01") {
          if (value !== 0 && value !== 1) return { type: "invalid", reason: "not_a_flag", text };
          return { type: "number", value, text, decimals: 0, ...(guess ? { guess } : {}) };
        }
        const label = isWhole(value) ? codeLabel(row, Math.round(value)) : undefined;
        if (label === undefined) return { type: "invalid", reason: "not_in_codes", text };
        return { type: "code", value: Math.round(value), label, text, ...(guess ? { guess } : {}) };
      }
    }
  }

  const text = String(raw.value).normalize("NFC").trim();
  if (text === "") return { type: "blank", text: "" };
  if (kind === "text") return DASH_MARKERS.has(text) ? { type: "blank", text, marker: text } : { type: "text", value: text, text };
  if (MARKERS.has(text) && !(kind === "flag01" && /^x$/i.test(text))) return { type: "blank", text, marker: text };
  // Folding cannot make "không áp dụng" of a text without letters (numbers typed as text).
  if (kind !== "heading" && HAS_LETTER.test(text) && NOT_APPLICABLE.test(foldForCompare(text))) return { type: "blank", text, marker: text };
  if (kind === "heading") return { type: "text", value: text, text };
  if (/^#[A-Z0-9/!?.]+$/.test(text))
    return { type: "invalid", reason: wrongSort(kind), text, detail: "ô đang báo lỗi công thức" };
  switch (kind) {
    case "status":
      return parseStatus(text);
    case "coded":
      return parseCoded(text, row);
    case "flag01":
      return parseFlag(text);
    case "count":
    case "decimal":
    case "percent": {
      if (text.includes("/")) {
        if (kind === "percent") {
          const f = parseFraction(text, row);
          if (f) return f;
        } else if (/^\s*[\d.,]+\s*\/\s*[\d.,]+\s*$/.test(text))
          return { type: "invalid", reason: "not_a_number", text, detail: "phân số chỉ dùng cho ô tỷ lệ" };
      }
      const r = numberFor(text, kind);
      if (!r.ok) return { type: "invalid", reason: r.reason, text, ...(r.detail ? { detail: r.detail } : {}) };
      return numberCell(r.value, r.decimals, kind, text, r.guess ? { guess: r.guess } : {});
    }
  }
}

/** Shown text that is only digits: a whole number as stored, never a date nor a note. */
const DIGITS_ONLY = /^\d+$/;

/**
 * The common case, first: a whole number shown as its digits ("408", or no text) in a count,
 * decimal, percent (≤ 100) or flag (0/1) cell — what `parseCell` gives it the long way, without
 * normalising and matching its text against dates (this runs for every cell of every report).
 */
function plainWholeNumber(raw: RawCell | null | undefined, kind: CellKind): ParsedCell | undefined {
  const value = raw?.value;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) return undefined;
  const text = raw!.text;
  if (text !== undefined && text !== "" && (text.length > 16 || !DIGITS_ONLY.test(text) || Number(text) !== value)) return undefined;
  const ok = kind === "count" || kind === "decimal" || (kind === "percent" && value <= 100) || (kind === "flag01" && value <= 1);
  return ok ? { type: "number", value: value + 0, text: text || String(value), decimals: 0 } : undefined;
}

/** The codes of a coded row as a user reads them: "0 (Chưa), 1 (Đang làm), 2 (Hoàn thành)". */
export function describeCodes(row: Row): string {
  return (row.codes ?? []).map((c) => `${c.code} (${c.label})`).join(", ");
}
