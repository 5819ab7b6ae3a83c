#!/usr/bin/env node
// npm run bench: the benchmarks, as jest files named test/**/*.bench.ts (ordinary `jest` runs
// only *.test.ts). Extra arguments go to jest, e.g. `npm run bench -- rollup`.
import { spawnSync } from "node:child_process";
import { ROOT, findLocalBin } from "./dev-state.mjs";

const jest = findLocalBin("jest");
if (!jest) {
  console.error("[bench] jest not found: run `npm install` first.");
  process.exit(2);
}
const r = spawnSync(
  jest,
  ["--testMatch", "**/*.bench.ts", "--passWithNoTests", "--runInBand", "--verbose", ...process.argv.slice(2)],
  { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" },
);
process.exit(r.status ?? 1);
