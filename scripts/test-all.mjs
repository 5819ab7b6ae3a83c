#!/usr/bin/env node
// npm test: every check, on a fresh Debian machine too.
//
//   1. LibreOffice Calc and Writer (interop tests) and Chromium (browser tests): installed from Debian packages
//      when missing (scripts/ensure-*.sh; needs root or password-less sudo, as in CI)
//   2. lint: ESLint (incl. the layering rules) and `tsc --noEmit`
//   3. the production webpack build (dist/, manifest rewritten to the production URL)
//   4. jest: every suite, including the browser tests (test/browser, Chromium via playwright-core)
//
// Every step runs even when an earlier one fails, so one run shows every problem; the exit status
// is non-zero if any step failed. Jest's summary lines are repeated at the very end.
// Extra arguments go to jest: `npm test -- test/manifest.test.ts`.
import { spawn, spawnSync } from "node:child_process";
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

// 1. system tools
if (process.platform === "linux") {
  run("LibreOffice (libreoffice-calc-nogui, libreoffice-writer-nogui, python3-uno)", "bash", ["scripts/ensure-libreoffice.sh"]);
  run("Chromium (chromium)", "bash", ["scripts/ensure-chromium.sh"]);
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
