/**
 * A unit's retyped sheet in the open workbook, with "Số liệu" merged over two sub-columns, read by
 * Tổng hợp in Excel (src/excel/read.ts with merged areas, ExcelApi 1.13) as a file with the same
 * sheet is read (test/interop/retyped.test.ts): "Kỳ trước | Kỳ này" reads Kỳ này; two unlabeled
 * sub-columns make the pane ask which column holds this period's figures, with the same status the
 * CLI and the standalone page give the file. On ExcelApi 1.12 (no merged areas) the first column
 * is read with a warning, as before, and the pane says why.
 */
import { FORMS } from "../../src/catalog";
import { columnLetters } from "../../src/core/grid";
import { consolidate } from "../../src/core/consolidate";
import { sourcesFromSheets } from "../../src/core/workbook";
import { parseAreas, MERGES_UNREAD_NOTE, MERGES_UNSUPPORTED_NOTE } from "../../src/excel/read";
import { readWorkbookSheets } from "../../src/excel/rollup";
import { ExcelBackend } from "../../src/taskpane/excel-backend";
import { StandaloneBackend } from "../../src/taskpane/standalone-backend";
import { createStandIn, type StandIn } from "../support/excel-standin";
import { PERIODIC, retypedPeriodic, retypedXlsx, toGrid, TITLE_Q3, type RetypedSheet } from "../support/retyped";

const SHEET = "Xã Ia Tul";

/** A workbook holding `sheet` as typed in Excel, its merges made by Range.merge. */
async function workbookWith(sheet: RetypedSheet, apiMinor = 17, name = SHEET): Promise<StandIn> {
  const standIn = createStandIn({ apiMinor, sheets: [{ name, cells: sheet.rows.map((row) => row.map((v) => v ?? "")) }] });
  const arrange = standIn.arrange();
  const ws = arrange.workbook.worksheets.getItem(name);
  for (const m of sheet.merges) ws.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge();
  await arrange.sync();
  return standIn;
}

function backendOn(standIn: StandIn): ExcelBackend {
  return new ExcelBackend({ run: (batch) => standIn.run(batch), features: standIn.features, meetsFloor: true });
}

/** Where each value of the periodic form is read from: the column letters used. */
function columnsRead(grids: Parameters<typeof sourcesFromSheets>[0]): string[] {
  const [source] = sourcesFromSheets(grids, FORMS);
  const form = source.forms.find((f) => f.form.id === PERIODIC.id)!;
  const letters = new Set<string>();
  for (const row of form.cells.values()) {
    const cell = row.get("so-lieu");
    if (cell && cell.raw !== null) letters.add(cell.address.replace(/\d+$/, ""));
  }
  return [...letters];
}

const kyTruocKyNay = () => retypedPeriodic({ header: "ky-truoc-ky-nay", unit: 0, top: ["UBND XÃ IA TUL", TITLE_Q3] });
const unlabeled = () => retypedPeriodic({ header: "two-unlabeled", unit: 4, top: ["UBND XÃ IA TUL", TITLE_Q3] });

describe("merged areas of a sheet in Excel (ExcelApi 1.13)", () => {
  it("reads «Kỳ này» under a merged «Số liệu», as from the file", async () => {
    const sheet = kyTruocKyNay();
    const standIn = await workbookWith(sheet);
    const grids = await standIn.run((context) => readWorkbookSheets(context, [SHEET], { merges: true }));
    expect(grids[0].merges).toEqual(expect.arrayContaining(sheet.merges));
    expect(grids[0].merges).toHaveLength(sheet.merges.length);
    expect(columnsRead(grids)).toEqual([columnLetters(sheet.currentCol)]);
    expect(columnsRead([toGrid(sheet, SHEET)])).toEqual([columnLetters(sheet.currentCol)]);
  });

  it("Tổng hợp asks which column for two unlabeled sub-columns — the status a file of the same sheet gets", async () => {
    const sheet = unlabeled();
    const standIn = await workbookWith(sheet);
    const outcome = await backendOn(standIn).rollup({ files: [], sheets: [{ name: SHEET }] });
    // The CLI's consolidation of the sheet as read from a file, and the standalone page given the .xlsx.
    const fromFile = consolidate(sourcesFromSheets([toGrid(sheet, SHEET)], FORMS), {});
    const standalone = await new StandaloneBackend().rollup({ files: [{ name: "ia-tul.xlsx", bytes: await retypedXlsx(sheet, SHEET) }] });
    expect(fromFile.units.units.map((u) => u.status)).toEqual(["undecided"]);
    expect(standalone.units.map((u) => u.status)).toEqual(["undecided"]);
    expect(outcome.units.map((u) => [u.status, u.statusLabel])).toEqual(standalone.units.map((u) => [u.status, u.statusLabel]));
    expect(outcome.questions).toHaveLength(1);
    expect(outcome.questions[0].candidates.map((c) => [c.letter, c.samples])).toEqual(standalone.questions[0].candidates.map((c) => [c.letter, c.samples]));
    expect(outcome.questions[0].candidates.map((c) => c.letter)).toEqual(["D", "E"]);
    expect(outcome.degraded).toEqual([]);
  });

  it("the answer is applied: the chosen column is read and the unit rolls up", async () => {
    const sheet = unlabeled();
    const standIn = await workbookWith(sheet);
    const backend = backendOn(standIn);
    const asked = await backend.rollup({ files: [], sheets: [{ name: SHEET }] });
    const q = asked.questions[0];
    const answered = await backend.rollup({ files: [], sheets: [{ name: SHEET }], columnChoices: { [q.key]: sheet.currentCol } });
    expect(answered.questions).toEqual([]);
    expect(answered.units.map((u) => u.status)).not.toContain("undecided");
  });
});

describe("an Excel without merged areas (ExcelApi 1.12)", () => {
  it("reads the first sub-column with a warning, as before, and the pane says why", async () => {
    const sheet = unlabeled();
    const standIn = await workbookWith(sheet, 12);
    expect(standIn.features.mergedAreas).toBe(false);
    const outcome = await backendOn(standIn).rollup({ files: [], sheets: [{ name: SHEET }] });
    expect(outcome.questions).toEqual([]);
    expect(outcome.units[0].status).not.toBe("undecided");
    expect(outcome.degraded).toContain(MERGES_UNSUPPORTED_NOTE);
    const grids = await standIn.run((context) => readWorkbookSheets(context, [SHEET]));
    expect(columnsRead(grids)).toEqual(["D"]);
    const [source] = sourcesFromSheets(grids, FORMS);
    expect(source.issues.filter((i) => i.code === "column_ignored").map((i) => i.cell?.replace(/\d+$/, ""))).toContain("E");
  });

  it("says nothing of merged cells when every figure column was read", async () => {
    const standIn = await workbookWith(retypedPeriodic({ header: "plain", unit: 2, top: ["UBND XÃ IA PA", TITLE_Q3] }), 12);
    const outcome = await backendOn(standIn).rollup({ files: [], sheets: [{ name: SHEET }] });
    expect(outcome.units.map((u) => u.status)).toEqual(["ok"]);
    expect(outcome.degraded).not.toContain(MERGES_UNSUPPORTED_NOTE);
  });
});

describe("what Excel returns", () => {
  it("a sheet with more merged areas than Excel returns is read without them, and the pane says so", async () => {
    const sheet = unlabeled();
    const standIn = await workbookWith(sheet);
    // 600 two-cell merges below the table, two a row (a band holds up to 512 rows).
    const arrange = standIn.arrange();
    const ws = arrange.workbook.worksheets.getItem(SHEET);
    const below = sheet.rows.length + 2;
    for (let i = 0; i < 300; i++) for (const left of [0, 2]) ws.getRangeByIndexes(below + i, left, 1, 2).merge();
    ws.getRangeByIndexes(below, 0, 300, 1).values = Array.from({ length: 300 }, () => ["x"]);
    await arrange.sync();
    const notes: string[] = [];
    const grids = await standIn.run((context) => readWorkbookSheets(context, [SHEET], { merges: true, onNote: (n) => notes.push(n) }));
    expect(grids[0].cells.length).toBe(below + 300);
    expect(grids[0].merges).toBeUndefined();
    expect(notes).toEqual([MERGES_UNREAD_NOTE]);
  });

  it("the stand-in answers as Excel: areas starting in the range, a null object when none, ApiNotFound before 1.13", async () => {
    const standIn = createStandIn({ sheets: [{ name: "Biểu 1", cells: [["a", "", "b"]] }] });
    const arrange = standIn.arrange();
    const ws = arrange.workbook.worksheets.getItem("Biểu 1");
    ws.getRange("A1:B2").merge();
    ws.getRange("C1:D1").merge();
    await arrange.sync();
    const read = (address: string) =>
      standIn.run(async (context) => {
        const areas = context.workbook.worksheets.getItem("Biểu 1").getRange(address).getMergedAreasOrNullObject();
        areas.load("address,areaCount");
        await context.sync();
        return areas.isNullObject ? null : { address: areas.address, count: areas.areaCount };
      });
    expect(await read("A1:Z30")).toEqual({ address: "'Biểu 1'!A1:B2, 'Biểu 1'!C1:D1", count: 2 });
    expect(await read("B1:D5")).toEqual({ address: "'Biểu 1'!C1:D1", count: 1 });
    expect(await read("A2:Z30")).toBeNull();
    const old = createStandIn({ apiMinor: 12 });
    await expect(old.run(async (context) => context.workbook.worksheets.getItem("Sheet1").getRange("A1").getMergedAreasOrNullObject())).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("addresses of merged areas, sheet names quoted or not", () => {
    expect(parseAreas("Sheet1!D5:E5, Sheet1!A5:A6")).toEqual([
      { top: 4, left: 3, bottom: 4, right: 4 },
      { top: 4, left: 0, bottom: 5, right: 0 },
    ]);
    expect(parseAreas("'Xã Ia Tul, quý 3!'!$AA10:$AB11, 'Xã Ia Tul, quý 3!'!B2")).toEqual([
      { top: 9, left: 26, bottom: 10, right: 27 },
      { top: 1, left: 1, bottom: 1, right: 1 },
    ]);
  });
});
