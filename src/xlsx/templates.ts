/**
 * Blank appendices as an .xlsx workbook: the same layouts the add-in inserts into Excel, for
 * units without the add-in (CLI `cchc template`, the pane's standalone download).
 */
import type { Form } from "../catalog/schema";
import { layoutForm, type LayoutOptions } from "../core/layout";
import { defaultSheetName, uniqueSheetName } from "../core/sheet-names";
import { writeTemplates } from "./write";

export async function templateWorkbook(forms: readonly Form[], options: LayoutOptions = {}): Promise<Uint8Array> {
  const taken: string[] = [];
  const sheets = forms.map((form) => {
    const name = uniqueSheetName(defaultSheetName(form), taken);
    taken.push(name);
    return { name, layout: layoutForm(form, options) };
  });
  return writeTemplates(sheets);
}
