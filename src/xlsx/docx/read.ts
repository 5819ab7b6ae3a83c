/**
 * Reads the tables of a received Word document (.docx, also .docm/.dotx) into Grids: the `read`
 * of the "docx" entry of the format table (formats.ts). It runs where every reader runs — in the
 * read worker of a received file, under its time and memory budget — on a zip whose central
 * directory was checked against LIMITS (zip.ts), with the worker's decompressor. A pure function
 * of the bytes that returns a failure with a Vietnamese reason instead of throwing. See body.ts
 * for how text is read and grids.ts for how each table is laid out.
 */
import type { Grid } from "../../core/grid";
import type { Probe, ReaderOutcome } from "../formats";
import { REASONS } from "../read-reasons";
import { BodyReader } from "./body";
import { FontStyles } from "./fonts";
import { documentGrids } from "./grids";
import { Numbering } from "./numbering";
import { DocxProblem, openWordPackage, wChild } from "./ooxml";

function reasonFor(problem: DocxProblem): ReaderOutcome {
  switch (problem.kind) {
    case "too-large":
      return { ok: false, failure: "too-large", reason: REASONS.tooLarge(`văn bản Word: ${problem.message}`, "Word") };
    case "not-word":
      return { ok: false, failure: "corrupt", reason: REASONS.notWord(problem.message) };
    default:
      return { ok: false, failure: "corrupt", reason: REASONS.corrupt(problem.message, "Word") };
  }
}

/** Every table of the document as a Grid (see grids.ts), or why it cannot be read. */
export function readDocx(p: Probe): ReaderOutcome {
  if (!p.zip?.ok) return { ok: false, failure: "corrupt", reason: REASONS.corrupt("không đọc được mục lục của tệp nén", "Word") };
  try {
    const pkg = openWordPackage(p.bytes, p.zip, p.inflate);
    const body = wChild(pkg.document, "body");
    if (!body) throw new DocxProblem("damaged", "văn bản không có phần thân (w:body)");
    const top = new BodyReader(new FontStyles(pkg.styles), new Numbering(pkg.numbering, pkg.styles)).blocks(body);
    const sheets: Grid[] = documentGrids(top);
    if (!sheets.length) return { ok: false, failure: "no-sheets", reason: REASONS.noTables() };
    return { ok: true, sheets };
  } catch (error) {
    if (error instanceof DocxProblem) return reasonFor(error);
    // A stack overflow on absurd nesting, or anything else unexpected: one unreadable file.
    return { ok: false, failure: "corrupt", reason: REASONS.corrupt(`văn bản Word không đọc được: ${error instanceof Error ? error.message : String(error)}`, "Word") };
  }
}
