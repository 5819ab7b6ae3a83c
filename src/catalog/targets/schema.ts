/**
 * The shape of a reform target ("chỉ tiêu", "mục tiêu"), as data.
 *
 * A target constrains one measurable quantity — a row of a catalogue form, a sum of rows or a ratio
 * of rows — or, when no row of any form measures it, nothing (`metric: null`): such targets are
 * listed as "cần tự đánh giá" (self-assessment needed), never hidden and never "met" by default.
 *
 * One target is one number (or one qualitative clause). A goal that bundles several numbers is
 * split into sub-targets sharing `goal` (and the rating row they support, `ratings`); all of them
 * must hold. Thresholds that differ by level are separate targets (see `about`).
 *
 * Vietnamese wording decides the comparator (the wording is kept verbatim in `wording`):
 *   "trên X%"                         >        "dưới X%"                   <
 *   "từ X% trở lên", "tối thiểu X%", "ít nhất X", "đạt X" (a bare figure to reach)     >=
 *   "không quá", "không vượt quá", "tối đa X"                                             <=
 *   "từ X% - Y%"                      range [X, Y]
 *   "giảm X% so với năm 2021", "năm sau cao hơn năm trước"   change-vs-baseline (baseline supplied by the user)
 *   a clause with no figure ("hầu hết…", "thường xuyên…")     qualitative (always self-assessment)
 * Note "giảm tối đa việc …" means "reduce as far as possible": qualitative, not a "tối đa" ceiling.
 */
import { z } from "zod";
import { LevelSchema } from "../schema";

const id = z
  .string()
  .min(1)
  .regex(/^[a-z0-9][a-z0-9.-]*$/, "ids are lower-case ASCII, digits, '.' and '-'");

/** The reform programme a target belongs to. */
export const ProgrammeSchema = z.enum([
  /** Chương trình tổng thể CCHC 2011-2020 (Nghị quyết 30c/NQ-CP ngày 08/11/2011 and later 2020 targets): Phụ lục 8. */
  "nq30c-2011-2020",
  /** Chương trình tổng thể CCHC 2021-2030 (Nghị quyết 76/NQ-CP ngày 15/7/2021). */
  "nq76-2021-2030",
  /** A district's 2023-2025 plan to raise PAR INDEX and SIPAS (seed 004). */
  "par-sipas-2023-2025",
]);
export type Programme = z.infer<typeof ProgrammeSchema>;

/**
 * Reform area, as the forms and plans name them. "Tác động của CCHC" is the eighth area of the
 * 2023-2025 plan (section 8: SIPAS, investment, budget revenue) and of PAR INDEX since 2022.
 */
export const AreaSchema = z.enum([
  "Chỉ đạo điều hành",
  "Cải cách thể chế",
  "Cải cách TTHC",
  "Tổ chức bộ máy",
  "Công chức công vụ",
  "Tài chính công",
  "Chính phủ điện tử/số",
  "Tác động của CCHC",
]);
export type Area = z.infer<typeof AreaSchema>;

export const ComparatorSchema = z.enum([">", ">=", "<", "<=", "=", "range", "change-vs-baseline", "qualitative"]);
export type Comparator = z.infer<typeof ComparatorSchema>;

/** Target year: the horizon the target must be reached by, or every year. */
export const TargetYearSchema = z.union([z.literal(2020), z.literal(2025), z.literal(2030), z.literal("yearly")]);
export type TargetYear = z.infer<typeof TargetYearSchema>;

/** One row of a catalogue form; `column` fixes the value column (default: see core/targets). */
export const RowMetricSchema = z.object({
  type: z.literal("row"),
  form: id,
  row: id,
  column: id.optional(),
});
/** The sum of several rows of one form, in the same column (e.g. the four autonomy categories). */
export const SumMetricSchema = z.object({
  type: z.literal("sum"),
  form: id,
  rows: z.array(id).min(2),
  column: id.optional(),
});
/** 100 × Σnumerator ÷ Σdenominator over rows of one form, in the same column (a percentage). */
export const RatioMetricSchema = z.object({
  type: z.literal("ratio"),
  form: id,
  numerator: z.array(id).min(1),
  denominator: z.array(id).min(1),
  column: id.optional(),
});
export const MetricSchema = z.discriminatedUnion("type", [RowMetricSchema, SumMetricSchema, RatioMetricSchema]);
export type Metric = z.infer<typeof MetricSchema>;

/** For comparator "range": min ≤ value ≤ max (both inclusive, as "từ X% - Y%"). */
export const RangeSchema = z.object({ min: z.number(), max: z.number() });
export type Range = z.infer<typeof RangeSchema>;

/**
 * For comparator "change-vs-baseline": the metric's value against a baseline the user supplies
 * (the value in `baselineYear`, or last year's value). `as: "percent"` compares
 * 100 × (value − baseline) ÷ baseline, `as: "absolute"` compares value − baseline, with `by`:
 * decrease → change ≤ −by (strict: < −by); increase → change ≥ by (strict: > by).
 * "giảm 10% so với năm 2021" = { direction: "decrease", by: 10, as: "percent", baselineYear: 2021 };
 * "năm sau tăng hơn năm trước" = { direction: "increase", by: 0, strict: true, as: "absolute", baselineYear: "previous-year" }.
 */
export const ChangeSchema = z.object({
  direction: z.enum(["decrease", "increase"]),
  by: z.number().min(0),
  as: z.enum(["percent", "absolute"]),
  strict: z.boolean().default(false),
  baselineYear: z.union([z.number().int().min(2000).max(2100), z.literal("previous-year")]),
});
export type Change = z.infer<typeof ChangeSchema>;

const SEED = z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/);

/** Where the wording is printed. */
export const TargetPlaceSchema = z.object({
  /** File in ../shared/seeds (and test/fixtures/seeds) the wording is quoted from. */
  seed: SEED.optional(),
  /** Section as printed, e.g. "Phụ lục 8, mục tiêu 13" or "III.7.c". */
  section: z.string().min(1).optional(),
  /** Line(s) of the seed file, e.g. "283" or "245-249". */
  lines: z.string().regex(/^\d+(-\d+)?$/).optional(),
  /** A public page the wording is quoted from (secondary sources of unverified targets). */
  url: z.string().url().optional(),
  /** The wording printed there, when it differs from the target's own (restatements). */
  wording: z.string().min(1).optional(),
});
export type TargetPlace = z.infer<typeof TargetPlaceSchema>;

export const TargetSourceSchema = TargetPlaceSchema.extend({
  /** The document that sets the target, as a user would cite it, e.g. "Nghị quyết 30c/NQ-CP ngày 08/11/2011 …". */
  document: z.string().min(1),
  /** Article / item of that document, when known (e.g. "Điều 2"). */
  article: z.string().min(1).optional(),
  /** The document whose text is quoted (`seed`, `section`, `lines`), when it is not `document` itself —
   * e.g. the district plan that restates the programme's goals in its Phụ lục 8. */
  printedIn: z.string().min(1).optional(),
  /** Other places that state the same target (e.g. the plan's body and its appendix). */
  also: z.array(TargetPlaceSchema).default([]),
});
export type TargetSource = z.infer<typeof TargetSourceSchema>;

/** A row of a rating form (Đạt / Không đạt) this target is a sub-target of. */
export const RatingRefSchema = z.object({ form: id, row: id });
export type RatingRef = z.infer<typeof RatingRefSchema>;

/**
 * A target stated differently in two places of one document (e.g. 30% in the plan's text,
 * 20% / 15% in its appendix): every version is kept, with its source; `used` says which one
 * the checks use (alternatives are evaluated only on request).
 */
export const VariantSchema = z.object({
  group: id,
  used: z.boolean(),
  why: z.string().min(1),
});
export type Variant = z.infer<typeof VariantSchema>;

export const TargetSchema = z
  .object({
    id,
    programme: ProgrammeSchema,
    /** Goal the sub-target belongs to, for grouping: the Phụ lục 8 goal number ("13"), the appendix
     * STT ("3.4.2") or the plan's section ("III.7.c"). */
    goal: z.string().min(1).optional(),
    area: AreaSchema,
    metric: MetricSchema.nullable(),
    comparator: ComparatorSchema,
    /** For > >= < <= =. */
    threshold: z.number().optional(),
    /** For "=" on a coded row: the code's label, e.g. "Hoàn thành". */
    thresholdLabel: z.string().min(1).optional(),
    range: RangeSchema.optional(),
    change: ChangeSchema.optional(),
    /** Unit of the threshold: "%", "TTHC", "đơn vị", "hội nghị", "mã", "hạng" … */
    unit: z.string().min(1),
    year: TargetYearSchema,
    /** Levels of the reporting units whose values are checked (a district report, a commune report…). */
    levels: z.array(LevelSchema).min(1),
    /**
     * The metric's form is one that units of these levels fill only under some plans (communes fill
     * the district family's statistics only where a district plan asks them to). When the report does
     * not hold that form the target is "cần tự đánh giá" from the forms the unit does fill — never
     * "no data: the appendix is missing", which would send the unit to a form it was never asked for.
     */
    formOptional: z.boolean().default(false),
    /** The level the figure is about, when it differs from the reporting level (e.g. a district plan's
     * "30% hồ sơ công việc tại cấp xã"): thresholds that differ by level are separate targets. */
    about: LevelSchema.optional(),
    /** The exact source wording of this (sub-)target, verbatim (typos kept). */
    wording: z.string().min(1),
    /** "vi" unless only a secondary (English) summary could be found: then `verified` is false. */
    wordingLanguage: z.enum(["vi", "en"]).default("vi"),
    source: TargetSourceSchema,
    /** True only when wording and figure are quoted exactly from a document this project holds. */
    verified: z.boolean(),
    ratings: z.array(RatingRefSchema).default([]),
    variant: VariantSchema.optional(),
    /** Decisions: how the wording was read, why this metric (or none), assumptions. */
    note: z.string().min(1).optional(),
    /**
     * Vietnamese, shown to the unit when the target is "cần tự đánh giá" (no row of the forms it fills
     * measures it): where the unit finds the figure or the evidence to rate it itself, and which near
     * row of the forms does not measure it. Every target a commune is evaluated against without a
     * metric says it (checked by test/core/targets.test.ts).
     */
    howToAssess: z.string().min(1).optional(),
  })
  .superRefine((t, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: "custom", message: `${t.id}: ${message}` });
    const simple = [">", ">=", "<", "<=", "="].includes(t.comparator);
    if (simple && t.threshold === undefined) fail(`comparator ${t.comparator} needs a threshold`);
    if (!simple && t.threshold !== undefined) fail(`threshold is only for > >= < <= =, not ${t.comparator}`);
    if (t.thresholdLabel !== undefined && t.comparator !== "=") fail("thresholdLabel is only for =");
    if (t.comparator === "range") {
      if (!t.range) fail("comparator range needs a range");
      else if (!(t.range.min < t.range.max)) fail("range min must be below max");
    } else if (t.range) fail("range is only for comparator range");
    if (t.comparator === "change-vs-baseline") {
      if (!t.change) fail("comparator change-vs-baseline needs a change");
    } else if (t.change) fail("change is only for comparator change-vs-baseline");
    if (t.comparator === "qualitative" && t.metric !== null) fail("a qualitative target cannot have a metric");
    if (t.formOptional && t.metric === null) fail("formOptional is about the metric's form: the target has no metric");
    if (t.metric?.type === "ratio" && t.unit !== "%") fail("a ratio metric is a percentage: unit must be %");
    if (!t.verified && !t.note) fail("an unverified target must say why in its note");
    if (t.wordingLanguage !== "vi" && t.verified) fail("a target worded from a non-Vietnamese summary cannot be verified");
    if (t.verified && !t.source.seed) fail("a verified target cites a seed document");
    if (new Set(t.levels).size !== t.levels.length) fail("levels repeat");
  });

export type Target = z.infer<typeof TargetSchema>;
/** What a target module writes: defaults (ratings, formOptional, wordingLanguage, also, strict) may be omitted. */
export type TargetInput = z.input<typeof TargetSchema>;
