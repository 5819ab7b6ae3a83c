/**
 * A commune's periodic CCHC report, as a commune officer and the province meet it through `cchc`.
 * Since 1/7/2025 the communes report their periodic statistics straight to the province, on the
 * province's template (bao-cao-dinh-ky.thong-ke): a template made for a commune marks the rows that
 * are not a commune's, a filled commune report validates without a false error or a wall of
 * warnings, a value typed in a row of another level is one `wrong_level` warning and is not
 * consolidated, and `cchc targets` evaluates the commune targets on the commune's own figures and
 * on the province's rollup of three communes. Every expected figure is computed here from what was
 * typed; the files are our templates filled and saved by LibreOffice (a writer that is not ours).
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { findForm, rowAppliesAt, type Form } from "../../src/catalog";
import { TARGETS, selectTargets } from "../../src/catalog/targets";
import { a1 } from "../../src/core/grid";
import { layoutForm } from "../../src/core/layout";
import { defaultSheetName } from "../../src/core/sheet-names";
import { readWorkbook } from "../../src/xlsx/read";
import { templateWorkbook } from "../../src/xlsx/templates";
import { runCli as run } from "../support/cli";
import { libreOfficeFill, tempDir } from "../support/libreoffice";

const BCDK: Form = findForm("bao-cao-dinh-ky.thong-ke")!;
const SHEET = defaultSheetName(BCDK);
const layout = layoutForm(BCDK);
const at = (row: string) => a1(layout.rowIndex.get(row)!, layout.colIndex.get("so-lieu")!);
const NOT_APPLICABLE = "Không áp dụng cho cấp xã";

/** Rows of the form a commune does not report (district and province rows), headings left aside. */
const NOT_COMMUNE = BCDK.rows.filter((r) => r.kind !== "heading" && !rowAppliesAt(r, "xa")).map((r) => r.id);
/** The procedure counts every commune of the province reports alike: one provincial list of commune-level procedures. */
const SHARED = [
  "tthc-cong-bo-moi", "tthc-bai-bo", "tong-tthc", "tthc-cap-xa", "tthc-cong-khai-dvc-qg", "tthc-md34-dvc-qg", "tthc-mot-cua",
  "tthc-lien-thong-cung-cap", "tthc-lien-thong-cac-cap", "tthc-tich-hop-dvc", "tthc-md34-dvc", "tthc-thanh-toan-tt", "tthc-md3", "tthc-md4",
];

type Typed = Record<string, string | number>;

/** Commune A's report: every commune row (3.1.3 is the template's formula, 3.3 is its one-stop count). */
const A: Typed = {
  "nv-de-ra": 12, "nv-hoan-thanh": 11, "vb-chi-dao": 3,
  "tong-don-vi": 5, "don-vi-da-kiem-tra": 2, "van-de-phat-hien": 3, "van-de-da-xu-ly": 2,
  "nv-duoc-giao": 4, "nv-giao-dung-han": 3, "nv-giao-qua-han": 1,
  "so-phieu-khao-sat": 120, "hinh-thuc-khao-sat": 2, "doi-thoai": 1,
  "vbqppl-ban-hanh": 1, "vbqppl-ra-soat": 4, "vbqppl-kien-nghi": 1, "vbqppl-da-xu-ly": 1,
  "tthc-cong-bo-moi": 2, "tthc-bai-bo": 1, "tthc-cap-xa": 105,
  "tthc-cong-khai-dvc-qg": 105, "tthc-md34-dvc-qg": 60, "tthc-mot-cua": 105, "tthc-lien-thong-cung-cap": 10, "tthc-lien-thong-cac-cap": 8,
  "tl-quy-trinh-noi-bo": "100%", "tl-quy-trinh-dien-tu": "95,5",
  "tl-dung-hen-xa": "99,5", "tl-dung-hen-dat-dai": 98, "tl-dung-hen-xay-dung": 100,
  "tthc-tich-hop-dvc": 105, "tthc-md34-dvc": 60, "tthc-thanh-toan-tt": 40,
  "bien-che-giao": 40, "bien-che-co-mat": 38, "hop-dong-ld": 2, "bien-che-tinh-gian": 0, "tl-bien-che-tinh-gian-2015": "10",
  "nlv-giao": 150, "nlv-co-mat": 146, "nlv-tinh-gian": 1, "tl-nlv-tinh-gian-2015": "5",
  "vtvl-co-quan": 4, "vtvl-don-vi-sn": 6, "vtvl-vi-pham": 0,
  "td-cong-chuc": 1, "td-cong-chuc-dac-biet": 0, "td-vien-chuc": 3, "td-vien-chuc-dac-biet": 0,
  "thi-tuyen-lanh-dao": 0, "kl-sncl": 0,
  "sncl-tu-chu-chi-tx-dt": 0, "sncl-tu-chu-chi-tx": 0, "sncl-tu-chu-mot-phan": 1, "sncl-nn-dam-bao": 5, "sncl-co-phan-hoa": 0,
  "tong-vb-di": 850, "tl-vb-dien-tu": 92, "tl-vb-dien-tu-va-giay": 8,
  "tl-mcdt-xa": 100, "tthc-md3": 10, "tthc-md4": 50, "tl-hs-md3": 20, "tl-hs-md4": "78,5",
};
/** Commune B also types its own on-time rate into the district's row 3.4.2 (a mistake of level). */
const WRONG_LEVEL = { row: "tl-dung-hen-huyen", value: 97 };
const B: Typed = {
  ...A,
  "nv-de-ra": 10, "nv-hoan-thanh": 8, "nv-duoc-giao": 2, "nv-giao-dung-han": 1, "nv-giao-qua-han": 0, "so-phieu-khao-sat": 80,
  "hinh-thuc-khao-sat": "Phát phiếu", "tl-dung-hen-xa": 98, "bien-che-giao": 24, "bien-che-co-mat": 24, "nlv-giao": 90, "nlv-co-mat": 80,
  "tong-vb-di": 400, "tl-vb-dien-tu": "80,5", "tl-hs-md4": 70,
};
const C: Typed = {
  ...A,
  "nv-de-ra": 20, "nv-hoan-thanh": 20, "nv-duoc-giao": 5, "nv-giao-dung-han": 4, "nv-giao-qua-han": 1, "so-phieu-khao-sat": 200,
  "tl-dung-hen-xa": 100, "bien-che-giao": 30, "bien-che-co-mat": 30, "nlv-giao": 100, "nlv-co-mat": 100,
  "tong-vb-di": 600, "tl-vb-dien-tu": 95, "tl-hs-md4": 90,
};
const COMMUNES = [
  { unit: "UBND xã Ia Hrú", typed: A },
  { unit: "UBND xã Ia O", typed: B },
  { unit: "UBND xã Ia Dom", typed: C },
];

/** What a typed value means ("99,5" → 99.5, "100%" → 100, "Phát phiếu" → its code 1). */
const num = (v: string | number | undefined): number => {
  if (typeof v === "number") return v;
  if (v === "Phát phiếu") return 1;
  return Number(String(v).replace("%", "").replace(",", "."));
};
const pct = (a: number, b: number) => (100 * a) / b;
const sum = (row: string) => COMMUNES.reduce((s, c) => s + num(c.typed[row]), 0);
const mean = (row: string) => sum(row) / COMMUNES.length;

const dir = tempDir("cchc-commune-periodic-");
const TEMPLATE_XA = join(dir, "mau-xa.xlsx");
const TEMPLATE_HUYEN = join(dir, "mau-huyen.xlsx");
const FILES = COMMUNES.map((_, i) => join(dir, `xa-${i + 1}.xlsx`));
const ROLLUP = join(dir, "tong-hop-tinh.xlsx");

let rollupJson: { units: { unit: string; status: string }[]; values: { row: string; value: number | string | null; display: string; reported: number }[] };

beforeAll(async () => {
  // The commune officers make their templates: A and B with their commune's name, C without (it types the name in).
  for (const [i, c] of COMMUNES.entries()) {
    const template = join(dir, `mau-${i + 1}.xlsx`);
    const made = await run("template", BCDK.id, "-o", template, ...(i < 2 ? ["--unit", c.unit] : []), "--period", "Quý III năm 2025");
    if (made.code !== 0) throw new Error(made.err);
    const fills = Object.entries(c.typed).map(([row, value]) => ({ sheet: SHEET, cell: at(row), value }));
    if (i === 1) fills.push({ sheet: SHEET, cell: at(WRONG_LEVEL.row), value: WRONG_LEVEL.value });
    if (i === 2) fills.push({ sheet: SHEET, cell: a1(layout.unitCell.row, layout.unitCell.col), value: c.unit });
    libreOfficeFill(template, fills, [{ path: FILES[i], format: "xlsx" }]);
  }
  writeFileSync(TEMPLATE_XA, await templateWorkbook([BCDK], { unit: "UBND xã Ia Hrú" }));
  writeFileSync(TEMPLATE_HUYEN, await templateWorkbook([BCDK], { unit: "UBND huyện Ia Grai" }));
  const rolled = await run("rollup", ...FILES, "-o", ROLLUP, "--unit", "UBND tỉnh Gia Lai", "--period", "Quý III năm 2025", "--json");
  if (rolled.code !== 0) throw new Error(rolled.err);
  rollupJson = JSON.parse(rolled.out);
}, 300_000);

test("the test fills every commune row a report requires, and only those", () => {
  const required = BCDK.rows.filter((r) => r.kind !== "heading" && !r.relation && r.required !== false && rowAppliesAt(r, "xa")).map((r) => r.id);
  expect(required.filter((id) => !(id in A))).toEqual([]);
  expect(Object.keys(A).filter((id) => NOT_COMMUNE.includes(id))).toEqual([]);
  // the rows that are not a commune's: the district's and province's (departments, district offices and
  // procedures, province-wide systems), never the commune's own records, staff or procedures
  expect(NOT_COMMUNE).toEqual(expect.arrayContaining(["tthc-cap-so", "tthc-cap-huyen", "tl-dung-hen-so", "tl-dung-hen-huyen", "bn-lanh-dao-phong-huyen"]));
  expect(NOT_COMMUNE).not.toEqual(expect.arrayContaining(["tl-dung-hen-xa"]));
  for (const id of ["tthc-cap-xa", "tl-dung-hen-xa", "bien-che-co-mat", "tl-hs-md4", "so-phieu-khao-sat", "tong-vb-di"]) expect(NOT_COMMUNE).not.toContain(id);
});

describe("the template a commune makes (cchc template … --unit «UBND xã …»)", () => {
  test("rows that are not a commune's read «Không áp dụng cho cấp xã», locked; the commune's rows are empty input cells", async () => {
    const read = readWorkbook(new Uint8Array(readFileSync(join(dir, "mau-1.xlsx"))), "mau-1.xlsx");
    if (!read.ok) throw new Error(read.reason);
    const grid = read.sheets[0];
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.readFile(join(dir, "mau-1.xlsx"));
    const ws = xlsx.worksheets[0];
    const valueAt = (row: string) => {
      const p = layout.rowIndex.get(row)!;
      return grid.cells[p]?.[layout.colIndex.get("so-lieu")!]?.value ?? null;
    };
    for (const row of BCDK.rows.filter((r) => r.kind !== "heading")) {
      const locked = ws.getCell(at(row.id)).protection?.locked !== false;
      if (NOT_COMMUNE.includes(row.id)) expect({ row: row.id, value: valueAt(row.id), locked }).toEqual({ row: row.id, value: NOT_APPLICABLE, locked: true });
      else if (!row.relation) expect({ row: row.id, value: valueAt(row.id), locked }).toEqual({ row: row.id, value: null, locked: false });
    }
    expect(grid.cells[layout.unitCell.row][layout.unitCell.col]?.value).toBe("UBND xã Ia Hrú");
  });

  test("a district's template marks only the province's rows; a blank commune template is one «form is blank» warning", async () => {
    const read = readWorkbook(new Uint8Array(readFileSync(TEMPLATE_HUYEN)), "mau-huyen.xlsx");
    if (!read.ok) throw new Error(read.reason);
    const marked = BCDK.rows
      .filter((r) => read.sheets[0].cells[layout.rowIndex.get(r.id)!]?.[layout.colIndex.get("so-lieu")!]?.value === "Không áp dụng cho cấp huyện")
      .map((r) => r.id);
    expect(marked).toEqual(BCDK.rows.filter((r) => r.kind !== "heading" && !rowAppliesAt(r, "huyen")).map((r) => r.id));
    expect(marked).toEqual(expect.arrayContaining(["tthc-cap-so", "kl-lanh-dao-tinh"]));
    expect(marked).not.toContain("tthc-cap-huyen");
    const blank = await run("validate", TEMPLATE_XA, "--json");
    const issues = (JSON.parse(blank.out) as { files: { issues: { code: string }[] }[] }).files[0].issues;
    expect(issues.map((i) => i.code)).toEqual(["form_blank"]);
  });
});

describe("cchc validate on the communes' reports", () => {
  test("a commune that filled its rows has no error and no warning — with its template's marks, or with those rows left blank", async () => {
    for (const file of [FILES[0], FILES[2]]) {
      const r = await run("validate", file, "--json");
      expect(r.code).toBe(0);
      const f = (JSON.parse(r.out) as { files: { sheets: { form: string; unit: string }[]; issues: unknown[] }[] }).files[0];
      expect(f.sheets.map((s) => s.form)).toEqual([BCDK.id]);
      expect({ file, issues: f.issues }).toEqual({ file, issues: [] });
    }
    const text = await run("validate", FILES[2]);
    expect(text.out).toContain("không có lỗi hay cảnh báo");
  });

  test("a value typed in a district row is one wrong_level warning at its cell, no error", async () => {
    const r = await run("validate", FILES[1], "--json");
    expect(r.code).toBe(0);
    const issues = (JSON.parse(r.out) as { files: { issues: { cell: string; severity: string; code: string; message: string }[] }[] }).files[0].issues;
    expect(issues.map((i) => [i.cell, i.severity, i.code])).toEqual([[at(WRONG_LEVEL.row), "warning", "wrong_level"]]);
    expect(issues[0].message).toContain("không được tổng hợp");
    const text = await run("validate", FILES[1]);
    expect(text.out.split("\n").filter((l) => /^ {4}(Lỗi|Cảnh báo)/.test(l))).toHaveLength(1);
  });
});

describe("the province's rollup of the three communes (cchc rollup)", () => {
  const value = (row: string) => rollupJson.values.find((v) => v.row === row)!;

  test("every commune is consolidated; counts are summed, the provincial list of procedures is shared, rates averaged", () => {
    expect(rollupJson.units.map((u) => `${u.unit}: ${u.status}`).sort()).toEqual(COMMUNES.map((c) => `${c.unit}: ok`).sort());
    for (const row of BCDK.rows.filter((r) => r.kind === "count" && rowAppliesAt(r, "xa"))) {
      if (row.id === "tong-tthc") expect(value(row.id).value).toBe(num(A["tthc-cap-xa"])); // the template's total, = cấp xã at commune level
      else if (SHARED.includes(row.id)) expect({ row: row.id, value: value(row.id).value }).toEqual({ row: row.id, value: num(A[row.id]) });
      else if (row.id in A) expect({ row: row.id, value: value(row.id).value }).toEqual({ row: row.id, value: sum(row.id) });
    }
    expect(value("nv-de-ra").value).toBe(12 + 10 + 20);
    expect(value("tl-dung-hen-xa").value).toBeCloseTo(mean("tl-dung-hen-xa"), 8);
    expect(value("tl-dung-hen-xa").display).toMatch(/^≈ /);
    // the share of documents sent electronically, weighted by the documents each commune sent
    const weighted = COMMUNES.reduce((s, c) => s + num(c.typed["tl-vb-dien-tu"]) * num(c.typed["tong-vb-di"]), 0) / sum("tong-vb-di");
    expect(value("tl-vb-dien-tu").value).toBeCloseTo(weighted, 8);
  });

  test("the value typed in the district row is not consolidated, nor is any row that is not a commune's", () => {
    expect(value(WRONG_LEVEL.row)).toMatchObject({ value: null, display: "" });
    for (const row of NOT_COMMUNE) expect({ row, value: value(row).value }).toEqual({ row, value: null });
    // the targets of the communes' on-time rate read the commune row only
    expect(value("tl-dung-hen-xa").value).not.toBeCloseTo((num(A["tl-dung-hen-xa"]) + WRONG_LEVEL.value + num(C["tl-dung-hen-xa"])) / 3, 2);
  });
});

// ---------------------------------------------------------------------------------------------
interface ResultJson {
  target: string;
  status: "met" | "not-met" | "no-data";
  selfAssessment: boolean;
  reason: string | null;
  value: number | null;
  approximate: boolean;
  cells: { row: string; cell: string | null }[];
  howToAssess: string | null;
  message: string;
  programme: string;
}
interface TargetsJson {
  level: string;
  results: ResultJson[];
}

/** The commune targets the periodic form measures, with the value computed here and the wording's rule. */
const measured = (v: (row: string) => number): [string, number, (x: number) => boolean, string[]][] => [
  ["par.hoan-thanh-ke-hoach", pct(v("nv-hoan-thanh"), v("nv-de-ra")), (x) => x >= 100, ["nv-hoan-thanh", "nv-de-ra"]], // "Hoàn thành 100%"
  ["par.nhiem-vu-tinh-giao", pct(v("nv-giao-dung-han") + v("nv-giao-qua-han"), v("nv-duoc-giao")), (x) => x >= 100, ["nv-giao-dung-han", "nv-giao-qua-han", "nv-duoc-giao"]],
  ["par.mot-cua", pct(v("tthc-mot-cua"), v("tong-tthc")), (x) => x >= 100, ["tthc-mot-cua", "tong-tthc"]], // "100% thủ tục … một cửa"
  ["par.dung-han-xa", v("tl-dung-hen-xa"), (x) => x > 99, ["tl-dung-hen-xa"]], // "Trên 99%"
  ["par.bien-che-hanh-chinh", pct(v("bien-che-co-mat"), v("bien-che-giao")), (x) => x <= 100, ["bien-che-co-mat", "bien-che-giao"]], // "không vượt quá"
  ["par.nguoi-lam-viec-sncl", pct(v("nlv-co-mat"), v("nlv-giao")), (x) => x <= 100, ["nlv-co-mat", "nlv-giao"]],
  ["par.ho-so-toan-trinh-80", v("tl-hs-md4"), (x) => x > 80, ["tl-hs-md4"]], // "Trên 80%"
];

async function targets(file: string): Promise<{ json: TargetsJson; text: string }> {
  const j = await run("targets", file, "--json");
  const t = await run("targets", file);
  if (j.code !== 0 || t.code !== 0) throw new Error(j.err || t.err);
  return { json: JSON.parse(j.out) as TargetsJson, text: t.out };
}

describe("cchc targets on a commune's periodic report (no --level)", () => {
  let json: TargetsJson;
  let text: string;
  beforeAll(async () => ({ json, text } = await targets(FILES[0])));

  test("the commune targets the form measures, on the commune's own figures", () => {
    expect(json.level).toBe("xa");
    const cases = measured((row) => (row === "tong-tthc" ? num(A["tthc-cap-xa"]) : num(A[row])));
    expect(json.results.filter((r) => !r.selfAssessment).map((r) => r.target)).toEqual(cases.map((c) => c[0]));
    for (const [id, v, rule, rows] of cases) {
      const r = json.results.find((x) => x.target === id)!;
      expect({ id, status: r.status, rows: r.cells.map((c) => [c.row, c.cell]) }).toEqual({ id, status: rule(v) ? "met" : "not-met", rows: rows.map((row) => [row, at(row)]) });
      expect(r.value).toBeCloseTo(v, 8);
    }
    expect(Object.fromEntries(json.results.filter((r) => !r.selfAssessment).map((r) => [r.target, r.status]))).toEqual({
      "par.hoan-thanh-ke-hoach": "not-met", // 11 of 12 tasks
      "par.nhiem-vu-tinh-giao": "met",
      "par.mot-cua": "met",
      "par.dung-han-xa": "met", // 99,5%
      "par.bien-che-hanh-chinh": "met",
      "par.nguoi-lam-viec-sncl": "met",
      "par.ho-so-toan-trinh-80": "not-met", // 78,5%
    });
  });

  test("every other 2023-2025 commune target is «cần tự đánh giá» with where to find the figure; nothing is met without a value", () => {
    const self = json.results.filter((r) => r.selfAssessment && r.programme === "par-sipas-2023-2025");
    expect(self.map((r) => r.target)).toEqual(
      selectTargets(TARGETS, { level: "xa", programme: "par-sipas-2023-2025" }).filter((t) => !t.metric).map((t) => t.id),
    );
    expect(self.map((r) => r.target)).toEqual(expect.arrayContaining(["par.so-hoa-xa", "par.sipas-90", "par.xin-loi-tre-hen"]));
    for (const r of self) {
      expect({ id: r.target, status: r.status, value: r.value }).toEqual({ id: r.target, status: "no-data", value: null });
      expect(r.howToAssess).toMatch(/^[A-ZĐ].{30,}/u);
      expect(r.message).toContain(r.howToAssess!);
    }
    expect(json.results.find((r) => r.target === "par.so-hoa-xa")!.howToAssess).toContain("Hệ thống thông tin giải quyết TTHC");
    for (const r of json.results.filter((x) => x.status === "met")) expect(typeof r.value).toBe("number");
  });

  test("the text names no district form and sends the commune nowhere it does not report", () => {
    const flat = text.replace(/\n {4,}/g, " ");
    expect(flat).toContain("báo cáo cấp xã.");
    expect(flat).toMatch(/Kết quả \d+ chỉ tiêu: Chưa đạt 2 · Đạt 5 · Chưa có số liệu 0 · Cần tự đánh giá \d+/);
    expect(flat).not.toMatch(/tk2011-2020\.huyen|Chưa có số liệu: không có|cấp huyện \(/);
    for (const f of ["tk2011-2020.huyen.pl1", "tk2011-2020.huyen.pl7"]) expect(flat).not.toContain(findForm(f)!.title);
    expect(flat).toContain("Cách tự đánh giá: Lấy tỷ lệ số hóa hồ sơ");
    for (const l of text.split("\n")) expect(l.length).toBeLessThanOrEqual(100);
  });
});

describe("cchc targets on the province's rollup of the three communes", () => {
  let json: TargetsJson;
  beforeAll(async () => ({ json } = await targets(ROLLUP)));

  test("checked at the communes' level, on the consolidated figures: sums of the parts, shared lists, means marked approximate", () => {
    expect(json.level).toBe("xa");
    const cases = measured((row) => (SHARED.includes(row) ? num(row === "tong-tthc" ? A["tthc-cap-xa"] : A[row]) : sum(row)));
    // rates the form holds without their counts are the rollup's plain mean, read to the two decimals it prints
    const approximate = new Set(["par.dung-han-xa", "par.ho-so-toan-trinh-80"]);
    const byMean: Record<string, number> = { "par.dung-han-xa": mean("tl-dung-hen-xa"), "par.ho-so-toan-trinh-80": mean("tl-hs-md4") };
    expect(json.results.filter((r) => !r.selfAssessment).map((r) => r.target)).toEqual(cases.map((c) => c[0]));
    for (const [id, v0, rule] of cases) {
      const v = byMean[id] ?? v0;
      const r = json.results.find((x) => x.target === id)!;
      expect({ id, status: r.status, approximate: r.approximate }).toEqual({ id, status: rule(Number(v.toFixed(2))) ? "met" : "not-met", approximate: approximate.has(id) });
      expect(r.value).toBeCloseTo(v, approximate.has(id) ? 2 : 8);
    }
    expect(Object.fromEntries(json.results.filter((r) => !r.selfAssessment).map((r) => [r.target, r.status]))).toEqual({
      "par.hoan-thanh-ke-hoach": "not-met", // 39 of 42 tasks
      "par.nhiem-vu-tinh-giao": "not-met", // 10 of 11
      "par.mot-cua": "met",
      "par.dung-han-xa": "met", // ≈ 99,17%
      "par.bien-che-hanh-chinh": "met",
      "par.nguoi-lam-viec-sncl": "met",
      "par.ho-so-toan-trinh-80": "not-met", // ≈ 79,5%
    });
  });
});
