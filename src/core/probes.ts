/**
 * «Kiểm tra môi trường»: one probe of what a spreadsheet host (Excel, Google Sheets) does with
 * something the add-in writes, the way the add-in writes it. Hosts run the probes (src/excel/
 * diagnose.ts); the pane shows and copies them the same way for every host.
 */
export interface ProbeResult {
  /** Vietnamese: what was tried, e.g. «=1+1» vào ô Văn bản (@), ghi bằng values. */
  label: string;
  /** Exactly what was written. */
  input: string;
  /** The cell's number format before writing, and how it was written ("values", "formulas", "setValue"…). */
  format: string;
  via: string;
  /** What came back: the value (JSON for text: "\"=1+1\""), the text shown, the formula, the number format. */
  value: string;
  text: string;
  formula: string;
  formatAfter: string;
  /** Vietnamese: what the add-in relies on here. */
  expected: string;
  /** Whether the host did that; undefined when the probe only records what the host does. */
  ok: boolean | undefined;
}
