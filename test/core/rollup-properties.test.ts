/**
 * Laws of the rollup, checked on generated sheets (fast-check):
 * - rolling up one unit gives that unit's (valid) values back;
 * - the order of the reports does not change the rollup;
 * - splitting the units into two groups, rolling up each, then rolling up the two rollups gives
 *   the same sums as rolling up everyone at once (sum rows).
 */
import fc from "fast-check";
import { findForm, inputColumns, type Column, type Form, type Row } from "../../src/catalog";
import { formatNumberVi } from "../../src/core/parse";
import { rollupForm, type RollupInput } from "../../src/core/rollup";
import { effectiveKind, parsedValues, validateFilled } from "../../src/core/validate";
import { fill, type CellInput, type FillValues } from "../support/fill";
import { PL } from "../support/forms";

const RUNS = { numRuns: 100 };
const PL1 = findForm("tk2011-2020.huyen.pl1") as Form;
const PL3 = findForm("tk2011-2020.huyen.pl3") as Form;

/** The forms and the columns generated for each (all value columns of PL, two years of the others). */
const CASES: { form: Form; columns: string[] }[] = [
  { form: PL, columns: ["y2015", "y2016", "ghi-chu"] },
  { form: PL1, columns: ["y2019", "y2020q1"] },
  { form: PL3, columns: ["y2019", "y2020q1"] },
];

// --- typed values ---------------------------------------------------------------------------

const blank = fc.constantFrom<CellInput>(null, "", "-", "…");
const junk = fc.constantFrom<CellInput>("abc", "1 2", "-3", "150%", "5/0", "#REF!");
const hundredths = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);

function validFor(row: Row, column: Column): fc.Arbitrary<CellInput> {
  switch (effectiveKind(row, column)) {
    case "count":
      return fc.integer({ min: 0, max: 2_000_000 }).chain((n) => fc.constantFrom<CellInput>(n, String(n), formatNumberVi(n)));
    case "decimal":
      return hundredths(100_000).chain((v) => fc.constantFrom<CellInput>(v, formatNumberVi(v)));
    case "percent":
      return fc.oneof(
        hundredths(100).chain((v) => fc.constantFrom<CellInput>(v, formatNumberVi(v), `${formatNumberVi(v)}%`)),
        fc.integer({ min: 1, max: 5000 }).chain((den) => fc.integer({ min: 0, max: den }).map((num): CellInput => `${num}/${den}`)),
      );
    case "flag01":
      return fc.constantFrom<CellInput>(0, 1, "1", "Có", "Không");
    case "coded":
      return fc.constantFrom<CellInput>(...(row.codes ?? []).flatMap((c) => [c.code, c.label]));
    case "status":
      return fc.constantFrom<CellInput>("Đạt", "Không đạt", "đạt", "Chưa đạt");
    case "text":
      return fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom<CellInput>("=SUM(A1:A3)", "+84 123", "@ghi chú", "Có kèm số 12"));
    default:
      return blank;
  }
}

function cellArb(row: Row, column: Column): fc.Arbitrary<CellInput> {
  return fc.oneof({ arbitrary: validFor(row, column), weight: 6 }, { arbitrary: blank, weight: 2 }, { arbitrary: junk, weight: 1 });
}

function sheetArb(form: Form, columnIds: readonly string[]): fc.Arbitrary<FillValues> {
  const columns = inputColumns(form).filter((c) => columnIds.includes(c.id));
  const cells: Record<string, fc.Arbitrary<Record<string, CellInput>>> = {};
  for (const row of form.rows) {
    const byColumn: Record<string, fc.Arbitrary<CellInput>> = {};
    for (const column of columns) byColumn[column.id] = cellArb(row, column);
    cells[row.id] = fc.record(byColumn);
  }
  return fc.record(cells);
}

const caseArb = fc.constantFrom(...CASES);

function asReports(form: Form, sheets: FillValues[]): RollupInput[] {
  return sheets.map((values, i) => {
    const unit = `Xã ${String.fromCharCode(65 + i)}`;
    return { unit, filled: fill(form, values, { unit, sheet: unit }) };
  });
}

// --- one unit -------------------------------------------------------------------------------

test("rolling up one unit gives that unit's valid values", () => {
  fc.assert(
    fc.property(
      caseArb.chain((c) => fc.tuple(fc.constant(c), sheetArb(c.form, c.columns))),
      ([{ form }, values]) => {
        const filled = fill(form, values, { unit: "Xã A", sheet: "PL" });
        const r = rollupForm(form, [{ unit: "Xã A", filled }]);
        const parsed = parsedValues(filled);
        const errorCells = new Set(validateFilled(filled).filter((i) => i.severity === "error").map((i) => i.cell));
        for (const row of form.rows) {
          for (const column of inputColumns(form)) {
            const rolled = r.cells.get(row.id)?.get(column.id);
            if (effectiveKind(row, column) === "heading") {
              expect(rolled).toBeUndefined();
              continue;
            }
            const p = parsed.get(row.id)!.get(column.id)!;
            const address = filled.cells.get(row.id)!.get(column.id)!.address;
            const usable = p.type !== "blank" && p.type !== "invalid" && !errorCells.has(address);
            if (!usable) {
              expect({ row: row.id, column: column.id, value: rolled?.value }).toEqual({ row: row.id, column: column.id, value: null });
              continue;
            }
            let expected: number | string;
            switch (rolled!.method) {
              case "count-status":
                expected = p.type === "status" && p.value === "dat" ? 1 : 0;
                break;
              case "distribution":
                expected = `${(p as { value: number }).value}: 1`;
                break;
              case "list": // text cells and notes
                expected = `Xã A: ${p.type === "text" ? p.value : p.text}`;
                break;
              default:
                expected = (p as { value: number | string }).value;
            }
            expect({ row: row.id, column: column.id, value: rolled!.value, reported: rolled!.reported }).toEqual({
              row: row.id,
              column: column.id,
              value: expected,
              reported: 1,
            });
          }
        }
      },
    ),
    RUNS,
  );
});

// --- order ----------------------------------------------------------------------------------

test("the order of the reports does not change the rollup", () => {
  fc.assert(
    fc.property(
      caseArb.chain((c) => fc.tuple(fc.constant(c), fc.array(sheetArb(c.form, c.columns), { minLength: 2, maxLength: 5 }))),
      fc.integer(),
      ([{ form }, sheets], seed) => {
        const reports = asReports(form, sheets);
        const shuffled = [...reports];
        let s = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) | 0;
          const j = Math.abs(s) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        expect(rollupForm(form, shuffled)).toEqual(rollupForm(form, reports));
      },
    ),
    RUNS,
  );
});

// --- splitting ------------------------------------------------------------------------------

/** Rows summed by the rollup and free of certain cross-row checks (so totals of groups stay valid). */
function sumRows(form: Form): Row[] {
  const inRelation = new Set(form.rows.flatMap((r) => (r.relation ? [r.id, ...r.relation.of] : [])));
  const inCertainRule = new Set(form.rules.filter((r) => r.certainty === "certain").flatMap((r) => [...r.left, ...r.right]));
  return form.rows.filter(
    (r) =>
      (r.kind === "count" || r.kind === "decimal") &&
      (r.rollup === undefined || r.rollup.type === "sum") &&
      !inRelation.has(r.id) &&
      !inCertainRule.has(r.id),
  );
}

test("rolling up two groups, then the two rollups, gives the same sums", () => {
  const cases = CASES.map((c) => ({ ...c, rows: sumRows(c.form), columns: c.columns.filter((id) => inputColumns(c.form).find((x) => x.id === id)?.role === "value") }));
  for (const c of cases) expect(c.rows.length).toBeGreaterThan(1);
  fc.assert(
    fc.property(
      fc.constantFrom(...cases).chain((c) => {
        const sheet = fc.record(
          Object.fromEntries(
            c.rows.map((row) => [
              row.id,
              fc.record(
                Object.fromEntries(
                  c.columns.map((col) => [col, fc.oneof({ arbitrary: validFor(row, inputColumns(c.form).find((x) => x.id === col)!), weight: 3 }, { arbitrary: blank, weight: 1 })]),
                ),
              ),
            ]),
          ),
        );
        return fc.tuple(fc.constant(c), fc.array(sheet, { minLength: 2, maxLength: 8 }), fc.nat());
      }),
      ([c, sheets, cut]) => {
        const reports = asReports(c.form, sheets);
        const k = 1 + (cut % (reports.length - 1));
        const whole = rollupForm(c.form, reports);
        const groups = [reports.slice(0, k), reports.slice(k)].map((group, g) => {
          const part = rollupForm(c.form, group);
          const values: FillValues = {};
          for (const row of c.rows) {
            values[row.id] = {};
            for (const col of c.columns) values[row.id][col] = part.cells.get(row.id)!.get(col)!.value as number | null;
          }
          const unit = `Nhóm ${g + 1}`;
          return { unit, filled: fill(c.form, values, { unit, sheet: unit }) };
        });
        const again = rollupForm(c.form, groups);
        for (const row of c.rows)
          for (const col of c.columns)
            expect({ row: row.id, col, value: again.cells.get(row.id)!.get(col)!.value }).toEqual({
              row: row.id,
              col,
              value: whole.cells.get(row.id)!.get(col)!.value,
            });
      },
    ),
    RUNS,
  );
});
