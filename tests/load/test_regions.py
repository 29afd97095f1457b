"""A sheet read as tables, one rule of input-format.md (version 3, *Tables on a sheet*) at a
time, on small grids: the header band (group sub-headers, column-number rows), the body rows
in the contract's order, the end of a table, stacked tables and their titles, merged cells
decided on the row as written, and the rows that cannot be placed; then how sheets are found
(names, years and annex labels, columns) and what one cell's text says."""
from __future__ import annotations

import pytest

from checker.input import contract
from checker.load import row_text
from checker.load.columns import SheetColumns
from checker.load.grid import Grid
from checker.load.header import find_header, read_band
from checker.load.mph_targets import TargetNames
from checker.load.regions import read_tables
from checker.load.sheet_finder import Candidate, by_columns, by_name, settle, stripped
from checker.load.unit_sheet import load_unit

NIP1, NIP2, NIP3 = "198602142010122001", "199107232019031003", "198811052014022002"
PEG = ["NIP", "Nama", "Jenis Jabatan", "Nama Jabatan"]


def cols(kind):
    spec = contract.SHEETS_BY_KIND[kind]
    return SheetColumns.of(kind, contract.read_columns(kind, spec.columns))


def read(rows, kind="pegawai", merged=(), names_pokja=None):
    """(data rows, unplaced rows, Pokja hints' texts) in Excel rows."""
    got = read_tables(Grid(rows, merged=_merges(merged)), cols(kind), names_pokja)
    hints = [h.text if h else None for t in got.tables for h in t.hints]
    return [r + 1 for r in got.rows], [(r + 1, text) for r, _c, text in got.unplaced], hints


def _merges(ranges):
    """"A2:D2" -> ((1, 0), (1, 3))."""
    out = []
    for rng in ranges:
        a, b = rng.split(":")
        out.append(((int(a[1:]) - 1, ord(a[0]) - 65), (int(b[1:]) - 1, ord(b[0]) - 65)))
    return out


# --------------------------------------------------------------------------- body rows

def test_every_kind_of_body_row_in_its_order():
    rows = [
        PEG,                                                    # 1 header
        [NIP1, "Rina", "Fungsional", "Analis"],                 # 2 data
        ["A. PEJABAT FUNGSIONAL"],                              # 3 banner (numbered)
        [NIP2, "Agus", "Fungsional", "Analis"],                 # 4 data
        [None, "Dewi"],                                         # 5 data: one cell, but Nama identifies the row
        ["7"],                                                  # 6 blank: a row holding only its number
        ["-", "...", "belum diisi"],                            # 7 blank: placeholders only
        ["JUMLAH", "3"],                                        # 8 total
        [],                                                     # 9
        ["Keterangan:"],                                        # 10 note: opens the notes block
        ["1. Data per 31 Januari 2025"],                        # 11 note
        [None, None, None, "Jakarta, 3 Februari 2025"],         # 12 still notes
    ]
    assert read(rows)[:2] == ([2, 4, 5], [])


def test_a_lone_text_under_no_identifying_column_is_unplaced():
    rows = [PEG, [NIP1, "Rina", "Fungsional", "Analis"], [None, None, None, "lihat lampiran"]]
    assert read(rows)[:2] == ([2], [(3, "lihat lampiran")])


def test_cells_right_of_the_table_are_not_read():
    rows = [PEG, [NIP1, "Rina", "Fungsional", "Analis", None, "cek ulang"], [None] * 5 + ["catatan samping"]]
    assert read(rows)[:2] == ([2], [])


def test_a_blank_run_ends_the_table_unless_a_full_data_row_follows():
    rows = [PEG, [NIP1, "Rina", "Fungsional", "Analis"], [], [NIP2, "Agus", "Fungsional", "Analis"], [],
            [None, None, None, "Analis"], [NIP3, "Dewi", "Fungsional", "Analis"]]
    # row 4 continues the table; row 6 (one cell, identifying nothing) ends it, so row 7 is after the end
    assert read(rows)[:2] == ([2, 4], [(6, "Analis"), (7, f"{NIP3} | Dewi | Fungsional | Analis")])


def test_a_total_row_ends_the_table_unless_a_full_data_row_follows():
    rows = [PEG, [NIP1, "Rina", "Fungsional", "Analis"], ["Sub Total", "1"], [NIP2, "Agus", "Fungsional", "Analis"],
            ["Grand Total:", "2"], ["Budi"]]
    assert read(rows)[:2] == ([2, 4], [(6, "Budi")])


def test_an_indicator_beginning_with_jumlah_is_no_total():
    rows = [["Kode Target", "Indikator Kinerja"], ["PK-01", "Jumlah rekomendasi kebijakan"],
            ["Jumlah rekomendasi", None]]                     # one cell, in a column identifying the row: data
    assert read(rows, "pk")[:2] == ([2, 3], [])


def test_a_closing_block_and_the_person_inside_it():
    rows = [PEG, [NIP1, "Rina", "Fungsional", "Analis"], [],
            [None, None, "Ditetapkan di Jakarta"], [None, None, "pada tanggal 20 Januari 2025"],
            [None, None, "Kepala Biro Umum,"], [None, None, "ttd"], [None, "Dr. Bambang Sutrisno"],
            [None, "NIP. 19750312 200003 1 001"],
            [NIP2, "Agus", "Fungsional", "Analis"]]             # a person inside the block: never dropped silently
    assert read(rows)[:2] == ([2], [(10, f"{NIP2} | Agus | Fungsional | Analis")])


def test_a_lone_name_over_a_lone_nip_line_is_a_signature():
    rows = [PEG, [NIP1, "Rina", "Fungsional", "Analis"], [], [None, "Dr. Bambang Sutrisno"],
            [None, None, "NIP. 197503122000031001"]]
    assert read(rows)[:2] == ([2], [])
    rows[-1] = ["NIP. 197503122000031001"]                      # in the NIP column: a person's NIP, said once
    assert read(rows)[:2] == ([2], [(5, "NIP. 197503122000031001")])


@pytest.mark.parametrize("text", ["Mengetahui,", "Menyetujui", "a.n. Menteri Koordinator", "u.b. Sekretaris",
                                  "Demikian disampaikan.", "Tembusan:", "Salinan sesuai dengan aslinya",
                                  "(ttd)", "Jakarta,      Februari 2025"])
def test_closing_lines(text):
    assert row_text.is_closing(text)
    rows = [PEG, [NIP1, "Rina", "Fungsional", "Analis"], [None, text], [None, "Agus Prasetyo"]]
    assert read(rows)[:2] == ([2], [])                      # the name under it is part of the closing block


@pytest.mark.parametrize("text", ["Keterangan", "Ket.", "Catatan :", "NB: lihat", "Sumber: SIASN", "*) wajib",
                                  "**) opsional", "* angka sementara"])
def test_notes(text):
    assert row_text.is_note(text)


@pytest.mark.parametrize("text", ["Catatan penting", "Keteranganku", "Sumber daya", "Budi, S.E"])
def test_not_notes(text):
    assert not row_text.is_note(text)


def test_merged_cells_are_decided_on_the_row_as_written():
    """A Kode Pokja merged down the members counts for each; a row under it with a numbered
    text of its own continues the data row above (it is no banner); a banner merged across
    the table is one text."""
    rows = [["Kode Pokja", "NIP", "Nama", "Kedudukan", "Uraian Tugas", "Output"],
            ["POKJA HARMONISASI"],                               # 2 banner: merged across A:F
            ["SUB-1", NIP1, "Rina", "Ketua", "1. Memimpin", "Dokumen"],
            [None, None, None, None, "2. Menyusun laporan"],      # 4 continues row 3 (B3:D4 merged)
            [],
            [None, NIP2, "Agus", "Anggota", "Menyusun", "Kajian"]]
    assert read(rows, "anggota", merged=["A2:F2", "A3:A6", "B3:B4", "C3:C4", "D3:D4"])[:2] == ([3, 4, 6], [])


def test_a_banner_sets_the_pokja_until_another_names_one():
    rows = [["NIP", "Nama", "Kedudukan", "Uraian Tugas", "Output"],
            ["2. POKJA HARMONISASI REGULASI"],
            [NIP1, "Rina", "Ketua", "x", "y"],
            [None, "a) Anggota"],                                 # a role heading: the Pokja stays
            [NIP2, "Agus", "Anggota", "x", "y"],
            ["III.", "Pokja Data"],                               # its number in a cell of its own
            [NIP3, "Dewi", "Anggota", "x", "y"]]
    data, lost, hints = read(rows, "anggota", names_pokja=lambda t: t.lower() in ("pokja harmonisasi regulasi",
                                                                                 "pokja data"))
    assert (data, lost) == ([3, 5, 7], [])
    assert hints == ["2. POKJA HARMONISASI REGULASI", "2. POKJA HARMONISASI REGULASI", "Pokja Data"]


def test_stacked_tables_each_under_its_own_header_and_title():
    names = ("pokja moneter", "pokja fiskal")
    head = ["No", "Nama", "NIP", "Kedudukan", "Uraian Tugas", "Output"]
    rows = [["SUSUNAN KEANGGOTAAN POKJA MONETER"], [], head, ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
            [1, "Rina", NIP1, "Ketua", "x", "y"], [], [],
            ["SUSUNAN KEANGGOTAAN"], ["POKJA FISKAL"], head,
            [1, "Agus", NIP2, "Ketua", "x", "y"], [2, "Dewi", NIP3, "Anggota", "x", "y"]]
    data, lost, hints = read(rows, "anggota", names_pokja=lambda t: any(n in t.lower() for n in names))
    assert (data, lost) == ([5, 11, 12], [])
    assert hints == ["SUSUNAN KEANGGOTAAN POKJA MONETER", "SUSUNAN KEANGGOTAAN POKJA FISKAL",
                     "SUSUNAN KEANGGOTAAN POKJA FISKAL"]


def test_a_header_repeated_after_a_page_break_starts_a_table_of_the_same_kind():
    rows = [PEG, [NIP1, "Rina", "Fungsional", "Analis"], [], PEG, [NIP2, "Agus", "Fungsional", "Analis"]]
    got = read_tables(Grid(rows), cols("pegawai"))
    assert [t.band.row + 1 for t in got.tables] == [1, 4]
    assert [r + 1 for r in got.rows] == [2, 5]


def test_the_template_example_row_is_never_data():
    rows = [PEG, ["CONTOH: 198602142010122001", "Rina", "Fungsional", "Analis"], [NIP1, "Rina", "Fungsional", "x"]]
    assert read(rows)[:2] == ([3], [])


# --------------------------------------------------------------------------- header band

def band_of(rows, kind="pokja", merged=(), targets=None):
    grid = Grid(rows, merged=_merges(merged))
    c = cols(kind)
    return read_band(grid, c, find_header(grid, c), 0, targets)


def test_generic_sub_headers_read_with_their_group():
    rows = [["Kode Pokja", "Nama Pokja", "SK Penetapan", None, None, "Konsultasi Ortala", "Periode", None],
            [None, None, "No.", "Tgl.", "Penandatangan", "Tanggal", "Mulai", "Selesai"],
            ["SUB-1", "Pokja A", "KEP-1", "2025-01-20", NIP1, "2025-01-15", "2025-01-20", "2025-12-31"]]
    band = band_of(rows, merged=["A1:A2", "B1:B2", "C1:E1", "G1:H1"])
    assert (band.row, band.bottom) == (0, 1)
    assert {f: c for f, c in band.colmap.items() if c >= 2} == {
        "nomor_sk": 2, "tanggal_sk": 3, "nip_penetap_sk": 4, "tanggal_konsultasi_ortala": 5, "tanggal_mulai": 6,
        "tanggal_selesai": 7}


def test_group_cells_need_not_be_merged_and_two_fitting_names_are_none():
    rows = [["Kode Pokja", "Nama Pokja", "SK", "SK Konsultasi Ortala"], [None, None, "Nomor", "Tanggal"]]
    assert band_of(rows).colmap == {"kode_pokja": 0, "nama_pokja": 1, "nomor_sk": 2}


def test_a_group_row_above_a_sub_header_row():
    rows = [["Kode Pokja", "Nama Pokja", "Jangka Waktu", None], [None, None, "Periode", None],
            [None, None, "Tanggal Mulai", "Tanggal Selesai"], ["SUB-1", "A", "2025-01-20", "2025-12-31"]]
    band = band_of(rows, merged=["A1:A3", "B1:B3", "C1:D1", "C2:D2"])
    assert band.bottom == 2 and band.colmap["tanggal_selesai"] == 3


@pytest.mark.parametrize("numbers,lo", [
    (["1", "2", "3", "4"], 0), (["(1)", "(2)", "(3)", "(4)"], 0),
    ([None, "1", "2", "3", "4"], 1),                     # counted from the table's first column (B)
    ([None, "2", "3", "4", "5"], 1),                     # counted from column A: increasing, under every column
])
def test_column_number_rows(numbers, lo):
    head = [None] * lo + PEG
    rows = [head, numbers, [None] * lo + [NIP1, "Rina", "Fungsional", "Analis"]]
    band = band_of(rows, "pegawai")
    assert (band.lo, band.last) == (lo, 1)
    assert read(rows)[:2] == ([3], [])


def test_target_codes_under_an_mph_group_cell_are_header_cells():
    pk = {"kode_target": ["1", "2"], "kode_target__raw": ["1", "2"], "indikator_kinerja__raw": ["A a", "B b"]}
    rows = [["No", "Nama", "Target Kinerja", None], [None, None, "1", "2"], [1, "Rina", "x", "-"]]
    grid = Grid(rows, merged=_merges(["A1:A2", "B1:B2", "C1:D1"]))
    mcols = SheetColumns.of("mph", contract.read_columns("mph", contract.MPH_MATRIX_COLUMNS))
    band = read_band(grid, mcols, find_header(grid, mcols), 0, TargetNames(pk))
    assert band.bottom == 1 and [(c, n.code) for c, _r, n, _h in band.targets] == [(2, "1"), (3, "2")]


# --------------------------------------------------------------------------- sheets

@pytest.mark.parametrize("name,bare,year", [
    ("MPH 2025", "MPH", 2025), ("PK_2026", "PK", 2026), ("Pokja (TA 2025)", "Pokja", 2025),
    ("Lampiran II Pegawai", "Pegawai", None), ("Lamp. 1B Anggota Pokja", "Anggota Pokja", None),
    ("Lampiran III.a Pokja", "Pokja", None), ("Anggota Pokja Th. 2024", "Anggota Pokja", 2024),
    ("Tahun 2025 MPH", "MPH", 2025), ("Lampiran", "", None),
])
def test_sheet_names_without_year_and_annex_label(name, bare, year):
    got, y = stripped(name)
    assert (" ".join(got.replace("(", " ").replace(")", " ").split()), y) == (bare, year)


def test_sheets_by_name_then_without_their_labels():
    metas = [("Unit", False), ("Perjanjian Kinerja", False), ("PK 2024", False), ("Lampiran II Pegawai", False),
             ("MPH 2024", False), ("MPH 2025", False), ("Pokja", False), ("Pokja", True), ("Sheet1", False)]
    found = by_name(metas)
    assert {k: [c.name for c in v] for k, v in found.items()} == {
        "unit": ["Unit"], "pk": ["Perjanjian Kinerja"], "pokja": ["Pokja"], "pegawai": ["Lampiran II Pegawai"],
        "mph": ["MPH 2024", "MPH 2025"]}
    assert settle("mph", found["mph"], 2025) == (Candidate("MPH 2025", False, 2025), [])
    got, problems = settle("mph", found["mph"], 2026)
    assert got is None and [(p.code, p.sheet, p.detail) for p in problems] == [
        ("sheet_ambiguous", "MPH", "“MPH 2024”, “MPH 2025”")]


def test_sheets_by_their_columns_and_a_sheet_fitting_two_kinds():
    member = Grid([["No", "Nama/NIP", "Kedudukan dalam Tim", "Uraian Tugas", "Output"],
                   [1, f"Rina\nNIP. {NIP1}", "Ketua", "x", "y"]])
    both = Grid([["Kode Target", "Sasaran", "Indikator Kinerja", "NIP", "Nomor Surat Tugas"]])   # 3 and 3
    notes = Grid([["Petunjuk pengisian"], ["1. Isi semua kolom"]])
    taken, problems = by_columns({"Lampiran": member, "Sheet1": both, "Petunjuk": notes},
                                 {"Lampiran": False, "Sheet1": False, "Petunjuk": False},
                                 ["anggota", "pk", "surat_tugas"], 2025, None)
    assert {k: c.name for k, c in taken.items()} == {"anggota": "Lampiran"}
    assert [(p.code, p.sheet, p.detail) for p in problems] == [("kind_ambiguous", "Sheet1", "PK / Surat Tugas")]


# --------------------------------------------------------------------------- the Unit sheet

@pytest.mark.parametrize("rows,letter", [
    ([["Kode Unit", ":", "D9.AS1"], ["Nama Unit", ":", "Asdep"]], "C"),
    ([["Kode Unit :", "D9.AS1"], ["Nama Unit:", "Asdep"]], "B"),
    ([["Kode Unit", ": D9.AS1"], ["Nama Unit", ": Asdep"]], "B"),
    ([["1.", "Kode Unit", ":", "D9.AS1"], ["2.", "Nama Unit", ":", "Asdep"]], "D"),
    ([["a. Kode Unit", ":", "D9.AS1"], ["b. Nama Unit", ":", "Asdep"]], "C"),
])
def test_unit_form_layouts(rows, letter):
    rows = [["IDENTITAS UNIT"], ["Nomor", ":", "ND-1/2025"]] + rows + [["Tahun Kinerja: 2025"],
                                                                         [None, "Jakarta, 3 Februari 2025"]]
    read_, unit = load_unit(Grid(rows), "Unit", False)
    assert {f: (v[1], v[3], v[4]) for f, v in unit.items()} == {
        "kode_unit": ("D9.AS1", 3, letter), "nama_unit": ("Asdep", 4, letter), "tahun_kinerja": ("2025", 5, "A")}
    assert [p.field for p in read_.problems] == ["unit_jpt_madya", "nip_jpt_pratama", "nama_jpt_pratama",
                                                  "nip_jpt_madya", "nama_jpt_madya"]


def test_unit_form_value_never_one_further_right():
    rows = [["Kode Unit", None, "D9.AS1"], ["Nama Unit", ":", None, "Asdep"]]
    _read, unit = load_unit(Grid(rows), "Unit", False)
    assert [(unit[f][1], unit[f][4]) for f in ("kode_unit", "nama_unit")] == [("", "B"), ("", "C")]
