#!/usr/bin/env node
"use strict";
// Entry of the `cchc` command: the TypeScript CLI compiled by `npm run build:cli` (run on install).
const { existsSync } = require("fs");
const { join } = require("path");
const entry = join(__dirname, "..", "lib", "cli", "main.js");
if (!existsSync(entry)) {
  process.stderr.write("Chưa biên dịch CLI. Hãy chạy: npm install (hoặc npm run build:cli)\n");
  process.exit(2);
}
// A closed pipe (cchc forms | head) is not an error.
process.stdout.on("error", (error) => { if (error.code === "EPIPE") process.exit(0); throw error; });
const { main } = require(entry);
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { process.stderr.write(`Lỗi không mong đợi: ${error && error.stack ? error.stack : error}\n`); process.exitCode = 2; },
);
