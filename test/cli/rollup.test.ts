/**
 * `cchc rollup` as a user runs it, with what actually arrives by e-mail: good workbooks next to a
 * truncated one, a text file named .xlsx, an empty workbook, password-protected files (saved so by
 * LibreOffice), an unrelated workbook, a unit that sent twice, a unit that sent nothing and notes
 * that look like formulas. Each gets the right status and a Vietnamese message naming the file,
 * and the other units still roll up. Then the usage errors, exit codes, and rebuilding.
 */
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { findForm } from "../../src/catalog";
import type { Form } from "../../src/catalog/schema";
import { readRollupMarker, STATUS_COLUMNS } from "../../src/core/rollup-layout";
import { readWorkbook } from "../../src/xlsx/read";
import { libreOfficeFill, tempDir } from "../support/libreoffice";
import { TemplateFiller, type UnitValues } from "../support/received";
import { typedValues, unitEntries } from "../support/unit-values";
import { runCli as run } from "../support/cli";

const PL1 = findForm("tk2011-2020.huyen.pl1")!;
const PL3 = findForm("tk2011-2020.huyen.pl3")!;
const PL4 = findForm("tk2011-2020.huyen.pl4")!;
const PL8 = findForm("tk2011-2020.huyen.pl8")!;
const FORMS: Form[] = [PL1, PL3, PL4, PL8];
const YEARS = ["y2019", "y2020q1"];

interface RollupJson {
  output: string;
  units: { file: string | null; unit: string; status: string; message?: string }[];
  values: { form: string; row: string; label: string; column: string; value: number | string | null }[];
}

function values(unit: number, notes?: string[]): UnitValues {
  const out: UnitValues = {};
  for (const form of FORMS) out[form.id] = typedValues(unitEntries(form, unit, form.id === PL4.id ? {} : { columns: YEARS }));
  if (notes) {
    // Two notes (Ghi chú of Phụ lục 4) and one text row (Phụ lục 1).
    out[PL4.id][PL4.rows[0].id]["ghi-chu"] = notes[0];
    out[PL4.id][PL4.rows[1].id]["ghi-chu"] = notes[1];
    out[PL1.id]["hinh-thuc-khac"].y2019 = notes[2];
  }
  return out;
}

/** Texts a spreadsheet would take for formulas if they were written carelessly. */
const FORMULA_LIKE = ['=HYPERLINK("http://vi-du.vn/lua-dao","Bấm vào đây")', "+84 912 345 678", "@Tất cả cán bộ"];

const dir = tempDir("cchc-cli-rollup-");
const f = (name: string) => join(dir, name);
const GOOD = {
  krongPa: { file: f("krong-pa.xlsx"), unit: "UBND huyện Krông Pa", index: 0 },
  iaPa: { file: f("ia-pa.xlsx"), unit: "UBND huyện Ia Pa", index: 1 },
  chuSe: { file: f("chu-se.xlsx"), unit: "UBND huyện Chư Sê", index: 2 },
};
/** Krông Pa sends again a week later, spelling its name differently. */
const RESENT = { file: f("krong-pa-gui-lai.xlsx"), unit: "Huyện Krông Pa", index: 4 };
const BROKEN = {
  truncated: f("cat-doi.xlsx"),
  text: f("van-ban.xlsx"),
  empty: f("trong.xlsx"),
  passwordXls: f("mat-khau.xls"),
  passwordOds: f("bao-mat.ods"),
  passwordXlsx: f("mat-khau-excel.xlsx"),
  unrelated: f("danh-sach-cong-tac.xlsx"),
};
const MISSING = "UBND huyện Đak Pơ";
const expectFile = f("don-vi.txt");
const output = f("tong-hop.xlsx");
let json: RollupJson;
let exit: number;

beforeAll(async () => {
  const filler = await TemplateFiller.create(FORMS, { period: "Năm 2020" });
  for (const g of Object.values(GOOD)) writeFileSync(g.file, await filler.write(g.unit, values(g.index, g === GOOD.chuSe ? FORMULA_LIKE : undefined)));
  writeFileSync(RESENT.file, await filler.write(RESENT.unit, values(RESENT.index)));

  const good = readFileSync(GOOD.iaPa.file);
  writeFileSync(BROKEN.truncated, good.subarray(0, good.length >> 1));
  writeFileSync(BROKEN.text, "Kính gửi Phòng Nội vụ,\nđơn vị xin gửi số liệu kèm theo.\n");
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet("Sheet1");
  await empty.xlsx.writeFile(BROKEN.empty);
  libreOfficeFill(GOOD.iaPa.file, [], [
    { path: BROKEN.passwordXls, format: "xls", password: "bimat123" },
    { path: BROKEN.passwordOds, format: "ods", password: "bimat123" },
  ]);
  // LibreOffice 7 does not encrypt .xlsx; an Excel-encrypted workbook is an OLE2 container
  // holding EncryptionInfo and EncryptedPackage (ECMA-376 agile encryption), made here.
  const cfb = XLSX.CFB.utils.cfb_new();
  const info = Buffer.concat([Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]), Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>')]);
  XLSX.CFB.utils.cfb_add(cfb, "/EncryptionInfo", info);
  XLSX.CFB.utils.cfb_add(cfb, "/EncryptedPackage", Buffer.alloc(8192, 0x5a));
  writeFileSync(BROKEN.passwordXlsx, XLSX.CFB.write(cfb, { type: "buffer" }) as Buffer);
  const unrelated = new ExcelJS.Workbook();
  const ws = unrelated.addWorksheet("Công tác");
  ws.addRow(["DANH SÁCH CÁN BỘ ĐI CÔNG TÁC THÁNG 3"]);
  ws.addRow(["STT", "Họ và tên", "Nơi đến", "Số ngày"]);
  ws.addRow([1, "Nguyễn Văn A", "Pleiku", 3]);
  ws.addRow([2, "Trần Thị B", "Hà Nội", 5]);
  await unrelated.xlsx.writeFile(BROKEN.unrelated);

  writeFileSync(expectFile, ["# Các huyện", ...Object.values(GOOD).map((g) => g.unit), MISSING, ""].join("\n"));
  const inputs = [GOOD.krongPa.file, ...Object.values(BROKEN), GOOD.iaPa.file, RESENT.file, GOOD.chuSe.file];
  const result = await run("rollup", ...inputs, "-o", output, "--expect", expectFile, "--unit", "UBND tỉnh Gia Lai", "--json");
  exit = result.code;
  json = JSON.parse(result.out) as RollupJson;
}, 300_000);

const entryOf = (file: string) => json.units.find((u) => u.file === file)!;

describe("cchc rollup with broken, duplicate, missing and formula-looking inputs", () => {
  it("still rolls up (exit 0) and writes the output; the JSON has the documented shape", () => {
    expect(exit).toBe(0);
    expect(existsSync(output)).toBe(true);
    expect(json.output).toBe(output);
    for (const u of json.units) {
      expect(Object.keys(u).sort()).toEqual(expect.arrayContaining(["file", "status", "unit"]));
      expect(["ok", "invalid", "unreadable", "unrecognised", "duplicate", "missing"]).toContain(u.status);
    }
    for (const v of json.values) expect(Object.keys(v)).toEqual(expect.arrayContaining(["form", "row", "label", "column", "value"]));
  });

  it.each([
    ["a truncated .xlsx", "unreadable", BROKEN.truncated, "bị hỏng hoặc không đầy đủ"],
    ["a text file named .xlsx", "unreadable", BROKEN.text, "không phải là bảng tính"],
    ["an empty workbook", "unrecognised", BROKEN.empty, "trống"],
    ["a password-protected .xls (LibreOffice)", "unreadable", BROKEN.passwordXls, "mật khẩu"],
    ["a password-protected .ods (LibreOffice)", "unreadable", BROKEN.passwordOds, "mật khẩu"],
    ["a password-protected .xlsx (Excel's encrypted container)", "unreadable", BROKEN.passwordXlsx, "mật khẩu"],
    ["an unrelated workbook", "unrecognised", BROKEN.unrelated, "không có trang tính nào khớp"],
  ])("%s → %s, with a Vietnamese message naming the file", (_what, status, file, words) => {
    const entry = entryOf(file);
    expect(entry).toMatchObject({ file, status });
    expect(entry.message).toContain(`«${file}»`);
    expect(entry.message).toContain(words);
  });

  it("counts a unit that sent twice once, names both files and uses the later copy", () => {
    const krongPa = json.units.filter((u) => u.file === GOOD.krongPa.file || u.file === RESENT.file);
    expect(krongPa.map((u) => u.unit)).toEqual([GOOD.krongPa.unit, GOOD.krongPa.unit]);
    expect(entryOf(GOOD.krongPa.file).status).toBe("duplicate");
    for (const u of krongPa) {
      expect(u.message).toContain(`«${GOOD.krongPa.file}»`);
      expect(u.message).toContain(`«${RESENT.file}»`);
    }
    expect(new Set(json.units.map((u) => u.unit)).size).toBe(json.units.length - 1);
  });

  it("names the expected unit that sent nothing", () => {
    expect(json.units.filter((u) => u.unit === MISSING)).toEqual([
      { file: null, unit: MISSING, status: "missing", message: expect.stringContaining(`«${MISSING}»`), unitSource: null, period: null, periodKey: null },
    ]);
  });

  it("rolls up the units that could be read: Krông Pa's later copy, Ia Pa and Chư Sê", () => {
    const used = [RESENT.index, GOOD.iaPa.index, GOOD.chuSe.index];
    const sum = used.reduce((n, i) => n + (unitEntries(PL3, i, { columns: YEARS })["pakn-tiep-nhan"].y2019.meaning as number), 0);
    const v = json.values.find((x) => x.form === PL3.id && x.row === "pakn-tiep-nhan" && x.column === "Năm 2019")!;
    expect(v.value).toBe(sum);
    for (const g of [GOOD.iaPa, GOOD.chuSe]) expect(entryOf(g.file).status).toBe("ok");
    expect(entryOf(RESENT.file).status).toBe("ok");
  });

  it("lists every unit once in the status sheet, the duplicate with both its files", () => {
    const read = readWorkbook(new Uint8Array(readFileSync(output)), output);
    if (!read.ok) throw new Error(read.reason);
    const status = read.sheets.find((g) => readRollupMarker(g)?.kind === "status")!;
    const rows = status.cells.filter((r) => typeof r?.[0]?.value === "number");
    const C = STATUS_COLUMNS;
    const units = rows.map((r) => String(r[C.unit]?.value));
    expect(new Set(units).size).toBe(units.length);
    const krongPa = rows.find((r) => r[C.unit]?.value === GOOD.krongPa.unit)!;
    expect(String(krongPa[C.files]?.value).split("\n")).toEqual([GOOD.krongPa.file, RESENT.file]);
    expect(krongPa[C.status]?.value).toBe("Trùng");
    expect(rows.find((r) => r[C.unit]?.value === MISSING)?.[C.status]?.value).toBe("Chưa gửi");
  });

  it("writes notes that look like formulas as text, never as formulas", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const found = new Set<string>();
    workbook.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === "string") for (const text of FORMULA_LIKE) if (cell.value === text || cell.value.includes(`: ${text}`)) found.add(text);
        }),
      ),
    );
    expect([...found].sort()).toEqual([...FORMULA_LIKE].sort());
    // And no formula at all in the file's XML.
    const zip = XLSX.CFB.read(readFileSync(output), { type: "buffer" });
    const sheets = zip.FullPaths.filter((p: string) => /worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheets.length).toBeGreaterThan(0);
    for (const path of sheets) expect(Buffer.from(XLSX.CFB.find(zip, path)!.content as Uint8Array).toString("utf8")).not.toMatch(/<f[ >]/);
  });
});

describe("cchc rollup: usage errors and exit codes", () => {
  it("refuses an output that is one of the inputs, however it is spelled, and leaves it untouched", async () => {
    const before = readFileSync(GOOD.iaPa.file);
    for (const out of [GOOD.iaPa.file, join(dir, ".", "ia-pa.xlsx"), join(dir, "..", dir.split("/").pop()!, "ia-pa.xlsx")]) {
      const { code, err } = await run("rollup", GOOD.krongPa.file, GOOD.iaPa.file, "-o", out, "--force");
      expect(code).toBe(2);
      expect(err).toContain(`Tệp kết quả «${out}» trùng với một tệp đầu vào`);
    }
    expect(readFileSync(GOOD.iaPa.file).equals(before)).toBe(true);
  });

  it("never overwrites an existing output without --force (exit 2, file untouched)", async () => {
    const out = f("da-co.xlsx");
    writeFileSync(out, "bảng tổng hợp cũ");
    const refused = await run("rollup", GOOD.krongPa.file, "-o", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`Tệp «${out}» đã tồn tại`);
    expect(readFileSync(out, "utf8")).toBe("bảng tổng hợp cũ");
    const forced = await run("rollup", GOOD.krongPa.file, "-o", out, "--force");
    expect(forced.code).toBe(0);
    expect(readWorkbook(new Uint8Array(readFileSync(out)), out).ok).toBe(true);
  });

  it("exits 2 and writes nothing when no file can be read, naming each one", async () => {
    const out = f("khong-doc-duoc.xlsx");
    const absent = f("khong-co.xlsx");
    const { code, err } = await run("rollup", BROKEN.truncated, BROKEN.text, BROKEN.passwordXls, absent, "-o", out);
    expect(code).toBe(2);
    for (const file of [BROKEN.truncated, BROKEN.text, BROKEN.passwordXls, absent]) expect(err).toContain(`Không đọc được tệp «${file}»`);
    expect(err).toContain("mật khẩu");
    expect(err).toContain("không tìm thấy tệp");
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [["rollup", "-o", "x.xlsx"], "Cần ít nhất một tệp"],
    [["rollup", "a.xlsx"], "Cần tệp kết quả"],
    [["rollup", "a.xlsx", "-o", "x.ods"], "phải có đuôi .xlsx"],
    [["rollup", "a.xlsx", "-o", "x.xlsx", "--expcet", "d.txt"], "«--expcet»"],
  ])("usage error %p → exit 2 with a Vietnamese explanation", async (argv, text) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(text);
  });

  it("reports an --expect list it cannot read (exit 2)", async () => {
    const list = f("khong-co-danh-sach.txt");
    const { code, err } = await run("rollup", GOOD.krongPa.file, "-o", f("x.xlsx"), "--expect", list);
    expect(code).toBe(2);
    expect(err).toContain(`Không đọc được danh sách đơn vị «${list}»`);
  });
});

describe("rebuilding", () => {
  const cells = (path: string) => {
    const read = readWorkbook(new Uint8Array(readFileSync(path)), path);
    if (!read.ok) throw new Error(read.reason);
    return read.sheets.map((g) => ({ sheet: g.sheet, values: g.cells.map((r) => (r ?? []).map((c) => c?.value ?? null)) }));
  };

  it("from the same inputs, in any order, gives the same values and the same workbook", async () => {
    const inputs = [GOOD.krongPa.file, GOOD.iaPa.file, GOOD.chuSe.file, BROKEN.empty, BROKEN.truncated];
    const first = f("lan-1.xlsx");
    const again = f("lan-2.xlsx");
    const a = await run("rollup", ...inputs, "-o", first, "--json");
    const b = await run("rollup", ...inputs, "-o", first, "--json", "--force");
    const c = await run("rollup", ...[...inputs].reverse(), "-o", again, "--json");
    for (const r of [a, b, c]) expect(r.code).toBe(0);
    const [ja, jb, jc] = [a, b, c].map((r) => JSON.parse(r.out) as RollupJson);
    expect(jb.values).toEqual(ja.values);
    expect(jc.values).toEqual(ja.values);
    expect(jb.units).toEqual(ja.units);
    const byFile = (j: RollupJson) => [...j.units].sort((x, y) => String(x.file).localeCompare(String(y.file)));
    expect(byFile(jc)).toEqual(byFile(ja));
    expect(cells(again)).toEqual(cells(first));
  });
});

describe("the result line says what happened to every unit", () => {
  /** Three communes' Phụ lục 1; one typed a word into a count (that cell is left out, the others count). */
  const COMMUNES = ["UBND xã Ia Rmok", "UBND xã Chư Gu", "UBND xã Ia Hdreh"];
  const files = COMMUNES.map((_, i) => f(`xa-${i + 1}.xlsx`));
  const COUNT = PL1.rows.find((r) => r.kind === "count" && !r.relation && !r.rollup && !r.levels)!;

  beforeAll(async () => {
    const filler = await TemplateFiller.create([PL1], { period: "Năm 2020" });
    for (const [i, unit] of COMMUNES.entries()) {
      const v = values(i);
      const pl1 = { [PL1.id]: v[PL1.id] };
      if (i === 1) pl1[PL1.id][COUNT.id] = { ...pl1[PL1.id][COUNT.id], y2019: "mười hai" };
      writeFileSync(files[i], await filler.write(unit, pl1));
    }
  });

  it("counts the units consolidated, those with cells left out and those not usable — not only the units without an error", async () => {
    const out = f("xa-tong-hop.xlsx");
    const { code, out: text } = await run("rollup", ...files, BROKEN.text, "-o", out, "--unit", "UBND tỉnh Gia Lai");
    expect(code).toBe(0);
    const flat = text.replace(/\n\s*/g, " ");
    expect(flat.startsWith("Đã tổng hợp 1 phụ lục từ 3 đơn vị, trong đó 1 đơn vị có ô bị loại vì lỗi (các ô hợp lệ khác của đơn vị vẫn được tổng hợp).")).toBe(true);
    expect(flat).toContain("1 đơn vị gửi tệp không dùng được (không đọc được hoặc không có phụ lục nào nhận dạng được).");
    expect(flat).toContain(`Kết quả: «${out}».`);
    for (const l of text.split("\n")) expect(l.length).toBeLessThanOrEqual(100);
    const json = JSON.parse((await run("rollup", ...files, BROKEN.text, "-o", out, "--force", "--json")).out) as RollupJson & {
      summary: { forms: number; units: number; consolidated: number; withExcluded: number; unusable: number; missing: number; message: string };
    };
    expect(json.summary).toMatchObject({ forms: 1, units: 4, consolidated: 3, withExcluded: 1, unusable: 1, missing: 0 });
    expect(json.summary.message).toBe(flat.slice(0, json.summary.message.length));
    // the commune with the mistake is "invalid", yet its other cells are in the totals
    expect(json.units.find((u) => u.unit === COMMUNES[1])!.status).toBe("invalid");
    const other = PL1.rows.find((r) => r.kind === "count" && !r.relation && !r.rollup && !r.levels && r.id !== COUNT.id)!;
    const sum = COMMUNES.reduce((n, _, i) => n + (unitEntries(PL1, i, { columns: YEARS })[other.id].y2019.meaning as number), 0);
    expect(json.values.find((v) => v.form === PL1.id && v.row === other.id && v.column === "Năm 2019")!.value).toBe(sum);
  });

  it("the same file given twice is read once: no «trùng nhau», the unit counts once, a note says so", async () => {
    const out = f("hai-lan.xlsx");
    const again = join(dir, ".", "xa-1.xlsx");
    const { code, out: text } = await run("rollup", files[0], files[1], again, "-o", out, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(text) as RollupJson & { summary: { consolidated: number; notes: string[] } };
    expect(json.units.map((u) => [u.file, u.status])).toEqual([
      [files[1], "invalid"],
      [files[0], "ok"],
    ]);
    expect(json.units.some((u) => (u.message ?? "").includes("trùng nhau"))).toBe(false);
    expect(json.summary.consolidated).toBe(2);
    expect(json.summary.notes).toEqual([`Tệp «${files[0]}» được chỉ định 2 lần; chỉ đọc và tổng hợp một lần.`]);
    const plain = await run("rollup", files[0], again, "-o", out, "--force");
    expect(plain.out).toContain(`Tệp «${files[0]}» được chỉ định 2 lần; chỉ đọc và tổng hợp một lần.`);
    expect(plain.out.replace(/\n\s*/g, " ").startsWith(`Đã tổng hợp 1 phụ lục từ 1 đơn vị. Kết quả: «${out}».`)).toBe(true);
  });
});
