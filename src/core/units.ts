/**
 * Who sent what: the sources received for a consolidation (files, or sheets of the current
 * workbook) grouped by reporting unit, one status per unit, and the forms each unit contributes.
 *
 * Pure: sources in (as adapters read and recognised them), a per-unit summary out.
 *
 * Decisions:
 * - The unit of a form is, in order: the source's `unit` (the user's correction in the pane, or
 *   `--unit`-like overrides), the form's own `unit` (template metadata or the sheet's unit cell),
 *   else the source name without its extension. So one workbook may carry several units' sheets.
 *   A source that yielded no form (unreadable, unrecognised) is attributed to `source.unit`, else
 *   to its name.
 * - Unit names are compared by `unitKey`: folded (case, diacritics, NFC/NFD, tone placement,
 *   punctuation), then administrative prefixes removed — "UBND", "Ủy ban nhân dân", "xã",
 *   "phường", "thị trấn", "thị xã", "huyện", "quận", "thành phố", "tỉnh", "TP.", "TT." — as long as
 *   something other than a bare number remains ("Phường 1" keeps its prefix). So "UBND xã Ia Pa",
 *   "Xã Ia Pa" and "ia pa" are one unit.
 * - Duplicates are decided per form: when a unit sent the same form more than once (two files,
 *   or two sheets), the copy used is the LAST one in input order that has no error; if every copy
 *   has errors, the last one. Input order is the order of receipt (the adapters pass files in the
 *   order picked or by modification time), so "last" means "the resubmission". The other copies
 *   are named and set aside. Different forms from different files of one unit are complementary,
 *   not duplicates.
 * - Status of a unit: missing (expected, nothing received); unreadable (every source unreadable);
 *   unrecognised (no form recognised in any source, at least one readable); duplicate (some form
 *   arrived twice; counts and message describe the copies used); invalid (the forms used have an
 *   error); ok. A unit whose forms have errors still contributes its valid cells (see rollup).
 * - Errors and warnings count the issues of the forms used (recognition issues of their sheets
 *   plus `validateFilled` at the level the report comes from — `reportLevel` of the form and the
 *   unit, as `cchc validate` does — merged without duplicates) and, for units with no usable
 *   form, the issues of their sources.
 * - Order: expected units in the order of the expected list, then the others by name without
 *   prefix (`unitKey`, vi collation), whatever the order of the sources.
 */
import type { Level } from "../catalog/schema";
import type { FilledForm } from "./filled";
import { reportLevel } from "./levels";
import { makeIssue, type Issue } from "./issues";
import { MESSAGES } from "./messages";
import { cleanText, foldVietnamese } from "./normalize";
import type { ParsedCell } from "./parse";
import { parsedValues, sortIssues, validateFilled } from "./validate";

/** One received source: a file, or a sheet of the current workbook. */
export interface ReceivedSource {
  /** File name, or a label for a workbook sheet (e.g. "Trang tính «Ia Pa»"). */
  source: string;
  /** The unit, when known for the whole source (user's correction, CLI option). */
  unit?: string;
  outcome: "read" | "unreadable" | "unrecognised";
  /** Vietnamese: why the source could not be read or recognised. */
  reason?: string;
  /** Recognised forms (empty unless `outcome` is "read"). */
  forms: FilledForm[];
  /** Recognition (and possibly validation) issues of the source; `sheet` ties them to a form. */
  issues: Issue[];
}

export type UnitStatus = "ok" | "invalid" | "unreadable" | "unrecognised" | "duplicate" | "missing";

/** The status as printed in the status sheet. */
export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = {
  ok: "Đạt yêu cầu",
  invalid: "Có lỗi",
  unreadable: "Không đọc được",
  unrecognised: "Không nhận dạng được",
  duplicate: "Trùng",
  missing: "Chưa gửi",
};

/** What became of one source of a unit. */
export interface SourceOutcome {
  source: string;
  /** ok / invalid: some of its forms are used; duplicate: all its forms were set aside. */
  status: Exclude<UnitStatus, "missing">;
  errors: number;
  warnings: number;
  reason?: string;
  /** Ids of the forms recognised in it. */
  formIds: string[];
}

/** A form a unit contributes, with every issue of it (recognition + validation). */
export interface UnitReport {
  unit: string;
  filled: FilledForm;
  /** Sorted; error issues at a cell exclude that cell from the rollup. */
  issues: Issue[];
  source: string;
  /** `parsedValues(filled)`, as validation read it (the rollup reads the same, without parsing again). */
  parsed: Map<string, Map<string, ParsedCell>>;
}

export interface UnitSummary {
  /** Display name: the expected list's spelling, else the first spelling received (cleaned). */
  unit: string;
  /** Comparison key (`unitKey`). */
  key: string;
  /** Every source attributed to the unit, in input order. */
  sources: string[];
  status: UnitStatus;
  errors: number;
  warnings: number;
  /** Vietnamese, one or more sentences. */
  message: string;
  /** Vietnamese: why unreadable / unrecognised, the duplicate decision. */
  reason?: string;
  /** true: on the expected list; false: a list was given and the unit is not on it; absent: no list. */
  expected?: boolean;
  files: SourceOutcome[];
  /** The forms used for the rollup, one per form id, in catalogue-independent order of receipt. */
  reports: UnitReport[];
  /** Unit-level issues (missing, duplicate, unexpected, unreadable, unrecognised, invalid). */
  issues: Issue[];
}

export interface UnitsOptions {
  /** Units that should have reported (typed or pasted in the pane, `--expect FILE`). */
  expected?: readonly string[];
  /** Level the units report at, for validation (rows limited to other levels); default: each report's own (`reportLevel`). */
  level?: Level;
}

export interface UnitsResult {
  units: UnitSummary[];
  /** Every unit-level issue, in the order of `units`. */
  issues: Issue[];
}

// ---------------------------------------------------------------------------------------------
// Unit names

/** Administrative prefixes (folded), longest first. */
export const UNIT_PREFIXES: readonly string[] = [
  "uy ban nhan dan",
  "u b n d",
  "ubnd",
  "thanh pho",
  "thi tran",
  "thi xa",
  "phuong",
  "huyen",
  "quan",
  "tinh",
  "xa",
  "tp",
  "tt",
];

/**
 * The key two spellings of a unit share: `foldVietnamese`, then the prefixes of `UNIT_PREFIXES`
 * removed from the front, repeatedly, while a name other than a bare number remains.
 */
export function unitKey(name: string): string {
  let key = foldVietnamese(name);
  for (;;) {
    const prefix = UNIT_PREFIXES.find((p) => key.startsWith(`${p} `));
    if (!prefix) return key;
    const rest = key.slice(prefix.length + 1).trim();
    if (!rest || /^\d+$/.test(rest)) return key;
    key = rest;
  }
}

/** "xa-ia-pa.xlsx" → "xa-ia-pa"; a sheet label stays as it is. */
export function sourceStem(source: string): string {
  const base = source.split(/[\\/]/).pop() ?? source;
  return base.replace(/\.(xlsx|xlsm|xls|ods|csv)$/i, "");
}

const given = (s: string | undefined): string | undefined => {
  const t = s === undefined ? "" : cleanText(s);
  return t ? t : undefined;
};

// ---------------------------------------------------------------------------------------------

interface Candidate {
  order: number;
  sourceIndex: number;
  source: string;
  filled: FilledForm;
  parsed: Map<string, Map<string, ParsedCell>>;
  issues: Issue[];
  errors: number;
}

interface Group {
  key: string;
  names: string[];
  sources: number[];
  candidates: Candidate[];
}

const VI = new Intl.Collator("vi");

const count = (issues: readonly Issue[], severity: Issue["severity"]) => issues.filter((i) => i.severity === severity).length;

function list(names: readonly string[]): string {
  return names.map((n) => `«${n}»`).join(", ");
}

/** Summarises who sent what. See the header for every decision. */
export function summariseUnits(sources: readonly ReceivedSource[], opts: UnitsOptions = {}): UnitsResult {
  const groups = new Map<string, Group>();
  const keys = new Map<string, string>(); // a unit's name comes once per sheet it sent
  const group = (name: string): Group => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = unitKey(name) || foldVietnamese(name) || name));
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, names: [], sources: [], candidates: [] }));
    if (!g.names.includes(name)) g.names.push(name);
    return g;
  };

  let order = 0;
  sources.forEach((src, sourceIndex) => {
    const forms = src.outcome === "read" ? src.forms : [];
    const override = given(src.unit);
    const attach = (g: Group) => {
      if (!g.sources.includes(sourceIndex)) g.sources.push(sourceIndex);
    };
    if (forms.length === 0) {
      attach(group(override ?? sourceStem(src.source)));
      return;
    }
    for (const filled of forms) {
      const name = override ?? given(filled.unit) ?? sourceStem(src.source);
      const g = group(name);
      attach(g);
      const own = src.issues.filter((i) => i.sheet === filled.sheet);
      const parsed = parsedValues(filled);
      const level = opts.level ?? reportLevel(filled.form, name);
      const issues = sortIssues([...own, ...validateFilled(filled, level ? { level, parsed } : { parsed })]);
      g.candidates.push({ order: order++, sourceIndex, source: src.source, filled, parsed, issues, errors: count(issues, "error") });
    }
  });

  // Expected units: in list order, deduplicated by key.
  const expected: { key: string; name: string }[] = [];
  for (const name of opts.expected ?? []) {
    const clean = given(name);
    if (!clean) continue;
    const key = unitKey(clean);
    if (!expected.some((e) => e.key === key)) expected.push({ key, name: clean });
  }
  const hasList = opts.expected !== undefined && expected.length > 0;
  const expectedKeys = new Set(expected.map((e) => e.key));

  const units: UnitSummary[] = [];
  for (const e of expected) {
    const g = groups.get(e.key);
    units.push(g ? summarise(g, e.name, sources, true) : missing(e.name, e.key));
  }
  const others = [...groups.values()]
    .filter((g) => !expectedKeys.has(g.key))
    .map((g) => summarise(g, g.names[0], sources, hasList ? false : undefined))
    .sort((a, b) => VI.compare(a.key, b.key) || VI.compare(a.unit, b.unit) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  units.push(...others);
  return { units, issues: units.flatMap((u) => u.issues) };
}

function missing(name: string, key: string): UnitSummary {
  const issue = makeIssue("unit_missing", "warning", { sheet: "", cell: "" }, { unit: name });
  return {
    unit: name,
    key,
    sources: [],
    status: "missing",
    errors: 0,
    warnings: 0,
    message: issue.message,
    expected: true,
    files: [],
    reports: [],
    issues: [issue],
  };
}

function summarise(g: Group, name: string, sources: readonly ReceivedSource[], expected: boolean | undefined): UnitSummary {
  const srcNames = g.sources.map((i) => sources[i].source);
  const fileList = list(srcNames);
  const issues: Issue[] = [];
  const where = { sheet: "", cell: "" };

  // Choose one copy per form id: the last without errors, else the last.
  const byForm = new Map<string, Candidate[]>();
  for (const c of g.candidates) {
    const list = byForm.get(c.filled.form.id);
    if (list) list.push(c);
    else byForm.set(c.filled.form.id, [c]);
  }
  const chosen: Candidate[] = [];
  const decisions: string[] = [];
  for (const [formId, copies] of byForm) {
    const clean = copies.filter((c) => c.errors === 0);
    const use = clean.length ? clean[clean.length - 1] : copies[copies.length - 1];
    chosen.push(use);
    if (copies.length > 1) {
      const form = use.filled.form;
      const name = `${form.appendix} (${formId})`;
      const copyName = (c: Candidate) => `«${c.source}» trang «${c.filled.sheet}»`;
      const why = clean.length ? (clean.length === copies.length ? "bản gửi sau cùng" : "bản gửi sau cùng không có lỗi") : "mọi bản đều có lỗi, lấy bản gửi sau cùng";
      const ignored = copies.filter((c) => c !== use).map(copyName).join(", ");
      decisions.push(`${name}: dùng ${copyName(use)} (${why}), bỏ qua ${ignored}`);
    }
  }
  chosen.sort((a, b) => a.order - b.order);
  const reports: UnitReport[] = chosen.map((c) => ({ unit: name, filled: c.filled, issues: c.issues, source: c.source, parsed: c.parsed }));

  // Per source.
  const files: SourceOutcome[] = g.sources.map((i) => {
    const src = sources[i];
    const mine = g.candidates.filter((c) => c.sourceIndex === i);
    const used = mine.filter((c) => chosen.includes(c));
    const base = { source: src.source, formIds: [...new Set(mine.map((c) => c.filled.form.id))] };
    if (src.outcome === "unreadable") return { ...base, status: "unreadable" as const, errors: Math.max(1, count(src.issues, "error")), warnings: count(src.issues, "warning"), ...(src.reason ? { reason: src.reason } : {}) };
    if (mine.length === 0) return { ...base, status: "unrecognised" as const, errors: Math.max(1, count(src.issues, "error")), warnings: count(src.issues, "warning"), ...(src.reason ? { reason: src.reason } : {}) };
    const usedIssues = used.flatMap((c) => c.issues);
    if (used.length === 0) return { ...base, status: "duplicate" as const, errors: count(mine.flatMap((c) => c.issues), "error"), warnings: count(mine.flatMap((c) => c.issues), "warning"), reason: "đã có bản khác được dùng" };
    const errors = count(usedIssues, "error");
    return { ...base, status: errors ? ("invalid" as const) : ("ok" as const), errors, warnings: count(usedIssues, "warning") };
  });

  let status: UnitStatus;
  let errors: number;
  let warnings: number;
  let reason: string | undefined;
  const sentences: string[] = [];
  if (chosen.length === 0) {
    const all = g.sources.map((i) => sources[i]);
    const unreadable = all.every((s) => s.outcome === "unreadable");
    status = unreadable ? "unreadable" : "unrecognised";
    const reasons = all.map((s) => s.reason).filter((r): r is string => !!r);
    reason = reasons.length ? [...new Set(reasons)].join("; ") : undefined;
    errors = files.reduce((n, f) => n + f.errors, 0);
    warnings = files.reduce((n, f) => n + f.warnings, 0);
    const issue = makeIssue(unreadable ? "unit_unreadable" : "unit_unrecognised", "error", where, {
      unit: name,
      file: fileList,
      ...(reason ? { detail: reason } : {}),
    });
    issues.push(issue);
    sentences.push(issue.message);
  } else {
    const usedIssues = chosen.flatMap((c) => c.issues);
    errors = count(usedIssues, "error");
    warnings = count(usedIssues, "warning");
    const formWord = chosen.length === 1 ? `${chosen[0].filled.form.appendix}` : `${chosen.length} phụ lục`;
    const usedFiles = list([...new Set(chosen.map((c) => c.source))]);
    if (errors > 0) {
      const detail = `${errors} lỗi${warnings ? ` và ${warnings} cảnh báo` : ""} trong ${formWord}`;
      const issue = makeIssue("unit_invalid", "error", where, { unit: name, file: usedFiles, detail });
      issues.push(issue);
      sentences.push(issue.message);
    } else {
      sentences.push(MESSAGES.unit_ok({ unit: name, file: usedFiles, detail: formWord, ...(warnings ? { expected: `${warnings} cảnh báo` } : {}) }));
    }
    status = errors > 0 ? "invalid" : "ok";
    if (decisions.length) {
      status = "duplicate";
      reason = decisions.join("; ");
      const copies = Math.max(...[...byForm.values()].map((c) => c.length));
      const issue = makeIssue("duplicate_unit", "warning", where, {
        unit: name,
        file: fileList,
        expected: `${copies}`,
        detail: reason,
      });
      issues.push(issue);
      sentences.unshift(issue.message);
    }
    const failed = files.filter((f) => f.status === "unreadable" || f.status === "unrecognised");
    if (failed.length) {
      const extra = failed.map((f) => `«${f.source}» (${UNIT_STATUS_LABELS[f.status].toLowerCase()}${f.reason ? `: ${f.reason}` : ""})`).join(", ");
      sentences.push(`Ngoài ra đã nhận ${extra}; không dùng được.`);
    }
  }
  if (expected === false) {
    const issue = makeIssue("unit_unexpected", "warning", where, { unit: name, file: fileList });
    issues.push(issue);
    sentences.push(issue.message);
  }
  return {
    unit: name,
    key: g.key,
    sources: srcNames,
    status,
    errors,
    warnings,
    message: sentences.join(" "),
    ...(reason ? { reason } : {}),
    ...(expected !== undefined ? { expected } : {}),
    files,
    reports,
    issues,
  };
}

/** The reports of one form, one per unit that sent it, ready for `rollupForm`. */
export function reportsFor(units: readonly UnitSummary[], formId: string): UnitReport[] {
  return units.flatMap((u) => u.reports.filter((r) => r.filled.form.id === formId));
}

/** Ids of the forms received, in order of first appearance across units. */
export function formsReceived(units: readonly UnitSummary[]): string[] {
  const ids: string[] = [];
  for (const u of units) for (const r of u.reports) if (!ids.includes(r.filled.form.id)) ids.push(r.filled.form.id);
  return ids;
}
