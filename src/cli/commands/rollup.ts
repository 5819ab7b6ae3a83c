import { resolve } from "path";
import { FORMS } from "../../catalog";
import { consolidate, periodJson, unitsJson } from "../../core/consolidate";
import { describePeriod } from "../../core/period";
import type { ReceivedSource } from "../../core/units";
import { writeTemplates } from "../../xlsx/write";
import { receivedFromFile } from "../../xlsx/received";
import { flag, has, parseArgs, UsageError } from "../args";
import { describeFsError, type Io } from "../io";

/** An expected-units list: one unit per line (a .txt, or a one-column .csv); blank lines and # comments ignored. */
export function parseExpected(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line) => line.split(/[;,\t]/)[0].trim().replace(/^"|"$/g, ""))
    .filter((line) => line && !line.startsWith("#"));
}

export async function runRollup(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    "-o": { value: true, aliases: ["--output"] },
    "--unit": { value: true },
    "--period": { value: true },
    "--expect": { value: true },
    "--json": { value: false },
    "--force": { value: false },
  });
  const out = flag(args, "-o");
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

  const sources: ReceivedSource[] = [];
  for (const path of args.positional) {
    try {
      sources.push(receivedFromFile(await io.readFile(path), path, FORMS));
    } catch (error) {
      sources.push({ source: path, outcome: "unreadable", reason: describeFsError(error), forms: [], issues: [] });
    }
  }
  if (sources.every((s) => s.outcome === "unreadable")) {
    io.err(sources.map((s) => `Không đọc được tệp «${s.source}»: ${s.reason}.`).join("\n") + "\n");
    return 2;
  }
  const result = consolidate(sources, {
    ...(expected ? { expected } : {}),
    ...(flag(args, "--unit") ? { unit: flag(args, "--unit") } : {}),
    ...(flag(args, "--period") ? { period: flag(args, "--period") } : {}),
  });
  try {
    await io.writeFileAtomic(out, await writeTemplates(result.sheets.map((s) => ({ name: s.name, layout: s.layout }))));
  } catch (error) {
    io.err(`Không ghi được tệp «${out}»: ${describeFsError(error)}.\n`);
    return 2;
  }
  if (has(args, "--json")) {
    io.out(JSON.stringify({ output: out, ...periodJson(result.units), units: unitsJson(result.units), values: result.values }, null, 2) + "\n");
  } else {
    io.out(`Đã tổng hợp ${result.rollups.length} phụ lục vào «${out}».\n`);
    const p = result.units.period;
    if (p) io.out(`Kỳ tổng hợp: ${describePeriod(p)}${p.source === "majority" ? " (kỳ của đa số đơn vị)" : ""}\n`);
    for (const note of result.units.notes) io.out(`${note.message}\n`);
    for (const u of result.units.units) io.out(`  ${u.unit}: ${u.message}\n`);
  }
  return 0;
}
