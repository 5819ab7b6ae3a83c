/**
 * Every catalogue form filled in Word and sent back as .docx, written three ways:
 * - by LibreOffice Writer, from an HTML page of the form (`soffice --convert-to docx`);
 * - by the `docx` library;
 * - as hand-written WordprocessingML with merged headers (w:gridSpan, w:vMerge), the table split
 *   over two pages (the header repeated), and every text in NFD.
 * The unit is named only in the document's heading table ("ỦY BAN NHÂN DÂN / HUYỆN KRÔNG PA").
 * `cchc validate --json` must recognise each as its form of that unit, with no error, and every
 * value typed must be read exactly, in its row and column.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { FORMS } from "../../src/catalog";
import { inputColumns, type Form } from "../../src/catalog/schema";
import { main } from "../../src/cli/main";
import { nodeIo, type Io } from "../../src/cli/io";
import type { ValidatedFile } from "../../src/cli/commands/validate";
import { analyseWorkbook } from "../../src/core/workbook";
import { formPage, htmlOf, libraryDocx, ooxmlDocx, splitTable, type BlockModel } from "../support/docx";
import { libreOfficeConvert, tempDir } from "../support/libreoffice";
import { unitEntries, type FormEntries } from "../support/unit-values";
import { workerRead } from "../support/worker-read";

const dir = tempDir("cchc-docx-forms-");
const WAYS = ["libreoffice", "library", "ooxml"] as const;
type Way = (typeof WAYS)[number];

const UNITS = {
  tinh: { authority: "ỦY BAN NHÂN DÂN", name: "TỈNH GIA LAI" },
  huyen: { authority: "ỦY BAN NHÂN DÂN", name: "HUYỆN KRÔNG PA" },
  xa: { authority: "ỦY BAN NHÂN DÂN", name: "XÃ IA KHƯƠL" },
} as const;

const headingOf = (form: Form) => UNITS[form.levels[0]];
/** Every row filled, but the shared counts that test/support/unit-values would make negative (400 − 10 × position). */
const fillable = (form: Form) => form.rows.filter((row, pos) => row.rollup?.type !== "shared" || pos < 40).map((row) => row.id);
const entriesOf = new Map<string, FormEntries>(FORMS.map((form, i) => [form.id, unitEntries(form, i % 4, { typeTotals: true, rows: fillable(form) })]));
const fileOf = (form: Form, way: Way) => join(dir, `${form.id}.${way}.docx`);

let validated: Map<string, ValidatedFile>;
/** Each file read again as a received file is (a read worker), for its grids. */
const worker = workerRead();

beforeAll(async () => {
  const html: string[] = [];
  for (const form of FORMS) {
    const entries = entriesOf.get(form.id)!;
    const page = formPage(form, entries, { heading: headingOf(form) });
    const htmlPath = join(dir, `${form.id}.libreoffice.html`);
    writeFileSync(htmlPath, htmlOf(page));
    html.push(htmlPath);
    writeFileSync(fileOf(form, "library"), await libraryDocx(page));
    // Hand-written: NFD, the table cut in two over a page break with its header repeated.
    const nfd = formPage(form, entries, { heading: headingOf(form), nfd: true });
    const table = nfd.blocks[nfd.blocks.length - 1] as Extract<BlockModel, { kind: "t" }>;
    const blocks = [...nfd.blocks.slice(0, -1), ...splitTable(table.table, Math.ceil(form.rows.length / 2))];
    writeFileSync(fileOf(form, "ooxml"), ooxmlDocx({ blocks }));
  }
  libreOfficeConvert(html, "docx", dir);

  let out = "";
  const io: Io = { ...nodeIo(), out: (t) => void (out += t), err: () => undefined };
  const files = FORMS.flatMap((form) => WAYS.map((way) => fileOf(form, way)));
  const code = await main(["validate", ...files, "--json"], io);
  if (code === 2) throw new Error(`cchc validate exited ${code}: ${out.slice(0, 4000)}`);
  validated = new Map((JSON.parse(out) as { files: ValidatedFile[] }).files.map((f) => [f.file, f]));
}, 600_000);

const cases = FORMS.flatMap((form) => WAYS.map((way) => [form.id, way, form] as const));

describe.each(cases)("%s written by %s", (_id, way, form) => {
  it("is recognised as its form, of the unit named in the heading, without an error", () => {
    const file = validated.get(fileOf(form, way))!;
    const heading = headingOf(form);
    expect(file.status).toBe("ok");
    expect(file.sheets.map((s) => ({ form: s.form, unit: s.unit }))).toEqual([{ form: form.id, unit: `${heading.authority} ${heading.name}` }]);
    expect(file.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("reads every typed value exactly, in its row and column", async () => {
    const read = await worker.grids(new Uint8Array(readFileSync(fileOf(form, way))), fileOf(form, way));
    if (!read.ok) throw new Error(read.reason);
    const [analysis] = analyseWorkbook(read.sheets, FORMS).filter((a) => a.filled);
    const entries = entriesOf.get(form.id)!;
    let checked = 0;
    for (const row of form.rows)
      for (const column of inputColumns(form)) {
        const raw = analysis.filled!.cells.get(row.id)?.get(column.id)?.raw;
        const typed = entries[row.id]?.[column.id]?.typed;
        const where = `${row.id} / ${column.id}`;
        expect({ where, value: raw?.value ?? null }).toEqual({ where, value: typed === undefined ? null : String(typed) });
        if (typed !== undefined) checked++;
      }
    expect(checked).toBeGreaterThan(0);
  });
});
