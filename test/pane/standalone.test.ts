/**
 * The task pane in a real browser (Debian Chromium via playwright-core) over the production
 * bundle, in standalone mode (no Office host): what a clerk does outside Excel.
 *
 *   1. the pane renders at the task pane's 320 px, with no page error, no horizontal scrolling
 *      and no serious axe-core violation (light and dark);
 *   2. search "phu luc 3", tick tk2011-2020.huyen.pl3, type unit and period, «Chèn»;
 *   3. type a mistake into the new sheet, «Kiểm tra», click the error → its cell is selected;
 *   4. «Tổng hợp» three received files (one broken): status per unit, the rollup sheets; again:
 *      the previous rollup's sheets are replaced, not copied; «Chỉ tiêu» evaluated at district level;
 *   5. «Tải về (.xlsx)» → the downloaded workbook, read back with readWorkbook, holds the sheet
 *      with the form's title, unit, period and the typed values, and the rollup sheets; real
 *      LibreOffice opens it (re-saved as .ods, recalculated) with the same values;
 *   5b. «Tải bộ tệp ví dụ» (help of Tổng hợp) saves the example workbook; opened, Kiểm tra finds
 *      its one deliberate mistake;
 *   5c. a unit's Word .docx, dropped in Tổng hợp next to a picked .xlsx, consolidates; opened in the
 *      workspace its appendix table becomes a sheet that «Kiểm tra» checks;
 *   6. a closed network (office.js unreachable) and an Office that never answers both start the
 *      pane in standalone mode within a few seconds.
 * No request leaves 127.0.0.1 (office.js's CDN is answered from the local package). Screenshots
 * of each step go to test-output/screenshots/ (`npm run screenshots`: docs/screenshots/, for the README).
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { findForm } from "../../src/catalog";
import { a1, parseA1 } from "../../src/core/grid";
import { layoutForm } from "../../src/core/layout";
import { defaultSheetName } from "../../src/core/sheet-names";
import { StandaloneBackend } from "../../src/taskpane/standalone-backend";
import { readWorkbook } from "../../src/xlsx/read";
import { formPage, ooxmlDocx } from "../support/docx";
import { libreOfficeFill, tempDir } from "../support/libreoffice";
import { retypedPeriodic, retypedXlsx, TITLE_Q3 } from "../support/retyped";
import { unitEntries } from "../support/unit-values";
import { axe, buildProduction, launch, openPane, OUT, screenshot, serious, serve, type Session } from "./browser";

const PL3 = "tk2011-2020.huyen.pl3";
const FORM = findForm(PL3)!;
const SHEET = defaultSheetName(FORM);
const UNIT = "UBND huyện Tuy Phước";
const PERIOD = "Năm 2020";
/** First-paint budget (issue 6): gzipped JavaScript loaded before the pane is usable. */
const FIRST_PAINT_BUDGET = 350 * 1024;

let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  buildProduction();
  server = await serve(OUT);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
});


/** The pane is up: its title and the four steps. */
async function ready(page: Page, timeout = 15_000): Promise<void> {
  await page.getByRole("heading", { name: "CCHC Phụ lục", level: 1 }).waitFor({ timeout });
  await page.getByRole("tab", { name: "Chèn phụ lục" }).waitFor({ timeout });
}

/** «Chèn phụ lục»: the district Phụ lục 3, found by searching without diacritics, inserted blank. */
async function insertBlankPl3(page: Page): Promise<void> {
  await page.getByRole("searchbox", { name: "Tìm phụ lục" }).fill("phu luc 3");
  await page.getByRole("checkbox", { name: /tk2011-2020\.huyen\.pl3/ }).check();
  await page.getByRole("button", { name: "Chèn", exact: true }).click();
  await page.getByText("Đã chèn 1 trang tính.").waitFor();
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

function expectOnlyLocal(session: Session): void {
  expect(session.outside).toEqual([]);
  for (const url of session.cdn) expect(url.startsWith("https://appsforoffice.microsoft.com/lib/1/hosted/")).toBe(true);
  expect(session.pageErrors).toEqual([]);
}

/** Three received files: two units' filled PL3 (made by the standalone backend), one broken. */
async function receivedFiles(): Promise<{ name: string; mimeType: string; buffer: Buffer }[]> {
  const { parts } = partsAndTotal();
  const mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const out = [];
  for (const [unit, a, b] of [["UBND huyện An Lão", 10, 5], ["UBND huyện Hoài Ân", 20, 1]] as const) {
    const backend = new StandaloneBackend();
    await backend.insertForms({ formIds: [PL3], unit, period: PERIOD });
    backend.workspace.setCell(SHEET, parts[0], String(a));
    backend.workspace.setCell(SHEET, parts[1], String(b));
    out.push({ name: `${unit}.xlsx`, mimeType: mime, buffer: Buffer.from((await backend.download!()).bytes) });
  }
  out.push({ name: "bao-cao-hong.xlsx", mimeType: mime, buffer: Buffer.from("không phải bảng tính") });
  return out;
}

/** The input cells of a total row's parts in the first value column (A1). */
function partsAndTotal() {
  const layout = layoutForm(FORM);
  const total = FORM.rows.find((r) => r.relation?.type === "sum" && r.kind === "count")!;
  const column = FORM.columns.find((c) => c.role === "value")!;
  const col = layout.colIndex.get(column.id)!;
  const at = (id: string) => a1(layout.rowIndex.get(id)!, col);
  return { total: at(total.id), parts: total.relation!.of.map(at), titleRow: 1 };
}

test("standalone: insert PL3, type a mistake, check and click to it, consolidate, targets, download", async () => {
  const session = await openPane(browser, base);
  const { page } = session;
  await ready(page);

  // 1. At 320 px: standalone, usable, accessible, small first paint.
  expect(await page.evaluate(() => document.documentElement.dataset.cchcMode)).toBe("standalone");
  await expect(page.getByText("Chế độ trình duyệt").first().isVisible()).resolves.toBe(true);
  await noHorizontalScroll(page);
  expect(serious(await axe(page))).toEqual([]);
  // Our JavaScript loaded so far: the entry bundle only; the xlsx libraries are chunks loaded later.
  const firstPaint = [...session.scripts.keys()].filter((url) => !url.includes("/office-js/"));
  expect(firstPaint.filter((url) => url.includes("/chunks/"))).toEqual([]);
  expect(firstPaint.some((url) => /\/taskpane\.[0-9a-f]+\.js$/.test(url))).toBe(true);
  const gz = firstPaint.reduce((n, url) => n + gzipSync(readFileSync(join(OUT, new URL(url).pathname))).length, 0);
  expect(gz).toBeLessThanOrEqual(FIRST_PAINT_BUDGET);
  await screenshot(page, "01-chen-phu-luc");

  // Help is collapsible and keyboard-reachable.
  const help = page.getByRole("button", { name: "Hướng dẫn: Chèn phụ lục" });
  await help.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText(/gõ có dấu hay không dấu/).isVisible()).resolves.toBe(true);
  await page.keyboard.press("Enter");

  // 2. Search without diacritics, pick the district PL3, unit and period, insert.
  await page.getByRole("searchbox", { name: "Tìm phụ lục" }).fill("phu luc 3");
  await page.getByText("Tìm thấy 3 phụ lục.").waitFor();
  const box = page.getByRole("checkbox", { name: new RegExp(PL3.replace(/\./g, "\\.")) });
  await box.check();
  await page.getByRole("textbox", { name: "Đơn vị báo cáo" }).fill(UNIT);
  await page.getByRole("textbox", { name: "Kỳ báo cáo" }).fill(PERIOD);
  await expect(page.getByText("Đã chọn 1 phụ lục").isVisible()).resolves.toBe(true);
  await noHorizontalScroll(page);
  expect(serious(await axe(page))).toEqual([]);
  await screenshot(page, "02-tim-va-chon");

  await page.getByRole("button", { name: "Chèn", exact: true }).click();
  await page.getByText("Đã chèn 1 trang tính.").waitFor();
  await expect(page.getByRole("list", { name: "Trang tính đã tạo" }).innerText()).resolves.toContain(`«${SHEET}»`);
  // The preview shows the new sheet with its title.
  const grid = page.getByRole("grid", { name: `Trang tính «${SHEET}»` });
  await expect(grid.getByText(FORM.title).first().isVisible()).resolves.toBe(true);
  await page.getByText("Đã chèn 1 trang tính.").scrollIntoViewIfNeeded();
  await screenshot(page, "03-da-chen");

  // 3. A mistake: text in a count, and parts that the total row adds up.
  const { parts, total } = partsAndTotal();
  const editor = page.getByRole("textbox", { name: /^Ô / });
  const typeInto = async (cell: string, text: string) => {
    const [col, row] = [cell.replace(/\d+$/, ""), Number(cell.replace(/^[A-Z]+/, ""))];
    const key = `${row - 1}:${col.charCodeAt(0) - 65}`;
    await grid.locator(`[data-cell="${key}"]`).click();
    await editor.fill(text);
    await editor.press("Enter");
  };
  await typeInto(parts[1], "7");
  await typeInto(parts[0], "mười hai");
  const totalCell = grid.locator(`[data-cell="${Number(total.replace(/^[A-Z]+/, "")) - 1}:${total.charCodeAt(0) - 65}"]`);
  await totalCell.click();
  // The total shows only the reported part (7) while the other is not a number. The editor
  // follows the selection a render later (the preview renders a step behind): wait for it.
  await page.getByRole("textbox", { name: new RegExp(`^Ô ${total}\\b`) }).waitFor();
  await expect(editor.inputValue()).resolves.toBe("7");

  await page.getByRole("tab", { name: "Kiểm tra" }).click();
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  await page.getByText(/\d+ lỗi, \d+ cảnh báo/).first().waitFor();
  const error = page.getByRole("button", { name: new RegExp(`^Lỗi\\s*tại ô ${parts[0]}\\s*:`) });
  await error.waitFor();
  // A partly filled form: the one error first, then the blank rows as one folded warning.
  const sheetList = page.getByRole("list", { name: `Lỗi và cảnh báo của trang «${SHEET}»` });
  const items = await sheetList.locator(":scope > li").allInnerTexts();
  expect(items).toHaveLength(2);
  expect(items[0]).toMatch(new RegExp(`^Lỗi\\s*tại ô\\s*${parts[0]}\\s*:\\s*Dòng «`));
  expect(items[1]).toMatch(/^Cảnh báo\s*:?\s*\d+ dòng chưa có số liệu: dòng \d/);
  const folded = page.getByRole("button", { name: /dòng chưa có số liệu/ });
  await expect(folded.getAttribute("aria-expanded")).resolves.toBe("false");
  await noHorizontalScroll(page);
  expect(serious(await axe(page))).toEqual([]);
  await screenshot(page, "04-kiem-tra");
  // It expands to one selectable warning per row; long labels are shortened, the full text is the tooltip.
  await folded.click();
  await expect(folded.getAttribute("aria-expanded")).resolves.toBe("true");
  const blankRows = Number(/(\d+) dòng chưa có số liệu/.exec(items[1])![1]);
  const rows = page.getByRole("list", { name: /dòng chưa có số liệu/ }).getByRole("button", { name: /^Cảnh báo\s*tại ô [A-Z]+\d+/ });
  await expect(rows.count()).resolves.toBe(blankRows);
  const shortened = rows.filter({ hasText: "…»" }).first();
  await shortened.hover();
  const tooltip = await page.getByRole("tooltip").innerText();
  const long = FORM.rows.find((r) => r.label.length > 60 && tooltip === `«${r.label}»`);
  expect(long).toBeDefined();
  const shown = await shortened.innerText();
  expect(shown).not.toContain(long!.label);
  expect(shown).toContain(`«${long!.label.slice(0, 30)}`);
  expect(serious(await axe(page))).toEqual([]);
  await noHorizontalScroll(page);
  await page.mouse.move(0, 0);
  await page.getByRole("tooltip").waitFor({ state: "detached" });
  // …and folds back by keyboard.
  await folded.focus();
  await page.keyboard.press("Enter");
  await expect(folded.getAttribute("aria-expanded")).resolves.toBe("false");
  await error.click();
  // The preview selects that cell and the editor shows it.
  // (A render later: wait for it.)
  await page.getByText(`Ô ${parts[0]}`, { exact: true }).waitFor();
  const selected = grid.locator('[aria-selected="true"]');
  await selected.filter({ hasText: "mười hai" }).waitFor();
  await expect(selected.count()).resolves.toBe(1);
  await expect(selected.innerText()).resolves.toBe("mười hai");
  await screenshot(page, "05-chon-o-loi");
  // Fix it, check again: that error is gone.
  await editor.fill("12");
  await editor.press("Enter");
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  await page.getByRole("button", { name: new RegExp(`^Lỗi\\s*tại ô ${parts[0]}\\s*:`) }).waitFor({ state: "detached" });

  // Tổng hợp: three received files, one of them broken.
  await page.getByRole("tab", { name: "Tổng hợp" }).click();
  await page.getByRole("heading", { name: "Tổng hợp", level: 2 }).waitFor();
  await page.locator("[role=tabpanel] input[type=file]").setInputFiles(await receivedFiles());
  await page.getByText("Đã chọn 3 tệp").waitFor();
  await page.getByRole("textbox", { name: "Đơn vị tổng hợp" }).fill("UBND tỉnh Bình Định");
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  await page.getByText("Đã tổng hợp 1 phụ lục từ 2 đơn vị. 1 đơn vị gửi tệp không dùng được (không đọc được hoặc không có phụ lục nào nhận dạng được).").waitFor({ timeout: 30_000 });
  const units = page.getByRole("list", { name: "Tình trạng từng đơn vị" });
  await expect(units.getByText("Không đọc được", { exact: true }).count()).resolves.toBe(1);
  await expect(units.getByText("Đạt yêu cầu", { exact: true }).count()).resolves.toBe(2);
  expect(serious(await axe(page))).toEqual([]);
  await noHorizontalScroll(page);
  await screenshot(page, "06-tong-hop");
  // Consolidating again replaces the previous rollup's sheets (the download below has them once).
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  await page.getByText(/Đã thay 3 trang của lần tổng hợp trước/).waitFor({ timeout: 30_000 });

  // Chỉ tiêu on what the workbook now holds (the district appendix and the rollup).
  await page.getByRole("tab", { name: "Chỉ tiêu" }).click();
  await page.getByRole("heading", { name: "Chỉ tiêu", level: 2 }).waitFor();
  await page.getByRole("combobox", { name: "Cấp báo cáo" }).selectOption("huyen");
  await page.getByRole("button", { name: "Đánh giá chỉ tiêu" }).click();
  await page.getByText(/\d+ chỉ tiêu cấp huyện/).waitFor();
  await expect(page.getByText(/^Chưa có số liệu: \d+$/).isVisible()).resolves.toBe(true);
  expect(serious(await axe(page))).toEqual([]);
  await noHorizontalScroll(page);
  await screenshot(page, "07-chi-tieu");

  // 4. Download and read the workbook back.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải về (.xlsx)" }).first().click()]);
  // Named after the unit of the last insert or rollup (here the consolidating province).
  expect(download.suggestedFilename()).toBe("cchc-ubnd-tinh-binh-dinh.xlsx");
  const bytes = new Uint8Array(readFileSync((await download.path())!));
  const read = readWorkbook(bytes, download.suggestedFilename());
  if (!read.ok) throw new Error(read.reason);
  expect(read.sheets.map((s) => s.sheet)).toEqual([SHEET, "TH Đơn vị gửi báo cáo", `TH ${SHEET}`, `TH CT ${SHEET}`]);
  const values = read.sheets[0].cells.flat().map((c) => c?.value);
  expect(values).toContain(FORM.title);
  expect(values).toContain(UNIT);
  expect(values).toContain(PERIOD);
  const cell = (address: string) => {
    const col = address.charCodeAt(0) - 65;
    const row = Number(address.slice(1)) - 1;
    return read.sheets[0].cells[row]?.[col];
  };
  expect(cell(parts[0])?.value).toBe(12);
  expect(cell(parts[1])?.value).toBe(7);
  expect(cell(total)?.formula).toMatch(/SUM\(/);
  await page.getByText(/Đã tạo tệp «cchc-ubnd-tinh-binh-dinh\.xlsx»/).waitFor();

  // 5. Real LibreOffice opens the download (re-saved as .ods, recalculated) with the same values.
  const dir = tempDir("cchc-pane-lo-");
  const xlsxPath = join(dir, download.suggestedFilename());
  const odsPath = join(dir, "tai-ve.ods");
  writeFileSync(xlsxPath, bytes);
  libreOfficeFill(xlsxPath, [], [{ path: odsPath, format: "ods" }]);
  const lo = readWorkbook(new Uint8Array(readFileSync(odsPath)), "tai-ve.ods");
  if (!lo.ok) throw new Error(lo.reason);
  expect(lo.sheets.map((s) => s.sheet)).toEqual([SHEET, "TH Đơn vị gửi báo cáo", `TH ${SHEET}`, `TH CT ${SHEET}`]);
  const at = (sheet: number, address: string) => {
    const p = parseA1(address)!;
    return lo.sheets[sheet].cells[p.row]?.[p.col]?.value ?? null;
  };
  const loValues = (sheet: number) => lo.sheets[sheet].cells.flat().map((c) => c?.value);
  expect(loValues(0)).toEqual(expect.arrayContaining([FORM.title, UNIT, PERIOD]));
  expect([at(0, parts[0]), at(0, parts[1]), at(0, total)]).toEqual([12, 7, 19]);
  // The rollup sheets: status per unit, the rollup (these rows are a shared catalogue, so the two
  // units' differing values are reported), the detail per unit — cell for cell as the pane wrote them.
  expect(loValues(1)).toEqual(expect.arrayContaining(["UBND huyện An Lão", "UBND huyện Hoài Ân"]));
  expect(at(2, parts[0])).toBe("Không thống nhất: 10 (1 đơn vị) · 20 (1 đơn vị)");
  expect(loValues(2)).toContain(FORM.title);
  for (const index of [1, 2, 3]) {
    const written = read.sheets[index].cells.flatMap((row, r) => (row ?? []).map((c, col) => [a1(r, col), c?.value ?? null] as const)).filter(([, v]) => v !== null && v !== "");
    expect(written.length).toBeGreaterThan(0);
    expect(written.map(([address]) => [address, at(index, address)])).toEqual(written);
  }

  expectOnlyLocal(session);
  await session.context.close();
}, 300_000);

test("«Tải bộ tệp ví dụ» in the help of Tổng hợp: three communes' sheets, opened and checked, one deliberate mistake; consolidated for the province; its goals per commune", async () => {
  const session = await openPane(browser, base);
  const { page } = session;
  await ready(page);
  await page.getByRole("tab", { name: "Tổng hợp" }).click();
  await page.getByRole("button", { name: "Hướng dẫn: Tổng hợp" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải bộ tệp ví dụ" }).click()]);
  expect(download.suggestedFilename()).toBe("vi-du-cchc-phu-luc-3-cap-xa.xlsx");
  await page.getByText("Đã tải về «vi-du-cchc-phu-luc-3-cap-xa.xlsx».").waitFor();
  await page.locator("#workspace-file").setInputFiles((await download.path())!);
  await page.getByText(/^3 trang tính · đã mở:/).waitFor();
  await page.getByRole("tab", { name: "Kiểm tra" }).click();
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  await page.getByText(/1 lỗi, 0 cảnh báo/).first().waitFor();

  // The province consolidates the three communes; the commune with the mistake still counts.
  await page.getByRole("tab", { name: "Tổng hợp" }).click();
  await page.getByRole("button", { name: "Chọn tất cả" }).click();
  await page.getByRole("textbox", { name: "Đơn vị tổng hợp" }).fill("UBND tỉnh Bình Định");
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  await page
    .getByText("Đã tổng hợp 1 phụ lục từ 3 đơn vị, trong đó 1 đơn vị có ô bị loại vì lỗi (các ô hợp lệ khác của đơn vị vẫn được tổng hợp).")
    .waitFor({ timeout: 30_000 });

  // Chỉ tiêu on the rollup, at the communes' level: per goal «Đạt: 2/3» and the commune that did not.
  await page.getByRole("tab", { name: "Chỉ tiêu" }).click();
  await page.getByRole("button", { name: "Đánh giá chỉ tiêu" }).click();
  await page.getByText(/\d+ chỉ tiêu cấp xã/).waitFor();
  const goals = page.getByRole("list", { name: /^16 mục tiêu — trang «TH [^»]+» \(tổng hợp\)$/ });
  const items = await goals.getByRole("listitem").allInnerTexts();
  expect(items).toHaveLength(16);
  // the goals some commune did not rate Đạt come first, each naming it
  const expected: [string, string][] = [
    ["Mục tiêu 2", "Không đạt: UBND xã Cát Tân"],
    ["Mục tiêu 3", "ghi khác: UBND xã Cát Sơn («abc»)"],
    ["Mục tiêu 5", "Không đạt: UBND xã Cát Hanh"],
    ["Mục tiêu 6", "Không đạt: UBND xã Cát Hanh"],
  ];
  expected.forEach(([goal, who], i) => {
    expect(items[i].startsWith(`${goal}\nĐạt: 2/3`) || items[i].startsWith(`${goal} Đạt: 2/3`)).toBe(true);
    expect(items[i]).toContain(who);
  });
  for (const item of items.slice(4)) expect(item).toMatch(/^Mục tiêu \d+\s*Đạt: 3\/3/);
  expect(serious(await axe(page))).toEqual([]);
  await noHorizontalScroll(page);
  await goals.scrollIntoViewIfNeeded();
  await page.getByRole("heading", { name: /^16 mục tiêu — trang «TH / }).scrollIntoViewIfNeeded();
  await screenshot(page, "13-chi-tieu-xa");
  expectOnlyLocal(session);
  await session.context.close();
});

test("Tổng hợp asks which column holds this period's figures, remembers the answer for that unit's layout, and can forget it", async () => {
  const mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const unlabeled = retypedPeriodic({ header: "two-unlabeled", top: ["UBND XÃ IA TUL", TITLE_Q3] });
  const clear = retypedPeriodic({ header: "ky-truoc-ky-nay", unit: 1, top: ["UBND XÃ IA PA", TITLE_Q3] });
  const files = [
    { name: "ia-tul.xlsx", mimeType: mime, buffer: Buffer.from(await retypedXlsx(unlabeled)) },
    { name: "ia-pa.xlsx", mimeType: mime, buffer: Buffer.from(await retypedXlsx(clear)) },
  ];
  const session = await openPane(browser, base);
  const { page } = session;
  await ready(page);
  const consolidate = async () => {
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.locator("[role=tabpanel] input[type=file]").setInputFiles(files);
    await page.getByText("Đã chọn 2 tệp").waitFor();
    await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
    await page.getByText("Kỳ tổng hợp: Quý III năm 2026 (2026-Q3)").waitFor({ timeout: 30_000 });
  };
  await consolidate();
  const units = page.getByRole("list", { name: "Tình trạng từng đơn vị" });
  await expect(units.getByText("Cần chọn cột số liệu", { exact: true }).count()).resolves.toBe(1);
  const question = page.getByRole("radiogroup", { name: /UBND XÃ IA TUL: cột nào chứa số liệu «Số liệu» của kỳ này\?/ });
  await question.waitFor();
  await expect(question.getByRole("radio").count()).resolves.toBe(3);
  expect(serious(await axe(page))).toEqual([]);
  await noHorizontalScroll(page);
  await screenshot(page, "14-chon-cot-so-lieu", true);
  // This period's figures are in D (E holds the comparison figures).
  await question.getByRole("radio", { name: /^Cột D/ }).check();
  await page.getByRole("button", { name: "Dùng cột đã chọn và tổng hợp lại" }).click();
  await units.getByText("Đạt yêu cầu", { exact: true }).nth(1).waitFor({ timeout: 30_000 });
  await expect(question.count()).resolves.toBe(0);
  await page.getByText("Đang dùng 1 lựa chọn cột số liệu đã ghi nhớ trên máy này.").waitFor();

  // Another day: the same unit's same layout is read the same way without asking.
  await page.reload();
  await ready(page);
  await consolidate();
  await expect(units.getByText("Đạt yêu cầu", { exact: true }).count()).resolves.toBe(2);
  await expect(question.count()).resolves.toBe(0);
  // Forgotten: asked again.
  await page.getByRole("button", { name: "Quên các lựa chọn cột" }).click();
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  await question.waitFor({ timeout: 30_000 });
  expectOnlyLocal(session);
  await session.context.close();
}, 300_000);

test("Word: a .docx is picked or dropped in Tổng hợp next to an .xlsx, and opens as sheets to check", async () => {
  const session = await openPane(browser, base);
  const { page } = session;
  await ready(page);
  const entries = unitEntries(FORM, 0, { typeTotals: true, columns: ["y2019"] });
  const word = {
    name: "bao-cao-an-nhon.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from(ooxmlDocx(formPage(FORM, entries, { heading: { authority: "ỦY BAN NHÂN DÂN", name: "THỊ XÃ AN NHƠN" } }))),
  };
  const [excel] = await receivedFiles();

  await page.getByRole("tab", { name: "Tổng hợp" }).click();
  const picker = page.locator("[role=tabpanel] input[type=file]");
  expect(await picker.getAttribute("accept")).toContain(".docx");
  await picker.setInputFiles([excel]);
  // The Word file is dropped onto «Tệp nhận được», as from Explorer or an e-mail.
  const dropped = await page.evaluateHandle(({ name, mimeType, bytes }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
    return transfer;
  }, { name: word.name, mimeType: word.mimeType, bytes: [...word.buffer] });
  const area = page.getByRole("region", { name: "Tệp nhận được" });
  await area.dispatchEvent("dragover", { dataTransfer: dropped });
  await area.dispatchEvent("drop", { dataTransfer: dropped });
  await page.getByText("Đã chọn 2 tệp").waitFor();
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  await page.getByText("Đã tổng hợp 1 phụ lục từ 2 đơn vị.").waitFor({ timeout: 30_000 });
  const units = page.getByRole("list", { name: "Tình trạng từng đơn vị" });
  await expect(units.getByText("Đạt yêu cầu", { exact: true }).count()).resolves.toBe(2);
  await expect(units.getByText(/THỊ XÃ AN NHƠN/).count()).resolves.toBeGreaterThan(0);

  // Opened in the workspace: its tables become sheets; the appendix is checked like any sheet.
  await page.locator("#workspace-file").setInputFiles(word);
  await page.getByText(/trang tính · đã mở: .*bao-cao-an-nhon\.docx/).waitFor();
  await page.getByRole("tab", { name: "Kiểm tra" }).click();
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  await page.getByText(/Phụ lục 3/).first().waitFor();
  await page.getByText(/\b0 lỗi/).first().waitFor();
  expectOnlyLocal(session);
  await session.context.close();
});

test("keyboard: the steps are tabs reachable with the arrow keys", async () => {
  const session = await openPane(browser, base);
  const { page } = session;
  await ready(page);
  await page.getByRole("tab", { name: "Chèn phụ lục" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Kiểm tra", level: 2 }).waitFor();
  await expect(page.getByRole("tab", { name: "Kiểm tra" }).getAttribute("aria-selected")).resolves.toBe("true");
  expectOnlyLocal(session);
  await session.context.close();
});

test("a warning about a whole sheet is plain text in the normal colour, not a greyed-out button", async () => {
  const session = await openPane(browser, base);
  const { page } = session;
  await ready(page);
  await insertBlankPl3(page);
  await page.getByRole("tab", { name: "Kiểm tra" }).click();
  await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
  // A blank sheet: one warning about the whole sheet (no cell to select).
  const warning = page.getByRole("tabpanel").getByText(/chưa có số liệu nào trong/);
  await warning.waitFor();
  await expect(page.locator("button:disabled").filter({ hasText: "chưa có số liệu nào" }).count()).resolves.toBe(0);
  const contrast = await warning.evaluate((el) => {
    const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const lum = ([r, g, b]: number[]) =>
      [r, g, b].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    let bg: Element | null = el;
    while (bg && getComputedStyle(bg).backgroundColor.replace(/\s/g, "") === "rgba(0,0,0,0)") bg = bg.parentElement;
    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(getComputedStyle(bg ?? document.body).backgroundColor))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
  expect(contrast).toBeGreaterThanOrEqual(4.5);
  expect(serious(await axe(page))).toEqual([]);
  expectOnlyLocal(session);
  await session.context.close();
});

test.each([320, 340, 360])("at %i px the four steps are on one line", async (width) => {
  const session = await openPane(browser, base, { width });
  const { page } = session;
  await ready(page);
  const tops = await page.getByRole("tab").evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
  expect(tops).toHaveLength(4);
  expect(new Set(tops).size).toBe(1);
  await noHorizontalScroll(page);
  expectOnlyLocal(session);
  await session.context.close();
});

test("dark colour scheme: readable (no serious axe violation) at 320 px", async () => {
  const session = await openPane(browser, base, { colorScheme: "dark" });
  const { page } = session;
  await ready(page);
  await page.getByRole("searchbox", { name: "Tìm phụ lục" }).fill("phu luc 3");
  await page.getByText("Tìm thấy 3 phụ lục.").waitFor();
  const background = await page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor);
  expect(background).not.toBe("rgb(255, 255, 255)");
  expect(serious(await axe(page))).toEqual([]);
  await screenshot(page, "08-giao-dien-toi");
  expectOnlyLocal(session);
  await session.context.close();
});

test("wide window: the workbook preview sits beside the steps", async () => {
  const session = await openPane(browser, base, { width: 1280, height: 800 });
  const { page } = session;
  await ready(page);
  await insertBlankPl3(page);
  const main = await page.locator("main").boundingBox();
  const aside = await page.getByRole("complementary", { name: "Bảng tính" }).boundingBox();
  expect(aside!.x).toBeGreaterThan(main!.x + main!.width - 1);
  expect(serious(await axe(page))).toEqual([]);
  await screenshot(page, "09-cua-so-rong");
  expectOnlyLocal(session);
  await session.context.close();
});

describe("without Office", () => {
  test("office.js unreachable (closed network): standalone at once", async () => {
    const started = Date.now();
    const session = await openPane(browser, base, { office: "unreachable" });
    await ready(session.page, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await session.page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("undefined");
    await expect(session.page.getByText(/Không tải được thư viện Office/).isVisible()).resolves.toBe(true);
    expect(session.outside).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    await session.context.close();
  });

  test("Office.onReady never answers: standalone after about 3 s", async () => {
    const started = Date.now();
    const session = await openPane(browser, base, { office: "hanging" });
    await ready(session.page, 8_000);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(2_500);
    expect(elapsed).toBeLessThan(8_000);
    await expect(session.page.getByText(/Office không phản hồi/).isVisible()).resolves.toBe(true);
    expect(session.outside).toEqual([]);
    await session.context.close();
  });

  test("office.js's history.pushState/replaceState = null is undone; its telemetry frame never loads", async () => {
    const session = await openPane(browser, base);
    await ready(session.page);
    const types = await session.page.evaluate(() => [typeof history.pushState, typeof history.replaceState]);
    expect(types).toEqual(["function", "function"]);
    // office.js's helper opens a telemetry iframe 3 s after it loads, unless the pane stops it.
    await session.page.waitForTimeout(4_500);
    expect(session.outside).toEqual([]);
    expect(await session.page.evaluate(() => document.querySelectorAll("iframe").length)).toBe(0);
    await session.context.close();
  });
});
