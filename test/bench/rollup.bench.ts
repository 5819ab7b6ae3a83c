/**
 * Benchmark (npm run bench): consolidation and start-up as a user waits for them, from the shell.
 *
 * 1. 170 unit workbooks, each with the eight 2011-2020 district appendices filled in, written
 *    once (not timed). Paired runs, alternated so that the load of a shared machine falls on both:
 *    (a) a bare single-threaded SheetJS parse of the files (scripts/bench-sheetjs-baseline.cjs:
 *    readFile + sheet_to_json), (b) `cchc rollup … --json` end to end (read in the worker pool,
 *    recognise, validate, consolidate, write). Each is a whole `node` process, start-up included.
 *    Goal: median (b) ÷ median (a) ≤ 1.0.
 * 2. Start-up: `cchc help` against `node -e 'require("@e965/xlsx")'`, paired. Goal: the median
 *    difference ≤ 0.2 s.
 * 3. 3,321 units (every commune) of one form rolled up end to end; peak resident memory of the
 *    process (worker threads included). Goal: < 2 GB.
 * The CLI runs as it ships: compiled by tsc (into test-output/bench-build), workers included.
 */
import { execFileSync, spawn, spawnSync } from "child_process";
import { promises as fs, mkdirSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { FORMS, findForm } from "../../src/catalog";
import { tempDir } from "../support/libreoffice";
import { residentPeak } from "../support/resident";
import { TemplateFiller, type UnitValues } from "../support/received";
import { typedValues, unitEntries } from "../support/unit-values";
import { record } from "./figures";

const ROOT = resolve(__dirname, "../..");
const HUYEN = FORMS.filter((f) => f.family === "tk2011-2020.huyen");
const FIRST = ["Ia", "Chư", "Krông", "Đak", "Kon", "Phú", "Mang", "Đức", "An", "Kông"];
const SECOND = ["Pa", "Sê", "Prông", "Pơ", "Chro", "Thiện", "Yang", "Cơ", "Khê", "Nhơn", "Lâm", "Hòa", "Bình", "Tân", "Mỹ", "Sơn", "Long"];
/** Distinct unit names: "UBND huyện Ia Pa", "UBND huyện Chư Pa", … (10 × 17 = 170), then numbered. */
const unitName = (level: string, i: number) =>
  `UBND ${level} ${FIRST[i % FIRST.length]} ${SECOND[Math.floor(i / FIRST.length) % SECOND.length]}${i >= FIRST.length * SECOND.length ? ` ${Math.floor(i / (FIRST.length * SECOND.length)) + 1}` : ""}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");

/** The CLI compiled as it ships, inside the checkout so that it finds node_modules. */
const BUILD = join(ROOT, "test-output", "bench-build");
const CLI = join(BUILD, "cli", "main.js");
beforeAll(() => {
  execFileSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", join(ROOT, "tsconfig.cli.json"), "--outDir", BUILD], { cwd: ROOT, stdio: "pipe" });
}, 300_000);

/** Wall time of a whole process, in ms; throws on a non-zero exit. */
function timed(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.slice(0, 3).join(" ")}… exit ${r.status}: ${r.stderr.slice(0, 500)}`);
  return ms;
}

describe("cchc rollup: 170 units × the eight district appendices", () => {
  const dir = tempDir("cchc-bench-rollup-");
  const inputs = join(dir, "nhan");
  const files: string[] = [];

  beforeAll(async () => {
    mkdirSync(inputs);
    const filler = await TemplateFiller.create(HUYEN, { period: "Năm 2020" });
    for (let i = 0; i < 170; i++) {
      const values: UnitValues = {};
      for (const form of HUYEN) values[form.id] = typedValues(unitEntries(form, i));
      const file = join(inputs, `don-vi-${String(i + 1).padStart(3, "0")}.xlsx`);
      writeFileSync(file, await filler.write(unitName("huyện", i), values));
      files.push(file);
    }
  }, 600_000);

  it("end to end from the shell in at most 1.0 × a bare single-threaded SheetJS parse of the same files", () => {
    const out = join(dir, "tong-hop.xlsx");
    const baseline = [join(ROOT, "scripts", "bench-sheetjs-baseline.cjs"), ...files];
    const ours = [CLI, "rollup", ...files, "-o", out, "--unit", "UBND tỉnh Thử", "--period", "Năm 2020", "--json", "--force"];
    const json = JSON.parse(execFileSync(process.execPath, ours, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 })) as { units: { status: string }[]; values: unknown[] };
    expect(json.units.filter((u) => u.status === "ok")).toHaveLength(170);
    expect(json.values.length).toBeGreaterThan(400);
    timed(baseline); // warm the file cache for both
    const a: number[] = [];
    const b: number[] = [];
    for (let round = 0; round < 7; round++) {
      if (round % 2) {
        b.push(timed(ours));
        a.push(timed(baseline));
      } else {
        a.push(timed(baseline));
        b.push(timed(ours));
      }
    }
    const ratio = median(b) / median(a);
    const detail = `7 paired runs — SheetJS alone: median ${median(a).toFixed(0)} ms [${list(a)}]; cchc rollup: median ${median(b).toFixed(0)} ms [${list(b)}]`;
    console.log(`rollup of 170 units × 8 forms from the shell: ratio ${ratio.toFixed(2)} (goal ≤ 1.0)\n  ${detail}`);
    record({ name: "cchc rollup 170 × 8 ÷ bare SheetJS parse, from the shell", measured: Number(ratio.toFixed(3)), unit: "×", goal: "≤ 1.0", ok: ratio <= 1.0, detail });
    expect(ratio).toBeLessThanOrEqual(1.0);
  }, 1_800_000);
});

describe("cchc start-up", () => {
  it("within 0.2 s of loading SheetJS alone", () => {
    const sheetjs = ["-e", 'require("@e965/xlsx")'];
    const help = [CLI, "help"];
    timed(help);
    timed(sheetjs);
    const a: number[] = [];
    const b: number[] = [];
    for (let round = 0; round < 9; round++) {
      a.push(timed(sheetjs));
      b.push(timed(help));
    }
    const diff = (median(b) - median(a)) / 1000;
    const detail = `9 paired runs — require SheetJS: median ${median(a).toFixed(0)} ms; cchc help: median ${median(b).toFixed(0)} ms`;
    console.log(`start-up: cchc − SheetJS = ${diff.toFixed(3)} s (goal ≤ 0.2 s)\n  ${detail}`);
    record({ name: "cchc start-up − loading SheetJS", measured: Number(diff.toFixed(3)), unit: "s", goal: "≤ 0.2 s", ok: diff <= 0.2, detail });
    expect(diff).toBeLessThanOrEqual(0.2);
  }, 300_000);
});

describe("cchc rollup: 3,321 units (every commune) of one form", () => {
  const dir = tempDir("cchc-bench-communes-");
  const COMMUNES = 3321;
  const form = findForm("tk2011-2020.xa.pl3")!;

  it("completes in under 2 GB of memory", async () => {
    const inputs = join(dir, "nhan");
    mkdirSync(inputs);
    const filler = await TemplateFiller.create([form], { period: "Năm 2020" });
    for (let i = 0; i < COMMUNES; i++) {
      const file = join(inputs, `xa-${String(i + 1).padStart(4, "0")}.xlsx`);
      await fs.writeFile(file, await filler.write(unitName("xã", i), { [form.id]: typedValues(unitEntries(form, i)) }));
    }
    // The whole command in a process of its own; its peak counts its worker processes, sampled
    // from here (residentTreeBytes), and its own maxRSS.
    const script = `const { readdirSync } = require("fs");
const { join } = require("path");
const { main } = require(${JSON.stringify(CLI)});
const { nodeIo } = require(${JSON.stringify(join(BUILD, "cli", "io.js"))});
const files = readdirSync(process.argv[1]).sort().map((f) => join(process.argv[1], f));
let out = "";
const start = Date.now();
main(["rollup", ...files, "-o", process.argv[2], "--force", "--json"], { ...nodeIo(), out: (t) => void (out += t), err: (t) => void (out += t) }).then((code) => {
  const json = JSON.parse(out);
  process.stdout.write(JSON.stringify({ code, ms: Date.now() - start, maxRss: process.resourceUsage().maxRSS * 1024,
    units: json.units.length, ok: json.units.filter((u) => u.status === "ok").length }));
});`;
    const child = spawn(process.execPath, ["-e", script, inputs, join(dir, "tong-hop-xa.xlsx")], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"], timeout: 1_500_000 });
    const sampler = residentPeak(child.pid!);
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => void (stdout += d.toString()));
    await new Promise((resolve) => child.on("close", resolve));
    const treePeak = sampler.stop();
    const result = JSON.parse(stdout) as {
      code: number;
      ms: number;
      maxRss: number;
      units: number;
      ok: number;
    };
    const gb = Math.max(result.maxRss, treePeak) / 2 ** 30;
    const detail = `${(result.ms / 1000).toFixed(1)} s end to end`;
    console.log(`rollup of ${COMMUNES} communes × ${form.id}: peak resident memory ${gb.toFixed(2)} GB (goal < 2 GB), ${detail}`);
    record({ name: "cchc rollup of 3,321 communes: peak memory", measured: Number(gb.toFixed(2)), unit: "GB", goal: "< 2 GB", ok: gb < 2, detail });
    expect(result).toMatchObject({ code: 0, units: COMMUNES, ok: COMMUNES });
    expect(gb).toBeLessThan(2);
  }, 1_800_000);
});
