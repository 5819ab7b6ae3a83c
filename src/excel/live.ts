/**
 * Live validation: a change on a recognised appendix sheet re-validates that sheet after a short
 * pause (debounced, one read + one write). Events can be missed — a pick from a validation
 * drop-down did not always fire onChanged, bulk operations may not fire — so the one-click
 * "Kiểm tra" stays the source of truth; this only keeps the marks fresh while typing.
 */
import type { Form } from "../catalog/schema";
import { isOwnMarkChange, validateWorkbook, type ExcelValidation, type SheetSummary } from "./validate";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export class LiveValidation {
  private readonly watched = new Map<string, SheetSummary>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly run: ExcelRun,
    private readonly forms: readonly Form[],
    private readonly onResult: (result: ExcelValidation) => void,
    private readonly onError: (error: unknown) => void,
    private readonly delayMs = 600,
  ) {}

  /** Starts watching the sheets a validation recognised (one round trip for the new ones). */
  async watch(sheets: SheetSummary[]): Promise<void> {
    const fresh = sheets.filter((s) => !this.watched.has(s.sheet));
    for (const s of sheets) this.watched.set(s.sheet, s);
    if (!fresh.length) return;
    await this.run(async (context) => {
      for (const s of fresh) context.workbook.worksheets.getItem(s.sheet).onChanged.add((event) => this.changed(s.sheet, event));
      await context.sync();
    });
  }

  private changed(sheetName: string, event: Excel.WorksheetChangedEventArgs): Promise<void> {
    const summary = this.watched.get(sheetName);
    if (!summary || isOwnMarkChange(event.address, summary.flagsColumn)) return Promise.resolve();
    const pending = this.timers.get(sheetName);
    if (pending) clearTimeout(pending);
    this.timers.set(
      sheetName,
      setTimeout(() => {
        this.timers.delete(sheetName);
        this.run((context) => validateWorkbook(context, this.forms, [sheetName])).then((result) => {
          for (const s of result.sheets) this.watched.set(s.sheet, s);
          this.onResult(result);
        }, this.onError);
      }, this.delayMs),
    );
    return Promise.resolve();
  }

  /** Stops pending re-validations (handlers themselves end with the pane). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
