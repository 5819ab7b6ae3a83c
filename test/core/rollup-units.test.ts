/**
 * Who sent what (core/units): unit names, duplicates, missing and unexpected units, unreadable and
 * unrecognised files, and that a unit with errors still contributes its valid cells.
 */
import { findForm, type Form } from "../../src/catalog";
import type { FilledForm } from "../../src/core/filled";
import { makeIssue } from "../../src/core/issues";
import { rollupForm } from "../../src/core/rollup";
import { checkSource, reportsFor, summariseUnits, unitKey, type ReceivedSource } from "../../src/core/units";
import { consolidate, consolidationSteps } from "../../src/core/consolidate";
import { fill, type FillValues } from "../support/fill";

const PL3 = findForm("tk2011-2020.huyen.pl3") as Form;
const PL1 = findForm("tk2011-2020.huyen.pl1") as Form;

function sheet(f: Form, values: FillValues, unit?: string, name = "PL3"): FilledForm {
  return fill(f, values, { sheet: name, ...(unit ? { unit } : {}) });
}

function read(source: string, forms: FilledForm[], unit?: string): ReceivedSource {
  return { source, outcome: "read", forms, issues: [], ...(unit ? { unit } : {}) };
}

const GOOD: FillValues = { "pakn-tiep-nhan": { y2019: 12 } };
const BAD: FillValues = { "pakn-tiep-nhan": { y2019: "mười hai" } };

describe("unit names", () => {
  test.each([
    ["UBND xã Ia Pa", "Xã Ia Pa"],
    ["Ủy ban nhân dân xã Ia Pa", "ia pa"],
    ["UỶ BAN NHÂN DÂN XÃ IA PA", "Ia  Pa"],
    ["Thị trấn Kbang", "TT. Kbang"],
    ["Phường Hội Phú", "phuong hoi phu"],
    ["UBND huyện Krông Pa", "Krông Pa"],
  ])("«%s» is «%s»", (a, b) => {
    expect(unitKey(a)).toBe(unitKey(b));
  });

  test("a ward known only by its number keeps its prefix", () => {
    expect(unitKey("Phường 1")).toBe("phuong 1");
    expect(unitKey("Phường 1")).not.toBe(unitKey("Xã 1"));
  });

  test("the unit comes from the source, else the sheet, else the file name", () => {
    const { units } = summariseUnits([
      read("a.xlsx", [sheet(PL3, GOOD, "Xã Ia Pa")], "UBND xã Ia Ma"), // corrected in the pane
      read("b.xlsx", [sheet(PL3, GOOD, "Xã Ia Tul")]),
      read("Xa Chu Rcam.xlsx", [sheet(PL3, GOOD)]),
    ]);
    expect(units.map((u) => [u.unit, u.sources])).toEqual([
      ["Xa Chu Rcam", ["Xa Chu Rcam.xlsx"]],
      ["UBND xã Ia Ma", ["a.xlsx"]],
      ["Xã Ia Tul", ["b.xlsx"]],
    ]);
  });
});

describe("units of the same name at two levels", () => {
  test("a district and the township of the same name are two units: neither is dropped as a copy of the other", () => {
    const sources = [
      read("huyen.xlsx", [sheet(PL3, { "pakn-tiep-nhan": { y2019: 10 } }, "UBND huyện Kbang")]),
      read("thi-tran.xlsx", [sheet(PL3, { "pakn-tiep-nhan": { y2019: 3 } }, "UBND thị trấn Kbang")]),
    ];
    const { units } = summariseUnits(sources, { expected: ["Huyện Kbang", "Thị trấn Kbang"] });
    expect(units.map((u) => [u.unit, u.status, u.sources])).toEqual([
      ["Huyện Kbang", "ok", ["huyen.xlsx"]],
      ["Thị trấn Kbang", "ok", ["thi-tran.xlsx"]],
    ]);
    expect(rollupForm(PL3, reportsFor(units, PL3.id)).cells.get("pakn-tiep-nhan")?.get("y2019")).toMatchObject({ value: 13, reported: 2, of: 2 });
  });

  test("without a second level, a unit's spellings stay one unit", () => {
    const { units } = summariseUnits([read("a.xlsx", [sheet(PL3, GOOD, "UBND huyện Kbang")]), read("b.xlsx", [sheet(PL3, GOOD, "Kbang")])]);
    expect(units).toHaveLength(1);
    expect(units[0].status).toBe("duplicate");
  });
});

describe("a unit named only by its files", () => {
  test("the appendix tag and the extension are not part of the name: one unit's PL1 and PL3 files are one unit", () => {
    const { units } = summariseUnits([
      read("UBND huyện Kbang - PL1.xlsx", [sheet(PL1, {}, undefined, "PL1")]),
      read("Phụ lục 3_UBND huyện Kbang.docx", [sheet(PL3, GOOD)]),
    ]);
    expect(units.map((u) => [u.unit, u.status])).toEqual([["UBND huyện Kbang", "ok"]]);
    expect(units[0].reports.map((r) => r.filled.form.id)).toEqual([PL1.id, PL3.id]);
  });

  test.each([
    ["UBND xã Ia Pa.docx", "UBND xã Ia Pa"],
    ["xa-ia-pa-pl3.xls", "xa-ia-pa"],
    ["UBND xã Ia Pa (Phụ lục số 3).ods", "UBND xã Ia Pa"],
    ["Phường 3.xlsx", "Phường 3"],
    ["Sở Nội vụ Cà Mau 2.xlsx", "Sở Nội vụ Cà Mau 2"],
    ["pl3.xlsx", "pl3"],
  ])("«%s» is the unit «%s»", (file, unit) => {
    expect(summariseUnits([read(file, [sheet(PL3, GOOD)])]).units[0].unit).toBe(unit);
  });
});

describe("a unit that sent two files is counted once, both files named", () => {
  test("the copy without errors is used, even if it came first", () => {
    const { units } = summariseUnits([
      read("ia-pa.xlsx", [sheet(PL3, GOOD, "UBND xã Ia Pa")]),
      read("ia-pa (sửa).xlsx", [sheet(PL3, BAD, "Xã Ia Pa")]),
    ]);
    expect(units).toHaveLength(1);
    const u = units[0];
    expect(u).toMatchObject({ status: "duplicate", sources: ["ia-pa.xlsx", "ia-pa (sửa).xlsx"], errors: 0 });
    expect(u.reports.map((r) => r.source)).toEqual(["ia-pa.xlsx"]);
    expect(u.files.map((f) => [f.source, f.status])).toEqual([
      ["ia-pa.xlsx", "ok"],
      ["ia-pa (sửa).xlsx", "duplicate"],
    ]);
    expect(u.message).toContain("«ia-pa.xlsx»");
    expect(u.message).toContain("«ia-pa (sửa).xlsx»");
    expect(u.issues).toHaveIssue("duplicate_unit");
    // …and rolled up once.
    const r = rollupForm(PL3, reportsFor(units, PL3.id));
    expect(r.cells.get("pakn-tiep-nhan")?.get("y2019")).toMatchObject({ value: 12, reported: 1, of: 1 });
  });

  test("two clean copies: the later one (the resubmission) is used", () => {
    const { units } = summariseUnits([
      read("lan-1.xlsx", [sheet(PL3, { "pakn-tiep-nhan": { y2019: 10 } }, "Xã Ia Pa")]),
      read("lan-2.xlsx", [sheet(PL3, { "pakn-tiep-nhan": { y2019: 11 } }, "Xã Ia Pa")]),
    ]);
    expect(units[0].reports.map((r) => r.source)).toEqual(["lan-2.xlsx"]);
    expect(units[0].reason).toContain("bản gửi sau cùng");
  });

  test("every copy has errors: the later one, status still duplicate with its errors counted", () => {
    const { units } = summariseUnits([read("1.xlsx", [sheet(PL3, BAD, "Xã Ia Pa")]), read("2.xlsx", [sheet(PL3, BAD, "Xã Ia Pa")])]);
    expect(units[0]).toMatchObject({ status: "duplicate", errors: 1 });
    expect(units[0].reports.map((r) => r.source)).toEqual(["2.xlsx"]);
    expect(units[0].files.map((f) => f.status)).toEqual(["duplicate", "invalid"]);
  });

  test("different appendices in different files are not duplicates", () => {
    const { units } = summariseUnits([
      read("pl1.xlsx", [sheet(PL1, {}, "Xã Ia Pa", "PL1")]),
      read("pl3.xlsx", [sheet(PL3, GOOD, "Xã Ia Pa")]),
    ]);
    expect(units).toHaveLength(1);
    expect(units[0].status).toBe("ok");
    expect(units[0].reports.map((r) => r.filled.form.id)).toEqual([PL1.id, PL3.id]);
  });
});

describe("missing, unexpected, unreadable, unrecognised, invalid", () => {
  const sources: ReceivedSource[] = [
    read("ia-pa.xlsx", [sheet(PL3, GOOD, "Xã Ia Pa")]),
    read("ia-ma.xlsx", [sheet(PL3, BAD, "Xã Ia Ma")]),
    {
      source: "xa-ia-tul.xlsx",
      outcome: "unreadable",
      reason: "tệp bị hỏng (không giải nén được)",
      forms: [],
      issues: [makeIssue("file_unreadable", "error", { sheet: "", cell: "" }, { file: "xa-ia-tul.xlsx", detail: "tệp bị hỏng" })],
    },
    { source: "chu-rcam.xlsx", unit: "Xã Chư Rcăm", outcome: "unrecognised", reason: "«Sheet1»: không khớp", forms: [], issues: [] },
    read("krong-nang.xlsx", [sheet(PL3, GOOD, "Xã Krông Năng")]),
  ];
  const expected = ["UBND xã Ia Pa", "UBND xã Ia Ma", "UBND xã Ia Tul", "UBND xã Chư Rcăm", "UBND xã Ia Rsai", "UBND xã Uar"];
  const { units, issues } = summariseUnits(sources, { expected });

  test("one row per unit: the expected list in its order, then the others", () => {
    expect(units.map((u) => [u.unit, u.status])).toEqual([
      ["UBND xã Ia Pa", "ok"],
      ["UBND xã Ia Ma", "invalid"],
      ["UBND xã Ia Tul", "unreadable"], // matched through the file name
      ["UBND xã Chư Rcăm", "unrecognised"],
      ["UBND xã Ia Rsai", "missing"],
      ["UBND xã Uar", "missing"],
      ["Xã Krông Năng", "ok"],
    ]);
  });

  test("missing units are named", () => {
    const missing = issues.filter((i) => i.code === "unit_missing");
    expect(missing.map((i) => i.message)).toEqual([expect.stringContaining("«UBND xã Ia Rsai»"), expect.stringContaining("«UBND xã Uar»")]);
  });

  test("a unit not on the list is still rolled up, and flagged", () => {
    const u = units.find((x) => x.unit === "Xã Krông Năng")!;
    expect(u.expected).toBe(false);
    expect(u.issues).toHaveIssue("unit_unexpected");
    expect(u.reports).toHaveLength(1);
  });

  test("reasons and counts", () => {
    expect(units[1]).toMatchObject({ errors: 1 });
    expect(units[1].message).toContain("các ô hợp lệ vẫn được tổng hợp");
    expect(units[2]).toMatchObject({ errors: 1, reason: "tệp bị hỏng (không giải nén được)" });
    expect(units[2].message).toContain("Không đọc được");
    expect(units[3].message).toContain("không có phụ lục nào nhận dạng được");
    expect(units[4]).toMatchObject({ sources: [], errors: 0, warnings: 0 });
  });

  test("an invalid unit's valid cells still count", () => {
    const withValid = summariseUnits([
      read("ia-ma.xlsx", [sheet(PL3, { "pakn-tiep-nhan": { y2019: "abc" }, "pakn-giai-quyet": { y2019: 7 } }, "Xã Ia Ma")]),
      read("ia-pa.xlsx", [sheet(PL3, { "pakn-giai-quyet": { y2019: 3 } }, "Xã Ia Pa")]),
    ]);
    expect(withValid.units.map((u) => u.status)).toEqual(["invalid", "ok"]);
    const r = rollupForm(PL3, reportsFor(withValid.units, PL3.id));
    expect(r.cells.get("pakn-giai-quyet")?.get("y2019")).toMatchObject({ value: 10, reported: 2 });
    expect(r.cells.get("pakn-tiep-nhan")?.get("y2019")).toMatchObject({ value: null, reported: 0 });
    expect(r.excluded.map((e) => e.unit)).toEqual(["Xã Ia Ma"]);
  });

  test("the summary does not depend on the order of the files (no duplicates)", () => {
    const again = summariseUnits([...sources].reverse(), { expected });
    const strip = (r: typeof units) => r.map((u) => ({ ...u, reports: u.reports.map((x) => x.source) }));
    expect(strip(again.units)).toEqual(strip(units));
  });
});

describe("each file validated as it arrives (checkSource), while the others are read", () => {
  const sources = (): ReceivedSource[] => [
    read("a.xlsx", [sheet(PL3, GOOD, "UBND huyện Ia Pa"), sheet(PL1, { "so-vb-chi-dao": { y2019: 4 } }, "UBND huyện Ia Pa", "PL1")]),
    read("b.xlsx", [sheet(PL3, BAD, "UBND huyện Chư Sê")]),
    read("c.xlsx", [sheet(PL3, GOOD, "Xã Ia Tul")], "UBND huyện Kbang"), // corrected: validated at the corrected unit's level
    read("d.xlsx", [sheet(PL3, { "pakn-tiep-nhan": { y2019: 13 } }, "UBND huyện Ia Pa")]), // a second report of a unit
    { source: "e.xlsx", outcome: "unreadable", reason: "tệp hỏng", forms: [], issues: [] },
  ];

  test("the consolidation is the same, issue for issue and value for value", () => {
    const checked = sources().map(checkSource);
    expect(checked.filter((s) => s.checks?.size).length).toBe(4);
    expect(consolidate(checked, { expected: ["Ia Pa", "Chư Sê", "Kbang", "Krông Pa"] })).toEqual(consolidate(sources(), { expected: ["Ia Pa", "Chư Sê", "Kbang", "Krông Pa"] }));
  });

  test("what was found on arrival is what the summary reports (it is not validated twice)", () => {
    const [a] = sources();
    const checked = checkSource(a);
    const form = a.forms[0];
    const check = checked.checks!.get(form)!;
    const marker = makeIssue("not_a_number", "error", { sheet: form.sheet, cell: "Z99", value: "x" }, { label: "dấu", column: "dấu" });
    const { units } = summariseUnits([{ ...checked, checks: new Map([[form, { ...check, issues: [marker] }]]) }]);
    expect(units[0].reports.find((r) => r.filled.form.id === PL3.id)!.issues.map((i) => i.cell)).toContain("Z99");
  });
});

describe("the consolidation in steps (the pane gives the page a turn between them)", () => {
  test("one step per form's rollup and per sheet's layout, and the same result as at once", () => {
    const sources = (): ReceivedSource[] => [
      read("a.xlsx", [sheet(PL3, GOOD, "UBND huyện Ia Pa"), sheet(PL1, { "so-vb-chi-dao": { y2019: 4 } }, "UBND huyện Ia Pa", "PL1")]),
      read("b.xlsx", [sheet(PL3, BAD, "UBND huyện Chư Sê")]),
    ];
    const steps = consolidationSteps(sources());
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    // Two forms: a pause before each rollup, and before each of their two sheets.
    expect(pauses).toBe(2 + 2 * 2);
    expect(step.value).toEqual(consolidate(sources()));
  });
});
