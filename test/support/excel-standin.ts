/**
 * A stand-in of Excel for tests of src/excel and the pane: a workbook model as strict as Excel
 * where it matters (test/support/standin/), driven by default through the REAL Excel client
 * library of @microsoft/office-js (test/support/officejs/): `context` is a genuine
 * `Excel.RequestContext` whose requests — the library's own bodies, measured in bytes — are
 * answered from the workbook model. design.md, "Testing strategy": office-addin-mock applies
 * writes at once and does not count round trips, so it cannot catch the mistakes that matter here.
 *
 * What the workbook model keeps of Excel (each departure is commented where it is modelled, with
 * its source):
 * - a request runs in order; a failing action stops it (earlier actions stay applied, later ones are
 *   dropped) and no loaded value is delivered; errors carry Excel's codes — ItemAlreadyExists (a
 *   sheet name taken, ignoring case), InvalidArgument (a bad sheet name, an array of the wrong size,
 *   a bad address…), ItemNotFound, AccessDenied (locked cells or formats of a protected sheet),
 *   ApiNotFound (newer than the host's ExcelApi set), InvalidOperationInCellEditMode (while the
 *   user edits a cell: `workbook.startEditing`), RequestPayloadSizeLimitExceeded and
 *   ResponsePayloadSizeLimitExceeded (Excel on the web, 5 MB each, measured on the real bodies);
 * - a round trip takes time (`latencyMs`), so two runs can overlap as they do in Excel;
 * - typed input as Excel reads it in the user's locale ("en-US" or "vi-VN": 1.076, 3,7, 1/2): a
 *   string in a Text ("@") cell stays text, "=…" elsewhere is a formula, numbers, percents,
 *   booleans and dates are recognised, a General cell takes a date's or a percent's format; the
 *   text shown in either locale;
 * - events: `Worksheet.onChanged` for what the user types AND for what the add-in writes (as
 *   Excel does; triggerSource from ExcelApi 1.14), not for a deleted sheet; `onAdded` / `onDeleted`
 *   of the worksheet collection; a sheet renamed by the user keeps its id and its handlers;
 * - merging keeps the top-left value; `getUsedRange(valuesOnly)` is the range's intersection with
 *   the sheet's used range; `select()` needs the sheet active; the last visible sheet cannot go.
 * Deliberately stricter than Excel: the model's proxies are sealed, actions on a null object fail
 * with ItemNotFound, and `protect()` on a protected sheet fails with AccessDenied (office-js#6784).
 * Not modelled (throws a plain Error saying so rather than guessing): formula calculation (pass
 * `calculate`), partial overlap of merges, ranges over 2 million cells, other events and methods.
 *
 * `client: "stand-in"` drives the model through its own proxies instead (what the browser test
 * bundles, test/support/standin/index.ts): same workbook rules, request sizes only estimated.
 */
import type { ExcelFeatures } from "../../src/excel/features";
import { createWorkbook, featuresOf, ownContext, type StandInRequestContext } from "./standin/index";
import { WorkbookState, type StandInOptions } from "./standin/workbook-state";
import { OfficeJsHost } from "./officejs/host";
import { officeJsLibrary } from "./officejs/library";

export { RichApiError } from "./standin/errors";
export { columnName, parseAddress, type Rect } from "./standin/geometry";
export { displayText, type BorderState, type CellFormat, type CellState, type Edge, type Locale } from "./standin/cells";
export { validationType } from "./standin/validation";
export type { StandInRequestContext } from "./standin/index";
export {
  SheetState,
  WorkbookState,
  WEB_PAYLOAD_LIMIT,
  type ChangedHandler,
  type ConditionalFormatState,
  type NameState,
  type RequestRecord,
  type StandInOptions,
  type ValidationState,
} from "./standin/workbook-state";

// ---------------------------------------------------------------------------------------------
// Entry point

export interface StandIn {
  /** Pass to code under test; an `Excel.RequestContext` (the library's, by default). */
  context: StandInRequestContext;
  /** The workbook as Excel would hold it after the syncs so far (for assertions). */
  workbook: WorkbookState;
  /** What `detectFeatures` reports on this host. */
  features: ExcelFeatures;
  /** Which client drives the workbook. */
  client: "office-js" | "stand-in";
  /**
   * A new request context on the same workbook, as each `Excel.run` gets one: proxies of an
   * earlier run are not tied to it, and its syncs are counted apart.
   */
  newContext(): StandInRequestContext;
  /** What `Excel.run` does: a new context, the batch, then a sync of what is left queued. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /**
   * A context of the stand-in's own proxies that applies at once, without latency, limits or
   * request records: to set a workbook up quickly (never to test the add-in's code with).
   */
  arrange(): StandInRequestContext;
}

export interface StandInClientOptions extends StandInOptions {
  /** "office-js" (default): the real client library; "stand-in": the model's own proxies. */
  client?: "office-js" | "stand-in";
}

let contextSerial = 0;

/** A request context of the real client library, counting its syncs and the requests it sent. */
function officeJsContext(host: WorkbookState, server: OfficeJsHost): StandInRequestContext {
  const library = officeJsLibrary(host.apiMinor);
  const url = `https://excel-standin.invalid/context-${++contextSerial}/`;
  let roundTrips = 0;
  library.serve(url, (body) => {
    roundTrips++;
    return server.handle(body);
  });
  const context = new library.Excel.RequestContext(url);
  let syncCount = 0;
  const sync = context.sync.bind(context);
  Object.defineProperty(context, "sync", {
    value: <T>(passThrough?: T) => {
      syncCount++;
      return sync(passThrough);
    },
  });
  Object.defineProperty(context, "syncCount", { get: () => syncCount });
  Object.defineProperty(context, "roundTrips", { get: () => roundTrips });
  return context as StandInRequestContext;
}

export function createStandIn(options: StandInClientOptions = {}): StandIn {
  const host = createWorkbook(options);
  const client = options.client ?? "office-js";
  const server = client === "office-js" ? new OfficeJsHost(host, officeJsLibrary(host.apiMinor)) : undefined;
  const newContext = () => (server ? officeJsContext(host, server) : ownContext(host));
  return {
    context: newContext(),
    workbook: host,
    features: featuresOf(host),
    client,
    newContext,
    async run(batch) {
      const context = newContext();
      const result = await batch(context);
      await context.sync();
      return result;
    },
    arrange: () => ownContext(host, "arrange"),
  };
}
