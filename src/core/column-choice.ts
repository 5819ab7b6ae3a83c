/**
 * Answers to "which column holds this period's figures?" for value columns recognition could not
 * tell by meaning (`FilledForm.pending`, see recognise/columns). Pure.
 *
 * A choice is remembered per unit and layout (`choiceKey`): the unit's name (as `unitKey` folds
 * it) and the decision's `layout` — the form, the column, and the candidates' letters and
 * headers. The same unit sending the same layout next period is read the same way without being
 * asked again; another unit, or a changed layout, is asked again.
 */
import type { ColumnCandidate, ColumnDecision, FilledForm } from "./filled";
import { makeIssue, type Issue } from "./issues";

/** A choice: the candidate's 0-based sheet column, or `NO_COLUMN` (no candidate holds this period's figures). */
export type ColumnChoices = Readonly<Record<string, number>>;
export const NO_COLUMN = -1 as const;

/** The key a choice is remembered by: the unit (`unitKey`) and the layout asked about. */
export function choiceKey(unitKey: string, decision: ColumnDecision): string {
  return `${unitKey}\u0001${decision.layout}`;
}

/** "cột D «Số liệu / Kỳ trước» (1010; 5; 3)" for messages and questions. */
export function describeCandidate(c: ColumnCandidate): string {
  return `cột ${c.letter}${c.header ? ` «${c.header}»` : " (không có tiêu đề)"}${c.samples.length ? ` (${c.samples.join("; ")}…)` : ""}`;
}

/**
 * The form with the decisions that `choices` answer applied: the chosen column's cells bound,
 * the decision removed, and the issues that say so (`column_chosen`, and `column_ignored` for the
 * candidates set aside). `resolved` lists the decisions answered, so their `column_undecided`
 * issues can be dropped. Unanswered decisions stay pending.
 */
export function applyChoices(
  filled: FilledForm,
  choices: ColumnChoices,
  unitKey: string,
  how: string,
): { filled: FilledForm; issues: Issue[]; resolved: ColumnDecision[] } {
  const pending = filled.pending ?? [];
  const issues: Issue[] = [];
  const resolved: ColumnDecision[] = [];
  let cells = filled.cells;
  for (const d of pending) {
    const col = choices[choiceKey(unitKey, d)];
    if (col === undefined) continue;
    const chosen = d.candidates.find((c) => c.col === col);
    if (!chosen && col !== NO_COLUMN) continue;
    resolved.push(d);
    if (cells === filled.cells) cells = new Map([...filled.cells].map(([row, m]) => [row, new Map(m)]));
    if (chosen) for (const [rowId, cell] of chosen.cells) cells.get(rowId)?.set(d.columnId, cell);
    const where = { sheet: filled.sheet, cell: d.headerCell, ...(chosen?.header ? { value: chosen.header } : {}) };
    issues.push(
      makeIssue("column_chosen", "warning", where, {
        column: d.column,
        letter: chosen ? chosen.letter : "—",
        detail: chosen ? how : `${how}: không cột nào chứa số liệu của kỳ báo cáo, cột này được coi là chưa báo cáo`,
      }),
    );
    for (const other of d.candidates)
      if (other !== chosen && other.samples.length)
        issues.push(
          makeIssue("column_ignored", "warning", { sheet: filled.sheet, cell: other.cell, ...(other.header ? { value: other.header } : {}) }, {
            letter: other.letter,
            detail: chosen ? `không phải cột được chọn cho «${d.column}» (${how})` : `không chứa số liệu của kỳ báo cáo (${how})`,
          }),
        );
  }
  if (!resolved.length) return { filled, issues, resolved };
  const left = pending.filter((d) => !resolved.includes(d));
  const { pending: _, ...rest } = filled;
  void _;
  return { filled: { ...rest, cells, ...(left.length ? { pending: left } : {}) }, issues, resolved };
}
