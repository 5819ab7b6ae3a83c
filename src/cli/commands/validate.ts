import { FORMS } from "../../catalog";
import { makeIssue, type Issue } from "../../core/issues";
import { decisionJson, type DecisionJson } from "../../core/consolidate";
import type { UnitSource } from "../../core/filled";
import { describePeriod } from "../../core/period";
import { UNIT_SOURCE_LABELS } from "../../core/vocabulary";
import { analyseWorkbook, unrecognisedReason } from "../../core/workbook";
import { readWorkbook } from "../../xlsx/read";
import { has, parseArgs, UsageError } from "../args";
import { describeFsError, type Io } from "../io";

/** One file of the `validate` JSON (public; fields may be added, never renamed). */
export interface ValidatedFile {
  file: string;
  status: "ok" | "unreadable" | "unrecognised";
  reason?: string;
  sheets: {
    sheet: string;
    form: string;
    unit: string | null;
    period: string | null;
    /** Where the unit was read (marker, cell, heading, attached, sheet); null without a unit. */
    unitSource: UnitSource | null;
    /** The period normalised ("2026-Q3"); null when the sheet states none or states two. */
    periodKey: string | null;
    /** undecided: a value column could be one of several sheet columns; see `decisions`. */
    status: "ok" | "undecided";
    decisions?: DecisionJson[];
  }[];
  issues: { sheet: string; cell: string; severity: Issue["severity"]; code: string; message: string; value?: string }[];
}

function toJsonIssue(issue: Issue): ValidatedFile["issues"][number] {
  return {
    sheet: issue.sheet,
    cell: issue.cell,
    severity: issue.severity,
    code: issue.code,
    message: issue.message,
    ...(issue.value !== undefined ? { value: issue.value } : {}),
  };
}

export async function validateFile(path: string, io: Io): Promise<ValidatedFile> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    const detail = describeFsError(error);
    return { file: path, status: "unreadable", reason: detail, sheets: [], issues: [toJsonIssue(makeIssue("file_unreadable", "error", { sheet: "", cell: "" }, { file: path, detail }))] };
  }
  const read = readWorkbook(bytes, path);
  if (!read.ok) {
    return { file: path, status: "unreadable", reason: read.reason, sheets: [], issues: [toJsonIssue(makeIssue("file_unreadable", "error", { sheet: "", cell: "" }, { file: path, detail: read.reason }))] };
  }
  const analyses = analyseWorkbook(read.sheets, FORMS);
  const recognised = analyses.filter((a) => a.filled);
  if (!recognised.length) {
    const detail = unrecognisedReason(read.sheets, analyses);
    return { file: path, status: "unrecognised", reason: detail, sheets: [], issues: [toJsonIssue(makeIssue("file_unrecognised", "error", { sheet: "", cell: "" }, { file: path, detail }))] };
  }
  return {
    file: path,
    status: "ok",
    sheets: recognised.map((a) => {
      const f = a.filled!;
      const decisions = (f.pending ?? []).map((decision) => decisionJson({ sheet: a.sheet, formId: f.form.id, decision }));
      return {
        sheet: a.sheet,
        form: f.form.id,
        unit: f.unit ?? null,
        period: f.period ?? null,
        unitSource: f.unit ? f.unitSource ?? "cell" : null,
        periodKey: f.periodKey ?? null,
        status: decisions.length ? ("undecided" as const) : ("ok" as const),
        ...(decisions.length ? { decisions } : {}),
      };
    }),
    issues: recognised.flatMap((a) => a.issues).map(toJsonIssue),
  };
}

const SEVERITY_WORD = { error: "lỗi", warning: "cảnh báo" } as const;

/** «Trang «PL»: form — unit (lấy từ …) — kỳ QUÝ III NĂM 2026 (2026-Q3)», and what waits for a choice. */
function sheetLine(s: ValidatedFile["sheets"][number]): string {
  const unit = s.unit ? ` — ${s.unit}${s.unitSource ? ` (lấy từ ${UNIT_SOURCE_LABELS[s.unitSource]})` : ""}` : "";
  const period = s.period ? ` — kỳ ${describePeriod({ text: s.period, ...(s.periodKey ? { key: s.periodKey } : {}) })}` : "";
  const pending = (s.decisions ?? []).map((d) => `\n    Cần chọn cột chứa số liệu «${d.column}»: ${d.candidates.map((c) => `cột ${c.column}${c.header ? ` «${c.header}»` : ""}`).join(", ")}`).join("");
  return `Trang «${s.sheet}»: ${s.form}${unit}${period}${pending}`;
}

export async function runValidate(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { "--json": { value: false } });
  if (!args.positional.length) throw new UsageError("Cần ít nhất một tệp để kiểm tra: cchc validate TỆP...");
  const files: ValidatedFile[] = [];
  for (const path of args.positional) files.push(await validateFile(path, io));

  if (has(args, "--json")) io.out(JSON.stringify({ files }, null, 2) + "\n");
  else {
    for (const file of files) {
      io.out(`\n${file.file}\n`);
      if (file.status !== "ok") io.out(`  ${file.status === "unreadable" ? "Không đọc được" : "Không nhận dạng được phụ lục"}: ${file.reason}\n`);
      for (const s of file.sheets) io.out(`  ${sheetLine(s)}\n`);
      for (const issue of file.issues)
        if (file.status === "ok") io.out(`  [${SEVERITY_WORD[issue.severity]}] ${issue.message}\n`);
      const errors = file.issues.filter((i) => i.severity === "error").length;
      const warnings = file.issues.length - errors;
      if (file.status === "ok") io.out(`  => ${errors} lỗi, ${warnings} cảnh báo\n`);
    }
  }
  if (files.every((f) => f.status === "unreadable")) return 2;
  return files.some((f) => f.issues.some((i) => i.severity === "error")) ? 1 : 0;
}
