/**
 * Catalogue fidelity: every title, header, label and printed text in the catalogue appears in its
 * source document, after folding whitespace and dropping the extraction's markup (**, <i>, <ul>…).
 * Cells that the extraction broke across a page are accepted as in-order fragments close together.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { FORMS, FORM_INPUTS, FormSchema, withDefaults } from "../src/catalog";

const SEEDS = join(__dirname, "fixtures", "seeds");
const seedText = new Map<string, string>();

function fold(text: string): string {
  return text
    .normalize("NFC")
    .replace(/<\/?(i|b|em|strong|u)>/g, "") // inline emphasis sits inside words: "(<i>cả về…"
    .replace(/(\S-)[ \t]*\r?\n\s*/g, "$1") // a word hyphenated at a line end: "NĐ-⏎CP"
    .replace(/<[^>]+>/g, " ")
    .replace(/\*\*?/g, " ")
    .replace(/[\u00a0\s]+/g, " ")
    .trim();
}

function seed(file: string): string {
  let text = seedText.get(file);
  if (text === undefined) {
    text = fold(readFileSync(join(SEEDS, file), "utf8"));
    seedText.set(file, text);
  }
  return text;
}

/** The words of `needle` appear in `hay` as in-order pieces, each gap ≤ maxGap characters. */
function appearsInPieces(hay: string, words: string[], from: number, maxGap: number, first: boolean, budget = { steps: 5000 }): boolean {
  if (words.length === 0) return true;
  for (let k = words.length; k >= 1; k--) {
    const piece = words.slice(0, k).join(" ");
    let idx = hay.indexOf(piece, first ? 0 : from);
    let tries = 0;
    while (idx >= 0 && (first || idx - from <= maxGap) && tries++ < 40) {
      if (--budget.steps < 0) return false; // a label that is not there must fail fast, not search forever
      if (appearsInPieces(hay, words.slice(k), idx + piece.length, maxGap, false, budget)) return true;
      idx = hay.indexOf(piece, idx + 1);
    }
  }
  return false;
}

function appears(file: string, text: string): boolean {
  const hay = seed(file);
  const needle = fold(text);
  if (hay.includes(needle)) return true;
  return appearsInPieces(hay, needle.split(" "), 0, 600, true);
}

describe("catalogue fidelity against the seed documents", () => {
  it("holds the 21 tables of the five documents", () => {
    expect(FORMS.length).toBe(21);
    expect(new Set(FORMS.map((f) => f.source.seed)).size).toBe(5);
  });

  for (const form of FORMS) {
    it(`${form.id}: title, headers, labels and printed texts are in ${form.source.seed}`, () => {
      const missing: string[] = [];
      const check = (what: string, text: string | undefined) => {
        if (text !== undefined && !appears(form.source.seed, text)) missing.push(`${what}: «${text}»`);
      };
      check("appendix", form.appendix);
      check("title", form.title);
      form.subtitles.forEach((s) => check("subtitle", s));
      check("sttHeader", form.sttHeader);
      check("labelHeader", form.labelHeader);
      for (const col of form.columns) {
        if (col.addedWhy) continue;
        check(`column ${col.id}`, col.label);
        check(`column ${col.id} group`, col.group);
      }
      for (const row of form.rows) {
        check(`row ${row.id}`, row.label);
        for (const [colId, text] of Object.entries(row.printed ?? {})) check(`row ${row.id} ${colId}`, text);
      }
      form.footnotes.forEach((s) => check("footnote", s));
      expect(missing).toEqual([]);
    });
  }
});

// The catalogue is not parsed when it loads (src/catalog/index.ts): this is where the schema
// checks every form module, and where loading is proven to give what parsing would.
describe("every form module is what the schema accepts, loaded as the schema would give it", () => {
  it.each(FORM_INPUTS.map((input) => [input.id, input] as const))("%s", (_id, input) => {
    const parsed = FormSchema.safeParse(input);
    if (!parsed.success) throw new Error(`${input.id}: ${parsed.error.message}`);
    expect(withDefaults(input)).toStrictEqual(parsed.data);
  });

  it("a key the schema does not know is caught (parsing would drop it, loading keeps it)", () => {
    const input = { ...FORM_INPUTS[0], colour: "đỏ" };
    expect(withDefaults(input)).not.toStrictEqual(FormSchema.parse(input));
  });

  it("the loaded catalogue is the modules, each once", () => {
    expect(FORMS.map((f) => f.id)).toEqual(FORM_INPUTS.map((f) => f.id));
    expect(new Set(FORMS.map((f) => f.id)).size).toBe(FORMS.length);
  });
});

describe("the form schema rejects malformed definitions", () => {
  const valid = {
    id: "t.x.pl1",
    version: 1,
    family: "t.x",
    familyTitle: "Thử",
    levels: ["xa"],
    source: { seed: "000_4e2d107fc3b0667a.txt", section: "Phụ lục 1" },
    appendix: "Phụ lục 1",
    title: "THỬ",
    labelHeader: "Chỉ tiêu",
    columns: [{ id: "y2015", label: "Năm 2015", role: "value" }],
    rows: [
      { id: "a", stt: "1", label: "Tổng", kind: "count", relation: { type: "sum", of: ["b"], why: "parts" } },
      { id: "b", stt: "-", label: "Phần", kind: "count", parent: "a" },
    ],
  };

  it("accepts a well-formed form", () => {
    expect(FormSchema.safeParse(valid).success).toBe(true);
    const usual = { id: "r", left: ["b"], op: "<=", right: ["a"], certainty: "usual", why: "w", mayDiffer: "số liệu năm trước", columns: ["y2015"] };
    expect(FormSchema.safeParse({ ...valid, rules: [usual] }).success).toBe(true);
  });

  it.each([
    ["an unknown kind", { rows: [{ id: "a", stt: "1", label: "x", kind: "money" }] }],
    ["a relation to an unknown row", { rows: [{ id: "a", stt: "1", label: "x", kind: "count", relation: { type: "sum", of: ["zz"], why: "w" } }] }],
    ["a duplicate row id", { rows: [{ id: "a", stt: "1", label: "x", kind: "count" }, { id: "a", stt: "2", label: "y", kind: "count" }] }],
    ["a coded row without codes", { rows: [{ id: "a", stt: "1", label: "x", kind: "coded" }] }],
    ["an empty label", { rows: [{ id: "a", stt: "1", label: "", kind: "count" }] }],
    ["an unknown level", { levels: ["quan"] }],
    ["no columns", { columns: [] }],
    [
      "a usual rule that does not say when a correct report breaks it",
      { rules: [{ id: "r", left: ["b"], op: "<=", right: ["a"], certainty: "usual", why: "carry-over" }] },
    ],
    [
      "a certain rule that says a correct report may break it",
      { rules: [{ id: "r", left: ["b"], op: "<=", right: ["a"], certainty: "certain", why: "w", mayDiffer: "số liệu năm trước" }] },
    ],
    [
      "a rule holding in a column that takes no value",
      { rules: [{ id: "r", left: ["b"], op: "<=", right: ["a"], certainty: "certain", why: "w", columns: ["y2099"] }] },
    ],
    [
      "a relation that adds a percentage to a count",
      {
        rows: [
          { id: "a", stt: "1", label: "Tổng", kind: "count", relation: { type: "upper-bound", of: ["b"], why: "parts" } },
          { id: "b", stt: "-", label: "Tỷ lệ", kind: "percent", parent: "a" },
        ],
      },
    ],
  ])("rejects %s", (_what, patch) => {
    expect(FormSchema.safeParse({ ...valid, ...patch }).success).toBe(false);
  });
});
