/**
 * "Tổng hợp": choose the units' sheets already in the workbook (correcting each unit's name if
 * needed) and/or the files received from the units below, consolidate them into sheets (status of
 * every unit, one rollup and one detail sheet per form) that replace the previous rollup's. Long
 * work shows a progress bar and each file's status, can be cancelled, and never freezes the pane.
 */
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  ProgressBar,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Backend, FileReadStatus, FileStatus, RollupOutcome, RollupProgress, SourceSheets } from "../backend";
import { PaneError } from "../backend";
import { forgetChoices, loadChoices, saveChoices } from "../column-choices";
import { ColumnQuestions } from "./ColumnQuestions";
import { CreatedSheets } from "./CreatedSheets";
import { ExampleDownload } from "./ExampleDownload";
import { Help } from "./Help";
import { Notes, NotReady } from "./Notes";
import { asPaneError, Problem } from "./Problem";
import { useDownload } from "./useDownload";
import { ACCEPTED_FILES, ACCEPTED_FORMATS } from "../accepted-files";

const STATUS_COLOR: Record<FileStatus, "success" | "danger" | "warning" | "informative" | "subtle"> = {
  ok: "success",
  invalid: "warning",
  unreadable: "danger",
  unrecognised: "danger",
  undecided: "danger",
  "other-period": "warning",
  duplicate: "informative",
  missing: "subtle",
};

const READ_STATUS: Record<FileReadStatus, { label: string; color: "success" | "danger" | "warning" | "informative" }> = {
  reading: { label: "Đang đọc…", color: "informative" },
  read: { label: "Đã đọc", color: "success" },
  unreadable: { label: "Không đọc được", color: "danger" },
  unrecognised: { label: "Không nhận ra phụ lục", color: "warning" },
};

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: "12px" },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "8px",
    minWidth: 0,
  },
  groupHead: { display: "flex", flexWrap: "wrap", gap: "4px 8px", alignItems: "center", justifyContent: "space-between" },
  sheets: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  sheetLabel: { display: "flex", flexDirection: "column", minWidth: 0, wordBreak: "break-word" },
  sheetUnit: { marginLeft: "32px" },
  fileItem: { display: "flex", flexWrap: "wrap", gap: "4px 6px", alignItems: "center" },
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  hiddenInput: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  files: { margin: 0, paddingLeft: "20px", maxHeight: "200px", overflowY: "auto", fontSize: tokens.fontSizeBase200, wordBreak: "break-all" },
  progress: { display: "flex", flexDirection: "column", gap: "4px" },
  units: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  unit: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: "8px" },
  unitHead: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center" },
  unitName: { fontWeight: tokens.fontWeightSemibold, wordBreak: "break-word" },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, wordBreak: "break-word" },
  list: { margin: "4px 0 0", paddingLeft: "20px" },
});

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Which sheets are picked and the unit names the user typed, by sheet name. */
interface SheetChoice {
  picked: Record<string, boolean>;
  units: Record<string, string>;
}

/** The unit a sheet stands for until the user corrects it: the one it names, else its sheet name. */
function defaultUnit(sheet: { sheet: string; unit?: string }): string {
  return sheet.unit ?? sheet.sheet;
}

function SheetPicker({
  backend,
  sources,
  loading,
  error,
  choice,
  setChoice,
  reload,
  disabled,
}: {
  backend: Backend;
  sources: SourceSheets | undefined;
  loading: boolean;
  error: PaneError | undefined;
  choice: SheetChoice;
  setChoice: (update: (c: SheetChoice) => SheetChoice) => void;
  reload: () => void;
  disabled: boolean;
}) {
  const styles = useStyles();
  const list = sources?.sheets ?? [];
  const pickedCount = list.filter((s) => choice.picked[s.sheet]).length;
  const where = backend.kind === "excel" ? "sổ làm việc" : "bảng tính";
  return (
    <section className={styles.group} aria-labelledby="rollup-sheets-heading">
      <div className={styles.groupHead}>
        <h3 id="rollup-sheets-heading" className={styles.h3}>
          Trang tính của đơn vị trong {where}
        </h3>
        <Button size="small" appearance="subtle" onClick={reload} disabled={loading || disabled}>
          Làm mới
        </Button>
      </div>
      {loading ? <Spinner size="tiny" label="Đang đọc danh sách trang tính…" /> : null}
      {error ? <Problem error={error} /> : null}
      {!loading && sources && !list.length ? (
        <Text size={200}>Chưa có trang tính nào là phụ lục của một đơn vị (trang tổng hợp cũ không được tính).</Text>
      ) : null}
      {list.length ? (
        <>
          <Text size={200}>Đánh dấu các trang cần tổng hợp, mỗi trang là báo cáo của một đơn vị; sửa tên đơn vị nếu cần.</Text>
          <ul className={styles.sheets} aria-label="Trang tính của đơn vị">
            {list.map((s) => {
              const picked = !!choice.picked[s.sheet];
              const unit = choice.units[s.sheet] ?? defaultUnit(s);
              return (
                <li key={s.sheet}>
                  <Checkbox
                    checked={picked}
                    disabled={disabled}
                    onChange={(_, d) => setChoice((c) => ({ ...c, picked: { ...c.picked, [s.sheet]: d.checked === true } }))}
                    label={
                      <span className={styles.sheetLabel}>
                        <span>«{s.sheet}»</span>
                        <span className={styles.small}>
                          {s.forms.join(", ")}
                          {s.unit ? ` · ${s.unit}` : " · trang không ghi tên đơn vị"}
                        </span>
                      </span>
                    }
                  />
                  {picked ? (
                    <Field
                      className={styles.sheetUnit}
                      label={`Đơn vị của trang «${s.sheet}»`}
                      hint={s.unit ? undefined : "Trang không ghi tên đơn vị: đang dùng tên trang, hãy sửa cho đúng."}
                      size="small"
                    >
                      <Input
                        size="small"
                        value={unit}
                        disabled={disabled}
                        onChange={(_, d) => setChoice((c) => ({ ...c, units: { ...c.units, [s.sheet]: d.value } }))}
                      />
                    </Field>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <div className={styles.row}>
            <Button
              size="small"
              disabled={disabled}
              onClick={() => setChoice((c) => ({ ...c, picked: Object.fromEntries(list.map((s) => [s.sheet, pickedCount < list.length])) }))}
            >
              {pickedCount < list.length ? "Chọn tất cả" : "Bỏ chọn tất cả"}
            </Button>
            <Text size={200} aria-live="polite">
              Đã chọn {pickedCount}/{list.length} trang
            </Text>
          </div>
        </>
      ) : null}
      {sources?.skipped.length ? (
        <Text size={200} className={styles.small}>
          Bỏ qua {sources.skipped.length} trang không nhận ra phụ lục: {sources.skipped.map((s) => `«${s.sheet}»`).join(", ")}.
        </Text>
      ) : null}
    </section>
  );
}

export function RollupView({ backend }: { backend: Backend }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [readStatus, setReadStatus] = useState<Record<number, FileReadStatus>>({});
  const [unit, setUnit] = useState("");
  const [period, setPeriod] = useState("");
  const [expected, setExpected] = useState("");
  const [progress, setProgress] = useState<RollupProgress>();
  const [running, setRunning] = useState<AbortController>();
  const [result, setResult] = useState<RollupOutcome>();
  const [error, setError] = useState<PaneError>();
  const [sources, setSources] = useState<SourceSheets>();
  const [sourcesLoading, setSourcesLoading] = useState(false);
  const [sourcesError, setSourcesError] = useState<PaneError>();
  const [choice, setChoice] = useState<SheetChoice>({ picked: {}, units: {} });
  const download = useDownload(backend);
  const availability = backend.capabilities().rollup;
  /** How many column choices are remembered on this computer (they are sent with every rollup). */
  const [remembered, setRemembered] = useState(() => Object.keys(loadChoices()).length);

  const reload = useCallback(() => {
    if (!backend.capabilities().rollup.ready) return;
    setSourcesLoading(true);
    setSourcesError(undefined);
    backend.sourceSheets().then(
      (s) => {
        setSources(s);
        setSourcesLoading(false);
      },
      (e: unknown) => {
        setSourcesError(asPaneError(e));
        setSourcesLoading(false);
      },
    );
  }, [backend]);

  useEffect(() => reload(), [reload]);

  // Standalone: the list follows the workspace when sheets are added or removed.
  const workspace = backend.workspace;
  useEffect(() => {
    if (!workspace) return;
    let names = workspace.sheetNames.join("\n");
    return workspace.subscribe(() => {
      const now = workspace.sheetNames.join("\n");
      if (now !== names) {
        names = now;
        reload();
      }
    });
  }, [workspace, reload]);

  function pick(list: FileList | null) {
    if (!list?.length) return;
    // Copied now: clearing the input below empties the live FileList before React runs the updater.
    const chosen = Array.from(list);
    // Adding files again keeps the ones already chosen (same name and size: once).
    setFiles((old) => {
      const next = [...old];
      for (const f of chosen) if (!next.some((o) => o.name === f.name && o.size === f.size)) next.push(f);
      return next;
    });
    setReadStatus({});
    if (input.current) input.current.value = "";
  }

  function onProgress(p: RollupProgress) {
    setProgress(p);
    if (p.index !== undefined && p.status) {
      const { index, status } = p;
      setReadStatus((s) => ({ ...s, [index]: status }));
    }
  }

  async function run() {
    setError(undefined);
    setResult(undefined);
    const sheets = (sources?.sheets ?? [])
      .filter((s) => choice.picked[s.sheet])
      .map((s) => {
        const typed = choice.units[s.sheet]?.trim();
        return typed && typed !== defaultUnit(s) ? { name: s.sheet, unit: typed } : { name: s.sheet };
      });
    if (!files.length && !sheets.length) {
      setError(
        new PaneError(
          "Chưa chọn tệp hay trang tính nào để tổng hợp.",
          "Hãy đánh dấu các trang tính của đơn vị ở trên, hoặc bấm «Chọn tệp…» và chọn các tệp báo cáo nhận được (có thể chọn nhiều tệp một lúc).",
        ),
      );
      return;
    }
    const controller = new AbortController();
    setRunning(controller);
    setReadStatus({});
    setProgress({ done: 0, total: files.length, file: "" });
    try {
      const inputs = [];
      for (const f of files) inputs.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
      const request = {
        files: inputs,
        sheets,
        unit,
        period,
        expected: expected.split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
        columnChoices: loadChoices(),
      };
      setResult(await backend.rollup(request, onProgress, controller.signal));
      reload();
    } catch (e) {
      setError(asPaneError(e));
    } finally {
      setRunning(undefined);
      setProgress(undefined);
    }
  }

  const progressLabel = !progress
    ? ""
    : progress.stage === "writing"
      ? `Đang ghi vào bảng tính: phần ${Math.min(progress.done + 1, progress.total)}/${progress.total}`
      : progress.status === "reading"
      ? `Đang đọc tệp ${progress.done + 1}/${progress.total}`
      : progress.status
        ? `Đã đọc ${progress.done}/${progress.total} tệp`
        : progress.done >= progress.total
          ? "Đang tổng hợp…"
          : "Đang chuẩn bị…";

  return (
    <section className={styles.view} aria-labelledby="rollup-heading">
      <h2 id="rollup-heading" className={styles.h2}>
        Tổng hợp
      </h2>
      <Help step="Tổng hợp">
        <ol>
          <li>
            Đánh dấu các trang tính báo cáo của đơn vị cấp dưới đã có trong {backend.kind === "excel" ? "sổ làm việc" : "bảng tính"} (mỗi trang một
            đơn vị; sửa tên đơn vị nếu trang ghi sai hay không ghi), và/hoặc bấm «Chọn tệp…» (hoặc kéo thả tệp vào mục «Tệp nhận được») để chọn các tệp nhận được ({ACCEPTED_FORMATS}; văn bản Word: mỗi bảng phụ lục được đọc như một trang tính).
          </li>
          <li>Ghi đơn vị tổng hợp và kỳ báo cáo; nếu muốn biết đơn vị nào chưa gửi, dán danh sách đơn vị phải gửi (mỗi dòng một đơn vị).</li>
          <li>Bấm «Tổng hợp». Số lượng được cộng; tỷ lệ được tính lại từ tử số và mẫu số; danh mục dùng chung (như số TTHC cấp xã) không cộng dồn.</li>
        </ol>
        <p>
          Kết quả là các trang tính «TH Đơn vị gửi báo cáo» (tình trạng từng đơn vị), «TH …» (số tổng hợp) và «TH CT …» (chi tiết từng đơn
          vị). Tổng hợp lại thì các trang này được thay bằng bản mới, cùng tên — không sinh thêm bản sao; các trang khác không bị động đến. Tệp
          không đọc được, gửi trùng hoặc có lỗi được ghi rõ lý do; các tệp khác vẫn được tổng hợp.
        </p>
        <p>
          Trang tính có nhiều cột có thể là số liệu của kỳ này (ví dụ «Số liệu» gộp trên hai cột không ghi tiêu đề) chưa được tổng hợp cho đến
          khi bạn chọn cột; lựa chọn được ghi nhớ cho đơn vị và mẫu bảng đó. Cột «Kỳ trước», «Lũy kế», «Kế hoạch»… được nhận ra và bỏ qua.
        </p>
        <ExampleDownload excel={backend.kind === "excel"} />
      </Help>
      <NotReady availability={availability} />

      {availability.ready ? (
        <SheetPicker
          backend={backend}
          sources={sources}
          loading={sourcesLoading}
          error={sourcesError}
          choice={choice}
          setChoice={setChoice}
          reload={reload}
          disabled={!!running}
        />
      ) : null}

      <section
        className={styles.group}
        aria-labelledby="rollup-files-heading"
        // Files dropped here are added like files picked (from Explorer, Finder or an e-mail attachment).
        onDragOver={(e) => {
          if (!running && e.dataTransfer.types.includes("Files")) e.preventDefault();
        }}
        onDrop={(e) => {
          e.preventDefault();
          if (!running) pick(e.dataTransfer.files);
        }}
      >
        <h3 id="rollup-files-heading" className={styles.h3}>
          Tệp nhận được
        </h3>
        <div className={styles.row}>
          <input ref={input} type="file" multiple accept={ACCEPTED_FILES} className={styles.hiddenInput} tabIndex={-1} aria-hidden="true" onChange={(e) => pick(e.currentTarget.files)} />
          <Button onClick={() => input.current?.click()} disabled={!!running}>
            Chọn tệp…
          </Button>
          {files.length ? (
            <Button
              appearance="subtle"
              onClick={() => {
                setFiles([]);
                setReadStatus({});
              }}
              disabled={!!running}
            >
              Bỏ hết
            </Button>
          ) : null}
          <Text size={200} aria-live="polite">
            {files.length ? `Đã chọn ${files.length} tệp` : "Chưa chọn tệp"}
          </Text>
        </div>
        {files.length ? (
          <ul className={styles.files} aria-label="Tệp đã chọn">
            {files.map((f, i) => {
              const status = readStatus[i];
              return (
                <li key={`${f.name}:${f.size}`}>
                  <span className={styles.fileItem}>
                    <span>
                      {f.name} ({size(f.size)})
                    </span>
                    {status ? (
                      <Badge size="small" appearance="tint" color={READ_STATUS[status].color}>
                        {READ_STATUS[status].label}
                      </Badge>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ul>
        ) : null}
      </section>

      <Field label="Đơn vị tổng hợp" hint="Ví dụ: UBND tỉnh Bình Định">
        <Input value={unit} onChange={(_, d) => setUnit(d.value)} />
      </Field>
      <Field label="Kỳ báo cáo" hint="Ví dụ: Quý III năm 2026. Để trống thì lấy kỳ của đa số đơn vị; báo cáo của kỳ khác được nêu rõ và không được tổng hợp.">
        <Input value={period} onChange={(_, d) => setPeriod(d.value)} />
      </Field>
      <Field label="Đơn vị phải gửi (không bắt buộc)" hint="Mỗi dòng một đơn vị; đơn vị chưa gửi sẽ được liệt kê.">
        <Textarea value={expected} onChange={(_, d) => setExpected(d.value)} resize="vertical" />
      </Field>

      <div className={styles.row}>
        <Button appearance="primary" onClick={run} disabled={!!running || !availability.ready}>
          Tổng hợp
        </Button>
        {running ? (
          <Button onClick={() => running.abort()} disabled={running.signal.aborted}>
            Huỷ
          </Button>
        ) : null}
      </div>
      {remembered ? (
        <div className={styles.row}>
          <Text size={200} className={styles.small}>
            Đang dùng {remembered} lựa chọn cột số liệu đã ghi nhớ trên máy này.
          </Text>
          <Button
            size="small"
            appearance="subtle"
            disabled={!!running}
            onClick={() => {
              forgetChoices();
              setRemembered(0);
            }}
          >
            Quên các lựa chọn cột
          </Button>
        </div>
      ) : null}
      {running && progress ? (
        <div className={styles.progress}>
          <Field label={progressLabel} hint={progress.file || undefined}>
            <ProgressBar value={progress.total ? progress.done / progress.total : undefined} max={1} thickness="large" />
          </Field>
        </div>
      ) : null}

      {error ? <Problem error={error} /> : null}
      {result ? (
        <CreatedSheets
          intent={result.complete ? "success" : "warning"}
          title={result.summary}
          sheets={result.sheets}
          download={download}
        >
          {result.replaced.length ? ` Đã thay ${result.replaced.length} trang của lần tổng hợp trước.` : ""}
        </CreatedSheets>
      ) : null}
      {result ? <Notes notes={result.degraded} /> : null}
      {result?.period ? <Text size={200}>Kỳ tổng hợp: {result.period}</Text> : null}
      {result ? <Notes notes={result.periodNotes} /> : null}
      {result ? (
        <ColumnQuestions
          key={result.questions.map((q) => q.key).join("|")}
          questions={result.questions}
          disabled={!!running}
          onApply={(answers) => {
            saveChoices(answers);
            setRemembered(Object.keys(loadChoices()).length);
            void run();
          }}
        />
      ) : null}
      {result ? (
        <ul className={styles.units} aria-label="Tình trạng từng đơn vị">
          {result.units.map((u) => (
            <li key={u.unit} className={styles.unit}>
              <div className={styles.unitHead}>
                <span className={styles.unitName}>{u.unit}</span>
                <Badge appearance="tint" color={STATUS_COLOR[u.status]}>
                  {u.statusLabel}
                </Badge>
              </div>
              <div className={styles.small}>{u.message}</div>
              {u.files.length > 1 || u.files.some((f) => f.reason) ? (
                <ul className={styles.list}>
                  {u.files.map((f) => (
                    <li key={f.file} className={styles.small}>
                      {f.file}
                      {f.reason ? `: ${f.reason}` : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {download?.error ? <Problem error={download.error} /> : null}
    </section>
  );
}
