#!/usr/bin/python3
"""Fill and re-save a workbook with real LibreOffice (through UNO): a writer that is not ours.

Usage: lo_fill.py JOB.json
JOB = {"input": "in.xlsx",
       "fills": [{"sheet": "Phụ lục 3 huyện", "cell": "C12", "value": 5 | "text"}],
       "outputs": [{"path": "out.xlsx", "filter": "Calc MS Excel 2007 XML", "password": "optional"}, ...]}
   or {"documents": [JOB, ...]} to make several documents with one LibreOffice.
"input": null starts a new, empty spreadsheet whose first sheet is named "sheet" (a workbook a
person types from scratch); "merges": [{"sheet": …, "range": "D5:E5"}] merges cells as
Format > Merge Cells does.
Numbers are set as numbers, strings as typed text (setString), then everything is recalculated.
An output with a "password" is saved encrypted with it, as File > Save As > "Save with password".
Prints one JSON line: {"ok": true} or {"ok": false, "error": "..."}.
"""
import json, os, subprocess, sys, tempfile, time, shutil

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def make(desktop, job):
    if job.get("input"):
        url = uno.systemPathToFileUrl(os.path.abspath(job["input"]))
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise RuntimeError("LibreOffice could not open " + job["input"])
    else:
        doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
        doc.Sheets.getByIndex(0).setName(job.get("sheet", "Sheet1"))
    sheets = doc.Sheets
    for fill in job.get("fills", []):
        sheet = sheets.getByName(fill["sheet"])
        # Protected templates: lift protection as a user would (no password).
        if sheet.isProtected():
            sheet.unprotect("")
        cell = sheet.getCellRangeByName(fill["cell"])
        value = fill["value"]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            cell.setValue(value)
        else:
            cell.setString(str(value))
    for merge in job.get("merges", []):
        sheets.getByName(merge["sheet"]).getCellRangeByName(merge["range"]).merge(True)
    doc.calculateAll()
    for out in job["outputs"]:
        target = uno.systemPathToFileUrl(os.path.abspath(out["path"]))
        args = [prop("FilterName", out["filter"])]
        if out.get("password"):
            args.append(prop("Password", out["password"]))
        doc.storeToURL(target, tuple(args))
    doc.close(True)


def main():
    job = json.load(open(sys.argv[1], encoding="utf-8"))
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    pipe = "cchc_%d" % os.getpid()
    soffice = shutil.which("soffice") or "/usr/bin/soffice"
    proc = subprocess.Popen([soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
                             "-env:UserInstallation=file://" + profile,
                             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(600):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.1)
        if ctx is None:
            raise RuntimeError("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for document in job.get("documents", [job]):
            make(desktop, document)
        print(json.dumps({"ok": True}))
    except Exception as error:  # reported to the test, which fails with it
        print(json.dumps({"ok": False, "error": str(error)}))
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=20)
        except Exception:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
