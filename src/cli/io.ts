/** What a command may touch: output streams and files. Tests pass their own. */
import { promises as fs } from "fs";
import { dirname, basename, join } from "path";
import { LIMITS } from "../xlsx/limits";
import { programOf, REASONS } from "../xlsx/read-reasons";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** A file's bytes; fails with code EFBIG, before reading, on a file over the size limit (LIMITS.fileBytes). */
  readFile(path: string): Promise<Uint8Array>;
  exists(path: string): Promise<boolean>;
  /** Writes through a temporary file in the same folder, then renames: never a half-written file. */
  writeFileAtomic(path: string, data: Uint8Array): Promise<void>;
}

export function nodeIo(): Io {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    readFile: async (path) => {
      const { size } = await fs.stat(path);
      if (size > LIMITS.fileBytes) throw Object.assign(new Error(REASONS.fileTooLarge(size, programOf(path))), { code: "EFBIG" });
      return new Uint8Array(await fs.readFile(path));
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

/** A Vietnamese reason for a failed file operation. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case "ENOENT":
      return "không tìm thấy tệp hoặc thư mục";
    case "EACCES":
    case "EPERM":
      return "không có quyền truy cập";
    case "EISDIR":
      return "đây là một thư mục, không phải tệp";
    case "ENOSPC":
      return "ổ đĩa đã đầy";
    case "EROFS":
      return "ổ đĩa chỉ cho phép đọc";
    case "EFBIG":
      return (error as Error).message;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
