/**
 * Every workbook a test reads — written by our writer, ExcelJS, LibreOffice, openpyxl, fuzzed —
 * is read twice, by the direct SpreadsheetML reader and by SheetJS, and a difference between the
 * grids fails the read (xlsx/sheetjs.ts). Set before any read pool starts, so that the worker
 * processes inherit it. Benchmarks measure the reader as it ships, without the check.
 */
if (!expect.getState().testPath?.endsWith(".bench.ts")) process.env.CCHC_READER_CHECK = "1";
