/** Formula results the stand-in cannot compute itself (it does not calculate), for `calculate`. */
import { parseAddress } from "./geometry";
import type { WorkbookState } from "./workbook-state";

/**
 * The only formulas our templates write, IF(COUNT(refs)=0,"",SUM(refs)), evaluated on the
 * stand-in's cells (pass as `calculate`: the stand-in does not calculate formulas itself).
 */
export function templateFormulas(sheet: string, _row: number, _col: number, formula: string, workbook: WorkbookState): string | number {
  const refs = /SUM\(([^)]*)\)/.exec(formula)?.[1].split(",") ?? [];
  if (!/^=IF\(COUNT\(/.test(formula)) throw new Error(`templateFormulas: not one of our totals: ${formula}`);
  const values: number[] = [];
  for (const ref of refs) {
    const rect = parseAddress(ref)!;
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) {
        const v = workbook.sheet(sheet).cell(r, c).value;
        if (typeof v === "number") values.push(v);
      }
  }
  return values.length ? values.reduce((a, b) => a + b, 0) : "";
}
