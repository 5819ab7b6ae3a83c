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
 * With `merges` (ExcelApi 1.13), each band also asks for its merged areas in the same request
 * (`Range.getMergedAreasOrNullObject`): recognition needs them to see a group header ("Số liệu"
 * merged over two sub-columns). Excel returns the areas whose top-left cell is in the range
 * (https://github.com/OfficeDev/office-js/issues/3611), so each area comes from the one band
 * holding its top-left cell — the cell holding the header's text, inside the used cells. The
 * method "will fail to return the result" over 512 areas (its reference, ExcelApi 1.13): a
 * request that fails otherwise than by its size is sent once more without merges, and those
 * sheets are read without them (`onNote` says so) — recognition then warns about the column it
 * cannot place, as before, and never picks one silently.
 */
import type { Grid, MergeRange, RawCell } from "../core/grid";
import { DEFAULT_REQUEST_BYTES, packRequests, REQUEST_OVERHEAD, utf8Length, type Piece } from "./request-size";

/**
 * Response bytes estimated per cell read (its value and its shown text, as JSON). Our forms,
 * filled, measure 17 to 111 (long labels in few columns: the commune Phụ lục 3); texts typed by
 * users can be longer, which the halving on refusal absorbs.
 */
export const RESPONSE_BYTES_PER_CELL = 128;

/**
 * Response bytes allowed per row of a band for its merged areas (each area's address names the
 * sheet: `'Xã Ia Tul'!D5:E5, `), up to `MAX_MERGED_AREAS` a band: forms merge a few header cells,
 * rarely one cell per row; more is absorbed by the halving on refusal.
 */
const MERGE_BYTES = 24;

/** Areas `getMergedAreasOrNullObject` returns at most ("more than 512 … will fail"). */
export const MAX_MERGED_AREAS = 512;

const UNMERGED_EFFECT =
  "một tiêu đề gộp trên hai cột (ví dụ «Số liệu» trên «Kỳ trước | Kỳ này») không được nhận ra, nên cột đầu được đọc kèm cảnh báo về cột còn lại. Hãy xem các cảnh báo «cột không được đọc», hoặc lưu trang đó thành tệp .xlsx rồi tổng hợp từ tệp.";

/** Said when the sheets of the workbook are read on a host without ExcelApi 1.13. */
export const MERGES_UNSUPPORTED_NOTE = `Excel này chưa cho biết các ô đã gộp trong trang tính (cần ExcelApi 1.13): ${UNMERGED_EFFECT}`;

/** Said when Excel did not return a sheet's merged cells (too many of them). */
export const MERGES_UNREAD_NOTE = `Excel không trả về các ô đã gộp của một số trang tính (quá nhiều vùng gộp): ${UNMERGED_EFFECT}`;

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
  /** Read each sheet's merged areas too (ExcelApi 1.13: `ExcelFeatures.mergedAreas`). */
  merges?: boolean;
  /** What could not be read as asked (Vietnamese, for the pane's notes). */
  onNote?: (note: string) => void;
}

interface Band extends Piece {
  /** Rows [from, to) of the used range of sheet `item`. */
  from: number;
  to: number;
}

/**
 * The rectangles of a RangeAreas address ("Sheet1!A1:B4, 'Xã, phường'!D1:D4"), 0-based; the
 * sheet names (quoted when they hold a comma, a space, a quote…) are skipped.
 */
export function parseAreas(address: string): MergeRange[] {
  const out: MergeRange[] = [];
  const area = /(?:'(?:[^']|'')*'|[^'!,]*)!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  for (const m of address.matchAll(area)) {
    const [top, left] = [Number(m[2]) - 1, col(m[1])];
    out.push({ top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? col(m[3]) : left });
  }
  return out;
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
    const perRow = used.columnCount * RESPONSE_BYTES_PER_CELL + (options.merges ? MERGE_BYTES + 2 * utf8Length(heads[item].sheet.name) : 0);
    // With merges, a band of at most 512 rows: more areas than Excel returns only where a row merges several.
    const rowsPerBand = Math.min(options.merges ? MAX_MERGED_AREAS : Infinity, Math.max(1, Math.floor((budget - REQUEST_OVERHEAD) / perRow)));
    for (let from = 0; from < used.rowCount; from += rowsPerBand) {
      const to = Math.min(used.rowCount, from + rowsPerBand);
      bands.push({ item, from, to, bytes: (to - from) * perRow });
    }
  });
  const queue = packRequests(bands, budget);
  const rows = heads.map(() => new Map<number, { values: unknown[][]; text: string[][] }>());
  const remaining = heads.map((_, i) => bands.filter((b) => b.item === i).length);
  // Merged areas by sheet (keyed by address: a band never repeats another's, but a host that
  // answered with every area touching the range would); undefined once a sheet's could not be read.
  const merges = heads.map(() => (options.merges ? new Map<string, MergeRange>() : undefined));
  let done = heads.filter((_, i) => remaining[i] === 0).length;
  while (queue.length) {
    const request = queue.shift()!;
    const asking = request.filter((band) => merges[band.item]);
    const ranges = request.map((band) => {
      const { sheet, used } = heads[band.item];
      const range = sheet.getRangeByIndexes(used.rowIndex + band.from, used.columnIndex, band.to - band.from, used.columnCount);
      range.load("values,text");
      return range;
    });
    const areas = request.map((band) => {
      if (!asking.includes(band)) return undefined;
      const found = ranges[request.indexOf(band)].getMergedAreasOrNullObject();
      found.load("address");
      return found;
    });
    try {
      // One request per batch of bands: their number grows with the bytes read (see the header).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      const halves = codeOf(error) === "ResponsePayloadSizeLimitExceeded" ? split(request) : undefined;
      if (!halves && asking.length) {
        // Perhaps more merged areas than Excel returns: the same cells once more, without them.
        for (const band of asking) merges[band.item] = undefined;
        queue.unshift(request);
        continue;
      }
      if (!halves) throw error;
      if (request.length === 1) remaining[request[0].item]++;
      queue.unshift(...halves);
      continue;
    }
    request.forEach((band, i) => {
      rows[band.item].set(band.from, { values: ranges[i].values, text: ranges[i].text });
      const found = areas[i];
      const kept = merges[band.item];
      if (found && kept && !found.isNullObject) for (const m of parseAreas(found.address)) kept.set(`${m.top}:${m.left}:${m.bottom}:${m.right}`, m);
      if (--remaining[band.item] === 0) done++;
    });
    options.onProgress?.(done, heads.length);
  }

  if (options.merges && heads.some((_, i) => !merges[i])) options.onNote?.(MERGES_UNREAD_NOTE);
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
    const merged = merges[i];
    const grid: Grid = { sheet: sheet.name, cells, ...(merged?.size ? { merges: [...merged.values()] } : {}) };
    return { sheet, name: sheet.name, id: sheet.id, protected: sheet.protection.protected, grid };
  });
}
