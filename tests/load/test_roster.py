"""The master roster (checker/roster.py): SIASN exports load as they are, NIPs stay exact,
units are recognised by code or name, and every unusable roster is a clear error."""
from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from conftest import write_workbook

from checker.load.errors import RosterError
from checker.load.roster import load_roster, names_jpt_pratama, unit_keys

SIASN_HEADER = ["PNS_ID", "NIP_BARU", "NIP_LAMA", "NAMA", "GELAR_DEPAN", "GELAR_BELAKANG", "TGL_LHR",
                "GOL_AKHIR_NAMA", "JENIS_JABATAN_NAMA", "JABATAN_NAMA", "UNOR_ID", "KODE_UNIT", "UNOR_NAMA",
                "INSTANSI_INDUK_NAMA"]


def _siasn_row(nip, nama, jenis, jabatan, kode, unor):
    return ["8ae48" + (nip or "x")[-6:], nip, "060" + (nip or "000000")[-6:], nama, "", "", date(1980, 1, 1),
            "III/c", jenis, jabatan, "A5EB03E2", kode, unor, "Kementerian Koordinator Bidang Perekonomian"]


@pytest.fixture
def siasn(tmp_path):
    rows = [
        ["DATA PEGAWAI KEMENTERIAN KOORDINATOR BIDANG PEREKONOMIAN"],
        ["Sumber: SIASN, diunduh 3 Maret 2025"],
        SIASN_HEADER,
        _siasn_row("197503122000031001", "BAMBANG SUTRISNO", "Jabatan Struktural", "Asisten Deputi Contoh Kebijakan",
                   "D9.AS1", "Asisten Deputi Contoh Kebijakan"),
        _siasn_row("198602142010122001", "RINA WULANDARI", "Jabatan Fungsional Tertentu", "Analis Kebijakan Ahli Muda",
                   "D9.AS1", "Asisten Deputi Contoh Kebijakan"),
        _siasn_row(None, "ANDI SAPUTRA", "", "Pramu Bakti", "D9.AS1", "Asisten Deputi Contoh Kebijakan"),
        _siasn_row("'19910723 201903 1 003", "AGUS PRASETYO", "Jabatan Fungsional Tertentu",
                   "Analis Kebijakan Ahli Pertama", "d9.as1 ", "ASISTEN DEPUTI CONTOH KEBIJAKAN"),
        [None] * len(SIASN_HEADER),
        _siasn_row("199509212020122003", "PUTRI ANGGRAINI", "Jabatan Pelaksana", "Pengolah Data dan Informasi",
                   "D9.AS2", "Asisten Deputi Contoh Tata Kelola"),
        _siasn_row("196905051994031001", "JOKO SANTOSO", "Jabatan Struktural", "Plt. Kepala Biro Perencanaan",
                   "", "Biro Perencanaan"),
    ]
    return write_workbook(tmp_path / "siasn.xlsx", {"Petunjuk": [["Baca dulu"], ["NIP ditulis sebagai teks"]],
                                                   "Data": rows})


def test_siasn_export_loads_as_it_is(siasn):
    r = load_roster(siasn)
    assert (r.sheet, r.header_row) == ("Data", 3)
    assert r.columns == {"nip": "B", "nama": "D", "jenis_jabatan": "I", "nama_jabatan": "J", "unit_code": "L",
                         "unit_name": "M"}
    assert r.unit_column == "L"
    assert [(x["_row"], x["nip"], x["nip_status"], x["unit_id"]) for x in r.rows] == [
        (4, "197503122000031001", "valid", "d9.as1"),
        (5, "198602142010122001", "valid", "d9.as1"),
        (6, None, "empty", "d9.as1"),
        (7, "199107232019031003", "valid", "d9.as1"),
        (9, "199509212020122003", "valid", "d9.as2"),
        (10, "196905051994031001", "valid", "biro perencanaan"),
    ]
    assert len(r.sha256) == 64


def test_nips_stay_exact_text_despite_blank_cells(siasn):
    """pandas' defaults turn an 18-digit text column with a blank cell into floats with wrong digits."""
    r = load_roster(siasn)
    assert r.units_of("197503122000031001") == ["d9.as1"]
    assert r.units_of("199107232019031003") == ["d9.as1"]
    assert r.units_of("197503122000031000") == []
    assert r.units_of("") == [] and r.units_of(None) == []


def test_units_code_name_and_head(siasn):
    r = load_roster(siasn)
    units = r.units
    assert list(units) == ["d9.as1", "d9.as2", "biro perencanaan"]
    a = units["d9.as1"]
    assert (a.code, a.name, a.first_row, a.n_rows, a.has_jpt_pratama) == (
        "D9.AS1", "Asisten Deputi Contoh Kebijakan", 4, 4, True)
    assert units["d9.as2"].has_jpt_pratama is False
    assert (units["biro perencanaan"].code, units["biro perencanaan"].name) == (None, "Biro Perencanaan")
    assert units["biro perencanaan"].has_jpt_pratama is True             # "Plt. Kepala Biro ..."
    assert a.label() == "D9.AS1 (Asisten Deputi Contoh Kebijakan)"
    assert r.match("d9.AS1.", None) == ["d9.as1"]
    assert r.match("SES.BPR", "biro  PERENCANAAN") == ["biro perencanaan"]
    assert r.match("D9.AS7", "Asisten Deputi Lain") == []


def test_roster_with_only_a_name_column_and_other_header_spellings(tmp_path):
    path = write_workbook(tmp_path / "r.xlsx", {"Sheet1": [
        ["NIP Baru", "Nama Pegawai", "Jenis Jabatan", "Nama Jabatan", "Unit Kerja"],
        ["198811052014022002", "Dewi Lestari", "JF", "Perencana Ahli Muda", "Asisten Deputi Contoh Kebijakan"],
    ]})
    r = load_roster(path)
    assert r.columns == {"nip": "A", "nama": "B", "jenis_jabatan": "C", "nama_jabatan": "D", "unit_name": "E"}
    assert r.unit_column == "E"
    assert r.match(None, "ASISTEN DEPUTI CONTOH KEBIJAKAN") == ["asisten deputi contoh kebijakan"]


def test_nips_stored_as_numbers_match_on_15_digits(tmp_path):
    path = write_workbook(tmp_path / "r.xlsx", {"Data": [
        ["NIP_BARU", "NAMA", "KODE_UNIT"],
        ["197503122000031001", "A", "D9.AS1"],
        [198602142010122001, "B", "D9.AS1"],                    # a number: Excel keeps 15 digits
        ["199107232019031003", "C", "D9.AS2"],
    ]})
    r = load_roster(path)
    assert [x["nip_status"] for x in r.rows] == ["valid", "number", "valid"]
    assert r.units_of("198602142010122001") == ["d9.as1"]
    assert r.units_of("198602142010122499") == ["d9.as1"]       # the lost digits cannot be told apart
    assert r.units_of("198602142010122501") == []
    assert r.units_of("198602142010132001") == []


@pytest.mark.parametrize("text,expected", [
    ("JPT Pratama", True), ("Jabatan Pimpinan Tinggi Pratama", True), ("Eselon II.a", True), ("ESELON II", True),
    ("Eselon III.a", False), ("Eselon IV", False), ("Asisten Deputi Moneter", True), ("Asdep", True),
    ("Kepala Biro Umum", True), ("Karo Umum", True), ("Inspektur", True), ("Inspektur Jenderal", False),
    ("Jabatan Struktural", False), ("Deputi Bidang Koordinasi", False), ("Analis Kebijakan Ahli Madya", False),
    ("Kepala Bagian Umum", False),
])
def test_names_jpt_pratama(text, expected):
    assert names_jpt_pratama(text) is expected


def test_unit_keys_fold_codes_and_names():
    assert unit_keys("D9.AS1.", None) & unit_keys(" d9.as1", "") == {"c:d9.as1"}
    assert unit_keys(None, "") == frozenset()
    assert "t:asisten deputi satu" in unit_keys(None, "Asisten  Deputi SATU")


# --------------------------------------------------------------------------- errors

def test_missing_file(tmp_path):
    with pytest.raises(RosterError) as e:
        load_roster(tmp_path / "tidak-ada.xlsx")
    assert e.value.message_key == "not_found"
    assert e.value.message() == f"Roster induk {tmp_path / 'tidak-ada.xlsx'} tidak ditemukan."
    assert e.value.message("en") == f"The master roster {tmp_path / 'tidak-ada.xlsx'} does not exist."


def test_csv_loads_whatever_its_name_and_xls_is_refused_with_the_loader_text(tmp_path):
    """Contract v2: a roster is read as CSV when its content is text (even named .xlsx)."""
    csv = tmp_path / "roster.xlsx"
    csv.write_text("NIP_BARU;NAMA;KODE_UNIT\n197503122000031001;A;D9.AS1\n", encoding="utf-8")
    r = load_roster(csv)
    assert (r.sheet, [(x["_row"], x["nip"], x["unit_id"]) for x in r.rows]) == (
        "CSV", [(2, "197503122000031001", "d9.as1")])
    xls = tmp_path / "roster.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le") + b"\0" * 100)
    with pytest.raises(RosterError) as e:
        load_roster(xls)
    assert e.value.message_key == "unreadable"
    assert ".xls" in e.value.message() and "tidak dapat dibaca" in e.value.message()


def test_no_sheet_with_nip_and_unit(tmp_path):
    path = write_workbook(tmp_path / "r.xlsx", {"Data": [["NIP", "Nama", "Jabatan"], ["197503122000031001", "A", "X"]]})
    with pytest.raises(RosterError) as e:
        load_roster(path)
    assert e.value.message_key == "no_sheet"
    assert "kolom unit (Kode Unit, KODE_UNIT, UNOR, UNOR_NAMA, Unit Kerja)" in e.value.message()


def test_no_rows_with_a_nip(tmp_path):
    path = write_workbook(tmp_path / "r.xlsx", {"Data": [["NIP_BARU", "NAMA", "KODE_UNIT"], [None, "A", "D9.AS1"]]})
    with pytest.raises(RosterError) as e:
        load_roster(path)
    assert (e.value.message_key, e.value.sheet) == ("no_rows", "Data")
    assert "(sheet Data) tidak memuat satu pun baris pegawai dengan NIP" in e.value.message()


def test_mostly_number_nips_are_refused(tmp_path):
    path = write_workbook(tmp_path / "r.xlsx", {"Data": [
        ["NIP_BARU", "NAMA", "KODE_UNIT"], [197503122000031001, "A", "D9.AS1"], [198602142010122001, "B", "D9.AS1"],
        ["199107232019031003", "C", "D9.AS1"]]})
    with pytest.raises(RosterError) as e:
        load_roster(path)
    assert e.value.message_key == "nip_numbers"
    assert "2/3 baris" in e.value.message() and "format kolom NIP sebagai teks" in e.value.message()
    assert "format the NIP column as text" in e.value.message("en")


def test_import_is_light():
    code = "import sys, checker.load.roster, checker.facts.crossunit; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_error_texts_name_the_roster():
    from checker.texts import CATALOGUE
    keys = [k for k in CATALOGUE if k.startswith("roster.")]
    assert keys
    for key in keys:
        assert all("{path}" in p for p in CATALOGUE[key]), key
