/** The unit and period a sheet reports, from the cells above its table. */
import type { Grid } from "../grid";
import { cleanText, foldVietnamese } from "../normalize";
import { RECOGNITION } from "./settings";
import { rawText, SheetView } from "./sheet-view";

const UNIT_LABEL = /^(?:ten )?(?:don vi|co quan|dia phuong)(?: bao cao| thuc hien| gui bao cao| gui)?$/;
const PERIOD_LABEL = /^(?:ky bao cao|thoi ky bao cao|thoi gian bao cao|ky bao cao so lieu|ky)$/;
const AUTHORITY = /^(?:uy ban nhan dan|ubnd)\s+(.+)$/;
const LEVEL_WORDS = new Set(["tinh", "thanh", "pho", "huyen", "quan", "thi", "xa", "phuong", "tran", "cap"]);
/** Blanks left for the user: "……", "....", "___". */
const PLACEHOLDER = /^[\s.…_·-]*$/;

function stripValue(text: string): string {
  const t = cleanText(text).replace(/[\s.…_;,]+$/u, "").trim();
  return PLACEHOLDER.test(t) ? "" : t;
}

/**
 * The unit and the period a sheet reports, from the cells above its table (rows before the header,
 * or before the first matched row, or the first 30 rows):
 * - unit: a cell "Đơn vị: X", "Đơn vị báo cáo: X", "Tên đơn vị: X", "Cơ quan báo cáo: X",
 *   "Địa phương: X" (X in the same cell after the colon, or else the next non-empty cell to its
 *   right; dotted blanks count as empty). Failing that, the first cell (top to bottom, left to
 *   right) whose first line is "UBND …" / "ỦY BAN NHÂN DÂN …" followed by a name (not only
 *   "UBND huyện"); its lines are joined with " – " ("UBND HUYỆN KBANG – PHÒNG NỘI VỤ").
 *   "Đơn vị tính" is a unit of measure, never a unit.
 * - period: a cell "Kỳ báo cáo: X" (also "Thời kỳ báo cáo", "Thời gian báo cáo", "Kỳ"), same
 *   rule for X. Never guessed from the title.
 */
export function findUnitAndPeriod(grid: Grid, tableTop?: number): { unit?: string; period?: string } {
  const view = new SheetView(grid);
  return unitAndPeriod(view, tableTop ?? Math.min(view.nRows, RECOGNITION.topScanRows));
}

export function unitAndPeriod(view: SheetView, tableTop: number): { unit?: string; period?: string } {
  const end = Math.min(tableTop, view.nRows);
  let unit: string | undefined;
  let authority: string | undefined;
  let period: string | undefined;
  const valueAfter = (r: number, c: number, text: string, colon: number): string => {
    const inCell = colon >= 0 ? stripValue(text.slice(colon + 1)) : "";
    if (inCell) return inCell;
    for (const k of view.cols(r)) {
      if (k <= c) continue;
      const t = view.text(r, k);
      if (t) return stripValue(t);
    }
    return "";
  };
  for (const r of view.rows(0, end)) {
    for (const c of view.cols(r)) {
      const raw = rawText(view.cell(r, c));
      const text = view.text(r, c);
      if (!text) continue;
      const colon = text.indexOf(":");
      const head = foldVietnamese(colon >= 0 ? text.slice(0, colon) : text);
      if (unit === undefined && UNIT_LABEL.test(head)) {
        const v = valueAfter(r, c, text, colon);
        if (v) unit = v;
        continue;
      }
      if (period === undefined && PERIOD_LABEL.test(head)) {
        const v = valueAfter(r, c, text, colon);
        if (v) period = v;
        continue;
      }
      if (authority === undefined) {
        const lines = String(raw)
          .split(/\r\n|\r|\n/)
          .map((l) => cleanText(l))
          .filter((l) => l);
        // "ỦY BAN NHÂN DÂN" alone on the first line: the name is on the second.
        if (lines.length > 1 && /^(?:uy ban nhan dan|ubnd)$/.test(foldVietnamese(lines[0]))) lines.splice(0, 2, `${lines[0]} ${lines[1]}`);
        const m = AUTHORITY.exec(foldVietnamese(lines[0] ?? ""));
        if (m && m[1].split(" ").some((w) => !LEVEL_WORDS.has(w))) authority = lines.join(" – ");
      }
    }
  }
  unit ??= authority;
  return { ...(unit ? { unit } : {}), ...(period ? { period } : {}) };
}
