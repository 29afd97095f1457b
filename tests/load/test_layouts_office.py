"""The files units really keep (input-format.md version 3, issue 20): the compliant example unit
written with the habits of *Tables on a sheet* (tests/layouts_kit.py `office_unit`), saved as
openpyxl, Excel, LibreOffice and streaming generators save it, and checked through the real
loader and both engines. In every habit, and in their combinations, the compliant unit gives
no finding; a mistake planted in it is found at its cell, with its unit, Pokja and person."""
from __future__ import annotations

import pytest
from layouts_kit import (
    BANNER_STYLES,
    SIGNER,
    UNIT_FORM_STYLES,
    YEAR_NAMES,
    office_unit,
    old_copy,
    rename,
    write_book,
)
from test_layouts import ENGINES, KEYS, UNIT

from checker.load.unit_workbook import load_workbook
from checker.pipeline import run

FLAVORS = ("openpyxl", "excel", "libreoffice", "inline")
NONE = dict(names=False, form=None, groups=False, banners=None, roles=False, stacked=False, totals=False,
            footnotes=False, signatures=False, short_signature=False, offset=False, numbers=None, hidden=False,
            sides=False, spaces=False, empty_rows=False, mph=None)


def unit(**habits):
    """The base unit with only these habits."""
    return office_unit(**{**NONE, **habits})


def findings(book, tmp_path, engine, rule=None, stage="penetapan", flavor="excel"):
    path = write_book(book, tmp_path / f"unit-{flavor}.xlsx", flavor)
    result = run.check([path], stage=stage, engine=engine)
    got = [tuple(getattr(f, k) for k in KEYS) for f in result.findings if rule in (None, f.rule)]
    return sorted(got, key=lambda g: (g[6] or "", g[7] or 0, str(g)))


def row_with(sheet, text):
    return next(r for r in sheet.rows if any(isinstance(v, str) and v.startswith(text) for v in r))


HABITS = {
    "annex-sheet-names": dict(names=True),
    **{f"unit-form-{s}": dict(form=s) for s in UNIT_FORM_STYLES},
    "sk-group-header": dict(groups=True),
    **{f"banners-{s}": dict(banners=s) for s in BANNER_STYLES},
    "banners-with-role-headings": dict(banners="digit", roles=True),
    "stacked-tables": dict(stacked=True),
    "total-row": dict(totals=True),
    "notes-and-footnotes": dict(footnotes=True),
    "signature-block": dict(signatures=True),
    "signature-name-and-nip-only": dict(signatures=True, short_signature=True),
    "table-off-column-a": dict(offset=True, numbers="sheet"),
    "column-numbers": dict(numbers="plain"),
    "column-numbers-bracketed": dict(numbers="brackets"),
    "hidden-rows-columns-filter": dict(hidden=True),
    "side-notes": dict(sides=True),
    "unicode-spaces": dict(spaces=True),
    "numbered-empty-rows": dict(banners="letter", empty_rows=True),
    "mph-matrix-by-code": dict(mph="code"),
    "mph-matrix-by-indicator": dict(mph="indicator"),
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("habit", list(HABITS))
def test_compliant_unit_in_each_habit_has_no_finding(habit, engine, tmp_path):
    flavor = FLAVORS[list(HABITS).index(habit) % len(FLAVORS)]
    assert findings(unit(**HABITS[habit]), tmp_path, engine, flavor=flavor) == []


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("flavor", FLAVORS)
def test_compliant_unit_with_every_habit_has_no_finding(flavor, engine, tmp_path):
    assert findings(office_unit(), tmp_path, engine, flavor=flavor) == []


COMBINED = {
    "annex-form-stacked": dict(names=True, form="numbered", stacked=True, totals=True, signatures=True),
    "decree-roman-roles": dict(banners="roman", roles=True, groups=True, signatures=True, short_signature=True,
                               empty_rows=True),
    "offset-notes-hidden": dict(offset=True, numbers="sheet", footnotes=True, hidden=True, sides=True,
                                form="two-columns"),
    "every-habit-on-v2-layouts": dict(v2={}),
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("combo", list(COMBINED))
def test_habits_combined_as_real_files_combine_them(combo, engine, tmp_path):
    habits = COMBINED[combo]
    book = office_unit(**habits) if "v2" in habits else unit(**habits)
    assert findings(book, tmp_path, engine, flavor="libreoffice") == []


@pytest.mark.parametrize("stage", ["rancangan", "evaluasi"])
def test_office_unit_is_compliant_at_every_stage(stage, tmp_path):
    assert findings(office_unit(), tmp_path, ENGINES[-1], stage=stage) == []


# --------------------------------------------------------------------------- what the loader reads

def test_loader_reads_the_office_unit_as_the_contract_says(tmp_path):
    u = load_workbook(write_book(office_unit(), tmp_path / "u.xlsx", "excel"))
    assert u.problems == [] and u.unplaced == []
    assert {k: t.sheet for k, t in u.tables.items()} == {
        "unit": YEAR_NAMES["Unit"], "pk": "PK 2025", "pegawai": "Lampiran II Pegawai", "mph": "MPH 2025",
        "pokja": "Pokja (TA 2025)", "anggota": "Lampiran", "surat_tugas": "Lamp. IV Surat Tugas 2025"}
    # Unit as a form `label | : | value`: each value right of its colon cell (C), on its own row
    assert {f: (v[1], v[3], v[4]) for f, v in u.unit.items() if f in ("kode_unit", "nip_jpt_pratama",
                                                                        "tahun_kinerja")} == {
        "kode_unit": ("D9.AS1", 4, "C"), "nip_jpt_pratama": ("197503122000031001", 7, "C"),
        "tahun_kinerja": ("2025", 13, "C")}
    # Pokja: "Nomor | Tanggal | Penandatangan" under "SK Penetapan", "Tanggal" under "Konsultasi Ortala"
    pokja = u.tables["pokja"]
    assert {f: pokja.columns[f] for f in ("nomor_sk", "tanggal_sk", "nip_penetap_sk", "tanggal_konsultasi_ortala",
                                          "tanggal_mulai", "tanggal_selesai")} == {
        "nomor_sk": "F", "tanggal_sk": "G", "nip_penetap_sk": "H", "tanggal_konsultasi_ortala": "I",
        "tanggal_mulai": "J", "tanggal_selesai": "K"}
    assert pokja.rows["_row"] == [3, 4]                    # the sub-header row is no Pokja
    # Pegawai: header, column numbers, six employees (one on a hidden row), then total, notes, signature
    peg = u.tables["pegawai"]
    assert peg.rows["_row"] == [3, 4, 5, 6, 7, 8]
    assert peg.rows["nip"][:2] == ["197503122000031001", "198602142010122001"]     # NBSP and U+202F removed
    # Anggota Pokja on a sheet named "Lampiran", found by its columns; its Pokja from "1." and "2." banners
    ang = u.tables["anggota"]
    assert list(zip(ang.rows["_row"], ang.rows["kode_pokja"])) == [
        (3, "sub-1"), (4, "sub-1"), (5, "sub-1"), (6, "sub-1"), (7, "sub-1"),
        (9, "duk-1"), (10, "duk-1"), (11, "duk-1"), (12, "duk-1")]
    # MPH: the matrix under its two-row header, its notes skipped
    assert sorted(set(u.tables["mph"].rows["_row"])) == [3, 4, 5, 6, 7, 8]


def test_stacked_tables_each_under_its_own_header_and_title(tmp_path):
    u = load_workbook(write_book(unit(stacked=True), tmp_path / "u.xlsx", "inline"))
    ang = u.tables["anggota"]
    assert ang.header_row == 4                                # the first table's
    assert list(zip(ang.rows["_row"], ang.rows["kode_pokja"], ang.rows["kedudukan"])) == [
        (6, "sub-1", "Pengarah"), (7, "sub-1", "Pengarah"), (8, "sub-1", "Ketua"), (9, "sub-1", "Anggota"),
        (10, "sub-1", "Anggota"), (18, "duk-1", "Pengarah"), (19, "duk-1", "Pengarah"), (20, "duk-1", "Ketua"),
        (21, "duk-1", "Anggota")]
    assert ang.columns["kode_pokja"] == "A"                   # where the titles stand
    assert u.problems == [] and u.unplaced == []


# --------------------------------------------------------------------------- a mistake in each habit

@pytest.mark.parametrize("engine", ENGINES)
def test_member_list_found_by_its_columns_reports_at_its_cells(engine, tmp_path):
    book = unit(names=True, banners="digit")
    row_with(book["Lampiran"], "Agus Prasetyo")[5] = None
    assert findings(book, tmp_path, engine) == [
        ("A04", UNIT, "SUB-1", "NIP. 199107232019031003", "Agus Prasetyo, S.T.", None, "Lampiran", 6, "F")]


@pytest.mark.parametrize("engine", ENGINES)
def test_yearly_copies_the_tahun_kinerja_settles(engine, tmp_path):
    """MPH 2025 beside last year's MPH 2024: the Tahun Kinerja's is read (last year's target
    code there is no finding; this year's typo is M01 at its cell); two copies without a year
    are one D05 naming both, and the MPH's rules are silenced."""
    book = unit()
    old_copy(book, "MPH", "MPH 2025", "MPH 2024")
    row_with(book["MPH 2024"], "198602142010122001")[3] = "PK-08"
    row_with(book["MPH 2025"], "199305172020121004")[3] = "PK-09"
    assert findings(book, tmp_path, engine, "M01") == [
        ("M01", UNIT, None, "199305172020121004", "Yoga Pratama, A.Md.", "PK-09", "MPH 2025", 6, "D")]
    rename(book, {"MPH 2025": "Lampiran I MPH", "MPH 2024": "Lampiran II MPH"})
    got = run.check([write_book(book, tmp_path / "two.xlsx")], engine=engine).findings
    assert [(f.rule, f.sheet, f.row, f.column) for f in got] == [("D05", "MPH", None, None)]
    assert "“Lampiran I MPH”, “Lampiran II MPH”" in got[0].message


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("style,cell", [("colon", (10, "C")), ("label-colon", (10, "B")), ("value-colon", (10, "C")),
                                        ("numbered", (10, "D")), ("inline", (10, "C")), ("two-columns", (4, "G")),
                                        ("kv", (11, "B"))])
def test_unit_form_empty_value_at_its_cell(style, cell, engine, tmp_path):
    book = unit(form=style)
    for r in book["Unit"].rows:
        for i, v in enumerate(r):
            if v == "Ir. Sri Rahayu, M.P.P.":
                r[i] = None
            elif v == ": Ir. Sri Rahayu, M.P.P.":
                r[i] = ":"
    assert findings(book, tmp_path, engine) == [("D07", UNIT, None, None, None, None, "Unit", *cell)]


@pytest.mark.parametrize("engine", ENGINES)
def test_date_under_a_group_cell(engine, tmp_path):
    book = unit(groups=True)
    book["Pokja"].rows[2][6] = "31 Juni 2025"                  # "Tanggal" under "SK Penetapan"
    assert findings(book, tmp_path, engine) == [("D04", UNIT, "SUB-1", None, None, None, "Pokja", 3, "G")]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("style", BANNER_STYLES)
def test_member_under_a_numbered_banner_keeps_its_pokja(style, engine, tmp_path):
    book = unit(banners=style)
    row_with(book["Anggota Pokja"], "Andi Saputra")[3] = "Bendahara"
    assert findings(book, tmp_path, engine) == [
        ("D03", UNIT, "DUK-1", None, "Andi Saputra", None, "Anggota Pokja", 12, "D")]


@pytest.mark.parametrize("engine", ENGINES)
def test_role_headings_keep_the_pokja_and_a_banner_naming_none_is_its_own(engine, tmp_path):
    """"a) Pengarah" under "1. POKJA ..." leaves the Pokja as it is; a banner numbered like the
    Pokja banners that names no Pokja ("2. TIM LAIN") gives its rows that unknown Pokja (K13
    on each), never the Pokja of the banner before."""
    book = unit(banners="digit", roles=True)
    sheet = book["Anggota Pokja"]
    at = next(i for i, r in enumerate(sheet.rows) if r and isinstance(r[0], str) and r[0].startswith("2."))
    sheet.rows[at] = ["2. TIM LAIN"]
    got = findings(book, tmp_path, engine, "K13")
    assert [(g[2], g[4], g[7]) for g in got] == [
        ("2. TIM LAIN", "Ir. Sri Rahayu, M.P.P.", 13), ("2. TIM LAIN", "Dr. Bambang Sutrisno, S.E., M.Si.", 14),
        ("2. TIM LAIN", "Yoga Pratama, A.Md.", 16), ("2. TIM LAIN", "Andi Saputra", 18)]


@pytest.mark.parametrize("engine", ENGINES)
def test_member_of_a_stacked_table_takes_its_title_pokja(engine, tmp_path):
    book = unit(stacked=True)
    row = next(r for r in book["Anggota Pokja"].rows if len(r) > 1 and r[1] == "Andi Saputra")
    row[6] = None
    assert findings(book, tmp_path, engine) == [
        ("A04", UNIT, "DUK-1", None, "Andi Saputra", None, "Anggota Pokja", 21, "G")]


@pytest.mark.parametrize("engine", ENGINES)
def test_employee_after_a_total_row_is_read(engine, tmp_path):
    """A total row ends the table unless a full data row follows: that row is an employee."""
    book = unit(totals=True)
    book["Pegawai"].rows.append(["198505052010012005", None, "Lina Marlina, S.E.", "Fungsional",
                                 "Analis Kebijakan Ahli Muda", "PNS", "Aktif"])
    assert findings(book, tmp_path, engine) == [
        ("U05", UNIT, None, "198505052010012005", "Lina Marlina, S.E.", None, "Pegawai", 10, "A")]


@pytest.mark.parametrize("engine", ENGINES)
def test_person_inside_notes_is_never_dropped_silently(engine, tmp_path):
    book = unit(footnotes=True)
    book["Pegawai"].rows.append(["198505052010012005", None, "Lina Marlina, S.E.", "Fungsional", "Analis", "PNS"])
    got = run.check([write_book(book, tmp_path / "u.xlsx")], engine=engine).findings
    assert [(f.rule, f.unit, f.sheet, f.row, f.column, f.found) for f in got] == [
        ("D05", UNIT, "Pegawai", 13, "A", "“198505052010012005 | Lina Marlina, S.E. | Fungsional | Analis | PNS”")]
    assert "Pegawai: 13." in got[0].message


@pytest.mark.parametrize("engine", ENGINES)
def test_signature_nip_line_under_the_nip_column_is_reported(engine, tmp_path):
    """A signer's name and `NIP ...` line under the table are a closing block; a valid NIP in
    the table's NIP column there is one D05, never an employee nor a silent skip."""
    book = unit()
    book["Pegawai"].rows += [[], [None, None, SIGNER[0]], [None, None, SIGNER[1]]]
    assert findings(book, tmp_path, engine) == []
    book["Pegawai"].rows[-1] = [SIGNER[1]]
    assert findings(book, tmp_path, engine) == [("D05", UNIT, None, None, None, None, "Pegawai", 10, "A")]


@pytest.mark.parametrize("engine", ENGINES)
def test_table_off_column_a_under_hidden_rows_and_side_notes(engine, tmp_path):
    book = unit(offset=True, numbers="sheet", hidden=True, sides=True)
    sheet = book["Pegawai"]
    at = next(i for i, r in enumerate(sheet.rows) if "Dewi Lestari, S.Si., M.E." in r)
    sheet.rows[at][4] = "Fungsionl"                             # Jenis Jabatan, column E (the table starts at B)
    sheet.hidden_rows.add(at + 1)
    assert findings(book, tmp_path, engine) == [
        ("D03", UNIT, None, "198811052014022002", "Dewi Lestari, S.Si., M.E.", None, "Pegawai", at + 1, "E")]


@pytest.mark.parametrize("engine", ENGINES)
def test_unicode_spaces_inside_a_nip(engine, tmp_path):
    book = unit(spaces=True)
    row = row_with(book["Pegawai"], "19910723")
    row[0] = "19910723\u00a0201903\u200b1\u202f003"             # NBSP, zero-width and narrow spaces: removed
    row[3] = "Fungsionl"
    assert findings(book, tmp_path, engine) == [
        ("D03", UNIT, None, "19910723\u00a0201903\u200b1\u202f003", "Agus Prasetyo, S.T.", None, "Pegawai", 4, "D")]


def test_the_unplaced_rows_finding_beside_other_structure_findings(tmp_path):
    """In one run with an unreadable file and a unit lacking a column: the unplaced rows' D05
    shows the first row's text as the value found, and the other D05s show none."""
    book = unit()
    book["Pegawai"].rows.append([None, None, None, None, "lihat daftar terlampir"])
    for r in book["Pokja"].rows:
        del r[4]                                                  # Tugas Pokja
    path = write_book(book, tmp_path / "a.xlsx")
    bad = tmp_path / "b.xlsx"
    bad.write_bytes(b"bukan workbook")
    got = run.check([path, str(bad)], engine=ENGINES[0]).findings
    assert {(f.rule, f.sheet, f.row, f.column, f.found) for f in got if f.rule == "D05"} == {
        ("D05", None, None, None, None), ("D05", "Pegawai", 8, "E", "“lihat daftar terlampir”"),
        ("D05", "Pokja", 1, None, None)}
    # its fingerprint is the unit's and the kind `unplaced`: other rows, elsewhere, keep it
    first = next(f for f in got if f.found).fingerprint
    book["Pegawai"].rows[-1:-1] = [[], [None, None, None, None, "catatan tambahan"]]
    again = run.check([write_book(book, tmp_path / "a.xlsx")], engine=ENGINES[0]).findings
    assert [(f.row, f.fingerprint) for f in again if f.found] == [(9, first)]


@pytest.mark.parametrize("engine", ENGINES)
def test_sheets_whose_names_say_nothing_are_found_by_their_columns(engine, tmp_path):
    """The Unit form on "Sheet1", Pegawai on "Sheet2", the member list on "Lampiran": found by
    their columns; a reference sheet fitting no kind is ignored."""
    book = unit(form="colon", banners="digit")
    rename(book, {"Unit": "Sheet1", "Pegawai": "Sheet2", "Anggota Pokja": "Lampiran"})
    book["Referensi"] = type(book["PK"])([["Daftar Jenis Jabatan"], ["Fungsional"], ["Pelaksana"]])
    u = load_workbook(write_book(book, tmp_path / "u.xlsx", "libreoffice"))
    assert {k: t.sheet for k, t in u.tables.items() if k in ("unit", "pegawai", "anggota")} == {
        "unit": "Sheet1", "pegawai": "Sheet2", "anggota": "Lampiran"}
    assert u.unit["kode_unit"][1] == "D9.AS1" and u.problems == []
    assert findings(book, tmp_path, engine) == []


def test_unit_row_under_a_title_and_a_group_header(tmp_path):
    """One data row under a two-row header: "JPT Pratama" over "NIP | Nama" reads as NIP JPT
    Pratama and Nama JPT Pratama; the signature under it is no second unit."""
    from layouts_kit import grouped_header, signature, title_block
    book = unit()
    sheet = book["Unit"]
    grouped_header(sheet, {"JPT Pratama": {"NIP JPT Pratama": "NIP", "Nama JPT Pratama": "Nama"},
                           "JPT Madya": {"NIP JPT Madya": "NIP", "Nama JPT Madya": "Nama"}})
    title_block(sheet, ["IDENTITAS UNIT KERJA"])
    signature(sheet, decree=False)
    u = load_workbook(write_book(book, tmp_path / "u.xlsx"))
    assert u.problems == [] and u.unplaced == []
    assert {f: (v[1], v[3], v[4]) for f, v in u.unit.items() if f.startswith(("nip_jpt", "nama_jpt"))} == {
        "nip_jpt_pratama": ("197503122000031001", 5, "D"),
        "nama_jpt_pratama": ("Dr. Bambang Sutrisno, S.E., M.Si.", 5, "E"),
        "nip_jpt_madya": ("196801051992031002", 5, "F"), "nama_jpt_madya": ("Ir. Sri Rahayu, M.P.P.", 5, "G")}
    assert findings(book, tmp_path, ENGINES[0]) == []
