/** A read worker in Node (worker thread of the pool in node-pool.ts): zlib inflates. */
import { inflateRawSync } from "zlib";
import workerpool from "workerpool";
import { announced, readMethods } from "./worker-methods";
import type { InflateRaw } from "./zip";

const inflate: InflateRaw = (data, size) => {
  const out = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
};

workerpool.worker(announced(readMethods(inflate), workerpool.workerEmit));
