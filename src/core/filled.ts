/**
 * A sheet bound to a catalogue form: for every row and input column of the form, where its cell
 * is in the sheet and what it holds. Produced by recognition (core/recognise) from a Grid, or
 * directly from the layout for our own templates; consumed by validation, rollup and targets.
 */
import type { Form } from "../catalog/schema";
import type { RawCell } from "./grid";

export interface BoundCell {
  /** A1 address in the sheet. */
  address: string;
  raw: RawCell | null;
}

/**
 * Where a unit's name was read, from the surest to the least sure (the JSON's `unitSource`):
 * marker: our template's metadata; cell: a "Đơn vị báo cáo: X" cell; heading: the heading lines
 * ("UBND XÃ …", "ỦY BAN NHÂN DÂN / PHƯỜNG …"); attached: the "(Kèm theo Báo cáo … của UBND xã …)"
 * line; sheet: the sheet's name; file: the file's name; given: typed by the user (the pane's
 * correction, the CLI's option).
 */
export type UnitSource = "marker" | "cell" | "heading" | "attached" | "sheet" | "file" | "given";

/** What a column under a value header holds, told by its header's words (core/vocabulary). */
export type ColumnMeaning = "current" | "comparison" | "unknown";

/** A sheet column that could hold a form's value column. */
export interface ColumnCandidate {
  /** 0-based sheet column, and its letters ("E"). */
  col: number;
  letter: string;
  /** Its header cell ("E6"), else its first value cell. */
  cell: string;
  /** Its header as printed (group and sub-header joined by " / "), "" when unlabeled. */
  header: string;
  meaning: ColumnMeaning;
  /** rowId → the cell of that row in this column (so a choice binds without the sheet). */
  cells: Map<string, BoundCell>;
  /** The first few values in it, as shown, to help whoever decides. */
  samples: string[];
}

/**
 * A value column of the form whose sheet column meaning does not decide ("Số liệu" over two
 * unlabeled sub-columns, two columns headed alike): nothing of it is read until someone chooses
 * (the pane asks; the CLI leaves the sheet out). See core/column-choice.
 */
export interface ColumnDecision {
  columnId: string;
  /** The form column's label, as printed. */
  column: string;
  /** Where the header over the candidates is ("D5"), "" when none. */
  headerCell: string;
  /** The layout asked about: form, column and the candidates' letters and headers (a choice is remembered by it). */
  layout: string;
  candidates: ColumnCandidate[];
}

export interface FilledForm {
  form: Form;
  sheet: string;
  unit?: string;
  /** Where `unit` was read; absent for an older producer (treated as "cell"). */
  unitSource?: UnitSource;
  /** The period as printed ("QUÝ III NĂM 2026", "Quý I năm 2021"). */
  period?: string;
  /** `period` normalised (core/period: "2026-Q3", "2026-H1", "2026"), when the sheet states it without contradiction. */
  periodKey?: string;
  /** Value columns waiting for a decision; their cells are absent from `cells` meanwhile. */
  pending?: ColumnDecision[];
  /** rowId → columnId → cell. Rows the sheet does not have are absent. */
  cells: Map<string, Map<string, BoundCell>>;
  /** Where each row sits in the sheet (0-based), for rows that were found. */
  rowIndex: Map<string, number>;
}
