/**
 * What a read worker does with one received file — the same functions in Node's worker threads
 * (read-worker.node.ts, zlib) and in the browser's Web Workers (read-worker.browser.ts, fflate).
 * Everything that touches the file's bytes runs here, recognition included, so that the time and
 * memory budget cover it and a file that breaks the reader costs only itself. What goes back is
 * plain data (structured clone): grids, or a consolidation source with its forms named by id.
 */
import { FORMS } from "../catalog";
import type { ColumnDecision, UnitSource } from "../core/filled";
import { analyseWorkbook, unrecognisedReason } from "../core/workbook";
import type { Issue } from "../core/issues";
import { readWorkbook, type ReadFailure, type ReadResult } from "./read";
import { receivedFromRead } from "./received";
import { toWire, type FileBody, type WireSource } from "./wire";
import type { InflateRaw } from "./zip";

/** Node's worker: a file's bytes from its path (LIMITS.fileBytes checked before reading), or why not. */
export type OpenFile = (path: string) => Uint8Array | { ok: false; failure: ReadFailure; reason: string };

/** One sheet of `analyse`: recognised (form id, unit and where it was read, period) or not, with its issues and the column choices it waits for. */
export interface AnalysedSheet {
  sheet: string;
  form?: string;
  unit?: string;
  unitSource?: UnitSource;
  period?: string;
  periodKey?: string;
  /** Value columns waiting for a choice (FilledForm.pending). */
  pending?: ColumnDecision[];
  issues: Issue[];
}

export type Analysis =
  | { ok: false; failure: string; reason: string }
  | { ok: true; sheets: AnalysedSheet[]; /** Set when no sheet is an appendix. */ unrecognised?: string };

export interface ReadMethods {
  /** The file's sheets as grids (the pane's workspace, `cchc targets`). */
  readGrids(body: FileBody, name: string): ReadResult;
  /** The file as a consolidation source (`cchc rollup`, Tổng hợp). */
  readReceived(body: FileBody, name: string, unit?: string): WireSource;
  /** Every sheet recognised and validated (`cchc validate`). */
  analyse(body: FileBody, name: string): Analysis;
}

/** `open` reads a file given by its path: Node's worker has one, a browser's does not. */
export function readMethods(inflate: InflateRaw, open?: OpenFile): ReadMethods {
  const readBody = (body: FileBody, name: string): ReadResult => {
    if (body instanceof Uint8Array) return readWorkbook(body, name, inflate);
    if (!open) throw new Error("this worker cannot open a file by its path");
    const bytes = open(body.path);
    return bytes instanceof Uint8Array ? readWorkbook(bytes, name, inflate) : bytes;
  };
  return {
    readGrids: readBody,
    readReceived: (body, name, unit) => toWire(receivedFromRead(readBody(body, name), name, FORMS, unit)),
    analyse: (body, name) => {
      const read = readBody(body, name);
      if (!read.ok) return { ok: false, failure: read.failure, reason: read.reason };
      const analyses = analyseWorkbook(read.sheets, FORMS);
      const recognised = analyses.filter((a) => a.filled);
      if (!recognised.length) return { ok: true, sheets: [], unrecognised: unrecognisedReason(read.sheets, analyses) };
      return {
        ok: true,
        sheets: recognised.map((a) => {
          const f = a.filled!;
          return {
            sheet: a.sheet,
            form: f.form.id,
            ...(f.unit ? { unit: f.unit } : {}),
            ...(f.unitSource ? { unitSource: f.unitSource } : {}),
            ...(f.period ? { period: f.period } : {}),
            ...(f.periodKey ? { periodKey: f.periodKey } : {}),
            ...(f.pending?.length ? { pending: f.pending } : {}),
            issues: a.issues,
          };
        }),
      };
    },
  };
}

/**
 * What a worker emits when it starts on a file: its process id where it has one (Node), so that
 * the pool can stop it itself; in a run of files, which one (its index in the run).
 */
export interface Started {
  started: true;
  pid?: number;
  index?: number;
}

export function isStarted(payload: unknown): payload is Started {
  return typeof payload === "object" && payload !== null && (payload as Started).started === true;
}

/**
 * A file of a run done: its source, or the error that stopped its reading (the worker goes on to
 * the next file); `next` when it starts on the next one — in the same message: each message to the
 * pool costs the worker a write to a pipe (a tenth of a millisecond on a virtual machine).
 */
export interface Finished {
  finished: number;
  value?: WireSource;
  error?: { name: string; message: string };
  next?: Started;
}

export function isFinished(payload: unknown): payload is Finished {
  return typeof payload === "object" && payload !== null && typeof (payload as Finished).finished === "number";
}

/** A file of a run, as `readReceived` takes it. */
export type RunItem = [body: FileBody, name: string, unit: string | undefined];

/** What a worker registers: the methods, each announcing its start, and the run of files (a type, not an interface: workerpool wants an index signature). */
export type WorkerApi = {
  readGrids: ReadMethods["readGrids"];
  analyse: ReadMethods["analyse"];
  /**
   * Files one after another as consolidation sources, each announced (Started with its index) and
   * sent back as soon as it is read (Finished): the worker goes on at once, with no round trip to
   * the pool between files. Returns how many were read.
   */
  readReceivedRun(items: RunItem[]): number;
  /** Nothing to do: a task the pool runs so that its queue moves on after a worker was stopped (pool.ts). */
  ready(): true;
};

/**
 * The methods as a worker registers them: each first tells the pool it has started (progress per
 * file, and the time budget runs from there). `pid`: the worker's process (Node's workers).
 */
export function announced(methods: ReadMethods, emit: (payload: unknown) => void, pid?: number): WorkerApi {
  const started = (index?: number): Started => ({ started: true, ...(pid === undefined ? {} : { pid }), ...(index === undefined ? {} : { index }) });
  return {
    readGrids: (...args) => (emit(started()), methods.readGrids(...args)),
    analyse: (...args) => (emit(started()), methods.analyse(...args)),
    readReceivedRun: (items) => {
      if (items.length) emit(started(0));
      items.forEach(([body, name, unit], index) => {
        let done: Finished;
        try {
          done = { finished: index, value: methods.readReceived(body, name, unit) };
        } catch (error) {
          const e = error as Error;
          done = { finished: index, error: { name: String(e?.name ?? "Error"), message: String(e?.message ?? error) } };
        }
        emit(index + 1 < items.length ? { ...done, next: started(index + 1) } : done);
      });
      return items.length;
    },
    ready: () => true,
  };
}
