/**
 * Benchmark (npm run bench): consolidation end to end (issue 4, Proof).
 *
 * 1. 170 unit workbooks, each with the full 2011-2020 district appendix set (the eight
 *    tk2011-2020.huyen forms, every year filled with plausible values: counts, "1.037", "97,5",
 *    fractions, Có/Không, Đạt/không đạt…), written once to a temporary folder (not timed). In ONE
 *    run: (a) the reader alone parsing those files (readFile + readWorkbook on each), (b) `cchc
 *    rollup … --json` end to end through main() (read + recognise + validate + consolidate +
 *    write the output .xlsx). Both are warmed up (twice), then measured in 9 alternating rounds; the
 *    ratio is the best (b) over the best (a), so that another process slowing one round does not
 *    decide it (the medians are printed too).
 *    Target: (b)/(a) ≤ 1.25. The run happens in a Node process of its own with the CLI compiled by
 *    tsc, as it ships: jest's worker holds the TypeScript compiler and the test framework in its
 *    heap, which slows the garbage collection of any allocation-heavy code (the same measurement
 *    inside the worker is printed too, for information).
 * 2. 3,321 units (every commune) of one form (the commune Phụ lục 3) rolled up end to end in a
 *    process of its own, its resident memory sampled while it runs and its peak (getrusage
 *    maxRSS) read at the end. Target: under 2 GB.
 */
import { execFileSync } from "child_process";
import { promises as fs, mkdirSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { FORMS, findForm } from "../../src/catalog";
import { main } from "../../src/cli/main";
import { nodeIo, type Io } from "../../src/cli/io";
import { readWorkbook } from "../../src/xlsx/read";
import { tempDir } from "../support/libreoffice";
import { TemplateFiller, type UnitValues } from "../support/received";
import { typedValues, unitEntries } from "../support/unit-values";

const ROOT = resolve(__dirname, "../..");
const HUYEN = FORMS.filter((f) => f.family === "tk2011-2020.huyen");
const FIRST = ["Ia", "Chư", "Krông", "Đak", "Kon", "Phú", "Mang", "Đức", "An", "Kông"];
const SECOND = ["Pa", "Sê", "Prông", "Pơ", "Chro", "Thiện", "Yang", "Cơ", "Khê", "Nhơn", "Lâm", "Hòa", "Bình", "Tân", "Mỹ", "Sơn", "Long"];
/** Distinct unit names: "UBND huyện Ia Pa", "UBND huyện Chư Pa", … (10 × 17 = 170), then numbered. */
const unitName = (level: string, i: number) =>
  `UBND ${level} ${FIRST[i % FIRST.length]} ${SECOND[Math.floor(i / FIRST.length) % SECOND.length]}${i >= FIRST.length * SECOND.length ? ` ${Math.floor(i / (FIRST.length * SECOND.length)) + 1}` : ""}`;

const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");

/** The CLI compiled as it ships (tsc -p tsconfig.cli.json), for runs in a process of their own. */
const build = join(tempDir("cchc-bench-build-"), "node");
beforeAll(() => {
  execFileSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", join(ROOT, "tsconfig.cli.json"), "--outDir", build], { cwd: ROOT, stdio: "pipe" });
}, 300_000);

/** Runs `script` (CommonJS, with BUILD = the compiled CLI) in a fresh Node process; its stdout is JSON. */
function runAlone<T>(script: string, args: string[]): T {
  const file = join(tempDir("cchc-bench-run-"), "run.js");
  writeFileSync(file, `const BUILD = ${JSON.stringify(build)};\n${script}`);
  const out = execFileSync(process.execPath, [file, ...args], {
    env: { ...process.env, NODE_PATH: join(ROOT, "node_modules") },
    encoding: "utf8",
    maxBuffer: 1 << 26,
    timeout: 1_500_000,
  });
  return JSON.parse(out) as T;
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

  /** (a) and (b), alternating, after a warm-up of each; in whatever process runs it. */
  const MEASURE = `
const { promises: fs, readdirSync } = require("fs");
const { join } = require("path");
const { readWorkbook } = require(join(BUILD, "xlsx", "read.js"));
const { main } = require(join(BUILD, "cli", "main.js"));
const { nodeIo } = require(join(BUILD, "cli", "io.js"));
const now = () => Number(process.hrtime.bigint()) / 1e6;
async function measure(files, out, rounds) {
  const parseOnly = async () => {
    const start = now();
    for (const file of files) {
      const read = readWorkbook(new Uint8Array(await fs.readFile(file)), file);
      if (!read.ok) throw new Error(read.reason);
    }
    return now() - start;
  };
  let json = "";
  const endToEnd = async () => {
    let text = "";
    const io = { ...nodeIo(), out: (t) => void (text += t), err: (t) => void (text += t) };
    const start = now();
    const code = await main(["rollup", ...files, "-o", out, "--unit", "UBND tỉnh Thử", "--period", "Năm 2020", "--json", "--force"], io);
    const ms = now() - start;
    if (code !== 0) throw new Error("exit " + code + ": " + text.slice(0, 500));
    json = text;
    return ms;
  };
  for (let warm = 0; warm < 2; warm++) {
    await parseOnly();
    await endToEnd();
  }
  const a = [];
  const b = [];
  for (let round = 0; round < rounds; round++) {
    a.push(await parseOnly());
    b.push(await endToEnd());
  }
  const result = JSON.parse(json);
  return { a, b, units: result.units.length, ok: result.units.filter((u) => u.status === "ok").length, values: result.values.length };
}
`;

  interface Measured {
    a: number[];
    b: number[];
    units: number;
    ok: number;
    values: number;
  }

  const report = (where: string, m: Measured) => {
    const ratio = Math.min(...m.b) / Math.min(...m.a);
    console.log(
      `rollup of ${files.length} units × ${HUYEN.length} forms (${files.length * HUYEN.length} sheets), ${where}:\n` +
        `  (a) parse only: best ${Math.min(...m.a).toFixed(0)} ms, median ${median(m.a).toFixed(0)} ms  [${list(m.a)}]\n` +
        `  (b) end to end: best ${Math.min(...m.b).toFixed(0)} ms, median ${median(m.b).toFixed(0)} ms  [${list(m.b)}]\n` +
        `  ratio (b)/(a): ${ratio.toFixed(3)} (best/best), ${(median(m.b) / median(m.a)).toFixed(3)} (median/median); target ≤ 1.25`,
    );
    return ratio;
  };

  it("rolls up end to end in at most 1.25 × the time the reader takes only to parse the files", () => {
    const m = runAlone<Measured>(
      `${MEASURE}
measure(readdirSync(process.argv[2]).sort().map((f) => join(process.argv[2], f)), process.argv[3], 9).then((r) => process.stdout.write(JSON.stringify(r)));`,
      [inputs, join(dir, "tong-hop.xlsx")],
    );
    expect(m).toMatchObject({ units: 170, ok: 170 });
    expect(m.values).toBeGreaterThan(400);
    const ratio = report("in a Node process of its own (the compiled CLI)", m);
    expect(ratio).toBeLessThanOrEqual(1.25);
  }, 900_000);

  it("(for information) the same measurement inside the jest worker", async () => {
    const parseOnly = async () => {
      const start = now();
      for (const file of files) {
        const read = readWorkbook(new Uint8Array(await fs.readFile(file)), file);
        if (!read.ok) throw new Error(read.reason);
      }
      return now() - start;
    };
    const endToEnd = async () => {
      let text = "";
      const io: Io = { ...nodeIo(), out: (t) => void (text += t), err: (t) => void (text += t) };
      const start = now();
      const code = await main(["rollup", ...files, "-o", join(dir, "tong-hop-jest.xlsx"), "--unit", "UBND tỉnh Thử", "--json", "--force"], io);
      if (code !== 0) throw new Error(text.slice(0, 500));
      return now() - start;
    };
    await parseOnly();
    await endToEnd();
    const a: number[] = [];
    const b: number[] = [];
    for (let round = 0; round < 3; round++) {
      a.push(await parseOnly());
      b.push(await endToEnd());
    }
    report("inside the jest worker (ts-jest), for information only", { a, b, units: 170, ok: 170, values: 0 });
  }, 900_000);
});

describe("cchc rollup: 3,321 units (every commune) of one form", () => {
  const dir = tempDir("cchc-bench-communes-");
  const COMMUNES = 3321;
  const form = findForm("tk2011-2020.xa.pl3")!;

  it("completes in under 2 GB of memory", async () => {
    // The received files (not measured).
    const inputs = join(dir, "nhan");
    mkdirSync(inputs);
    const filler = await TemplateFiller.create([form], { period: "Năm 2020" });
    for (let i = 0; i < COMMUNES; i++) {
      const file = join(inputs, `xa-${String(i + 1).padStart(4, "0")}.xlsx`);
      await fs.writeFile(file, await filler.write(unitName("xã", i), { [form.id]: typedValues(unitEntries(form, i)) }));
    }
    const result = runAlone<{ code: number; ms: number; sampledRss: number; maxRss: number; units: number; ok: number; values: number }>(
      `const { readdirSync } = require("fs");
const { join } = require("path");
const { main } = require(join(BUILD, "cli", "main.js"));
const { nodeIo } = require(join(BUILD, "cli", "io.js"));
let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const timer = setInterval(sample, 20);
const files = readdirSync(process.argv[2]).sort().map((f) => join(process.argv[2], f));
let out = "";
const start = Date.now();
main(["rollup", ...files, "-o", process.argv[3], "--force", "--json"], { ...nodeIo(), out: (t) => void (out += t), err: (t) => void (out += t) }).then((code) => {
  sample();
  clearInterval(timer);
  const json = JSON.parse(out);
  process.stdout.write(JSON.stringify({ code, ms: Date.now() - start, sampledRss: peak, maxRss: process.resourceUsage().maxRSS * 1024,
    units: json.units.length, ok: json.units.filter((u) => u.status === "ok").length, values: json.values.length }));
});
`,
      [inputs, join(dir, "tong-hop-xa.xlsx")],
    );
    const gb = (n: number) => (n / 2 ** 30).toFixed(2);
    console.log(
      `rollup of ${COMMUNES} communes × ${form.id}: ${(result.ms / 1000).toFixed(1)} s end to end, ` +
        `peak resident memory ${gb(result.maxRss)} GB (getrusage maxRSS), highest sample ${gb(result.sampledRss)} GB; target < 2 GB`,
    );
    expect(result).toMatchObject({ code: 0, units: COMMUNES, ok: COMMUNES });
    expect(result.maxRss).toBeLessThan(2 * 2 ** 30);
    expect(result.sampledRss).toBeLessThan(2 * 2 ** 30);
  }, 1_800_000);
});
