/**
 * What a consolidation did, in one sentence: the forms rolled up, how many units went into them,
 * how many of those had cells left out because of errors (their other cells are still in the
 * totals), how many sent nothing usable and how many expected units sent nothing. Shared by
 * `cchc rollup` and the pane's result line, so that 170 reports with a few errors each read
 * "từ 170 đơn vị, trong đó 170 đơn vị có ô bị loại vì lỗi", not "0/170 đơn vị".
 */
import type { FormRollup } from "./rollup";
import type { UnitStatus, UnitSummary } from "./units";

export interface ConsolidationCounts {
  /** Forms rolled up. */
  forms: number;
  /** Units listed (received something, or expected). */
  units: number;
  /** Units at least one of whose forms went into the rollup. */
  consolidated: number;
  /** Of those, units with values left out of the totals because of errors. */
  withExcluded: number;
  /** Units whose every file was unreadable or had no appendix. */
  unusable: number;
  /** Units on the expected list that sent nothing. */
  missing: number;
  /** Units with a form set aside until the user picks its value column (wholly or in part). */
  undecided: number;
  /** Units with a report for another period than the rollup's, set aside (wholly or in part). */
  otherPeriod: number;
}

const UNUSABLE: readonly UnitStatus[] = ["unreadable", "unrecognised"];

export function consolidationCounts(units: readonly UnitSummary[], rollups: readonly FormRollup[]): ConsolidationCounts {
  const withExcluded = new Set(rollups.flatMap((r) => r.excluded.map((e) => e.unit)));
  return {
    forms: rollups.length,
    units: units.length,
    consolidated: units.filter((u) => u.reports.length > 0).length,
    withExcluded: units.filter((u) => u.reports.length > 0 && withExcluded.has(u.unit)).length,
    unusable: units.filter((u) => UNUSABLE.includes(u.status)).length,
    missing: units.filter((u) => u.status === "missing").length,
    undecided: units.filter((u) => u.status === "undecided").length,
    otherPeriod: units.filter((u) => u.status === "other-period").length,
  };
}

/** "Đã tổng hợp 8 phụ lục từ 170 đơn vị, trong đó 12 đơn vị có ô bị loại vì lỗi (…). 2 đơn vị …" */
export function consolidationSummary(c: ConsolidationCounts): string {
  const sentences = [
    `Đã tổng hợp ${c.forms} phụ lục từ ${c.consolidated} đơn vị${
      c.withExcluded ? `, trong đó ${c.withExcluded} đơn vị có ô bị loại vì lỗi (các ô hợp lệ khác của đơn vị vẫn được tổng hợp)` : ""
    }.`,
  ];
  if (c.unusable) sentences.push(`${c.unusable} đơn vị gửi tệp không dùng được (không đọc được hoặc không có phụ lục nào nhận dạng được).`);
  if (c.undecided) sentences.push(`${c.undecided} đơn vị có phụ lục chưa được tổng hợp vì cần chọn cột chứa số liệu của kỳ báo cáo.`);
  if (c.otherPeriod) sentences.push(`${c.otherPeriod} đơn vị có báo cáo khác kỳ tổng hợp, chưa được tổng hợp.`);
  if (c.missing) sentences.push(`${c.missing} đơn vị chưa gửi báo cáo.`);
  return sentences.join(" ");
}

/** Whether everything received went into the totals as sent. */
export function consolidationComplete(c: ConsolidationCounts): boolean {
  return c.consolidated === c.units && c.withExcluded === 0 && c.undecided === 0 && c.otherPeriod === 0;
}
