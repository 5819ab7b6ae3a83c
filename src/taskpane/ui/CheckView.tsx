/**
 * "Kiểm tra": reads every sheet, recognises the appendices and validates them; issues grouped by
 * sheet with counts of errors and warnings; clicking an issue selects its cell. In Excel the
 * checked sheets are then watched: the list refreshes itself as the user corrects them.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Issue } from "../../core/issues";
import type { Backend, CheckReport, CheckedSheet } from "../backend";
import { PaneError } from "../backend";
import { Help } from "./Help";
import { Notes, NotReady } from "./Notes";
import { asPaneError, Problem } from "./Problem";

const PAGE = 40;

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: "12px" },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  sheetHead: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "6px", minWidth: 0 },
  sheetName: { fontWeight: tokens.fontWeightSemibold, wordBreak: "break-word" },
  formName: { display: "block", color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginBottom: "6px" },
  issues: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  issue: {
    width: "100%",
    justifyContent: "flex-start",
    textAlign: "left",
    alignItems: "flex-start",
    fontWeight: tokens.fontWeightRegular,
    padding: "6px 8px",
    height: "auto",
    minWidth: 0,
  },
  issueText: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0, whiteSpace: "normal", wordBreak: "break-word" },
  issueHead: { display: "flex", gap: "6px", alignItems: "center" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

function severityName(i: Issue): string {
  return i.severity === "error" ? "Lỗi" : "Cảnh báo";
}

/** An issue as a button; its accessible name reads "Lỗi tại ô C10: …" (the visible text, plus hidden words). */
function IssueButton({ issue, onSelect }: { issue: Issue; onSelect: (i: Issue) => void }) {
  const styles = useStyles();
  return (
    <Button appearance="subtle" className={styles.issue} onClick={() => onSelect(issue)} disabled={!issue.cell}>
      <span className={styles.issueText}>
        <span className={styles.issueHead}>
          <Badge size="small" appearance="filled" color={issue.severity === "error" ? "danger" : "warning"}>
            {severityName(issue)}
          </Badge>
          <span className={styles.hidden}>{issue.cell ? " tại ô " : " trên cả trang"}</span>
          <span className={styles.cell}>{issue.cell}</span>
          <span className={styles.hidden}>: </span>
        </span>
        <span>{issue.message}</span>
      </span>
    </Button>
  );
}

/** Errors first (they must be fixed), then warnings; each in sheet order. */
function errorsFirst(issues: readonly Issue[]): Issue[] {
  return [...issues.filter((i) => i.severity === "error"), ...issues.filter((i) => i.severity !== "error")];
}

function SheetIssues({ sheet, onSelect }: { sheet: CheckedSheet; onSelect: (i: Issue) => void }) {
  const styles = useStyles();
  const [limit, setLimit] = useState(PAGE);
  const issues = useMemo(() => errorsFirst(sheet.issues), [sheet.issues]);
  return (
    <>
      {sheet.formName ? <span className={styles.formName}>{sheet.formName}</span> : null}
      {sheet.status === "unrecognised" && sheet.reason ? <span className={styles.formName}>Không nhận ra phụ lục: {sheet.reason}</span> : null}
      {sheet.status === "recognised" && sheet.issues.length === 0 ? <Text>Không thấy lỗi nào trong trang này.</Text> : null}
      <ul className={styles.issues}>
        {issues.slice(0, limit).map((issue, k) => (
          <li key={`${issue.cell}:${issue.code}:${k}`}>
            <IssueButton issue={issue} onSelect={onSelect} />
          </li>
        ))}
      </ul>
      {sheet.issues.length > limit ? (
        <Button size="small" appearance="secondary" onClick={() => setLimit((l) => l + PAGE)}>
          Xem thêm ({sheet.issues.length - limit} mục nữa)
        </Button>
      ) : null}
    </>
  );
}

export function CheckView({ backend }: { backend: Backend }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<CheckReport>();
  const [error, setError] = useState<PaneError>();
  const [selectError, setSelectError] = useState<PaneError>();
  const [liveError, setLiveError] = useState<PaneError>();
  const availability = backend.capabilities().check;

  // Excel: a checked sheet that changes is re-validated and the whole report comes again.
  useEffect(
    () =>
      backend.onCheckUpdate?.((update) => {
        if ("report" in update) {
          setReport(update.report);
          setLiveError(undefined);
        } else setLiveError(update.error);
      }),
    [backend],
  );

  async function run() {
    setBusy(true);
    setError(undefined);
    setSelectError(undefined);
    setLiveError(undefined);
    try {
      setReport(await backend.check());
    } catch (e) {
      setError(asPaneError(e));
    } finally {
      setBusy(false);
    }
  }

  async function select(issue: Issue) {
    setSelectError(undefined);
    try {
      await backend.select(issue.sheet, issue.cell);
    } catch (e) {
      setSelectError(asPaneError(e));
    }
  }

  const shownSheets = report?.sheets ?? [];
  const openByDefault = shownSheets.filter((s) => s.issues.length > 0).map((s) => s.sheet);

  return (
    <section className={styles.view} aria-labelledby="check-heading">
      <h2 id="check-heading" className={styles.h2}>
        Kiểm tra
      </h2>
      <Help step="Kiểm tra">
        <ol>
          <li>Điền số liệu vào các phụ lục, rồi bấm «Kiểm tra».</li>
          <li>Lỗi (đỏ) là số liệu chắc chắn sai: chữ trong ô số, tỷ lệ ngoài 0–100, tổng không khớp các mục con… Cảnh báo (vàng) là điều nên xem lại: ô còn trống, cách viết số dễ hiểu nhầm.</li>
          <li>Bấm vào một mục để chọn ô đó, sửa, rồi bấm «Kiểm tra» lại.</li>
        </ol>
        <p>
          Để trống nghĩa là chưa báo cáo (không phải 0); gõ «-» nếu không có số liệu. Số viết kiểu Việt Nam: 1.076 (nghìn), 3,7 (thập phân).
          {backend.kind === "excel" ? " Trong Excel, ô có vấn đề còn được tô màu ngay trên trang tính; định dạng của bạn không bị đổi." : ""}
        </p>
      </Help>
      <NotReady availability={availability} />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={run} disabled={busy || !availability.ready}>
          {busy ? <Spinner size="tiny" label="Đang kiểm tra…" /> : "Kiểm tra"}
        </Button>
      </div>
      {error ? <Problem error={error} /> : null}
      {selectError ? <Problem error={selectError} /> : null}
      {liveError ? <Problem error={liveError} /> : null}
      {report?.live ? (
        <Text size={200} className={styles.muted}>
          Danh sách tự cập nhật khi bạn sửa ô trên các trang đã kiểm tra; bấm «Kiểm tra» để kiểm tra lại cả sổ làm việc.
        </Text>
      ) : null}
      {report ? (
        <div aria-live="polite">
          {shownSheets.length === 0 ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Chưa có phụ lục nào để kiểm tra.</MessageBarTitle> Hãy chèn một phụ lục ở bước «Chèn phụ lục»
                {backend.kind === "standalone" ? " hoặc mở một tệp đã điền" : ""}, rồi kiểm tra lại.
              </MessageBarBody>
            </MessageBar>
          ) : report.errors + report.warnings === 0 ? (
            <MessageBar intent="success">
              <MessageBarBody>
                <MessageBarTitle>Không thấy lỗi hay cảnh báo nào</MessageBarTitle> trong {shownSheets.length} trang tính.
              </MessageBarBody>
            </MessageBar>
          ) : (
            <MessageBar intent={report.errors ? "error" : "warning"} layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>
                  {report.errors} lỗi, {report.warnings} cảnh báo
                </MessageBarTitle>{" "}
                trong {shownSheets.length} trang tính. Bấm vào từng mục để đến ô cần sửa.
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      ) : null}
      {report ? <Notes notes={report.degraded} /> : null}
      {shownSheets.length ? (
        <Accordion multiple collapsible defaultOpenItems={openByDefault} key={report ? JSON.stringify(openByDefault) : "none"}>
          {shownSheets.map((sheet) => (
            <AccordionItem key={sheet.sheet} value={sheet.sheet}>
              <AccordionHeader>
                <span className={styles.sheetHead}>
                  <span className={styles.sheetName}>«{sheet.sheet}»</span>
                  <Badge appearance="tint" color={sheet.errors ? "danger" : "subtle"}>
                    {sheet.errors} lỗi
                  </Badge>
                  <Badge appearance="tint" color={sheet.warnings ? "warning" : "subtle"}>
                    {sheet.warnings} cảnh báo
                  </Badge>
                </span>
              </AccordionHeader>
              <AccordionPanel>
                <SheetIssues sheet={sheet} onSelect={select} />
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      ) : null}
    </section>
  );
}
