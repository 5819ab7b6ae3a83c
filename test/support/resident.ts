/**
 * Resident memory of a process and its children (Linux /proc): the read workers are processes, so
 * a peak that counts only the command's own process misses them. Elsewhere: 0 for other processes,
 * `process.memoryUsage().rss` for this one.
 */
import { childPids, residentKb } from "../../src/xlsx/proc";

/** Bytes resident in `pid` and its descendants now. */
export function residentTreeBytes(pid: number = process.pid): number {
  const own = pid === process.pid ? process.memoryUsage().rss : residentKb(pid) * 1024;
  return own + childPids(pid).reduce((sum, child) => sum + residentTreeBytes(child), 0);
}

/** Samples `residentTreeBytes(pid)` every `ms` until stopped; `peak()` is the highest seen. */
export function residentPeak(pid: number = process.pid, ms = 50): { peak(): number; stop(): number } {
  let peak = residentTreeBytes(pid);
  const timer = setInterval(() => (peak = Math.max(peak, residentTreeBytes(pid))), ms);
  timer.unref();
  return { peak: () => peak, stop: () => (clearInterval(timer), peak) };
}
