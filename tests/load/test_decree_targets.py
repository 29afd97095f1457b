"""decree-format.md §3.5 and §3.6: which Pokja the decree forms, when a text names one, and
the target text and task text of each Pokja (attributed or not)."""
from __future__ import annotations

import pytest
from decree_kit import MINI_HEADER, MINI_ROWS, Numbering, build_docx, p, simple_table, skeleton

from checker.load.decree import read_decree
from checker.load.decree.formed_pokja import pokja_key

LAMP = p("LAMPIRAN") + simple_table(MINI_HEADER, MINI_ROWS)
FORM_TWO = ("KESATU", "Membentuk Kelompok Kerja di lingkungan Asisten Deputi Uji Coba sebagai berikut:",
            [p("a.\tPokja Substansi Moneter;"), p("b.\tPokja Dukungan Teknis dan Administrasi.")])


def read(dicta, lampiran=LAMP, **kw):
    return read_decree("draf.docx", build_docx(skeleton(dicta=dicta, lampiran=lampiran), **kw))


def formed(d):
    return [(f.name, f.key, f.source) for f in d.formed]


def pieces(ps):
    return [(x.pokja, x.text, x.source, x.location.label) for x in ps]


# ---------------------------------------------------------------- formed


def test_pokja_keys():
    assert pokja_key("Kelompok Kerja Substansi Moneter (Pokja Substansi)") == "substansi moneter"
    assert pokja_key("POKJA SUBSTANSI MONETER") == "substansi moneter"
    assert pokja_key("Tim Kerja Pengadaan Barang/Jasa") == "pengadaan barang jasa"
    assert pokja_key("Kelompok Kerja") == "" and pokja_key("Pokja (Pokja)") == ""


def test_formed_by_the_items_of_the_membentuk_diktum():
    d = read([("KESATU", "Membentuk Kelompok Kerja di lingkungan Asisten Deputi, sebagai berikut:",
               [p("a.\tKelompok Kerja Substansi Moneter (Pokja Substansi);"),
                p("b.\tPokja Dukungan Teknis dan Administrasi, yang selanjutnya disebut Pokja Dukman; dan"),
                p("c.\tTim Kerja Pengadaan Barang/Jasa.")])])
    assert formed(d) == [("Kelompok Kerja Substansi Moneter", "substansi moneter", "diktum_item"),
                         ("Pokja Dukungan Teknis dan Administrasi", "dukungan teknis dan administrasi", "diktum_item"),
                         ("Tim Kerja Pengadaan Barang/Jasa", "pengadaan barang jasa", "diktum_item")]
    assert d.formed[0].location.label == "Diktum KESATU huruf a"


def test_a_pokja_name_may_hold_commas_a_description_ends_it():
    """A lawful name such as "Pokja Kopi, Kakao, dan Hilirisasi" is the whole name (the
    contract's "ends at its first comma" would make it "Pokja Kopi", matching no workbook
    Pokja: a false S16); a comma before a description ends the name, in any case."""
    d = read([("KESATU", "Membentuk Kelompok Kerja sebagai berikut:",
               [p("a.\tPokja Kopi, Kakao, dan Hilirisasi;"),
                p("b.\tPOKJA HARMONISASI REGULASI, DENGAN SUSUNAN KEANGGOTAAN SEBAGAIMANA TERCANTUM;"),
                p("c.\tPokja Dukungan Teknis dan Administrasi, yang selanjutnya disebut Pokja Dukman.")])])
    assert formed(d) == [("Pokja Kopi, Kakao, dan Hilirisasi", "kopi kakao dan hilirisasi", "diktum_item"),
                         ("POKJA HARMONISASI REGULASI", "harmonisasi regulasi", "diktum_item"),
                         ("Pokja Dukungan Teknis dan Administrasi", "dukungan teknis dan administrasi", "diktum_item")]


@pytest.mark.parametrize("own, name", [
    ("Membentuk Pokja Pengadaan Barang/Jasa di lingkungan Asisten Deputi Uji Coba.", "Pokja Pengadaan Barang/Jasa"),
    ("Membentuk Kelompok Kerja Substansi Moneter dengan susunan keanggotaan dalam Lampiran.",
     "Kelompok Kerja Substansi Moneter"),
    ("Membentuk Tim Kerja Data yang selanjutnya disebut Tim.", "Tim Kerja Data"),
    ("Membentuk Pokja Uji Coba, dengan tugas sebagai berikut", "Pokja Uji Coba"),
    ("Membentuk Kelompok Kerja di lingkungan Asisten Deputi Uji Coba.", None),
    ("Membentuk Kelompok Kerja sebagai berikut:", None),
    ("Membentuk Kelompok Kerja (Pokja) pada Asisten Deputi Uji Coba.", None),
])
def test_formed_by_the_name_after_membentuk(own, name):
    d = read([("KESATU", own, [])])
    assert [f.name for f in d.formed if f.source == "diktum_name"] == ([name] if name else [])


def test_only_the_first_diktum_containing_membentuk_forms():
    d = read([("KESATU", "Membentuk Pokja Satu.", []), ("KEDUA", "Membentuk Pokja Dua.", [])])
    assert [f.name for f in d.formed] == ["Pokja Satu"]


def test_formed_by_a_pokja_column_a_section_row_and_a_heading():
    diktum_table = simple_table(("No", "Pokja", "Tugas Pokja"), [("1", "Pokja Kebijakan", "menyusun")])
    lamp = (p("LAMPIRAN") + p("SUSUNAN KEANGGOTAAN KELOMPOK KERJA DI LINGKUNGAN ASISTEN DEPUTI")
            + simple_table(MINI_HEADER, [("I.", "POKJA SUBSTANSI", "", "", "", ""), MINI_ROWS[0],
                                         ("II.", "Kelompok Kerja di lingkungan Asdep", "", "", "", ""), MINI_ROWS[1]])
            + p("C.\tPokja Data dan Informasi") + simple_table(MINI_HEADER, [MINI_ROWS[0]]))
    d = read([("KESATU", "Membentuk Kelompok Kerja di lingkungan Asisten Deputi Uji Coba.", []),
              ("KEDUA", "Pokja mempunyai tugas:", [diktum_table])], lampiran=lamp)
    assert formed(d) == [("Pokja Kebijakan", "kebijakan", "pokja_column"),
                         ("POKJA SUBSTANSI", "substansi", "section_row"),
                         ("Pokja Data dan Informasi", "data dan informasi", "heading")]
    assert [f.location.label for f in d.formed] == ["Diktum KEDUA tabel 1 baris 2 kolom Pokja",
                                                    "Lampiran tabel 1 baris 2", "Lampiran"]


def test_a_section_row_naming_a_formed_pokja_forms_no_other():
    lamp = p("LAMPIRAN") + simple_table(MINI_HEADER, [("I.", "POKJA SUBSTANSI MONETER", "", "", "", ""),
                                                      MINI_ROWS[0]])
    d = read([FORM_TWO], lampiran=lamp)
    assert [f.key for f in d.formed] == ["substansi moneter", "dukungan teknis dan administrasi"]


# ---------------------------------------------------------------- naming


def test_naming_needs_the_pokja_word_and_the_longest_name_wins():
    d = read([("KESATU", "Membentuk Kelompok Kerja sebagai berikut:",
               [p("a.\tPokja Pengadaan Barang/Jasa;"), p("b.\tPokja Substansi;"), p("c.\tPokja Substansi Moneter.")]),
              ("KEDUA", "Target kinerja Pokja:", [
                  p("a.\tPersentase paket pengadaan barang/jasa yang selesai tepat waktu 90%;"),
                  p("b.\tKelompok Kerja Substansi Moneter: rekomendasi moneter 5 dokumen;"),
                  p("c.\tTim Kerja Substansi - kajian substansi 3 dokumen.")])])
    assert [(x.pokja, x.text) for x in d.targets] == [
        (None, "a.\tPersentase paket pengadaan barang/jasa yang selesai tepat waktu 90%;"),
        ("substansi moneter", "rekomendasi moneter 5 dokumen;"),
        ("substansi", "kajian substansi 3 dokumen.")]


@pytest.mark.parametrize("item, content", [
    ("a.\tPokja Uji Coba: menyusun bahan;", "menyusun bahan;"),
    ("a.\tPokja Uji Coba - menyusun bahan;", "menyusun bahan;"),
    ("a.\tPokja Uji Coba, yaitu menyusun bahan;", "menyusun bahan;"),
    ("a.\tPokja Uji Coba bertugas menyusun bahan;", "menyusun bahan;"),
    ("a.\tPokja Uji Coba mempunyai tugas: menyusun bahan;", "menyusun bahan;"),
    ("a.\tKelompok Kerja Uji Coba yaitu: menyusun bahan;", "menyusun bahan;"),
])
def test_the_content_after_the_name(item, content):
    d = read([("KESATU", "Membentuk Pokja Uji Coba.", []), ("KEDUA", "Pokja mempunyai tugas:", [p(item)])])
    assert [(x.pokja, x.text) for x in d.tasks] == [("uji coba", content)]


# ---------------------------------------------------------------- target and task dicta


@pytest.mark.parametrize("own, target, task", [
    ("Target kinerja Pokja sebagai berikut:", True, False),
    ("Pokja mempunyai tugas:", False, True),
    ("Pokja bertugas:", False, True),
    ("Pokja dibentuk dengan tugas:", False, True),
    ("Tugas Pokja sebagai berikut:", False, True),
    ("Uraian tugas anggota tercantum dalam Lampiran.", False, False),
    ("Dalam melaksanakan tugas, Pokja bertanggung jawab kepada Asisten Deputi.", False, False),
    ("Uraian tugas Pokja tercantum dalam Lampiran.", False, False),
    ("Pokja mempunyai tugas mencapai target kinerja sebagai berikut:", True, True),
])
def test_target_and_task_dicta(own, target, task):
    d = read([("KESATU", "Membentuk Pokja Uji Coba.", []), ("KEDUA", own, [])])
    assert (d.dicta[1].is_target, d.dicta[1].is_task) == (target, task)


def test_items_give_attributed_and_unattributed_text_placeholders_give_none():
    d = read([FORM_TWO, ("KEDUA", "Pokja sebagaimana dimaksud dalam Diktum KESATU mempunyai tugas:", [
        p("a.\tPokja Substansi Moneter: menyusun rekomendasi moneter;"),
        p("b.\tPokja Dukungan Teknis dan Administrasi: -"),
        p("c.\tmelaporkan hasil kepada Asisten Deputi.")])])
    assert pieces(d.tasks) == [
        ("substansi moneter", "menyusun rekomendasi moneter;", "item", "Diktum KEDUA huruf a"),
        (None, "c.\tmelaporkan hasil kepada Asisten Deputi.", "item", "Diktum KEDUA huruf c")]
    assert d.task_text("substansi moneter") == "menyusun rekomendasi moneter;"
    assert d.task_text("dukungan teknis dan administrasi") == "c.\tmelaporkan hasil kepada Asisten Deputi."
    assert d.targets == []


def test_items_under_an_item_naming_a_pokja_belong_to_it():
    nb = Numbering()
    n = nb.list(["lowerLetter", "decimal"], ["%1.", "%2)"])
    d = read([FORM_TWO, ("KEDUA", "Target kinerja Pokja sebagai berikut:", [
        p("Pokja Substansi Moneter:", num=(n, 0)), p("rekomendasi moneter 5 dokumen;", num=(n, 1)),
        p("indeks kepuasan 3,5.", num=(n, 1)), p("Pokja Dukungan Teknis dan Administrasi:", num=(n, 0)),
        p("nilai SAKIP 80.", num=(n, 1)), p("Target dievaluasi setiap triwulan.", num=(n, 0))])], numbering=nb)
    assert pieces(d.targets) == [
        ("substansi moneter", "rekomendasi moneter 5 dokumen;", "item", "Diktum KEDUA huruf a angka 1"),
        ("substansi moneter", "indeks kepuasan 3,5.", "item", "Diktum KEDUA huruf a angka 2"),
        ("dukungan teknis dan administrasi", "nilai SAKIP 80.", "item", "Diktum KEDUA huruf b angka 1"),
        (None, "Target dievaluasi setiap triwulan.", "item", "Diktum KEDUA huruf c")]
    typed = read([FORM_TWO, ("KEDUA", "Target kinerja Pokja:", [
        p("a.\tPokja Substansi Moneter:"), p("1)\trekomendasi 5 dokumen;"), p("b.\tlaporan tahunan.")])])
    assert [(x.pokja, x.text) for x in typed.targets] == [("substansi moneter", "rekomendasi 5 dokumen;"),
                                                          (None, "b.\tlaporan tahunan.")]


def test_nested_table_rows_of_a_target_diktum():
    t = simple_table(("No", "Nama Pokja", "Indikator"), [
        ("1", "Pokja Substansi Moneter", "Rekomendasi moneter 5 dokumen"),
        ("2", "Pokja Dukungan Teknis dan Administrasi", "Nilai SAKIP 80"), ("3", "", "Laporan bersama 1 dokumen")])
    d = read([FORM_TWO, ("KEDUA", "Target kinerja Pokja sebagai berikut:", [t])])
    assert pieces(d.targets) == [
        ("substansi moneter", "Rekomendasi moneter 5 dokumen", "table_row", "Diktum KEDUA tabel 1 baris 2"),
        ("dukungan teknis dan administrasi", "Nilai SAKIP 80", "table_row", "Diktum KEDUA tabel 1 baris 3"),
        (None, "Laporan bersama 1 dokumen", "table_row", "Diktum KEDUA tabel 1 baris 4")]


def test_a_diktum_table_gives_target_and_task_each_its_own_column():
    t = simple_table(("No", "Pokja", "Tugas Pokja", "Indikator Kinerja", "Target"), [
        ("1", "Substansi Moneter", "menyusun rekomendasi", "Rekomendasi moneter", "5 dokumen"),
        ("2", "Pokja Dukungan Teknis dan Administrasi", "mengelola administrasi", "Nilai SAKIP", "80")])
    d = read([FORM_TWO, ("KEDUA", "Pokja mempunyai tugas dan target kinerja sebagai berikut:", [t])])
    assert pieces(d.tasks) == [
        ("substansi moneter", "menyusun rekomendasi", "table_column", "Diktum KEDUA tabel 1 baris 2 kolom Tugas Pokja"),
        ("dukungan teknis dan administrasi", "mengelola administrasi", "table_column",
         "Diktum KEDUA tabel 1 baris 3 kolom Tugas Pokja")]
    assert [(x.pokja, x.text, x.location.column) for x in d.targets] == [
        ("substansi moneter", "Rekomendasi moneter\n5 dokumen", "Indikator Kinerja"),
        ("dukungan teknis dan administrasi", "Nilai SAKIP\n80", "Indikator Kinerja")]


def test_a_lampiran_target_table_with_section_rows():
    lamp = LAMP + p("TARGET KINERJA") + simple_table(("No", "Indikator Kinerja", "Target"), [
        ("A.", "Pokja Substansi Moneter", ""), ("1", "Rekomendasi moneter", "5 dokumen"),
        ("B.", "Pokja Dukungan Teknis dan Administrasi", ""), ("1", "Nilai SAKIP", "80")])
    d = read([FORM_TWO], lampiran=lamp)
    assert [(x.pokja, x.text, x.source, x.location.label) for x in d.targets] == [
        ("substansi moneter", "Rekomendasi moneter\n5 dokumen", "table_column",
         "Lampiran tabel 2 baris 3 kolom Indikator Kinerja"),
        ("dukungan teknis dan administrasi", "Nilai SAKIP\n80", "table_column",
         "Lampiran tabel 2 baris 5 kolom Indikator Kinerja")]
    assert d.lampiran.tables[1].kind == "target"


def test_a_decree_forming_one_pokja_reads_the_own_text_of_an_itemless_diktum():
    d = read([("KESATU", "Membentuk Pokja Uji Coba.", []),
              ("KEDUA", "Pokja Uji Coba mempunyai tugas menyusun bahan kebijakan uji coba.", []),
              ("KETIGA", "Pokja Uji Coba melaksanakan target kinerja: Persentase rekomendasi 80%.", [])])
    assert pieces(d.tasks) == [("uji coba", "menyusun bahan kebijakan uji coba.", "own_text", "Diktum KEDUA")]
    assert pieces(d.targets) == [("uji coba", "Persentase rekomendasi 80%.", "own_text", "Diktum KETIGA")]
    two = read([FORM_TWO, ("KEDUA", "Pokja mempunyai tugas menyusun bahan.", [])])
    assert two.tasks == []


def test_a_pokjas_text_is_its_own_or_else_the_unattributed_text():
    d = read([FORM_TWO, ("KEDUA", "Target kinerja Pokja:", [
        p("a.\tPokja Substansi Moneter: rekomendasi 5 dokumen;"), p("b.\tlaporan kinerja tepat waktu.")])])
    assert d.target_text("substansi moneter") == "rekomendasi 5 dokumen;"
    assert d.target_text("dukungan teknis dan administrasi") == "b.\tlaporan kinerja tepat waktu."
    assert [x.text for x in d.target_pieces("dukungan teknis dan administrasi")] == ["b.\tlaporan kinerja tepat waktu."]
