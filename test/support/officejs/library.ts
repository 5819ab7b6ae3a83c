/**
 * The real Excel client library of @microsoft/office-js (dist/excel-web-16.00.debug.js, the script
 * office.js loads for Excel on the web), run in Node without a host: a `RequestContext` given a
 * URL sends each batch as an HTTP request body, and `OfficeExtension.HttpUtility
 * .setCustomSendRequestFunc` hands that body to the test instead of the network
 * (test/support/officejs/host.ts answers it from the stand-in's workbook). So proxies, load,
 * sync, PropertyNotLoaded, null objects, object paths that must be re-found after a request (a
 * sheet added in one request and used in the next) and the request body itself are the library's
 * own, byte for byte.
 *
 * One library instance per ExcelApi level: the library asks `Office.context.requirements
 * .isSetSupported` before creating a navigation or calling a method newer than the host (ApiNotFound
 * thrown at once, as in Excel), so each level gets its own global `Office`.
 * Events: the library delivers RichApi event messages to handlers registered on the worksheet's id
 * (`OfficeExtension._testTriggerRichApiMessageEvent`, a hook the library ships for tests).
 */
import { readFileSync } from "node:fs";
import vm from "node:vm";

export interface OfficeJsRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface OfficeJsResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** Answers the requests sent to one URL prefix. */
export type RequestHandler = (body: string) => Promise<string>;

/** What a test uses of the library. */
export interface OfficeJsLibrary {
  readonly apiMinor: number;
  readonly Excel: typeof Excel;
  readonly OfficeExtension: typeof OfficeExtension & {
    _testTriggerRichApiMessageEvent(message: { entries: RichApiMessageEntry[] }): void;
  };
  /** Serves requests to `url` (and below) with `handler`; returns the function that stops it. */
  serve(url: string, handler: RequestHandler): () => void;
}

export interface RichApiMessageEntry {
  messageCategory: number;
  messageType: number;
  targetId: string;
  message: string;
}

const FILE = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");
let script: vm.Script | undefined;
const libraries = new Map<number, OfficeJsLibrary>();

/** The highest ExcelApi minor version the library knows (isSetSupported answers up to it). */
const LIBRARY_MAX_MINOR = 20;

/** The library for a host supporting ExcelApi 1.1 to 1.`apiMinor` (loaded once per level and per test file). */
export function officeJsLibrary(apiMinor: number): OfficeJsLibrary {
  const cached = libraries.get(apiMinor);
  if (cached) return cached;
  script ??= new vm.Script(readFileSync(FILE, "utf8"), { filename: FILE });
  const routes = new Map<string, RequestHandler>();
  const isSetSupported = (name: string, version?: string): boolean => {
    if (name !== "ExcelApi") return false; // ExcelApiOnline, ExcelApiUndo…: not this host
    const [major, minor = "0"] = (version ?? "1.1").split(".");
    return Number(major) === 1 && Number(minor) <= Math.min(apiMinor, LIBRARY_MAX_MINOR);
  };
  const sandbox: Record<string, unknown> = {
    console: { log() {}, warn() {}, error() {}, info() {}, debug() {} },
    setTimeout,
    clearTimeout,
    Promise,
    navigator: { userAgent: "Node.js (CCHC tests)" },
    location: { href: "https://localhost/taskpane.html", search: "", hash: "", protocol: "https:", host: "localhost" },
    document: { addEventListener() {}, readyState: "complete", getElementsByTagName: () => [], cookie: "" },
    Office: { context: { requirements: { isSetSupported } } },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  script.runInContext(sandbox);
  const lib = sandbox as unknown as { Excel: typeof Excel; OfficeExtension: OfficeJsLibrary["OfficeExtension"] & Record<string, unknown> };
  const http = (lib.OfficeExtension as unknown as { HttpUtility: { setCustomSendRequestFunc(f: (r: OfficeJsRequest) => Promise<OfficeJsResponse>): void } }).HttpUtility;
  http.setCustomSendRequestFunc(async (request) => {
    for (const [prefix, handler] of routes) {
      if (request.url.startsWith(prefix)) {
        const body = await handler(typeof request.body === "string" ? request.body : JSON.stringify(request.body));
        return { statusCode: 200, headers: { "content-type": "application/json" }, body };
      }
    }
    throw new Error(`office-js test client: no host serves ${request.url}`);
  });
  // Event registration without a host bridge: ready at once; messages come from the test host.
  (lib.OfficeExtension as unknown as { _testSetRichApiMessageReadyImpl(f: () => Promise<void>): void })._testSetRichApiMessageReadyImpl(() => Promise.resolve());
  const library: OfficeJsLibrary = {
    apiMinor,
    Excel: lib.Excel,
    OfficeExtension: lib.OfficeExtension,
    serve(url, handler) {
      routes.set(url, handler);
      return () => void routes.delete(url);
    },
  };
  libraries.set(apiMinor, library);
  return library;
}

/** UTF-8 length of a request or response body. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
