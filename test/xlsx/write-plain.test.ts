/**
 * The fast writer of plain layouts (src/xlsx/write-plain.ts) against ExcelJS (write.ts): the
 * sheets of a real rollup — status, rollup and detail sheets, excluded values, notes that look
 * like formulas, odd text — written by both and read back by ExcelJS, by our
 * SheetJS reader and by the core: same cells (values, number formats, fonts, fills, borders,
 * alignment, locking), merges, widths, hidden columns, heights, frozen panes, page setup and
 * print titles.
 */
import ExcelJS from "exceljs";
import { findForm } from "../../src/catalog";
import { consolidate } from "../../src/core/consolidate";
import { isRollupSheet } from "../../src/core/rollup-layout";
import type { SheetLayout } from "../../src/core/layout";
import { readWorkbook } from "../../src/xlsx/read";
import { deflateWithZlib } from "../../src/xlsx/deflate.node";
import { gridsDifference } from "../../src/xlsx/sheetjs";
import { receivedFromFile } from "../../src/xlsx/received";
import { writeTemplates, writeWithExcelJs, type SheetToWrite } from "../../src/xlsx/write";
import { isPlainLayout, writePlainSheets } from "../../src/xlsx/write-plain";
import { FORMS } from "../../src/catalog";
import { TemplateFiller, type UnitValues } from "../support/received";
import { typedValues, unitEntries } from "../support/unit-values";

const SENT = ["tk2011-2020.huyen.pl1", "tk2011-2020.huyen.pl3", "tk2011-2020.huyen.pl4", "tk2011-2020.huyen.pl8"].map((id) => findForm(id)!);
const ODD_TEXT = ["=HYPERLINK(\"http://x.vn\",\"Bấm\")", "  lề trái và phải  ", "@tất cả", "+84 912", "dòng 1\ndòng 2"];

let sheets: SheetToWrite[];
let plain: ExcelJS.Workbook;
let reference: ExcelJS.Workbook;
let plainBytes: Uint8Array;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

beforeAll(async () => {
  const filler = await TemplateFiller.create(SENT, { period: "Năm 2020" });
  const sources = [];
  for (let unit = 0; unit < 5; unit++) {
    const values: UnitValues = {};
    for (const form of SENT) values[form.id] = typedValues(unitEntries(form, unit, form.columns.some((c) => c.id === "y2019") ? { columns: ["y2019", "y2020q1"] } : {}));
    if (unit === 0) {
      values["tk2011-2020.huyen.pl4"]["gd2001-2010"]["ghi-chu"] = ODD_TEXT.join(" | ");
      ODD_TEXT.forEach((t, i) => (values["tk2011-2020.huyen.pl1"]["hinh-thuc-khac"][i % 2 ? "y2019" : "y2020q1"] = t));
      values["tk2011-2020.huyen.pl3"]["pakn-tiep-nhan"].y2019 = "mười hai"; // excluded, listed
    }
    const file = `don-vi-${unit}.xlsx`;
    sources.push(receivedFromFile(await filler.write(`UBND huyện Thử ${unit}`, values), file, FORMS));
  }
  const result = consolidate(sources, { unit: "UBND tỉnh Thử", period: "Năm 2020", expected: ["UBND huyện Chưa Gửi"] });
  sheets = result.sheets.map((s) => ({ name: s.name, layout: s.layout }));
  plainBytes = await writePlainSheets(sheets);
  plain = await load(plainBytes);
  reference = await load(await writeWithExcelJs(sheets));
}, 120_000);

const look = (cell: ExcelJS.Cell) => ({
  value: cell.type === ExcelJS.ValueType.Merge ? null : cell.value ?? null,
  numFmt: cell.numFmt ?? "General",
  font: { name: cell.font?.name, size: cell.font?.size, bold: !!cell.font?.bold, italic: !!cell.font?.italic, color: cell.font?.color?.argb },
  fill: cell.fill?.type === "pattern" && cell.fill.pattern === "solid" ? cell.fill.fgColor?.argb : undefined,
  border: (["top", "left", "bottom", "right"] as const).map((e) => cell.border?.[e]?.style ?? null),
  alignment: { h: cell.alignment?.horizontal, v: cell.alignment?.vertical, wrap: !!cell.alignment?.wrapText, indent: cell.alignment?.indent ?? 0 },
  locked: cell.protection?.locked !== false,
});

describe("the fast writer of plain layouts", () => {
  it("takes every sheet of a rollup, and nothing with formulas, validations or protection", () => {
    expect(sheets.every((s) => isPlainLayout(s.layout))).toBe(true);
    const template = { ...sheets[1].layout, protect: undefined } as SheetLayout;
    expect(isPlainLayout(template)).toBe(false);
  });

  it("writes the same cells as ExcelJS: values, number formats, fonts, fills, borders, alignment, locking", () => {
    expect(plain.worksheets.map((w) => w.name)).toEqual(sheets.map((s) => s.name));
    const differences: string[] = [];
    sheets.forEach(({ name, layout }) => {
      const a = plain.getWorksheet(name)!;
      const b = reference.getWorksheet(name)!;
      for (let r = 1; r <= layout.lastRow + 2; r++)
        for (let c = 1; c <= layout.lastCol + 2; c++) {
          const x = JSON.stringify(look(a.getCell(r, c)));
          const y = JSON.stringify(look(b.getCell(r, c)));
          if (x !== y) differences.push(`${name}!${a.getCell(r, c).address}: ${x} ≠ ExcelJS ${y}`);
        }
    });
    expect(differences.slice(0, 20)).toEqual([]);
  });

  it("writes the same merges, widths, hidden columns, heights, frozen panes, page setup and print titles", () => {
    sheets.forEach(({ name, layout }) => {
      const a = plain.getWorksheet(name)!;
      const b = reference.getWorksheet(name)!;
      expect([name, [...a.model.merges].sort()]).toEqual([name, [...b.model.merges].sort()]);
      for (let c = 1; c <= layout.lastCol + 2; c++) {
        const col = (w: ExcelJS.Worksheet) => ({ width: w.getColumn(c).width, hidden: !!w.getColumn(c).hidden, locked: w.getColumn(c).protection?.locked !== false });
        expect([name, c, col(a)]).toEqual([name, c, col(b)]);
      }
      for (let r = 1; r <= layout.lastRow + 2; r++) expect([name, r, a.getRow(r).height]).toEqual([name, r, b.getRow(r).height]);
      const view = (w: ExcelJS.Worksheet) => {
        const v = w.views[0] as { state?: string; xSplit?: number; ySplit?: number };
        return { state: v.state, xSplit: v.xSplit ?? 0, ySplit: v.ySplit ?? 0 };
      };
      expect([name, view(a)]).toEqual([name, view(b)]);
      const page = (w: ExcelJS.Worksheet) => {
        const p = w.pageSetup;
        return { paperSize: p.paperSize, orientation: p.orientation, fitToPage: p.fitToPage, fitToWidth: p.fitToWidth, fitToHeight: p.fitToHeight, margins: p.margins, printTitlesRow: p.printTitlesRow };
      };
      expect([name, page(a)]).toEqual([name, page(b)]);
      expect((a as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet ?? false).toBe(false);
    });
  });

  it("is what writeTemplates writes for a rollup, and reads back through SheetJS as the rollup's sheets with text kept as text", async () => {
    const bytes = await writeTemplates(sheets);
    const read = readWorkbook(bytes, "tong-hop.xlsx");
    const direct = readWorkbook(plainBytes, "tong-hop.xlsx");
    if (!read.ok || !direct.ok) throw new Error("unreadable");
    const values = (grids: typeof read.sheets) => grids.map((g) => ({ sheet: g.sheet, merges: g.merges, cells: g.cells.map((r) => (r ?? []).map((c) => c?.value ?? null)) }));
    expect(values(read.sheets)).toEqual(values(direct.sheets));
    for (const grid of read.sheets) {
      expect(isRollupSheet(grid)).toBe(true);
      for (const row of grid.cells) for (const cell of row ?? []) expect(cell?.formula).toBeUndefined();
    }
    const texts = read.sheets.flatMap((g) => g.cells.flatMap((r) => (r ?? []).map((c) => c?.value)));
    for (const t of ODD_TEXT.map((x) => x.trim())) expect([t, texts.some((v) => typeof v === "string" && v.includes(t))]).toEqual([t, true]);
  });

  it("compressed by Node's zlib (as the CLI writes it), the workbook reads the same as with the platform's compressor", async () => {
    const zlibBytes = await writeTemplates(sheets, { deflate: deflateWithZlib });
    const [a, b] = [readWorkbook(zlibBytes, "zlib.xlsx"), readWorkbook(await writeTemplates(sheets), "stream.xlsx")];
    if (!a.ok || !b.ok) throw new Error("unreadable");
    expect(gridsDifference(a.sheets, b.sheets)).toBeUndefined();
    expect(a.sheets.length).toBe(sheets.length);
  });

  it("keeps any text exactly: XML specials, control characters, a literal _x0041_, edge spaces", async () => {
    const odd = ["_x0041_ giữ nguyên", "a < b & c > d \"'", "\u0001\u0002\u000b\u001f", "  hai đầu  ", "😀 ngoài BMP", "=1+1"];
    const base = sheets[0].layout;
    const cells = odd.map((value, i) => ({ row: base.lastRow + 2 + i, col: 1, value, style: "resultText" as const, numberFormat: "@", text: true }));
    const layout: SheetLayout = { ...base, cells: [...base.cells, ...cells], lastRow: base.lastRow + 1 + odd.length };
    const read = readWorkbook(await writePlainSheets([{ name: "Thử", layout }]), "thu.xlsx");
    if (!read.ok) throw new Error(read.reason);
    expect(cells.map((c) => read.sheets[0].cells[c.row]?.[1]?.value)).toEqual(odd);
  });
});
