/**
 * Benchmark figures: each bench records what it measured against its goal in
 * test-output/bench/figures.jsonl; `npm run bench` (scripts/bench.mjs) prints them all with the
 * goals and says which missed.
 */
import { appendFileSync, mkdirSync } from "fs";
import { join, resolve } from "path";

export const BENCH_OUT = resolve(__dirname, "../../test-output/bench");

export interface Figure {
  name: string;
  measured: number;
  unit: string;
  /** "≤ 1.0", "< 2 GB": as printed. */
  goal: string;
  ok: boolean;
  /** How it was measured (rounds, medians…). */
  detail?: string;
}

export function record(figure: Figure): void {
  mkdirSync(BENCH_OUT, { recursive: true });
  appendFileSync(join(BENCH_OUT, "figures.jsonl"), JSON.stringify(figure) + "\n");
}
