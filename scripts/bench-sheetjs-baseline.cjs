// The baseline of the rollup benchmark: a bare single-threaded SheetJS parse of the files, as a
// script would do it — readFile + sheet_to_json of every sheet — run from the shell like `cchc`.
"use strict";
const XLSX = require("@e965/xlsx");
for (const file of process.argv.slice(2)) {
  const workbook = XLSX.readFile(file);
  for (const name of workbook.SheetNames) XLSX.utils.sheet_to_json(workbook.Sheets[name], { header: 1 });
}
