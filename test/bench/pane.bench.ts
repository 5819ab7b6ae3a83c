/**
 * Benchmark (npm run bench): the standalone pane in real Chromium, production build, while 170
 * units' files are read (in Web Workers) and consolidated — the longest main-thread task
 * (PerformanceObserver "longtask", which reports tasks over 50 ms). Three runs; the figure is the
 * longest task of all of them. Goal: none over 100 ms, so that the page keeps answering clicks.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, Page } from "playwright-core";
import { findForm } from "../../src/catalog";
import { buildProduction, launch, openPane, ROOT, serve } from "../pane/browser";
import { TemplateFiller } from "../support/received";
import { typedValues, unitEntries } from "../support/unit-values";
import { record } from "./figures";
import { join } from "node:path";

const OUT_DIR = "test-output/bench-pane";
const PL3 = findForm("tk2011-2020.xa.pl3")!;
const MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
let server: Server;
let browser: Browser;
let base = "";
const files: { name: string; mimeType: string; buffer: Buffer }[] = [];

beforeAll(async () => {
  buildProduction(OUT_DIR);
  server = await serve(join(ROOT, OUT_DIR));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launch();
  const filler = await TemplateFiller.create([PL3], { period: "Năm 2020" });
  for (let i = 0; i < 170; i++)
    files.push({ name: `xa-${String(i + 1).padStart(3, "0")}.xlsx`, mimeType: MIME, buffer: Buffer.from(await filler.write(`UBND xã Số ${i + 1}`, { [PL3.id]: typedValues(unitEntries(PL3, i)) })) });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
});

/** One run: the seconds from the click to the result, and every main-thread task over 50 ms meanwhile. */
async function run(): Promise<{ seconds: number; tasks: number[] }> {
  const session = await openPane(browser, base);
  const page: Page = session.page;
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: "longtask", buffered: true });
  });
  await page.reload();
  await page.getByRole("tab", { name: "Tổng hợp" }).click();
  await page.getByRole("heading", { name: "Tổng hợp", level: 2 }).waitFor();
  await page.locator("[role=tabpanel] input[type=file]").setInputFiles(files);
  await page.getByText("Đã chọn 170 tệp").waitFor();
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  const started = Date.now();
  await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
  await page.getByText("Đã tổng hợp 1 phụ lục từ 170 đơn vị.").waitFor({ timeout: 300_000 });
  const seconds = (Date.now() - started) / 1000;
  // What the page does right after the result shows (the sheet preview's render) counts too.
  await page.waitForTimeout(1000);
  const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  expect(session.pageErrors).toEqual([]);
  await session.context.close();
  return { seconds, tasks };
}

it("170 files read and consolidated in the standalone pane: no main-thread task over 100 ms", async () => {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await run());
  const longest = Math.max(0, ...runs.flatMap((r) => r.tasks));
  const detail = `3 runs — ${runs.map((r) => `${r.seconds.toFixed(1)} s, ${r.tasks.length} tasks over 50 ms${r.tasks.length ? ` (longest ${Math.max(...r.tasks).toFixed(0)} ms)` : ""}`).join("; ")}`;
  console.log(`170 files in the standalone pane: longest main-thread task ${longest.toFixed(0)} ms (goal ≤ 100 ms)\n  ${detail}`);
  record({ name: "pane: longest main-thread task, 170 files read and consolidated", measured: Math.round(longest), unit: "ms", goal: "≤ 100 ms", ok: longest <= 100, detail });
  expect(longest).toBeLessThanOrEqual(100);
}, 900_000);
