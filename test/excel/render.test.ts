/**
 * insertForms (src/excel/render.ts) against the Excel stand-in, with the real catalogue.
 * What a user would notice: the add-in is quick whatever the form (round trips do not grow with
 * rows or forms), never touches sheets the user already has, opens the new sheet, lets them type
 * only where a value is expected, keeps totals as formulas, degrades on Excel 2019 with a
 * Vietnamese note, and produces the same sheet as the downloadable .xlsx template.
 */
import ExcelJS from "exceljs";
import { FORMS, type Form } from "../../src/catalog";
import { a1 } from "../../src/core/grid";
import { STYLES, layoutForm, type SheetLayout } from "../../src/core/layout";
import { defaultSheetName } from "../../src/core/sheet-names";
import { insertForms, type FormToInsert } from "../../src/excel/render";
import { readWorkbook } from "../../src/xlsx/read";
import { writeTemplates } from "../../src/xlsx/write";
import { createStandIn, validationType, type SheetState, type StandInOptions } from "../support/excel-standin";
import { rgb, visibleLines, type ExcelJsInternals, cellDifferences } from "../support/sheet-compare";

const byRows = [...FORMS].sort((a, b) => a.rows.length * a.columns.length - b.rows.length * b.columns.length);
const smallest = byRows[0];
const largest = byRows[byRows.length - 1];
const families = [...new Set(FORMS.map((f) => f.family))].map((family) => FORMS.filter((f) => f.family === family));
const biggestFamily = families.sort((a, b) => b.length - a.length)[0];

function toInsert(forms: readonly Form[]): FormToInsert[] {
  return forms.map((form) => ({ name: defaultSheetName(form), layout: layoutForm(form) }));
}

async function insert(forms: readonly Form[], options: StandInOptions = {}, extra: FormToInsert[] = []) {
  const standIn = createStandIn(options);
  const items = [...toInsert(forms), ...extra];
  const result = await insertForms(standIn.context, items, standIn.features);
  return { ...standIn, items, result };
}

/** A commune's template of the periodic form: the rows a commune does not report are marked «Không áp dụng cho cấp xã». */
const PERIODIC = FORMS.find((f) => f.id === "bao-cao-dinh-ky.thong-ke")!;
const COMMUNE_TEMPLATE: FormToInsert = { name: "Phụ lục xã Ia Pa", layout: layoutForm(PERIODIC, { unit: "UBND xã Ia Pa" }) };

/** A form with a row that is the sum of its sub-items (a total the sheet computes). */
function formWithTotal(): Form {
  const form = FORMS.find((f) => f.rows.some((r) => r.relation?.type === "sum") && f.columns.some((c) => c.role === "value"));
  if (!form) throw new Error("the catalogue has no form with a total row");
  return form;
}

function formWithKind(kind: string): Form {
  const form = FORMS.find((f) => f.rows.some((r) => r.kind === kind && r.relation?.type !== "sum") && f.columns.some((c) => c.role === "value"));
  if (!form) throw new Error(`the catalogue has no form with a ${kind} row`);
  return form;
}

test("the catalogue is loaded (these tests run on the real forms)", () => {
  expect(FORMS.length).toBeGreaterThan(1);
  expect(largest.rows.length).toBeGreaterThan(smallest.rows.length);
  expect(biggestFamily.length).toBeGreaterThan(1);
});

describe("round trips", () => {
  test("inserting one small form, a whole family, the largest form or every form takes the same two syncs", async () => {
    const cases = { smallest: [smallest], family: biggestFamily, largest: [largest], all: FORMS };
    const counts: Record<string, [number, number]> = {};
    for (const [name, forms] of Object.entries(cases)) {
      const { context, result } = await insert(forms);
      expect(result.sheets).toHaveLength(forms.length);
      counts[name] = [context.syncCount, context.roundTrips];
    }
    for (const [syncs, trips] of Object.values(counts)) {
      expect(syncs).toBeLessThanOrEqual(3);
      expect(trips).toBe(2);
    }
    expect(new Set(Object.values(counts).map(([s]) => s)).size).toBe(1);
  });

  test("every form fits one request on Excel on the web (5 MB), even all at once", async () => {
    // The stand-in rejects a batch over the limit, as Excel on the web does.
    await expect(insert(FORMS, { payloadLimit: 5 * 1024 * 1024 })).resolves.toBeDefined();
  });
});

describe("existing sheets", () => {
  test("an existing «Phụ lục 3 huyện» is neither overwritten nor renamed; the new sheet gets « (2)»", async () => {
    const form = FORMS.find((f) => f.source.section === "Phụ lục 3") ?? smallest;
    const standIn = createStandIn({
      sheets: [
        { name: "Tổng hợp", cells: [["ghi chú"]] },
        { name: "Phụ lục 3 huyện", cells: [["Số liệu cũ của đơn vị", 2019], ["Tổng số TTHC", 125]] },
      ],
    });
    const old = standIn.workbook.sheet("Phụ lục 3 huyện");
    const before = JSON.stringify([...old.cells]);
    const result = await insertForms(standIn.context, [{ name: "Phụ lục 3 huyện", layout: layoutForm(form) }], standIn.features);

    expect(result.sheets.map((s) => s.name)).toEqual(["Phụ lục 3 huyện (2)"]);
    expect(standIn.workbook.sheetNames()).toEqual(["Tổng hợp", "Phụ lục 3 huyện", "Phụ lục 3 huyện (2)"]);
    expect(JSON.stringify([...old.cells])).toBe(before);
    expect(old.at("A1").value).toBe("Số liệu cũ của đơn vị");
    expect(old.at("B2").value).toBe(125);
    expect(old.protection.protected).toBe(false);
    expect(standIn.workbook.sheet("Phụ lục 3 huyện (2)").at("A2").value).toBe(form.title);
  });

  test("names clash without regard to case, and the same form twice in one go gets (2) and (3)", async () => {
    const wanted = defaultSheetName(smallest);
    const standIn = createStandIn({ sheets: [{ name: wanted.toLocaleUpperCase("vi") }] });
    const items = [0, 1].map(() => ({ name: wanted, layout: layoutForm(smallest) }));
    const result = await insertForms(standIn.context, items, standIn.features);
    expect(result.sheets.map((s) => s.name)).toEqual([`${wanted} (2)`, `${wanted} (3)`]);
    expect(standIn.workbook.sheetNames()).toEqual([wanted.toLocaleUpperCase("vi"), `${wanted} (2)`, `${wanted} (3)`]);
  });

  test("the first new sheet is the one the user sees", async () => {
    const { workbook, result } = await insert(biggestFamily, { sheets: [{ name: "Sheet1" }] });
    expect(workbook.activeSheet.name).toBe(result.sheets[0].name);
    expect(workbook.activeSheet.name).not.toBe("Sheet1");
  });
});

describe("protection", () => {
  test("only input cells are unlocked; the sheet is protected without a password", async () => {
    const { workbook, items, result } = await insert(FORMS);
    result.sheets.forEach(({ name }, i) => {
      const sheet = workbook.sheet(name);
      const layout = items[i].layout;
      expect(sheet.protection.protected).toBe(true);
      expect(sheet.protection.password).toBeUndefined();
      expect(sheet.protection.options).toMatchObject({ allowFormatCells: false, allowInsertRows: false, allowDeleteRows: false });

      const unlocked = new Set(layout.cells.filter((c) => !STYLES[c.style].locked).map((c) => `${c.row}:${c.col}`));
      for (const m of layout.merges) if (unlocked.has(`${m.top}:${m.left}`)) for (let c = m.left; c <= m.right; c++) unlocked.add(`${m.top}:${c}`);
      // The hidden flags column stays writable so validation can mark a protected sheet.
      for (let r = 0; r <= layout.lastRow + 2; r++) unlocked.add(`${r}:${layout.flagsCol}`);
      expect(sheet.hiddenColumns.has(layout.flagsCol)).toBe(true);
      for (let r = 0; r <= layout.lastRow + 2; r++)
        for (let c = 0; c <= layout.lastCol + 2; c++) expect([a1(r, c), sheet.cell(r, c).locked]).toEqual([a1(r, c), !unlocked.has(`${r}:${c}`)]);

      // Every value cell of every non-heading, non-total row takes input; labels never do.
      const form = FORMS.find((f) => f.id === layout.formId)!;
      for (const row of form.rows) {
        const r = layout.rowIndex.get(row.id)!;
        expect(sheet.cell(r, layout.colIndex.get(form.columns[0].id)! - 1).locked).toBe(true); // the label
        for (const column of form.columns.filter((c) => c.role === "value")) {
          const expectInput = row.kind !== "heading" && row.relation?.type !== "sum";
          expect([row.id, column.id, sheet.cell(r, layout.colIndex.get(column.id)!).locked]).toEqual([row.id, column.id, !expectInput]);
        }
      }
      expect(sheet.cell(layout.unitCell.row, layout.unitCell.col).locked).toBe(false);
      expect(sheet.cell(layout.periodCell.row, layout.periodCell.col).locked).toBe(false);
    });
  });

  test("a commune's template: the rows it does not report read «Không áp dụng cho cấp xã», locked; its own rows take input", async () => {
    const { workbook, result } = await insert([], {}, [COMMUNE_TEMPLATE]);
    const sheet = workbook.sheet(result.sheets[0].name);
    const layout = COMMUNE_TEMPLATE.layout;
    const col = layout.colIndex.get("so-lieu")!;
    const looks = PERIODIC.rows
      .filter((r) => r.kind !== "heading" && !r.relation)
      .map((r) => {
        const cell = sheet.cell(layout.rowIndex.get(r.id)!, col);
        return [r.id, cell.value ?? null, cell.locked];
      });
    const notCommune = PERIODIC.rows.filter((r) => r.levels && !r.levels.includes("xa")).map((r) => r.id);
    expect(notCommune.length).toBeGreaterThan(5);
    expect(looks).toEqual(
      PERIODIC.rows.filter((r) => r.kind !== "heading" && !r.relation).map((r) => (notCommune.includes(r.id) ? [r.id, "Không áp dụng cho cấp xã", true] : [r.id, null, false])),
    );
  });

  test("after insertion a value can be typed into an input cell, but a label or a total cannot be overwritten", async () => {
    const form = formWithTotal();
    const { context, workbook, items, result } = await insert([form]);
    const layout = items[0].layout;
    const sheet = context.workbook.worksheets.getItem(result.sheets[0].name);
    const part = form.rows.find((r) => r.relation?.type === "sum")!.relation!.of[0];
    const col = layout.colIndex.get(form.columns.find((c) => c.role === "value")!.id)!;
    sheet.getRangeByIndexes(layout.rowIndex.get(part)!, col, 1, 1).values = [[12]];
    await context.sync();
    expect(workbook.sheet(result.sheets[0].name).cell(layout.rowIndex.get(part)!, col).value).toBe(12);

    const totalRow = layout.rowIndex.get(form.rows.find((r) => r.relation?.type === "sum")!.id)!;
    sheet.getRangeByIndexes(totalRow, col, 1, 1).values = [[999]];
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    sheet.getRangeByIndexes(totalRow, col - 1, 1, 1).values = [["sửa nhãn"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });
});

describe("cells", () => {
  test("a total row holds its SUM formula over exactly its sub-items, in every value column", async () => {
    const form = formWithTotal();
    const { workbook, items, result } = await insert([form]);
    const layout = items[0].layout;
    const sheet = workbook.sheet(result.sheets[0].name);
    const totals = form.rows.filter((r) => r.relation?.type === "sum");
    for (const total of totals) {
      for (const column of form.columns.filter((c) => c.role === "value")) {
        const col = layout.colIndex.get(column.id)!;
        const cell = sheet.cell(layout.rowIndex.get(total.id)!, col);
        const parts = total.relation!.of.map((id) => a1(layout.rowIndex.get(id)!, col)).join(",");
        // Blank while nothing is reported, so a blank total stays "not reported" rather than 0.
        expect(cell.formula).toBe(`=IF(COUNT(${parts})=0,"",SUM(${parts}))`);
        expect(cell.numberFormat).not.toBe("@"); // a Text cell would show the formula as text
        expect(cell.locked).toBe(true);
      }
    }
  });

  test("labels, numbering and titles are written as printed and stay text (STT «1.2» is not a number)", async () => {
    const { workbook, items, result } = await insert(FORMS);
    result.sheets.forEach(({ name }, i) => {
      const layout = items[i].layout;
      const form = FORMS.find((f) => f.id === layout.formId)!;
      const sheet = workbook.sheet(name);
      expect(sheet.at("A1").value).toBe(form.appendix);
      expect(sheet.at("A2").value).toBe(form.title);
      const labelCol = layout.colIndex.get(form.columns[0].id)! - 1;
      for (const row of form.rows) {
        const r = layout.rowIndex.get(row.id)!;
        expect(sheet.cell(r, labelCol).value).toBe(row.label);
        if (form.sttHeader !== undefined) expect(sheet.cell(r, 0).value).toBe(row.stt === "" ? null : row.stt);
      }
    });
  });
});

describe("older Excel", () => {
  test("ExcelApi 1.8: input cells carry native validation; no degraded note about it", async () => {
    const form = formWithKind("count");
    const { workbook, items, result } = await insert([form], { apiMinor: 8 });
    const layout = items[0].layout;
    const sheet = workbook.sheet(result.sheets[0].name);
    const row = form.rows.find((r) => r.kind === "count" && r.relation?.type !== "sum")!;
    const col = layout.colIndex.get(form.columns.find((c) => c.role === "value" && !c.kind)!.id)!;
    const v = sheet.validationAt(layout.rowIndex.get(row.id)!, col);
    expect(validationType(v)).toBe("WholeNumber");
    expect(v?.rule?.wholeNumber).toMatchObject({ formula1: 0, operator: "Between" });
    expect(v?.errorAlert).toMatchObject({ showAlert: true, style: "Stop" });
    expect(v?.prompt?.message).toMatch(/số nguyên/);
    expect(result.degraded.join(" ")).not.toMatch(/kiểm tra dữ liệu/);
  });

  test("ExcelApi 1.8: flag and coded rows offer their codes as a drop-down list", async () => {
    for (const kind of ["flag01", "coded"]) {
      if (!FORMS.some((f) => f.rows.some((r) => r.kind === kind))) continue;
      const form = formWithKind(kind);
      const { workbook, items, result } = await insert([form], { apiMinor: 8 });
      const layout = items[0].layout;
      const row = form.rows.find((r) => r.kind === kind)!;
      const col = layout.colIndex.get(form.columns.find((c) => c.role === "value" && !c.kind)!.id)!;
      const v = workbook.sheet(result.sheets[0].name).validationAt(layout.rowIndex.get(row.id)!, col);
      const codes = kind === "flag01" ? ["1", "0"] : row.codes!.map((c) => String(c.code));
      expect(v?.rule?.list).toEqual({ inCellDropDown: true, source: codes.join(",") });
    }
  });

  test("ExcelApi 1.7 (Excel 2019): the forms still insert, without validations, with a Vietnamese note", async () => {
    const { workbook, context, items, result } = await insert(FORMS, { apiMinor: 7 });
    expect(context.roundTrips).toBe(2);
    for (const { name } of result.sheets) expect(workbook.sheet(name).validations.size).toBe(0);
    expect(items.some((i) => i.layout.validations.length > 0)).toBe(true);
    expect(result.degraded).toHaveLength(1);
    expect(result.degraded[0]).toMatch(/chưa hỗ trợ kiểm tra dữ liệu nhập \(ExcelApi 1\.8\)/);
    // Conditional formats need 1.6, so red totals still work on 1.7 and 1.8.
    result.sheets.forEach(({ name }, i) => expect(workbook.sheet(name).conditionalFormats).toHaveLength(items[i].layout.conditionalFormats.length));
    expect(items.some((i) => i.layout.conditionalFormats.length > 0)).toBe(true);
  });

  test("each ExcelApi level from 1.7 up inserts every form; validations appear from 1.8, indents and print titles from 1.9", async () => {
    for (const apiMinor of [7, 8, 9, 17]) {
      const { workbook, items, result } = await insert(FORMS, { apiMinor });
      const sheets = result.sheets.map(({ name }) => workbook.sheet(name));
      const validated = sheets.reduce((n, s) => n + s.validations.size, 0);
      const expected = items.reduce((n, i) => n + i.layout.validations.reduce((m, v) => m + (v.bottom - v.top + 1) * (v.right - v.left + 1), 0), 0);
      expect([apiMinor, validated]).toEqual([apiMinor, apiMinor >= 8 ? expected : 0]);
      const titled = sheets.filter((s) => s.pageLayout.printTitleRows !== null).length;
      expect([apiMinor, titled]).toEqual([apiMinor, apiMinor >= 9 ? sheets.length : 0]);
      const indented = sheets.some((s) => [...s.cells.values()].some((c) => c.indentLevel > 0));
      const wantsIndent = items.some((i) => i.layout.cells.some((c) => STYLES[c.style].indent));
      expect([apiMinor, indented]).toEqual([apiMinor, apiMinor >= 9 && wantsIndent]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The same layout through Office.js and in the .xlsx

describe("the sheet written through Office.js equals the .xlsx template", () => {
  let standIn: Awaited<ReturnType<typeof insert>>;
  let workbook: ExcelJS.Workbook;
  let bytes: Uint8Array;

  beforeAll(async () => {
    standIn = await insert(FORMS, {}, [COMMUNE_TEMPLATE]); // the newest Excel: every feature on
    bytes = await writeTemplates(standIn.result.sheets.map(({ name }, i) => ({ name, layout: standIn.items[i].layout })));
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  });

  const each = (fn: (office: SheetState, ws: ExcelJsInternals, layout: SheetLayout, name: string) => void) => {
    expect(standIn.result.sheets).toHaveLength(FORMS.length + 1);
    standIn.result.sheets.forEach(({ name }, i) => {
      const ws = workbook.getWorksheet(name) as ExcelJsInternals | undefined;
      expect(ws).toBeDefined();
      fn(standIn.workbook.sheet(name), ws!, standIn.items[i].layout, name);
    });
  };

  test("cell by cell: values and formulas, number formats, locked flags, fonts, fills, alignment", () => {
    each((office, ws, layout, name) => {
      expect(cellDifferences(office, ws, layout, name)).toEqual([]);
    });
  });

  test("merges are the same, read back by ExcelJS and by our SheetJS reader", () => {
    const read = readWorkbook(bytes, "templates.xlsx");
    if (!read.ok) throw new Error(read.reason);
    each((office, ws, layout, name) => {
      const key = (m: { top: number; left: number; bottom: number; right: number }) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`;
      const fromOffice = office.merges.map(key).sort();
      expect(fromOffice.length).toBe(layout.merges.length);
      expect([...ws.model.merges].sort()).toEqual(fromOffice);
      expect(read.sheets.find((s) => s.sheet === name)!.merges!.map(key).sort()).toEqual(fromOffice);
    });
  });

  test("constant cells read back by our SheetJS reader hold what the add-in wrote", () => {
    const read = readWorkbook(bytes, "templates.xlsx");
    if (!read.ok) throw new Error(read.reason);
    each((office, _ws, layout, name) => {
      const grid = read.sheets.find((s) => s.sheet === name)!;
      for (let r = 0; r <= layout.lastRow; r++)
        for (let c = 0; c <= layout.lastCol; c++) {
          const cell = office.cell(r, c);
          if (cell.formula) continue; // SheetJS skips formula cells without a cached value
          expect([name, a1(r, c), grid.cells[r]?.[c]?.value ?? null]).toEqual([name, a1(r, c), cell.value]);
        }
    });
  });

  test("data validations: same cells, types, bounds, lists, prompts and error alerts", () => {
    each((office, ws, _layout, name) => {
      const fromXlsx = new Map<string, string>();
      for (const [ref, v] of Object.entries(ws.dataValidations.model)) {
        const describe = JSON.stringify({
          type: v.type === "whole" ? "WholeNumber" : v.type === "decimal" ? "Decimal" : v.type === "list" ? "List" : v.type,
          bounds: v.type === "list" ? String(v.formulae[0]).replace(/^"|"$/g, "") : v.formulae.map(Number),
          prompt: [v.showInputMessage ?? false, v.promptTitle ?? "", v.prompt ?? ""],
          error: [v.showErrorMessage ?? false, v.errorStyle ?? "stop", v.errorTitle ?? "", v.error ?? ""],
          ignoreBlanks: v.allowBlank ?? false,
        });
        for (const part of ref.replace(/^range:/, "").split(/\s+/)) {
          const [from, to = from] = part.split(":");
          const m1 = /^([A-Z]+)(\d+)$/.exec(from)!;
          const m2 = /^([A-Z]+)(\d+)$/.exec(to)!;
          for (let r = +m1[2]; r <= +m2[2]; r++)
            for (let c = m1[1].charCodeAt(0); c <= m2[1].charCodeAt(0); c++) fromXlsx.set(`${String.fromCharCode(c)}${r}`, describe);
        }
      }
      const fromOffice = new Map<string, string>();
      for (let r = 0; r <= _layout.lastRow; r++)
        for (let c = 0; c <= _layout.lastCol; c++) {
          const v = office.validationAt(r, c);
          if (!v) continue;
          const rule = v.rule!;
          const basic = rule.wholeNumber ?? rule.decimal;
          fromOffice.set(
            a1(r, c),
            JSON.stringify({
              type: validationType(v),
              bounds: rule.list ? rule.list.source : [basic!.formula1, basic!.formula2].map(Number),
              prompt: [v.prompt?.showPrompt ?? false, v.prompt?.title ?? "", v.prompt?.message ?? ""],
              error: [v.errorAlert?.showAlert ?? false, (v.errorAlert?.style ?? "Stop").toLowerCase(), v.errorAlert?.title ?? "", v.errorAlert?.message ?? ""],
              ignoreBlanks: v.ignoreBlanks,
            }),
          );
        }
      expect([name, Object.fromEntries(fromOffice)]).toEqual([name, Object.fromEntries(fromXlsx)]);
    });
  });

  test("conditional formats: same ranges, formulas and red look", () => {
    each((office, ws, layout, name) => {
      const fromOffice = office.conditionalFormats
        .map((cf) => `${a1(cf.range.top, cf.range.left)}:${a1(cf.range.bottom, cf.range.right)} ${cf.formula} ${cf.fill} ${cf.fontColor}${cf.bold ? " bold" : ""}`)
        .sort();
      const fromXlsx = (ws.conditionalFormattings ?? [])
        .flatMap((cf) =>
          cf.rules.map((rule) => {
            const font = rule.style?.font;
            return `${cf.ref.includes(":") ? cf.ref : `${cf.ref}:${cf.ref}`} =${rule.formulae?.[0]} ${rgb(rule.style?.fill?.bgColor?.argb)} ${rgb(font?.color?.argb)}${font?.bold ? " bold" : ""}`;
          }),
        )
        .sort();
      expect(fromOffice).toHaveLength(layout.conditionalFormats.length);
      expect([name, fromOffice]).toEqual([name, fromXlsx]);
    });
  });

  test("borders a user sees are the same (lines inside merged cells do not count)", () => {
    each((office, ws, layout, name) => {
      const fromOffice = visibleLines(layout.lastRow, layout.lastCol, (r, c, e) => !!office.cell(r, c).borders[e], office.merges);
      const merges = ws.model.merges.map((ref) => {
        const [from, to] = ref.split(":");
        const p = (s: string) => ({ r: +/\d+/.exec(s)![0] - 1, c: /^[A-Z]+/.exec(s)![0].charCodeAt(0) - 65 });
        return { top: p(from).r, left: p(from).c, bottom: p(to).r, right: p(to).c };
      });
      const fromXlsx = visibleLines(layout.lastRow, layout.lastCol, (r, c, e) => !!ws.getCell(r + 1, c + 1).border?.[e]?.style, merges);
      expect([name, fromOffice]).toEqual([name, fromXlsx]);
    });
  });

  test("sheet settings: column widths, hidden marker column, row heights, frozen panes, print titles, protection", () => {
    each((office, ws, layout, name) => {
      for (let c = 0; c <= layout.lastCol; c++) {
        expect([name, c, office.columnWidth(c) / 6]).toEqual([name, c, ws.getColumn(c + 1).width]);
        expect([name, c, office.hiddenColumns.has(c)]).toEqual([name, c, !!ws.getColumn(c + 1).hidden]);
      }
      for (const row of Object.keys(layout.heights).map(Number)) expect(office.rowHeight(row)).toBe(ws.getRow(row + 1).height);
      const view = ws.views[0] as { state?: string; xSplit?: number; ySplit?: number };
      expect(office.frozen).toEqual({ rows: view.ySplit, cols: view.xSplit });
      expect(office.pageLayout.printTitleRows?.replace(/\$/g, "")).toBe(ws.pageSetup.printTitlesRow);
      expect(office.pageLayout.orientation.toLowerCase()).toBe(ws.pageSetup.orientation);
      expect(office.pageLayout.zoom.horizontalFitToPages).toBe(ws.pageSetup.fitToWidth);
      const xp = ws.sheetProtection ?? {};
      expect(xp.sheet).toBe(true);
      expect(xp.password ?? xp.hashValue).toBeUndefined();
      expect(office.protection.protected).toBe(true);
      expect({
        formatCells: office.protection.options.allowFormatCells ?? false,
        formatColumns: office.protection.options.allowFormatColumns ?? false,
        formatRows: office.protection.options.allowFormatRows ?? false,
      }).toEqual({ formatCells: xp.formatCells ?? false, formatColumns: xp.formatColumns ?? false, formatRows: xp.formatRows ?? false });
    });
  });
});
