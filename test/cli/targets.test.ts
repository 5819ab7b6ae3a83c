/**
 * `cchc targets FILE` as a user runs it, through main() on real files: our templates filled by
 * LibreOffice (a writer that is not ours), and a rollup written by `cchc rollup`. Statuses are
 * checked target by target against values computed here by hand from what was typed, with the
 * comparator the Vietnamese wording gives ("Trên 99%" >, "tối thiểu 30%" ≥, "không vượt quá" ≤ …).
 *
 *   (a) seed 003 (Kbang, Q1 2021) against the 2023-2025 / 2025 targets that apply to a district;
 *   (b) three communes' Phụ lục 1, 7 and commune Phụ lục 3 rolled up, then the rollup evaluated;
 *   (c) a district Phụ lục 8 rated "Đạt" where the measured sub-target says "Không đạt";
 *   (d) --level, a file whose level cannot be told, unreadable files, --baseline.
 * (test/core/targets.test.ts covers every comparator on hand-built sheets; this file covers the
 * command, its JSON and its Vietnamese output, on files.)
 */
import { createHash } from "crypto";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { findForm, type Form } from "../../src/catalog";
import { TARGETS, selectTargets } from "../../src/catalog/targets";
import { a1 } from "../../src/core/grid";
import { layoutForm } from "../../src/core/layout";
import { defaultSheetName, uniqueSheetName } from "../../src/core/sheet-names";
import { readWorkbook } from "../../src/xlsx/read";
import { templateWorkbook } from "../../src/xlsx/templates";
import { SEED003_VALUES } from "../fixtures/seed003-values";
import { libreOfficeFill, tempDir, type Fill } from "../support/libreoffice";
import { runCli as run } from "../support/cli";

// ---------------------------------------------------------------------------------------------
// The command and its JSON (README: fields may be added, never renamed)

interface ResultJson {
  target: string;
  source: string;
  section: string | null;
  form: string | null;
  row: string | null;
  label: string | null;
  column: string | null;
  value: number | null;
  comparator: string;
  threshold: unknown;
  status: "met" | "not-met" | "no-data";
  selfAssessment: boolean;
  reason: string | null;
  criterion: string;
  year: number | "yearly";
  programme: string;
  verified: boolean;
  sheet: string | null;
  cell: string | null;
  cells: { row: string; value: number | null; sheet: string | null; cell: string | null }[];
  approximate: boolean;
  measured?: number | null;
  baseline?: number | null;
  wording: string;
  message: string;
}
interface RatingJson {
  form: string;
  row: string;
  stt: string;
  suggestion: "Đạt" | "Không đạt" | null;
  current: "Đạt" | "Không đạt" | null;
  currentText: string | null;
  disagrees: boolean;
  sheet: string | null;
  cell: string | null;
  targets: string[];
}
interface TargetsJson {
  file: string;
  level: "tinh" | "huyen" | "xa";
  sheets: { sheet: string; form: string; unit?: string; rollup: boolean }[];
  results: ResultJson[];
  ratings: RatingJson[];
}

async function targets(...argv: string[]): Promise<TargetsJson> {
  const r = await run("targets", ...argv, "--json");
  if (r.code !== 0) throw new Error(`cchc targets ${argv.join(" ")} → ${r.code}: ${r.err}`);
  return JSON.parse(r.out) as TargetsJson;
}
const byId = (json: TargetsJson) => new Map(json.results.map((r) => [r.target, r]));
/** The text output with wrapped lines joined again (it is wrapped at 100 columns). */
const unwrap = (out: string) => out.replace(/\n {4,}/g, " ");
/** The entry of the text output that ends with "[id, …]" (one result). */
const entryOf = (out: string, id: string): string => {
  const flat = unwrap(out);
  const end = flat.indexOf(`[${id},`);
  if (end < 0) return "";
  return flat.slice(flat.lastIndexOf("\n", end) + 1, flat.indexOf("]", end) + 1);
};
const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

// ---------------------------------------------------------------------------------------------
// Files: our template, typed into by LibreOffice

const form = (id: string): Form => {
  const f = findForm(id);
  if (!f) throw new Error(`no form ${id}`);
  return f;
};
const BCDK = form("bao-cao-dinh-ky.thong-ke");
const PL1 = form("tk2011-2020.huyen.pl1");
const PL7 = form("tk2011-2020.huyen.pl7");
const PL8 = form("tk2011-2020.huyen.pl8");
const XA_PL3 = form("tk2011-2020.xa.pl3");

/** A1 address of (row, column) of a form as our template (and our rollup sheet) lays it out. */
const cellOf = (f: Form, row: string, column: string): string => {
  const layout = layoutForm(f);
  const r = layout.rowIndex.get(row);
  const c = layout.colIndex.get(column);
  if (r === undefined || c === undefined) throw new Error(`${f.id}: no cell ${row}/${column}`);
  return a1(r, c);
};

type Typed = [Form, string, string, string | number];

/** Our template of `forms` (named as `cchc template` names them), typed into and saved by LibreOffice. */
async function typedWorkbook(path: string, forms: Form[], header: { unit?: string; period?: string }, typed: Typed[]): Promise<void> {
  const names: string[] = [];
  for (const f of forms) names.push(uniqueSheetName(defaultSheetName(f), names));
  const template = `${path}.template.xlsx`;
  writeFileSync(template, await templateWorkbook(forms, header));
  const fills: Fill[] = typed.map(([f, row, column, value]) => ({ sheet: names[forms.indexOf(f)], cell: cellOf(f, row, column), value }));
  libreOfficeFill(template, fills, [{ path, format: "xlsx" }]);
}

const dir = tempDir("cchc-targets-");
const SEED003_FILE = join(dir, "kbang-quy-1-2021.xlsx");
const ROLLUP_FILE = join(dir, "tong-hop-a-luoi.xlsx");
const PL8_FILE = join(dir, "kbang-tong-ket-2011-2020.xlsx");
const NO_LEVEL_FILE = join(dir, "khong-ro-cap.xlsx");
const COMMUNE_FILE = join(dir, "quang-nham-phu-luc-3.xlsx");
const PROVINCE_ROLLUP = join(dir, "tong-hop-tinh.xlsx");
/** The commune targets measured by the periodic statistics form (a commune form since 1/7/2025). */
const PERIODIC_XA = selectTargets(TARGETS, { level: "xa" }).filter((t) => t.metric?.form === BCDK.id).map((t) => t.id);
/** Quảng Nhâm's own ratings of the 16 goals (seed 002's Phụ lục 3): four goals Không đạt. */
const QUANG_NHAM_SHORT = [2, 6, 12, 13];

/** Seed 003's "Số liệu" as a number, read by hand ("100%" → 100, "3,7" → 3.7, "21.88" → 21.88). */
const n = (rowId: string): number => {
  const v = SEED003_VALUES.find((x) => x.rowId === rowId);
  if (!v) throw new Error(`seed 003 has no value for ${rowId}`);
  return Number(v.value.replace("%", "").replace(",", "."));
};
const pct = (a: number, b: number) => (100 * a) / b;
const at = (row: string) => cellOf(BCDK, row, "so-lieu");

/** Three communes of A Lưới: satisfaction with sample sizes (PL1), electronic documents and one-stop
 * records (PL7), and the 16 goals of the commune Phụ lục 3 rated Đạt / Không đạt (spelt as clerks do). */
const COMMUNES = [
  { unit: "UBND xã Hồng Kim", samples: 100, satisfaction: "90", documents: "95", oneStop: "100%" },
  { unit: "UBND xã A Roàng", samples: 300, satisfaction: "75", documents: "88", oneStop: "100" },
  { unit: "UBND xã Quảng Nhâm", samples: 50, satisfaction: "82,0", documents: "92,5", oneStop: "97" },
];
const ratedDat = (commune: number, goal: number) => (goal + commune) % 3 !== 0;
const spelling = (commune: number, dat: boolean) => (dat ? ["Đạt", "đạt", "Dat"][commune] : ["Không đạt", "không đạt", "Khong dat"][commune]);

beforeAll(async () => {
  // (a) seed 003 typed as printed, as text ("100%", "3,7", "21.88", "1 2").
  await typedWorkbook(
    SEED003_FILE,
    [BCDK],
    { unit: "UBND huyện Kbang", period: "Quý I năm 2021" },
    SEED003_VALUES.map(({ rowId, value }): Typed => [BCDK, rowId, "so-lieu", value]),
  );

  // (b) three communes, then `cchc rollup` as the district runs it.
  const communeFiles: string[] = [];
  for (const [i, c] of COMMUNES.entries()) {
    const file = join(dir, `xa-${i + 1}.xlsx`);
    await typedWorkbook(file, [PL1, PL7, XA_PL3], { unit: c.unit, period: "Năm 2020" }, [
      [PL1, "so-mau-khao-sat", "y2020q1", c.samples],
      [PL1, "muc-do-hai-long", "y2020q1", c.satisfaction],
      [PL7, "tl-vb-dien-tu", "y2020q1", c.documents],
      [PL7, "tl-ho-so-mot-cua-dien-tu", "y2020q1", c.oneStop],
      ...XA_PL3.rows.map((row, g): Typed => [XA_PL3, row.id, "danh-gia", spelling(i, ratedDat(i, g + 1))]),
    ]);
    communeFiles.push(file);
  }
  const rolled = await run("rollup", ...communeFiles, "-o", ROLLUP_FILE, "--unit", "UBND huyện A Lưới", "--period", "Năm 2020", "--json");
  if (rolled.code !== 0) throw new Error(`cchc rollup → ${rolled.code}: ${rolled.err}`);
  // Since 1/7/2025 the communes report straight to the province.
  const toProvince = await run("rollup", ...communeFiles, "-o", PROVINCE_ROLLUP, "--unit", "UBND tỉnh Thừa Thiên Huế", "--period", "Năm 2020");
  if (toProvince.code !== 0) throw new Error(`cchc rollup → ${toProvince.code}: ${toProvince.err}`);
  const units = (JSON.parse(rolled.out) as { units: { status: string }[] }).units;
  if (units.length !== 3 || units.some((u) => u.status !== "ok")) throw new Error(`rollup units: ${JSON.stringify(units)}`);

  // (c) a district's review: satisfaction 76 in 2019 and 78 in 2020 (PL1), all 16 goals rated (PL8),
  // goal 2 "Đạt" although 78 is not above 80, goal 5 "Không đạt".
  await typedWorkbook(PL8_FILE, [PL1, PL7, PL8], { unit: "UBND huyện Kbang", period: "Năm 2020" }, [
    [PL1, "so-mau-khao-sat", "y2019", 400],
    [PL1, "muc-do-hai-long", "y2019", "76"],
    [PL1, "so-mau-khao-sat", "y2020q1", 120],
    [PL1, "muc-do-hai-long", "y2020q1", "78"],
    [PL7, "tl-vb-dien-tu", "y2020q1", "95%"],
    ...PL8.rows.map((row): Typed => [PL8, row.id, "danh-gia", row.id === "mt05-hai-long-hanh-chinh" ? "Không đạt" : "Đạt"]),
  ]);

  // (e) one commune's own Phụ lục 3, the only appendix a commune's review has (seed 002), all 16 goals rated.
  await typedWorkbook(
    COMMUNE_FILE,
    [XA_PL3],
    { unit: "UBND xã Quảng Nhâm", period: "Năm 2020" },
    XA_PL3.rows.map((row, g): Typed => [XA_PL3, row.id, "danh-gia", QUANG_NHAM_SHORT.includes(g + 1) ? "Không đạt" : "Đạt"]),
  );

  // (d) the district/commune Phụ lục 1 (levels huyện and xã) with no unit: the level cannot be told.
  await typedWorkbook(NO_LEVEL_FILE, [PL1], {}, [
    [PL1, "so-mau-khao-sat", "y2020q1", 60],
    [PL1, "muc-do-hai-long", "y2020q1", "85"],
  ]);
});

// ---------------------------------------------------------------------------------------------
describe("(a) seed 003 (UBND huyện Kbang, Q1 2021) against the 2025 targets of a district", () => {
  let json: TargetsJson;
  let r: Map<string, ResultJson>;
  beforeAll(async () => {
    json = await targets(SEED003_FILE, "--baseline", "par.giam-sncl=52");
    r = byId(json);
  });

  test("the file is read as the district's periodic report, at district level", () => {
    expect(json.level).toBe("huyen");
    expect(json.sheets).toEqual([{ sheet: defaultSheetName(BCDK), form: BCDK.id, unit: "UBND huyện Kbang", rollup: false }]);
    // exactly the 2025 targets that apply to a district (not the other version of a contradictory one)
    const of2025 = json.results.filter((x) => x.year === 2025).map((x) => x.target);
    expect(of2025).toEqual(selectTargets(TARGETS, { level: "huyen", year: 2025 }).map((t) => t.id));
    expect(of2025).not.toContain("par.so-hoa-30");
    expect(of2025).toEqual(expect.arrayContaining(["par.so-hoa-huyen", "par.so-hoa-xa", "par.dung-han-xa"]));
  });

  test("every result carries the README's fields", () => {
    for (const x of json.results) {
      expect(Object.keys(x)).toEqual(
        expect.arrayContaining(["target", "source", "form", "row", "label", "column", "value", "comparator", "threshold", "status", "selfAssessment", "criterion", "verified", "sheet", "cell", "wording", "message"]),
      );
      expect(["met", "not-met", "no-data"]).toContain(x.status);
      expect(x.source.length).toBeGreaterThan(10);
    }
  });

  test("the measured targets, one by one, against values computed from the seed", () => {
    // [target, value by hand, rule of the wording (null: no rule can apply), cells read]
    const cases: [string, number | null, ((v: number) => boolean) | null, string[]][] = [
      // "At least 80 percent … online at levels 3 and 4" (unverified English summary): 84 / 487
      ["nq76.2025.dvc-muc-3-4", pct(n("tthc-md34-dvc"), n("tong-tthc")), (v) => v >= 80, [at("tthc-md34-dvc"), at("tong-tthc")]],
      // "Hoàn thành 100% nhiệm vụ CCHC": 24 / 30
      ["par.hoan-thanh-ke-hoach", pct(n("nv-hoan-thanh"), n("nv-de-ra")), (v) => v >= 100, [at("nv-hoan-thanh"), at("nv-de-ra")]],
      // "Kiểm tra tối thiểu 30%": 0 / 11
      ["par.kiem-tra-30", pct(n("don-vi-da-kiem-tra"), n("tong-don-vi")), (v) => v >= 30, [at("don-vi-da-kiem-tra"), at("tong-don-vi")]],
      // "100% các vấn đề phát hiện … được xử lý": 0 / 0, nothing to measure
      ["par.xu-ly-van-de-kiem-tra", null, null, [at("van-de-da-xu-ly"), at("van-de-phat-hien")]],
      // "Tổ chức ít nhất 01 Hội nghị đối thoại": the 0/1 row says 1 (held)
      ["par.doi-thoai", n("doi-thoai"), (v) => v >= 1, [at("doi-thoai")]],
      // "Hoàn thành 100% nhiệm vụ được UBND tỉnh … giao": (0 + 0) / 1
      ["par.nhiem-vu-tinh-giao", pct(n("nv-giao-dung-han") + n("nv-giao-qua-han"), n("nv-duoc-giao")), (v) => v >= 100, [at("nv-giao-dung-han"), at("nv-giao-qua-han"), at("nv-duoc-giao")]],
      // "100% thủ tục hành chính … một cửa": 487 / 487
      ["par.mot-cua", pct(n("tthc-mot-cua"), n("tong-tthc")), (v) => v >= 100, [at("tthc-mot-cua"), at("tong-tthc")]],
      // "Đạt 30 TTHC … liên thông cùng cấp": 478
      ["par.lien-thong-cung-cap", n("tthc-lien-thong-cung-cap"), (v) => v >= 30, [at("tthc-lien-thong-cung-cap")]],
      // "Đạt 15 TTHC … liên thông giữa các cấp": 9
      ["par.lien-thong-cac-cap", n("tthc-lien-thong-cac-cap"), (v) => v >= 15, [at("tthc-lien-thong-cac-cap")]],
      // "Trên 99% hồ sơ … đúng hạn": 100% (district) and 100% (communes)
      ["par.dung-han-huyen", n("tl-dung-hen-huyen"), (v) => v > 99, [at("tl-dung-hen-huyen")]],
      ["par.dung-han-xa", n("tl-dung-hen-xa"), (v) => v > 99, [at("tl-dung-hen-xa")]],
      // "giảm 10% số lượng đơn vị sự nghiệp công lập so với năm 2021": 0+0+0+47 units against 52 in 2021
      [
        "par.giam-sncl",
        pct(n("sncl-tu-chu-chi-tx-dt") + n("sncl-tu-chu-chi-tx") + n("sncl-tu-chu-mot-phan") + n("sncl-nn-dam-bao") - 52, 52),
        (v) => v <= -10,
        [at("sncl-tu-chu-chi-tx-dt"), at("sncl-tu-chu-chi-tx"), at("sncl-tu-chu-mot-phan"), at("sncl-nn-dam-bao")],
      ],
      // "Biên chế … không vượt quá … được giao": 71 / 78
      ["par.bien-che-hanh-chinh", pct(n("bien-che-co-mat"), n("bien-che-giao")), (v) => v <= 100, [at("bien-che-co-mat"), at("bien-che-giao")]],
      // "Số lượng người làm việc … không vượt quá": 967 / 1076
      ["par.nguoi-lam-viec-sncl", pct(n("nlv-co-mat"), n("nlv-giao")), (v) => v <= 100, [at("nlv-co-mat"), at("nlv-giao")]],
      // "Có thêm đơn vị … trong năm", "tăng dần …": last year's counts were not given
      ["par.them-sncl-tu-bao-dam", null, null, [at("sncl-tu-chu-chi-tx-dt"), at("sncl-tu-chu-chi-tx")]],
      ["par.them-sncl-mot-phan", null, null, [at("sncl-tu-chu-mot-phan")]],
      // "100% chế độ báo cáo … được kết nối": 1 = "Đang làm", not 2 = "Hoàn thành"
      ["par.he-thong-bao-cao", n("he-thong-bao-cao"), (v) => v === 2, [at("he-thong-bao-cao")]],
      // "Trên 80% hồ sơ TTHC của dịch vụ công trực tuyến toàn trình": "21.88"
      ["par.ho-so-toan-trinh-80", n("tl-hs-md4"), (v) => v > 80, [at("tl-hs-md4")]],
    ];
    const measured2025 = json.results.filter((x) => x.year === 2025 && !x.selfAssessment).map((x) => x.target);
    expect(measured2025).toEqual(cases.map((c) => c[0]));
    for (const [id, value, rule, cells] of cases) {
      const x = r.get(id)!;
      const expected = value === null || rule === null ? "no-data" : rule(value) ? "met" : "not-met";
      expect({ id, status: x.status }).toEqual({ id, status: expected });
      if (value === null) expect(x.value).toBeNull();
      else expect(x.value).toBeCloseTo(value, 8);
      expect({ id, cells: x.cells.map((c) => c.cell) }).toEqual({ id, cells });
      expect(x).toMatchObject({ sheet: defaultSheetName(BCDK), cell: cells[0], column: "Số liệu", form: BCDK.id, selfAssessment: false });
    }
    // the same, as the statuses a reader would list
    expect(Object.fromEntries(cases.map(([id]) => [id, r.get(id)!.status]))).toEqual({
      "nq76.2025.dvc-muc-3-4": "not-met",
      "par.hoan-thanh-ke-hoach": "not-met",
      "par.kiem-tra-30": "not-met",
      "par.xu-ly-van-de-kiem-tra": "no-data",
      "par.doi-thoai": "met",
      "par.nhiem-vu-tinh-giao": "not-met",
      "par.mot-cua": "met",
      "par.lien-thong-cung-cap": "met",
      "par.lien-thong-cac-cap": "not-met",
      "par.dung-han-huyen": "met",
      "par.dung-han-xa": "met",
      "par.giam-sncl": "not-met",
      "par.bien-che-hanh-chinh": "met",
      "par.nguoi-lam-viec-sncl": "met",
      "par.them-sncl-tu-bao-dam": "no-data",
      "par.them-sncl-mot-phan": "no-data",
      "par.he-thong-bao-cao": "not-met",
      "par.ho-so-toan-trinh-80": "not-met",
    });
    expect(r.get("par.dung-han-huyen")).toMatchObject({ comparator: ">", threshold: 99, criterion: "trên 99%" });
    expect(r.get("par.kiem-tra-30")).toMatchObject({ comparator: ">=", threshold: 30, criterion: "từ 30% trở lên", value: 0 });
    expect(r.get("par.bien-che-hanh-chinh")).toMatchObject({ comparator: "<=", threshold: 100 });
    expect(r.get("par.xu-ly-van-de-kiem-tra")).toMatchObject({ reason: "zero-denominator" });
    expect(r.get("par.them-sncl-tu-bao-dam")).toMatchObject({ reason: "no-baseline" });
    expect(r.get("par.giam-sncl")).toMatchObject({ measured: 47, baseline: 52 });
    expect(r.get("nq76.2025.dvc-muc-3-4")!.verified).toBe(false);
  });

  test("targets no row measures are listed as self-assessment, and nothing is met without a value", () => {
    const self = json.results.filter((x) => x.selfAssessment);
    expect(self.map((x) => x.target)).toEqual(
      expect.arrayContaining(["par.sipas-90", "par.so-hoa-huyen", "par.so-hoa-xa", "par.ho-so-cong-viec-50", "par.ho-so-truc-tuyen-80", "par.giam-chi-sncl", "nq76.2025.thanh-toan-truc-tuyen"]),
    );
    for (const x of self) expect({ id: x.target, status: x.status, value: x.value }).toEqual({ id: x.target, status: "no-data", value: null });
    for (const x of json.results.filter((y) => y.status === "met")) expect({ id: x.target, value: typeof x.value }).toEqual({ id: x.target, value: "number" });
    // the 2020 goals are listed too, without data: this file has no 2011-2020 appendix
    expect(r.get("nq30c.huyen.05.hai-long")).toMatchObject({ status: "no-data", reason: "form-missing", selfAssessment: false });
  });

  test("the Vietnamese output lists what falls short, with its cells, the criterion and the source", async () => {
    const { code, out } = await run("targets", SEED003_FILE, "--baseline", "par.giam-sncl=52");
    expect(code).toBe(0);
    expect(out).toContain("báo cáo cấp huyện");
    expect(out).not.toMatch(/cấp huyen\b/);
    expect(out).toMatch(/Chưa đạt \d+ · Đạt \d+ · Chưa có số liệu \d+ · Cần tự đánh giá \d+/);
    const line = (id: string) => entryOf(out, id);
    // the ratio names both of its cells, the row labels, the value, the criterion, the target and where it is printed
    expect(line("par.kiem-tra-30")).toContain(`trang «${defaultSheetName(BCDK)}», ô ${at("don-vi-da-kiem-tra")}, ${at("tong-don-vi")}`);
    expect(line("par.kiem-tra-30")).toContain("Chưa đạt: 0%, chỉ tiêu từ 30% trở lên");
    expect(line("par.kiem-tra-30")).toContain("Kế hoạch, mục III.1.c");
    expect(line("par.ho-so-toan-trinh-80")).toContain(`ô ${at("tl-hs-md4")}`);
    expect(line("par.ho-so-toan-trinh-80")).toContain("21,88%, chỉ tiêu trên 80%");
    expect(line("par.doi-thoai")).toContain("Đạt: 1 (Có)");
    expect(line("par.giam-sncl")).toContain("giảm 9,62% so với năm 2021");
    expect(line("nq76.2025.dvc-muc-3-4")).toContain("nguồn chưa kiểm chứng");
    const sections = ["Chưa đạt (", "Đạt (", "Chưa có số liệu (", "Cần tự đánh giá ("].map((h) => out.indexOf(`\n${h}`));
    expect(sections.every((i) => i > 0)).toBe(true);
    expect([...sections].sort((a, b) => a - b)).toEqual(sections);
    expect(unwrap(out)).toContain("  - par.sipas-90 (năm 2025): Chỉ số SIPAS đạt từ 90% trở lên");
    for (const l of out.split("\n")) expect(l.length).toBeLessThanOrEqual(100);
    expect(out).not.toMatch(/undefined|null|NaN|\[object/);
  });
});

// ---------------------------------------------------------------------------------------------
describe("(b) a rollup of three communes, evaluated target by target", () => {
  let json: TargetsJson;
  let r: Map<string, ResultJson>;
  beforeAll(async () => {
    json = await targets(ROLLUP_FILE);
    r = byId(json);
  });
  const sheetOf = (f: Form) => json.sheets.find((s) => s.form === f.id)!.sheet;

  test("the rollup sheets are recognised, and the figures are checked at the communes' level", () => {
    expect(json.sheets.map((s) => [s.form, s.rollup, s.unit])).toEqual([
      [PL1.id, true, "UBND huyện A Lưới"],
      [PL7.id, true, "UBND huyện A Lưới"],
      [XA_PL3.id, true, "UBND huyện A Lưới"],
    ]);
    // the consolidating unit is a district, but the figures are the communes': their copy of the goals applies
    expect(json.level).toBe("xa");
    expect(json.results.some((x) => x.target.startsWith("nq30c.huyen."))).toBe(false);
    expect(json.results.filter((x) => x.year === 2020).map((x) => x.target)).toEqual(
      selectTargets(TARGETS, { level: "xa", year: 2020 }).map((t) => t.id),
    );
  });

  test("statuses of the measured targets against values computed from the three communes", () => {
    // satisfaction, weighted by the samples: (90·100 + 75·300 + 82·50) / 450 = 79,11 — "trên 80%" is not met,
    // although the plain mean of the three rates (82,33) would pass
    const weighted = COMMUNES.reduce((s, c) => s + Number(c.satisfaction.replace(",", ".")) * c.samples, 0) / COMMUNES.reduce((s, c) => s + c.samples, 0);
    const plain = COMMUNES.reduce((s, c) => s + Number(c.satisfaction.replace(",", ".")), 0) / COMMUNES.length;
    expect(weighted).toBeLessThan(80);
    expect(plain).toBeGreaterThan(80);
    // electronic documents and one-stop records: the rollup's plain mean (no weights in PL7), marked approximate
    const mean = (k: "documents" | "oneStop") => COMMUNES.reduce((s, c) => s + Number(c[k].replace("%", "").replace(",", ".")), 0) / COMMUNES.length;
    const cases: [string, number, (v: number) => boolean, Form, string, boolean][] = [
      ["nq30c.xa.02.hai-long", weighted, (v) => v > 80, PL1, "muc-do-hai-long", false], // "đạt mức trên 80%"
      ["nq30c.xa.05.hai-long", weighted, (v) => v > 80, PL1, "muc-do-hai-long", false], // "đạt mức trên 80%"
      ["nq30c.xa.08.van-ban-dien-tu", mean("documents"), (v) => v >= 90, PL7, "tl-vb-dien-tu", true], // "90% …": 91,83
      ["nq30c.xa.11.mot-cua-dien-tu", mean("oneStop"), (v) => v >= 100, PL7, "tl-ho-so-mot-cua-dien-tu", true], // "100% …": 99
      ["nq30c.xa.13.van-ban-dien-tu", mean("documents"), (v) => v >= 90, PL7, "tl-vb-dien-tu", true],
    ];
    expect(json.results.filter((x) => x.status === "met" || x.status === "not-met").map((x) => x.target)).toEqual(cases.map((c) => c[0]));
    // the 2025 commune targets measured by the periodic form: this rollup has no periodic form — no data, the form named
    expect(json.results.filter((x) => x.status === "no-data" && !x.selfAssessment).map((x) => [x.target, x.reason, x.form])).toEqual(
      PERIODIC_XA.map((id) => [id, "form-missing", BCDK.id]),
    );
    for (const [id, value, rule, f, row, approximate] of cases) {
      const x = r.get(id)!;
      expect({ id, status: x.status, approximate: x.approximate }).toEqual({ id, status: rule(value) ? "met" : "not-met", approximate });
      // an approximate mean is read as the rollup prints it, to two decimals
      expect(x.value).toBeCloseTo(value, approximate ? 2 : 8);
      expect(x).toMatchObject({ form: f.id, row, sheet: sheetOf(f), cell: cellOf(f, row, "y2020q1"), column: "Năm 2020 (Tính đến 31/3)" });
    }
    expect(Object.fromEntries(cases.map(([id]) => [id, r.get(id)!.status]))).toEqual({
      "nq30c.xa.02.hai-long": "not-met",
      "nq30c.xa.05.hai-long": "not-met",
      "nq30c.xa.08.van-ban-dien-tu": "met",
      "nq30c.xa.11.mot-cua-dien-tu": "not-met",
      "nq30c.xa.13.van-ban-dien-tu": "met",
    });
    expect(r.get("nq30c.xa.08.van-ban-dien-tu")!.message).toContain("gần đúng");
    // everything else has no row: listed, never met
    for (const x of json.results.filter((y) => y.selfAssessment)) expect(x).toMatchObject({ status: "no-data", value: null });
  });

  test("the commune Phụ lục 3 of the rollup gets suggestions; the communes' own ratings are counted, not replaced", () => {
    const rating = (row: string) => json.ratings.find((x) => x.row === row)!;
    expect(json.ratings.map((x) => x.form)).toEqual(XA_PL3.rows.map(() => XA_PL3.id));
    const dat = (goal: number) => COMMUNES.filter((_, i) => ratedDat(i, goal)).length;
    expect(rating("hai-long-tthc")).toMatchObject({
      suggestion: "Không đạt",
      currentText: `Đạt: ${dat(2)}/3`,
      targets: ["nq30c.xa.02.hai-long"],
      sheet: sheetOf(XA_PL3),
      cell: cellOf(XA_PL3, "hai-long-tthc", "danh-gia"),
    });
    expect(rating("hai-long-hanh-chinh")).toMatchObject({ suggestion: "Không đạt", currentText: `Đạt: ${dat(5)}/3` });
    // goals with a clause no row measures get no suggestion, even when their measured clause is met
    expect(rating("van-ban-dien-tu-2020").suggestion).toBeNull();
    expect(rating("ho-so-truc-tuyen").suggestion).toBeNull();
    expect(json.ratings.filter((x) => x.suggestion).map((x) => x.row)).toEqual(["hai-long-tthc", "hai-long-hanh-chinh"]);
  });

  test("--level huyen evaluates the same rollup against the district's copy instead", async () => {
    const huyen = await targets(ROLLUP_FILE, "--level", "huyen");
    expect(huyen.level).toBe("huyen");
    expect(byId(huyen).get("nq30c.huyen.02.hai-long")).toMatchObject({ status: "not-met" });
    expect(huyen.results.some((x) => x.target.startsWith("nq30c.xa."))).toBe(false);
    expect(huyen.ratings).toEqual([]); // the commune Phụ lục 3 has no district goals
  });
});

// ---------------------------------------------------------------------------------------------
describe("(c) a district Phụ lục 8 rated «Đạt» where the measured sub-target says «Không đạt»", () => {
  test("the suggestion disagrees, the rating is named by its cell, and the file is not changed", async () => {
    const before = sha(PL8_FILE);
    const json = await targets(PL8_FILE);
    expect(json.level).toBe("huyen");
    // 2020 is preferred to 2019: 78 (Năm 2020, tính đến 31/3) is not "trên 80%"
    expect(byId(json).get("nq30c.huyen.02.hai-long")).toMatchObject({ status: "not-met", value: 78, cell: cellOf(PL1, "muc-do-hai-long", "y2020q1") });
    const rating = (row: string) => json.ratings.find((x) => x.row === row)!;
    const pl8Sheet = json.sheets.find((s) => s.form === PL8.id)!.sheet;
    expect(rating("mt02-hai-long-tthc")).toMatchObject({
      suggestion: "Không đạt",
      current: "Đạt",
      disagrees: true,
      sheet: pl8Sheet,
      cell: cellOf(PL8, "mt02-hai-long-tthc", "danh-gia"),
    });
    expect(rating("mt05-hai-long-hanh-chinh")).toMatchObject({ suggestion: "Không đạt", current: "Không đạt", disagrees: false });
    // goal 8: its 90% is met (95%) but other clauses have no figure → no suggestion, the user's "Đạt" stands unchallenged
    expect(byId(json).get("nq30c.huyen.08.van-ban-dien-tu")).toMatchObject({ status: "met", value: 95 });
    expect(rating("mt08-van-ban-dien-tu")).toMatchObject({ suggestion: null, current: "Đạt", disagrees: false });
    expect(json.ratings.filter((x) => x.disagrees).map((x) => x.row)).toEqual(["mt02-hai-long-tthc"]);

    const { code, out } = await run("targets", PL8_FILE);
    expect(code).toBe(0);
    const flat = unwrap(out);
    expect(flat).toContain("tệp không bị sửa");
    expect(flat).toContain(`Đánh giá 16 mục tiêu — ${PL8.appendix}, trang «${pl8Sheet}»: đơn vị ghi Đạt 15 · Không đạt 1 · chưa ghi 0;`);
    expect(flat).toMatch(
      new RegExp(`- Mục tiêu 2 \\(ô ${cellOf(PL8, "mt02-hai-long-tthc", "danh-gia")}\\) «[^»]+»: đơn vị ghi «Đạt»; gợi ý «Không đạt» — KHÁC với đánh giá của đơn vị, hãy xem lại\\.`),
    );
    expect(flat).toContain("nq30c.huyen.02.hai-long: Chưa đạt: 78%, chỉ tiêu trên 80%.");
    // the two goals short of the figures come first: goal 2 (suggested Không đạt) and goal 5 (rated Không đạt)
    const goals = [...flat.matchAll(/\n {2}- Mục tiêu (\d+) /g)].map((m) => Number(m[1]));
    expect(goals.slice(0, 2)).toEqual([2, 5]);
    expect([...goals].sort((a, b) => a - b)).toEqual(PL8.rows.map((_, i) => i + 1));

    // read only: same bytes, and the user's "Đạt" still in its cell
    expect(sha(PL8_FILE)).toBe(before);
    const read = readWorkbook(new Uint8Array(readFileSync(PL8_FILE)), PL8_FILE);
    if (!read.ok) throw new Error(read.reason);
    const grid = read.sheets.find((s) => s.sheet === pl8Sheet)!;
    const layout = layoutForm(PL8);
    expect(grid.cells[layout.rowIndex.get("mt02-hai-long-tthc")!][layout.colIndex.get("danh-gia")!]?.value).toBe("Đạt");
  });
});

// ---------------------------------------------------------------------------------------------
describe("(d) --level, files whose level cannot be told, unreadable files, --baseline", () => {
  test("--level overrides the level the file tells", async () => {
    const tinh = await targets(SEED003_FILE, "--level", "tinh");
    expect(tinh.level).toBe("tinh");
    expect(tinh.results.some((x) => x.target.startsWith("par."))).toBe(false); // the district plan does not apply
    expect(tinh.results.every((x) => !x.target.startsWith("nq30c.") || x.target.startsWith("nq30c.tinh."))).toBe(true);
    expect(byId(tinh).get("nq76.2025.dvc-muc-3-4")).toMatchObject({ status: "not-met", cell: at("tthc-md34-dvc") });
    const { out } = await run("targets", SEED003_FILE, "--level", "tinh");
    expect(out).toContain("báo cáo cấp tỉnh (theo --level)");
  });

  test("a file whose level cannot be told → exit 2 with the Vietnamese hint; --level then evaluates it", async () => {
    const before = sha(NO_LEVEL_FILE);
    for (const extra of [[], ["--json"]]) {
      const { code, out, err } = await run("targets", NO_LEVEL_FILE, ...extra);
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err).toContain(`Không xác định được cấp báo cáo của tệp «${NO_LEVEL_FILE}» (tỉnh, huyện hay xã); hãy thêm --level tinh|huyen|xa.`);
    }
    const xa = await targets(NO_LEVEL_FILE, "--level", "xa");
    expect(xa.level).toBe("xa");
    expect(byId(xa).get("nq30c.xa.05.hai-long")).toMatchObject({ status: "met", value: 85, cell: cellOf(PL1, "muc-do-hai-long", "y2020q1") });
    expect(sha(NO_LEVEL_FILE)).toBe(before);
    const bad = await run("targets", NO_LEVEL_FILE, "--level", "quan");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("Cấp «quan» không hợp lệ; dùng tinh, huyen hoặc xa.");
  });

  test("an unreadable or missing file, or one without any appendix → exit 2 with the reason", async () => {
    const garbage = join(dir, "hong.xlsx");
    writeFileSync(garbage, "đây không phải là bảng tính");
    const missing = join(dir, "khong-co.xlsx");
    const unrelated = join(dir, "danh-sach.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Danh sách").addRow(["Họ và tên", "Chức vụ"]);
    await wb.xlsx.writeFile(unrelated);
    for (const [file, reason] of [
      [garbage, `Không đọc được tệp «${garbage}»`],
      [missing, `Không đọc được tệp «${missing}»: không tìm thấy tệp hoặc thư mục.`],
      [unrelated, `Tệp «${unrelated}» không có phụ lục nào nhận dạng được.`],
    ]) {
      const { code, out, err } = await run("targets", file, "--json");
      expect({ file, code, out }).toEqual({ file, code: 2, out: "" });
      expect(err).toContain(reason);
    }
    const two = await run("targets", SEED003_FILE, PL8_FILE);
    expect(two.code).toBe(2);
    expect(two.err).toContain("Cần đúng một tệp");
  });

  test("--baseline: a change against 2021 is met or not with the user's figure, no-data without it", async () => {
    const units = n("sncl-tu-chu-chi-tx-dt") + n("sncl-tu-chu-chi-tx") + n("sncl-tu-chu-mot-phan") + n("sncl-nn-dam-bao"); // 47
    const giam = async (...argv: string[]) => byId(await targets(SEED003_FILE, ...argv)).get("par.giam-sncl")!;
    // "giảm 10% so với năm 2021": (47 − 53) / 53 = −11,3% is a cut of at least 10%; (47 − 52) / 52 = −9,6% is not
    expect(await giam("--baseline", "par.giam-sncl=53")).toMatchObject({ status: "met", measured: units, baseline: 53 });
    expect((await giam("--baseline", "par.giam-sncl=53")).value).toBeCloseTo(pct(units - 53, 53), 8);
    expect(await giam("--baseline=par.giam-sncl=52")).toMatchObject({ status: "not-met", measured: units, baseline: 52 });
    // the figure is read the Vietnamese way for the metric's kind (a count): "1.076" is 1076
    expect(await giam("--baseline", "par.giam-sncl=1.076")).toMatchObject({ status: "met", baseline: 1076 });
    const none = await giam();
    expect(none).toMatchObject({ status: "no-data", reason: "no-baseline", value: null, measured: units, baseline: null, selfAssessment: false });
    expect(none.message).toBe("Chưa đánh giá được: cần nhập số liệu năm 2021 làm mốc so sánh.");
    // "Có thêm đơn vị … trong năm" against last year's count, repeated --baseline
    const both = byId(await targets(SEED003_FILE, "--baseline", "par.giam-sncl=52", "--baseline", "par.them-sncl-tu-bao-dam=0"));
    expect(both.get("par.them-sncl-tu-bao-dam")).toMatchObject({ status: "not-met", value: 0, baseline: 0 }); // 0 + 0 units, none more than last year
    expect(both.get("par.giam-sncl")!.status).toBe("not-met");
  });

  test.each([
    [["--baseline", "par.giam-sncl"], "--baseline cần dạng MÃ_CHỈ_TIÊU=SỐ"],
    [["--baseline", "par.giam-snc=52"], "không có chỉ tiêu mã «par.giam-snc»"],
    [["--baseline", "par.kiem-tra-30=5"], "chỉ tiêu «par.kiem-tra-30» không so sánh với năm gốc"],
    [["--baseline", "par.giam-sncl=năm mươi"], "«năm mươi» không phải là một số hợp lệ"],
    [["--baseline", "par.giam-sncl=52,5"], "«52,5» không phải là một số hợp lệ"],
    [["--jsn"], "«--jsn»"],
  ])("usage error %p → exit 2 with a Vietnamese explanation", async (argv, text) => {
    const { code, out, err } = await run("targets", SEED003_FILE, ...argv);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toContain(text);
  });
});

// ---------------------------------------------------------------------------------------------
describe("(e) a commune: its own Phụ lục 3, and a province's rollup of its communes", () => {
  test("the commune's 16 goals come first with its own ratings, counted, «Không đạt» first; no district form is named", async () => {
    const { code, out } = await run("targets", COMMUNE_FILE);
    expect(code).toBe(0);
    const flat = unwrap(out);
    expect(flat).toContain("báo cáo cấp xã.");
    const summary = `Đánh giá 16 mục tiêu — ${XA_PL3.appendix}, trang «${defaultSheetName(XA_PL3)}»: đơn vị ghi Đạt 12 · Không đạt 4 · chưa ghi 0;`;
    expect(flat).toContain(summary);
    // the goals, before the list of targets, each once with the commune's own rating; its «Không đạt» first
    expect(flat.indexOf(summary)).toBeLessThan(flat.indexOf("Kết quả "));
    const goals = [...flat.matchAll(/\n {2}- Mục tiêu (\d+) \(ô ([A-Z]+\d+)\) «[^»]+»: đơn vị ghi «(Đạt|Không đạt)»; ([^\n]+)/g)];
    expect(goals.map((m) => Number(m[1]))).toEqual([...QUANG_NHAM_SHORT, ...XA_PL3.rows.map((_, i) => i + 1).filter((g) => !QUANG_NHAM_SHORT.includes(g))]);
    for (const [, goal, cell, rating, rest] of goals) {
      const g = Number(goal);
      expect({ g, cell, rating }).toEqual({ g, cell: cellOf(XA_PL3, XA_PL3.rows[g - 1].id, "danh-gia"), rating: QUANG_NHAM_SHORT.includes(g) ? "Không đạt" : "Đạt" });
      // no suggestion can be computed from a Phụ lục 3 alone: the reason is given instead
      expect(rest).toMatch(/^chưa gợi ý được: .*cần tự đánh giá/);
    }
    // nothing sends the commune to the district's appendices; what lacks data is its own periodic report
    expect(flat).not.toMatch(/tk2011-2020\.huyen|Phụ lục [1-8] «/);
    for (const f of [PL1, PL7]) expect(flat).not.toContain(f.title);
    expect(flat).toContain(`Chưa có số liệu ${PERIODIC_XA.length}`);
    const noData = flat.split("\n").filter((l) => l.includes("Chưa có số liệu: không có"));
    expect(noData).toHaveLength(PERIODIC_XA.length);
    for (const l of noData) expect(l).toContain(`không có ${BCDK.appendix} «${BCDK.title}»`);
    for (const l of out.split("\n")) expect(l.length).toBeLessThanOrEqual(100);
  });

  test("its JSON: the 16 ratings first, each with the commune's rating and why no suggestion; the PL1/PL7 clauses are «cần tự đánh giá»", async () => {
    const json = await targets(COMMUNE_FILE);
    expect(Object.keys(json).indexOf("ratings")).toBeLessThan(Object.keys(json).indexOf("results"));
    expect(json.ratings.map((r) => [r.row, r.current])).toEqual(XA_PL3.rows.map((row, g) => [row.id, QUANG_NHAM_SHORT.includes(g + 1) ? "Không đạt" : "Đạt"]));
    for (const r of json.ratings as (RatingJson & { why: string | null; attention: boolean })[]) {
      expect(r.suggestion).toBeNull();
      expect(r.why).toMatch(/^Chưa gợi ý được: /);
      expect(r.attention).toBe(r.current === "Không đạt");
    }
    for (const id of ["nq30c.xa.02.hai-long", "nq30c.xa.05.hai-long", "nq30c.xa.08.van-ban-dien-tu", "nq30c.xa.11.mot-cua-dien-tu", "nq30c.xa.13.van-ban-dien-tu"])
      expect(byId(json).get(id)).toMatchObject({ status: "no-data", selfAssessment: true, reason: "form-not-filled", form: null, value: null });
    expect(json.results.filter((r) => r.status !== "no-data")).toEqual([]);
    expect(PERIODIC_XA).toEqual(expect.arrayContaining(["par.dung-han-xa", "par.ho-so-toan-trinh-80"]));
    expect(json.results.filter((r) => !r.selfAssessment).map((r) => [r.target, r.reason, r.form])).toEqual(PERIODIC_XA.map((id) => [id, "form-missing", BCDK.id]));
    expect((json as unknown as { summary: { ratings: { rows: number; dat: number; khongDat: number } } }).summary.ratings).toMatchObject({ rows: 16, dat: 12, khongDat: 4 });
  });

  test("a province's rollup of three communes: per goal «Đạt: 2/3» and the commune that did not", async () => {
    const json = await targets(PROVINCE_ROLLUP);
    expect(json.level).toBe("xa");
    const notDat = (goal: number) => COMMUNES.filter((_, i) => !ratedDat(i, goal)).map((c) => c.unit);
    for (const [g, row] of XA_PL3.rows.entries()) {
      const r = json.ratings.find((x) => x.row === row.id) as RatingJson & { units: { unit: string; rating: string | null }[]; attention: boolean };
      expect(r.currentText).toBe(`Đạt: ${3 - notDat(g + 1).length}/3`);
      expect(r.units.filter((u) => u.rating !== "Đạt").map((u) => u.unit)).toEqual(notDat(g + 1));
      expect(r.units.map((u) => u.unit).sort()).toEqual(COMMUNES.map((c) => c.unit).sort());
      expect(r.attention).toBe(true);
    }
    const { out } = await run("targets", PROVINCE_ROLLUP);
    const flat = unwrap(out);
    expect(flat).toContain("bảng tổng hợp cấp xã.");
    for (const [g, row] of XA_PL3.rows.entries()) {
      const cell = cellOf(XA_PL3, row.id, "danh-gia");
      expect(flat).toMatch(new RegExp(`- Mục tiêu ${g + 1} \\(ô ${cell}\\) «[^»]+»: Đạt: 2/3 — Không đạt: ${notDat(g + 1)[0]};`));
    }
  });
});
