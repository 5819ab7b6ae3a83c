/**
 * What the read pools of Node (node-pool.ts) and browsers (browser-pool.ts) are made of, apart
 * from what reads through them (pool.ts): light on purpose, so that a command starts its worker
 * processes before it loads the catalogue and the core.
 */
import type { Pool } from "workerpool";
import { BUDGET, type Budget } from "./limits";

export interface ReadPool {
  readonly pool: Pool;
  readonly budget: Budget;
  /** Stops every worker (tasks still running are abandoned). */
  terminate(): Promise<void>;
  /**
   * Stops one worker process at once, given the pid it announced (Node's pools). Without it a task
   * past its time is cancelled through workerpool, which stops a busy worker only after its
   * clean-up wait — and with a single worker, did not always send it the next file.
   */
  stopWorker?(pid: number): void;
}

/** The pool's settings from a budget: the time limit of a task, the memory limit of a worker. */
export function budgetOf(budget?: Partial<Budget>): Budget {
  return { seconds: budget?.seconds ?? BUDGET.seconds, memoryMb: budget?.memoryMb ?? BUDGET.memoryMb };
}

/**
 * How many workers: the cores there are — less `busyThreads`, the calling thread's own core when
 * it has its share of the work while files are read — no more than the files to read, at least one.
 */
export function workerCount(cores: number, files: number, busyThreads = 0): number {
  return Math.max(1, Math.min(cores - busyThreads, files));
}
