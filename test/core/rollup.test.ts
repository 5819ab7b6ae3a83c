/**
 * rollupForm on small consolidations that read like the spreadsheets a district receives from
 * its communes. Every expected value is computed by hand in the comment beside it.
 *
 * Forms are the real catalogue's: tk2011-2020.huyen PL1 (satisfaction weighted by sample size,
 * flags, free text), PL3 (shared procedure counts, on-time fractions, sums), PL7 (a percent with
 * no weight: mean), PL8 (Đạt / Không đạt), bao-cao-dinh-ky (codes, a note column, a row not
 * rolled up). `ratio` has no catalogue row yet: a two-row form is made for it here.
 */
import { findForm, FormSchema, type Form } from "../../src/catalog";
import { rollupForm, rollupValues, type CellRollup, type FormRollup, type RollupInput } from "../../src/core/rollup";
import { addressOf, fill, type FillValues } from "../support/fill";
import { PL } from "../support/forms";

function form(id: string): Form {
  const f = findForm(id);
  if (!f) throw new Error(`no form ${id}`);
  return f;
}

const PL1 = form("tk2011-2020.huyen.pl1");
const PL3 = form("tk2011-2020.huyen.pl3");
const PL7 = form("tk2011-2020.huyen.pl7");
const PL8 = form("tk2011-2020.huyen.pl8");
const BCDK = form("bao-cao-dinh-ky.thong-ke");

/** One unit's sheet: `{ unit: { row: { column: value } } }`. */
function reports(f: Form, sheets: Record<string, FillValues>): RollupInput[] {
  return Object.entries(sheets).map(([unit, values]) => ({ unit, filled: fill(f, values, { unit, sheet: unit }) }));
}

function cell(r: FormRollup, row: string, column: string): CellRollup {
  const c = r.cells.get(row)?.get(column);
  if (!c) throw new Error(`no rollup cell ${row}/${column}`);
  return c;
}

describe("counts are summed; blank is not reported, never zero", () => {
  // PL3, Năm 2019 (column G of each commune's sheet)
  //                                   Ia Pa   Ia Ma   Ia Tul
  // Số lượng PAKN đã tiếp nhận          12     (trống)  1.076     → 12 + 1076 = 1.088, 2/3 reported
  // Số lượng PAKN đã giải quyết         10      abc      5        → 10 + 5 = 15, «abc» excluded
  const r = rollupForm(
    PL3,
    reports(PL3, {
      "Xã Ia Pa": { "pakn-tiep-nhan": { y2019: 12 }, "pakn-giai-quyet": { y2019: 10 } },
      "Xã Ia Ma": { "pakn-tiep-nhan": { y2019: null }, "pakn-giai-quyet": { y2019: "abc" } },
      "Xã Ia Tul": { "pakn-tiep-nhan": { y2019: "1.076" }, "pakn-giai-quyet": { y2019: 5 } },
    }),
  );

  test("Σ of the units that reported", () => {
    const c = cell(r, "pakn-tiep-nhan", "y2019");
    expect(c).toMatchObject({ method: "sum", value: 1088, display: "1.088", shown: 1088, reported: 2, of: 3 });
    expect(c.contributions.map((x) => [x.unit, x.value])).toEqual([
      ["Xã Ia Pa", 12],
      ["Xã Ia Tul", 1076],
    ]);
  });

  test("a column nobody filled stays empty (not 0)", () => {
    expect(cell(r, "pakn-tiep-nhan", "y2015")).toMatchObject({ value: null, display: "", shown: null, reported: 0, of: 3 });
  });

  test("an invalid value is left out and listed with its cell and reason", () => {
    expect(cell(r, "pakn-giai-quyet", "y2019")).toMatchObject({ value: 15, reported: 2, of: 3 });
    const excluded = cell(r, "pakn-giai-quyet", "y2019").contributions.find((x) => x.unit === "Xã Ia Ma");
    expect(excluded).toMatchObject({ value: "abc", exclusion: "invalid" });
    expect(excluded?.excluded).toContain("không phải là một số");
    const at = addressOf(PL3, "pakn-giai-quyet", "y2019"); // G21 in the fill layout
    expect(r.excluded).toEqual([
      expect.objectContaining({ unit: "Xã Ia Ma", row: "pakn-giai-quyet", column: "y2019", cell: `Xã Ia Ma!${at}`, value: "abc", code: "not_a_number" }),
    ]);
    expect(r.issues).toHaveIssue("value_excluded", at, "warning");
    const issue = r.issues.find((i) => i.code === "value_excluded")!;
    expect(issue.message).toContain("Xã Ia Ma");
    expect(issue.message).toContain("Số lượng PAKN đã giải quyết trong năm");
  });
});

describe("a value with an error issue is left out, the unit's other values still count", () => {
  // PL1 item 1, Năm 2019: Ia Ma says 15 documents of the communes out of a total of 10 → exceeds_total
  // error at its sub-item cell. Σ sub-item = Ia Pa 4 only; Σ total = 6 + 10 = 16.
  const r = rollupForm(
    PL1,
    reports(PL1, {
      "Xã Ia Pa": { "so-vb-chi-dao": { y2019: 6 }, "vb-ubnd-xa": { y2019: 4 } },
      "Xã Ia Ma": { "so-vb-chi-dao": { y2019: 10 }, "vb-ubnd-xa": { y2019: 15 } },
    }),
    { level: "xa" },
  );
  test("the sub-item above its total is excluded", () => {
    expect(cell(r, "vb-ubnd-xa", "y2019")).toMatchObject({ value: 4, reported: 1, of: 2 });
    expect(r.excluded).toEqual([expect.objectContaining({ unit: "Xã Ia Ma", row: "vb-ubnd-xa", code: "exceeds_total" })]);
  });
  test("the total of the same unit still counts", () => {
    expect(cell(r, "so-vb-chi-dao", "y2019")).toMatchObject({ value: 16, reported: 2 });
  });
});

describe("shared catalogue counts are not summed", () => {
  test("the common value; the unit that differs is named", () => {
    // Số lượng TTHC cấp xã, 2019: 120, 120, 118 → 120 (never 358)
    const r = rollupForm(
      PL3,
      reports(PL3, {
        "Xã Ia Pa": { "tthc-cap-xa": { y2019: 120 }, "tthc-cong-khai-ttdt": { y2019: 95 } },
        "Xã Ia Ma": { "tthc-cap-xa": { y2019: 120 }, "tthc-cong-khai-ttdt": { y2019: 95 } },
        "Xã Ia Tul": { "tthc-cap-xa": { y2019: 118 }, "tthc-cong-khai-ttdt": { y2019: 95 } },
      }),
    );
    expect(cell(r, "tthc-cap-xa", "y2019")).toMatchObject({ method: "shared", value: 120, display: "120 (1 đơn vị ghi khác)", reported: 3 });
    expect(cell(r, "tthc-cap-xa", "y2019").contributions.find((c) => c.unit === "Xã Ia Tul")?.remark).toContain("120");
    const issue = r.issues.find((i) => i.code === "shared_disagreement")!;
    expect(issue.message).toContain("«Xã Ia Tul» ghi 118");
    expect(issue.message).toContain("Số lượng TTHC cấp xã");
    // Unanimous: 95 everywhere → the number 95 in the sheet.
    expect(cell(r, "tthc-cong-khai-ttdt", "y2019")).toMatchObject({ value: 95, display: "95", shown: 95 });
  });

  test("no majority: left empty and flagged", () => {
    const r = rollupForm(PL3, reports(PL3, { A: { "tthc-cap-xa": { y2019: 120 } }, B: { "tthc-cap-xa": { y2019: 118 } } }));
    expect(cell(r, "tthc-cap-xa", "y2019")).toMatchObject({ value: null, display: "Không thống nhất: 118 (1 đơn vị) · 120 (1 đơn vị)" });
    expect(r.issues).toHaveIssue("shared_no_common");
  });
});

describe("percentages are never summed", () => {
  test("fractions a/b: Σ on time / Σ received; a plain percent cannot be combined", () => {
    // Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hẹn, 2019:
    //   Ia Pa 1180/1200, Ia Ma 100/95 (typed the other way round: 95 on time of 100), Ia Tul 98,5 (%)
    //   → 100 × (1180 + 95) / (1200 + 100) = 100 × 1275 / 1300 = 98,0769…; Ia Tul named, not counted
    const r = rollupForm(
      PL3,
      reports(PL3, {
        "Xã Ia Pa": { "tl-dung-hen-xa": { y2019: "1180/1200" } },
        "Xã Ia Ma": { "tl-dung-hen-xa": { y2019: "100/95" } },
        "Xã Ia Tul": { "tl-dung-hen-xa": { y2019: "98,5" } },
      }),
    );
    const c = cell(r, "tl-dung-hen-xa", "y2019");
    expect(c.method).toBe("ratio-of-fractions");
    expect(c.value).toBeCloseTo((100 * 1275) / 1300, 10);
    expect(c).toMatchObject({ display: "98,08", reported: 2, of: 3 });
    expect(c.basis).toContain("1.275 / 1.300");
    expect(c.contributions.find((x) => x.unit === "Xã Ia Tul")).toMatchObject({ exclusion: "not-combinable" });
    expect(c.contributions.find((x) => x.unit === "Xã Ia Ma")).toMatchObject({ display: "95/100", fraction: { num: 95, den: 100 } });
    const issue = r.issues.find((i) => i.code === "fraction_not_combinable")!;
    expect(issue.message).toContain("«Xã Ia Tul»");
    expect(issue.message).toContain("2/3 đơn vị");
    expect(r.excluded).toEqual([]); // not combinable is not invalid
  });

  test("no fraction at all: unweighted mean, approximate, with min–max", () => {
    // 90 and 80 → ≈ 85 (80–90)
    const r = rollupForm(PL3, reports(PL3, { A: { "tl-dung-hen-xa": { y2019: 90 } }, B: { "tl-dung-hen-xa": { y2019: "80%" } } }));
    expect(cell(r, "tl-dung-hen-xa", "y2019")).toMatchObject({ value: 85, display: "≈ 85 (80–90)", shown: "≈ 85 (80–90)", approximate: true, min: 80, max: 90 });
  });

  test("satisfaction weighted by the survey sample; a unit without a sample size is named", () => {
    // Mức độ hài lòng chung, 2019: Ia Pa 90 % of 100 forms, Ia Ma 80 % of 300, Ia Tul 70 % (no sample)
    //   → (90 × 100 + 80 × 300) / (100 + 300) = 33 000 / 400 = 82,5
    const r = rollupForm(
      PL1,
      reports(PL1, {
        "Xã Ia Pa": { "muc-do-hai-long": { y2019: 90 }, "so-mau-khao-sat": { y2019: 100 } },
        "Xã Ia Ma": { "muc-do-hai-long": { y2019: "80" }, "so-mau-khao-sat": { y2019: 300 } },
        "Xã Ia Tul": { "muc-do-hai-long": { y2019: "70%" } },
      }),
    );
    expect(cell(r, "muc-do-hai-long", "y2019")).toMatchObject({ method: "weighted-mean", value: 82.5, display: "82,5", shown: 82.5, reported: 2, of: 3 });
    expect(cell(r, "so-mau-khao-sat", "y2019")).toMatchObject({ method: "sum", value: 400 });
    expect(r.issues.find((i) => i.code === "weight_missing")?.message).toContain("«Xã Ia Tul»");
  });

  test("a percent with nothing to weight it by: mean, marked approximate", () => {
    // PL7 Tỷ lệ văn bản hành chính được trao đổi dưới dạng điện tử: 72, 98, 92,5 → 262,5 / 3 = 87,5
    const r = rollupForm(
      PL7,
      reports(PL7, { A: { "tl-vb-dien-tu": { y2019: 72 } }, B: { "tl-vb-dien-tu": { y2019: 98 } }, C: { "tl-vb-dien-tu": { y2019: "92,5" } } }),
    );
    expect(cell(r, "tl-vb-dien-tu", "y2019")).toMatchObject({ method: "mean", value: 87.5, display: "≈ 87,5 (72–98)", approximate: true, reported: 3 });
  });

  test("ratio rows: 100 × Σnumerator / Σdenominator over units that reported both", () => {
    const RATIO: Form = FormSchema.parse({
      id: "test.ratio",
      version: 1,
      family: "test",
      familyTitle: "Biểu thử",
      levels: ["xa"],
      source: { seed: "003_3039f05a02a1cf95.txt", section: "Phụ lục (thử)" },
      appendix: "Phụ lục",
      title: "TỶ LỆ",
      labelHeader: "Chỉ tiêu",
      columns: [{ id: "so-lieu", label: "Số liệu", role: "value" }],
      rows: [
        { id: "nhan", stt: "1", label: "Số hồ sơ đã tiếp nhận", kind: "count" },
        { id: "dung-han", stt: "2", label: "Số hồ sơ giải quyết đúng hạn", kind: "count" },
        { id: "tl", stt: "3", label: "Tỷ lệ đúng hạn", kind: "percent", rollup: { type: "ratio", numerator: "dung-han", denominator: "nhan" } },
      ],
    });
    // A 45/50 (own percent 90), B 90/100 (own percent left blank), C only typed 80 %
    //   → 100 × (45 + 90) / (50 + 100) = 90; C named
    const r = rollupForm(
      RATIO,
      reports(RATIO, {
        A: { nhan: { "so-lieu": 50 }, "dung-han": { "so-lieu": 45 }, tl: { "so-lieu": 90 } },
        B: { nhan: { "so-lieu": 100 }, "dung-han": { "so-lieu": 90 } },
        C: { tl: { "so-lieu": 80 } },
      }),
    );
    expect(cell(r, "tl", "so-lieu")).toMatchObject({ method: "ratio", value: 90, display: "90", reported: 2, of: 3 });
    expect(cell(r, "tl", "so-lieu").basis).toContain("100 × 135 / 150");
    expect(r.issues.find((i) => i.code === "ratio_parts_missing")?.message).toContain("«C»");
  });
});

describe("flags, codes, Đạt / Không đạt, text", () => {
  test("flag01 → how many units said 1, out of those that answered", () => {
    // Tổ chức cuộc thi tìm hiểu CCHC: 1, 0, 1, (blank) → 2/3 đơn vị, 1 did not answer
    const r = rollupForm(
      PL1,
      reports(PL1, { A: { "cuoc-thi": { y2019: 1 } }, B: { "cuoc-thi": { y2019: "0" } }, C: { "cuoc-thi": { y2019: "Có" } }, D: {} }),
    );
    expect(cell(r, "cuoc-thi", "y2019")).toMatchObject({
      method: "count-flag",
      value: 2,
      display: "2/3 đơn vị (1 chưa báo cáo)",
      shown: "2/3 đơn vị (1 chưa báo cáo)",
      reported: 3,
      of: 4,
    });
  });

  test("status → Đạt: x/N", () => {
    // PL8 goal 1: Đạt, Không đạt, đạt, Đạt, Chưa đạt → Đạt: 3/5
    const r = rollupForm(
      PL8,
      reports(PL8, {
        "Huyện A": { "mt01-tthc-gon-nhe": { "danh-gia": "Đạt" } },
        "Huyện B": { "mt01-tthc-gon-nhe": { "danh-gia": "Không đạt" } },
        "Huyện C": { "mt01-tthc-gon-nhe": { "danh-gia": "đạt" } },
        "Huyện D": { "mt01-tthc-gon-nhe": { "danh-gia": "Đạt" } },
        "Huyện E": { "mt01-tthc-gon-nhe": { "danh-gia": "Chưa đạt" } },
      }),
    );
    expect(cell(r, "mt01-tthc-gon-nhe", "danh-gia")).toMatchObject({ method: "count-status", value: 3, display: "Đạt: 3/5", reported: 5 });
    expect(cell(r, "mt02-hai-long-tthc", "danh-gia")).toMatchObject({ value: null, display: "", reported: 0 });
  });

  test("coded → how many units per code", () => {
    // Hình thức khảo sát (0 Trực tuyến, 1 Phát phiếu, 2 Kết hợp): 0, 2, «Kết hợp», «Phát phiếu» → 0: 1 · 1: 1 · 2: 2
    const r = rollupForm(
      BCDK,
      reports(BCDK, {
        A: { "hinh-thuc-khao-sat": { "so-lieu": 0 } },
        B: { "hinh-thuc-khao-sat": { "so-lieu": 2 } },
        C: { "hinh-thuc-khao-sat": { "so-lieu": "Kết hợp" } },
        D: { "hinh-thuc-khao-sat": { "so-lieu": "Phát phiếu" } },
      }),
    );
    const c = cell(r, "hinh-thuc-khao-sat", "so-lieu");
    expect(c).toMatchObject({ method: "distribution", value: "0: 1 · 1: 1 · 2: 2", display: "0: 1 · 1: 1 · 2: 2", reported: 4 });
    expect(c.distribution).toEqual([
      { code: 0, label: "Trực tuyến", count: 1 },
      { code: 1, label: "Phát phiếu", count: 1 },
      { code: 2, label: "Kết hợp", count: 2 },
    ]);
  });

  test("text → one line per unit, prefixed by the unit; formula-looking text stays text", () => {
    const r = rollupForm(
      PL1,
      reports(PL1, {
        "Xã Ia Pa": { "hinh-thuc-khac": { y2019: "Pano, áp phích" } },
        "Xã Ia Ma": {},
        "Xã Ia Tul": { "hinh-thuc-khac": { y2019: '=HYPERLINK("http://x","y")' } },
      }),
    );
    expect(cell(r, "hinh-thuc-khac", "y2019")).toMatchObject({
      method: "list",
      value: 'Xã Ia Pa: Pano, áp phích\nXã Ia Tul: =HYPERLINK("http://x","y")',
      reported: 2,
      of: 3,
    });
  });

  test("the note column → one line per unit", () => {
    const r = rollupForm(
      BCDK,
      reports(BCDK, {
        "Huyện Kbang": { "nv-de-ra": { "so-lieu": 12, "ghi-chu": "Ước tính" } },
        "Huyện Đak Pơ": { "nv-de-ra": { "so-lieu": 8, "ghi-chu": "+ 2 nhiệm vụ phát sinh" } },
      }),
    );
    expect(cell(r, "nv-de-ra", "so-lieu")).toMatchObject({ value: 20 });
    // Units are in Vietnamese alphabetical order: Đ after D, before K.
    expect(cell(r, "nv-de-ra", "ghi-chu")).toMatchObject({ method: "list", value: "Huyện Đak Pơ: + 2 nhiệm vụ phát sinh\nHuyện Kbang: Ước tính" });
  });

  test("a row not rolled up is empty with the catalogue's reason", () => {
    const r = rollupForm(BCDK, reports(BCDK, { A: { "kl-lanh-dao-tinh": { "so-lieu": 1 } } }));
    const c = cell(r, "kl-lanh-dao-tinh", "so-lieu");
    expect(c).toMatchObject({ method: "none", value: null, display: "" });
    expect(c.why).toContain("province");
    expect(c.contributions).toHaveLength(1); // still shown in the detail sheet
  });

  test("a row for another level than the units' is left to the consolidating unit", () => {
    // PL3 "Số lượng TTHC cấp huyện" is a district row; communes do not report it.
    const r = rollupForm(PL3, reports(PL3, { A: { "tthc-cap-huyen": { y2019: 300 } } }), { level: "xa" });
    expect(cell(r, "tthc-cap-huyen", "y2019")).toMatchObject({ method: "none", value: null });
    expect(cell(r, "tthc-cap-huyen", "y2019").why).toContain("cấp huyện");
  });
});

test("a template total never calculated is the sum of its reported parts", () => {
  // Test form row "Tổng số TTHC" = huyện + xã; the cell holds the template formula but no cached value.
  const r = rollupForm(PL, [
    { unit: "A", filled: fill(PL, { "tong-tthc": { y2015: { value: null, formula: 'IF(COUNT(C8,C9)=0,"",SUM(C8,C9))' } }, "tthc-huyen": { y2015: 3 }, "tthc-xa": { y2015: 4 } }) },
    { unit: "B", filled: fill(PL, { "tong-tthc": { y2015: 10 }, "tthc-huyen": { y2015: 6 }, "tthc-xa": { y2015: 4 } }) },
  ]);
  // A: 3 + 4 = 7 (derived), B: 10 → 17
  expect(cell(r, "tong-tthc", "y2015")).toMatchObject({ value: 17, reported: 2 });
  expect(cell(r, "tong-tthc", "y2015").contributions[0]).toMatchObject({ unit: "A", value: 7, derived: true });
});

test("the JSON values: form, row, label and column as printed, value", () => {
  const r = rollupForm(PL3, reports(PL3, { A: { "pakn-tiep-nhan": { y2019: 3 } }, B: { "pakn-tiep-nhan": { y2019: 4 } } }));
  const values = rollupValues(r);
  expect(values).toContainEqual({
    form: "tk2011-2020.huyen.pl3",
    row: "pakn-tiep-nhan",
    label: "Số lượng PAKN đã tiếp nhận trong năm",
    column: "Năm 2019",
    value: 7,
    display: "7",
    reported: 2,
    of: 2,
  });
  expect(values.filter((v) => v.row === "pakn-tiep-nhan")).toHaveLength(6);
  // Heading rows have no value cells.
  expect(values.some((v) => v.row === "mot-cua")).toBe(false);
});
