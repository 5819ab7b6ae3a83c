/**
 * Excel on the web's 5 MB limits, measured on what the real office-js client sends and gets back
 * (test/support/officejs): a district holding its communes' sheets, a province holding 200, a
 * rollup of many units, and what happens when Excel still refuses a response. What a user would
 * notice: Kiểm tra, Chỉ tiêu and the list of unit sheets work on a large workbook in Excel on the
 * web instead of failing with an error, and take a few more round trips only as the bytes grow.
 */
import { FORMS, findForm } from "../../src/catalog";
import { checkTargets } from "../../src/excel/targets";
import { listWorkbookSheets, readWorkbookSheets, sourcesFromSheets, writeRollup } from "../../src/excel/rollup";
import { RESPONSE_BYTES_PER_CELL, readSheets } from "../../src/excel/read";
import { validateWorkbook } from "../../src/excel/validate";
import { layoutForm } from "../../src/core/layout";
import { WEB_PAYLOAD_LIMIT, createStandIn, type StandIn } from "../support/excel-standin";
import { templateFormulas, unitSheets } from "../support/workbooks";

const COMMUNE = findForm("tk2011-2020.xa.pl3")!;
const DISTRICT_PL3 = findForm("tk2011-2020.huyen.pl3")!;

/** Cells of a filled commune template's used part (its rows with values × its columns). */
const COMMUNE_CELLS = (() => {
  const layout = layoutForm(COMMUNE);
  return (layout.lastRow + 1) * (layout.flagsCol + 1);
})();

function communes(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `Xã ${i + 1}`);
}

/** Requests the code under test sent since `from`: sizes as measured, and the syncs they took. */
function since(standIn: StandIn, from: number) {
  const requests = standIn.workbook.requests.slice(from);
  return { count: requests.length, request: Math.max(...requests.map((r) => r.bytes)), response: Math.max(...requests.map((r) => r.responseBytes ?? 0)), total: requests.reduce((n, r) => n + (r.responseBytes ?? 0), 0), errors: requests.filter((r) => r.error) };
}

describe("40 appendix sheets (a district holding its units' reports), in Excel on the web", () => {
  // Our templates format the hidden flags column down to row 2001: read with its formats, each
  // sheet's used range is 2001 rows (about 130 KB of values and text for a ten-column appendix);
  // 40 of them exceed 5 MB (5.27 MB measured through office-js before reads kept to values).
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = createStandIn({ platform: "web", calculate: templateFormulas });
    await unitSheets(standIn, DISTRICT_PL3, communes(40));
  });

  test("Kiểm tra reads every sheet within the response limit and finds the 40 appendices", async () => {
    const from = standIn.workbook.requests.length;
    const result = await validateWorkbook(standIn.context, FORMS);
    expect(result.sheets).toHaveLength(40);
    const sent = since(standIn, from);
    expect(sent.errors).toEqual([]);
    expect(sent.response).toBeLessThan(WEB_PAYLOAD_LIMIT);
  });

  test("Chỉ tiêu and the list of unit sheets of Tổng hợp too", async () => {
    const from = standIn.workbook.requests.length;
    const check = await checkTargets(standIn.context, FORMS, { level: "huyen" });
    expect(check.report.sheets.length).toBeGreaterThan(0);
    const listed = await listWorkbookSheets(standIn.context);
    const grids = await readWorkbookSheets(standIn.context, listed.filter((s) => !s.rollup).map((s) => s.name));
    expect(sourcesFromSheets(grids, FORMS).filter((s) => s.outcome === "read")).toHaveLength(40);
    expect(since(standIn, from).errors).toEqual([]);
  });
});

describe("a province holding 200 communes' sheets", () => {
  let standIn: StandIn;
  let names: string[];
  beforeAll(async () => {
    standIn = createStandIn({ platform: "web" });
    names = await unitSheets(standIn, COMMUNE, communes(200));
  });

  test("list, Kiểm tra, Chỉ tiêu and rollup succeed, every request and response under 5 MB", async () => {
    const from = standIn.workbook.requests.length;
    const listed = await listWorkbookSheets(standIn.context);
    const grids = await readWorkbookSheets(standIn.context, listed.filter((s) => !s.rollup).map((s) => s.name));
    const validation = await validateWorkbook(standIn.context, FORMS);
    expect(validation.sheets).toHaveLength(200);
    const targets = await checkTargets(standIn.context, FORMS, { level: "xa" });
    expect(targets.report.level).toBe("xa");
    const rollup = await writeRollup(standIn.context, sourcesFromSheets(grids, FORMS), { unit: "UBND tỉnh", features: standIn.features });
    expect(rollup.consolidation.units.units.filter((u) => u.status === "ok")).toHaveLength(200);
    const sent = since(standIn, from);
    expect(sent.errors).toEqual([]);
    expect(sent.request).toBeLessThan(WEB_PAYLOAD_LIMIT);
    expect(sent.response).toBeLessThan(WEB_PAYLOAD_LIMIT);
  });

  test("reading grows with bytes, not with sheets: one request per budget's worth of cells", async () => {
    const budget = 500_000;
    const read = async (keys: string[]) => {
      const context = standIn.newContext();
      const from = standIn.workbook.requests.length;
      await readSheets(context, keys, { responseBytes: budget });
      return { syncs: context.syncCount, sent: since(standIn, from) };
    };
    const few = await read(names.slice(0, 3));
    expect(few.syncs).toBe(2); // the sizes, then the cells
    const all = await read(names);
    // 200 sheets × about 115 cells × 128 bytes estimated: 6 requests of 500 KB, plus the sizes.
    const estimated = 200 * COMMUNE_CELLS * RESPONSE_BYTES_PER_CELL;
    expect(all.syncs).toBeGreaterThan(2);
    expect(all.syncs).toBeLessThanOrEqual(2 + Math.ceil(estimated / budget));
    expect(all.sent.response).toBeLessThanOrEqual(budget);
  });

  test("a sheet with many more rows costs bytes, not round trips", async () => {
    const rows = Array.from({ length: 3000 }, (_, r) => [`Dòng ${r}`, r, r * 2, "ghi chú"]);
    const tall = createStandIn({ platform: "web", sheets: [{ name: "Dài", cells: rows }] });
    const context = tall.newContext();
    const [read] = await readSheets(context, ["Dài"]);
    expect(read.grid.cells.length).toBe(3000);
    expect(read.grid.cells[2999]?.[1]).toEqual({ value: 2999, text: "2999" });
    expect(context.syncCount).toBe(2);
  });
});

test("a response Excel still refuses is read again in halves, with the same result", async () => {
  const desktop = createStandIn({ platform: "desktop", calculate: templateFormulas });
  const names = await unitSheets(desktop, DISTRICT_PL3, communes(6));
  const expected = (await readSheets(desktop.context, names)).map((r) => r.grid);

  // Responses over 20 KB are refused, while the estimate lets everything go in one request.
  const web = createStandIn({ platform: "web", responseLimit: 20_000, calculate: templateFormulas });
  await unitSheets(web, DISTRICT_PL3, communes(6));
  const from = web.workbook.requests.length;
  const read = await readSheets(web.context, names);
  expect(read.map((r) => r.grid)).toEqual(expected);
  const sent = since(web, from);
  expect(sent.errors.map((e) => e.error)).toContain("ResponsePayloadSizeLimitExceeded");
  expect(web.workbook.requests.slice(from).filter((r) => !r.error).every((r) => r.responseBytes! <= 20_000)).toBe(true);
});
