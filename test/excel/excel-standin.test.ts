/**
 * The Excel stand-in keeps the Office.js behaviours the add-in's tests rely on. If one of these
 * breaks, a test of src/excel could pass against the stand-in and fail in Excel.
 */
import { createStandIn } from "../support/excel-standin";

test("writes are queued until sync, and syncs are counted", async () => {
  const { context, workbook } = createStandIn();
  const sheet = context.workbook.worksheets.getItem("Sheet1");
  sheet.getRange("A1:B1").values = [["Đơn vị", 12]];
  expect(workbook.sheet("Sheet1").at("B1").value).toBeNull();
  expect(context.syncCount).toBe(0);
  await context.sync();
  expect(workbook.sheet("Sheet1").at("B1").value).toBe(12);
  await context.sync(); // nothing queued: office.js sends no request
  expect([context.syncCount, context.roundTrips]).toEqual([2, 1]);
});

test("a property is readable only once loaded and synced (or set on that proxy)", async () => {
  const { context } = createStandIn({ sheets: [{ name: "Phụ lục 1", cells: [["a", 1]] }] });
  const range = context.workbook.worksheets.getItem("Phụ lục 1").getRange("A1:B1");
  expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  range.load("values,address");
  expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  await context.sync();
  expect(range.values).toEqual([["a", 1]]);
  expect(range.address).toBe("'Phụ lục 1'!A1:B1");
  expect(() => range.formulas).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));

  const sheets = context.workbook.worksheets;
  expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  sheets.load("items/name");
  await context.sync();
  expect(sheets.items.map((s) => s.name)).toEqual(["Phụ lục 1"]);
  expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
});

test("a name clash (any case) fails at sync with ItemAlreadyExists; earlier actions stay, later ones are dropped", async () => {
  const { context, workbook } = createStandIn({ sheets: [{ name: "Phụ lục 3 huyện" }] });
  context.workbook.worksheets.add("Mới");
  context.workbook.worksheets.add("PHỤ LỤC 3 HUYỆN"); // queued without complaint…
  context.workbook.worksheets.add("Sau");
  await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists", debugInfo: { errorLocation: "WorksheetCollection.add" } });
  expect(workbook.sheetNames()).toEqual(["Phụ lục 3 huyện", "Mới"]);
});

test.each(["Phụ lục 3 huyện: bảng tổng hợp số liệu", "a/b", "[x]", "", "'x"])("sheet name %j fails at sync with InvalidArgument", async (name) => {
  const { context, workbook } = createStandIn();
  context.workbook.worksheets.add(name);
  await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  expect(workbook.sheetNames()).toEqual(["Sheet1"]);
});

test("newer APIs fail on an older Excel at sync (office.js ships its client-side check switched off); the stand-in's own proxies refuse at once", async () => {
  const old = createStandIn({ apiMinor: 6 });
  for (const queue of [
    (s: Excel.Worksheet) => s.getRangeByIndexes(0, 0, 1, 1).load("address"),
    (s: Excel.Worksheet) => (s.getRange("A1").dataValidation.ignoreBlanks = true),
    (s: Excel.Worksheet) => s.freezePanes.freezeRows(1),
    (s: Excel.Worksheet) => (s.getRange("A1").format.indentLevel = 1),
    (s: Excel.Worksheet) => s.onChanged.add(async () => undefined),
  ]) {
    queue(old.context.workbook.worksheets.getItem("Sheet1"));
    await expect(old.context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  }
  expect(old.features).toMatchObject({ dataValidation: false, conditionalFormats: true, indent: false });

  const own = createStandIn({ apiMinor: 6, client: "stand-in" });
  const sheet = own.context.workbook.worksheets.getItem("Sheet1");
  expect(() => sheet.getRangeByIndexes(0, 0, 1, 1)).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
  expect(() => sheet.getRange("A1").dataValidation).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
  expect(() => sheet.freezePanes).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
});

test("an array of the wrong size fails at sync", async () => {
  const { context } = createStandIn();
  context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
  await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
});

test("typed input: a Text cell keeps «=…» and «1.2» as text; elsewhere they become a formula and a number", async () => {
  const { context, workbook } = createStandIn();
  const sheet = context.workbook.worksheets.getItem("Sheet1");
  sheet.getRange("A1:B1").numberFormat = [["@", "@"]];
  sheet.getRange("A1:B2").formulas = [["=SUM(C1:C2)", "1.2"], ["=SUM(C1:C2)", "1.2"]];
  sheet.getRange("C1:C3").values = [["12%"], ["TRUE"], ["- Văn bản"]];
  await context.sync();
  const s = workbook.sheet("Sheet1");
  expect([s.at("A1").value, s.at("A1").formula, s.at("B1").value]).toEqual(["=SUM(C1:C2)", null, "1.2"]);
  expect([s.at("A2").formula, s.at("B2").value]).toEqual(["=SUM(C1:C2)", 1.2]);
  expect([s.at("C1").value, s.at("C1").numberFormat, s.at("C2").value, s.at("C3").value]).toEqual([0.12, "0%", true, "- Văn bản"]);
});

test("the used range reads back values, formulas and text", async () => {
  const calculate = (_sheet: string, _row: number, _col: number, formula: string) => (formula === "=A2+A3" ? 2076 : 0);
  const { context } = createStandIn({ sheets: [{ name: "Sheet1", cells: [["", "Số"], ["", 1000], ["", 1076]] }], calculate });
  const sheet = context.workbook.worksheets.getItem("Sheet1");
  sheet.getRange("B4").formulas = [["=A2+A3"]];
  sheet.getRange("B2:B4").numberFormat = [["#,##0"], ["#,##0"], ["#,##0"]];
  const used = sheet.getUsedRange(true).load("address,rowIndex,columnIndex,values,formulas,text");
  await context.sync();
  expect([used.address, used.rowIndex, used.columnIndex]).toEqual(["Sheet1!B1:B4", 0, 1]);
  expect(used.values).toEqual([["Số"], [1000], [1076], [2076]]);
  expect(used.formulas).toEqual([["Số"], [1000], [1076], ["=A2+A3"]]);
  expect(used.text).toEqual([["Số"], ["1,000"], ["1,076"], ["2,076"]]);
});

test("a protected sheet refuses writes to locked cells and format changes, but takes input in unlocked cells", async () => {
  const { context, workbook } = createStandIn();
  const sheet = context.workbook.worksheets.getItem("Sheet1");
  sheet.getRange("B2").format.protection.locked = false;
  sheet.protection.protect({ allowFormatCells: false });
  await context.sync();
  sheet.getRange("B2").values = [[5]];
  await context.sync();
  expect(workbook.sheet("Sheet1").at("B2").value).toBe(5);
  sheet.getRange("A1").values = [["x"]];
  await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  sheet.getRange("B2").format.fill.color = "#FF0000";
  await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  sheet.protection.load("protected");
  await context.sync();
  expect(sheet.protection.protected).toBe(true);
});

test("merging keeps the top-left value and gives the area its format", async () => {
  const { context, workbook } = createStandIn({ sheets: [{ name: "Sheet1", cells: [["Tiêu đề", "bỏ"]] }] });
  const sheet = context.workbook.worksheets.getItem("Sheet1");
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange("A1:C1").merge();
  await context.sync();
  const s = workbook.sheet("Sheet1");
  expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
  expect([s.at("A1").value, s.at("B1").value, s.at("C1").font.bold]).toEqual(["Tiêu đề", null, true]);
});

test("a request over the size limit fails as a whole", async () => {
  const { context, workbook } = createStandIn({ payloadLimit: 1000 });
  context.workbook.worksheets.getItem("Sheet1").getRange("A1:A100").values = Array.from({ length: 100 }, () => ["một đoạn văn bản"]);
  await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  expect(workbook.sheet("Sheet1").at("A1").value).toBeNull();
});

test("validation texts longer than Excel accepts fail at sync", async () => {
  const { context } = createStandIn();
  const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
  range.dataValidation.prompt = { showPrompt: true, title: "Tiêu đề quá dài cho ô nhắc nhập dữ liệu", message: "x" };
  await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
});

test("a range's used part is its intersection with the sheet's used range; none gives a null object", async () => {
  const { context } = createStandIn({ sheets: [{ name: "Sheet1", cells: [[], ["", "", "x", "y"], [], [], [], [], [], [], [], ["z"]] }] });
  const sheet = context.workbook.worksheets.getItem("Sheet1");
  const head = sheet.getRange("1:8").getUsedRangeOrNullObject(true);
  head.load("address,values");
  const none = sheet.getRange("F1:G3").getUsedRangeOrNullObject(true);
  none.load("values");
  await context.sync();
  expect(head.address).toBe("Sheet1!A2:D8");
  expect(head.values[0]).toEqual(["", "", "x", "y"]);
  expect(none.isNullObject).toBe(true);
  sheet.getRange("F1:G3").getUsedRange(true);
  await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
});

test("renaming, adding under the old name and deleting the renamed sheet work in one request, in order", async () => {
  const { context, workbook } = createStandIn({ sheets: [{ name: "TH cũ", cells: [["cũ"]] }] });
  const old = context.workbook.worksheets.getItem("TH cũ");
  old.name = "~tạm";
  context.workbook.worksheets.add("TH cũ");
  old.delete();
  await context.sync();
  expect(workbook.sheetNames()).toEqual(["TH cũ"]);
  expect(workbook.sheet("TH cũ").at("A1").value).toBeNull();
});

test("the last visible sheet cannot be deleted", async () => {
  const { context, workbook } = createStandIn();
  context.workbook.worksheets.getItem("Sheet1").delete();
  await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
  expect(workbook.sheetNames()).toEqual(["Sheet1"]);
});

test("onChanged: registered at sync, called for what a user types (after the current task), not before; locked cells refuse typing", async () => {
  const { context, workbook } = createStandIn();
  const sheet = context.workbook.worksheets.getItem("Sheet1");
  sheet.getRange("B2").format.protection.locked = false;
  sheet.protection.protect();
  const seen: string[] = [];
  const handler = async (args: Excel.WorksheetChangedEventArgs) => void seen.push(`${args.changeType} ${args.address} ${args.worksheetId}`);
  const registration = sheet.onChanged.add(handler);
  await workbook.type("Sheet1", "B2", "1"); // not registered yet: queued until sync
  expect(seen).toEqual([]);
  await context.sync();
  const typing = workbook.type("Sheet1", "B2", "mười hai");
  expect(seen).toEqual([]);
  await typing;
  expect(seen).toEqual([`RangeEdited B2 ${workbook.sheet("Sheet1").id}`]);
  expect(workbook.sheet("Sheet1").at("B2").value).toBe("mười hai");
  await expect(workbook.type("Sheet1", "A1", "x")).rejects.toThrow(/locked/);
  expect(workbook.sheet("Sheet1").at("A1").value).toBeNull();
  registration.remove();
  await context.sync();
  await workbook.type("Sheet1", "B2", "3");
  expect(seen).toHaveLength(1);
});

describe("as strict as Excel where it matters", () => {
  test("onChanged fires for the add-in's own writes too, saying so from ExcelApi 1.14; a deleted sheet's handlers stop", async () => {
    for (const apiMinor of [17, 7]) {
      const { context, workbook } = createStandIn({ apiMinor, sheets: [{ name: "Sheet1" }, { name: "Khác" }] });
      const seen: string[] = [];
      context.workbook.worksheets.getItem("Sheet1").onChanged.add(async (e) => void seen.push(`${e.address} ${(e as { triggerSource?: string }).triggerSource}`));
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("C3:D3").values = [[1, 2]];
      await context.sync();
      await new Promise((r) => setTimeout(r, 20));
      await workbook.type("Sheet1", "A1", "x");
      expect(seen).toEqual(apiMinor >= 14 ? ["C3:D3 ThisLocalAddin", "A1 Unknown"] : ["C3:D3 undefined", "A1 undefined"]);
      await workbook.deleteSheet("Sheet1");
      expect(seen).toHaveLength(2);
    }
  });

  test("a renamed sheet keeps its id and its handlers; onAdded and onDeleted tell sheets coming and going", async () => {
    const { context, workbook } = createStandIn({ sheets: [{ name: "A" }, { name: "B" }] });
    const seen: string[] = [];
    const sheet = context.workbook.worksheets.getItem("A");
    sheet.onChanged.add(async (e) => void seen.push(`changed ${e.worksheetId}`));
    context.workbook.worksheets.onAdded.add(async (e) => void seen.push(`added ${e.worksheetId}`));
    context.workbook.worksheets.onDeleted.add(async (e) => void seen.push(`deleted ${e.worksheetId}`));
    await context.sync();
    const [a, b] = [workbook.sheet("A").id, workbook.sheet("B").id];
    workbook.rename("A", "A mới");
    await workbook.type("A mới", "B2", 5);
    const added = await workbook.addSheet("C");
    await workbook.deleteSheet("B");
    expect(seen).toEqual([`changed ${a}`, `added ${added.id}`, `deleted ${b}`]);
  });

  test("while the user edits a cell every request is refused with InvalidOperationInCellEditMode, nothing applied", async () => {
    const { context, workbook } = createStandIn();
    workbook.startEditing("Sheet1", "A1");
    context.workbook.worksheets.getItem("Sheet1").getRange("B1").values = [[1]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(workbook.sheet("Sheet1").at("B1").value).toBeNull();
    await workbook.finishEditing("xong");
    context.workbook.worksheets.getItem("Sheet1").getRange("B1").values = [[1]];
    await context.sync();
    expect(workbook.sheet("Sheet1").at("A1").value).toBe("xong");
  });

  test("a sync takes time: two contexts' requests overlap unless the code waits", async () => {
    const { workbook, newContext } = createStandIn({ latencyMs: 30 });
    const one = newContext();
    const two = newContext();
    const started = Date.now();
    one.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
    two.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
    await Promise.all([one.sync(), two.sync()]);
    expect(Date.now() - started).toBeLessThan(55); // in flight together
    expect(workbook.requests).toHaveLength(2);
  });

  test.each([
    ["en-US", "1.076", 1.076, "1.076"],
    ["vi-VN", "1.076", 1076, "1076"],
    ["vi-VN", "3,7", 3.7, "3,7"],
    ["en-US", "1/2", 45659, "2-Jan"],
    ["vi-VN", "1/2", 45689, "01/02"],
  ] as const)("typed in %s Excel, «%s» into a General cell is %p, shown «%s»", async (locale, input, value, text) => {
    const { context } = createStandIn({ locale });
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
    range.values = [[input]];
    const back = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values,text");
    await context.sync();
    // Dates typed without a year fall in the current year: compare day and month.
    if (typeof value === "number" && value > 40000) expect(back.text[0][0]).toBe(text);
    else expect([back.values[0][0], back.text[0][0]]).toEqual([value, text]);
  });

  test("vi-VN shows #,##0 with a dot for thousands and decimals with a comma", async () => {
    const { context } = createStandIn({ locale: "vi-VN" });
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:B1").numberFormat = [["#,##0", "0.00"]];
    sheet.getRange("A1:B1").values = [[1076, 3.7]];
    const back = sheet.getRange("A1:B1").load("text");
    await context.sync();
    expect(back.text).toEqual([["1.076", "3,70"]]);
  });

  test("a response over 5 MB fails on the web (the request ran), not on desktop", async () => {
    const big = Array.from({ length: 3000 }, (_, r) => [`${"chữ dài ".repeat(120)}${r}`]);
    for (const platform of ["web", "desktop"] as const) {
      const { context, workbook } = createStandIn({ platform, sheets: [{ name: "Sheet1", cells: big }] });
      const used = context.workbook.worksheets.getItem("Sheet1").getUsedRange(true).load("values,text");
      if (platform === "web") await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      else {
        await context.sync();
        expect(used.values).toHaveLength(3000);
        expect(workbook.requests[0].responseBytes).toBeGreaterThan(5 * 1024 * 1024);
      }
    }
  });

  test("office.js writes a large array in slices of rows; the stand-in answers every slice", async () => {
    const { context, workbook } = createStandIn();
    const rows = Array.from({ length: 2000 }, (_, r) => [r, `dòng ${r}`]);
    context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2000").values = rows;
    await context.sync();
    expect(workbook.sheet("Sheet1").at("B2000").value).toBe("dòng 1999");
    context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2001").values = rows;
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
