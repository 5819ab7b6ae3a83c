/**
 * `cchc` — the command line over core + xlsx (a public interface, documented in the README).
 * Exit status: 0 done (validate: no errors), 1 validate found errors, 2 usage error or nothing
 * readable. Messages for people are Vietnamese; `--json` output is for programs.
 */
import { FORMS } from "../catalog";
import { UsageError } from "./args";
import { runForms } from "./commands/forms";
import { runTemplate } from "./commands/template";
import { runValidate } from "./commands/validate";
import { runRollup } from "./commands/rollup";
import { runTargets } from "./commands/targets";
import type { Io } from "./io";
import { nodeIo } from "./io";

export const USAGE = `cchc — CCHC Phụ lục: phụ lục báo cáo cải cách hành chính

Cách dùng:
  cchc forms [--json]                         liệt kê các phụ lục có trong danh mục
  cchc template MÃ... -o TỆP.xlsx [--unit TÊN] [--period KỲ] [--force]
                                              tạo tệp .xlsx chứa các phụ lục trống
                                              (MÃ là mã phụ lục hoặc mã nhóm, ví dụ tk2011-2020.huyen)
  cchc validate TỆP... [--json]              kiểm tra các tệp phụ lục đã điền (.xlsx, .xls, .ods, .docx)
  cchc rollup TỆP... -o TỆP.xlsx [--unit TÊN] [--period KỲ] [--expect DANH_SÁCH.txt] [--json] [--force]
                                              tổng hợp các tệp nhận từ đơn vị cấp dưới (.xlsx, .xls, .ods, .docx)
  cchc targets TỆP [--json] [--level tinh|huyen|xa] [--baseline MÃ=SỐ]...
                                              đối chiếu số liệu với các chỉ tiêu 2020, 2025, 2030
  cchc help                                   in hướng dẫn này

Mã thoát: 0 xong; 1 kiểm tra thấy lỗi; 2 sai cú pháp hoặc không đọc được tệp nào.
Danh mục có ${FORMS.length} phụ lục.`;

export type Command = (args: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  forms: runForms,
  template: runTemplate,
  validate: runValidate,
  rollup: runRollup,
  targets: runTargets,
};

export async function main(argv: string[], io: Io = nodeIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.out(USAGE + "\n");
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Lệnh không hợp lệ: «${name}».\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n(Xem: cchc help)\n`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`Lỗi không mong đợi: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
