/**
 * "Tổng hợp": pick the files received from the units below, consolidate them into new sheets
 * (status of every unit, one rollup and one detail sheet per form). Long work shows a progress
 * bar and the file being read, can be cancelled, and never freezes the pane.
 */
import {
  Badge,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Backend, FileStatus, RollupOutcome, RollupProgress } from "../backend";
import { PaneError } from "../backend";
import { Help } from "./Help";
import { asPaneError, Problem } from "./Problem";
import { useDownload } from "./useDownload";

const ACCEPT =
  ".xlsx,.xlsm,.xls,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet";

const STATUS_COLOR: Record<FileStatus, "success" | "danger" | "warning" | "informative" | "subtle"> = {
  ok: "success",
  invalid: "warning",
  unreadable: "danger",
  unrecognised: "danger",
  duplicate: "informative",
  missing: "subtle",
};

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: "12px" },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", gap: "8px", alignItems: "center" },
  hiddenInput: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  files: { margin: 0, paddingLeft: "20px", maxHeight: "160px", overflowY: "auto", fontSize: tokens.fontSizeBase200, wordBreak: "break-all" },
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

export function RollupView({ backend }: { backend: Backend }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [unit, setUnit] = useState("");
  const [period, setPeriod] = useState("");
  const [expected, setExpected] = useState("");
  const [progress, setProgress] = useState<RollupProgress>();
  const [running, setRunning] = useState<AbortController>();
  const [result, setResult] = useState<RollupOutcome>();
  const [error, setError] = useState<PaneError>();
  const download = useDownload(backend);
  const availability = backend.capabilities().rollup;

  function pick(list: FileList | null) {
    if (!list?.length) return;
    // Adding files again keeps the ones already chosen (same name and size: once).
    setFiles((old) => {
      const next = [...old];
      for (const f of Array.from(list)) if (!next.some((o) => o.name === f.name && o.size === f.size)) next.push(f);
      return next;
    });
    if (input.current) input.current.value = "";
  }

  async function run() {
    setError(undefined);
    setResult(undefined);
    if (!files.length) {
      setError(new PaneError("Chưa chọn tệp nào để tổng hợp.", "Hãy bấm «Chọn tệp…» và chọn các tệp báo cáo nhận được (có thể chọn nhiều tệp một lúc)."));
      return;
    }
    const controller = new AbortController();
    setRunning(controller);
    setProgress({ done: 0, total: files.length, file: "" });
    try {
      const inputs = [];
      for (const f of files) inputs.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
      const request = {
        files: inputs,
        unit,
        period,
        expected: expected.split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
      };
      setResult(await backend.rollup(request, setProgress, controller.signal));
    } catch (e) {
      setError(asPaneError(e));
    } finally {
      setRunning(undefined);
      setProgress(undefined);
    }
  }

  const ok = result?.units.filter((u) => u.status === "ok").length ?? 0;

  return (
    <section className={styles.view} aria-labelledby="rollup-heading">
      <h2 id="rollup-heading" className={styles.h2}>
        Tổng hợp
      </h2>
      <Help step="Tổng hợp">
        <ol>
          <li>Bấm «Chọn tệp…» và chọn các tệp báo cáo nhận được từ đơn vị cấp dưới (.xlsx, .xls, .ods), mỗi đơn vị một tệp; có thể chọn nhiều lần.</li>
          <li>Ghi đơn vị tổng hợp và kỳ báo cáo; nếu muốn biết đơn vị nào chưa gửi, dán danh sách đơn vị phải gửi (mỗi dòng một đơn vị).</li>
          <li>Bấm «Tổng hợp». Số lượng được cộng; tỷ lệ được tính lại từ tử số và mẫu số; danh mục dùng chung (như số TTHC cấp xã) không cộng dồn.</li>
        </ol>
        <p>
          Kết quả là các trang tính mới: «TH Đơn vị gửi báo cáo» (tình trạng từng đơn vị), «TH …» (số tổng hợp) và «TH CT …» (chi tiết từng
          đơn vị). Tệp không đọc được, gửi trùng hoặc có lỗi được ghi rõ lý do; các tệp khác vẫn được tổng hợp. Không trang nào bị ghi đè.
        </p>
      </Help>
      {!availability.ready ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{availability.message}</MessageBarBody>
        </MessageBar>
      ) : null}

      <div className={styles.row}>
        <input ref={input} type="file" multiple accept={ACCEPT} className={styles.hiddenInput} tabIndex={-1} aria-hidden="true" onChange={(e) => pick(e.currentTarget.files)} />
        <Button onClick={() => input.current?.click()} disabled={!!running}>
          Chọn tệp…
        </Button>
        {files.length ? (
          <Button appearance="subtle" onClick={() => setFiles([])} disabled={!!running}>
            Bỏ hết
          </Button>
        ) : null}
        <Text size={200} aria-live="polite">
          {files.length ? `Đã chọn ${files.length} tệp` : "Chưa chọn tệp"}
        </Text>
      </div>
      {files.length ? (
        <ul className={styles.files} aria-label="Tệp đã chọn">
          {files.map((f) => (
            <li key={`${f.name}:${f.size}`}>
              {f.name} ({size(f.size)})
            </li>
          ))}
        </ul>
      ) : null}
      <Field label="Đơn vị tổng hợp" hint="Ví dụ: UBND tỉnh Bình Định">
        <Input value={unit} onChange={(_, d) => setUnit(d.value)} />
      </Field>
      <Field label="Kỳ báo cáo">
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
      {running && progress ? (
        <div className={styles.progress}>
          <Field
            label={progress.file ? `Đang đọc tệp ${progress.done + 1}/${progress.total}` : progress.done >= progress.total ? "Đang tổng hợp…" : "Đang chuẩn bị…"}
            hint={progress.file || undefined}
          >
            <ProgressBar value={progress.total ? progress.done / progress.total : 0} max={1} thickness="large" />
          </Field>
        </div>
      ) : null}

      {error ? <Problem error={error} /> : null}
      {result ? (
        <MessageBar intent={ok === result.units.length ? "success" : "warning"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              Đã tổng hợp {result.forms} phụ lục từ {ok}/{result.units.length} đơn vị.
            </MessageBarTitle>
            <ul className={styles.list} aria-label="Trang tính đã tạo">
              {result.sheets.map((s) => (
                <li key={s.name}>«{s.name}»</li>
              ))}
            </ul>
          </MessageBarBody>
          {download ? (
            <MessageBarActions>
              <Button size="small" onClick={download.run} disabled={download.busy}>
                Tải về (.xlsx)
              </Button>
            </MessageBarActions>
          ) : null}
        </MessageBar>
      ) : null}
      {result?.degraded.length ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <ul className={styles.list}>
              {result.degraded.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
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
