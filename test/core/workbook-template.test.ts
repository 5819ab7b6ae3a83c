/**
 * Our own templates as received are bound straight from the layout (core/workbook `bindTemplate`)
 * instead of being recognised label by label: the result must be exactly what recognition finds
 * (same cells, addresses, values, unit and period, and no issue), and anything that is not the
 * template as written — a row inserted, a label edited, a note under the table, another
 * catalogue version — must go back to recognition.
 */
import { FORMS } from "../../src/catalog";
import type { Form } from "../../src/catalog/schema";
import type { Grid } from "../../src/core/grid";
import { layoutForm } from "../../src/core/layout";
import { recogniseSheet } from "../../src/core/recognise";
import { validateFilled } from "../../src/core/validate";
import { bindTemplate, receivedFromGrids } from "../../src/core/workbook";
import { readWorkbook } from "../../src/xlsx/read";
import { templateWorkbook } from "../../src/xlsx/templates";
import { TemplateFiller, type UnitValues } from "../support/received";
import { typedValues, unitEntries } from "../support/unit-values";

const SENT: Form[] = FORMS.filter((f) => f.family === "tk2011-2020.huyen" || f.id === "tk2011-2020.xa.pl3" || f.id === "bao-cao-dinh-ky.thong-ke");

/** Unit / period cells as people leave them. */
const HEADERS: { unit: string | null; period?: string }[] = [
  { unit: "UBND huyện Ia Pa" },
  { unit: "  UBND   huyện  Krông Pa ....  " },
  { unit: null, period: "UBND huyện Kbang – năm 2020" },
  { unit: "……" },
  { unit: "Phòng Nội vụ huyện Chư Sê", period: "" },
];

let grids: { header: (typeof HEADERS)[number]; sheets: Grid[] }[];

beforeAll(async () => {
  const filler = await TemplateFiller.create(SENT, { period: "Năm 2020" });
  grids = [];
  for (const [i, header] of HEADERS.entries()) {
    const values: UnitValues = {};
    for (const form of SENT) values[form.id] = typedValues(unitEntries(form, i, form.columns.some((c) => c.id === "y2019") ? { columns: ["y2019", "y2020q1"] } : {}));
    const bytes = await filler.write(header.unit ?? undefined, values);
    if (header.period !== undefined) {
      // Rewrite the period cell of every sheet.
      const read = readWorkbook(bytes, "x.xlsx");
      if (!read.ok) throw new Error(read.reason);
      grids.push({
        header,
        sheets: read.sheets.map((g, k) => {
          const layout = layoutForm(SENT[k]);
          const cells = g.cells.map((r) => (r ? [...r] : r));
          (cells[layout.periodCell.row] ??= [])[layout.periodCell.col] = header.period ? { value: header.period, text: header.period } : null;
          return { ...g, cells };
        }),
      });
      continue;
    }
    const read = readWorkbook(bytes, "x.xlsx");
    if (!read.ok) throw new Error(read.reason);
    grids.push({ header, sheets: read.sheets });
  }
}, 120_000);

describe("a template as written is bound from its layout, as recognition would bind it", () => {
  it("gives recognition's result exactly, without an issue, whatever is in the unit and period cells", () => {
    let checked = 0;
    for (const { header, sheets } of grids)
      for (const grid of sheets) {
        const fast = bindTemplate(grid, FORMS);
        const slow = recogniseSheet(grid, FORMS);
        expect(slow.status).toBe("recognised");
        if (slow.status !== "recognised") continue;
        expect({ unit: header.unit, sheet: grid.sheet, issues: slow.issues }).toEqual({ unit: header.unit, sheet: grid.sheet, issues: [] });
        expect({ sheet: grid.sheet, filled: fast }).toEqual({ sheet: grid.sheet, filled: slow.filled });
        checked++;
      }
    expect(checked).toBe(HEADERS.length * SENT.length);
  });

  it("a template made for a commune — rows of other levels marked «Không áp dụng cho cấp xã» — is bound the same, and validates clean", async () => {
    const forms = SENT.filter((f) => f.levels.includes("xa") && f.levels.length > 1 && f.rows.some((r) => r.levels && !r.levels.includes("xa")));
    expect(forms.map((f) => f.id)).toContain("bao-cao-dinh-ky.thong-ke");
    const read = readWorkbook(await templateWorkbook(forms, { unit: "UBND xã Ia Pa", period: "Quý III năm 2025" }), "xa.xlsx");
    if (!read.ok) throw new Error(read.reason);
    for (const [k, grid] of read.sheets.entries()) {
      const marks = grid.cells.flat().filter((c) => c?.value === "Không áp dụng cho cấp xã").length;
      expect({ form: forms[k].id, marked: marks > 0 }).toEqual({ form: forms[k].id, marked: true });
      const fast = bindTemplate(grid, FORMS);
      const slow = recogniseSheet(grid, FORMS);
      expect(slow.status).toBe("recognised");
      if (slow.status !== "recognised") continue;
      expect({ sheet: grid.sheet, issues: slow.issues }).toEqual({ sheet: grid.sheet, issues: [] });
      expect(fast).toEqual(slow.filled);
      // the marks are no answer: the blank template is one «form is blank» warning
      expect(validateFilled(fast!, { level: "xa" }).map((i) => i.code)).toEqual(["form_blank"]);
    }
  });

  it("the received workbook lists the same forms, units and periods either way", () => {
    const { sheets } = grids[0];
    const source = receivedFromGrids("ia-pa.xlsx", sheets, FORMS);
    expect(source.outcome).toBe("read");
    expect(source.forms.map((f) => [f.form.id, f.unit, f.period])).toEqual(SENT.map((f) => [f.id, "UBND huyện Ia Pa", "Năm 2020"]));
  });
});

describe("anything else goes back to recognition", () => {
  const base = () => grids[0].sheets[2]; // Phụ lục 3 huyện
  const layout = layoutForm(SENT[2]);
  const edit = (fn: (cells: Grid["cells"]) => void): Grid => {
    const cells = base().cells.map((r) => (r ? [...r] : r));
    fn(cells);
    return { ...base(), cells };
  };

  it.each([
    ["a row inserted in the table", (cells: Grid["cells"]) => cells.splice(layout.table.top + 3, 0, [])],
    ["a label edited", (cells: Grid["cells"]) => (cells[layout.rowIndex.get("pakn-tiep-nhan")!]![1] = { value: "Số PAKN tiếp nhận" })],
    ["a note typed under the table", (cells: Grid["cells"]) => (cells[layout.lastRow + 2] = [null, { value: "Ghi chú: số liệu ước tính" }])],
    ["the title retyped", (cells: Grid["cells"]) => (cells[1]![0] = { value: "Thống kê TTHC" })],
  ])("%s", (_what, change) => {
    const grid = edit(change as (cells: Grid["cells"]) => void);
    expect(bindTemplate(grid, FORMS)).toBeUndefined();
    const slow = recogniseSheet(grid, FORMS);
    expect(slow.status).toBe("recognised");
  });

  it("another catalogue version in the marker", () => {
    const grid = edit((cells) => {
      const marker = cells[layout.markerCell.row]![layout.markerCell.col]!;
      cells[layout.markerCell.row]![layout.markerCell.col] = { value: String(marker.value).replace('"v":1', '"v":0') };
    });
    expect(bindTemplate(grid, FORMS)).toBeUndefined();
    const slow = recogniseSheet(grid, FORMS);
    expect(slow.status === "recognised" && slow.issues.map((i) => i.code)).toContain("catalog_version_mismatch");
  });
});
