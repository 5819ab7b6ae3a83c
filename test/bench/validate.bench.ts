/**
 * Benchmark (npm run bench): re-validating the largest form, as live validation does after each
 * change. Target: median ≤ 2 ms. Reported, and asserted only here, never in the unit tests.
 */
import { FORMS } from "../../src/catalog";
import type { Form } from "../../src/catalog/schema";
import { validateFilled } from "../../src/core/validate";
import { fill } from "../support/fill";
import { record } from "./figures";

function validValue(form: Form, rowId: string): string | number {
  const row = form.rows.find((r) => r.id === rowId)!;
  switch (row.kind) {
    case "count":
    case "decimal":
      return 7;
    case "percent":
      return "87,5";
    case "flag01":
      return 1;
    case "coded":
      return row.codes![0].code;
    case "status":
      return "Đạt";
    default:
      return "ghi chú";
  }
}

it("re-validates the largest form in ≤ 2 ms (median)", () => {
  const cells = (f: Form) => f.rows.length * f.columns.filter((c) => c.role === "value").length;
  const largest = [...FORMS].sort((a, b) => cells(b) - cells(a))[0];
  const values: Record<string, Record<string, string | number>> = {};
  for (const row of largest.rows) {
    if (row.kind === "heading" || row.relation?.type === "sum") continue;
    values[row.id] = {};
    for (const col of largest.columns.filter((c) => c.role === "value")) values[row.id][col.id] = validValue(largest, row.id);
  }
  const filled = fill(largest, values);
  for (let i = 0; i < 50; i++) validateFilled(filled); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 400; i++) {
    const start = process.hrtime.bigint();
    validateFilled(filled);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  const p95 = times[Math.floor(times.length * 0.95)];
  console.log(`validate ${largest.id} (${largest.rows.length} rows × ${largest.columns.filter((c) => c.role === "value").length} value columns): median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms`);
  record({ name: `re-validating ${largest.id} (median of 400)`, measured: Number(median.toFixed(3)), unit: "ms", goal: "≤ 2 ms", ok: median <= 2, detail: `p95 ${p95.toFixed(3)} ms` });
  expect(median).toBeLessThanOrEqual(2);
});
