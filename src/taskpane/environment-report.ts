/**
 * «Kiểm tra môi trường» as plain text, for the clipboard: what a user pastes into an e-mail or an
 * issue so the developers can fill the README's table «Đã thử trên Excel thật». The same for
 * every backend (Excel, Google Sheets): it renders the backend's EnvironmentReport.
 */
import type { EnvironmentReport, ProbeResult } from "./backend";

/** The verdict of a probe, as the pane shows it. */
export function verdictOf(probe: ProbeResult): "đúng" | "khác" | "ghi nhận" {
  return probe.ok === undefined ? "ghi nhận" : probe.ok ? "đúng" : "khác";
}

/** One line per probe: what was written, what came back, what the add-in relies on. */
export function probeLine(probe: ProbeResult): string {
  const back = `giá trị ${probe.value}, hiện «${probe.text}», công thức ${probe.formula || "(không)"}, định dạng ${probe.formatAfter}`;
  return `[${verdictOf(probe)}] ${probe.label} → ${back} (cần: ${probe.expected})`;
}

export function environmentReportText(report: EnvironmentReport, when: Date = new Date()): string {
  const lines = [
    "Kiểm tra môi trường — CCHC Phụ lục",
    `Thời điểm: ${when.toISOString()}`,
    `Ứng dụng: ${report.host}`,
    ...report.facts.filter((f) => f.label !== "Ứng dụng").map((f) => `${f.label}: ${f.value}`),
    "",
    `Thử ghi (${report.probes.length}; đúng ${report.probes.filter((p) => p.ok === true).length}, khác ${report.probes.filter((p) => p.ok === false).length}):`,
    ...report.probes.map(probeLine),
  ];
  if (report.notes.length) lines.push("", "Ghi chú:", ...report.notes.map((n) => `- ${n}`));
  return `${lines.join("\n")}\n`;
}
