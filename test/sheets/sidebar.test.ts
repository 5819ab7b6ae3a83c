/**
 * The Google Sheets sidebar in a real browser (Debian Chromium via playwright-core): the built
 * dist-like sidebar.html (one self-contained file, as HtmlService serves it) at the sidebar's
 * 300 px, its `google.script.run` answered by the google.script.run stand-in
 * (test/support/gas-run.ts) whose calls reach, through a page binding, the built Code.js running
 * in node:vm on the Apps Script stand-in. The same scenario as the Excel pane
 * (test/pane/excel-host.test.ts): insert the district family, a mistake typed in the sheet is
 * marked, Kiểm tra lists it and clicking selects the cell; Tổng hợp from two unit sheets and three
 * files (one broken); Chỉ tiêu; «Kiểm tra môi trường» in the help. No request leaves 127.0.0.1.
 * Screenshots 20-23 through test/pane/browser.ts `screenshot` (test-output/screenshots, or
 * docs/screenshots with `npm run screenshots`).
 */
import { readdirSync, readFileSync } from "node:fs";
import type { Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { FORMS, findForm } from "../../src/catalog";
import { parseA1 } from "../../src/core/grid";
import { layoutForm } from "../../src/core/layout";
import { defaultSheetName } from "../../src/core/sheet-names";
import { axe, launch, screenshot, serious, serve } from "../pane/browser";
import { buildSheets, loadServer, readCode, type Server } from "../support/gas-vm";
import { installScriptRun } from "../support/gas-run";
import { cellOf, PART, PL1, PL3, PL3_SHEET, PL8, receivedFile, SUMMED } from "../support/pl3-scenario";
import { templateCalculate as calculate } from "../support/sheets-standin";

const DISTRICT = FORMS.filter((f) => f.family === "tk2011-2020.huyen");
const WIDTH = 300;

let dir: string;
let http: HttpServer;
let browser: Browser;
let base: string;

beforeAll(async () => {
  dir = buildSheets("test-output/sheets-sidebar");
  http = await serve(dir);
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  browser = await launch();
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (http ? http.close(r) : r(undefined)));
});

async function eventually<T>(read: () => T, expected: T, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (JSON.stringify(read()) !== JSON.stringify(expected) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  expect(read()).toEqual(expected);
}

/** The sidebar page with google.script.run reaching the server in Node. */
async function openSidebar(server: Server): Promise<{ page: Page; outside: string[]; pageErrors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 800 }, locale: "vi-VN", reducedMotion: "reduce", serviceWorkers: "block" });
  const outside: string[] = [];
  const pageErrors: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base + "/") || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    outside.push(url);
    return route.abort("blockedbyclient");
  });
  await context.exposeBinding("cchcServer", (_source, name: string, args: unknown[]) => (server.global[name] as (...a: unknown[]) => unknown)(...args));
  await context.addInitScript(
    ([install]) => {
      const w = window as unknown as Record<string, unknown> & { cchcServer: (name: string, args: unknown[]) => Promise<unknown> };
      (new Function(`return ${install}`)() as (t: unknown, d: unknown) => void)(w, (name: string, args: unknown[]) => w.cchcServer(name, args));
    },
    [installScriptRun.toString()] as const,
  );
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.goto(`${base}/sidebar.html`);
  return { page, outside, pageErrors, close: () => context.close() };
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test("sidebar.html is one self-contained file: no script, style or chunk loaded from elsewhere", () => {
  const html = readFileSync(join(dir, "sidebar.html"), "utf8");
  expect(html).not.toMatch(/<script[^>]+src=/i);
  expect(html).not.toMatch(/<link[^>]+href=/i);
  expect(html).toMatch(/<div id="?root"?>/);
  expect(readdirSync(dir).sort()).toEqual(["Code.js", "appsscript.json", "sidebar.html"]);
});

test("in Google Sheets at 300 px: insert the district family, a mistake marked and clicked to, rollup from sheets and files, targets", async () => {
  const server = loadServer(readCode(dir), { calculate });
  const host = server.standIn.host;
  const { page, outside, pageErrors, close } = await openSidebar(server);
  await page.getByRole("heading", { name: "CCHC Phụ lục", level: 1 }).waitFor({ timeout: 20_000 });
  expect(await page.evaluate(() => document.documentElement.dataset.cchcMode)).toBe("sheets");
  await expect(page.getByText("Trong Google Sheets", { exact: true }).isVisible()).resolves.toBe(true);
  expect(serious(await axe(page))).toEqual([]);

  // Chèn phụ lục: the district family.
  await page.getByRole("checkbox", { name: `Chọn cả nhóm: Tổng kết CCHC 2011-2020 — Cấp huyện (${DISTRICT.length} phụ lục)` }).check();
  await page.getByRole("textbox", { name: "Đơn vị báo cáo" }).fill("UBND huyện An Lão");
  await page.getByRole("textbox", { name: "Kỳ báo cáo" }).fill("Năm 2020");
  await page.getByRole("button", { name: "Chèn", exact: true }).click();
  await page.getByText(`Đã chèn ${DISTRICT.length} trang tính.`).waitFor({ timeout: 30_000 });
  const family = DISTRICT.map((f) => defaultSheetName(f));
  expect(host.sheetNames()).toEqual(["Trang tính1", ...family]);
  await noHorizontalScroll(page);
  await screenshot(page, "20-sheets-chen");

  // A mistake typed in the sheet: marked at once (onEdit); Kiểm tra lists it; a click selects it.
  host.type(PL3_SHEET, PART, "mười hai");
  expect(String(host.sheet(PL3_SHEET).cell(parseA1(PART)!.row, layoutForm(findForm(PL3)!).flagsCol).value)).toMatch(/\|E\d+\|/);
  await page.getByRole("tab", { name: "Kiểm tra" }).click();
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  const error = page.getByRole("button", { name: new RegExp(`^Lỗi\\s*tại ô ${PART}\\s*:`) });
  await error.waitFor({ timeout: 30_000 });
  expect(serious(await axe(page))).toEqual([]);
  await noHorizontalScroll(page);
  await error.scrollIntoViewIfNeeded();
  await screenshot(page, "21-sheets-kiem-tra");
  await error.click();
  await eventually(() => host.activeRange, { sheet: PL3_SHEET, a1: PART });
  host.type(PL3_SHEET, PART, 12);

  // Tổng hợp: a second PL3 sheet that names no unit, values typed, three files (one broken).
  await page.getByRole("tab", { name: "Chèn phụ lục" }).click();
  await page.getByRole("searchbox", { name: "Tìm phụ lục" }).fill("phu luc 3");
  await page.getByRole("checkbox", { name: new RegExp(PL3.replace(/\./g, "\\.")) }).check();
  await page.getByRole("textbox", { name: "Đơn vị báo cáo" }).fill("");
  await page.getByRole("button", { name: "Chèn", exact: true }).click();
  await page.getByText("Đã chèn 1 trang tính.").waitFor({ timeout: 30_000 });
  const second = `${PL3_SHEET} (2)`;
  host.type(PL3_SHEET, SUMMED, 4);
  host.type(second, SUMMED, 6);
  await page.getByRole("tab", { name: "Tổng hợp" }).click();
  const sheetsList = page.getByRole("list", { name: "Trang tính của đơn vị" });
  await sheetsList.waitFor({ timeout: 30_000 });
  await sheetsList.getByRole("checkbox", { name: new RegExp(`^«${PL3_SHEET}»`) }).check();
  await sheetsList.getByRole("checkbox", { name: new RegExp(`^«${PL3_SHEET} \\(2\\)»`) }).check();
  await page.getByRole("textbox", { name: `Đơn vị của trang «${second}»` }).fill("UBND huyện Hoài Ân");
  const broken = { name: "hỏng.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from("không phải tệp bảng tính") };
  await page.locator("[role=tabpanel] input[type=file]").setInputFiles([await receivedFile("UBND huyện Tây Sơn", 5), await receivedFile("UBND huyện Phù Cát", 1), broken]);
  await page.getByText("Đã chọn 3 tệp").waitFor();
  await page.getByRole("textbox", { name: "Đơn vị tổng hợp" }).fill("UBND tỉnh Bình Định");
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  const done = page.getByText(/^Đã tổng hợp 1 phụ lục từ 4 đơn vị\. 1 đơn vị gửi tệp không dùng được/);
  await done.waitFor({ timeout: 60_000 });
  const units = page.getByRole("list", { name: "Tình trạng từng đơn vị" });
  for (const unit of ["UBND huyện An Lão", "UBND huyện Hoài Ân", "UBND huyện Tây Sơn", "UBND huyện Phù Cát"]) await expect(units.getByText(unit, { exact: true }).count()).resolves.toBe(1);
  await expect(page.getByRole("list", { name: "Tệp đã chọn" }).getByText("Không đọc được", { exact: true }).count()).resolves.toBe(1);
  const rollupSheets = ["TH Đơn vị gửi báo cáo", `TH ${PL3_SHEET}`, `TH CT ${PL3_SHEET}`];
  expect(host.sheetNames()).toEqual(["Trang tính1", ...family, second, ...rollupSheets]);
  expect(host.sheet(`TH ${PL3_SHEET}`).valueOf(parseA1(SUMMED)!.row, parseA1(SUMMED)!.col)).toBe(4 + 6 + 5 + 1);
  expect(serious(await axe(page))).toEqual([]);
  await noHorizontalScroll(page);
  await done.scrollIntoViewIfNeeded();
  await screenshot(page, "22-sheets-tong-hop");

  // Chỉ tiêu: satisfaction short of its target, marked and selectable; the user's rating kept.
  const pl1Sheet = defaultSheetName(findForm(PL1)!);
  const pl8Sheet = defaultSheetName(findForm(PL8)!);
  const satisfaction = cellOf(PL1, "muc-do-hai-long", "y2020q1");
  const rating = cellOf(PL8, "mt02-hai-long-tthc", "danh-gia");
  host.type(pl1Sheet, satisfaction, 75);
  host.type(pl8Sheet, rating, "Đạt");
  await page.getByRole("tab", { name: "Chỉ tiêu" }).click();
  await page.getByRole("button", { name: "Đánh giá chỉ tiêu" }).click();
  await page.getByText(/\d+ chỉ tiêu cấp huyện/).waitFor({ timeout: 30_000 });
  const notMet = page.getByRole("button", { name: new RegExp(`Chưa đạt.*«${pl1Sheet}»!${satisfaction} · đã đánh dấu`) });
  await expect(notMet.count()).resolves.toBe(2);
  expect(String(host.sheet(pl1Sheet).cell(parseA1(satisfaction)!.row, layoutForm(findForm(PL1)!).flagsCol).value)).toMatch(/\|T\d+\|/);
  expect(host.sheet(pl8Sheet).at(rating).value).toBe("Đạt");
  expect(serious(await axe(page))).toEqual([]);
  await noHorizontalScroll(page);
  await page.getByRole("heading", { name: "Chỉ tiêu", level: 2 }).scrollIntoViewIfNeeded();
  await screenshot(page, "23-sheets-chi-tieu");
  await notMet.first().click();
  await eventually(() => host.activeRange, { sheet: pl1Sheet, a1: satisfaction });

  // «Kiểm tra môi trường» in the help: the probes of this Google Sheets, no sheet left behind.
  const before = host.sheetNames();
  await page.getByRole("tab", { name: "Kiểm tra" }).click();
  await page.getByRole("button", { name: "Hướng dẫn: Kiểm tra" }).click();
  await page.getByRole("button", { name: "Kiểm tra môi trường" }).click();
  const results = page.getByLabel("Kết quả kiểm tra môi trường");
  await results.getByText(/^Thử ghi \d+ giá trị/).waitFor({ timeout: 20_000 });
  await expect(results.getByText("Google Sheets", { exact: true }).count()).resolves.toBeGreaterThan(0);
  await expect(results.getByRole("listitem").filter({ hasText: "Văn bản bắt đầu bằng «=» vào ô Văn bản (@)" }).innerText()).resolves.toMatch(/^\[đúng\]/);
  expect(host.sheetNames()).toEqual(before);
  expect(serious(await axe(page))).toEqual([]);
  await noHorizontalScroll(page);

  expect(outside).toEqual([]);
  expect(pageErrors).toEqual([]);
  await close();
});
