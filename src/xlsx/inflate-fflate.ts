/**
 * Raw DEFLATE with fflate: the browser's inflater, and the one `readWorkbook` uses when given
 * none. Apart from zip.ts so that Node's read workers, which pass zlib's, never load fflate.
 */
import { Inflate } from "fflate";
import type { InflateRaw } from "./zip";

const STEP = 16 * 1024;

/**
 * Raw DEFLATE with fflate, the browser's `InflateRaw`: fed in small steps and stopped as soon as
 * the output passes `size` (a bomb never inflates past what its directory declared, and never
 * holds more than one step's output beyond it). The read workers in Node pass zlib's, faster.
 */
export const inflateWithFflate: InflateRaw = (data, size) => {
  const out = new Uint8Array(size);
  let at = 0;
  const inflater = new Inflate((chunk) => {
    if (at + chunk.length > size) throw new Error(`giải nén ra nhiều hơn ${size} byte đã khai báo`);
    out.set(chunk, at);
    at += chunk.length;
  });
  if (data.length === 0) inflater.push(data, true);
  for (let from = 0; from < data.length; from += STEP) inflater.push(data.subarray(from, from + STEP), from + STEP >= data.length);
  return at === size ? out : out.subarray(0, at);
};
