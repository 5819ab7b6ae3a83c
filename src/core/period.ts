/**
 * Reporting periods as Vietnamese reports state them, normalised so that two spellings of one
 * period compare equal. Pure.
 *
 *   "Quý III năm 2026", "QUÝ 3/2026", "quý III - 2026", "Q3/2026"   → 2026-Q3
 *   "6 tháng đầu năm 2026", "sáu tháng năm 2026"                    → 2026-H1
 *   "6 tháng cuối năm 2026"                                         → 2026-H2
 *   "9 tháng (đầu) năm 2026"                                        → 2026-9M
 *   "năm 2026", "Báo cáo năm 2026"                                  → 2026
 *   "giai đoạn 2021-2025", "năm 2021 - 2025"                        → 2021-2025
 *   "từ ngày 01/7/2026 đến ngày 30/9/2026" (calendar), or "từ ngày 15/6/2026 đến ngày 14/9/2026"
 *   (the data cut-off of the reporting regime, Nghị định 09/2019/NĐ-CP Điều 12, which Bộ Nội vụ's
 *   CCHC reports follow: a quarter runs from the 15th of the month before it to the 14th of its
 *   last month; 6 months, 9 months and the year from 15 December of the year before)  → 2026-Q3;
 *   any other range → "2026-06-20/2026-09-14".
 *
 * Decisions:
 * - A text names at most one period: the first one it states ("quý I và phương hướng, nhiệm vụ
 *   quý II năm 2021" is a first-quarter report: what follows "phương hướng" is the plan ahead).
 *   A date range wins over words in the same text.
 * - A quarter or half without a year takes the year stated later in the same text ("quý I …
 *   năm 2021"); without any, its key is unknown (`key` undefined) but the text is kept.
 * - Dates are never periods: "Kbang, ngày 10 tháng 3 năm 2020", "ngày 12/6/2026" and
 *   "ngày … tháng … năm 2026" are skipped, so their year is not read as an annual report.
 */
import { cleanText } from "./normalize";

export interface FoundPeriod {
  /** The words as printed (cleaned: NFC, whitespace folded), e.g. "QUÝ III NĂM 2026". */
  text: string;
  /** Normalised: "2026-Q3", "2026-H1", "2026-H2", "2026-9M", "2026", "2021-2025", "2026-06-15/2026-09-14"; undefined without a year. */
  key?: string;
}

/** One character of the cleaned text → one lower-case ASCII-ish character, so indexes carry over. */
function foldSameLength(text: string): string {
  let out = "";
  for (const ch of text) {
    let f = ch
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .replace(/[đĐðÐ]/g, "d")
      .toLowerCase();
    if (f.length !== ch.length) f = ch.length === 1 ? "#" : "##";
    out += f;
  }
  return out;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

const pad = (n: number) => String(n).padStart(2, "0");

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Blank out [start, end) of a folded string (keeps indexes). */
function blank(f: string, start: number, end: number): string {
  return f.slice(0, start) + " ".repeat(end - start) + f.slice(end);
}

const DATE = String.raw`(\d{1,2})\s*(?:[/.-]|\s*thang\s*)\s*(\d{1,2})(?:\s*(?:[/.-]|\s*nam\s*)\s*(\d{4}))?`;
const RANGE = new RegExp(String.raw`\b(?:tinh\s*)?tu\s*(?:ngay\s*)?${DATE}\s*(?:den|toi|[-–])\s*(?:het\s*)?(?:ngay\s*)?${DATE}`, "g");
/** Dates that are not periods: "ngày 10 tháng 3 năm 2020", "ngày … tháng … năm 2026", "ngày 12/6/2026", "12/6/2026". */
const DATES = [
  /\bngay\s*[\d.…_#\s]*thang\s*[\d.…_#\s]*nam\s*\d{0,4}/g,
  /\bngay\s*\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?/g,
  /\b\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}\b/g,
];
const PLAN_AHEAD = /\bphuong\s+huong\b/;
const YEAR_AFTER = /^\s*(?:nam|[/,.–-])?\s*(\d{4})\b/;
const ANY_YEAR = /\bnam\s*(\d{4})\b|\b((?:19|20)\d{2})\b/g;

interface Hit {
  start: number;
  end: number;
  key?: string;
}

/** The key of a date range: a calendar or cut-off quarter, half, 9 months or year, else the ISO interval. */
export function rangeKey(from: { d: number; m: number; y: number }, to: { d: number; m: number; y: number }): string {
  const periods: { key: string; first: number; last: number }[] = [
    { key: "Q1", first: 1, last: 3 },
    { key: "Q2", first: 4, last: 6 },
    { key: "Q3", first: 7, last: 9 },
    { key: "Q4", first: 10, last: 12 },
    { key: "H1", first: 1, last: 6 },
    { key: "H2", first: 7, last: 12 },
    { key: "9M", first: 1, last: 9 },
    { key: "", first: 1, last: 12 },
  ];
  for (const p of periods) {
    const name = p.key ? `${to.y}-${p.key}` : `${to.y}`;
    // Calendar: 1st of the first month to the last day of the last month, one year.
    if (from.y === to.y && from.d === 1 && from.m === p.first && to.m === p.last && to.d === daysIn(to.m, to.y)) return name;
    // Cut-off: 15th of the month before the first month (December of the year before) to the 14th of the last month.
    const startMonth = p.first === 1 ? 12 : p.first - 1;
    const startYear = p.first === 1 ? to.y - 1 : to.y;
    if (from.d === 15 && from.m === startMonth && from.y === startYear && to.d === 14 && to.m === p.last) return name;
  }
  return `${from.y}-${pad(from.m)}-${pad(from.d)}/${to.y}-${pad(to.m)}-${pad(to.d)}`;
}

function validDate(d: number, m: number, y: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(m, y);
}

/** The period a text states, if any (see the file header). */
export function findPeriod(raw: string): FoundPeriod | undefined {
  const text = cleanText(raw);
  if (!text) return undefined;
  let f = foldSameLength(text);
  const yearIn = (from: number): number | undefined => {
    ANY_YEAR.lastIndex = from;
    const m = ANY_YEAR.exec(f);
    return m ? Number(m[1] ?? m[2]) : undefined;
  };

  // 1. A date range.
  RANGE.lastIndex = 0;
  for (let m = RANGE.exec(f); m; m = RANGE.exec(f)) {
    const [d1, m1, y1, d2, m2, y2] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => (x === undefined ? undefined : Number(x)));
    const endYear = y2 ?? y1 ?? yearIn(m.index + m[0].length);
    const printed = text.slice(m.index, m.index + m[0].length);
    if (endYear === undefined) return { text: printed };
    const startYear = y1 ?? (m1! > m2! ? endYear - 1 : endYear);
    if (!validDate(d1!, m1!, startYear) || !validDate(d2!, m2!, endYear)) continue;
    return { text: printed, key: rangeKey({ d: d1!, m: m1!, y: startYear }, { d: d2!, m: m2!, y: endYear }) };
  }

  // 2. Dates are not periods.
  for (const re of DATES) {
    re.lastIndex = 0;
    for (let m = re.exec(f); m; m = re.exec(f)) f = blank(f, m.index, m.index + m[0].length);
  }
  const ahead = PLAN_AHEAD.exec(f);
  const stop = ahead ? ahead.index : f.length;
  const hits: Hit[] = [];
  const withYear = (start: number, end: number, name: (y: number) => string): Hit => {
    const after = YEAR_AFTER.exec(f.slice(end));
    if (after) return { start, end: end + after[0].length, key: name(Number(after[1])) };
    const y = yearIn(end);
    return { start, end, ...(y !== undefined ? { key: name(y) } : {}) };
  };
  const scan = (re: RegExp, hit: (m: RegExpExecArray) => Hit | undefined) => {
    const g = new RegExp(re.source, "g");
    for (let m = g.exec(f); m && m.index < stop; m = g.exec(f)) {
      const h = hit(m);
      if (h) hits.push(h);
    }
  };
  // 3. Quarters, halves, nine months.
  scan(/\bquy\s*(iv|i{1,3}|[1-4])\b/, (m) => {
    const n = ROMAN[m[1]] ?? Number(m[1]);
    return withYear(m.index, m.index + m[0].length, (y) => `${y}-Q${n}`);
  });
  scan(/\bq([1-4])\s*(?:[/.-]|\s*nam\s*)\s*(\d{4})\b/, (m) => ({ start: m.index, end: m.index + m[0].length, key: `${m[2]}-Q${m[1]}` }));
  scan(/\b(?:6|sau)\s*thang\s*(dau|cuoi)?(?:\s*nam)?/, (m) =>
    withYear(m.index, m.index + m[0].length, (y) => `${y}-${m[1] === "cuoi" ? "H2" : "H1"}`),
  );
  scan(/\b(?:9|chin)\s*thang(?:\s*dau)?(?:\s*nam)?/, (m) => withYear(m.index, m.index + m[0].length, (y) => `${y}-9M`));
  // 4. Spans of years, then a year.
  scan(/\b(?:giai\s*doan|nam|thoi\s*ky)\s*(\d{4})\s*[–-]\s*(\d{4})\b/, (m) =>
    Number(m[2]) > Number(m[1]) ? { start: m.index, end: m.index + m[0].length, key: `${m[1]}-${m[2]}` } : undefined,
  );
  scan(/\bnam\s*(\d{4})\b(?!\s*[–-]\s*\d{4})/, (m) => ({ start: m.index, end: m.index + m[0].length, key: m[1] }));

  if (!hits.length) return undefined;
  // The first period stated; a year inside a quarter's or half's words belongs to it.
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const first = hits[0];
  return { text: text.slice(first.start, first.end).trim(), ...(first.key ? { key: first.key } : {}) };
}

/** Vietnamese name of a normalised period: "2026-Q3" → "Quý III năm 2026". */
export function periodLabel(key: string): string {
  let m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return `Quý ${["I", "II", "III", "IV"][Number(m[2]) - 1]} năm ${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return `6 tháng ${m[2] === "1" ? "đầu" : "cuối"} năm ${m[1]}`;
  m = /^(\d{4})-9M$/.exec(key);
  if (m) return `9 tháng năm ${m[1]}`;
  if (/^\d{4}$/.test(key)) return `Năm ${key}`;
  m = /^(\d{4})-(\d{4})$/.exec(key);
  if (m) return `Giai đoạn ${m[1]}-${m[2]}`;
  m = /^(\d{4})-(\d{2})-(\d{2})\/(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (m) return `Từ ngày ${m[3]}/${m[2]}/${m[1]} đến ngày ${m[6]}/${m[5]}/${m[4]}`;
  return key;
}

/** The text as printed with its normalised key beside it: "QUÝ III NĂM 2026 (2026-Q3)". */
export function describePeriod(p: { text?: string; key?: string } | undefined): string {
  if (!p?.text && !p?.key) return "";
  if (!p.key) return p.text ?? "";
  if (!p.text) return periodLabel(p.key);
  return `${p.text} (${p.key})`;
}
