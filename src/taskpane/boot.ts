/**
 * Start-up: which backend the pane runs on, and the guards office.js needs in a plain browser.
 *
 * - `google.script.run` defined (the sidebar of the Google Sheets add-on, served by HtmlService,
 *   which loads no office.js) → SheetsBackend;
 * - `Office` undefined (office.js could not be loaded: closed network, CDN unreachable) →
 *   standalone at once;
 * - `Office.onReady` not resolving within BOOT_TIMEOUT_MS → standalone (the pane never stays blank);
 * - onReady with host Excel → ExcelBackend; with host null (a plain browser) → standalone.
 */
import type { Backend } from "./backend";
import { ExcelBackend } from "./excel-backend";
import { hostFeatures, hostInfo } from "../excel/features";
import { SheetsBackend, type ScriptRun } from "./sheets-backend";
import { StandaloneBackend } from "./standalone-backend";

export const BOOT_TIMEOUT_MS = 3000;

export type BootReason = "excel" | "sheets" | "no-office" | "timeout" | "no-host" | "other-host" | "error";

export interface Boot {
  backend: Backend;
  reason: BootReason;
  /** Office's theme colours when inside Office (light/dark is decided from the body background). */
  officeTheme?: { bodyBackgroundColor?: string };
}

interface GuardedWindow {
  OsfOptOut?: unknown;
  Office?: typeof Office;
  google?: { script?: { run?: ScriptRun } };
}

/** The Sheets backend when the page is the add-on's sidebar (google.script.run is there). */
export function sheetsBoot(win: Window & GuardedWindow = window as Window & GuardedWindow): Boot | undefined {
  const script = win.google?.script;
  if (!script?.run) return undefined;
  // google.script.run hands out a fresh runner per property access: read it per call.
  return { backend: new SheetsBackend(() => script.run as ScriptRun), reason: "sheets" };
}

/**
 * office.js replaces history.pushState/replaceState with null (a pane inside Office needs no
 * history), and inside an iframe of a plain browser it navigates itself to about:blank unless
 * `OsfOptOut` is defined. The pane uses neither history nor frames itself, but libraries and an
 * embedding page may: put the History methods back from the prototype, and opt out of the
 * blanking. (taskpane.html defines OsfOptOut before office.js loads; this is the fallback.)
 */
export function installOfficeGuards(win: Window & GuardedWindow = window as Window & GuardedWindow): void {
  if (win.OsfOptOut === undefined) win.OsfOptOut = true;
  const history = win.history as History & Record<string, unknown>;
  for (const name of ["pushState", "replaceState"] as const) {
    if (typeof history[name] !== "function" && typeof History !== "undefined" && typeof History.prototype[name] === "function") {
      try {
        delete history[name];
      } catch {
        /* non-configurable: assign instead */
      }
      if (typeof history[name] !== "function") history[name] = History.prototype[name];
    }
  }
}

/**
 * In a plain browser office.js's helper script opens a hidden iframe to Microsoft's telemetry
 * service three seconds after loading (OSF.Logger.ulsEndpoint). Outside Office the pane uses
 * nothing of Office, and must make no request beyond its own origin (closed networks, privacy):
 * keep that frame from loading. Inside Office nothing is touched.
 */
export function silenceOfficeTelemetryOutsideOffice(win: Window = window): void {
  try {
    const osf = (win as unknown as { OSF?: { Logger?: { ulsEndpoint?: { proxyFrame?: unknown; loadProxyFrame?: () => void } | null } } }).OSF;
    const uls = osf?.Logger?.ulsEndpoint;
    if (uls && uls.proxyFrame == null) uls.loadProxyFrame = () => undefined;
  } catch {
    /* office.js internals differ: nothing to silence */
  }
}

function timeout(ms: number): Promise<"timeout"> {
  return new Promise((resolve) => setTimeout(() => resolve("timeout"), ms));
}

function supports(minor: number): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", `1.${minor}`);
  } catch {
    return false;
  }
}

export async function boot(timeoutMs = BOOT_TIMEOUT_MS): Promise<Boot> {
  const sheets = sheetsBoot();
  if (sheets) return sheets;
  const office = (window as Window & GuardedWindow).Office;
  if (!office || typeof office.onReady !== "function") return { backend: new StandaloneBackend(), reason: "no-office" };
  let info: { host: Office.HostType | null } | "timeout";
  try {
    info = await Promise.race([office.onReady() as Promise<{ host: Office.HostType | null }>, timeout(timeoutMs)]);
  } catch {
    return { backend: new StandaloneBackend(), reason: "error" };
  }
  if (info === "timeout") return { backend: new StandaloneBackend(), reason: "timeout" };
  if (!info.host) {
    silenceOfficeTelemetryOutsideOffice();
    return { backend: new StandaloneBackend(), reason: "no-host" };
  }
  if (info.host !== office.HostType.Excel) return { backend: new StandaloneBackend(), reason: "other-host" };
  const backend = new ExcelBackend({
    run: (batch) => Excel.run(batch),
    features: hostFeatures(),
    meetsFloor: supports(7),
    host: hostInfo,
  });
  let officeTheme: Boot["officeTheme"];
  try {
    officeTheme = office.context.officeTheme ? { bodyBackgroundColor: office.context.officeTheme.bodyBackgroundColor } : undefined;
  } catch {
    officeTheme = undefined;
  }
  return { backend, reason: "excel", ...(officeTheme ? { officeTheme } : {}) };
}
