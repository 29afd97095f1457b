"""Unit workbooks that check in a second but whose annotated copy is costly (issue 22): made at
test time from a sample, for the tests of the bounded copies (tests/output, tests/cli,
tests/web) and bench/probes.py.

    many_sheets(path, n=20_000)      # the workbook declares n more (hidden) sheets: 121 KB
    big_extra_sheet(path, rows=50_000, cols=20)   # a sheet the checker does not read, 1 M cells
"""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from process_files import made_once

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "d1-as2-fiskal.xlsx"
_WS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


def many_sheets(path, n: int = 20_000, source=SAMPLE) -> Path:
    """The sample with `n` sheet entries added to its workbook part, all naming one tiny hidden
    sheet: the check reads the contract's sheets only; openpyxl opens every entry."""
    with zipfile.ZipFile(source) as zi, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zo:
        for name in zi.namelist():
            data = zi.read(name)
            if name == "xl/workbook.xml":
                extra = "".join(f'<sheet name="x{i}" sheetId="{1000 + i}" state="hidden" r:id="rIdX"/>'
                                for i in range(n))
                data = data.replace(b"</sheets>", extra.encode() + b"</sheets>")
            elif name == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", f'<Relationship Id="rIdX" Type="{_WS}" '
                                    f'Target="worksheets/sheetX.xml"/></Relationships>'.encode())
            elif name == "[Content_Types].xml":
                data = data.replace(b"</Types>", f'<Override PartName="/xl/worksheets/sheetX.xml" '
                                    f'ContentType="{_CT}"/></Types>'.encode())
            zo.writestr(name, data)
        zo.writestr("xl/worksheets/sheetX.xml", '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                    '2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'
                    '</sheetData></worksheet>')
    return Path(path)


def big_extra_sheet(path, rows: int = 50_000, cols: int = 20, source=SAMPLE) -> Path:
    """The sample rewritten with an extra sheet "Lampiran" of rows x cols numbers, which the
    check never reads (2.7 MB; openpyxl needs ~300 MB to open it). Written once per process
    (a second each) and copied to `path`."""
    made = made_once(f"lebar-{Path(source).stem}-{rows}x{cols}",
                     lambda target: _write_big_extra_sheet(target, rows, cols, Path(source)), ".xlsx")
    shutil.copyfile(made, path)
    return Path(path)


def _write_big_extra_sheet(path: Path, rows: int, cols: int, source: Path) -> None:
    import openpyxl
    import xlsxwriter
    src = openpyxl.load_workbook(source, read_only=True)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False})
    for ws in src.worksheets:
        out = wb.add_worksheet(ws.title)
        for r, row in enumerate(ws.iter_rows(values_only=True)):
            for c, v in enumerate(row):
                if v is not None:
                    out.write_string(r, c, v) if isinstance(v, str) else out.write(r, c, v)
    extra = wb.add_worksheet("Lampiran")
    for r in range(rows):
        extra.write_row(r, 0, range(cols))
    wb.close()
    src.close()
