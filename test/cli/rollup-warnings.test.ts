/**
 * A correct report that breaks a rule a correct report can break is consolidated in full.
 *
 * Three districts send the periodic statistics form (seed 003) as .xlsx workbooks saved from our
 * template; Kbang inspected 13 units during the quarter while it had 11 at the report date (four
 * communes merged into two) — "đã kiểm tra ≤ tổng số" is then broken, legitimately. `cchc rollup`
 * must put every value of Kbang into the totals, keep Kbang "Đạt yêu cầu", and show the warning,
 * with its reason, in the status sheet of the output workbook.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { findForm } from "../../src/catalog";
import { main } from "../../src/cli/main";
import { nodeIo, type Io } from "../../src/cli/io";
import { STATUS_COLUMNS, STATUS_SHEET_NAME } from "../../src/core/rollup-layout";
import { readWorkbook } from "../../src/xlsx/read";
import { tempDir } from "../support/libreoffice";
import { TemplateFiller, type FormValues } from "../support/received";

const FORM = findForm("bao-cao-dinh-ky.thong-ke")!;
const RULE = FORM.rules.find((r) => r.id === "da-kiem-tra-le-tong")!;

/** What each district typed in "Số liệu". */
const UNITS: { unit: string; file: string; values: Record<string, number> }[] = [
  {
    unit: "UBND huyện Kbang",
    file: "kbang.xlsx",
    values: { "nv-de-ra": 30, "nv-hoan-thanh": 24, "tong-don-vi": 11, "don-vi-da-kiem-tra": 13, "tthc-cap-huyen": 315, "tthc-cap-xa": 172 },
  },
  {
    unit: "UBND huyện Đak Pơ",
    file: "dak-po.xlsx",
    values: { "nv-de-ra": 25, "nv-hoan-thanh": 25, "tong-don-vi": 14, "don-vi-da-kiem-tra": 6, "tthc-cap-huyen": 315, "tthc-cap-xa": 172 },
  },
  {
    unit: "UBND huyện Mang Yang",
    file: "mang-yang.xlsx",
    values: { "nv-de-ra": 28, "nv-hoan-thanh": 20, "tong-don-vi": 16, "don-vi-da-kiem-tra": 4, "tthc-cap-huyen": 315, "tthc-cap-xa": 172 },
  },
];

interface RollupJson {
  units: { file: string | null; unit: string; status: string; message?: string }[];
  values: { form: string; row: string; value: number | string | null; reported: number; of: number }[];
}

const dir = tempDir("cchc-rollup-warnings-");
const output = join(dir, "tong-hop.xlsx");
let json: RollupJson;
let exit: number;

beforeAll(async () => {
  const filler = await TemplateFiller.create([FORM], { period: "Quý I năm 2021" });
  for (const u of UNITS) {
    const typed: FormValues = Object.fromEntries(Object.entries(u.values).map(([row, v]) => [row, { "so-lieu": v }]));
    writeFileSync(join(dir, u.file), await filler.write(u.unit, { [FORM.id]: typed }));
  }
  let out = "";
  const io: Io = { ...nodeIo(), out: (t) => void (out += t), err: () => undefined };
  exit = await main(["rollup", ...UNITS.map((u) => join(dir, u.file)), "-o", output, "--unit", "UBND tỉnh Gia Lai", "--json"], io);
  json = JSON.parse(out) as RollupJson;
}, 120_000);

const value = (row: string) => json.values.find((v) => v.form === FORM.id && v.row === row)!;

test("every unit is consolidated, Kbang too", () => {
  expect(exit).toBe(0);
  expect(json.units.map((u) => [u.unit, u.status])).toEqual(
    expect.arrayContaining(UNITS.map((u) => [u.unit, "ok"])),
  );
});

test("Kbang's values are in the totals, the one that breaks the rule included", () => {
  const total = (row: string) => UNITS.reduce((s, u) => s + u.values[row], 0);
  expect(value("don-vi-da-kiem-tra")).toMatchObject({ value: total("don-vi-da-kiem-tra"), reported: 3, of: 3 }); // 13 + 6 + 4
  expect(value("tong-don-vi")).toMatchObject({ value: total("tong-don-vi"), reported: 3 });
  expect(value("nv-hoan-thanh")).toMatchObject({ value: total("nv-hoan-thanh"), reported: 3 });
  // The districts' totals of procedures (cấp huyện + cấp xã; cấp sở is the province's) are one shared list.
  expect(value("tong-tthc")).toMatchObject({ value: 487, reported: 3 });
});

test("the status sheet shows the warning, where it is and why a correct report may break the rule", () => {
  const read = readWorkbook(new Uint8Array(readFileSync(output)), output);
  if (!read.ok) throw new Error(read.reason);
  const status = read.sheets.find((s) => s.sheet === STATUS_SHEET_NAME)!;
  const rows = status.cells.map((row) => (row ?? []).map((c) => (c?.value === null || c?.value === undefined ? "" : String(c.value))));
  const C = STATUS_COLUMNS;
  const kbang = rows.filter((r) => r[C.unit] === "UBND huyện Kbang");
  expect(kbang).toHaveLength(2); // the unit, then its warning
  expect(kbang[0][C.status]).toBe("Đạt yêu cầu");
  expect(kbang[0][C.warnings]).not.toBe("0");
  expect(kbang[1][C.files]).toContain("kbang.xlsx");
  expect(kbang[1][C.status]).toBe("Cảnh báo");
  expect(kbang[1][C.message]).toContain("Số phòng chuyên môn, đơn vị, địa phương đã kiểm tra");
  expect(kbang[1][C.message]).toContain(RULE.mayDiffer);
  // The other districts broke nothing: no warning row of theirs.
  expect(rows.filter((r) => r[C.status] === "Cảnh báo").map((r) => r[C.unit])).toEqual(["UBND huyện Kbang"]);
});
