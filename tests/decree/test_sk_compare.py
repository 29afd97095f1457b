"""decree-format.md §2, §3.5, §3.7: the pure helpers the S rules stand on
(checker/facts/decree_compare.py)."""
from __future__ import annotations

import pytest

from checker.facts.decree_compare import (
    compare_texts,
    fold_office,
    identifies,
    names_code,
    names_unit,
    number_of,
    stated_value,
    word_set,
)


def test_word_sets_drop_labels_case_punctuation_and_stop_words():
    assert word_set("1. Menyusun kajian; 2) memantau DAN mengevaluasi\n(3) Rekomendasi yang ada.") == {
        "menyusun", "kajian", "memantau", "mengevaluasi", "rekomendasi", "ada"}
    assert word_set("a. b. Menyusun") == {"menyusun"}
    assert word_set("") == frozenset()


@pytest.mark.parametrize("a,b", [
    ("Menyusun kajian dan memantau rekomendasi", "memantau rekomendasi serta menyusun kajian"),       # order
    ("Menyusun kajian dan memantau rekomendasi", "1. Menyusun kajian;\n2. Memantau rekomendasi."),    # items
    ("MENYUSUN KAJIAN", "menyusun, kajian!"),                                                         # case
])
def test_order_numbering_items_case_and_punctuation_never_differ(a, b):
    got = compare_texts(a, b)
    assert (got.similarity, got.differs) == (1.0, False)


def test_the_threshold_is_half_the_union():
    assert compare_texts("alfa beta", "alfa gamma").differs            # 1/3
    assert not compare_texts("alfa beta gamma", "alfa beta delta").differs     # 2/4 = 0.50 is not below
    assert compare_texts("alfa beta gamma", "alfa beta delta").similarity == 0.5
    assert compare_texts("Mengelola keuangan", "Menyusun kajian").similarity == 0.0


def test_offices_fold_as_section_2_says():
    assert fold_office("KEPALA BIRO HUKUM & ORGANISASI") == fold_office("Biro Hukum dan Organisasi")
    assert fold_office("Plt. Asisten Deputi Moneter") == fold_office("asisten deputi moneter")
    assert names_unit("ASISTEN DEPUTI MONETER DAN SEKTOR EKSTERNAL KEMENTERIAN KOORDINATOR BIDANG PEREKONOMIAN",
                      "Asisten Deputi Moneter dan Sektor Eksternal")
    assert names_unit("ASISTEN DEPUTI MONETER DEPUTI BIDANG EKONOMI MAKRO", "Asisten Deputi Moneter",
                      jpt_madya="Deputi Bidang Ekonomi Makro")
    assert not names_unit("ASISTEN DEPUTI MONETER DEPUTI BIDANG EKONOMI MAKRO", "Asisten Deputi Moneter")
    assert not names_unit("ASISTEN DEPUTI MONETER DAN FISKAL", "Asisten Deputi Moneter")


@pytest.mark.parametrize("name,code,hit", [
    ("sk-pokja-d1-as1.docx", "D1.AS1", True), ("SK D1.AS1 2025.docx", "D1.AS1", True),
    ("sk_d1_as1.docm", "d1.as1", True), ("sk-d1-as12.docx", "D1.AS1", False), ("sk-xd1-as1.docx", "D1.AS1", False),
])
def test_a_kode_unit_in_a_file_name(name, code, hit):
    assert names_code(name, code) is hit


def test_targets_are_identified_by_indicator_or_a_lettered_code_and_their_stated_value():
    text = "Persentase rekomendasi kebijakan yang ditindaklanjuti sebesar 80,5%; Nilai SAKIP 3"
    assert identifies(text, "PK-01", "Persentase Rekomendasi Kebijakan yang Ditindaklanjuti")
    assert identifies("target PK-02 tercapai", "PK-02", "tidak disebut")
    assert not identifies("target 1 tercapai", "1", "tidak disebut")
    assert stated_value(text, "PK-01", "Persentase rekomendasi kebijakan yang ditindaklanjuti") == 80.5
    assert stated_value("Persentase rekomendasi;\n 80%", "PK-01", "Persentase rekomendasi") is None
    assert (number_of("3,5"), number_of("80%"), number_of("1.250,5"), number_of("tidak ada")) == (3.5, 80.0, 1250.5,
                                                                                                 None)
