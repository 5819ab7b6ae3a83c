/**
 * The province's and the district's 2011-2020 review print some appendices with the same rows
 * (Phụ lục 5: staffing). A unit's retyped copy is then told by the unit's level — a district
 * office's is the district's form, a provincial department's the province's — and only with no
 * unit named is it refused as ambiguous, naming both.
 */
import { FORMS, findForm } from "../../src/catalog";
import { recogniseSheet } from "../../src/core/recognise";
import { naiveSheet, toGrid, type V } from "../support/retyped";

const PL5 = findForm("tk2011-2020.huyen.pl5")!;

function sheet(heading: string[]) {
  const base = naiveSheet(PL5);
  const rows: V[][] = [...heading.map((h): V[] => [h]), [], ...base.rows];
  return toGrid({ rows, merges: base.merges.map((m) => ({ ...m, top: m.top + heading.length + 1, bottom: m.bottom + heading.length + 1 })) });
}

const formOf = (heading: string[]) => {
  const r = recogniseSheet(sheet(heading), FORMS);
  return r.status === "recognised" ? r.filled.form.id : r.issues.map((i) => i.code).join(",");
};

it("a district office's Phụ lục 5 is the district's form", () => {
  expect(formOf(["UBND HUYỆN KBANG", "PHÒNG NỘI VỤ"])).toBe("tk2011-2020.huyen.pl5");
  expect(formOf(["ỦY BAN NHÂN DÂN HUYỆN KBANG"])).toBe("tk2011-2020.huyen.pl5");
});

it("a commune's is the district's form too (communes fill the district plan's appendices)", () => {
  expect(formOf(["UBND XÃ ĐAK SMAR"])).toBe("tk2011-2020.huyen.pl5");
});

it("a provincial department's is the province's form", () => {
  expect(formOf(["UBND TỈNH BÌNH ĐỊNH", "SỞ NỘI VỤ"])).toBe("tk2011-2020.tinh.pl5");
});

it("without a unit it is refused as ambiguous, naming both forms", () => {
  const r = recogniseSheet(sheet([]), FORMS);
  if (r.status !== "unrecognised") throw new Error(`recognised as ${r.filled.form.id}`);
  const ambiguous = r.issues.find((i) => i.code === "form_ambiguous");
  expect(ambiguous?.message).toContain("ghi tên đơn vị báo cáo ở đầu trang");
  expect(r.candidates.slice(0, 2).map((c) => c.formId).sort()).toEqual(["tk2011-2020.huyen.pl5", "tk2011-2020.tinh.pl5"]);
});
