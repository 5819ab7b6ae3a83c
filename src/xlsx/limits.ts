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
 * - `BUDGET`: what reading one file may cost, enforced by the worker that reads it (the worker is
 *   stopped past either), whatever the format. The CLI's --file-seconds / --file-memory and the
 *   pane change it.
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
  /** Megabytes of JavaScript heap the worker reading one file may use (Node only: browsers have no such control). */
  memoryMb: number;
}

export const BUDGET: Budget = { seconds: 20, memoryMb: 512 };

/**
 * Resident memory a Node worker process may hold beyond its heap budget — Node, SheetJS and our
 * code (≈ 80 MB) with room to spare — before the pool stops it (node-pool.ts). The heap limit
 * alone is not a bound: a damaged .xls took a worker limited to 512 MB of heap to 1.08 GB resident
 * before V8 gave up.
 */
export const WORKER_OVERHEAD_MB = 128;

/** Bounds of what a user may set (a budget of 0 s or 64 GB is a typo). */
export const BUDGET_RANGE = { seconds: [1, 600], memoryMb: [64, 4096] } as const;

export const formatMb = (bytes: number): string => `${(bytes / MB).toLocaleString("vi-VN", { maximumFractionDigits: bytes < 10 * MB ? 1 : 0 })} MB`;
