/**
 * What a received file may cost before it is refused as "unreadable" with a reason: every limit
 * in one place (the README lists them). A Word report is a few pages of text and tables; these
 * are far above any real one and far below what would stall a round of consolidation.
 */
export const FILE_LIMITS = {
  docx: {
    /** The .docx file itself (photos in it are never inflated). */
    fileBytes: 200 * 1024 * 1024,
    /** Entries listed in the zip's central directory. */
    entries: 10_000,
    /** The main document part (word/document.xml), inflated. */
    documentBytes: 24 * 1024 * 1024,
    /** Any other part read (relationships, styles), inflated. */
    partBytes: 8 * 1024 * 1024,
    /** Tables in the document, nested ones included. */
    tables: 2_000,
    /** Rows × columns of one table. */
    tableCells: 500_000,
    /** Tables inside tables, at most this deep. */
    tableDepth: 16,
    /** Time to read one document, parsing included. */
    millis: 20_000,
  },
} as const;
