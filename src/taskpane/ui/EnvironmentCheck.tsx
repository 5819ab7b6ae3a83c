/**
 * «Kiểm tra môi trường» in the help of every step: runs the backend's probes on demand (a temporary
 * sheet, removed afterwards), shows the host's facts and, per probe, what the host did with what the
 * add-in writes, and copies the result as text to send to the developers (README, «Đã thử trên
 * Excel thật»). The same view for every backend that offers `diagnose` (Excel, Google Sheets).
 */
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Backend, EnvironmentReport } from "../backend";
import { environmentReportText, probeLine, verdictOf } from "../environment-report";
import { Problem, asPaneError } from "./Problem";
import type { PaneError } from "../backend";

const useStyles = makeStyles({
  section: { marginTop: "8px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: "6px" },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center", marginTop: "4px" },
  facts: { margin: "4px 0", display: "grid", gridTemplateColumns: "auto minmax(0, 1fr)", columnGap: "8px", "& dt": { fontWeight: tokens.fontWeightSemibold }, "& dd": { margin: 0, wordBreak: "break-word" } },
  probes: { listStyleType: "none", paddingLeft: "0 !important", "& li": { wordBreak: "break-word" } },
  differs: { color: tokens.colorPaletteRedForeground1 },
});

/** Writes text to the clipboard; falls back to a hidden text area where the Clipboard API is refused. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

export function EnvironmentCheck({ backend }: { backend: Backend }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<EnvironmentReport>();
  const [error, setError] = useState<PaneError>();
  const [copied, setCopied] = useState<boolean>();
  if (!backend.diagnose) return null;
  const diagnose = backend.diagnose.bind(backend);

  const run = async () => {
    setBusy(true);
    setError(undefined);
    setCopied(undefined);
    try {
      setReport(await diagnose());
    } catch (e) {
      setError(asPaneError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-label="Kiểm tra môi trường">
      <p>
        <strong>Kiểm tra môi trường</strong>: xem phiên bản Excel và thử ghi vài giá trị mẫu vào một trang tạm (trang này được xoá ngay sau đó)
        để biết Excel của bạn xử lý chúng ra sao. Kết quả giúp nhóm phát triển biết phần bổ trợ chạy đúng trên máy của bạn.
      </p>
      <div className={styles.actions}>
        <Button size="small" onClick={run} disabled={busy}>
          {busy ? <Spinner size="tiny" label="Đang kiểm tra môi trường…" /> : "Kiểm tra môi trường"}
        </Button>
        {report ? (
          <Button size="small" onClick={async () => setCopied(await copyText(environmentReportText(report)))}>
            Chép kết quả
          </Button>
        ) : null}
        {copied === true ? <span role="status">Đã chép — hãy dán vào thư gửi nhóm phát triển.</span> : null}
        {copied === false ? <span role="status">Không chép được: hãy chọn và chép phần kết quả bên dưới.</span> : null}
      </div>
      {error ? <Problem error={error} /> : null}
      {report ? (
        <div aria-label="Kết quả kiểm tra môi trường">
          <dl className={styles.facts}>
            {report.facts.map((f) => (
              <div key={f.label} style={{ display: "contents" }}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
          <p>
            Thử ghi {report.probes.length} giá trị: đúng {report.probes.filter((p) => p.ok === true).length}, khác{" "}
            {report.probes.filter((p) => p.ok === false).length}, chỉ ghi nhận {report.probes.filter((p) => p.ok === undefined).length}.
          </p>
          <ul className={styles.probes} aria-label="Các giá trị đã thử">
            {report.probes.map((p, i) => (
              <li key={i} className={verdictOf(p) === "khác" ? styles.differs : undefined}>
                {probeLine(p)}
              </li>
            ))}
          </ul>
          {report.notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      ) : null}
    </section>
  );
}
