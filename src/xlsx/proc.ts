/**
 * Linux's /proc, for the resident memory of processes: the Node read pool watches its worker
 * processes with it (node-pool.ts), and the tests measure a command with its workers. Elsewhere
 * (or for a process that just ended) the answers are empty.
 */
import { readFileSync } from "fs";

/** The children of `pid` (`/proc/PID/task/PID/children`: those started by its main thread). */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Kilobytes resident in `pid` now (VmRSS), or the most it has held (VmHWM); 0 when unknown. */
export function residentKb(pid: number, field: "VmRSS" | "VmHWM" = "VmRSS"): number {
  try {
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The command line of `pid` (NUL-separated); "" when unknown. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}
