/**
 * Excel's rules for sheet names: at most 31 characters, none of []:*?/\ , not empty, not
 * starting or ending with an apostrophe, unique without regard to case. Shared by every writer
 * so that inserting never overwrites or renames a sheet the user already has.
 */
import type { Form } from "../catalog/schema";

export const MAX_SHEET_NAME = 31;

export function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, MAX_SHEET_NAME)
    .trim();
  return cleaned || "Phụ lục";
}

/** A name not in `taken` (case-insensitive), adding " (2)", " (3)"… within 31 characters. */
export function uniqueSheetName(wanted: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((n) => n.toLocaleLowerCase("vi")));
  const base = cleanSheetName(wanted);
  if (!lower.has(base.toLocaleLowerCase("vi"))) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!lower.has(candidate.toLocaleLowerCase("vi"))) return candidate;
  }
}

const LEVEL_SHORT: Record<string, string> = { tinh: "tỉnh", huyen: "huyện", xa: "xã" };

/** Default sheet name of a form: its section as printed and its level, e.g. "Phụ lục 3 huyện". */
export function defaultSheetName(form: Form): string {
  const section = form.source.section.replace(/\s*[—–-]\s*/g, "-");
  const level = form.levels.length === 1 ? ` ${LEVEL_SHORT[form.levels[0]]}` : "";
  return cleanSheetName(`${section}${level}`);
}
