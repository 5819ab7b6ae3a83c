/**
 * Real LibreOffice in tests: fill cells and re-save workbooks through UNO (test/support/lo_fill.py),
 * or convert with `soffice --convert-to`. LibreOffice is installed by scripts/ensure-libreoffice.sh
 * (run by `npm test`); tests that need it fail loudly when it is missing, they are never skipped.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

export const FILTERS = {
  xlsx: "Calc MS Excel 2007 XML",
  xls: "MS Excel 97",
  ods: "calc8",
} as const;

export type Format = keyof typeof FILTERS;

export interface Fill {
  sheet: string;
  cell: string;
  value: string | number;
}

export function tempDir(prefix = "cchc-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface Output {
  path: string;
  format: Format;
  /** Save encrypted with this password (LibreOffice's "Save with password"). */
  password?: string;
}

/** Opens `input` in LibreOffice, types `fills`, recalculates and saves to each output. */
export function libreOfficeFill(input: string, fills: Fill[], outputs: Output[]): void {
  const dir = tempDir("cchc-lo-job-");
  const jobFile = join(dir, "job.json");
  writeFileSync(
    jobFile,
    JSON.stringify({ input, fills, outputs: outputs.map((o) => ({ path: o.path, filter: FILTERS[o.format], ...(o.password ? { password: o.password } : {}) })) }),
  );
  const out = execFileSync("/usr/bin/python3", [join(__dirname, "lo_fill.py"), jobFile], { encoding: "utf8", timeout: 180_000 });
  const result = JSON.parse(out.trim().split("\n").pop() ?? "{}") as { ok: boolean; error?: string };
  if (!result.ok) throw new Error(`LibreOffice failed: ${result.error}`);
}

/** Opens `input` in LibreOffice and saves it through each export filter named (any that Calc has). */
export function libreOfficeSave(input: string, outputs: { path: string; filter: string }[]): void {
  const dir = tempDir("cchc-lo-job-");
  const jobFile = join(dir, "job.json");
  writeFileSync(jobFile, JSON.stringify({ input, fills: [], outputs }));
  const out = execFileSync("/usr/bin/python3", [join(__dirname, "lo_fill.py"), jobFile], { encoding: "utf8", timeout: 300_000 });
  const result = JSON.parse(out.trim().split("\n").pop() ?? "{}") as { ok: boolean; error?: string };
  if (!result.ok) throw new Error(`LibreOffice failed: ${result.error}`);
}
