/**
 * A commune's Phụ lục 3 exported by a web system (or copied as values): inline strings, no styles,
 * the total by formula with its cached value, a notes sheet. Its on-time rates are stored as
 * 0.95 … 1 with no % format, so read one cell at a time they are 0.95 % — a wrong number that
 * looks right in a rollup. The sheet tells: every rate is between 0 and 1. What a commune officer
 * must see: 95 %, … in the rollup, and a warning naming the cells so that they can check.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { FORMS } from "../../src/catalog";
import { recogniseSheet } from "../../src/core/recognise";
import { tempDir } from "../support/libreoffice";
import { runCli } from "../support/cli";
import { toGrid, type V } from "../support/retyped";
import { unstyledXlsx, type UnstyledValue } from "../support/unstyled-xlsx";

const YEARS = ["Năm 2015", "Năm 2016", "Năm 2017", "Năm 2018", "Năm 2019", "Năm 2020 (Tính đến 31/3)"];
const RATE = "Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hẹn (đã tiếp nhận/đã trả đúng hẹn)";

function rows(rates: UnstyledValue[]): UnstyledValue[][] {
  return [
    ["UBND HUYỆN KBANG"],
    ["UBND THỊ TRẤN KBANG"],
    [],
    ["PHỤ LỤC 3"],
    ["THÔNG KÊ CÁC CHỈ TIÊU TẠI LĨNH VỰC CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
    [],
    ["STT", "Chỉ tiêu", ...YEARS],
    ["1", "Tổng số TTHC", ...[120, 121, 122, 123, 124, 125].map((n, i) => ({ formula: `${String.fromCharCode(67 + i)}9`, cached: n }))],
    ["-", "Số lượng TTHC cấp xã", 120, 121, 122, 123, 124, 125],
    ["3", "Số lượng thủ tục hành chính được công khai đầy đủ, đúng quy định trên Trang Thông tin điện tử", 100, 100, 100, 100, 100, 100],
    ["4", "Thực hiện cơ chế một cửa, một cửa liên thông"],
    ["-", "Số lượng TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa cấp xã", 90, 91, 92, 93, 94, 95],
    ["-", "Số lượng TTHC được giải quyết theo cơ chế một cửa liên thông cùng cấp", 5, 5, 5, 5, 5, 5],
    ["-", "Số lượng TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông giữa các cấp chính quyền", 3, 3, 3, 3, 3, 3],
    ["5", "Kết quả giải quyết hồ sơ TTHC"],
    ["-", RATE, ...rates],
    ["6", "Tiếp nhận và xử lý PAKN về TTHC"],
    ["-", "Số lượng PAKN đã tiếp nhận trong năm", 12, 3, 4, 5, 6, 7],
    ["-", "Số lượng PAKN đã giải quyết trong năm", 10, 3, 4, 5, 6, 7],
    ["-", "Số lượng PAKN được xử lý và đã công khai kết quả trả lời trên Trang", 8, 3, 4, 5, 6, 7],
  ];
}

describe("rates stored as 0.95 with no % format (cchc on the exported file)", () => {
  const dir = tempDir("cchc-unstyled-");
  const file = join(dir, "thi-tran-kbang.xlsx");
  beforeAll(() => {
    writeFileSync(file, unstyledXlsx([{ name: "Trang tính1", rows: rows([0.95, 0.965, 0.97, 0.98, 0.995, 1]) }, { name: "Ghi chú", rows: [["Số liệu do bộ phận một cửa cung cấp"]] }]));
  });

  it("consolidates them as percentages: 95 %, 96,5 % … 100 %", async () => {
    const { out } = await runCli("rollup", file, "-o", join(dir, "tong-hop.xlsx"), "--json");
    const json = JSON.parse(out) as { units: { unit: string; status: string }[]; values: { row: string; column: string; value: unknown; display: string }[] };
    expect(json.units).toEqual([expect.objectContaining({ unit: "UBND THỊ TRẤN KBANG", status: "ok" })]);
    const rates = YEARS.map((y) => json.values.find((v) => v.row === "tl-dung-hen-xa" && v.column === y));
    expect(rates.map((v) => v?.value)).toEqual([95, 96.5, 97, 98, 99.5, 100]);
    expect(json.values.find((v) => v.row === "tong-tthc" && v.column === "Năm 2015")?.value).toBe(120);
  });

  it("says so, naming the cells, in a warning", async () => {
    const { out, code } = await runCli("validate", file, "--json");
    expect(code).toBe(0);
    const issues = (JSON.parse(out) as { files: { issues: { code: string; severity: string; message: string }[] }[] }).files[0].issues;
    expect(issues).toEqual([expect.objectContaining({ code: "percent_as_fraction", severity: "warning" })]);
    expect(issues[0].message).toContain("C16, D16, E16, F16, G16 và 1 ô khác");
    expect(issues[0].message).toContain("0,95 → 95 %");
  });
});

describe("rates the sheet itself shows are percentages stay as read", () => {
  const rateOf = (rates: V[]) => {
    const r = recogniseSheet(toGrid({ rows: rows(rates) as V[][] }), FORMS);
    if (r.status !== "recognised") throw new Error(r.reason);
    return { raw: YEARS.map((_, i) => r.filled.cells.get("tl-dung-hen-xa")?.get(["y2015", "y2016", "y2017", "y2018", "y2019", "y2020q1"][i])?.raw?.value ?? null), codes: r.issues.map((i) => i.code) };
  };

  it("a rate above 1 elsewhere on the sheet: 0,5 is 0,5 %", () => {
    expect(rateOf([0.5, 98, 99, 100, null, null])).toEqual({ raw: [0.5, 98, 99, 100, null, null], codes: [] });
    expect(rateOf([0.5, 0.8, "97%", null, null, null]).raw).toEqual([0.5, 0.8, "97%", null, null, null]);
  });

  it("a single rate below 1 is not enough to tell", () => {
    expect(rateOf([0.5, null, null, null, null, null])).toEqual({ raw: [0.5, null, null, null, null, null], codes: [] });
  });

  it("shown the Vietnamese way («0,5», typed in Excel or LibreOffice) they are what the unit typed", () => {
    const grid = toGrid({ rows: rows([0.5, 0.8, null, null, null, null]) as V[][] });
    const rateRow = grid.cells.findIndex((row) => row?.[1]?.value === RATE);
    grid.cells[rateRow]![2] = { value: 0.5, text: "0,5" };
    grid.cells[rateRow]![3] = { value: 0.8, text: "0,8" };
    const read = recogniseSheet(grid, FORMS);
    if (read.status !== "recognised") throw new Error(read.reason);
    expect(read.filled.cells.get("tl-dung-hen-xa")?.get("y2015")?.raw?.value).toBe(0.5);
    expect(read.issues.map((i) => i.code)).not.toContain("percent_as_fraction");
  });

  it("typed as text («0,95») it is what the unit typed", () => {
    expect(rateOf(["0,95", "0,97", null, null, null, null]).raw).toEqual(["0,95", "0,97", null, null, null, null]);
  });
});

describe("a total written by formula with no cached value (a script wrote the file; nothing recalculated it)", () => {
  const dir = tempDir("cchc-uncached-");
  const file = join(dir, "thi-tran-kbang.xlsx");
  beforeAll(() => {
    const sheet = rows([95, 96.5, 97, 98, 99.5, 100]).map((row) =>
      row[1] === "Tổng số TTHC" ? [row[0], row[1], ...YEARS.map((_, i) => ({ formula: `${String.fromCharCode(67 + i)}9` }))] : row,
    );
    writeFileSync(file, unstyledXlsx([{ name: "Trang tính1", rows: sheet }]));
  });

  it("the total is its parts' sum in the rollup, and validation does not ask for it to be typed", async () => {
    const { out } = await runCli("rollup", file, "-o", join(dir, "tong-hop.xlsx"), "--json");
    const json = JSON.parse(out) as { units: { status: string }[]; values: { row: string; column: string; value: unknown }[] };
    expect(json.units).toEqual([expect.objectContaining({ status: "ok" })]);
    expect(YEARS.map((y) => json.values.find((v) => v.row === "tong-tthc" && v.column === y)?.value)).toEqual([120, 121, 122, 123, 124, 125]);
    const v = await runCli("validate", file, "--json");
    const issues = (JSON.parse(v.out) as { files: { issues: { code: string; cell?: string }[] }[] }).files[0].issues;
    expect(issues.filter((i) => i.cell && /^[C-H]8$/.test(i.cell))).toEqual([]);
  });
});
