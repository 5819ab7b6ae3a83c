/**
 * The layering of design.md is enforced by eslint.config.mjs. This runs the real config through
 * ESLint's Node API on probe sources placed (virtually: `lintText` with a file path, nothing is
 * written to src/) in each layer, so a config change that stops a rule from firing fails here
 * instead of silently letting a forbidden import through.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const LAYER_RULES = new Set(["@typescript-eslint/no-restricted-imports", "no-restricted-globals", "no-restricted-syntax"]);

interface Message {
  ruleId: string | null;
  severity: number;
  message: string;
  fatal?: boolean;
}

/*
 * ESLint loads eslint.config.mjs with a dynamic import(), which Jest's module sandbox refuses
 * (it would need --experimental-vm-modules). So every probe is collected first and linted in one
 * plain Node child process through ESLint's Node API (the same config `npm run lint` uses).
 */
const probes: { file: string; code: string }[] = [];
let results: Message[][] = [];
let coreConfigRules: Record<string, unknown> = {};

const LINT_SCRIPT = `
import { ESLint } from "eslint";
let input = "";
for await (const chunk of process.stdin) input += chunk;
const probes = JSON.parse(input);
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const p of probes) {
  const [r] = await eslint.lintText(p.code, { filePath: p.file });
  results.push(r.messages.map(({ ruleId, severity, message, fatal }) => ({ ruleId, severity, message, fatal })));
}
const config = await eslint.calculateConfigForFile("src/core/__probe__.ts");
process.stdout.write(JSON.stringify({ results, coreConfigRules: config.rules }));
`;

/** Registers a probe now; its messages are available (through the returned getter) in tests. */
function probe(file: string, code: string): () => Message[] {
  const i = probes.push({ file: join(ROOT, file), code }) - 1;
  return () => {
    const messages = results[i];
    const fatal = messages.filter((m) => m.fatal);
    if (fatal.length) throw new Error(`${file}: ${fatal.map((m) => m.message).join("; ")}`);
    return messages;
  };
}

/** The layering rules that fire on `code` placed at `file`. */
function layerViolations(file: string, code: string): () => string[] {
  const get = probe(file, code);
  return () => get().filter((m) => m.ruleId && LAYER_RULES.has(m.ruleId)).map((m) => m.ruleId as string);
}

beforeAll(() => {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", LINT_SCRIPT], {
    cwd: ROOT,
    input: JSON.stringify(probes),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`ESLint probe run failed: ${r.stderr}`);
  ({ results, coreConfigRules } = JSON.parse(r.stdout) as { results: Message[][]; coreConfigRules: Record<string, unknown> });
  expect(results).toHaveLength(probes.length);
});

const use = (names: string) => `\nexport const used = [${names}];\n`;
const importAll = (spec: string) => `import * as m from "${spec}";${use("m")}`;
const RESTRICTED = "@typescript-eslint/no-restricted-imports";

describe("layering: core and catalog are pure", () => {
  test("the config is really applied to a file in src/core", () => {
    expect(coreConfigRules[RESTRICTED]).toBeDefined();
  });

  const exceljsInCore = probe("src/core/__probe__.ts", `import ExcelJS from "exceljs";${use("ExcelJS")}`);
  test('a file in src/core importing "exceljs" is an error', () => {
    const hit = exceljsInCore().filter((m) => m.ruleId === RESTRICTED);
    expect(hit).toHaveLength(1);
    expect(hit[0].severity).toBe(2);
    expect(hit[0].message).toMatch(/core is pure/);
  });

  const forbidden = [
    "exceljs",
    "@e965/xlsx",
    "xlsx",
    "react",
    "react-dom/client",
    "@fluentui/react-components",
    "@microsoft/office-js",
    "fs",
    "node:fs",
    "path",
    "node:path",
    "../xlsx/render",
    "../excel/insert",
    "../taskpane/App",
    "../cli/main",
    "../commands/commands",
    "../../package.json",
  ].map((spec) => [spec, layerViolations("src/core/__probe__.ts", importAll(spec))] as const);
  test.each(forbidden)("src/core may not import %s", (_spec, fired) => {
    expect(fired()).toContain(RESTRICTED);
  });

  const allowed = ["zod", "./grid", "../catalog/schema", "../core/issues"].map(
    (spec) => [spec, layerViolations("src/core/__probe__.ts", importAll(spec))] as const,
  );
  test.each(allowed)("src/core may import %s", (_spec, fired) => {
    expect(fired()).toEqual([]);
  });

  const typeOnly = layerViolations("src/core/__probe__.ts", `import type { Workbook } from "exceljs";\nexport type W = Workbook;\n`);
  test("a type-only import of an adapter library is an error in core too", () => {
    expect(typeOnly()).toContain(RESTRICTED);
  });

  const sneaky = [
    [`export const h = Office.context.host;\n`, "no-restricted-globals"],
    [`export const r = Excel.run;\n`, "no-restricted-globals"],
    [`export const e = process.env.X;\n`, "no-restricted-globals"],
    [`export const load = () => import("exceljs");\n`, "no-restricted-syntax"],
    [`export type R = import("exceljs").Workbook;\n`, "no-restricted-syntax"],
  ].map(([code, ruleId]) => [code.trim(), ruleId, layerViolations("src/core/__probe__.ts", code)] as const);
  test.each(sneaky)("core may not reach Office.js or Node some other way: %s", (_code, ruleId, fired) => {
    expect(fired()).toContain(ruleId);
  });

  const catalogOk = layerViolations("src/catalog/forms/__probe__.ts", `import { z } from "zod";\nimport * as s from "../schema";${use("z, s")}`);
  const catalogCoreNested = layerViolations("src/catalog/forms/__probe__.ts", importAll("../../core/grid"));
  const catalogCore = layerViolations("src/catalog/__probe__.ts", importAll("../core/grid"));
  const catalogExceljs = layerViolations("src/catalog/forms/__probe__.ts", importAll("exceljs"));
  test("catalog may import zod and itself, not core, not libraries", () => {
    expect(catalogOk()).toEqual([]);
    expect(catalogCoreNested()).toContain(RESTRICTED);
    expect(catalogCore()).toContain(RESTRICTED);
    expect(catalogExceljs()).toContain(RESTRICTED);
  });

  const ownFolder = layerViolations("src/cli/__probe__.ts", importAll("./commands/forms"));
  const otherLayer = layerViolations("src/cli/__probe__.ts", importAll("../commands/commands"));
  const deepCoreOwn = layerViolations("src/core/rules/__probe__.ts", importAll("../xlsx"));
  const deepCoreAdapter = layerViolations("src/core/rules/__probe__.ts", importAll("../../xlsx/render"));
  test("a nested folder named like a layer is not mistaken for it", () => {
    expect(ownFolder()).toEqual([]); // src/cli/commands/ is the CLI's own folder
    expect(otherLayer()).toContain(RESTRICTED); // src/commands/
    expect(deepCoreOwn()).toEqual([]); // src/core/xlsx.ts (core's own file)
    expect(deepCoreAdapter()).toContain(RESTRICTED); // src/xlsx/
  });
});

describe("layering: adapters", () => {
  const excelForbidden = ["node:fs", "fs", "exceljs", "@e965/xlsx", "react", "../xlsx/render", "../taskpane/App", "../cli/main"].map(
    (spec) => [spec, layerViolations("src/excel/__probe__.ts", importAll(spec))] as const,
  );
  test.each(excelForbidden)("src/excel may not import %s", (_spec, fired) => {
    expect(fired()).toEqual([RESTRICTED]);
  });
  const excelCore = layerViolations("src/excel/__probe__.ts", importAll("../core/layout"));
  test("src/excel may import core", () => {
    expect(excelCore()).toEqual([]);
  });

  const sheetsForbidden = ["node:fs", "exceljs", "@e965/xlsx", "react", "@microsoft/office-js", "../excel/render", "../xlsx/read", "../taskpane/App", "../cli/main"].map(
    (spec) => [spec, layerViolations("src/sheets/__probe__.ts", importAll(spec))] as const,
  );
  test.each(sheetsForbidden)("src/sheets may not import %s", (_spec, fired) => {
    expect(fired()).toEqual([RESTRICTED]);
  });
  const sheetsCore = layerViolations("src/sheets/__probe__.ts", importAll("../core/layout"));
  const excelSheets = layerViolations("src/excel/__probe__.ts", importAll("../sheets/render"));
  test("src/sheets may import core; src/excel may not import src/sheets", () => {
    expect(sheetsCore()).toEqual([]);
    expect(excelSheets()).toEqual([RESTRICTED]);
  });

  const xlsxForbidden = ["react", "@fluentui/react-components", "../taskpane/App", "../cli/main", "../excel/insert"].map(
    (spec) => [spec, layerViolations("src/xlsx/__probe__.ts", importAll(spec))] as const,
  );
  test.each(xlsxForbidden)("src/xlsx may not import %s", (_spec, fired) => {
    expect(fired()).toEqual([RESTRICTED]);
  });
  const xlsxOk = layerViolations("src/xlsx/__probe__.ts", `import ExcelJS from "exceljs";\nimport * as fs from "node:fs";${use("ExcelJS, fs")}`);
  test("src/xlsx may use xlsx libraries and Node", () => {
    expect(xlsxOk()).toEqual([]);
  });

  const cliForbidden = ["react", "../excel/insert", "../taskpane/App"].map(
    (spec) => [spec, layerViolations("src/cli/__probe__.ts", importAll(spec))] as const,
  );
  test.each(cliForbidden)("src/cli may not import %s", (_spec, fired) => {
    expect(fired()).toEqual([RESTRICTED]);
  });

  const paneStatic = layerViolations("src/taskpane/__probe__.ts", `import ExcelJS from "exceljs";${use("ExcelJS")}`);
  const paneStaticLayer = layerViolations("src/taskpane/__probe__.ts", importAll("../xlsx/render"));
  const paneType = layerViolations("src/taskpane/__probe__.ts", `import type { Workbook } from "exceljs";\nexport type W = Workbook;\n`);
  const paneDynamic = layerViolations("src/taskpane/__probe__.ts", `export const load = () => import("exceljs");\n`);
  const paneFs = layerViolations("src/taskpane/__probe__.ts", importAll("node:fs"));
  test("src/taskpane: xlsx code only through dynamic import() (keeps it out of the first bundle)", () => {
    expect(paneStatic()).toContain(RESTRICTED);
    expect(paneStaticLayer()).toContain(RESTRICTED);
    expect(paneType()).toEqual([]);
    expect(paneDynamic()).toEqual([]);
    expect(paneFs()).toContain(RESTRICTED);
  });

  const unsynced = probe(
    "src/excel/__probe__.ts",
    `export async function read(context: Excel.RequestContext): Promise<unknown> {
  const range = context.workbook.getSelectedRange();
  range.load("values");
  return range.values;
}
`,
  );
  const synced = probe(
    "src/excel/__probe__.ts",
    `export async function read(context: Excel.RequestContext): Promise<unknown> {
  const range = context.workbook.getSelectedRange();
  range.load("values");
  await context.sync();
  return range.values;
}
`,
  );
  test("eslint-plugin-office-addins rules run on src/excel", () => {
    expect(unsynced().map((m) => m.ruleId)).toContain("office-addins/call-sync-before-read");
    expect(synced().map((m) => m.ruleId)).toEqual([]);
  });
});
