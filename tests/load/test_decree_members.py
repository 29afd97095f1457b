"""decree-format.md §3.4: Lampiran member tables: their header, the rows skipped, section
rows and the common Pengarah block, the Pokja of each row, the Nama/NIP cell, Kedudukan, the
Uraian Tugas and Output cells, and one member per person and Pokja."""
from __future__ import annotations

import pytest
from decree_kit import (
    Numbering,
    build_docx,
    p,
    simple_table,
    skeleton,
    tbl,
    tc,
    tr,
)

from checker.load.decree import read_decree

HEADER = ("No", "Nama/NIP", "Jabatan", "Kedudukan", "Uraian Tugas", "Output")
TWO = ("Membentuk Kelompok Kerja di lingkungan Asisten Deputi Uji Coba sebagai berikut:")
TWO_ITEMS = [p("a.\tPokja Substansi Moneter;"), p("b.\tPokja Dukungan Teknis dan Administrasi.")]


def read(body, **kw):
    return read_decree("draf.docx", build_docx(body, **kw))


def lamp(*blocks, own=None, items=(), **kw):
    """A decree forming one Pokja (or two with own=TWO, items=TWO_ITEMS) whose Lampiran is `blocks`."""
    return read(skeleton(*items, own=own, lampiran=p("LAMPIRAN") + "".join(blocks)), **kw)


def row(no, nama, ked, ut="Menyusun bahan", out="Bahan", jab="Analis"):
    return (no, nama, jab, ked, ut, out)


def summary(d):
    return [(m.pokja, m.name, m.nip, sorted(m.positions)) for m in d.members]


# ---------------------------------------------------------------- header


def test_header_below_a_title_row_in_the_first_three_rows():
    t = tbl([tr(tc(p("SUSUNAN KEANGGOTAAN POKJA UJI COBA"), span=6)), tr(*[tc(p(h)) for h in HEADER]),
             tr(*[tc(p(x)) for x in row("1", "Budi", "Ketua")])])
    d = lamp(t)
    mt = d.member_tables[0]
    assert mt.ref.header_rows == (1,) and [r.row for r in mt.rows] == [3]
    assert mt.ref.columns == dict(enumerate(HEADER))


def test_a_header_over_two_rows_names_each_column_by_its_lowest_cell():
    lead = ["No", "Nama/NIP", "Jabatan", "Kedudukan"]
    t = tbl([tr(*[tc(p(h), vmerge="restart") for h in lead], tc(p("Penugasan"), span=2)),
             tr(*[tc(p(), vmerge="continue") for _ in lead], tc(p("Uraian Tugas")), tc(p("Output"))),
             tr(*[tc(p(x)) for x in row("1", "Budi", "Ketua", "Menyusun", "Laporan")])], cols=6)
    d = lamp(t)
    mt = d.member_tables[0]
    assert mt.ref.header_rows == (0, 1)
    assert mt.ref.columns == {0: "No", 1: "Nama/NIP", 2: "Jabatan", 3: "Kedudukan", 4: "Uraian Tugas", 5: "Output"}
    r = mt.rows[0]
    assert (r.row, r.uraian_tugas.text, r.output.location.label) == (3, "Menyusun",
                                                                      "Lampiran tabel 1 baris 3 kolom Output")


@pytest.mark.parametrize("column, names", [
    ("nama", ["Nama", "Nama/NIP", "Nama / NIP", "Nama dan NIP", "Nama NIP", "Nama Pegawai", "NAMA / NIP:"]),
    ("kedudukan", ["Kedudukan", "Kedudukan dalam Pokja", "Kedudukan dalam Tim", "Kedudukan dalam Kelompok Kerja",
                   "Jabatan dalam Pokja", "Jabatan dalam Tim", "Peran dalam Pokja", "Keanggotaan"]),
    ("uraian_tugas", ["Uraian Tugas", "Tugas", "Rincian Tugas", "Uraian Tugas Anggota"]),
    ("output", ["Output", "Keluaran", "Hasil", "Hasil Kerja", "Output/Keluaran"]),
    ("no", ["No", "No.", "Nomor", "Nomor Urut"]),
    ("jabatan", ["Jabatan", "Nama Jabatan", "Jabatan Dinas", "Pangkat/Jabatan"]),
])
def test_column_aliases(column, names):
    base = dict(zip(("no", "nama", "jabatan", "kedudukan", "uraian_tugas", "output"), HEADER))
    for name in names:
        header = tuple(name if k == column else v for k, v in base.items())
        d = lamp(simple_table(header, [row("1", "Budi", "Ketua", "Menyusun", "Laporan", "Analis")]))
        r = d.member_tables[0].rows[0]
        assert (r.name, r.kedudukan.value, r.uraian_tugas.text, r.output.text, r.jabatan.text) == (
            "Budi", "Ketua", "Menyusun", "Laporan", "Analis"), name


def test_unknown_columns_are_ignored_and_a_table_without_nama_and_kedudukan_is_no_member_table():
    d = lamp(simple_table(("No", "Nama", "Golongan", "Kedudukan", "Keterangan"),
                          [("1", "Budi", "III/a", "Ketua", "x")]),
             simple_table(("No", "Nama", "Jabatan"), [("1", "Sari", "Analis")]))
    assert [mt.ref.number for mt in d.member_tables] == [1] and summary(d) == [("uji coba", "Budi", None, ["Ketua"])]
    assert not d.member_tables[0].has_uraian_tugas and d.member_tables[0].rows[0].uraian_tugas is None


def test_a_table_in_the_diktum_is_no_member_table():
    t = simple_table(HEADER, [row("1", "Budi", "Ketua")])
    d = read(skeleton(t, lampiran=p("LAMPIRAN") + p("[gambar]")))
    assert d.member_tables == [] and "member_table" in [m.what for m in d.missing]


# ---------------------------------------------------------------- rows skipped, sections


@pytest.mark.parametrize("numbers", [["1", "2", "3", "4", "5", "6"], ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]])
def test_column_number_rows_are_skipped(numbers):
    d = lamp(simple_table(HEADER, [numbers, row("1", "Budi", "Ketua")]))
    assert [r.row for r in d.member_tables[0].rows] == [3]


def test_a_repeated_header_and_empty_rows_are_skipped():
    d = lamp(simple_table(HEADER, [row("1", "Budi", "Ketua"), HEADER, ("", "", "", "", "", ""),
                                   row("2", "Sari", "Anggota")]))
    assert [r.name for r in d.member_tables[0].rows] == ["Budi", "Sari"]


def _sectioned(rows):
    out = [tr(*[tc(p(h)) for h in HEADER])]
    for r in rows:
        if isinstance(r, tuple) and r[0] == "section":
            _, label, text, span = r
            out.append(tr(tc(p(label)), tc(p(text), span=span), *[tc(p()) for _ in range(5 - span)]))
        else:
            out.append(tr(*[tc(p(x)) for x in r]))
    return tbl(out, cols=6)


def test_section_rows_name_pokja_and_a_pengarah_block_holds_the_common_pengarah():
    t = _sectioned([("section", "I.", "PENGARAH", 5), row("1", "Sri\nNIP 196801051992031002", "Pengarah"),
                    row("2", "Bambang\nNIP 197503122000031001", "Penanggung Jawab"),
                    ("section", "II.", "POKJA SUBSTANSI MONETER", 5), row("1", "Rina", "Ketua"),
                    ("section", "", "B. Pokja Dukungan Teknis dan Administrasi", 5), row("1", "Yoga", "Ketua"),
                    row("2", "Andi (PPNPN-01)", "Anggota")])
    d = lamp(t, own=TWO, items=TWO_ITEMS)
    mt = d.member_tables[0]
    assert [(s[0], s[1], s[2].label) for s in mt.sections] == [
        ("PENGARAH", "PENGARAH", "Lampiran tabel 1 baris 2"),
        ("POKJA SUBSTANSI MONETER", "substansi moneter", "Lampiran tabel 1 baris 5"),
        ("B. Pokja Dukungan Teknis dan Administrasi", "dukungan teknis dan administrasi", "Lampiran tabel 1 baris 7")]
    assert [(r.name, r.pokja, r.pokja_source, r.common_pengarah) for r in mt.rows] == [
        ("Sri", None, "pengarah_block", True), ("Bambang", None, "pengarah_block", True),
        ("Rina", "substansi moneter", "section", False), ("Yoga", "dukungan teknis dan administrasi", "section", False),
        ("Andi", "dukungan teknis dan administrasi", "section", False)]
    assert summary(d) == [
        ("substansi moneter", "Sri", "196801051992031002", ["Pengarah"]),
        ("dukungan teknis dan administrasi", "Sri", "196801051992031002", ["Pengarah"]),
        ("substansi moneter", "Bambang", "197503122000031001", ["Pengarah"]),
        ("dukungan teknis dan administrasi", "Bambang", "197503122000031001", ["Pengarah"]),
        ("substansi moneter", "Rina", None, ["Ketua"]),
        ("dukungan teknis dan administrasi", "Yoga", None, ["Ketua"]),
        ("dukungan teknis dan administrasi", "Andi", None, ["Anggota"])]
    assert mt.pokja == ("substansi moneter", "dukungan teknis dan administrasi")


def test_a_section_row_is_the_only_filled_cell_apart_from_no():
    t = _sectioned([("section", "A.", "Pokja Substansi Moneter", 1), row("1", "Rina", "Ketua"),
                    ("section", "B.", "Pokja Dukungan Teknis dan Administrasi", 1), row("1", "Yoga", "Ketua")])
    d = lamp(t, own=TWO, items=TWO_ITEMS)
    assert [(m.pokja, m.name) for m in d.members] == [("substansi moneter", "Rina"),
                                                      ("dukungan teknis dan administrasi", "Yoga")]


def test_a_lone_name_is_a_member_row_not_a_section_row():
    d = lamp(simple_table(HEADER, [("1", "Budi Santoso", "", "", "", "")]))
    assert [(r.name, r.kedudukan.status) for r in d.member_tables[0].rows] == [("Budi Santoso", "empty")]


def test_sections_naming_no_pokja_keep_the_tables_pokja():
    t = _sectioned([("section", "I.", "PENGARAH", 5), row("1", "Sri", "Pengarah"), ("section", "II.", "KETUA", 5),
                    row("1", "Rina", "Ketua"), ("section", "III.", "ANGGOTA", 5), row("1", "Agus", "Anggota")])
    d = lamp(p("A.\tPokja Uji Coba"), t)
    assert [(r.name, r.pokja, r.pokja_source, r.common_pengarah) for r in d.member_tables[0].rows] == [
        ("Sri", "uji coba", "heading", False), ("Rina", "uji coba", "heading", False),
        ("Agus", "uji coba", "heading", False)]


# ---------------------------------------------------------------- the Pokja of a table


def test_pokja_from_the_pokja_column():
    d = lamp(simple_table(("No", "Pokja", "Nama", "Kedudukan"),
                          [("1", "Substansi Moneter", "Rina", "Ketua"),
                           ("2", "Pokja Dukungan Teknis dan Administrasi", "Yoga", "Ketua")]), own=TWO, items=TWO_ITEMS)
    assert [(r.name, r.pokja, r.pokja_source) for r in d.member_tables[0].rows] == [
        ("Rina", "substansi moneter", "column"), ("Yoga", "dukungan teknis dan administrasi", "column")]


def test_pokja_from_the_heading_before_each_table():
    d = lamp(p("A.\tPokja Substansi Moneter"), simple_table(HEADER, [row("1", "Rina", "Ketua")]),
             p(""), p("B. POKJA DUKUNGAN TEKNIS DAN ADMINISTRASI"), simple_table(HEADER, [row("1", "Yoga", "Ketua")]),
             own=TWO, items=TWO_ITEMS)
    assert [(m.pokja, m.name, m.rows[0].pokja_source) for m in d.members] == [
        ("substansi moneter", "Rina", "heading"), ("dukungan teknis dan administrasi", "Yoga", "heading")]
    assert [mt.ref.number for mt in d.member_tables] == [1, 2]


def test_pokja_of_a_decree_forming_one_and_of_none():
    d = lamp(p("SUSUNAN KEANGGOTAAN KELOMPOK KERJA DI LINGKUNGAN ASISTEN DEPUTI"),
             simple_table(HEADER, [row("1", "Budi", "Ketua")]))
    assert [(r.pokja, r.pokja_source) for r in d.member_tables[0].rows] == [("uji coba", "only")]
    d = lamp(simple_table(HEADER, [row("1", "Budi", "Ketua")]), own=TWO, items=TWO_ITEMS)
    assert [(r.pokja, r.pokja_source) for r in d.member_tables[0].rows] == [(None, "")]


# ---------------------------------------------------------------- Nama/NIP, Kedudukan, texts


@pytest.mark.parametrize("cell, name, nip, ident", [
    ("Dr. Ratna Dewi, S.E., M.Si.\nNIP. 19740101 200003 2 001", "Dr. Ratna Dewi, S.E., M.Si.", "197401012000032001",
     ""),
    (tc(p("Ratna Dewi", "\n", "NIP: 197401012000032001")), "Ratna Dewi", "197401012000032001", ""),
    ("Ratna Dewi / 19740101.200003.2.001", "Ratna Dewi", "197401012000032001", ""),
    ("Ratna Dewi, 197401012000032001", "Ratna Dewi", "197401012000032001", ""),
    ("Ratna Dewi NIP 19740101 200003 2 001", "Ratna Dewi", "197401012000032001", ""),
    ("Andi Saputra (PPNPN-014)", "Andi Saputra", None, "PPNPN-014"),
    ("Andi Saputra\n(PPNPN-014)", "Andi Saputra", None, "PPNPN-014"),
    ("Ratna Dewi\nNIP. -", "Ratna Dewi", None, ""),
    ("-", "", None, ""),
])
def test_the_nama_nip_cell(cell, name, nip, ident):
    d = lamp(simple_table(HEADER, [(("1", cell, "Analis", "Anggota", "x", "y"))]))
    r = d.member_tables[0].rows[0]
    assert (r.name, r.nip, r.id_pegawai) == (name, nip, ident)


def test_a_nip_column_of_its_own():
    d = lamp(simple_table(("No", "Nama", "NIP", "Kedudukan"), [("1", "Ratna Dewi", "19740101 200003 2 001", "Ketua"),
                                                               ("2", "Andi", "-", "Anggota")]))
    assert [(r.name, r.nip, r.nip_status) for r in d.member_tables[0].rows] == [
        ("Ratna Dewi", "197401012000032001", "valid"), ("Andi", None, "empty")]


@pytest.mark.parametrize("written, value, status, also", [
    ("Pengarah", "Pengarah", "ok", False),
    ("Penanggung Jawab", "Pengarah", "ok", False),
    ("Pembina", "Pengarah", "ok", False),
    ("Ketua merangkap Anggota", "Ketua", "ok", True),
    ("Ketua Pokja", "Ketua", "ok", False),
    ("Wakil Ketua", "Wakil Ketua", "ok", False),
    ("Sekretaris", "Sekretaris", "ok", False),
    ("Anggota 1", "Anggota", "ok", False),
    ("ANGGOTA", "Anggota", "ok", False),
    ("", None, "empty", False),
    ("-", None, "empty", False),
    ("Narasumber", None, "unreadable", False),
])
def test_kedudukan(written, value, status, also):
    d = lamp(simple_table(HEADER, [row("1", "Budi", written)]))
    k = d.member_tables[0].rows[0].kedudukan
    assert (k.raw, k.value, k.status, k.also_member) == (written, value, status, also)


def test_a_vertically_merged_kedudukan_counts_for_every_row_it_covers():
    t = tbl([tr(*[tc(p(h)) for h in HEADER]),
             tr(tc(p("1")), tc(p("Sri")), tc(p("Deputi")), tc(p("Pengarah"), vmerge="restart"), tc(p("a")), tc(p("b"))),
             tr(tc(p("2")), tc(p("Bambang")), tc(p("Asdep")), tc(p(), vmerge="continue"), tc(p("c")), tc(p("d"))),
             tr(*[tc(p(x)) for x in row("3", "Rina", "Ketua")])])
    d = lamp(t)
    rows = d.member_tables[0].rows
    assert [(r.name, r.kedudukan.value, r.kedudukan_location.label) for r in rows] == [
        ("Sri", "Pengarah", "Lampiran tabel 1 baris 2 kolom Kedudukan"),
        ("Bambang", "Pengarah", "Lampiran tabel 1 baris 2 kolom Kedudukan"),
        ("Rina", "Ketua", "Lampiran tabel 1 baris 4 kolom Kedudukan")]


def test_uraian_tugas_and_output_are_whole_cells_with_their_items():
    nb = Numbering()
    n = nb.list("decimal")
    cell = tc(p("Menyusun bahan kajian;", num=(n, 0)), p("Melaporkan hasil.", num=(n, 0)))
    t = simple_table(HEADER, [tr(tc(p("1")), tc(p("Budi")), tc(p("Analis")), tc(p("Ketua")), cell,
                                 tc(p("a. Laporan"), p("b. Bahan")))])
    d = lamp(t, numbering=nb)
    r = d.member_tables[0].rows[0]
    assert r.uraian_tugas.text == "1. Menyusun bahan kajian;\n2. Melaporkan hasil."
    assert r.uraian_tugas.plain == "Menyusun bahan kajian;\nMelaporkan hasil."
    assert r.output.text == "a. Laporan\nb. Bahan"
    assert r.uraian_tugas.location.label == "Lampiran tabel 1 baris 2 kolom Uraian Tugas"
    m = d.members[0]
    assert (m.uraian_tugas, m.output_plain) == ("1. Menyusun bahan kajian;\n2. Melaporkan hasil.",
                                                "a. Laporan\nb. Bahan")


# ---------------------------------------------------------------- one member per person and Pokja


def test_a_ketua_also_listed_as_anggota_is_one_member_with_both_positions_and_joined_texts():
    d = lamp(simple_table(HEADER, [row("1", "Dr. Budi, S.E.\nNIP 198602142010121001", "Ketua", "Memimpin", "Laporan"),
                                   row("2", "Sari", "Anggota"),
                                   row("3", "BUDI\nNIP 19860214 201012 1 001", "Anggota", "Menyusun", "Bahan")]))
    budi = d.members[0]
    assert (budi.name, sorted(budi.positions), budi.uraian_tugas, budi.output, [r.row for r in budi.rows]) == (
        "Dr. Budi, S.E.", ["Anggota", "Ketua"], "Memimpin\nMenyusun", "Laporan\nBahan", [2, 4])
    assert len(d.members) == 2 and budi.location.label == "Lampiran tabel 1 baris 2"


def test_the_same_person_by_id_or_by_folded_name_and_not_with_different_nips():
    d = lamp(simple_table(HEADER, [row("1", "Andi (PPNPN-01)", "Ketua"), row("2", "Andi S. (PPNPN-01)", "Anggota"),
                                   row("3", "Dr. Rina", "Anggota"), row("4", "RINA\nNIP 198602142010122001", "Anggota"),
                                   row("5", "Joko\nNIP 198602142010121001", "Anggota"),
                                   row("6", "Joko\nNIP 199001012015011001", "Anggota")]))
    assert [(m.name, m.nip, len(m.rows)) for m in d.members] == [
        ("Andi", None, 2), ("Dr. Rina", "198602142010122001", 2), ("Joko", "198602142010121001", 1),
        ("Joko", "199001012015011001", 1)]


def test_placeholders_in_uraian_tugas_and_output_are_blank():
    d = lamp(simple_table(HEADER, [row("1", "Budi", "Ketua", "-", "(belum diisi)"),
                                   row("2", "Sari", "Anggota", "", "x"), row("3", "Agus", "Anggota", "", "Bahan")]))
    assert [(r.uraian_tugas.blank, r.output.blank) for r in d.member_tables[0].rows] == [
        (True, True), (True, True), (True, False)]
    assert d.members[0].output == "(belum diisi)"


def test_an_unreadable_kedudukan_is_kept_on_the_member():
    d = lamp(simple_table(HEADER, [row("1", "Budi", "Narasumber")]))
    assert d.members[0].unreadable and d.members[0].positions == frozenset()
