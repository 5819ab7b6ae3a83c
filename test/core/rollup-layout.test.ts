/**
 * Layouts of the rollup output (core/rollup-layout): the rollup sheet in the form's own layout
 * with values as values, the detail and status sheets, names and markers; and one round trip
 * through the .xlsx writer and reader to show that received text is never turned into a formula.
 */
import { findForm, type Form } from "../../src/catalog";
import type { Grid, RawCell } from "../../src/core/grid";
import { layoutForm, type LayoutCell, type SheetLayout } from "../../src/core/layout";
import { readMarker } from "../../src/core/metadata";
import { rollupForm } from "../../src/core/rollup";
import {
  decodeRollupMarker,
  isRollupSheet,
  layoutDetailSheet,
  layoutRollupSheet,
  layoutStatusSheet,
  STATUS_COLUMNS,
  rollupSheets,
  STATUS_SHEET_NAME,
} from "../../src/core/rollup-layout";
import { reportsFor, summariseUnits, type ReceivedSource } from "../../src/core/units";
import { readWorkbook } from "../../src/xlsx/read";
import { writeTemplates } from "../../src/xlsx/write";
import { addressOf, fill, type FillValues } from "../support/fill";

const PL1 = findForm("tk2011-2020.huyen.pl1") as Form;
const PL3 = findForm("tk2011-2020.huyen.pl3") as Form;

const FORMULA_TEXT = '=HYPERLINK("http://x","bấm vào đây")';

const SHEETS: Record<string, FillValues> = {
  "Xã Ia Pa": {
    "so-vb-chi-dao": { y2019: 6 },
    "cuoc-thi": { y2019: 1 },
    "hinh-thuc-khac": { y2019: "Pano, áp phích" },
    "muc-do-hai-long": { y2019: 90 },
    "so-mau-khao-sat": { y2019: 100 },
  },
  "Xã Ia Ma": { "so-vb-chi-dao": { y2019: 10 }, "cuoc-thi": { y2019: 0 }, "mo-hinh-sang-kien": { y2019: "hai" } },
  "@Xã Ia Tul": { "so-vb-chi-dao": { y2019: "-" }, "cuoc-thi": { y2019: 1 }, "hinh-thuc-khac": { y2019: FORMULA_TEXT } },
};

const sources: ReceivedSource[] = Object.entries(SHEETS).map(([unit, values]) => ({
  source: `${unit}.xlsx`,
  outcome: "read",
  forms: [fill(PL1, values, { unit, sheet: "PL1" })],
  issues: [],
}));
const summary = summariseUnits(sources, { expected: ["Xã Ia Pa", "Xã Ia Ma", "@Xã Ia Tul", "Xã Ia Rsai"] });
const rollup = rollupForm(PL1, reportsFor(summary.units, PL1.id));
const HEADER = { unit: "UBND huyện Krông Pa", period: "Năm 2019" };

function at(layout: SheetLayout, row: number, col: number): LayoutCell | undefined {
  return layout.cells.find((c) => c.row === row && c.col === col);
}

function gridOf(name: string, layout: SheetLayout): Grid {
  const cells: (RawCell | null)[][] = [];
  for (const c of layout.cells) {
    (cells[c.row] ??= [])[c.col] = c.value === null ? null : { value: c.value };
  }
  return { sheet: name, cells };
}

describe("the rollup sheet", () => {
  const template = layoutForm(PL1, HEADER);
  const layout = layoutRollupSheet(rollup, HEADER);
  const pos = (rowId: string, colId: string) => at(layout, template.rowIndex.get(rowId)!, template.colIndex.get(colId)!);

  test("numbers as numbers, in the form's own cells", () => {
    // Số lượng văn bản chỉ đạo, điều hành: 6 + 10 (Ia Tul "-": not reported) = 16
    expect(pos("so-vb-chi-dao", "y2019")).toMatchObject({ value: 16, style: "result" });
    expect(pos("so-vb-chi-dao", "y2019")?.text).toBeUndefined();
    expect(pos("muc-do-hai-long", "y2019")).toMatchObject({ value: 90 });
    expect(pos("so-vb-chi-dao", "y2018")).toMatchObject({ value: null });
  });

  test("displays such as x/N as text; received text as text even when it looks like a formula", () => {
    expect(pos("cuoc-thi", "y2019")).toMatchObject({ value: "2/3 đơn vị", text: true, numberFormat: "@" });
    expect(pos("hinh-thuc-khac", "y2019")).toMatchObject({
      value: `@Xã Ia Tul: ${FORMULA_TEXT}\nXã Ia Pa: Pano, áp phích`,
      text: true,
      numberFormat: "@",
      style: "resultText",
    });
  });

  test("the consolidating unit and period in the header", () => {
    expect(at(layout, template.unitCell.row, template.unitCell.col)).toMatchObject({ value: "UBND huyện Krông Pa", text: true });
    expect(at(layout, template.periodCell.row, template.periodCell.col)).toMatchObject({ value: "Năm 2019", text: true });
  });

  test("no formula, validation, conditional format or protection; a rollup marker", () => {
    expect(layout.cells.filter((c) => c.formula)).toEqual([]);
    expect(layout.validations).toEqual([]);
    expect(layout.conditionalFormats).toEqual([]);
    expect(layout.protect).toBe(false);
    expect(decodeRollupMarker(at(layout, layout.markerCell.row, layout.markerCell.col)?.value)).toEqual({
      kind: "rollup",
      formId: PL1.id,
      catalogVersion: 1,
    });
    const grid = gridOf("TH Phụ lục 1", layout);
    expect(isRollupSheet(grid)).toBe(true);
    expect(readMarker(grid)).toBeUndefined(); // never taken for a unit's template
  });

  test("title, headers, labels and printed texts are the template's", () => {
    const inputs = new Set<string>();
    for (const r of template.rowIndex.values()) for (const c of template.colIndex.values()) inputs.add(`${r}:${c}`);
    inputs.add(`${template.unitCell.row}:${template.unitCell.col}`);
    inputs.add(`${template.periodCell.row}:${template.periodCell.col}`);
    inputs.add(`${template.markerCell.row}:${template.markerCell.col}`);
    const fixed = template.cells.filter((c) => !inputs.has(`${c.row}:${c.col}`) && c.col !== template.flagsCol);
    for (const c of fixed) expect(at(layout, c.row, c.col)).toEqual(c);
    expect(layout.merges).toEqual(template.merges);
    expect(layout.widths).toEqual(template.widths);
  });

  test("total rows get their value, not the template's formula", () => {
    const units = summariseUnits(
      ["A", "B"].map((unit) => ({
        source: unit,
        outcome: "read" as const,
        forms: [fill(PL3, { "tong-tthc": { y2019: 300 }, "tthc-cap-huyen": { y2019: 180 }, "tthc-cap-xa": { y2019: 120 } }, { unit })],
        issues: [],
      })),
    );
    const t3 = layoutForm(PL3);
    const l3 = layoutRollupSheet(rollupForm(PL3, reportsFor(units.units, PL3.id)));
    const total = at(t3, t3.rowIndex.get("tong-tthc")!, t3.colIndex.get("y2019")!);
    expect(total?.formula).toBeDefined();
    // Shared: 300 in both units → 300, never 600.
    expect(at(l3, t3.rowIndex.get("tong-tthc")!, t3.colIndex.get("y2019")!)).toEqual({
      row: total!.row,
      col: total!.col,
      value: 300,
      style: "total",
      numberFormat: "#,##0",
    });
  });

  test("the template itself is unchanged: no text flags, no protect field", () => {
    expect(template.cells.some((c) => "text" in c)).toBe(false);
    expect("protect" in template).toBe(false);
  });
});

describe("the detail sheet", () => {
  const layout = layoutDetailSheet(rollup, HEADER);
  const headerRow = layout.printTitleRows[0];
  const col = (unit: string) => layout.colIndex.get(unit)!;

  test("one column per unit, named as received (as text)", () => {
    expect(rollup.units).toEqual(["@Xã Ia Tul", "Xã Ia Ma", "Xã Ia Pa"]);
    for (const u of rollup.units) expect(at(layout, headerRow, col(u))).toMatchObject({ value: u, text: true });
  });

  test("each unit's value, the aggregate and how many units reported", () => {
    const row = layout.rowIndex.get("so-vb-chi-dao/y2019")!;
    expect(at(layout, row, 1)?.value).toBe("Số lượng văn bản chỉ đạo, điều hành");
    expect(at(layout, row, 2)?.value).toBe("Năm 2019");
    expect(at(layout, row, 3)?.value).toContain("Cộng");
    expect(at(layout, row, 4)?.value).toBe(16);
    expect(at(layout, row, 5)?.value).toBe("2/3");
    expect(at(layout, row, col("Xã Ia Pa"))?.value).toBe(6);
    expect(at(layout, row, col("Xã Ia Ma"))?.value).toBe(10);
    expect(at(layout, row, col("@Xã Ia Tul"))?.value).toBeNull();
  });

  test("values left out are marked and listed with the reason", () => {
    const row = layout.rowIndex.get("mo-hinh-sang-kien/y2019")!;
    expect(at(layout, row, col("Xã Ia Ma"))).toMatchObject({ value: "hai", style: "excluded", text: true });
    const listed = layout.cells.find((c) => c.row > layout.table.bottom && c.value === "hai");
    expect(listed).toBeDefined();
    const reason = at(layout, listed!.row, 5)?.value;
    expect(reason).toContain("không phải là một số");
  });

  test("a detail marker", () => {
    expect(decodeRollupMarker(at(layout, layout.markerCell.row, layout.markerCell.col)?.value)).toMatchObject({ kind: "detail", formId: PL1.id });
    expect(layout.protect).toBe(false);
  });
});

describe("the status sheet", () => {
  const layout = layoutStatusSheet(summary.units, HEADER);
  test("unit, where its name was read, files, period, status in words, errors, warnings, message", () => {
    const C = STATUS_COLUMNS;
    const row = layout.rowIndex.get(summary.units.find((u) => u.unit === "Xã Ia Ma")!.key)!;
    expect(at(layout, row, C.unit)).toMatchObject({ value: "Xã Ia Ma", text: true });
    expect(at(layout, row, C.unitSource)?.value).toBe("ô «Đơn vị báo cáo»");
    expect(at(layout, row, C.files)).toMatchObject({ value: "Xã Ia Ma.xlsx", text: true });
    expect(at(layout, row, C.period)?.value).toBe("(không ghi)");
    expect(at(layout, row, C.status)?.value).toBe("Có lỗi");
    expect(at(layout, row, C.errors)?.value).toBe(1);
    const missing = layout.rowIndex.get(summary.units.find((u) => u.unit === "Xã Ia Rsai")!.key)!;
    expect(at(layout, missing, C.status)?.value).toBe("Chưa gửi");
    expect(at(layout, missing, C.files)?.value).toBeNull();
    expect(at(layout, missing, C.unitSource)?.value).toBeNull();
    const counts = layout.cells.find((c) => typeof c.value === "string" && c.value.startsWith("Đạt yêu cầu:"));
    expect(counts?.value).toBe(
      "Đạt yêu cầu: 2 · Có lỗi: 1 · Trùng: 0 · Cần chọn cột số liệu: 0 · Khác kỳ báo cáo: 0 · Không đọc được: 0 · Không nhận dạng được: 0 · Chưa gửi: 1 (tổng 4 đơn vị)",
    );
  });

  test("then each warning on the forms used, under the units in the same table, with where it is and its message", () => {
    // The three communes above have blank rows only (counted, not listed); Ia Broăi's number is a guess.
    const guessed = summariseUnits(
      [
        ...sources,
        { source: "Xã Ia Broăi.xlsx", outcome: "read", forms: [fill(PL1, { "so-vb-chi-dao": { y2019: "12 (ước tính)" } }, { unit: "Xã Ia Broăi", sheet: "PL1" })], issues: [] },
      ],
      {},
    );
    const status = layoutStatusSheet(guessed.units, HEADER);
    const C = STATUS_COLUMNS;
    const unitRow = status.rowIndex.get(guessed.units.find((u) => u.unit === "Xã Ia Broăi")!.key)!;
    const warnings = guessed.units.find((u) => u.unit === "Xã Ia Broăi")!.warnings;
    expect(at(status, unitRow, C.warnings)?.value).toBe(warnings);
    const title = status.cells.find((c) => typeof c.value === "string" && c.value.startsWith("Cảnh báo về số liệu"))!;
    expect(title.row).toBeGreaterThan(Math.max(...status.rowIndex.values()));
    const listed = status.cells.filter((c) => c.row > title.row && c.col === C.message).map((c) => ({ row: c.row, message: String(c.value) }));
    expect(listed).toHaveLength(1); // blank required rows are not listed one by one
    expect(listed[0].message).toContain("12 (ước tính)");
    expect(at(status, listed[0].row, C.unit)?.value).toBe("Xã Ia Broăi");
    expect(at(status, listed[0].row, C.files)?.value).toBe(`Xã Ia Broăi.xlsx\ntrang «PL1», ô ${addressOf(PL1, "so-vb-chi-dao", "y2019")}`);
    expect(at(status, listed[0].row, C.status)?.value).toBe("Cảnh báo");
    expect(status.table.bottom).toBe(listed[0].row);
  });

  test("no warning to list, no section", () => {
    expect(layout.cells.some((c) => typeof c.value === "string" && c.value.startsWith("Cảnh báo về số liệu"))).toBe(false);
  });
});

describe("the output workbook", () => {
  test("names: prefixed, unique against the sheets that stay, within 31 characters", () => {
    // PL1 is a form of two levels (huyện, xã): its default sheet name is "Phụ lục 1".
    const sheets = rollupSheets([rollup], summary.units, HEADER, ["Phụ lục 1", "th phụ lục 1", STATUS_SHEET_NAME]);
    expect(sheets.map((s) => [s.kind, s.name])).toEqual([
      ["status", `${STATUS_SHEET_NAME} (2)`], // a user's own sheets of those names are not touched
      ["rollup", "TH Phụ lục 1 (2)"],
      ["detail", "TH CT Phụ lục 1"],
    ]);
    for (const s of sheets) expect(s.name.length).toBeLessThanOrEqual(31);
    // The rollup sheet points to its companions.
    const notes = sheets[1].layout.cells.filter((c) => c.style === "footnote").map((c) => String(c.value));
    expect(notes.join(" ")).toContain("«TH CT Phụ lục 1»");
  });

  test("written to .xlsx and read back: text stays text, numbers stay numbers, every sheet is recognised as the rollup's", async () => {
    const sheets = rollupSheets([rollup], summary.units, HEADER);
    const bytes = await writeTemplates(sheets.map((s) => ({ name: s.name, layout: s.layout })));
    const read = readWorkbook(bytes, "tong-hop.xlsx");
    if (!read.ok) throw new Error(read.reason);
    expect(read.sheets.map((g) => g.sheet)).toEqual(sheets.map((s) => s.name));
    for (const grid of read.sheets) {
      expect(isRollupSheet(grid)).toBe(true);
      expect(readMarker(grid)).toBeUndefined();
      for (const row of grid.cells) for (const cell of row ?? []) expect(cell?.formula).toBeUndefined();
    }
    const main = read.sheets[1];
    const template = layoutForm(PL1);
    const cellAt = (rowId: string, colId: string) => main.cells[template.rowIndex.get(rowId)!]?.[template.colIndex.get(colId)!];
    expect(cellAt("so-vb-chi-dao", "y2019")?.value).toBe(16);
    expect(cellAt("hinh-thuc-khac", "y2019")?.value).toBe(`@Xã Ia Tul: ${FORMULA_TEXT}\nXã Ia Pa: Pano, áp phích`);
  });
});
