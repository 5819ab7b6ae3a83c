/**
 * «Tải bộ tệp ví dụ» in the help of Tổng hợp: saves one .xlsx with three communes' filled Phụ lục 3
 * (one with a deliberate mistake) to try Kiểm tra, Tổng hợp and Chỉ tiêu. The example and the xlsx
 * code are loaded with import() only when the button is pressed.
 */
import { Button, Spinner } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { PaneError } from "../backend";
import { asPaneError, Problem } from "./Problem";

export function ExampleDownload({ excel }: { excel: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PaneError>();
  const [saved, setSaved] = useState<string>();
  const run = useCallback(() => {
    setBusy(true);
    setError(undefined);
    void (async () => {
      try {
        const { exampleWorkbook, EXAMPLE_FILE } = await import(/* webpackChunkName: "workspace-io" */ "../example");
        const { saveBytes } = await import(/* webpackChunkName: "workspace-io" */ "../workspace-io");
        saveBytes(await exampleWorkbook(), EXAMPLE_FILE);
        setSaved(EXAMPLE_FILE);
      } catch (e) {
        setError(asPaneError(e));
      } finally {
        setBusy(false);
      }
    })();
  }, []);
  return (
    <div>
      <p>
        Muốn thử trước? Bộ tệp ví dụ là một tệp .xlsx có Phụ lục 3 (cấp xã) của ba xã, mỗi xã một trang tính; một xã cố ý ghi sai «abc»
        thay cho «Đạt/Không đạt».{" "}
        {excel
          ? "Mở tệp trong Excel, chép ba trang tính vào sổ làm việc này (chuột phải vào tên trang → Di chuyển hoặc Sao chép), rồi chạy Kiểm tra, Tổng hợp (đánh dấu ba trang tính của ba xã) và Chỉ tiêu."
          : "Mở tệp bằng «Mở tệp…», rồi chạy Kiểm tra, Tổng hợp (đánh dấu ba trang tính của ba xã) và Chỉ tiêu."}
      </p>
      <Button
        size="small"
        icon={busy ? <Spinner size="tiny" /> : undefined}
        disabled={busy}
        onClick={run}
      >
        Tải bộ tệp ví dụ
      </Button>
      {saved ? <p role="status">Đã tải về «{saved}».</p> : null}
      {error ? <Problem error={error} /> : null}
    </div>
  );
}
