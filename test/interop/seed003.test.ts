/**
 * Seed 003 is a real filled form with real defects. Its appendix, typed by LibreOffice into our
 * template exactly as printed, must produce exactly its defects — "1 2" in the 0/1 row 7.1 — and
 * no error on its valid values ("3,7", "21.88", "100%" in percent rows).
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { findForm } from "../../src/catalog";
import { a1 } from "../../src/core/grid";
import { layoutForm } from "../../src/core/layout";
import { defaultSheetName } from "../../src/core/sheet-names";
import { templateWorkbook } from "../../src/xlsx/templates";
import { main } from "../../src/cli/main";
import { nodeIo, type Io } from "../../src/cli/io";
import type { ValidatedFile } from "../../src/cli/commands/validate";
import { SEED003_VALUES } from "../fixtures/seed003-values";
import { libreOfficeFill, tempDir, type Fill } from "../support/libreoffice";

const form = findForm("bao-cao-dinh-ky.thong-ke")!;
const layout = layoutForm(form);
const sheet = defaultSheetName(form);
const valueCol = layout.colIndex.get("so-lieu")!;
const noteCol = layout.colIndex.get("ghi-chu")!;

let result: { code: number; files: ValidatedFile[] };

beforeAll(async () => {
  const dir = tempDir();
  const template = join(dir, "template.xlsx");
  writeFileSync(template, await templateWorkbook([form], { unit: "UBND huyện Kbang", period: "Quý I năm 2021" }));
  const fills: Fill[] = [];
  for (const { rowId, value, note } of SEED003_VALUES) {
    const row = layout.rowIndex.get(rowId);
    if (row === undefined) throw new Error(`seed 003 row ${rowId} is not in the form`);
    // Typed as the clerk typed it: text exactly as printed (LibreOffice stores it as text).
    if (value) fills.push({ sheet, cell: a1(row, valueCol), value });
    if (note) fills.push({ sheet, cell: a1(row, noteCol), value: note });
  }
  const filled = join(dir, "kbang-quy-1-2021.xlsx");
  libreOfficeFill(template, fills, [{ path: filled, format: "xlsx" }]);
  let out = "";
  const io: Io = { ...nodeIo(), out: (t) => void (out += t), err: () => undefined };
  const code = await main(["validate", filled, "--json"], io);
  result = { code, files: (JSON.parse(out) as { files: ValidatedFile[] }).files };
});

it("recognises the sheet as the periodic statistics form of Kbang", () => {
  expect(result.files[0].status).toBe("ok");
  expect(result.files[0].sheets).toEqual([
    { sheet, form: form.id, unit: "UBND huyện Kbang", period: "Quý I năm 2021", unitSource: "cell", periodKey: "2021-Q1", status: "ok" },
  ]);
});

it("finds exactly the seed's error: «1 2» in the 0/1 row 7.1, and exits 1", () => {
  const errors = result.files[0].issues.filter((i) => i.severity === "error");
  const row71 = form.rows.find((r) => r.stt.replace(/\.$/, "") === "7.1")!;
  expect(errors.map((e) => ({ cell: e.cell, value: e.value }))).toEqual([{ cell: a1(layout.rowIndex.get(row71.id)!, valueCol), value: "1 2" }]);
  expect(errors[0].message).toMatch(/7\.1|1 2/);
  expect(result.code).toBe(1);
});

it("accepts the valid oddities «3,7», «21.88» and «100%» in percent rows without an error", () => {
  for (const typed of ["3,7", "21.88", "100%"]) {
    const entry = SEED003_VALUES.find((v) => v.value === typed);
    expect(entry).toBeDefined();
    const cell = a1(layout.rowIndex.get(entry!.rowId)!, valueCol);
    const issues = result.files[0].issues.filter((i) => i.cell === cell && i.severity === "error");
    expect({ typed, issues }).toEqual({ typed, issues: [] });
  }
});
