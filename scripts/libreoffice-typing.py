#!/usr/bin/python3
"""Fills a roster template in LibreOffice Calc as a person types (docs/guida.md, «Il modello da
compilare»): opens the workbook written by `potenziamento modello`, deletes the example rows,
types every value of a CSV folder cell by cell through LibreOffice's own input line (dispatcher
.uno:EnterString, Italian locale: `01/04/2025` becomes a date, `22,5` a number, `048001` stays
text in a text column) and saves the result as .ods and .xlsx. Used by the workbook tests.

    /usr/bin/python3 scripts/libreoffice-typing.py TEMPLATE.ods CSV-FOLDER OUT-BASENAME PROFILE-FOLDER

Needs LibreOffice and its Python bridge (Debian: libreoffice-calc-nogui, python3-uno).
"""
import csv
import os
import shutil
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    item = PropertyValue()
    item.Name = name
    item.Value = value
    return item


def column_letters(index):
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def start(profile):
    pipe = "potenziamento-typing-%d" % os.getpid()
    office = subprocess.Popen(
        ["soffice", "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.abspath(profile)), "--headless", "--invisible", "--norestore",
         "--nologo", "--accept=pipe,name=%s;urp;" % pipe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(300):
        try:
            context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return office, context
        except Exception:
            time.sleep(0.2)
    office.kill()
    raise SystemExit("LibreOffice did not start")


def italian_locale(context):
    """The office's locale as an Italian installation has it (number and date recognition)."""
    provider = context.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", context)
    for path, key in [("/org.openoffice.Setup/L10N", "ooSetupSystemLocale"), ("/org.openoffice.Office.Linguistic/General", "DefaultLocale")]:
        access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess", (prop("nodepath", path),))
        access.replaceByName(key, "it-IT")
        access.commitChanges()


def main():
    template, folder, out, profile = sys.argv[1:5]
    office, context = start(profile)
    try:
        italian_locale(context)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        # A working copy of this run's own: a run that crashed leaves its copy locked
        # (`.~lock.…#`), and LibreOffice then refuses to open that file again.
        work = "%s.lavoro-%d%s" % (out, os.getpid(), os.path.splitext(template)[1])
        shutil.copy(template, work)
        document = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(work)), "_blank", 0, (prop("Hidden", True),))
        if document is None:
            raise SystemExit("LibreOffice did not open " + work)
        controller = document.getCurrentController()
        frame = controller.getFrame()
        for name in ["ambito", "comuni", "personale"]:
            path = os.path.join(folder, name + ".csv")
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8-sig", newline="") as handle:
                rows = list(csv.reader(handle, delimiter=";"))
            sheet = document.Sheets.getByName(name)
            controller.setActiveSheet(sheet)
            header = []
            for column in range(40):
                text = sheet.getCellByPosition(column, 0).getString()
                if not text:
                    break
                header.append(text)
            sheet.Rows.removeByIndex(1, 1)  # the example row, as the instructions say
            for number, row in enumerate(rows[1:], start=2):
                for key, value in zip(rows[0], row):
                    if value == "":
                        continue
                    if value.lower() == "si":
                        value = "sì"  # the drop-down's spelling
                    cell = column_letters(header.index(key)) + str(number)
                    dispatcher.executeDispatch(frame, ".uno:GoToCell", "", 0, (prop("ToPoint", cell),))
                    dispatcher.executeDispatch(frame, ".uno:EnterString", "", 0, (prop("StringName", value),))
        controller.setActiveSheet(document.Sheets.getByIndex(0))
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out + ".xlsx")), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out + ".ods")), (prop("FilterName", "calc8"),))
        os.remove(work)
        try:
            # LibreOffice 7.4 headless can abort while closing a document first loaded from .xlsx
            # after dispatcher edits (with its own .xlsx too): both files are written by then.
            document.close(True)
        except Exception:
            pass
    finally:
        try:
            context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context).terminate()
        except Exception:
            pass
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


main()
