/**
 * Fuzz suite (issue 9): seeded mutants of real received files — our commune Phụ lục 3 template
 * filled in, as .xlsx and as LibreOffice saves it as .xls and .ods, and (a quarter as many again)
 * the same form filled in Word as .docx (mutants.ts lists the damage).
 * Every mutant must answer within its budget: read, or one "unreadable" line with a reason —
 * never a crash of the reader (a reason from an exception), never a run that hangs; the process
 * stays under 1 GB; and a rollup of mutants next to one good file consolidates the good file.
 *
 * `npm test` runs a few hundred (FUZZ_COUNT workbook mutants, default 300, and a quarter of that
 * of .docx); `npm run fuzz -- --count 10000` the rest, with a rollup of 1,000 mutants, and writes
 * its figures to test-output/fuzz/last.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { FORMS, findForm } from "../../src/catalog";
import { main } from "../../src/cli/main";
import { nodeIo } from "../../src/cli/io";
import { withNodeReadPool } from "../../src/xlsx/node-pool";
import { readReceivedFiles } from "../../src/xlsx/pool";
import { REASONS } from "../../src/xlsx/read-reasons";
import { formPage, ooxmlDocx } from "../support/docx";
import { libreOfficeFill, tempDir } from "../support/libreoffice";
import { residentTreeBytes } from "../support/resident";
import { TemplateFiller } from "../support/received";
import { typedValues, unitEntries } from "../support/unit-values";
import { mutant, type Base, type Mutant } from "./mutants";

const COUNT = Number(process.env.FUZZ_COUNT ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 9);
const ROLLUP = Number(process.env.FUZZ_ROLLUP ?? 40);
const PL3 = findForm("tk2011-2020.xa.pl3")!;
const dir = tempDir("cchc-fuzz-");
const bases: Base[] = [];
const wordBases: Base[] = [];
const crashPrefix = REASONS.crashed("").split("(")[0];

/** Peaks sampled: the whole (this process and its read workers), this process, its workers. */
const peak = { all: 0, own: 0, workers: 0 };
const sample = () => {
  const all = residentTreeBytes();
  const own = process.memoryUsage().rss;
  peak.all = Math.max(peak.all, all);
  peak.own = Math.max(peak.own, own);
  peak.workers = Math.max(peak.workers, all - own);
};

beforeAll(async () => {
  const filler = await TemplateFiller.create([PL3], { period: "Năm 2020" });
  const xlsx = await filler.write("UBND xã Ia Pa", { [PL3.id]: typedValues(unitEntries(PL3, 3)) });
  const file = join(dir, "xa-ia-pa.xlsx");
  writeFileSync(file, xlsx);
  libreOfficeFill(file, [], [{ path: join(dir, "xa-ia-pa.xls"), format: "xls" }, { path: join(dir, "xa-ia-pa.ods"), format: "ods" }]);
  bases.push({ name: "xa-ia-pa.xlsx", bytes: xlsx }, { name: "xa-ia-pa.xls", bytes: new Uint8Array(readFileSync(join(dir, "xa-ia-pa.xls"))) }, { name: "xa-ia-pa.ods", bytes: new Uint8Array(readFileSync(join(dir, "xa-ia-pa.ods"))) });
  wordBases.push({ name: "xa-ia-pa.docx", bytes: ooxmlDocx(formPage(PL3, unitEntries(PL3, 3, { typeTotals: true }), { heading: { authority: "ỦY BAN NHÂN DÂN", name: "XÃ IA PA" } })) });
}, 300_000);

/**
 * The mutants of a run: `count` of the workbooks, then a quarter as many of the Word document
 * (their own seed: the workbooks' stay as they were). Made one at a time (`at(i)`), so that a
 * 10,000 run never holds them all: some are large (1,000 sheets, 32,767-character strings).
 */
function mutants(count: number, seed: number): { length: number; at(i: number): Mutant } {
  const words = Math.ceil(count / 4);
  const make = (from: Base[], i: number, s: number, prefix: string) => {
    const m = mutant(from[i % from.length], s, i);
    return { ...m, name: `${prefix}${String(i).padStart(5, "0")}-${m.name}` };
  };
  return {
    length: count + words,
    at: (i) => (i < count ? make(bases, i, seed, "") : make(wordBases, i - count, seed + 7919, "w")),
  };
}

test(`${COUNT} + ${Math.ceil(COUNT / 4)} mutants (seed ${SEED}): each read, or refused with a reason, within its budget; no crash`, async () => {
  // What the process held before: `npm run fuzz` runs this file alone, but `npm test` runs every
  // suite in one process on a 2-core machine, and what they left (or peaked at) is not the fuzz's.
  const rssAtStart = process.memoryUsage().rss;
  const maxAtStart = process.resourceUsage().maxRSS * 1024;
  const timer = setInterval(sample, 50);
  const started = Date.now();
  const all = mutants(COUNT, SEED);
  const kinds = new Map<string, number>();
  const crashes: string[] = [];
  let overMemory = 0;
  let overTime = 0;
  // One pool, as a rollup has, fed one mutant at a time by a few lanes (the workers never wait),
  // so that this process holds a handful of mutants, not a batch of them (some are large: 1,000
  // sheets, 32,767-character strings).
  await withNodeReadPool({}, async (pool) => {
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < all.length; i = next++) {
        const m = all.at(i);
        const [s] = await readReceivedFiles(pool, [m], FORMS);
        const key = s.outcome === "read" ? "read" : `${s.outcome}: ${(s.reason ?? "").split(/[(:—]/)[0].trim()}`;
        kinds.set(key, (kinds.get(key) ?? 0) + 1);
        if (s.reason?.startsWith(crashPrefix)) crashes.push(`${m.name} [${m.kind}]: ${s.reason}`);
        if (s.reason?.includes("bộ nhớ nên đã dừng")) overMemory++;
        if (s.reason?.includes("giây nên đã dừng")) overTime++;
      }
    };
    await Promise.all(Array.from({ length: 2 * (pool.pool.maxWorkers ?? 2) }, lane));
  });
  const overBudget = overMemory + overTime;
  sample();
  clearInterval(timer);
  // The process's lifetime peak is this run's only when it rose during the run.
  const lifetime = process.resourceUsage().maxRSS * 1024;
  const maxRss = Math.max(peak.all, lifetime > maxAtStart ? lifetime : 0);
  const grown = maxRss - rssAtStart;
  const figures = {
    mutants: all.length,
    seed: SEED,
    crashes: crashes.length,
    overBudget,
    overMemory,
    overTime,
    unreported: 0,
    peakRssMb: Math.round(maxRss / 2 ** 20),
    peakTestProcessMb: Math.round(Math.max(peak.own, lifetime > maxAtStart ? lifetime : 0) / 2 ** 20),
    peakWorkersMb: Math.round(peak.workers / 2 ** 20),
    grownRssMb: Math.round(grown / 2 ** 20),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  console.log(
    `fuzz: ${all.length} mutants (seed ${SEED}) in ${figures.seconds} s — crashes ${crashes.length}, over budget (reported) ${overBudget}, ` +
      `unreported 0, peak RSS ${figures.peakRssMb} MB (${figures.grownRssMb} MB above the ${Math.round(rssAtStart / 2 ** 20)} MB held at the start; ` +
      `this process ${figures.peakTestProcessMb} MB, its read workers together ${figures.peakWorkersMb} MB)\n` +
      [...kinds.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${String(n).padStart(6)}  ${k}`).join("\n"),
  );
  if (process.env.FUZZ_REPORT) {
    mkdirSync(join(process.env.FUZZ_REPORT, ".."), { recursive: true });
    writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ ...figures, outcomes: Object.fromEntries(kinds) }, null, 2));
  }
  expect(crashes).toEqual([]);
  // Under 1 GB in a process of its own (`npm run fuzz`); in a shared one, no more than that less
  // what a fresh process holds when the fuzz starts (≈ 250 MB: jest, the catalogue, the bases).
  if (process.env.FUZZ_REPORT) expect(maxRss).toBeLessThan(2 ** 30);
  expect(grown).toBeLessThan(2 ** 30 - 256 * 2 ** 20);
  // Most damage is caught, but not all of it breaks a file: some mutants are still read.
  expect(kinds.get("read") ?? 0).toBeGreaterThan(0);
}, 3_600_000);

test(`a rollup of ${ROLLUP} + ${Math.ceil(ROLLUP / 4)} mutants and one good file finishes, the good file ok`, async () => {
  const inputs = join(dir, "rollup");
  mkdirSync(inputs);
  const rollupMutants = mutants(ROLLUP, SEED + 1);
  const files = Array.from({ length: rollupMutants.length }, (_, i) => {
    const m = rollupMutants.at(i);
    const path = join(inputs, m.name);
    writeFileSync(path, m.bytes);
    return path;
  });
  const good = join(inputs, "zz-tot.xlsx");
  writeFileSync(good, bases[0].bytes);
  let out = "";
  Object.assign(peak, { all: 0, own: 0, workers: 0 });
  const timer = setInterval(sample, 50);
  const started = Date.now();
  const code = await main(["rollup", ...files, good, "-o", join(dir, "tong-hop.xlsx"), "--json", "--force"], { ...nodeIo(), out: (t) => void (out += t), err: (t) => void (out += t) });
  const seconds = (Date.now() - started) / 1000;
  clearInterval(timer);
  const peakRssMb = Math.round(peak.all / 2 ** 20);
  console.log(`fuzz rollup: ${files.length} mutants + 1 good file in ${seconds.toFixed(1)} s, peak RSS ${peakRssMb} MB (this process ${Math.round(peak.own / 2 ** 20)} MB, its read workers together ${Math.round(peak.workers / 2 ** 20)} MB)`);
  expect(code).toBe(0);
  const json = JSON.parse(out) as { units: { file: string; status: string; message?: string }[] };
  expect(json.units.find((u) => u.file === good)).toMatchObject({ status: expect.stringMatching(/^(ok|duplicate)$/) });
  expect(json.units).toHaveLength(files.length + 1);
  for (const u of json.units) if (u.status === "unreadable") expect(u.message).toContain(u.file);
  if (process.env.FUZZ_REPORT) {
    const report = JSON.parse(readFileSync(process.env.FUZZ_REPORT, "utf8"));
    writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ ...report, rollup: { mutants: files.length, seconds: Math.round(seconds), good: "ok", peakRssMb } }, null, 2));
  }
}, 3_600_000);
