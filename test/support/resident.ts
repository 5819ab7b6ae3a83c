/**
 * Resident memory of a process and its children (Linux /proc): the read workers are processes, so
 * a peak that counts only the command's own process misses them. Elsewhere: 0 for other processes,
 * `process.memoryUsage().rss` for this one.
 */
import { readFileSync } from "fs";

function ownKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0; // ended, or not Linux
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Bytes resident in `pid` and its descendants now. */
export function residentTreeBytes(pid: number = process.pid): number {
  const own = pid === process.pid ? process.memoryUsage().rss : ownKb(pid) * 1024;
  return own + childrenOf(pid).reduce((sum, child) => sum + residentTreeBytes(child), 0);
}

/** Samples `residentTreeBytes(pid)` every `ms` until stopped; `peak()` is the highest seen. */
export function residentPeak(pid: number = process.pid, ms = 50): { peak(): number; stop(): number } {
  let peak = residentTreeBytes(pid);
  const timer = setInterval(() => (peak = Math.max(peak, residentTreeBytes(pid))), ms);
  timer.unref();
  return { peak: () => peak, stop: () => (clearInterval(timer), peak) };
}
