/**
 * Targets for a whole workbook, pure: the unit's filled appendices, or a rollup's consolidated
 * sheets, evaluated against the target catalogue at the report's level, with suggested ratings
 * for the Đạt / Không đạt forms. Shared by `cchc targets`, the pane and Excel.
 *
 * Decisions:
 * - Level: `options.level`; otherwise, for a unit's sheets, the form's only level or the unit's
 *   name (core/levels). For a rollup, the level of the units it consolidates — the figures are
 *   theirs, added up (core/consolidate rolls rows up at that level too) — told by the form's only
 *   level or by the unit names of the rollup's status sheet; the consolidating unit in the header
 *   (a district rolling up its communes) is not the level of the figures. So a rollup of commune
 *   reports is checked against the commune targets and its commune Phụ lục 3 gets suggestions,
 *   whatever the order of its sheets.
 * - A rollup writes the unweighted mean of percentages as text, "≈ 91,83 (88–95)": that number is
 *   read (to the two decimals shown) and the result is marked approximate, instead of calling the
 *   rollup's own cell invalid.
 * - A rollup's rating form ("Đạt: 2/3" per goal) gets each unit's own rating from the rollup's
 *   detail sheet (core/rollup-detail), so the report names the units that did not rate a goal Đạt.
 */
import { TARGETS } from "../catalog/targets";
import type { Form, Level } from "../catalog/schema";
import type { FilledForm } from "./filled";
import type { Grid } from "./grid";
import { levelOfUnit, reportLevel } from "./levels";
import { foldVietnamese } from "./normalize";
import { recogniseAs } from "./recognise";
import { parseCell } from "./parse";
import { readDetailSheet } from "./rollup-detail";
import { readRollupMarker } from "./rollup-layout";
import {
  evaluateTargets,
  ratingOf,
  suggestRatings,
  valuesFromFilled,
  type RatingSuggestion,
  type TargetResult,
  type TargetValues,
  type UnitRating,
} from "./targets";
import { effectiveKind } from "./validate";
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

const text = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

/** Unit names listed in a rollup's status sheet (column "Đơn vị" under its header). */
export function rollupUnits(sheets: readonly Grid[]): string[] {
  const status = sheets.find((g) => readRollupMarker(g)?.kind === "status");
  if (!status) return [];
  for (let r = 0; r < Math.min(status.cells.length, 20); r++) {
    const row = status.cells[r] ?? [];
    const col = row.findIndex((c) => foldVietnamese(text(c?.value)) === "don vi");
    if (col < 0) continue;
    const units: string[] = [];
    for (let u = r + 1; u < status.cells.length; u++) {
      const name = text(status.cells[u]?.[col]?.value);
      if (name) units.push(name);
    }
    return units;
  }
  return [];
}

/** The level most names tell (as core/consolidate picks the units' level); ties: the first met. */
function commonLevel(names: readonly string[]): Level | undefined {
  const counts = new Map<Level, number>();
  for (const n of names) {
    const l = levelOfUnit(n);
    if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const APPROX = /^≈\s*(-?[\d.]+(?:,\d+)?)\s*(?:\(|$)/;

/** "1.234,56" (Vietnamese, as the rollup formats it) → 1234.56. */
function viNumber(s: string): number {
  return Number(s.replace(/\./g, "").replace(",", "."));
}

/** Values of the sheets, reading a rollup's approximate means ("≈ 91,83 (88–95)") as numbers. */
function workbookValues(found: readonly { filled: FilledForm; rollup: boolean }[]): TargetValues {
  const values = valuesFromFilled(found.map((f) => f.filled));
  const rollupForms = new Set(found.filter((f) => f.rollup).map((f) => f.filled.form.id));
  if (!rollupForms.size) return values;
  return {
    ...(values.label !== undefined ? { label: values.label } : {}),
    cell(form, row, column) {
      const c = values.cell(form, row, column);
      if (!c || c.value !== null || !c.text || !rollupForms.has(form)) return c;
      const m = APPROX.exec(c.text.normalize("NFC").trim());
      const n = m ? viNumber(m[1]) : NaN;
      if (!Number.isFinite(n)) return c;
      return {
        value: n,
        approximate: true,
        text: c.text,
        ...(c.address ? { address: c.address } : {}),
        ...(c.sheet ? { sheet: c.sheet } : {}),
      };
    },
  };
}

/** Each unit's own rating per row of a rating form, from the rollup's detail sheet of that form. */
export function unitRatingsOf(sheets: readonly Grid[], form: Form): Map<string, UnitRating[]> | undefined {
  const detail = sheets.map((g) => readDetailSheet(g, form)).find((d) => d !== undefined);
  if (!detail) return undefined;
  const out = new Map<string, UnitRating[]>();
  for (const row of form.rows) {
    const column = form.columns.find((c) => c.role === "value" && effectiveKind(row, c) === "status");
    const cells = column ? detail.cells.get(row.id)?.get(column.id) : undefined;
    if (!cells) continue;
    out.set(
      row.id,
      detail.units.map((unit, i) => {
        const { rating, text } = ratingOf(parseCell(cells[i], "status", row));
        return { unit, rating, ...(rating === null && text ? { text } : {}) };
      }),
    );
  }
  return out;
}

export function targetReport(sheets: readonly Grid[], forms: readonly Form[], options: TargetReportOptions = {}): TargetReport {
  const found = formsOfWorkbook(sheets, forms);
  const unitsLevel = found.some((f) => f.rollup) ? commonLevel(rollupUnits(sheets)) : undefined;
  const levelOf = (f: { filled: FilledForm; rollup: boolean }): Level | undefined => {
    if (!f.rollup) return reportLevel(f.filled.form, f.filled.unit);
    if (f.filled.form.levels.length === 1) return f.filled.form.levels[0];
    return unitsLevel && f.filled.form.levels.includes(unitsLevel) ? unitsLevel : reportLevel(f.filled.form, f.filled.unit);
  };
  const level = options.level ?? found.map(levelOf).find((l): l is Level => l !== undefined);
  const report: TargetReport = {
    ...(level ? { level } : {}),
    sheets: found.map((f) => ({ sheet: f.filled.sheet, form: f.filled.form.id, ...(f.filled.unit ? { unit: f.filled.unit } : {}), rollup: f.rollup })),
    results: [],
    ratings: [],
  };
  if (!level || !found.length) return report;
  report.results = evaluateTargets(workbookValues(found), TARGETS, { level, ...(options.baselines ? { baselines: options.baselines } : {}) });
  const ratingForms = new Set(TARGETS.flatMap((t) => t.ratings.map((r) => r.form)));
  for (const f of found) {
    if (!ratingForms.has(f.filled.form.id)) continue;
    const units = f.rollup ? unitRatingsOf(sheets, f.filled.form) : undefined;
    report.ratings.push(...suggestRatings(report.results, f.filled, { level, ...(units ? { units } : {}) }));
  }
  return report;
}

/** What the pane shows for a cell short of a target: the target, the value and where the target comes from. */
export function targetMarkNote(r: TargetResult): string {
  const source = [r.source.document, r.source.section].filter(Boolean).join(", ");
  const value = r.valueText ? `: ${r.valueText}` : "";
  return `Chưa đạt chỉ tiêu «${r.criterion}»${value}. ${r.wording} (${source}).`;
}

/** A cell whose value falls short of a target: where it is, the result, and the pane's note. */
export interface TargetMarkCell {
  sheet: string;
  address: string;
  /** The result behind the mark: value, criterion, wording, source. */
  result: TargetResult;
  /** Vietnamese, what the pane shows for the cell: the target, the value and where the target comes from. */
  note: string;
}

/** The cells short of a target (results not met that name a cell), in the order of the results. */
export function notMetCells(results: readonly TargetResult[]): TargetMarkCell[] {
  return results.flatMap((r) => (r.status === "not-met" && r.sheet && r.address ? [{ sheet: r.sheet, address: r.address, result: r, note: targetMarkNote(r) }] : []));
}
