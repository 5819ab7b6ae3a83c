/**
 * Which administrative level a report comes from. The form says it when it has one level;
 * otherwise the unit's name does ("UBND xã Ia Pa", "Phòng Nội vụ huyện Kbang", "Sở Nội vụ").
 */
import type { Form, Level } from "../catalog/schema";
import { foldVietnamese } from "./normalize";

const PATTERNS: [Level, RegExp][] = [
  ["xa", /\b(xa|phuong|thi tran|dac khu)\b/],
  ["huyen", /\b(huyen|quan|thi xa|thanh pho thuoc tinh)\b/],
  ["tinh", /\b(tinh|so|thanh pho truc thuoc trung uong|ubnd thanh pho)\b/],
];

export function levelOfUnit(unit: string | undefined): Level | undefined {
  if (!unit) return undefined;
  const folded = foldVietnamese(unit);
  for (const [level, pattern] of PATTERNS) if (pattern.test(folded)) return level;
  return undefined;
}

/** The level a filled form reports at: the form's only level, else the unit's (if it is one of the form's). */
export function reportLevel(form: Form, unit: string | undefined): Level | undefined {
  if (form.levels.length === 1) return form.levels[0];
  const level = levelOfUnit(unit);
  return level && form.levels.includes(level) ? level : undefined;
}
