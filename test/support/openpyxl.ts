/**
 * Workbooks written by openpyxl (test/support/openpyxl_write.py, Debian python3-openpyxl, installed
 * by scripts/ensure-openpyxl.sh from `npm test`): many units' own tools write .xlsx this way, not
 * as Excel, LibreOffice or we do. Tests that need it fail loudly when it is missing.
 */
import { execFileSync } from "child_process";
import { writeFileSync } from "fs";
import { join } from "path";
import { tempDir } from "./libreoffice";

export type Value = string | number | null;

export interface OpenpyxlSheet {
  name: string;
  rows: Value[][];
  /** A1 ranges, "D5:E5". */
  merges?: string[];
}

/** Writes each workbook (one python3 for all). */
export function openpyxlWrite(workbooks: { path: string; sheets: OpenpyxlSheet[] }[]): void {
  const jobFile = join(tempDir("cchc-openpyxl-"), "job.json");
  writeFileSync(jobFile, JSON.stringify({ workbooks }));
  const out = execFileSync("/usr/bin/python3", [join(__dirname, "openpyxl_write.py"), jobFile], { encoding: "utf8", timeout: 120_000 });
  const result = JSON.parse(out.trim().split("\n").pop() ?? "{}") as { ok: boolean; error?: string };
  if (!result.ok) throw new Error(`openpyxl failed: ${result.error}`);
}
