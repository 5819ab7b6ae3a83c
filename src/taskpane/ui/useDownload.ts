/** "Tải về (.xlsx)" in standalone mode: builds the workbook (xlsx code loaded on demand) and saves it. */
import { useCallback, useState } from "react";
import type { Backend, PaneError } from "../backend";
import { asPaneError } from "./Problem";

export interface DownloadAction {
  run: () => void;
  busy: boolean;
  error?: PaneError;
  /** File name of the last download. */
  saved?: string;
}

export function useDownload(backend: Backend): DownloadAction | undefined {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PaneError>();
  const [saved, setSaved] = useState<string>();
  const run = useCallback(() => {
    if (!backend.download) return;
    setBusy(true);
    setError(undefined);
    void (async () => {
      try {
        const { bytes, fileName } = await backend.download!();
        const { saveBytes } = await import(/* webpackChunkName: "workspace-io" */ "../workspace-io");
        saveBytes(bytes, fileName);
        setSaved(fileName);
      } catch (e) {
        setError(asPaneError(e));
      } finally {
        setBusy(false);
      }
    })();
  }, [backend]);
  if (!backend.download) return undefined;
  return { run, busy, ...(error ? { error } : {}), ...(saved ? { saved } : {}) };
}
