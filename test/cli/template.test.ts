/**
 * `cchc forms` and `cchc template` as a user runs them: real files in a temporary folder,
 * exit codes and messages as the README documents them.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync, chmodSync } from "fs";
import { join } from "path";
import { FORMS } from "../../src/catalog";
import { readWorkbook } from "../../src/xlsx/read";
import { readMarker } from "../../src/core/metadata";
import { tempDir } from "../support/libreoffice";
import { runCli as run } from "../support/cli";

describe("cchc forms", () => {
  it("lists every form of the catalogue as JSON with the documented fields", async () => {
    const { code, out } = await run("forms", "--json");
    expect(code).toBe(0);
    type Json = { id: string; title: string; level: string; levels: string[]; columns: { id: string; label: string }[]; rows: { id: string; stt: string; label: string; kind: string; levels: string[] }[] };
    const json = JSON.parse(out) as { forms: Json[] };
    expect(json.forms.map((f) => f.id)).toEqual(FORMS.map((f) => f.id));
    const pl3 = json.forms.find((f) => f.id === "tk2011-2020.huyen.pl3")!;
    expect(pl3.title).toBe("THÔNG KÊ CÁC CHỈ TIÊU TẠI LĨNH VỰC CẢI CÁCH THỦ TỤC HÀNH CHÍNH");
    expect(pl3.columns.map((c) => c.label)).toContain("Năm 2020 (Tính đến 31/3)");
    expect(pl3.rows[0]).toEqual({ id: expect.any(String), stt: "1", label: "Tổng số TTHC", kind: "count", levels: ["huyen", "xa"] });
    // the periodic statistics form is filled by communes too; the rows a commune does not report say so
    const periodic = json.forms.find((f) => f.id === "bao-cao-dinh-ky.thong-ke")!;
    expect(periodic.levels).toEqual(["tinh", "huyen", "xa"]);
    const levelsOf = (label: string) => periodic.rows.find((r) => r.label === label)!.levels;
    expect(levelsOf("Số TTHC cấp huyện:")).toEqual(["tinh", "huyen"]);
    expect(levelsOf("Số TTHC cấp sở:")).toEqual(["tinh"]);
    expect(levelsOf("Số TTHC cấp xã:")).toEqual(["tinh", "huyen", "xa"]);
  });

  it("prints a readable list grouped by document without --json", async () => {
    const { code, out } = await run("forms");
    expect(code).toBe(0);
    expect(out).toContain("tk2011-2020.tinh.pl4-iii");
    expect(out).toContain("Tổng kết CCHC 2011-2020 — cấp huyện");
  });

  it("rejects an unknown option with exit 2", async () => {
    const { code, err } = await run("forms", "--jsn");
    expect(code).toBe(2);
    expect(err).toContain("«--jsn»");
  });
});

describe("cchc template", () => {
  it("writes the chosen forms, expanding a family id, with unit and period in the header", async () => {
    const dir = tempDir();
    const out = join(dir, "phu-luc.xlsx");
    const { code, out: said } = await run("template", "tk2011-2020.huyen", "tk2011-2020.xa.pl3", "-o", out, "--unit", "UBND huyện Kbang", "--period", "Năm 2020");
    expect(code).toBe(0);
    expect(said).toContain("9 phụ lục");
    const read = readWorkbook(new Uint8Array(readFileSync(out)), out);
    if (!read.ok) throw new Error(read.reason);
    expect(read.sheets.map((s) => readMarker(s)?.formId)).toEqual([
      ...FORMS.filter((f) => f.family === "tk2011-2020.huyen").map((f) => f.id),
      "tk2011-2020.xa.pl3",
    ]);
    const names = read.sheets.map((s) => s.sheet);
    expect(new Set(names).size).toBe(names.length);
    const flat = read.sheets[0].cells.flat().map((c) => c?.value);
    expect(flat).toContain("UBND huyện Kbang");
    expect(flat).toContain("Năm 2020");
  });

  it("names an unknown form id, suggests close ones, and writes nothing", async () => {
    const dir = tempDir();
    const out = join(dir, "x.xlsx");
    const { code, err } = await run("template", "tk2011-2020.huyen.pl9", "-o", out);
    expect(code).toBe(2);
    expect(err).toContain("Không có phụ lục mã «tk2011-2020.huyen.pl9»");
    expect(err).toContain("tk2011-2020.huyen.pl1");
    expect(existsSync(out)).toBe(false);
  });

  it("never overwrites an existing file unless --force is given", async () => {
    const dir = tempDir();
    const out = join(dir, "bao-cao.xlsx");
    writeFileSync(out, "dữ liệu của người dùng");
    const refused = await run("template", "tk2011-2020.huyen.pl1", "-o", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("đã tồn tại");
    expect(readFileSync(out, "utf8")).toBe("dữ liệu của người dùng");
    const forced = await run("template", "tk2011-2020.huyen.pl1", "-o", out, "--force");
    expect(forced.code).toBe(0);
    expect(readWorkbook(new Uint8Array(readFileSync(out)), out).ok).toBe(true);
  });

  it("reports an unwritable output path and leaves no partial file", async () => {
    const dir = tempDir();
    const locked = join(dir, "khoa");
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const out = join(locked, "x.xlsx");
    const missing = join(dir, "khong-co", "x.xlsx");
    for (const target of [missing, ...(process.getuid?.() === 0 ? [] : [out])]) {
      const { code, err } = await run("template", "tk2011-2020.huyen.pl1", "-o", target);
      expect(code).toBe(2);
      expect(err).toContain(`Không ghi được tệp «${target}»`);
      expect(existsSync(target)).toBe(false);
    }
  });

  it.each([
    [["template", "-o", "x.xlsx"], "Cần ít nhất một mã phụ lục"],
    [["template", "tk2011-2020.huyen.pl1"], "Cần tệp kết quả"],
    [["template", "tk2011-2020.huyen.pl1", "-o", "x.xls"], "phải có đuôi .xlsx"],
    [["nonsense"], "Lệnh không hợp lệ"],
  ])("usage error %p → exit 2 with a Vietnamese explanation", async (argv, text) => {
    const { code, err } = await run(...argv);
    expect(code).toBe(2);
    expect(err).toContain(text);
  });
});
