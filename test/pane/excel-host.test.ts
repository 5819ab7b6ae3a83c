/**
 * The task pane in a real browser (Debian Chromium via playwright-core) over the production
 * bundle, "as inside Excel": office.js is answered by a stand-in of Office (test/pane/
 * office-standin.ts, bundled here with webpack) whose `Excel.run` drives the Office.js stand-in
 * of test/support/excel-standin.ts, so every read and write of the pane goes through the same
 * queued, synced proxies as in Excel. What a clerk does in Excel:
 *
 *   1. the pane starts in Excel mode at 320 px, accessible (axe);
 *   2. «Chọn cả nhóm» of the district family, unit, period, «Chèn» → the 8 sheets are in the workbook;
 *   3. a wrong value typed into a sheet (in Excel, through the stand-in) → «Kiểm tra» lists it →
 *      clicking it selects the cell in Excel; correcting it in Excel refreshes the list by itself;
 *   4. «Tổng hợp» from two unit sheets of the workbook (one unit's name corrected in the pane)
 *      plus one uploaded file → status per unit and the rollup sheets in the workbook; building
 *      again gives the same sheets under the same names (no «(2)»);
 *   5. «Chỉ tiêu» → statuses, the chart by reform area, the cell short of a target marked and
 *      selectable, the user's own rating shown and left as typed;
 *   6. slow round trips: a check that lasts over a second shows its progress line;
 *   7. «Kiểm tra» while the user is still typing in a cell waits, says so, and goes on after Enter;
 *   8. «Kiểm tra môi trường» in the help: the host's facts and the probes, no sheet left behind,
 *      the result copied as text.
 * No request leaves 127.0.0.1. Screenshots (10-…, 11-…, 12-…) go where browser.ts's `screenshot` puts them.
 */
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import webpack from "webpack";
import { FORMS, findForm } from "../../src/catalog";
import { layoutForm } from "../../src/core/layout";
import { defaultSheetName } from "../../src/core/sheet-names";
import type { WorkbookState } from "../support/standin/workbook-state";
import { cellOf, PART, PL1, PL3, PL3_SHEET, PL8, receivedFile, SUMMED } from "../support/pl3-scenario";
import { axe, buildProduction, launch, openPane, ROOT, screenshot, serious, serve } from "./browser";

const OUT_DIR = "test-output/pane-excel";
const OUT = join(ROOT, OUT_DIR);
const STANDIN_OUT = join(ROOT, "test-output", "pane-excel-standin");

const DISTRICT = FORMS.filter((f) => f.family === "tk2011-2020.huyen");

let server: Server;
let browser: Browser;
let base: string;
let officeJs: string;

/** test/pane/office-standin.ts as one browser script (ts-loader, no minification). */
function bundleOfficeStandIn(): Promise<string> {
  const config: webpack.Configuration = {
    mode: "development",
    devtool: false,
    target: ["web", "es2017"],
    entry: join(__dirname, "office-standin.ts"),
    output: { path: STANDIN_OUT, filename: "office-standin.js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: join(ROOT, "tsconfig.json"), compilerOptions: { module: "esnext", target: "es2017", sourceMap: false } },
          },
        },
      ],
    },
  };
  return new Promise((resolve, reject) =>
    webpack(config, (error, stats) => {
      if (error || !stats || stats.hasErrors()) return reject(error ?? new Error(stats?.toString("errors-only")));
      resolve(readFileSync(join(STANDIN_OUT, "office-standin.js"), "utf8"));
    }),
  );
}

beforeAll(async () => {
  officeJs = await bundleOfficeStandIn();
  buildProduction(OUT_DIR);
  server = await serve(OUT);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
});


// ---- the workbook in the page, through the stand-in ----------------------------------------------

type PageWindow = Window & { cchcStandIn: { workbook: WorkbookState } };

function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as PageWindow).cchcStandIn.workbook.sheetNames());
}

/** What the user types into a cell in Excel (fires the sheet's onChanged handlers). */
function typeInExcel(page: Page, sheet: string, address: string, value: string | number): Promise<void> {
  return page.evaluate(([s, a, v]) => (window as unknown as PageWindow).cchcStandIn.workbook.type(s as string, a as string, v), [sheet, address, value] as const);
}

function cellValue(page: Page, sheet: string, address: string): Promise<unknown> {
  return page.evaluate(([s, a]) => (window as unknown as PageWindow).cchcStandIn.workbook.sheet(s).at(a).value, [sheet, address] as const);
}

function selection(page: Page): Promise<{ sheet: string; address: string } | undefined> {
  return page.evaluate(() => {
    const wb = (window as unknown as PageWindow).cchcStandIn.workbook;
    return wb.selection ? { sheet: wb.activeSheet.name, address: wb.selection.address } : undefined;
  });
}


/** Waits until `read` gives `expected` (the pane acts on Excel asynchronously), then asserts it. */
async function eventually<T>(read: () => Promise<T>, expected: T, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  expect(value).toEqual(expected);
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test("inside Excel: insert the district family, check and click to a mistake, live refresh, rollup from sheets and a file, rebuild, targets", async () => {
  const session = await openPane(browser, base, { officeJs, height: 800 });
  const { page } = session;
  await page.getByRole("heading", { name: "CCHC Phụ lục", level: 1 }).waitFor({ timeout: 15_000 });

  // 1. Excel mode.
  expect(await page.evaluate(() => document.documentElement.dataset.cchcMode)).toBe("excel");
  await expect(page.getByText("Trong Excel", { exact: true }).isVisible()).resolves.toBe(true);
  expect(await page.getByRole("complementary", { name: "Bảng tính" }).count()).toBe(0);
  expect(serious(await axe(page))).toEqual([]);

  // 2. The district family: 8 sheets in the workbook.
  await page.getByRole("checkbox", { name: `Chọn cả nhóm: Tổng kết CCHC 2011-2020 — Cấp huyện (${DISTRICT.length} phụ lục)` }).check();
  await page.getByRole("textbox", { name: "Đơn vị báo cáo" }).fill("UBND huyện An Lão");
  await page.getByRole("textbox", { name: "Kỳ báo cáo" }).fill("Năm 2020");
  await page.getByRole("button", { name: "Chèn", exact: true }).click();
  await page.getByText(`Đã chèn ${DISTRICT.length} trang tính.`).waitFor();
  const family = DISTRICT.map((f) => defaultSheetName(f));
  expect(await sheetNames(page)).toEqual(["Sheet1", ...family]);

  // 3. A mistake typed in Excel; Kiểm tra lists it; clicking selects it in Excel.
  await typeInExcel(page, PL3_SHEET, PART, "mười hai");
  await page.getByRole("tab", { name: "Kiểm tra" }).click();
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  const error = page.getByRole("button", { name: new RegExp(`^Lỗi\\s*tại ô ${PART}\\s*:`) });
  await error.waitFor();
  await expect(page.getByText(/Danh sách tự cập nhật khi bạn sửa ô/).isVisible()).resolves.toBe(true);
  // The cell is marked in the workbook (hidden flags column), its value untouched.
  expect(await cellValue(page, PL3_SHEET, PART)).toBe("mười hai");
  expect(serious(await axe(page))).toEqual([]);
  await noHorizontalScroll(page);
  await error.scrollIntoViewIfNeeded();
  await screenshot(page, "10-excel-kiem-tra");
  await error.click();
  await eventually(() => selection(page), { sheet: PL3_SHEET, address: PART });
  // Corrected in Excel: the list refreshes by itself (live validation of the changed sheet).
  await typeInExcel(page, PL3_SHEET, PART, 12);
  await error.waitFor({ state: "detached", timeout: 10_000 });

  // 4. Tổng hợp: a second unit sheet that names no unit, typed values, one received file.
  await page.getByRole("tab", { name: "Chèn phụ lục" }).click();
  await page.getByRole("searchbox", { name: "Tìm phụ lục" }).fill("phu luc 3");
  await page.getByRole("checkbox", { name: new RegExp(PL3.replace(/\./g, "\\.")) }).check();
  await page.getByRole("textbox", { name: "Đơn vị báo cáo" }).fill("");
  await page.getByRole("button", { name: "Chèn", exact: true }).click();
  await page.getByText("Đã chèn 1 trang tính.").waitFor();
  const second = `${PL3_SHEET} (2)`;
  expect(await sheetNames(page)).toEqual(["Sheet1", ...family, second]);
  await typeInExcel(page, PL3_SHEET, SUMMED, 4);
  await typeInExcel(page, second, SUMMED, 6);

  await page.getByRole("tab", { name: "Tổng hợp" }).click();
  const sheetsList = page.getByRole("list", { name: "Trang tính của đơn vị" });
  await sheetsList.waitFor();
  // Every recognised sheet is offered; the rollup's own sheets never are.
  await expect(sheetsList.getByRole("checkbox").count()).resolves.toBe(family.length + 1);
  await sheetsList.getByRole("checkbox", { name: new RegExp(`^«${PL3_SHEET}»`) }).check();
  await sheetsList.getByRole("checkbox", { name: new RegExp(`^«${PL3_SHEET} \\(2\\)»`) }).check();
  await expect(sheetsList.getByText(/· trang không ghi tên đơn vị$/).count()).resolves.toBe(1);
  // The unit of the sheet that names none: its sheet name until corrected.
  const unitBox = page.getByRole("textbox", { name: `Đơn vị của trang «${second}»` });
  await expect(unitBox.inputValue()).resolves.toBe(second);
  await unitBox.fill("UBND huyện Hoài Ân");
  await expect(page.getByRole("textbox", { name: `Đơn vị của trang «${PL3_SHEET}»` }).inputValue()).resolves.toBe("UBND huyện An Lão");
  await page.locator("[role=tabpanel] input[type=file]").setInputFiles([await receivedFile("UBND huyện Tây Sơn", 5)]);
  await page.getByText("Đã chọn 1 tệp").waitFor();
  await page.getByRole("textbox", { name: "Đơn vị tổng hợp" }).fill("UBND tỉnh Bình Định");
  await page.getByRole("textbox", { name: "Kỳ báo cáo" }).fill("Năm 2020");
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  await page.getByText("Đã tổng hợp 1 phụ lục từ 3 đơn vị.").waitFor({ timeout: 30_000 });
  const units = page.getByRole("list", { name: "Tình trạng từng đơn vị" });
  for (const unit of ["UBND huyện An Lão", "UBND huyện Hoài Ân", "UBND huyện Tây Sơn"]) await expect(units.getByText(unit, { exact: true }).count()).resolves.toBe(1);
  await expect(units.getByText("Đạt yêu cầu", { exact: true }).count()).resolves.toBe(3);
  await expect(page.getByRole("list", { name: "Tệp đã chọn" }).getByText("Đã đọc", { exact: true }).count()).resolves.toBe(1);
  const rollupSheets = ["TH Đơn vị gửi báo cáo", `TH ${PL3_SHEET}`, `TH CT ${PL3_SHEET}`];
  const afterFirst = await sheetNames(page);
  expect(afterFirst).toEqual(["Sheet1", ...family, second, ...rollupSheets]);
  expect(await cellValue(page, `TH ${PL3_SHEET}`, SUMMED)).toBe(4 + 6 + 5);
  expect(serious(await axe(page))).toEqual([]);
  await noHorizontalScroll(page);
  await page.getByText("Đã tổng hợp 1 phụ lục từ 3 đơn vị.").scrollIntoViewIfNeeded();
  await screenshot(page, "11-excel-tong-hop");

  // Building again replaces the previous rollup's sheets: same names, no «(2)».
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  await page.getByText(/Đã thay 3 trang của lần tổng hợp trước/).waitFor({ timeout: 30_000 });
  expect(await sheetNames(page)).toEqual(afterFirst);
  await expect(sheetsList.getByRole("checkbox").count()).resolves.toBe(family.length + 1);

  // 5. Chỉ tiêu: satisfaction short of its target (over 80%), the user's own rating «Đạt».
  const pl1Sheet = defaultSheetName(findForm(PL1)!);
  const pl8Sheet = defaultSheetName(findForm(PL8)!);
  const satisfaction = cellOf(PL1, "muc-do-hai-long", "y2020q1");
  const rating = cellOf(PL8, "mt02-hai-long-tthc", "danh-gia");
  await typeInExcel(page, pl1Sheet, satisfaction, 75);
  await typeInExcel(page, pl8Sheet, rating, "Đạt");
  await page.getByRole("tab", { name: "Chỉ tiêu" }).click();
  await page.getByRole("button", { name: "Đánh giá chỉ tiêu" }).click();
  // The level is told by the unit («UBND huyện An Lão»): evaluated at once.
  await page.getByText(/\d+ chỉ tiêu cấp huyện/).waitFor({ timeout: 30_000 });
  for (const status of ["Đạt", "Chưa đạt", "Chưa có số liệu", "Tự đánh giá"]) await expect(page.getByText(new RegExp(`^${status}: \\d+$`)).count()).resolves.toBe(1);
  // Both targets measured by that cell are short of it; the cell is marked in the workbook.
  const notMet = page.getByRole("button", { name: new RegExp(`Chưa đạt.*«${pl1Sheet}»!${satisfaction} · đã đánh dấu`) });
  await expect(notMet.count()).resolves.toBe(2);
  await expect(page.getByText(/Đã đánh dấu 1 ô chưa đạt chỉ tiêu/).isVisible()).resolves.toBe(true);
  const flagsCol = layoutForm(findForm(PL1)!).flagsCol;
  const row = Number(satisfaction.replace(/^[A-Z]+/, "")) - 1;
  const flag = await page.evaluate(([s, r, c]) => (window as unknown as PageWindow).cchcStandIn.workbook.sheet(s as string).cell(r as number, c as number).value, [pl1Sheet, row, flagsCol] as const);
  expect(String(flag)).toMatch(/\|T\d+\|/);
  // The chart: one bar per reform area, counts written out.
  const chart = page.getByRole("list", { name: "Theo lĩnh vực cải cách" });
  await expect(chart.getByRole("listitem").count()).resolves.toBeGreaterThan(3);
  await expect(chart.getByRole("listitem").filter({ hasText: "Cải cách TTHC" }).innerText()).resolves.toMatch(/Chưa đạt 1/);
  // The goals come before the targets: the user's own rating first, the suggestion beside it; the
  // goals found short at the top (goal 2, rated Đạt, and goal 5, not rated).
  const goals = page.getByRole("list", { name: new RegExp(`16 mục tiêu — trang «${pl8Sheet}»`) });
  const ratingItem = goals.getByRole("button", { name: /Thủ tục hành chính được cải cách cơ bản, mức độ hài lòng/ });
  await expect(ratingItem.innerText()).resolves.toMatch(/^Mục tiêu 2\s*Đơn vị ghi: Đạt[\s\S]*Gợi ý từ số liệu: Không đạt — khác với đánh giá của đơn vị, hãy xem lại/);
  const order = await goals.getByRole("listitem").allInnerTexts();
  expect(order.slice(0, 2).map((t) => t.split(/\s/).slice(0, 3).join(" "))).toEqual(["Mục tiêu 2", "Mục tiêu 5"]);
  expect(order[1]).toMatch(/Đơn vị chưa ghi/);
  const goalsTop = await goals.evaluate((el) => el.getBoundingClientRect().top);
  const resultsTop = await notMet.first().evaluate((el) => el.getBoundingClientRect().top);
  expect(goalsTop).toBeLessThan(resultsTop);
  expect(await cellValue(page, pl8Sheet, rating)).toBe("Đạt");
  expect(await cellValue(page, pl1Sheet, satisfaction)).toBe(75);
  expect(serious(await axe(page))).toEqual([]);
  await noHorizontalScroll(page);
  await page.getByRole("heading", { name: "Chỉ tiêu", level: 2 }).scrollIntoViewIfNeeded();
  await screenshot(page, "12-excel-chi-tieu");
  await notMet.first().click();
  await eventually(() => selection(page), { sheet: pl1Sheet, address: satisfaction });
  await ratingItem.click();
  await eventually(() => selection(page), { sheet: pl8Sheet, address: rating });

  // 6. Slow round trips: anything over a second shows what the pane is doing.
  await page.evaluate(() => void ((window as unknown as PageWindow).cchcStandIn.workbook.latencyMs = 400));
  await page.getByRole("tab", { name: "Kiểm tra" }).click();
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  await page.getByRole("status").filter({ hasText: /Đang (kiểm tra|đọc trang tính)/ }).waitFor({ timeout: 10_000 });
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).waitFor({ timeout: 20_000 });
  await page.evaluate(() => void ((window as unknown as PageWindow).cchcStandIn.workbook.latencyMs = 5));

  // 7. The user is still typing in a cell: the pane waits and says so, then goes on by itself.
  await page.evaluate(([s, a]) => (window as unknown as PageWindow).cchcStandIn.workbook.startEditing(s as string, a as string), [PL3_SHEET, PART] as const);
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  await page.getByRole("status").filter({ hasText: /chế độ sửa ô/ }).waitFor({ timeout: 10_000 });
  await page.evaluate(() => (window as unknown as PageWindow).cchcStandIn.workbook.finishEditing("mười ba"));
  await page.getByRole("button", { name: new RegExp(`^Lỗi\\s*tại ô ${PART}\\s*:`) }).waitFor({ timeout: 10_000 });
  await expect(page.getByText(/Excel báo lỗi/).count()).resolves.toBe(0);

  // 8. «Kiểm tra môi trường» in the help: facts and probes, no sheet left behind, copied as text.
  const before = await sheetNames(page);
  await page.getByRole("button", { name: "Hướng dẫn: Kiểm tra" }).click();
  await page.getByRole("button", { name: "Kiểm tra môi trường" }).click();
  const results = page.getByLabel("Kết quả kiểm tra môi trường");
  await results.getByText(/^Thử ghi \d+ giá trị/).waitFor({ timeout: 10_000 });
  await expect(results.getByText("1.17", { exact: true }).count()).resolves.toBe(1);
  await expect(results.getByRole("listitem").filter({ hasText: "«=1+1» vào ô Văn bản (@), ghi bằng values" }).innerText()).resolves.toMatch(/^\[đúng\]/);
  expect(await sheetNames(page)).toEqual(before);
  expect(serious(await axe(page))).toEqual([]);
  await noHorizontalScroll(page);
  await session.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  await page.getByRole("button", { name: "Chép kết quả" }).click();
  await page.getByText(/^Đã chép/).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^Kiểm tra môi trường — CCHC Phụ lục\n/);
  expect(copied).toContain("ExcelApi cao nhất: 1.17");
  expect(copied).toContain("[đúng] «'x» vào ô Văn bản (@), ghi bằng formulas");

  expect(session.outside).toEqual([]);
  expect(session.cdn).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  expect(session.pageErrors).toEqual([]);
  await session.context.close();
});
