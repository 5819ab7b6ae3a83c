#!/usr/bin/python3
"""Write workbooks with openpyxl (Debian python3-openpyxl): a writer that is neither ours nor LibreOffice.

Usage: openpyxl_write.py JOB.json
JOB = {"workbooks": [{"path": "out.xlsx",
                      "sheets": [{"name": "Sheet1", "rows": [[value, ...], ...], "merges": ["D5:E5", ...]}]}]}
A value is a number, a string (kept as typed: NFD stays NFD, line breaks stay) or null (empty).
Prints one JSON line: {"ok": true} or {"ok": false, "error": "..."}.
"""
import json, sys

from openpyxl import Workbook
from openpyxl.styles import Alignment


def main():
    job = json.load(open(sys.argv[1], encoding="utf-8"))
    try:
        for book in job["workbooks"]:
            wb = Workbook()
            wb.remove(wb.active)
            for spec in book["sheets"]:
                ws = wb.create_sheet(spec["name"])
                for r, row in enumerate(spec["rows"], start=1):
                    for c, value in enumerate(row, start=1):
                        if value is None:
                            continue
                        cell = ws.cell(row=r, column=c, value=value)
                        if isinstance(value, str) and "\n" in value:
                            cell.alignment = Alignment(wrap_text=True)
                for rng in spec.get("merges", []):
                    ws.merge_cells(rng)
            wb.save(book["path"])
        print(json.dumps({"ok": True}))
    except Exception as error:  # reported to the test, which fails with it
        print(json.dumps({"ok": False, "error": str(error)}))


if __name__ == "__main__":
    main()
