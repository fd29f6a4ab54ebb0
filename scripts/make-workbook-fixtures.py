#!/usr/bin/env python3
"""Makes the workbook fixtures of Tests/PotenziamentoFormatsTests/Fixtures/workbook with programs
that are not ours: openpyxl (pip install openpyxl) and, when `soffice` is on PATH, LibreOffice.

    python3 scripts/make-workbook-fixtures.py

Writes:
  tipi.xlsx          openpyxl: text, integers, decimals, percentages, dates (custom and built-in
                     formats), a date-time, a time, booleans, an error, rich text, shared strings,
                     a formula with a cached value (added to the XML: openpyxl computes nothing)
                     and one without, an empty row, a hidden sheet;
  tipi-1904.xlsx     openpyxl, 1904 date system;
  tipi.ods           LibreOffice's conversion of tipi.xlsx;
  tipi-lo.xlsx       LibreOffice's conversion of tipi.ods back to .xlsx;
  csv.xlsx, csv.ods  LibreOffice's conversions of csv.csv (text, numbers, ISO dates).
The tests check the exact typed values, so a change here needs the same change there.
Timestamps inside the files differ from run to run; the cells do not.
"""
import datetime
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "PotenziamentoFormatsTests", "Fixtures", "workbook")

CSV = """nome;ore;quota;dal;al;note
Rossi Mario;36;0.5;2025-01-01;2025-12-31;tempo pieno
Bianchi Anna;18;0.25;2025-07-01;;"con ""virgolette""; e punto e virgola"
Verdi Luca;30.5;1;2024-02-29;2025-06-30;città più
"""


def shared_strings(entries):
    """Moves the inline strings of sheet1 to a shared strings part (openpyxl 3.1 writes only inline
    strings; Excel writes shared ones), with a phonetic run on one of them, as Japanese Excel adds."""
    files = dict(entries)
    sheet = files["xl/worksheets/sheet1.xml"].decode()
    strings = []

    def share(match):
        item = match.group(2)
        if item not in strings:
            strings.append(item)
        return f'{match.group(1)} t="s"><v>{strings.index(item)}</v></c>'

    sheet = re.sub(r'(<c r="[A-Z]+[0-9]+")(?: s="[0-9]+")? t="inlineStr"><is>(.*?)</is></c>', share, sheet)
    items = "".join(f"<si>{item}</si>" for item in strings).replace("<si><t>Rossi Mario</t></si>", '<si><t>Rossi Mario</t><rPh sb="0" eb="5"><t>ロッシ</t></rPh></si>')
    files["xl/worksheets/sheet1.xml"] = sheet.encode()
    files["xl/sharedStrings.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                                     f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>').encode()
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    files["xl/_rels/workbook.xml.rels"] = files["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    return list(files.items())


def typed(path, epoch=None):
    workbook = Workbook()
    if epoch is not None:
        workbook.epoch = epoch
    sheet = workbook.active
    sheet.title = "personale"
    sheet.append(["testo", "intero", "decimale", "percentuale", "data", "data_breve", "logico", "formula", "piccolo", "negativo", "grande"])
    sheet.append(["Rossi Mario", 42, 0.1, 0.225, datetime.date(2025, 7, 1), datetime.date(2024, 2, 29), True, "=B2*2", 0.001, -3.5, 12345678901234567890])
    sheet.append(["  città è più  ", 83.33333333333333, 1e-7, 1, datetime.datetime(2025, 7, 1, 12, 30), datetime.time(8, 15), False, "=SUM(B2:B3)",
                  0.045, -0.0, 1.5e300])
    sheet.append([])
    sheet.append(["dopo la riga vuota", None, None, None, None, None, None, "#DIV/0!"])
    rich = CellRichText([TextBlock(InlineFont(b=True), "grassetto"), " e normale"])
    sheet["A6"] = rich
    sheet["B6"] = "Rossi Mario"  # the same shared string twice
    for row in (2, 3):
        sheet.cell(row, 4).number_format = "0.0%"
    sheet["E2"].number_format = "yyyy-mm-dd"
    sheet["F2"].number_format = "mm-dd-yy"  # built-in 14
    sheet["E3"].number_format = "dd/mm/yyyy hh:mm"
    sheet["F3"].number_format = "hh:mm"
    hidden = workbook.create_sheet("nascosto")
    hidden["A1"] = "segreto"
    hidden.sheet_state = "hidden"
    workbook.save(path)
    # openpyxl writes formulas without results: give B2*2 its cached value, as Excel would.
    with zipfile.ZipFile(path) as archive:
        entries = [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
    before = dict(entries)["xl/worksheets/sheet1.xml"]
    entries = [(name, data.replace(b"<f>B2*2</f><v></v>", b"<f>B2*2</f><v>84</v>").replace(b"<f>B2*2</f><v />", b"<f>B2*2</f><v>84</v>"))
               for name, data in entries]
    assert dict(entries)["xl/worksheets/sheet1.xml"] != before, "formula cell not found"
    if epoch is None:
        entries = shared_strings(entries)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)


def convert(source, target_format, folder, infilter=None):
    command = ["soffice", "-env:UserInstallation=file://" + os.path.join(folder, "profile"), "--headless"]
    if infilter:
        command.append("--infilter=" + infilter)
    command += ["--convert-to", target_format, "--outdir", folder, source]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(folder, os.path.splitext(os.path.basename(source))[0] + "." + target_format)


def main():
    os.makedirs(OUT, exist_ok=True)
    typed(os.path.join(OUT, "tipi.xlsx"))
    typed(os.path.join(OUT, "tipi-1904.xlsx"), CALENDAR_MAC_1904)
    with open(os.path.join(OUT, "csv.csv"), "w", encoding="utf-8") as handle:
        handle.write(CSV)
    if not shutil.which("soffice"):
        print("soffice not found: LibreOffice fixtures not made")
        return
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(os.path.join(OUT, "tipi.xlsx"), folder)
        shutil.copy(convert(os.path.join(folder, "tipi.xlsx"), "ods", folder), os.path.join(OUT, "tipi.ods"))
        os.remove(os.path.join(folder, "tipi.xlsx"))
        shutil.copy(convert(os.path.join(folder, "tipi.ods"), "xlsx", folder), os.path.join(OUT, "tipi-lo.xlsx"))
        for kind in ("xlsx", "ods"):
            shutil.copy(convert(os.path.join(OUT, "csv.csv"), kind, folder, "CSV:59,34,76,1,,1033,false,true"), os.path.join(OUT, "csv." + kind))
    print("fixtures written to", os.path.normpath(OUT))


if __name__ == "__main__":
    main()
