import { makeIssue, type Issue } from "../../core/issues";
import { decisionJson, type DecisionJson } from "../../core/consolidate";
import type { UnitSource } from "../../core/filled";
import { withNodeReadPool } from "../../xlsx/node-pool";
import { analyseIn } from "../../xlsx/pool";
import type { Analysis } from "../../xlsx/worker-methods";
import { has, parseArgs, UsageError } from "../args";
import { BUDGET_FLAGS, budgetFrom, readInputs } from "../files";
import type { Io } from "../io";
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

/** One file's entry, from what a read worker found in it (or why it could not be read). */
export function validatedFile(file: string, analysis: Analysis): ValidatedFile {
  const failed = (status: "unreadable" | "unrecognised", code: "file_unreadable" | "file_unrecognised", detail: string): ValidatedFile => ({
    file,
    status,
    reason: detail,
    sheets: [],
    issues: [toJsonIssue(makeIssue(code, "error", { sheet: "", cell: "" }, { file, detail }))],
  });
  if (!analysis.ok) return failed("unreadable", "file_unreadable", analysis.reason);
  if (analysis.unrecognised !== undefined) return failed("unrecognised", "file_unrecognised", analysis.unrecognised);
  return {
    file,
    status: "ok",
    sheets: analysis.sheets.map((s) => {
      const decisions = (s.pending ?? []).map((decision) => decisionJson({ sheet: s.sheet, formId: s.form!, decision }));
      return {
        sheet: s.sheet,
        form: s.form!,
        unit: s.unit ?? null,
        period: s.period ?? null,
        unitSource: s.unit ? s.unitSource ?? "cell" : null,
        periodKey: s.periodKey ?? null,
        status: decisions.length ? ("undecided" as const) : ("ok" as const),
        ...(decisions.length ? { decisions } : {}),
      };
    }),
    issues: analysis.sheets.flatMap((s) => s.issues).map(toJsonIssue),
  };
}

export async function runValidate(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, { "--json": { value: false }, ...BUDGET_FLAGS });
  if (!args.positional.length) throw new UsageError("Cần ít nhất một tệp để kiểm tra: cchc validate TỆP...");
  const budget = budgetFrom(args);
  // Each file is read, recognised and validated in a worker, within its budget.
  const files = await withNodeReadPool({ budget, files: args.positional.length }, async (pool) => {
    const inputs = await readInputs(args.positional, io);
    return Promise.all(
      inputs.map(async (f) =>
        validatedFile(f.path, "file" in f ? await analyseIn(pool, f.file) : { ok: false, failure: "fs", reason: f.error }),
      ),
    );
  });

  if (has(args, "--json")) io.out(JSON.stringify({ files }, null, 2) + "\n");
  else io.out(validateText(files));
  if (files.every((f) => f.status === "unreadable")) return 2;
  return files.some((f) => f.issues.some((i) => i.severity === "error")) ? 1 : 0;
}
