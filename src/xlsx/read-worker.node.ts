/** A read worker in Node (a worker process of the pool in node-pool.ts): zlib inflates, files are opened by path. */
import "./codepages.node"; // first: SheetJS then loads without its codepage tables
import { readFileSync, statSync } from "fs";
import { inflateRawSync } from "zlib";
import workerpool from "workerpool";
import { LIMITS } from "./limits";
import { describeFsError, programOf, REASONS } from "./read-reasons";
import { announced, readMethods, type OpenFile } from "./worker-methods";
import type { InflateRaw } from "./zip";

const inflate: InflateRaw = (data, size) => {
  const out = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
};

/** The size is checked before a byte is read (the command checked it too, but the file may have changed since). */
const open: OpenFile = (path) => {
  try {
    const { size } = statSync(path);
    if (size > LIMITS.fileBytes) return { ok: false, failure: "too-large", reason: REASONS.fileTooLarge(size, programOf(path)) };
    const bytes = readFileSync(path);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  } catch (error) {
    return { ok: false, failure: "fs", reason: describeFsError(error) };
  }
};

workerpool.worker(announced(readMethods(inflate, open), workerpool.workerEmit, process.pid));
