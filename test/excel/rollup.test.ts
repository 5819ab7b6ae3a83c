/**
 * "Tổng hợp" in Excel (src/excel/rollup.ts) against the Office.js stand-in, with the real
 * catalogue. What a user would notice: the unit sheets they chose are read as sources; the rollup
 * is written quickly whatever the number of units (round trips do not grow); building again
 * replaces the previous rollup's sheets and nothing else; text received from a unit never turns
 * into a formula; the sheets look exactly like the .xlsx the CLI writes; reading files keeps the
 * pane responsive, reports progress and can be cancelled.
 */
import ExcelJS from "exceljs";
import { FORMS, findForm, type Form } from "../../src/catalog";
import { a1 } from "../../src/core/grid";
import { layoutForm, type LayoutCell, type SheetLayout } from "../../src/core/layout";
import { ROLLUP_SHEET_PREFIX, STATUS_SHEET_NAME, decodeRollupMarker } from "../../src/core/rollup-layout";
import type { ReceivedSource } from "../../src/core/units";
import { insertForms } from "../../src/excel/render";
import { listWorkbookSheets, readWorkbookSheets, sourcesFromSheets, writeRollup, type RollupWriteResult } from "../../src/excel/rollup";
import { withNodeReadPool } from "../../src/xlsx/node-pool";
import { readReceivedFiles, type FileProgress } from "../../src/xlsx/pool";
import { writeTemplates } from "../../src/xlsx/write";
import { createStandIn, type SheetState, type StandIn, type StandInOptions } from "../support/excel-standin";
import { fill, type FillValues } from "../support/fill";
import { visibleLines, type ExcelJsInternals, cellDifferences } from "../support/sheet-compare";

const PL1 = findForm("tk2011-2020.huyen.pl1") as Form;
const FORMULA_TEXT = '=HYPERLINK("http://x","bấm vào đây")';
const HEADER = { unit: "UBND huyện Krông Pa", period: "Năm 2019" };

/** Values of unit i: distinct numbers, a text, and one value that is not a number. */
function valuesOf(i: number): FillValues {
  return {
    "so-vb-chi-dao": { y2019: 5 + i },
    "cuoc-thi": { y2019: i % 2 },
    "hinh-thuc-khac": { y2019: i === 0 ? FORMULA_TEXT : `Pano ${i}` },
    "muc-do-hai-long": { y2019: 80 + (i % 10) },
    "so-mau-khao-sat": { y2019: 100 + i },
  };
}

/** Sources as files would give them (core FilledForms, no Excel involved). */
function fileSources(n: number): ReceivedSource[] {
  return Array.from({ length: n }, (_, i) => {
    const unit = i === 0 ? "@Xã Ia Tul" : `Xã Số ${i}`;
    return { source: `${unit}.xlsx`, outcome: "read" as const, forms: [fill(PL1, valuesOf(i), { unit, sheet: "PL1" })], issues: [] };
  });
}

const DISTRICT = FORMS.filter((f) => f.family === "tk2011-2020.huyen");
/** Request limit under which the 17 sheets of `districtSources(3)` fit one by one but not all together. */
const SMALL_LIMIT = 300_000;

/** n units, each with every district appendix (one count filled in each). */
function districtSources(n: number): ReceivedSource[] {
  return Array.from({ length: n }, (_, i) => ({
    source: `xa-${i + 1}.xlsx`,
    outcome: "read" as const,
    forms: DISTRICT.map((form) => {
      const row = form.rows.find((r) => r.kind === "count" && !r.relation);
      const column = form.columns.find((c) => c.role === "value");
      return fill(form, row && column ? { [row.id]: { [column.id]: i + 1 } } : {}, { unit: `Xã Số ${i + 1}`, sheet: form.id });
    }),
    issues: [],
  }));
}

async function rollupInto(standIn: StandIn, sources: readonly ReceivedSource[], extra: { requestBytes?: number } = {}) {
  const start = standIn.context.syncCount;
  const result = await writeRollup(standIn.context, sources, { ...HEADER, features: standIn.features, ...extra });
  return { result, syncs: standIn.context.syncCount - start };
}

/** Unit sheets inserted as our templates, filled by typing into them. */
async function workbookWithUnitSheets(n: number, options: StandInOptions = {}): Promise<{ standIn: StandIn; names: string[] }> {
  const standIn = createStandIn(options);
  const units = Array.from({ length: n }, (_, i) => `Xã Số ${i + 1}`);
  const inserted = await insertForms(
    standIn.context,
    units.map((unit) => ({ name: unit, layout: layoutForm(PL1, { unit }) })),
    standIn.features,
  );
  const layout = layoutForm(PL1);
  inserted.sheets.forEach(({ name }, i) => {
    const sheet = standIn.context.workbook.worksheets.getItem(name);
    for (const [rowId, cols] of Object.entries(valuesOf(i + 1)))
      for (const [colId, value] of Object.entries(cols))
        sheet.getRange(a1(layout.rowIndex.get(rowId)!, layout.colIndex.get(colId)!)).values = [[value as string | number]];
  });
  await standIn.context.sync();
  return { standIn, names: inserted.sheets.map((s) => s.name) };
}

/** Every cell of a sheet, for "untouched" checks. */
function snapshot(sheet: SheetState): string {
  return JSON.stringify({ cells: [...sheet.cells], merges: sheet.merges, cf: sheet.conditionalFormats, protection: sheet.protection, hidden: [...sheet.hiddenColumns] });
}

test("the catalogue is loaded (these tests run on the real forms)", () => {
  expect(FORMS.length).toBeGreaterThan(1);
  expect(PL1.rows.some((r) => r.id === "hinh-thuc-khac")).toBe(true);
});

describe("sources: the unit sheets the user chose", () => {
  test("are read in two round trips (sizes, cells) and each becomes one unit's report; a rollup sheet is left out", async () => {
    const { standIn, names } = await workbookWithUnitSheets(3);
    await rollupInto(standIn, fileSources(2)); // a previous rollup in the same workbook
    const rollupSheet = standIn.workbook.sheetNames().find((n) => n.startsWith(ROLLUP_SHEET_PREFIX) && !n.startsWith("TH CT") && n !== STATUS_SHEET_NAME)!;

    const start = standIn.context.syncCount;
    const grids = await readWorkbookSheets(standIn.context, [...names, rollupSheet]);
    expect(standIn.context.syncCount - start).toBe(2);
    const sources = sourcesFromSheets(grids, FORMS);
    expect(sources.map((s) => s.source)).toEqual(names.map((n) => `Trang tính «${n}»`));
    expect(sources.every((s) => s.outcome === "read" && s.forms[0].form.id === PL1.id)).toBe(true);
    expect(sources.map((s) => s.forms[0].unit)).toEqual(["Xã Số 1", "Xã Số 2", "Xã Số 3"]);
  });

  test("a sheet typed by hand with no unit cell is the unit named like the sheet; the pane's correction wins", async () => {
    const layout = layoutForm(PL1);
    const cells: (string | number)[][] = [["THỐNG KÊ CÁC CHỈ TIÊU"], [PL1.title], [], ["STT", "Nội dung", ...PL1.columns.map((c) => c.label)]];
    for (const row of PL1.rows) cells.push([row.stt, row.label]);
    const first = layout.rowIndex.get(PL1.rows[0].id)!;
    cells[4 + layout.rowIndex.get("so-vb-chi-dao")! - first][2 + PL1.columns.findIndex((c) => c.id === "y2019")] = 7;
    const standIn = createStandIn({ sheets: [{ name: "Ia Broăi", cells }, { name: "Ia Mrơn", cells }] });
    const grids = await readWorkbookSheets(standIn.context, ["Ia Broăi", "Ia Mrơn"]);
    const sources = sourcesFromSheets(grids, FORMS, { "Ia Mrơn": "Xã Ia Mrơn" });
    expect(sources.map((s) => [s.outcome, s.unit])).toEqual([
      ["read", "Ia Broăi"],
      ["read", "Xã Ia Mrơn"],
    ]);
  });
});

describe("round trips", () => {
  test("3 units and 60 units: the same three round trips (list, first rows, write)", async () => {
    const counts: number[] = [];
    for (const n of [3, 60]) {
      const standIn = createStandIn();
      const { result, syncs } = await rollupInto(standIn, fileSources(n));
      expect(result.consolidation.units.units).toHaveLength(n);
      expect(result.writeRequests).toBe(1);
      counts.push(syncs);
    }
    expect(counts).toEqual([3, 3]);
  });

  test("from the unit sheets of the workbook too: 60 sheets read in two round trips, written in three", async () => {
    const { standIn, names } = await workbookWithUnitSheets(60);
    let start = standIn.context.syncCount;
    const sources = sourcesFromSheets(await readWorkbookSheets(standIn.context, names), FORMS);
    expect(standIn.context.syncCount - start).toBe(2);
    start = standIn.context.syncCount;
    const { result } = await rollupInto(standIn, sources);
    expect(standIn.context.syncCount - start).toBe(3);
    expect(result.consolidation.units.units.map((u) => u.status)).toEqual(new Array(60).fill("ok"));
  });

  test("a request never exceeds the limit: the output is spread over requests, at most one per sheet, when it must", async () => {
    // 3 units × every district appendix: 17 small sheets that together exceed the limit.
    const sources = districtSources(3);
    const reference = createStandIn();
    const whole = await rollupInto(reference, sources);
    expect(whole.result.writeRequests).toBe(1);

    const standIn = createStandIn({ payloadLimit: SMALL_LIMIT });
    const { result, syncs } = await rollupInto(standIn, sources, { requestBytes: SMALL_LIMIT });
    expect(result.sheets).toHaveLength(17);
    expect(result.writeRequests).toBeGreaterThan(1);
    expect(result.writeRequests).toBeLessThanOrEqual(result.sheets.length);
    expect(syncs).toBe(2 + result.writeRequests);
    expect(standIn.workbook.sheetNames()).toEqual(reference.workbook.sheetNames());
    for (const { name } of result.sheets) expect([name, snapshot(standIn.workbook.sheet(name))]).toEqual([name, snapshot(reference.workbook.sheet(name))]);
    expect(standIn.workbook.activeSheet.name).toBe(result.active);
    expect(reference.workbook.activeSheet.name).toBe(result.active);
  });

  test("the split is needed: under that limit the stand-in refuses the whole output sent at once", async () => {
    const standIn = createStandIn({ payloadLimit: SMALL_LIMIT });
    await expect(rollupInto(standIn, districtSources(3), { requestBytes: 1e9 })).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });

  test("a sheet larger than a request is written in slices of rows, with the same result", async () => {
    // 600 units: the detail sheet (one column per unit) no longer fits a 500 KB request with its formatting.
    const sources = fileSources(600);
    const reference = createStandIn();
    await rollupInto(reference, sources);
    const limit = 500_000;
    const standIn = createStandIn({ payloadLimit: limit });
    const { result } = await rollupInto(standIn, sources, { requestBytes: limit });
    expect(result.writeRequests).toBeGreaterThan(result.sheets.length);
    for (const { name } of result.sheets) expect([name, snapshot(standIn.workbook.sheet(name))]).toEqual([name, snapshot(reference.workbook.sheet(name))]);
  });

  test("a province's 170 units × every district appendix fit Excel on the web's 5 MB requests, as office.js sends them", async () => {
    const standIn = createStandIn({ payloadLimit: 5 * 1024 * 1024 });
    const from = standIn.workbook.requests.length;
    const { result, syncs } = await rollupInto(standIn, districtSources(170));
    expect(result.consolidation.units.units).toHaveLength(170);
    expect(syncs).toBe(2 + result.writeRequests);
    expect(result.writeRequests).toBeLessThanOrEqual(result.sheets.length);
    // The writer's estimate of each request is never below what the client library sent.
    const writes = standIn.workbook.requests.slice(from + 2);
    expect(writes.map((r, i) => r.bytes <= result.requestEstimates[i])).toEqual(writes.map(() => true));
  });
});

describe("rebuilding", () => {
  test("replaces exactly the previous rollup's sheets; unit sheets and a user's «TH ghi chú» stay untouched", async () => {
    const { standIn, names } = await workbookWithUnitSheets(3);
    standIn.context.workbook.worksheets.getItem("Sheet1").delete();
    const note = standIn.context.workbook.worksheets.add("TH ghi chú");
    note.getRange("A1:B2").values = [
      ["Ghi chú của chuyên viên", "TH"],
      ["Gọi lại xã Ia Tul", 2],
    ];
    await standIn.context.sync();
    const before = new Map([...names, "TH ghi chú"].map((n) => [n, snapshot(standIn.workbook.sheet(n))]));

    const first = await rollupInto(standIn, fileSources(3));
    const afterFirst = standIn.workbook.sheetNames();
    expect(afterFirst).toEqual([...names, "TH ghi chú", ...first.result.sheets.map((s) => s.name)]);
    expect(first.result.replaced).toEqual([]);
    const written = new Map(first.result.sheets.map((s) => [s.name, snapshot(standIn.workbook.sheet(s.name))]));

    const second = await rollupInto(standIn, fileSources(3));
    expect(second.syncs).toBe(3);
    expect(second.result.replaced).toEqual(first.result.sheets.map((s) => s.name));
    expect(second.result.sheets).toEqual(first.result.sheets);
    expect(standIn.workbook.sheetNames()).toEqual(afterFirst);
    for (const [name, snap] of before) expect([name, snapshot(standIn.workbook.sheet(name))]).toEqual([name, snap]);
    for (const [name, snap] of written) expect([name, snapshot(standIn.workbook.sheet(name))]).toEqual([name, snap]);
    expect(standIn.workbook.names).toEqual([]);
  });

  test.each([
    ["the second write request", 3],
    ["the last write request (the one that replaces the old sheets)", -1],
  ])("a rebuild that fails in %s leaves the previous rollup as it was", async (_, failing) => {
    const standIn = createStandIn({ payloadLimit: SMALL_LIMIT });
    const first = await rollupInto(standIn, districtSources(3), { requestBytes: SMALL_LIMIT });
    expect(first.result.writeRequests).toBeGreaterThan(2);
    const names = standIn.workbook.sheetNames();
    const before = new Map(names.map((n) => [n, snapshot(standIn.workbook.sheet(n))]));

    // The rebuild: list, first rows, then its write requests; one of those fails as a whole.
    standIn.workbook.failRequest(failing > 0 ? failing : 2 + first.result.writeRequests - 1, "ServiceNotAvailable");
    await expect(rollupInto(standIn, districtSources(4), { requestBytes: SMALL_LIMIT })).rejects.toMatchObject({ code: "ServiceNotAvailable" });
    expect(standIn.workbook.sheetNames()).toEqual(names);
    for (const [name, snap] of before) expect([name, snapshot(standIn.workbook.sheet(name))]).toEqual([name, snap]);

    // And the next rebuild goes through.
    const again = await rollupInto(standIn, districtSources(4), { requestBytes: SMALL_LIMIT });
    expect(again.result.replaced).toEqual(first.result.sheets.map((s) => s.name));
    expect(standIn.workbook.sheetNames()).toEqual(["Sheet1", ...again.result.sheets.map((s) => s.name)]);
  });

  test("a rollup sheet the user renamed is still replaced (the marker decides, not the name)", async () => {
    const standIn = createStandIn();
    const first = await rollupInto(standIn, fileSources(3));
    const status = first.result.sheets[0].name;
    standIn.context.workbook.worksheets.getItem(status).name = "Ai đã gửi";
    await standIn.context.sync();
    const second = await rollupInto(standIn, fileSources(4));
    expect(second.result.replaced).toContain("Ai đã gửi");
    expect(standIn.workbook.sheetNames()).toEqual(["Sheet1", ...second.result.sheets.map((s) => s.name)]);
  });

  test("a workbook whose only sheets are the previous rollup's is rebuilt (one visible sheet is kept throughout)", async () => {
    const standIn = createStandIn();
    const first = await rollupInto(standIn, fileSources(3));
    standIn.context.workbook.worksheets.getItem("Sheet1").delete();
    await standIn.context.sync();
    expect(standIn.workbook.sheetNames()).toEqual(first.result.sheets.map((s) => s.name));
    const second = await rollupInto(standIn, fileSources(5));
    expect(standIn.workbook.sheetNames()).toEqual(second.result.sheets.map((s) => s.name));
    expect(second.result.sheets.map((s) => s.name)).toEqual(first.result.sheets.map((s) => s.name));
  });

  test("opens the first rollup sheet when every unit is in order, the status sheet otherwise", async () => {
    const ok = createStandIn();
    const { result } = await rollupInto(ok, fileSources(3));
    expect(result.consolidation.units.units.every((u) => u.status === "ok")).toBe(true);
    expect(ok.workbook.activeSheet.name).toBe(result.sheets.find((s) => s.kind === "rollup")!.name);

    const missing = createStandIn();
    const late = await writeRollup(missing.context, fileSources(3), { ...HEADER, expected: ["Xã Chưa Gửi"], features: missing.features });
    expect(missing.workbook.activeSheet.name).toBe(late.sheets[0].name);
    expect(late.sheets[0].kind).toBe("status");
  });
});

describe("text received from units stays text", () => {
  test("a formula-looking value, a unit named «@…»: values in Excel, not formulas, read back as sent", async () => {
    const standIn = createStandIn();
    const { result } = await rollupInto(standIn, fileSources(3));
    const byKind = (kind: string) => result.consolidation.sheets.find((s) => s.kind === kind)!;
    const detail = byKind("detail");
    const sheet = standIn.workbook.sheet(detail.name);
    const row = detail.layout.rowIndex.get("hinh-thuc-khac/y2019")!;
    const col = detail.layout.colIndex.get("@Xã Ia Tul")!;
    expect(sheet.cell(row, col)).toMatchObject({ value: FORMULA_TEXT, formula: null, numberFormat: "@" });
    expect(sheet.cell(detail.layout.printTitleRows[0], col)).toMatchObject({ value: "@Xã Ia Tul", formula: null });

    const rollup = byKind("rollup");
    const template = layoutForm(PL1);
    const listed = standIn.workbook.sheet(rollup.name).cell(template.rowIndex.get("hinh-thuc-khac")!, template.colIndex.get("y2019")!);
    expect(listed.formula).toBeNull();
    expect(String(listed.value)).toMatch(/^@Xã Ia Tul: =HYPERLINK/);

    // No cell of any sheet written holds a formula: the rollup writes values as values.
    for (const { name } of result.sheets) expect([name, [...standIn.workbook.sheet(name).cells.values()].filter((c) => c.formula !== null)]).toEqual([name, []]);

    // Read back through Office.js, the text is exactly what the unit sent.
    const [grid] = await readWorkbookSheets(standIn.context, [detail.name]);
    expect(grid.cells[row]?.[col]?.value).toBe(FORMULA_TEXT);
  });
});

// ---------------------------------------------------------------------------------------------
// The same sheets through Office.js and in the .xlsx of `cchc rollup`

describe("the rollup written through Office.js equals the .xlsx", () => {
  let standIn: StandIn;
  let result: RollupWriteResult;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    standIn = createStandIn();
    ({ result } = await rollupInto(standIn, fileSources(4)));
    const bytes = await writeTemplates(result.consolidation.sheets.map((s) => ({ name: s.name, layout: s.layout })));
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  });

  const each = (fn: (office: SheetState, ws: ExcelJsInternals, layout: SheetLayout, name: string) => void) => {
    expect(result.consolidation.sheets.map((s) => s.kind)).toEqual(["status", "rollup", "detail"]);
    for (const s of result.consolidation.sheets) {
      const ws = workbook.getWorksheet(s.name) as ExcelJsInternals | undefined;
      expect(ws).toBeDefined();
      fn(standIn.workbook.sheet(s.name), ws!, s.layout, s.name);
    }
  };

  test("cell by cell: values, number formats, locked flags, fonts, fills, alignment", () => {
    each((office, ws, layout, name) => {
      expect(cellDifferences(office, ws, layout, name)).toEqual([]);
    });
  });

  test("merges, borders, widths, hidden columns, heights, frozen panes; neither is protected", () => {
    each((office, ws, layout, name) => {
      const key = (m: { top: number; left: number; bottom: number; right: number }) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`;
      expect([name, office.merges.map(key).sort()]).toEqual([name, [...ws.model.merges].sort()]);
      const merges = layout.merges;
      const fromOffice = visibleLines(layout.lastRow, layout.lastCol, (r, c, e) => !!office.cell(r, c).borders[e], office.merges);
      const fromXlsx = visibleLines(layout.lastRow, layout.lastCol, (r, c, e) => !!ws.getCell(r + 1, c + 1).border?.[e]?.style, merges);
      expect([name, fromOffice]).toEqual([name, fromXlsx]);
      for (let c = 0; c <= layout.lastCol; c++) {
        expect([name, c, office.columnWidth(c) / 6]).toEqual([name, c, ws.getColumn(c + 1).width]);
        expect([name, c, office.hiddenColumns.has(c)]).toEqual([name, c, !!ws.getColumn(c + 1).hidden]);
      }
      for (const row of Object.keys(layout.heights).map(Number)) expect([name, row, office.rowHeight(row)]).toEqual([name, row, ws.getRow(row + 1).height]);
      const view = ws.views[0] as { xSplit?: number; ySplit?: number };
      expect(office.frozen).toEqual({ rows: view.ySplit, cols: view.xSplit });
      expect(office.protection.protected).toBe(false);
      expect(ws.sheetProtection?.sheet ?? false).toBe(false);
    });
  });

  test("each sheet carries its rollup marker in the hidden column of row 1", async () => {
    const listed = await listWorkbookSheets(standIn.context);
    const markers = listed.filter((s) => s.rollup).map((s) => [s.name, s.rollup!.kind]);
    expect(markers).toEqual(result.sheets.map((s) => [s.name, s.kind]));
    each((office, _ws, layout) => {
      expect(decodeRollupMarker(office.cell(layout.markerCell.row, layout.markerCell.col).value)?.kind).toBeDefined();
      expect(office.hiddenColumns.has(layout.markerCell.col)).toBe(true);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Reading received files (what the pane does with the files picked)

/** A unit's file: our template filled in, written by our .xlsx writer. */
async function unitFile(unit: string, values: FillValues): Promise<Uint8Array> {
  const layout = layoutForm(PL1, { unit });
  const cells: LayoutCell[] = layout.cells.map((c) => ({ ...c }));
  for (const [rowId, cols] of Object.entries(values))
    for (const [colId, value] of Object.entries(cols)) {
      const row = layout.rowIndex.get(rowId)!;
      const col = layout.colIndex.get(colId)!;
      const cell = cells.find((c) => c.row === row && c.col === col)!;
      cell.value = value as string | number;
    }
  return writeTemplates([{ name: "PL1", layout: { ...layout, cells } }]);
}

describe("reading the files received", () => {
  test("in read workers, the page free meanwhile, with progress per file; a broken file is a source with its reason", async () => {
    const files = [
      { name: "xa-a.xlsx", bytes: await unitFile("Xã A", valuesOf(1)) },
      { name: "hong.xlsx", bytes: new TextEncoder().encode("không phải bảng tính") },
      { name: "xa-b.xlsx", bytes: await unitFile("Xã B", valuesOf(2)) },
    ];
    const events: string[] = [];
    setTimeout(() => events.push("tick"), 0); // the page's own work, queued before reading starts
    const sources = await withNodeReadPool({ files: files.length }, (pool) =>
      readReceivedFiles(pool, files, FORMS, (i, n, name, status: FileProgress) => events.push(`${i + 1}/${n} ${name} ${status}`)),
    );
    // The page ran before any file was done; each file was announced, then its outcome given.
    expect(events.indexOf("tick")).toBeLessThan(events.findIndex((e) => !e.endsWith("reading") && e !== "tick"));
    for (const [i, name, outcome] of [[1, "xa-a.xlsx", "read"], [2, "hong.xlsx", "unreadable"], [3, "xa-b.xlsx", "read"]] as const) {
      const reading = events.indexOf(`${i}/3 ${name} reading`);
      expect(reading).toBeGreaterThanOrEqual(0);
      expect(events.indexOf(`${i}/3 ${name} ${outcome}`)).toBeGreaterThan(reading);
    }
    expect(sources.map((s) => [s.source, s.outcome])).toEqual([
      ["xa-a.xlsx", "read"],
      ["hong.xlsx", "unreadable"],
      ["xa-b.xlsx", "read"],
    ]);
    expect(sources[1].reason).toEqual(expect.any(String));

    // …and the sources roll up into the workbook like any other.
    const standIn = createStandIn();
    const { result } = await rollupInto(standIn, sources);
    expect(result.consolidation.units.units.map((u) => [u.unit, u.status])).toEqual([
      ["Xã A", "ok"],
      ["Xã B", "ok"],
      ["hong", "unreadable"],
    ]);
  });

  test("cancelling stops the files still being read or waiting", async () => {
    const files = await Promise.all([1, 2, 3, 4].map(async (i) => ({ name: `xa-${i}.xlsx`, bytes: await unitFile(`Xã ${i}`, valuesOf(i)) })));
    const controller = new AbortController();
    const read: string[] = [];
    const run = withNodeReadPool({ files: files.length, workers: 1 }, (pool) =>
      readReceivedFiles(pool, files, FORMS, (_i, _n, name, status) => {
        if (status !== "reading") read.push(name);
        if (read.length === 1) controller.abort();
      }, controller.signal),
    );
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(read).toEqual(["xa-1.xlsx"]);
  });
});
