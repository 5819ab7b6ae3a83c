/**
 * The pane: four steps as tabs (Chèn phụ lục, Kiểm tra, Tổng hợp, Chỉ tiêu), Office's light or
 * dark theme, usable at the task pane's 320 px and by keyboard. In standalone mode the workbook
 * panel (open, download, preview) sits below the steps, or beside them on a wide window.
 */
import {
  Badge,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Title2,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Backend } from "../backend";
import type { BootReason } from "../boot";
import { useDarkMode } from "../theme";
import { ActivityBar } from "./ActivityBar";
import { CheckView } from "./CheckView";
import { InsertView } from "./InsertView";
import { RollupView } from "./RollupView";
import { TargetsView } from "./TargetsView";
import { WorkspacePanel } from "./WorkspacePanel";
import { ACCEPTED_FORMATS } from "../accepted-files";

export type Step = "insert" | "check" | "rollup" | "targets";

const STEPS: { id: Step; label: string }[] = [
  { id: "insert", label: "Chèn phụ lục" },
  { id: "check", label: "Kiểm tra" },
  { id: "rollup", label: "Tổng hợp" },
  { id: "targets", label: "Chỉ tiêu" },
];

const useStyles = makeStyles({
  // The page, not the FluentProvider, fills the window: Fluent gives the provider's classes to the
  // mount node of every portal (tooltips), an absolutely placed layer above the pane, which a
  // min-height and a background would turn into a white sheet covering it.
  page: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxSizing: "border-box",
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: "12px",
    padding: "12px",
    minWidth: "280px",
    "@media (min-width: 960px)": { gridTemplateColumns: "minmax(320px, 460px) minmax(0, 1fr)", alignItems: "start" },
  },
  main: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: "4px" },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  // The four steps stay on one line at the task pane's 320 px and wider: compact tabs (Fluent's small
  // tab is 14 px text with 8 px padding each side). With Segoe UI they fit the Sheets sidebar's
  // 300 px too; Linux's wider fallback font (DejaVu Sans) needs 293 px. Wrapping stays as the last
  // resort for a larger text size.
  tabs: { flexWrap: "wrap", rowGap: "0", marginLeft: "-4px" },
  tab: { paddingLeft: "4px", paddingRight: "4px" },
  tabText: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, paddingLeft: 0, paddingRight: 0 },
  panel: { minWidth: 0 },
  side: { minWidth: 0 },
});

const REASONS: Partial<Record<BootReason, string>> = {
  "no-office":
    "Không tải được thư viện Office (mạng nội bộ hoặc không có Internet), hoặc trang đang mở ngoài Excel: phần mềm chạy ở chế độ trình duyệt. Bạn vẫn chèn, kiểm tra và tải phụ lục về dạng .xlsx được.",
  timeout:
    "Office không phản hồi sau vài giây nên phần mềm chạy ở chế độ trình duyệt. Nếu đang mở trong Excel, hãy đóng rồi mở lại phần bổ trợ.",
  "no-host": `Đang mở ngoài Excel: làm việc trên tệp trong trình duyệt — mở tệp ${ACCEPTED_FORMATS}, chèn phụ lục, kiểm tra, rồi tải về dạng .xlsx.`,
  "other-host": "Phần bổ trợ này dành cho Excel; ở ứng dụng này nó chạy ở chế độ trình duyệt.",
  error: "Office báo lỗi khi khởi động nên phần mềm chạy ở chế độ trình duyệt.",
};

export function App({ backend, reason, officeTheme }: { backend: Backend; reason: BootReason; officeTheme?: { bodyBackgroundColor?: string } }) {
  const dark = useDarkMode(officeTheme);
  const styles = useStyles();
  const [step, setStep] = useState<Step>("insert");
  const note = backend.kind === "standalone" ? REASONS[reason] : undefined;

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang="vi">
      <div className={styles.page}>
        <main className={styles.main}>
          <header className={styles.header}>
            <Title2 as="h1" className={styles.title}>
              CCHC Phụ lục
            </Title2>
            <Badge appearance="tint" color={backend.kind === "standalone" ? "informative" : "brand"}>
              {backend.hostLabel}
            </Badge>
          </header>
          {note ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{note}</MessageBarBody>
            </MessageBar>
          ) : null}
          <ActivityBar backend={backend} />
          <TabList
            className={styles.tabs}
            selectedValue={step}
            onTabSelect={(_, d) => setStep(d.value as Step)}
            aria-label="Các bước"
            size="small"
          >
            {STEPS.map((s) => (
              <Tab key={s.id} value={s.id} id={`tab-${s.id}`} aria-controls={`panel-${s.id}`} className={styles.tab} content={{ className: styles.tabText }}>
                {s.label}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" id={`panel-${step}`} aria-labelledby={`tab-${step}`} className={styles.panel}>
            {step === "insert" ? <InsertView backend={backend} /> : null}
            {step === "check" ? <CheckView backend={backend} /> : null}
            {step === "rollup" ? <RollupView backend={backend} /> : null}
            {step === "targets" ? <TargetsView backend={backend} /> : null}
          </div>
        </main>
        {backend.workspace ? (
          <aside className={styles.side} aria-label="Bảng tính">
            <WorkspacePanel backend={backend} workspace={backend.workspace} />
          </aside>
        ) : null}
      </div>
    </FluentProvider>
  );
}
