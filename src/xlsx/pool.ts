/**
 * Received files are read in a pool of workers (workerpool: worker threads in Node, Web Workers
 * in browsers; node-pool.ts and browser-pool.ts create one). Each file is one task with the
 * budget's time limit — past it, or past the memory limit (Node), its worker is stopped and the
 * file is one "unreadable" line with a reason that says what to do; the other files go on. The
 * pool runs as many files at once as it has workers (the machine's cores), so isolation also buys
 * speed. Environment-neutral: no DOM, no Node API.
 */
import type { Form } from "../catalog/schema";
import { checkSource, type ReceivedSource } from "../core/units";
import type { Budget } from "./limits";
import type { ReadPool } from "./pool-config";
import { programOf, REASONS, type Program, type ReadResult } from "./read-reasons";
import { bodyOf, fromWire, unreadable, type ReceivedFile, type WireSource } from "./wire";
import { isStarted, type Analysis, type ReadMethods } from "./worker-methods";

export { budgetOf, workerCount, type ReadPool } from "./pool-config";

/** What became of a file, reported as progress: "reading" when a worker starts on it, the source's outcome after. */
export type FileProgress = "reading" | ReceivedSource["outcome"];

/** Thrown when the AbortSignal fires (name "AbortError", as fetch does). */
export class ReadCancelled extends Error {
  override name = "AbortError";
  constructor() {
    super("Đã huỷ việc đọc các tệp nhận được.");
  }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string; cancelled?: boolean };

/** Why a task failed, in Vietnamese (what to do in `program`); `cancelled` when the user cancelled it. */
function failure(error: unknown, budget: Budget, program: Program): Outcome<never> {
  const e = error as { name?: string; message?: string; code?: string };
  const text = `${e?.name ?? ""} ${e?.message ?? String(error)} ${e?.code ?? ""}`;
  if (e?.name === "TimeoutError" || /timeout exceeded/i.test(text)) return { ok: false, reason: REASONS.overTime(budget.seconds, program) };
  if (e?.name === "CancellationError") return { ok: false, reason: "", cancelled: true };
  if (/out of memory|ERR_WORKER_OUT_OF_MEMORY|heap limit/i.test(text)) return { ok: false, reason: REASONS.overMemory(budget.memoryMb, program) };
  // A worker process that died: past its heap limit V8 aborts it (SIGABRT, exit code 134); past
  // its resident budget the pool stops it, as the system does when memory runs out (SIGKILL).
  if (workerDied(error))
    return /SIGABRT|SIGKILL|exitCode: `134`/.test(text)
      ? { ok: false, reason: REASONS.overMemory(budget.memoryMb, program) }
      : { ok: false, reason: REASONS.crashed("chương trình đọc tệp dừng đột ngột", program) };
  return { ok: false, reason: REASONS.crashed((e?.message ?? String(error)).split("\n")[0].slice(0, 200), program) };
}

/** workerpool's error for a task whose worker process died (or was stopped from outside). */
function workerDied(error: unknown): boolean {
  return /terminated unexpectedly/i.test(String((error as Error)?.message ?? error));
}

/**
 * After a worker process dies (past its memory budget: stopped by the watchdog, or by V8 past its
 * heap; past its time: stopped by `run`), workerpool starts another at once but sends it the files
 * still queued only once it has cleaned up the dead one — which never happens for a process killed
 * from outside: with a single worker (a rollup on one or two cores) the command waited for ever.
 * The dead worker is already out of the pool's list by then, and a new task makes the pool look
 * for a free worker: one that does nothing is sent.
 */
function moveQueueOn(readPool: ReadPool): void {
  try {
    readPool.pool.exec("ready", []).catch(() => undefined);
  } catch {
    /* the pool was terminated meanwhile */
  }
}

/**
 * Runs one method of the read workers on one file within the budget. `onStart` is called when a
 * worker takes the file; `signal` cancels it (its worker is stopped if it is running).
 */
async function run<K extends keyof ReadMethods>(
  readPool: ReadPool,
  method: K,
  args: Parameters<ReadMethods[K]>,
  onStart?: () => void,
  signal?: AbortSignal,
): Promise<Outcome<ReturnType<ReadMethods[K]>>> {
  if (signal?.aborted) return { ok: false, reason: "", cancelled: true };
  const program = programOf(args[1]);
  // The time budget runs from when a worker starts on the file (not while it waits in the queue
  // or while a new worker loads); a worker that never starts is given up a while later.
  let overTime = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let workerPid: number | undefined;
  const task = readPool.pool.exec(method, args, {
    on: (payload: unknown) => {
      if (!isStarted(payload)) return;
      workerPid = payload.pid;
      onStart?.();
      timer = setTimeout(() => {
        overTime = true;
        stop();
      }, readPool.budget.seconds * 1000);
    },
  });
  task.timeout(readPool.budget.seconds * 1000 + 60_000);
  // A running task's worker is stopped at once where the pool can (Node: its process, as the
  // memory watchdog does); otherwise, and for a task still queued, workerpool cancels it (a Web
  // Worker is terminated at once). workerpool rethrows a cancellation from the handlers it
  // chained on a running task: the rejection reaches `await task` below all the same.
  const stop = () => {
    if (workerPid !== undefined && readPool.stopWorker) return readPool.stopWorker(workerPid);
    try {
      task.cancel();
    } catch {
      /* reported through the task */
    }
  };
  signal?.addEventListener("abort", stop);
  try {
    return { ok: true, value: (await task) as ReturnType<ReadMethods[K]> };
  } catch (error) {
    if (workerDied(error)) moveQueueOn(readPool);
    if (overTime) return { ok: false, reason: REASONS.overTime(readPool.budget.seconds, program) };
    if (signal?.aborted) return { ok: false, reason: "", cancelled: true };
    return failure(error, readPool.budget, program);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", stop);
  }
}

/**
 * Reads received files into consolidation sources, in the order given, as many at once as the
 * pool has workers: `onProgress(i, n, name, "reading")` when a worker starts on file i (0-based),
 * `onProgress(i, n, name, outcome)` when it is done. A file that cannot be read (or is past its
 * budget) becomes a source with its reason; `signal` cancels everything, mid-file too (throws
 * ReadCancelled).
 */
export async function readReceivedFiles(
  readPool: ReadPool,
  files: readonly ReceivedFile[],
  forms: readonly Form[],
  onProgress?: (index: number, total: number, name: string, status: FileProgress) => void,
  signal?: AbortSignal,
): Promise<ReceivedSource[]> {
  if (signal?.aborted) throw new ReadCancelled();
  const sources = await Promise.all(
    files.map(async (file, i) => {
      const got = await run(readPool, "readReceived", [bodyOf(file), file.name, file.unit], () => onProgress?.(i, files.length, file.name, "reading"), signal);
      if (!got.ok && got.cancelled) return undefined;
      // Validated here as it arrives, while the workers read the other files.
      const source = got.ok ? checkSource(fromWire(got.value as WireSource, forms)) : unreadable(file.name, got.reason, file.unit);
      if (!signal?.aborted) onProgress?.(i, files.length, file.name, source.outcome);
      return source;
    }),
  );
  if (signal?.aborted || sources.some((s) => !s)) throw new ReadCancelled();
  return sources as ReceivedSource[];
}

/** A file's sheets as grids, read in the pool (a failure past the budget is a ReadResult too). */
export async function readGridsIn(readPool: ReadPool, file: ReceivedFile, signal?: AbortSignal): Promise<ReadResult> {
  const got = await run(readPool, "readGrids", [bodyOf(file), file.name], undefined, signal);
  if (got.ok) return got.value;
  if (got.cancelled) throw new ReadCancelled();
  return { ok: false, failure: "over-budget", reason: got.reason };
}

/** A file's sheets recognised and validated in the pool. */
export async function analyseIn(readPool: ReadPool, file: ReceivedFile): Promise<Analysis> {
  const got = await run(readPool, "analyse", [bodyOf(file), file.name]);
  return got.ok ? got.value : { ok: false, failure: "over-budget", reason: got.reason };
}
