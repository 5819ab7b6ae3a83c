/**
 * Office "inside Excel" for the pane's browser test (test/pane/excel-host.test.ts): bundled for the
 * browser (webpack, see `bundleOfficeStandIn`) and served in place of office.js. It defines what the
 * pane uses of office.js — `Office.onReady` answering { host: Excel }, `Office.HostType`,
 * `Office.context.requirements.isSetSupported`, `Office.context.officeTheme`, and `Excel.run`, which
 * gives each batch a new request context on the workbook of the Office.js stand-in
 * (test/support/excel-standin.ts) and syncs what is left queued when the batch ends, as Excel.run
 * does. The test drives the workbook "as the user" through `window.cchcStandIn` (typing into
 * cells with `workbook.type`, reading sheets and the selection).
 */
import { createStandIn, parseAddress, type WorkbookState } from "../support/excel-standin";

const API_MINOR = 17;

const ref: { host?: WorkbookState } = {};
const standIn = createStandIn({
  apiMinor: API_MINOR,
  // The only formulas our templates write: IF(COUNT(…)=0,"",SUM(…)).
  calculate: (sheet, _row, _col, formula) => {
    const refs = /SUM\(([^)]*)\)/.exec(formula)?.[1].split(",") ?? [];
    const values: number[] = [];
    for (const r of refs) {
      const rect = parseAddress(r);
      if (!rect) continue;
      for (let row = rect.top; row <= rect.bottom; row++)
        for (let col = rect.left; col <= rect.right; col++) {
          const v = ref.host!.sheet(sheet).cell(row, col).value;
          if (typeof v === "number") values.push(v);
        }
    }
    return values.length ? values.reduce((a, b) => a + b, 0) : "";
  },
});
ref.host = standIn.workbook;

const HostType = { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" };
const info = { host: HostType.Excel, platform: "OfficeOnline" };

const office = {
  HostType,
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    // office.js answers after loading its host scripts: asynchronously.
    const ready = new Promise<typeof info>((resolve) => setTimeout(() => resolve(info), 20));
    if (callback) void ready.then(callback);
    return ready;
  },
  context: {
    requirements: {
      isSetSupported(name: string, version?: string): boolean {
        if (name !== "ExcelApi") return false;
        const [major, minor = "0"] = (version ?? "1.1").split(".");
        return Number(major) === 1 && Number(minor) <= API_MINOR;
      },
    },
    officeTheme: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#000000" },
  },
};

const excel = {
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const context = standIn.newContext();
    const result = await batch(context);
    await context.sync();
    return result;
  },
};

Object.assign(window as unknown as Record<string, unknown>, { Office: office, Excel: excel, cchcStandIn: standIn });
