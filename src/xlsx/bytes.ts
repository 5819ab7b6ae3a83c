/** Little-endian fields of binary containers (zip, CFB). */
export const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
export const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
