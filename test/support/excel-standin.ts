/**
 * A small, faithful stand-in of the Excel JavaScript API subset this add-in uses, for tests of
 * src/excel (design.md, "Testing strategy": office-addin-mock applies writes at once and does not
 * count round trips, so it cannot catch the mistakes that matter here).
 *
 * What is kept from Office.js (checked against @microsoft/office-js's excel-web-16.00.debug.js):
 * - proxy objects; every write, method call and load is QUEUED and reaches the workbook only at
 *   `context.sync()`, in order; a batch that fails stops at the failing action (earlier actions
 *   stay applied, later ones are dropped) and delivers no loaded values;
 * - reading a property that was neither loaded (and synced) nor set on that proxy throws
 *   PropertyNotLoaded; a set caches the value on the proxy, as Office.js does;
 * - `load("a,b")`, `load(["a"])`, `load({ select })`, and `load("items/name")` on collections;
 * - errors raised by the host surface at sync as RichApi errors with `code` and `debugInfo`:
 *   ItemAlreadyExists (a sheet name taken, ignoring case), InvalidArgument (a bad sheet name, an
 *   array of the wrong size, a bad address…), ItemNotFound, AccessDenied (editing locked cells or
 *   formats of a protected sheet), ApiNotFound (a property newer than the host's ExcelApi set);
 * - the ExcelApi level: navigations and methods that office.js guards client-side
 *   (getRangeByIndexes 1.7, dataValidation 1.8, conditionalFormats 1.6, freezePanes 1.7,
 *   pageLayout 1.9, protection 1.2, merge 1.2, getItemOrNullObject 1.4, names 1.4…) throw
 *   ApiNotFound at once; newer property sets (indentLevel 1.9…) fail at sync;
 * - what Excel does with typed input: a string written to a cell formatted "@" stays text (even
 *   "=…"); elsewhere "=…" is a formula, "12" / "1.5" / "12%" / "TRUE" / "3/4" become numbers,
 *   percents, booleans, dates; null in a 2-D array leaves that cell alone;
 * - merging keeps the top-left value and gives the whole area the top-left cell's format;
 * - `Range.getUsedRange(OrNullObject)`: the range's intersection with the sheet's used range;
 * - `context.sync()` is counted (`syncCount`; `roundTrips` counts only syncs with queued work,
 *   since office.js sends nothing for an empty batch); a request over 5 MB fails as on the web.
 * Deliberately stricter than Office.js: proxies are sealed (assigning a property the API does not
 * have throws instead of being silently ignored), actions on a null object fail with ItemNotFound,
 * and `protect()` on a protected sheet fails with AccessDenied (as hosts do, office-js#6784).
 * Events: `Worksheet.onChanged` (ExcelApi 1.7) — a handler is registered at sync, as office.js
 * does, and is called for what a user types (`WorkbookState.type`), asynchronously, with the
 * address and the sheet's id. Changes made by the add-in itself fire no event here (Excel fires
 * them too; code that reacts to events must tell its own writes apart anyway).
 * Not modelled (throws a plain Error saying so rather than guessing): formula calculation (pass
 * `calculate` to read values of formula cells), partial overlap of merges, ranges over 2 million
 * cells, other events.
 */
import { detectFeatures, type ExcelFeatures } from "../../src/excel/features";
import { writeInput } from "./standin/cells";
import { StandInContext } from "./standin/context";
import { checkSheetName } from "./standin/geometry";
import { WorkbookState, type StandInOptions } from "./standin/workbook-state";

export { RichApiError } from "./standin/errors";
export { columnName, parseAddress, type Rect } from "./standin/geometry";
export { displayText, type BorderState, type CellFormat, type CellState, type Edge } from "./standin/cells";
export { validationType } from "./standin/validation";
export {
  SheetState,
  WorkbookState,
  type ChangedHandler,
  type ConditionalFormatState,
  type NameState,
  type StandInOptions,
  type ValidationState,
} from "./standin/workbook-state";

// ---------------------------------------------------------------------------------------------
// Entry point

export type StandInRequestContext = Excel.RequestContext & { syncCount: number; roundTrips: number };

export interface StandIn {
  /** Pass to code under test; typed as Office.js's context. */
  context: StandInRequestContext;
  /** The workbook as Excel would hold it after the syncs so far (for assertions). */
  workbook: WorkbookState;
  /** What `detectFeatures` reports on this host. */
  features: ExcelFeatures;
  /**
   * A new request context on the same workbook, as each `Excel.run` gets one: proxies of an
   * earlier run are not tied to it, and its syncs are counted apart.
   */
  newContext(): StandInRequestContext;
}

export function createStandIn(options: StandInOptions = {}): StandIn {
  const apiMinor = options.apiMinor ?? 17;
  const host = new WorkbookState(apiMinor, options.calculate);
  for (const spec of options.sheets ?? [{ name: "Sheet1" }]) {
    checkSheetName(spec.name, "createStandIn");
    if (host.findSheet(spec.name)) throw new Error(`duplicate sheet ${spec.name}`);
    const sheet = host.newSheet(spec.name);
    spec.cells?.forEach((row, r) => row.forEach((value, c) => writeInput(sheet.edit(r, c), value, "createStandIn")));
  }
  const payloadLimit = options.payloadLimit ?? 5 * 1024 * 1024;
  const context = new StandInContext(host, payloadLimit);
  return {
    context: context as unknown as StandInRequestContext,
    workbook: host,
    features: detectFeatures((minor) => minor <= apiMinor),
    newContext: () => new StandInContext(host, payloadLimit) as unknown as StandInRequestContext,
  };
}

