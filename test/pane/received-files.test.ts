/**
 * The standalone pane reads received files in Web Workers (issue 9), in real Chromium on the
 * production build: 40 files, 5 of them corrupt, are read while the page keeps answering clicks,
 * the 35 good ones roll up; cancelling in the middle of a large file stops within a second; and
 * a damaged .xls that makes the reader allocate without end costs one line, not the tab; the
 * worker also runs from its inlined text (a Blob URL), as a page without separate script files
 * (the Google Sheets sidebar) creates it. The longest main-thread task while 170 files are
 * read and consolidated is a benchmark (test/bench/pane.bench.ts).
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { findForm } from "../../src/catalog";
import { TemplateFiller } from "../support/received";
import { typedValues, unitEntries } from "../support/unit-values";
import { largeWorkbook, mutant } from "../fuzz/mutants";
import { buildProduction, launch, openPane, serve } from "./browser";

const OUT_DIR = "test-output/pane-received";
const OUT = join(__dirname, "..", "..", OUT_DIR);
const PL3 = findForm("tk2011-2020.xa.pl3")!;
const MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
let server: Server;
let browser: Browser;
let base = "";
const good: { name: string; mimeType: string; buffer: Buffer }[] = [];

beforeAll(async () => {
  buildProduction(OUT_DIR);
  server = await serve(OUT);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launch();
  const filler = await TemplateFiller.create([PL3], { period: "Năm 2020" });
  for (let i = 0; i < 35; i++)
    good.push({ name: `xa-${String(i + 1).padStart(3, "0")}.xlsx`, mimeType: MIME, buffer: Buffer.from(await filler.write(`UBND xã Số ${i + 1}`, { [PL3.id]: typedValues(unitEntries(PL3, i)) })) });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
});

/** The Tổng hợp tab of a freshly loaded page (init scripts a test added apply). */
async function openRollup(page: import("playwright-core").Page) {
  await page.reload();
  await page.getByRole("tab", { name: "Tổng hợp" }).click();
  await page.getByRole("heading", { name: "Tổng hợp", level: 2 }).waitFor();
}

test("40 files, 5 corrupt: read in workers while the page answers clicks; the 35 good ones roll up", async () => {
  const session = await openPane(browser, base);
  const { page } = session;
  await openRollup(page);
  const corrupt = Array.from({ length: 5 }, (_, i) => {
    const m = mutant({ name: "x.xlsx", bytes: new Uint8Array(good[0].buffer) }, 77, i * 3);
    return { name: `hong-${i + 1}.xlsx`, mimeType: MIME, buffer: Buffer.from(m.kind.startsWith("truncated") || m.kind.startsWith("bytes") ? m.bytes : m.bytes.subarray(0, 200)) };
  });
  await page.locator("[role=tabpanel] input[type=file]").setInputFiles([...good.slice(0, 35), ...corrupt]);
  await page.getByText("Đã chọn 40 tệp").waitFor();
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  // While the files are read, the page still answers: the help opens and closes at once.
  const help = page.getByRole("button", { name: "Hướng dẫn: Tổng hợp" });
  const clicked = Date.now();
  await help.click({ timeout: 2000 });
  const answered = Date.now() - clicked;
  await page.getByText(/Đã tổng hợp 1 phụ lục từ \d+ đơn vị/).waitFor({ timeout: 120_000 });
  const units = page.getByRole("list", { name: "Tình trạng từng đơn vị" });
  const ok = await units.getByText("Đạt yêu cầu", { exact: true }).count();
  const unreadable = await units.getByText("Không đọc được", { exact: true }).count();
  console.log(`40 files in the standalone pane: ${ok} ok, ${unreadable} unreadable; a click answered in ${answered} ms while reading`);
  expect(ok).toBe(35);
  expect(ok + unreadable + (await units.getByText("Không nhận dạng được", { exact: true }).count())).toBe(40);
  expect(answered).toBeLessThan(1500);
  expect(session.pageErrors).toEqual([]);
  await session.context.close();
}, 300_000);

test("cancel in the middle of a large file stops within a second", async () => {
  const session = await openPane(browser, base);
  const { page } = session;
  await openRollup(page);
  // The large file last: the two small ones are read first, whatever the number of workers, and
  // the large one is still being read when they are done.
  await page.locator("[role=tabpanel] input[type=file]").setInputFiles([...good.slice(0, 2), { name: "rat-lon.xlsx", mimeType: MIME, buffer: Buffer.from(largeWorkbook(1_500_000)) }]);
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  // The two small files are done while the large one is still being read: each file's own status
  // in the list (the progress line names whichever event came last: "Đã đọc 2/3 tệp" may last only
  // a moment before "Đang đọc tệp 3/3").
  const panel = page.locator("[role=tabpanel]");
  const deadline = Date.now() + 60_000;
  while ((await panel.getByText("Đã đọc", { exact: true }).count()) < 2) {
    if (Date.now() > deadline) throw new Error("the two small files were not read within 60 s");
    await page.waitForTimeout(100);
  }
  expect(await panel.getByText("Đang đọc…", { exact: true }).count()).toBe(1);
  await page.waitForTimeout(300);
  const started = Date.now();
  await page.getByRole("button", { name: "Huỷ" }).click();
  await page.getByText("Đã huỷ tổng hợp.").waitFor({ timeout: 5000 });
  const stopped = Date.now() - started;
  console.log(`cancel mid-file: stopped in ${stopped} ms`);
  expect(stopped).toBeLessThan(1000);
  expect(session.pageErrors).toEqual([]);
  await session.context.close();
}, 300_000);

test("a damaged .xls that makes the reader allocate without end: its own line, the page lives on, the good files roll up", async () => {
  // The fuzz mutant that aborted the CLI's process when its workers were threads (see
  // test/xlsx/received-files.test.ts): in the page it must cost its worker, never the tab.
  const session = await openPane(browser, base);
  const { page } = session;
  await openRollup(page);
  const broken = { name: "xls-chuoi-hong.xls", mimeType: "application/vnd.ms-excel", buffer: readFileSync(join(__dirname, "..", "fixtures", "received", "xls-chuoi-hong.xls")) };
  await page.locator("[role=tabpanel] input[type=file]").setInputFiles([broken, ...good.slice(0, 3)]);
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  await page.getByText("Đã tổng hợp 1 phụ lục từ 3 đơn vị.").waitFor({ timeout: 120_000 });
  const units = page.getByRole("list", { name: "Tình trạng từng đơn vị" });
  expect(await units.getByText("Đạt yêu cầu", { exact: true }).count()).toBe(3);
  expect(await units.getByText("Không đọc được", { exact: true }).count()).toBe(1);
  expect(session.pageErrors).toEqual([]);
  await session.context.close();
}, 300_000);

test("the read worker also runs from its inlined text (a Blob URL), as a page without separate script files makes it", async () => {
  const session = await openPane(browser, base);
  const { page } = session;
  const workerFile = readdirSync(OUT).find((f) => /^read-worker\..*js$|^read-worker\.js$/.test(f))!;
  const source = readFileSync(join(OUT, workerFile), "utf8");
  // The page offers the worker as text; the pane's factory builds the pool from it.
  await page.addInitScript((text) => Object.assign(window, { CCHC_READ_WORKER: { source: text } }), source);
  await page.route("**/read-worker*.js", (route) => route.abort()); // the URL is not used
  await openRollup(page);
  await page.locator("[role=tabpanel] input[type=file]").setInputFiles(good.slice(0, 3));
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  await page.getByText("Đã tổng hợp 1 phụ lục từ 3 đơn vị.").waitFor({ timeout: 60_000 });
  await session.context.close();
}, 300_000);
