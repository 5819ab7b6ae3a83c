/**
 * Property (issue 14): inserting one extra value-like column anywhere in a correctly read sheet
 * never changes a value that is read without also producing a warning that names that column —
 * and a value-like column that is not read is always named.
 *
 * Sheets correctly read: forms typed plainly (one and two header rows, year columns, grouped
 * columns, Đạt/Không đạt) and the periodic form with «Số liệu» over «Kỳ trước | Kỳ này». The
 * inserted column has a header from what units really put there (blank, «Kỳ trước», «Kỳ này»,
 * «Lũy kế», «Số liệu», «Ghi chú», a period, one of the form's own headers…) in either header row,
 * and in the rows values of the rows' kind — some copied from the column beside, some blank.
 * Merges widen as Excel widens them when a column is inserted inside one.
 *
 * "Names the column": an issue whose cell is in that column, or whose message says «cột X».
 */
import fc from "fast-check";
import { findForm, FORMS } from "../../src/catalog";
import type { Form } from "../../src/catalog/schema";
import { columnLetters, parseA1, type MergeRange } from "../../src/core/grid";
import type { Issue } from "../../src/core/issues";
import { parseCell } from "../../src/core/parse";
import { recogniseSheet } from "../../src/core/recognise";
import { effectiveKind } from "../../src/core/validate";
import { naiveSheet, PERIODIC, retypedPeriodic, toGrid, type V } from "../support/retyped";

interface Base {
  name: string;
  form: Form;
  rows: V[][];
  merges: MergeRange[];
  headerRows: number[];
}

function base(name: string, form: Form, sheet: { rows: V[][]; merges: MergeRange[] }, headerRows: number[]): Base {
  return { name, form, rows: sheet.rows, merges: sheet.merges, headerRows };
}

const periodic = retypedPeriodic({ header: "ky-truoc-ky-nay", top: ["Phụ lục", "THỐNG KÊ SỐ LIỆU CCHC QUÝ III NĂM 2026"] });
const moved = retypedPeriodic({ header: "ky-nay-luy-ke", top: ["UBND XÃ IA PA", null, "THỐNG KÊ SỐ LIỆU CCHC 6 THÁNG ĐẦU NĂM 2026"], at: { row: 19, col: 2 } });
const BASES: Base[] = [
  base("periodic, «Số liệu» over «Kỳ trước | Kỳ này»", PERIODIC, periodic, [periodic.firstBodyRow - 2, periodic.firstBodyRow - 1]),
  base("periodic at C20, «Số liệu» over «Kỳ này | Lũy kế»", PERIODIC, moved, [moved.firstBodyRow - 2, moved.firstBodyRow - 1]),
  ...[
    "bao-cao-dinh-ky.thong-ke",
    "tk2011-2020.huyen.pl3",
    "tk2011-2020.tinh.pl4-iii",
    "tk2011-2020.xa.pl3",
    "tk2011-2020.huyen.pl4",
    "tk2011-2020.huyen.pl8",
    "par-index-2023-2025.huyen.nhiem-vu",
  ].map((id) => {
    const form = findForm(id)!;
    const sheet = naiveSheet(form);
    return base(`${id}, typed plainly`, form, sheet, sheet.headerRows);
  }),
];

type Read = Map<string, string>;

/** Every bound input cell with something in it: "rowId/columnId" → its value as text. */
function readValues(r: ReturnType<typeof recogniseSheet>): Read {
  const out: Read = new Map();
  if (r.status !== "recognised") return out;
  for (const [rowId, cols] of r.filled.cells)
    for (const [colId, cell] of cols) {
      const v = cell.raw?.value;
      if (v !== null && v !== undefined && String(v).trim() !== "") out.set(`${rowId}/${colId}`, String(v));
    }
  return out;
}

function names(issue: Issue, letter: string): boolean {
  const at = parseA1(issue.cell);
  return (at !== undefined && columnLetters(at.col) === letter) || new RegExp(`cột ${letter}(?![A-Z])`).test(issue.message);
}

/** The sheet with a column inserted at `k`: its header text in header row `headerAt`, `values` in the body. */
function insert(b: Base, k: number, header: string, headerAt: number, values: (V | "copy")[]): { rows: V[][]; merges: MergeRange[] } {
  const bodyStart = b.headerRows[b.headerRows.length - 1] + 1;
  const rows = b.rows.map((row, r) => {
    const copy = [...row];
    while (copy.length < k) copy.push(null);
    let v: V = null;
    if (r === b.headerRows[headerAt]) v = header || null;
    else if (r >= bodyStart) {
      const x = values[(r - bodyStart) % values.length];
      v = x === "copy" ? (copy[k] ?? copy[k - 1] ?? null) : x;
    }
    copy.splice(k, 0, v);
    return copy;
  });
  const merges = b.merges.map((m) => (m.left >= k ? { ...m, left: m.left + 1, right: m.right + 1 } : m.right >= k ? { ...m, right: m.right + 1 } : m));
  // A header typed into a merged cell's hidden part is not what a reader sees: drop it.
  for (const m of merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && c === k) rows[r][c] = null;
  return { rows, merges };
}

const HEADERS = ["", "Kỳ trước", "Kỳ này", "Lũy kế", "Kế hoạch", "Cùng kỳ năm trước", "Số liệu", "Ghi chú", "Ước thực hiện", "Quý II/2026", "Tỷ lệ (%)", "Đơn vị tính", "Năm 2019", "Cột phụ"];

/** Values of the rows' kinds: counts, percents, 0/1 and codes are all numbers; Đạt for status forms. */
const cellValue = (statusForm: boolean): fc.Arbitrary<V | "copy"> =>
  fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 1 }), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 5000 }), weight: 3 },
    { arbitrary: fc.constant<V | "copy">("copy"), weight: 2 },
    { arbitrary: fc.constant<V | "copy">(null), weight: 2 },
    { arbitrary: fc.constantFrom<V | "copy">(statusForm ? "Đạt" : 7, statusForm ? "Không đạt" : "12"), weight: 2 },
  );

describe.each(BASES.map((b) => [b.name, b] as const))("%s", (_name, b) => {
  const original = recogniseSheet(toGrid(b), FORMS);
  const before = readValues(original);

  it("is read correctly to begin with: its form, no column issue", () => {
    expect(original.status).toBe("recognised");
    if (original.status !== "recognised") return;
    expect(original.filled.form.id).toBe(b.form.id);
    expect(original.issues.filter((i) => i.code.startsWith("column") && i.code !== "column_ignored")).toEqual([]);
    expect(before.size).toBeGreaterThan(0);
  });

  it("an extra value-like column anywhere: read values change only with a warning naming it, and unread it is named", () => {
    const width = Math.max(...b.rows.map((r) => r.length));
    const statusForm = b.form.rows.some((r) => r.kind === "status");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: width }),
        fc.constantFrom(...HEADERS, ...b.form.columns.map((c) => c.label), ...b.form.columns.flatMap((c) => (c.group ? [c.group] : []))),
        fc.integer({ min: 0, max: b.headerRows.length - 1 }),
        fc.array(cellValue(statusForm), { minLength: 1, maxLength: 7 }),
        (k, header, headerAt, values) => {
          if (original.status !== "recognised") return;
          const sheet = insert(b, k, header, headerAt, values);
          const letter = columnLetters(k);
          const after = recogniseSheet(toGrid(sheet), FORMS);
          expect(after.status).toBe("recognised");
          if (after.status !== "recognised") return;
          const named = after.issues.some((i) => i.severity === "warning" || i.severity === "error" ? names(i, letter) : false);
          const changed = [...readValues(after)].filter(([key, v]) => before.get(key) !== v);
          if (changed.length) expect({ letter, header, changed: changed.slice(0, 3), named }).toEqual({ letter, header, changed: changed.slice(0, 3), named: true });
          // Value-like and not read (nor taken as the STT column): named.
          const bound = Object.values(after.details.columns).includes(k) || after.details.sttColumn === k;
          const valueLike = [...original.filled.rowIndex].some(([rowId, r]) => {
            const row = b.form.rows.find((x) => x.id === rowId)!;
            const v = sheet.rows[r]?.[k];
            const kind = effectiveKind(row, b.form.columns.find((c) => c.role === "value")!);
            if (v === null || v === undefined || kind === "heading" || kind === "text") return false;
            const p = parseCell({ value: v }, kind, row);
            return p.type === "number" || p.type === "code" || p.type === "status";
          });
          if (valueLike && !bound) expect({ letter, header, named }).toEqual({ letter, header, named: true });
        },
      ),
      { numRuns: 60 },
    );
  }, 300_000);
});
