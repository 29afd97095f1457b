"""A mistake planted in a unit written in the real layouts (tests/layouts_kit.py) is found at
its cell, with the unit, Pokja, person and target the user would look for; the same mistake
in a plain layout would be found the same way."""
from __future__ import annotations

import pytest
from layouts_kit import base_book, group_header, real_unit, title_block
from test_layouts import ENGINES, UNIT, findings

P1, P2 = "Pokja Kebijakan Contoh", "Pokja Dukungan Teknis dan Administrasi"


def _row_with(sheet, text):
    return next(r for r in sheet.rows if any(isinstance(v, str) and v.startswith(text) for v in r))


@pytest.mark.parametrize("engine", ENGINES)
def test_section_row_naming_no_pokja(engine, tmp_path):
    """Its text is what the rows under it name: an unknown Pokja, at the section's column."""
    book = real_unit()
    row = _row_with(book["Anggota Pokja"], "B. POKJA")
    row[0] = "B. TIM LAIN"
    got = findings(book, tmp_path, engine, "K13")
    assert got == [
        ("K13", UNIT, "B. TIM LAIN", "NIP. 196801051992031002", "Ir. Sri Rahayu, M.P.P.", None, "Anggota Pokja", 14,
         "A"),
        ("K13", UNIT, "B. TIM LAIN", "NIP. 197503122000031001", "Dr. Bambang Sutrisno, S.E., M.Si.", None,
         "Anggota Pokja", 15, "A"),
        ("K13", UNIT, "B. TIM LAIN", "NIP. 199305172020121004", "Yoga Pratama, A.Md.", None, "Anggota Pokja", 16, "A"),
        ("K13", UNIT, "B. TIM LAIN", None, "Andi Saputra", None, "Anggota Pokja", 17, "A"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_merged_kedudukan_is_reported_once_at_its_top_left_cell(engine, tmp_path):
    """"Penanggung Jawab" is merged over D8:D9 and D14:D15; an unknown value there is one D03 per
    range, and the rows it covers (Pengarah rows) are not D03 again."""
    book = real_unit()
    for r in book["Anggota Pokja"].rows:
        if "Penanggung Jawab" in r:
            r[r.index("Penanggung Jawab")] = "Penasehat"
    assert findings(book, tmp_path, engine, "D03") == [
        ("D03", UNIT, P1, "NIP. 196801051992031002", "Ir. Sri Rahayu, M.P.P.", None, "Anggota Pokja", 8, "D"),
        ("D03", UNIT, P2, "NIP. 196801051992031002", "Ir. Sri Rahayu, M.P.P.", None, "Anggota Pokja", 14, "D"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_merged_pokja_column_gives_each_member_its_pokja(engine, tmp_path):
    book = real_unit(anggota="merged")
    row = _row_with(book["Anggota Pokja"], "Andi Saputra")
    row[row.index("Anggota 1")] = "Bendahara"
    assert findings(book, tmp_path, engine, "D03") == [
        ("D03", UNIT, P2, None, "Andi Saputra", None, "Anggota Pokja", 15, "E")]


@pytest.mark.parametrize("engine", ENGINES)
def test_numbered_kedudukan_is_its_value(engine, tmp_path):
    book = real_unit()
    _row_with(book["Anggota Pokja"], "Dewi Lestari")[3] = "Anggota 1.2."
    row = _row_with(book["Anggota Pokja"], "Andi Saputra")
    row[3] = "Bendahara"
    assert findings(book, tmp_path, engine, "D03") == [
        ("D03", UNIT, P2, None, "Andi Saputra", None, "Anggota Pokja", 17, "D")]


@pytest.mark.parametrize("engine", ENGINES)
def test_employee_without_role_in_an_indicator_headed_mph(engine, tmp_path):
    book = real_unit()
    row = _row_with(book["MPH"], "Rina Wulandari")
    row[3:5] = ["-", "-"]
    # rules.md v3: a row on the MPH without any role is M08 (a note), not U05
    assert findings(book, tmp_path, engine, "U05") == []
    assert findings(book, tmp_path, engine, "M08") == [
        ("M08", UNIT, None, "NIP. 198602142010122001", "RINA WULANDARI", None, "Pegawai", 3, "A")]


@pytest.mark.parametrize("engine", ENGINES)
def test_mph_row_without_nip_naming_nobody(engine, tmp_path):
    """Rows without NIP are matched by name (titles folded); a name that is nobody's is M03 at
    its cell and leaves the employee without a role (U05)."""
    book = real_unit()
    _row_with(book["MPH"], "Dewi Lestari")[1] = "Dewi Lestary"
    got = findings(book, tmp_path, engine)
    assert [g for g in got if g[0] in ("M03", "U05")] == [
        ("M03", UNIT, None, None, "Dewi Lestary", None, "MPH", 11, "B"),
        ("U05", UNIT, None, "NIP. 198811052014022002", "DEWI LESTARI", None, "Pegawai", 5, "A"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_header_naming_two_indicators_is_reported_at_the_header(engine, tmp_path):
    """"Persentase rekomendasi kebijakan" begins both indicators: it names no target (M01 at
    its header cell) and its column's roles count for none."""
    book = real_unit(mph_rows=1, titles=False)
    book["PK"].rows[2][2] = "Persentase rekomendasi kebijakan lainnya"
    book["MPH"].rows[0][3] = "Persentase rekomendasi kebijakan"
    assert findings(book, tmp_path, engine, "M01") == [
        ("M01", UNIT, None, None, None, "Persentase rekomendasi kebijakan", "MPH", 1, "D")]


@pytest.mark.parametrize("engine", ENGINES)
def test_nama_nip_cell_with_an_invalid_nip(engine, tmp_path):
    book = real_unit()
    _row_with(book["Anggota Pokja"], "Agus Prasetyo")[1] = "Agus Prasetyo, S.T.\nNIP. 19910723201903100"
    assert findings(book, tmp_path, engine, "D01") == [
        ("D01", UNIT, P1, "NIP. 19910723201903100", "Agus Prasetyo, S.T.", None, "Anggota Pokja", 11, "B")]


@pytest.mark.parametrize("engine", ENGINES)
def test_nama_nip_cell_without_nip_naming_nobody(engine, tmp_path):
    """A Nama/NIP cell without a NIP is a name: matched by name (then the NIP the Pegawai sheet
    knows is missing from the decree: D07, rules.md), else an unknown member (A09 only)."""
    book = real_unit()
    _row_with(book["Anggota Pokja"], "Agus Prasetyo")[1] = "Agus Prasetyo, S.T."
    assert [(f[0], f[4], f[6], f[7]) for f in findings(book, tmp_path, engine)] == [
        ("D07", "Agus Prasetyo, S.T.", "Anggota Pokja", 11)]
    _row_with(book["Anggota Pokja"], "Agus Prasetyo")[1] = "Bagus Prasetya"
    assert findings(book, tmp_path, engine, "A09") == [
        ("A09", UNIT, P1, None, "Bagus Prasetya", None, "Anggota Pokja", 11, "B")]


@pytest.mark.parametrize("engine", ENGINES)
def test_decree_date_and_teknis(engine, tmp_path):
    book = real_unit()
    pokja = book["Pokja"]
    head = pokja.rows[0]
    pokja.rows[1][head.index("Tanggal SK")] = "pada tanggal 20 Januari 20025"
    pokja.rows[2][head.index("Jenis Pokja")] = "Teknis"
    got = findings(book, tmp_path, engine)
    assert [g for g in got if g[0] in ("D03", "D04")] == [
        ("D04", UNIT, P1, None, None, None, "Pokja", 2, "F"),
        ("D03", UNIT, P2, None, None, None, "Pokja", 3, "B"),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_header_under_title_rows_and_group_cells_locates_cells(engine, tmp_path):
    """Pokja with two title rows and a three-row header (rows 4-6): a bad date in the first
    Pokja is row 7 of the sheet; Pegawai with its header on row 20."""
    book = base_book()
    group_header(book["Pokja"], ["Tanggal Mulai", "Tanggal Selesai"], "Periode", outer="Jangka Waktu")
    title_block(book["Pokja"], ["DAFTAR POKJA", "TAHUN 2025"])
    book["Pokja"].rows[6][book["Pokja"].rows[5].index("Tanggal Selesai")] = "31 Desember 20025"
    title_block(book["Pegawai"], [f"judul {i}" for i in range(18)])
    book["Pegawai"].rows[21][3] = "Fungsionil"
    assert findings(book, tmp_path, engine, "D04") == [("D04", UNIT, "SUB-1", None, None, None, "Pokja", 7, "K")]
    assert findings(book, tmp_path, engine, "D03") == [
        ("D03", UNIT, None, "198602142010122001", "Rina Wulandari, S.E., M.Ec.", None, "Pegawai", 22, "D")]
