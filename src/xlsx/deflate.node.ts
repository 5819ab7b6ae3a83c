/**
 * Compression of the parts of a workbook we write, in Node: zlib on libuv's thread pool, so the
 * parts of a rollup are compressed in parallel, and without loading web streams (what the
 * platform's CompressionStream costs in Node: ~50 ms on first use).
 */
import * as zlib from "zlib";
import { promisify } from "util";
import { crc32, type DeflateRaw } from "./write-plain";

const deflate = promisify(zlib.deflateRaw);
// zlib.crc32 is native from Node 20.15; earlier, the table-driven one.
const checksum: (data: Uint8Array) => number = (zlib as { crc32?: (data: Uint8Array) => number }).crc32 ?? crc32;

export const deflateWithZlib: DeflateRaw = async (data) => {
  const body = await deflate(data);
  return { body: new Uint8Array(body.buffer, body.byteOffset, body.length), crc: checksum(data) >>> 0 };
};
