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
}

/** The pool's settings from a budget: the time limit of a task, the memory limit of a worker. */
export function budgetOf(budget?: Partial<Budget>): Budget {
  return { seconds: budget?.seconds ?? BUDGET.seconds, memoryMb: budget?.memoryMb ?? BUDGET.memoryMb };
}

/** How many workers: the cores there are, no more than the files to read (at least one). */
export function workerCount(cores: number, files: number): number {
  return Math.max(1, Math.min(cores, files));
}
