/**
 * Reading forms as units retype them (issue 14): the right column under a merged header, never a
 * column picked silently; the unit from the heading or the "(Kèm theo …)" line; the period from
 * the title lines. The sheets are the periodic statistics form of seed 003 (the real catalogue
 * form), retyped as test/support/retyped.ts describes.
 */
import { FORMS } from "../../src/catalog";
import { choiceKey, NO_COLUMN } from "../../src/core/column-choice";
import { consolidate, unitsJson } from "../../src/core/consolidate";
import type { Grid } from "../../src/core/grid";
import { recogniseSheet, type Recognition } from "../../src/core/recognise";
import { receivedFromGrids } from "../../src/core/workbook";
import { unitKey } from "../../src/core/units";
import { parseCell } from "../../src/core/parse";
import { effectiveKind } from "../../src/core/validate";
import { ATTACHED_HOA_KHANH, PERIODIC, retypedPeriodic, TITLE_Q3, toGrid, type RetypedOptions, type V } from "../support/retyped";

function recognised(r: Recognition) {
  if (r.status !== "recognised") throw new Error(`not recognised: ${r.reason}`);
  return r;
}

const recognise = (grid: Grid) => recognised(recogniseSheet(grid, FORMS));
const read = (options: RetypedOptions) => recognise(toGrid(retypedPeriodic(options)));

/** rowId → the meaning of what was read in "Số liệu" (as validation parses it). */
function valuesRead(r: ReturnType<typeof recognise>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const column = PERIODIC.columns.find((c) => c.id === "so-lieu")!;
  for (const row of PERIODIC.rows) {
    const bound = r.filled.cells.get(row.id)?.get("so-lieu");
    if (!bound?.raw) continue;
    const p = parseCell(bound.raw, effectiveKind(row, column), row);
    if (p.type === "number" || p.type === "code") out.set(row.id, p.value);
  }
  return out;
}

function expectedNumbers(sheet: ReturnType<typeof retypedPeriodic>): Map<string, unknown> {
  return new Map([...sheet.expected].filter(([, m]) => typeof m === "number"));
}

const codesOf = (r: { issues: { code: string }[] }) => r.issues.map((i) => i.code);

describe("«Số liệu» merged over «Kỳ trước | Kỳ này»", () => {
  const sheet = retypedPeriodic({ header: "ky-truoc-ky-nay", top: ["Phụ lục", TITLE_Q3] });
  const r = recognise(toGrid(sheet));

  it("reads this period's column (E), never last period's", () => {
    expect(r.filled.form.id).toBe(PERIODIC.id);
    expect(r.details.columns["so-lieu"]).toBe(4);
    expect(valuesRead(r)).toEqual(expectedNumbers(sheet));
    expect(r.filled.pending).toBeUndefined();
  });

  it("names the comparison column as ignored, at its header", () => {
    const ignored = r.issues.filter((i) => i.code === "column_ignored");
    expect(ignored).toHaveLength(1);
    expect(r.issues).toHaveIssue("column_ignored", "D5", "warning");
    expect(ignored[0].value).toBe("Số liệu / Kỳ trước");
    expect(ignored[0].message).toContain("cột D");
    expect(ignored[0].message).toContain("cột E «Số liệu / Kỳ này»");
  });

  it("treats the sub-header row as header, not as a row with values", () => {
    expect(r.details.headerRows).toEqual([3, 4]);
    expect(codesOf(r)).not.toContain("row_unmatched");
  });
});

describe("«Số liệu» merged over «Kỳ này | Lũy kế»", () => {
  const sheet = retypedPeriodic({ header: "ky-nay-luy-ke" });
  const r = recognise(toGrid(sheet));
  it("reads «Kỳ này» and names «Lũy kế» as ignored", () => {
    expect(r.details.columns["so-lieu"]).toBe(3);
    expect(valuesRead(r)).toEqual(expectedNumbers(sheet));
    expect(r.issues).toHaveIssue("column_ignored", "E2", "warning");
  });
});

describe("a group header over two unlabeled sub-columns", () => {
  const sheet = retypedPeriodic({ header: "two-unlabeled" });
  const r = recognise(toGrid(sheet));

  it("needs a decision: nothing of «Số liệu» is read, an error names both candidates", () => {
    expect(r.filled.pending).toHaveLength(1);
    const [d] = r.filled.pending!;
    expect(d.candidates.map((c) => c.letter)).toEqual(["D", "E"]);
    expect(d.candidates.map((c) => c.samples.length)).toEqual([3, 3]);
    expect(valuesRead(r).size).toBe(0);
    expect(r.issues).toHaveIssue("column_undecided", "D1", "error");
    const message = r.issues.find((i) => i.code === "column_undecided")!.message;
    expect(message).toContain("cột D «Số liệu»");
    expect(message).toContain("cột E");
  });

  it("rollup leaves the sheet out with the status «undecided» and lists the candidates", () => {
    const source = receivedFromGrids("xa-a.xlsx", [toGrid(sheet)], FORMS);
    const c = consolidate([source]);
    expect(c.units.units[0].status).toBe("undecided");
    expect(c.rollups).toHaveLength(0);
    const [entry] = unitsJson(c.units);
    expect(entry).toMatchObject({ file: "xa-a.xlsx", status: "undecided", unitSource: "file" });
    expect(entry.decisions![0].candidates.map((x) => x.column)).toEqual(["D", "E"]);
    expect(entry.message).toContain("chưa xác định được cột nào chứa số liệu «Số liệu»");
  });

  it("a choice for the unit and this layout binds the chosen column, and says so", () => {
    const source = receivedFromGrids("xa-a.xlsx", [toGrid(sheet)], FORMS);
    const pending = consolidate([source]).units.decisions[0];
    expect(pending.key).toBe(choiceKey(unitKey("xa-a"), pending.decision));
    const c = consolidate([source], { columnChoices: { [pending.key]: sheet.currentCol } });
    expect(c.units.units[0].status).toBe("ok");
    expect(c.units.decisions).toEqual([]);
    const value = c.values.find((v) => v.row === "nv-de-ra" && v.column === "Số liệu")!;
    expect(value.value).toBe(sheet.expected.get("nv-de-ra"));
    const issues = c.units.units[0].reports[0].issues;
    expect(issues).toHaveIssue("column_chosen", "D1", "warning");
    expect(issues).toHaveIssue("column_ignored", "E1", "warning");
    expect(issues).not.toHaveIssue("column_undecided");
  });

  it("the same choice does not apply to another unit's sheet of the same layout", () => {
    const a = receivedFromGrids("xa-a.xlsx", [toGrid(sheet)], FORMS);
    const b = receivedFromGrids("xa-b.xlsx", [toGrid(sheet)], FORMS);
    const key = consolidate([a]).units.decisions[0].key;
    const c = consolidate([a, b], { columnChoices: { [key]: sheet.currentCol } });
    expect(c.units.units.map((u) => [u.unit, u.status])).toEqual([
      ["xa-a", "ok"],
      ["xa-b", "undecided"],
    ]);
  });

  it("«no column» leaves «Số liệu» unreported, and the sheet is consolidated", () => {
    const source = receivedFromGrids("xa-a.xlsx", [toGrid(sheet)], FORMS);
    const key = consolidate([source]).units.decisions[0].key;
    const c = consolidate([source], { columnChoices: { [key]: NO_COLUMN } });
    expect(c.units.units[0].status).not.toBe("undecided");
    expect(c.values.find((v) => v.row === "nv-de-ra" && v.column === "Số liệu")!.value).toBeNull();
  });
});

describe("columns headed alike or only by meaning", () => {
  const base = retypedPeriodic({ header: "plain" });

  it("a flat header «Kỳ trước | Kỳ này» where «Số liệu» should be: this period is read, reported as differing", () => {
    const rows = base.rows.map((row, r) => {
      const copy = [...row];
      const v = copy[3];
      copy.splice(3, 1, r === 0 ? "Kỳ trước" : r > 0 && typeof v === "number" ? v + 1000 : v === null ? null : 0, r === 0 ? "Kỳ này" : v);
      return copy;
    });
    const r = recognise(toGrid({ rows }));
    expect(r.details.columns["so-lieu"]).toBe(4);
    expect(r.issues).toHaveIssue("column_header_differs", "E1");
    expect(r.issues).toHaveIssue("column_ignored", "D1");
    expect(valuesRead(r)).toEqual(expectedNumbers(base));
  });

  it("two columns both headed «Số liệu»: a decision, not the first one", () => {
    const rows = base.rows.map((row) => {
      const copy = [...row];
      copy.splice(4, 0, copy[3]);
      return copy;
    });
    const r = recognise(toGrid({ rows }));
    expect(r.filled.pending?.[0].candidates.map((c) => c.letter)).toEqual(["D", "E"]);
    expect(r.issues).toHaveIssue("column_undecided", "D1", "error");
  });

  it("an extra column of figures without a header is named, the values stay", () => {
    const rows = base.rows.map((row, r) => [...row, r === 0 ? null : 7]);
    const r = recognise(toGrid({ rows }));
    expect(valuesRead(r)).toEqual(expectedNumbers(base));
    expect(r.issues).toHaveIssue("column_ignored", "F2", "warning");
  });

  it("a «Đơn vị tính» column holding figures is named", () => {
    const rows = base.rows.map((row, r) => (r === 0 ? row : [row[0], row[1], 5, ...row.slice(3)]));
    const r = recognise(toGrid({ rows }));
    expect(r.issues).toHaveIssue("column_ignored", "C1", "warning");
    expect(r.issues.find((i) => i.code === "column_ignored")!.message).toContain("Đơn vị tính");
  });

  it("the template's own layout reads without any column issue", () => {
    const r = recognise(toGrid(base));
    expect(codesOf(r).filter((c) => c.startsWith("column"))).toEqual([]);
  });
});

describe("the unit", () => {
  it("from the «(Kèm theo Báo cáo … của UBND phường …)» line when no cell names it", () => {
    const r = read({ top: ["Phụ lục", TITLE_Q3, ATTACHED_HOA_KHANH] });
    expect(r.filled.unit).toBe("UBND phường Hòa Khánh");
    expect(r.filled.unitSource).toBe("attached");
  });

  it("not from a plan's «Kèm theo Kế hoạch … của UBND huyện X»: that is the issuer", () => {
    const r = read({ top: ["Phụ lục", TITLE_Q3, "(Kèm theo Kế hoạch số 41/KH-UBND ngày 27/3/2020 của UBND huyện Kbang)"] });
    expect(r.filled.unit).toBeUndefined();
  });

  it.each([
    [["ỦY BAN NHÂN DÂN\nPHƯỜNG HÒA KHÁNH"], "ỦY BAN NHÂN DÂN PHƯỜNG HÒA KHÁNH"],
    [["UBND XÃ ĐAK SMAR"], "UBND XÃ ĐAK SMAR"],
    [["ỦY BAN NHÂN DÂN", "XÃ IA PA"], "ỦY BAN NHÂN DÂN XÃ IA PA"],
    [["UBND HUYỆN KBANG\nUBND XÃ ĐAK SMAR"], "UBND XÃ ĐAK SMAR"],
    [["UBND HUYỆN KBANG\nPHÒNG NỘI VỤ\n-------"], "UBND HUYỆN KBANG – PHÒNG NỘI VỤ"],
  ])("from the heading %j", (top, unit) => {
    const r = read({ top: [...top, "Phụ lục", TITLE_Q3] });
    expect(r.filled.unit).toBe(unit);
    expect(r.filled.unitSource).toBe("heading");
  });

  it("a «Đơn vị báo cáo:» cell wins; a heading naming another unit is reported", () => {
    const r = read({ top: ["UBND XÃ IA PA", "Đơn vị báo cáo: UBND xã Ia Ma", TITLE_Q3] });
    expect(r.filled.unit).toBe("UBND xã Ia Ma");
    expect(r.filled.unitSource).toBe("cell");
    expect(r.issues).toHaveIssue("unit_conflict", "A1", "warning");
  });

  it("a heading and a «Kèm theo» line naming the same unit differently agree", () => {
    const r = read({ top: ["UBND HUYỆN KBANG\nPHÒNG NỘI VỤ", "(Kèm theo Báo cáo số 5/BC-PNV ngày 1/7/2026 của Phòng Nội vụ huyện Kbang)", TITLE_Q3] });
    expect(r.issues).not.toHaveIssue("unit_conflict");
  });

  it("the sheet's name when it names a unit, else the file's (and the JSON says which)", () => {
    const sheet = retypedPeriodic({ top: [TITLE_Q3] });
    const named = receivedFromGrids("v4.xlsx", [toGrid(sheet, "Xã Ia Pa")], FORMS);
    const generic = receivedFromGrids("v4.xlsx", [toGrid(sheet, "Sheet1")], FORMS);
    expect(named.forms[0]).toMatchObject({ unit: "Xã Ia Pa", unitSource: "sheet" });
    expect(generic.forms[0].unit).toBeUndefined();
    const json = unitsJson(consolidate([named, { ...generic, source: "v5.xlsx" }]).units);
    expect(json.map((u) => [u.unit, u.unitSource])).toEqual([
      ["Xã Ia Pa", "sheet"],
      ["v5", "file"],
    ]);
  });
});

describe("the period", () => {
  it.each([
    [TITLE_Q3, "QUÝ III NĂM 2026", "2026-Q3"],
    ["BÁO CÁO KẾT QUẢ CÔNG TÁC CCHC 6 THÁNG ĐẦU NĂM 2026", "6 THÁNG ĐẦU NĂM 2026", "2026-H1"],
    ["Thống kê số liệu CCHC 9 tháng năm 2026", "9 tháng năm 2026", "2026-9M"],
    ["THỐNG KÊ SỐ LIỆU CCHC NĂM 2026", "NĂM 2026", "2026"],
    ["(Số liệu tính từ ngày 15/6/2026 đến ngày 14/9/2026)", "tính từ ngày 15/6/2026 đến ngày 14/9/2026", "2026-Q3"],
  ])("from the title line «%s»", (line, text, key) => {
    const r = read({ top: ["UBND XÃ IA PA", "Kbang, ngày 10 tháng 10 năm 2026", line] });
    expect(r.filled.period).toBe(text);
    expect(r.filled.periodKey).toBe(key);
  });

  it("a «Kỳ báo cáo:» cell wins, as printed, normalised beside", () => {
    const r = read({ top: ["Kỳ báo cáo: Quý 3/2026", TITLE_Q3] });
    expect(r.filled.period).toBe("Quý 3/2026");
    expect(r.filled.periodKey).toBe("2026-Q3");
  });

  it("two lines stating different periods: no period, and a warning", () => {
    const r = read({ top: [TITLE_Q3, "(Số liệu tính từ ngày 15/3/2026 đến ngày 14/6/2026)"] });
    expect(r.filled.periodKey).toBeUndefined();
    expect(r.issues).toHaveIssue("period_conflict", "A2", "warning");
  });

  it("the form's own title (the seed's «QUÝ I NĂM 2021») says nothing about the unit's period", () => {
    const r = read({ top: ["Phụ lục", PERIODIC.title] });
    expect(r.filled.period).toBeUndefined();
  });
});

describe("a rollup for a period", () => {
  const unit = (name: string, title: string, file: string) =>
    receivedFromGrids(file, [toGrid(retypedPeriodic({ top: [`UBND XÃ ${name}`, title] }), "PL")], FORMS);
  const q3 = (n: string) => unit(n, TITLE_Q3, `${n}.xlsx`);
  const q2 = (n: string, file = `${n}-q2.xlsx`) => unit(n, "THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CCHC QUÝ II NĂM 2026", file);

  it("takes the majority's period, warns about a unit that sent another period and leaves it out", () => {
    const c = consolidate([q3("IA PA"), q3("IA MA"), q2("IA TUL")]);
    expect(c.units.period).toEqual({ text: "Quý III năm 2026", key: "2026-Q3", source: "majority" });
    const tul = c.units.units.find((u) => u.unit === "UBND XÃ IA TUL")!;
    expect(tul.status).toBe("other-period");
    expect(tul.issues).toHaveIssue("unit_other_period", "", "warning");
    expect(tul.message).toContain("QUÝ II NĂM 2026 (2026-Q2)");
    expect(tul.message).toContain("Quý III năm 2026 (2026-Q3)");
    expect(c.values.find((v) => v.row === "nv-de-ra" && v.column === "Số liệu")!.of).toBe(2);
    const json = unitsJson(c.units).find((u) => u.unit === "UBND XÃ IA TUL")!;
    expect(json).toMatchObject({ status: "other-period", period: "QUÝ II NĂM 2026", periodKey: "2026-Q2", unitSource: "heading" });
  });

  it("a period given (--period, the pane) decides, whatever the majority", () => {
    const c = consolidate([q2("IA PA"), q2("IA MA"), q3("IA TUL")], { period: "Quý III năm 2026" });
    expect(c.units.units.filter((u) => u.status === "other-period").map((u) => u.unit)).toEqual(["UBND XÃ IA MA", "UBND XÃ IA PA"]);
    expect(c.sheets[0].layout.cells.find((x) => x.row === 2 && x.col === 2)?.value).toBe("Quý III năm 2026");
  });

  it("last quarter's report sent again beside this quarter's: this quarter's is used, whatever the order", () => {
    const c = consolidate([q3("IA PA"), q2("IA PA"), q3("IA MA")]);
    const pa = c.units.units.find((u) => u.unit === "UBND XÃ IA PA")!;
    expect(pa.status).toBe("ok");
    expect(pa.reports[0].source).toBe("IA PA.xlsx");
    expect(pa.issues).toHaveIssue("unit_other_period");
  });

  it("no majority: nothing is left out, and the rollup says so", () => {
    const c = consolidate([q3("IA PA"), q2("IA MA")]);
    expect(c.units.period).toBeUndefined();
    expect(c.units.notes).toHaveIssue("period_mixed");
    expect(c.units.units.every((u) => u.status === "ok")).toBe(true);
  });

  it("a period given that names no period is said so, and nothing is compared", () => {
    const c = consolidate([q3("IA PA"), q2("IA MA")], { period: "kỳ này" });
    expect(c.units.notes).toHaveIssue("period_unreadable");
    expect(c.units.units.every((u) => u.status === "ok")).toBe(true);
  });

  it("the status sheet lists each unit's period and where its name came from", () => {
    const c = consolidate([q3("IA PA"), q2("IA TUL"), q3("IA MA")]);
    const status = c.sheets[0].layout;
    const text = status.cells.map((x) => String(x.value ?? ""));
    expect(text).toContain("QUÝ II NĂM 2026 (2026-Q2)");
    expect(text).toContain("dòng tên cơ quan ở đầu trang");
    expect(text).toContain("Khác kỳ báo cáo");
  });
});

// Keep the helper type used (V documents the grid literals above).
export type { V };
