/**
 * Targets for a whole workbook, pure: the unit's filled appendices, or a rollup's consolidated
 * sheets, evaluated against the target catalogue at the report's level, with suggested ratings
 * for the Đạt / Không đạt forms. Shared by `cchc targets`, the pane and Excel.
 */
import { TARGETS } from "../catalog/targets";
import type { Form, Level } from "../catalog/schema";
import type { FilledForm } from "./filled";
import type { Grid } from "./grid";
import { reportLevel } from "./levels";
import { recogniseAs } from "./recognise";
import { readRollupMarker } from "./rollup-layout";
import { evaluateTargets, suggestRatings, type RatingSuggestion, type TargetResult } from "./targets";
import { analyseWorkbook } from "./workbook";

export interface TargetReport {
  /** The level evaluated; undefined when it could not be told (the caller must ask). */
  level?: Level;
  /** Sheets used, with their form and unit. */
  sheets: { sheet: string; form: string; unit?: string; rollup: boolean }[];
  results: TargetResult[];
  ratings: RatingSuggestion[];
}

export interface TargetReportOptions {
  level?: Level;
  baselines?: Readonly<Record<string, number>>;
}

/** Recognised forms of a workbook: rollup sheets as their form, detail and status sheets left out. */
export function formsOfWorkbook(sheets: readonly Grid[], forms: readonly Form[]): { filled: FilledForm; rollup: boolean }[] {
  const out: { filled: FilledForm; rollup: boolean }[] = [];
  const plain: Grid[] = [];
  for (const grid of sheets) {
    const marker = readRollupMarker(grid);
    if (!marker) plain.push(grid);
    else if (marker.kind === "rollup" && marker.formId) {
      const form = forms.find((f) => f.id === marker.formId);
      if (form) out.push({ filled: recogniseAs(grid, form).filled, rollup: true });
    }
  }
  for (const a of analyseWorkbook(plain, forms)) if (a.filled) out.push({ filled: a.filled, rollup: false });
  return out;
}

export function targetReport(sheets: readonly Grid[], forms: readonly Form[], options: TargetReportOptions = {}): TargetReport {
  const found = formsOfWorkbook(sheets, forms);
  const level = options.level ?? found.map((f) => reportLevel(f.filled.form, f.filled.unit)).find((l): l is Level => l !== undefined);
  const report: TargetReport = {
    ...(level ? { level } : {}),
    sheets: found.map((f) => ({ sheet: f.filled.sheet, form: f.filled.form.id, ...(f.filled.unit ? { unit: f.filled.unit } : {}), rollup: f.rollup })),
    results: [],
    ratings: [],
  };
  if (!level || !found.length) return report;
  const filled = found.map((f) => f.filled);
  report.results = evaluateTargets(filled, TARGETS, { level, ...(options.baselines ? { baselines: options.baselines } : {}) });
  const ratingForms = new Set(TARGETS.flatMap((t) => t.ratings.map((r) => r.form)));
  for (const f of filled) if (ratingForms.has(f.form.id)) report.ratings.push(...suggestRatings(report.results, f, { level }));
  return report;
}
