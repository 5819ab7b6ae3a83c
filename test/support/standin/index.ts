/**
 * The stand-in's workbook and its own proxies, without the office-js client: what a browser test
 * can bundle (test/pane/office-standin.ts). Node tests use test/support/excel-standin.ts, which
 * drives the same workbook through the real client library.
 */
import { detectFeatures, type ExcelFeatures } from "../../../src/excel/features";
import { writeInput } from "./cells";
import { StandInContext } from "./context";
import { checkSheetName } from "./geometry";
import { WorkbookState, type StandInOptions } from "./workbook-state";

export type StandInRequestContext = Excel.RequestContext & { syncCount: number; roundTrips: number };

/** A new workbook with the sheets of `options` (cells as typed input). */
export function createWorkbook(options: StandInOptions = {}): WorkbookState {
  const host = new WorkbookState(options.apiMinor ?? 17, options.calculate, options);
  for (const spec of options.sheets ?? [{ name: "Sheet1" }]) {
    checkSheetName(spec.name, "createStandIn");
    if (host.findSheet(spec.name)) throw new Error(`duplicate sheet ${spec.name}`);
    const sheet = host.newSheet(spec.name);
    spec.cells?.forEach((row, r) => row.forEach((value, c) => writeInput(sheet.edit(r, c), value, "createStandIn", host.locale)));
  }
  return host;
}

/** A context of the stand-in's own proxies on `host` (see StandInContext for the modes). */
export function ownContext(host: WorkbookState, mode: "client" | "arrange" = "client"): StandInRequestContext {
  return new StandInContext(host, mode) as unknown as StandInRequestContext;
}

/** What `detectFeatures` reports on a host of that ExcelApi level. */
export function featuresOf(host: WorkbookState): ExcelFeatures {
  return detectFeatures((minor) => minor <= host.apiMinor);
}
