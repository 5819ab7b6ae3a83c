/**
 * The read pool in Node: worker threads (workerpool), one per core (`os.availableParallelism()`),
 * each with the budget's heap limit (`resourceLimits`, past which Node stops the thread) and each
 * task with its time limit. Used by the CLI; the pane has browser-pool.ts.
 */
import { existsSync } from "fs";
import { availableParallelism } from "os";
import { join } from "path";
import workerpool from "workerpool";
import type { Budget } from "./limits";
import { budgetOf, workerCount, type ReadPool } from "./pool";

/**
 * The worker's script: compiled JavaScript next to this file (lib/, as installed); when running
 * from the TypeScript sources (jest), a bootstrap that compiles them on the fly (dev only).
 */
function workerScript(): { script: string; workerData?: unknown } {
  const compiled = join(__dirname, "read-worker.node.js");
  if (existsSync(compiled)) return { script: compiled };
  return { script: join(__dirname, "..", "..", "scripts", "ts-worker.cjs"), workerData: { entry: join(__dirname, "read-worker.node.ts") } };
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
  const { script, workerData } = workerScript();
  const pool = workerpool.pool(script, {
    workerType: "thread",
    maxWorkers: workers,
    minWorkers: workers,
    // A task past its time is cancelled; its worker, busy in a synchronous parse, cannot clean
    // up, so it is stopped this soon after.
    workerTerminateTimeout: 200,
    workerThreadOpts: {
      resourceLimits: { maxOldGenerationSizeMb: budget.memoryMb },
      ...(workerData ? { workerData } : {}),
    },
  });
  return { pool, budget, terminate: async () => void (await pool.terminate(true)) };
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
