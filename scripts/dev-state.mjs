// Shared by start.mjs and stop.mjs: where `npm start` records what it started, and how to find
// a tool installed in node_modules/.bin.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const PID_FILE = join(ROOT, "node_modules", ".cache", "cchc-phu-luc", "dev-server.json");

export function findLocalBin(name) {
  const base = join(ROOT, "node_modules", ".bin", name);
  for (const p of process.platform === "win32" ? [base + ".cmd", base] : [base]) {
    if (existsSync(p)) return p;
  }
  return null;
}
