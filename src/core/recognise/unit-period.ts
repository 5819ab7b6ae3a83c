/** The unit and period a sheet reports, from the cells above its table. */
import type { Form } from "../../catalog/schema";
import type { UnitSource } from "../filled";
import { a1, type Grid } from "../grid";
import { cleanText, foldVietnamese } from "../normalize";
import { findPeriod } from "../period";
import { AGENCY_WORDS, AUTHORITY_WORDS, LEVEL_WORDS, REPORT_WORDS, hasPhrase, sameUnit } from "../vocabulary";
import { RECOGNITION } from "./settings";
import { rawText, SheetView } from "./sheet-view";

export interface UnitPeriod {
  unit?: string;
  unitSource?: Exclude<UnitSource, "sheet" | "file" | "given">;
  /** A1 address of the cell the unit was read from. */
  unitCell?: string;
  /** The period as printed. */
  period?: string;
  /** The period normalised (see core/period): "2026-Q3"; absent when unknown or stated twice differently. */
  periodKey?: string;
  periodCell?: string;
  /** Other statements of the unit or period that disagree with the one taken. */
  conflicts: { what: "unit" | "period"; cell: string; text: string }[];
}

const UNIT_LABEL = /^(?:ten )?(?:don vi|co quan|dia phuong)(?: bao cao| thuc hien| gui bao cao| gui)?$/;
const PERIOD_LABEL = /^(?:ky bao cao|thoi ky bao cao|thoi gian bao cao|ky bao cao so lieu|ky)$/;
const AUTHORITY = new RegExp(`^(?:${AUTHORITY_WORDS.join("|")})\\s+(.+)$`);
const BARE_AUTHORITY = new RegExp(`^(?:${AUTHORITY_WORDS.join("|")})$`);
/** Blanks left for the user: "……", "....", "___". */
const PLACEHOLDER = /^[\s.…_·-]*$/;

function stripValue(text: string): string {
  const t = cleanText(text).replace(/[\s.…_;,]+$/u, "").trim();
  return PLACEHOLDER.test(t) ? "" : t;
}

/** True when a name has more than authority and level words ("UBND huyện" names no unit). */
function namesSomeone(folded: string): boolean {
  return folded.split(" ").some((w) => w && !LEVEL_WORDS.has(w));
}

/** The lines of a cell, cleaned, without separator lines ("-------"). */
function linesOf(raw: string): string[] {
  return String(raw)
    .split(/\r\n|\r|\n/)
    .map((l) => cleanText(l))
    .filter((l) => /\p{L}/u.test(l));
}

/**
 * A heading that names the unit: its first line "UBND …"/"ỦY BAN NHÂN DÂN …" with a name (the
 * name may be on the next line, or in the cell below when the authority stands alone). Lines
 * are joined with " – " ("UBND HUYỆN KBANG – PHÒNG NỘI VỤ"); when a later line is itself a named
 * authority ("UBND HUYỆN KBANG / UBND XÃ ĐAK SMAR"), that line alone is the unit.
 */
function headingUnit(lines: string[]): string | undefined {
  if (!lines.length) return undefined;
  const folded = lines.map((l) => foldVietnamese(l));
  if (BARE_AUTHORITY.test(folded[0]) || (AUTHORITY.test(folded[0]) && !namesSomeone(AUTHORITY.exec(folded[0])![1]))) {
    if (lines.length < 2) return undefined;
    lines = [`${lines[0]} ${lines[1]}`, ...lines.slice(2)];
  }
  const first = AUTHORITY.exec(foldVietnamese(lines[0]));
  if (!first || !namesSomeone(first[1])) return undefined;
  for (let i = lines.length - 1; i > 0; i--) {
    const m = AUTHORITY.exec(foldVietnamese(lines[i]));
    if (m && namesSomeone(m[1])) return lines[i];
  }
  return lines.join(" – ");
}

/**
 * A line that goes on with a heading in the cell above: a named authority ("UBND XÃ ĐAK SMAR")
 * or an agency ("PHÒNG NỘI VỤ") — never a line with digits ("Số: 15/BC-UBND").
 */
function continuesHeading(line: string): boolean {
  if (/\d/.test(line)) return false;
  const folded = foldVietnamese(line);
  const authority = AUTHORITY.exec(folded);
  if (authority) return namesSomeone(authority[1]);
  return AGENCY_WORDS.some((w) => folded.startsWith(`${w} `) && namesSomeone(folded.slice(w.length + 1)));
}

/**
 * The unit a "(Kèm theo Báo cáo số … của UBND phường Hòa Khánh)" line names: the body after the
 * last "của", when the document is a report (a plan's "của" is its issuer, usually the level
 * above) and the body is an authority or agency with a name.
 */
function attachedUnit(text: string): string | undefined {
  const clean = cleanText(text);
  const words = foldVietnamese(clean).split(" ");
  const kem = words.findIndex((w, i) => w === "kem" && words[i + 1] === "theo");
  if (kem < 0) return undefined;
  const after = words.slice(kem + 2, kem + 4);
  const isReport = REPORT_WORDS.some((p) => hasPhrase(after, p)) || /\/\s*BC\b/i.test(clean);
  if (!isReport) return undefined;
  const m = /^(.*)\s(?:của|cua|CỦA|CUA)\s+(.+?)[\s).;,]*$/u.exec(clean);
  if (!m) return undefined;
  const body = m[2].trim();
  const fold = foldVietnamese(body);
  const opener = [...AUTHORITY_WORDS, ...AGENCY_WORDS].find((w) => fold === w || fold.startsWith(`${w} `));
  if (!opener || !namesSomeone(fold.slice(opener.length).trim())) return undefined;
  return body;
}

/** `findPeriod` of a text, with a year taken from elsewhere on the sheet when the text has none ("Quý III"). */
function periodOf(text: string, year: number | undefined): { text: string; key?: string } | undefined {
  const p = findPeriod(text);
  if (!p || p.key || year === undefined) return p;
  const again = findPeriod(`${p.text} năm ${year}`);
  return again?.key ? { text: p.text, key: again.key } : p;
}

/**
 * The unit and the period a sheet reports, from the cells above its table (rows before the header,
 * or before the first matched row, or the first 30 rows):
 * - unit, in order: a cell "Đơn vị: X", "Đơn vị báo cáo: X", "Tên đơn vị: X", "Cơ quan báo cáo: X",
 *   "Địa phương: X" (X in the same cell after the colon, or else the next non-empty cell to its
 *   right; dotted blanks count as empty); a heading (see `headingUnit`); a "(Kèm theo Báo cáo …
 *   của …)" line (see `attachedUnit`). "Đơn vị tính" is a unit of measure, never a unit.
 * - period: a cell "Kỳ báo cáo: X" (also "Thời kỳ báo cáo", "Thời gian báo cáo", "Kỳ"), same rule
 *   for X; else the title and sub-title lines (core/period: "QUÝ III NĂM 2026", "6 tháng đầu năm",
 *   "từ ngày … đến ngày …"). Lines the form itself prints (its title, sub-titles and "(Kèm theo …)"
 *   line, when `form` is given) are the form's, not the unit's: the periodic form's title "… QUÝ I
 *   NĂM 2021" says nothing about the period a unit reports.
 * - Two statements that disagree (a heading and a "Kèm theo" line naming different units, a
 *   title and a sub-title naming different periods) are listed in `conflicts`; a period stated
 *   twice differently has no key.
 */
export function findUnitAndPeriod(grid: Grid, tableTop?: number, form?: Form): Omit<UnitPeriod, "conflicts"> {
  const view = new SheetView(grid);
  const { conflicts, ...found } = unitAndPeriod(view, tableTop ?? Math.min(view.nRows, RECOGNITION.topScanRows), form);
  void conflicts;
  return found;
}

export function unitAndPeriod(view: SheetView, tableTop: number, form?: Form): UnitPeriod {
  const end = Math.min(tableTop, view.nRows);
  // The form's own lines (a retyped copy may split them over cells: any part of one is the form's).
  const own = form ? [form.title, ...form.subtitles, ...(form.attachedTo ? [form.attachedTo] : [])].map((t) => foldVietnamese(t)) : [];
  const units: { unit: string; source: "cell" | "heading" | "attached"; cell: string }[] = [];
  let labelled: { text: string; cell: string } | undefined;
  const lines: { text: string; cell: string }[] = [];
  const consumed = new Set<string>();
  const valueAfter = (r: number, c: number, text: string, colon: number): { value: string; cell: string } => {
    const inCell = colon >= 0 ? stripValue(text.slice(colon + 1)) : "";
    if (inCell) return { value: inCell, cell: a1(r, c) };
    for (const k of view.cols(r)) {
      if (k <= c) continue;
      const t = view.text(r, k);
      if (t) {
        consumed.add(`${r}:${k}`);
        return { value: stripValue(t), cell: a1(r, k) };
      }
    }
    return { value: "", cell: a1(r, c) };
  };
  for (const r of view.rows(0, end)) {
    for (const c of view.cols(r)) {
      const text = view.text(r, c);
      if (!text || consumed.has(`${r}:${c}`)) continue;
      const colon = text.indexOf(":");
      const head = foldVietnamese(colon >= 0 ? text.slice(0, colon) : text);
      if (UNIT_LABEL.test(head)) {
        const v = valueAfter(r, c, text, colon);
        if (v.value) units.push({ unit: v.value, source: "cell", cell: v.cell });
        continue;
      }
      if (PERIOD_LABEL.test(head)) {
        const v = valueAfter(r, c, text, colon);
        if (v.value && !labelled) labelled = { text: v.value, cell: v.cell };
        continue;
      }
      const cellLines = linesOf(rawText(view.cell(r, c)));
      // "ỦY BAN NHÂN DÂN" alone in its cell: the name is in the cell below.
      if (cellLines.length === 1 && BARE_AUTHORITY.test(foldVietnamese(cellLines[0]))) {
        for (let k = r + 1; k < Math.min(end, r + 3); k++) {
          const below = view.text(k, c);
          if (!below) continue;
          cellLines.push(...linesOf(rawText(view.cell(k, c))));
          consumed.add(`${k}:${c}`);
          break;
        }
      }
      // "UBND HUYỆN KBANG" with "UBND XÃ ĐAK SMAR" (or "PHÒNG NỘI VỤ") in the cell below: one
      // heading typed over two cells, read as the lines of one cell.
      if (headingUnit(cellLines)) {
        for (let k = r + 1; k < Math.min(end, r + 3); k++) {
          const below = linesOf(rawText(view.cell(k, c)));
          if (!below.length) continue;
          if (!below.every(continuesHeading)) break;
          cellLines.push(...below);
          consumed.add(`${k}:${c}`);
          break;
        }
      }
      const heading = headingUnit(cellLines);
      if (heading) {
        units.push({ unit: heading, source: "heading", cell: a1(r, c) });
        continue;
      }
      const attached = attachedUnit(text);
      if (attached) units.push({ unit: attached, source: "attached", cell: a1(r, c) });
      const folded = foldVietnamese(text);
      if (!own.some((t) => t.includes(folded))) lines.push({ text, cell: a1(r, c) });
    }
  }

  const conflicts: UnitPeriod["conflicts"] = [];
  const order = ["cell", "heading", "attached"] as const;
  units.sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source));
  const unit = units[0];
  for (const other of units.slice(1))
    if (!sameUnit(unit.unit, other.unit) && !conflicts.some((x) => x.text === other.unit)) conflicts.push({ what: "unit", cell: other.cell, text: other.unit });

  // Periods: the labelled cell, else the lines; a year stated anywhere completes "Quý III".
  const stated = lines.map((l) => ({ ...l, found: findPeriod(l.text) })).filter((l) => l.found);
  const year = stated.map((l) => l.found?.key?.match(/^(\d{4})/)?.[1]).find((y) => y !== undefined);
  const statements = [
    ...(labelled ? [{ cell: labelled.cell, found: periodOf(labelled.text, year ? Number(year) : undefined) ?? { text: labelled.text } }] : []),
    ...stated.map((l) => ({ cell: l.cell, found: periodOf(l.text, year ? Number(year) : undefined)! })),
  ];
  const keyed = statements.filter((s) => s.found.key);
  let periodKey = keyed[0]?.found.key;
  for (const other of keyed.slice(1)) {
    if (other.found.key !== keyed[0].found.key) {
      conflicts.push({ what: "period", cell: other.cell, text: other.found.text });
      periodKey = undefined;
    }
  }
  // The labelled cell as printed, whole; else the words of the first line that states a period.
  const first = keyed[0] ?? statements[0];
  const period = labelled ? labelled.text : first?.found.text;
  const periodCell = labelled ? labelled.cell : first?.cell;
  return {
    ...(unit ? { unit: unit.unit, unitSource: unit.source, unitCell: unit.cell } : {}),
    ...(period ? { period, periodCell: periodCell! } : {}),
    ...(period && periodKey ? { periodKey } : {}),
    conflicts,
  };
}
