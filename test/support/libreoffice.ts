/**
 * Real LibreOffice in tests: fill cells and re-save workbooks through UNO (test/support/lo_fill.py),
 * or convert with `soffice --convert-to`. LibreOffice is installed by scripts/ensure-libreoffice.sh
 * (run by `npm test`); tests that need it fail loudly when it is missing, they are never skipped.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";

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

const outputJob = (outputs: Output[]) => outputs.map((o) => ({ path: o.path, filter: FILTERS[o.format], ...(o.password ? { password: o.password } : {}) }));

function runJob(job: unknown, timeout = 180_000): void {
  const dir = tempDir("cchc-lo-job-");
  const jobFile = join(dir, "job.json");
  writeFileSync(jobFile, JSON.stringify(job));
  const out = execFileSync("/usr/bin/python3", [join(__dirname, "lo_fill.py"), jobFile], { encoding: "utf8", timeout });
  const result = JSON.parse(out.trim().split("\n").pop() ?? "{}") as { ok: boolean; error?: string };
  if (!result.ok) throw new Error(`LibreOffice failed: ${result.error}`);
}

/** Opens `input` in LibreOffice, types `fills`, recalculates and saves to each output. */
export function libreOfficeFill(input: string, fills: Fill[], outputs: Output[]): void {
  runJob({ input, fills, outputs: outputJob(outputs) });
}

/** A workbook typed from scratch in LibreOffice: one sheet, its cells and merged ranges ("D5:E5"). */
export interface NewWorkbook {
  sheet: string;
  fills: Omit<Fill, "sheet">[];
  merges: string[];
  outputs: Output[];
}

/** Types each workbook into a new LibreOffice spreadsheet and saves it (one LibreOffice for all). */
export function libreOfficeNew(workbooks: NewWorkbook[]): void {
  runJob(
    {
      documents: workbooks.map((w) => ({
        input: null,
        sheet: w.sheet,
        fills: w.fills.map((f) => ({ ...f, sheet: w.sheet })),
        merges: w.merges.map((range) => ({ sheet: w.sheet, range })),
        outputs: outputJob(w.outputs),
      })),
    },
    300_000,
  );
}

/** Opens `input` in LibreOffice and saves it through each export filter named (any that Calc has). */
export function libreOfficeSave(input: string, outputs: { path: string; filter: string }[]): void {
  runJob({ input, fills: [], outputs }, 300_000);
}

/**
 * Converts files with LibreOffice (`soffice --convert-to`, a private profile so parallel runs do
 * not meet): HTML pages to .docx through Writer ("MS Word 2007 XML"), or to Word 97 .doc.
 * Returns the output paths, in the order of `inputs`.
 */
export function libreOfficeConvert(inputs: string[], to: "docx" | "doc", outDir: string): string[] {
  const filter = to === "docx" ? 'docx:MS Word 2007 XML' : "doc:MS Word 97";
  const profile = tempDir("cchc-lo-profile-");
  execFileSync(
    "soffice",
    ["--headless", "--invisible", "--nologo", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", filter, "--outdir", outDir, ...inputs],
    { encoding: "utf8", timeout: 300_000, stdio: ["ignore", "pipe", "pipe"] },
  );
  const outputs = inputs.map((input) => join(outDir, `${basename(input).replace(/\.[^.]+$/, "")}.${to}`));
  const missing = outputs.filter((o) => !existsSync(o));
  if (missing.length) throw new Error(`LibreOffice did not write ${missing.join(", ")}`);
  return outputs;
}
