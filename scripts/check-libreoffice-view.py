#!/usr/bin/python3
"""Opens workbooks in LibreOffice through UNO and prints what a person would see of them:
sheets (and which are hidden), frozen rows, column widths, the number format and text shown in
the first cells, and the drop-down lists. A manual check of the writers, not part of CI.

    xvfb-run -a /usr/bin/python3 scripts/check-libreoffice-view.py FILE.xlsx FILE.ods ...

Without a display LibreOffice runs headless and loads the files hidden: then it does not apply
the frozen rows of .ods files (it does for .xlsx), so run it under xvfb-run (Debian: xvfb).

Needs LibreOffice and its Python bridge (Debian: libreoffice-calc-nogui, python3-uno; run with
the system python3, which has the `uno` module).
"""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    item = PropertyValue()
    item.Name = name
    item.Value = value
    return item


def connect(folder):
    pipe = "potenziamento%d" % os.getpid()
    # With a display (e.g. under xvfb-run) the documents open in real windows: LibreOffice applies
    # an .ods file's view settings (frozen rows) only to a visible view.
    headless = [] if os.environ.get("DISPLAY") else ["--headless"]
    office = subprocess.Popen(["soffice", "-env:UserInstallation=file://" + folder] + headless + ["--norestore", "--nologo",
                               "--accept=pipe,name=%s;urp;" % pipe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
    for _ in range(100):
        try:
            context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return office, context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except Exception:
            time.sleep(0.2)
    raise SystemExit("LibreOffice did not start")


def describe(desktop, path):
    document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", not os.environ.get("DISPLAY")),))
    controller = document.getCurrentController()
    formats = document.getNumberFormats()
    print("==", path)
    for index in range(document.Sheets.Count):
        sheet = document.Sheets.getByIndex(index)
        line = "-- sheet %r%s" % (sheet.Name, "" if sheet.IsVisible else " (hidden)")
        if controller is not None:
            controller.setActiveSheet(sheet)
            frozen = controller.hasFrozenPanes()
            line += ", frozen rows: %d" % (controller.getSplitRow() if frozen else 0)
        print(line)
        widths = [sheet.Columns.getByIndex(column).Width for column in range(8)]
        print("   column widths (mm):", " ".join("%.1f" % (width / 100) for width in widths))
        for row in range(3):
            cells = []
            for column in range(8):
                cell = sheet.getCellByPosition(column, row)
                if cell.getType().value == "EMPTY":
                    continue
                code = formats.getByKey(cell.NumberFormat).FormatString
                bold = cell.CharWeight > 100
                cells.append("%s=%r [%s%s]" % (cell.AbsoluteName.split(".")[-1].replace("$", ""), cell.String, code, ", bold" if bold else ""))
            if cells:
                print("  ", "; ".join(cells))
        for column in range(8):
            validation = sheet.getCellByPosition(column, 1).Validation
            if validation.Type.value == "LIST":
                print("   list in column %d: %s" % (column + 1, validation.getFormula1()[:80]))
    document.close(True)


def main():
    with tempfile.TemporaryDirectory() as folder:
        office, desktop = connect(folder)
        try:
            for path in sys.argv[1:]:
                describe(desktop, path)
        finally:
            try:
                desktop.terminate()
            except Exception:
                pass
            office.wait(timeout=30)


if __name__ == "__main__":
    main()
