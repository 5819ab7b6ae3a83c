/**
 * "Chỉ tiêu": the targets (Resolution 30c for 2020, Resolution 76 for 2025/2030, the 2023-2025
 * PAR INDEX/SIPAS plan) evaluated on the filled appendices or a rollup: met / not met / no data,
 * never "met" by default, with a summary chart by reform area; in Excel the cells short of a
 * target are marked on the sheet. The unit's own Đạt/Không đạt per goal comes first (on a rollup,
 * each unit's, naming those that did not rate a goal Đạt), goals rated Không đạt or found short at
 * the top, each beside our suggestion or why none can be made; the ratings are never written.
 * Clicking a result or a goal selects its cell. When the level cannot be told from the unit names,
 * the pane asks for it.
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
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Level } from "../../catalog";
import type { Area } from "../../catalog/targets/schema";
import { shortenText } from "../../core/issue-groups";
import {
  attentionFirst,
  countRatings,
  unitRatingParts,
  type RatingSuggestion,
  type StatusCounts,
  type TargetResult,
  type TargetStatus,
} from "../../core/targets";
import type { Backend, TargetMarkView, TargetsOutcome } from "../backend";
import { PaneError } from "../backend";
import { LEVEL_NAMES } from "../catalog-view";
import { Help } from "./Help";
import { Notes, NotReady } from "./Notes";
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
  where: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  levels: { display: "flex", flexWrap: "wrap", gap: "6px", marginTop: "6px" },
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: "6px" },
  caption: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  chart: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px" },
  areaHead: { display: "flex", flexWrap: "wrap", justifyContent: "space-between", gap: "0 8px", fontSize: tokens.fontSizeBase200 },
  areaName: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  bar: {
    display: "flex",
    height: "12px",
    marginTop: "2px",
    borderRadius: tokens.borderRadiusSmall,
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  legend: { display: "flex", flexWrap: "wrap", gap: "4px 12px", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  legendItem: { display: "inline-flex", alignItems: "center", gap: "4px" },
  swatch: { display: "inline-block", width: "10px", height: "10px", borderRadius: "2px" },
  met: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  notMet: { backgroundColor: tokens.colorPaletteRedBackground3 },
  noData: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  self: { backgroundColor: tokens.colorNeutralStrokeAccessible },
  goalHead: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "4px 6px" },
  goalName: { fontWeight: tokens.fontWeightSemibold },
  tooltip: { maxWidth: "280px", whiteSpace: "normal", wordBreak: "break-word" },
});

/** Chart segments, in the order drawn. */
const SEGMENTS: { status: TargetStatus; style: "met" | "notMet" | "noData" | "self" }[] = [
  { status: "met", style: "met" },
  { status: "not-met", style: "notMet" },
  { status: "no-data", style: "noData" },
  { status: "self-assessment", style: "self" },
];

/**
 * Met / not met / no data (and self-assessed) per reform area: one stacked bar each. The bars are
 * decoration (aria-hidden); the counts are written out beside them for every reader.
 */
function AreaChart({ byArea }: { byArea: { area: Area; counts: StatusCounts }[] }) {
  const styles = useStyles();
  const used = SEGMENTS.filter((s) => byArea.some((a) => a.counts[s.status] > 0));
  return (
    <figure className={styles.figure} aria-labelledby="targets-chart-caption">
      <figcaption id="targets-chart-caption" className={styles.caption}>
        Theo lĩnh vực cải cách
      </figcaption>
      <ul className={styles.chart} aria-labelledby="targets-chart-caption">
        {byArea.map(({ area, counts }) => {
          const total = SEGMENTS.reduce((n, s) => n + counts[s.status], 0);
          const text = used.filter((s) => counts[s.status] > 0).map((s) => `${STATUS[s.status].label} ${counts[s.status]}`).join(" · ");
          return (
            <li key={area}>
              <div className={styles.areaHead}>
                <span className={styles.areaName}>{area}</span>
                <span>{text}</span>
              </div>
              <div className={styles.bar} aria-hidden="true">
                {SEGMENTS.map((s) =>
                  counts[s.status] ? (
                    <span key={s.status} className={styles[s.style]} style={{ width: `${(100 * counts[s.status]) / total}%` }} title={`${STATUS[s.status].label}: ${counts[s.status]}`} />
                  ) : null,
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <div className={styles.legend} aria-hidden="true">
        {used.map((s) => (
          <span key={s.status} className={styles.legendItem}>
            <span className={mergeClasses(styles.swatch, styles[s.style])} />
            {STATUS[s.status].label}
          </span>
        ))}
      </div>
    </figure>
  );
}

function ResultBody({ r, mark }: { r: TargetResult; mark?: TargetMarkView }) {
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
      {r.label ? null : <span>{shortenText(r.wording, 110)}</span>}
      {r.sheet && r.address ? (
        <span className={styles.where}>
          «{r.sheet}»!{r.address}
          {mark ? " · đã đánh dấu «T» trên trang" : ""}
        </span>
      ) : null}
      <span className={styles.small}>
        {r.area} · {r.year === "yearly" ? "hằng năm" : `năm ${r.year}`} · {r.source.document}
        {r.source.article ? `, ${r.source.article}` : ""}
        {r.verified ? "" : " (chưa đối chiếu nguyên văn)"}
      </span>
    </span>
  );
}

const RATING_COLOR = { "Đạt": "success", "Không đạt": "danger" } as const;

/** One goal: the unit's own rating (or, on a rollup, the units'), then our suggestion or why there is none. */
function RatingBody({ r }: { r: RatingSuggestion }) {
  const styles = useStyles();
  const goal = `Mục tiêu ${r.stt.replace(/\.$/, "")}`;
  const units = r.units ? unitRatingParts(r.units) : undefined;
  const own = units ? (
    <Badge size="small" appearance="tint" color={units.others ? "danger" : "success"}>
      {units.dat}
    </Badge>
  ) : r.current ? (
    <Badge size="small" appearance="filled" color={RATING_COLOR[r.current]}>
      Đơn vị ghi: {r.current}
    </Badge>
  ) : (
    <Badge size="small" appearance="outline" color="informative">
      {r.currentText ? `Đơn vị ghi: «${shortenText(r.currentText, 20)}»` : "Đơn vị chưa ghi"}
    </Badge>
  );
  return (
    <span className={styles.text}>
      <span className={styles.goalHead}>
        <span className={styles.goalName}>{goal}</span>
        {own}
      </span>
      <span>{shortenText(r.label, 90)}</span>
      {units?.others ? <span className={styles.small}>{units.others}</span> : null}
      <span className={styles.small}>
        {r.suggestion ? (
          <>
            Gợi ý từ số liệu: <strong>{r.suggestion}</strong>
            {r.disagrees ? " — khác với đánh giá của đơn vị, hãy xem lại" : ""}
          </>
        ) : (
          r.why
        )}
      </span>
    </span>
  );
}

/** The goals of one rating sheet: what the unit wrote first, the ones to read first at the top. */
function SheetRatings({ ratings, select, id }: { ratings: readonly RatingSuggestion[]; select: (sheet?: string, address?: string) => void; id: string }) {
  const styles = useStyles();
  const c = countRatings(ratings);
  const rollup = ratings.some((r) => r.units);
  const first = ratings[0];
  const item = (r: RatingSuggestion) => {
    const body =
      r.sheet && r.address ? (
        <Button appearance="subtle" className={styles.item} onClick={() => select(r.sheet, r.address)}>
          <RatingBody r={r} />
        </Button>
      ) : (
        <div className={styles.plain}>
          <RatingBody r={r} />
        </div>
      );
    return r.label.length > 90 ? (
      <Tooltip content={{ children: r.label, className: styles.tooltip }} relationship="description" positioning="below" withArrow>
        {body}
      </Tooltip>
    ) : (
      body
    );
  };
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={styles.h3}>
        {c.rows} mục tiêu{first.sheet ? ` — trang «${first.sheet}»` : ""}
        {rollup ? " (tổng hợp)" : ""}
      </h3>
      <Text size={200} className={styles.small}>
        {rollup ? `${c.attention} mục tiêu có đơn vị chưa đạt hoặc chưa ghi. ` : `Đơn vị ghi Đạt ${c.dat} · Không đạt ${c.khongDat} · chưa ghi ${c.unrated}. `}
        Gợi ý từ số liệu: Đạt {c.suggestedDat} · Không đạt {c.suggestedKhongDat} · chưa gợi ý được {c.rows - c.suggestedDat - c.suggestedKhongDat}.
      </Text>
      <ul className={styles.list} aria-labelledby={id}>
        {attentionFirst(ratings).map((r, k) => (
          <li key={`${r.form}:${r.row}:${k}`}>{item(r)}</li>
        ))}
      </ul>
    </section>
  );
}

/** Every rating sheet's goals, before the targets: the unit's own Đạt / Không đạt first. */
function Ratings({ ratings, select }: { ratings: readonly RatingSuggestion[]; select: (sheet?: string, address?: string) => void }) {
  const styles = useStyles();
  const keys = [...new Set(ratings.map((r) => `${r.form}\u0000${r.sheet ?? ""}`))];
  return (
    <div>
      <Text size={200} className={styles.small}>
        Đánh giá Đạt / Không đạt là của đơn vị: phần mềm chỉ gợi ý từ số liệu, không bao giờ ghi vào ô đánh giá.
      </Text>
      {keys.map((key, i) => (
        <SheetRatings key={key} id={`targets-goals-${i}`} ratings={ratings.filter((r) => `${r.form}\u0000${r.sheet ?? ""}` === key)} select={select} />
      ))}
    </div>
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

  async function run(chosen: Level | "" = level) {
    setBusy(true);
    setError(undefined);
    setSelectError(undefined);
    try {
      setOutcome(await backend.targets(chosen || undefined));
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

  const done = outcome?.status === "done" ? outcome : undefined;
  const report = done?.report;
  const markOf = (r: TargetResult) => done?.marks.find((m) => m.sheet === r.sheet && m.address === r.address && m.target === r.target);
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
      <NotReady availability={availability} />
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
        <Button appearance="primary" onClick={() => run()} disabled={busy || !availability.ready}>
          {busy ? <Spinner size="tiny" label="Đang đánh giá…" /> : "Đánh giá chỉ tiêu"}
        </Button>
      </div>
      {error ? <Problem error={error} /> : null}
      {selectError ? <Problem error={selectError} /> : null}
      {outcome && outcome.status !== "done" ? (
        <MessageBar intent={outcome.status === "need-level" ? "warning" : "info"} layout="multiline">
          <MessageBarBody>
            {outcome.message}
            {outcome.status === "need-level" ? (
              <span className={styles.levels} role="group" aria-label="Đánh giá theo cấp">
                {(Object.keys(LEVEL_NAMES) as Level[]).map((l) => (
                  <Button
                    key={l}
                    size="small"
                    disabled={busy}
                    onClick={() => {
                      setLevel(l);
                      void run(l);
                    }}
                  >
                    Đánh giá {LEVEL_NAMES[l].toLocaleLowerCase("vi")}
                  </Button>
                ))}
              </span>
            ) : null}
          </MessageBarBody>
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
      {done?.marks.length ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Đã đánh dấu {new Set(done.marks.map((m) => `${m.sheet}!${m.address}`)).size} ô chưa đạt chỉ tiêu trên trang tính (cờ «T», tô màu riêng); số
            liệu và định dạng của bạn giữ nguyên.
            Bấm vào một mục «Chưa đạt» để đến ô đó.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {done ? <Notes notes={done.degraded} /> : null}
      {report?.ratings.length ? <Ratings ratings={report.ratings} select={select} /> : null}
      {done?.byArea.length ? <AreaChart byArea={done.byArea} /> : null}
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
                          <ResultBody r={r} mark={markOf(r)} />
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
      {report && !report.results.length ? <Text>Không có chỉ tiêu nào áp dụng cho cấp này.</Text> : null}
    </section>
  );
}
