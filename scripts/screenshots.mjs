#!/usr/bin/env node
// npm run screenshots: refresh the README's pictures in docs/screenshots on purpose.
//
// The browser tests (test/pane/*.test.ts, test/sheets/sidebar.test.ts) always take their screenshots, but `npm test` puts them
// in test-output/screenshots (ignored by git) so that a test run never rewrites a tracked file.
// This script runs the same browser tests with CCHC_SCREENSHOTS_DIR=docs/screenshots; review the
// pictures (`git diff --stat docs/screenshots`) and commit them with the change they show.
// Extra arguments go to jest, e.g. `npm run screenshots -- -t standalone`.
import { spawnSync } from "node:child_process";
import { ROOT, findLocalBin } from "./dev-state.mjs";

const isWin = process.platform === "win32";
if (process.platform === "linux") {
  const chromium = spawnSync("bash", ["scripts/ensure-chromium.sh"], { cwd: ROOT, stdio: "inherit" });
  if (chromium.status !== 0) process.exit(chromium.status ?? 1);
}
const jest = findLocalBin("jest");
if (!jest) {
  console.error("[screenshots] jest not found: run `npm install` first.");
  process.exit(2);
}
const r = spawnSync(jest, ["test/pane", "test/sheets/sidebar.test.ts", ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: "inherit",
  shell: isWin,
  env: { ...process.env, CCHC_SCREENSHOTS_DIR: "docs/screenshots" },
});
if (r.status === 0) console.log("\n[screenshots] docs/screenshots refreshed: review with `git status docs/screenshots` and commit.");
process.exit(r.status ?? 1);
