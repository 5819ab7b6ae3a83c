/**
 * A district round where Word and Excel arrive together: ten districts send the eight 2011-2020
 * district appendices — six as our .xlsx template filled in (totals left to its formulas), four as
 * one Word document each holding all eight appendices (totals typed), the unit named only in the
 * heading table: two written by LibreOffice Writer, one by the `docx` library, one as hand-written
 * WordprocessingML in NFD with every table split over a page. `cchc rollup --json` must give, for
 * every cell, what this test computes on its own from what each district typed.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { FORMS } from "../../src/catalog";
import type { Form } from "../../src/catalog/schema";
import { main } from "../../src/cli/main";
import { nodeIo, type Io } from "../../src/cli/io";
import { formPage, htmlOf, libraryDocx, ooxmlDocx, splitTable, type BlockModel, type PageModel } from "../support/docx";
import type { RollupValue } from "../../src/core/rollup";
import { expectFormValues, type SentUnit } from "../support/expected-rollup";
import { libreOfficeConvert, tempDir } from "../support/libreoffice";
import { TemplateFiller } from "../support/received";
import { typedValues, unitEntries, type FormEntries } from "../support/unit-values";

const HUYEN = FORMS.filter((f) => f.family === "tk2011-2020.huyen");
const YEARS = ["y2019", "y2020q1"];
const dir = tempDir("cchc-rollup-docx-");

type Writer = "xlsx" | "libreoffice" | "library" | "ooxml";
interface District extends SentUnit {
  file: string;
  writer: Writer;
  index: number;
}

const NAMES = ["Krông Pa", "Ia Pa", "Phú Thiện", "Kbang", "Chư Sê", "Đak Pơ", "Mang Yang", "Ia Grai", "Đức Cơ", "Chư Prông"];
const WRITERS: Writer[] = ["xlsx", "libreoffice", "xlsx", "library", "xlsx", "ooxml", "xlsx", "libreoffice", "xlsx", "xlsx"];

const districts: District[] = NAMES.map((name, index) => {
  const writer = WRITERS[index];
  const slug = `huyen-${index + 1}`;
  return {
    // Word units are named by their heading table: "ỦY BAN NHÂN DÂN" + "HUYỆN …".
    unit: writer === "xlsx" ? `UBND huyện ${name}` : `ỦY BAN NHÂN DÂN HUYỆN ${name.toUpperCase()}`,
    file: join(dir, `${slug}.${writer === "xlsx" ? "xlsx" : "docx"}`),
    writer,
    index,
    entries: new Map<string, FormEntries>(),
  };
});

function entriesFor(district: District, form: Form): FormEntries {
  return unitEntries(form, district.index, {
    ...(form.columns.some((c) => c.id === "y2019") ? { columns: YEARS } : {}),
    // Word has no formulas: a Word unit types its totals.
    ...(district.writer === "xlsx" ? {} : { typeTotals: true }),
  });
}

/** All eight appendices in one document, the heading on top, a page break between appendices. */
function wordDocument(district: District): PageModel {
  const nfd = district.writer === "ooxml";
  const heading = { authority: "ỦY BAN NHÂN DÂN", name: district.unit.replace("ỦY BAN NHÂN DÂN ", "") };
  const blocks: BlockModel[] = [];
  HUYEN.forEach((form, i) => {
    const page = formPage(form, district.entries.get(form.id)!, { nfd, ...(i === 0 ? { heading } : {}) });
    if (i > 0) blocks.push({ kind: "p", text: "", pageBreak: true });
    for (const block of page.blocks) {
      if (block.kind === "t" && nfd && block.table.headerRows > 0) blocks.push(...splitTable(block.table, Math.ceil(form.rows.length / 2)));
      else blocks.push(block);
    }
  });
  return { blocks };
}

let json: { output: string; units: { file: string | null; unit: string; status: string; message?: string }[]; values: RollupValue[] };

beforeAll(async () => {
  const filler = await TemplateFiller.create(HUYEN, { period: "Năm 2020" });
  const html: string[] = [];
  for (const district of districts) {
    for (const form of HUYEN) district.entries.set(form.id, entriesFor(district, form));
    switch (district.writer) {
      case "xlsx": {
        const values = Object.fromEntries(HUYEN.map((form) => [form.id, typedValues(district.entries.get(form.id)!)]));
        writeFileSync(district.file, await filler.write(district.unit, values));
        break;
      }
      case "libreoffice": {
        const page = join(dir, `${district.file.replace(/^.*\//, "").replace(/\.docx$/, "")}.html`);
        writeFileSync(page, htmlOf(wordDocument(district)));
        html.push(page);
        break;
      }
      case "library":
        writeFileSync(district.file, await libraryDocx(wordDocument(district)));
        break;
      case "ooxml":
        writeFileSync(district.file, ooxmlDocx(wordDocument(district)));
        break;
    }
  }
  libreOfficeConvert(html, "docx", dir);

  let out = "";
  let err = "";
  const io: Io = { ...nodeIo(), out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await main(["rollup", ...districts.map((d) => d.file), "-o", join(dir, "tong-hop.xlsx"), "--unit", "UBND tỉnh Gia Lai", "--json"], io);
  if (code !== 0) throw new Error(`cchc rollup: exit ${code}: ${err}`);
  json = JSON.parse(out) as typeof json;
}, 600_000);

it("reads all ten districts, four of them from Word, each from its own file", () => {
  expect(json.units.map((u) => ({ file: u.file, unit: u.unit, status: u.status }))).toEqual(
    expect.arrayContaining(districts.map((d) => ({ file: d.file, unit: d.unit, status: "ok" }))),
  );
  expect(json.units).toHaveLength(10);
  expect(districts.filter((d) => d.file.endsWith(".docx"))).toHaveLength(4);
});

it.each(HUYEN.map((f) => [f.id, f] as const))("%s: every value equals the rollup computed from what the ten districts typed", (_id, form) => {
  expect(expectFormValues(json.values, districts, form)).toBeGreaterThan(0);
});
