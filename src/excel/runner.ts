/**
 * How the pane runs its batches against Excel: one at a time, and patiently while the user types.
 *
 * - One queue. Kiểm tra, Chỉ tiêu and the live re-check each read a sheet's hidden flags column
 *   and rewrite it keeping "the other kinds of marks as read" (core/marks): two in flight would
 *   lose each other's marks, and an older result could land last. Every batch goes through the
 *   same queue, in the order asked; a batch starts when the previous one has ended.
 * - Cell-edit mode. While the user is typing in a cell Excel refuses every request with
 *   InvalidOperationInCellEditMode ("Excel is in cell-editing mode. Please exit the edit mode by
 *   pressing ENTER or TAB…"; office-js#625: "If you are in cell edit mode, JS API cannot
 *   execute"). That is no error: the batch is run again after a pause that grows (back-off), and
 *   `onWait` tells the pane it is waiting. Excel refuses the request before running any of it, so
 *   running the batch again is safe for our batches (they read before they write).
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface RunOptions {
  /** Called each time Excel is found in cell-edit mode, before waiting. */
  onWait?: () => void;
}

export interface RunnerOptions {
  /** Pauses between attempts, in ms; the last is repeated. */
  backoffMs?: readonly number[];
  /** How long to keep waiting for the user to leave cell-edit mode before giving up, in ms. */
  patienceMs?: number;
}

const CELL_EDIT = "InvalidOperationInCellEditMode";

function codeOf(error: unknown): unknown {
  return error && typeof error === "object" ? (error as { code?: unknown }).code : undefined;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class ExcelRunner {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly backoff: readonly number[];
  private readonly patience: number;

  constructor(
    private readonly excelRun: ExcelRun,
    options: RunnerOptions = {},
  ) {
    this.backoff = options.backoffMs ?? [200, 400, 800, 1600, 3000];
    this.patience = options.patienceMs ?? 10 * 60_000;
  }

  /** Runs `batch` after every batch queued before it; retried while Excel is in cell-edit mode. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const job = () => this.patiently(batch, options);
    const result = this.tail.then(job, job);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async patiently<T>(batch: (context: Excel.RequestContext) => Promise<T>, options: RunOptions): Promise<T> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.excelRun(batch);
      } catch (error) {
        if (codeOf(error) !== CELL_EDIT || Date.now() - started > this.patience) throw error;
        options.onWait?.();
        await pause(this.backoff[Math.min(attempt, this.backoff.length - 1)]);
      }
    }
  }
}
