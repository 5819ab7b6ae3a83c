/**
 * Office "inside Excel" for the pane's browser test (test/pane/excel-host.test.ts): bundled for the
 * browser (webpack, see `bundleOfficeStandIn`) and served in place of office.js. It defines what the
 * pane uses of office.js — `Office.onReady` answering { host: Excel }, `Office.HostType`,
 * `Office.context.requirements.isSetSupported`, `Office.context.officeTheme`, and `Excel.run`, which
 * gives each batch a new request context on the workbook of the Office.js stand-in
 * (test/support/standin/, its own proxies: the office-js client library needs Node here) and
 * syncs what is left queued when the batch ends, as Excel.run does. A sync takes a few
 * milliseconds, as a round trip does. The test drives the workbook "as the user" through
 * `window.cchcStandIn` (typing into cells with `workbook.type`, cell-edit mode, reading sheets and
 * the selection).
 */
import { createWorkbook, featuresOf, ownContext } from "../support/standin/index";
import { templateFormulas } from "../support/standin/formulas";

const API_MINOR = 17;

const workbook = createWorkbook({ apiMinor: API_MINOR, calculate: templateFormulas, latencyMs: 5 });
const standIn = { workbook, features: featuresOf(workbook) };

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
    diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0 (stand-in)" },
    displayLanguage: "vi-VN",
    contentLanguage: "vi-VN",
  },
};

const excel = {
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const context = ownContext(workbook);
    const result = await batch(context);
    await context.sync();
    return result;
  },
};

Object.assign(window as unknown as Record<string, unknown>, { Office: office, Excel: excel, cchcStandIn: standIn });
