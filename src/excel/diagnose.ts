/**
 * «Kiểm tra môi trường»: what this Excel does with what the add-in writes, seen on the user's own
 * host. Microsoft documents that `values` starting with = + - are read as formulas, not what a
 * Text-formatted ("@") cell does with "=1+1", "+1", "@x", "'x", "01", "1/2", "3,7" through `values`
 * and `formulas`, nor what a number cell of ours does with a date or a decimal comma typed into it
 * (issue 10, point 7). The add-in relies on those: received text goes into "@" cells (rollups), and
 * Kiểm tra reads what a number cell shows (core/parse). So the pane can probe them:
 *
 * one request writes the probes on a new hidden sheet — each cell's number format first, then the
 * input (`values` or `formulas`, as the add-in writes) — and reads back value, shown text,
 * formula and number format; a second request deletes the sheet, whatever happened before (and
 * the caller tries again if that fails too: `removeProbeSheets`).
 */
import { looksLikeDate } from "../core/parse";
import type { ProbeResult } from "../core/probes";
import { uniqueSheetName } from "../core/sheet-names";

interface Probe {
  input: string;
  format: string;
  via: "values" | "formulas";
  expected: string;
  check: (read: { value: unknown; text: string }) => boolean | undefined;
}

/** Inputs of point 7, written into Text ("@") cells as received text is. */
const TEXT_INPUTS = ["=1+1", "+1", "-1", "@x", "'x", "01", "1/2", "3,7"];

const TEXT_FORMAT_NAME: Record<string, string> = { "@": "Văn bản (@)", General: "General", "0": "0", "#,##0": "#,##0" };

function probes(): Probe[] {
  const text: Probe[] = (["values", "formulas"] as const).flatMap((via) =>
    TEXT_INPUTS.map((input) => ({
      input,
      format: "@",
      via,
      expected: `giữ đúng chữ «${input}» (không thành công thức, số hay ngày)`,
      check: ({ value }) => value === input,
    })),
  );
  const number = (input: string, format: string, expected: string, check: Probe["check"]): Probe => ({ input, format, via: "values", expected, check });
  return [
    ...text,
    // Input cells of our templates (counts, decimals, percents: General; 0/1 and codes: "0").
    number("12", "General", "số 12", ({ value }) => value === 12),
    number("1.076", "General", "1076, hoặc 1,076 mà ô hiện «1.076» (phần bổ trợ đọc theo chữ hiện)", ({ value, text }) => value === 1076 || (value === 1.076 && text === "1.076")),
    number("3,7", "General", "3,7, hoặc chữ «3,7» (phần bổ trợ đọc theo cách viết Việt Nam), không được thành 37", ({ value }) => value === 3.7 || value === "3,7"),
    number("75%", "General", "0,75 hiện là «75%»", ({ value, text }) => value === 0.75 && text.includes("%")),
    number("1/2", "General", "ô hiện ngày (để «Kiểm tra» báo ngày gõ nhầm vào ô số)", ({ text }) => looksLikeDate(text)),
    number("1/2", "0", "ô hiện ngày, hoặc bị chặn (ô 0/1 và mã có danh sách chọn)", () => undefined),
    // Totals and rollups ("#,##0"), and what the templates used for counts before: only recorded.
    number("1/2", "#,##0", "ghi nhận: ô giữ định dạng số hay chuyển sang ngày", () => undefined),
    number("1.076", "#,##0", "ghi nhận: ô hiện «1.076» hay «1»", () => undefined),
  ];
}

function show(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** Name of the temporary sheet, unique in the workbook. */
export const PROBE_SHEET = "~CCHC kiểm tra môi trường";

/**
 * Writes the probes on a hidden temporary sheet, reads what Excel made of them, and removes the
 * sheet. Throws when Excel refuses; the sheet is removed in any case when Excel lets it (call
 * `removeProbeSheets` again after a failure to be sure).
 */
export async function runProbes(context: Excel.RequestContext): Promise<{ sheet: string; outcomes: ProbeResult[] }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const name = uniqueSheetName(PROBE_SHEET, worksheets.items.map((s) => s.name));
  const list = probes();
  const byValues = list.filter((p) => p.via === "values");
  const byFormulas = list.filter((p) => p.via === "formulas");
  const ordered = [...byValues, ...byFormulas];
  try {
    const sheet = worksheets.add(name);
    sheet.visibility = "Hidden";
    sheet.getRangeByIndexes(0, 0, ordered.length, 1).numberFormat = ordered.map((p) => [p.format]);
    sheet.getRangeByIndexes(0, 0, byValues.length, 1).values = byValues.map((p) => [p.input]);
    sheet.getRangeByIndexes(byValues.length, 0, byFormulas.length, 1).formulas = byFormulas.map((p) => [p.input]);
    const all = sheet.getRangeByIndexes(0, 0, ordered.length, 1);
    all.load("values,text,formulas,numberFormat");
    await context.sync();
    const [values, texts, formulas, formats] = [all.values, all.text, all.formulas, all.numberFormat];
    const outcomes = ordered.map((p, i): ProbeResult => {
      const value = values[i][0];
      const text = texts[i][0];
      return {
        label: `«${p.input}» vào ô ${TEXT_FORMAT_NAME[p.format] ?? p.format}, ghi bằng ${p.via}`,
        input: p.input,
        format: p.format,
        via: p.via,
        value: show(value),
        text,
        formula: String(formulas[i][0]),
        formatAfter: String(formats[i][0]),
        expected: p.expected,
        ok: p.check({ value, text }),
      };
    });
    return { sheet: name, outcomes };
  } finally {
    // Whatever happened; if Excel refuses this too, the caller calls removeProbeSheets again.
    await removeProbeSheets(context).catch(() => undefined);
  }
}

const PROBE_SHEET_NAME = new RegExp(`^${PROBE_SHEET}( \\(\\d+\\))?$`);

/** Deletes every temporary probe sheet there is (a round trip to look, one to delete if any). */
export async function removeProbeSheets(context: Excel.RequestContext): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const left = worksheets.items.filter((s) => PROBE_SHEET_NAME.test(s.name));
  if (!left.length) return;
  for (const sheet of left) sheet.delete();
  await context.sync();
}
