"""The pieces of the real layouts one value at a time: names without titles, `Nama/NIP` cells,
section rows, MPH headers naming PK targets by indicator text, Pokja named by name."""
from __future__ import annotations

import pytest

from checker.input.person_names import fold_name, split_nama_nip
from checker.load.mph_targets import TargetNames
from checker.load.pokja_ref import PokjaNames, pokja_key
from checker.load.row_text import numbering


@pytest.mark.parametrize("a,b", [
    ("Dr. Ratna Dewi, S.E., M.Si.", "RATNA DEWI"),
    ("Ratna  Dewi", "ratna dewi"),
    ("Prof. Dr. Ir. H. Bagus Hendrawan, M.T.", "BAGUS HENDRAWAN"),
    ("Hj. Sari Melati, S.Kom.", "Sari Melati"),
    ("drg Ani Lestari", "ANI LESTARI"),
    ("KH. Ahmad Dahlan", "Ahmad Dahlan"),
    ("Ns. Maria Ulfa, S.Kep.", "MARIA ULFA"),
    ("apt. Rudi, S.Farm.", "Rudi"),
    ("A. Yudi Wicaksono, S.T.", "A. YUDI WICAKSONO"),
])
def test_names_compared_without_titles(a, b):
    assert fold_name(a) == fold_name(b)


@pytest.mark.parametrize("a,b", [
    ("A. Yudi Wicaksono", "Yudi Wicaksono"),         # an initial is part of the name
    ("Hadi Purnomo", "Hadi Purnama"),
    ("Dra Dewi", "Dewi Dra"),
])
def test_names_that_differ(a, b):
    assert fold_name(a) != fold_name(b)


def test_a_name_of_titles_only_keeps_them():
    assert fold_name("Dr.") == "dr"


@pytest.mark.parametrize("cell,nama,nip", [
    ("Dr. Ratna Dewi, S.E.\nNIP. 19740101 200003 2 001", "Dr. Ratna Dewi, S.E.", "NIP. 19740101 200003 2 001"),
    ("Dr. Ratna Dewi, S.E. / 197401012000032001", "Dr. Ratna Dewi, S.E.", "197401012000032001"),
    ("Ratna Dewi, NIP: 197401012000032001", "Ratna Dewi", "NIP: 197401012000032001"),
    ("Ratna Dewi NIP. 197401012000032001", "Ratna Dewi", "NIP. 197401012000032001"),
    ("Ratna Dewi, S.E., M.Si.", "Ratna Dewi, S.E., M.Si.", ""),      # no NIP: the whole cell is the name
    ("Andi Saputra\nNIP. -", "Andi Saputra", "NIP. -"),
    ("", "", ""),
])
def test_nama_nip_cells(cell, nama, nip):
    assert split_nama_nip(cell) == (nama, nip)


@pytest.mark.parametrize("text,title", [
    ("A. POKJA KEBIJAKAN CONTOH", "POKJA KEBIJAKAN CONTOH"),
    ("II. Pokja Substansi", "Pokja Substansi"),
    ("(B) Pokja Dukungan", "Pokja Dukungan"),
    ("c) Tim Kerja", "Tim Kerja"),
    ("2. POKJA HARMONISASI REGULASI", "POKJA HARMONISASI REGULASI"),     # v3: digits number banners too
    ("1.2. Sub Pokja", "Sub Pokja"),
    ("IV) Pokja Data", "Pokja Data"),
])
def test_banner_numbering(text, title):
    assert numbering(text) == (text[:len(text) - len(title)].strip(), title)


@pytest.mark.parametrize("text", ["Pokja Kebijakan", "PK-01 Persentase", "Rina Wulandari", "2025 Laporan"])
def test_no_banner_numbering(text):
    assert numbering(text) is None


PK = {"kode_target": ["pk-01", "pk-02", "pk-03"], "kode_target__raw": ["PK-01", "PK-02", "PK-03"],
      "indikator_kinerja__raw": ["Persentase rekomendasi kebijakan yang ditindaklanjuti",
                                 "Persentase rekomendasi kebijakan fiskal yang ditindaklanjuti", "Nilai SAKIP unit"],
      "sasaran__raw": ["Terwujudnya kebijakan yang efektif", "Terwujudnya kebijakan fiskal", None]}


@pytest.mark.parametrize("header,code,matches", [
    ("Persentase rekomendasi kebijakan yang ditindaklanjuti", "pk-01", ()),
    ("PERSENTASE REKOMENDASI KEBIJAKAN YANG DITINDAKLANJUTI.", "pk-01", ()),   # case and punctuation
    ("Persentase rekomendasi kebijakan yang ditindaklanjuti (K/L)", "pk-01", ()),   # the header is longer
    ("Persentase rekomendasi kebijakan fiskal", "pk-02", ()),                 # a prefix of 20+ characters
    ("Nilai SAKIP unit", "pk-03", ()),                                         # short, but exact
    ("Terwujudnya kebijakan fiskal", "pk-02", ()),                              # a Sasaran
    ("PK-02 Persentase ...", "pk-02", ()),                                     # a code-like first word
    ("Persentase rekomendasi kebijakan", "Persentase rekomendasi kebijakan", ("PK-01", "PK-02")),   # two
])
def test_mph_headers_naming_targets(header, code, matches):
    named = TargetNames(PK).name(header)
    assert (named.code, named.matches) == (code, matches)


@pytest.mark.parametrize("header", ["Keterangan", "Nilai SAKIP", "Persentase", "Jabatan", ""])
def test_mph_headers_naming_no_target(header):
    assert TargetNames(PK).name(header) is None


def test_pokja_named_by_name_code_or_section_text():
    names = PokjaNames({"kode_pokja": ["sub-1", "duk-1"], "kode_pokja__raw": ["SUB-1", "DUK-1"],
                        "nama_pokja__raw": ["Pokja Kebijakan Contoh", "Pokja Dukungan Teknis dan Administrasi"]})
    assert names.resolve("SUB-1.") == ("sub-1", "SUB-1")
    assert names.resolve("POKJA KEBIJAKAN CONTOH") == ("sub-1", "SUB-1")
    assert names.resolve("Kelompok Kerja Kebijakan Contoh") == ("sub-1", "SUB-1")
    assert names.resolve("Susunan Keanggotaan Pokja Dukungan Teknis dan Administrasi (DUK-1)") == ("duk-1", "DUK-1")
    assert names.resolve("Tim Lain") is None
    assert pokja_key("Pokja  Kebijakan, Contoh") == "kebijakan contoh"


def test_user_contract_names_every_sheet_column_alias_and_synonym():
    """docs/format-workbook.md (the Indonesian copy of the input contract, linked from the
    README) lists what the loader accepts: every sheet, column, alias and vocabulary synonym."""
    from pathlib import Path

    from checker.input import contract, vocab

    root = Path(__file__).resolve().parents[2]
    doc = (root / "docs" / "format-workbook.md").read_text(encoding="utf-8")
    assert "(docs/format-workbook.md)" in (root / "README.md").read_text(encoding="utf-8")
    missing = []
    for s in contract.SHEETS:
        missing += [n for n in (s.label, *s.aliases) if n not in doc]
        for c in s.columns + contract.LAYOUT_COLUMNS.get(s.kind, ()):
            missing += [n for n in (c.label, *c.aliases) if n not in doc]
    for c in contract.MPH_MATRIX_COLUMNS + contract.MPH_LONG_COLUMNS:
        missing += [n for n in (c.label, *c.aliases) if n not in doc]
    for name in ("jenis_jabatan", "kedudukan", "jenis_pokja", "cara_penugasan"):
        for value, syns in vocab.synonyms(name).items():
            missing += [n for n in (value, *syns) if n not in doc]
    assert missing == []
