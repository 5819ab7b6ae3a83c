/**
 * The pane's two backends without a browser: ExcelBackend against the Office.js stand-in
 * (round trips, never overwriting, selecting a cell, Kiểm tra through Office.js, Vietnamese
 * errors that say what to do) and StandaloneBackend's workspace (insert, type, check, select,
 * download, open).
 */
import ExcelJS from "exceljs";
import { FORMS, findForm } from "../../src/catalog";
import { a1, parseA1 } from "../../src/core/grid";
import { layoutForm } from "../../src/core/layout";
import { defaultSheetName } from "../../src/core/sheet-names";
import { readWorkbook } from "../../src/xlsx/read";
import { PaneError, type CheckReport, type TargetsOutcome } from "../../src/taskpane/backend";
import { groupForms, searchForms } from "../../src/taskpane/catalog-view";
import { ExcelBackend } from "../../src/taskpane/excel-backend";
import { downloadName, StandaloneBackend } from "../../src/taskpane/standalone-backend";
import { EditRefused, evaluateTotal, gridFromLayout } from "../../src/taskpane/workspace";
import { createStandIn, parseAddress, type StandInOptions, type WorkbookState } from "../support/excel-standin";

const PL3 = "tk2011-2020.huyen.pl3";
const NAME = defaultSheetName(findForm(PL3)!); // "Phụ lục 3"

function excel(options: StandInOptions & { meetsFloor?: boolean; liveDelayMs?: number } = {}) {
  const ref: { host?: WorkbookState } = {};
  const standIn = createStandIn({
    ...options,
    // The only formulas our templates write: IF(COUNT(…)=0,"",SUM(…)).
    calculate: (sheet, _row, _col, formula) => {
      const refs = /SUM\(([^)]*)\)/.exec(formula)?.[1].split(",") ?? [];
      const values = refs.map((r) => ref.host!.sheet(sheet).at(r).value).filter((v): v is number => typeof v === "number");
      return values.length ? values.reduce((a, b) => a + b, 0) : "";
    },
  });
  ref.host = standIn.workbook;
  const backend = new ExcelBackend({
    run: (batch) => batch(standIn.context),
    features: standIn.features,
    meetsFloor: options.meetsFloor ?? true,
    ...(options.liveDelayMs !== undefined ? { liveDelayMs: options.liveDelayMs } : {}),
  });
  return { ...standIn, backend };
}

/** The cell of a form's row in its first value column (A1, as the template lays it out). */
function cellOf(formId: string, rowId: string, columnId?: string): string {
  const form = findForm(formId)!;
  const layout = layoutForm(form);
  const column = columnId ?? form.columns.find((c) => c.role === "value")!.id;
  return a1(layout.rowIndex.get(rowId)!, layout.colIndex.get(column)!);
}

/** A count of PL3 that the rollup sums across units (not a shared catalogue, not a total). */
function summedRow(formId = PL3) {
  const form = findForm(formId)!;
  return form.rows.find((r) => r.kind === "count" && !r.relation && (!r.rollup || r.rollup.type === "sum"))!;
}

/** A unit's filled PL3 as the .xlsx the standalone mode downloads. */
async function unitFile(unit: string, values: Record<string, number | string>): Promise<{ name: string; bytes: Uint8Array }> {
  const b = new StandaloneBackend();
  await b.insertForms({ formIds: [PL3], unit, period: "Năm 2020" });
  for (const [cell, value] of Object.entries(values)) b.workspace.setCell(NAME, cell, String(value));
  return { name: `${unit}.xlsx`, bytes: (await b.download!()).bytes };
}

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A form with a total row (sum of parts) and the cells of its first value column. */
function totalCells(formId: string) {
  const form = findForm(formId)!;
  const layout = layoutForm(form);
  const total = form.rows.find((r) => r.relation?.type === "sum")!;
  const column = form.columns.find((c) => c.role === "value")!;
  const col = layout.colIndex.get(column.id)!;
  const at = (rowId: string) => a1(layout.rowIndex.get(rowId)!, col);
  return { total: at(total.id), parts: total.relation!.of.map(at) };
}

describe("catalogue list", () => {
  test("'phu luc 3' finds the three Phụ lục 3 forms, diacritics and case ignored", () => {
    const found = searchForms(FORMS, "phu luc 3").map((f) => f.id);
    expect(found).toEqual(["tk2011-2020.huyen.pl3", "tk2011-2020.tinh.pl3", "tk2011-2020.xa.pl3"]);
    expect(searchForms(FORMS, "PHỤ LỤC 3").map((f) => f.id)).toEqual(found);
  });

  test("several words each start a word of the form ('thu tuc huyen'); nothing matches nonsense", () => {
    expect(searchForms(FORMS, "thu tuc huyen").map((f) => f.id)).toContain(PL3);
    expect(searchForms(FORMS, "qwerty")).toEqual([]);
  });

  test("forms are grouped by document, then by level (one family each), in catalogue order", () => {
    const groups = groupForms(FORMS);
    expect(groups.map((g) => g.title)).toContain("Tổng kết CCHC 2011-2020");
    const review = groups.find((g) => g.title === "Tổng kết CCHC 2011-2020")!;
    expect(review.families.map((f) => f.levelLabel)).toEqual(["Cấp huyện", "Cấp tỉnh", "Cấp xã"]);
    expect(review.families[0].forms).toHaveLength(8);
    expect(groups.flatMap((g) => g.families.flatMap((f) => f.forms))).toHaveLength(FORMS.length);
    const communes = groupForms(FORMS, "", "xa").flatMap((g) => g.families.flatMap((f) => f.forms));
    expect(communes.every((f) => f.levels.includes("xa"))).toBe(true);
  });
});

describe("ExcelBackend (Office.js stand-in)", () => {
  test("inserts a whole family in two syncs, next to existing sheets, without overwriting", async () => {
    const { backend, workbook, context } = excel({ sheets: [{ name: NAME, cells: [["giữ nguyên"]] }] });
    const family = FORMS.filter((f) => f.family === "tk2011-2020.huyen").map((f) => f.id);
    const result = await backend.insertForms({ formIds: family, unit: "UBND huyện A", period: "Năm 2020" });
    expect(context.syncCount).toBe(2);
    expect(result.sheets).toHaveLength(8);
    expect(result.sheets.find((s) => s.formId === PL3)!.name).toBe(`${NAME} (2)`);
    expect(workbook.sheet(NAME).at("A1").value).toBe("giữ nguyên");
    expect(result.degraded).toEqual([]);
  });

  test("on Excel 2019 (ExcelApi 1.7) it inserts and says in Vietnamese what degraded", async () => {
    const { backend } = excel({ apiMinor: 7 });
    const result = await backend.insertForms({ formIds: [PL3] });
    expect(result.sheets).toHaveLength(1);
    expect(result.degraded.join(" ")).toMatch(/ExcelApi 1\.8/);
  });

  test("an Excel older than the floor gets a message that says what to do, and nothing is written", async () => {
    const { backend, workbook } = excel({ meetsFloor: false });
    expect(backend.capabilities().insert.ready).toBe(false);
    const error = await backend.insertForms({ formIds: [PL3] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaneError);
    expect((error as PaneError).next).toMatch(/Excel 2019.*trình duyệt/);
    expect(workbook.sheetNames()).toEqual(["Sheet1"]);
  });

  test("a host error becomes a Vietnamese PaneError with the code kept as detail", async () => {
    const backend = new ExcelBackend({
      run: () => Promise.reject(Object.assign(new Error("You cannot perform the requested operation."), { code: "AccessDenied" })),
      features: createStandIn().features,
      meetsFloor: true,
    });
    const error = (await backend.insertForms({ formIds: [PL3] }).catch((e: unknown) => e)) as PaneError;
    expect(error).toBeInstanceOf(PaneError);
    expect(error.title).toMatch(/bảo vệ/);
    expect(error.next).toMatch(/Bỏ bảo vệ/);
    expect(error.detail).toMatch(/AccessDenied/);
  });

  test("unknown form ids and an empty selection are refused before Excel is touched", async () => {
    const { backend, context } = excel();
    await expect(backend.insertForms({ formIds: ["khong-co"] })).rejects.toThrow(/Không có phụ lục mã/);
    await expect(backend.insertForms({ formIds: [] })).rejects.toThrow(/Chưa chọn phụ lục/);
    expect(context.syncCount).toBe(0);
  });

  test("Kiểm tra reads the workbook through Office.js and finds a total that does not add up", async () => {
    const { backend, workbook, context } = excel();
    const { sheets } = await backend.insertForms({ formIds: [PL3] });
    const sheet = workbook.sheet(sheets[0].name);
    const { total, parts } = totalCells(PL3);
    // The user lifted protection and typed over the total.
    const put = (address: string, value: number) => Object.assign(sheet.edit(parseAddress(address)!.top, parseAddress(address)!.left), { value, formula: null });
    parts.forEach((p, i) => put(p, 10 + i));
    put(total, 1);
    const before = context.syncCount;
    const report = await backend.check();
    // src/excel/validate: sheet list, the sheets' sizes, their cells, one write of the marks; then
    // one to start watching the recognised sheets (src/excel/live).
    expect(context.syncCount - before).toBeLessThanOrEqual(5);
    const checked = report.sheets.find((s) => s.sheet === sheets[0].name)!;
    expect(checked.status).toBe("recognised");
    expect(checked.formId).toBe(PL3);
    expect(checked.issues.find((i) => i.code === "sum_mismatch")?.cell).toBe(total);
    expect(report.errors).toBeGreaterThan(0);
    // The empty Sheet1 is not listed.
    expect(report.sheets.map((s) => s.sheet)).toEqual([sheets[0].name]);
  });

  test("Tổng hợp: the unit sheets chosen (a unit corrected) and a file; a rebuild replaces the previous rollup's sheets, no «(2)»", async () => {
    const { backend, workbook } = excel();
    await backend.insertForms({ formIds: [PL3], unit: "UBND huyện An Lão", period: "Năm 2020" });
    await backend.insertForms({ formIds: [PL3], period: "Năm 2020" }); // a unit sheet that names no unit
    const cell = cellOf(PL3, summedRow().id);
    await workbook.type(NAME, cell, 4);
    await workbook.type(`${NAME} (2)`, cell, 6);
    workbook.newSheet("Ghi chú").edit(0, 0).value = "không phải phụ lục";

    const listed = await backend.sourceSheets();
    expect(listed.sheets).toEqual([
      { sheet: NAME, forms: ["Phụ lục 3 · cấp huyện"], unit: "UBND huyện An Lão" },
      { sheet: `${NAME} (2)`, forms: ["Phụ lục 3 · cấp huyện"] },
    ]);
    expect(listed.skipped.map((s) => s.sheet)).toEqual(["Ghi chú"]);

    const request = {
      files: [await unitFile("UBND huyện Hoài Ân", { [cell]: 5 })],
      sheets: [{ name: NAME }, { name: `${NAME} (2)`, unit: "UBND huyện Phù Cát" }],
      unit: "UBND tỉnh Bình Định",
      period: "Năm 2020",
    };
    const progress: string[] = [];
    const first = await backend.rollup(request, (p) => progress.push(`${p.done}/${p.total}${p.status ? ` ${p.status}` : ""}`));
    expect(progress).toEqual(["0/1 reading", "1/1 read", "1/1"]);
    expect(first.units.map((u) => [u.unit, u.status]).sort()).toEqual([
      ["UBND huyện An Lão", "ok"],
      ["UBND huyện Hoài Ân", "ok"],
      ["UBND huyện Phù Cát", "ok"],
    ]);
    expect(first.sheets.map((s) => s.kind)).toEqual(["status", "rollup", "detail"]);
    expect(first.replaced).toEqual([]);
    const before = workbook.sheetNames();
    expect(before).toEqual(["Sheet1", NAME, `${NAME} (2)`, "Ghi chú", ...first.sheets.map((s) => s.name)]);
    // The rollup adds the three units' values: 4 + 6 + 5.
    expect(workbook.sheet(first.sheets[1].name).at(cell).value).toBe(15);
    // The rollup's own sheets are never offered as units.
    expect((await backend.sourceSheets()).sheets.map((s) => s.sheet)).toEqual([NAME, `${NAME} (2)`]);

    const second = await backend.rollup(request);
    expect(second.sheets).toEqual(first.sheets);
    expect(second.replaced).toEqual(first.sheets.map((s) => s.name));
    expect(workbook.sheetNames()).toEqual(before);
    expect(workbook.sheet(NAME).at(cell).value).toBe(4);
  });

  test("Tổng hợp: cancelled while reading files, nothing is written; no source at all says what to do", async () => {
    const { backend, workbook } = excel();
    const controller = new AbortController();
    const files = [await unitFile("UBND huyện An Lão", {}), await unitFile("UBND huyện Hoài Ân", {})];
    const run = backend.rollup({ files }, (p) => p.status === "read" && controller.abort(), controller.signal);
    await expect(run).rejects.toThrow(/Đã huỷ/);
    expect(workbook.sheetNames()).toEqual(["Sheet1"]);
    await expect(backend.rollup({ files: [] })).rejects.toThrow(/Chưa chọn tệp hay trang tính/);
    await expect(backend.rollup({ files: [], sheets: [{ name: "Đã xoá" }] })).rejects.toThrow(/Làm mới/);
  });

  test("Chỉ tiêu: asks for the level when the sheets do not tell it; marks the cells short of a target; never writes the user's rating", async () => {
    const { backend, workbook } = excel();
    const pl1 = "tk2011-2020.huyen.pl1";
    // Phụ lục 1 serves districts and communes: without a unit name the level cannot be told.
    await backend.insertForms({ formIds: [pl1], period: "Năm 2020" });
    expect(await backend.targets()).toMatchObject({ status: "need-level", message: expect.stringMatching(/chọn cấp/) });
    const satisfaction = cellOf(pl1, "muc-do-hai-long", "y2020q1");
    await workbook.type("Phụ lục 1", satisfaction, 75); // target: over 80%
    await backend.insertForms({ formIds: ["tk2011-2020.huyen.pl8"], period: "Năm 2020" });
    const rating = (await backend.targets("huyen")) as Extract<TargetsOutcome, { status: "done" }>;
    const row = rating.report.ratings.find((r) => r.evidence.some((e) => e.target === "nq30c.huyen.02.hai-long"))!;
    await workbook.type(row.sheet!, row.address!, "Đạt");

    const outcome = await backend.targets("huyen");
    if (outcome.status !== "done") throw new Error(outcome.status);
    const notMet = outcome.report.results.find((r) => r.target === "nq30c.huyen.02.hai-long")!;
    expect(notMet).toMatchObject({ status: "not-met", sheet: "Phụ lục 1", address: satisfaction });
    expect(outcome.marks).toContainEqual(expect.objectContaining({ sheet: "Phụ lục 1", address: satisfaction, target: notMet.target, note: expect.stringMatching(/^Chưa đạt chỉ tiêu/) }));
    // The mark: a "T" flag in the hidden column of that row; the value itself is untouched.
    const layout = layoutForm(findForm(pl1)!);
    const at = parseA1(satisfaction)!;
    expect(String(workbook.sheet("Phụ lục 1").cell(at.row, layout.flagsCol).value)).toContain(`|T${at.col + 1}|`);
    expect(workbook.sheet("Phụ lục 1").at(satisfaction).value).toBe(75);
    // By area: every result counted once.
    const counted = outcome.byArea.reduce((n, a) => n + Object.values(a.counts).reduce((x, y) => x + y, 0), 0);
    expect(counted).toBe(outcome.report.results.length);
    // The user's rating is shown next to the suggestion and stays as typed.
    const suggestion = outcome.report.ratings.find((r) => r.address === row.address)!;
    expect(suggestion).toMatchObject({ suggestion: "Không đạt", current: "Đạt", disagrees: true });
    expect(workbook.sheet(row.sheet!).at(row.address!).value).toBe("Đạt");
  });

  test("after Kiểm tra the checked sheets are watched: a correction typed in Excel refreshes the report", async () => {
    const { backend, workbook } = excel({ liveDelayMs: 20 });
    await backend.insertForms({ formIds: [PL3] });
    const { parts } = totalCells(PL3);
    await workbook.type(NAME, parts[0], "mười hai");
    const report = await backend.check();
    expect(report.live).toBe(true);
    const isError = (r: CheckReport) => r.sheets[0].issues.some((i) => i.cell === parts[0] && i.severity === "error");
    expect(isError(report)).toBe(true);
    const updates: CheckReport[] = [];
    const stop = backend.onCheckUpdate((u) => "report" in u && updates.push(u.report));
    await workbook.type(NAME, parts[0], "12");
    await until(() => updates.length > 0);
    expect(isError(updates[0])).toBe(false);
    expect(updates[0].live).toBe(true);
    // Typed back wrong: the error comes back, in the same sheet entry.
    await workbook.type(NAME, parts[0], "mười hai");
    await until(() => updates.length > 1);
    expect(isError(updates[1])).toBe(true);
    expect(updates[1].sheets.map((s) => s.sheet)).toEqual([NAME]);
    stop();
  });

  test("select activates the sheet and selects the cell; a sheet gone says to check again", async () => {
    const { backend, workbook } = excel({ sheets: [{ name: "Sheet1" }, { name: "Báo cáo" }] });
    await backend.select("Báo cáo", "C7");
    expect(workbook.selection).toEqual({ sheet: "Báo cáo", address: expect.stringMatching(/C7$/) });
    await expect(backend.select("Đã xoá", "A1")).rejects.toThrow(/Kiểm tra/);
  });
});

describe("StandaloneBackend", () => {
  test("inserts templates with unique names; totals compute as the user types; locked cells refuse input", async () => {
    const backend = new StandaloneBackend();
    const first = await backend.insertForms({ formIds: [PL3], unit: "UBND huyện Tuy Phước", period: "Năm 2020" });
    const second = await backend.insertForms({ formIds: [PL3] });
    expect(first.sheets[0].name).toBe(NAME);
    expect(second.sheets[0].name).toBe(`${NAME} (2)`);
    const ws = backend.workspace;
    const { total, parts } = totalCells(PL3);
    ws.setCell(NAME, parts[0], "12");
    ws.setCell(NAME, parts[1], "1.076");
    const grid = ws.sheet(NAME)!.grid;
    const at = parseA1(total)!;
    const t = grid.cells[at.row][at.col];
    expect(t?.value).toBe(12 + 1076);
    expect(() => ws.setCell(NAME, total, "5")).toThrow(EditRefused);
    expect(() => ws.setCell(NAME, "A1", "x")).toThrow(/ô nền vàng nhạt/);
  });

  test("Kiểm tra finds text typed into a count, and select() moves the preview to its cell", async () => {
    const backend = new StandaloneBackend();
    await backend.insertForms({ formIds: [PL3] });
    const { parts } = totalCells(PL3);
    backend.workspace.setCell(NAME, parts[0], "mười hai");
    const report = await backend.check();
    const issue = report.sheets[0].issues.find((i) => i.severity === "error")!;
    expect(issue).toMatchObject({ code: "not_a_number", cell: parts[0] });
    await backend.select(issue.sheet, issue.cell);
    expect(backend.workspace.getState().selection).toEqual({ sheet: NAME, cell: parts[0] });
    await expect(backend.select("Không có", "A1")).rejects.toThrow(PaneError);
  });

  test("downloads the workspace as .xlsx; opened files' sheets keep their order, values and text", async () => {
    const backend = new StandaloneBackend();
    await backend.insertForms({ formIds: [PL3], unit: "UBND huyện Tuy Phước" });
    const own = await backend.download!();
    expect(own.fileName).toBe("cchc-ubnd-huyen-tuy-phuoc.xlsx");
    const read = readWorkbook(own.bytes, own.fileName);
    if (!read.ok) throw new Error(read.reason);
    // A received file: reopen it, add a sheet with a formula-looking text, download all.
    const names = await backend.openFile!({ name: "nhan.xlsx", bytes: own.bytes });
    expect(names).toEqual([`${NAME} (2)`]);
    backend.workspace.addFile("ghi-chu.xlsx", [{ sheet: "Ghi chú", cells: [[{ value: "=HYPERLINK(\"http://x\")" }, { value: 3 }]] }]);
    const all = await backend.download!();
    const back = readWorkbook(all.bytes, "all.xlsx");
    if (!back.ok) throw new Error(back.reason);
    expect(back.sheets.map((s) => s.sheet)).toEqual([NAME, `${NAME} (2)`, "Ghi chú"]);
    const note = back.sheets[2];
    expect(note.cells[0][0]).toMatchObject({ value: "=HYPERLINK(\"http://x\")" });
    expect(note.cells[0][0]?.formula).toBeUndefined();
    const title = findForm(PL3)!.title;
    for (const s of back.sheets.slice(0, 2)) expect(s.cells.flat().some((c) => c?.value === title)).toBe(true);
    // Both copies are still recognised as PL3 (the marker survived).
    const report = await (async () => {
      const b = new StandaloneBackend();
      await b.openFile!({ name: "all.xlsx", bytes: all.bytes });
      return b.check();
    })();
    expect(report.sheets.filter((s) => s.formId === PL3)).toHaveLength(2);
  });

  test("a filled template downloads as the same sheet the add-in writes, with values and cached totals", async () => {
    const backend = new StandaloneBackend();
    await backend.insertForms({ formIds: [PL3] });
    const blank = await backend.download!();
    const { total, parts } = totalCells(PL3);
    backend.workspace.setCell(NAME, parts[0], "12");
    backend.workspace.setCell(NAME, parts[1], "3");
    const filled = await backend.download!();
    const describe = async (bytes: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      const ws = wb.getWorksheet(NAME)!;
      const model = ws.model as unknown as { merges: string[]; dataValidations: Record<string, unknown>; conditionalFormattings: unknown[]; sheetProtection?: { sheet?: boolean } };
      return {
        merges: [...model.merges].sort(),
        validations: Object.keys(model.dataValidations).length,
        conditional: model.conditionalFormattings.length,
        protectedSheet: !!model.sheetProtection?.sheet,
        frozen: ws.views[0]?.state,
        printTitles: ws.pageSetup.printTitlesRow,
        locked: ws.getCell(parts[0]).protection?.locked,
        markerHidden: ws.getColumn(layoutForm(findForm(PL3)!).markerCell.col + 1).hidden,
      };
    };
    const before = await describe(blank.bytes);
    expect(before).toMatchObject({ validations: expect.any(Number), protectedSheet: true, frozen: "frozen", locked: false, markerHidden: true });
    expect(before.validations * before.conditional * before.merges.length).toBeGreaterThan(0);
    expect(await describe(filled.bytes)).toEqual(before);
    const read = readWorkbook(filled.bytes, "x.xlsx");
    if (!read.ok) throw new Error(read.reason);
    const at = (address: string) => {
      const p = parseA1(address)!;
      return read.sheets[0].cells[p.row]?.[p.col];
    };
    expect(at(parts[0])?.value).toBe(12);
    expect(at(total)).toMatchObject({ value: 15, formula: expect.stringMatching(/SUM\(/) });
  });

  test("a file that is not a spreadsheet gets a reason and what to do", async () => {
    const backend = new StandaloneBackend();
    const error = (await backend.openFile!({ name: "thu.xlsx", bytes: new TextEncoder().encode("xin chào") }).catch((e: unknown) => e)) as PaneError;
    expect(error).toBeInstanceOf(PaneError);
    expect(error.title).toMatch(/Không mở được tệp «thu.xlsx»/);
    expect(error.next).toMatch(/\.xlsx/);
    expect(backend.workspace.getState().sheets).toEqual([]);
  });

  test("downloading an empty workspace says to insert or open first", async () => {
    await expect(new StandaloneBackend().download!()).rejects.toThrow(/Chưa có trang tính/);
    expect(downloadName(undefined)).toBe("cchc-phu-luc.xlsx");
  });

  test("Tổng hợp: two units and a broken file → status per unit, rollup sheets in the workspace, progress, cancel", async () => {
    // A count summed across units (not a shared catalogue, not a total).
    const form = findForm(PL3)!;
    const summed = form.rows.find((r) => r.kind === "count" && !r.relation && (!r.rollup || r.rollup.type === "sum"))!;
    const layout = layoutForm(form);
    const col = layout.colIndex.get(form.columns.find((c) => c.role === "value")!.id)!;
    const cell = a1(layout.rowIndex.get(summed.id)!, col);
    const filled = async (unit: string, a: number, b: number) => {
      const unitBackend = new StandaloneBackend();
      await unitBackend.insertForms({ formIds: [PL3], unit, period: "Năm 2020" });
      unitBackend.workspace.setCell(NAME, cell, String(a + b));
      return { name: `${unit}.xlsx`, bytes: (await unitBackend.download!()).bytes };
    };
    const files = [await filled("UBND huyện An Lão", 10, 5), await filled("UBND huyện Hoài Ân", 20, 1), { name: "hong.xlsx", bytes: new TextEncoder().encode("không phải bảng tính") }];
    const backend = new StandaloneBackend();
    const progress: number[] = [];
    const result = await backend.rollup({ files, unit: "UBND tỉnh Bình Định", period: "Năm 2020" }, (p) => progress.push(p.done));
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(3);
    expect(result.forms).toBe(1);
    const status = Object.fromEntries(result.units.map((u) => [u.files[0]?.file ?? u.unit, u.status]));
    expect(status["UBND huyện An Lão.xlsx"]).toBe("ok");
    expect(status["UBND huyện Hoài Ân.xlsx"]).toBe("ok");
    expect(status["hong.xlsx"]).toBe("unreadable");
    // The result line counts the units consolidated and the one that sent nothing usable.
    expect(result).toMatchObject({
      summary: "Đã tổng hợp 1 phụ lục từ 2 đơn vị. 1 đơn vị gửi tệp không dùng được (không đọc được hoặc không có phụ lục nào nhận dạng được).",
      complete: false,
    });
    expect(result.sheets.map((s) => s.kind)).toEqual(["status", "rollup", "detail"]);
    expect(backend.workspace.sheetNames).toEqual(result.sheets.map((s) => s.name));
    // The rollup sheet holds the sum of the two units' values (15 + 21) on that row.
    const rollupSheet = backend.workspace.sheet(result.sheets[1].name)!;
    const row = rollupSheet.grid.cells.find((r) => r?.some((c) => c?.value === summed.label));
    expect(row?.some((c) => c?.value === 36)).toBe(true);
    // Cancelled before the first file: nothing added.
    const controller = new AbortController();
    controller.abort();
    const other = new StandaloneBackend();
    await expect(other.rollup({ files }, undefined, controller.signal)).rejects.toThrow(/Đã huỷ/);
    expect(other.workspace.sheetNames).toEqual([]);
    // No file at all, or nothing readable: a message that says what to do.
    await expect(other.rollup({ files: [] })).rejects.toThrow(/Chưa chọn tệp/);
    await expect(other.rollup({ files: [files[2]] })).rejects.toThrow(/Không đọc được tệp nào/);
  });

  test("Tổng hợp again replaces the previous rollup's sheets (same names, no copies); workspace sheets can be units too", async () => {
    const backend = new StandaloneBackend();
    await backend.insertForms({ formIds: [PL3], unit: "UBND huyện Tuy Phước", period: "Năm 2020" });
    const cell = cellOf(PL3, summedRow().id);
    backend.workspace.setCell(NAME, cell, "7");
    const files = [await unitFile("UBND huyện An Lão", { [cell]: 3 })];
    const first = await backend.rollup({ files, unit: "UBND tỉnh Bình Định" });
    const names = backend.workspace.sheetNames;
    expect(names).toEqual([NAME, ...first.sheets.map((s) => s.name)]);
    expect((await backend.sourceSheets()).sheets).toEqual([{ sheet: NAME, forms: ["Phụ lục 3 · cấp huyện"], unit: "UBND huyện Tuy Phước" }]);

    const second = await backend.rollup({ files, sheets: [{ name: NAME }], unit: "UBND tỉnh Bình Định" });
    expect(second.replaced).toEqual(first.sheets.map((s) => s.name));
    expect(backend.workspace.sheetNames).toEqual(names);
    expect(second.units.map((u) => u.unit).sort()).toEqual(["UBND huyện An Lão", "UBND huyện Tuy Phước"]);
    const rollupSheet = backend.workspace.sheet(second.sheets[1].name)!;
    const at = parseA1(cell)!;
    expect(rollupSheet.grid.cells[at.row]?.[at.col]?.value).toBe(10);
  });

  test("Chỉ tiêu: nothing to evaluate says so; a filled district form is evaluated, never 'met' without a value", async () => {
    const backend = new StandaloneBackend();
    expect(await backend.targets()).toMatchObject({ status: "no-forms" });
    await backend.insertForms({ formIds: [PL3], unit: "UBND huyện An Lão", period: "Năm 2020" });
    const { parts } = totalCells(PL3);
    backend.workspace.setCell(NAME, parts[0], "10");
    let outcome = await backend.targets();
    if (outcome.status === "need-level") outcome = await backend.targets("huyen");
    expect(outcome.status).toBe("done");
    if (outcome.status !== "done") return;
    expect(outcome.report.level).toBe("huyen");
    expect(outcome.report.results.length).toBeGreaterThan(0);
    for (const r of outcome.report.results) if (r.status === "met") expect(r.value).not.toBeNull();
  });

  test("Chỉ tiêu on a commune's periodic report: checked at commune level without asking, on its own figures; its template refuses the district rows", async () => {
    const backend = new StandaloneBackend();
    const id = "bao-cao-dinh-ky.thong-ke";
    const [inserted] = (await backend.insertForms({ formIds: [id], unit: "UBND xã Ia Pa", period: "Quý III năm 2025" })).sheets;
    const at = (row: string) => cellOf(id, row);
    const typed: Record<string, string> = { "tl-dung-hen-xa": "98,5", "tl-hs-md4": "85", "nv-de-ra": "10", "nv-hoan-thanh": "10" };
    for (const [row, value] of Object.entries(typed)) backend.workspace.setCell(inserted.name, at(row), value);
    // the district's row reads «Không áp dụng cho cấp xã» and takes no input
    expect(() => backend.workspace.setCell(inserted.name, at("tl-dung-hen-huyen"), "97")).toThrow(EditRefused);
    expect(() => backend.workspace.setCell(inserted.name, at("tl-dung-hen-huyen"), "97")).toThrow(/không áp dụng cho cấp xã — đơn vị không báo cáo dòng này/);
    const outcome = await backend.targets();
    expect(outcome.status).toBe("done");
    if (outcome.status !== "done") return;
    expect(outcome.report.level).toBe("xa");
    const r = (target: string) => outcome.report.results.find((x) => x.target === target)!;
    expect(r("par.dung-han-xa")).toMatchObject({ status: "not-met", value: 98.5, address: at("tl-dung-hen-xa") }); // "Trên 99%"
    expect(r("par.ho-so-toan-trinh-80")).toMatchObject({ status: "met", value: 85 }); // "Trên 80%"
    expect(r("par.hoan-thanh-ke-hoach")).toMatchObject({ status: "met", value: 100 });
    expect(r("par.so-hoa-xa")).toMatchObject({ status: "self-assessment" });
    expect(r("par.so-hoa-xa").message).toContain("Hệ thống thông tin giải quyết TTHC");
    expect(outcome.report.results.some((x) => x.target === "par.dung-han-huyen")).toBe(false);
    for (const x of outcome.report.results) if (x.status === "met") expect(x.value).not.toBeNull();
  });

  test("the template grid computes the layout's own total formula, blank while no part is reported", () => {
    const layout = layoutForm(findForm(PL3)!);
    const grid = gridFromLayout("x", layout);
    const formula = layout.cells.find((c) => c.formula)!.formula!;
    expect(evaluateTotal(grid, formula)).toBe("");
    expect(evaluateTotal(grid, "SUM(A1)")).toBeUndefined();
  });
});

describe("Example workbook («Tải bộ tệp ví dụ»)", () => {
  test("three communes' Phụ lục 3, recognised; Kiểm tra finds exactly the deliberate «abc»; Tổng hợp rolls the three up", async () => {
    const { EXAMPLE_FILE, EXAMPLE_FORM, EXAMPLE_UNITS, exampleMistake, exampleWorkbook } = await import("../../src/taskpane/example");
    const bytes = await exampleWorkbook();
    const read = readWorkbook(bytes, EXAMPLE_FILE);
    if (!read.ok) throw new Error(read.reason);
    expect(read.sheets.map((s) => s.sheet)).toEqual(EXAMPLE_UNITS.map((u) => u.sheet));

    const backend = new StandaloneBackend();
    expect(await backend.openFile!({ name: EXAMPLE_FILE, bytes })).toEqual(EXAMPLE_UNITS.map((u) => u.sheet));
    const report = await backend.check();
    expect(report.sheets.map((s) => [s.status, s.formId, s.unit])).toEqual(EXAMPLE_UNITS.map((u) => ["recognised", EXAMPLE_FORM, u.unit]));
    const mistake = exampleMistake();
    const issues = report.sheets.flatMap((s) => s.issues);
    expect([report.errors, report.warnings]).toEqual([1, 0]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: "error", sheet: mistake.sheet, cell: mistake.cell });

    const sources = await backend.sourceSheets();
    expect(sources.sheets.map((s) => s.unit)).toEqual(EXAMPLE_UNITS.map((u) => u.unit));
    const result = await backend.rollup({ files: [], sheets: sources.sheets.map((s) => ({ name: s.sheet })), unit: "UBND huyện Phù Cát", period: "Năm 2020" });
    expect(result.forms).toBe(1);
    expect(result.units.map((u) => u.unit).sort()).toEqual(EXAMPLE_UNITS.map((u) => u.unit).sort());
    expect(result.sheets.map((s) => s.kind)).toEqual(["status", "rollup", "detail"]);
    const targets = await backend.targets();
    expect(["done", "need-level"]).toContain(targets.status);
  });
});
