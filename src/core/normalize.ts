/**
 * Text normalisation for comparing what a sheet holds with what a form prints.
 *
 * Received workbooks are retyped by hand, pasted from Word or PDF, or saved by other programs, so
 * the same words arrive in many spellings: NFC or NFD Unicode, old or new tone placement
 * ("hoá"/"hóa", "thuỷ"/"thủy", "Uỷ"/"Ủy", "khoẻ"/"khỏe"), upper case, line breaks and
 * non-breaking spaces inside a cell, different dashes and quotes, trailing dots, leftover markup.
 *
 * - `foldVietnamese`: the loose key (no diacritics, đ → d). Two texts that fold alike are "the
 *   same words" for recognition and for parsing answers such as "Đạt"/"Không đạt" or codes.
 * - `normaliseLabel`: the precise key (diacritics kept, tone marks moved to one canonical place),
 *   for telling apart labels that fold alike but differ in their marks.
 * - `normaliseStt`: the key of an item number ("1.2.3." = "1.2.3", "I." = "I", "a)" = "a").
 * - `cleanText`: the display form (NFC, markup removed, whitespace folded), for quoting a cell.
 *
 * Pure functions, no dependencies.
 */

/** Zero-width characters and the soft hyphen: removed outright (they separate nothing). */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** HTML-like tags left by Word/PDF extraction or rich-text pastes: `<i>`, `</b>`, `<br/>`. */
const TAG = /<\/?[a-zA-Z][^<>]*>/g;
const ENTITIES: Record<string, string> = { "&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const ENTITY = /&(?:nbsp|amp|lt|gt|quot|#39);/g;
/** Any whitespace, including NBSP, narrow NBSP, ideographic space, tabs and line breaks. */
const SPACE = /[\s\u00a0\u2007\u202f\u3000]+/g;

/**
 * The text as a person reads it: NFC, markup and invisible characters removed, every run of
 * whitespace (line breaks, tabs, NBSP) folded to one space, trimmed. Case and punctuation kept.
 */
export function cleanText(text: string): string {
  return String(text)
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(TAG, " ")
    .replace(ENTITY, (e) => ENTITIES[e] ?? " ")
    .replace(/\*\*|__/g, " ")
    .replace(SPACE, " ")
    .trim();
}

/** Letters that NFD does not decompose but are written for Đ in legacy encodings. */
function mapD(text: string): string {
  return text.replace(/[đĐðÐ]/g, "d");
}

/** Everything that is not a letter or a digit separates words. */
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * The loose comparison key: NFC/NFD alike, all diacritics dropped (so tone placement no longer
 * matters), đ → d, lower case, markup removed, every punctuation mark and whitespace run turned
 * into one space, trimmed. `foldVietnamese("  Uỷ ban\nnhân dân; ") === foldVietnamese("ỦY BAN NHÂN DÂN")`.
 */
export function foldVietnamese(text: string): string {
  return mapD(cleanText(text))
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(NON_WORD, " ")
    .trim();
}

/** Words of the folded text (empty array for a blank text). */
export function foldedWords(text: string): string[] {
  const folded = foldVietnamese(text);
  return folded ? folded.split(" ") : [];
}

/** The folded text without any space, for short headers typed with stray spaces ("S T T"). */
export function compactKey(text: string): string {
  return foldVietnamese(text).replace(/ /g, "");
}

// --- canonical tone placement -------------------------------------------------------------

/** Tone marks (huyền, sắc, ngã, hỏi, nặng) — the only marks whose placement varies. */
const TONE = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);
/** Vowel-quality marks (mũ, trăng, móc): they belong to their letter and never move. */
const QUALITY = new Set(["\u0302", "\u0306", "\u031b"]);
const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);

interface Letter {
  base: string;
  marks: string[];
}

/**
 * Puts the tone mark of one lower-case word on a fixed vowel, so "hoá" and "hóa", "thuỷ" and
 * "thủy", "khoẻ" and "khỏe" give the same string. The place is the "new style" one: a vowel with
 * a quality mark (the last one: ươ → ơ) wins; otherwise a single vowel; otherwise the last vowel
 * when a consonant ends the word; otherwise the second vowel of oa/oe/uy; otherwise the
 * penultimate vowel (ai, ao, ua, oai → a, …). "qu" and "gi" before a vowel count as consonants.
 * Words without a tone mark, or with more than one, are returned unchanged (already canonical).
 */
function canonicalTone(word: string): string {
  const letters: Letter[] = [];
  for (const ch of word.normalize("NFD")) {
    if (/\p{M}/u.test(ch) && letters.length > 0) letters[letters.length - 1].marks.push(ch);
    else letters.push({ base: ch, marks: [] });
  }
  const tones: string[] = [];
  for (const l of letters) for (const m of l.marks) if (TONE.has(m)) tones.push(m);
  if (tones.length !== 1) return word;
  for (const l of letters) l.marks = l.marks.filter((m) => !TONE.has(m));

  const isVowel = (i: number) => i >= 0 && i < letters.length && VOWELS.has(letters[i].base);
  let start = letters.findIndex((_, i) => isVowel(i));
  if (start < 0) return word;
  // "qu" + vowel, "gi" + vowel: the u / i is part of the consonant.
  if (start > 0 && isVowel(start + 1)) {
    const prev = letters[start - 1].base;
    const cur = letters[start].base;
    if ((prev === "q" && cur === "u") || (prev === "g" && cur === "i")) start++;
  }
  let end = start;
  while (isVowel(end + 1)) end++;
  const nucleus = letters.slice(start, end + 1);
  let at: number;
  const withQuality = nucleus.map((l, i) => (l.marks.some((m) => QUALITY.has(m)) ? i : -1)).filter((i) => i >= 0);
  const pair = nucleus.map((l) => l.base).join("");
  if (withQuality.length > 0) at = withQuality[withQuality.length - 1];
  else if (nucleus.length === 1) at = 0;
  else if (end < letters.length - 1) at = nucleus.length - 1;
  else if (pair === "oa" || pair === "oe" || pair === "uy") at = 1;
  else at = nucleus.length - 2;
  nucleus[at].marks.push(tones[0]);
  return letters.map((l) => l.base + l.marks.join("")).join("").normalize("NFC");
}

/**
 * The precise comparison key: like `foldVietnamese` (case, whitespace, punctuation, markup,
 * NFC/NFD) but keeping diacritics and đ, with every word's tone mark in one canonical place.
 * `normaliseLabel("Hoá đơn") === normaliseLabel("HÓA ĐƠN")`, but it differs from "Hòa đơn".
 */
export function normaliseLabel(text: string): string {
  const words = cleanText(text)
    .replace(/[ðÐ]/g, "đ")
    .toLowerCase()
    .normalize("NFD")
    .normalize("NFC")
    .replace(NON_WORD, " ")
    .trim();
  if (!words) return "";
  return words.split(" ").map(canonicalTone).join(" ");
}

// --- item numbers (STT) ---------------------------------------------------------------------

const ROMAN = /^[IVXLC]+$/;
const BULLET_DASH = /^[-‐‑‒–—―−•·∙◦▪▫●○■□*~]+$/u;

/**
 * The key of an item number as printed in the STT column:
 * - "1.2.3." / "1.2.3" / "1. 2. 3" / "1,2,3" / "01.2" → "1.2.3" (or "1.2");
 * - "I." / "I" / "(I)" → "I" (upper-case Roman numerals keep their case);
 * - "a)" / "(a)" / "a." / "A" → "a"; "đ)" → "đ" (đ is its own list letter, after d);
 * - "-", "–", "—", "•", "*" → "-"; "+" → "+";
 * - any other text → `normaliseLabel` of it ("Trong đó" → "trong đó"); blank → "".
 */
export function normaliseStt(stt: string): string {
  let s = cleanText(stt);
  if (!s) return "";
  if (BULLET_DASH.test(s.replace(/ /g, ""))) return "-";
  if (/^\++$/.test(s.replace(/ /g, ""))) return "+";
  s = s.replace(/^[([{]\s*/, "").replace(/[\s.):;,\]}]+$/, "").trim();
  if (!s) return "";
  const compact = s.replace(/ /g, "");
  if (/^\d+(?:[.,]\d+)*$/.test(compact)) {
    return compact
      .split(/[.,]/)
      .map((part) => String(Number(part)))
      .join(".");
  }
  if (ROMAN.test(compact)) return compact;
  return normaliseLabel(s);
}

/** True for item numbers that identify a row ("1.2", "I", "a"), false for bullets and blanks. */
export function isSpecificStt(key: string): boolean {
  return key !== "" && key !== "-" && key !== "+";
}

/**
 * Splits an item number typed at the start of a label ("1.2. Kế hoạch", "1.Tổng số", "a) Văn
 * bản", "- Văn bản", "II. Tổ chức", "1.2 Kế hoạch") from the label. A number needs a "." or ")"
 * after it, or a second level ("1.2") and a space, so "20% số lượng…", "100% cơ quan…" and
 * "2 cấp" are not split. Returns undefined when there is none.
 */
export function splitLeadingStt(label: string): { stt: string; rest: string } | undefined {
  const text = cleanText(label);
  const m =
    /^(\d+(?:\.\d+)*\.|\d+\)|[IVXLC]+\.|\(?[a-zđ]\)|[a-zđ]\.|[-–—•+*])(?:\s+|(?=\p{L}))(\S.*)$/u.exec(text) ??
    /^(\d+(?:\.\d+)+)\s+(\S.*)$/u.exec(text);
  return m ? { stt: m[1], rest: m[2] } : undefined;
}

let collator: Intl.Collator | undefined;
/** Vietnamese alphabetical order. The collator is made on first use: making one costs ~13 ms, in every process that loads the core. */
export function compareVietnamese(a: string, b: string): number {
  return (collator ??= new Intl.Collator("vi")).compare(a, b);
}
