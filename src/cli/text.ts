/**
 * The CLI's text output for people (the `--json` output is for programs and keeps everything):
 * lines wrapped to a terminal's width, and `cchc validate` grouped by file and sheet — a one-line
 * summary per file, then per sheet its errors first, its warnings, and its blank rows folded into
 * one line, long labels shortened (core/issue-groups).
 */
import { findForm } from "../catalog";
import { briefMessage, countIssues, countsText, groupIssues, localMessage, type IssueGroup } from "../core/issue-groups";
import { describePeriod } from "../core/period";
import { UNIT_SOURCE_LABELS } from "../core/vocabulary";
import type { ValidatedFile } from "./commands/validate";

/** Lines are wrapped to this many characters (a Windows console is 120 wide). */
export const WIDTH = 100;

/**
 * `text` as lines of at most `width` characters (a word longer than that stays whole), the first
 * starting with `indent`, the others with `hanging`; each line ends with "\n".
 */
export function wrap(text: string, indent = "", hanging = indent, width = WIDTH): string {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = indent;
  let empty = true;
  for (const word of words) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = hanging + word;
    } else line += (empty ? "" : " ") + word;
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => `${l.trimEnd()}\n`).join("");
}

const SEVERITY = { error: "Lỗi", warning: "Cảnh báo" } as const;

type JsonIssue = ValidatedFile["issues"][number];

/** One issue or folded group, as the lines under its sheet. */
function groupLines(g: IssueGroup<JsonIssue>): string {
  const head = SEVERITY[g.severity];
  if (g.kind === "blank-rows") return wrap(`${head}: ${g.summary} (từng dòng: --json).`, "    ", "      ");
  const issue = g.issues[0];
  // The sheet is the heading above: "Lỗi ô D17 (dòng «…», cột «…»): …", "Cảnh báo: …".
  const rest = localMessage({ ...issue, message: g.summary });
  const at = issue.cell ? `${head} ô ${issue.cell}` : head;
  return wrap(rest.startsWith(" (") || rest.startsWith(":") ? `${at}${rest}` : `${at}: ${rest}`, "    ", "      ");
}

/**
 * What a sheet holds: "Phụ lục 3 (tk2011-2020.huyen.pl3), UBND huyện Kbang (lấy từ tiêu đề), kỳ
 * QUÝ III NĂM 2026 (2026-Q3)".
 */
function sheetForm(s: ValidatedFile["sheets"][number]): string {
  const form = findForm(s.form);
  // Where the name was read, when it is not a cell made for it (how sure the name is).
  const inferred = s.unitSource && s.unitSource !== "marker" && s.unitSource !== "cell";
  const unit = s.unit ? `${s.unit}${inferred ? ` (lấy từ ${UNIT_SOURCE_LABELS[s.unitSource!]})` : ""}` : undefined;
  const period = s.period ? `kỳ ${describePeriod({ text: s.period, ...(s.periodKey ? { key: s.periodKey } : {}) })}` : undefined;
  return [form ? `${form.appendix} (${s.form})` : s.form, unit, period].filter(Boolean).join(", ");
}

/** The value columns waiting for the user's choice, one line each. */
function decisionLines(s: ValidatedFile["sheets"][number]): string {
  return (s.decisions ?? [])
    .map((d) =>
      wrap(
        `Cần chọn cột chứa số liệu «${d.column}»: ${d.candidates.map((c) => `cột ${c.column}${c.header ? ` «${c.header}»` : ""}`).join(", ")}.`,
        "    ",
        "      ",
      ),
    )
    .join("");
}

/** `cchc validate` for people: one summary line per file, then its sheets and their issues. */
export function validateText(files: readonly ValidatedFile[]): string {
  let out = "";
  for (const file of files) {
    if (file.status !== "ok") {
      // The file's own issue says why and what to do (save it again in Excel or Word…).
      out += wrap(`«${file.file}»: ${file.status === "unreadable" ? "không đọc được" : "không nhận dạng được phụ lục nào"}.`, "", "    ");
      for (const issue of file.issues) out += wrap(briefMessage(issue.message), "  ", "    ");
      continue;
    }
    const counts = countIssues(file.issues);
    out += wrap(`«${file.file}»: ${countsText(counts)} trong ${file.sheets.length} trang tính.`, "", "  ");
    const sheets = [...file.sheets.map((s) => s.sheet), ...file.issues.map((i) => i.sheet).filter((name) => !file.sheets.some((s) => s.sheet === name))];
    for (const name of [...new Set(sheets)]) {
      const issues = file.issues.filter((i) => i.sheet === name);
      const sheet = file.sheets.find((s) => s.sheet === name);
      const heading = `${name ? `Trang «${name}»` : "Cả tệp"}: ${countsText(countIssues(issues))}${sheet ? ` — ${sheetForm(sheet)}` : ""}`;
      out += wrap(heading, "  ", "      ");
      if (sheet) out += decisionLines(sheet);
      for (const g of groupIssues(issues)) out += groupLines(g);
    }
  }
  if (files.length > 1) {
    const all = countIssues(files.flatMap((f) => (f.status === "ok" ? f.issues : [])));
    const failed = files.filter((f) => f.status !== "ok").length;
    out += wrap(`Tổng cộng ${files.length} tệp: ${countsText(all)}${failed ? `; ${failed} tệp không dùng được` : ""}.`);
  }
  return out;
}
