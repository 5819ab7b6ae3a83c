/**
 * Reading entries of a zip package (OOXML .docx, OpenDocument manifests) within a budget: the
 * central directory is read first (names, declared sizes, compression), so a package that cannot
 * be a report is refused before anything is inflated, and an entry is inflated with fflate's
 * streaming inflater in small steps that stop as soon as the output passes what the entry
 * declared or the caller allows. fflate fails fast on a damaged deflate stream; SheetJS's own
 * inflater can loop on one.
 */
import { Inflate } from "fflate";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  method: number;
  compressedSize: number;
  /** As declared by the central directory: checked, never trusted. */
  size: number;
  /** Offset of the local file header. */
  localOffset: number;
}

/** Why an entry could not be read, for the caller to turn into a Vietnamese reason. */
export class ZipProblem extends Error {
  constructor(
    readonly kind: "not-a-zip" | "damaged" | "too-large" | "unsupported",
    message: string,
  ) {
    super(message);
  }
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/**
 * The entries of a zip, from its central directory; throws ZipProblem when there is none or it is
 * cut short (a truncated download), or when it lists more than `maxEntries` entries.
 */
export function zipEntries(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (u32(bytes, i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  if (end < 0) throw new ZipProblem("not-a-zip", "no central directory");
  const count = u16(bytes, end + 10);
  if (count > maxEntries) throw new ZipProblem("too-large", `${count} entries`);
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  let p = u32(bytes, end + 16);
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== DIRECTORY_ENTRY) throw new ZipProblem("damaged", "central directory cut short");
    const nameLength = u16(bytes, p + 28);
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
    });
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

/** Compressed bytes handed to the inflater per step: bounds the memory one step can take. */
const STEP = 16 * 1024;

/**
 * The bytes of one entry. Throws ZipProblem when the entry declares more than `maxBytes`, when
 * inflating yields more than it declared (or than `maxBytes`), less than it declared, or the
 * stream is damaged.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.size > maxBytes) throw new ZipProblem("too-large", `${entry.name}: ${entry.size} bytes declared`);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL_HEADER) throw new ZipProblem("damaged", `${entry.name}: no local header`);
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  if (start + entry.compressedSize > bytes.length) throw new ZipProblem("damaged", `${entry.name}: cut short`);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ZipProblem("damaged", `${entry.name}: stored size differs`);
    return data;
  }
  if (entry.method !== 8) throw new ZipProblem("unsupported", `${entry.name}: compression method ${entry.method}`);
  const out = new Uint8Array(entry.size);
  let filled = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    if (filled + chunk.length > entry.size) throw new ZipProblem("damaged", `${entry.name}: inflates to more than the ${entry.size} bytes declared`);
    out.set(chunk, filled);
    filled += chunk.length;
    if (final) done = true;
  });
  try {
    for (let at = 0; at < data.length; at += STEP) inflater.push(data.subarray(at, Math.min(data.length, at + STEP)), at + STEP >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipProblem) throw error;
    throw new ZipProblem("damaged", `${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!done || filled !== entry.size) throw new ZipProblem("damaged", `${entry.name}: ${filled} of ${entry.size} bytes`);
  return out;
}
