/**
 * Sources as they cross from a read worker (xlsx/wire.ts): what arrives is what was read — every
 * cell with its address, value, shown text and formula, empty bound cells, rows found without
 * cells, column decisions — in the same order, after the structured clone the pools use.
 */
import { deserialize, serialize } from "v8";
import { FORMS, findForm } from "../../src/catalog";
import type { BoundCell, FilledForm } from "../../src/core/filled";
import type { ReceivedSource } from "../../src/core/units";
import { receivedFromFile } from "../../src/xlsx/received";
import { fromWire, toWire } from "../../src/xlsx/wire";
import { TemplateFiller } from "../support/received";
import { typedValues, unitEntries } from "../support/unit-values";

const PL3 = findForm("tk2011-2020.huyen.pl3")!;

/** The pools' structured clone (Node's "advanced" serialization, a browser's postMessage). */
const across = (source: ReceivedSource) => fromWire(deserialize(serialize(toWire(source))), FORMS);

/** Maps as entry lists, so that order counts too. */
function ordered(filled: FilledForm) {
  return {
    ...filled,
    cells: [...filled.cells].map(([row, byColumn]) => [row, [...byColumn]]),
    rowIndex: [...filled.rowIndex],
  };
}

describe("a received source crosses from the read worker unchanged", () => {
  it("a unit's filled templates, eight forms: every cell, in order", async () => {
    const forms = FORMS.filter((f) => f.family === "tk2011-2020.huyen");
    const filler = await TemplateFiller.create(forms, { period: "Năm 2020" });
    const bytes = await filler.write("UBND huyện Ia Pa", Object.fromEntries(forms.map((f) => [f.id, typedValues(unitEntries(f, 7))])));
    const read = receivedFromFile(bytes, "ia-pa.xlsx", FORMS);
    expect(read.forms).toHaveLength(8);
    const arrived = across(read);
    expect(arrived.forms.map(ordered)).toStrictEqual(read.forms.map(ordered));
    expect({ ...arrived, forms: [] }).toStrictEqual({ ...read, forms: [] });
  });

  it("cells bound but empty, formulas without a cached value, values without a shown text, rows found without cells", () => {
    const filled: FilledForm = {
      form: PL3,
      sheet: "PL3 «lạ»",
      unit: "UBND huyện Kbang",
      unitSource: "heading",
      cells: new Map<string, Map<string, BoundCell>>([
        [
          PL3.rows[1].id,
          new Map<string, BoundCell>([
            ["y2019", { address: "D8", raw: { value: 12, text: "12" } }],
            ["y2020", { address: "E8", raw: null }],
          ]),
        ],
        [
          PL3.rows[0].id,
          new Map<string, BoundCell>([
            ["y2019", { address: "D7", raw: { value: null, formula: "SUM(D8:D9)" } }],
            ["y2020", { address: "E7", raw: { value: "mười hai", text: "" } }],
            ["ghi-chu", { address: "F7", raw: { value: true } }],
          ]),
        ],
      ]),
      rowIndex: new Map([
        [PL3.rows[2].id, 8],
        [PL3.rows[1].id, 7],
        [PL3.rows[0].id, 6],
      ]),
    };
    const source: ReceivedSource = { source: "kbang.xlsx", outcome: "read", forms: [filled], issues: [] };
    const [arrived] = across(source).forms;
    expect(ordered(arrived)).toStrictEqual(ordered(filled));
    expect(arrived.form).toBe(PL3);
  });

  it("a form the other side's catalogue does not know is left out, not guessed", () => {
    const filled: FilledForm = { form: { ...PL3, id: "khong-co.pl9" }, sheet: "PL9", cells: new Map(), rowIndex: new Map() };
    expect(across({ source: "x.xlsx", outcome: "read", forms: [filled], issues: [] }).forms).toEqual([]);
  });
});
