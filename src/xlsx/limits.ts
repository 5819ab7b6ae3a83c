/**
 * Every limit a received file is held to, in one place (documented in the README, "Received
 * files: isolation, limits, formats"). A report is a few sheets of a few hundred rows, or a Word
 * document of a few pages of text and tables: our largest template inflates to well under 1 MB.
 * The limits leave two orders of magnitude for real files (other sheets, formatting, pictures)
 * and refuse, before inflating anything, what cannot be a report.
 *
 * Two kinds:
 * - `LIMITS`: checked on the container before any parsing (declared sizes of zip entries, CFB
 *   structure), while inflating (an entry that inflates past its declared size is refused) and,
 *   for a Word document, on what its body holds (tables, cells, nesting).
 * - `BUDGET`: what reading one file may cost — time, and memory resident in the process that reads
 *   it — enforced on the worker that reads it (stopped past either), whatever the format. The
 *   CLI's --file-seconds / --file-memory and the pane change it.
 */

const MB = 1024 * 1024;

export const LIMITS = {
  /** A received file larger than this is not read at all. */
  fileBytes: 64 * MB,
  /** Entries of a zip (.xlsx, .ods, .docx): 1,000 sheets with their relations fit. */
  zipEntries: 5_000,
  /** One part of a package once inflated (a sheet's XML, the shared strings). */
  partBytes: 48 * MB,
  /** All the parts that are read, inflated. */
  totalBytes: 160 * MB,
  /** Inflated ÷ compressed of a part above `ratioFloorBytes`: real sheets stay far below. */
  ratio: 400,
  ratioFloorBytes: 1 * MB,
  /** The workbook stream of an .xls (CFB). */
  cfbStreamBytes: 48 * MB,
  /** Directory entries of a CFB file. */
  cfbEntries: 10_000,
  /** Word (.docx): the main document part (word/document.xml), inflated. */
  wordDocumentBytes: 24 * MB,
  /** Word: any other part read (relationships, styles), inflated. */
  wordPartBytes: 8 * MB,
  /** Word: tables in the document, nested ones included. */
  wordTables: 2_000,
  /** Word: rows × columns of one table. */
  wordTableCells: 500_000,
  /** Word: tables inside tables, at most this deep. */
  wordTableDepth: 16,
} as const;

export interface Budget {
  /** Seconds one file may take to be read and recognised. */
  seconds: number;
  /**
   * Megabytes of memory the process reading one file may hold, all of it (resident: what a task
   * manager shows for it). Node only: browsers give a page no such control.
   */
  memoryMb: number;
}

/**
 * 320 MB: two workers (a 2-core machine) at their budget and the command's own process stay under
 * 1 GB. The largest legitimate files we have peak at about half of it (README, "Received files").
 */
export const BUDGET: Budget = { seconds: 20, memoryMb: 320 };

/**
 * Resident memory of a read worker process before it reads anything: Node, SheetJS and our code
 * (measured 64 MB on Linux x64, Node 20). V8's heap limit is the budget less this, so that V8
 * usually stops a file's parse itself; the pool's watchdog (node-pool.ts) stops the process at the
 * budget whatever holds the memory — V8 lets a dying worker overshoot its heap limit (a damaged
 * .xls took a worker limited to 2 GB of heap to 1.9 GB resident), and buffers lie outside it.
 */
export const WORKER_BASE_MB = 64;

/** V8's heap limit (MB) of a worker reading within `memoryMb`: the budget less the worker's base. */
export const heapLimitMb = (memoryMb: number): number => Math.max(32, memoryMb - WORKER_BASE_MB);

/**
 * Bounds of what a user may set: below 128 MB a worker has hardly any room past its base (a budget
 * of 0 s or 64 GB is a typo).
 */
export const BUDGET_RANGE = { seconds: [1, 600], memoryMb: [128, 4096] } as const;

export const formatMb = (bytes: number): string => `${(bytes / MB).toLocaleString("vi-VN", { maximumFractionDigits: bytes < 10 * MB ? 1 : 0 })} MB`;
