/**
 * The tables of a Word document as Grids, one per table, laid out as a sheet that recognition
 * reads like any other:
 *
 *   rows 1…  the document heading (its first rows: "ỦY BAN NHÂN DÂN / XÃ …", "Số: …", the
 *            borderless heading table), when the table comes after it — the unit is found there
 *            when the table does not name it; then an empty row;
 *   then     the lines just above the table (up to 8 non-empty paragraphs back to the previous
 *            table: "Phụ lục 3", the title, "(Kèm theo …)", "Đơn vị: …"), one per row;
 *   then     the table, each cell at its grid column, merged cells (w:gridSpan, w:vMerge, w:hMerge)
 *            as merges with the text in the top-left cell, a cell's paragraphs as lines.
 *
 * A table is one table however Word splits it: rows repeated at the top of a page (w:tblHeader)
 * are stored once; two tables separated only by empty paragraphs are one table split by hand
 * when the second repeats the first one's leading (header) rows — dropped — or has the same
 * columns and a page break comes between them. Anything else between them (the next appendix's
 * title) keeps them apart. A table nested in a cell is a table of its own, titled by the lines
 * above it in that cell, else by its outer table's title.
 *
 * The sheet is named by its "Phụ lục N" line, else "Bảng N" (N-th grid of the document).
 */
import { a1, type Grid, type MergeRange, type RawCell } from "../../core/grid";
import { makeIssue, type Issue } from "../../core/issues";
import { uniqueSheetName } from "../../core/sheet-names";
import type { Block, DocRow, DocTable, Line } from "./body";
import type { Legacy } from "./fonts";
import { LIMITS } from "../limits";
import { DocxProblem } from "./ooxml";

export const DOCX_LAYOUT = {
  /** Non-empty paragraphs kept above a table as its title lines. */
  titleLines: 8,
  /** Rows of the document heading kept above every table that comes after it. */
  headingRows: 6,
  /** Leading rows compared when deciding that a table repeats another's header. */
  headerRows: 4,
} as const;

/** A table with its rows resolved to grid positions. */
interface Resolved {
  /** lines[r][c]: the paragraphs of the cell whose top-left is (r, c). */
  lines: (Line[] | undefined)[][];
  merges: MergeRange[];
  width: number;
}

interface Placed {
  rows: DocRow[];
  above: Line[];
  /** Index, in the top-level blocks, where this table's title lines start (its root table's, when nested). */
  windowStart: number;
}

const nonEmpty = (line: Line) => line.text !== "";

function paragraphLines(blocks: readonly Block[]): Line[] {
  return blocks.flatMap((b) => (b.kind === "p" && nonEmpty(b.line) ? [b.line] : []));
}

function rowKey(row: DocRow): string {
  return `${row.before}|${row.cells.map((c) => `${c.span}:${paragraphLines(c.blocks).map((l) => l.text).join(" ")}`).join("|")}`;
}

/** How many leading rows of `next` repeat those of `first` (a header carried over a page). */
function repeatedRows(first: readonly DocRow[], next: readonly DocRow[]): number {
  let k = 0;
  const hasText = (row: DocRow) => row.cells.some((c) => paragraphLines(c.blocks).some((l) => /\p{L}/u.test(l.text)));
  if (!first.length || !next.length || !hasText(next[0])) return 0;
  while (k < DOCX_LAYOUT.headerRows && k < first.length && k < next.length && rowKey(first[k]) === rowKey(next[k])) k++;
  return k;
}

function widthOf(rows: readonly DocRow[]): number {
  return rows.reduce((w, row) => Math.max(w, row.before + row.cells.reduce((n, c) => n + c.span, 0)), 0);
}

function startsOnNewPage(table: DocTable): boolean {
  const first = table.rows[0]?.cells[0]?.blocks[0];
  return first?.kind === "p" && first.pageBreak;
}

/**
 * Rows of `next` to append to `prev` when `next` goes on with it over a page, else undefined.
 * `between` are the blocks separating them.
 */
function continuation(prev: Placed, next: DocTable, between: readonly Block[]): DocRow[] | undefined {
  if (!between.every((b) => b.kind === "p" && !nonEmpty(b.line))) return undefined;
  const repeated = repeatedRows(prev.rows, next.rows);
  if (repeated > 0) return next.rows.slice(repeated);
  const pageBreak = between.some((b) => b.kind === "p" && b.pageBreak) || startsOnNewPage(next);
  return pageBreak && widthOf(prev.rows) === widthOf(next.rows) ? next.rows : undefined;
}

/** Every table of a block list, in reading order, with its title lines; nested ones after their outer table. */
function placeTables(
  blocks: readonly Block[],
  inherited: Line[],
  rootStart: number | undefined,
  out: Placed[],
  starts: Map<DocTable, Placed>,
): void {
  let last: { placed: Placed; index: number } | undefined;
  blocks.forEach((block, i) => {
    if (block.kind !== "t") return;
    if (last) {
      const rows = continuation(last.placed, block, blocks.slice(last.index + 1, i));
      if (rows) {
        last.placed.rows.push(...rows);
        last.index = i;
        for (const row of block.rows) for (const cell of row.cells) placeTables(cell.blocks, last.placed.above, last.placed.windowStart, out, starts);
        return;
      }
    }
    const above: Line[] = [];
    let start = i;
    for (let j = i - 1; j >= 0 && above.length < DOCX_LAYOUT.titleLines; j--) {
      const b = blocks[j];
      if (b.kind !== "p") break;
      start = j;
      if (nonEmpty(b.line)) above.unshift(b.line);
    }
    const placed: Placed = { rows: [...block.rows], above: above.length ? above : inherited, windowStart: rootStart ?? start };
    if (out.push(placed) > LIMITS.wordTables) throw new DocxProblem("too-large", `văn bản có hơn ${LIMITS.wordTables.toLocaleString("vi-VN")} bảng`);
    if (rootStart === undefined) starts.set(block, placed);
    last = { placed, index: i };
    for (const row of block.rows) for (const cell of row.cells) placeTables(cell.blocks, placed.above, placed.windowStart, out, starts);
  });
}

/** Resolves merged cells: each cell at its grid column, its text in the top-left of its merge. */
function resolve(rows: readonly DocRow[]): Resolved {
  const width = widthOf(rows);
  if (width * rows.length > LIMITS.wordTableCells)
    throw new DocxProblem("too-large", `một bảng ${rows.length.toLocaleString("vi-VN")} dòng × ${width.toLocaleString("vi-VN")} cột (giới hạn ${LIMITS.wordTableCells.toLocaleString("vi-VN")} ô)`);
  const lines: (Line[] | undefined)[][] = [];
  const anchors: MergeRange[] = [];
  /** Vertical merges still open, by their left column. */
  let open = new Map<number, { anchor: MergeRange; lines: Line[] }>();
  rows.forEach((row, r) => {
    const here: (Line[] | undefined)[] = [];
    lines.push(here);
    const next = new Map<number, { anchor: MergeRange; lines: Line[] }>();
    let previous: { anchor: MergeRange; lines: Line[] } | undefined;
    let col = row.before;
    for (const cell of row.cells) {
      const left = col;
      const right = col + cell.span - 1;
      col = right + 1;
      const text = paragraphLines(cell.blocks);
      const above = open.get(left);
      if (cell.vMerge === "continue" && above && above.anchor.right === right) {
        above.anchor.bottom = r;
        above.lines.push(...text);
        next.set(left, above);
        previous = above;
        continue;
      }
      if (cell.hMerge === "continue" && previous && previous.anchor.bottom === r && previous.anchor.top === r) {
        previous.anchor.right = right;
        previous.lines.push(...text);
        continue;
      }
      const anchor: MergeRange = { top: r, left, bottom: r, right };
      const entry = { anchor, lines: [...text] };
      anchors.push(anchor);
      here[left] = entry.lines;
      if (cell.vMerge) next.set(left, entry);
      previous = entry;
    }
    open = next;
  });
  return { lines, merges: anchors.filter((m) => m.bottom > m.top || m.right > m.left), width };
}

/** Non-empty rows of a resolved table, each as a line per grid column. */
function textRows(resolved: Resolved): (Line | undefined)[][] {
  return resolved.lines
    .map((cells) => Array.from({ length: resolved.width }, (_, c) => joinLines(cells[c])))
    .filter((cells) => cells.some((x) => x && nonEmpty(x)));
}

/**
 * The document heading: its first rows (paragraphs, and rows of small tables such as the
 * borderless "ỦY BAN NHÂN DÂN … | CỘNG HÒA …" one) before the title lines of the first table
 * that is content — more rows than a heading, more than three columns, or a "Phụ lục N" line
 * above it.
 */
function documentHeading(top: readonly Block[], starts: ReadonlyMap<DocTable, Placed>): { index: number; cells: (Line | undefined)[] }[] {
  const rows: { index: number; cells: (Line | undefined)[] }[] = [];
  let cut = top.length;
  const resolved = new Map<DocTable, (Line | undefined)[][]>();
  for (let i = 0; i < top.length; i++) {
    const block = top[i];
    if (block.kind !== "t") continue;
    const table = resolve(block.rows);
    const r = textRows(table);
    resolved.set(block, r);
    const placed = starts.get(block);
    if (r.length > DOCX_LAYOUT.headingRows || table.width > 3 || placed?.above.some((l) => APPENDIX_LINE.test(l.text))) {
      cut = placed?.windowStart ?? i;
      break;
    }
  }
  for (let i = 0; i < cut && rows.length < DOCX_LAYOUT.headingRows; i++) {
    const block = top[i];
    if (block.kind === "p") {
      if (nonEmpty(block.line)) rows.push({ index: i, cells: [block.line] });
    } else for (const cells of resolved.get(block) ?? []) if (rows.length < DOCX_LAYOUT.headingRows) rows.push({ index: i, cells });
  }
  return rows;
}

/** A cell's paragraphs as one line of text (lines joined by "\n"); legacy if any is. */
function joinLines(lines: readonly Line[] | undefined): Line | undefined {
  if (!lines || lines.length === 0) return undefined;
  const legacy = lines.find((l) => l.legacy)?.legacy;
  return { text: lines.map((l) => l.text).join("\n"), ...(legacy ? { legacy } : {}) };
}

const APPENDIX_LINE = /^ph[uụ]\s*l[uụ]c\s+(?:s[oố]\s+)?(?:[0-9]+[a-z]?|[ivxlc]+)\b/iu;

/** Builds one Grid per table of the document (see the file comment). */
export function documentGrids(top: readonly Block[]): Grid[] {
  const placed: Placed[] = [];
  const starts = new Map<DocTable, Placed>();
  placeTables(top, [], undefined, placed, starts);
  const heading = documentHeading(top, starts);
  const taken: string[] = [];
  return placed.map((table, n) => {
    const cells: (RawCell | null)[][] = [];
    const legacyCells: { row: number; col: number; text: string; legacy: Legacy }[] = [];
    const put = (row: (Line | undefined)[]) => {
      const r = cells.length;
      cells.push(
        row.map((line, c) => {
          if (!line || !nonEmpty(line)) return null;
          if (line.legacy) legacyCells.push({ row: r, col: c, text: line.text, legacy: line.legacy });
          return { value: line.text };
        }),
      );
    };
    const headingRows = heading.filter((h) => h.index < table.windowStart);
    for (const h of headingRows) put(h.cells);
    if (headingRows.length) put([]);
    for (const line of table.above) put([line]);
    const resolved = resolve(table.rows);
    const top0 = cells.length;
    for (const row of resolved.lines) put(Array.from({ length: resolved.width }, (_, c) => joinLines(row[c])));
    const merges = resolved.merges.map((m) => ({ top: m.top + top0, left: m.left, bottom: m.bottom + top0, right: m.right }));
    const appendix = table.above.map((l) => APPENDIX_LINE.exec(l.text)?.[0]).find(Boolean);
    const sheet = uniqueSheetName(appendix ?? `Bảng ${n + 1}`, taken);
    taken.push(sheet);
    const issues = legacyIssues(sheet, legacyCells);
    return { sheet, cells, ...(merges.length ? { merges } : {}), ...(issues.length ? { issues } : {}) };
  });
}

function legacyIssues(sheet: string, found: { row: number; col: number; text: string; legacy: Legacy }[]): Issue[] {
  if (!found.length) return [];
  const first = found[0];
  const fonts = [...new Set(found.map((f) => (f.legacy.font ? `phông «${f.legacy.font}» (bảng mã ${f.legacy.encoding})` : `bảng mã ${f.legacy.encoding}`)))];
  const cells = found.slice(0, 5).map((f) => a1(f.row, f.col));
  const more = found.length > 5 ? ` và ${found.length - 5} ô khác` : "";
  return [
    makeIssue(
      "legacy_font",
      "warning",
      { sheet, cell: a1(first.row, first.col), value: first.text },
      { detail: fonts.join(", "), expected: `${cells.join(", ")}${more}` },
    ),
  ];
}
