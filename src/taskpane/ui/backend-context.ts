/** The pane's backend, for components deep in a view that need it without a prop (the help's «Kiểm tra môi trường»). */
import { createContext, useContext } from "react";
import type { Backend } from "../backend";

export const BackendContext = createContext<Backend | undefined>(undefined);

export function useBackend(): Backend | undefined {
  return useContext(BackendContext);
}
