// ESLint flat config. Besides ordinary TypeScript hygiene it enforces the layering of
// design.md ("a pure core, thin adapters"), so a forbidden import fails `npm run lint`:
//
//   catalog  → zod only (and itself)                        data, no behaviour
//   core     → catalog, zod (and itself)                    pure TypeScript
//   xlsx     → core, catalog, exceljs, @e965/xlsx, node:*   never excel/taskpane/cli/React
//   excel    → core, catalog, Office.js globals             never fs/node:*, xlsx libraries, taskpane/cli/React
//   sheets   → core, catalog, Apps Script globals           never fs/node:*, xlsx/UI/Office libraries, other adapters
//   taskpane → anything browser-side; xlsx code only through dynamic import() (code splitting)
//   cli      → core, catalog, xlsx, node:*                  never excel/taskpane/React
//
// test/layering.test.ts runs this config on a probe file so the guard cannot silently rot.
import { builtinModules } from "node:module";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import officeAddins from "eslint-plugin-office-addins";

// ---- import restrictions, one list per layer ------------------------------------------------
// A relative import reaches another top-level folder of src/ only by climbing exactly to src/,
// so the patterns are made per file depth: for src/core/a/b.ts (depth 1) "../../xlsx/x" is the
// xlsx layer while "./xlsx" or "../xlsx" are core's own files.
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const NODE_BUILTINS = `^(node:|(${builtinModules.map(escape).join("|")})(/|$))`;
const XLSX_LIBS = "^(exceljs|@e965/xlsx|xlsx)(/|$)";
const UI_LIBS = "^(react|react-dom|@fluentui)(/|$)";
const OFFICE_LIBS = "^(@microsoft/office-js|office-addin-[^/]*|@types/office-js)(/|$)";
const MAX_DEPTH = 6;
/** "^(\./)?(\.\./){depth+1}" — a relative specifier that climbs to src/ from a file at `depth`. */
const toSrc = (depth) => `^(\\./)?(\\.\\./){${depth + 1}}`;
const rule = (regex, message, extra = {}) => ({ regex, message, ...extra });

/** Patterns for one layer at one depth; `layer(...names)` matches imports of those src/ folders. */
const PATTERNS = {
  catalog: (layer, depth) => [
    rule("^(?!\\.{1,2}(/|$)|zod(/|$))", "catalog is pure data: it may import only itself and zod (design.md)."),
    rule(`${toSrc(depth)}(?!catalog(/|$))`, "catalog may import only itself and zod: not core, no adapter (xlsx, excel, taskpane, cli, commands)."),
  ],
  core: (layer, depth) => [
    rule("^(?!\\.{1,2}(/|$)|zod(/|$))", "core is pure: it may import only catalog, core and zod (design.md). Move I/O to an adapter."),
    rule(`${toSrc(depth)}(?!(catalog|core)(/|$))`, "core may not import an adapter (xlsx, excel, taskpane, cli, commands)."),
  ],
  xlsx: (layer) => [
    rule(UI_LIBS, "Only the task pane uses React / Fluent UI."),
    rule(layer("taskpane", "commands", "cli"), "Adapters may not import the task pane, commands or the CLI."),
    rule(layer("excel"), "src/excel and src/xlsx are sibling adapters: neither imports the other."),
    rule(OFFICE_LIBS, "Office.js belongs to src/excel and the task pane, not the file adapter."),
  ],
  excel: (layer) => [
    rule(UI_LIBS, "Only the task pane uses React / Fluent UI."),
    rule(layer("taskpane", "commands", "cli"), "Adapters may not import the task pane, commands or the CLI."),
    rule(NODE_BUILTINS, "src/excel runs in the Office web view: no fs/path/node:* built-ins."),
    rule(XLSX_LIBS, "The Office.js layer does not use xlsx libraries (they belong to src/xlsx)."),
    rule(layer("xlsx", "sheets"), "src/excel, src/xlsx and src/sheets are sibling adapters: none imports another."),
  ],
  sheets: (layer) => [
    rule(UI_LIBS, "The Apps Script server has no React / Fluent UI (the sidebar is the task pane)."),
    rule(layer("taskpane", "commands", "cli"), "Adapters may not import the task pane, commands or the CLI."),
    rule(NODE_BUILTINS, "src/sheets runs in Apps Script: no fs/path/node:* built-ins."),
    rule(`${XLSX_LIBS}|${OFFICE_LIBS}`, "The Apps Script server uses neither xlsx libraries nor Office.js."),
    rule(layer("excel", "xlsx"), "src/sheets, src/excel and src/xlsx are sibling adapters: none imports another."),
  ],
  cli: (layer) => [
    rule(UI_LIBS, "The CLI runs in Node: no React / Fluent UI."),
    rule(layer("taskpane", "commands", "excel"), "The CLI runs in Node: no task pane, commands or Office.js layer."),
    rule(OFFICE_LIBS, "The CLI runs in Node: no Office.js."),
  ],
  taskpane: (layer) => [
    rule(NODE_BUILTINS, "The task pane runs in the browser: no Node built-ins."),
    rule(layer("cli"), "The task pane runs in the browser: it may not import the CLI."),
    rule(
      `${XLSX_LIBS}|${layer("xlsx")}`,
      "Load xlsx code with `await import(...)` so it stays out of the task pane's first bundle (type imports are fine).",
      { allowTypeImports: true },
    ),
  ],
};
PATTERNS.commands = PATTERNS.taskpane;

/** One flat-config entry per depth of src/<name>/…, each with its complete pattern list. */
function layering(name, extra = {}) {
  return Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => {
    const layer = (...names) => `${toSrc(depth)}(src/)?(${names.join("|")})(/|$)`;
    return {
      files: [`src/${name}/${"*/".repeat(depth)}*.{ts,tsx,js,mjs,cjs}`],
      ...extra,
      rules: {
        "@typescript-eslint/no-restricted-imports": ["error", { patterns: PATTERNS[name](layer, depth) }],
        ...(extra.rules ?? {}),
      },
    };
  });
}

/** What pure layers must not reach without an import: Office.js globals and Node's. */
const PURE_GLOBALS = ["Office", "Excel", "OfficeExtension", "OfficeRuntime", "process", "require", "Buffer", "__dirname", "__filename"].map(
  (name) => ({ name, message: "catalog/core are pure: no Office.js or Node globals (design.md)." }),
);
const PURE_SYNTAX = [
  { selector: "ImportExpression", message: "catalog/core are pure: no dynamic import()." },
  { selector: "CallExpression[callee.name='require']", message: "catalog/core are pure: no require()." },
  { selector: "TSImportType", message: 'catalog/core are pure: no import("…") types.' },
];
const PURE_RULES = {
  "no-restricted-globals": ["error", ...PURE_GLOBALS],
  "no-restricted-syntax": ["error", ...PURE_SYNTAX],
};

// eslint-plugin-office-addins 4.x ships flat configs for ESLint 9, but its `recommended` also
// turns on prettier (as errors) and @eslint/js for every file and pins its own typescript-eslint
// parser. We take only its office-addins/* rule settings and apply them to the Office.js layer.
const OFFICE_ADDINS_RULES = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((c) => Object.entries(c.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/")),
);

export default tseslint.config(
  {
    ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "test-output/**", ".tmp/**", "**/*.d.ts.map"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      eqeqeq: ["error", "smart"],
      "no-eval": "error",
      "no-implied-eval": "error",
    },
  },
  // Node-side files: build config, scripts, the bin shim, tests.
  {
    files: ["*.{js,cjs,mjs}", "scripts/**/*.{js,cjs,mjs}", "bin/**/*.js", "jest.config.js"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["*.js", "*.cjs", "scripts/**/*.js", "scripts/**/*.cjs", "bin/**/*.js", "jest.config.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["test/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  // Browser-side files.
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.{ts,tsx}", "src/excel/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
  },

  // ---- layering -------------------------------------------------------------------------------
  ...layering("catalog", { rules: PURE_RULES }),
  ...layering("core", { rules: PURE_RULES }),
  ...layering("xlsx"),
  ...layering("excel", { plugins: { "office-addins": officeAddins }, rules: OFFICE_ADDINS_RULES }),
  ...layering("sheets"),
  ...layering("cli"),
  ...layering("taskpane"),
  ...layering("commands"),
);
