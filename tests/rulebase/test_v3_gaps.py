"""The gaps the legal review of rules.md v3 found (issue 19): each one, built from the compliant
example unit, is reported by its new or changed rule with the exact unit, Pokja, person, cell
(and, for a placeholder, the value found); and a near miss is not. On both engines."""
from __future__ import annotations

import pytest
from engines_under_test import ENGINES
from rule_examples import BASE_UNIT, build

from checker.pipeline import run

pytestmark = pytest.mark.parametrize("engine", ENGINES)

HEAD, PLT = "197503122000031001", "197812202005011002"
RINA, AGUS, DEWI, YOGA = "198602142010122001", "199107232019031003", "198811052014022002", "199305172020121004"
SUB1, DUK1 = {"Kode Pokja": "SUB-1"}, {"Kode Pokja": "DUK-1"}
AGUS_SUB1 = {"Kode Pokja": "SUB-1", "NIP": AGUS}
KEYS = ("rule", "unit", "pokja", "nip", "name", "target", "sheet", "row", "column", "found")


def findings_of(tmp_path, engine, edits, rule, stage="penetapan"):
    path = build(edits, tmp_path / "unit.xlsx")
    result = run.check([str(path)], stage=stage, engine=engine)
    return [tuple(getattr(f, k) for k in KEYS) for f in result.findings if f.rule == rule]


def hit(rule, pokja=None, nip=None, name=None, target=None, sheet=None, row=None, column=None, found=None):
    return (rule, BASE_UNIT, pokja, nip, name, target, sheet, row, column, found)


GAPS = [
    # placeholders as Tugas Pokja, Uraian Tugas, Output, Nomor SK
    pytest.param([{"sheet": "Pokja", "where": SUB1, "set": {"Tugas Pokja": "-"}}], "K04",
                 [hit("K04", "SUB-1", sheet="Pokja", row=2, column="E", found="Tugas Pokja: \u201c-\u201d")],
                 [{"sheet": "Pokja", "where": SUB1, "set": {"Tugas Pokja": "- Menyusun rekomendasi kebijakan"}}],
                 id="K04-tugas-pokja-dash"),
    pytest.param([{"sheet": "Anggota Pokja", "where": AGUS_SUB1, "set": {"Uraian Tugas": "..."}}], "A03",
                 [hit("A03", "SUB-1", AGUS, "Agus Prasetyo, S.T.", sheet="Anggota Pokja", row=5, column="K",
                      found="Uraian Tugas: \u201c...\u201d")],
                 [{"sheet": "Anggota Pokja", "where": AGUS_SUB1, "set": {"Uraian Tugas": "Menyusun kajian ..."}}],
                 id="A03-uraian-tugas-dots"),
    pytest.param([{"sheet": "Anggota Pokja", "where": AGUS_SUB1, "set": {"Output": "(belum diisi)"}}], "A04",
                 [hit("A04", "SUB-1", AGUS, "Agus Prasetyo, S.T.", sheet="Anggota Pokja", row=5, column="L",
                      found="Output: \u201c(belum diisi)\u201d")],
                 [{"sheet": "Anggota Pokja", "where": AGUS_SUB1, "set": {"Output": "Laporan - draf akhir"}}],
                 id="A04-output-belum-diisi"),
    pytest.param([{"sheet": "Pokja", "where": DUK1, "set": {"Nomor SK": "-"}}], "K01",
                 [hit("K01", "DUK-1", sheet="Pokja", row=3, column="F", found="Nomor SK: \u201c-\u201d")],
                 [{"sheet": "Pokja", "where": DUK1, "set": {"Nomor SK": "KEP-12/D.9.1/01/2025-A"}}],
                 id="K01-nomor-sk-dash"),
    # identical Uraian Tugas for several members, with different outputs
    pytest.param([{"sheet": "Anggota Pokja", "where": {"Kode Pokja": "SUB-1", "NIP": DEWI},
                   "set": {"Uraian Tugas": "Menyusun kajian data pendukung"}}], "A18",
                 [hit("A18", "SUB-1", AGUS, "Agus Prasetyo, S.T.", sheet="Anggota Pokja", row=5, column="K"),
                  hit("A18", "SUB-1", DEWI, "Dewi Lestari, S.Si., M.E.", sheet="Anggota Pokja", row=6, column="K")],
                 [{"sheet": "Anggota Pokja", "where": {"Kode Pokja": "SUB-1", "NIP": DEWI},
                   "set": {"Uraian Tugas": "Menyusun kajian data pemantauan"}}],
                 id="A18-same-uraian-tugas"),
    # the same person claiming the same output in two Pokja of one unit
    pytest.param([{"sheet": "Anggota Pokja", "append": {
        "Kode Pokja": "DUK-1", "NIP": AGUS, "Nama": "Agus Prasetyo, S.T.", "Kedudukan": "Anggota",
        "Cara Penugasan": "Penunjukan", "Uraian Tugas": "Menyusun data kinerja",
        "Output": "Laporan kajian data pendukung"}}], "A19",
                 [hit("A19", "SUB-1", AGUS, "Agus Prasetyo, S.T.", sheet="Anggota Pokja", row=5, column="L"),
                  hit("A19", "DUK-1", AGUS, "Agus Prasetyo, S.T.", sheet="Anggota Pokja", row=11, column="L")],
                 [{"sheet": "Anggota Pokja", "append": {
                     "Kode Pokja": "DUK-1", "NIP": AGUS, "Nama": "Agus Prasetyo, S.T.", "Kedudukan": "Anggota",
                     "Cara Penugasan": "Penunjukan", "Uraian Tugas": "Menyusun data kinerja",
                     "Output": "Laporan data kinerja unit"}}],
                 id="A19-one-output-two-pokja"),
    # the same Tugas Pokja for several Pokja
    pytest.param([{"sheet": "Pokja", "where": DUK1,
                   "set": {"Tugas Pokja": "Menyusun dan memantau rekomendasi kebijakan contoh"}}], "K18",
                 [hit("K18", "SUB-1", sheet="Pokja", row=2, column="E"),
                  hit("K18", "DUK-1", sheet="Pokja", row=3, column="E")],
                 [{"sheet": "Pokja", "where": DUK1, "set": {"Tugas Pokja": "Menyusun dan memantau laporan kinerja"}}],
                 id="K18-same-tugas-pokja"),
    # a PK without target values
    pytest.param([{"sheet": "PK", "where": {}, "set": {"Target": ""}}], "U08",
                 [hit("U08", target="PK-01", sheet="PK", row=2, column="D"),
                  hit("U08", target="PK-02", sheet="PK", row=3, column="D")],
                 [{"sheet": "PK", "where": {"Kode Target": "PK-01"}, "set": {"Target": "0"}}],
                 id="U08-pk-without-values"),
    # a Pokja of outsiders only
    pytest.param([{"sheet": "Anggota Pokja", "where": {"Kode Pokja": "DUK-1", "NIP": YOGA},
                   "set": {"Kode Unit Asal": "D9.AS2", "Jenis Jabatan": "Pelaksana",
                           "Nomor Persetujuan Pimpinan": "ND-03/D.9.2/01/2025"}},
                  {"sheet": "Anggota Pokja", "where": {"Kode Pokja": "DUK-1", "ID Pegawai": "PPNPN-01"},
                   "set": {"Instansi Asal": "Kementerian Keuangan", "Jenis Jabatan": "Pelaksana",
                           "Nomor Persetujuan Pimpinan": "ND-04/SJ/01/2025"}}], "K19",
                 [hit("K19", "DUK-1", sheet="Pokja", row=3, column="A")],
                 [{"sheet": "Anggota Pokja", "where": {"Kode Pokja": "DUK-1", "NIP": YOGA},
                   "set": {"Kode Unit Asal": "D9.AS2", "Jenis Jabatan": "Pelaksana",
                           "Nomor Persetujuan Pimpinan": "ND-03/D.9.2/01/2025"}}],
                 id="K19-outsiders-only"),
    # a Tenaga Pendukung from another instansi
    pytest.param([{"sheet": "Anggota Pokja", "append": {
        "Kode Pokja": "DUK-1", "ID Pegawai": "HON-07", "Nama": "Rahmat Hidayat", "Kedudukan": "Anggota",
        "Jenis Jabatan": "Honorer", "Instansi Asal": "Kementerian Keuangan", "Cara Penugasan": "Penunjukan",
        "Nomor Persetujuan Pimpinan": "ND-05/SJ/01/2025", "Uraian Tugas": "Mengelola agenda rapat",
        "Output": "Agenda rapat"}}], "A20",
                 [hit("A20", "DUK-1", None, "Rahmat Hidayat", sheet="Anggota Pokja", row=11, column="C")],
                 [{"sheet": "Anggota Pokja", "append": {
                     "Kode Pokja": "DUK-1", "NIP": "199001152014031002", "Nama": "Rahmat Hidayat, S.E.",
                     "Kedudukan": "Anggota", "Jenis Jabatan": "Pelaksana", "Instansi Asal": "Kementerian Keuangan",
                     "Cara Penugasan": "Penunjukan", "Nomor Persetujuan Pimpinan": "ND-05/SJ/01/2025",
                     "Uraian Tugas": "Mengelola agenda rapat", "Output": "Agenda rapat"}}],
                 id="A20-tenaga-pendukung-other-instansi"),
    # a member on tugas belajar
    pytest.param([{"sheet": "Pegawai", "where": {"NIP": AGUS}, "set": {"Kedudukan Hukum": "Tugas Belajar"}}], "A21",
                 [hit("A21", "SUB-1", AGUS, "Agus Prasetyo, S.T.", sheet="Anggota Pokja", row=5, column="B")],
                 [{"sheet": "Pegawai", "where": {"NIP": AGUS}, "set": {"Status Kepegawaian": "PNS - Aktif"}}],
                 id="A21-member-tugas-belajar"),
    # an SK "signed" by a Pelaksana while the head's post is vacant (a Plt named)
    pytest.param([{"sheet": "Unit", "set_all": {"NIP JPT Pratama": "", "Nama JPT Pratama": "",
                                                "NIP Plt JPT Pratama": PLT}},
                  {"sheet": "Anggota Pokja", "where": {"NIP": HEAD}, "set": {"NIP": PLT}},
                  {"sheet": "Pokja", "where": {}, "set": {"NIP Penetap SK": PLT}},
                  {"sheet": "Pokja", "where": DUK1, "set": {"NIP Penetap SK": YOGA}}], "K02",
                 [hit("K02", "DUK-1", sheet="Pokja", row=3, column="H",
                      found=f"NIP Penetap SK: \u201c{YOGA}\u201d")],
                 [{"sheet": "Unit", "set_all": {"NIP JPT Pratama": "", "Nama JPT Pratama": "",
                                                "NIP Plt JPT Pratama": PLT}},
                  {"sheet": "Anggota Pokja", "where": {"NIP": HEAD}, "set": {"NIP": PLT}},
                  {"sheet": "Pokja", "where": {}, "set": {"NIP Penetap SK": PLT}}],
                 id="K02-pelaksana-signs-for-a-vacant-post"),
]


@pytest.mark.parametrize("edits,rule,expected,near_miss", GAPS)
def test_the_gap_is_reported_and_its_near_miss_is_not(tmp_path, engine, edits, rule, expected, near_miss):
    assert findings_of(tmp_path, engine, edits, rule) == expected
    assert findings_of(tmp_path / "near", engine, near_miss, rule) == []
