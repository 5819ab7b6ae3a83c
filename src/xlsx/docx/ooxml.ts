/**
 * The WordprocessingML package of a .docx: its parts found through the relationships (not by
 * assumed names), each parsed with saxes — a strict, namespace-aware, maintained streaming XML
 * parser that never expands DTD entities — into a light element tree that keeps only what the
 * reader uses (names, the attributes of the WordprocessingML and no namespace, the text of w:t).
 * Never a regex over XML. Transitional and Strict OOXML are both read; any prefix may stand for a
 * namespace.
 */
import { SaxesParser } from "saxes";
import { formatMb, LIMITS } from "../limits";
import { entryBytes, type InflateRaw, type ZipDirectory, type ZipEntry } from "../zip";

/** WordprocessingML main namespace: Transitional, Strict. */
const W_NAMESPACES = new Set(["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"]);
export const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
/** Relationship types end the same way in Transitional and Strict. */
const OFFICE_DOCUMENT = /\/relationships\/officeDocument$/;
const STYLES = /\/relationships\/styles$/;
const NUMBERING = /\/relationships\/numbering$/;

/** An element as the reader needs it. */
export interface Element {
  localName: string;
  namespaceURI: string;
  /** Attributes in no namespace or a WordprocessingML one, by local name. */
  attrs: Record<string, string>;
  children: Element[];
  /** The text of a text element (w:t and the like); "" elsewhere. */
  text: string;
}

/** Element children, in document order. */
export function elements(parent: Element): Element[] {
  return parent.children;
}

/** Is `el` the WordprocessingML element `local` (w:p, w:tbl, …)? */
export function isW(el: Element, local: string): boolean {
  return el.localName === local && W_NAMESPACES.has(el.namespaceURI);
}

export function isMc(el: Element, local: string): boolean {
  return el.localName === local && el.namespaceURI === MC;
}

/** The first WordprocessingML child named `local`. */
export function wChild(parent: Element | undefined, local: string): Element | undefined {
  return parent?.children.find((c) => isW(c, local));
}

/** An attribute by local name (w:val, w:ascii…), whatever its prefix. */
export function attr(el: Element | undefined, local: string): string | undefined {
  return el ? el.attrs[local] : undefined;
}

/** An on/off property (w:vanish, w:tblHeader…): present and not "0", "false" or "off". */
export function isOn(el: Element | undefined): boolean {
  if (!el) return false;
  const v = attr(el, "val");
  return v === undefined || !/^(0|false|off)$/i.test(v);
}

/**
 * mc:AlternateContent holds the same content twice, for newer and older readers: read one only —
 * the first mc:Choice, or the mc:Fallback when there is no choice.
 */
export function alternative(el: Element): Element | undefined {
  const kids = elements(el);
  return kids.find((k) => isMc(k, "Choice")) ?? kids.find((k) => isMc(k, "Fallback"));
}

/** Thrown inside the reader; turned into a failure with a Vietnamese reason at its boundary. */
export class DocxProblem extends Error {
  constructor(
    readonly kind: "not-word" | "damaged" | "too-large",
    message: string,
  ) {
    super(message);
  }
}

export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes);
}

/** Elements whose text is kept (w:t; the others' text is never shown). */
const TEXT_ELEMENTS = new Set(["t"]);

export function parseXml(xml: string, part: string): Element {
  const top: Element = { localName: "", namespaceURI: "", attrs: {}, children: [], text: "" };
  const stack: Element[] = [top];
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) if (a.uri === "" || W_NAMESPACES.has(a.uri)) attrs[a.local] = a.value;
    const el: Element = { localName: tag.local, namespaceURI: tag.uri, attrs, children: [], text: "" };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", (text) => {
    const el = stack[stack.length - 1];
    if (TEXT_ELEMENTS.has(el.localName)) el.text += text;
  });
  parser.on("cdata", (text) => {
    const el = stack[stack.length - 1];
    if (TEXT_ELEMENTS.has(el.localName)) el.text += text;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new DocxProblem("damaged", `phần «${part}» sai cú pháp XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const root = top.children[0];
  if (!root) throw new DocxProblem("damaged", `phần «${part}» không có nội dung XML`);
  return root;
}

export interface WordPackage {
  /** The main document part's root (w:document). */
  document: Element;
  /** The styles part's root (w:styles), when there is one. */
  styles?: Element;
  /** The numbering part's root (w:numbering), when there is one. */
  numbering?: Element;
}

/** "word/document.xml" + "styles.xml" → "word/styles.xml"; "/word/x.xml" is from the root. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

/** "word/document.xml" → "word/_rels/document.xml.rels". */
function relsOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Does this zip hold a Word document (rather than a workbook or something else)? */
export function isWordPackage(entries: readonly ZipEntry[]): boolean {
  return entries.some((e) => e.name === "word/document.xml") || (entries.some((e) => e.name === "[Content_Types].xml") && entries.some((e) => e.name.startsWith("word/")));
}

/**
 * The main document part, its styles and numbering, found through the package relationships of a zip whose
 * directory passed its checks (zip.ts); each part inflated with `inflate`, no larger than
 * LIMITS.wordDocumentBytes (the document) or LIMITS.wordPartBytes (any other).
 */
export function openWordPackage(bytes: Uint8Array, directory: Extract<ZipDirectory, { ok: true }>, inflate: InflateRaw): WordPackage {
  const read = (name: string, max: number): Element | undefined => {
    const entry = directory.byName.get(name) ?? directory.entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
    if (!entry) return undefined;
    if (entry.size > max) throw new DocxProblem("too-large", `phần «${entry.name}» giải nén ra ${formatMb(entry.size)} (giới hạn ${formatMb(max)})`);
    const got = entryBytes(bytes, entry, inflate);
    if (!got.ok) throw new DocxProblem("damaged", got.detail);
    return parseXml(decodeXml(got.data), name);
  };
  const targets = (relsPart: string, from: string, type: RegExp): string[] => {
    const rels = read(relsPart, LIMITS.wordPartBytes);
    if (!rels) return [];
    const out: string[] = [];
    for (const rel of elements(rels))
      if (rel.localName === "Relationship" && rel.namespaceURI === RELATIONSHIPS && type.test(rel.attrs.Type ?? "") && rel.attrs.TargetMode !== "External")
        out.push(resolvePart(from, rel.attrs.Target ?? ""));
    return out;
  };
  const mainName = targets("_rels/.rels", "", OFFICE_DOCUMENT)[0] ?? "word/document.xml";
  const document = read(mainName, LIMITS.wordDocumentBytes);
  if (!document) throw new DocxProblem("not-word", `thiếu phần văn bản chính «${mainName}»`);
  if (!(document.localName === "document" && W_NAMESPACES.has(document.namespaceURI)))
    throw new DocxProblem("not-word", `phần «${mainName}» không phải là văn bản WordprocessingML`);
  const part = (type: RegExp) => {
    const name = targets(relsOf(mainName), mainName, type)[0];
    return name ? read(name, LIMITS.wordPartBytes) : undefined;
  };
  const styles = part(STYLES);
  const numbering = part(NUMBERING);
  return { document, ...(styles ? { styles } : {}), ...(numbering ? { numbering } : {}) };
}
