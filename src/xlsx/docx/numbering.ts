/**
 * Word's automatic numbering (the numbering part, `word/numbering.xml`): the "1.", "1.2.", "a)",
 * "IV." Word draws before a numbered paragraph is not in the document's text, only a reference
 * (w:numPr: a list w:numId at a level w:ilvl, on the paragraph or its style). Units paste
 * appendices into Word and number the STT column that way, so the number is computed here as Word
 * shows it:
 *
 * - a list (w:num) points at a definition (w:abstractNum) whose levels (w:lvl) give the start
 *   value, the format (w:numFmt: decimal, lowerLetter, upperRoman, …) and the text ("%1.%2.":
 *   each %n the current value of level n); w:isLgl shows every level as decimal;
 * - counters belong to the definition: lists sharing one go on counting, except that a list
 *   overriding a level's start (w:lvlOverride/w:startOverride, Word's «Restart at 1») starts that
 *   level again where it is first used; a level may be redefined by the override (w:lvl inside);
 * - a paragraph at level n counts level n on and restarts the levels below it (w:lvlRestart
 *   changes which level restarts it; 0 never);
 * - a bullet (numFmt "bullet") is its symbol, a symbol font's private-use glyph shown as «•»;
 *   numFmt "none" shows only the text around it; numId 0 removes a style's numbering.
 *
 * The reader uses the number only where a paragraph has no text of its own (an STT cell): a
 * label's number stays out of its text, as Word keeps it apart.
 */
import { attr, elements, isW, wChild, type Element } from "./ooxml";

interface Level {
  start: number;
  format: string;
  text: string;
  /** Level (0-based) whose use restarts this one; -1 never; undefined: any higher level. */
  restart?: number;
  legal: boolean;
}

/** Word has nine levels, 0…8. */
const LEVELS = 9;

function readLevel(lvl: Element, base?: Level): Level {
  const value = (name: string) => attr(wChild(lvl, name), "val");
  const start = Number(value("start"));
  const restart = value("lvlRestart");
  const legal = wChild(lvl, "isLgl");
  return {
    start: Number.isFinite(start) && value("start") !== undefined ? start : base?.start ?? 0,
    format: value("numFmt") ?? base?.format ?? "decimal",
    text: value("lvlText") ?? base?.text ?? "",
    ...(restart !== undefined ? { restart: Number(restart) - 1 } : base?.restart !== undefined ? { restart: base.restart } : {}),
    legal: legal ? attr(legal, "val") !== "0" && attr(legal, "val") !== "false" : base?.legal ?? false,
  };
}

function levelsOf(parent: Element, base: Level[] = []): Level[] {
  const out = [...base];
  for (const lvl of elements(parent).filter((e) => isW(e, "lvl"))) {
    const i = Number(attr(lvl, "ilvl"));
    if (Number.isInteger(i) && i >= 0 && i < LEVELS) out[i] = readLevel(lvl, base[i]);
  }
  return out;
}

interface List {
  abstractId: string;
  levels: Level[];
  /** Level → start override, applied where the list first uses that level. */
  startOverrides: Map<number, number>;
}

const ROMAN: [number, string][] = [
  [1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"],
];

function roman(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 4000) return String(n);
  let out = "";
  for (const [v, s] of ROMAN)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

/** "a" … "z", then "aa", "bb" … as Word writes letters past z (digits past 780, an absurd start value). */
function letters(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n > 780) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function format(n: number, fmt: string): string {
  switch (fmt) {
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    case "decimalZero":
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case "none":
      return "";
    default:
      return String(n);
  }
}

/** A symbol font's bullet (Symbol U+F0B7, Wingdings U+F0A7 …) is private use: shown as «•». */
function bullet(text: string): string {
  return /^[\ue000-\uf8ff]$/u.test(text) ? "•" : text;
}

/** Numbering definitions of a document, and the counters as paragraphs are read in order. */
export class Numbering {
  private readonly lists = new Map<string, List>();
  private readonly counters = new Map<string, (number | undefined)[]>();
  /** Overrides already applied, as "numId:level". */
  private readonly started = new Set<string>();
  /** Paragraph styles: their numPr and basedOn (numbering through a style such as "List Number"). */
  private readonly styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();

  constructor(root?: Element, styles?: Element) {
    if (root) {
      const abstracts = new Map<string, Level[]>();
      for (const el of elements(root)) if (isW(el, "abstractNum")) abstracts.set(attr(el, "abstractNumId") ?? "", levelsOf(el));
      for (const el of elements(root)) {
        if (!isW(el, "num")) continue;
        const abstractId = attr(wChild(el, "abstractNumId"), "val") ?? "";
        let levels = abstracts.get(abstractId) ?? [];
        const startOverrides = new Map<number, number>();
        for (const o of elements(el).filter((e) => isW(e, "lvlOverride"))) {
          const i = Number(attr(o, "ilvl"));
          if (!Number.isInteger(i) || i < 0 || i >= LEVELS) continue;
          const redefined = wChild(o, "lvl");
          if (redefined) levels = levelsOf({ ...o, children: [{ ...redefined, attrs: { ...redefined.attrs, ilvl: String(i) } }] }, levels);
          const start = Number(attr(wChild(o, "startOverride"), "val"));
          if (Number.isFinite(start) && wChild(o, "startOverride")) startOverrides.set(i, start);
          else if (redefined) startOverrides.set(i, levels[i]?.start ?? 0);
        }
        this.lists.set(attr(el, "numId") ?? "", { abstractId, levels, startOverrides });
      }
    }
    if (styles)
      for (const el of elements(styles)) {
        if (!isW(el, "style") || attr(el, "type") !== "paragraph") continue;
        const numPr = wChild(wChild(el, "pPr"), "numPr");
        const ilvl = Number(attr(wChild(numPr, "ilvl"), "val"));
        const numId = attr(wChild(numPr, "numId"), "val");
        const basedOn = attr(wChild(el, "basedOn"), "val");
        this.styles.set(attr(el, "styleId") ?? "", {
          ...(numId !== undefined ? { numId } : {}),
          ...(Number.isInteger(ilvl) ? { ilvl } : {}),
          ...(basedOn ? { basedOn } : {}),
        });
      }
  }

  /** The list and level of a paragraph: its own numPr, else its style's (basedOn chain). */
  private reference(pPr: Element | undefined, pStyle: string | undefined): { numId: string; ilvl: number } | undefined {
    const numPr = wChild(pPr, "numPr");
    let numId = attr(wChild(numPr, "numId"), "val");
    let ilvl: number | undefined = Number(attr(wChild(numPr, "ilvl"), "val"));
    if (!Number.isInteger(ilvl)) ilvl = undefined;
    const seen = new Set<string>();
    for (let id = pStyle; id && !seen.has(id) && (numId === undefined || ilvl === undefined); ) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) break;
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      id = s.basedOn;
    }
    if (numId === undefined || numId === "0") return undefined;
    return { numId, ilvl: Math.min(LEVELS - 1, Math.max(0, ilvl ?? 0)) };
  }

  /**
   * The number Word shows before this paragraph ("1.2.", "a)", "•"), counting it; undefined for a
   * paragraph that is not numbered.
   */
  next(pPr: Element | undefined, pStyle: string | undefined): string | undefined {
    const ref = this.reference(pPr, pStyle);
    if (!ref) return undefined;
    const list = this.lists.get(ref.numId);
    const level = list?.levels[ref.ilvl];
    if (!list || !level) return undefined;
    if (level.format === "bullet") return bullet(level.text) || undefined;
    const counters = this.counters.get(list.abstractId) ?? new Array<number | undefined>(LEVELS).fill(undefined);
    this.counters.set(list.abstractId, counters);
    const key = `${ref.numId}:${ref.ilvl}`;
    const override = list.startOverrides.get(ref.ilvl);
    if (override !== undefined && !this.started.has(key)) {
      this.started.add(key);
      counters[ref.ilvl] = override;
    } else counters[ref.ilvl] = counters[ref.ilvl] === undefined ? level.start : counters[ref.ilvl]! + 1;
    // Levels below restart after this one (or after the level their w:lvlRestart names).
    for (let i = ref.ilvl + 1; i < LEVELS; i++) {
      const restart = list.levels[i]?.restart;
      if (restart === undefined || (restart >= 0 && restart <= ref.ilvl)) counters[i] = undefined;
    }
    const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const lv = list.levels[i];
      const n = counters[i] ?? lv?.start ?? 0;
      return format(n, level.legal || !lv ? "decimal" : lv.format);
    });
    return text.trim() || undefined;
  }
}
