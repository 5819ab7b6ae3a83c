/**
 * Issues as people read them (core/issue-groups): a partly filled district Phụ lục 8 — the goals
 * whose labels run to several hundred characters — validated for real, then ordered, folded and
 * shortened. The Issue values themselves are never changed.
 */
import { findForm } from "../../src/catalog";
import type { Issue } from "../../src/core/issues";
import {
  LABEL_MAX,
  blankRowsSummary,
  briefMessage,
  countIssues,
  countsText,
  groupIssues,
  localMessage,
  shortenText,
} from "../../src/core/issue-groups";
import { validateFilled } from "../../src/core/validate";
import { addressOf, fill } from "../support/fill";

const PL8 = findForm("tk2011-2020.huyen.pl8")!;
const PL1 = findForm("tk2011-2020.huyen.pl1")!;
const longest = [...PL8.rows].sort((a, b) => b.label.length - a.label.length)[0];

/** PL8 with three goals rated (one misspelt), the other thirteen blank. */
function partlyFilledPl8(sheet = "Phụ lục 8"): Issue[] {
  const rated = fill(
    PL8,
    { [PL8.rows[0].id]: { "danh-gia": "Đạt" }, [PL8.rows[1].id]: { "danh-gia": "Dat roi" }, [PL8.rows[4].id]: { "danh-gia": "Không đạt" } },
    { sheet },
  );
  return validateFilled(rated);
}

test("the form really has labels far longer than a line", () => {
  expect(longest.label.length).toBeGreaterThan(500);
});

test("errors first, then the sheet's blank rows folded into one warning that keeps every issue", () => {
  const issues = partlyFilledPl8();
  const blank = issues.filter((i) => i.code === "required_blank");
  expect(blank).toHaveLength(13);
  const groups = groupIssues(issues);
  expect(groups.map((g) => [g.kind, g.severity])).toEqual([
    ["single", "error"],
    ["blank-rows", "warning"],
  ]);
  expect(groups[0].issues[0]).toMatchObject({ code: "not_a_status", cell: addressOf(PL8, PL8.rows[1].id, "danh-gia"), value: "Dat roi" });
  expect(groups[1].issues).toEqual(blank);
  // the rows are the sheet's rows, consecutive ones as ranges: goals 3-4 and 6-16 are blank
  const row = (goal: number) => Number(addressOf(PL8, PL8.rows[goal - 1].id, "danh-gia").replace(/^[A-Z]+/, ""));
  expect(groups[1].summary).toBe(`13 dòng chưa có số liệu: dòng ${row(3)}–${row(4)}, ${row(6)}–${row(16)}`);
  // nothing lost, nothing changed
  expect(groups.flatMap((g) => g.issues).sort((a, b) => a.cell.localeCompare(b.cell))).toEqual([...issues].sort((a, b) => a.cell.localeCompare(b.cell)));
});

test("every sheet's errors come before any warning; each sheet's warnings are folded on their own", () => {
  const a = partlyFilledPl8("A");
  const b = validateFilled(fill(PL1, { "so-mau-khao-sat": { y2019: "mười" } }, { sheet: "B" }));
  const groups = groupIssues([...a, ...b]);
  const firstWarning = groups.findIndex((g) => g.severity === "warning");
  expect(groups.slice(0, firstWarning).every((g) => g.severity === "error")).toBe(true);
  expect(groups.slice(firstWarning).every((g) => g.severity === "warning")).toBe(true);
  expect(groups.filter((g) => g.severity === "error").map((g) => g.sheet)).toEqual(["A", "B"]);
  expect(groups.filter((g) => g.kind === "blank-rows").map((g) => g.sheet)).toEqual(["A", "B"]);
});

test("one blank row is not folded; a long list of rows is cut with «…»", () => {
  const one = validateFilled(fill(PL8, Object.fromEntries(PL8.rows.slice(1).map((r) => [r.id, { "danh-gia": "Đạt" }]))));
  expect(groupIssues(one).map((g) => g.kind)).toEqual(["single"]);
  const scattered = Array.from({ length: 12 }, (_, k) => ({ cell: `D${10 + 2 * k}` }));
  expect(blankRowsSummary(scattered)).toBe("12 dòng chưa có số liệu: dòng 10, 12, 14, 16, 18, 20, 22, 24…");
});

test("long quoted labels are shortened at a word boundary; the Issue keeps the full text", () => {
  const issues = partlyFilledPl8();
  const onLongest = issues.find((i) => i.message.includes(longest.label))!;
  expect(onLongest).toBeDefined();
  const brief = briefMessage(onLongest.message);
  expect(brief.length).toBeLessThan(onLongest.message.length - 400);
  expect(brief).toContain(`«${shortenText(longest.label)}»`);
  expect(shortenText(longest.label).length).toBeLessThanOrEqual(LABEL_MAX);
  expect(shortenText(longest.label).endsWith("…")).toBe(true);
  expect(longest.label.startsWith(shortenText(longest.label).slice(0, -1))).toBe(true);
  // short quotes (values, column names) stay as they are
  const error = issues.find((i) => i.severity === "error")!;
  expect(briefMessage(error.message)).toContain("«Dat roi»");
  expect(briefMessage(error.message)).toContain(`«${PL8.columns.find((c) => c.id === "danh-gia")!.label}»`);
  expect(onLongest.message).toContain(longest.label);
});

test("a view grouped by sheet drops the opening that names the sheet", () => {
  const error = partlyFilledPl8("Phụ lục 8").find((i) => i.severity === "error")!;
  expect(error.message.startsWith(`Ô Phụ lục 8!${error.cell}`)).toBe(true);
  expect(localMessage(error).startsWith(" (dòng «")).toBe(true);
  const blankSheet = validateFilled(fill(PL1, {}, { sheet: "Trống" }));
  expect(blankSheet.map((i) => i.code)).toEqual(["form_blank"]);
  expect(localMessage(blankSheet[0]).startsWith(": chưa có số liệu nào")).toBe(true);
});

test("counts", () => {
  const c = countIssues(partlyFilledPl8());
  expect(c).toEqual({ errors: 1, warnings: 13 });
  expect(countsText(c)).toBe("1 lỗi, 13 cảnh báo");
  expect(countsText({ errors: 0, warnings: 0 })).toBe("không có lỗi hay cảnh báo");
});
