/**
 * Vietnamese typed in a legacy 8-bit font (TCVN3 ".VnTime", VNI "VNI-Times", VPS) is stored as
 * Latin-1 letters that only that font draws as Vietnamese: "Tæng sè" is «Tổng số». Such text is
 * reported, never converted (a conversion is a guess about the encoding). A run is legacy when
 * the font it is drawn with — its own, its character style's, its paragraph style's or the
 * document default, as Word resolves them — is one of these fonts and the run holds a non-ASCII
 * character (ASCII letters and digits draw the same in every font); or, whatever the font, when
 * a word mixes letters with the symbols TCVN3 uses as Vietnamese letters ("h­µnh", "®¬n").
 */
import { attr, elements, isW, wChild, type Element } from "./ooxml";

/** Legacy font families by name, and the encoding to name in the message. */
const LEGACY_FONTS: { test: RegExp; encoding: string }[] = [
  { test: /^\.vn/i, encoding: "TCVN3 (ABC)" },
  { test: /^vni[- ]/i, encoding: "VNI" },
  { test: /^vps\s/i, encoding: "VPS" },
];

/** TCVN3 puts Vietnamese letters on these Latin-1 symbols: inside a word they are never Unicode Vietnamese. */
const TCVN3_IN_WORD = /[\p{L}\u00a8-\u00be\u00ad][\u00a8-\u00be\u00ad]*[\u00a8\u00a9\u00aa\u00ab\u00ac\u00ae\u00b5\u00b6\u00b7\u00b8\u00b9\u00bd\u00be\u00ad][\u00a8-\u00be\u00ad]*\p{L}/u;

export interface Legacy {
  /** The font as named in the document, or "" when only the text gives it away. */
  font: string;
  encoding: string;
}

function legacyFont(name: string | undefined): Legacy | undefined {
  if (!name) return undefined;
  const hit = LEGACY_FONTS.find((f) => f.test.test(name.trim()));
  return hit ? { font: name.trim(), encoding: hit.encoding } : undefined;
}

/** The fonts a run property set names: ASCII and high-ANSI (Vietnamese letters) slots. */
interface Fonts {
  ascii?: string;
  hAnsi?: string;
}

/** rFonts of an rPr: a theme font is never a legacy one, so it stops the search with "". */
function fontsOf(rPr: Element | undefined): Fonts {
  const f = wChild(rPr, "rFonts");
  if (!f) return {};
  const slot = (name: "ascii" | "hAnsi") => (attr(f, `${name}Theme`) !== undefined ? "" : attr(f, name));
  const out: Fonts = {};
  const ascii = slot("ascii");
  const hAnsi = slot("hAnsi");
  if (ascii !== undefined) out.ascii = ascii;
  if (hAnsi !== undefined) out.hAnsi = hAnsi;
  return out;
}

function merge(over: Fonts, under: Fonts): Fonts {
  return { ...under, ...over };
}

/** The styles part, as far as fonts go. */
export class FontStyles {
  private readonly styles = new Map<string, { basedOn?: string; fonts: Fonts }>();
  private readonly resolved = new Map<string, Fonts>();
  private readonly defaults: Fonts = {};
  private readonly defaultParagraph?: string;

  constructor(root?: Element) {
    if (!root) return;
    for (const el of elements(root)) {
      if (isW(el, "docDefaults")) this.defaults = fontsOf(wChild(wChild(el, "rPrDefault"), "rPr"));
      if (!isW(el, "style")) continue;
      const id = attr(el, "styleId");
      if (!id) continue;
      const basedOn = attr(wChild(el, "basedOn"), "val");
      this.styles.set(id, { ...(basedOn ? { basedOn } : {}), fonts: fontsOf(wChild(el, "rPr")) });
      if (attr(el, "type") === "paragraph" && /^(1|true|on)$/i.test(attr(el, "default") ?? "")) this.defaultParagraph = id;
    }
  }

  /** A style's fonts with its basedOn chain (cycles cut). */
  private style(id: string | undefined, seen = new Set<string>()): Fonts {
    if (!id || seen.has(id)) return {};
    const cached = this.resolved.get(id);
    if (cached) return cached;
    seen.add(id);
    const s = this.styles.get(id);
    const fonts = s ? merge(s.fonts, this.style(s.basedOn, seen)) : {};
    this.resolved.set(id, fonts);
    return fonts;
  }

  /** The fonts a run is drawn with. `pStyle` of its paragraph, `rPr` its own properties. */
  runFonts(pStyle: string | undefined, rPr: Element | undefined): Fonts {
    const paragraph = this.style(pStyle ?? this.defaultParagraph);
    const character = this.style(attr(wChild(rPr, "rStyle"), "val"));
    return merge(fontsOf(rPr), merge(character, merge(paragraph, this.defaults)));
  }
}

/** Is this text, drawn with these fonts, legacy-encoded Vietnamese? */
export function legacyText(text: string, fonts: Fonts): Legacy | undefined {
  if (!/[^\u0020-\u007e\s]/.test(text)) return undefined;
  const font = legacyFont(fonts.hAnsi) ?? legacyFont(fonts.ascii);
  if (font) return font;
  return TCVN3_IN_WORD.test(text) ? { font: "", encoding: "TCVN3 (ABC)" } : undefined;
}
