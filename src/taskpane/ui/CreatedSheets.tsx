/** The result of a step that wrote sheets: what it made, the sheet names, and «Tải về (.xlsx)» outside Excel. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { DownloadAction } from "./useDownload";

const useStyles = makeStyles({
  sheets: { margin: "4px 0 0", paddingLeft: "20px" },
});

export function CreatedSheets({
  intent,
  title,
  children,
  sheets,
  download,
}: {
  intent: "success" | "warning";
  title: ReactNode;
  /** Said after the title, before the list. */
  children?: ReactNode;
  sheets: readonly { name: string }[];
  download: DownloadAction | undefined;
}) {
  const styles = useStyles();
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
        <ul className={styles.sheets} aria-label="Trang tính đã tạo">
          {sheets.map((s) => (
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
  );
}
