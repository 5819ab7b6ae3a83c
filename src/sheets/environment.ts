/**
 * «Kiểm tra môi trường» in Google Sheets: on a temporary sheet, writes the kinds of strings and
 * number formats the add-on writes (formula-looking text under "@", the quote prefix, an STT
 * "1.2", a count under "#,##0"), reads back what Sheets stored, and removes the sheet whatever
 * happens. A user runs it on a real spreadsheet to confirm what no test here can: how this
 * Google Sheets keeps text that starts with "=", "+", "-" or "@" (render.ts relies on it, and
 * checks it again on every write).
 */
import type { ProbeResult } from "../core/probes";
import { uniqueSheetName } from "../core/sheet-names";
import type { SheetsEnvironment } from "./wire";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const PROBE_SHEET = "~CCHC kiểm tra môi trường";

interface Probe {
  id: string;
  label: string;
  numberFormat: string;
  written: string | number;
  /** What the cell must hold afterwards: no formula and this value (and this format). */
  value: string | number;
  /** Vietnamese: what the add-on relies on. */
  expected: string;
}

const TEXT_KEPT = "giữ nguyên là văn bản, không thành công thức";

/** What the add-on writes, and what must come back. */
export const PROBES: readonly Probe[] = [
  { id: "text-equals", label: "Văn bản bắt đầu bằng «=» vào ô Văn bản (@)", numberFormat: "@", written: '=HYPERLINK("http://example.invalid";"bấm")', value: '=HYPERLINK("http://example.invalid";"bấm")', expected: TEXT_KEPT },
  { id: "text-plus", label: "Văn bản bắt đầu bằng «+» vào ô Văn bản (@)", numberFormat: "@", written: "+84 912 345 678", value: "+84 912 345 678", expected: TEXT_KEPT },
  { id: "text-minus", label: "Nhãn bắt đầu bằng «-» vào ô Văn bản (@)", numberFormat: "@", written: "- Văn bản chỉ đạo", value: "- Văn bản chỉ đạo", expected: TEXT_KEPT },
  { id: "text-at", label: "Văn bản bắt đầu bằng «@» vào ô Văn bản (@)", numberFormat: "@", written: "@Xã Ia Tul", value: "@Xã Ia Tul", expected: TEXT_KEPT },
  { id: "quote-prefix", label: "Dấu nháy đơn trước «=» vào ô định dạng chung", numberFormat: "General", written: "'=1+1", value: "=1+1", expected: "thành văn bản «=1+1» (dấu nháy không được giữ): cách ghi dự phòng" },
  { id: "stt", label: "Số thứ tự «1.2» vào ô Văn bản (@)", numberFormat: "@", written: "1.2", value: "1.2", expected: "giữ nguyên là chữ, không thành số hay ngày" },
  { id: "count", label: "Số lượng 1076 vào ô định dạng «#,##0»", numberFormat: "#,##0", written: 1076, value: 1076, expected: "số 1076, định dạng «#,##0» được giữ" },
];

function shown(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  return typeof v === "string" ? JSON.stringify(v) : String(v ?? "");
}

/** Runs the probes on a temporary sheet (removed whatever happens) and says what Sheets kept. */
export function probeEnvironment(ss: Spreadsheet): SheetsEnvironment {
  const before = ss.getActiveSheet();
  const name = uniqueSheetName(PROBE_SHEET, ss.getSheets().map((s) => s.getName()));
  const sheet = ss.insertSheet(name, ss.getSheets().length);
  let probes: ProbeResult[];
  const ok: Record<string, boolean> = {};
  try {
    const range = sheet.getRange(1, 1, PROBES.length, 1);
    range.setNumberFormats(PROBES.map((p) => [p.numberFormat]));
    range.setValues(PROBES.map((p) => [p.written]));
    const formulas = range.getFormulas();
    const values = range.getValues();
    const display = range.getDisplayValues();
    const formats = range.getNumberFormats();
    probes = PROBES.map((p, i) => {
      ok[p.id] = formulas[i][0] === "" && values[i][0] === p.value && (p.numberFormat === "General" || formats[i][0] === p.numberFormat);
      return {
        label: p.label,
        input: String(p.written),
        format: p.numberFormat,
        via: "setValues",
        value: shown(values[i][0]),
        text: display[i][0],
        formula: formulas[i][0],
        formatAfter: formats[i][0],
        expected: p.expected,
        ok: ok[p.id],
      };
    });
  } finally {
    ss.deleteSheet(sheet);
    before?.activate();
  }
  const textKept = ["text-equals", "text-plus", "text-minus", "text-at"].every((id) => ok[id]);
  const notes = [
    textKept
      ? "Văn bản bắt đầu bằng «=», «+», «-», «@» được giữ nguyên là văn bản khi ô có định dạng văn bản: tên đơn vị và nội dung nhận từ tệp không thể thành công thức."
      : ok["quote-prefix"]
        ? "Ô định dạng văn bản chưa giữ được văn bản bắt đầu bằng «=», nhưng dấu nháy đơn thì giữ được: phần bổ trợ tự chuyển sang cách này khi ghi (và kiểm tra lại sau khi ghi)."
        : "Google Sheets này không giữ được văn bản bắt đầu bằng «=» theo cả hai cách: phần bổ trợ sẽ từ chối ghi bảng tổng hợp có nội dung như vậy thay vì ghi thành công thức.",
  ];
  const facts = [
    { label: "Ứng dụng", value: "Google Sheets" },
    { label: "Ngôn ngữ bảng tính", value: ss.getSpreadsheetLocale() },
    { label: "Múi giờ bảng tính", value: ss.getSpreadsheetTimeZone() },
  ];
  return { facts, probes, notes };
}

/** The report as a short Vietnamese text, for the menu's dialog. */
export function environmentText(report: SheetsEnvironment): string {
  const lines = report.probes.map((p) => `${p.ok ? "✓" : "✗"} ${p.label}: ghi «${p.input}» → ${p.formula ? `công thức «${p.formula}»` : p.value} (hiển thị «${p.text}», định dạng «${p.formatAfter}»)`);
  return [...report.facts.map((f) => `${f.label}: ${f.value}`), "", ...lines, "", ...report.notes].join("\n");
}
