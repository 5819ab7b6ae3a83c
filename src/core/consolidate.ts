/**
 * Consolidation end to end, pure: received sources → who sent what → one rollup per form
 * received → the output sheets. The one pipeline behind `cchc rollup`, the pane's standalone
 * mode and "Tổng hợp" in Excel; adapters only read the sources and write the sheets.
 */
import { findForm } from "../catalog";
import type { Form, Level } from "../catalog/schema";
import { reportLevel } from "./levels";
import type { ColumnChoices } from "./column-choice";
import type { ColumnDecision, UnitSource } from "./filled";
import { reportsFor, formsReceived, summariseUnits, type ReceivedSource, type SourceOutcome, type UnitsResult, type UnitSummary } from "./units";
import { MESSAGES } from "./messages";
import { rollupForm, rollupValues, type FormRollup, type RollupValue } from "./rollup";
import { rollupSheetSteps, type RollupSheet } from "./rollup-layout";
import { runSteps, type Steps } from "./steps";

export interface ConsolidateOptions {
  /** Units expected to report; absent ones are listed as missing. */
  expected?: readonly string[];
  /** The consolidating unit, for the output's header. */
  unit?: string;
  /** The rollup's period (header, and what units' periods are compared with); absent → the majority's. */
  period?: string;
  /** Answers to "which column holds this period's figures", by `choiceKey` (core/column-choice). */
  columnChoices?: ColumnChoices;
  /** Sheet names that stay in the workbook, so new names avoid them. */
  taken?: Iterable<string>;
}

export interface Consolidation {
  units: UnitsResult;
  rollups: FormRollup[];
  sheets: RollupSheet[];
  values: RollupValue[];
}

/** The level most reports come from (rows of other levels are left to the consolidating unit). */
function commonLevel(levels: (Level | undefined)[]): Level | undefined {
  const counts = new Map<Level, number>();
  for (const l of levels) if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function consolidate(sources: readonly ReceivedSource[], options: ConsolidateOptions = {}): Consolidation {
  return runSteps(consolidationSteps(sources, options));
}

/**
 * `consolidate` in steps — who sent what, then each form's rollup, then each sheet's layout —
 * so that the pane can run it between paints (core/steps).
 */
export function* consolidationSteps(sources: readonly ReceivedSource[], options: ConsolidateOptions = {}): Steps<Consolidation> {
  const units = summariseUnits(sources, {
    ...(options.expected ? { expected: options.expected } : {}),
    ...(options.period ? { period: options.period } : {}),
    ...(options.columnChoices ? { columnChoices: options.columnChoices } : {}),
  });
  const levels = new Map<string, Level | undefined>(); // reportLevel depends on the form's levels and the unit
  const levelOf = (form: Form, unit: string) => {
    const key = `${form.levels.join(",")}\u0000${unit}`;
    if (!levels.has(key)) levels.set(key, reportLevel(form, unit));
    return levels.get(key);
  };
  const rollups: FormRollup[] = [];
  for (const formId of formsReceived(units.units)) {
    yield;
    const form = findForm(formId)!;
    const reports = reportsFor(units.units, formId).map((r) => ({ unit: r.unit, filled: r.filled, issues: r.issues, source: r.source, readings: r.readings }));
    const level = commonLevel(reports.map((r) => levelOf(form, r.unit)));
    rollups.push(rollupForm(form, reports, level ? { level } : {}));
  }
  const period = units.period?.text;
  const header = { ...(options.unit ? { unit: options.unit } : {}), ...(period ? { period } : {}) };
  const sheets = yield* rollupSheetSteps(rollups, units.units, header, options.taken ?? []);
  return { units, rollups, sheets, values: rollups.flatMap(rollupValues) };
}

/** The `units` list of the rollup JSON: one entry per file of each unit, and one per missing unit. */
export interface UnitJson {
  file: string | null;
  unit: string;
  status: string;
  message?: string;
  /** Where the unit's name was read: marker, cell, heading, attached, sheet, file, given; null for a missing unit. */
  unitSource: UnitSource | null;
  /** The period the file states, as printed, and normalised ("2026-Q3"); null when it states none / when unknown. */
  period: string | null;
  periodKey: string | null;
  /** Value columns of the file's sheets that wait for a choice (status "undecided"). */
  decisions?: DecisionJson[];
}

/** A column choice still needed, as the JSON reports it. */
export interface DecisionJson {
  sheet: string;
  form: string;
  column: string;
  cell: string;
  candidates: { column: string; header: string; meaning: string; samples: string[] }[];
}

export function decisionJson(d: { sheet: string; formId: string; decision: ColumnDecision }): DecisionJson {
  return {
    sheet: d.sheet,
    form: d.formId,
    column: d.decision.column,
    cell: d.decision.headerCell,
    candidates: d.decision.candidates.map((c) => ({ column: c.letter, header: c.header, meaning: c.meaning, samples: c.samples })),
  };
}

export function unitsJson(units: UnitsResult): UnitJson[] {
  return units.units.flatMap((u): UnitJson[] =>
    u.files.length
      ? u.files.map((f) => {
          const decisions = units.decisions.filter((d) => d.unit === u.unit && d.source === f.source).map(decisionJson);
          return {
            file: f.source,
            unit: u.unit,
            status: f.status,
            message: fileMessage(f, u),
            unitSource: f.unitSource,
            period: f.period ?? null,
            periodKey: f.periodKey ?? null,
            ...(decisions.length ? { decisions } : {}),
          };
        })
      : [{ file: null, unit: u.unit, status: u.status, message: u.message, unitSource: null, period: null, periodKey: null }],
  );
}

/** The rollup's period for the JSON: `period` as given or the majority's name, `periodKey`, `periodSource`. */
export function periodJson(units: UnitsResult): { period: string | null; periodKey: string | null; periodSource: "given" | "majority" | null } {
  return { period: units.period?.text ?? null, periodKey: units.period?.key ?? null, periodSource: units.period?.source ?? null };
}

/** A file's message names the file: why it could not be used, else what became of its unit. */
function fileMessage(f: SourceOutcome, u: UnitSummary): string {
  if (f.status === "unreadable") return MESSAGES.file_unreadable({ file: f.source, detail: f.reason ?? "" });
  if (f.status === "unrecognised") return MESSAGES.file_unrecognised({ file: f.source, ...(f.reason ? { detail: f.reason } : {}) });
  return u.message;
}
