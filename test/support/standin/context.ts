/** The request context: queued actions and sync. */
import { RichApiError, rich } from "./errors";
import { WorkbookProxy } from "./sheets";
import { WorkbookState } from "./workbook-state";
// ---------------------------------------------------------------------------------------------
// Request context and batching

export interface Action {
  where: string;
  /** Minor ExcelApi version the host needs to run this action. */
  api?: number;
  /** Approximate request bytes. */
  bytes: number;
  /** Applies the action; may return a delivery of loaded values, run only if the batch succeeds. */
  run(): void | (() => void);
}

export class StandInContext {
  /** Every `context.sync()` call. */
  syncCount = 0;
  /** Syncs that carried queued work (office.js sends nothing for an empty batch). */
  roundTrips = 0;
  readonly workbook: WorkbookProxy;
  private queue: Action[] = [];

  constructor(readonly host: WorkbookState, private readonly payloadLimit: number) {
    this.workbook = new WorkbookProxy(this);
  }

  /** @internal */
  enqueue(where: string, run: Action["run"], options: { api?: number; bytes?: number } = {}): void {
    this.queue.push({ where, run, api: options.api, bytes: options.bytes ?? 64 });
  }

  /** @internal Client-side check office.js makes before creating a navigation or calling a method. */
  requireApi(minor: number, where: string): void {
    if (this.host.apiMinor < minor) throw rich("ApiNotFound", where, `needs ExcelApi 1.${minor}`);
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const batch = this.queue;
    this.queue = [];
    await Promise.resolve();
    if (batch.length === 0) return;
    this.roundTrips++;
    const bytes = batch.reduce((sum, a) => sum + a.bytes, 0);
    if (bytes > this.payloadLimit) throw rich("RequestPayloadSizeLimitExceeded", "RequestContext.sync", `${bytes} bytes`);
    const deliveries: (() => void)[] = [];
    for (const action of batch) {
      try {
        if (action.api !== undefined && this.host.apiMinor < action.api)
          throw rich("ApiNotFound", action.where, `needs ExcelApi 1.${action.api}`);
        const delivery = action.run();
        if (delivery) deliveries.push(delivery);
      } catch (error) {
        if (error instanceof RichApiError && !error.debugInfo.errorLocation) error.debugInfo.errorLocation = action.where;
        throw error;
      }
    }
    for (const deliver of deliveries) deliver();
  }
}

