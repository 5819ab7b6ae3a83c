/**
 * Validation of one filled form: every input cell against its kind, then the relations between
 * rows (sum, upper-bound) and the form's cross-row rules, then what is missing or misplaced.
 * Pure: the same FilledForm always gives the same, sorted list of issues.
 *
 * Decisions:
 * - Domain problems found by parsing are errors; readings that were guessed are warnings.
 * - Relations and rules are checked per value column (a rule with `columns` in those only), only
 *   when every operand is a reported number (blank and "-" mean not reported, never zero). Counts
 *   compare exactly; decimals and percents within rounding: (k − 1) × ½ unit of the finest decimal
 *   place shown among the k values (so 33,3 + 33,3 + 33,3 = 100 passes, 60 + 39 ≠ 100 with
 *   percents typed whole passes too).
 * - sum → error at the total's cell; upper-bound → error at the sub-item's cell; rule → at the
 *   first left row's cell, error when `certain`, warning when `usual` (its message says why a
 *   correct report may break it: `mayDiffer`). See "Errors and warnings" in catalog/schema.
 * - Levels: a row limited by `levels` to other levels than the report's does not exist here. It
 *   is absent from sums and rules (so a blank there does not hold a check back, and a sum is
 *   checked over the parts that exist: a district's total without the province-only part) and
 *   not bounded by its total. If it holds a number anyway (wrong_level), the form as printed is
 *   a second reading: a check fails only when it fails both with and without that number. When
 *   the level is unknown every row exists. A check whose side has no row at this level is not made.
 * - A rule over a row that already has a relation error in that column waits (one problem, one
 *   message: a part above its total also puts the parts together above it).
 * - Required rows left blank: one warning per row (at its first blank value cell) that lists the
 *   blank columns, not one per cell. A "-" or "x" counts as answered. Rows are required unless
 *   `required: false`, headings, or limited by `levels` to other levels (or to levels when the
 *   level of the report is unknown). A form with no value at all gives one `form_blank` warning
 *   for the sheet instead of a warning per row ("Không áp dụng…" printed by a template in the rows
 *   of other levels is no value).
 * - A row whose `levels` exclude the report's level but which holds a value: one `wrong_level`
 *   warning at its first filled cell. The level is `opts.level`, or the form's only level.
 * - A value in a heading row: one warning per cell.
 */
import { cellKind, inputColumns, rowAppliesAt, valueColumns, type CellKind, type Column, type Level, type Row } from "../catalog/schema";
import type { BoundCell, FilledForm } from "./filled";
import { parseA1 } from "./grid";
import { LEVEL_NAMES } from "./levels";
import { makeIssue, type Issue, type MessageParams, type Severity } from "./issues";
import type { IssueCode } from "./messages";
import { describeCodes, formatNumberVi, parseCell, type InvalidReason, type GuessCode, type ParsedCell } from "./parse";

// Every parse outcome is an issue code with a message (compile-time check).
const _codesHaveMessages: IssueCode[] = [] as (InvalidReason | GuessCode)[];
void _codesHaveMessages;

export interface ValidateOptions {
  /** The level the report is made at (tỉnh / huyện / xã); defaults to the form's only level. */
  level?: Level;
  /** `parsedValues(filled)` when the caller has it already (the rollup keeps it), so cells are parsed once. */
  parsed?: Map<string, Map<string, ParsedCell>>;
}

/** The kind used to read a cell: value cells of heading rows are headings whatever the column says. */
export function effectiveKind(row: Row, column: Column): CellKind {
  if (row.kind === "heading" && column.role === "value") return "heading";
  return cellKind(row, column);
}

/**
 * Every bound input cell parsed once, rowId → columnId → ParsedCell. Rows or cells the sheet does
 * not have are absent. Rollup and targets read values from here.
 */
export function parsedValues(filled: FilledForm): Map<string, Map<string, ParsedCell>> {
  const out = new Map<string, Map<string, ParsedCell>>();
  const columns = inputColumns(filled.form);
  for (const row of filled.form.rows) {
    const cells = filled.cells.get(row.id);
    if (!cells) continue;
    const parsed = new Map<string, ParsedCell>();
    for (const column of columns) {
      const bound = cells.get(column.id);
      if (bound) parsed.set(column.id, parseCell(bound.raw, effectiveKind(row, column), row));
    }
    out.set(row.id, parsed);
  }
  return out;
}

const OP_WORDS: Record<string, string> = {
  "<=": "phải nhỏ hơn hoặc bằng",
  "<": "phải nhỏ hơn",
  "=": "phải bằng",
  ">=": "phải lớn hơn hoặc bằng",
  ">": "phải lớn hơn",
};

/** What to type into a blank required cell, by kind (for the required_blank message). */
function blankHint(row: Row, column: Column): string {
  switch (effectiveKind(row, column)) {
    case "count":
    case "decimal":
      return "nhập 0 nếu không phát sinh";
    case "percent":
      return "tỷ lệ từ 0 đến 100";
    case "flag01":
      return "1 nếu có, 0 nếu không";
    case "coded":
      return `một trong các mã ${describeCodes(row)}`;
    case "status":
      return "«Đạt» hoặc «Không đạt»";
    default:
      return "";
  }
}

/** A reported number at a known cell. */
interface Operand {
  row: Row;
  value: number;
  decimals: number;
  text: string;
  bound: BoundCell;
  kind: CellKind;
}

/** Allowed difference when comparing sums of the given operands (see the header). */
function tolerance(ops: Operand[]): number {
  // Whole numbers add up exactly in floating point (far below 2^53).
  if (ops.every((o) => o.kind === "count" || o.kind === "flag01")) return 0;
  const scale = 1e-9 * Math.max(1, ...ops.map((o) => Math.abs(o.value)));
  const d = Math.max(0, ...ops.map((o) => o.decimals));
  return (ops.length - 1) * 0.5 * 10 ** -d + scale;
}

function compare(left: number, op: string, right: number, tol: number): boolean {
  switch (op) {
    case "<=":
      return left <= right + tol;
    case "<":
      return left < right + tol;
    case "=":
      return Math.abs(left - right) <= tol;
    case ">=":
      return left + tol >= right;
    case ">":
      return left + tol > right;
    default:
      return true;
  }
}

function sum(ops: Operand[]): number {
  const s = ops.reduce((acc, o) => acc + o.value, 0);
  return Number.isInteger(s) ? s : Number(s.toPrecision(15));
}

/** For sum_mismatch: the parts of other levels that were left out, and the sum with them. */
function outsideNote(others: Operand[], withOthers: number, level: Level | undefined): string {
  const rows = others.map((o) => `${o.bound.address} (dòng «${o.row.label}», chỉ dành cho ${o.row.levels!.map((l) => LEVEL_NAMES[l]).join(", ")})`);
  return `không tính ${rows.join(", ")} vì bảng này báo cáo ${level ? LEVEL_NAMES[level] : ""}; tính cả thì được ${formatNumberVi(withOthers)}, cũng không khớp`;
}

/** What the checks of one form share. */
interface Check {
  form: FilledForm["form"];
  filled: FilledForm;
  parsed: Map<string, Map<string, ParsedCell>>;
  level: Level | undefined;
  rowById: Map<string, Row>;
  issues: Issue[];
}

function add(check: Check, code: IssueCode, severity: Severity, bound: BoundCell | undefined, value: string | undefined, params: MessageParams): void {
  check.issues.push(makeIssue(code, severity, { sheet: check.filled.sheet, cell: bound?.address ?? "", ...(value ? { value } : {}) }, params));
}

/**
 * Validates one filled form. Deterministic: sorted by sheet, row, column, code, message.
 * (In parts — cells, relations, rules — each a function of its own: V8 compiles a hot function
 * with what it inlines, and one large function cost a rollup of 170 units more to compile than
 * to run.)
 */
export function validateFilled(filled: FilledForm, opts: ValidateOptions = {}): Issue[] {
  const form = filled.form;
  const check: Check = {
    form,
    filled,
    parsed: opts.parsed ?? parsedValues(filled),
    level: opts.level ?? (form.levels.length === 1 ? form.levels[0] : undefined),
    rowById: new Map(form.rows.map((r) => [r.id, r])),
    issues: [],
  };
  const answered = isAnswered(check);
  if (!answered) add(check, "form_blank", "warning", undefined, undefined, { label: `${form.appendix} «${form.title}»` });
  const inputs = inputColumns(form);
  for (const row of form.rows) checkRow(check, row, inputs, answered);
  for (const column of valueColumns(form)) {
    const failed = checkRelations(check, column);
    checkRules(check, column, failed);
  }
  return sortIssues(check.issues);
}

/**
 * Anything answered at all (a value, a note or a "not reported" marker)? A marker in a row of
 * another level is no answer: a template made for that level prints one there (core/layout).
 */
function isAnswered({ parsed, rowById, level }: Check): boolean {
  for (const [rowId, cells] of parsed)
    for (const p of cells.values())
      if (p.type !== "blank" || (p.marker !== undefined && rowAppliesAt(rowById.get(rowId)!, level))) return true;
  return false;
}

/** Each cell of a row against its kind, and the row's completeness. */
function checkRow(check: Check, row: Row, inputs: readonly Column[], answered: boolean): void {
  const { level } = check;
  const cells = check.filled.cells.get(row.id);
  const rowParsed = check.parsed.get(row.id);
  if (!cells || !rowParsed) return;
  const isHeading = row.kind === "heading";
  const applies = rowAppliesAt(row, level);
  const blank: { column: Column; bound: BoundCell }[] = [];
  let firstFilled: { column: Column; bound: BoundCell; parsed: ParsedCell } | undefined;

  for (const column of inputs) {
    const bound = cells.get(column.id);
    const p = rowParsed.get(column.id);
    if (!bound || !p) continue;
    if (isHeading && column.role === "value") {
      if (p.type !== "blank") add(check, "value_in_heading", "warning", bound, p.text, { label: row.label, column: column.label });
      continue;
    }
    if (p.type === "invalid") {
      add(check, p.reason, "error", bound, p.text, {
        label: row.label,
        column: column.label,
        ...(p.detail ? { detail: p.detail } : {}),
        ...(p.reason === "not_in_codes" ? { expected: describeCodes(row) } : {}),
      });
    } else if ((p.type === "number" || p.type === "code") && p.guess) {
      add(check, p.guess.code, "warning", bound, p.text, { label: row.label, column: column.label, detail: p.guess.detail, expected: p.guess.taken });
    }
    if (column.role !== "value") continue;
    // A formula never calculated (a script wrote the file) is not a cell left to type: the
    // rollup adds up a total's parts instead.
    if (p.type === "blank" && p.marker === undefined && !bound.raw?.formula) blank.push({ column, bound });
    else if (p.type !== "blank" && !firstFilled) firstFilled = { column, bound, parsed: p };
  }

  if (!applies && firstFilled && row.levels) {
    add(check, "wrong_level", "warning", firstFilled.bound, firstFilled.parsed.text, {
      label: row.label,
      column: firstFilled.column.label,
      expected: row.levels.map((l) => LEVEL_NAMES[l]).join(", "),
      detail: level ? LEVEL_NAMES[level] : "",
    });
  }
  const required = answered && applies && !isHeading && (row.required ?? true) && (level !== undefined || !row.levels);
  if (required && blank.length > 0) {
    const cols = blank.map((b) => `«${b.column.label}»`).join(", ");
    add(check, "required_blank", "warning", blank[0].bound, undefined, {
      label: row.label,
      column: blank[0].column.label,
      detail: blank.length === 1 ? `cột ${cols}` : `các cột ${cols}`,
      expected: blankHint(row, blank[0].column),
    });
  }
}

/** A reported number of `rowId` in `column`, at a known cell. */
function operand(check: Check, rowId: string, column: Column): Operand | undefined {
  const row = check.rowById.get(rowId);
  const p = check.parsed.get(rowId)?.get(column.id);
  const bound = check.filled.cells.get(rowId)?.get(column.id);
  if (!row || !p || !bound || p.type !== "number") return undefined;
  return { row, value: p.value, decimals: p.decimals, text: p.text, bound, kind: effectiveKind(row, column) };
}

/** Whether a row exists at the report's level. */
const exists = (check: Check, rowId: string) => rowAppliesAt(check.rowById.get(rowId)!, check.level);

/**
 * The operands of `ids` at this level: every row that exists here must be a reported number
 * (else undefined: the check waits), rows of other levels are absent — and those of them that
 * hold a number anyway (a wrong_level warning) come apart as `others`.
 */
function operands(check: Check, ids: string[], column: Column): { ops: Operand[]; others: Operand[] } | undefined {
  const ops: Operand[] = [];
  const others: Operand[] = [];
  for (const rowId of ids) {
    const o = operand(check, rowId, column);
    if (exists(check, rowId)) {
      if (!o) return undefined;
      ops.push(o);
    } else if (o) others.push(o);
  }
  return ops.length ? { ops, others } : undefined;
}

/**
 * Sums and upper bounds in one value column. Returns the rows with a relation error there: rules
 * over them wait until it is fixed (one problem, one message; a part above its total also puts
 * the parts above it).
 */
function checkRelations(check: Check, column: Column): Set<string> {
  const failed = new Set<string>();
  const { level } = check;
  for (const row of check.form.rows) {
    if (!row.relation || !exists(check, row.id)) continue;
    const total = operand(check, row.id, column);
    if (!total) continue;
    if (row.relation.type === "sum") {
      const parts = operands(check, row.relation.of, column);
      if (!parts) continue;
      const s = sum(parts.ops);
      const matches = (value: number, ops: Operand[]) => Math.abs(total.value - value) <= tolerance([total, ...ops]);
      // A number typed in a row of another level: the total may be the form's as printed (with it) or this level's (without).
      const withOthers = sum([...parts.ops, ...parts.others]);
      if (matches(s, parts.ops) || (parts.others.length > 0 && matches(withOthers, [...parts.ops, ...parts.others]))) continue;
      failed.add(row.id);
      add(check, "sum_mismatch", "error", total.bound, total.text, {
        label: row.label,
        column: column.label,
        expected: formatNumberVi(s),
        detail: parts.ops.map((p) => p.bound.address).join(" + "),
        ...(parts.others.length ? { outside: outsideNote(parts.others, withOthers, level) } : {}),
      });
    } else {
      for (const partId of row.relation.of) {
        const part = exists(check, partId) ? operand(check, partId, column) : undefined;
        if (!part || part.value <= total.value + tolerance([total, part])) continue;
        failed.add(partId);
        add(check, "exceeds_total", "error", part.bound, part.text, {
          label: part.row.label,
          column: column.label,
          expected: formatNumberVi(total.value),
          total: row.label,
          totalCell: total.bound.address,
        });
      }
    }
  }
  return failed;
}

/** The form's cross-row rules in one value column (those over a row in `failed` wait). */
function checkRules(check: Check, column: Column, failed: Set<string>): void {
  for (const rule of check.form.rules) {
    if (rule.columns && !rule.columns.includes(column.id)) continue;
    const left = operands(check, rule.left, column);
    const right = operands(check, rule.right, column);
    if (!left || !right) continue;
    if ([...left.ops, ...right.ops].some((o) => failed.has(o.row.id))) continue;
    const holds = (l: Operand[], r: Operand[]) => compare(sum(l), rule.op, sum(r), tolerance([...l, ...r]));
    if (holds(left.ops, right.ops)) continue;
    if (left.others.length + right.others.length > 0 && holds([...left.ops, ...left.others], [...right.ops, ...right.others])) continue;
    const l = sum(left.ops);
    const r = sum(right.ops);
    const side = (ops: Operand[], value: number) =>
      ops.length === 1 ? `«${ops[0].row.label}» (${formatNumberVi(value)})` : `tổng ${ops.map((o) => `«${o.row.label}»`).join(" + ")} (${formatNumberVi(value)})`;
    const first = left.ops[0];
    add(check, "rule_violated", rule.certainty === "certain" ? "error" : "warning", first.bound, left.ops.length === 1 ? first.text : formatNumberVi(l), {
      label: first.row.label,
      column: column.label,
      detail: `${side(left.ops, l)} ${OP_WORDS[rule.op]} ${side(right.ops, r)}`,
      certainty: rule.certainty,
      rule: rule.id,
      ...(rule.mayDiffer ? { reason: rule.mayDiffer } : {}),
    });
  }
}

/** Sorts by sheet, row, column, code, then message, and drops exact duplicates. */
export function sortIssues(issues: Issue[]): Issue[] {
  const pos = (i: Issue) => parseA1(i.cell) ?? { row: -1, col: -1 };
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...issues].sort((a, b) => {
    const pa = pos(a);
    const pb = pos(b);
    return cmp(a.sheet, b.sheet) || pa.row - pb.row || pa.col - pb.col || cmp(a.code, b.code) || cmp(a.message, b.message);
  });
  return sorted.filter((issue, k) => {
    if (k === 0) return true;
    const prev = sorted[k - 1];
    return !(prev.sheet === issue.sheet && prev.cell === issue.cell && prev.code === issue.code && prev.message === issue.message);
  });
}
