"""loader.py: sheets, header rows, aliases, layouts, problems, exact rows and letters."""
from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import date

import pytest
from conftest import NIP_JF1, NIP_JF2, NIP_JPT_MADYA, NIP_JPT_PRATAMA

from checker.input import contract
from checker.input.values import col_letter
from checker.load.model import LoadError, MphColumn, describe
from checker.load.unit_workbook import load_workbook
from checker.texts import CATALOGUE

P_UNIT = [["Kode Unit", "Nama Unit"], ["D1.AS1", "Asdep"]]


def problems(u, code=None):
    return [(p.code, p.sheet, p.column, p.field, p.row, p.required_from)
            for p in u.problems if code is None or p.code == code]


# ---------------------------------------------------------------------------- basics

@pytest.mark.parametrize("i, letter", [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"),
                                       (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"),
                                       (16383, "XFD")])
def test_col_letter(i, letter):
    assert col_letter(i) == letter


def test_valid_workbook_loads_without_problems(make_workbook, valid_sheets, capsys):
    path = make_workbook(valid_sheets)
    u = load_workbook(path)
    assert capsys.readouterr() == ("", "")
    assert u.problems == []
    assert u.path == path
    assert u.sha256 == hashlib.sha256(open(path, "rb").read()).hexdigest()
    assert set(u.tables) == {"unit", "pk", "pegawai", "mph", "pokja", "anggota"}
    assert u.unit_sheet == "Unit"
    assert u.mph_layout == "matrix"
    pk = u.tables["pk"]
    assert (pk.sheet, pk.hidden, pk.header_row) == ("PK", False, 1)
    assert pk.columns == {"kode_target": "A", "sasaran": "B", "indikator_kinerja": "C",
                          "target": "D", "satuan": "E"}
    assert pk.rows["_row"] == [2, 3]
    assert pk.rows["kode_target"] == ["pk-01", "pk-02"]
    assert pk.rows["kode_target__raw"] == ["PK-01", "PK-02"]
    assert pk.has("sasaran") and not pk.has("nip")
    assert str(pk.frame()["_row"].dtype) == "int64"
    assert list(pk.frame().index) == [0, 1]
    pokja = u.tables["pokja"]
    assert pokja.rows["kode_target"] == [["pk-01"], ["pk-02"]]
    assert pokja.rows["tanggal_sk"] == [date(2025, 1, 10)] * 2
    assert pokja.rows["tanggal_sk__st"] == ["ok", "ok"]
    assert pokja.rows["jenis_pokja"] == ["Substansi", "Dukungan Teknis dan Administrasi"]
    ang = u.tables["anggota"]
    assert ang.rows["nip"][:3] == [NIP_JPT_MADYA, NIP_JPT_PRATAMA, NIP_JF1]
    assert ang.rows["jenis_jabatan"][0] is None
    assert ang.rows["jenis_jabatan__st"][0] == "empty"
    assert ang.rows["instansi_asal"][0] is None
    assert ang.rows["instansi_asal__raw"][0] == ""


def test_unit_row_layout(make_workbook, valid_sheets):
    u = load_workbook(make_workbook(valid_sheets))
    assert u.unit["kode_unit"] == ("d1.as1", "D1.AS1", None, 2, "A")
    assert u.unit["nip_jpt_pratama"] == (NIP_JPT_PRATAMA, NIP_JPT_PRATAMA, "valid", 2, "D")
    assert u.unit["nip_plt_jpt_pratama"] == (None, "", "empty", 2, "H")
    assert u.unit["pola_struktur"] == ("A", "A", "ok", 2, "I")
    assert u.unit["tahun_kinerja"] == (2025, "2025", "ok", 2, "J")
    assert type(u.unit["tahun_kinerja"][0]) is int and type(u.unit["kode_unit"][3]) is int
    assert u.unit["instansi"] == (None, "", None, 2, "K")
    assert u.tables["unit"].header_row == 1


def test_unit_row_layout_below_title_with_missing_column(make_workbook):
    u = load_workbook(make_workbook({"Identitas Unit": [
        ["IDENTITAS UNIT"], [],
        [None, "Kode Unit", "Nama Unit", "Tahun Kinerja"],
        [],
        [None, "D1.AS1", "Asdep Satu", "2025"],
        [None, "ignored second row"],
    ]}))
    assert u.unit_sheet == "Identitas Unit"
    assert u.unit["kode_unit"] == ("d1.as1", "D1.AS1", None, 5, "B")
    assert u.unit["tahun_kinerja"] == (2025, "2025", "ok", 5, "D")
    miss = problems(u, "column_missing")
    assert ("column_missing", "Identitas Unit", "Unit JPT Madya", "unit_jpt_madya", 3, "rancangan") in miss
    assert {p[3] for p in miss} == {"unit_jpt_madya", "nip_jpt_pratama", "nama_jpt_pratama",
                                    "nip_jpt_madya", "nama_jpt_madya"}


def test_unit_row_layout_without_data_row(make_workbook):
    u = load_workbook(make_workbook({"Unit": [["Kode Unit", "Nama Unit"]]}))
    assert u.unit["kode_unit"] == (None, "", None, 2, "A")


def test_unit_key_value_layout(make_workbook):
    u = load_workbook(make_workbook({"Unit": [
        ["IDENTITAS UNIT KERJA"],
        [],
        ["Kolom", "Isi"],
        ["Kode Unit", "SES.BHO"],
        ["Nama Unit", "Biro Hukum"],
        [],
        ["Unit Eselon I", "Sekretariat Kementerian"],
        ["NIP JPT Pratama", "'" + NIP_JPT_PRATAMA],
        ["Nama JPT Pratama", "Budi"],
        ["NIP JPT Madya", NIP_JPT_MADYA],
        ["Nama JPT Madya", "Ani"],
        ["Tahun Kinerja", 2025],
        ["Pola Struktur", "Pola B"],
    ]}))
    assert problems(u, "column_missing") == []
    assert u.unit["kode_unit"] == ("ses.bho", "SES.BHO", None, 4, "B")
    assert u.unit["unit_jpt_madya"] == ("Sekretariat Kementerian", "Sekretariat Kementerian", None, 7, "B")
    assert u.unit["nip_jpt_pratama"] == (NIP_JPT_PRATAMA, "'" + NIP_JPT_PRATAMA, "valid", 8, "B")
    assert u.unit["tahun_kinerja"] == (2025, "2025", "ok", 12, "B")
    assert u.unit["pola_struktur"] == ("B", "Pola B", "ok", 13, "B")
    assert "instansi" not in u.unit
    t = u.tables["unit"]
    assert t.header_row == 3
    assert t.rows["kode_unit"] == ["ses.bho"]
    assert t.columns["kode_unit"] == "B"


def test_unit_key_value_without_header_and_missing_key(make_workbook):
    u = load_workbook(make_workbook({"Unit": [
        [None, "Kode Unit", "D1.AS2", "catatan"],
        [None, "Nama Unit", "Asdep Dua"],
        [None, "Unit JPT Madya", "Deputi I"],
    ]}))
    assert u.unit["kode_unit"] == ("d1.as2", "D1.AS2", None, 1, "C")
    assert u.unit["unit_jpt_madya"][3:] == (3, "C")
    fields = {p[3] for p in problems(u, "column_missing")}
    assert fields == {"nip_jpt_pratama", "nama_jpt_pratama", "nip_jpt_madya", "nama_jpt_madya",
                      "tahun_kinerja"}


def test_unit_key_value_isi_column_not_adjacent(make_workbook):
    u = load_workbook(make_workbook({"Unit": [
        ["Kolom", "Keterangan kolom", "Isi"],
        ["Kode Unit", "kode unik", "D2.AS1"],
        ["Nama Unit", "nama", "Asdep"],
    ]}))
    assert u.unit["kode_unit"] == ("d2.as1", "D2.AS1", None, 2, "C")
    assert u.tables["unit"].header_row == 1


# ---------------------------------------------------------------------------- sheets

SHEET_ALIASES = [(s.kind, n) for s in contract.SHEETS for n in s.names] + [
    ("mph", "Matriks Pembagian Peran dan Has"),   # Excel's 31-character cut
    ("anggota", "anggota_pokja"), ("anggota", "ANGGOTA-POKJA"), ("anggota", "AnggotaPokja"),
    ("surat_tugas", " Surat  Tugas "), ("pk", "pk"), ("mph", "m p h"),
]


def _sheets_with(valid, kind, name):
    label = contract.SHEETS_BY_KIND[kind].label
    out = {}
    for k, rows in valid.items():
        out[name if k == label else k] = rows
    if kind == "surat_tugas":
        out[name] = [["Nomor Surat Tugas", "NIP", "Kode Target"], ["ST-1", NIP_JF1, "PK-01, PK-02"]]
    return out


@pytest.mark.parametrize("kind, name", SHEET_ALIASES)
def test_every_sheet_alias(make_workbook, valid_sheets, kind, name):
    name = name[:31]
    u = load_workbook(make_workbook(_sheets_with(valid_sheets, kind, name.strip() or name)))
    assert kind in u.tables
    assert u.tables[kind].sheet == name.strip()
    assert problems(u) == []


def test_surat_tugas_codes(make_workbook, valid_sheets):
    u = load_workbook(make_workbook(_sheets_with(valid_sheets, "surat_tugas", "Surat Tugas")))
    st = u.tables["surat_tugas"]
    assert st.rows["kode_target"] == [["pk-01", "pk-02"]]
    assert st.rows["nip__st"] == ["valid"]


def test_missing_sheets_are_problems_rest_loads(make_workbook, valid_sheets):
    del valid_sheets["Pokja"]
    del valid_sheets["Unit"]
    valid_sheets["Catatan"] = [["bebas"]]
    u = load_workbook(make_workbook(valid_sheets))
    assert problems(u) == [
        ("sheet_missing", "Unit", None, None, None, "rancangan"),
        ("sheet_missing", "Pokja", None, None, None, "rancangan"),
    ]
    assert "pokja" not in u.tables and "unit" not in u.tables
    assert u.unit == {} and u.unit_sheet is None
    assert len(u.tables["pk"].rows["_row"]) == 2
    assert "surat_tugas" not in u.tables          # optional: no problem


def test_empty_workbook_all_sheets_missing(make_workbook):
    u = load_workbook(make_workbook({"Lain": [["x"]]}))
    assert [p.sheet for p in u.problems] == ["Unit", "PK", "Pegawai", "MPH", "Pokja", "Anggota Pokja"]
    assert u.tables == {} and u.mph_layout is None and u.mph_columns == []


def test_hidden_sheet_flag(make_workbook, valid_sheets):
    path = make_workbook(valid_sheets, options={"hidden": ["PK"], "very_hidden": ["Pegawai"]})
    u = load_workbook(path)
    assert u.tables["pk"].hidden is True
    assert u.tables["pegawai"].hidden is True
    assert u.tables["pokja"].hidden is False
    assert sorted(u.hidden_sheets) == ["PK", "Pegawai"]
    assert len(u.tables["pk"].rows["_row"]) == 2


def test_visible_sheet_preferred_over_hidden_duplicate(make_workbook, valid_sheets, tmp_path):
    valid_sheets["Perjanjian Kinerja"] = [["Kode Target", "Indikator Kinerja"], ["X-9", "lain"]]
    u = load_workbook(make_workbook(tmp_path / "sub", valid_sheets, hidden=["PK"]))
    assert u.tables["pk"].sheet == "Perjanjian Kinerja"
    assert u.tables["pk"].hidden is False


def test_empty_sheet_all_required_columns_missing(make_workbook, valid_sheets):
    valid_sheets["PK"] = []
    u = load_workbook(make_workbook(valid_sheets))
    assert problems(u) == [
        ("column_missing", "PK", "Kode Target", "kode_target", 1, "rancangan"),
        ("column_missing", "PK", "Indikator Kinerja", "indikator_kinerja", 1, "rancangan"),
    ]
    assert len(u.tables["pk"].rows["_row"]) == 0
    assert list(u.tables["pk"].rows) == ["_row"]


# ---------------------------------------------------------------------------- columns

def _column_cases():
    cases = []
    for s in contract.SHEETS:
        if s.kind in ("unit", "mph"):
            continue
        for c in s.columns:
            for n in c.names:
                cases.append((s.kind, c.field, n))
    for c in contract.MPH_LONG_COLUMNS:
        for n in c.names:
            cases.append(("mph_long", c.field, n))
    for c in contract.MPH_MATRIX_COLUMNS:
        for n in c.names:
            cases.append(("mph_matrix", c.field, n))
    for c in contract.UNIT.columns:
        for n in c.names:
            cases.append(("unit", c.field, n))
    return cases


@pytest.mark.parametrize("kind, field, name", _column_cases())
def test_every_column_alias(make_workbook, kind, field, name):
    if kind == "mph_long":
        other = "Peran Hasil" if field == "kode_target" else "Kode Target"
        sheets = {"MPH": [[other, name.upper()], ["a", "PK-01"]]}
        table_kind = "mph"
    elif kind == "mph_matrix":
        other = "Nama" if field != "nama" else "NIP"
        sheets = {"MPH": [[other, name, "PK-01"], ["a", "b", "c"]]}
        table_kind = "mph"
    else:
        spec = contract.SHEETS_BY_KIND[kind]
        other = next(c.label for c in spec.columns if c.field != field)
        sheets = {spec.label: [["judul"], [other, " " + name.replace(" ", "\n", 1) + " "], ["a", "b"]]}
        table_kind = kind
    u = load_workbook(make_workbook(sheets))
    t = u.tables[table_kind]
    assert t.header_row == (2 if table_kind not in ("mph",) else 1)
    assert t.columns[field] == "B", (t.columns, name)
    assert field not in {p.field for p in u.problems}
    if kind == "unit":
        assert u.unit[field][3:] == (3, "B")
    if kind == "mph_long":
        assert u.mph_layout == "long"
    if kind == "mph_matrix":
        assert u.mph_layout == "matrix"


def test_canonical_label_beats_alias_and_brackets(make_workbook):
    u = load_workbook(make_workbook({"PK": [
        ["No", "Kode Target\n(unik)", "Indikator Kinerja*", "Keterangan"],
        [1, "PK-01", "Indikator satu", "abc"],
    ], "Pokja": [
        ["Kode Pokja", "Tanggal SK (dd/mm/yyyy)", "Kode Target [pisahkan dengan koma]"],
        ["PJ-1", "10/01/2025", "1, 2"],
    ]}))
    assert u.tables["pk"].columns == {"kode_target": "B", "indikator_kinerja": "C"}
    assert u.tables["pk"].rows["kode_target"] == ["pk-01"]
    pj = u.tables["pokja"]
    assert pj.columns == {"kode_pokja": "A", "tanggal_sk": "B", "kode_target": "C"}
    assert pj.rows["tanggal_sk"] == [date(2025, 1, 10)]
    assert pj.rows["kode_target"] == [["1", "2"]]


def test_header_row_below_title_rows(make_workbook):
    u = load_workbook(make_workbook({"Pegawai": [
        ["DAFTAR PEGAWAI ASISTEN DEPUTI SATU"],
        ["Tahun 2025"],
        [],
        [None, "No", "NIP", "Nama", "Jenis Jabatan"],
        [None, 1, NIP_JF1, "Citra", "JF"],
        [None, 2, NIP_JF2, "Dedi", "Jabatan Fungsional"],
    ]}, options={"merged": {"Pegawai": ["A1:E1"]}}))
    t = u.tables["pegawai"]
    assert t.header_row == 4
    assert t.columns == {"nip": "C", "nama": "D", "jenis_jabatan": "E"}
    assert t.rows["_row"] == [5, 6]
    assert t.rows["jenis_jabatan"] == ["Fungsional", "Fungsional"]


def test_header_row_with_the_most_when_none_has_two(make_workbook):
    u = load_workbook(make_workbook({"PK": [
        ["Kode Target"],
        [None, "catatan"],
        ["Kode Target", "Satuan ukur"],
        ["PK-01", "x"],
    ]}))
    t = u.tables["pk"]
    assert t.header_row == 1           # first row with the most (1) known names
    assert t.rows["_row"] == [3, 4]    # "catatan" is right of the table (column A): row 2 is blank
    assert problems(u, "column_missing") == [
        ("column_missing", "PK", "Indikator Kinerja", "indikator_kinerja", 1, "rancangan")]


def test_header_searched_in_the_first_twenty_rows_only(make_workbook):
    rows = [[f"judul {i}"] for i in range(19)] + [["Kode Target", "Indikator Kinerja"], ["PK-01", "x"]]
    u = load_workbook(make_workbook({"PK": rows}))
    assert [p for p in u.problems if p.sheet == "PK"] == []
    assert u.tables["pk"].header_row == 20
    rows = [[f"judul {i}"] for i in range(20)] + [["Kode Target", "Indikator Kinerja"], ["PK-01", "x"]]
    u = load_workbook(make_workbook({"PK": rows}))
    assert {p.field for p in u.problems if p.sheet == "PK"} == {"kode_target", "indikator_kinerja"}


def test_empty_rows_ignored_row_numbers_kept(make_workbook):
    u = load_workbook(make_workbook({"Pegawai": [
        ["NIP", "Nama", "Jenis Jabatan", "Catatan"],
        [],
        [NIP_JF1, "Citra", "Fungsional"],
        [None, "  ", "\u00a0"],                       # blank texts only: empty
        [None, None, None, None],
        [NIP_JF2, "Dedi", "Pelaksana"],
        [None, None, None, "catatan saja"],           # one text under no identifying column: unplaced
        [],
        [],
    ]}))
    t = u.tables["pegawai"]
    assert t.rows["_row"] == [3, 6]
    assert [(x.sheet, x.row, x.col, x.text) for x in u.unplaced] == [("Pegawai", 7, 3, "catatan saja")]
    assert t.rows["nip"] == [NIP_JF1, NIP_JF2]
    assert t.rows["nip__st"] == ["valid", "valid"]
    assert t.rows["nama"] == ["Citra", "Dedi"]
    assert t.rows["nama__raw"] == ["Citra", "Dedi"]
    assert list(t.frame().index) == [0, 1]


def test_text_nip_column_with_blanks_stays_exact(make_workbook):
    nips = ["198609262015051001", None, "199001012019022003", "", "199203152020121004",
            "19860926 201505 1 002"]
    rows = [["NIP", "Nama", "Jenis Jabatan"]] + [[n, f"P{i}", "JF"] for i, n in enumerate(nips)]
    u = load_workbook(make_workbook({"Pegawai": rows}, options={"text": {"Pegawai": ["A"]}}))
    t = u.tables["pegawai"]
    assert t.rows["nip"] == ["198609262015051001", None, "199001012019022003", None,
                                      "199203152020121004", "198609262015051002"]
    assert t.rows["nip__raw"][0] == "198609262015051001"
    assert t.rows["nip__st"] == ["valid", "empty", "valid", "empty", "valid", "valid"]


def test_number_nip_cell_is_status_number(make_workbook):
    u = load_workbook(make_workbook({"Pegawai": [
        ["NIP", "Nama", "Jenis Jabatan"],
        [198609262015051001, "Citra", "JF"],
        ["198609262015051001", "Citra", "JF"],
    ]}))
    t = u.tables["pegawai"]
    assert t.rows["nip__st"] == ["number", "valid"]
    assert t.rows["nip"][0].isdigit()


def test_values_parsed_with_status(make_workbook):
    u = load_workbook(make_workbook({"Pokja": [
        ["Kode Pokja", "Jenis Pokja", "Kode Target", "Tanggal SK", "NIP Penetap SK"],
        ["PJ-1.", "Dukman", "PK-01, pk-02;\nPK-03.", date(2025, 1, 10), "'" + NIP_JPT_PRATAMA],
        [" pj-2 ", "Lainnya", "", "Jakarta, Senin, 10 Pebruari 2025", 197501012000031001],
        ["PJ-3", None, "1", "besok", "1975"],
    ]}))
    r = u.tables["pokja"].frame()
    assert r["kode_pokja"].tolist() == ["pj-1", "pj-2", "pj-3"]
    assert r["kode_pokja__raw"].tolist() == ["PJ-1.", "pj-2", "PJ-3"]
    assert r["jenis_pokja"].tolist() == ["Dukungan Teknis dan Administrasi", None, None]
    assert r["jenis_pokja__st"].tolist() == ["ok", "unknown", "empty"]
    assert r["kode_target"].tolist() == [["pk-01", "pk-02", "pk-03"], None, ["1"]]
    assert r["tanggal_sk"].tolist() == [date(2025, 1, 10), date(2025, 2, 10), None]
    assert r["tanggal_sk__st"].tolist() == ["ok", "ok", "invalid"]
    assert r["tanggal_sk__raw"].tolist() == ["2025-01-10", "Jakarta, Senin, 10 Pebruari 2025", "besok"]
    assert r["nip_penetap_sk__st"].tolist() == ["valid", "number", "invalid"]
    # the number cell lost its last digits in Excel (15 significant digits): kept as read
    assert r["nip_penetap_sk"].tolist() == [NIP_JPT_PRATAMA, "197501012000031008", "1975"]


def test_missing_columns_are_problems_with_stage(make_workbook, valid_sheets):
    valid_sheets["Pokja"] = [["Kode Pokja", "Nama Pokja", "Jenis Pokja", "Kode Target", "Tugas Pokja"],
                             ["PJ-1", "A", "Substansi", "PK-01", "t"]]
    valid_sheets["Anggota Pokja"] = [
        ["Kode Pokja", "Nama", "Kedudukan", "Uraian Tugas", "Output"],
        ["PJ-1", "Citra", "Ketua", "u", "o"],
    ]
    valid_sheets["Pegawai"] = [["NIP", "Jenis Jabatan"], [NIP_JF1, "JF"]]
    u = load_workbook(make_workbook(valid_sheets))
    got = problems(u)
    assert ("column_missing", "Pegawai", "Nama", "nama", 1, "rancangan") in got
    assert ("column_missing", "Anggota Pokja", "NIP", "nip", 1, "rancangan") in got
    pokja = [p for p in got if p[1] == "Pokja"]
    assert [(p[3], p[5]) for p in pokja] == [
        ("nomor_sk", "penetapan"), ("tanggal_sk", "penetapan"), ("nip_penetap_sk", "penetapan"),
        ("tanggal_konsultasi_ortala", "penetapan"),
        ("tanggal_persetujuan_rencana_kerja", "evaluasi"), ("tanggal_laporan", "evaluasi"),
        ("tanggal_diterima_jpt_madya", "evaluasi"),
    ]
    # conditional columns are left to facts.py
    assert not {"nomor_persetujuan_pimpinan", "tanggal_rekomendasi_penilaian", "jenis_jabatan"} & {
        p[3] for p in got if p[1] == "Anggota Pokja"}
    assert len(got) == 9
    assert u.tables["anggota"].rows["nama"] == ["Citra"]
    assert not u.tables["anggota"].has("nip")


# ---------------------------------------------------------------------------- MPH

def test_mph_matrix_title_rows_two_row_merged_header(make_workbook):
    sheets = {"Matriks Pembagian Peran dan Has": [
        ["MATRIKS PEMBAGIAN PERAN DAN HASIL"],
        ["ASISTEN DEPUTI SATU"],
        [],
        ["No", "NIP", "Nama", "Jabatan", "Target Kinerja", None, None, "Keterangan"],
        [None, None, None, None, "PK-01 Persentase rekomendasi", "2.", "IKU.3"],
        [1, NIP_JF1, "Citra", "Analis", "Menyusun kajian", "x", "-"],
        [],
        [2, "'" + NIP_JF2, "Dedi", "Analis", "X", "Mengolah data", "\u2013", "cuti"],
        [3, None, "Eka (PPNPN)", "Pramu", None, None, "Mengarsip"],
    ]}
    path = make_workbook(sheets, options={"merged": {"Matriks Pembagian Peran dan Has": [
        "A1:H1", "E4:G4", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "H4:H5"]}})
    u = load_workbook(path)
    assert u.mph_layout == "matrix"
    assert [p for p in u.problems if p.sheet == "Matriks Pembagian Peran dan Has"] == []
    assert u.tables["mph"].sheet == "Matriks Pembagian Peran dan Has"
    assert u.mph_columns == [
        MphColumn("pk-01", "PK-01 Persentase rekomendasi", "E", 5),
        MphColumn("2", "2.", "F", 5),
        MphColumn("iku.3", "IKU.3", "G", 5),
    ]
    t = u.tables["mph"]
    assert t.header_row == 4
    assert t.columns == {"no": "A", "nip": "B", "nama": "C", "nama_jabatan": "D",
                         "kode_target": "E", "peran_hasil": "E"}
    r = t.frame()
    assert len(r) == 9
    assert r["_row"].tolist() == [6, 6, 6, 8, 8, 8, 9, 9, 9]
    assert r["_line"].tolist() == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    assert r["_col"].tolist() == ["E", "F", "G"] * 3
    assert r["kode_target"].tolist() == ["pk-01", "2", "iku.3"] * 3
    assert r["kode_target__raw"].tolist() == ["PK-01", "2.", "IKU.3"] * 3
    assert r["peran_hasil"].tolist() == ["Menyusun kajian", None, None, None, "Mengolah data", None,
                                         None, None, "Mengarsip"]
    assert r["peran_hasil__raw"].tolist()[:6] == ["Menyusun kajian", "x", "-", "X", "Mengolah data",
                                                  "\u2013"]
    assert r["nip"].tolist() == [NIP_JF1] * 3 + [NIP_JF2] * 3 + [None] * 3
    assert r["nip__st"].tolist() == ["valid"] * 6 + ["empty"] * 3
    assert r["nama"].tolist() == ["Citra"] * 3 + ["Dedi"] * 3 + ["Eka (PPNPN)"] * 3
    assert str(r["_line"].dtype) == "int64"


def test_mph_matrix_single_row_header_ignores_other_columns(make_workbook):
    u = load_workbook(make_workbook({"MPH": [
        ["NIP", "Nama", "Golongan", "1.", "2 Persentase", "Keterangan", "III/a"],
        [NIP_JF1, "Citra", "III/b", "Kajian", "", "catatan", "zz"],
    ]}))
    assert u.mph_columns == [MphColumn("1", "1.", "D", 1), MphColumn("2", "2 Persentase", "E", 1)]
    r = u.tables["mph"].frame()
    assert r["kode_target"].tolist() == ["1", "2"]
    assert r["peran_hasil"].tolist() == ["Kajian", None]
    assert r["_row"].tolist() == [2, 2]
    assert [p for p in u.problems if p.sheet == "MPH"] == []


def test_mph_matrix_without_targets_is_a_problem(make_workbook):
    u = load_workbook(make_workbook({"MPH": [["NIP", "Nama", "Keterangan"], [NIP_JF1, "Citra", "a"]]}))
    mph = [p for p in problems(u) if p[1] == "MPH"]
    assert mph == [("column_missing", "MPH", "Kode Target", "kode_target", 1, "rancangan")]
    assert len(u.tables["mph"].rows["_row"]) == 0
    assert u.mph_layout == "matrix" and u.mph_columns == []


def test_mph_matrix_missing_nama(make_workbook):
    """Nama is required in the matrix layout; NIP is not (contract v2: rows are matched by name)."""
    u = load_workbook(make_workbook({"MPH": [["No", "ID Pegawai", "PK-01"], [1, "TP-1", "x"]]}))
    mph = [p[3] for p in problems(u) if p[1] == "MPH"]
    assert mph == ["nama"]
    assert u.tables["mph"].rows["id_pegawai"] == ["TP-1"]


def test_mph_long_layout(make_workbook):
    u = load_workbook(make_workbook({"Matriks Peran dan Hasil": [
        ["MATRIKS PERAN DAN HASIL (format panjang)"],
        ["NIP", "Nama", "Kode Target", "Kode Pokja", "Rencana Hasil Kerja"],
        [NIP_JF1, "Citra", "PK-01.", "PJ-1", "Menyusun kajian"],
        [],
        [NIP_JF1, "Citra", "pk-02", "PJ-1", "-"],
        [None, "Eka", "PK-02", None, None],
    ]}))
    assert u.mph_layout == "long" and u.mph_columns == []
    t = u.tables["mph"]
    assert t.header_row == 2
    assert t.columns == {"nip": "A", "nama": "B", "kode_target": "C", "kode_pokja": "D",
                         "peran_hasil": "E"}
    r = t.frame()
    assert r["_row"].tolist() == [3, 5, 6]
    assert r["_line"].tolist() == [0, 1, 2]
    assert r["_col"].tolist() == ["E", "E", "E"]
    assert r["kode_target"].tolist() == ["pk-01", "pk-02", "pk-02"]
    assert r["peran_hasil"].tolist() == ["Menyusun kajian", None, None]
    assert r["peran_hasil__raw"].tolist() == ["Menyusun kajian", "-", ""]
    assert [p for p in u.problems if p.sheet == "Matriks Peran dan Hasil"] == []


def test_mph_long_missing_peran_hasil(make_workbook):
    u = load_workbook(make_workbook({"MPH": [["NIP", "Kode Target"], [NIP_JF1, "PK-01"]]}))
    assert [p[3] for p in problems(u) if p[1] == "MPH"] == ["peran_hasil"]
    assert u.tables["mph"].rows["_col"] == [None]


# ---------------------------------------------------------------------------- unreadable files

def _valid_bytes(tmp_path, valid):
    from conftest import write_workbook
    return open(write_workbook(tmp_path / "ok.xlsx", valid), "rb").read()


def _expect(path, key):
    with pytest.raises(LoadError) as ei:
        load_workbook(str(path))
    assert ei.value.message_key == key
    assert ei.value.path == str(path)
    assert "load." + key in CATALOGUE
    assert describe(ei.value, "id") == CATALOGUE["load." + key][0].format(file=str(path))
    assert describe(ei.value, "en") == CATALOGUE["load." + key][1].format(file=str(path))
    assert str(path) in describe(ei.value, "id")
    return ei.value


def test_unreadable_files(tmp_path, valid_sheets):
    _expect(tmp_path / "nope.xlsx", "not_found")
    (tmp_path / "empty.xlsx").write_bytes(b"")
    _expect(tmp_path / "empty.xlsx", "empty_file")
    (tmp_path / "a.csv").write_text("NIP;Nama\n1;x\n")
    _expect(tmp_path / "a.csv", "format_csv")
    (tmp_path / "a.html").write_text("<html><table><tr><td>x</td></tr></table></html>")
    _expect(tmp_path / "a.html", "format_html")
    (tmp_path / "bin.xlsx").write_bytes(bytes(range(256)) * 4)
    _expect(tmp_path / "bin.xlsx", "format_other")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100
    (tmp_path / "old.xls").write_bytes(ole + "Workbook".encode("utf-16-le"))
    _expect(tmp_path / "old.xls", "format_xls")
    (tmp_path / "pw.xlsx").write_bytes(ole + "EncryptedPackage".encode("utf-16-le"))
    _expect(tmp_path / "pw.xlsx", "password_protected")
    for name, member, key in [("a.xlsb", "xl/workbook.bin", "format_xlsb"),
                              ("a.ods", "mimetype", "format_ods"),
                              ("a.docx", "word/document.xml", "format_docx")]:
        with zipfile.ZipFile(tmp_path / name, "w") as z:
            z.writestr(member, "x")
        _expect(tmp_path / name, key)
    data = _valid_bytes(tmp_path, valid_sheets)
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    _expect(tmp_path / "cut.xlsx", "corrupt")


def _rezip(src: bytes, dst, change):
    zin = zipfile.ZipFile(io.BytesIO(src))
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, change(info.filename, zin.read(info.filename)))


def test_doctype_refused(tmp_path, valid_sheets):
    data = _valid_bytes(tmp_path, valid_sheets)

    def add_doctype(name, content):
        if name == "xl/workbook.xml":
            return b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + content
        return content
    _rezip(data, tmp_path / "dt.xlsx", add_doctype)
    _expect(tmp_path / "dt.xlsx", "xml_doctype")


def test_zip_bomb_refused(tmp_path, valid_sheets):
    data = _valid_bytes(tmp_path, valid_sheets)
    _rezip(data, tmp_path / "bomb.xlsx", lambda n, c: c)
    with zipfile.ZipFile(tmp_path / "bomb.xlsx", "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/media/zero.bin", b"\0" * (8 << 20))
    _expect(tmp_path / "bomb.xlsx", "zip_bomb")


# ---------------------------------------------------------------------------- formula scan, extents

def test_formula_scan_finds_errors_and_missing_cached_values():
    from checker.load.formulas import formula_issues as _formula_issues
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    xml = (f'<worksheet {ns}><sheetData><row r="2">'
           '<c r="A2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'          # formula error
           '<c r="B2"><f>SUM(A1)</f><v></v></c>'                     # no cached value
           '<c r="C2" t="str"><f>""</f><v></v></c>'                  # cached empty text: fine
           '<c r="D2"><f t="shared" si="0"/></c>'                    # shared child, no value
           '<c r="E2" t="e"><v>#N/A</v></c>'                         # error typed as a value
           '<c r="F2"><f>1+1</f><v>2</v></c>'                        # cached: fine
           '<c r="G2" t="inlineStr"><f>"a"</f><is><t>a</t></is></c>'  # inline cached: fine
           '</row></sheetData><autoFilter ref="A1:G2"><filterColumn colId="0"/></autoFilter></worksheet>').encode()
    assert _formula_issues(xml) == {
        (1, 0): ("error:#DIV/0!", "#DIV/0!"), (1, 1): ("no_cached_value", "=SUM(A1)"),
        (1, 3): ("no_cached_value", "="), (1, 4): ("error:#N/A", "#N/A")}
    # cells without r: numbered by position (a full parse)
    xml2 = (b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
            b'<x:row><x:c><x:v>1</x:v></x:c></x:row><x:row><x:c/><x:c t="e"><x:v>#REF!</x:v></x:c>'
            b'<x:c><x:f>A1</x:f></x:c></x:row></x:sheetData></x:worksheet>')
    assert _formula_issues(xml2) == {(1, 1): ("error:#REF!", "#REF!"), (1, 2): ("no_cached_value", "=A1")}


def test_extent_bound_sees_unusual_attribute_syntax():
    from checker.load.safety import extent_bound as _extent_bound
    assert _extent_bound(b'<row r="2"><c r="A2"><v>1</v></c><c r="AB2"/></row>') == (0, 28)
    assert _extent_bound(b'<row r = "2000000"><c r= \'XFD2000000\'/></row>') == (2_000_000, 16_384)
    assert _extent_bound(b'<pageMargins header="0.3" footer="0.3"/>') == (0, 0)
