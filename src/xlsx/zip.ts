/**
 * Zip packages (.xlsx, .xlsm, .ods, .docx, and the formats we refuse: .xlsb, .numbers, .pptx…)
 * read through their central directory BEFORE anything is inflated: entry count, declared sizes
 * and ratios against LIMITS, every entry's local header where the directory says it is. Then the
 * entries that are needed are inflated with the platform's decompressor (Node's zlib in the read
 * workers of the CLI, fflate in browsers — passed in as `InflateRaw`), capped at the declared
 * size, so that a damaged or lying stream fails at once instead of spinning in SheetJS's own
 * inflate. The one zip module of every reader (SheetJS packages, Word documents).
 *
 * Pure and synchronous: bytes in, entries or a refusal out (never throws).
 */
import { u16, u32 } from "./bytes";
import { LIMITS, formatMb } from "./limits";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** Where the entry's data starts (after its local header). */
  dataStart: number;
}

export type ZipRefusal =
  | { kind: "corrupt"; detail: string }
  | { kind: "password" }
  | { kind: "too-large"; detail: string };

export type ZipDirectory = { ok: true; entries: ZipEntry[]; byName: Map<string, ZipEntry> } | { ok: false; refusal: ZipRefusal };

/**
 * Inflates a raw DEFLATE stream to exactly `size` bytes, or throws: on a damaged stream, and on
 * one that would inflate past `size` (it must stop there, not after).
 */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

/** Compressed bytes handed to fflate per step: what one step may inflate (a few MB) stays bounded. */
/** A little-endian 64-bit field, when it fits a double exactly (zip64 sizes of a ≤ 64 MB file always do). */
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const corrupt = (detail: string): ZipDirectory => ({ ok: false, refusal: { kind: "corrupt", detail } });

function findEnd(bytes: Uint8Array): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) if (u32(bytes, i) === EOCD) return i;
  return -1;
}

const decoder = new TextDecoder("utf-8");
const latin = new TextDecoder("latin1");

/** The central directory, checked against LIMITS and against the local headers. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const end = findEnd(bytes);
  if (end < 0) return corrupt("thiếu mục lục của tệp nén — tệp bị cắt cụt hoặc không đầy đủ");
  let count = u16(bytes, end + 10);
  let cdSize = u32(bytes, end + 12);
  let cdStart = u32(bytes, end + 16);
  if (count === 0xffff || cdStart === 0xffffffff || cdSize === 0xffffffff) {
    // zip64: the real figures are in the zip64 end record, found through its locator.
    const locator = end - 20;
    if (locator < 0 || u32(bytes, locator) !== EOCD64_LOCATOR) return corrupt("mục lục zip64 không hợp lệ");
    const at = u64(bytes, locator + 8);
    if (at + 56 > bytes.length || u32(bytes, at) !== EOCD64) return corrupt("mục lục zip64 không hợp lệ");
    count = u64(bytes, at + 32);
    cdSize = u64(bytes, at + 40);
    cdStart = u64(bytes, at + 48);
  }
  if (count > LIMITS.zipEntries)
    return { ok: false, refusal: { kind: "too-large", detail: `tệp nén có ${count.toLocaleString("vi-VN")} mục (giới hạn ${LIMITS.zipEntries.toLocaleString("vi-VN")})` } };
  if (cdStart + cdSize > end || cdStart > bytes.length) return corrupt("mục lục của tệp nén trỏ ra ngoài tệp — tệp bị cắt cụt hoặc hỏng");

  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let p = cdStart;
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || u32(bytes, p) !== CENTRAL) return corrupt("mục lục của tệp nén bị hỏng");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let local = u32(bytes, p + 42);
    if (p + 46 + nameLength + extraLength + commentLength > end) return corrupt("mục lục của tệp nén bị hỏng");
    const rawName = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = (flags & 0x800 ? decoder : latin).decode(rawName);
    // zip64 extra field: the sizes and offset that did not fit, in this order.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff && q + 8 <= e + 4 + len) {
          size = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (local === 0xffffffff && q + 8 <= e + 4 + len) local = u64(bytes, q);
      }
      e += 4 + len;
    }
    p += 46 + nameLength + extraLength + commentLength;

    if (byName.has(name)) return corrupt(`tệp nén chứa hai mục cùng tên «${name}»`);
    if (local + 30 > cdStart || u32(bytes, local) !== LOCAL) return corrupt(`mục «${name}» không nằm ở vị trí mục lục ghi — tệp bị cắt cụt hoặc hỏng`);
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (dataStart + compressedSize > cdStart) return corrupt(`mục «${name}» bị cắt cụt`);
    if (name.endsWith("/")) continue; // a folder
    const entry: ZipEntry = { name, method, flags, compressedSize, size, dataStart };
    entries.push(entry);
    byName.set(name, entry);
    if (flags & 0x1) return { ok: false, refusal: { kind: "password" } };
  }
  for (const e of entries) {
    if (!isRead(e.name)) continue;
    if (e.size > LIMITS.partBytes)
      return { ok: false, refusal: { kind: "too-large", detail: `phần «${e.name}» giải nén ra ${formatMb(e.size)} (giới hạn ${formatMb(LIMITS.partBytes)})` } };
    if (e.size > LIMITS.ratioFloorBytes && e.size > LIMITS.ratio * Math.max(1, e.compressedSize))
      return { ok: false, refusal: { kind: "too-large", detail: `phần «${e.name}» nén ${Math.round(e.size / Math.max(1, e.compressedSize))} lần — không phải dữ liệu của một báo cáo` } };
    total += e.size;
  }
  if (total > LIMITS.totalBytes)
    return { ok: false, refusal: { kind: "too-large", detail: `các phần cần đọc giải nén ra ${formatMb(total)} (giới hạn ${formatMb(LIMITS.totalBytes)})` } };
  return { ok: true, entries, byName };
}

/**
 * Parts a reader never needs: pictures, embedded objects and fonts, printer settings, macros,
 * pivot caches, thumbnails. They are neither inflated nor counted against the limits.
 */
const SKIPPED = /^(xl\/(media|embeddings|printerSettings|pivotCache|activeX|ctrlProps)\/|word\/(media|embeddings|fonts|activeX)\/|docProps\/thumbnail|Thumbnails\/|Pictures\/|ObjectReplacements\/|Configurations2\/|customXml\/|xl\/vbaProject\.bin$)|\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|bin|wdp)$/i;

export function isRead(name: string): boolean {
  return !SKIPPED.test(name);
}

/** The entry's bytes, inflated with `inflate` (method 8) or as stored (0); a reason when it cannot be. */
export function entryBytes(bytes: Uint8Array, e: ZipEntry, inflate: InflateRaw): { ok: true; data: Uint8Array } | { ok: false; detail: string } {
  const raw = bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
  if (e.method === 0) return e.compressedSize === e.size ? { ok: true, data: raw } : { ok: false, detail: `mục «${e.name}» có kích thước không khớp` };
  if (e.method !== 8) return { ok: false, detail: `mục «${e.name}» được nén theo kiểu ${e.method} mà Excel và Word không dùng` };
  try {
    const data = inflate(raw, e.size);
    if (data.length !== e.size) return { ok: false, detail: `mục «${e.name}» giải nén ra ${data.length} byte thay vì ${e.size}` };
    return { ok: true, data };
  } catch (error) {
    return { ok: false, detail: `mục «${e.name}» bị hỏng (${error instanceof Error ? error.message : String(error)})` };
  }
}
