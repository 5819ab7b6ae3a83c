/**
 * `cchc` — the command line over core + xlsx (a public interface, documented in the README).
 * Exit status: 0 done (validate: no errors), 1 validate found errors, 2 usage error or nothing
 * readable. Messages for people are Vietnamese; `--json` output is for programs.
 */
import { setFlagsFromString } from "v8";
import { ACCEPTED_FORMATS } from "../core/messages";
import { BUDGET } from "../xlsx/limits";
import { UsageError } from "./args";
import type { Io } from "./io";
import { nodeIo } from "./io";

/** The usage text; the catalogue is loaded only to count its forms when help is asked for. */
export async function usage(): Promise<string> {
  const { FORMS } = await import("../catalog");
  return `cchc — CCHC Phụ lục: phụ lục báo cáo cải cách hành chính

Cách dùng:
  cchc forms [--json]                         liệt kê các phụ lục có trong danh mục
  cchc template MÃ... -o TỆP.xlsx [--unit TÊN] [--period KỲ] [--force]
                                              tạo tệp .xlsx chứa các phụ lục trống
                                              (MÃ là mã phụ lục hoặc mã nhóm, ví dụ tk2011-2020.huyen)
  cchc validate TỆP... [--json]              kiểm tra các tệp phụ lục đã điền (${ACCEPTED_FORMATS})
  cchc rollup TỆP... -o TỆP.xlsx [--unit TÊN] [--period KỲ] [--expect DANH_SÁCH.txt] [--json] [--force]
                                              tổng hợp các tệp nhận từ đơn vị cấp dưới (${ACCEPTED_FORMATS})
  cchc targets TỆP [--json] [--level tinh|huyen|xa] [--baseline MÃ=SỐ]...
                                              đối chiếu số liệu với các chỉ tiêu 2020, 2025, 2030
  cchc help                                   in hướng dẫn này

Mỗi tệp nhận được (validate, rollup, targets) được đọc riêng, trong giới hạn thời gian và bộ nhớ:
  --file-seconds GIÂY (mặc định ${BUDGET.seconds})  --file-memory MB (mặc định ${BUDGET.memoryMb})
Tệp vượt giới hạn được báo «không đọc được» kèm lý do; các tệp khác vẫn được xử lý.

Mã thoát: 0 xong; 1 kiểm tra thấy lỗi; 2 sai cú pháp hoặc không đọc được tệp nào.
Danh mục có ${FORMS.length} phụ lục.`;
}

export type Command = (args: string[], io: Io) => Promise<number>;

/** Each command's module is loaded when that command runs (start-up loads only what it needs). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  forms: async () => (await import("./commands/forms")).runForms,
  template: async () => (await import("./commands/template")).runTemplate,
  validate: async () => (await import("./commands/validate")).runValidate,
  rollup: async () => (await import("./commands/rollup")).runRollup,
  targets: async () => (await import("./commands/targets")).runTargets,
};

export async function main(argv: string[], io: Io = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.out((await usage()) + "\n");
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.err(`Lệnh không hợp lệ: «${name}».\n\n${await usage()}\n`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n(Xem: cchc help)\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * `cchc` as a process (bin/cchc.js, or this file run by node): the exit status of `main`, and an
 * exit as soon as the output is flushed — not after V8 has torn down a rollup's heap, nor after
 * whatever a library left pending (20-60 ms of a rollup of 170 files). A closed pipe
 * (`cchc forms | head`) is not an error.
 */
export function runCommandLine(argv: string[] = process.argv.slice(2)): void {
  optimiseLess();
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  const exit = (code: number) => {
    process.exitCode = code;
    process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
  };
  main(argv).then(exit, (error: unknown) => {
    process.stderr.write(`Lỗi không mong đợi: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    exit(2);
  });
}

/**
 * V8 compiles a function optimised once it has run for a while (its interrupt budget: 66 KB of
 * bytecode in Node 20's V8). Most of what a command runs, runs for a few hundred files and
 * stops; compiling all of it optimised cost a rollup of 170 reports × 8 forms ~0.4 s of CPU on
 * V8's helper threads, taken from the read worker on a two-core machine. With eight times the
 * budget only code that keeps running is optimised: that rollup took 0.87× the time, one of 3,321
 * communes the same. Node 20's V8 (11.x) only: the flag's name and default are V8's to change,
 * and V8 prints an error for a flag it does not know.
 */
function optimiseLess(): void {
  if (/^11\./.test(process.versions.v8)) setFlagsFromString(`--interrupt-budget=${8 * 66 * 1024}`);
}

if (require.main === module) runCommandLine();
