import { resolve } from "path";
import type { ReceivedSource } from "../../core/units";
import { createNodeReadPool } from "../../xlsx/node-pool";
import { flag, has, parseArgs, UsageError } from "../args";
import { BUDGET_FLAGS, budgetFrom, readInputs } from "../files";
import { describeFsError, type Io } from "../io";

/** An expected-units list: one unit per line (a .txt, or a one-column .csv); blank lines and # comments ignored. */
export function parseExpected(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line) => line.split(/[;,\t]/)[0].trim().replace(/^"|"$/g, ""))
    .filter((line) => line && !line.startsWith("#"));
}

/**
 * The input files, each once: a path given twice (however spelled: "a.xlsx", "./a.xlsx", absolute)
 * is the same file, read and counted once — not a unit that sent two reports. `repeated` names the
 * paths given more than once, as first spelled, with how many times.
 */
export function distinctPaths(paths: readonly string[]): { paths: string[]; repeated: { path: string; times: number }[] } {
  const first = new Map<string, { path: string; times: number }>();
  for (const p of paths) {
    const seen = first.get(resolve(p));
    if (seen) seen.times++;
    else first.set(resolve(p), { path: p, times: 1 });
  }
  return { paths: [...first.values()].map((f) => f.path), repeated: [...first.values()].filter((f) => f.times > 1) };
}

/**
 * What the command needs besides the pool. Loaded once the worker processes are starting (they
 * load their own modules meanwhile): loading the catalogue and the core first would delay them.
 */
async function loadModules() {
  const [{ FORMS }, { consolidate, periodJson, unitsJson }, { writeTemplates }, { deflateWithZlib }, { readReceivedFiles }, { unreadable }, { describePeriod }, summary, { wrap }] = await Promise.all([
    import("../../catalog"),
    import("../../core/consolidate"),
    import("../../xlsx/write"),
    import("../../xlsx/deflate.node"),
    import("../../xlsx/pool"),
    import("../../xlsx/wire"),
    import("../../core/period"),
    import("../../core/rollup-summary"),
    import("../text"),
  ]);
  return { FORMS, consolidate, periodJson, unitsJson, writeTemplates, deflateWithZlib, readReceivedFiles, unreadable, describePeriod, ...summary, wrap };
}

export async function runRollup(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    "-o": { value: true, aliases: ["--output"] },
    "--unit": { value: true },
    "--period": { value: true },
    "--expect": { value: true },
    "--json": { value: false },
    "--force": { value: false },
    ...BUDGET_FLAGS,
  });
  const out = flag(args, "-o");
  const budget = budgetFrom(args);
  if (!args.positional.length) throw new UsageError("Cần ít nhất một tệp nhận từ đơn vị cấp dưới: cchc rollup TỆP... -o TỆP.xlsx");
  if (!out) throw new UsageError("Cần tệp kết quả: -o TỆP.xlsx");
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`Tệp kết quả «${out}» phải có đuôi .xlsx.`);
  // The same file however it is spelled ("bao-cao.xlsx", "./bao-cao.xlsx", an absolute path).
  if (args.positional.some((input) => resolve(input) === resolve(out))) throw new UsageError(`Tệp kết quả «${out}» trùng với một tệp đầu vào.`);
  if (!has(args, "--force") && (await io.exists(out))) {
    io.err(`Tệp «${out}» đã tồn tại; không ghi đè. Chọn tên khác hoặc thêm --force.\n`);
    return 2;
  }
  let expected: string[] | undefined;
  const expectFile = flag(args, "--expect");
  if (expectFile) {
    try {
      expected = parseExpected(new TextDecoder("utf-8").decode(await io.readFile(expectFile)));
    } catch (error) {
      io.err(`Không đọc được danh sách đơn vị «${expectFile}»: ${describeFsError(error)}.\n`);
      return 2;
    }
  }

  /** Consolidates what was read, writes the output and reports: the command's exit status. */
  const consolidateAndWrite = async (sources: ReceivedSource[], modules: Awaited<ReturnType<typeof loadModules>>): Promise<number> => {
    if (sources.every((s) => s.outcome === "unreadable")) {
      io.err(sources.map((s) => `Không đọc được tệp «${s.source}»: ${s.reason}.`).join("\n") + "\n");
      return 2;
    }
    const { consolidate, periodJson, unitsJson, writeTemplates, deflateWithZlib, describePeriod, consolidationCounts, consolidationSummary, wrap } = modules;
    const result = consolidate(sources, {
      ...(expected ? { expected } : {}),
      ...(flag(args, "--unit") ? { unit: flag(args, "--unit") } : {}),
      ...(flag(args, "--period") ? { period: flag(args, "--period") } : {}),
    });
    try {
      await io.writeFileAtomic(out, await writeTemplates(result.sheets.map((s) => ({ name: s.name, layout: s.layout })), { deflate: deflateWithZlib }));
    } catch (error) {
      io.err(`Không ghi được tệp «${out}»: ${describeFsError(error)}.\n`);
      return 2;
    }
    const counts = consolidationCounts(result.units.units, result.rollups);
    const notes = repeated.map((r) => `Tệp «${r.path}» được chỉ định ${r.times} lần; chỉ đọc và tổng hợp một lần.`);
    if (has(args, "--json")) {
      const summary = { ...counts, message: consolidationSummary(counts), notes };
      io.out(JSON.stringify({ output: out, summary, ...periodJson(result.units), units: unitsJson(result.units), values: result.values }, null, 2) + "\n");
    } else {
      io.out(wrap(`${consolidationSummary(counts)} Kết quả: «${out}».`, "", "  "));
      const p = result.units.period;
      if (p) io.out(wrap(`Kỳ tổng hợp: ${describePeriod(p)}${p.source === "majority" ? " (kỳ của đa số đơn vị)" : ""}.`, "", "  "));
      for (const note of [...notes, ...result.units.notes.map((n) => n.message)]) io.out(wrap(note, "", "  "));
      for (const u of result.units.units) io.out(wrap(`${u.unit}: ${u.message}`, "  ", "    "));
    }
    return 0;
  };

  // Every file in the pool of workers, started first; the files are checked on disk (each worker
  // opens its own) and this thread's modules load while the workers start. A path given twice
  // is read once. This thread checks each report as it arrives (it keeps a core for that); the
  // workers stop while it consolidates.
  const { paths, repeated } = distinctPaths(args.positional);
  const pool = createNodeReadPool({ budget, files: paths.length, callerBusy: true });
  const modules = loadModules();
  let sources: ReceivedSource[];
  try {
    const [{ FORMS, readReceivedFiles, unreadable }, inputs] = await Promise.all([modules, readInputs(paths, io)]);
    const read = await readReceivedFiles(pool, inputs.flatMap((f) => ("file" in f ? [f.file] : [])), FORMS);
    sources = inputs.map((f) => ("file" in f ? read.shift()! : unreadable(f.path, f.error)));
  } catch (error) {
    await pool.terminate();
    throw error;
  }
  const stopped = pool.terminate();
  try {
    return await consolidateAndWrite(sources, await modules);
  } finally {
    await stopped;
  }
}
