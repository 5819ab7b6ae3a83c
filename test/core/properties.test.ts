/**
 * Laws of parsing and validation, checked on generated sheets (fast-check):
 * - valid values, typed in any accepted way, never raise errors;
 * - the issue list does not depend on the order in which cells were inserted;
 * - a valid number formatted the Vietnamese way (or by Intl vi-VN) parses back to itself.
 */
import fc from "fast-check";
import { RowSchema } from "../../src/catalog/schema";
import type { RawCell } from "../../src/core/grid";
import { formatNumberVi, parseCell } from "../../src/core/parse";
import { validateFilled } from "../../src/core/validate";
import { fill, reinsert, type CellInput, type FillValues } from "../support/fill";
import { PL, SHARES } from "../support/forms";

const RUNS = { numRuns: 200 };

// --- how a valid value may be typed -----------------------------------------------------------

const blank: fc.Arbitrary<CellInput> = fc.constantFrom<CellInput>(null, "", "  ", "-", "–");

/** A whole number ≥ 0 as a reader number, digits, or with thousands dots. */
const countAs = (n: number): fc.Arbitrary<CellInput> =>
  fc.constantFrom<CellInput>(n, String(n), formatNumberVi(n), ` ${formatNumberVi(n)} `, { value: n, formula: "=1" });

/** A percent (0–100, two decimals) as a reader number, "98,5", "98,5%", "98,5 %", or Excel's 0.985 with "98,5%". */
const percentAs = (v: number): fc.Arbitrary<CellInput> =>
  fc.constantFrom<CellInput>(v, formatNumberVi(v), `${formatNumberVi(v)}%`, `${formatNumberVi(v)} %`, {
    value: v / 100,
    text: `${formatNumberVi(v)}%`,
  });

const decimalAs = (v: number): fc.Arbitrary<CellInput> => fc.constantFrom<CellInput>(v, formatNumberVi(v));

const orBlank = (a: fc.Arbitrary<CellInput>) => fc.oneof({ arbitrary: a, weight: 4 }, { arbitrary: blank, weight: 1 });

const count = fc.integer({ min: 0, max: 5_000_000 });
const percent = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100);

/** One year of a consistent report: totals add up, sub-items stay under their totals. */
const year: fc.Arbitrary<Record<string, fc.Arbitrary<CellInput>>> = fc
  .record({
    huyen: count,
    xa: count,
    pakn: count,
    paknShare: fc.double({ min: 0, max: 1, noNaN: true }),
    hoSo: count,
    hoSoShare: fc.double({ min: 0, max: 1, noNaN: true }),
    dvc: count,
    dvcShare: fc.double({ min: 0, max: 1, noNaN: true }),
    fraction: fc.integer({ min: 1, max: 100_000 }).chain((den) => fc.tuple(fc.integer({ min: 0, max: den }), fc.constant(den))),
    percent,
    money: fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 100),
    flag: fc.constantFrom<CellInput>(0, 1, "0", "1", "Có", "Không", true, false),
    code: fc.constantFrom<CellInput>(0, 1, 2, "2", "Chưa", "đang làm", "HOÀN THÀNH", "2 - Hoàn thành"),
    status: fc.constantFrom<CellInput>("Đạt", "Không đạt", "đạt", "KHONG DAT", "Chưa đạt"),
    text: fc.string(),
    useFraction: fc.boolean(),
  })
  .map((y) => ({
    "tong-tthc": orBlank(countAs(y.huyen + y.xa)),
    "tthc-huyen": orBlank(countAs(y.huyen)),
    "tthc-xa": orBlank(countAs(y.xa)),
    "pakn-tiep-nhan": orBlank(countAs(y.pakn)),
    "pakn-giai-quyet": orBlank(countAs(Math.floor(y.pakn * y.paknShare))),
    "ho-so-nhan": orBlank(countAs(y.hoSo)),
    "ho-so-dung-hen": orBlank(countAs(Math.floor(y.hoSo * y.hoSoShare))),
    "dvc-tong": orBlank(countAs(y.dvc)),
    "dvc-muc-4": orBlank(countAs(Math.floor(y.dvc * y.dvcShare))),
    "tl-dung-hen": orBlank(y.useFraction ? fc.constant(`${y.fraction[0]}/${y.fraction[1]}`) : percentAs(y.percent)),
    "tl-online": orBlank(percentAs(y.percent)),
    "kinh-phi": orBlank(decimalAs(y.money)),
    "co-website": orBlank(fc.constant(y.flag)),
    "kien-truc": orBlank(fc.constant(y.code)),
    "muc-tieu": orBlank(fc.constant(y.status)),
    "y-kien": fc.constant<CellInput>(y.text),
  }));

/** Draws the typed form of every cell of a year. */
const typedYear = year.chain((cells) => fc.record(cells));

const validSheet: fc.Arbitrary<FillValues> = fc.tuple(typedYear, typedYear).map(([a, b]) => {
  const values: FillValues = {};
  for (const [row, v] of Object.entries(a)) values[row] = { ...values[row], y2015: v };
  for (const [row, v] of Object.entries(b)) values[row] = { ...values[row], y2016: v };
  return values;
});

test("valid values never raise errors", () => {
  fc.assert(
    fc.property(validSheet, fc.constantFrom<"huyen" | "xa" | undefined>("huyen", "xa", undefined), (values, level) => {
      const issues = validateFilled(fill(PL, values), level ? { level } : {});
      const errors = issues.filter((i) => i.severity === "error");
      expect(errors).toEqual([]);
    }),
    RUNS,
  );
});

test("shares of 100 rounded to the same number of decimals always add up within rounding", () => {
  fc.assert(
    fc.property(
      fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
      fc.integer({ min: 0, max: 2 }),
      ([x, y], d) => {
        const [lo, hi] = x < y ? [x, y] : [y, x];
        const shares = [lo * 100, (hi - lo) * 100, (1 - hi) * 100].map((v) => formatNumberVi(Number(v.toFixed(d)), d));
        const values: FillValues = { tong: { "so-lieu": "100%" } };
        ["a", "b", "c"].forEach((id, k) => (values[id] = { "so-lieu": shares[k] }));
        expect(validateFilled(fill(SHARES, values))).not.toHaveIssue("sum_mismatch");
      },
    ),
    RUNS,
  );
});

// --- order of insertion -----------------------------------------------------------------------

/** Anything a user might type, valid or not. */
const anyCell: fc.Arbitrary<CellInput> = fc.oneof(
  blank,
  count.map((n) => n as CellInput),
  fc.constantFrom<CellInput>("abc", "1 2", "1,5", "-3", "150%", "1.076", "12 (ước tính)", "5/0", "13/13", "Đạt", "x", "Hoàn thành"),
  fc.string({ maxLength: 6 }),
  fc.double({ noNaN: false }),
);

const INPUT_CELLS: [string, string][] = PL.rows.flatMap((r) => ["y2015", "y2016", "ghi-chu"].map((c): [string, string] => [r.id, c]));

test("the issue list does not depend on the order in which cells were inserted", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...INPUT_CELLS), anyCell), { maxLength: 40 }),
      fc.shuffledSubarray(INPUT_CELLS, { minLength: INPUT_CELLS.length, maxLength: INPUT_CELLS.length }),
      (writes, order) => {
        const values: FillValues = {};
        for (const [[row, col], v] of writes) values[row] = { ...values[row], [col]: v };
        const filled = fill(PL, values);
        const expected = validateFilled(filled, { level: "huyen" });
        expect(validateFilled(reinsert(filled, order), { level: "huyen" })).toEqual(expected);
        expect(validateFilled(fill(PL, values, { order: "reverse" }), { level: "huyen" })).toEqual(expected);
      },
    ),
    RUNS,
  );
});

// --- round trips ------------------------------------------------------------------------------

const countRow = RowSchema.parse({ id: "r", stt: "1", label: "Số lượng", kind: "count" });
const percentRow = RowSchema.parse({ id: "r", stt: "1", label: "Tỷ lệ", kind: "percent" });
const decimalRow = RowSchema.parse({ id: "r", stt: "1", label: "Kinh phí", kind: "decimal" });
const vi = (digits: number) => new Intl.NumberFormat("vi-VN", { maximumFractionDigits: digits });

function valueOf(raw: RawCell, row = countRow) {
  const p = parseCell(raw, row.kind, row);
  return p.type === "number" ? p.value : p;
}

test("a whole number written with thousands dots reads back, without a warning", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
      for (const text of [formatNumberVi(n), vi(0).format(n), String(n)]) {
        const p = parseCell({ value: text }, "count", countRow);
        expect(p).toEqual({ type: "number", value: n, text, decimals: 0 });
      }
    }),
    RUNS,
  );
});

test("a percent written with a decimal comma, with or without %, reads back", () => {
  fc.assert(
    fc.property(percent, (v) => {
      for (const text of [formatNumberVi(v), `${formatNumberVi(v)}%`, `${vi(2).format(v)} %`]) {
        expect(valueOf({ value: text }, percentRow)).toBe(v);
      }
      expect(valueOf({ value: v / 100, text: `${formatNumberVi(v)}%` }, percentRow)).toBeCloseTo(v, 10);
    }),
    RUNS,
  );
});

test("a decimal written the Vietnamese way reads back (three-decimal readings warn but hold)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 3 }), (n, d) => {
      const v = n / 10 ** d;
      for (const text of [formatNumberVi(v), vi(3).format(v)]) expect(valueOf({ value: text }, decimalRow)).toBe(v);
    }),
    RUNS,
  );
});
