/**
 * Reading a file the way a received file is read: in the read workers (worker threads of
 * xlsx/node-pool, the CLI's pool) under a budget, the file's bytes crossing to the worker and its
 * grids or consolidation source coming back by structured clone. One pool per test file, started
 * on first use and stopped after the file's tests.
 */
import { FORMS } from "../../src/catalog";
import type { Form } from "../../src/catalog/schema";
import type { ReceivedSource } from "../../src/core/units";
import { createNodeReadPool, type NodePoolOptions } from "../../src/xlsx/node-pool";
import { readGridsIn, readReceivedFiles, type ReadPool } from "../../src/xlsx/pool";
import type { ReadResult } from "../../src/xlsx/read";

export interface WorkerRead {
  /** The file's sheets as grids (tables of a Word document), or why not — as `readGridsIn`. */
  grids(bytes: Uint8Array, name: string): Promise<ReadResult>;
  /** The file as a consolidation source — as `readReceivedFiles` gives it to the rollup. */
  received(bytes: Uint8Array, name: string, forms?: readonly Form[]): Promise<ReceivedSource>;
}

export function workerRead(options: NodePoolOptions = {}): WorkerRead {
  let pool: ReadPool | undefined;
  const get = () => (pool ??= createNodeReadPool({ workers: 1, ...options }));
  afterAll(async () => {
    await pool?.terminate();
  });
  return {
    grids: (bytes, name) => readGridsIn(get(), { name, bytes }),
    received: async (bytes, name, forms = FORMS) => (await readReceivedFiles(get(), [{ name, bytes }], forms))[0],
  };
}
