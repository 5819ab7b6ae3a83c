/**
 * The one vocabulary recognition reads received sheets with, beyond the catalogue's own texts:
 * what a column header says about the figures under it, and which words name a reporting body.
 * Every phrase is folded as labels are (`foldVietnamese`: no diacritics, đ → d, lower case,
 * punctuation as spaces), so "Kỳ này", "KỲ NÀY" and "ky nay" are one phrase. Shared code reads
 * these tables; it never lists words of its own, and never branches on a form id.
 */
import type { ColumnMeaning, UnitSource } from "./filled";
import { foldedWords } from "./normalize";

/**
 * What a sub-column under a value header (e.g. "Số liệu" merged over "Kỳ trước | Kỳ này") holds:
 * - current: the figure of the period reported — the one a form's value column asks for;
 * - comparison: a figure printed beside it for comparison (last period, same period last year,
 *   running total, plan or assigned target, change).
 * A header with a comparison phrase is a comparison ("Số liệu kỳ trước", "Thực hiện cùng kỳ
 * năm trước"), else one with a current phrase is current, else its meaning is unknown.
 */
export const COLUMN_MEANING_WORDS = {
  comparison: [
    "ky truoc",
    "quy truoc",
    "thang truoc",
    "nam truoc",
    "cung ky",
    "luy ke",
    "ke hoach",
    "chi tieu giao",
    "chi tieu duoc giao",
    "muc tieu",
    "so sanh",
    "so voi",
    "tang giam",
    "tang",
    "giam",
    "chenh lech",
    "du kien",
  ],
  current: [
    "ky nay",
    "quy nay",
    "thang nay",
    "nam nay",
    "trong ky",
    "ky bao cao",
    "thuc hien trong ky",
    "thuc hien",
    "so lieu",
    "ket qua",
  ],
} as const;


/** Vietnamese, for messages: what a column of each meaning holds. */
export const COLUMN_MEANING_LABELS: Record<ColumnMeaning, string> = {
  current: "số liệu của kỳ báo cáo",
  comparison: "số liệu để so sánh",
  unknown: "chưa rõ là số liệu gì",
};

/**
 * Words that open the name of a reporting body in a heading or a "(Kèm theo … của …)" line.
 * "UBND" / "Ủy ban nhân dân" are authorities (a heading line starting with one names the unit);
 * the others are agencies that may send a report of their own.
 */
export const AUTHORITY_WORDS = ["uy ban nhan dan", "ubnd", "u b n d"] as const;
export const AGENCY_WORDS = ["so", "phong", "van phong", "ban", "chi cuc", "cuc", "trung tam", "bo"] as const;

/** Words of an administrative level: "UBND huyện" names no unit, "UBND huyện Kbang" does. */
export const LEVEL_WORDS: ReadonlySet<string> = new Set(["tinh", "thanh", "pho", "huyen", "quan", "thi", "xa", "phuong", "tran", "cap", "dac", "khu"]);

/** Document kinds after "Kèm theo" whose "của …" is the reporting unit (a plan's is its issuer). */
export const REPORT_WORDS = ["bao cao", "bc"] as const;

/** True when the phrase's words occur, in order and adjacent, among `words`. */
export function hasPhrase(words: readonly string[], phrase: string): boolean {
  const p = phrase.split(" ");
  for (let i = 0; i + p.length <= words.length; i++) {
    let k = 0;
    while (k < p.length && words[i + k] === p[k]) k++;
    if (k === p.length) return true;
  }
  return false;
}

/** The meaning of a column header by the phrases above (blank → unknown). */
export function columnMeaning(header: string): ColumnMeaning {
  const words = foldedWords(header);
  if (COLUMN_MEANING_WORDS.comparison.some((p) => hasPhrase(words, p))) return "comparison";
  if (COLUMN_MEANING_WORDS.current.some((p) => hasPhrase(words, p))) return "current";
  return "unknown";
}

/**
 * The words that tell a unit's name apart: folded words without authority and level words, as a
 * set ("UBND HUYỆN KBANG – PHÒNG NỘI VỤ" and "Phòng Nội vụ huyện Kbang" give the same).
 */
export function unitWords(name: string): Set<string> {
  const authority = new Set(AUTHORITY_WORDS.flatMap((w) => w.split(" ")));
  return new Set(foldedWords(name).filter((w) => !LEVEL_WORDS.has(w) && !authority.has(w)));
}

/** Two statements of a unit name the same unit when the words of one contain the other's. */
export function sameUnit(a: string, b: string): boolean {
  const wa = unitWords(a);
  const wb = unitWords(b);
  const [small, big] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  return [...small].every((w) => big.has(w));
}

/** Vietnamese: where a unit's name was read (status sheet, messages). */
export const UNIT_SOURCE_LABELS: Record<UnitSource, string> = {
  marker: "biểu mẫu của phần mềm",
  cell: "ô «Đơn vị báo cáo»",
  heading: "dòng tên cơ quan ở đầu trang",
  attached: "dòng «Kèm theo Báo cáo … của …»",
  sheet: "tên trang tính",
  file: "tên tệp",
  given: "do người dùng ghi",
};
