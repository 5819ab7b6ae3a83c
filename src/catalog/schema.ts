/**
 * The shape of an official appendix form ("Phụ lục"), as data.
 *
 * This zod schema is the only definition of a form: every type below comes from `z.infer`, and
 * every form module in `forms/` is parsed through `FormSchema` when the catalogue loads, so a
 * malformed definition fails loudly at start-up and in tests, never silently at render time.
 */
import { z } from "zod";

/** Administrative level a form or row applies to. Districts ceased to exist on 1/7/2025, but the
 * 2011-2020 review forms keep their district variant for history. */
export const LevelSchema = z.enum(["tinh", "huyen", "xa"]);
export type Level = z.infer<typeof LevelSchema>;

/**
 * What one input cell of a row holds (see design.md, "Kinds of cell"):
 * - count: whole number ≥ 0;   decimal: real number ≥ 0 (money, areas);
 * - percent: 0–100;            flag01: 1 / 0 as the label explains;
 * - coded: one of `codes`;     status: "Đạt" / "Không đạt";
 * - text: free text;           heading: a section title, no input expected.
 */
export const CellKindSchema = z.enum([
  "count",
  "decimal",
  "percent",
  "flag01",
  "coded",
  "status",
  "text",
  "heading",
]);
export type CellKind = z.infer<typeof CellKindSchema>;

const id = z
  .string()
  .min(1)
  .regex(/^[a-z0-9][a-z0-9.-]*$/, "ids are lower-case ASCII, digits, '.' and '-'");

/** One option of a coded row, e.g. { code: 2, label: "Hoàn thành" }. */
export const CodeSchema = z.object({ code: z.number().int(), label: z.string().min(1) });
export type Code = z.infer<typeof CodeSchema>;

/**
 * How a row's values combine across units in a rollup. Omitted → the default for its kind
 * (core/rollup decides: count/decimal sum, percent mean, flag01 count of 1s, coded distribution,
 * status count of Đạt, text one line per unit).
 */
export const RollupSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("sum") }),
  /** The same list for every unit (e.g. the commune procedures in force): take the common value
   * and flag units that disagree; never sum. */
  z.object({ type: z.literal("shared"), why: z.string().min(1) }),
  /** A percentage recomputed as 100 × Σnumerator / Σdenominator over rows of the same form. */
  z.object({ type: z.literal("ratio"), numerator: id, denominator: id }),
  /** A percentage entered as "a/b" (e.g. received/on time): Σa / Σb over units. */
  z.object({ type: z.literal("ratio-of-fractions") }),
  /** A percentage weighted by another row (e.g. satisfaction weighted by sample size). */
  z.object({ type: z.literal("weighted-mean"), weight: id }),
  /** Unweighted mean with min–max, marked approximate. */
  z.object({ type: z.literal("mean") }),
  /** flag01 → "x/N units" with value 1. */
  z.object({ type: z.literal("count-flag") }),
  /** coded → how many units per code. */
  z.object({ type: z.literal("distribution") }),
  /** status → count of "Đạt" out of N. */
  z.object({ type: z.literal("count-status") }),
  /** text → one line per unit, prefixed by the unit. */
  z.object({ type: z.literal("list") }),
  /** Not aggregated at all (e.g. headings, or a value only the compiling level can know). */
  z.object({ type: z.literal("none"), why: z.string().min(1) }),
]);
export type Rollup = z.infer<typeof RollupSchema>;

/*
 * Errors and warnings — the principle every family follows.
 *
 * An error does more than colour a cell: the rollup leaves that cell out. So an ERROR is only for
 * what no correct report can contain: a count that is negative, a percentage over 100, a total
 * that the form defines as the sum of its parts and that is not, a part larger than the whole the
 * form makes it a part of, a relation that holds by definition (distinct parts of one whole, at
 * one moment, from one list). A relation that a correct report can break — figures counted at
 * different moments (a stock at the report date against a flow over the period, carry-over from an
 * earlier period), from different lists (the national portal against the province's catalogue),
 * with overlapping labels (two rows printed alike, so the same things may be counted twice), or
 * across a legal change within the period — is a WARNING whose message says why a correct report
 * may differ, and the value is still consolidated. Every relation and rule carries its reason
 * (`why`, for maintainers); a warning also carries the reason shown to the user (`mayDiffer`).
 *
 * So relations (`sum`, `upper-bound`) are always errors and must hold by the form's definition; a
 * bound that a correct report can break is a `usual` rule instead. A section title whose children
 * are different measures holds no relation over them. Rows limited by `levels` do not exist at
 * other levels: a check is made over the rows that exist at the report's level, and a value typed
 * in a row of another level (a `wrong_level` warning, never consolidated) does not make a correct
 * total wrong (see core/validate).
 */

/** Relation between a row and its sub-items, checked per value column; always an error (see above). */
export const RelationSchema = z.object({
  /** sum: this row = Σ of `of`;  upper-bound: each row of `of` ≤ this row. */
  type: z.enum(["sum", "upper-bound"]),
  of: z.array(id).min(1),
  /** One line: why the meaning of the rows makes this true. */
  why: z.string().min(1),
});
export type Relation = z.infer<typeof RelationSchema>;

/** A cross-row rule: Σleft op Σright in each value column (or in `columns`). */
export const RuleSchema = z.object({
  id,
  left: z.array(id).min(1),
  op: z.enum(["<=", "<", "=", ">=", ">"]),
  right: z.array(id).min(1),
  /** certain → error (true by definition); usual → warning (a correct report can break it). */
  certainty: z.enum(["certain", "usual"]),
  /** One line for maintainers: why the rule holds, and for a usual rule what breaks it. */
  why: z.string().min(1),
  /**
   * Usual rules only (required there): Vietnamese, shown to the user after "… nhưng số liệu đúng
   * vẫn có thể khác vì": when a correct report breaks the rule.
   */
  mayDiffer: z.string().min(1).optional(),
  /** Value columns the rule holds in, when not all (e.g. the years after a change of law). */
  columns: z.array(id).min(1).optional(),
});
export type Rule = z.infer<typeof RuleSchema>;

/** Does the row exist at this level? Every row does when the level is not known. */
export function rowAppliesAt(row: Row, level: Level | undefined): boolean {
  return !level || !row.levels || row.levels.includes(level);
}

export const ColumnSchema = z.object({
  id,
  /** Header as printed (whitespace folded). */
  label: z.string().min(1),
  /**
   * value:  an input cell per row, of the row's kind (or `kind` below);
   * note:   free-text input ("Ghi chú");
   * static: text printed by the form itself for each row (unit of measure, target, agencies),
   *         taken from `row.printed[column.id]`.
   */
  role: z.enum(["value", "note", "static"]),
  /** Upper header spanning consecutive columns, as printed (e.g. "Kết quả thống kê"). */
  group: z.string().min(1).optional(),
  /** Reporting period this column covers, machine-readable (e.g. "2015", "2020-Q1", "2001-2010"). */
  period: z.string().min(1).optional(),
  /** The period is not complete (e.g. "Năm 2020 (Tính đến 31/3)"). */
  partial: z.boolean().optional(),
  /** Overrides the row's kind for this column (for transposed tables). */
  kind: CellKindSchema.optional(),
  /** Not in the official document: added by this project (say why in `addedWhy`). */
  addedWhy: z.string().min(1).optional(),
  /** Approximate width in characters, for layout. */
  width: z.number().positive().optional(),
});
export type Column = z.infer<typeof ColumnSchema>;

export const RowSchema = z.object({
  id,
  /** STT exactly as printed: "1", "-", "1.2.3.", "Trong đó", "" … */
  stt: z.string(),
  /** Label exactly as printed (whitespace folded, typos kept). */
  label: z.string().min(1),
  kind: CellKindSchema,
  /** Unit of measure in meaning (e.g. "%", "văn bản"); printed text goes to `printed`. */
  unit: z.string().min(1).optional(),
  /** Row this one is a sub-item of (for indentation and relations). */
  parent: id.optional(),
  relation: RelationSchema.optional(),
  rollup: RollupSchema.optional(),
  /** Values are cumulative ("lũy kế") — never add them across periods. */
  cumulative: z.boolean().optional(),
  /** Levels this row applies to, when narrower than the form's. */
  levels: z.array(LevelSchema).min(1).optional(),
  /** For kind "coded": the codes the label or unit column lists. */
  codes: z.array(CodeSchema).min(2).optional(),
  /** For kind "percent": also accept a fraction "a/b" (e.g. received/on time). */
  acceptsFraction: z.boolean().optional(),
  /** Expected to be filled; left blank → warning. Default: value rows are required. */
  required: z.boolean().optional(),
  /** Text the official form prints in its static columns, by column id. */
  printed: z.record(z.string(), z.string()).optional(),
  /** Which agency fills this row, when the form says so (province PL7). */
  filledBy: z.string().min(1).optional(),
  /** Oddity of the original (typo kept, ambiguity decided) and the decision. */
  note: z.string().min(1).optional(),
});
export type Row = z.infer<typeof RowSchema>;

export const SourceSchema = z.object({
  /** File name in ../shared/seeds, e.g. "000_4e2d107fc3b0667a.txt". */
  seed: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/),
  /** Section as printed, e.g. "Phụ lục 3" or "Phụ lục 4 — I". */
  section: z.string().min(1),
});

export const FormSchema = z
  .object({
    /** Stable id, e.g. "tk2011-2020.huyen.pl3". */
    id,
    version: z.number().int().positive(),
    /** Family id (one module per family), e.g. "tk2011-2020.huyen". */
    family: id,
    /** Family title for grouping in the pane, Vietnamese. */
    familyTitle: z.string().min(1),
    levels: z.array(LevelSchema).min(1),
    source: SourceSchema,
    /** Line above the title as printed ("Phụ lục 3", "PHỤ LỤC 4"). */
    appendix: z.string().min(1),
    /** Title as printed (typos kept, see `notes`). */
    title: z.string().min(1),
    /** Sub-title lines as printed, e.g. "(Tính đến ngày 31 tháng 12 năm 2019)". */
    subtitles: z.array(z.string().min(1)).default([]),
    /** The "(Kèm theo Kế hoạch số … )" line; blanks left for the user to complete. */
    attachedTo: z.string().min(1).optional(),
    /** Header of the STT column as printed ("STT", "S T T"); absent when the table has none. */
    sttHeader: z.string().min(1).optional(),
    /** Header of the label column as printed ("Chỉ tiêu", "Giai đoạn"…). */
    labelHeader: z.string().min(1),
    columns: z.array(ColumnSchema).min(1),
    rows: z.array(RowSchema).min(1),
    rules: z.array(RuleSchema).default([]),
    /** Lines printed under the table ("Ghi chú: …"). */
    footnotes: z.array(z.string().min(1)).default([]),
    /** Oddities of the original and how they were decided (not printed). */
    notes: z.array(z.string().min(1)).default([]),
  })
  .superRefine((form, ctx) => {
    const rowIds = new Set<string>();
    for (const row of form.rows) {
      if (rowIds.has(row.id)) ctx.addIssue({ code: "custom", message: `${form.id}: duplicate row id ${row.id}` });
      rowIds.add(row.id);
    }
    const colIds = new Set<string>();
    for (const col of form.columns) {
      if (colIds.has(col.id)) ctx.addIssue({ code: "custom", message: `${form.id}: duplicate column id ${col.id}` });
      colIds.add(col.id);
    }
    const known = (ref: string, where: string) => {
      if (!rowIds.has(ref)) ctx.addIssue({ code: "custom", message: `${form.id}: ${where} refers to unknown row ${ref}` });
    };
    for (const row of form.rows) {
      if (row.parent) known(row.parent, `row ${row.id} parent`);
      row.relation?.of.forEach((ref) => known(ref, `row ${row.id} relation`));
      if (row.rollup?.type === "ratio") {
        known(row.rollup.numerator, `row ${row.id} rollup`);
        known(row.rollup.denominator, `row ${row.id} rollup`);
      }
      if (row.rollup?.type === "weighted-mean") known(row.rollup.weight, `row ${row.id} rollup`);
      if (row.kind === "coded" && !row.codes)
        ctx.addIssue({ code: "custom", message: `${form.id}: coded row ${row.id} has no codes` });
      if (row.kind !== "coded" && row.codes)
        ctx.addIssue({ code: "custom", message: `${form.id}: row ${row.id} has codes but is ${row.kind}` });
      if (row.acceptsFraction && row.kind !== "percent")
        ctx.addIssue({ code: "custom", message: `${form.id}: row ${row.id} accepts a fraction but is not a percent` });
      for (const colId of Object.keys(row.printed ?? {})) {
        const col = form.columns.find((c) => c.id === colId);
        if (!col || col.role !== "static")
          ctx.addIssue({ code: "custom", message: `${form.id}: row ${row.id} prints into ${colId}, not a static column` });
      }
      for (const level of row.levels ?? [])
        if (!form.levels.includes(level))
          ctx.addIssue({ code: "custom", message: `${form.id}: row ${row.id} level ${level} is not a level of the form` });
    }
    for (const rule of form.rules) {
      [...rule.left, ...rule.right].forEach((ref) => known(ref, `rule ${rule.id}`));
      if (rule.certainty === "usual" && !rule.mayDiffer)
        ctx.addIssue({ code: "custom", message: `${form.id}: usual rule ${rule.id} does not say when a correct report breaks it (mayDiffer)` });
      if (rule.certainty === "certain" && rule.mayDiffer)
        ctx.addIssue({ code: "custom", message: `${form.id}: certain rule ${rule.id} says a correct report may break it: make it usual` });
      for (const colId of rule.columns ?? [])
        if (!form.columns.some((c) => c.id === colId && c.role === "value"))
          ctx.addIssue({ code: "custom", message: `${form.id}: rule ${rule.id} holds in ${colId}, not a value column` });
    }
    // Operands are numbers of one kind: a percentage is no part of a count, nor bounded by one.
    const kindOf = new Map(form.rows.map((r) => [r.id, r.kind]));
    const checks = [
      ...form.rows.filter((r) => r.relation).map((r) => ({ what: `row ${r.id} relation`, ids: [r.id, ...r.relation!.of] })),
      ...form.rules.map((r) => ({ what: `rule ${r.id}`, ids: [...r.left, ...r.right] })),
    ];
    for (const { what, ids } of checks) {
      const kinds = new Set(ids.map((i) => kindOf.get(i)).filter((k) => k !== undefined));
      if (kinds.size > 1 || [...kinds].some((k) => k !== "count" && k !== "decimal" && k !== "percent"))
        ctx.addIssue({ code: "custom", message: `${form.id}: ${what} mixes ${[...kinds].join(", ")}; operands are numbers of one kind` });
    }
  });

export type Form = z.infer<typeof FormSchema>;
/** What a form module writes: defaults (subtitles, rules, footnotes, notes) may be omitted. */
export type FormInput = z.input<typeof FormSchema>;

/** Columns that take input (value and note), in order. */
export function inputColumns(form: Form): Column[] {
  return form.columns.filter((c) => c.role !== "static");
}

/** Columns that take a typed value, in order. */
export function valueColumns(form: Form): Column[] {
  return form.columns.filter((c) => c.role === "value");
}

/** The kind of the cell at (row, column). */
export function cellKind(row: Row, column: Column): CellKind {
  if (column.role === "note") return "text";
  return column.kind ?? row.kind;
}
