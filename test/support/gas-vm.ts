/**
 * The built Apps Script server (dist/sheets/Code.js, from `webpack --env sheets=only`) evaluated
 * in node:vm with the Apps Script stand-in's globals (test/support/sheets-standin.ts), as Apps
 * Script evaluates a project's files: one script, top-level functions as globals.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { createStandIn, type StandIn, type StandInOptions } from "./sheets-standin";

export const ROOT = join(__dirname, "..", "..");

/** Builds the add-on (Code.js, sidebar.html, appsscript.json; or Code.js alone) into `outDir`/sheets. */
export function buildSheets(outDir: string, only: "only" | "server" = "only"): string {
  const webpack = join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "webpack.cmd" : "webpack");
  const build = spawnSync(webpack, ["--mode", "production", "--env", `outDir=${outDir}`, "--env", `sheets=${only}`], {
    cwd: ROOT,
    encoding: "utf8",
    shell: process.platform === "win32",
  });
  if (build.status !== 0) throw new Error(`webpack (sheets) failed:\n${build.stdout}\n${build.stderr}`);
  return join(ROOT, outDir, "sheets");
}

export interface Server {
  standIn: StandIn;
  /** The script's global object: its top-level functions. */
  global: Record<string, unknown>;
  /** `cchcRpc` as google.script.run calls it: JSON text in, the parsed result out. */
  rpc<T = unknown>(method: string, payload?: unknown): { ok: true; value: T } | { ok: false; error: { title: string; next: string; detail?: string } };
}

/** A fresh spreadsheet and a fresh evaluation of Code.js against it. */
export function loadServer(code: string, options: StandInOptions = {}): Server {
  const standIn = createStandIn(options);
  const context = vm.createContext({ ...standIn.globals });
  vm.runInContext(code, context, { filename: "Code.js" });
  const global = context as Record<string, unknown>;
  // Apps Script runs the simple trigger on a user's edit.
  standIn.host.onEdit = (edit) => {
    const sheet = standIn.spreadsheet.getSheetByName(edit.sheet.name)!;
    const range = sheet.getRange(edit.row + 1, edit.col + 1);
    (global.onEdit as (e: unknown) => void)({ range, value: edit.value, oldValue: edit.oldValue, source: standIn.spreadsheet, authMode: "LIMITED" });
  };
  return {
    standIn,
    global,
    rpc: (method, payload = {}) => JSON.parse((global.cchcRpc as (m: string, p: string) => string)(method, JSON.stringify(payload))),
  };
}

export function readCode(dir: string): string {
  return readFileSync(join(dir, "Code.js"), "utf8");
}
