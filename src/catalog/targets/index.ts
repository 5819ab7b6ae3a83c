/**
 * The target catalogue: every programme module parsed once through the zod schema, then checked
 * against the form catalogue (every metric and rating row exists and has a kind that can carry
 * it), so a target pointing at a renamed row fails at start-up and in tests.
 */
import { FORMS } from "../index";
import type { Form, Level } from "../schema";
import { TargetSchema, type Programme, type Target, type TargetInput, type TargetYear } from "./schema";
import { targets as nq30c } from "./nq30c-2011-2020";
import { targets as nq76 } from "./nq76-2021-2030";
import { targets as par } from "./par-sipas-2023-2025";

const MODULES: TargetInput[][] = [nq30c, nq76, par];

const NUMERIC_KINDS = new Set(["count", "decimal", "percent", "flag01", "coded"]);

/** Problems of a list of targets against a list of forms (empty when consistent). */
export function checkTargets(targets: readonly Target[], forms: readonly Form[]): string[] {
  const problems: string[] = [];
  const byId = new Map(forms.map((f) => [f.id, f]));
  const seen = new Set<string>();
  const groups = new Map<string, { used: number; unused: number }>();
  for (const t of targets) {
    const where = `target ${t.id}`;
    if (seen.has(t.id)) problems.push(`${where}: id used twice`);
    seen.add(t.id);
    if (t.metric) {
      const form = byId.get(t.metric.form);
      if (!form) problems.push(`${where}: metric form ${t.metric.form} is not in the catalogue`);
      else {
        const rows =
          t.metric.type === "row" ? [t.metric.row] : t.metric.type === "sum" ? t.metric.rows : [...t.metric.numerator, ...t.metric.denominator];
        for (const rowId of rows) {
          const row = form.rows.find((r) => r.id === rowId);
          if (!row) problems.push(`${where}: row ${rowId} is not in form ${form.id}`);
          else {
            if (!NUMERIC_KINDS.has(row.kind)) problems.push(`${where}: row ${rowId} of ${form.id} is ${row.kind}, not a number`);
            for (const level of t.levels)
              if (row.levels && !row.levels.includes(level)) problems.push(`${where}: row ${rowId} of ${form.id} is not reported at level ${level}`);
          }
        }
        if (t.metric.column) {
          const column = form.columns.find((c) => c.id === t.metric?.column);
          if (!column || column.role !== "value") problems.push(`${where}: column ${t.metric.column} is not a value column of ${form.id}`);
        }
        for (const level of t.levels)
          if (!form.levels.includes(level)) problems.push(`${where}: form ${form.id} is not reported at level ${level}`);
      }
    }
    for (const r of t.ratings) {
      const form = byId.get(r.form);
      const row = form?.rows.find((x) => x.id === r.row);
      if (!form) problems.push(`${where}: rating form ${r.form} is not in the catalogue`);
      else if (!row) problems.push(`${where}: rating row ${r.row} is not in form ${r.form}`);
      else if (row.kind !== "status") problems.push(`${where}: rating row ${r.row} of ${r.form} is ${row.kind}, not a status row`);
    }
    if (t.variant) {
      const g = groups.get(t.variant.group) ?? { used: 0, unused: 0 };
      if (t.variant.used) g.used++;
      else g.unused++;
      groups.set(t.variant.group, g);
    }
  }
  for (const [group, g] of groups) {
    if (g.used === 0) problems.push(`variant group ${group}: no version is used by checks`);
    if (g.unused === 0) problems.push(`variant group ${group}: has no alternative (drop the variant)`);
  }
  return problems;
}

function load(): Target[] {
  const targets = MODULES.flat().map((input) => {
    const parsed = TargetSchema.safeParse(input);
    if (!parsed.success) throw new Error(`Target ${input.id ?? "(without id)"} is malformed: ${parsed.error.message}`);
    return parsed.data;
  });
  const problems = checkTargets(targets, FORMS);
  if (problems.length) throw new Error(`Target catalogue is inconsistent:\n- ${problems.join("\n- ")}`);
  return targets;
}

export const TARGETS: readonly Target[] = load();

export function findTarget(id: string): Target | undefined {
  return TARGETS.find((t) => t.id === id);
}

export interface TargetFilter {
  level?: Level;
  year?: TargetYear | readonly TargetYear[];
  programme?: Programme | readonly Programme[];
  /** Also the versions of a contradictory target that checks do not use (default false). */
  includeAlternatives?: boolean;
  /** Also targets whose wording could not be verified (default true: they are marked, not hidden). */
  includeUnverified?: boolean;
}

const asList = <T>(v: T | readonly T[] | undefined): readonly T[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? (v as readonly T[]) : [v as T];

/** The targets that match a filter, in catalogue order. */
export function selectTargets(targets: readonly Target[], filter: TargetFilter = {}): Target[] {
  const years = asList(filter.year);
  const programmes = asList(filter.programme);
  return targets.filter(
    (t) =>
      (filter.level === undefined || t.levels.includes(filter.level)) &&
      (years === undefined || years.includes(t.year)) &&
      (programmes === undefined || programmes.includes(t.programme)) &&
      (filter.includeAlternatives || !t.variant || t.variant.used) &&
      ((filter.includeUnverified ?? true) || t.verified),
  );
}

export * from "./schema";
