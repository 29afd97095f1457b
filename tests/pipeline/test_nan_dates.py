"""A date cell whose stored value is NaN (issue 22): python-calamine gives it as 1899-12-30 in a
cell with a date format and as the float NaN in one without; it is an unreadable date (D04
quoting "NaN"), never a date that gives findings on the order of the steps (K05, K17)."""
from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest
from rule_examples import build

from checker.input.dates import parse_date
from checker.pipeline import run

MARK = 12345.5                      # a value no other cell holds, replaced by NaN in the XML


def _with_nan(path, sheet: str, header: str, kode_pokja: str, date_format: bool):
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    col = [c.value for c in ws[1]].index(header) + 1
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == kode_pokja)
    cell = ws.cell(row=row, column=col, value=MARK)
    cell.number_format = "dd/mm/yyyy" if date_format else "General"
    wb.save(path)
    data = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            data[name] = z.read(name)
    sheet_part = f"xl/worksheets/sheet{wb.sheetnames.index(sheet) + 1}.xml"
    data[sheet_part], n = re.subn(rb"<v>12345\.5</v>", b"<v>NaN</v>", data[sheet_part])
    assert n == 1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in data.items():
            z.writestr(name, body)
    return f"{openpyxl.utils.get_column_letter(col)}", row


@pytest.mark.parametrize("header", ["Tanggal SK", "Tanggal Konsultasi Ortala"])     # K05 + K17, K05 before
@pytest.mark.parametrize("date_format", [True, False])
def test_a_nan_date_is_d04_not_a_date(tmp_path, date_format, header):
    unit = build([], tmp_path / "u.xlsx")
    column, row = _with_nan(unit, "Pokja", header, "SUB-1", date_format)
    result = run.check([str(unit)], stage="penetapan", engine="pandas")
    got = [(f.rule, f.sheet, f.row, f.column) for f in result.findings]
    assert got == [("D04", "Pokja", row, column)]
    assert "\u201cNaN\u201d tidak dapat dibaca sebagai tanggal" in result.findings[0].message


def test_parse_date_of_what_the_reader_gives_for_nan():
    from datetime import date, datetime
    assert parse_date(float("nan"))[1:] == ("invalid", "NaN")
    assert parse_date(datetime(1899, 12, 30))[1:] == ("invalid", "NaN")
    assert parse_date(date(1899, 12, 31))[1:] == ("invalid", "1899-12-31")
    assert parse_date(date(1900, 1, 1)) == (date(1900, 1, 1), "ok", "1900-01-01")
    assert parse_date(None)[1] == "empty" and parse_date("")[1] == "empty"
    assert parse_date("30-12-1899")[1] == "ok"            # typed as text: the date the user wrote
