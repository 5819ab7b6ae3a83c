/**
 * The official plans as Word documents: every appendix of the five seed documents, laid out as a
 * Word table with the lines that precede it, must be recognised as its catalogue form — each
 * once, nothing else recognised.
 *
 * Seeds 000, 002, 003 and 004 keep their tables as tab-separated lines: each document is laid out
 * whole — every other line a paragraph, each run of tab-separated lines a table (header cells left
 * empty under a spanning header become w:gridSpan / w:vMerge merges), a blank line between two
 * runs of table lines a page break (where the extraction lost the page: the table goes on, its
 * header repeated or not). Seed 001 is a PDF extraction whose table cells are broken across lines
 * with no separator: its ten tables are laid out from the catalogue (STT, labels, headers and
 * printed texts, which test/catalog-fidelity checks against the seed) under their appendix line,
 * title and "(Kèm theo …)" lines.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { FORMS } from "../../src/catalog";
import type { Form } from "../../src/catalog/schema";
import { analyseWorkbook } from "../../src/core/workbook";
import { formPage, ooxmlBody, packageDocx, type BlockModel, type CellModel, type TableModel } from "../support/docx";
import { workerRead } from "../support/worker-read";

const SEEDS = join(__dirname, "..", "fixtures", "seeds");

/** The extraction's markup (**bold**, <i>, <p>, <ul …>) is not text. */
const clean = (line: string) => line.replace(/\*\*?/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();

/** Tab-separated lines as a table: header rows (the first, and those after it whose STT is empty) with their merges. */
function tableOf(lines: string[][]): TableModel {
  const width = Math.max(...lines.map((l) => l.length));
  const grid = lines.map((l) => Array.from({ length: width }, (_, c) => clean(l[c] ?? "")));
  let headerRows = 1;
  while (headerRows < Math.min(3, grid.length) && grid[headerRows][0] === "") headerRows++;
  const covered = grid.map(() => new Array<boolean>(width).fill(false));
  const rows: CellModel[][] = grid.map((row, r) => {
    const out: CellModel[] = [];
    for (let c = 0; c < width; c++) {
      if (covered[r][c]) continue;
      const cell: CellModel = { text: [row[c]] };
      if (r < headerRows && row[c]) {
        let right = c;
        while (right + 1 < width && !row[right + 1] && r + 1 < headerRows && grid[r + 1][right + 1]) right++;
        let bottom = r;
        if (right === c) while (bottom + 1 < headerRows && !grid[bottom + 1][c]) bottom++;
        for (let rr = r; rr <= bottom; rr++) for (let cc = c; cc <= right; cc++) covered[rr][cc] = true;
        if (right > c) cell.colSpan = right - c + 1;
        if (bottom > r) cell.rowSpan = bottom - r + 1;
      }
      out.push(cell);
    }
    return out;
  });
  return { rows, headerRows };
}

/** A seed document laid out as Word: paragraphs and tables (see the file comment). */
function seedDocument(text: string): BlockModel[] {
  const blocks: BlockModel[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; ) {
    if (lines[i].includes("\t")) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i].includes("\t")) rows.push(lines[i++].split("\t"));
      blocks.push({ kind: "t", table: tableOf(rows) });
      continue;
    }
    const line = clean(lines[i]);
    const previous = blocks[blocks.length - 1];
    let next = i + 1;
    while (next < lines.length && lines[next].trim() === "") next++;
    if (!line && previous?.kind === "t" && lines[next]?.includes("\t")) {
      blocks.push({ kind: "p", text: "", pageBreak: true });
      i = next;
      continue;
    }
    blocks.push({ kind: "p", text: line });
    i++;
  }
  return blocks;
}

/** A form of seed 001 from the catalogue, under its own lines (nothing typed). */
function catalogueBlocks(form: Form): BlockModel[] {
  return [...formPage(form, {}).blocks, { kind: "p", text: "", pageBreak: true }];
}

const seeds = [...new Set(FORMS.map((f) => f.source.seed))].sort();
// Read as a received file is: in a read worker, under the default budget.
const worker = workerRead();

it.each(seeds)("every appendix of %s, as a Word table, is recognised as its catalogue form", async (seed) => {
  const forms = FORMS.filter((f) => f.source.seed === seed);
  const text = readFileSync(join(SEEDS, seed), "utf8");
  const blocks = text.includes("\t") ? seedDocument(text) : forms.flatMap(catalogueBlocks);
  const read = await worker.grids(packageDocx(ooxmlBody({ blocks })), seed.replace(/\.txt$/, ".docx"));
  if (!read.ok) throw new Error(read.reason);
  const analyses = analyseWorkbook(read.sheets, FORMS).filter((a) => a.filled);
  expect(analyses.map((a) => a.filled!.form.id).sort()).toEqual(forms.map((f) => f.id).sort());
  // Whole: a table split over pages is read as one, every row of the form found.
  const missing = analyses.flatMap((a) => a.issues.filter((i) => i.code === "row_not_found").map((i) => `${a.filled!.form.id}: ${i.message}`));
  expect(missing).toEqual([]);
});
