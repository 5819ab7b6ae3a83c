/** Warnings the steps share: why a step cannot run here, and what a host could not apply. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses } from "@fluentui/react-components";
import type { Availability } from "../backend";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: "20px" },
  afterTitle: { marginTop: "4px" },
});

/** The step's reason for not being available here (nothing when it is). */
export function NotReady({ availability }: { availability: Availability }) {
  if (availability.ready) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{availability.message}</MessageBarBody>
    </MessageBar>
  );
}

/** Notes (Vietnamese), one list item each, under an optional title; nothing when there are none. */
export function Notes({ notes, title }: { notes: readonly string[]; title?: string }) {
  const styles = useStyles();
  if (!notes.length) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        <ul className={mergeClasses(styles.list, title ? styles.afterTitle : undefined)}>
          {notes.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
