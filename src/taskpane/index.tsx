/**
 * Task pane entry: guards against office.js's side effects in a plain browser, decides the
 * backend (Excel, or standalone when there is no Office host, office.js could not load, or
 * Office.onReady does not answer within 3 s), then renders the pane.
 */
import { createRoot } from "react-dom/client";
import { boot, installOfficeGuards } from "./boot";
import { App } from "./ui/App";
import { BackendContext } from "./ui/backend-context";

installOfficeGuards();

async function start(): Promise<void> {
  const root = document.getElementById("root");
  if (!root) return;
  const { backend, reason, officeTheme } = await boot();
  document.documentElement.dataset.cchcMode = backend.kind;
  createRoot(root).render(
    <BackendContext.Provider value={backend}>
      <App backend={backend} reason={reason} officeTheme={officeTheme} />
    </BackendContext.Provider>,
  );
}

void start();
