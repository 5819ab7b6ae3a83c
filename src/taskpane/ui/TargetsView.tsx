/**
 * "Chỉ tiêu": the targets (Resolution 30c for 2020, Resolution 76 for 2025/2030, the 2023-2025
 * PAR INDEX/SIPAS plan) evaluated on the filled appendices or a rollup: met / not met / no data,
 * never "met" by default; suggested Đạt/Không đạt ratings. Clicking a result selects its cell.
 */
import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Level } from "../../catalog";
import type { TargetResult, TargetStatus, RatingSuggestion } from "../../core/targets";
import type { Backend, TargetsOutcome } from "../backend";
import { PaneError } from "../backend";
import { LEVEL_NAMES } from "../catalog-view";
import { Help } from "./Help";
import { asPaneError, Problem } from "./Problem";

const STATUS: Record<TargetStatus, { label: string; color: "success" | "danger" | "warning" | "informative" }> = {
  "not-met": { label: "Chưa đạt", color: "danger" },
  "no-data": { label: "Chưa có số liệu", color: "warning" },
  met: { label: "Đạt", color: "success" },
  "self-assessment": { label: "Tự đánh giá", color: "informative" },
};
const ORDER: TargetStatus[] = ["not-met", "no-data", "met", "self-assessment"];

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: "12px" },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: "8px 0 4px", fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "flex-end" },
  counts: { display: "flex", flexWrap: "wrap", gap: "6px" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  item: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    alignItems: "flex-start",
    fontWeight: tokens.fontWeightRegular,
    padding: "6px 8px",
    height: "auto",
    minWidth: 0,
  },
  plain: { padding: "6px 8px" },
  text: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0, whiteSpace: "normal", wordBreak: "break-word" },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

function ResultBody({ r }: { r: TargetResult }) {
  const styles = useStyles();
  const s = STATUS[r.status];
  return (
    <span className={styles.text}>
      <span>
        <Badge size="small" appearance="filled" color={s.color}>
          {s.label}
        </Badge>
        <span className={styles.hidden}>: </span> {r.message}
      </span>
      <span className={styles.small}>
        {r.area} · {r.year === "yearly" ? "hằng năm" : `năm ${r.year}`} · {r.source.document}
        {r.source.article ? `, ${r.source.article}` : ""}
        {r.verified ? "" : " (chưa đối chiếu nguyên văn)"}
      </span>
    </span>
  );
}

function RatingBody({ r }: { r: RatingSuggestion }) {
  const styles = useStyles();
  return (
    <span className={styles.text}>
      <span>
        {r.stt ? `${r.stt}. ` : ""}
        {r.label}
      </span>
      <span className={styles.small}>
        Gợi ý: <strong>{r.suggestion ?? "chưa đủ số liệu"}</strong>
        {r.current ? ` · đang ghi: ${r.current}` : " · chưa ghi"}
        {r.disagrees ? " — khác với gợi ý, hãy xem lại" : ""}
      </span>
    </span>
  );
}

export function TargetsView({ backend }: { backend: Backend }) {
  const styles = useStyles();
  const [level, setLevel] = useState<Level | "">("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<TargetsOutcome>();
  const [error, setError] = useState<PaneError>();
  const [selectError, setSelectError] = useState<PaneError>();
  const availability = backend.capabilities().targets;

  async function run() {
    setBusy(true);
    setError(undefined);
    setSelectError(undefined);
    try {
      setOutcome(await backend.targets(level || undefined));
    } catch (e) {
      setError(asPaneError(e));
    } finally {
      setBusy(false);
    }
  }

  async function select(sheet: string | undefined, address: string | undefined) {
    if (!sheet || !address) return;
    setSelectError(undefined);
    try {
      await backend.select(sheet, address);
    } catch (e) {
      setSelectError(asPaneError(e));
    }
  }

  const report = outcome?.status === "done" ? outcome.report : undefined;
  const counts = ORDER.map((s) => ({ status: s, n: report?.results.filter((r) => r.status === s).length ?? 0 }));

  return (
    <section className={styles.view} aria-labelledby="targets-heading">
      <h2 id="targets-heading" className={styles.h2}>
        Chỉ tiêu
      </h2>
      <Help step="Chỉ tiêu">
        <ol>
          <li>Chèn và điền phụ lục, mở tệp đã điền, hoặc tổng hợp trước.</li>
          <li>
            Bấm «Đánh giá chỉ tiêu»: số liệu được so với các chỉ tiêu của Nghị quyết 30c/NQ-CP (năm 2020), Nghị quyết 76/NQ-CP (năm 2025, 2030)
            và kế hoạch nâng cao PAR INDEX, SIPAS 2023-2025, theo cấp báo cáo.
          </li>
          <li>Mỗi chỉ tiêu là Đạt, Chưa đạt hoặc Chưa có số liệu — thiếu số liệu không bao giờ được coi là đạt. Bấm vào một mục để đến ô số liệu.</li>
        </ol>
      </Help>
      {!availability.ready ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{availability.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.row}>
        <Field label="Cấp báo cáo">
          <Select value={level} onChange={(_, d) => setLevel(d.value as Level | "")}>
            <option value="">Tự nhận biết</option>
            {(Object.keys(LEVEL_NAMES) as Level[]).map((l) => (
              <option key={l} value={l}>
                {LEVEL_NAMES[l]}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" onClick={run} disabled={busy || !availability.ready}>
          {busy ? <Spinner size="tiny" label="Đang đánh giá…" /> : "Đánh giá chỉ tiêu"}
        </Button>
      </div>
      {error ? <Problem error={error} /> : null}
      {selectError ? <Problem error={selectError} /> : null}
      {outcome && outcome.status !== "done" ? (
        <MessageBar intent={outcome.status === "need-level" ? "warning" : "info"} layout="multiline">
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      {report ? (
        <div aria-live="polite">
          <MessageBar intent={counts[0].n ? "warning" : "success"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {report.results.length} chỉ tiêu {report.level ? LEVEL_NAMES[report.level].toLocaleLowerCase("vi") : ""}
              </MessageBarTitle>{" "}
              trên {report.sheets.length} trang tính.
            </MessageBarBody>
          </MessageBar>
          <div className={styles.counts}>
            {counts.map((c) => (
              <Badge key={c.status} appearance="tint" color={STATUS[c.status].color}>
                {STATUS[c.status].label}: {c.n}
              </Badge>
            ))}
          </div>
        </div>
      ) : null}
      {report
        ? ORDER.map((status) => {
            const items = report.results.filter((r) => r.status === status);
            if (!items.length) return null;
            return (
              <div key={status}>
                <h3 className={styles.h3}>
                  {STATUS[status].label} ({items.length})
                </h3>
                <ul className={styles.list}>
                  {items.map((r, k) => (
                    <li key={`${r.target}:${k}`}>
                      {r.sheet && r.address ? (
                        <Button appearance="subtle" className={styles.item} onClick={() => select(r.sheet, r.address)}>
                          <ResultBody r={r} />
                        </Button>
                      ) : (
                        <div className={styles.plain}>
                          <ResultBody r={r} />
                        </div>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })
        : null}
      {report?.ratings.length ? (
        <div>
          <h3 className={styles.h3}>Gợi ý đánh giá Đạt / Không đạt</h3>
          <ul className={styles.list}>
            {report.ratings.map((r, k) => (
              <li key={`${r.form}:${r.row}:${k}`}>
                {r.sheet && r.address ? (
                  <Button appearance="subtle" className={styles.item} onClick={() => select(r.sheet, r.address)}>
                    <RatingBody r={r} />
                  </Button>
                ) : (
                  <div className={styles.plain}>
                    <RatingBody r={r} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report && !report.results.length ? <Text>Không có chỉ tiêu nào áp dụng cho cấp này.</Text> : null}
    </section>
  );
}
