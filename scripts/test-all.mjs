#!/usr/bin/env node
// npm test: every check, on a fresh Debian machine too.
//
//   1. LibreOffice Calc and Writer (interop tests), Chromium (browser tests) and openpyxl (retyped
//      workbooks in the interop tests): installed from Debian packages when missing
//      (scripts/ensure-*.sh; needs root or password-less sudo, as in CI)
//   2. lint: ESLint (incl. the layering rules) and `tsc --noEmit`
//   3. the production webpack build (dist/, manifest rewritten to the production URL)
//   4. jest: every suite, including the browser tests (test/browser, Chromium via playwright-core)
//   5. the checkout is left as it was: `git status --porcelain` (with untracked files) and the
//      content of every file it lists are compared before and after the run. On a clean clone (CI)
//      that means `git status --porcelain` is empty at the end; on a developer's machine with
//      uncommitted work the work is allowed, but no test may add, change or delete a file git sees
//      (screenshots go to the ignored test-output/screenshots; `npm run screenshots` refreshes
//      docs/screenshots on purpose). Files you edit yourself while the tests run are reported too.
//
// Every step runs even when an earlier one fails, so one run shows every problem; the exit status
// is non-zero if any step failed. Jest's summary lines are repeated at the very end.
// Extra arguments go to jest: `npm test -- test/manifest.test.ts`.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, findLocalBin } from "./dev-state.mjs";

const jestArgs = process.argv.slice(2);
const isWin = process.platform === "win32";
const steps = [];

function banner(title) {
  console.log(`\n${"=".repeat(78)}\n▶ ${title}\n${"=".repeat(78)}`);
}

function record(name, ok, started, note = "") {
  steps.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1), note });
}

/** Runs a command with inherited output; returns true on exit status 0. */
function run(name, cmd, args, opts = {}) {
  banner(name);
  const started = Date.now();
  if (!cmd) {
    console.error(`[test] ${name}: command not found (run npm install / npm ci first)`);
    record(name, false, started, "not found");
    return false;
  }
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", shell: isWin, ...opts });
  const ok = r.status === 0;
  record(name, ok, started, r.error ? String(r.error.message) : ok ? "" : `exit ${r.status ?? r.signal}`);
  return ok;
}

/** Like run(), but keeps a copy of the output so jest's summary can be repeated at the end. */
function runCapturing(name, cmd, args) {
  banner(name);
  const started = Date.now();
  if (!cmd) {
    record(name, false, started, "not found");
    return Promise.resolve("");
  }
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], shell: isWin });
    let text = "";
    child.stdout.on("data", (d) => {
      process.stdout.write(d);
      text += d;
    });
    child.stderr.on("data", (d) => {
      process.stderr.write(d);
      text += d;
    });
    child.on("close", (code, signal) => {
      record(name, code === 0, started, code === 0 ? "" : `exit ${code ?? signal}`);
      resolve(text);
    });
  });
}

/**
 * What git sees in the working tree: every path `git status` lists (changed, staged, untracked,
 * deleted) with its status and a hash of its content. null outside a git checkout.
 */
function treeState() {
  const r = spawnSync("git", ["status", "--porcelain=v1", "-z", "--untracked-files=all"], { cwd: ROOT, encoding: "buffer" });
  if (r.error || r.status !== 0) return null;
  const state = new Map();
  const entries = r.stdout.toString("utf8").split("\0").filter(Boolean);
  for (let i = 0; i < entries.length; i++) {
    const status = entries[i].slice(0, 2);
    const path = entries[i].slice(3);
    if (status[0] === "R" || status[0] === "C") i++; // -z: the original path of a rename follows
    let content = "absent";
    try {
      const stat = lstatSync(join(ROOT, path));
      content = stat.isFile() ? createHash("sha1").update(readFileSync(join(ROOT, path))).digest("hex") : stat.isSymbolicLink() ? "link" : "other";
    } catch {
      // deleted
    }
    state.set(path, `${status} ${content}`);
  }
  return state;
}

const before = treeState();

// 1. system tools
if (process.platform === "linux") {
  run("LibreOffice (libreoffice-calc-nogui, libreoffice-writer-nogui, python3-uno)", "bash", ["scripts/ensure-libreoffice.sh"]);
  run("Chromium (chromium)", "bash", ["scripts/ensure-chromium.sh"]);
  run("openpyxl (python3-openpyxl)", "bash", ["scripts/ensure-openpyxl.sh"]);
} else {
  banner("LibreOffice / Chromium");
  const started = Date.now();
  const soffice = spawnSync(isWin ? "where" : "which", ["soffice"], { shell: isWin });
  const ok = soffice.status === 0;
  if (!ok) console.error("[test] soffice not on PATH: install LibreOffice for the interop tests.");
  console.log("[test] Chromium: the browser tests look for Chrome/Chromium or CHROMIUM_PATH.");
  record("LibreOffice on PATH", ok, started, ok ? "" : "soffice not found");
}

// 2. lint
run("lint: eslint", findLocalBin("eslint"), ["."]);
run("lint: tsc --noEmit", findLocalBin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);

// 3. production build
run("build: webpack --mode production", findLocalBin("webpack"), ["--mode", "production"]);

// 4. jest, last, so its summary is at the bottom
const colors = process.stdout.isTTY ? ["--colors"] : [];
const jestOut = await runCapturing("jest (unit, interop, browser)", findLocalBin("jest"), [...colors, ...jestArgs]);

// 5. the checkout as it was
banner("git status: the tests left the checkout as they found it");
{
  const started = Date.now();
  const after = treeState();
  if (!before || !after) {
    console.log("[test] not a git checkout (or git missing): nothing to compare.");
    record("git status unchanged by the tests", true, started, "skipped: not a git checkout");
  } else {
    const changed = [];
    for (const [path, state] of after) {
      if (!before.has(path)) changed.push(`  added or modified: ${path} (${state.slice(0, 2).trim() || "?"})`);
      else if (before.get(path) !== state) changed.push(`  changed again:     ${path}`);
    }
    for (const path of before.keys()) if (!after.has(path)) changed.push(`  reverted or removed: ${path}`);
    if (changed.length) {
      console.error(`[test] the run changed files that git tracks or sees (tests must write only to ignored folders such as test-output/):\n${changed.join("\n")}`);
      console.error("[test] (if you edited these files yourself while the tests ran, run npm test again.)");
    } else console.log(before.size ? `[test] unchanged (${before.size} path(s) with your uncommitted work, as before the run).` : "[test] git status --porcelain is empty.");
    record("git status unchanged by the tests", changed.length === 0, started, changed.length ? `${changed.length} path(s) changed` : "");
  }
}

// summary
console.log(`\n${"=".repeat(78)}\nnpm test — summary\n${"=".repeat(78)}`);
for (const s of steps) {
  console.log(`${s.ok ? "  ok  " : "  FAIL"}  ${s.name.padEnd(52)} ${String(s.seconds).padStart(6)} s  ${s.note}`);
}
const failed = steps.filter((s) => !s.ok);
// eslint-disable-next-line no-control-regex
const plain = jestOut.replace(/\u001b\[[0-9;]*m/g, "");
const summary = plain.split(/\r?\n/).filter((l) => /^(Test Suites|Tests|Snapshots|Time|Ran all test suites):?/.test(l.trim()));
console.log("");
if (summary.length) console.log(summary.join("\n"));
else console.log("(jest printed no summary)");
if (failed.length) {
  console.log(`\nnpm test: FAILED — ${failed.map((s) => s.name).join("; ")}`);
  process.exit(1);
}
console.log("\nnpm test: all steps passed");
