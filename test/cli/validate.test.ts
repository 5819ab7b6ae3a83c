/**
 * `cchc validate` on a partly filled district workbook as a user gets it: our template of Phụ lục 3
 * and Phụ lục 8 with a few values typed by LibreOffice (one of them a mistake), next to a file that
 * is not a workbook. The text output must be readable — a summary line per file, per sheet the
 * error above the warnings, the blank rows folded into one line, long labels shortened, no line
 * of a screen's width and more — while `--json` keeps every issue with its full message.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { findForm } from "../../src/catalog";
import type { ValidatedFile } from "../../src/cli/commands/validate";
import { a1 } from "../../src/core/grid";
import { layoutForm } from "../../src/core/layout";
import { defaultSheetName } from "../../src/core/sheet-names";
import { templateWorkbook } from "../../src/xlsx/templates";
import { libreOfficeFill, tempDir, type Fill } from "../support/libreoffice";
import { runCli as run } from "../support/cli";

const PL3 = findForm("tk2011-2020.huyen.pl3")!;
const PL8 = findForm("tk2011-2020.huyen.pl8")!;
const dir = tempDir("cchc-cli-validate-");
const GOOD = join(dir, "kbang-tong-ket.xlsx");
const BROKEN = join(dir, "hong.xlsx");

const at = (form: typeof PL3, row: string, column: string) => {
  const layout = layoutForm(form);
  return a1(layout.rowIndex.get(row)!, layout.colIndex.get(column)!);
};
const countRow = PL3.rows.find((r) => r.kind === "count" && !r.relation)!;
const MISTAKE = at(PL3, countRow.id, "y2019");
/** The goal with the longest label, rated with a word that is not a rating. */
const LONGEST = [...PL8.rows].sort((a, b) => b.label.length - a.label.length)[0];
const MISTAKE8 = at(PL8, LONGEST.id, "danh-gia");

let text: { code: number; out: string };
let json: ValidatedFile[];

beforeAll(async () => {
  const template = join(dir, "template.xlsx");
  writeFileSync(template, await templateWorkbook([PL3, PL8], { unit: "UBND huyện Kbang", period: "Năm 2020" }));
  const fills: Fill[] = [
    { sheet: defaultSheetName(PL3), cell: MISTAKE, value: "mười hai" },
    { sheet: defaultSheetName(PL3), cell: at(PL3, countRow.id, "y2020q1"), value: 7 },
    { sheet: defaultSheetName(PL8), cell: at(PL8, PL8.rows[0].id, "danh-gia"), value: "Đạt" },
    { sheet: defaultSheetName(PL8), cell: at(PL8, PL8.rows[1].id, "danh-gia"), value: "Không đạt" },
    { sheet: defaultSheetName(PL8), cell: MISTAKE8, value: "Hoàn thành" },
  ];
  libreOfficeFill(template, fills, [{ path: GOOD, format: "xlsx" }]);
  writeFileSync(BROKEN, "không phải bảng tính");
  text = await run("validate", GOOD, BROKEN);
  const j = await run("validate", GOOD, BROKEN, "--json");
  json = (JSON.parse(j.out) as { files: ValidatedFile[] }).files;
}, 180_000);

const lines = () => text.out.split("\n").filter(Boolean);

test("--json keeps every issue with its full message (the public interface is unchanged)", () => {
  const good = json[0];
  expect(good.status).toBe("ok");
  expect(good.sheets.map((s) => s.form)).toEqual([PL3.id, PL8.id]);
  const blank8 = good.issues.filter((i) => i.sheet === defaultSheetName(PL8) && i.code === "required_blank");
  expect(blank8).toHaveLength(PL8.rows.length - 3);
  expect(good.issues.filter((i) => i.severity === "error").map((i) => [i.sheet, i.cell, i.value])).toEqual([
    [defaultSheetName(PL3), MISTAKE, "mười hai"],
    [defaultSheetName(PL8), MISTAKE8, "Hoàn thành"],
  ]);
  expect(good.issues.find((i) => i.sheet === defaultSheetName(PL8) && i.cell === MISTAKE8)!.message).toContain(LONGEST.label);
  for (const i of good.issues) expect(Object.keys(i)).toEqual(expect.arrayContaining(["sheet", "cell", "severity", "code", "message"]));
  expect(json[1]).toMatchObject({ file: BROKEN, status: "unreadable" });
  expect(text.code).toBe(1);
});

test("one summary line per file, then per sheet the error above the warnings, blank rows folded into one line", () => {
  const good = json[0];
  const errors = good.issues.filter((i) => i.severity === "error").length;
  const warnings = good.issues.length - errors;
  expect(lines()[0]).toBe(`«${GOOD}»: ${errors} lỗi, ${warnings} cảnh báo trong 2 trang tính.`);
  // a file that cannot be read: its summary, then why and what to do
  const broken = lines().findIndex((l) => l === `«${BROKEN}»: không đọc được.`);
  expect(broken).toBeGreaterThan(0);
  expect(lines()[broken + 1]).toMatch(/^ {2}Không đọc được tệp «/);
  expect(text.out.replace(/\n\s*/g, " ")).toContain(json[1].issues[0].message);
  expect(lines().at(-1)).toBe(`Tổng cộng 2 tệp: ${errors} lỗi, ${warnings} cảnh báo; 1 tệp không dùng được.`);

  for (const form of [PL3, PL8]) {
    const sheet = defaultSheetName(form);
    const mine = good.issues.filter((i) => i.sheet === sheet);
    const counts = `${mine.filter((i) => i.severity === "error").length} lỗi, ${mine.filter((i) => i.severity === "warning").length} cảnh báo`;
    const start = lines().findIndex((l) => l.startsWith(`  Trang «${sheet}»: ${counts} — ${form.appendix} (${form.id}), UBND huyện Kbang,`));
    expect({ sheet, start }).not.toEqual({ sheet, start: -1 });
    const next = lines().findIndex((l, k) => k > start && /^ {0,2}\S/.test(l));
    // the issues under the sheet: lines indented by 4 (their continuations by 6)
    const items = lines()
      .slice(start + 1, next)
      .filter((l) => /^ {4}\S/.test(l));
    const blank = mine.filter((i) => i.code === "required_blank");
    // at most one line per blank-row group: the count of blank rows, once, and it is the last
    const folded = items.filter((l) => l.includes("dòng chưa có số liệu"));
    expect(folded).toEqual([expect.stringMatching(new RegExp(`^    Cảnh báo: ${blank.length} dòng chưa có số liệu: dòng \\d`))]);
    expect(items.at(-1)).toBe(folded[0]);
    // the sheet's error comes first, then the warnings
    const mistake = form === PL3 ? MISTAKE : MISTAKE8;
    expect(items[0]).toMatch(new RegExp(`^    Lỗi ô ${mistake} \\(dòng «`));
    expect(items.slice(1).every((l) => l.startsWith("    Cảnh báo"))).toBe(true);
  }
});

test("every line is under 200 characters (wrapped at 100), and no long label is printed whole", () => {
  const tooLong = lines().filter((l) => l.length > 100);
  expect(tooLong).toEqual([]);
  const long = [...PL3.rows, ...PL8.rows].filter((r) => r.label.length > 100);
  expect(long.length).toBeGreaterThan(0);
  for (const r of long) expect(text.out.replace(/\n\s*/g, " ")).not.toContain(r.label);
  // …but its beginning is there, shortened with «…»
  const flat = text.out.replace(/\n\s*/g, " ");
  const shown = /Lỗi ô [A-Z]+\d+ \(dòng «([^«»]+)»/g;
  const labels = [...flat.matchAll(shown)].map((m) => m[1]);
  expect(labels).toHaveLength(2);
  expect(labels[1].endsWith("…")).toBe(true);
  expect(LONGEST.label.startsWith(labels[1].slice(0, -1))).toBe(true);
  expect(labels[1].length).toBeLessThanOrEqual(60);
  // the text output is far shorter than the messages it stands for
  expect(text.out.length).toBeLessThan(json[0].issues.reduce((n, i) => n + i.message.length, 0) / 3);
});
