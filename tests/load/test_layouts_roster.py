"""The master roster as SIASN exports it (input-format.md, "Optional master roster"): a CSV of
67 columns, pipe-delimited, UTF-8 with a byte-order mark, lower-case headers, NIPs with a
leading apostrophe, `-` and `0000-00-00` for empty values; any of `|`, `,`, `;`, tab."""
from __future__ import annotations

import pytest
from cli_run import run_cli
from layouts_kit import base_book, real_unit, siasn_rows, write_book, write_siasn_csv
from test_layouts import ENGINES, UNIT, findings

from checker.load.errors import RosterError
from checker.load.roster import load_roster

OTHER = "Asisten Deputi Contoh Tata Kelola"


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("delimiter", ["|", ",", ";", "\t"])
def test_siasn_csv_roster_of_a_compliant_unit(delimiter, engine, tmp_path):
    book = real_unit()
    roster = write_siasn_csv(siasn_rows(book), tmp_path / "roster" / "siasn.csv", delimiter=delimiter,
                             bom=delimiter == "|", upper=delimiter == ";")
    assert findings(book, tmp_path, engine, roster=roster) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_siasn_csv_roster_finds_an_employee_of_another_unit(engine, tmp_path):
    book = base_book()
    roster = write_siasn_csv(siasn_rows(book, moved={"199305172020121004": OTHER}), tmp_path / "r" / "siasn.csv")
    assert findings(book, tmp_path, engine, "X04", roster=roster) == [
        ("X04", UNIT, None, "199305172020121004", "Yoga Pratama, A.Md.", None, "Pegawai", 6, "A")]


def test_csv_roster_values(tmp_path):
    rows = siasn_rows(base_book())
    rows[1][3] = "RINA\x07 WULANDARI\x1b"                        # control text never reaches a value
    path = write_siasn_csv(rows, tmp_path / "siasn.csv")
    r = load_roster(path)
    assert (r.sheet, r.header_row, r.columns) == (
        "CSV", 1, {"nip": "B", "nama": "D", "jenis_jabatan": "AL", "nama_jabatan": "AN", "unit_name": "AZ"})
    assert [(x["_row"], x["nip"], x["nip_status"], x["nama"]) for x in r.rows] == [
        (2, "197503122000031001", "valid", "BAMBANG SUTRISNO"),
        (3, "198602142010122001", "valid", "RINA WULANDARI"),
        (4, "199107232019031003", "valid", "AGUS PRASETYO"),
        (5, "198811052014022002", "valid", "DEWI LESTARI"),
        (6, "199305172020121004", "valid", "YOGA PRATAMA"),
    ]
    (unit,) = r.units.values()
    assert (unit.label(), unit.first_row, unit.n_rows, unit.has_jpt_pratama) == (
        "Asisten Deputi Contoh Kebijakan", 2, 5, True)


def test_csv_roster_with_a_title_line_and_quoted_cells(tmp_path):
    text = ('Data Pegawai per 1 Januari 2025\n'
            'NIP_BARU,NAMA,UNOR_NAMA\n'
            '"\'197503122000031001","SUTRISNO, BAMBANG","Asisten Deputi\nContoh Kebijakan"\n'
            "'198602142010122001,RINA WULANDARI,-\n")
    path = tmp_path / "r.csv"
    path.write_text(text, encoding="utf-8")
    r = load_roster(str(path))
    assert r.header_row == 2
    assert [(x["_row"], x["nip"], x["nama"], x["unit_id"]) for x in r.rows] == [
        (3, "197503122000031001", "SUTRISNO, BAMBANG", "asisten deputi contoh kebijakan"),
        (5, "198602142010122001", "RINA WULANDARI", ""),
    ]


def _error(tmp_path, data: bytes, lang="id") -> str:
    path = tmp_path / "roster.csv"
    path.write_bytes(data)
    with pytest.raises(RosterError) as e:
        load_roster(str(path))
    return e.value.message(lang).replace(str(path), "R")


HEADER = "nip_baru|nama|jenis_jabatan_nama|unor_nama\n"


def test_unreadable_csv_rosters_are_clear_errors(tmp_path):
    body = HEADER + "'197503122000031001|BAMBANG|Jabatan Struktural|Asisten Deputi\n"
    assert _error(tmp_path, body.encode("utf-16")) == (
        "Roster induk R, baris 1: berkas tidak berenkode UTF-8 (tampaknya UTF-16); simpan ulang sebagai "
        "\u201cCSV UTF-8\u201d, seperti ekspor SIASN.")
    assert _error(tmp_path, (body + "'198602142010122001|RÉNA|x|y\n").encode("cp1252"), "en") == (
        "The master roster R, line 3: the file is not UTF-8 (it looks like Windows-1252 / ANSI); save it again "
        "as \u201cCSV UTF-8\u201d, as SIASN exports it.")
    assert _error(tmp_path, body.replace("nip_baru", "nomor").encode()) == (
        "Roster induk R, baris 1: baris judul kolom tidak memuat kolom NIP (NIP, NIP_BARU, nip_baru).")
    assert _error(tmp_path, body.replace("unor_nama", "kantor").encode()) == (
        "Roster induk R, baris 1: baris judul kolom tidak memuat kolom unit (Kode Unit, KODE_UNIT, UNOR, "
        "UNOR_NAMA, Unit Kerja).")
    assert _error(tmp_path, b"a|b\nc|d\n").startswith("Roster induk R: tidak ada baris judul kolom")


def test_cli_unreadable_csv_roster_exits_2(tmp_path):
    unit = write_book(base_book(), tmp_path / "unit.xlsx")
    bad = tmp_path / "roster.csv"
    bad.write_bytes((HEADER + "'197503122000031001|BAMBANG|x|y\n").encode("utf-16"))
    proc = run_cli("check", unit, "--roster", bad, "-o", tmp_path / "out.xlsx")
    assert proc.returncode == 2, proc.stderr
    assert f"Roster induk {bad}, baris 1: berkas tidak berenkode UTF-8" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_csv_roster_text_reaches_outputs_as_text(tmp_path):
    """A roster unit named like a formula, with a control character, that sent no workbook: its
    X06 names it as text, without the control character, and the findings workbook holds text."""
    import openpyxl
    from layouts_kit import SIASN_COLUMNS

    from checker.output.findings_workbook import write_workbook
    from checker.pipeline import run

    book = base_book()
    rows = siasn_rows(book)
    other = list(rows[0])
    other[SIASN_COLUMNS.index("nip_baru")] = "'198001012005011002"
    other[SIASN_COLUMNS.index("unor_nama")] = '=HYPERLINK("http://x","Biro\x07 Lain")'
    other[SIASN_COLUMNS.index("jabatan_nama")] = "Kepala Biro Lain"
    roster = write_siasn_csv(rows + [other], tmp_path / "r" / "siasn.csv")
    result = run.check([write_book(book, tmp_path / "unit.xlsx")], roster=roster)
    # a roster naming its units only: the unit is called by that name (issue 12, point 13)
    assert [(f.rule, f.unit) for f in result.findings] == [("X06", '=HYPERLINK("http://x","Biro Lain")')]
    assert result.findings[0].message.startswith('Unit =HYPERLINK("http://x","Biro Lain") ')
    out = tmp_path / "temuan.xlsx"
    write_workbook(result, str(out))
    cells = [c for ws in openpyxl.load_workbook(out).worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)
