/**
 * The read pool in Node: worker processes (workerpool), one per core (`os.availableParallelism()`,
 * less the caller's own when it works meanwhile), each held to the budget's memory and each task
 * to its time limit. Used by the CLI; the pane has browser-pool.ts.
 *
 * Processes, not worker threads: a thread past its `resourceLimits` heap is meant to be stopped
 * alone, but a large enough allocation in it aborts the whole process (nodejs/node#47224, open) —
 * a 17 KB damaged .xls did that to `cchc validate` (SheetJS reading a broken BIFF string; the fuzz
 * suite keeps the file). A child process past its heap limit dies alone: workerpool
 * reports its exit, that file gets its line, and the others go on. Its stderr (V8's trace) is
 * captured, never shown.
 *
 * The memory budget is the worker process's resident memory: V8's heap limit is set below it
 * (limits.ts, heapLimitMb) and, on Linux, the pool watches each worker's resident memory and
 * stops it at the budget (V8 lets a dying worker overshoot its heap limit, and buffers lie
 * outside the heap).
 */
import { existsSync } from "fs";
import { availableParallelism } from "os";
import { join } from "path";
import workerpool from "workerpool";
import { heapLimitMb, type Budget } from "./limits";
import { budgetOf, workerCount, type ReadPool } from "./pool-config";
import { childPids, commandLine, residentKb } from "./proc";

/**
 * The worker's script: compiled JavaScript next to this file (lib/, as installed); when running
 * from the TypeScript sources (jest), a bootstrap that compiles them on the fly (dev only).
 */
function workerScript(): { script: string; args: string[] } {
  const compiled = join(__dirname, "read-worker.node.js");
  if (existsSync(compiled)) return { script: compiled, args: [] };
  return { script: join(__dirname, "..", "..", "scripts", "ts-worker.cjs"), args: [join(__dirname, "read-worker.node.ts")] };
}

export interface NodePoolOptions {
  budget?: Partial<Budget>;
  /** How many files will be read (no more workers than files). */
  files?: number;
  /** Workers; default: the machine's cores (less one with `callerBusy`). */
  workers?: number;
  /**
   * The calling thread has its share of the work while files are read (the rollup validates and
   * reads each report as it arrives): it keeps a core. On two cores two workers contending with
   * the command's thread took 1.13× the time of one worker for 170 reports (README, Benchmarks).
   */
  callerBusy?: boolean;
}

/** Pools made by this process so far (their workers' tag). */
let pools = 0;

/** A pool ready to read; its workers start at once (they load while the files are being read from disk). */
export function createNodeReadPool(options: NodePoolOptions = {}): ReadPool {
  const budget = budgetOf(options.budget);
  const workers = options.workers ?? workerCount(availableParallelism(), options.files ?? Infinity, options.callerBusy ? 1 : 0);
  const { script, args } = workerScript();
  // On each worker's command line, so that this pool's watchdog knows its own workers from those
  // of another pool of the same process (each with its own budget).
  const tag = `--cchc-read-pool=${process.pid}.${++pools}`;
  const pool = workerpool.pool(script, {
    workerType: "process",
    maxWorkers: workers,
    minWorkers: workers,
    // A task cancelled through workerpool (one that never started, past its fallback timeout):
    // its worker, busy in a synchronous parse, cannot clean up, so it is stopped this soon after.
    // A task past its time budget has its worker stopped at once (stopWorker).
    workerTerminateTimeout: 200,
    forkArgs: [...args, tag],
    forkOpts: {
      // Only the heap limit: not the parent's flags (an inspector port, a test runner's options).
      execArgv: heapFlags(budget),
      // Grids and byte arrays cross as V8 serializes them (as between threads), not as JSON.
      serialization: "advanced",
    },
    // The workers' stdout and stderr are piped to the pool (and dropped), so that a worker that
    // dies prints nothing on the command's stderr.
    emitStdStreams: true,
  });
  const unwatch = watchResidentMemory(tag, budget);
  return {
    pool,
    budget,
    terminate: async () => {
      unwatch();
      await pool.terminate(true);
    },
    // As the memory watchdog does: the pool sees the process die, reports its task, and pool.ts
    // moves the queue on. On Linux only a process of this pool is stopped (a pid reused since is not).
    stopWorker: (pid) => {
      if (process.platform === "linux" && !commandLine(pid).split("\0").includes(tag)) return;
      kill(pid);
    },
  };
}

function kill(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    /* it ended meanwhile */
  }
}

/** Young generation: three semi-spaces (a smaller one, as V8 derives from --max-heap-size alone, parses slower). */
const SEMI_SPACE_MB = 8;

/**
 * V8's flags for a worker's heap limit (limits.ts, heapLimitMb): the old and young generations
 * named one by one, so that they also override a user's NODE_OPTIONS=--max-old-space-size (which
 * would win over --max-heap-size).
 */
export function heapFlags(budget: Budget): string[] {
  const heap = heapLimitMb(budget.memoryMb);
  return [`--max-semi-space-size=${SEMI_SPACE_MB}`, `--max-old-space-size=${Math.max(16, heap - 3 * SEMI_SPACE_MB)}`];
}

/**
 * Linux: every 25 ms, a worker process of this pool (its command line carries the pool's `tag`) resident
 * past the budget is stopped (SIGKILL; pool.ts reports it as over the memory budget). Often
 * enough that a parse allocating fast overshoots it by a few MB (checked every 50 ms, a worker
 * within 128 MB reached 157 MB), rarely enough to cost the command 1-2 % of a core while
 * files are read; a worker's command line is read once. Elsewhere the heap limit alone bounds a
 * worker.
 */
function watchResidentMemory(tag: string, budget: Budget): () => void {
  if (process.platform !== "linux") return () => undefined;
  const limitKb = budget.memoryMb * 1024;
  // Workers seen: a command line names the script only once the new process has started Node.
  const ours = new Set<number>();
  const timer = setInterval(() => {
    const pids = childPids(process.pid);
    for (const pid of ours) if (!pids.includes(pid)) ours.delete(pid);
    for (const pid of pids) {
      if (!ours.has(pid) && commandLine(pid).split("\0").includes(tag)) ours.add(pid);
      if (ours.has(pid) && residentKb(pid) > limitKb) kill(pid);
    }
  }, 25);
  timer.unref();
  return () => clearInterval(timer);
}

/** Runs `work` with a pool, and stops the pool afterwards whatever happens. */
export async function withNodeReadPool<T>(options: NodePoolOptions, work: (pool: ReadPool) => Promise<T>): Promise<T> {
  const pool = createNodeReadPool(options);
  try {
    return await work(pool);
  } finally {
    await pool.terminate();
  }
}
