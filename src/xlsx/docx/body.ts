/**
 * The body of a Word document as Word shows it: a tree of blocks — paragraphs (their text) and
 * tables (rows of cells, each cell again a list of blocks) — in reading order.
 *
 * - Content controls (w:sdt) and custom XML around blocks, rows, cells and runs are looked
 *   through; a control still showing its placeholder ("Bấm vào đây để nhập văn bản") is empty.
 * - Text boxes (DrawingML wps:txbx, VML v:textbox; one branch of mc:AlternateContent) are read
 *   where they are anchored: their blocks follow the anchoring paragraph.
 * - Text: runs joined; tabs, line and page breaks as spaces; tracked insertions kept, deletions
 *   and moved-away text dropped (a deleted table row too); a field by its shown result (its
 *   instruction is never text); hidden text, footnote marks and ruby annotations left out;
 *   numbering and bullets are drawn by Word, not stored as text, so labels never carry them —
 *   but a paragraph with no text of its own (an STT cell numbered by Word) reads as the number
 *   Word shows (./numbering).
 *   Text is NFC (Word shows NFC and NFD alike).
 */
import { LIMITS } from "../limits";
import { legacyText, type FontStyles, type Legacy } from "./fonts";
import { Numbering } from "./numbering";
import { alternative, attr, DocxProblem, elements, isMc, isOn, isW, wChild, type Element } from "./ooxml";

export interface Line {
  text: string;
  /** Present when some of the text is in a legacy Vietnamese font. */
  legacy?: Legacy;
}

export interface Paragraph {
  kind: "p";
  line: Line;
  /** A page or section break is in or before it (evidence that a table goes on over a page). */
  pageBreak: boolean;
}

export interface DocCell {
  blocks: Block[];
  /** Grid columns spanned (w:gridSpan). */
  span: number;
  /** w:vMerge: "restart" starts a vertical merge, "continue" carries on the one above. */
  vMerge?: "restart" | "continue";
  /** Legacy horizontal merge (w:hMerge), as older writers still emit. */
  hMerge?: "restart" | "continue";
}

export interface DocRow {
  /** Grid columns skipped before the first cell (w:gridBefore). */
  before: number;
  cells: DocCell[];
  /** Marked to repeat at the top of every page (w:tblHeader). */
  header: boolean;
}

export interface DocTable {
  kind: "t";
  rows: DocRow[];
  /** Columns of the table grid (w:tblGrid). */
  gridColumns: number;
}

export type Block = Paragraph | DocTable;

const WHITESPACE = /[\s\u00a0\u200b]+/g;

/**
 * Builds the block tree of a container (w:body, a cell, a text box). Tables nest at most
 * LIMITS.wordTableDepth deep; the time it takes is bounded by the read worker's budget.
 */
export class BodyReader {
  constructor(
    private readonly styles: FontStyles,
    private readonly numbering: Numbering = new Numbering(),
  ) {}

  blocks(container: Element, depth = 0): Block[] {
    const out: Block[] = [];
    this.collect(container, out, depth);
    return out;
  }

  private collect(container: Element, out: Block[], depth: number): void {
    for (const el of elements(container)) {
      if (isW(el, "p")) this.paragraph(el, out, depth);
      else if (isW(el, "tbl")) out.push(this.table(el, depth + 1));
      else if (isW(el, "sdt")) {
        if (!showsPlaceholder(el)) this.collect(wChild(el, "sdtContent") ?? el, out, depth);
      } else if (isW(el, "customXml") || isW(el, "ins") || isW(el, "moveTo")) this.collect(el, out, depth);
      else if (isMc(el, "AlternateContent")) {
        const branch = alternative(el);
        if (branch) this.collect(branch, out, depth);
      }
    }
  }

  private table(tbl: Element, depth: number): DocTable {
    if (depth > LIMITS.wordTableDepth) throw new DocxProblem("too-large", `bảng lồng trong bảng quá ${LIMITS.wordTableDepth} tầng`);
    const grid = wChild(tbl, "tblGrid");
    const gridColumns = grid ? elements(grid).filter((e) => isW(e, "gridCol")).length : 0;
    const rows: DocRow[] = [];
    for (const tr of within(tbl, "tr")) {
      const trPr = wChild(tr, "trPr");
      if (wChild(trPr, "del")) continue; // a deleted row (tracked change)
      const cells: DocCell[] = [];
      for (const tc of within(tr, "tc")) {
        const tcPr = wChild(tc, "tcPr");
        if (wChild(tcPr, "cellDel")) continue;
        const span = Math.max(1, Math.min(1000, Number(attr(wChild(tcPr, "gridSpan"), "val") ?? 1) || 1));
        const vMergeEl = wChild(tcPr, "vMerge");
        const hMergeEl = wChild(tcPr, "hMerge");
        const merge = (el: Element | undefined) => (el ? (attr(el, "val") === "restart" ? "restart" : "continue") : undefined);
        const vMerge = merge(vMergeEl);
        const hMerge = merge(hMergeEl);
        cells.push({ blocks: this.blocks(tc, depth), span, ...(vMerge ? { vMerge } : {}), ...(hMerge ? { hMerge } : {}) });
      }
      const count = (name: string) => Math.max(0, Math.min(1000, Number(attr(wChild(trPr, name), "val") ?? 0) || 0));
      rows.push({ before: count("gridBefore"), cells, header: isOn(wChild(trPr, "tblHeader")) });
    }
    return { kind: "t", rows, gridColumns };
  }

  private paragraph(p: Element, out: Block[], depth: number): void {
    const pPr = wChild(p, "pPr");
    const state: TextState = {
      parts: [],
      pStyle: attr(wChild(pPr, "pStyle"), "val"),
      pageBreak: isOn(wChild(pPr, "pageBreakBefore")) || !!wChild(pPr, "sectPr"),
      boxes: [],
    };
    this.inline(p, state);
    const number = this.numbering.next(pPr, state.pStyle);
    // A paragraph of its number only (an STT cell numbered by Word) reads as that number.
    const text = (state.parts.join("").replace(WHITESPACE, " ").trim() || number || "").normalize("NFC");
    out.push({ kind: "p", line: { text, ...(state.legacy ? { legacy: state.legacy } : {}) }, pageBreak: state.pageBreak });
    for (const box of state.boxes) this.collect(box, out, depth);
  }

  /** Paragraph content: runs and what wraps them. */
  private inline(parent: Element, state: TextState): void {
    for (const el of elements(parent)) {
      if (isW(el, "r")) this.run(el, state);
      else if (isW(el, "del") || isW(el, "moveFrom") || isW(el, "pPr")) continue;
      else if (isW(el, "sdt")) {
        if (!showsPlaceholder(el)) this.inline(wChild(el, "sdtContent") ?? el, state);
      } else if (isMc(el, "AlternateContent")) {
        const branch = alternative(el);
        if (branch) this.inline(branch, state);
      } else if (
        isW(el, "ins") ||
        isW(el, "moveTo") ||
        isW(el, "hyperlink") ||
        isW(el, "smartTag") ||
        isW(el, "customXml") ||
        isW(el, "fldSimple") ||
        isW(el, "sdtContent") ||
        isW(el, "bdo") ||
        isW(el, "dir")
      )
        this.inline(el, state);
    }
  }

  private run(r: Element, state: TextState): void {
    const rPr = wChild(r, "rPr");
    const hidden = isOn(wChild(rPr, "vanish")) || isOn(wChild(rPr, "specVanish"));
    let text = "";
    const flush = () => {
      if (hidden || !text) return;
      state.parts.push(text);
      if (!state.legacy) {
        const legacy = legacyText(text, this.styles.runFonts(state.pStyle, rPr));
        if (legacy) state.legacy = legacy;
      }
      text = "";
    };
    const visit = (el: Element) => {
      if (isW(el, "t")) text += el.text;
      else if (isW(el, "tab") || isW(el, "ptab") || isW(el, "cr")) text += " ";
      else if (isW(el, "br")) {
        text += " ";
        if (attr(el, "type") === "page") state.pageBreak = true;
      } else if (isW(el, "lastRenderedPageBreak")) state.pageBreak = true;
      else if (isW(el, "noBreakHyphen")) text += "-";
      else if (isW(el, "sym")) {
        const code = Number.parseInt(attr(el, "char") ?? "", 16);
        if (Number.isFinite(code) && code > 0) text += String.fromCodePoint(code);
      } else if (isW(el, "ruby")) {
        const base = wChild(el, "rubyBase");
        flush();
        if (base) this.inline(base, state);
      } else if (isW(el, "drawing") || isW(el, "pict") || isW(el, "object") || isMc(el, "AlternateContent")) textBoxes(el, state.boxes);
    };
    for (const el of elements(r)) visit(el);
    flush();
  }
}

interface TextState {
  parts: string[];
  pStyle: string | undefined;
  legacy?: Legacy;
  pageBreak: boolean;
  /** Text boxes anchored in the paragraph (w:txbxContent), in order. */
  boxes: Element[];
}

/** A content control still showing its placeholder text holds nothing typed. */
function showsPlaceholder(sdt: Element): boolean {
  return isOn(wChild(wChild(sdt, "sdtPr"), "showingPlcHdr"));
}

/** Rows of a table (or cells of a row), looking through content controls and custom XML. */
function within(parent: Element, local: "tr" | "tc"): Element[] {
  const out: Element[] = [];
  for (const el of elements(parent)) {
    if (isW(el, local)) out.push(el);
    else if (isW(el, "sdt")) out.push(...within(wChild(el, "sdtContent") ?? el, local));
    else if (isW(el, "customXml") || isW(el, "ins") || isW(el, "moveTo")) out.push(...within(el, local));
    else if (isMc(el, "AlternateContent")) {
      const branch = alternative(el);
      if (branch) out.push(...within(branch, local));
    }
  }
  return out;
}

/** The text boxes under a drawing, a VML shape or one branch of mc:AlternateContent. */
function textBoxes(el: Element, out: Element[]): void {
  if (isW(el, "txbxContent")) {
    out.push(el);
    return;
  }
  if (isMc(el, "AlternateContent")) {
    const branch = alternative(el);
    if (branch) textBoxes(branch, out);
    return;
  }
  for (const child of elements(el)) textBoxes(child, out);
}
