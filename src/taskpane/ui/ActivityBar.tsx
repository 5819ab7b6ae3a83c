/**
 * The pane's progress line: what the backend is busy with (reading 40/200 sheets, writing the
 * rollup in parts, waiting for the user to leave cell-edit mode), shown once it has lasted a
 * second — anything quicker needs no progress — and gone when the work ends.
 */
import { Field, ProgressBar } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Activity, Backend } from "../backend";

/** How long work runs before its progress is shown, in ms. */
export const SHOW_AFTER_MS = 1000;

export function ActivityBar({ backend }: { backend: Backend }) {
  const [activity, setActivity] = useState<Activity>();
  const [shown, setShown] = useState(false);

  useEffect(() => {
    if (!backend.onActivity) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = backend.onActivity((next) => {
      setActivity(next);
      if (!next) {
        if (timer) clearTimeout(timer);
        timer = undefined;
        setShown(false);
      } else if (!timer) timer = setTimeout(() => setShown(true), SHOW_AFTER_MS);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [backend]);

  if (!activity || !shown) return null;
  const { label, done, total } = activity;
  return (
    <div role="status" aria-live="polite">
      <Field label={label} validationState="none">
        <ProgressBar value={done !== undefined && total ? done / total : undefined} max={1} aria-label={label} />
      </Field>
    </div>
  );
}
