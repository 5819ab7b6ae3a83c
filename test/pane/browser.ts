/**
 * Shared set-up of the pane's browser tests: the production bundle built into test-output/pane,
 * served from 127.0.0.1, opened in Debian's Chromium through playwright-core. The production
 * HTML loads office.js from Microsoft's CDN: every request to the CDN is answered from
 * node_modules/@microsoft/office-js/dist (or made to fail, to play a closed network), and every
 * other request that is not to 127.0.0.1 is aborted and recorded — tests assert there are none.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { dirname, extname, join, normalize, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page, type Route } from "playwright-core";

export const ROOT = join(__dirname, "..", "..");
export const OUT_DIR = "test-output/pane";
export const OUT = join(ROOT, OUT_DIR);
/**
 * Where the browser tests put their screenshots: test-output/screenshots (ignored by git), so that
 * `npm test` never rewrites a tracked file. `npm run screenshots` (scripts/screenshots.mjs) runs the
 * browser tests with CCHC_SCREENSHOTS_DIR=docs/screenshots to refresh the README's pictures on
 * purpose. Every browser test takes its pictures through `screenshot()` below, never to a path of
 * its own.
 */
export const SCREENSHOTS = process.env.CCHC_SCREENSHOTS_DIR ? resolve(ROOT, process.env.CCHC_SCREENSHOTS_DIR) : join(ROOT, "test-output", "screenshots");
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = join(dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome-stable"].filter(
    (p): p is string => Boolean(p),
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error("Chromium not found: run `bash scripts/ensure-chromium.sh` (Debian: apt-get install chromium) or set CHROMIUM_PATH.");
  return found;
}

/**
 * The production build (minified, office.js from the CDN), into test-output/pane or `outDir`
 * (each test file builds into its own folder: jest runs them in parallel and webpack cleans it).
 */
export function buildProduction(outDir = OUT_DIR): void {
  const webpack = join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "webpack.cmd" : "webpack");
  const build = spawnSync(webpack, ["--mode", "production", "--env", `outDir=${outDir}`], {
    cwd: ROOT,
    encoding: "utf8",
    shell: process.platform === "win32",
    env: { ...process.env, ADDIN_URL: "https://cchc.test.invalid/" },
  });
  if (build.status !== 0) throw new Error(`webpack (production) failed:\n${build.stdout}\n${build.stderr}`);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".json": "application/json",
};

export function serve(dir: string): Promise<Server> {
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

/** Saves `name`.png (the viewport, or the whole page) into SCREENSHOTS (see above). */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
}

export type OfficeMode =
  /** office.js and its files answered from the local package (a plain browser: onReady → host null). */
  | "local"
  /** Every CDN request fails: `Office` is undefined (a closed office network). */
  | "unreachable"
  /** office.js loads but the files it loads next fail, so Office.onReady never resolves. */
  | "hanging";

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Requests that would have left 127.0.0.1 (aborted); must stay empty. */
  outside: string[];
  /** CDN requests answered locally. */
  cdn: string[];
  pageErrors: string[];
  /** JavaScript (ours, not office.js) fetched, by URL, with its byte size. */
  scripts: Map<string, number>;
}

export interface PaneOptions {
  office?: OfficeMode;
  /**
   * JavaScript served in place of office.js (a stand-in of Office inside Excel); any other CDN
   * request is then aborted and recorded in `outside`.
   */
  officeJs?: string;
  width?: number;
  height?: number;
  colorScheme?: "light" | "dark";
  path?: string;
}

export async function openPane(browser: Browser, base: string, opts: PaneOptions = {}): Promise<Session> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 320, height: opts.height ?? 720 },
    acceptDownloads: true,
    colorScheme: opts.colorScheme ?? "light",
    locale: "vi-VN",
    // Fluent UI honours it: no fade-ins, so axe never measures colours halfway through one.
    reducedMotion: "reduce",
    serviceWorkers: "block",
  });
  const outside: string[] = [];
  const cdn: string[] = [];
  const pageErrors: string[] = [];
  const scripts = new Map<string, number>();
  const office = opts.office ?? "local";
  await context.route("**/*", async (route: Route) => {
    const url = route.request().url();
    if (url.startsWith(base + "/") || url.startsWith("blob:") || url.startsWith("data:")) return route.continue();
    if (url.startsWith(OFFICE_CDN) && opts.officeJs !== undefined) {
      if (new URL(url).pathname !== "/lib/1/hosted/office.js") {
        outside.push(url);
        return route.abort("blockedbyclient");
      }
      cdn.push(url);
      return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: opts.officeJs });
    }
    if (url.startsWith(OFFICE_CDN)) {
      cdn.push(url);
      const rel = new URL(url).pathname.replace(/^\/lib\/1\/hosted\//, "");
      const file = normalize(join(OFFICE_DIST, rel));
      const helper = rel !== "office.js";
      if (office === "unreachable" || (office === "hanging" && helper)) return route.abort("internetdisconnected");
      if (!file.startsWith(OFFICE_DIST) || !existsSync(file)) return route.fulfill({ status: 404, body: "" });
      return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: readFileSync(file) });
    }
    outside.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("response", async (r) => {
    const url = r.url();
    if (url.startsWith(base) && url.endsWith(".js")) {
      const body = await r.body().catch(() => Buffer.alloc(0));
      scripts.set(url, body.length);
    }
  });
  await page.goto(base + (opts.path ?? "/taskpane.html"));
  return { context, page, outside, cdn, pageErrors, scripts };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (injected from node_modules, no network) on the page. Excluded: Tabster's focus
 * redirectors (`<i data-tabster-dummy tabindex=0 aria-hidden=true>`, put by Fluent UI's TabList
 * around its tabs). They are focusable and aria-hidden on purpose — they pass focus on at once and
 * must not be announced — which axe reports as aria-hidden-focus (microsoft/tabster#288;
 * microsoft/fluentui#27517, closed "By Design").
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // Let transitions (a message bar fading in, a button's hover colour) finish first.
  await page.evaluate(() => Promise.race([Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 2000))]));
  const hasAxe = await page.evaluate(() => "axe" in window);
  if (!hasAxe) await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string; failureSummary?: string }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: object, opts: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run({ include: [["html"]], exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.html.slice(0, 160)} [${(n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 200)}]`) }));
  });
}

/** Serious and critical violations, as lines for a readable failure. */
export function serious(violations: AxeViolation[]): string[] {
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.join(" | ")}`);
}
