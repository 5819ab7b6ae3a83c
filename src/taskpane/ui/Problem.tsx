/** An error shown to the user: what happened, what to do next, and the technical detail. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { PaneError } from "../backend";

const useStyles = makeStyles({
  detail: { display: "block", marginTop: "4px", fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, wordBreak: "break-word" },
  body: { whiteSpace: "normal" },
});

export function asPaneError(error: unknown): PaneError {
  if (error instanceof PaneError) return error;
  return new PaneError(
    "Đã có lỗi ngoài dự kiến.",
    "Hãy thử lại; nếu vẫn lỗi, tải lại trang (F5) và báo cho bộ phận hỗ trợ kèm chi tiết bên dưới.",
    error instanceof Error ? error.message : String(error),
  );
}

export function Problem({ error }: { error: PaneError }) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" politeness="assertive">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{error.title}</MessageBarTitle> {error.next}
        {error.detail ? <small className={styles.detail}>Chi tiết: {error.detail}</small> : null}
      </MessageBarBody>
    </MessageBar>
  );
}
