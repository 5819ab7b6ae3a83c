/**
 * validateFilled on small sheets. The test form (test/support/forms.ts) puts form row i on sheet
 * row 6 + i, column C = "Năm 2015", D = "Năm 2016", F = "Ghi chú":
 *
 *   6 I  THỦ TỤC HÀNH CHÍNH (heading)        15 -  Số DVC trực tuyến mức độ 4 (≤ row 14, certain)
 *   7 1  Tổng số TTHC (= rows 8 + 9)          16 6  Tỷ lệ hồ sơ giải quyết đúng hẹn (%, a/b)
 *   8 -  Số lượng TTHC cấp huyện              17 7  Tỷ lệ hồ sơ xử lý trực tuyến mức độ 4 (%)
 *   9 -  Số lượng TTHC cấp xã                 18 8  Kinh phí (decimal)
 *  10 2  PAKN đã tiếp nhận                    19 9  Có trang thông tin điện tử (flag01)
 *  11 3  PAKN đã giải quyết (≤ row 10, usual) 20 10 Kiến trúc CQĐT (coded 0/1/2)
 *  12 4  Hồ sơ đã tiếp nhận (≥ row 13)        21 11 Mục tiêu 1 (Đạt / Không đạt)
 *  13 -  Hồ sơ giải quyết đúng hẹn            22 12 Ý kiến khác (text, optional)
 *  14 5  Số DVC trực tuyến                    23 13 Số TTHC cấp xã tại chỗ (levels: xa)
 */
import { FormSchema } from "../../src/catalog/schema";
import type { Issue } from "../../src/core/issues";
import { parsedValues, validateFilled } from "../../src/core/validate";
import { fill, type FillValues } from "../support/fill";
import { LEVELS, PL, SHARES } from "../support/forms";
import { rollupForm } from "../../src/core/rollup";

/** A complete, consistent report for both years. */
const GOOD: FillValues = {
  "tong-tthc": { y2015: 486, y2016: "1.076" },
  "tthc-huyen": { y2015: 314, y2016: "904" },
  "tthc-xa": { y2015: 172, y2016: 172 },
  "pakn-tiep-nhan": { y2015: 20, y2016: 15 },
  "pakn-giai-quyet": { y2015: 18, y2016: 15 },
  "ho-so-nhan": { y2015: 1200, y2016: "1.300" },
  "ho-so-dung-hen": { y2015: 1180, y2016: 1300 },
  "dvc-tong": { y2015: 10, y2016: 12 },
  "dvc-muc-4": { y2015: 2, y2016: 5 },
  "tl-dung-hen": { y2015: "1180/1200", y2016: "100%" },
  "tl-online": { y2015: "21,88", y2016: { value: 0.3, text: "30%" } },
  "kinh-phi": { y2015: "150,5", y2016: 200 },
  "co-website": { y2015: 1, y2016: "Có" },
  "kien-truc": { y2015: "Đang làm", y2016: 2 },
  "muc-tieu": { y2015: "Đạt", y2016: "Không đạt" },
  "y-kien": { y2015: "Không" },
};

function validate(values: FillValues, level?: "huyen" | "xa"): Issue[] {
  return validateFilled(fill(PL, values), level ? { level } : {});
}

function errors(issues: Issue[]): Issue[] {
  return issues.filter((i) => i.severity === "error");
}

function withCell(base: FillValues, row: string, col: string, value: string | number | null): FillValues {
  return { ...base, [row]: { ...base[row], [col]: value } };
}

describe("a complete, consistent report", () => {
  test("raises nothing at the district level", () => {
    expect(validate(GOOD, "huyen")).toEqual([]);
  });

  test("the commune-only row is then required at the commune level", () => {
    const issues = validate(GOOD, "xa");
    expect(issues).toHaveIssue("required_blank", "C23", "warning");
    expect(errors(issues)).toEqual([]);
  });
});

describe("cell domains", () => {
  test.each([
    ["tthc-huyen", "C8", "abc", "not_a_number"],
    ["tthc-huyen", "C8", "1,5", "not_whole"],
    ["tthc-huyen", "C8", "-3", "negative"],
    ["tthc-huyen", "C8", "1 2", "not_a_number"],
    ["tl-online", "C17", "120", "percent_out_of_range"],
    ["tl-dung-hen", "C16", "1,5/3", "fraction_invalid"],
    ["tl-dung-hen", "C16", "0/0", "fraction_invalid"],
    ["kien-truc", "C20", "5", "not_in_codes"],
    ["muc-tieu", "C21", "Tốt", "not_a_status"],
    ["co-website", "C19", "2", "not_a_flag"],
  ])("%s %s = %p → error %s", (row, cell, typed, code) => {
    const issues = validate(withCell(GOOD, row, "y2015", typed), "huyen");
    expect(issues).toHaveIssue(code, cell, "error");
    expect(issues.find((i) => i.code === code)?.value).toBe(typed);
  });

  test("guesses are warnings, not errors", () => {
    const issues = validate(withCell(withCell(GOOD, "kinh-phi", "y2015", "1.076"), "dvc-tong", "y2016", "12 (ước tính)"), "huyen");
    expect(issues).toHaveIssue("ambiguous_number", "C18", "warning");
    expect(issues).toHaveIssue("note_in_number", "D14", "warning");
    expect(errors(issues)).toEqual([]);
  });

  test.each(["1180/1200", "1200/1180"])("a fraction %p reads as on-time over received, whichever order was typed", (typed) => {
    const filled = withCell(GOOD, "tl-dung-hen", "y2015", typed);
    const issues = validate(filled, "huyen");
    expect(issues).not.toHaveIssue("fraction_invalid", "C16");
    expect(issues.filter((i) => i.cell === "C16")).toEqual([]);
  });

  test("a fraction in a percent row that does not ask for one is converted, with a warning", () => {
    const issues = validate(withCell(GOOD, "tl-online", "y2015", "13/13"), "huyen");
    expect(issues).toHaveIssue("fraction_converted", "C17", "warning");
  });

  test("the note column takes any text", () => {
    const issues = validate({ ...GOOD, "tthc-xa": { ...GOOD["tthc-xa"], "ghi-chu": "12 (ước tính) – 1 2 -5" } }, "huyen");
    expect(issues).toEqual([]);
  });

  test("a value in a heading row is a warning", () => {
    const issues = validate({ ...GOOD, "muc-1": { y2015: 5 } }, "huyen");
    expect(issues).toHaveIssue("value_in_heading", "C6", "warning");
    expect(errors(issues)).toEqual([]);
  });

  test("a blank heading row and a '-' in a heading are fine", () => {
    expect(validate({ ...GOOD, "muc-1": { y2016: "-" } }, "huyen")).toEqual([]);
  });

  test("an invalid cell gives one issue, not an extra 'required' warning", () => {
    const issues = validate(withCell(GOOD, "tthc-huyen", "y2015", "abc"), "huyen");
    expect(issues.filter((i) => i.cell === "C8").map((i) => i.code)).toEqual(["not_a_number"]);
  });
});

describe("sum: Tổng số TTHC = cấp huyện + cấp xã", () => {
  test("a total that does not add up is an error at the total, naming the expected sum", () => {
    const issues = validate(withCell(GOOD, "tong-tthc", "y2016", "1.000"), "huyen");
    expect(issues).toHaveIssue("sum_mismatch", "D7", "error");
    expect(issues).not.toHaveIssue("sum_mismatch", "D8");
    const issue = issues.find((i) => i.code === "sum_mismatch")!;
    expect(issue.message).toContain("PL!D7");
    expect(issue.message).toContain("Tổng số TTHC");
    expect(issue.message).toContain("Năm 2016");
    expect(issue.message).toContain("1.076"); // the sum of the parts, Vietnamese style
    expect(issue.message).toContain("D8 + D9");
  });

  test("is checked only when the total and all parts are reported", () => {
    for (const gap of [null, "-", "x"]) {
      const issues = validate(withCell(withCell(GOOD, "tthc-xa", "y2015", gap), "tong-tthc", "y2015", 1), "huyen");
      expect(issues).not.toHaveIssue("sum_mismatch");
    }
    const noTotal = validate(withCell(GOOD, "tong-tthc", "y2015", null), "huyen");
    expect(noTotal).not.toHaveIssue("sum_mismatch");
  });

  test("an invalid part skips the sum (the part already has its error)", () => {
    const issues = validate(withCell(GOOD, "tthc-xa", "y2015", "abc"), "huyen");
    expect(issues).toHaveIssue("not_a_number", "C9");
    expect(issues).not.toHaveIssue("sum_mismatch");
  });

  test("percent shares are compared within rounding", () => {
    const shares = (tong: string, a: string, b: string, c: string) =>
      validateFilled(fill(SHARES, { tong: { "so-lieu": tong }, a: { "so-lieu": a }, b: { "so-lieu": b }, c: { "so-lieu": c } }));
    expect(shares("100", "33,3", "33,3", "33,3")).not.toHaveIssue("sum_mismatch");
    expect(shares("100%", "33,33", "33,33", "33,33")).not.toHaveIssue("sum_mismatch");
    expect(shares("100", "50", "30", "20")).not.toHaveIssue("sum_mismatch");
    expect(shares("100", "50", "30", "10")).toHaveIssue("sum_mismatch", "C6", "error");
    expect(shares("100", "33,3", "33,3", "33")).toHaveIssue("sum_mismatch", "C6");
  });
});

describe("upper-bound: hồ sơ đúng hẹn ≤ hồ sơ đã tiếp nhận", () => {
  test("a sub-item above its total is an error at the sub-item", () => {
    const issues = validate(withCell(GOOD, "ho-so-dung-hen", "y2015", 1250), "huyen");
    expect(issues).toHaveIssue("exceeds_total", "C13", "error");
    expect(issues).not.toHaveIssue("exceeds_total", "C12");
    const issue = issues.find((i) => i.code === "exceeds_total")!;
    expect(issue.message).toContain("Số hồ sơ giải quyết đúng hẹn");
    expect(issue.message).toContain("Số hồ sơ TTHC đã tiếp nhận");
    expect(issue.message).toContain("C12");
  });

  test("equal is fine; a blank total checks nothing", () => {
    expect(validate(withCell(GOOD, "ho-so-dung-hen", "y2015", 1200), "huyen")).not.toHaveIssue("exceeds_total");
    const blankTotal = validate(withCell(withCell(GOOD, "ho-so-nhan", "y2015", null), "ho-so-dung-hen", "y2015", 99999), "huyen");
    expect(blankTotal).not.toHaveIssue("exceeds_total");
  });
});

describe("rules", () => {
  test("a usual rule broken is a warning at the left row", () => {
    const issues = validate(withCell(GOOD, "pakn-giai-quyet", "y2015", 25), "huyen");
    expect(issues).toHaveIssue("rule_violated", "C11", "warning");
    expect(errors(issues)).toEqual([]);
    const issue = issues.find((i) => i.code === "rule_violated")!;
    expect(issue.message).toContain("Số lượng PAKN đã giải quyết");
    expect(issue.message).toContain("Số lượng PAKN đã tiếp nhận");
    expect(issue.message).toContain("nhỏ hơn hoặc bằng");
    expect(issue.message).toContain("Ghi chú");
  });

  test("a usual rule's warning says why a correct report may break it, and that the value is still consolidated", () => {
    const message = validate(withCell(GOOD, "pakn-giai-quyet", "y2015", 25), "huyen").find((i) => i.code === "rule_violated")!.message;
    expect(message).toContain("số liệu đúng vẫn có thể khác vì phản ánh, kiến nghị tiếp nhận từ năm trước có thể được giải quyết trong năm nay");
    expect(message).toContain("vẫn được tổng hợp");
  });

  test("a certain rule broken is an error", () => {
    const issues = validate(withCell(GOOD, "dvc-muc-4", "y2016", 13), "huyen");
    expect(issues).toHaveIssue("rule_violated", "D15", "error");
  });

  test("rules wait for all their operands", () => {
    const issues = validate(withCell(withCell(GOOD, "dvc-muc-4", "y2016", 13), "dvc-tong", "y2016", null), "huyen");
    expect(issues).not.toHaveIssue("rule_violated");
  });
});

describe("what is missing or misplaced", () => {
  test("a required row left blank: one warning per row, listing the blank columns", () => {
    const issues = validate(withCell(withCell(GOOD, "kinh-phi", "y2015", null), "kinh-phi", "y2016", null), "huyen");
    const blank = issues.filter((i) => i.code === "required_blank");
    expect(blank).toHaveLength(1);
    expect(blank[0]).toMatchObject({ cell: "C18", severity: "warning" });
    expect(blank[0].message).toContain("«Năm 2015», «Năm 2016»");
    expect(blank[0].message).toContain("Kinh phí thực hiện");
  });

  test("a partly filled row names only its blank column", () => {
    const issues = validate(withCell(GOOD, "kinh-phi", "y2016", null), "huyen");
    expect(issues).toHaveIssue("required_blank", "D18");
    expect(issues.find((i) => i.code === "required_blank")!.message).not.toContain("Năm 2015");
  });

  test("'-' answers a required cell; optional rows and notes are never required", () => {
    const dash = withCell(withCell(GOOD, "kinh-phi", "y2015", "-"), "kinh-phi", "y2016", "–");
    expect(validate(dash, "huyen")).toEqual([]);
    expect(validate({ ...GOOD, "y-kien": {} }, "huyen")).toEqual([]);
  });

  test("an empty sheet is one warning, not one per row", () => {
    const issues = validate({}, "huyen");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "form_blank", severity: "warning", sheet: "PL", cell: "" });
    expect(issues[0].message).toContain("Phụ lục 3");
  });

  test("a row of another level that is filled is a warning", () => {
    const values = { ...GOOD, "xa-only": { y2015: 3 } };
    expect(validate(values, "huyen")).toHaveIssue("wrong_level", "C23", "warning");
    expect(validate(values, "xa")).not.toHaveIssue("wrong_level");
    // unknown level (the form has two): no guess either way
    expect(validateFilled(fill(PL, values))).not.toHaveIssue("wrong_level");
    expect(validateFilled(fill(PL, GOOD))).not.toHaveIssue("required_blank", "C23");
  });

  test("the message of a level warning names the levels in Vietnamese, and says the value is not consolidated", () => {
    const issue = validate({ ...GOOD, "xa-only": { y2015: 3 } }, "huyen").find((i) => i.code === "wrong_level")!;
    expect(issue.message).toContain("cấp xã");
    expect(issue.message).toContain("cấp huyện");
    expect(issue.message).toContain("không được tổng hợp");
  });

  test("rows the sheet does not have are skipped (recognition reports them)", () => {
    const filled = fill(PL, GOOD);
    filled.cells.delete("tthc-xa");
    expect(validateFilled(filled, { level: "huyen" })).toEqual([]);
  });
});

describe("the issue list", () => {
  test("is sorted by sheet, row, column, code", () => {
    const values: FillValues = {
      ...GOOD,
      "kinh-phi": { y2015: "abc", y2016: "-1" },
      "tong-tthc": { y2015: 1, y2016: "1.076" },
      "muc-1": { y2016: "x1", y2015: "y" },
      "co-website": { y2016: 3 },
    };
    const cells = validate(values, "huyen").map((i) => `${i.cell} ${i.code}`);
    expect(cells).toEqual([
      "C6 value_in_heading",
      "D6 value_in_heading",
      "C7 sum_mismatch",
      "C18 not_a_number",
      "D18 negative",
      "C19 required_blank",
      "D19 not_a_flag",
    ]);
  });

  test("every issue names its sheet and cell, and the value seen", () => {
    const issues = validateFilled(fill(PL, withCell(GOOD, "tl-online", "y2016", "150%"), { sheet: "Phụ lục 3" }), { level: "huyen" });
    expect(issues).toEqual([
      expect.objectContaining({ sheet: "Phụ lục 3", cell: "D17", value: "150%", code: "percent_out_of_range", severity: "error" }),
    ]);
    expect(issues[0].message).toContain("Phụ lục 3!D17");
    expect(issues[0].message).toContain("Tỷ lệ hồ sơ xử lý trực tuyến mức độ 4");
  });
});

describe("parsedValues", () => {
  test("parses every bound input cell once, by row and column id", () => {
    const values = parsedValues(fill(PL, GOOD));
    expect(values.get("tong-tthc")?.get("y2016")).toMatchObject({ type: "number", value: 1076 });
    expect(values.get("tl-dung-hen")?.get("y2015")).toMatchObject({ type: "number", fraction: { num: 1180, den: 1200 } });
    expect(values.get("tl-online")?.get("y2016")).toMatchObject({ type: "number", value: 30 });
    expect(values.get("kien-truc")?.get("y2015")).toMatchObject({ type: "code", value: 1 });
    expect(values.get("muc-tieu")?.get("y2016")).toMatchObject({ type: "status", value: "khong-dat" });
    expect(values.get("y-kien")?.get("y2016")).toEqual({ type: "blank", text: "" });
    expect(values.get("tthc-xa")?.get("ghi-chu")).toEqual({ type: "blank", text: "" });
    expect(values.get("tthc-xa")?.has("dvt")).toBe(false); // static columns are not input
  });
});

describe("rows that exist at one level only (LEVELS: 3.1.3 = cấp sở (tỉnh only) + cấp huyện + cấp xã)", () => {
  const one = (values: Record<string, number | string | null>, level?: "tinh" | "huyen") =>
    validateFilled(
      fill(LEVELS, Object.fromEntries(Object.entries(values).map(([row, v]) => [row, { "so-lieu": v }]))),
      level ? { level } : {},
    );
  const district = { "tong-tthc": 487, "tthc-huyen": 315, "tthc-xa": 172 };

  test("a district's total is checked without the province-only part it leaves blank", () => {
    expect(one(district, "huyen")).not.toHaveIssue("sum_mismatch");
    const wrong = one({ ...district, "tong-tthc": 500 }, "huyen");
    expect(wrong).toHaveIssue("sum_mismatch", "C6", "error");
    expect(wrong.find((i) => i.code === "sum_mismatch")!.message).toContain("(C8 + C9) được 487");
  });

  test("typing 0 in the province-only part changes nothing but a wrong_level warning", () => {
    const zero = one({ ...district, "tthc-so": 0 }, "huyen");
    expect(zero).toHaveIssue("wrong_level", "C7", "warning");
    expect(zero.filter((i) => i.severity === "error")).toEqual([]);
    expect(one({ ...district, "tong-tthc": 500, "tthc-so": 0 }, "huyen")).toHaveIssue("sum_mismatch", "C6", "error");
  });

  test("a number in the province-only part: the total may count it (as printed) or not (this level); neither is an error", () => {
    for (const total of [487, 492]) {
      const issues = one({ ...district, "tthc-so": 5, "tong-tthc": total }, "huyen");
      expect(issues).toHaveIssue("wrong_level", "C7", "warning");
      expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    }
    const neither = one({ ...district, "tthc-so": 5, "tong-tthc": 600 }, "huyen");
    expect(neither).toHaveIssue("sum_mismatch", "C6", "error");
    const message = neither.find((i) => i.code === "sum_mismatch")!.message;
    expect(message).toContain("được 487");
    expect(message).toContain("không tính C7");
    expect(message).toContain("chỉ dành cho cấp tỉnh");
    expect(message).toContain("tính cả thì được 492");
  });

  test("at the province the part exists: blank is not reported (no check), a number is added", () => {
    expect(one({ ...district, "tong-tthc": 500 }, "tinh")).not.toHaveIssue("sum_mismatch");
    expect(one({ ...district, "tthc-so": 13, "tong-tthc": 500 }, "tinh")).not.toHaveIssue("sum_mismatch");
    expect(one({ ...district, "tthc-so": 12, "tong-tthc": 500 }, "tinh")).toHaveIssue("sum_mismatch", "C6", "error");
  });

  test("with the level unknown every row exists, as printed", () => {
    expect(one({ ...district, "tong-tthc": 500 })).not.toHaveIssue("sum_mismatch");
    expect(one({ ...district, "tthc-so": 12, "tong-tthc": 500 })).toHaveIssue("sum_mismatch", "C6", "error");
  });

  test("a part of another level is not bounded by the total", () => {
    const issues = one({ "ky-luat": 1, "kl-tinh": 3, "kl-huyen": 1 }, "huyen");
    expect(issues).not.toHaveIssue("exceeds_total");
    expect(issues).toHaveIssue("wrong_level", "C11", "warning");
    expect(one({ "ky-luat": 1, "kl-tinh": 3, "kl-huyen": 1 }, "tinh")).toHaveIssue("exceeds_total", "C11", "error");
    expect(one({ "ky-luat": 1, "kl-huyen": 2 }, "huyen")).toHaveIssue("exceeds_total", "C12", "error");
  });

  test("rules leave out rows of other levels, and do not wait for them", () => {
    expect(one({ "bo-nhiem": 2, "bn-huyen": 2 }, "huyen")).not.toHaveIssue("rule_violated");
    expect(one({ "bo-nhiem": 2, "bn-huyen": 3 }, "huyen")).toHaveIssue("rule_violated", "C15", "error");
    // a number in the province-only row: fails only when it fails both with and without it
    expect(one({ "bo-nhiem": 2, "bn-so": 1, "bn-huyen": 2 }, "huyen")).not.toHaveIssue("rule_violated");
    // at the province both rows exist: a blank waits, numbers are added
    expect(one({ "bo-nhiem": 2, "bn-huyen": 3 }, "tinh")).not.toHaveIssue("rule_violated");
    expect(one({ "bo-nhiem": 2, "bn-so": 1, "bn-huyen": 2 }, "tinh")).toHaveIssue("rule_violated", "C14", "error");
  });

  test("a value in a row of another level is not consolidated; the unit's other values are", () => {
    const filled = fill(LEVELS, { "tong-tthc": { "so-lieu": 492 }, "tthc-so": { "so-lieu": 5 }, "tthc-huyen": { "so-lieu": 315 }, "tthc-xa": { "so-lieu": 172 } });
    const r = rollupForm(LEVELS, [{ unit: "UBND huyện Kbang", filled }], { level: "huyen" });
    expect(r.cells.get("tthc-so")!.get("so-lieu")).toMatchObject({ method: "none", value: null });
    expect(r.cells.get("tong-tthc")!.get("so-lieu")).toMatchObject({ value: 492, reported: 1 });
    expect(r.cells.get("tthc-huyen")!.get("so-lieu")).toMatchObject({ value: 315, reported: 1 });
    expect(r.excluded).toEqual([]);
  });
});

describe("a rule that holds in some columns only", () => {
  const form = FormSchema.parse({
    ...LEVELS,
    id: "test.columns",
    columns: [
      { id: "y2016", label: "Năm 2016", role: "value" },
      { id: "y2017", label: "Năm 2017", role: "value" },
    ],
    rows: LEVELS.rows.slice(7),
    rules: [{ id: "tu-2017", left: ["bo-nhiem"], op: "<=", right: ["bn-so", "bn-huyen"], certainty: "certain", columns: ["y2017"], why: "from 2017 on" }],
  });
  test("is checked there and nowhere else", () => {
    const values = { "bo-nhiem": { y2016: 9, y2017: 9 }, "bn-so": { y2016: 1, y2017: 1 }, "bn-huyen": { y2016: 2, y2017: 2 } };
    const issues = validateFilled(fill(form, values), { level: "tinh" });
    expect(issues).toHaveIssue("rule_violated", "D6", "error");
    expect(issues).not.toHaveIssue("rule_violated", "C6");
  });
});
