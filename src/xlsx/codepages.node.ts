/**
 * SheetJS's codepage tables, loaded when SheetJS first needs one instead of with SheetJS.
 *
 * In Node, SheetJS requires its tables (dist/cpexcel.js) as it loads: half of loading SheetJS
 * (measured: `require("@e965/xlsx")` 189 ms, 93 ms after this module), in every read
 * worker's start-up, for what only old .xls files and text in a legacy encoding use — a .xlsx
 * never does. SheetJS takes the tables from a global `cptable` when one is defined as it loads
 * (how its browser script is given them); the Node read worker imports this module first, and
 * this stand-in loads the real tables the first time SheetJS decodes or encodes with them
 * (`utils.decode` and `utils.encode` are all SheetJS calls on them). SheetJS's browser build
 * (xlsx.mjs, which webpack bundles) never loads the tables, and does not look at the global.
 */
import { createRequire } from "module";

interface Codepages {
  utils: { decode(...args: unknown[]): unknown; encode(...args: unknown[]): unknown };
}

let tables: Codepages | undefined;
const load = (): Codepages => (tables ??= createRequire(__filename)("@e965/xlsx/dist/cpexcel.js") as Codepages);

const scope = globalThis as { cptable?: Codepages };
if (scope.cptable === undefined)
  scope.cptable = {
    utils: {
      decode: (...args: unknown[]) => load().utils.decode(...args),
      encode: (...args: unknown[]) => load().utils.encode(...args),
    },
  };
