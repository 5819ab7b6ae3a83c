/**
 * Live validation: a change on a recognised appendix sheet re-validates that sheet after a short
 * pause (debounced, one read + one write). Events can be missed — a pick from a validation
 * drop-down did not always fire onChanged, bulk operations may not fire — so the one-click
 * "Kiểm tra" stays the source of truth; this only keeps the marks fresh while typing.
 *
 * Sheets are followed by their worksheet id, never by name: a renamed sheet keeps its id and its
 * handler (the re-check reads its new name); a deleted sheet is forgotten (`onGone`), and a sheet
 * added later — deleted and made again under the same name, copied, inserted — is checked and,
 * when it is an appendix, watched (WorksheetCollection.onAdded / onDeleted, ExcelApi 1.7).
 * Excel fires onChanged for the add-in's own writes too ("Events within an Excel workbook can be
 * triggered by … Office Add-in (JavaScript) code":
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#event-triggers): a
 * change of the hidden flags column only, or one Excel says this add-in made (triggerSource,
 * ExcelApi 1.14), is no reason to re-check.
 * Runs never overlap: `run` is the pane's one queue (src/excel/runner.ts), and a change that
 * arrives while a re-check runs schedules one more after it, never a parallel one.
 */
import type { Form } from "../catalog/schema";
import type { RunOptions } from "./runner";
import { isOwnMarkChange, validateWorkbook, type ExcelValidation, type SheetSummary } from "./validate";

export type QueuedRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: RunOptions) => Promise<T>;

export interface LiveCallbacks {
  /** A re-check's result (the sheets it read: re-validated, or no longer an appendix). */
  onResult: (result: ExcelValidation) => void;
  /** A re-check that failed (not cell-edit mode: that is waited out). */
  onError: (error: unknown) => void;
  /** A watched sheet was deleted. */
  onGone: (sheet: SheetSummary) => void;
}

export class LiveValidation {
  /** Watched sheets by worksheet id. */
  private readonly watched = new Map<string, SheetSummary>();
  /** Ids with a change not yet re-checked. */
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private collectionWatched = false;
  private disposed = false;

  constructor(
    private readonly run: QueuedRun,
    private readonly forms: readonly Form[],
    private readonly callbacks: LiveCallbacks,
    private readonly delayMs = 600,
  ) {}

  /** Starts watching the sheets a validation recognised (one round trip for those not watched yet). */
  async watch(sheets: readonly SheetSummary[]): Promise<void> {
    const fresh = sheets.filter((s) => !this.watched.has(s.sheetId));
    for (const s of sheets) this.watched.set(s.sheetId, s);
    if (!fresh.length && this.collectionWatched) return;
    await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      for (const s of fresh) worksheets.getItem(s.sheetId).onChanged.add((event) => this.changed(event));
      if (!this.collectionWatched) {
        worksheets.onDeleted.add((event) => this.deleted(event.worksheetId));
        worksheets.onAdded.add((event) => this.added(event.worksheetId));
      }
      await context.sync();
      this.collectionWatched = true;
    });
  }

  /** Whether a sheet (by id) is watched. */
  isWatched(sheetId: string): boolean {
    return this.watched.has(sheetId);
  }

  private changed(event: Excel.WorksheetChangedEventArgs): Promise<void> {
    const summary = this.watched.get(event.worksheetId);
    if (!summary || this.disposed) return Promise.resolve();
    const byThisAddin = (event as { triggerSource?: string }).triggerSource === "ThisLocalAddin";
    if (byThisAddin || isOwnMarkChange(event.address, summary.flagsColumn)) return Promise.resolve();
    this.schedule(event.worksheetId);
    return Promise.resolve();
  }

  private deleted(sheetId: string): Promise<void> {
    const summary = this.watched.get(sheetId);
    this.dirty.delete(sheetId);
    if (!summary || this.disposed) return Promise.resolve();
    this.watched.delete(sheetId);
    this.callbacks.onGone(summary);
    return Promise.resolve();
  }

  /** A new sheet may be an appendix (made again after a delete, copied, inserted): check it. */
  private added(sheetId: string): Promise<void> {
    if (!this.disposed) this.schedule(sheetId);
    return Promise.resolve();
  }

  private schedule(sheetId: string): void {
    this.dirty.add(sheetId);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.delayMs);
  }

  /** Re-checks the changed sheets: one run at a time; changes meanwhile make one more run after it. */
  private async flush(): Promise<void> {
    if (this.running || !this.dirty.size || this.disposed) return;
    const ids = [...this.dirty];
    this.dirty.clear();
    this.running = true;
    try {
      const result = await this.run((context) => this.recheck(context, ids));
      await this.watch(result.sheets); // new summaries; a sheet new to us (added) gets its handler
      if (!this.disposed) this.callbacks.onResult(result);
    } catch (error) {
      if (!this.disposed) this.callbacks.onError(error);
    } finally {
      this.running = false;
      if (this.dirty.size && !this.timer) void this.flush();
    }
  }

  /**
   * Validates the sheets `ids`; when one was deleted meanwhile (ItemNotFound), looks which still
   * exist and validates those (one more round trip, only then).
   */
  private async recheck(context: Excel.RequestContext, ids: string[]): Promise<ExcelValidation> {
    try {
      return await validateWorkbook(context, this.forms, ids);
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code !== "ItemNotFound") throw error;
    }
    const worksheets = context.workbook.worksheets;
    const probes = ids.map((id) => worksheets.getItemOrNullObject(id).load("id"));
    await context.sync();
    const present = ids.filter((_, i) => !probes[i].isNullObject);
    if (!present.length) return { sheets: [], unrecognised: [], issues: [], degraded: [] };
    return validateWorkbook(context, this.forms, present);
  }

  /** Stops pending re-checks (handlers themselves end with the pane). */
  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty.clear();
  }
}
