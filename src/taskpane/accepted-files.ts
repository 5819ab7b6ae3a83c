/**
 * What the pane opens and consolidates: workbooks, and Word documents whose appendices are
 * tables (read by src/xlsx/docx). One list for every file picker and every text that names them.
 */

/** As written in the pane's texts: the same words as the CLI's (core/messages). */
export { ACCEPTED_FORMATS } from "../core/messages";

/** The `accept` attribute of the file pickers. */
export const ACCEPTED_FILES = [
  ".xlsx",
  ".xlsm",
  ".xls",
  ".ods",
  ".docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel",
  "application/vnd.oasis.opendocument.spreadsheet",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
].join(",");
