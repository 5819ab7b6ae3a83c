/**
 * Tổng hợp asks which column holds this period's figures (issue 14), in both backends without a
 * browser: a unit's sheet whose «Số liệu» could be one of two columns is left out and asked
 * about; the answer (sent back as `columnChoices`, remembered per unit and layout) brings it in;
 * the period units were compared with and a report of another period are reported.
 */
import { a1, parseA1 } from "../../src/core/grid";
import { layoutForm } from "../../src/core/layout";
import { NO_COLUMN } from "../../src/taskpane/backend";
import { ExcelBackend } from "../../src/taskpane/excel-backend";
import { StandaloneBackend } from "../../src/taskpane/standalone-backend";
import { createStandIn } from "../support/excel-standin";
import { PERIODIC, retypedPeriodic, retypedXlsx, TITLE_Q3, type RetypedSheet } from "../support/retyped";

const xlsx = async (name: string, sheet: RetypedSheet) => ({ name, bytes: await retypedXlsx(sheet) });

const NV_DE_RA = PERIODIC.rows.find((r) => r.id === "nv-de-ra")!;
const rollupCell = () => a1(layoutForm(PERIODIC).rowIndex.get(NV_DE_RA.id)!, layoutForm(PERIODIC).colIndex.get("so-lieu")!);

describe("StandaloneBackend", () => {
  const unlabeled = retypedPeriodic({ header: "two-unlabeled", top: ["UBND XÃ IA TUL", TITLE_Q3] });
  const other = retypedPeriodic({ header: "ky-truoc-ky-nay", unit: 1, top: ["UBND XÃ IA PA", TITLE_Q3] });

  test("a sheet with two unlabeled figure columns is left out and asked about; the answer brings it in", async () => {
    const files = [await xlsx("ia-tul.xlsx", unlabeled), await xlsx("ia-pa.xlsx", other)];
    const backend = new StandaloneBackend();
    const first = await backend.rollup({ files });
    expect(first.units.map((u) => [u.unit, u.status])).toEqual([
      ["UBND XÃ IA PA", "ok"],
      ["UBND XÃ IA TUL", "undecided"],
    ]);
    expect(first.units[1].statusLabel).toBe("Cần chọn cột số liệu");
    expect(first.questions).toHaveLength(1);
    const [q] = first.questions;
    expect(q).toMatchObject({ unit: "UBND XÃ IA TUL", file: "ia-tul.xlsx", sheet: "Biểu", form: "Phụ lục", column: "Số liệu" });
    expect(q.candidates.map((c) => c.letter)).toEqual(["D", "E"]);
    expect(first.period).toBe("Quý III năm 2026 (2026-Q3)");
    // Only Ia Pa is in the rollup meanwhile.
    const sheetOf = (r: typeof first) => backend.workspace.sheet(r.sheets[1].name)!;
    const at = (r: typeof first) => {
      const p = parseA1(rollupCell())!;
      return sheetOf(r).grid.cells[p.row]?.[p.col]?.value;
    };
    expect(at(first)).toBe(other.expected.get(NV_DE_RA.id));

    const second = await backend.rollup({ files, columnChoices: { [q.key]: unlabeled.currentCol } });
    expect(second.questions).toEqual([]);
    expect(second.units.map((u) => u.status)).toEqual(["ok", "ok"]);
    expect(at(second)).toBe((other.expected.get(NV_DE_RA.id) as number) + (unlabeled.expected.get(NV_DE_RA.id) as number));

    // «No column»: consolidated, with «Số liệu» left unreported for that unit.
    const third = await backend.rollup({ files, columnChoices: { [q.key]: NO_COLUMN } });
    expect(third.units.map((u) => u.status)).toEqual(["ok", "ok"]);
    expect(at(third)).toBe(other.expected.get(NV_DE_RA.id));
  });

  test("a Q2 report in a Q3 rollup is named, with both periods, and left out", async () => {
    const q2 = retypedPeriodic({ unit: 2, top: ["UBND XÃ CHƯ RCĂM", "THỐNG KÊ SỐ LIỆU CCHC QUÝ II NĂM 2026"] });
    const backend = new StandaloneBackend();
    const result = await backend.rollup({ files: [await xlsx("ia-pa.xlsx", other), await xlsx("chu-rcam.xlsx", q2)], period: "Quý III năm 2026" });
    const rcam = result.units.find((u) => u.unit === "UBND XÃ CHƯ RCĂM")!;
    expect(rcam).toMatchObject({ status: "other-period", statusLabel: "Khác kỳ báo cáo" });
    expect(rcam.message).toContain("QUÝ II NĂM 2026 (2026-Q2)");
    expect(result.period).toBe("Quý III năm 2026 (2026-Q3)");
  });
});

describe("ExcelBackend (Office.js stand-in)", () => {
  test("a unit sheet of the workbook with «Số liệu» typed twice is asked about, then read from the column chosen", async () => {
    const standIn = createStandIn({});
    const backend = new ExcelBackend({ run: (batch) => batch(standIn.context), features: standIn.features, meetsFloor: true });
    // «Số liệu» typed over two columns (no merge: Excel's reader hands over values only).
    const plain = retypedPeriodic({ top: ["UBND XÃ IA GRAI", TITLE_Q3] });
    const sheet = standIn.workbook.newSheet("Ia Grai");
    plain.rows.forEach((row, r) => {
      const copy = [...row];
      copy.splice(plain.currentCol + 1, 0, r === plain.firstBodyRow - 1 ? "Số liệu" : typeof row[plain.currentCol] === "number" ? 1 : null);
      copy.forEach((v, c) => v !== null && (sheet.edit(r, c).value = v));
    });
    const first = await backend.rollup({ files: [], sheets: [{ name: "Ia Grai" }] });
    expect(first.units.map((u) => u.status)).toEqual(["undecided"]);
    const [q] = first.questions;
    expect(q.candidates.map((c) => c.letter)).toEqual(["D", "E"]);
    expect(q.file).toBe("Trang tính «Ia Grai»");
    const second = await backend.rollup({ files: [], sheets: [{ name: "Ia Grai" }], columnChoices: { [q.key]: plain.currentCol } });
    expect(second.units.map((u) => u.status)).toEqual(["ok"]);
    expect(standIn.workbook.sheet(second.sheets[1].name).at(rollupCell()).value).toBe(plain.expected.get(NV_DE_RA.id));
  });
});
