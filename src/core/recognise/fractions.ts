/**
 * Percentages stored as fractions without a % format. A spreadsheet keeps 95 % as 0.95 and shows
 * it as "95%" through the cell's number format; a file written without formats (exports of web
 * systems and scripts, a sheet copied as values) keeps only the 0.95, which read alone is 0.95 %
 * — a wrong number that looks right. One cell cannot tell, a sheet can: when every percentage of
 * the sheet stored as a number without "%" is between 0 and 1, at least two of them, one of them
 * strictly between, and no percentage of the sheet is written above 1 (as a number, a text or
 * "95%"), the sheet writes fractions: those cells are read × 100, and a warning names them. A
 * number shown the Vietnamese way ("0,5") was typed in a spreadsheet that keeps formats: the
 * sheet's numbers are then read as they are.
 */
import { cellKind, inputColumns, type Form } from "../../catalog/schema";
import type { BoundCell } from "../filled";
import { makeIssue, type Issue } from "../issues";
import { formatNumberVi, parseCell } from "../parse";

/** Cells named in the warning before "và N ô khác". */
const NAMED = 5;

/**
 * Reads the percentage cells of `cells` (rowId → columnId → bound cell) × 100 when the sheet
 * stores fractions (see the file comment), in place; the warning when it did.
 */
export function percentFractions(form: Form, sheet: string, cells: Map<string, Map<string, BoundCell>>): Issue[] {
  const fractions: BoundCell[] = [];
  for (const row of form.rows) {
    if (row.kind === "heading") continue;
    for (const column of inputColumns(form)) {
      if (cellKind(row, column) !== "percent") continue;
      const bound = cells.get(row.id)?.get(column.id);
      const raw = bound?.raw;
      if (!bound || !raw || raw.value === null || raw.value === "") continue;
      if (typeof raw.value === "number" && !(raw.text ?? "").includes("%")) {
        // "0,5" shown: typed in a Vietnamese spreadsheet, which keeps formats — 0,5 %.
        if (raw.value < 0 || raw.value > 1 || (raw.text ?? "").includes(",")) return [];
        fractions.push(bound);
        continue;
      }
      const parsed = parseCell(raw, "percent", row);
      if (parsed.type === "number" && parsed.value > 1) return [];
    }
  }
  const value = (b: BoundCell) => b.raw!.value as number;
  if (fractions.length < 2 || !fractions.some((b) => value(b) > 0 && value(b) < 1)) return [];
  for (const b of fractions) b.raw = { ...b.raw!, value: Number((value(b) * 100).toPrecision(12)) };
  const example = fractions.find((b) => value(b) > 0 && value(b) < 100)!;
  const more = fractions.length > NAMED ? ` và ${fractions.length - NAMED} ô khác` : "";
  return [
    makeIssue(
      "percent_as_fraction",
      "warning",
      { sheet, cell: "" },
      {
        expected: `${fractions
          .slice(0, NAMED)
          .map((b) => b.address)
          .join(", ")}${more}`,
        detail: `${example.address}: ${formatNumberVi(value(example) / 100)} → ${formatNumberVi(value(example))} %`,
      },
    ),
  ];
}
