/**
 * The marker our templates carry: one text cell, in a hidden column right of the table, e.g.
 * `CCHC-PHU-LUC {"form":"tk2011-2020.huyen.pl3","v":1}`. A cell survives what users and other
 * programs do to a workbook (renaming or copying the sheet, saving as .xls or .ods in LibreOffice)
 * better than defined names or custom XML parts, and every reader sees it.
 * Unit and period are not in the marker: they live in visible cells the user may correct.
 */
import type { Grid, TemplateMetadata } from "./grid";

export const MARKER_PREFIX = "CCHC-PHU-LUC ";

export function encodeMarker(meta: TemplateMetadata): string {
  return MARKER_PREFIX + JSON.stringify({ form: meta.formId, v: meta.catalogVersion });
}

export function decodeMarker(text: unknown): TemplateMetadata | undefined {
  if (typeof text !== "string" || !text.startsWith(MARKER_PREFIX)) return undefined;
  try {
    const data = JSON.parse(text.slice(MARKER_PREFIX.length)) as { form?: unknown; v?: unknown };
    if (typeof data.form !== "string" || typeof data.v !== "number") return undefined;
    return { formId: data.form, catalogVersion: data.v };
  } catch {
    return undefined;
  }
}

/** Looks for the marker in the first rows of the sheet (users may insert rows or columns). */
export function readMarker(grid: Grid, scanRows = 8): TemplateMetadata | undefined {
  for (let r = 0; r < Math.min(scanRows, grid.cells.length); r++) {
    for (const cell of grid.cells[r] ?? []) {
      const meta = decodeMarker(cell?.value);
      if (meta) return meta;
    }
  }
  return undefined;
}
