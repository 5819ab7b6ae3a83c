/**
 * SheetJS, loaded when first used. A read worker reads plain SpreadsheetML — our templates and
 * most units' .xlsx — with its own reader (spreadsheetml.ts), which needs SheetJS only for number
 * formats beyond the common ones; loading it cost every worker 50-60 ms at start-up. In a browser
 * the bundle has it anyway (webpack bundles a required module; its config points it at xlsx.mjs).
 */
import type * as Sheetjs from "@e965/xlsx";

let lib: typeof Sheetjs | undefined;

export function sheetjs(): typeof Sheetjs {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  return (lib ??= require("@e965/xlsx") as typeof Sheetjs);
}
