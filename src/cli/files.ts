/**
 * How the commands read received files: checked through `io` (missing, a folder, over the size
 * limit), then opened and read by a pool of worker processes within the time and memory budget of
 * --file-seconds / --file-memory (xlsx/node-pool.ts). The pool module is loaded only by the
 * commands that read files.
 */
import { BUDGET, BUDGET_RANGE, type Budget } from "../xlsx/limits";
import type { ReceivedFile } from "../xlsx/wire";
import { flag, UsageError, type FlagSpec, type Parsed } from "./args";
import { describeFsError, type Io } from "./io";

/** The budget flags, for `parseArgs` of every command that reads received files. */
export const BUDGET_FLAGS: Record<string, FlagSpec> = {
  "--file-seconds": { value: true },
  "--file-memory": { value: true },
};

function numberFlag(args: Parsed, name: string, [min, max]: readonly [number, number], what: string): number | undefined {
  const text = flag(args, name);
  if (text === undefined) return undefined;
  const n = Number(text.replace(",", "."));
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`Tuỳ chọn «${name}» cần ${what} từ ${min} đến ${max} (nhận được «${text}»).`);
  return n;
}

/** The budget the user set (defaults for what they did not). */
export function budgetFrom(args: Parsed): Budget {
  return {
    seconds: numberFlag(args, "--file-seconds", BUDGET_RANGE.seconds, "số giây") ?? BUDGET.seconds,
    memoryMb: Math.round(numberFlag(args, "--file-memory", BUDGET_RANGE.memoryMb, "số MB") ?? BUDGET.memoryMb),
  };
}

/** A file given on the command line: as a read worker is given it (named by its path as typed), or why it cannot be read. */
export type InputFile = { path: string; file: ReceivedFile } | { path: string; error: string };

/**
 * Every path checked (missing, a folder, over the size limit): its path for a read worker to open
 * when `io` has local files, else its bytes.
 */
export function readInputs(paths: readonly string[], io: Io): Promise<InputFile[]> {
  return Promise.all(
    paths.map(async (path): Promise<InputFile> => {
      try {
        return { path, file: io.localFile ? { name: path, path: await io.localFile(path) } : { name: path, bytes: await io.readFile(path) } };
      } catch (error) {
        return { path, error: describeFsError(error) };
      }
    }),
  );
}
