"""Who is who: the one person-matching rule (checker/facts/people.py), used everywhere
people are matched, and the behaviour it changed across units; the unit's performance owners
(checker/facts/owners.py)."""
from __future__ import annotations

from pathlib import Path

import pytest
from rule_examples import apply_edits, load_base, write_workbook

from checker.facts.owners import owners_of
from checker.facts.people import PersonIndex
from checker.pipeline import run

PEGAWAI = [
    {"nip": "198602142010122001", "nip__st": "valid", "id_pegawai": None, "nama": "Rina Wulandari, S.E."},
    {"nip": None, "nip__st": "empty", "id_pegawai": "PPNPN-01", "nama": "Andi Saputra"},
    {"nip": "199107232019031003", "nip__st": "valid", "id_pegawai": "P-7", "nama": "Agus Prasetyo"},
]


def test_a_row_is_its_pegawai_row_by_nip_then_id_then_name():
    people = PersonIndex(PEGAWAI)
    assert people.resolve({"nip": "198602142010122001", "nama": "Rina W."}).key == "p0"     # NIP wins over the name
    assert people.resolve({"id_pegawai": "ppnpn-01"}).key == "p1"                            # ID, folded
    assert people.resolve({"nama": "agus  prasetyo"}).key == "p2"                            # name, folded
    by_name = people.resolve({"nama": "Rina Wulandari, S.E."})
    assert (by_name.key, by_name.nip_key, by_name.nip_status) == ("p0", "198602142010122001", "valid")


def test_contradicting_identifiers_never_match():
    people = PersonIndex(PEGAWAI)
    other_nip = people.resolve({"nip": "199305172020121004", "nama": "Agus Prasetyo"})
    assert (other_nip.key, other_nip.pegawai, other_nip.nip_key) == ("n:199305172020121004", None, "199305172020121004")
    assert people.resolve({"id_pegawai": "P-9", "nama": "Agus Prasetyo"}).pegawai is None
    assert people.resolve({"nip": "199305172020121004", "id_pegawai": "P-7"}).pegawai is None
    nobody = people.resolve({"nama": "Orang Lain"})
    assert (nobody.key, nobody.pegawai, nobody.nip_key) == ("m:orang lain", None, "")


OWNERS = owners_of({"197503122000031001", "197812202005011002"}, "196801051992031002",
                   ("Dr. Bambang Sutrisno, S.E., M.Si.", "HADI KURNIAWAN"), ("Ir. Sri Rahayu, M.P.P.",),
                   "Asisten Deputi Contoh Kebijakan", "Kedeputian Bidang Koordinasi Contoh")


def test_owners_by_nip():
    assert OWNERS.by_nip("197503122000031001") == OWNERS.by_nip("197812202005011002") == "jpt_pratama"
    assert OWNERS.by_nip("196801051992031002") == "jpt_madya"
    assert OWNERS.by_nip("198602142010122001") == OWNERS.by_nip("") == ""


@pytest.mark.parametrize("nama,jabatan,role", [
    ("BAMBANG SUTRISNO", "", "jpt_pratama"),                      # the name, titles and case folded
    ("Hadi Kurniawan, S.H., M.H.", "", "jpt_pratama"),            # the Plt's name on Pegawai
    ("Sri Rahayu", "", "jpt_madya"),
    ("Asisten Deputi Contoh Kebijakan", "", "jpt_pratama"),       # the head's post, no Deputi here
    ("", "Plt. Asisten Deputi Contoh Kebijakan", "jpt_pratama"),  # the position in Nama Jabatan
    ("Deputi Bidang Koordinasi Contoh", "", "jpt_madya"),         # Deputi, for Kedeputian
    ("", "Kedeputian Bidang Koordinasi Contoh", "jpt_madya"),     # the Unit JPT Madya itself
    ("Asisten Deputi Contoh Fiskal", "", ""),                     # another unit's head: nobody here
    ("Kepala Bagian Umum", "", ""),
    ("Rina Wulandari", "", ""),
])
def test_owners_by_name_or_position(nama, jabatan, role):
    assert OWNERS.by_name_or_position(nama, jabatan) == role


@pytest.mark.parametrize("nama_unit,unit_madya,position,role", [
    ("Biro Umum", "Sekretariat Kementerian Koordinator", "Kepala Biro Umum", "jpt_pratama"),
    ("Biro Umum", "Sekretariat Kementerian Koordinator", "Sekretaris Kementerian Koordinator", "jpt_madya"),
    ("Inspektorat", "Sekretariat Kementerian Koordinator", "Inspektur", "jpt_pratama"),
    ("Biro Umum", "Sekretariat Kementerian Koordinator", "Kepala Bagian Umum", ""),
])
def test_a_unit_named_by_its_organisation_is_named_by_its_heads_title(nama_unit, unit_madya, position, role):
    owners = owners_of(set(), None, (), (), nama_unit, unit_madya)
    assert owners.by_name_or_position("", position) == role


def test_across_units_a_member_without_nip_is_the_nip_of_its_pegawai_row(tmp_path: Path):
    """Behaviour change of the single rule: X03 (the same person claiming the same output in
    two units) used to compare the Anggota rows' own NIPs only; a member listed by name,
    whom the unit's Pegawai sheet knows with a NIP, is now that person across units too."""
    agus = "199107232019031003"
    a = write_workbook(apply_edits(load_base(), [
        {"sheet": "Anggota Pokja", "where": {"NIP": agus}, "set": {"NIP": ""}}]), tmp_path / "d9-as1.xlsx")
    b = write_workbook(apply_edits(load_base("_example_base_2"), [
        {"sheet": "Anggota Pokja", "append": {
            "Kode Pokja": "TKL-1", "NIP": agus, "Nama": "Agus Prasetyo, S.T.", "Kedudukan": "Anggota",
            "Jenis Jabatan": "Fungsional", "Kode Unit Asal": "D9.AS1", "Cara Penugasan": "Penunjukan",
            "Nomor Persetujuan Pimpinan": "ND-31/D.9.1/02/2025", "Uraian Tugas": "Menyusun kajian data",
            "Output": "Laporan kajian data pendukung"}}]), tmp_path / "d9-as2.xlsx")
    result = run.check([str(a), str(b)], engine="pandas")
    x03 = [(f.unit, f.pokja, f.nip, f.name, f.sheet, f.row, f.column) for f in result.findings if f.rule == "X03"]
    assert x03 == [("D9.AS1", "SUB-1", None, "Agus Prasetyo, S.T.", "Anggota Pokja", 5, "L"),
                   ("D9.AS2", "TKL-1", agus, "Agus Prasetyo, S.T.", "Anggota Pokja", 10, "L")]
