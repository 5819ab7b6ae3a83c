/**
 * What a batch costs in a request, and how batches are packed under a budget. Excel on the web
 * refuses a request over 5 MB (RequestPayloadSizeLimitExceeded; "Excel on the web has a payload
 * size limit for requests and responses of 5MB":
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 *
 * Office.js sends each queued action as JSON together with the object path it acts on (a range,
 * its format, its font…). These estimates are checked against the bytes the real client library
 * sends (test/excel/request-size.test.ts runs the writers through @microsoft/office-js and
 * compares): never below the measure, and at most twice it (1.3 to 1.8 times for our forms: an
 * overestimate costs at most an extra request).
 */
import { STYLES, styleRectangles, type SheetLayout } from "../core/layout";

/** Excel on the web's request and response limit. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** The budget a writer stays under: the limit with a margin. */
export const DEFAULT_REQUEST_BYTES = 4 * 1024 * 1024;

/** Bytes of one action with its share of object paths (measured: 110-170; taken on the generous side). */
export const ACTION_BYTES = 200;

/** Fixed cost of a request (its envelope, the workbook and collection paths). */
export const REQUEST_OVERHEAD = 2048;

/**
 * Office.js writes an array of more than 1,500 cells in slices of rows, each through two more
 * object paths and a set action (`setRangePropertiesInBulk` in excel-web-16.00.debug.js).
 */
const BULK_CELLS = 1500;
const BULK_SLICE_BYTES = 4 * ACTION_BYTES;

/** UTF-8 length of a string, as it travels in a request. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A 2-D array set on a range: its JSON, and the slices office.js cuts a large one into. */
export function arrayBytes(rows: readonly (readonly unknown[])[]): number {
  const cells = rows.length * (rows[0]?.length ?? 0);
  const slices = cells > BULK_CELLS ? Math.ceil(cells / BULK_CELLS) : 0;
  return utf8Length(JSON.stringify(rows)) + ACTION_BYTES + slices * BULK_SLICE_BYTES;
}

/**
 * A conservative estimate of the request bytes `queueSheet` (src/excel/render.ts) sends for a
 * layout besides its cells block: the actions it queues, counted the way it queues them.
 */
export function estimateFormattingBytes(layout: SheetLayout): number {
  let actions = 2 * layout.widths.length + 2 * Object.keys(layout.heights).length;
  for (const rects of styleRectangles(layout).values()) actions += 16 * rects.length;
  const t = layout.table;
  const boxes = 1 + layout.cells.filter((c) => STYLES[c.style].border && (c.row < t.top || c.row > t.bottom || c.col < t.left || c.col > t.right)).length;
  actions += 20 * boxes + 2 * layout.merges.length + 8;
  actions += 7 * layout.validations.length + 7 * layout.conditionalFormats.length + 8;
  const text = layout.validations.reduce((n, v) => n + v.prompt.length + v.error.length + v.promptTitle.length + v.errorTitle.length + (v.list?.join(",").length ?? 0), 0);
  return actions * ACTION_BYTES + 3 * text;
}

/** Something to send in one request, with its estimated size; `item` says whose it is. */
export interface Piece {
  item: number;
  bytes: number;
}

/** Pieces packed, in order, into as few requests as the budget allows (a piece larger than the budget goes alone). */
export function packRequests<P extends Piece>(pieces: readonly P[], budget: number, first = REQUEST_OVERHEAD): P[][] {
  const requests: P[][] = [];
  let current: P[] = [];
  let bytes = first;
  for (const piece of pieces) {
    if (current.length && bytes + piece.bytes > budget) {
      requests.push(current);
      current = [];
      bytes = REQUEST_OVERHEAD;
    }
    current.push(piece);
    bytes += piece.bytes;
  }
  if (current.length) requests.push(current);
  return requests;
}
