import { FORMS } from "../../catalog";
import { LevelSchema, type Level } from "../../catalog/schema";
import { targetReport } from "../../core/target-report";
import type { TargetResult } from "../../core/targets";
import { readWorkbook } from "../../xlsx/read";
import { flag, has, parseArgs, UsageError } from "../args";
import { describeFsError, type Io } from "../io";

const STATUS_WORD = { met: "Đạt", "not-met": "Chưa đạt", "no-data": "Chưa có số liệu", "self-assessment": "Cần tự đánh giá" } as const;

/** One result of the `targets` JSON (public; fields may be added, never renamed). */
function resultJson(r: TargetResult) {
  return {
    target: r.target,
    source: [r.source.document, r.source.article, r.source.printedIn ? `in lại tại ${r.source.printedIn}` : undefined].filter(Boolean).join(", "),
    form: r.form ?? null,
    row: r.row ?? null,
    label: r.label ?? null,
    column: r.columnLabel ?? null,
    value: r.value,
    comparator: r.comparator,
    threshold: r.threshold,
    // design.md's three statuses; targets no row measures are "no-data" with selfAssessment: true.
    status: r.status === "self-assessment" ? "no-data" : r.status,
    selfAssessment: r.status === "self-assessment",
    criterion: r.criterion,
    unit: r.unit,
    year: r.year,
    programme: r.programme,
    area: r.area,
    verified: r.verified,
    sheet: r.sheet ?? null,
    cell: r.address ?? null,
    wording: r.wording,
    message: r.message,
  };
}

function parseBaselines(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) {
    const m = /^([^=]+)=(-?\d+(?:[.,]\d+)?)$/.exec(v.trim());
    if (!m) throw new UsageError(`--baseline cần dạng MÃ_CHỈ_TIÊU=SỐ, ví dụ par-sipas.dv-snc-giam=120 (nhận được «${v}»).`);
    out[m[1]] = Number(m[2].replace(",", "."));
  }
  return out;
}

export async function runTargets(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    "--json": { value: false },
    "--level": { value: true },
    "--baseline": { value: true, repeatable: true },
  });
  if (args.positional.length !== 1) throw new UsageError("Cần đúng một tệp: cchc targets TỆP [--json] [--level tinh|huyen|xa]");
  const levelArg = flag(args, "--level");
  let level: Level | undefined;
  if (levelArg !== undefined) {
    const parsed = LevelSchema.safeParse(levelArg);
    if (!parsed.success) throw new UsageError(`Cấp «${levelArg}» không hợp lệ; dùng tinh, huyen hoặc xa.`);
    level = parsed.data;
  }
  const baselines = parseBaselines(args.flags.get("--baseline") ?? []);
  const path = args.positional[0];
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    io.err(`Không đọc được tệp «${path}»: ${describeFsError(error)}.\n`);
    return 2;
  }
  const read = readWorkbook(bytes, path);
  if (!read.ok) {
    io.err(`Không đọc được tệp «${path}»: ${read.reason}.\n`);
    return 2;
  }
  const report = targetReport(read.sheets, FORMS, { ...(level ? { level } : {}), baselines });
  if (!report.sheets.length) {
    io.err(`Tệp «${path}» không có phụ lục nào nhận dạng được.\n`);
    return 2;
  }
  if (!report.level) {
    io.err(`Không xác định được cấp báo cáo của tệp «${path}» (tỉnh, huyện hay xã); hãy thêm --level tinh|huyen|xa.\n`);
    return 2;
  }
  if (has(args, "--json")) {
    io.out(
      JSON.stringify(
        {
          file: path,
          level: report.level,
          sheets: report.sheets,
          results: report.results.map(resultJson),
          ratings: report.ratings.map((r) => ({ form: r.form, row: r.row, stt: r.stt, label: r.label, suggestion: r.suggestion, current: r.current, disagrees: r.disagrees, sheet: r.sheet ?? null, cell: r.address ?? null, targets: r.targets })),
        },
        null,
        2,
      ) + "\n",
    );
    return 0;
  }
  io.out(`${path} — cấp ${report.level}\n`);
  const counts = { met: 0, "not-met": 0, "no-data": 0, "self-assessment": 0 };
  for (const r of report.results) counts[r.status]++;
  io.out(`  Đạt ${counts.met} · Chưa đạt ${counts["not-met"]} · Chưa có số liệu ${counts["no-data"]} · Cần tự đánh giá ${counts["self-assessment"]}\n`);
  for (const r of report.results.filter((x) => x.status === "not-met" || x.status === "met"))
    io.out(`  [${STATUS_WORD[r.status]}] ${r.message}\n`);
  for (const s of report.ratings.filter((x) => x.suggestion))
    io.out(`  Gợi ý mục tiêu ${s.stt}: ${s.suggestion}${s.disagrees ? ` (đang ghi «${s.current}»)` : ""}\n`);
  return 0;
}
