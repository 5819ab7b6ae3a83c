#!/usr/bin/env node
// npm run fuzz -- --count 10000 [--seed 9] [--rollup 1000]: the fuzz suite of received files
// (test/fuzz/fuzz.test.ts) with more mutants than `npm test` runs. Prints crashes, files over
// their budget, peak memory (the test process and its read workers), and the rollup of --rollup
// mutants next to a good file (default: 1,000 when --count is at least 1,000); the figures are
// kept in test-output/fuzz/last.json.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, findLocalBin } from "./dev-state.mjs";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const count = opt("count", 1000);
const seed = opt("seed", 9);
const rollup = opt("rollup", count >= 1000 ? 1000 : 40);
if (![count, seed, rollup].every(Number.isFinite)) {
  console.error("Usage: npm run fuzz -- [--count N] [--seed S] [--rollup N]");
  process.exit(2);
}
const report = join(ROOT, "test-output", "fuzz", "last.json");
const jest = findLocalBin("jest");
const r = spawnSync(jest, ["test/fuzz/fuzz.test.ts", "--runInBand", "--verbose"], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, FUZZ_COUNT: String(count), FUZZ_SEED: String(seed), FUZZ_ROLLUP: String(rollup), FUZZ_REPORT: report },
});
if (existsSync(report)) {
  const f = JSON.parse(readFileSync(report, "utf8"));
  console.log(
    `\nfuzz: ${f.mutants} mutants (seed ${f.seed}) in ${f.seconds} s — crashes ${f.crashes}, over budget ${f.overBudget} ` +
      `(${f.overMemory} memory, ${f.overTime} time; all reported), unreported ${f.unreported}, ` +
      `peak RSS ${f.peakRssMb} MB (test process ${f.peakTestProcessMb} MB, read workers together ${f.peakWorkersMb} MB)` +
      (f.rollup ? `; rollup of ${f.rollup.mutants} mutants + 1 good file: ${f.rollup.seconds} s, peak RSS ${f.rollup.peakRssMb} MB, good file ${f.rollup.good}` : ""),
  );
}
process.exit(r.status ?? 1);
