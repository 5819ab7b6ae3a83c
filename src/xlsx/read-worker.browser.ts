/**
 * A read worker in the browser (a Web Worker of the pool in browser-pool.ts): fflate inflates.
 * Bundled by webpack as its own file (entry "read-worker"), loaded by URL in the pane or from
 * its inlined text (a Blob URL) where a page cannot load separate scripts.
 */
import workerpool from "workerpool";
import { inflateWithFflate } from "./inflate-fflate";
import { announced, readMethods } from "./worker-methods";

workerpool.worker(announced(readMethods(inflateWithFflate), workerpool.workerEmit));
