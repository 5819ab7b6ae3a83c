/**
 * The pane's Excel backend (src/taskpane/excel-backend.ts) on the stand-in driven through the real
 * office-js client, as a clerk meets it in Excel: live checking follows a sheet by its id (renamed,
 * deleted, made again), runs never overlap (marks of Kiểm tra and Chỉ tiêu both survive a live
 * re-check), typing in a cell makes the pane wait instead of failing, and «Kiểm tra môi trường»
 * reports the host and its probes and leaves no sheet behind.
 */
import { findForm } from "../../src/catalog";
import { a1 } from "../../src/core/grid";
import { layoutForm } from "../../src/core/layout";
import { defaultSheetName } from "../../src/core/sheet-names";
import { type Activity, type CheckReport, PaneError } from "../../src/taskpane/backend";
import { toPaneError } from "../../src/taskpane/errors";
import { ExcelBackend } from "../../src/taskpane/excel-backend";
import { createStandIn, type StandInClientOptions } from "../support/excel-standin";
import { templateFormulas } from "../support/workbooks";

const PL1 = "tk2011-2020.huyen.pl1";
const PL3 = "tk2011-2020.huyen.pl3";
const NAME = defaultSheetName(findForm(PL3)!);

function cellOf(formId: string, rowId: string, columnId?: string): string {
  const form = findForm(formId)!;
  const layout = layoutForm(form);
  return a1(layout.rowIndex.get(rowId)!, layout.colIndex.get(columnId ?? form.columns.find((c) => c.role === "value")!.id)!);
}

const PART = (() => {
  const total = findForm(PL3)!.rows.find((r) => r.relation?.type === "sum")!;
  return cellOf(PL3, total.relation!.of[0]);
})();

/** A backend on a stand-in; counts how many batches run at once. */
function excel(options: StandInClientOptions = {}) {
  const standIn = createStandIn({ calculate: templateFormulas, ...options });
  const load = { now: 0, max: 0 };
  const backend = new ExcelBackend({
    run: async (batch) => {
      load.max = Math.max(load.max, ++load.now);
      try {
        return await standIn.run(batch);
      } finally {
        load.now--;
      }
    },
    features: standIn.features,
    meetsFloor: true,
    liveDelayMs: 20,
    runner: { backoffMs: [10, 20, 40] },
    host: () => ({ version: "16.0.18227.20002", platform: "OfficeOnline", apiMinor: standIn.workbook.apiMinor, displayLanguage: "vi-VN", contentLanguage: "vi-VN" }),
  });
  const updates: CheckReport[] = [];
  const errors: PaneError[] = [];
  backend.onCheckUpdate((u) => ("report" in u ? updates.push(u.report) : errors.push(u.error)));
  return { standIn, workbook: standIn.workbook, backend, load, updates, errors };
}

async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

const hasError = (report: CheckReport | undefined, sheet: string, cell = PART) =>
  !!report?.sheets.find((s) => s.sheet === sheet)?.issues.some((i) => i.cell === cell && i.severity === "error");

describe("live checking follows the sheet, not its name", () => {
  test("a renamed sheet: a correction typed after the rename refreshes the report under the new name, without an error", async () => {
    const { backend, workbook, updates, errors } = excel();
    await backend.insertForms({ formIds: [PL3] });
    await workbook.type(NAME, PART, "mười hai");
    expect(hasError(await backend.check(), NAME)).toBe(true);

    workbook.rename(NAME, "PL3 xã Ia Tul");
    await workbook.type("PL3 xã Ia Tul", PART, "12");
    await until(() => updates.length > 0);
    const last = updates[updates.length - 1];
    expect(last.sheets.map((s) => s.sheet)).toEqual(["PL3 xã Ia Tul"]);
    expect(hasError(last, "PL3 xã Ia Tul")).toBe(false);
    expect(errors).toEqual([]);
  });

  test("a sheet deleted leaves the report; made again under the same name, it is checked and watched again", async () => {
    const { backend, workbook, updates, errors } = excel();
    await backend.insertForms({ formIds: [PL3, PL1] });
    await workbook.type(NAME, PART, "mười hai");
    const report = await backend.check();
    expect(report.sheets.map((s) => s.sheet)).toContain(NAME);

    await workbook.deleteSheet(NAME);
    await until(() => updates.some((u) => !u.sheets.some((s) => s.sheet === NAME)));

    // Inserted again: a new sheet under the same name (a new id).
    await backend.insertForms({ formIds: [PL3] });
    expect(workbook.sheetNames()).toContain(NAME);
    const before = updates.length;
    await workbook.type(NAME, PART, "sai");
    await until(() => updates.length > before && hasError(updates[updates.length - 1], NAME));
    expect(errors).toEqual([]);
    // And it stays watched: the correction clears the error by itself.
    await workbook.type(NAME, PART, "7");
    await until(() => !hasError(updates[updates.length - 1], NAME));
  });
});

describe("runs never overlap", () => {
  test("a live re-check, Chỉ tiêu and Kiểm tra asked together run one after the other; both kinds of marks survive", async () => {
    const { backend, workbook, load, updates } = excel({ latencyMs: 15 });
    await backend.insertForms({ formIds: [PL1], unit: "UBND huyện An Lão" });
    const pl1 = defaultSheetName(findForm(PL1)!);
    const satisfaction = cellOf(PL1, "muc-do-hai-long", "y2020q1");
    await workbook.type(pl1, satisfaction, 75); // short of the target (over 80 %)
    await backend.check();
    const wrong = cellOf(PL1, "so-vb-chi-dao");
    // The user types a mistake (a live re-check follows) while asking for Chỉ tiêu and Kiểm tra.
    await workbook.type(pl1, wrong, "mười");
    const [targets, check] = await Promise.all([backend.targets(), backend.check()]);
    await until(() => updates.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(load.max).toBe(1);
    expect(targets.status).toBe("done");
    expect(hasError(check, pl1, wrong)).toBe(true);
    const layout = layoutForm(findForm(PL1)!);
    const flag = (address: string) => String(workbook.sheet(pl1).cell(Number(address.replace(/^[A-Z]+/, "")) - 1, layout.flagsCol).value);
    expect(flag(satisfaction)).toMatch(/\|T\d+\|/);
    expect(flag(wrong)).toMatch(/\|E\d+\|/);
  });

  test("a change during a re-check schedules one more re-check after it, never a parallel one", async () => {
    const { backend, workbook, load, updates } = excel({ latencyMs: 25 });
    await backend.insertForms({ formIds: [PL3] });
    await backend.check();
    await workbook.type(NAME, PART, "sai");
    await until(() => updates.length > 0 || load.now > 0);
    await workbook.type(NAME, PART, "5"); // while the first re-check is in flight
    await until(() => updates.length >= 2 && !hasError(updates[updates.length - 1], NAME));
    expect(load.max).toBe(1);
  });
});

describe("the user is typing in a cell (cell-edit mode)", () => {
  test("Kiểm tra waits, says so, and runs when they press Enter; no error", async () => {
    const { backend, workbook } = excel();
    await backend.insertForms({ formIds: [PL3] });
    const activity: (Activity | undefined)[] = [];
    backend.onActivity((a) => activity.push(a));
    workbook.startEditing(NAME, PART);
    const checking = backend.check();
    await until(() => activity.some((a) => a?.label.includes("chế độ sửa ô")));
    await workbook.finishEditing("mười hai");
    const report = await checking;
    expect(hasError(report, NAME)).toBe(true);
    expect(activity[activity.length - 1]).toBeUndefined(); // the progress line is cleared
  });

  test("a live re-check waits for Enter too, and never reports an error", async () => {
    const { backend, workbook, updates, errors } = excel();
    await backend.insertForms({ formIds: [PL3] });
    await backend.check();
    await workbook.type(NAME, PART, "sai");
    workbook.startEditing("Sheet1", "B2"); // the user goes on typing elsewhere before the re-check
    await new Promise((r) => setTimeout(r, 150));
    expect(errors).toEqual([]);
    await workbook.finishEditing("ghi chú");
    await until(() => updates.length > 0 && hasError(updates[updates.length - 1], NAME));
    expect(errors).toEqual([]);
  });
});

describe("«Kiểm tra môi trường»", () => {
  test("reports the host and every probe, and leaves no sheet behind", async () => {
    const { backend, workbook } = excel({ locale: "vi-VN" });
    const names = workbook.sheetNames();
    const report = await backend.diagnose();
    expect(report.host).toBe("Excel");
    expect(report.facts).toEqual(
      expect.arrayContaining([
        { label: "Phiên bản", value: "16.0.18227.20002" },
        { label: "Nền tảng", value: "Excel trên web" },
        { label: "ExcelApi cao nhất", value: "1.17" },
      ]),
    );
    // Point 7's inputs into Text cells, through values and through formulas.
    for (const input of ["=1+1", "+1", "-1", "@x", "'x", "01", "1/2", "3,7"])
      for (const via of ["values", "formulas"]) expect(report.probes).toContainEqual(expect.objectContaining({ input, via, format: "@" }));
    // This (stand-in) Excel keeps text as text, shows a date typed into a General cell as a date.
    expect(report.probes.filter((p) => p.format === "@").every((p) => p.ok)).toBe(true);
    expect(report.probes.find((p) => p.input === "1/2" && p.format === "General")).toMatchObject({ text: "01/02", ok: true });
    expect(workbook.sheetNames()).toEqual(names);
  });

  test("when Excel refuses a request on the way, the temporary sheet is removed all the same and the error says what to do", async () => {
    const { backend, workbook } = excel();
    const names = workbook.sheetNames();
    workbook.failRequest(1, "ServiceNotAvailable"); // the sheet list goes through, the probes fail
    await expect(backend.diagnose()).rejects.toThrow(PaneError);
    expect(workbook.sheetNames()).toEqual(names);
  });
});

test("both payload limits of Excel on the web are explained in Vietnamese", () => {
  for (const code of ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]) {
    const error = toPaneError({ code, message: "The payload size has exceeded the limit." }, "kiểm tra các trang tính");
    expect(error.title).toMatch(/Excel trên web/);
    expect(error.detail).toContain(code);
  }
});
