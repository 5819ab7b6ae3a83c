/**
 * The catalogue as the "Chèn phụ lục" view lists it: grouped by document, then by level (one
 * family per document and level), filtered by a diacritics-insensitive search and a level.
 */
import type { Form, Level } from "../catalog";
import { foldForSearch } from "../core/search";

export const LEVEL_NAMES: Record<Level, string> = { tinh: "Cấp tỉnh", huyen: "Cấp huyện", xa: "Cấp xã" };

export interface FamilyGroup {
  family: string;
  /** "Cấp huyện" (from the family title, else every level of the family, joined). */
  levelLabel: string;
  levels: Level[];
  forms: Form[];
}

export interface DocumentGroup {
  /** "Tổng kết CCHC 2011-2020". */
  title: string;
  families: FamilyGroup[];
}

/** "Tổng kết CCHC 2011-2020 — cấp huyện" → "Tổng kết CCHC 2011-2020". */
export function documentTitle(form: Form): string {
  return form.familyTitle.split(/\s+[—–]\s+/)[0].trim();
}

function searchText(form: Form): string {
  return foldForSearch([form.appendix, form.title, form.source.section, form.familyTitle, form.id, ...form.subtitles].join(" | "));
}

const cache = new WeakMap<Form, string>();

function textOf(form: Form): string {
  let text = cache.get(form);
  if (text === undefined) cache.set(form, (text = searchText(form)));
  return text;
}

/** The folded query as a phrase ("phu luc 3" finds "PHỤ LỤC 3", not "PHỤ LỤC 30"). */
function phraseMatch(form: Form, q: string): boolean {
  return new RegExp(`(^|[^a-z0-9])${escapeRegExp(q)}($|[^a-z0-9])`).test(textOf(form));
}

/** Every word of the query starts a word of the form's texts ("cai cach thu tuc huyen"). */
function wordsMatch(form: Form, q: string): boolean {
  const words = q.split(/[^a-z0-9.-]+/).filter(Boolean);
  const text = textOf(form);
  return words.length > 0 && words.every((w) => new RegExp(`(^|[^a-z0-9])${escapeRegExp(w)}`).test(text));
}

/**
 * The forms that match a search box: those containing the query as a phrase when there are any,
 * else those where every word of it starts a word (so "phu luc 3" lists only Phụ lục 3, while
 * "thu tuc huyen" still finds the district's procedures appendix). Catalogue order is kept.
 */
export function searchForms(forms: readonly Form[], query: string): Form[] {
  const q = foldForSearch(query);
  if (!q) return [...forms];
  const phrase = forms.filter((f) => phraseMatch(f, q));
  return phrase.length ? phrase : forms.filter((f) => wordsMatch(f, q));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Groups the forms (catalogue order kept) after filtering by query and level. */
export function groupForms(forms: readonly Form[], query = "", level: Level | "" = ""): DocumentGroup[] {
  const docs: DocumentGroup[] = [];
  for (const form of searchForms(forms, query)) {
    if (level && !form.levels.includes(level)) continue;
    const title = documentTitle(form);
    let doc = docs.find((d) => d.title === title);
    if (!doc) docs.push((doc = { title, families: [] }));
    let fam = doc.families.find((f) => f.family === form.family);
    if (!fam) {
      doc.families.push(
        (fam = { family: form.family, levels: [...form.levels], levelLabel: "", forms: [] }),
      );
    }
    fam.forms.push(form);
    for (const l of form.levels) if (!fam.levels.includes(l)) fam.levels.push(l);
    fam.levelLabel = familyLevelLabel(form, fam.levels);
  }
  return docs;
}

/** One line for a form in the list: "Phụ lục 3 — THÔNG KÊ CÁC CHỈ TIÊU …". */
export function formLine(form: Form): string {
  return `${form.source.section} — ${form.title}`;
}

/** "… — cấp huyện" → "Cấp huyện"; a family title without a level part → its levels. */
function familyLevelLabel(form: Form, levels: Level[]): string {
  const part = form.familyTitle.split(/\s+[—–]\s+/)[1]?.trim();
  if (part) return part.charAt(0).toLocaleUpperCase("vi") + part.slice(1);
  return levels.map((l) => LEVEL_NAMES[l]).join(", ");
}
