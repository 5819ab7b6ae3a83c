/**
 * The Google Sheets add-on without Google: the built server (dist-like Code.js, webpack
 * `--env sheets=server`) evaluated in node:vm against the Apps Script stand-in
 * (test/support/sheets-standin.ts), driven by the sidebar's own backend (SheetsBackend) over the
 * google.script.run stand-in (test/support/gas-run.ts). What a clerk would notice:
 * the menu is there; the four steps work end to end; the inserted sheet is the .xlsx template's
 * sheet; a wrong value is marked as it is typed; text from a unit never becomes a formula,
 * whatever Sheets does with "@"; a rollup can be cancelled and leaves nothing behind; the
 * diagnostic tells what Sheets kept and leaves no sheet; calls do not grow with rows or units.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FORMS, findForm } from "../../src/catalog";
import { a1, parseA1 } from "../../src/core/grid";
import { layoutForm, layoutMatrix, STYLES } from "../../src/core/layout";
import { FLAGS_HEADER } from "../../src/core/marks";
import { defaultSheetName } from "../../src/core/sheet-names";
import { PaneError } from "../../src/taskpane/backend";
import { MAX_IN_FLIGHT, SheetsBackend, type ScriptRun } from "../../src/taskpane/sheets-backend";
import { templateWorkbook } from "../../src/xlsx/templates";
import { buildSheets, loadServer, readCode, type Server } from "../support/gas-vm";
import { installScriptRun } from "../support/gas-run";
import { templateCalculate as calculate, type StandInOptions } from "../support/sheets-standin";
import { cellOf, PART, PL1, PL3, PL3_SHEET, PL8, receivedFile, SUMMED } from "../support/pl3-scenario";
import { xlsxLook } from "../support/sheet-compare";

const FORMULA_TEXT = '=HYPERLINK("http://x","bấm vào đây")';

let dir: string;
let code: string;

beforeAll(() => {
  dir = buildSheets("test-output/sheets-vm", "server");
  code = readCode(dir);
}, 120_000);


function sheets(options: StandInOptions = {}): { server: Server; backend: SheetsBackend; stats: ReturnType<typeof installScriptRun>; spent: Map<string, number> } {
  const server = loadServer(code, { calculate, ...options });
  const page: Record<string, unknown> = {};
  /** Apps Script service calls made by each server method. */
  const spent = new Map<string, number>();
  const stats = installScriptRun(page, (name, args) => {
    const start = server.standIn.host.calls;
    const result = (server.global[name] as (...a: unknown[]) => unknown)(...args);
    const method = String(args[0]);
    spent.set(method, (spent.get(method) ?? 0) + server.standIn.host.calls - start);
    return result;
  });
  const backend = new SheetsBackend(() => (page.google as { script: { run: ScriptRun } }).script.run);
  return { server, backend, stats, spent };
}

const pl3 = findForm(PL3)!;

async function unitFile(unit: string, value: number): Promise<{ name: string; bytes: Uint8Array }> {
  const file = await receivedFile(unit, value);
  return { name: file.name, bytes: new Uint8Array(file.buffer) };
}

describe("delivery: dist/sheets", () => {
  test("Code.js declares every entry point at top level and they are callable globals", () => {
    const { global } = loadServer(code);
    for (const name of ["onOpen", "onInstall", "onEdit", "showSidebar", "showEnvironmentCheck", "cchcRpc"]) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, "m"));
      expect(typeof global[name]).toBe("function");
    }
  });

  test("appsscript.json: V8 and exactly the two narrowest scopes (this spreadsheet, the sidebar)", () => {
    const manifest = JSON.parse(readFileSync(join(dir, "appsscript.json"), "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.oauthScopes).toEqual(["https://www.googleapis.com/auth/spreadsheets.currentonly", "https://www.googleapis.com/auth/script.container.ui"]);
  });

  test("onOpen adds the add-on menu; its items open the sidebar and the diagnostic", () => {
    const { global, standIn } = loadServer(code);
    (global.onOpen as () => void)();
    expect(standIn.host.menus).toEqual([{ caption: "Tiện ích bổ sung", items: [["Mở CCHC Phụ lục", "showSidebar"], ["Kiểm tra môi trường", "showEnvironmentCheck"]] }]);
    for (const [, fn] of standIn.host.menus[0].items) expect(typeof global[fn]).toBe("function");
    (global.showSidebar as () => void)();
    expect(standIn.host.sidebars).toEqual([{ title: "CCHC Phụ lục", file: "sidebar" }]);
  });
});

describe("Chèn phụ lục", () => {
  test("the inserted sheet is the .xlsx template's: values, formulas, formats, fonts, fills, alignment, merges, validations, rules, widths", async () => {
    const { backend, server } = sheets({ sheets: [{ name: "Trang tính1" }] });
    const forms = FORMS.filter((f) => f.family === "tk2011-2020.huyen");
    const inserted = await backend.insertForms({ formIds: forms.map((f) => f.id), unit: "UBND huyện An Lão", period: "Năm 2020" });
    const wb = new ExcelJS.Workbook();
    const bytes = await templateWorkbook(forms, { unit: "UBND huyện An Lão", period: "Năm 2020" });
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const differences: string[] = [];
    inserted.sheets.forEach(({ name, formId }, i) => {
      const sheet = server.standIn.host.sheet(name);
      const ws = wb.worksheets[i];
      const layout = layoutForm(findForm(formId)!, { unit: "UBND huyện An Lão", period: "Năm 2020" });
      for (let r = 0; r <= layout.lastRow; r++)
        for (let c = 0; c <= layout.lastCol; c++) {
          const x = xlsxLook(ws, r, c);
          const cell = sheet.peek(r, c);
          const content = cell?.formula ?? (cell?.value === undefined ? null : cell.value);
          const merged = sheet.mergeAt(r, c);
          if (!(merged && (merged.top !== r || merged.left !== c)) && content !== x.content) differences.push(`${name}!${a1(r, c)} content ${JSON.stringify(content)} ≠ ${JSON.stringify(x.content)}`);
          const styled = cell?.fontFamily !== null && cell?.fontFamily !== undefined;
          if (!styled) continue;
          const font = `${cell!.fontFamily} ${cell!.fontSize}${cell!.fontWeight === "bold" ? " bold" : ""}${cell!.fontStyle === "italic" ? " italic" : ""} ${cell!.fontColor ?? "#000000"}`;
          if (font !== x.font) differences.push(`${name}!${a1(r, c)} font ${font} ≠ ${x.font}`);
          if (cell!.background !== x.fill) differences.push(`${name}!${a1(r, c)} fill ${cell!.background} ≠ ${x.fill}`);
          const H: Record<string, string> = { left: "Left", center: "Center", right: "Right" };
          const align = `${cell!.horizontal ? H[cell!.horizontal] : "General"}/${cell!.vertical === "top" ? "Top" : "Center"}${cell!.wrap ? " wrap" : ""}`;
          // Sheets has no indent: the .xlsx's indent 1 of sub-items is the one difference.
          if (align !== x.align.replace(/ indent \d+$/, "")) differences.push(`${name}!${a1(r, c)} align ${align} ≠ ${x.align}`);
          const format = cell!.numberFormat;
          if (format !== x.numberFormat && !(typeof content === "string" && [format, x.numberFormat].sort().join("|") === "@|General"))
            differences.push(`${name}!${a1(r, c)} format ${format} ≠ ${x.numberFormat}`);
        }
      const wsMerges = ((ws as unknown as { model: { merges: string[] } }).model.merges ?? []).slice().sort();
      expect(sheet.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).sort()).toEqual(wsMerges);
      // Validations: same cells, same kind (list values or number range).
      for (const v of layout.validations) {
        const cell = sheet.cell(v.top, v.left).validation!;
        expect(cell.criteria).toBe(v.type === "list" ? "VALUE_IN_LIST" : "NUMBER_BETWEEN");
        expect(cell.values[0]).toEqual(v.type === "list" ? v.list : v.min);
        expect(cell.allowInvalid).toBe(false);
      }
      expect(sheet.conditionalRules.map((r) => r.formula)).toEqual(layout.conditionalFormats.map((cf) => `=${cf.formula}`));
      layout.widths.forEach((w, col) => expect(sheet.widths.get(col)).toBe(Math.round(w * 7)));
      expect([...sheet.hiddenColumns].sort()).toEqual([layout.markerCell.col, layout.flagsCol].sort());
      // Frozen header rows as in Excel; columns not (the title's merged rows cross them: Sheets refuses).
      expect(sheet.frozenRows).toBe(layout.frozenRows);
      // Protection as a warning only, input cells exempt.
      expect(sheet.protections).toHaveLength(1);
      expect(sheet.protections[0].warningOnly).toBe(true);
      const inputs = layout.cells.filter((c) => !STYLES[c.style].locked);
      for (const c of inputs) expect(sheet.protections[0].unprotected.some((u) => c.row >= u.top && c.row <= u.bottom && c.col >= u.left && c.col <= u.right)).toBe(true);
    });
    expect(differences).toEqual([]);
  });

  test("never overwrites or renames: an existing «Phụ lục 3» stays, the new sheet gets « (2)» and is shown", async () => {
    const { backend, server } = sheets({ sheets: [{ name: "phụ lục 3", cells: [["Số liệu cũ", 2019]] }] });
    const out = await backend.insertForms({ formIds: [PL3] });
    expect(out.sheets.map((s) => s.name)).toEqual([`${PL3_SHEET} (2)`]);
    expect(server.standIn.host.sheetNames()).toEqual(["phụ lục 3", `${PL3_SHEET} (2)`]);
    expect(server.standIn.host.sheet("phụ lục 3").at("A1").value).toBe("Số liệu cũ");
    expect(server.standIn.host.active?.name).toBe(`${PL3_SHEET} (2)`);
  });

  test("calls per sheet do not grow with its rows: the smallest and the largest form make the same calls but for their merges, boxes and width runs", async () => {
    const full = FORMS.filter((f) => layoutForm(f).validations.length && layoutForm(f).conditionalFormats.length);
    const byRows = [...full].sort((a, b) => a.rows.length * a.columns.length - b.rows.length * b.columns.length);
    const fixed: number[] = [];
    for (const form of [byRows[0], byRows[byRows.length - 1]]) {
      const { backend, server } = sheets();
      const host = server.standIn.host;
      const before = new Map(host.byMethod);
      await backend.insertForms({ formIds: [form.id] });
      const made = (m: string) => (host.byMethod.get(m) ?? 0) - (before.get(m) ?? 0);
      const all = [...host.byMethod.keys()].reduce((n, m) => n + made(m), 0);
      // getRange only names a range (no read, no write); one call per merge, box and run of widths.
      // Growing the grid past 26 columns or 1000 rows is one call, once per sheet.
      // And the read proving that text like "- Văn bản…" stayed text: one per sheet that has such text.
      const grow = made("Sheet.insertColumnsAfter") + made("Sheet.insertRowsAfter") + made("Range.getFormulas");
      fixed.push(all - grow - made("Sheet.getRange") - made("Range.merge") - made("Range.setBorder") - made("Sheet.setColumnWidths"));
      expect(made("Range.setValues")).toBe(1);
      expect(made("Range.setNumberFormats")).toBe(1);
    }
    expect(byRows[byRows.length - 1].rows.length).toBeGreaterThan(3 * byRows[0].rows.length);
    expect(fixed[0]).toBe(fixed[1]);
  });
});

describe("Kiểm tra and live checking", () => {
  test("a wrong value is marked as it is typed (onEdit), listed by Kiểm tra, selectable; correcting it clears the mark", async () => {
    const { backend, server } = sheets();
    await backend.insertForms({ formIds: [PL3], unit: "UBND huyện An Lão" });
    const host = server.standIn.host;
    const sheet = host.sheet(PL3_SHEET);
    const layout = layoutForm(pl3);
    const flag = () => String(sheet.cell(parseA1(PART)!.row, layout.flagsCol).value ?? "");
    host.type(PL3_SHEET, PART, "mười hai");
    expect(sheet.cell(0, layout.flagsCol).value).toBe(FLAGS_HEADER);
    expect(flag()).toMatch(new RegExp(`^\\|E${parseA1(PART)!.col + 1}\\|`));
    expect(sheet.at(PART).value).toBe("mười hai");

    const report = await backend.check();
    const issue = report.sheets[0].issues.find((i) => i.cell === PART)!;
    expect(issue.severity).toBe("error");
    expect(report.degraded.join(" ")).toMatch(/tô màu lại ngay khi bạn sửa/);
    await backend.select(PL3_SHEET, PART);
    expect(host.activeRange).toEqual({ sheet: PL3_SHEET, a1: PART });

    host.type(PL3_SHEET, PART, "12");
    expect(flag()).not.toMatch(/\|E/);
    expect(sheet.at(PART).value).toBe(12);
  });

  test("an edit on a sheet that is not ours writes nothing", () => {
    const server = loadServer(code, { sheets: [{ name: "Ghi chú", cells: [["a", 1]] }] });
    server.standIn.host.type("Ghi chú", "B2", "- x");
    const writes = [...server.standIn.host.byMethod.entries()].filter(([m]) => /^Range\.set|Sheet\.(set|hide)/.test(m));
    expect(writes).toEqual([]);
  });

  test("a sheet protected against this user is listed, not marked, with a note", async () => {
    const rows: (string | number)[][] = [["THỐNG KÊ"], [pl3.title], [], ["STT", "Nội dung", ...pl3.columns.map((c) => c.label)]];
    for (const row of pl3.rows) rows.push([row.stt, row.label]);
    rows[4][2] = "abc";
    const { backend, server } = sheets({ sheets: [{ name: "Khoá", cells: rows, locked: true }] });
    const report = await backend.check();
    expect(report.errors).toBeGreaterThan(0);
    expect(report.degraded.join(" ")).toMatch(/đang được bảo vệ/);
    expect(server.standIn.host.sheet("Khoá").lastColumn()).toBe(rows.reduce((m, r) => Math.max(m, r.length), 0));
  });
});

describe("Tổng hợp", () => {
  async function rollupOf(options: StandInOptions = {}, units = ["UBND huyện An Lão", "UBND huyện Hoài Ân"]) {
    const env = sheets(options);
    for (const unit of units) {
      await env.backend.insertForms({ formIds: [PL3], unit });
      env.server.standIn.host.type(env.server.standIn.host.sheetNames().at(-1)!, SUMMED, "4");
    }
    const names = env.server.standIn.host.sheetNames().slice(1);
    return { ...env, names };
  }

  test("two unit sheets and three files (one broken): the rollup sheets, each unit's status; again: the same sheets replaced", async () => {
    const { backend, server, names } = await rollupOf();
    const files = [await unitFile("UBND huyện Tây Sơn", 5), { name: "hỏng.xlsx", bytes: new Uint8Array([1, 2, 3]) }];
    const request = { files, sheets: names.map((name) => ({ name })), unit: "UBND tỉnh Bình Định", period: "Năm 2020" };
    const progress: string[] = [];
    const out = await backend.rollup(request, (p) => progress.push(`${p.stage ?? p.status ?? ""}:${p.done}/${p.total}`));
    expect(out.units.map((u) => [u.unit, u.status])).toEqual(
      expect.arrayContaining([["UBND huyện An Lão", "ok"], ["UBND huyện Hoài Ân", "ok"], ["UBND huyện Tây Sơn", "ok"]]),
    );
    expect(out.units.some((u) => u.files.some((f) => f.file === "hỏng.xlsx" && f.status === "unreadable"))).toBe(true);
    const host = server.standIn.host;
    const rollupSheets = ["TH Đơn vị gửi báo cáo", `TH ${PL3_SHEET}`, `TH CT ${PL3_SHEET}`];
    expect(host.sheetNames()).toEqual(["Trang tính1", ...names, ...rollupSheets]);
    expect(host.sheet(`TH ${PL3_SHEET}`).valueOf(parseA1(SUMMED)!.row, parseA1(SUMMED)!.col)).toBe(4 + 4 + 5);
    expect(progress).toContain("writing:0/1");
    const again = await backend.rollup(request);
    expect(again.replaced).toEqual(rollupSheets);
    expect(host.sheetNames()).toEqual(["Trang tính1", ...names, ...rollupSheets]);
  });

  test("a unit's name that looks like a formula lands as text, however Sheets treats «@» (the writer checks and falls back to the quote prefix)", async () => {
    for (const textFormat of ["keeps-text", "parses"] as const) {
      const { backend, server } = await rollupOf({ textFormat }, [FORMULA_TEXT, "@Xã Ia Tul"]);
      await backend.rollup({ files: [], sheets: server.standIn.host.sheetNames().slice(1).map((name) => ({ name })) });
      const host = server.standIn.host;
      const found: string[] = [];
      for (const name of host.sheetNames().filter((n) => n.startsWith("TH")))
        for (const c of host.sheet(name).cells.values()) {
          expect(c.formula).toBeNull();
          if (c.value === FORMULA_TEXT || c.value === "@Xã Ia Tul") found.push(name);
        }
      expect(new Set(found).size).toBeGreaterThan(1);
    }
  });

  test("when Sheets keeps neither «@» nor the quote prefix, nothing is written and the user is told", async () => {
    const { backend, server } = sheets({ textFormat: "parses", quotePrefix: "parses" });
    const before = server.standIn.host.sheetNames();
    const error = await backend.rollup({ files: [await unitFile(FORMULA_TEXT, 3)] }).catch((e) => e);
    expect(error).toBeInstanceOf(PaneError);
    expect(error.title).toMatch(/không giữ được một nội dung dạng văn bản/);
    expect(server.standIn.host.sheetNames()).toEqual(before);
  });

  test("cancelled while writing: the new sheets go, the previous rollup's come back under their names", async () => {
    const { backend, server, names } = await rollupOf();
    const request = { files: [], sheets: names.map((name) => ({ name })) };
    await backend.rollup(request);
    const before = server.standIn.host.sheetNames();
    const controller = new AbortController();
    const error = await backend
      .rollup(request, (p) => {
        if (p.stage === "writing" && p.done === 0) setTimeout(() => controller.abort(), 0);
      }, controller.signal)
      .catch((e) => e);
    // Either cancelled between pieces, or finished before the click landed: never half a rollup.
    if (error instanceof PaneError) expect(error.title).toBe("Đã huỷ tổng hợp.");
    expect(server.standIn.host.sheetNames()).toEqual(before);
  });

  test("server calls to write the rollup do not grow with the number of units (3 and 40 unit sheets)", async () => {
    const counts: number[] = [];
    for (const n of [3, 40]) {
      const { backend, spent, names } = await rollupOf({}, Array.from({ length: n }, (_, i) => `Xã Số ${i + 1}`));
      spent.clear();
      const out = await backend.rollup({ files: [], sheets: names.map((name) => ({ name })) });
      expect(out.units).toHaveLength(n);
      // Less one call to grow the detail sheet past 26 columns (a column per unit), once.
      const grow = n > 20 ? 1 : 0;
      counts.push((spent.get("rollupStart") ?? 0) + (spent.get("rollupWrite") ?? 0) + (spent.get("rollupFinish") ?? 0) - grow);
    }
    expect(counts[1]).toBe(counts[0]);
  });
});

describe("Chỉ tiêu", () => {
  test("a value short of its target is marked «T» and selectable; the user's rating is read, never written", async () => {
    const { backend, server } = sheets();
    await backend.insertForms({ formIds: FORMS.filter((f) => f.family === "tk2011-2020.huyen").map((f) => f.id), unit: "UBND huyện An Lão", period: "Năm 2020" });
    const host = server.standIn.host;
    const pl1Sheet = defaultSheetName(findForm(PL1)!);
    const pl8Sheet = defaultSheetName(findForm(PL8)!);
    const satisfaction = cellOf(PL1, "muc-do-hai-long", "y2020q1");
    const rating = cellOf(PL8, "mt02-hai-long-tthc", "danh-gia");
    host.type(pl1Sheet, satisfaction, "75");
    host.type(pl8Sheet, rating, "Đạt");
    const out = await backend.targets();
    if (out.status !== "done") throw new Error(out.status);
    expect(out.report.level).toBe("huyen");
    expect(out.marks.filter((m) => m.sheet === pl1Sheet && m.address === satisfaction).length).toBeGreaterThan(0);
    const flagsCol = layoutForm(findForm(PL1)!).flagsCol;
    expect(String(host.sheet(pl1Sheet).cell(parseA1(satisfaction)!.row, flagsCol).value)).toMatch(/\|T\d+\|/);
    expect(host.sheet(pl8Sheet).at(rating).value).toBe("Đạt");
    expect(host.sheet(pl1Sheet).at(satisfaction).value).toBe(75);
  });
});

describe("Kiểm tra môi trường", () => {
  test("says what Sheets kept, and leaves no sheet behind", async () => {
    const { backend, server } = sheets();
    const report = await backend.diagnose();
    expect(report.host).toBe("Google Sheets");
    expect(report.facts).toContainEqual({ label: "Ngôn ngữ bảng tính", value: "vi_VN" });
    expect(report.probes.every((p) => p.ok)).toBe(true);
    expect(report.notes[0]).toMatch(/giữ nguyên là văn bản/);
    expect(server.standIn.host.sheetNames()).toEqual(["Trang tính1"]);

    const parses = sheets({ textFormat: "parses" });
    const other = await parses.backend.diagnose();
    expect(other.probes.find((p) => p.label.includes("«=» vào ô Văn bản"))).toMatchObject({ ok: false, formula: expect.stringMatching(/^=HYPERLINK/) });
    expect(other.probes.find((p) => p.label.startsWith("Dấu nháy đơn"))?.ok).toBe(true);
    expect(other.notes[0]).toMatch(/dấu nháy đơn thì giữ được/);
  });

  test("the temporary sheet is removed even when the probe fails half-way, and the menu shows the result", () => {
    const server = loadServer(code);
    (server.global.showEnvironmentCheck as () => void)();
    expect(server.standIn.host.alerts[0].title).toMatch(/Kiểm tra môi trường/);
    expect(server.standIn.host.alerts[0].prompt).toMatch(/✓ Văn bản bắt đầu bằng «=»/);
    const { StandInRange } = jest.requireActual("../support/sheets-standin") as typeof import("../support/sheets-standin");
    const spy = jest.spyOn(StandInRange.prototype, "getFormulas").mockImplementation(() => {
      throw new Error("Service Spreadsheets failed");
    });
    const result = server.rpc("environment");
    spy.mockRestore();
    expect(result.ok).toBe(false);
    expect(server.standIn.host.sheetNames()).toEqual(["Trang tính1"]);
  });
});

describe("google.script.run", () => {
  test("the sidebar keeps at most ten calls in flight, and every call is JSON text", async () => {
    const { backend, stats } = sheets();
    await Promise.all(Array.from({ length: 25 }, () => backend.call("listSheets", {})));
    expect(stats.calls).toBe(25);
    expect(stats.maxInFlight).toBeLessThanOrEqual(MAX_IN_FLIGHT);
  });

  test("a server error reaches the pane in Vietnamese with what to do", async () => {
    const { backend } = sheets();
    const error = await backend.select("Không có", "A1").catch((e) => e);
    expect(error).toBeInstanceOf(PaneError);
    expect(error.title).toBe("Không còn trang «Không có» trong bảng tính.");
  });
});

test("the layout's values block is what the sheet holds (one rule for the quote prefix: core/layout)", async () => {
  const { backend, server } = sheets();
  await backend.insertForms({ formIds: [PL3] });
  const layout = layoutForm(pl3);
  const matrix = layoutMatrix(layout);
  const sheet = server.standIn.host.sheet(PL3_SHEET);
  matrix.forEach((row, r) =>
    row.forEach((v, c) => {
      if (sheet.mergeAt(r, c) && (sheet.mergeAt(r, c)!.top !== r || sheet.mergeAt(r, c)!.left !== c)) return;
      const cell = sheet.peek(r, c);
      expect(cell?.formula ?? cell?.value ?? "").toBe(v);
    }),
  );
});
