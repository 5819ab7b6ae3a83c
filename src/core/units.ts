/**
 * Who sent what: the sources received for a consolidation (files, or sheets of the current
 * workbook) grouped by reporting unit, one status per unit, and the forms each unit contributes.
 *
 * Pure: sources in (as adapters read and recognised them), a per-unit summary out.
 *
 * Decisions:
 * - The unit of a form is, in order: the source's `unit` (the user's correction in the pane, or
 *   `--unit`-like overrides), the form's own `unit` (template metadata or the sheet's unit cell),
 *   else the source's name (`sourceStem`: no extension, no appendix tag). So one workbook may
 *   carry several units' sheets.
 *   A source that yielded no form (unreadable, unrecognised) is attributed to `source.unit`, else
 *   to its name.
 * - Unit names are compared by `unitKey`: folded (case, diacritics, NFC/NFD, tone placement,
 *   punctuation), then administrative prefixes removed — "UBND", "Ủy ban nhân dân", "xã",
 *   "phường", "thị trấn", "thị xã", "huyện", "quận", "thành phố", "tỉnh", "TP.", "TT." — as long as
 *   something other than a bare number remains ("Phường 1" keeps its prefix). So "UBND xã Ia Pa",
 *   "Xã Ia Pa" and "ia pa" are one unit — unless names of one rollup state two levels for one key
 *   (`unitKeys`: "UBND huyện Kbang", "UBND thị trấn Kbang").
 * - Duplicates are decided per form: when a unit sent the same form more than once (two files,
 *   or two sheets), the copy used is the LAST one in input order that has no error; if every copy
 *   has errors, the last one. Input order is the order of receipt (the adapters pass files in the
 *   order picked or by modification time), so "last" means "the resubmission". The other copies
 *   are named and set aside. Different forms from different files of one unit are complementary,
 *   not duplicates.
 * - Where the name came from is kept (`unitSource`): the user's correction or option ("given"),
 *   else the form's (template "marker", unit "cell", "heading", "attached" line, "sheet" name),
 *   else the "file" name — so a reviewer knows how sure it is.
 * - A form whose value column could not be told by meaning (`FilledForm.pending`) is set aside
 *   ("undecided") unless `columnChoices` answers it for this unit and layout (core/column-choice).
 * - The rollup's period is the one given (`period`: `--period`, the pane), else the period most
 *   units report (one vote per unit and period; a tie names no period and says so). A form whose
 *   normalised period differs is set aside ("other-period") with a warning; a form whose period
 *   is unknown is used. Among copies of one form, those set aside never count as duplicates.
 * - Status of a unit: missing (expected, nothing received); unreadable (every source unreadable);
 *   unrecognised (no form recognised in any source, at least one readable); undecided (a form
 *   waits for a column choice); other-period (a form is for another period and no copy for the
 *   rollup's period came); duplicate (some form arrived twice; counts and message describe the
 *   copies used); invalid (the forms used have an error); ok. A unit whose forms have errors still
 *   contributes its valid cells (see rollup).
 * - Errors and warnings count the issues of the forms used (recognition issues of their sheets
 *   plus `validateFilled` at the level the report comes from — `reportLevel` of the form and the
 *   unit, as `cchc validate` does — merged without duplicates) and, for units with no usable
 *   form, the issues of their sources.
 * - Order: expected units in the order of the expected list, then the others by name without
 *   prefix (`unitKey`, vi collation), whatever the order of the sources.
 */
import type { Level } from "../catalog/schema";
import { applyChoices, choiceKey, describeCandidate, type ColumnChoices } from "./column-choice";
import type { ColumnDecision, FilledForm, UnitSource } from "./filled";
import { levelOfUnit, reportLevel } from "./levels";
import { makeIssue, type Issue } from "./issues";
import { MESSAGES } from "./messages";
import { cleanText, compareVietnamese, foldVietnamese } from "./normalize";
import { describePeriod, findPeriod, periodLabel } from "./period";
import { readForRollup, type Reading } from "./rollup-read";
import { parsedValues, sortIssues, validateFilled } from "./validate";

/** One received source: a file, or a sheet of the current workbook. */
export interface ReceivedSource {
  /** File name, or a label for a workbook sheet (e.g. "Trang tính «Ia Pa»"). */
  source: string;
  /** The unit, when known for the whole source (user's correction, CLI option). */
  unit?: string;
  /** Where `unit` came from (default "given"; "sheet" when a pane names a sheet's unit by its name). */
  unitSource?: UnitSource;
  outcome: "read" | "unreadable" | "unrecognised";
  /** Vietnamese: why the source could not be read or recognised. */
  reason?: string;
  /** Recognised forms (empty unless `outcome` is "read"). */
  forms: FilledForm[];
  /** Recognition (and possibly validation) issues of the source; `sheet` ties them to a form. */
  issues: Issue[];
  /** Each form already validated at its own level (`checkSource`), so that summarising does not do it again. */
  checks?: ReadonlyMap<FilledForm, FormCheck>;
}

/** What validating one form found, at the level it was validated at. */
export interface FormCheck {
  level: Level | undefined;
  /** Validation's issues, unsorted. */
  issues: Issue[];
  /** The form read for the rollup (./rollup-read) from the values validation read, with these issues and those found before. */
  readings: readonly Reading[];
}

/** Validates a form (each cell parsed once) and reads it for the rollup; `others` are its issues found before. */
function checkForm(filled: FilledForm, level: Level | undefined, others: readonly Issue[]): FormCheck {
  const parsed = parsedValues(filled);
  const issues = validateFilled(filled, level ? { level, parsed } : { parsed });
  return { level, issues, readings: readForRollup(filled, sortIssues([...others, ...issues]), parsed) };
}

/**
 * The source with each of its forms validated at the level of the unit it names — what
 * `summariseUnits` would do with it, done as soon as the file is read (the CLI and the pane do it
 * while the read workers go on with other files). Forms waiting for a column choice are left:
 * the choice changes what they hold.
 */
export function checkSource(src: ReceivedSource): ReceivedSource {
  if (src.outcome !== "read" || !src.forms.length) return src;
  const checks = new Map<FilledForm, FormCheck>();
  for (const read of src.forms) {
    if (read.pending?.length) continue;
    // With the issues recognition found in its sheet, as summariseUnits will give them to the rollup.
    checks.set(read, checkForm(read, reportLevel(read.form, unitNameOf(src, read)), src.issues.filter((i) => i.sheet === read.sheet)));
  }
  return { ...src, checks };
}

export type UnitStatus = "ok" | "invalid" | "unreadable" | "unrecognised" | "undecided" | "other-period" | "duplicate" | "missing";

/** The status as printed in the status sheet. */
export const UNIT_STATUS_LABELS: Record<UnitStatus, string> = {
  ok: "Đạt yêu cầu",
  invalid: "Có lỗi",
  unreadable: "Không đọc được",
  unrecognised: "Không nhận dạng được",
  undecided: "Cần chọn cột số liệu",
  "other-period": "Khác kỳ báo cáo",
  duplicate: "Trùng",
  missing: "Chưa gửi",
};

/** The rollup's period: given by the user, else the one most units report. */
export interface RollupPeriod {
  /** As given, or the Vietnamese name of the majority's period ("Quý III năm 2026"). */
  text: string;
  /** Normalised (core/period); absent when the given text names no period. */
  key?: string;
  source: "given" | "majority";
}

/** A value column a unit's sheet needs a choice for (the pane asks; the CLI reports it). */
export interface PendingDecision {
  /** What the answer is remembered by (`choiceKey`). */
  key: string;
  unit: string;
  source: string;
  sheet: string;
  formId: string;
  decision: ColumnDecision;
}

/** What became of one source of a unit. */
export interface SourceOutcome {
  source: string;
  /** ok / invalid: some of its forms are used; duplicate, undecided, other-period: all its forms were set aside. */
  status: Exclude<UnitStatus, "missing">;
  /** Where the unit's name of this source was read. */
  unitSource: UnitSource;
  /** The period its forms state, as printed, and normalised when known (several forms: when they agree). */
  period?: string;
  periodKey?: string;
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
  /** The form read for the rollup (./rollup-read) with exactly `issues`: the rollup does not read it again. */
  readings: readonly Reading[];
}

export interface UnitSummary {
  /** Display name: the expected list's spelling, else the first spelling received (cleaned). */
  unit: string;
  /** Comparison key (`unitKey`). */
  key: string;
  /** Where the name was read (the first source's); absent for a unit that sent nothing. */
  unitSource?: UnitSource;
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
  /** The rollup's period as the user gave it; absent → the majority's. */
  period?: string;
  /** Answers to pending column decisions, by `choiceKey`. */
  columnChoices?: ColumnChoices;
}

export interface UnitsResult {
  units: UnitSummary[];
  /** Every unit-level issue, in the order of `units`, then the rollup's (period_mixed, period_unreadable). */
  issues: Issue[];
  /** The period units are compared with; absent when neither given nor agreed by a majority. */
  period?: RollupPeriod;
  /** Rollup-level issues about the period. */
  notes: Issue[];
  /** Column choices still needed, in the order of `units`. */
  decisions: PendingDecision[];
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
/**
 * The keys units are grouped by, for the names of one rollup: `unitKey`, qualified by the level a
 * name states (`levelOfUnit`) only where names of one key state different levels. "UBND huyện
 * Kbang" and "UBND thị trấn Kbang" are two units, not one that sent its report twice (one copy
 * would be dropped as a duplicate); "Kbang" alone then stays a unit of its own rather than be
 * guessed into either.
 */
export function unitKeys(names: Iterable<string>): (name: string) => string {
  const base = (name: string) => unitKey(name) || foldVietnamese(name) || name;
  const levels = new Map<string, Set<Level>>();
  for (const name of names) {
    const level = levelOfUnit(name);
    if (!level) continue;
    const key = base(name);
    const set = levels.get(key) ?? new Set<Level>();
    levels.set(key, set.add(level));
  }
  return (name) => {
    const key = base(name);
    const level = levelOfUnit(name);
    return level && (levels.get(key)?.size ?? 0) > 1 ? `${key}@${level}` : key;
  };
}

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

/**
 * The unit a file's name gives, for a file that names none inside: the name without its folder,
 * its extension, and an appendix tag at its end or start — "UBND huyện Kbang - PL3.xlsx" and
 * "PL1_UBND huyện Kbang.docx" are both «UBND huyện Kbang», so one unit's files are one unit
 * ("mẫu" only with its marks: "Cà Mau 2" is a name). A
 * sheet label stays as it is.
 */
export function sourceStem(source: string): string {
  const base = source.split(/[\\/]/).pop() ?? source;
  const stem = base.replace(/\.(xlsx|xlsm|xltx|xltm|xls|xlt|ods|fods|csv|docx|docm|dotx|htm|html|xml)$/i, "");
  const tag = String.raw`(?:pl|phụ\s*lục|phu\s*luc|biểu|bieu|mẫu)\s*(?:số\s*|so\s*)?\d+[a-zđ]?`;
  const untagged = stem
    .normalize("NFC")
    .replace(new RegExp(String.raw`(?:[\s_.-]+[(\[]?|[(\[])${tag}[)\]]?\s*$`, "iu"), "")
    .replace(new RegExp(String.raw`^\s*[(\[]?${tag}[)\]]?[\s_.-]+`, "iu"), "")
    .trim()
    .replace(/^\((.*)\)$/u, "$1");
  return untagged || stem;
}

const given = (s: string | undefined): string | undefined => {
  const t = s === undefined ? "" : cleanText(s);
  return t ? t : undefined;
};

/** The name a source's form (or a source with no form) is filed under: the source's unit (a correction), the form's own, else the file's. */
function unitNameOf(src: ReceivedSource, read?: FilledForm): string {
  return given(src.unit) ?? (read ? given(read.unit) : undefined) ?? sourceStem(src.source);
}

// ---------------------------------------------------------------------------------------------

interface Candidate {
  order: number;
  sourceIndex: number;
  source: string;
  filled: FilledForm;
  /** The form read for the rollup (`readForRollup`) with `issues`. */
  readings: readonly Reading[];
  issues: Issue[];
  errors: number;
  /** Not usable: a column waits for a choice, or the period is another. */
  setAside?: "undecided" | "other-period";
}

interface Group {
  key: string;
  names: string[];
  sources: number[];
  /** Where the unit's name was read, per source index. */
  nameSource: Map<number, UnitSource>;
  candidates: Candidate[];
}


const count = (issues: readonly Issue[], severity: Issue["severity"]) => issues.filter((i) => i.severity === severity).length;

function list(names: readonly string[]): string {
  return names.map((n) => `«${n}»`).join(", ");
}

/** Summarises who sent what. See the header for every decision. */
export function summariseUnits(sources: readonly ReceivedSource[], opts: UnitsOptions = {}): UnitsResult {
  const groups = new Map<string, Group>();
  // Every name a unit is known by here (as group() below names them, and the expected list).
  const names = sources.flatMap((src) => {
    const forms = src.outcome === "read" ? src.forms : [];
    return forms.length ? forms.map((read) => unitNameOf(src, read)) : [unitNameOf(src)];
  });
  const keyOf = unitKeys([...names, ...(opts.expected ?? []).map((n) => given(n) ?? "")]);
  const keys = new Map<string, string>(); // a unit's name comes once per sheet it sent
  const group = (name: string): Group => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = keyOf(name)));
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, names: [], sources: [], nameSource: new Map(), candidates: [] }));
    if (!g.names.includes(name)) g.names.push(name);
    return g;
  };

  let order = 0;
  sources.forEach((src, sourceIndex) => {
    const forms = src.outcome === "read" ? src.forms : [];
    const override = given(src.unit);
    const attach = (g: Group, from: UnitSource) => {
      if (!g.sources.includes(sourceIndex)) g.sources.push(sourceIndex);
      if (!g.nameSource.has(sourceIndex)) g.nameSource.set(sourceIndex, from);
    };
    if (forms.length === 0) {
      attach(group(unitNameOf(src)), override ? src.unitSource ?? "given" : "file");
      return;
    }
    for (const read of forms) {
      const own = given(read.unit);
      const name = unitNameOf(src, read);
      const g = group(name);
      attach(g, override ? src.unitSource ?? "given" : own ? read.unitSource ?? "cell" : "file");
      // Column choices the user made for this unit and layout.
      const chosen = read.pending ? applyChoices(read, opts.columnChoices ?? {}, g.key, "lựa chọn của người dùng cho đơn vị này") : undefined;
      const filled = chosen?.filled ?? read;
      const answered = (i: Issue) => i.code === "column_undecided" && chosen!.resolved.some((d) => d.headerCell === i.cell);
      const mine = src.issues.filter((i) => i.sheet === read.sheet && !(chosen && answered(i)));
      const level = opts.level ?? reportLevel(filled.form, name);
      const earlier = chosen ? undefined : src.checks?.get(read);
      const others = [...mine, ...(chosen?.issues ?? [])];
      const check = earlier && earlier.level === level ? earlier : checkForm(filled, level, others);
      const issues = sortIssues([...others, ...check.issues]);
      g.candidates.push({
        order: order++,
        sourceIndex,
        source: src.source,
        filled,
        readings: check.readings,
        issues,
        errors: count(issues, "error"),
        ...(filled.pending?.length ? { setAside: "undecided" as const } : {}),
      });
    }
  });

  // The rollup's period; forms of another period are set aside.
  const all = [...groups.values()];
  const { period, notes } = rollupPeriod(all, opts.period);
  if (period?.key)
    for (const g of all)
      for (const c of g.candidates) if (c.filled.periodKey && c.filled.periodKey !== period.key) c.setAside = "other-period";

  // Expected units: in list order, deduplicated by key.
  const expected: { key: string; name: string }[] = [];
  for (const name of opts.expected ?? []) {
    const clean = given(name);
    if (!clean) continue;
    const key = keyOf(clean);
    if (!expected.some((e) => e.key === key)) expected.push({ key, name: clean });
  }
  const hasList = opts.expected !== undefined && expected.length > 0;
  const expectedKeys = new Set(expected.map((e) => e.key));

  const units: UnitSummary[] = [];
  for (const e of expected) {
    const g = groups.get(e.key);
    units.push(g ? summarise(g, e.name, sources, true, period) : missing(e.name, e.key));
  }
  const others = [...groups.values()]
    .filter((g) => !expectedKeys.has(g.key))
    .map((g) => summarise(g, g.names[0], sources, hasList ? false : undefined, period))
    .sort((a, b) => compareVietnamese(a.key, b.key) || compareVietnamese(a.unit, b.unit) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  units.push(...others);
  const decisions = units.flatMap((u) => {
    const g = groups.get(u.key);
    return g ? pendingOf(g, u.unit) : [];
  });
  return { units, issues: [...units.flatMap((u) => u.issues), ...notes], ...(period ? { period } : {}), notes, decisions };
}

/** The column choices a unit's set-aside forms wait for. */
function pendingOf(g: Group, unit: string): PendingDecision[] {
  const usable = new Set(g.candidates.filter((c) => !c.setAside).map((c) => c.filled.form.id));
  return g.candidates.flatMap((c) =>
    (c.setAside !== "undecided" || usable.has(c.filled.form.id) ? [] : c.filled.pending ?? []).map((decision) => ({
      key: choiceKey(g.key, decision),
      unit,
      source: c.source,
      sheet: c.filled.sheet,
      formId: c.filled.form.id,
      decision,
    })),
  );
}

/** The period given (parsed), else the one most units report (one vote per unit and period). */
function rollupPeriod(groups: readonly Group[], givenText: string | undefined): { period?: RollupPeriod; notes: Issue[] } {
  const where = { sheet: "", cell: "" };
  const text = given(givenText);
  if (text) {
    const key = findPeriod(text)?.key;
    if (!key) return { period: { text, source: "given" }, notes: [makeIssue("period_unreadable", "warning", where, { value: text })] };
    return { period: { text, key, source: "given" }, notes: [] };
  }
  const votes = new Map<string, number>();
  for (const g of groups) for (const key of new Set(g.candidates.map((c) => c.filled.periodKey).filter((k): k is string => !!k))) votes.set(key, (votes.get(key) ?? 0) + 1);
  const ranked = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (!ranked.length) return { notes: [] };
  if (ranked.length > 1 && ranked[0][1] === ranked[1][1]) {
    const detail = ranked.map(([key, n]) => `${periodLabel(key)}: ${n} đơn vị`).join("; ");
    return { notes: [makeIssue("period_mixed", "warning", where, { detail })] };
  }
  return { period: { text: periodLabel(ranked[0][0]), key: ranked[0][0], source: "majority" }, notes: [] };
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

/** The period a source's forms state: the text(s) as printed, and the key when they agree. */
function periodOfForms(forms: readonly FilledForm[]): { period?: string; periodKey?: string } {
  const texts = [...new Set(forms.map((f) => f.period).filter((t): t is string => !!t))];
  const keys = new Set(forms.map((f) => f.periodKey));
  const key = keys.size === 1 ? [...keys][0] : undefined;
  return { ...(texts.length ? { period: texts.join("; ") } : {}), ...(key ? { periodKey: key } : {}) };
}

function summarise(g: Group, name: string, sources: readonly ReceivedSource[], expected: boolean | undefined, period: RollupPeriod | undefined): UnitSummary {
  const srcNames = g.sources.map((i) => sources[i].source);
  const fileList = list(srcNames);
  const issues: Issue[] = [];
  const where = { sheet: "", cell: "" };
  const copyName = (c: Candidate) => `«${c.source}» trang «${c.filled.sheet}»`;

  // Choose one copy per form id among the usable ones: the last without errors, else the last.
  const byForm = new Map<string, Candidate[]>();
  for (const c of g.candidates) {
    const list = byForm.get(c.filled.form.id);
    if (list) list.push(c);
    else byForm.set(c.filled.form.id, [c]);
  }
  const chosen: Candidate[] = [];
  const decisions: string[] = [];
  /** Forms with no usable copy, by why. */
  const missingForms: { reason: "undecided" | "other-period"; form: string }[] = [];
  for (const [formId, all] of byForm) {
    const copies = all.filter((c) => !c.setAside);
    if (!copies.length) {
      missingForms.push({ reason: all.some((c) => c.setAside === "undecided") ? "undecided" : "other-period", form: all[0].filled.form.appendix });
      continue;
    }
    const clean = copies.filter((c) => c.errors === 0);
    const use = clean.length ? clean[clean.length - 1] : copies[copies.length - 1];
    chosen.push(use);
    if (copies.length > 1) {
      const form = use.filled.form;
      const name = `${form.appendix} (${formId})`;
      const why = clean.length ? (clean.length === copies.length ? "bản gửi sau cùng" : "bản gửi sau cùng không có lỗi") : "mọi bản đều có lỗi, lấy bản gửi sau cùng";
      const ignored = copies.filter((c) => c !== use).map(copyName).join(", ");
      decisions.push(`${name}: dùng ${copyName(use)} (${why}), bỏ qua ${ignored}`);
    }
  }
  chosen.sort((a, b) => a.order - b.order);
  const reports: UnitReport[] = chosen.map((c) => ({ unit: name, filled: c.filled, issues: c.issues, source: c.source, readings: c.readings }));

  // Forms set aside: for another period (a warning each), or waiting for a column choice (an error each).
  const setAsideSentences: string[] = [];
  for (const c of g.candidates) {
    if (!c.setAside) continue;
    const replacement = chosen.find((x) => x.filled.form.id === c.filled.form.id);
    if (c.setAside === "other-period") {
      const issue = makeIssue("unit_other_period", "warning", where, {
        unit: name,
        file: copyName(c),
        value: describePeriod({ text: c.filled.period, key: c.filled.periodKey }),
        expected: describePeriod(period),
        detail: replacement ? `đã dùng ${copyName(replacement)} thay cho báo cáo này` : `${c.filled.form.appendix} của đơn vị này không được tổng hợp`,
      });
      issues.push(issue);
      setAsideSentences.push(issue.message);
    } else if (!replacement) {
      const detail = (c.filled.pending ?? [])
        .map((d) => `${c.filled.form.appendix}, chưa xác định được cột nào chứa số liệu «${d.column}» của kỳ báo cáo: ${d.candidates.map(describeCandidate).join(" hoặc ")}`)
        .join("; ");
      const issue = makeIssue("unit_undecided", "error", where, { unit: name, file: copyName(c), detail });
      issues.push(issue);
      setAsideSentences.push(issue.message);
    }
  }

  // Per source.
  const files: SourceOutcome[] = g.sources.map((i) => {
    const src = sources[i];
    const mine = g.candidates.filter((c) => c.sourceIndex === i);
    const used = mine.filter((c) => chosen.includes(c));
    const base = {
      source: src.source,
      unitSource: g.nameSource.get(i) ?? "file",
      ...periodOfForms(mine.map((c) => c.filled)),
      formIds: [...new Set(mine.map((c) => c.filled.form.id))],
    };
    if (src.outcome === "unreadable") return { ...base, status: "unreadable" as const, errors: Math.max(1, count(src.issues, "error")), warnings: count(src.issues, "warning"), ...(src.reason ? { reason: src.reason } : {}) };
    if (mine.length === 0) return { ...base, status: "unrecognised" as const, errors: Math.max(1, count(src.issues, "error")), warnings: count(src.issues, "warning"), ...(src.reason ? { reason: src.reason } : {}) };
    const usedIssues = used.flatMap((c) => c.issues);
    const mineCounts = { errors: count(mine.flatMap((c) => c.issues), "error"), warnings: count(mine.flatMap((c) => c.issues), "warning") };
    if (used.length === 0 && mine.some((c) => c.setAside === "undecided")) return { ...base, status: "undecided" as const, ...mineCounts, reason: "cần chọn cột chứa số liệu của kỳ báo cáo" };
    if (used.length === 0 && mine.some((c) => c.setAside === "other-period"))
      return { ...base, status: "other-period" as const, ...mineCounts, reason: `báo cáo ${describePeriod(base.period ? { text: base.period, ...(base.periodKey ? { key: base.periodKey } : {}) } : undefined)}, khác kỳ tổng hợp ${describePeriod(period)}` };
    if (used.length === 0) return { ...base, status: "duplicate" as const, ...mineCounts, reason: "đã có bản khác được dùng" };
    const errors = count(usedIssues, "error");
    return { ...base, status: errors ? ("invalid" as const) : ("ok" as const), errors, warnings: count(usedIssues, "warning") };
  });

  let status: UnitStatus;
  let errors: number;
  let warnings: number;
  let reason: string | undefined;
  const sentences: string[] = [];
  if (chosen.length === 0 && g.candidates.length) {
    // Every form set aside.
    status = missingForms.some((f) => f.reason === "undecided") ? "undecided" : "other-period";
    const all = g.candidates.flatMap((c) => c.issues);
    errors = count(all, "error");
    warnings = count(all, "warning");
    sentences.push(...setAsideSentences);
  } else if (chosen.length === 0) {
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
    // Counted: the forms used, and the forms set aside that nothing replaces.
    const counted = [...usedIssues, ...g.candidates.filter((c) => c.setAside && !byForm.get(c.filled.form.id)!.some((x) => chosen.includes(x))).flatMap((c) => c.issues)];
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
      const copies = Math.max(...[...byForm.values()].map((c) => c.filter((x) => !x.setAside).length));
      const issue = makeIssue("duplicate_unit", "warning", where, {
        unit: name,
        file: fileList,
        expected: `${copies}`,
        detail: reason,
      });
      issues.push(issue);
      sentences.unshift(issue.message);
    }
    if (missingForms.length) status = missingForms.some((f) => f.reason === "undecided") ? "undecided" : "other-period";
    sentences.push(...setAsideSentences);
    errors = count(counted, "error");
    warnings = count(counted, "warning");
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
  const firstSource = g.sources.map((i) => g.nameSource.get(i)).find((x) => x !== undefined);
  return {
    unit: name,
    key: g.key,
    ...(firstSource ? { unitSource: firstSource } : {}),
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
