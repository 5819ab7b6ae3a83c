#!/usr/bin/env node
// npm run bench: the benchmarks, as jest files named test/**/*.bench.ts (ordinary `jest` runs
// only *.test.ts). Each records its figures with their goals (test/bench/figures.ts); at the end
// they are printed in one table that says which missed. Exit status: non-zero only when a
// figure missed its goal or could not be measured. Extra arguments go to jest, e.g.
// `npm run bench -- rollup`.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT, findLocalBin } from "./dev-state.mjs";

const jest = findLocalBin("jest");
if (!jest) {
  console.error("[bench] jest not found: run `npm install` first.");
  process.exit(2);
}
const figuresFile = join(ROOT, "test-output", "bench", "figures.jsonl");
rmSync(figuresFile, { force: true });
const r = spawnSync(
  jest,
  ["--testMatch", "**/*.bench.ts", "--passWithNoTests", "--runInBand", "--verbose", ...process.argv.slice(2)],
  { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" },
);
const figures = existsSync(figuresFile) ? readFileSync(figuresFile, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l)) : [];
console.log(`\n${"=".repeat(78)}\nnpm run bench — figures against their goals (${new Date().toISOString().slice(0, 16)}, ${(await import("node:os")).availableParallelism()} cores)\n${"=".repeat(78)}`);
for (const f of figures) {
  console.log(`${f.ok ? "  ok  " : "  MISS"}  ${f.name}\n        ${f.measured} ${f.unit} (goal ${f.goal})${f.detail ? ` — ${f.detail}` : ""}`);
}
const missed = figures.filter((f) => !f.ok);
if (!figures.length || (r.status !== 0 && !missed.length)) {
  console.log("\nnpm run bench: a benchmark did not complete (see above).");
  process.exit(r.status || 1);
}
if (missed.length) {
  console.log(`\nnpm run bench: ${missed.length} figure(s) missed: ${missed.map((f) => f.name).join("; ")}`);
  process.exit(1);
}
console.log(`\nnpm run bench: all ${figures.length} figures met their goals`);
