"""decree-format.md §3.3 and §5: the parts of a draft (title, number, subject, Menimbang and
Mengingat, the diktum, the signature block, the Lampiran), the parts missing or unreadable
(S03), and the location of each."""
from __future__ import annotations

from datetime import date

import pytest
from decree_kit import (
    MINI_HEADER,
    MINI_ROWS,
    build_docx,
    p,
    sdt_block,
    simple_table,
    skeleton,
    tbl,
    tc,
    tr,
)

from checker.load.decree import read_decree


def read(body, **kw):
    return read_decree("draf.docx", build_docx(body, **kw))


def head(*lines):
    return "".join(p(x) for x in lines)


def sign(*lines):
    return "".join(p(x) for x in lines)


STD_HEAD = ("KEPUTUSAN ASISTEN DEPUTI UJI COBA", "NOMOR 1/UJI/2025", "TENTANG", "POKJA UJI COBA", "MEMUTUSKAN:")


# ---------------------------------------------------------------- title


def test_title_over_several_lines_up_to_nomor():
    d = read(skeleton(head=head("KEMENTERIAN KOORDINATOR BIDANG PEREKONOMIAN", "SALINAN", "KEPUTUSAN",
                                "ASISTEN DEPUTI MONETER DAN SEKTOR EKSTERNAL",
                                "KEMENTERIAN KOORDINATOR BIDANG PEREKONOMIAN", "NOMOR KEP-1/2025", "TENTANG",
                                "PEMBENTUKAN POKJA", "MEMUTUSKAN:")))
    assert d.title.instrument == "KEPUTUSAN"
    assert d.title.issuer == "ASISTEN DEPUTI MONETER DAN SEKTOR EKSTERNAL KEMENTERIAN KOORDINATOR BIDANG PEREKONOMIAN"
    assert d.title.issuer_lines == ("ASISTEN DEPUTI MONETER DAN SEKTOR EKSTERNAL",
                                    "KEMENTERIAN KOORDINATOR BIDANG PEREKONOMIAN")
    assert (d.title.location.label, d.title.location.part, d.title.location.paragraph) == ("Judul", "judul", 3)


def test_title_in_one_paragraph_with_line_breaks():
    d = read(skeleton(head=p("KEPUTUSAN ASISTEN DEPUTI UJI COBA\nKEMENTERIAN X\nNOMOR 5/2025\nTENTANG\nPOKJA")
                      + p("MEMUTUSKAN:")))
    assert (d.title.issuer, d.number.text, d.subject.text) == ("ASISTEN DEPUTI UJI COBA KEMENTERIAN X", "5/2025",
                                                               "POKJA")


@pytest.mark.parametrize("line, instrument, issuer", [
    ("SURAT KEPUTUSAN KEPALA BIRO UMUM", "SURAT KEPUTUSAN", "KEPALA BIRO UMUM"),
    ("NOTA DINAS ASISTEN DEPUTI UJI COBA", "NOTA DINAS", "ASISTEN DEPUTI UJI COBA"),
    ("Surat  Tugas Asisten Deputi Uji Coba", "SURAT TUGAS", "Asisten Deputi Uji Coba"),
    ("PERATURAN DEPUTI BIDANG X", "PERATURAN", "DEPUTI BIDANG X"),
])
def test_instrument_words(line, instrument, issuer):
    d = read(skeleton(head=head(line, *STD_HEAD[1:])))
    assert (d.title.instrument, d.title.issuer) == (instrument, issuer)


def test_no_title_is_a_missing_part_and_a_numbered_peraturan_under_mengingat_is_no_title():
    from decree_kit import Numbering
    nb = Numbering()
    n = nb.list("decimal")
    body = skeleton(head=p("Mengingat\t:") + p("Peraturan Menteri Nomor 1 Tahun 2025;", num=(n, 0)) + p("MEMUTUSKAN:"))
    d = read(body, numbering=nb)
    assert d.title is None and [m.what for m in d.missing] == ["title"]
    assert d.missing[0].location.label == "Judul"
    assert d.considerations[0].items[0].text == "Peraturan Menteri Nomor 1 Tahun 2025;"


def test_the_title_is_searched_in_the_first_15_non_empty_paragraphs():
    late = head(*[f"baris {i}" for i in range(15)], *STD_HEAD)
    assert read(skeleton(head=late)).title is None
    assert read(skeleton(head=head(*[f"baris {i}" for i in range(14)], *STD_HEAD))).title is not None


# ---------------------------------------------------------------- number


@pytest.mark.parametrize("line, text, blank, reason", [
    ("NOMOR KEP-12/D.9.1/01/2025", "KEP-12/D.9.1/01/2025", False, ""),
    ("Nomor : KEP-12/D.9.1/01/2025", "KEP-12/D.9.1/01/2025", False, ""),
    ("NOMOR", "", True, "empty"),
    ("NOMOR :", "", True, "empty"),
    ("NOMOR : -", "-", True, "placeholder"),
    ("NOMOR : ...", "...", True, "placeholder"),
    ("NOMOR : (belum diisi)", "(belum diisi)", True, "placeholder"),
    ("NOMOR KEP-      /D.I.1/01/2025", "KEP-      /D.I.1/01/2025", True, "gap"),
    ("NOMOR KEP-\t\t/D.I.1/01/2025", "KEP-\t\t/D.I.1/01/2025", True, "gap"),
    ("NOMOR KEP-____/D.I.1/01/2025", "KEP-____/D.I.1/01/2025", True, "gap"),
    ("NOMOR KEP-..../D.I.1/01/2025", "KEP-..../D.I.1/01/2025", True, "gap"),
    ("NOMOR KEP-\u2026/D.I.1/01/2025", "KEP-\u2026/D.I.1/01/2025", True, "gap"),
])
def test_number_blank_when_empty_a_placeholder_or_with_a_gap(line, text, blank, reason):
    d = read(skeleton(head=head(STD_HEAD[0], line, *STD_HEAD[2:])))
    assert (d.number.text, d.number.blank, d.number.blank_reason) == (text, blank, reason)
    assert d.number.location.label == "Nomor"


def test_no_number_line():
    d = read(skeleton(head=head(STD_HEAD[0], *STD_HEAD[2:])))
    assert (d.number.blank, d.number.blank_reason, d.number.location) == (True, "missing", None)


# ---------------------------------------------------------------- subject


def test_subject_after_tentang_up_to_the_blessing_and_its_year():
    d = read(skeleton(head=head("KEPUTUSAN ASISTEN DEPUTI UJI COBA", "NOMOR 1", "TENTANG",
                                "PEMBENTUKAN KELOMPOK KERJA", "DI LINGKUNGAN ASISTEN DEPUTI UJI COBA", "TAHUN 2025",
                                "", "DENGAN RAHMAT TUHAN YANG MAHA ESA", "ASISTEN DEPUTI UJI COBA,",
                                "MEMUTUSKAN:")))
    assert d.subject.text == "PEMBENTUKAN KELOMPOK KERJA DI LINGKUNGAN ASISTEN DEPUTI UJI COBA TAHUN 2025"
    assert d.subject.year == 2025 and d.subject.location.label == "Tentang"


def test_subject_on_the_tentang_line_ends_at_the_office_line_or_menimbang():
    d = read(skeleton(head=head("KEPUTUSAN ASISTEN DEPUTI UJI COBA", "NOMOR 1", "TENTANG PEMBENTUKAN POKJA",
                                "ASISTEN DEPUTI UJI COBA,", "MEMUTUSKAN:")))
    assert (d.subject.text, d.subject.year) == ("PEMBENTUKAN POKJA", None)
    d = read(skeleton(head=head("KEPUTUSAN ASISTEN DEPUTI UJI COBA", "NOMOR 1", "TENTANG", "POKJA TAHUN 2026",
                                "Menimbang : a. bahwa x;", "MEMUTUSKAN:")))
    assert (d.subject.text, d.subject.year) == ("POKJA TAHUN 2026", 2026)


# ---------------------------------------------------------------- Menimbang, Mengingat


def test_menimbang_and_mengingat_as_paragraphs():
    d = read(skeleton(head=head(*STD_HEAD[:4], "Menimbang\t:\ta.\tbahwa satu;", "\t\tb.\tbahwa dua;",
                                "Mengingat\t:\tPeraturan Menteri Koordinator Bidang Perekonomian Nomor 1 Tahun 2025;",
                                "Memperhatikan : Nota Dinas Nomor 3;", "MEMUTUSKAN:")))
    got = [(c.kind, c.location.part, c.location.label, [(i.ref, i.text) for i in c.items]) for c in d.considerations]
    assert got == [
        ("menimbang", "menimbang", "Menimbang", [("huruf a", "a.\tbahwa satu;"), ("huruf b", "b.\tbahwa dua;")]),
        ("mengingat", "mengingat", "Mengingat",
         [("butir 1", "Peraturan Menteri Koordinator Bidang Perekonomian Nomor 1 Tahun 2025;")]),
        ("memperhatikan", "mengingat", "Memperhatikan", [("butir 1", "Nota Dinas Nomor 3;")])]
    assert d.considerations[0].text == "a.\tbahwa satu;\nb.\tbahwa dua;"


def test_menimbang_and_mengingat_as_layout_table_rows():
    layout = tbl([tr(tc(p("Menimbang")), tc(p(":")), tc(p("a.")), tc(p("bahwa satu;"))),
                  tr(tc(p("")), tc(p("")), tc(p("b.")), tc(p("bahwa dua;"))),
                  tr(tc(p("Mengingat")), tc(p(":")), tc(p("1.")), tc(p("Permenko Perekonomian Nomor 1 Tahun 2025;")))],
                 borders=False)
    d = read(skeleton(head=head(*STD_HEAD[:4]) + layout + p("MEMUTUSKAN:")))
    assert [(c.kind, [i.text for i in c.items]) for c in d.considerations] == [
        ("menimbang", ["a. bahwa satu;", "b. bahwa dua;"]),
        ("mengingat", ["1. Permenko Perekonomian Nomor 1 Tahun 2025;"])]
    assert d.considerations[1].location.paragraph is None and d.considerations[1].location.label == "Mengingat"


# ---------------------------------------------------------------- diktum


def test_diktum_paragraphs_ordinals_items_and_ends():
    dicta = [("KESATU", "Membentuk Pokja Uji Coba.", []),
             ("KEDUA", "Pokja mempunyai tugas:", [p("a.\tmenyusun;"), p("b.\tmelaporkan.")]),
             ("KETIGA ", "Keputusan ini mulai berlaku pada tanggal ditetapkan.", [])]
    d = read(skeleton(dicta=dicta))
    assert [(k.ordinal, k.index, k.text, [i.text for i in k.items]) for k in d.dicta] == [
        ("KESATU", 1, "Membentuk Pokja Uji Coba.", []),
        ("KEDUA", 2, "Pokja mempunyai tugas:", ["a.\tmenyusun;", "b.\tmelaporkan."]),
        ("KETIGA", 3, "Keputusan ini mulai berlaku pada tanggal ditetapkan.", [])]
    assert [i.location.label for i in d.dicta[1].items] == ["Diktum KEDUA huruf a", "Diktum KEDUA huruf b"]
    assert d.dicta[1].location.label == "Diktum KEDUA" and d.dicta[1].location.part == "diktum"
    assert d.dicta[1].full_text == "Pokja mempunyai tugas:\na.\tmenyusun;\nb.\tmelaporkan."


@pytest.mark.parametrize("ordinal", ["PERTAMA", "KESEPULUH", "KEDELAPAN", "Kesatu"])
def test_every_ordinal_word(ordinal):
    d = read(skeleton(dicta=[(ordinal, "Membentuk Pokja Uji Coba.", [])]))
    assert d.dicta[0].ordinal == ordinal.upper()


def test_an_ordinal_without_colon_is_not_a_diktum_and_no_ordinal_is_a_missing_part():
    d = read(head(*STD_HEAD) + p("KESATU Membentuk Pokja.") + sign("Ditetapkan di Jakarta") + p("LAMPIRAN")
             + simple_table(MINI_HEADER, MINI_ROWS))
    assert d.dicta == [] and "diktum" in [m.what for m in d.missing]
    where = next(m for m in d.missing if m.what == "diktum").location
    assert where.label == "Diktum" and where.paragraph == 5


def test_letter_spaced_memutuskan_and_menetapkan():
    d = read(skeleton(head=head(*STD_HEAD[:4], "M E M U T U S K A N :",
                                "Menetapkan\t:\tKEPUTUSAN ASISTEN DEPUTI UJI COBA TENTANG POKJA.")))
    assert d.dicta[0].ordinal == "KESATU"


def test_without_memutuskan_the_diktum_is_still_found():
    assert read(skeleton(head=head(*STD_HEAD[:4]))).dicta[0].ordinal == "KESATU"


def test_diktum_in_content_controls():
    body = (head(*STD_HEAD) + sdt_block(p("KESATU\t:\tMembentuk Pokja Uji Coba."))
            + sdt_block(p("KEDUA\t:\tPokja mempunyai tugas:"), p("a.\tmenyusun;")) + p("Ditetapkan di Jakarta")
            + p("LAMPIRAN") + simple_table(MINI_HEADER, MINI_ROWS))
    d = read(body)
    assert [(k.ordinal, [i.text for i in k.items]) for k in d.dicta] == [("KESATU", []), ("KEDUA", ["a.\tmenyusun;"])]


def test_diktum_as_a_borderless_layout_table_with_a_nested_table():
    nested = simple_table(("No", "Pokja", "Tugas Pokja"), [("1", "Pokja Uji Coba", "menyusun bahan")])
    layout = tbl([tr(tc(p("KESATU")), tc(p(":")), tc(p("Membentuk Pokja Uji Coba."))),
                  tr(tc(p("KEDUA")), tc(p(":")), tc(p("Tugas Pokja sebagai berikut:"), nested, p("catatan"))),
                  tr(tc(p("")), tc(p("")), tc(p("b.\tlanjutan")))], borders=False)
    d = read(head(*STD_HEAD) + layout + sign("Ditetapkan di Jakarta") + p("LAMPIRAN")
             + simple_table(MINI_HEADER, MINI_ROWS))
    k2 = d.dicta[1]
    assert [(k.ordinal, k.text) for k in d.dicta] == [("KESATU", "Membentuk Pokja Uji Coba."),
                                                      ("KEDUA", "Tugas Pokja sebagai berikut:")]
    assert [i.text for i in k2.items] == ["catatan", "b.\tlanjutan"]
    assert [(t.number, t.kind, t.columns, t.location.label) for t in k2.tables] == [
        (1, "task", {0: "No", 1: "Pokja", 2: "Tugas Pokja"}, "Diktum KEDUA tabel 1")]
    assert k2.location.paragraph is None and k2.location.anchor is not None
    assert d.lampiran.tables[0].number == 1                    # the layout table is not numbered


def test_a_diktum_ends_at_an_upper_case_lampiran_line_without_signature():
    d = read(skeleton(p("Lampiran ini bagian dari Keputusan."), signature="", lampiran=p("LAMPIRAN")
                      + simple_table(MINI_HEADER, MINI_ROWS)))
    assert [i.text for i in d.dicta[0].items] == ["Lampiran ini bagian dari Keputusan."]
    assert d.signature is None and d.lampiran.location.label == "Lampiran" and len(d.members) == 2


def test_without_signature_and_lampiran_line_the_last_diktum_ends_at_the_first_member_table():
    d = read(skeleton(p("butir"), signature="", lampiran=p("SUSUNAN KEANGGOTAAN")
                      + simple_table(MINI_HEADER, MINI_ROWS)))
    assert [i.text for i in d.dicta[0].items] == ["butir", "SUSUNAN KEANGGOTAAN"]
    assert len(d.members) == 2 and d.lampiran.location.label == "Lampiran tabel 1"


# ---------------------------------------------------------------- signature


def test_signature_block():
    d = read(skeleton(signature=sign("Ditetapkan di Jakarta", "pada tanggal 20 Januari 2025",
                                     "ASISTEN DEPUTI UJI COBA,", "", "ttd", "", "Dr. Budi Utomo, S.E.",
                                     "NIP. 19750312 200003 1 001", "Tembusan:", "1. Deputi")))
    s = d.signature
    assert (s.place, s.date.status, s.date.value, s.office_lines, s.acting, s.on_behalf, s.signer, s.nip, s.nip_key) \
        == ("Jakarta", "readable", date(2025, 1, 20), ("ASISTEN DEPUTI UJI COBA",), False, False,
            "Dr. Budi Utomo, S.E.", "19750312 200003 1 001", "197503122000031001")
    assert (s.location.label, s.location.part) == ("Penandatanganan", "penandatanganan")


@pytest.mark.parametrize("written, status, value", [
    ("pada tanggal 20 Januari 2025", "readable", date(2025, 1, 20)),
    ("pada tanggal 2 Februari 2025", "readable", date(2025, 2, 2)),
    ("pada tanggal : 20-01-2025", "readable", date(2025, 1, 20)),
    ("pada tanggal 10  Januari 2025", "readable", date(2025, 1, 10)),
    ("pada tanggal", "blank", None),
    ("pada tanggal -", "blank", None),
    ("pada tanggal      Januari 2025", "blank", None),
    ("pada tanggal Januari 2025", "blank", None),
    ("pada tanggal ____ Januari 2025", "blank", None),
    ("pada tanggal \u2026 Januari 2025", "blank", None),
    ("pada tanggal 31 Juni 2025", "unreadable", None),
    ("pada tanggal 10 Janu 2025", "unreadable", None),
])
def test_date_of_penetapan(written, status, value):
    d = read(skeleton(signature=sign("Ditetapkan di Jakarta", written, "ASISTEN DEPUTI UJI COBA,", "Budi")))
    assert (d.signature.date.status, d.signature.date.value) == (status, value)
    assert ("date" in [m.what for m in d.missing]) == (status == "unreadable")


def test_an_unreadable_date_is_a_missing_part_with_what_is_written():
    d = read(skeleton(signature=sign("Ditetapkan di Jakarta", "pada tanggal 31 Juni 2025", "ASDEP,", "Budi")))
    m = next(m for m in d.missing if m.what == "date")
    assert (m.found, m.location.label) == ("31 Juni 2025", "Penandatanganan")


@pytest.mark.parametrize("lines, office, acting, on_behalf, signer, nip", [
    (["Plt. ASISTEN DEPUTI UJI COBA,", "ttd", "Sari"], ("Plt. ASISTEN DEPUTI UJI COBA",), True, False, "Sari", ""),
    (["Pelaksana Tugas Asisten Deputi Uji Coba,", "TTE", "Sari"], ("Pelaksana Tugas Asisten Deputi Uji Coba",), True,
     False, "Sari", ""),
    (["a.n. DEPUTI BIDANG UJI,", "ASISTEN DEPUTI UJI COBA,", "Ditandatangani secara elektronik", "Sari",
      "NIP 19750312 200003 1 001"], ("a.n. DEPUTI BIDANG UJI", "ASISTEN DEPUTI UJI COBA"), False, True, "Sari",
     "19750312 200003 1 001"),
    (["a.n. DEPUTI,", "u.b.", "KEPALA BAGIAN UMUM,", "(ttd)", "Sari"], ("a.n. DEPUTI", "u.b.", "KEPALA BAGIAN UMUM"),
     False, True, "Sari", ""),
    (["ASISTEN DEPUTI", "UJI COBA,", "ttd."], ("ASISTEN DEPUTI", "UJI COBA"), False, False, "", ""),
    (["Plt. ASISTEN DEPUTI UJI COBA", "ttd", "Sari"], ("Plt. ASISTEN DEPUTI UJI COBA",), True, False, "Sari", ""),
    (["Sari", "NIP 1975"], (), False, False, "Sari", "1975"),
])
def test_office_lines_and_signer(lines, office, acting, on_behalf, signer, nip):
    d = read(skeleton(signature=sign("Ditetapkan di Jakarta", "pada tanggal 20 Januari 2025", *lines)))
    s = d.signature
    assert (s.office_lines, s.acting, s.on_behalf, s.signer, s.nip) == (office, acting, on_behalf, signer, nip)


def test_signature_in_a_layout_table_and_in_one_paragraph():
    box = tbl([tr(tc(p("")), tc(p("Ditetapkan di Jakarta"), p("pada tanggal 20 Januari 2025"),
                                 p("ASISTEN DEPUTI UJI COBA,"), p("ttd"), p("Budi"), p("NIP 197503122000031001")))],
              borders=False)
    s = read(skeleton(signature=box)).signature
    assert (s.place, s.date.status, s.signer, s.nip_key) == ("Jakarta", "readable", "Budi", "197503122000031001")
    one = p("Ditetapkan di Jakarta\npada tanggal 20 Januari 2025\nASISTEN DEPUTI UJI COBA,\n\n\nBudi\nNIP 1975")
    s = read(skeleton(signature=one)).signature
    assert (s.place, s.office_lines, s.signer, s.nip) == ("Jakarta", ("ASISTEN DEPUTI UJI COBA",), "Budi", "1975")


def test_place_and_date_on_one_line():
    s = read(skeleton(signature=sign("Ditetapkan di Jakarta pada tanggal 5 Mei 2025", "ASDEP,", "Budi"))).signature
    assert (s.place, s.date.value) == ("Jakarta", date(2025, 5, 5))


def test_a_second_block_at_the_end_of_the_lampiran_is_ignored():
    second = sign("Ditetapkan di Bogor", "pada tanggal 1 Maret 2025", "LAIN,", "Orang Lain")
    d = read(skeleton(lampiran=p("LAMPIRAN") + simple_table(MINI_HEADER, MINI_ROWS) + second))
    assert (d.signature.place, d.signature.signer) == ("Jakarta", "Budi Utomo")


def test_no_signature_block():
    d = read(skeleton(signature=""))
    assert d.signature is None and not [m for m in d.missing if m.what == "date"]


# ---------------------------------------------------------------- Lampiran, missing parts


def test_lampiran_headings_and_tables():
    lamp = (p("LAMPIRAN") + p("KEPUTUSAN ASISTEN DEPUTI UJI COBA") + p("SUSUNAN KEANGGOTAAN")
            + simple_table(MINI_HEADER, MINI_ROWS) + p("Keterangan") + simple_table(("No", "Catatan"), [("1", "x")]))
    d = read(skeleton(lampiran=lamp))
    assert [h for h, _ in d.lampiran.headings] == ["LAMPIRAN", "KEPUTUSAN ASISTEN DEPUTI UJI COBA",
                                                   "SUSUNAN KEANGGOTAAN", "Keterangan"]
    assert [(t.number, t.kind, t.location.label) for t in d.lampiran.tables] == [
        (1, "member", "Lampiran tabel 1"), (2, "other", "Lampiran tabel 2")]
    assert d.lampiran.headings[0][1].part == "lampiran"


def test_a_lampiran_pasted_as_a_picture_has_no_member_table():
    d = read(skeleton(lampiran=p("LAMPIRAN") + p("[gambar]")))
    m = [x for x in d.missing if x.what == "member_table"]
    assert len(m) == 1 and m[0].location.label == "Lampiran" and d.is_decree


def test_a_document_with_no_title_no_diktum_and_no_member_table_is_not_a_decree():
    d = read(p("Undangan rapat") + p("Hari: Senin"))
    assert not d.is_decree and [m.what for m in d.missing] == ["title", "diktum", "member_table"]


def test_locations_of_every_part():
    d = read(skeleton(p("a.\tbutir")))
    assert [(x.part, x.label, x.paragraph) for x in (d.title.location, d.number.location, d.subject.location,
                                                      d.dicta[0].location, d.dicta[0].items[0].location,
                                                      d.signature.location, d.lampiran.location)] == [
        ("judul", "Judul", 1), ("nomor", "Nomor", 2), ("tentang", "Tentang", 3), ("diktum", "Diktum KESATU", 6),
        ("diktum", "Diktum KESATU huruf a", 7), ("penandatanganan", "Penandatanganan", 8),
        ("lampiran", "Lampiran", 14)]
    assert d.dicta[0].location.to_json() == {"part": "diktum", "paragraph": 6, "table": None, "row": None,
                                             "column": None, "label": "Diktum KESATU"}
    assert d.paragraphs == 14
