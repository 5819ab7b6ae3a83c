import { FORMS } from "../../catalog";
import type { Form } from "../../catalog/schema";
import { foldForSearch } from "../../core/search";
import { templateWorkbook } from "../../xlsx/templates";
import { flag, has, parseArgs, UsageError } from "../args";
import { describeFsError, type Io } from "../io";

/** Form ids, or family ids standing for all their forms, in catalogue order, without repeats. */
export function resolveFormIds(ids: string[]): { forms: Form[]; unknown: string[] } {
  const forms: Form[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const matched = FORMS.filter((f) => f.id === id || f.family === id);
    if (!matched.length) unknown.push(id);
    for (const form of matched) if (!forms.includes(form)) forms.push(form);
  }
  return { forms, unknown };
}

function suggestions(id: string): string {
  const wanted = foldForSearch(id);
  const close = FORMS.filter((f) => foldForSearch(f.id).includes(wanted) || wanted.includes(foldForSearch(f.family))).slice(0, 5);
  return close.length ? ` Có phải: ${close.map((f) => f.id).join(", ")}?` : " Xem danh sách: cchc forms.";
}

export async function runTemplate(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    "-o": { value: true, aliases: ["--output"] },
    "--unit": { value: true },
    "--period": { value: true },
    "--force": { value: false },
  });
  const out = flag(args, "-o");
  if (!args.positional.length) throw new UsageError("Cần ít nhất một mã phụ lục (xem: cchc forms).");
  if (!out) throw new UsageError("Cần tệp kết quả: -o TỆP.xlsx");
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`Tệp kết quả «${out}» phải có đuôi .xlsx.`);
  const { forms, unknown } = resolveFormIds(args.positional);
  if (unknown.length) {
    io.err(unknown.map((id) => `Không có phụ lục mã «${id}».${suggestions(id)}`).join("\n") + "\n");
    return 2;
  }
  if (!has(args, "--force") && (await io.exists(out))) {
    io.err(`Tệp «${out}» đã tồn tại; không ghi đè. Chọn tên khác hoặc thêm --force.\n`);
    return 2;
  }
  const bytes = await templateWorkbook(forms, { unit: flag(args, "--unit"), period: flag(args, "--period") });
  try {
    await io.writeFileAtomic(out, bytes);
  } catch (error) {
    io.err(`Không ghi được tệp «${out}»: ${describeFsError(error)}.\n`);
    return 2;
  }
  io.out(`Đã tạo «${out}» với ${forms.length} phụ lục: ${forms.map((f) => f.id).join(", ")}.\n`);
  return 0;
}
