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
require(entry).runCommandLine();
