import { FORMS } from "../../catalog";
import { makeIssue, type Issue } from "../../core/issues";
import { decisionJson, type DecisionJson } from "../../core/consolidate";
import type { UnitSource } from "../../core/filled";
import { analyseWorkbook, unrecognisedReason } from "../../core/workbook";
import { readWorkbook } from "../../xlsx/read";
import { has, parseArgs, UsageError } from "../args";
import { describeFsError, type Io } from "../io";
import { validateText } from "../text";

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

export async function runValidate(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { "--json": { value: false } });
  if (!args.positional.length) throw new UsageError("Cần ít nhất một tệp để kiểm tra: cchc validate TỆP...");
  const files: ValidatedFile[] = [];
  for (const path of args.positional) files.push(await validateFile(path, io));

  if (has(args, "--json")) io.out(JSON.stringify({ files }, null, 2) + "\n");
  else io.out(validateText(files));
  if (files.every((f) => f.status === "unreadable")) return 2;
  return files.some((f) => f.issues.some((i) => i.severity === "error")) ? 1 : 0;
}
