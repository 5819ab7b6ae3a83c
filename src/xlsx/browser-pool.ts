/**
 * The read pool in a browser: Web Workers (workerpool), as many as the machine has cores (at most
 * four), each file one task with the budget's time limit; a task past it, or cancelled, has its
 * worker stopped at once. Browsers give a page no control of a worker's memory: there the limits
 * checked before inflating (limits.ts) bound it.
 *
 * One factory for every page that reads received files:
 *   createBrowserReadPool({ url })     the worker script served next to the page (the task pane:
 *                                      webpack's "read-worker" entry, named in a <meta> tag)
 *   createBrowserReadPool({ source })  the worker script's text, inlined in the page (a page that
 *                                      cannot load other files, e.g. a Google Sheets sidebar): run
 *                                      from a Blob URL
 * `pageWorkerSource()` finds which one the page offers.
 */
import workerpool from "workerpool";
import type { Budget } from "./limits";
import { budgetOf, workerCount, type ReadPool } from "./pool-config";

export type WorkerSource = { url: string } | { source: string };

/** Where a page keeps the worker: `window.CCHC_READ_WORKER` (inlined text or URL), else `<meta name="cchc-read-worker">`. */
export function pageWorkerSource(): WorkerSource | undefined {
  const given = (globalThis as { CCHC_READ_WORKER?: WorkerSource }).CCHC_READ_WORKER;
  if (given && (("url" in given && given.url) || ("source" in given && given.source))) return given;
  const meta = typeof document !== "undefined" ? document.querySelector<HTMLMetaElement>('meta[name="cchc-read-worker"]') : null;
  return meta?.content ? { url: new URL(meta.content, document.baseURI).href } : undefined;
}

export interface BrowserPoolOptions {
  budget?: Partial<Budget>;
  files?: number;
  workers?: number;
}

export function createBrowserReadPool(from: WorkerSource, options: BrowserPoolOptions = {}): ReadPool {
  const budget = budgetOf(options.budget);
  const blobUrl = "source" in from ? URL.createObjectURL(new Blob([from.source], { type: "text/javascript" })) : undefined;
  const cores = typeof navigator !== "undefined" && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  const workers = options.workers ?? workerCount(Math.min(4, cores), options.files ?? Infinity);
  const pool = workerpool.pool(blobUrl ?? (from as { url: string }).url, { workerType: "web", maxWorkers: workers, workerTerminateTimeout: 200 });
  return {
    pool,
    budget,
    terminate: async () => {
      await pool.terminate(true);
      if (blobUrl) URL.revokeObjectURL(blobUrl);
    },
  };
}
