/**
 * Where the pane's read workers come from: Web Workers from what the page offers (the <meta> tag
 * of the task pane, or the inlined worker of a page that has no separate files — see
 * xlsx/browser-pool). A host without Web Workers (the pane's tests in Node) provides its own
 * pool with `provideReadPool`.
 */
import type { Budget } from "../xlsx/limits";
import type { ReadPool } from "../xlsx/pool";
import { PaneError } from "./backend";

export type ReadPoolFactory = (files: number, budget?: Partial<Budget>) => ReadPool | Promise<ReadPool>;

let provided: ReadPoolFactory | undefined;

export function provideReadPool(factory: ReadPoolFactory | undefined): void {
  provided = factory;
}

export async function readPool(files: number, budget?: Partial<Budget>): Promise<ReadPool> {
  if (provided) return provided(files, budget);
  const { createBrowserReadPool, pageWorkerSource } = await import(/* webpackChunkName: "read-pool" */ "../xlsx/browser-pool");
  const from = pageWorkerSource();
  if (!from)
    throw new PaneError(
      "Trang này thiếu bộ đọc tệp (read-worker).",
      "Hãy tải lại trang; nếu vẫn lỗi, báo cho người quản trị cài đặt phần bổ trợ.",
      "no <meta name=cchc-read-worker> and no window.CCHC_READ_WORKER",
    );
  return createBrowserReadPool(from, { files, ...(budget ? { budget } : {}) });
}
