/**
 * "Chỉ tiêu" in Excel (src/excel/targets.ts) against the Office.js stand-in, with the real
 * catalogue: a district's filled Phụ lục 1 whose satisfaction (goal 2 of Phụ lục 8: "trên 80%")
 * falls short is marked through the hidden flags column with the target mark "T" and its own
 * colour, without touching the cell or its formatting; fixing the value clears the mark; the
 * user's own Đạt / Không đạt is read and compared, never written; validation's marks and the
 * target marks live side by side; round trips do not grow with the sheets.
 */
import { FORMS, findForm, type Form } from "../../src/catalog";
import { a1, columnLetters, parseA1 } from "../../src/core/grid";
import { MARK_COLORS, layoutForm } from "../../src/core/layout";
import { FLAGS_HEADER } from "../../src/core/marks";
import { defaultSheetName } from "../../src/core/sheet-names";
import { insertForms } from "../../src/excel/render";
import { checkTargets } from "../../src/excel/targets";
import { selectCell, validateWorkbook } from "../../src/excel/validate";
import { createStandIn, type SheetState, type StandIn } from "../support/excel-standin";

const PL1 = findForm("tk2011-2020.huyen.pl1") as Form;
const PL8 = findForm("tk2011-2020.huyen.pl8") as Form;
const UNIT = "UBND huyện Kbang";
const GOAL2 = "nq30c.huyen.02.hai-long";

const at = (form: Form, rowId: string, colId: string) => {
  const layout = layoutForm(form);
  return a1(layout.rowIndex.get(rowId)!, layout.colIndex.get(colId)!);
};
const SATISFACTION = at(PL1, "muc-do-hai-long", "y2019");
const RATING = at(PL8, "mt02-hai-long-tthc", "danh-gia");

/** Evaluates our total formula IF(COUNT(refs)=0,"",SUM(refs)) on the stand-in's state. */
function calculator(getStandIn: () => StandIn) {
  return (sheet: string, _row: number, _col: number, formula: string): string | number => {
    const refs = /COUNT\(([^)]*)\)/.exec(formula)?.[1].split(",") ?? [];
    const values = refs.map((ref) => getStandIn().workbook.sheet(sheet).at(ref).value).filter((v): v is number => typeof v === "number");
    return values.length ? values.reduce((a, b) => a + b, 0) : "";
  };
}

async function districtWorkbook(extraForms: Form[] = []) {
  const standIn: StandIn = createStandIn({ calculate: calculator(() => standIn) });
  const forms = [PL1, PL8, ...extraForms];
  const inserted = await insertForms(
    standIn.context,
    forms.map((form) => ({ name: defaultSheetName(form), layout: layoutForm(form, { unit: UNIT }) })),
    standIn.features,
  );
  const [pl1, pl8] = inserted.sheets.map((s) => s.name);
  return { standIn, pl1, pl8 };
}

async function type(standIn: StandIn, sheet: string, address: string, value: string | number) {
  standIn.context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
  await standIn.context.sync();
}

/** The flag text of the cell's row, and whether it lists the cell's column with `kind`. */
function flagged(sheet: SheetState, address: string, kind: "E" | "W" | "T"): boolean {
  const flagsCol = [...Array(60).keys()].find((c) => sheet.cell(0, c).value === FLAGS_HEADER);
  if (flagsCol === undefined) return false;
  const { row, col } = parseA1(address)!;
  return String(sheet.cell(row, flagsCol).value ?? "").includes(`|${kind}${col + 1}|`);
}

describe("a value short of its target", () => {
  it("is marked T in the flags column, with the target in the pane's list; fixing it clears the mark", async () => {
    const { standIn, pl1 } = await districtWorkbook();
    await type(standIn, pl1, SATISFACTION, 75);

    const first = await checkTargets(standIn.context, FORMS);
    expect(first.report.level).toBe("huyen");
    const goal2 = first.report.results.find((r) => r.target === GOAL2)!;
    expect(goal2).toMatchObject({ status: "not-met", value: 75, sheet: pl1, address: SATISFACTION });
    expect(first.marks).toContainEqual(expect.objectContaining({ sheet: pl1, address: SATISFACTION }));
    const mark = first.marks.find((m) => m.result.target === GOAL2)!;
    expect(mark.note).toContain("trên 80%");
    expect(mark.note).toContain(goal2.wording);
    const sheet = standIn.workbook.sheet(pl1);
    expect(flagged(sheet, SATISFACTION, "T")).toBe(true);

    // The pane's list selects the cell.
    await selectCell(standIn.context, mark.sheet, mark.address);
    expect(standIn.workbook.selection).toEqual({ sheet: pl1, address: SATISFACTION });

    await type(standIn, pl1, SATISFACTION, 85);
    const second = await checkTargets(standIn.context, FORMS);
    expect(second.report.results.find((r) => r.target === GOAL2)).toMatchObject({ status: "met", value: 85 });
    expect(second.marks.filter((m) => m.sheet === pl1 && m.address === SATISFACTION)).toEqual([]);
    expect(flagged(sheet, SATISFACTION, "T")).toBe(false);
  });

  it("is coloured by its own rule (violet), written with the template; the cell and its formatting stay", async () => {
    const { standIn, pl1 } = await districtWorkbook();
    await type(standIn, pl1, SATISFACTION, 75);
    const sheet = standIn.workbook.sheet(pl1);
    const before = JSON.stringify(sheet.at(SATISFACTION));
    await checkTargets(standIn.context, FORMS);
    expect(JSON.stringify(sheet.at(SATISFACTION))).toBe(before);

    const layout = layoutForm(PL1);
    const rules = sheet.conditionalFormats.filter((cf) => cf.formula?.includes(`$${columnLetters(layout.flagsCol)}1`));
    expect(rules).toHaveLength(3);
    const t = rules.find((cf) => cf.formula?.includes('"|T"'))!;
    expect(t).toMatchObject({ fill: `#${MARK_COLORS.target.fill}`, fontColor: `#${MARK_COLORS.target.font}` });
    expect(t.range).toMatchObject({ top: 0, left: 0 });
    expect(new Set(rules.map((r) => r.fill)).size).toBe(3);
  });

  it("and validation's marks live side by side: neither check erases the other's", async () => {
    const { standIn, pl1 } = await districtWorkbook();
    const sheet = standIn.workbook.sheet(pl1);
    const wrong = at(PL1, "so-vb-chi-dao", "y2019");
    await type(standIn, pl1, SATISFACTION, 75);
    await type(standIn, pl1, wrong, "abc");

    await validateWorkbook(standIn.context, FORMS);
    expect(flagged(sheet, wrong, "E")).toBe(true);
    await checkTargets(standIn.context, FORMS);
    expect(flagged(sheet, SATISFACTION, "T")).toBe(true);
    expect(flagged(sheet, wrong, "E")).toBe(true);
    await validateWorkbook(standIn.context, FORMS);
    expect(flagged(sheet, SATISFACTION, "T")).toBe(true);
    expect(flagged(sheet, wrong, "E")).toBe(true);

    await type(standIn, pl1, wrong, 4);
    await validateWorkbook(standIn.context, FORMS);
    expect(flagged(sheet, wrong, "E")).toBe(false);
    expect(flagged(sheet, SATISFACTION, "T")).toBe(true);
  });
});

describe("ratings", () => {
  it("suggests «Không đạt» with the evidence, and leaves the user's «Đạt» exactly as typed", async () => {
    const { standIn, pl1, pl8 } = await districtWorkbook();
    await type(standIn, pl1, SATISFACTION, 75);
    await type(standIn, pl8, RATING, "Đạt");
    const rating = standIn.workbook.sheet(pl8);
    const before = JSON.stringify(rating.at(RATING));
    const cellsBefore = JSON.stringify([...rating.cells]);

    const check = await checkTargets(standIn.context, FORMS);
    const suggestion = check.report.ratings.find((s) => s.row === "mt02-hai-long-tthc")!;
    expect(suggestion).toMatchObject({ suggestion: "Không đạt", current: "Đạt", disagrees: true, sheet: pl8, address: RATING });
    expect(suggestion.evidence.map((r) => r.target)).toEqual([GOAL2]);
    expect(JSON.stringify(rating.at(RATING))).toBe(before);
    expect(rating.at(RATING).value).toBe("Đạt");
    // Nothing of the rating sheet was written (it has no value short of a target).
    expect(JSON.stringify([...rating.cells])).toBe(cellsBefore);
  });
});

describe("summary and round trips", () => {
  it("counts met / not met / no data / self-assessment per reform area", async () => {
    const { standIn, pl1 } = await districtWorkbook();
    await type(standIn, pl1, SATISFACTION, 75);
    const check = await checkTargets(standIn.context, FORMS);
    const total = check.byArea.reduce((n, a) => n + Object.values(a.counts).reduce((x, y) => x + y, 0), 0);
    expect(total).toBe(check.report.results.length);
    const tthc = check.byArea.find((a) => a.area === "Cải cách TTHC")!;
    expect(tthc.counts["not-met"]).toBeGreaterThanOrEqual(1);
    expect(check.byArea.some((a) => a.counts["self-assessment"] > 0)).toBe(true);
  });

  it("takes four round trips whatever the number of sheets (list, sizes, cells, marks)", async () => {
    const small = await districtWorkbook();
    await type(small.standIn, small.pl1, SATISFACTION, 75);
    let start = small.standIn.context.syncCount;
    await checkTargets(small.standIn.context, FORMS);
    const few = small.standIn.context.syncCount - start;

    const more = FORMS.filter((f) => f.family === "tk2011-2020.huyen" && f.id !== PL1.id && f.id !== PL8.id);
    const large = await districtWorkbook(more);
    await type(large.standIn, large.pl1, SATISFACTION, 75);
    start = large.standIn.context.syncCount;
    await checkTargets(large.standIn.context, FORMS);
    expect(large.standIn.context.syncCount - start).toBe(few);
    expect(few).toBe(4);
  });

  it("when the level cannot be told, reports it and writes nothing (the pane asks, then passes `level`)", async () => {
    const standIn = createStandIn();
    await insertForms(standIn.context, [{ name: "PL1", layout: layoutForm(PL1) }], standIn.features);
    await type(standIn, "PL1", SATISFACTION, 75);
    const before = JSON.stringify([...standIn.workbook.sheet("PL1").cells]);
    const unknown = await checkTargets(standIn.context, FORMS);
    expect(unknown.report.level).toBeUndefined();
    expect(unknown.marks).toEqual([]);
    expect(JSON.stringify([...standIn.workbook.sheet("PL1").cells])).toBe(before);

    const told = await checkTargets(standIn.context, FORMS, { level: "huyen" });
    expect(told.marks.map((m) => [m.sheet, m.address])).toContainEqual(["PL1", SATISFACTION]);
    expect(flagged(standIn.workbook.sheet("PL1"), SATISFACTION, "T")).toBe(true);
  });
});

describe("a sheet typed by hand", () => {
  it("gets a hidden flags column with the three mark rules the first time a target is not met", async () => {
    const rows: (string | number)[][] = [
      ["THỐNG KÊ CÁC CHỈ TIÊU"],
      [PL1.title],
      [`Đơn vị báo cáo: ${UNIT}`],
      ["STT", "Nội dung", ...PL1.columns.map((c) => c.label)],
      ...PL1.rows.map((r) => [r.stt, r.label]),
    ];
    const r = 4 + PL1.rows.findIndex((row) => row.id === "muc-do-hai-long");
    const c = 2 + PL1.columns.findIndex((col) => col.id === "y2019");
    rows[r][c] = 70;
    const standIn = createStandIn({ sheets: [{ name: "Nhập tay", cells: rows }] });
    const check = await checkTargets(standIn.context, FORMS);
    expect(check.marks.map((m) => [m.sheet, m.address])).toContainEqual(["Nhập tay", a1(r, c)]);
    const sheet = standIn.workbook.sheet("Nhập tay");
    expect(flagged(sheet, a1(r, c), "T")).toBe(true);
    const flagsCol = [...Array(60).keys()].find((col) => sheet.cell(0, col).value === FLAGS_HEADER)!;
    expect(sheet.hiddenColumns.has(flagsCol)).toBe(true);
    expect(sheet.conditionalFormats.filter((cf) => cf.formula?.includes(columnLetters(flagsCol)))).toHaveLength(3);
    expect(sheet.cell(r, c).value).toBe(70);
  });
});
