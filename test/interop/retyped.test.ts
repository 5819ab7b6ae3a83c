/**
 * Proof of issue 14: the periodic statistics form retyped by units the way officers do it,
 * written by openpyxl (.xlsx) and typed from scratch in real LibreOffice (.ods, .xls), read by
 * `cchc validate` and `cchc rollup` (through main()):
 * - «Số liệu» over «Kỳ trước | Kỳ này» (two header rows): this period read, the other named as ignored;
 * - «Số liệu» over «Kỳ này | Lũy kế», the table moved to C20;
 * - «Số liệu» over two unlabeled sub-columns: a decision, nothing read silently;
 * - the unit only in the «(Kèm theo Báo cáo … của UBND phường …)» line (text in NFD), or only in
 *   the heading («ỦY BAN NHÂN DÂN» / «XÃ ĐAK SMAR» on two lines of one cell);
 * - the period in the title forms above the table (quý, 6 tháng đầu năm, a cut-off date range);
 * - a Q2 report in a Q3 rollup: warned, listed in the status sheet, left out of the totals,
 *   which this test computes on its own from what the units typed.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { rowAppliesAt } from "../../src/catalog";
import type { ValidatedFile } from "../../src/cli/commands/validate";
import type { UnitJson } from "../../src/core/consolidate";
import { a1 } from "../../src/core/grid";
import { readRollupMarker, STATUS_COLUMNS } from "../../src/core/rollup-layout";
import { readWorkbook } from "../../src/xlsx/read";
import { libreOfficeNew, tempDir, type NewWorkbook } from "../support/libreoffice";
import { openpyxlWrite } from "../support/openpyxl";
import { ATTACHED_HOA_KHANH, mergeRanges, PERIODIC, retypedPeriodic, TITLE_Q3, type RetypedOptions, type RetypedSheet } from "../support/retyped";
import { runCli } from "../support/cli";

const dir = tempDir("cchc-retyped-");
const nfd = (s: string) => s.normalize("NFD");

interface Variant {
  file: string;
  writer: "openpyxl" | "libreoffice";
  options: RetypedOptions;
  /** Text as NFD (a Word paste). */
  nfd?: boolean;
  sheet?: RetypedSheet;
}

const V: Record<string, Variant> = {
  kyTruocKyNay: {
    file: "ia-pa-ky-truoc-ky-nay.xlsx",
    writer: "openpyxl",
    options: { header: "ky-truoc-ky-nay", unit: 0, top: ["UBND XÃ IA PA", "Phụ lục", TITLE_Q3] },
  },
  kyNayLuyKe: {
    file: "ia-ma-ky-nay-luy-ke.ods",
    writer: "libreoffice",
    options: { header: "ky-nay-luy-ke", unit: 1, top: ["UBND XÃ IA MA", null, TITLE_Q3], at: { row: 19, col: 2 } },
  },
  attached: {
    file: "v4.xlsx",
    writer: "openpyxl",
    nfd: true,
    options: { header: "plain", unit: 2, top: ["Phụ lục", TITLE_Q3, ATTACHED_HOA_KHANH] },
  },
  heading: {
    file: "dak-smar.xls",
    writer: "libreoffice",
    options: { header: "ky-truoc-ky-nay", unit: 3, top: ["ỦY BAN NHÂN DÂN\nXÃ ĐAK SMAR", "THỐNG KÊ SỐ LIỆU CCHC", "(Số liệu tính từ ngày 15/6/2026 đến ngày 14/9/2026)"] },
  },
  unlabeled: {
    file: "ia-tul-hai-cot.xlsx",
    writer: "openpyxl",
    options: { header: "two-unlabeled", unit: 4, top: ["UBND XÃ IA TUL", TITLE_Q3] },
  },
  q2: {
    file: "chu-rcam-quy-2.ods",
    writer: "libreoffice",
    options: { header: "plain", unit: 5, top: ["UBND XÃ CHƯ RCĂM", "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC QUÝ II NĂM 2026"] },
  },
  halfYear: {
    file: "krong-nang-6-thang.xlsx",
    writer: "openpyxl",
    options: { header: "plain", unit: 6, top: ["UBND XÃ KRÔNG NĂNG", "BÁO CÁO KẾT QUẢ CÔNG TÁC CCHC 6 THÁNG ĐẦU NĂM 2026"] },
  },
};
const path = (v: Variant) => join(dir, v.file);
const ROLLUP = [V.kyTruocKyNay, V.kyNayLuyKe, V.attached, V.heading, V.unlabeled, V.q2];
/** The units whose figures the Q3 rollup must hold. */
const USED = [V.kyTruocKyNay, V.kyNayLuyKe, V.attached, V.heading];

const run = runCli;

let validated: ValidatedFile[];
let rollup: { period: string | null; periodKey: string | null; periodSource: string | null; units: UnitJson[]; values: { form: string; row: string; column: string; value: unknown; reported: number; of: number }[] };
const output = join(dir, "tong-hop-quy-3.xlsx");

beforeAll(async () => {
  for (const v of Object.values(V)) v.sheet = retypedPeriodic(v.options);
  openpyxlWrite(
    Object.values(V)
      .filter((v) => v.writer === "openpyxl")
      .map((v) => ({
        path: path(v),
        sheets: [{ name: "Sheet1", rows: v.sheet!.rows.map((row) => row.map((x) => (v.nfd && typeof x === "string" ? nfd(x) : x))), merges: mergeRanges(v.sheet!.merges) }],
      })),
  );
  const typed: NewWorkbook[] = Object.values(V)
    .filter((v) => v.writer === "libreoffice")
    .map((v) => ({
      sheet: "Biểu thống kê",
      fills: v.sheet!.rows.flatMap((row, r) => row.flatMap((x, c) => (x === null ? [] : [{ cell: a1(r, c), value: x }]))),
      merges: mergeRanges(v.sheet!.merges),
      outputs: [{ path: path(v), format: v.file.endsWith(".xls") ? ("xls" as const) : ("ods" as const) }],
    }));
  libreOfficeNew(typed);

  const v = await run("validate", ...Object.values(V).map(path), "--json");
  validated = (JSON.parse(v.out) as { files: ValidatedFile[] }).files;
  const r = await run("rollup", ...ROLLUP.map(path), "-o", output, "--json");
  if (r.code !== 0) throw new Error(`cchc rollup: exit ${r.code}: ${r.err}`);
  rollup = JSON.parse(r.out) as typeof rollup;
}, 600_000);

const fileOf = (v: Variant) => validated.find((f) => f.file === path(v))!;
const sheetOf = (v: Variant) => fileOf(v).sheets[0];
const unitOf = (v: Variant) => rollup.units.find((u) => u.file === path(v))!;

describe("cchc validate on each retyped file", () => {
  it("recognises every file as the periodic statistics form", () => {
    for (const v of Object.values(V)) expect({ file: v.file, form: sheetOf(v)?.form }).toEqual({ file: v.file, form: PERIODIC.id });
  });

  it("«Số liệu» over «Kỳ trước | Kỳ này» (openpyxl, .xlsx): this period read, the other column named as ignored", () => {
    const s = sheetOf(V.kyTruocKyNay);
    expect(s.status).toBe("ok");
    const ignored = fileOf(V.kyTruocKyNay).issues.filter((i) => i.code === "column_ignored");
    expect(ignored.map((i) => i.cell)).toEqual([a1(V.kyTruocKyNay.sheet!.firstBodyRow - 1, V.kyTruocKyNay.sheet!.comparisonCol!)]);
    expect(ignored[0].message).toContain("Kỳ trước");
  });

  it("«Kỳ này | Lũy kế» at C20 (LibreOffice, .ods): «Lũy kế» named as ignored", () => {
    const s = V.kyNayLuyKe.sheet!;
    expect(sheetOf(V.kyNayLuyKe).status).toBe("ok");
    expect(fileOf(V.kyNayLuyKe).issues.filter((i) => i.code === "column_ignored").map((i) => i.cell)).toEqual([a1(s.firstBodyRow - 1, s.comparisonCol!)]);
  });

  it("two unlabeled sub-columns (openpyxl): a decision with both candidates, an error, and nothing read silently", () => {
    const s = sheetOf(V.unlabeled);
    expect(s.status).toBe("undecided");
    expect(s.decisions![0].candidates.map((c) => c.column)).toEqual(["D", "E"]);
    expect(fileOf(V.unlabeled).issues.filter((i) => i.code === "column_undecided" && i.severity === "error")).toHaveLength(1);
  });

  it("the unit from the «Kèm theo» line (NFD text) or from the heading, saying which", () => {
    expect(sheetOf(V.attached)).toMatchObject({ unit: "UBND phường Hòa Khánh", unitSource: "attached" });
    expect(sheetOf(V.heading)).toMatchObject({ unit: "ỦY BAN NHÂN DÂN XÃ ĐAK SMAR", unitSource: "heading" });
    expect(sheetOf(V.kyTruocKyNay)).toMatchObject({ unit: "UBND XÃ IA PA", unitSource: "heading" });
  });

  it("the period from the title forms, as printed and normalised", () => {
    expect(sheetOf(V.kyTruocKyNay)).toMatchObject({ period: "QUÝ III NĂM 2026", periodKey: "2026-Q3" });
    expect(sheetOf(V.heading)).toMatchObject({ period: "tính từ ngày 15/6/2026 đến ngày 14/9/2026", periodKey: "2026-Q3" });
    expect(sheetOf(V.halfYear)).toMatchObject({ period: "6 THÁNG ĐẦU NĂM 2026", periodKey: "2026-H1" });
    expect(sheetOf(V.q2)).toMatchObject({ periodKey: "2026-Q2" });
  });
});

describe("cchc rollup of the Q3 reports, with a Q2 report sent by mistake and an undecided sheet", () => {
  it("takes the period most units report", () => {
    expect(rollup).toMatchObject({ period: "Quý III năm 2026", periodKey: "2026-Q3", periodSource: "majority" });
  });

  it("names each unit as its report does, and where the name came from", () => {
    expect(USED.map((v) => [unitOf(v).unit, unitOf(v).unitSource, unitOf(v).status])).toEqual([
      ["UBND XÃ IA PA", "heading", "ok"],
      ["UBND XÃ IA MA", "heading", "ok"],
      ["UBND phường Hòa Khánh", "attached", "ok"],
      ["ỦY BAN NHÂN DÂN XÃ ĐAK SMAR", "heading", "ok"],
    ]);
  });

  it("warns about the Q2 report and leaves it out; leaves the undecided sheet out with its candidates", () => {
    expect(unitOf(V.q2)).toMatchObject({ status: "other-period", period: "QUÝ II NĂM 2026", periodKey: "2026-Q2" });
    expect(unitOf(V.q2).message).toContain("khác kỳ tổng hợp");
    expect(unitOf(V.unlabeled)).toMatchObject({ status: "undecided" });
    expect(unitOf(V.unlabeled).decisions![0].candidates.map((c) => c.column)).toEqual(["D", "E"]);
  });

  it("sums exactly this period's figures of the four units read — never a comparison column, never the Q2 report", () => {
    let checked = 0;
    const notCommune: string[] = [];
    for (const row of PERIODIC.rows) {
      if (row.kind !== "count" || row.rollup) continue;
      const got = rollup.values.find((x) => x.row === row.id && x.column === "Số liệu")!;
      const numbers = USED.map((v) => v.sheet!.expected.get(row.id)).filter((m): m is number => typeof m === "number");
      if (!rowAppliesAt(row, "xa")) {
        // the units are communes (xã, phường): a row they do not report is not consolidated, whatever they typed there
        expect({ row: row.id, value: got.value }).toEqual({ row: row.id, value: null });
        notCommune.push(row.id);
        continue;
      }
      expect({ row: row.id, value: got.value, reported: got.reported, of: got.of }).toEqual({
        row: row.id,
        value: numbers.length ? numbers.reduce((a, b) => a + b, 0) : null,
        reported: numbers.length,
        of: USED.length,
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
    expect(notCommune).toEqual(expect.arrayContaining(["vbqppl-kiem-tra", "bn-lanh-dao-phong-huyen"]));
  });

  it("lists the Q2 unit in the status sheet with its period, and each unit's name source", () => {
    const read = readWorkbook(new Uint8Array(readFileSync(output)), output);
    if (!read.ok) throw new Error(read.reason);
    const status = read.sheets.find((g) => readRollupMarker(g)?.kind === "status")!;
    const row = status.cells.find((r) => r?.[STATUS_COLUMNS.unit]?.value === "UBND XÃ CHƯ RCĂM")!;
    expect(row[STATUS_COLUMNS.period]?.value).toBe("QUÝ II NĂM 2026 (2026-Q2)");
    expect(row[STATUS_COLUMNS.status]?.value).toBe("Khác kỳ báo cáo");
    const attached = status.cells.find((r) => r?.[STATUS_COLUMNS.unit]?.value === "UBND phường Hòa Khánh")!;
    expect(attached[STATUS_COLUMNS.unitSource]?.value).toBe("dòng «Kèm theo Báo cáo … của …»");
    expect(status.cells[2]?.[2]?.value).toBe("Quý III năm 2026");
  });
});
