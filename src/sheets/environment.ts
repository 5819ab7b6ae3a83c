/**
 * «Kiểm tra môi trường» in Google Sheets: on a temporary sheet, writes the kinds of strings and
 * number formats the add-on writes (formula-looking text under "@", the quote prefix, an STT
 * "1.2", a count under "#,##0"), reads back what Sheets stored, and removes the sheet whatever
 * happens. A user runs it on a real spreadsheet to confirm what no test here can: how this
 * Google Sheets keeps text that starts with "=", "+", "-" or "@" (render.ts relies on it, and
 * checks it again on every write).
 */
import { uniqueSheetName } from "../core/sheet-names";
import type { EnvironmentReport, ProbeResult } from "./wire";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const PROBE_SHEET = "~CCHC kiểm tra môi trường";

interface Probe {
  id: string;
  label: string;
  numberFormat: string;
  written: string | number;
  /** What the cell must hold afterwards: no formula and this value (and this format). */
  value: string | number;
}

/** What the add-on writes, and what must come back. */
export const PROBES: readonly Probe[] = [
  { id: "text-equals", label: "Văn bản bắt đầu bằng «=» trong ô định dạng văn bản (@)", numberFormat: "@", written: '=HYPERLINK("http://example.invalid";"bấm")', value: '=HYPERLINK("http://example.invalid";"bấm")' },
  { id: "text-plus", label: "Văn bản bắt đầu bằng «+» trong ô định dạng văn bản (@)", numberFormat: "@", written: "+84 912 345 678", value: "+84 912 345 678" },
  { id: "text-minus", label: "Nhãn bắt đầu bằng «-» trong ô định dạng văn bản (@)", numberFormat: "@", written: "- Văn bản chỉ đạo", value: "- Văn bản chỉ đạo" },
  { id: "text-at", label: "Văn bản bắt đầu bằng «@» trong ô định dạng văn bản (@)", numberFormat: "@", written: "@Xã Ia Tul", value: "@Xã Ia Tul" },
  { id: "quote-prefix", label: "Dấu nháy đơn đứng trước «=» trong ô định dạng chung", numberFormat: "General", written: "'=1+1", value: "=1+1" },
  { id: "stt", label: "Số thứ tự «1.2» trong ô định dạng văn bản (@)", numberFormat: "@", written: "1.2", value: "1.2" },
  { id: "count", label: "Số lượng 1076 với định dạng «#,##0»", numberFormat: "#,##0", written: 1076, value: 1076 },
];

function str(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v ?? "");
}

/** Runs the probes on a temporary sheet (removed whatever happens) and says what Sheets kept. */
export function probeEnvironment(ss: Spreadsheet): EnvironmentReport {
  const before = ss.getActiveSheet();
  const name = uniqueSheetName(PROBE_SHEET, ss.getSheets().map((s) => s.getName()));
  const sheet = ss.insertSheet(name, ss.getSheets().length);
  let probes: ProbeResult[];
  try {
    const range = sheet.getRange(1, 1, PROBES.length, 1);
    range.setNumberFormats(PROBES.map((p) => [p.numberFormat]));
    range.setValues(PROBES.map((p) => [p.written]));
    const formulas = range.getFormulas();
    const values = range.getValues();
    const display = range.getDisplayValues();
    const formats = range.getNumberFormats();
    probes = PROBES.map((p, i) => {
      const ok = formulas[i][0] === "" && values[i][0] === p.value && (p.numberFormat === "General" || formats[i][0] === p.numberFormat);
      return {
        id: p.id,
        label: p.label,
        written: String(p.written),
        numberFormat: p.numberFormat,
        formula: formulas[i][0],
        value: str(values[i][0]),
        display: display[i][0],
        readFormat: formats[i][0],
        ok,
      };
    });
  } finally {
    ss.deleteSheet(sheet);
    before?.activate();
  }
  const byId = new Map(probes.map((p) => [p.id, p]));
  const textKept = ["text-equals", "text-plus", "text-minus", "text-at"].every((id) => byId.get(id)?.ok);
  const notes = [
    textKept
      ? "Văn bản bắt đầu bằng «=», «+», «-», «@» được giữ nguyên là văn bản khi ô có định dạng văn bản: tên đơn vị và nội dung nhận từ tệp không thể thành công thức."
      : byId.get("quote-prefix")?.ok
        ? "Ô định dạng văn bản chưa giữ được văn bản bắt đầu bằng «=», nhưng dấu nháy đơn thì giữ được: phần bổ trợ tự chuyển sang cách này khi ghi (và kiểm tra lại sau khi ghi)."
        : "Google Sheets này không giữ được văn bản bắt đầu bằng «=» theo cả hai cách: phần bổ trợ sẽ từ chối ghi bảng tổng hợp có nội dung như vậy thay vì ghi thành công thức.",
    byId.get("stt")?.ok ? "Số thứ tự «1.2» giữ nguyên là chữ (không thành số hay ngày)." : "Số thứ tự «1.2» bị đổi thành số hay ngày: hãy báo cho người quản trị.",
    byId.get("count")?.ok ? "Định dạng số lượng «#,##0» được giữ." : "Định dạng số lượng «#,##0» không được giữ.",
  ];
  return { host: "sheets", locale: ss.getSpreadsheetLocale(), timeZone: ss.getSpreadsheetTimeZone(), probes, notes };
}

/** The report as a short Vietnamese text, for the menu's dialog. */
export function environmentText(report: EnvironmentReport): string {
  const lines = report.probes.map((p) => `${p.ok ? "✓" : "✗"} ${p.label}: ghi «${p.written}» → ${p.formula ? `công thức «${p.formula}»` : `«${p.value}»`} (hiển thị «${p.display}», định dạng «${p.readFormat}»)`);
  return [`Ngôn ngữ bảng tính: ${report.locale} · Múi giờ: ${report.timeZone}`, "", ...lines, "", ...report.notes].join("\n");
}
