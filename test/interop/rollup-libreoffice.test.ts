/**
 * Consolidation of workbooks written by another program than ours (issue 4, Proof):
 * - three districts fill our templates (the eight 2011-2020 district appendices and the periodic
 *   statistics form, for its codes) in real LibreOffice — numbers, "1.037", "97,5", fractions
 *   "1180/1200" and "1200/1180", Đạt / đạt / KHONG DAT / Chưa đạt, codes as number, word and
 *   "2 - Hoàn thành", Có / Không, notes — and save them as .xlsx, .xls and .ods;
 * - a fourth district retypes two appendices by hand: no marker, its own title block, rows in
 *   another order, a blank row inserted, every text in NFD;
 * - `cchc rollup … --json` (through main()) must give the sums, common values, Σ/Σ ratios,
 *   weighted and plain means, Đạt counts, x/N flags, code counts and notes that this test
 *   computes on its own from what was typed;
 * - the rollup workbook we write is opened and saved again by LibreOffice (.ods and .xlsx) and
 *   read back: every sheet (status, TH …, TH CT …) is there with every value intact.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { FORMS, findForm } from "../../src/catalog";
import { inputColumns, type Column, type Form, type Row } from "../../src/catalog/schema";
import { a1, type Grid } from "../../src/core/grid";
import { layoutForm } from "../../src/core/layout";
import { readRollupMarker } from "../../src/core/rollup-layout";
import { defaultSheetName, uniqueSheetName } from "../../src/core/sheet-names";
import { readWorkbook } from "../../src/xlsx/read";
import { templateWorkbook } from "../../src/xlsx/templates";
import { libreOfficeFill, tempDir, type Fill, type Format } from "../support/libreoffice";
import type { RollupValue } from "../../src/core/rollup";
import { expectFormValues } from "../support/expected-rollup";
import { unitEntries, type FormEntries } from "../support/unit-values";
import { runCli as run } from "../support/cli";

const HUYEN = FORMS.filter((f) => f.family === "tk2011-2020.huyen");
const STATISTICS = findForm("bao-cao-dinh-ky.thong-ke")!;
/** The statistics form is filled only in its coded and 0/1 rows. */
const STATISTICS_ROWS = STATISTICS.rows.filter((r) => r.kind === "coded" || r.kind === "flag01").map((r) => r.id);
const SENT: Form[] = [...HUYEN, STATISTICS];
const PERIOD = "Năm 2020";
const CONSOLIDATOR = "UBND tỉnh Gia Lai";
/** Columns filled in the yearly forms; the other years stay blank (not reported). */
const YEARS = ["y2019", "y2020q1"];

interface Sender {
  unit: string;
  file: string;
  /** Index for unitEntries (decides how values are typed). */
  index: number;
  forms: Form[];
  format?: Format;
  entries: Map<string, FormEntries>;
}

const PL1 = findForm("tk2011-2020.huyen.pl1")!;
const PL3 = findForm("tk2011-2020.huyen.pl3")!;
/** Ia Pa's one-stop list differs from everyone else's in 2019 (a shared catalogue count). */
const DISAGREE = [{ row: "tthc-cap-huyen", column: "y2019", value: 248 }];

const dir = tempDir("cchc-rollup-lo-");
const senders: Sender[] = [
  { unit: "UBND huyện Krông Pa", file: join(dir, "krong-pa.xlsx"), index: 0, forms: SENT, format: "xlsx", entries: new Map() },
  { unit: "UBND huyện Ia Pa", file: join(dir, "ia-pa.xls"), index: 1, forms: SENT, format: "xls", entries: new Map() },
  { unit: "UBND huyện Phú Thiện", file: join(dir, "phu-thien.ods"), index: 2, forms: SENT, format: "ods", entries: new Map() },
  { unit: "UBND huyện Kbang", file: join(dir, "kbang-go-tay.xlsx"), index: 3, forms: [PL3, PL1], entries: new Map() },
];
const HAND = senders[3];
const output = join(dir, "tong-hop.xlsx");

function columnsOf(form: Form): string[] | undefined {
  return form.columns.some((c) => c.id === "y2019") ? YEARS : undefined;
}

function entriesFor(sender: Sender, form: Form): FormEntries {
  return unitEntries(form, sender.index, {
    ...(columnsOf(form) ? { columns: columnsOf(form) } : {}),
    ...(form.id === STATISTICS.id ? { rows: STATISTICS_ROWS } : {}),
    ...(sender.unit === "UBND huyện Ia Pa" ? { disagree: DISAGREE } : {}),
    ...(sender === HAND ? { typeTotals: true } : {}),
  });
}

// --- the hand-typed workbook ------------------------------------------------------------------

const nfd = (s: string) => s.normalize("NFD");

/** Blocks of rows that start at a numbered row (a heading and its "-" children move together). */
function blocks(form: Form): Row[][] {
  const out: Row[][] = [];
  for (const row of form.rows) {
    if (out.length === 0 || /^\d+\.?$/.test(row.stt)) out.push([row]);
    else out[out.length - 1].push(row);
  }
  return out;
}

function handSheet(workbook: ExcelJS.Workbook, form: Form, entries: FormEntries, unit: string): void {
  const ws = workbook.addWorksheet(nfd(`${form.appendix} (gõ lại)`));
  ws.addRow([nfd("ỦY BAN NHÂN DÂN HUYỆN KBANG"), null, null, null, nfd(form.appendix)]);
  ws.addRow([nfd(form.title)]);
  ws.addRow([]);
  ws.addRow([null, nfd("Đơn vị báo cáo:"), nfd(unit)]);
  ws.addRow([null, nfd("Kỳ báo cáo:"), nfd(PERIOD)]);
  ws.addRow([]);
  ws.addRow([nfd(form.sttHeader ?? "STT"), nfd(form.labelHeader), ...form.columns.map((c) => nfd(c.label))]);
  // The blocks in reverse order, and a blank row after the first one.
  blocks(form)
    .reverse()
    .forEach((block, i) => {
      for (const row of block) ws.addRow([row.stt, nfd(row.label), ...form.columns.map((c) => entries[row.id]?.[c.id]?.typed ?? null)]);
      if (i === 0) ws.addRow([]);
    });
}

// --- running the CLI ----------------------------------------------------------------------------

interface RollupJson {
  output: string;
  units: { file: string | null; unit: string; status: string; message?: string }[];
  values: RollupValue[];
}

let json: RollupJson;
let ours: Grid[];
const reopened: Partial<Record<Format, Grid[]>> = {};

beforeAll(async () => {
  // Three districts fill our template in LibreOffice.
  const template = join(dir, "template.xlsx");
  writeFileSync(template, await templateWorkbook(SENT, { period: PERIOD }));
  const taken: string[] = [];
  const sheetOf = new Map<string, string>();
  for (const form of SENT) {
    const name = uniqueSheetName(defaultSheetName(form), taken);
    taken.push(name);
    sheetOf.set(form.id, name);
  }
  for (const sender of senders.filter((s) => s.format)) {
    const fills: Fill[] = [];
    for (const form of sender.forms) {
      const layout = layoutForm(form, { period: PERIOD });
      const sheet = sheetOf.get(form.id)!;
      const entries = entriesFor(sender, form);
      sender.entries.set(form.id, entries);
      fills.push({ sheet, cell: a1(layout.unitCell.row, layout.unitCell.col), value: sender.unit });
      for (const [rowId, cols] of Object.entries(entries))
        for (const [colId, cell] of Object.entries(cols))
          fills.push({ sheet, cell: a1(layout.rowIndex.get(rowId)!, layout.colIndex.get(colId)!), value: cell.typed });
    }
    libreOfficeFill(template, fills, [{ path: sender.file, format: sender.format! }]);
  }

  // A fourth retypes two appendices by hand.
  const hand = new ExcelJS.Workbook();
  for (const form of HAND.forms) {
    const entries = entriesFor(HAND, form);
    HAND.entries.set(form.id, entries);
    handSheet(hand, form, entries, HAND.unit);
  }
  await hand.xlsx.writeFile(HAND.file);

  const result = await run("rollup", ...senders.map((s) => s.file), "-o", output, "--unit", CONSOLIDATOR, "--period", PERIOD, "--json");
  if (result.code !== 0) throw new Error(`cchc rollup: exit ${result.code}: ${result.err}`);
  json = JSON.parse(result.out) as RollupJson;

  const read = readWorkbook(new Uint8Array(readFileSync(output)), output);
  if (!read.ok) throw new Error(read.reason);
  ours = read.sheets;
  const outputs = (["ods", "xlsx"] as const).map((format) => ({ format, path: join(dir, `tong-hop-lo.${format}`) }));
  libreOfficeFill(output, [], outputs);
  for (const { format, path } of outputs) {
    const back = readWorkbook(new Uint8Array(readFileSync(path)), path);
    if (!back.ok) throw new Error(`${format}: ${back.reason}`);
    reopened[format] = back.sheets;
  }
}, 600_000);

function jsonValue(form: Form, row: Row, column: Column) {
  return json.values.find((v) => v.form === form.id && v.row === row.id && v.column === column.label);
}

// --- the tests -----------------------------------------------------------------------------------

describe("cchc rollup over workbooks LibreOffice wrote and one typed by hand", () => {
  it("reads every unit: the three LibreOffice files (.xlsx, .xls, .ods) and the hand-typed one", () => {
    expect(json.output).toBe(output);
    expect(json.units.map((u) => ({ file: u.file, unit: u.unit, status: u.status }))).toEqual(
      expect.arrayContaining(senders.map((s) => ({ file: s.file, unit: s.unit, status: "ok" }))),
    );
    expect(json.units).toHaveLength(senders.length);
    for (const u of json.units) expect(u.message).toContain(`«${u.unit}»`);
  });

  it.each(SENT.map((f) => [f.id, f] as const))("%s: every value is what the typed values give", (_id, form) => {
    expect(expectFormValues(json.values, senders, form)).toBeGreaterThan(0);
  });

  it("sums counts, keeps the common value of a shared catalogue (never summed) and names who differs", () => {
    const pl3 = (row: string, column: string) => json.values.find((v) => v.form === PL3.id && v.row === row && v.column === PL3.columns.find((c) => c.id === column)!.label)!;
    // Everyone typed 380 commune procedures: the common value, not 4 × 380.
    expect(pl3("tthc-cap-xa", "y2019")).toMatchObject({ value: 380, reported: 4, of: 4 });
    // Ia Pa typed 248 district procedures in 2019, the others 390.
    expect(pl3("tthc-cap-huyen", "y2019").value).toBe(390);
    expect(pl3("tthc-cap-huyen", "y2019").display).toContain("1 đơn vị ghi khác");
    expect(pl3("tthc-cap-huyen", "y2020q1").display).toBe("390");
    // PAKN received is a count: summed over the four units.
    const pakn = [0, 1, 2, 3].reduce((n, unit) => n + (unitEntries(PL3, unit, { columns: YEARS })["pakn-tiep-nhan"].y2019.meaning as number), 0);
    expect(pl3("pakn-tiep-nhan", "y2019").value).toBe(pakn);
  });

  it("recomputes on-time rates from the fractions (Σ on time / Σ received), whichever way they were typed", () => {
    const rate = json.values.find((v) => v.form === PL3.id && v.row === "tl-dung-hen-xa" && v.column === "Năm 2019")!;
    const parts = [0, 1, 2, 3].map((unit) => unitEntries(PL3, unit, { columns: YEARS })["tl-dung-hen-xa"].y2019.meaning as { num: number; den: number });
    expect(rate.value).toBeCloseTo((100 * parts.reduce((a, p) => a + p.num, 0)) / parts.reduce((a, p) => a + p.den, 0), 9);
    // Not the mean of the four percentages.
    const mean = parts.reduce((a, p) => a + (100 * p.num) / p.den, 0) / 4;
    expect(Math.abs((rate.value as number) - mean)).toBeGreaterThan(1e-6);
  });

  it("counts Đạt over the units that answered, whatever the spelling, and 0/1 answers as x/N", () => {
    const pl8 = findForm("tk2011-2020.huyen.pl8")!;
    for (const row of pl8.rows) {
      const v = json.values.find((x) => x.form === pl8.id && x.row === row.id)!;
      expect(v.display).toBe(`Đạt: ${v.value as number}/3`);
    }
    const flag = json.values.find((x) => x.form === PL1.id && x.row === "cuoc-thi" && x.column === "Năm 2019")!;
    expect(flag.display).toBe(`${flag.value as number}/4 đơn vị`);
  });

  it("leaves years nobody filled blank — not reported, never zero", () => {
    for (const v of json.values.filter((x) => x.form === PL3.id && x.column === "Năm 2015")) expect({ row: v.row, value: v.value, reported: v.reported }).toEqual({ row: v.row, value: null, reported: 0 });
  });
});

describe("the rollup workbook opened and saved again by LibreOffice", () => {
  const cellsOf = (grid: Grid) => {
    const out = new Map<string, string | number | boolean>();
    grid.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell && cell.value !== null && cell.value !== "") out.set(a1(r, c), cell.value);
      }),
    );
    return out;
  };

  it.each(["ods", "xlsx"] as const)("keeps every sheet — status, TH …, TH CT … — and every value (.%s)", (format) => {
    const back = reopened[format]!;
    expect(back.map((g) => g.sheet)).toEqual(ours.map((g) => g.sheet));
    expect(ours.map((g) => readRollupMarker(g)?.kind)).toEqual(["status", ...SENT.flatMap(() => ["rollup", "detail"])]);
    expect(ours.map((g) => g.sheet)).toEqual([
      "TH Đơn vị gửi báo cáo",
      ...SENT.flatMap(() => [expect.stringMatching(/^TH (?!CT )/), expect.stringMatching(/^TH CT /)]),
    ]);
    for (const grid of ours) {
      const mine = cellsOf(grid);
      const theirs = cellsOf(back.find((g) => g.sheet === grid.sheet)!);
      expect({ sheet: grid.sheet, cells: [...theirs.keys()].sort() }).toEqual({ sheet: grid.sheet, cells: [...mine.keys()].sort() });
      for (const [address, value] of mine) {
        const other = theirs.get(address);
        if (typeof value === "number") expect({ sheet: grid.sheet, address, value: Number((other as number).toPrecision(12)) }).toEqual({ sheet: grid.sheet, address, value: Number(value.toPrecision(12)) });
        else expect({ sheet: grid.sheet, address, value: other }).toEqual({ sheet: grid.sheet, address, value });
      }
    }
  });

  it("shows each aggregate in the form's own layout, as LibreOffice reads it back", () => {
    const back = reopened.ods!;
    let checked = 0;
    for (const form of SENT) {
      const grid = back.find((g) => readRollupMarker(g)?.kind === "rollup" && readRollupMarker(g)?.formId === form.id)!;
      const layout = layoutForm(form, { unit: CONSOLIDATOR, period: PERIOD });
      expect(grid.cells[layout.unitCell.row]?.[layout.unitCell.col]?.value).toBe(CONSOLIDATOR);
      for (const row of form.rows)
        for (const column of inputColumns(form)) {
          const v = jsonValue(form, row, column);
          if (!v || v.value === null) continue;
          const shown = grid.cells[layout.rowIndex.get(row.id)!]?.[layout.colIndex.get(column.id)!]?.value;
          if (typeof shown === "number") expect(shown).toBeCloseTo(v.value as number, 9);
          else expect({ row: row.id, column: column.id, shown }).toEqual({ row: row.id, column: column.id, shown: v.display });
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("lists the four units in the status sheet with their files", () => {
    const status = reopened.ods!.find((g) => readRollupMarker(g)?.kind === "status")!;
    const text = status.cells.flat().map((c) => (c ? String(c.value) : ""));
    for (const s of senders) {
      expect(text).toContain(s.unit);
      expect(text).toContain(s.file);
    }
  });
});
