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

  /**
   * `host`: the workbook. `mode`: "client" when this context is the add-in's (the stand-in's own
   * proxies: a sync takes the host's latency, sizes are estimated and the limit checked on the
   * estimate); "replay" when it runs a request that the office-js client sent
   * (test/support/officejs/host.ts measures and checks); "arrange" to set a workbook up for a test
   * (no latency, no limit, not recorded as a request).
   */
  constructor(readonly host: WorkbookState, readonly mode: "client" | "replay" | "arrange" = "client") {
    this.workbook = new WorkbookProxy(this);
  }

  /** @internal */
  enqueue(where: string, run: Action["run"], options: { api?: number; bytes?: number } = {}): void {
    this.queue.push({ where, run, api: options.api, bytes: options.bytes ?? 64 });
  }

  /** @internal Queued actions so far (the replay maps a failure back to the request's action). */
  get queued(): number {
    return this.queue.length;
  }

  /** @internal Client-side check office.js makes before creating a navigation or calling a method. */
  requireApi(minor: number, where: string): void {
    if (this.host.apiMinor < minor) throw rich("ApiNotFound", where, `needs ExcelApi 1.${minor}`);
  }

  async sync(): Promise<void> {
    this.syncCount++;
    const batch = this.queue;
    this.queue = [];
    if (this.mode === "arrange") {
      this.run(batch);
      return this.host.flushEvents();
    }
    await this.host.roundTrip();
    if (batch.length === 0) return;
    this.roundTrips++;
    // Departure: the stand-in's own proxies estimate a request's size (an action and its object
    // path at 64 bytes, cell arrays at their JSON length); office.js sends about three times that
    // (issue 10). Sizes that matter are measured through the office-js client (createStandIn's default).
    const bytes = batch.reduce((sum, a) => sum + a.bytes, 0);
    const refused = this.host.admit({ bytes });
    if (refused) throw refused;
    if (bytes > this.host.requestLimit) throw rich("RequestPayloadSizeLimitExceeded", "RequestContext.sync", `${bytes} bytes`);
    try {
      this.run(batch);
    } finally {
      void this.host.flushEvents();
    }
  }

  /**
   * @internal Runs what was queued, synchronously, as the host runs one request: in order, a
   * failing action stops the batch (earlier ones stay applied) and its error carries `actionIndex`;
   * loaded values are delivered only when every action succeeded.
   */
  runQueued(): void {
    const batch = this.queue;
    this.queue = [];
    this.run(batch);
  }

  private run(batch: Action[]): void {
    const deliveries: (() => void)[] = [];
    batch.forEach((action, index) => {
      try {
        if (action.api !== undefined && this.host.apiMinor < action.api)
          throw rich("ApiNotFound", action.where, `needs ExcelApi 1.${action.api}`);
        const delivery = action.run();
        if (delivery) deliveries.push(delivery);
      } catch (error) {
        if (error instanceof RichApiError) {
          if (!error.debugInfo.errorLocation) error.debugInfo.errorLocation = action.where;
          error.actionIndex = index;
        }
        throw error;
      }
    });
    for (const deliver of deliveries) deliver();
  }
}
