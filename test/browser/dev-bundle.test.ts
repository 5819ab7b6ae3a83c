/**
 * The development bundle in a browser: builds it (`webpack --mode development`, office.js copied
 * from node_modules/@microsoft/office-js) into test-output/web, serves it over http and opens it
 * in Chromium (Debian's `chromium`, installed by scripts/ensure-chromium.sh; or CHROMIUM_PATH)
 * through playwright-core. Proves the dev build is complete: the local office.js and everything
 * it fetches are there, `Office.onReady` answers outside Office (host null), the pane renders,
 * and the manifest's FunctionFile page loads. What the pane does is tested in test/pane (over the
 * production bundle).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

const ROOT = join(__dirname, "..", "..");
const OUT = join(ROOT, "test-output", "web");

function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/lib/chromium/chromium", // Debian's binary (the /usr/bin/chromium wrapper also works)
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome-stable",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      "Chromium not found: run `bash scripts/ensure-chromium.sh` (Debian: apt-get install chromium) or set CHROMIUM_PATH.",
    );
  }
  return found;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\])+/, "");
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const webpack = join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "webpack.cmd" : "webpack");
  const build = spawnSync(webpack, ["--mode", "development", "--env", "outDir=test-output/web"], {
    cwd: ROOT,
    encoding: "utf8",
    shell: process.platform === "win32",
  });
  if (build.status !== 0) throw new Error(`webpack (development) failed:\n${build.stdout}\n${build.stderr}`);
  server = await serve(OUT);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ["--no-sandbox"] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
});

async function open(path: string): Promise<{ page: Page; errors: string[]; missing: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  const missing: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("response", (r) => {
    if (r.url().startsWith(base) && r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(base + path);
  return { page, errors, missing };
}

test("taskpane.html loads the local office.js and renders the pane outside Office", async () => {
  const { page, errors, missing } = await open("/taskpane.html");
  await page.waitForFunction(() => (document.getElementById("root")?.childElementCount ?? 0) > 0, undefined, { timeout: 20_000 });
  const info = await page.evaluate(async () => {
    const office = (window as unknown as { Office?: typeof Office }).Office;
    const ready = office ? await office.onReady() : null;
    const script = document.querySelector<HTMLScriptElement>('script[src*="office.js"]')?.getAttribute("src");
    return { hasOffice: Boolean(office), host: ready?.host ?? null, script, lang: document.documentElement.lang };
  });
  expect(info).toEqual({ hasOffice: true, host: null, script: "office-js/office.js", lang: "vi" });
  expect(await page.locator("#cchc-old-webview").isVisible()).toBe(false);
  expect(errors).toEqual([]);
  expect(missing).toEqual([]);
  await page.close();
});

test("commands.html (the manifest's FunctionFile) loads without errors", async () => {
  const { page, errors, missing } = await open("/commands.html");
  await page.waitForLoadState("load");
  expect(errors).toEqual([]);
  expect(missing).toEqual([]);
  await page.close();
});
