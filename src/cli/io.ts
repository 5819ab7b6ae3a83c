/** What a command may touch: output streams and files. Tests pass their own. */
import { promises as fs } from "fs";
import { dirname, basename, join, resolve } from "path";
import { LIMITS } from "../xlsx/limits";
import { programOf, REASONS } from "../xlsx/read-reasons";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** A file's bytes; fails with code EFBIG, before reading, on a file over the size limit (LIMITS.fileBytes). */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * For a file on this machine's disk: its path, for a read worker to open itself (the command
   * then holds no file's bytes); fails as `readFile` would — missing, a folder, over the size
   * limit — without reading it. Absent: the files are read with `readFile`.
   */
  localFile?(path: string): Promise<string>;
  exists(path: string): Promise<boolean>;
  /** Writes through a temporary file in the same folder, then renames: never a half-written file. */
  writeFileAtomic(path: string, data: Uint8Array): Promise<void>;
}

/** Fails with code EFBIG on a file over the size limit, EISDIR on a folder, as reading it would. */
async function checkSize(path: string): Promise<void> {
  const stat = await fs.stat(path);
  if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: "EISDIR" });
  if (stat.size > LIMITS.fileBytes) throw Object.assign(new Error(REASONS.fileTooLarge(stat.size, programOf(path))), { code: "EFBIG" });
}

export function nodeIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    readFile: async (path) => {
      await checkSize(path);
      return new Uint8Array(await fs.readFile(path));
    },
    localFile: async (path) => {
      await checkSize(path);
      return resolve(path);
    },
    exists: async (path) => fs.access(path).then(() => true, () => false),
    writeFileAtomic: async (path, data) => {
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      try {
        await fs.writeFile(temp, data);
        await fs.rename(temp, path);
      } catch (error) {
        await fs.rm(temp, { force: true });
        throw error;
      }
    },
  };
}

export { describeFsError } from "../xlsx/read-reasons";
