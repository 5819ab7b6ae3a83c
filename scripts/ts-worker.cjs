// Dev only: runs a worker written in TypeScript (src/xlsx/read-worker.node.ts) when the code runs
// from its sources (jest) rather than from lib/. Each .ts file is transpiled with the project's
// TypeScript (transpileModule: no type check) and cached on disk by content, so only a changed
// file costs a compilation. The installed CLI never uses this: lib/ holds compiled JavaScript.
"use strict";
const { createHash } = require("node:crypto");
const { mkdirSync, readFileSync, writeFileSync, existsSync, renameSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const cacheDir = join(tmpdir(), "cchc-ts-worker-cache");
mkdirSync(cacheDir, { recursive: true });
let ts;
require.extensions[".ts"] = (module, filename) => {
  const source = readFileSync(filename, "utf8");
  const key = createHash("sha1").update(filename).update("\0").update(source).digest("hex");
  const cached = join(cacheDir, `${key}.js`);
  let code;
  if (existsSync(cached)) code = readFileSync(cached, "utf8");
  else {
    ts ??= require("typescript");
    code = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true, sourceMap: false },
    }).outputText;
    const temp = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(temp, code);
    renameSync(temp, cached);
  }
  module._compile(code, filename);
};
// The entry: the worker process's first argument (node-pool.ts), or a worker thread's workerData.
require(process.argv[2] ?? require("node:worker_threads").workerData.entry);
