/**
 * Old binary files (.xls, .doc, password-protected .xlsx) are Compound File Binary containers:
 * a FAT of sector chains and a directory of streams. Before SheetJS reads one, its structure is
 * checked here — header, every FAT and directory sector inside the file, chains without loops,
 * the streams' sizes within LIMITS and their chains long enough for them — so that a damaged or
 * hostile file is refused in a moment. Pure and synchronous; never throws.
 */
import { u16, u32 } from "./bytes";
import { LIMITS, formatMb } from "./limits";

export interface CfbStream {
  name: string;
  size: number;
}

export type CfbDirectory = { ok: true; streams: CfbStream[] } | { ok: false; kind: "corrupt" | "too-large"; detail: string };


const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const MAX_REGULAR = 0xfffffffa;

const bad = (detail: string): CfbDirectory => ({ ok: false, kind: "corrupt", detail });

export function readCfbDirectory(bytes: Uint8Array): CfbDirectory {
  if (bytes.length < 512) return bad("tệp bị cắt cụt (ngắn hơn phần đầu của tệp Excel cũ)");
  const major = u16(bytes, 0x1a);
  const shift = u16(bytes, 0x1e);
  if (u16(bytes, 0x1c) !== 0xfffe || !((major === 3 && shift === 9) || (major === 4 && shift === 12)) || u16(bytes, 0x20) !== 6)
    return bad("phần đầu của tệp Excel cũ không hợp lệ");
  const sectorSize = 1 << shift;
  const sectors = Math.floor((bytes.length - sectorSize) / sectorSize) + (bytes.length % sectorSize ? 1 : 0);
  const offset = (s: number) => (s + 1) * sectorSize;
  const inFile = (s: number) => s < sectors && offset(s) + 4 <= bytes.length;
  const fatCount = u32(bytes, 0x2c);
  if (fatCount === 0 || fatCount > sectors) return bad("bảng cấp phát của tệp Excel cũ không hợp lệ");

  // DIFAT: 109 entries in the header, then a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(bytes, 0x4c + 4 * i));
  let difat = u32(bytes, 0x44);
  const perDifat = sectorSize / 4 - 1;
  for (let steps = 0; fatSectors.length < fatCount; steps++) {
    if (difat >= MAX_REGULAR || !inFile(difat) || steps > sectors) return bad("bảng cấp phát của tệp Excel cũ bị hỏng");
    for (let i = 0; i < perDifat && fatSectors.length < fatCount; i++) fatSectors.push(u32(bytes, offset(difat) + 4 * i));
    difat = u32(bytes, offset(difat) + 4 * perDifat);
  }
  if (fatSectors.some((s) => !inFile(s))) return bad("bảng cấp phát của tệp Excel cũ trỏ ra ngoài tệp — tệp bị cắt cụt");
  const perFat = sectorSize / 4;
  const next = (s: number): number => {
    const fat = fatSectors[Math.floor(s / perFat)];
    if (fat === undefined) return FREE;
    const at = offset(fat) + 4 * (s % perFat);
    return at + 4 <= bytes.length ? u32(bytes, at) : FREE;
  };
  /** The chain from `start`: its length, or -1 when it leaves the file or loops. */
  const chainLength = (start: number, max: number): number => {
    let n = 0;
    for (let s = start; s !== END_OF_CHAIN; s = next(s)) {
      if (s >= MAX_REGULAR || !inFile(s) || ++n > max) return -1;
    }
    return n;
  };

  // The directory: 128-byte entries along its chain.
  const directory: number[] = [];
  for (let s = u32(bytes, 0x30); s !== END_OF_CHAIN; s = next(s)) {
    if (s >= MAX_REGULAR || !inFile(s) || directory.length > sectors) return bad("thư mục của tệp Excel cũ bị hỏng");
    directory.push(s);
  }
  const perSector = sectorSize / 128;
  if (directory.length * perSector > LIMITS.cfbEntries)
    return { ok: false, kind: "too-large", detail: `thư mục của tệp có hơn ${LIMITS.cfbEntries.toLocaleString("vi-VN")} mục` };
  const cutoff = u32(bytes, 0x38);
  const streams: CfbStream[] = [];
  for (const s of directory) {
    for (let k = 0; k < perSector; k++) {
      const at = offset(s) + 128 * k;
      if (at + 128 > bytes.length) return bad("thư mục của tệp Excel cũ bị cắt cụt");
      const type = bytes[at + 66];
      if (type !== 2) continue; // storages, the root and unused entries
      const nameBytes = Math.min(64, u16(bytes, at + 64));
      let name = "";
      for (let i = 0; i + 1 < nameBytes - 2; i += 2) name += String.fromCharCode(u16(bytes, at + i));
      const start = u32(bytes, at + 116);
      const size = u32(bytes, at + 120); // v3 files: the high half is undefined, ignored
      if (/^(workbook|book|encryptedpackage)$/i.test(name)) {
        if (size > LIMITS.cfbStreamBytes)
          return { ok: false, kind: "too-large", detail: `luồng «${name}» dài ${formatMb(size)} (giới hạn ${formatMb(LIMITS.cfbStreamBytes)})` };
        if (size >= cutoff) {
          const need = Math.ceil(size / sectorSize);
          const have = chainLength(start, need + 64);
          if (have < need) return bad(`luồng «${name}» của tệp bị cắt cụt hoặc hỏng`);
        }
      }
      streams.push({ name, size });
    }
  }
  return { ok: true, streams };
}
