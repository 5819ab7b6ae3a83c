/**
 * "Kiểm tra": reads every sheet, recognises the appendices and validates them; issues grouped by
 * sheet with counts of errors and warnings, errors first, a sheet's blank rows folded into one
 * warning that expands, long labels shortened (the full message in a tooltip, read out as the
 * item's description); clicking an issue selects its cell. Issues about a whole sheet are plain
 * text, not disabled buttons (which would be low-contrast grey). In Excel the checked sheets are
 * then watched: the list refreshes itself as the user corrects them.
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
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { briefMessage, groupIssues, localMessage, shortenedQuotes, type IssueGroup } from "../../core/issue-groups";
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
  plain: { display: "block", padding: "6px 8px", borderRadius: tokens.borderRadiusMedium, ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  issueText: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0, whiteSpace: "normal", wordBreak: "break-word" },
  issueHead: { display: "flex", gap: "6px", alignItems: "center" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  folded: { "& .fui-AccordionHeader__button": { minHeight: "auto", padding: "6px 8px", alignItems: "flex-start", whiteSpace: "normal", textAlign: "left" } },
  foldedPanel: { margin: "0 0 0 12px" },
  tooltip: { maxWidth: "280px", whiteSpace: "normal", wordBreak: "break-word" },
});

function severityName(i: Issue): string {
  return i.severity === "error" ? "Lỗi" : "Cảnh báo";
}

/**
 * What the item shows under its badge and cell: the message without the sheet it is listed under,
 * long labels shortened; "(dòng «…», cột «…»): …" reads "Dòng «…», cột «…»: …".
 */
function shownText(issue: Issue): string {
  const text = localMessage({ ...issue, message: briefMessage(issue.message) }).replace(/^[\s:]+/, "");
  const where = /^\((.*?)\):\s*/.exec(text);
  return where ? `${where[1].charAt(0).toLocaleUpperCase("vi")}${where[1].slice(1)}: ${text.slice(where[0].length)}` : text;
}

/** Badge, where, text: "Lỗi tại ô C10: …" for a screen reader (the visible text, plus hidden words). */
function IssueBody({ issue }: { issue: Issue }) {
  const styles = useStyles();
  return (
    <span className={styles.issueText}>
      <span className={styles.issueHead}>
        <Badge size="small" appearance="filled" color={issue.severity === "error" ? "danger" : "warning"}>
          {severityName(issue)}
        </Badge>
        <span className={styles.hidden}>{issue.cell ? " tại ô " : " trên cả trang"}</span>
        <span className={styles.cell}>{issue.cell}</span>
        <span className={styles.hidden}>: </span>
      </span>
      <span>{shownText(issue)}</span>
    </span>
  );
}

/**
 * One issue: a button that selects its cell, or plain text for an issue about the whole sheet.
 * When labels were shortened, their full text is a tooltip (below the item, so it never hides the
 * steps) and the item's description for a screen reader.
 */
function IssueItem({ issue, onSelect }: { issue: Issue; onSelect: (i: Issue) => void }) {
  const styles = useStyles();
  const full = shortenedQuotes(issue.message);
  const item = issue.cell ? (
    <Button appearance="subtle" className={styles.issue} onClick={() => onSelect(issue)}>
      <IssueBody issue={issue} />
    </Button>
  ) : (
    <div className={styles.plain} tabIndex={full.length ? 0 : undefined}>
      <IssueBody issue={issue} />
    </div>
  );
  if (!full.length) return item;
  return (
    <Tooltip content={{ children: full.map((t) => `«${t}»`).join(" "), className: styles.tooltip }} relationship="description" positioning="below" withArrow>
      {item}
    </Tooltip>
  );
}

/** A sheet's blank rows as one warning that expands to the rows, each selectable. */
function FoldedRows({ group, onSelect }: { group: IssueGroup; onSelect: (i: Issue) => void }) {
  const styles = useStyles();
  return (
    <Accordion collapsible className={styles.folded}>
      <AccordionItem value="rows">
        <AccordionHeader size="small" expandIconPosition="end">
          <span className={styles.issueText}>
            <span className={styles.issueHead}>
              <Badge size="small" appearance="filled" color="warning">
                Cảnh báo
              </Badge>
              <span className={styles.hidden}>: </span>
            </span>
            <span>{group.summary}</span>
          </span>
        </AccordionHeader>
        <AccordionPanel className={styles.foldedPanel}>
          <ul className={styles.issues} aria-label={group.summary}>
            {group.issues.map((issue, k) => (
              <li key={`${issue.cell}:${k}`}>
                <IssueItem issue={issue} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

function SheetIssues({ sheet, onSelect }: { sheet: CheckedSheet; onSelect: (i: Issue) => void }) {
  const styles = useStyles();
  const [limit, setLimit] = useState(PAGE);
  const groups = useMemo(() => groupIssues(sheet.issues), [sheet.issues]);
  return (
    <>
      {sheet.formName ? <span className={styles.formName}>{sheet.formName}</span> : null}
      {sheet.status === "unrecognised" && sheet.reason ? <span className={styles.formName}>Không nhận ra phụ lục: {sheet.reason}</span> : null}
      {sheet.status === "recognised" && sheet.issues.length === 0 ? <Text>Không thấy lỗi nào trong trang này.</Text> : null}
      <ul className={styles.issues} aria-label={`Lỗi và cảnh báo của trang «${sheet.sheet}»`}>
        {groups.slice(0, limit).map((g, k) => (
          <li key={`${g.kind}:${g.issues[0].cell}:${g.issues[0].code}:${k}`}>
            {g.kind === "blank-rows" ? <FoldedRows group={g} onSelect={onSelect} /> : <IssueItem issue={g.issues[0]} onSelect={onSelect} />}
          </li>
        ))}
      </ul>
      {groups.length > limit ? (
        <Button size="small" appearance="secondary" onClick={() => setLimit((l) => l + PAGE)}>
          Xem thêm ({groups.length - limit} mục nữa)
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
