/**
 * "Kiểm tra" in Excel, against the Office.js stand-in: problems are found on our templates and on
 * sheets typed by hand, marked through the hidden flags column without touching the user's
 * formatting, cleared when fixed, and the round trips do not grow with rows or sheets.
 */
import { FORMS, findForm } from "../../src/catalog";
import { a1, columnLetters, parseA1 } from "../../src/core/grid";
import { layoutForm } from "../../src/core/layout";
import { FLAGS_HEADER } from "../../src/core/marks";
import { defaultSheetName } from "../../src/core/sheet-names";
import { insertForms } from "../../src/excel/render";
import { isOwnMarkChange, selectCell, validateWorkbook } from "../../src/excel/validate";
import { createStandIn, type StandIn } from "../support/excel-standin";

const PL3 = findForm("tk2011-2020.huyen.pl3")!;

/** Evaluates our total formula IF(COUNT(refs)=0,"",SUM(refs)) on the stand-in's state. */
function calculator(getStandIn: () => StandIn) {
  return (sheet: string, _row: number, _col: number, formula: string): string | number => {
    const refs = /COUNT\(([^)]*)\)/.exec(formula)?.[1].split(",") ?? [];
    const values = refs.map((ref) => getStandIn().workbook.sheet(sheet).at(ref).value).filter((v): v is number => typeof v === "number");
    return values.length ? values.reduce((a, b) => a + b, 0) : "";
  };
}

async function workbookWith(forms = [PL3], apiMinor = 17) {
  const standIn: StandIn = createStandIn({ apiMinor, calculate: calculator(() => standIn) });
  const items = forms.map((form) => ({ name: defaultSheetName(form), layout: layoutForm(form, { unit: "UBND huyện Kbang" }) }));
  const inserted = await insertForms(standIn.context, items, standIn.features);
  return { standIn, items, inserted };
}

async function type(standIn: StandIn, sheet: string, address: string, value: string | number) {
  standIn.context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value]];
  await standIn.context.sync();
}

function cellOf(rowId: string, colId = "y2015") {
  const layout = layoutForm(PL3);
  return a1(layout.rowIndex.get(rowId)!, layout.colIndex.get(colId)!);
}

function flagOf(standIn: StandIn, sheet: string, address: string): string {
  const layout = layoutForm(PL3);
  const { row } = parseA1(address)!;
  return String(standIn.workbook.sheet(sheet).cell(row, layout.flagsCol).value ?? "");
}

describe("one click on a template", () => {
  it("names the problem cell in Vietnamese and marks it; fixing it clears the mark", async () => {
    const { standIn, inserted } = await workbookWith();
    const sheet = inserted.sheets[0].name;
    const part = cellOf("tthc-cap-huyen");
    await type(standIn, sheet, part, "abc");

    const first = await validateWorkbook(standIn.context, FORMS);
    expect(first.sheets).toEqual([expect.objectContaining({ sheet, formId: PL3.id, unit: "UBND huyện Kbang" })]);
    const problem = first.issues.find((i) => i.cell === part && i.severity === "error");
    expect(problem).toMatchObject({ sheet, code: "not_a_number", value: "abc" });
    expect(problem!.message).toContain(`${sheet}!${part}`);
    const col = parseA1(part)!.col + 1;
    expect(flagOf(standIn, sheet, part)).toContain(`|E${col}|`);

    await type(standIn, sheet, part, 12);
    const second = await validateWorkbook(standIn.context, FORMS);
    expect(second.issues.filter((i) => i.cell === part)).toEqual([]);
    expect(flagOf(standIn, sheet, part)).not.toContain(`${col}|`);
  });

  it("keeps the user's own formatting of a flagged cell", async () => {
    const { standIn, inserted } = await workbookWith();
    const sheet = inserted.sheets[0].name;
    const part = cellOf("tthc-cap-huyen");
    const before = { ...standIn.workbook.sheet(sheet).at(part), font: { ...standIn.workbook.sheet(sheet).at(part).font } };
    await type(standIn, sheet, part, -4);
    await validateWorkbook(standIn.context, FORMS);
    const after = standIn.workbook.sheet(sheet).at(part);
    expect({ fill: after.fill, font: after.font, numberFormat: after.numberFormat }).toEqual({ fill: before.fill, font: before.font, numberFormat: before.numberFormat });
  });

  it("takes a constant number of round trips whatever the number of sheets and rows", async () => {
    const small = await workbookWith([PL3]);
    let start = small.standIn.context.syncCount;
    await validateWorkbook(small.standIn.context, FORMS);
    const oneSheet = small.standIn.context.syncCount - start;

    const large = await workbookWith(FORMS.filter((f) => f.family === "bao-cao-dinh-ky" || f.family === "tk2011-2020.huyen"));
    start = large.standIn.context.syncCount;
    await validateWorkbook(large.standIn.context, FORMS);
    expect(large.standIn.context.syncCount - start).toBe(oneSheet);
    expect(oneSheet).toBeLessThanOrEqual(4); // the sheet list, their sizes, their cells, the marks

    start = large.standIn.context.syncCount;
    await validateWorkbook(large.standIn.context, FORMS, [large.inserted.sheets[0].name]);
    expect(large.standIn.context.syncCount - start).toBe(3); // its size, its cells, the marks
  });
});

describe("a date typed into a count cell (1/2)", () => {
  it.each(["vi-VN", "en-US"] as const)("shows as a date in %s Excel and Kiểm tra says what happened", async (locale) => {
    const standIn: StandIn = createStandIn({ locale, calculate: calculator(() => standIn) });
    const { sheets } = await insertForms(standIn.context, [{ name: "Phụ lục 3", layout: layoutForm(PL3) }], standIn.features);
    const part = cellOf("tthc-cap-huyen");
    await standIn.workbook.type(sheets[0].name, part, "1/2");
    const cell = standIn.workbook.sheet(sheets[0].name).at(part);
    expect(typeof cell.value).toBe("number"); // a date serial, about 45 000
    expect(cell.value).toBeGreaterThan(40000);

    const result = await validateWorkbook(standIn.context, FORMS);
    const problem = result.issues.find((i) => i.cell === part)!;
    expect(problem).toMatchObject({ code: "date_typed", severity: "error", value: locale === "vi-VN" ? "01/02" : "2-Jan" });
    expect(problem.message).toMatch(/ô đang hiện ngày .* Bỏ bảo vệ Trang tính/);
    // Typed again, the cell keeps its date format (12 shows as a date too); the user does what the
    // message says: lifts the protection, sets the cell to General, types 12. No problem left.
    await standIn.workbook.type(sheets[0].name, part, "12");
    expect((await validateWorkbook(standIn.context, FORMS)).issues.find((i) => i.cell === part)?.code).toBe("date_typed");
    const user = standIn.arrange();
    const sheet = user.workbook.worksheets.getItem(sheets[0].name);
    sheet.protection.unprotect();
    sheet.getRange(part).numberFormat = [["General"]];
    await user.sync();
    await standIn.workbook.type(sheets[0].name, part, "12");
    const again = await validateWorkbook(standIn.context, FORMS);
    expect(again.issues.filter((i) => i.cell === part)).toEqual([]);
  });
});

describe("a sheet typed by hand", () => {
  const rows = PL3.rows;
  const handTyped = [
    ["THỐNG KÊ CÁC CHỈ TIÊU TẠI LĨNH VỰC CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
    ["Đơn vị báo cáo: UBND huyện Mang Yang"],
    [],
    ["STT", "Chỉ tiêu", ...PL3.columns.map((c) => c.label)],
    ...rows.map((r) => [r.stt, r.label]),
  ] as (string | number)[][];
  const totalRow = 4 + rows.findIndex((r) => r.id === "tong-tthc");
  const partRows = rows.filter((r) => r.parent === "tong-tthc").map((r) => 4 + rows.indexOf(r));

  it("is recognised, checked and marked through a new hidden flags column", async () => {
    const cells = handTyped.map((r) => [...r]);
    cells[totalRow][2] = 100;
    partRows.forEach((r, i) => (cells[r][2] = 10 + i));
    const standIn = createStandIn({ sheets: [{ name: "Nhập tay", cells }] });
    const result = await validateWorkbook(standIn.context, FORMS);
    expect(result.sheets).toEqual([expect.objectContaining({ sheet: "Nhập tay", formId: PL3.id, unit: "UBND huyện Mang Yang" })]);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: "sum_mismatch", cell: a1(totalRow, 2), severity: "error" }));

    const sheet = standIn.workbook.sheet("Nhập tay");
    const flagsCol = [...Array(40).keys()].find((c) => sheet.cell(0, c).value === FLAGS_HEADER)!;
    expect(flagsCol).toBeGreaterThan(PL3.columns.length + 1);
    expect(sheet.hiddenColumns.has(flagsCol)).toBe(true);
    expect(String(sheet.cell(totalRow, flagsCol).value)).toContain("|E3|");
    // One rule per kind of mark: validation's errors and warnings, the target check's T.
    expect(sheet.conditionalFormats.filter((cf) => cf.formula?.includes(columnLetters(flagsCol)))).toHaveLength(3);
    expect(result.sheets[0].flagsColumn).toBe(columnLetters(flagsCol));

    // A second run reuses the same column and rules.
    await validateWorkbook(standIn.context, FORMS);
    expect(sheet.conditionalFormats.filter((cf) => cf.formula?.includes(columnLetters(flagsCol)))).toHaveLength(3);
  });

  it("lists a sheet that matches no form with the reason, and marks nothing", async () => {
    const standIn = createStandIn({ sheets: [{ name: "Ghi chép", cells: [["Danh sách cán bộ"], ["Nguyễn Văn A", 35]] }] });
    const result = await validateWorkbook(standIn.context, FORMS);
    expect(result.sheets).toEqual([]);
    expect(result.unrecognised).toEqual([{ sheet: "Ghi chép", reason: expect.any(String) }]);
    expect(standIn.workbook.sheet("Ghi chép").conditionalFormats).toEqual([]);
  });
});

describe("going to a problem", () => {
  it("activates the sheet and selects the cell in one round trip", async () => {
    const { standIn, inserted } = await workbookWith();
    await standIn.context.workbook.worksheets.add("Khác");
    standIn.context.workbook.worksheets.getItem("Khác").activate();
    await standIn.context.sync();
    const start = standIn.context.syncCount;
    await selectCell(standIn.context, inserted.sheets[0].name, "C12");
    expect(standIn.context.syncCount - start).toBe(1);
    expect(standIn.workbook.selection).toEqual({ sheet: inserted.sheets[0].name, address: "C12" });
  });
});

describe("live validation ignores its own marks", () => {
  it.each([
    ["Sheet1!M5", "M", true],
    ["M1:M40", "M", true],
    ["C12", "M", false],
    ["C12:M12", "M", false],
    ["M5", undefined, false],
  ])("%s with flags column %s → own change %p", (address, letters, own) => {
    expect(isOwnMarkChange(address, letters)).toBe(own);
  });
});
