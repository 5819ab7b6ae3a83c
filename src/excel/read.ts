/**
 * Reading sheets of the open workbook as core Grids, within Excel on the web's response limit
 * ("a payload size limit for requests and responses of 5MB": ResponsePayloadSizeLimitExceeded,
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 *
 * Only the cells that hold values are read (`getUsedRangeOrNullObject(true)`): our templates
 * format the hidden flags column down to row 2001, so a template's used range counted with its
 * formats is 2001 rows, its values about forty. Round trips:
 *   1. every sheet's name, id, protection and the position and size of its used cells;
 *   2. their values and shown text, in requests whose estimated response stays under the budget —
 *      whole sheets packed together, a large sheet in bands of rows; one request for a few sheets,
 *      more as the bytes grow (never per row or per sheet). A response Excel still refuses is
 *      read again in halves.
 */
import type { Grid, RawCell } from "../core/grid";
import { DEFAULT_REQUEST_BYTES, packRequests, REQUEST_OVERHEAD, type Piece } from "./request-size";

/**
 * Response bytes estimated per cell read (its value and its shown text, as JSON). Our forms,
 * filled, measure 17 to 111 (long labels in few columns: the commune Phụ lục 3); texts typed by
 * users can be longer, which the halving on refusal absorbs.
 */
export const RESPONSE_BYTES_PER_CELL = 128;

/** The response budget: Excel on the web's 5 MB limit with a margin. */
export const DEFAULT_RESPONSE_BYTES = DEFAULT_REQUEST_BYTES;

export interface SheetRead {
  /** The worksheet, for writing to it in a later request. */
  sheet: Excel.Worksheet;
  /** Its name and id as read (the name may differ from the key it was asked by). */
  name: string;
  id: string;
  protected: boolean;
  /** Its cells from A1: values and shown text, null where empty. */
  grid: Grid;
}

export interface ReadOptions {
  /** Largest response a request may bring back, estimated in bytes. */
  responseBytes?: number;
  /** After each request: sheets read so far, of all. */
  onProgress?: (done: number, total: number) => void;
}

interface Band extends Piece {
  /** Rows [from, to) of the used range of sheet `item`. */
  from: number;
  to: number;
}

function codeOf(error: unknown): unknown {
  return error && typeof error === "object" ? (error as { code?: unknown }).code : undefined;
}

/** A band cut in two, or undefined when it is a single row. */
function halve(band: Band): Band[] | undefined {
  if (band.to - band.from < 2) return undefined;
  const mid = band.from + Math.floor((band.to - band.from) / 2);
  const perRow = band.bytes / (band.to - band.from);
  return [
    { ...band, to: mid, bytes: perRow * (mid - band.from) },
    { ...band, from: mid, bytes: perRow * (band.to - mid) },
  ];
}

/** The request cut in two (or its one band in two); undefined when it cannot be cut. */
function split(request: Band[]): Band[][] | undefined {
  if (request.length > 1) {
    const mid = Math.ceil(request.length / 2);
    return [request.slice(0, mid), request.slice(mid)];
  }
  return halve(request[0])?.map((b) => [b]);
}

/**
 * Reads the sheets `keys` (names or ids) — values where values are, and the text Excel shows —
 * in the round trips described above. A key that names no sheet fails the read (ItemNotFound).
 */
export async function readSheets(context: Excel.RequestContext, keys: readonly string[], options: ReadOptions = {}): Promise<SheetRead[]> {
  const budget = options.responseBytes ?? DEFAULT_RESPONSE_BYTES;
  const worksheets = context.workbook.worksheets;
  const heads = keys.map((key) => {
    const sheet = worksheets.getItem(key);
    sheet.load("name,id");
    sheet.protection.load("protected");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    return { sheet, used };
  });
  await context.sync();

  // Bands of rows whose responses fit the budget, packed into requests.
  const bands: Band[] = [];
  heads.forEach(({ used }, item) => {
    if (used.isNullObject) return;
    const perRow = used.columnCount * RESPONSE_BYTES_PER_CELL;
    const rowsPerBand = Math.max(1, Math.floor((budget - REQUEST_OVERHEAD) / perRow));
    for (let from = 0; from < used.rowCount; from += rowsPerBand) {
      const to = Math.min(used.rowCount, from + rowsPerBand);
      bands.push({ item, from, to, bytes: (to - from) * perRow });
    }
  });
  const queue = packRequests(bands, budget);
  const rows = heads.map(() => new Map<number, { values: unknown[][]; text: string[][] }>());
  const remaining = heads.map((_, i) => bands.filter((b) => b.item === i).length);
  let done = heads.filter((_, i) => remaining[i] === 0).length;
  while (queue.length) {
    const request = queue.shift()!;
    const ranges = request.map((band) => {
      const { sheet, used } = heads[band.item];
      const range = sheet.getRangeByIndexes(used.rowIndex + band.from, used.columnIndex, band.to - band.from, used.columnCount);
      range.load("values,text");
      return range;
    });
    try {
      // One request per batch of bands: their number grows with the bytes read (see the header).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      const halves = codeOf(error) === "ResponsePayloadSizeLimitExceeded" ? split(request) : undefined;
      if (!halves) throw error;
      if (request.length === 1) remaining[request[0].item]++;
      queue.unshift(...halves);
      continue;
    }
    request.forEach((band, i) => {
      rows[band.item].set(band.from, { values: ranges[i].values, text: ranges[i].text });
      if (--remaining[band.item] === 0) done++;
    });
    options.onProgress?.(done, heads.length);
  }

  return heads.map(({ sheet, used }, i) => {
    const cells: (RawCell | null)[][] = [];
    if (!used.isNullObject) {
      for (let r = 0; r < used.rowIndex; r++) cells.push([]);
      for (const from of [...rows[i].keys()].sort((a, b) => a - b)) {
        const { values, text } = rows[i].get(from)!;
        values.forEach((row, r) => {
          const out: (RawCell | null)[] = new Array(used.columnIndex).fill(null);
          row.forEach((value, c) => out.push(value === "" || value === null ? null : { value: value as RawCell["value"], text: text[r][c] }));
          cells.push(out);
        });
      }
    }
    return { sheet, name: sheet.name, id: sheet.id, protected: sheet.protection.protected, grid: { sheet: sheet.name, cells } };
  });
}
