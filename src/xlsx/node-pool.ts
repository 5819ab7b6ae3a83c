/**
 * The read pool in Node: worker processes (workerpool), one per core (`os.availableParallelism()`),
 * each with the budget's heap limit and each task with its time limit. Used by the CLI; the pane
 * has browser-pool.ts.
 *
 * Processes, not worker threads: a thread past its `resourceLimits` heap is meant to be stopped
 * alone, but a large enough allocation in it aborts the whole process (nodejs/node#47224, open) —
 * a 17 KB damaged .xls did that to `cchc validate` (SheetJS reading a broken BIFF string; the fuzz
 * suite keeps the file). A child process past its `--max-old-space-size` dies alone: workerpool
 * reports its exit, that file gets its line, and the others go on. Its stderr (V8's trace) is
 * captured, never shown. On Linux the pool also watches its workers' resident memory: V8 lets a
 * dying worker reach about twice its heap limit.
 */
import { existsSync } from "fs";
import { availableParallelism } from "os";
import { join } from "path";
import workerpool from "workerpool";
import { WORKER_OVERHEAD_MB, type Budget } from "./limits";
import { budgetOf, workerCount, type ReadPool } from "./pool";
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
  /** Workers; default: the machine's cores. */
  workers?: number;
}

/** A pool ready to read; its workers start at once (they load while the files are being read from disk). */
export function createNodeReadPool(options: NodePoolOptions = {}): ReadPool {
  const budget = budgetOf(options.budget);
  const workers = options.workers ?? workerCount(availableParallelism(), options.files ?? Infinity);
  const { script, args } = workerScript();
  const pool = workerpool.pool(script, {
    workerType: "process",
    maxWorkers: workers,
    minWorkers: workers,
    // A task past its time is cancelled; its worker, busy in a synchronous parse, cannot clean
    // up, so it is stopped this soon after.
    workerTerminateTimeout: 200,
    forkArgs: args,
    forkOpts: {
      // Only the heap limit: not the parent's flags (an inspector port, a test runner's options).
      execArgv: [`--max-old-space-size=${budget.memoryMb}`],
      // Grids and byte arrays cross as V8 serializes them (as between threads), not as JSON.
      serialization: "advanced",
    },
    // The workers' stdout and stderr are piped to the pool (and dropped), so that a worker that
    // dies prints nothing on the command's stderr.
    emitStdStreams: true,
  });
  const unwatch = watchResidentMemory(script, budget);
  return {
    pool,
    budget,
    terminate: async () => {
      unwatch();
      await pool.terminate(true);
    },
  };
}

/**
 * Linux: every 100 ms, a worker process of this pool (its command line names `script`) resident
 * past the budget and its overhead is stopped (SIGKILL; pool.ts reports it as over the memory
 * budget). Elsewhere the heap limit alone bounds a worker.
 */
function watchResidentMemory(script: string, budget: Budget): () => void {
  if (process.platform !== "linux") return () => undefined;
  const limitKb = (budget.memoryMb + WORKER_OVERHEAD_MB) * 1024;
  const timer = setInterval(() => {
    for (const pid of childPids(process.pid))
      if (commandLine(pid).includes(script) && residentKb(pid) > limitKb) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          /* it ended meanwhile */
        }
      }
  }, 100);
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
