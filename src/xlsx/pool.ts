/**
 * Received files are read in a pool of workers (workerpool: worker processes in Node, Web Workers
 * in browsers; node-pool.ts and browser-pool.ts create one). Each file has the budget's time
 * limit from when a worker starts on it — past it, or past the memory limit (Node), its worker is
 * stopped and the file is one "unreadable" line with a reason that says what to do; the other
 * files go on. The pool runs as many files at once as it has workers (the machine's cores), so
 * isolation also buys speed. Environment-neutral: no DOM, no Node API.
 */
import type { Form } from "../catalog/schema";
import { checkSource, type ReceivedSource } from "../core/units";
import type { Budget } from "./limits";
import type { ReadPool } from "./pool-config";
import { programOf, REASONS, type Program, type ReadResult } from "./read-reasons";
import { bodyOf, fromWire, unreadable, type ReceivedFile, type WireSource } from "./wire";
import { isFinished, isStarted, type Analysis, type Finished, type RunItem, type Started, type WorkerApi } from "./worker-methods";

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
 * The time budget of the file a worker is on, and how to stop that worker: at once where the pool
 * can (Node: its process, as the memory watchdog does), else through workerpool (a Web Worker is
 * terminated at once; a task still queued is dropped). `signal` (the user cancelling) stops it too.
 */
class FileClock {
  overTime = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pid: number | undefined;
  private task: { cancel(): unknown } | undefined;
  readonly stop = () => {
    if (this.pid !== undefined && this.readPool.stopWorker) return this.readPool.stopWorker(this.pid);
    try {
      this.task?.cancel();
    } catch {
      /* workerpool rethrows a cancellation from the handlers it chained: the task reports it all the same */
    }
  };

  constructor(
    private readonly readPool: ReadPool,
    private readonly signal?: AbortSignal,
  ) {
    signal?.addEventListener("abort", this.stop);
  }

  /** The task to cancel when the worker cannot be stopped by its pid. */
  watch(task: { cancel(): unknown }): void {
    this.task = task;
  }

  /** A worker started on a file: its time runs from now. */
  started(event: Started): void {
    clearTimeout(this.timer);
    this.pid = event.pid;
    this.timer = setTimeout(() => {
      this.overTime = true;
      this.stop();
    }, this.readPool.budget.seconds * 1000);
  }

  /** The file is done: its time stops. */
  finished(): void {
    clearTimeout(this.timer);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener("abort", this.stop);
  }

  /** What a failed task means for the file the worker was on (and moves the pool's queue on after a worker died). */
  failed(error: unknown, program: Program): Outcome<never> {
    if (workerDied(error)) moveQueueOn(this.readPool);
    if (this.overTime) return { ok: false, reason: REASONS.overTime(this.readPool.budget.seconds, program) };
    if (this.signal?.aborted) return { ok: false, reason: "", cancelled: true };
    return failure(error, this.readPool.budget, program);
  }
}

/** Past the budget's time a worker that never announced a file is given up too (one still loading, or stuck). */
const startGraceMs = 60_000;

/** Runs one method of the read workers on one file within the budget; `signal` cancels it (its worker is stopped if it is running). */
async function run<K extends "readGrids" | "analyse">(
  readPool: ReadPool,
  method: K,
  args: Parameters<WorkerApi[K]>,
  signal?: AbortSignal,
): Promise<Outcome<ReturnType<WorkerApi[K]>>> {
  if (signal?.aborted) return { ok: false, reason: "", cancelled: true };
  const clock = new FileClock(readPool, signal);
  const task = readPool.pool.exec(method, args, { on: (payload: unknown) => isStarted(payload) && clock.started(payload) });
  clock.watch(task);
  task.timeout(readPool.budget.seconds * 1000 + startGraceMs);
  try {
    return { ok: true, value: (await task) as ReturnType<WorkerApi[K]> };
  } catch (error) {
    return clock.failed(error, programOf(args[1]));
  } finally {
    clock.dispose();
  }
}

/**
 * Files read one after another in one task make a run: the worker sends each file's source back
 * as soon as it has read it and goes straight on to the next, instead of waiting for the pool to
 * send it the next file — on two cores, with one worker and the command's thread validating, that
 * wait was a fifth of the worker's time. With several workers each has four runs, so that the
 * files spread over them however their sizes differ; a single worker reads them in one. A run's
 * bytes are bounded: a browser copies them to the worker when the run starts.
 */
const RUNS_PER_WORKER = 4;
const RUN_BYTES = 8 * 1024 * 1024;

/** The files split into runs of consecutive indexes. */
function runsOf(files: readonly ReceivedFile[], workers: number): number[][] {
  const most = Math.max(1, Math.ceil(files.length / (workers > 1 ? workers * RUNS_PER_WORKER : 1)));
  const runs: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  files.forEach((file, i) => {
    const size = "bytes" in file ? file.bytes.length : 0;
    if (current.length && (current.length >= most || bytes + size > RUN_BYTES)) {
      runs.push(current);
      current = [];
      bytes = 0;
    }
    current.push(i);
    bytes += size;
  });
  if (current.length) runs.push(current);
  return runs;
}

/**
 * Reads a run of files (indexes into `files`), settling each file's outcome as the worker sends
 * it. When the worker is stopped (past a budget) or dies on a file, that file gets its reason —
 * after one more try if the process died — and the files after it are read in a new task; the
 * user cancelling settles the rest as cancelled.
 */
async function readRun(
  readPool: ReadPool,
  files: readonly ReceivedFile[],
  run: readonly number[],
  settle: (index: number, outcome: Outcome<WireSource>) => void,
  onStart: (index: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  let rest = run;
  const retried = new Set<number>();
  while (rest.length) {
    if (signal?.aborted) return rest.forEach((i) => settle(i, { ok: false, reason: "", cancelled: true }));
    const items: RunItem[] = rest.map((i) => [bodyOf(files[i]), files[i].name, files[i].unit]);
    const clock = new FileClock(readPool, signal);
    let current = -1; // the position in `rest` of the file the worker is on
    let done = 0; // how many of `rest` are settled
    const started = (event: Started) => {
      current = event.index ?? 0;
      clock.started(event);
      onStart(rest[current]);
    };
    const on = (payload: unknown) => {
      if (isStarted(payload)) started(payload);
      else if (isFinished(payload)) {
        clock.finished();
        settle(rest[payload.finished], finishedOutcome(payload, readPool.budget, programOf(items[payload.finished][1])));
        done = payload.finished + 1;
        current = -1;
        if (payload.next) started(payload.next);
      }
    };
    const task = readPool.pool.exec("readReceivedRun", [items], { on });
    clock.watch(task);
    task.timeout(items.length * readPool.budget.seconds * 1000 + startGraceMs);
    try {
      await task;
      rest = rest.slice(done); // (none: each file was sent back before the task ended)
      rest.forEach((i) => settle(i, { ok: false, reason: REASONS.crashed("chương trình đọc tệp không trả kết quả", programOf(files[i].name)) }));
      return;
    } catch (error) {
      // The file the worker was on is the one that failed; none announced (a worker stopped
      // between files, or that never started): the next one, so that every task settles a file.
      const failedAt = current >= 0 ? current : done;
      const outcome = clock.failed(error, programOf(items[failedAt]?.[1] ?? ""));
      if (!outcome.ok && outcome.cancelled) return rest.slice(done).forEach((i) => settle(i, outcome));
      // A worker process that died on a file (past its memory, or a crash) gets that file once
      // more, in a fresh process, before the file is given the reason: a result the worker sent
      // just before it died is lost with its task (workerpool acts on the exit before it reads
      // what is left in the pipe), and what a long run left in a worker's memory counts against
      // the budget too. Not a file past its time: its own clock ran out.
      if (failedAt < rest.length && workerDied(error) && !clock.overTime && !retried.has(rest[failedAt])) {
        retried.add(rest[failedAt]);
        rest = rest.slice(failedAt);
        continue;
      }
      if (failedAt < rest.length) settle(rest[failedAt], outcome);
      rest = rest.slice(failedAt + 1);
    } finally {
      clock.dispose();
    }
  }
}

function finishedOutcome(event: Finished, budget: Budget, program: Program): Outcome<WireSource> {
  return event.value ? { ok: true, value: event.value } : failure(event.error ?? new Error("no result"), budget, program);
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
  const outcomes = files.map(() => deferred<Outcome<WireSource>>());
  const runs = runsOf(files, readPool.pool.maxWorkers ?? 1);
  const reading = runs.map((r) =>
    readRun(readPool, files, r, (i, outcome) => outcomes[i].resolve(outcome), (i) => onProgress?.(i, files.length, files[i].name, "reading"), signal).catch((error: unknown) =>
      // Not expected (the pool terminated under it): each file of the run not yet settled gets the reason.
      r.forEach((i) => outcomes[i].resolve(failure(error, readPool.budget, programOf(files[i].name)))),
    ),
  );
  const sources = await Promise.all(
    files.map(async (file, i) => {
      const got = await outcomes[i].promise;
      if (!got.ok && got.cancelled) return undefined;
      // Validated here as it arrives, while the workers read the other files.
      const source = got.ok ? checkSource(fromWire(got.value, forms)) : unreadable(file.name, got.reason, file.unit);
      if (!signal?.aborted) onProgress?.(i, files.length, file.name, source.outcome);
      return source;
    }),
  );
  await Promise.all(reading);
  if (signal?.aborted || sources.some((s) => !s)) throw new ReadCancelled();
  return sources as ReceivedSource[];
}

/** A promise with its resolve function (a file's outcome, settled by its run). A second resolve is ignored. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A file's sheets as grids, read in the pool (a failure past the budget is a ReadResult too). */
export async function readGridsIn(readPool: ReadPool, file: ReceivedFile, signal?: AbortSignal): Promise<ReadResult> {
  const got = await run(readPool, "readGrids", [bodyOf(file), file.name], signal);
  if (got.ok) return got.value;
  if (got.cancelled) throw new ReadCancelled();
  return { ok: false, failure: "over-budget", reason: got.reason };
}

/** A file's sheets recognised and validated in the pool. */
export async function analyseIn(readPool: ReadPool, file: ReceivedFile): Promise<Analysis> {
  const got = await run(readPool, "analyse", [bodyOf(file), file.name]);
  return got.ok ? got.value : { ok: false, failure: "over-budget", reason: got.reason };
}
