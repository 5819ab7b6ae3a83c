import { FORMS, findForm } from "../../catalog";
import { LevelSchema, type CellKind, type Level, type Row } from "../../catalog/schema";
import { findTarget, type Target } from "../../catalog/targets";
import { targetReport } from "../../core/target-report";
import { shortenText } from "../../core/issue-groups";
import { attentionFirst, countRatings, unitRatingsText, type RatingSuggestion, type TargetResult } from "../../core/targets";
import { parseCell } from "../../core/parse";
import { withNodeReadPool } from "../../xlsx/node-pool";
import { readGridsIn } from "../../xlsx/pool";
import { flag, has, parseArgs, UsageError } from "../args";
import { BUDGET_FLAGS, budgetFrom } from "../files";
import { describeFsError, type Io } from "../io";
import { wrap } from "../text";

const LEVEL_NAME: Record<Level, string> = { tinh: "tỉnh", huyen: "huyện", xa: "xã" };

/** One result of the `targets` JSON (public; fields may be added, never renamed). */
function resultJson(r: TargetResult) {
  return {
    target: r.target,
    source: [r.source.document, r.source.article, r.source.printedIn ? `in lại tại ${r.source.printedIn}` : undefined].filter(Boolean).join(", "),
    section: r.source.section ?? null,
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
    reason: r.reason ?? null,
    criterion: r.criterion,
    unit: r.unit,
    year: r.year,
    programme: r.programme,
    goal: r.goal ?? null,
    area: r.area,
    verified: r.verified,
    sheet: r.sheet ?? null,
    cell: r.address ?? null,
    cells: r.cells.map((c) => ({ row: c.row, label: c.label, value: c.value, sheet: c.sheet ?? null, cell: c.address ?? null })),
    valueText: r.valueText ?? null,
    approximate: r.approximate ?? false,
    partial: r.partial ?? false,
    ...(r.comparator === "change-vs-baseline" ? { measured: r.measured ?? null, baseline: r.baseline ?? null } : {}),
    wording: r.wording,
    howToAssess: r.howToAssess ?? null,
    message: r.message,
  };
}

function ratingJson(s: RatingSuggestion) {
  return {
    form: s.form,
    row: s.row,
    stt: s.stt,
    label: s.label,
    suggestion: s.suggestion,
    current: s.current,
    currentText: s.currentText ?? null,
    disagrees: s.disagrees,
    sheet: s.sheet ?? null,
    cell: s.address ?? null,
    targets: s.targets,
    evidence: s.evidence.map((r) => ({ target: r.target, status: r.status === "self-assessment" ? "no-data" : r.status, value: r.value, sheet: r.sheet ?? null, cell: r.address ?? null })),
    missing: s.missing.map((m) => m.target),
    short: s.short,
    why: s.why ?? null,
    attention: s.attention,
    units: s.units ?? null,
  };
}

/** The kind a baseline is read as: that of the metric's rows (a count of units reads "1.076" as 1076). */
function baselineKind(t: Target): CellKind {
  const m = t.metric;
  const rowId = m ? (m.type === "row" ? m.row : m.type === "sum" ? m.rows[0] : m.numerator[0]) : undefined;
  const kind = m && rowId ? findForm(m.form)?.rows.find((r) => r.id === rowId)?.kind : undefined;
  return kind === "count" || kind === "percent" ? kind : "decimal";
}

/** `--baseline MÃ=SỐ`: a change target of the catalogue and a number read the Vietnamese way. */
function parseBaselines(values: string[], io: Io): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) {
    const m = /^([^=]+)=(.+)$/.exec(v.trim());
    if (!m) throw new UsageError(`--baseline cần dạng MÃ_CHỈ_TIÊU=SỐ, ví dụ par.giam-sncl=52 (nhận được «${v}»).`);
    const id = m[1].trim();
    const t = findTarget(id);
    if (!t) throw new UsageError(`--baseline: không có chỉ tiêu mã «${id}» (các mã có trong «cchc targets TỆP --json», trường target).`);
    if (t.comparator !== "change-vs-baseline" || !t.change)
      throw new UsageError(`--baseline: chỉ tiêu «${id}» không so sánh với năm gốc (${t.comparator}); không cần số liệu mốc.`);
    const row: Row = { id: "baseline", stt: "", label: id, kind: baselineKind(t) };
    const p = parseCell({ value: m[2].trim() }, row.kind, row);
    if (p.type !== "number" || p.guess?.code === "note_in_number")
      throw new UsageError(`--baseline: «${m[2]}» không phải là một số hợp lệ cho chỉ tiêu «${id}».`);
    if (!t.metric)
      io.err(`Lưu ý: chỉ tiêu «${id}» không có dòng số liệu nào đo được (cần tự đánh giá); số liệu mốc không được dùng.\n`);
    out[id] = p.value;
  }
  return out;
}

/** "trang «Phụ lục», ô D17, D16" — every cell a result read. */
function cellsText(r: TargetResult): string {
  const bySheet = new Map<string, string[]>();
  for (const c of r.cells) {
    if (!c.address) continue;
    const sheet = c.sheet ?? r.sheet ?? "";
    const list = bySheet.get(sheet) ?? [];
    if (!list.includes(c.address)) list.push(c.address);
    bySheet.set(sheet, list);
  }
  return [...bySheet.entries()].map(([sheet, cells]) => `${sheet ? `trang «${sheet}», ` : ""}ô ${cells.join(", ")}`).join("; ");
}

const YEAR = (r: TargetResult) => (r.year === "yearly" ? "hằng năm" : `năm ${r.year}`);

function resultLine(r: TargetResult): string {
  const where = cellsText(r);
  const what = r.label ? `«${shortenText(r.label, 90)}»${r.columnLabel ? `, cột «${r.columnLabel}»` : ""}` : `«${shortenText(r.wording, 90)}»`;
  const source = [r.source.section, r.verified ? undefined : "nguồn chưa kiểm chứng"].filter(Boolean).join("; ");
  return wrap(`- ${where ? `${where} — ` : ""}${what}: ${r.message} [${r.target}, chỉ tiêu ${YEAR(r)}${source ? `; ${source}` : ""}]`, "  ", "    ");
}

/** What the unit wrote for a row: its own rating, or for a rollup each unit's. */
function ownRating(s: RatingSuggestion): string {
  if (s.units) return unitRatingsText(s.units);
  if (s.current) return `đơn vị ghi «${s.current}»`;
  return s.currentText ? `đơn vị ghi «${s.currentText}» (không phải Đạt/Không đạt)` : "đơn vị chưa ghi đánh giá";
}

/** One rated row: the unit's own rating first, then our suggestion or why there is none, then the evidence. */
function ratingLines(s: RatingSuggestion): string {
  const goal = `Mục tiêu ${s.stt.replace(/\.$/, "")}${s.address ? ` (ô ${s.address})` : ""} «${shortenText(s.label, 50)}»`;
  const ours = s.suggestion
    ? `gợi ý «${s.suggestion}»${s.disagrees ? " — KHÁC với đánh giá của đơn vị, hãy xem lại" : ""}.`
    : `${(s.why ?? "").charAt(0).toLocaleLowerCase("vi")}${(s.why ?? "").slice(1)}`;
  let out = wrap(`- ${goal}: ${ownRating(s)}; ${ours}`, "  ", "    ");
  if (s.suggestion) for (const r of s.evidence) out += wrap(`${r.target}: ${r.message}`, "      ", "        ");
  return out;
}

/** The rated rows of each rating sheet, rows to read first at the top, with a summary line. */
function ratingsText(ratings: readonly RatingSuggestion[]): string {
  let out = "";
  const sheets = [...new Set(ratings.map((r) => `${r.form}\u0000${r.sheet ?? ""}`))];
  for (const key of sheets) {
    const rows = ratings.filter((r) => `${r.form}\u0000${r.sheet ?? ""}` === key);
    const form = findForm(rows[0].form);
    const c = countRatings(rows);
    const rollup = rows.some((r) => r.units);
    const own = rollup
      ? `${c.attention} mục tiêu có đơn vị chưa đạt hoặc chưa ghi`
      : `đơn vị ghi Đạt ${c.dat} · Không đạt ${c.khongDat} · chưa ghi ${c.unrated}`;
    const ours = `gợi ý từ số liệu: Đạt ${c.suggestedDat} · Không đạt ${c.suggestedKhongDat} · chưa gợi ý được ${c.rows - c.suggestedDat - c.suggestedKhongDat}`;
    out += "\n" + wrap(`Đánh giá ${c.rows} mục tiêu — ${form?.appendix ?? rows[0].form}${rows[0].sheet ? `, trang «${rows[0].sheet}»` : ""}: ${own}; ${ours}. Chỉ là gợi ý, tệp không bị sửa.`, "", "    ");
    const first = attentionFirst(rows);
    const attention = first.filter((r) => r.attention);
    if (attention.length) {
      out += wrap(`Cần xem trước (${attention.length}) — ${rollup ? "có đơn vị chưa đạt" : "đơn vị ghi Không đạt"}, gợi ý Không đạt hoặc có tiêu chí chưa đạt:`, "", "    ");
      for (const r of attention) out += ratingLines(r);
    }
    const rest = first.filter((r) => !r.attention);
    if (rest.length) {
      out += wrap(`${attention.length ? "Các mục tiêu khác" : "Các mục tiêu"} (${rest.length}):`, "", "    ");
      for (const r of rest) out += ratingLines(r);
    }
  }
  return out;
}

export async function runTargets(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    "--json": { value: false },
    "--level": { value: true },
    "--baseline": { value: true, repeatable: true },
    ...BUDGET_FLAGS,
  });
  if (args.positional.length !== 1) throw new UsageError("Cần đúng một tệp: cchc targets TỆP [--json] [--level tinh|huyen|xa] [--baseline MÃ=SỐ]...");
  const levelArg = flag(args, "--level");
  let level: Level | undefined;
  if (levelArg !== undefined) {
    const parsed = LevelSchema.safeParse(levelArg);
    if (!parsed.success) throw new UsageError(`Cấp «${levelArg}» không hợp lệ; dùng tinh, huyen hoặc xa.`);
    level = parsed.data;
  }
  const baselines = parseBaselines(args.flags.get("--baseline") ?? [], io);
  const budget = budgetFrom(args);
  const path = args.positional[0];
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    io.err(`Không đọc được tệp «${path}»: ${describeFsError(error)}.\n`);
    return 2;
  }
  const read = await withNodeReadPool({ budget, files: 1 }, (pool) => readGridsIn(pool, { name: path, bytes }));
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
  const statuses = (["not-met", "met", "no-data", "self-assessment"] as const).map((status) => [status, report.results.filter((x) => x.status === status)] as const);
  if (has(args, "--json")) {
    io.out(
      JSON.stringify(
        {
          file: path,
          level: report.level,
          sheets: report.sheets,
          summary: {
            ratings: countRatings(report.ratings),
            results: Object.fromEntries(statuses.map(([status, list]) => [status, list.length])),
          },
          ratings: report.ratings.map(ratingJson),
          results: report.results.map(resultJson),
        },
        null,
        2,
      ) + "\n",
    );
    return 0;
  }

  const rollup = report.sheets.some((s) => s.rollup);
  io.out(wrap(`Tệp «${path}»: ${rollup ? "bảng tổng hợp" : "báo cáo"} cấp ${LEVEL_NAME[report.level]}${level ? " (theo --level)" : ""}.`, "", "    "));
  for (const s of report.sheets)
    io.out(wrap(`Trang «${s.sheet}»: ${findForm(s.form)?.appendix ?? s.form} (${s.form})${s.unit ? `, ${s.unit}` : ""}${s.rollup ? ", số liệu tổng hợp" : ""}`, "  ", "    "));
  // The unit's own ratings first: what it wrote, beside what the figures suggest.
  io.out(ratingsText(report.ratings));

  const [notMet, met, noData, self] = statuses.map(([, list]) => list);
  const groups: [string, readonly TargetResult[]][] = [
    ["Chưa đạt", notMet],
    ["Đạt", met],
    ["Chưa có số liệu", noData],
  ];
  io.out("\n" + wrap(`Kết quả ${report.results.length} chỉ tiêu: ${[...groups.map(([name, list]) => `${name} ${list.length}`), `Cần tự đánh giá ${self.length}`].join(" · ")}`, "", "    "));
  for (const [name, list] of groups) {
    if (!list.length) continue;
    io.out(`\n${name} (${list.length}):\n`);
    for (const r of list) io.out(resultLine(r));
  }
  if (self.length) {
    // Sub-targets of the rows rated above are summed up there ("… tiêu chí cần tự đánh giá").
    const rated = new Set(report.ratings.flatMap((r) => r.targets));
    const listed = self.filter((r) => !rated.has(r.target));
    const under = self.length - listed.length;
    io.out("\n" + wrap(`Cần tự đánh giá (${self.length})${under ? ` — ${under} tiêu chí của các mục tiêu ở trên không nhắc lại (xem --json)` : ""}:`, "", "    "));
    for (const r of listed) {
      io.out(wrap(`- ${r.target} (${YEAR(r)}): ${shortenText(r.wording, 110)}`, "  ", "    "));
      if (r.howToAssess) io.out(wrap(`Cách tự đánh giá: ${r.howToAssess}`, "      ", "      "));
    }
  }
  return 0;
}
