/**
 * Which administrative level a report comes from. The form says it when it has one level;
 * otherwise the unit's name does ("UBND xã Ia Pa", "Phòng Nội vụ huyện Kbang", "Sở Nội vụ").
 */
import type { Form, Level } from "../catalog/schema";
import { foldVietnamese } from "./normalize";

/** "cấp tỉnh", "cấp huyện", "cấp xã": the levels as messages name them. */
export const LEVEL_NAMES: Record<Level, string> = { tinh: "cấp tỉnh", huyen: "cấp huyện", xa: "cấp xã" };

/**
 * What a template made for one level prints in the value cells of the rows of other levels
 * ("Không áp dụng cho cấp xã"): core/parse reads it back as "not reported".
 */
export function notApplicableText(level: Level): string {
  return `Không áp dụng cho ${LEVEL_NAMES[level]}`;
}

/** The five cities run by the central government are provinces; other cities were districts. */
const CENTRAL_CITIES = /\bthanh pho (ha noi|ho chi minh|hai phong|da nang|can tho|hue)\b|\btp (hcm|ho chi minh)\b/;

/** Tried in order: the first word of the unit's kind decides ("thị xã" before "xã", "thị trấn" a commune). */
const PATTERNS: [Level, RegExp][] = [
  ["xa", /\b(thi tran|phuong|dac khu)\b/],
  ["huyen", /\b(huyen|quan|thi xa)\b/],
  ["xa", /\bxa\b/],
  ["tinh", /\b(tinh|so)\b/],
];

/** Answers by unit name: a rollup asks for each form of each unit (1,360 times for 170 districts), with a few hundred names. */
const LEVEL_OF = new Map<string, Level | undefined>();

export function levelOfUnit(unit: string | undefined): Level | undefined {
  if (!unit) return undefined;
  if (LEVEL_OF.has(unit)) return LEVEL_OF.get(unit);
  const level = levelOfName(unit);
  if (LEVEL_OF.size >= 10_000) LEVEL_OF.clear();
  LEVEL_OF.set(unit, level);
  return level;
}

function levelOfName(unit: string): Level | undefined {
  const folded = foldVietnamese(unit);
  const matches = PATTERNS.map(([level, pattern]) => ({ level, at: pattern.exec(folded)?.index ?? -1 })).filter((m) => m.at >= 0);
  if (CENTRAL_CITIES.test(folded)) matches.push({ level: "tinh", at: folded.search(CENTRAL_CITIES) });
  else if (/\bthanh pho\b/.test(folded)) matches.push({ level: "huyen", at: folded.search(/\bthanh pho\b/) });
  // "UBND xã Ia Pa, huyện Krông Pa": the kind named first is the unit's own.
  matches.sort((a, b) => a.at - b.at);
  return matches[0]?.level;
}

/** The level a filled form reports at: the form's only level, else the unit's (if it is one of the form's). */
export function reportLevel(form: Form, unit: string | undefined): Level | undefined {
  if (form.levels.length === 1) return form.levels[0];
  const level = levelOfUnit(unit);
  return level && form.levels.includes(level) ? level : undefined;
}
