"""`cek-pokja template` as a user types it: where the file goes, its name, the year it
prefills, and columns wide enough for what the unit writes in them."""
from __future__ import annotations

import openpyxl
from cli_run import invoke
from openpyxl.utils import get_column_letter


def test_a_missing_folder_is_exit_2_naming_it(tmp_path):
    target = tmp_path / "missing" / "dir" / "t.xlsx"
    r = invoke("template", "-o", str(target))
    assert r.exit_code == 2
    assert f"Folder {tmp_path / 'missing' / 'dir'} untuk berkas keluaran {target} (-o) tidak ada" in r.output
    assert "KeyError" not in r.output and not target.parent.exists()


def test_a_name_without_extension_gets_xlsx(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = invoke("template", "-o", "t2")
    assert r.exit_code == 0 and "Templat ditulis ke: t2.xlsx" in r.output
    assert (tmp_path / "t2.xlsx").is_file() and not (tmp_path / "t2").exists()
    r = invoke("template", "-o", "t2", "--lang", "en")          # now t2.xlsx exists
    assert r.exit_code == 2 and "The file t2.xlsx already exists" in r.output


def test_a_year_out_of_range_is_refused_in_the_users_language(tmp_path):
    target = tmp_path / "t.xlsx"
    r = invoke("template", "-o", str(target), "--tahun", "20255")
    assert r.exit_code == 2
    assert "Nilai --tahun 20255 di luar rentang: berikan Tahun Kinerja empat angka dari 1900 sampai 2100" in r.output
    r = invoke("template", "-o", str(target), "--tahun", "1899", "--lang", "en")
    assert r.exit_code == 2 and "The value --tahun 1899 is out of range" in r.output
    assert not target.exists()
    assert invoke("template", "-o", str(target), "--tahun", "2025").exit_code == 0


def test_columns_fit_an_18_digit_nip_and_a_name(tmp_path):
    """At Calibri 11 a digit is one character of width: an 18-digit NIP needs 18 and a margin,
    the example's names ("Dr. Bambang Sutrisno, S.E., M.Si.", 33 characters) as many."""
    target = tmp_path / "t.xlsx"
    assert invoke("template", "-o", str(target)).exit_code == 0
    wb = openpyxl.load_workbook(target)
    seen = 0
    for ws in wb.worksheets[1:]:
        for c, head in enumerate(ws[1], start=1):
            width = ws.column_dimensions[get_column_letter(c)].width
            if head.value in ("NIP", "NIP JPT Pratama", "NIP JPT Madya", "NIP Penetap SK"):
                assert width >= 20, (ws.title, head.value, width)
                seen += 1
            if head.value in ("Nama", "Nama JPT Pratama", "Nama JPT Madya"):
                assert width >= 33, (ws.title, head.value, width)
                seen += 1
            example = ws.cell(row=2, column=c).value
            if head.value in ("NIP", "Nama") and example:
                assert width >= len(str(example).replace("CONTOH: ", "")), (ws.title, head.value)
    assert seen >= 10
