"""Who is who: the one person-matching rule (checker/facts/people.py), used everywhere
people are matched, and the behaviour it changed across units."""
from __future__ import annotations

from pathlib import Path

from rule_examples import apply_edits, load_base, write_workbook

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


def test_officials_are_known_by_their_nip_only():
    heads = {"198602142010122001"}
    assert PersonIndex.is_official({"nip": "198602142010122001"}, heads)
    assert not PersonIndex.is_official({"nip": None, "nama": "Rina Wulandari, S.E."}, heads)
    assert not PersonIndex.is_official({"nip": "198602142010122002"}, heads)


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
