/**
 * The short built-in help of a step ("Hướng dẫn"), collapsed by default. Where the backend offers
 * it, the help ends with «Kiểm tra môi trường» (EnvironmentCheck).
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useBackend } from "./backend-context";
import { EnvironmentCheck } from "./EnvironmentCheck";

const useStyles = makeStyles({
  panel: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    "& ol, & ul": { paddingLeft: "20px", marginTop: "4px", marginBottom: "4px" },
    "& li": { marginBottom: "4px" },
    "& p": { marginTop: "4px", marginBottom: "4px" },
  },
});

export function Help({ step, children }: { step: string; children: ReactNode }) {
  const styles = useStyles();
  const backend = useBackend();
  return (
    <Accordion collapsible>
      <AccordionItem value="help">
        <AccordionHeader size="small" button={{ "aria-label": `Hướng dẫn: ${step}` }}>
          Hướng dẫn
        </AccordionHeader>
        <AccordionPanel className={styles.panel}>
          {children}
          {backend ? <EnvironmentCheck backend={backend} /> : null}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
