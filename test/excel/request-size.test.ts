/**
 * Request sizes, measured: the bytes the real office-js client library sends for our writers
 * (test/support/officejs), against the estimates the writers budget by (src/excel/request-size.ts).
 * What a user would notice: inserting many appendices or writing a large rollup in Excel on the web
 * never fails with "the request payload size has exceeded the limit".
 */
import { FORMS } from "../../src/catalog";
import { layoutForm } from "../../src/core/layout";
import { defaultSheetName } from "../../src/core/sheet-names";
import { insertForms, writeSheets } from "../../src/excel/render";
import { WEB_PAYLOAD_LIMIT, utf8Length } from "../../src/excel/request-size";
import { createStandIn } from "../support/excel-standin";

test("every form: the writer's estimate is never below what office.js sends, and not far above", async () => {
  for (const form of FORMS) {
    const standIn = createStandIn({ platform: "desktop" });
    const from = standIn.workbook.requests.length;
    const written = await writeSheets(standIn.context, [{ name: defaultSheetName(form), layout: layoutForm(form) }], standIn.features, new Set());
    const measured = standIn.workbook.requests[from].bytes;
    const [estimated] = written.estimates;
    expect([form.id, estimated >= measured]).toEqual([form.id, true]);
    // Generous (1.3 to 1.8 times the measure): an overestimate only costs an extra request.
    expect([form.id, estimated / measured < 2]).toEqual([form.id, true]);
  }
});

test("all 21 forms at once: 2.1 MB as office.js sends them, in one request under Excel on the web's 5 MB", async () => {
  const standIn = createStandIn({ platform: "web" });
  const from = standIn.workbook.requests.length;
  await insertForms(standIn.context, FORMS.map((f) => ({ name: defaultSheetName(f), layout: layoutForm(f) })), standIn.features);
  const writes = standIn.workbook.requests.slice(from + 1);
  expect(writes).toHaveLength(1);
  expect(writes[0].bytes).toBeGreaterThan(2_000_000);
  expect(writes[0].bytes).toBeLessThan(WEB_PAYLOAD_LIMIT);

  // The stand-in's own proxies count about a third of it: a limit checked on their count proves little.
  const own = createStandIn({ platform: "web", client: "stand-in" });
  const ownFrom = own.workbook.requests.length;
  await insertForms(own.context, FORMS.map((f) => ({ name: defaultSheetName(f), layout: layoutForm(f) })), own.features);
  expect(own.workbook.requests[ownFrom + 1].bytes).toBeLessThan(writes[0].bytes / 2);
});

test("60 appendices at once (7 MB as office.js sends them) go in requests under 5 MB, the first new sheet shown", async () => {
  const standIn = createStandIn({ platform: "web" });
  const items = Array.from({ length: 60 }, (_, i) => ({ name: `Xã ${i + 1}`, layout: layoutForm(FORMS[0], { unit: `Xã ${i + 1}` }) }));
  const from = standIn.workbook.requests.length;
  const context = standIn.newContext();
  const result = await insertForms(context, items, standIn.features);
  expect(result.sheets).toHaveLength(60);
  const writes = standIn.workbook.requests.slice(from + 1);
  expect(writes.reduce((n, r) => n + r.bytes, 0)).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
  expect(writes.every((r) => !r.error && r.bytes < WEB_PAYLOAD_LIMIT)).toBe(true);
  // One sync per request: they grow with the bytes (2 or 3 here), not with the 60 sheets.
  expect(context.syncCount).toBe(1 + writes.length);
  expect(writes.length).toBeLessThanOrEqual(3);
  expect(standIn.workbook.activeSheet.name).toBe("Xã 1");
});

test("text is counted in UTF-8, as it travels", () => {
  expect(utf8Length("Phụ lục")).toBe(Buffer.byteLength("Phụ lục", "utf8"));
  expect(utf8Length("𝔸")).toBe(4);
});
