"""rules.md, "One cause, one finding": one test per clause, on both engines."""
from __future__ import annotations

import pytest
from engines_under_test import ENGINES
from rule_examples import build

from checker.pipeline import run

pytestmark = pytest.mark.parametrize("engine", ENGINES)

SUB1_MADYA = {"Kode Pokja": "SUB-1", "NIP": "196801051992031002"}
RINA = "198602142010122001"


def findings(tmp_path, edits, engine, stage="penetapan", name="unit.xlsx"):
    path = build(edits, tmp_path / name)
    return run.check([str(path)], stage=stage, engine=engine).findings


def rules_of(fs):
    return sorted(f.rule for f in fs)


def test_u01_silences_u02_u03_u04_m04(tmp_path, engine):
    fs = findings(tmp_path, [{"sheet": "Pokja", "where": {}, "delete": True},
                             {"sheet": "Anggota Pokja", "where": {}, "delete": True}], engine)
    assert [(f.rule, f.unit, f.pokja) for f in fs] == [("U01", "D9.AS1", None)]


def test_missing_column_silences_its_rules_for_that_unit_only(tmp_path, engine):
    a = build([{"sheet": "Pokja", "drop_column": "Tugas Pokja"}], tmp_path / "a.xlsx")
    b = build([{"sheet": "Unit", "set_all": {"Kode Unit": "D9.AS2"}},
               {"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"}, "set": {"Tugas Pokja": ""}}], tmp_path / "b.xlsx")
    fs = run.check([str(a), str(b)], engine=engine).findings
    relevant = [(f.rule, f.unit, f.pokja, f.sheet, f.row, f.column) for f in fs if f.rule in ("D05", "K04")]
    assert relevant == [("D05", "D9.AS1", None, "Pokja", 1, None), ("K04", "D9.AS2", "SUB-1", "Pokja", 2, "E")]


def test_missing_sheet_silences_its_rules(tmp_path, engine):
    fs = findings(tmp_path, [{"drop_sheet": "MPH"}], engine)
    assert [(f.rule, f.sheet, f.row) for f in fs] == [("D05", "MPH", None)]


def test_unknown_jenis_is_a09_only_not_a01(tmp_path, engine):
    fs = findings(tmp_path, [{"sheet": "Anggota Pokja", "append": {
        "Kode Pokja": "SUB-1", "NIP": "199001012015031001", "Nama": "Hadi Susanto", "Kedudukan": "Anggota",
        "Jenis Jabatan": "Administrator", "Uraian Tugas": "Mengolah data", "Output": "Tabel data olahan"}}], engine)
    assert [(f.rule, f.nip) for f in fs if f.rule in ("A01", "A09")] == [("A09", "199001012015031001")]


def test_unreadable_jenis_is_d03_only_not_a01_a02(tmp_path, engine):
    fs = findings(tmp_path, [{"sheet": "Pegawai", "where": {"NIP": RINA},
                              "set": {"Jenis Jabatan": "Kepala Seksi"}}], engine)
    assert [(f.rule, f.sheet, f.row, f.column) for f in fs] == [("D03", "Pegawai", 3, "D")]


def test_unreadable_dates_are_given_but_not_compared(tmp_path, engine):
    fs = findings(tmp_path, [{"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"},
                              "set": {"Tanggal SK": "31 Juni 2025", "Tanggal Mulai": "32 Januari 2025",
                                      "Tanggal Laporan": "akhir tahun"}}], engine, stage="evaluasi")
    assert [(f.rule, f.pokja, f.column) for f in fs] == [("D04", "SUB-1", "G"), ("D04", "SUB-1", "J"), ("D04",
                                                                                                        "SUB-1", "M")]


def test_pokja_naming_no_pk_target_is_k03_not_a08(tmp_path, engine):
    fs = findings(tmp_path, [{"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"},
                              "set": {"Kode Target": "PK-09"}}], engine)
    assert "A08" not in rules_of(fs)
    assert [(f.rule, f.pokja, f.target) for f in fs if f.rule == "K03"] == [("K03", "SUB-1", "PK-09")]


def test_pengarah_without_nip_named_as_on_unit_is_identified(tmp_path, engine):
    """rules.md v3: a Pengarah row without NIP whose name is the Unit sheet's Nama JPT Madya
    satisfies K08 and gives no A10 and no D07."""
    fs = findings(tmp_path, [{"sheet": "Anggota Pokja", "where": SUB1_MADYA, "set": {"NIP": ""}}], engine)
    assert fs == []


def test_unidentified_pengarah_is_d07_on_its_nip_and_silences_k08_once(tmp_path, engine):
    """rules.md v3: a Pengarah row without NIP that names no owner is D07 on its NIP only (no
    A10), and K08 does not fire, in that Pokja, for as many missing owners as such rows: SUB-1
    loses both owners' rows and keeps one unidentified row, so K08 fires once, for the JPT Madya
    (the JPT Pratama is the first missing owner the row may stand for)."""
    fs = findings(tmp_path, [
        {"sheet": "Anggota Pokja", "where": SUB1_MADYA, "set": {"NIP": "", "Nama": "Pejabat Pembina"}},
        {"sheet": "Anggota Pokja", "where": {"Kode Pokja": "SUB-1", "NIP": "197503122000031001"}, "delete": True},
    ], engine)
    assert [(f.rule, f.pokja, f.nip, f.name, f.sheet, f.row, f.column) for f in fs] == [
        ("D07", "SUB-1", None, "Pejabat Pembina", "Anggota Pokja", 2, "B"),
        ("K08", "SUB-1", "196801051992031002", "Ir. Sri Rahayu, M.P.P.", "Pokja", 2, "A"),
    ]


def test_two_workbooks_with_one_code_are_two_units(tmp_path, engine):
    a = build([{"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"}, "set": {"Tugas Pokja": ""}}], tmp_path / "a.xlsx")
    b = build([{"sheet": "Pokja", "where": {"Kode Pokja": "DUK-1"}, "set": {"Tugas Pokja": ""}}], tmp_path / "b.xlsx")
    result = run.check([str(a), str(b)], engine=engine)
    assert [i.status for i in result.inputs] == ["checked", "checked"]
    assert sorted((f.file.rsplit("/", 1)[-1], f.pokja) for f in result.findings if f.rule == "K04") == \
        [("a.xlsx", "SUB-1"), ("b.xlsx", "DUK-1")]


def test_k01_names_every_empty_field_in_one_finding(tmp_path, engine):
    fs = findings(tmp_path, [{"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"}, "set": {"Nomor SK": "",
                                                                                          "Tanggal SK": ""}}], engine)
    assert [(f.rule, f.pokja, f.column) for f in fs] == [("K01", "SUB-1", "F")]
    assert "Nomor SK, Tanggal SK" in fs[0].message


def test_cell_rules_give_one_finding_per_cell(tmp_path, engine):
    fs = findings(tmp_path, [{"sheet": "Pegawai", "where": {"NIP": RINA}, "set": {"NIP": 198602142010122001}},
                             {"sheet": "MPH", "where": {"NIP": RINA}, "set": {"NIP": 198602142010122001}},
                             {"sheet": "Anggota Pokja", "where": {"NIP": RINA},
                              "set": {"NIP": 198602142010122001}}], engine)
    assert [(f.rule, f.sheet, f.row, f.column) for f in fs] == [
        ("D01", "Anggota Pokja", 4, "B"), ("D01", "MPH", 2, "A"), ("D01", "Pegawai", 3, "A")]


def test_formula_without_value_is_d06_not_empty(tmp_path, engine):
    fs = findings(tmp_path, [{"sheet": "Anggota Pokja", "where": {"Kode Pokja": "SUB-1", "Kedudukan": "Ketua"},
                              "set": {"Output": {"formula": "=K4"}, "Uraian Tugas": {"formula": "=#N/A"}}}], engine)
    assert [(f.rule, f.sheet, f.row, f.column) for f in fs] == [
        ("D06", "Anggota Pokja", 4, "K"), ("D06", "Anggota Pokja", 4, "L")]


# ------------------------------------------------------------------ version 2 clauses

AGUS, DEWI = "199107232019031003", "198811052014022002"
HADI = {"NIP": 199001012015031001, "Nama": "Hadi Susanto, S.E."}     # a number: its digits are not trusted


def located(fs):
    return [(f.rule, f.pokja, f.name, f.sheet, f.row, f.column) for f in fs]


def test_unknown_kedudukan_still_counts_as_a_member(tmp_path, engine):
    """rules.md: an unknown Kedudukan (D03) is a member for every member rule and count: the
    typo on DUK-1's only Anggota gives D03 and, with the empty Output, A04; DUK-1 keeps its
    two people, so no K09."""
    fs = findings(tmp_path, [{"sheet": "Anggota Pokja", "where": {"Nama": "Andi Saputra"},
                              "set": {"Kedudukan": "Anggta", "Output": ""}}], engine)
    assert located(fs) == [("A04", "DUK-1", "Andi Saputra", "Anggota Pokja", 10, "L"),
                           ("D03", "DUK-1", "Andi Saputra", "Anggota Pokja", 10, "E")]


def test_number_nip_matched_by_name_is_d01_only(tmp_path, engine):
    """Agus's NIP on Pegawai stored as a number: found by his name on MPH and Anggota Pokja,
    so no U05 (he has MPH entries), no A09 (he is on Pegawai), no M03."""
    fs = findings(tmp_path, [{"sheet": "Pegawai", "where": {"NIP": AGUS}, "set": {"NIP": int(AGUS)}}], engine)
    assert [(f.rule, f.sheet, f.row, f.column) for f in fs] == [("D01", "Pegawai", 4, "A")]


def test_number_nip_matching_nobody_silences_the_matching_rules(tmp_path, engine):
    """A number NIP whose name is on no other sheet: D01 on each cell, and none of U05 (Pegawai
    row without MPH), A09 (member not on Pegawai), A08 (member without MPH), M03 (MPH row of
    nobody), which would all judge a person the NIP cannot identify."""
    fs = findings(tmp_path, [
        {"sheet": "Pegawai", "append": {**HADI, "Jenis Jabatan": "Fungsional", "Kedudukan Hukum": "Aktif"}},
        {"sheet": "Anggota Pokja", "append": {"Kode Pokja": "SUB-1", "NIP": 199202022015032002,
                                              "Nama": "Lina Marlina", "Kedudukan": "Anggota",
                                              "Uraian Tugas": "Mengolah data", "Output": "Tabel data olahan"}},
        {"sheet": "MPH", "append": {"NIP": 199303032016031003, "Nama": "Joko Susilo", "Kode Target": "PK-01",
                                    "Peran Hasil": "Menyusun data"}},
    ], engine)
    assert [(f.rule, f.sheet) for f in fs] == [("D01", "Anggota Pokja"), ("D01", "MPH"), ("D01", "Pegawai")]


def test_number_nips_on_two_units_give_no_cross_unit_finding(tmp_path, engine):
    a = build([{"sheet": "Pegawai", "append": {**HADI, "Jenis Jabatan": "Fungsional"}},
               {"sheet": "MPH", "append": {**HADI, "Kode Target": "PK-01", "Peran Hasil": "Menyusun data"}}],
              tmp_path / "a.xlsx")
    b = build([{"sheet": "Unit", "set_all": {"Kode Unit": "D9.AS2"}},
               {"sheet": "Pegawai", "append": {**HADI, "Jenis Jabatan": "Fungsional"}},
               {"sheet": "MPH", "append": {**HADI, "Kode Target": "PK-01", "Peran Hasil": "Menyusun data"}}],
              tmp_path / "b.xlsx")
    fs = run.check([str(a), str(b)], engine=engine).findings
    # Both units copy one base, so its own people are X01 in both; Hadi is in none.
    hadi = [(f.rule, f.unit, f.sheet) for f in fs if f.name == HADI["Nama"] and f.rule != "M04"]
    assert sorted(hadi) == [("D01", "D9.AS1", "MPH"), ("D01", "D9.AS1", "Pegawai"),
                            ("D01", "D9.AS2", "MPH"), ("D01", "D9.AS2", "Pegawai")]


@pytest.mark.parametrize("value,rule", [("", "D07"), ("19750312", "D01")])
def test_unusable_head_nip_silences_k02_k08_a10(tmp_path, engine, value, rule):
    """NIP JPT Pratama empty (D07) or invalid (D01): the SK signer (K02), the Pengarah (K08)
    and every Pengarah's ownership (A10, A15) cannot be compared with it."""
    fs = findings(tmp_path, [{"sheet": "Unit", "set_all": {"NIP JPT Pratama": value}}], engine)
    assert [(f.rule, f.sheet, f.row) for f in fs] == [(rule, "Unit", 2)]


def test_unusable_madya_nip_silences_k08_a10_not_k02(tmp_path, engine):
    """NIP JPT Madya empty: K08 and A10 are silent; K02 compares the signer with the Pratama
    NIP only, so an SK signed by someone else is still K02."""
    fs = findings(tmp_path, [{"sheet": "Unit", "set_all": {"NIP JPT Madya": ""}},
                             {"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"},
                              "set": {"NIP Penetap SK": RINA}}], engine)
    assert [(f.rule, f.pokja) for f in fs] == [("D07", None), ("K02", "SUB-1")]


def test_u07_silences_m04_for_its_target(tmp_path, engine):
    """PK-03 has MPH entries but no Pokja and no Surat Tugas: U07 for the target, no M04 for
    each person's entry."""
    fs = findings(tmp_path, [
        {"sheet": "PK", "append": {"Kode Target": "PK-03", "Sasaran": "Terwujudnya layanan contoh",
                                   "Indikator Kinerja": "Indeks layanan contoh", "Target": "3", "Satuan": "indeks"}},
        {"sheet": "MPH", "append": {"NIP": AGUS, "Nama": "Agus Prasetyo, S.T.", "Kode Target": "PK-03",
                                    "Peran Hasil": "Menyusun indeks layanan"}},
        {"sheet": "MPH", "append": {"NIP": DEWI, "Nama": "Dewi Lestari, S.Si., M.E.", "Kode Target": "PK-03",
                                    "Peran Hasil": "Mengumpulkan data layanan"}},
    ], engine)
    assert [(f.rule, f.target) for f in fs] == [("U07", "PK-03")]


def test_missing_pegawai_gives_no_a08_to_a_tenaga_pendukung_matched_by_name(tmp_path, engine):
    """Without Pegawai (D05), Andi (Tenaga Pendukung, ID Pegawai PPNPN-01) is matched between
    MPH and Anggota Pokja by his ID and name: he has an MPH entry, so no A08."""
    fs = findings(tmp_path, [{"drop_sheet": "Pegawai"}], engine)
    assert [f.rule for f in fs if f.rule == "A08"] == []
    assert [(f.rule, f.sheet) for f in fs if f.rule == "D05"] == [("D05", "Pegawai")]


# ------------------------------------------------------------------ version 3 clauses

HEAD, PLT, YOGA = "197503122000031001", "197812202005011002", "199305172020121004"
FAJAR = {"NIP": "199806062024031001", "Nama": "Fajar Nugraha, S.E."}      # on no Pegawai sheet


def test_k12_silences_k07(tmp_path, engine):
    """A Pokja without members (K12) has no Ketua either: K12 only, no K07."""
    fs = findings(tmp_path, [{"sheet": "Anggota Pokja", "where": {"Kode Pokja": "DUK-1", "Kedudukan": k},
                              "delete": True} for k in ("Ketua", "Anggota")], engine)
    assert [(f.rule, f.pokja) for f in fs if f.rule.startswith("K")] == [("K12", "DUK-1")]


@pytest.mark.parametrize("jenis,rule,column", [("", "D07", "C"), ("-", "D07", "C"), ("Subtansi", "D03", "C"),
                                               ("Teknis", "D03", "C")])
def test_an_empty_or_unreadable_jenis_pokja_silences_u02_and_u03(tmp_path, engine, jenis, rule, column):
    """rules.md v3: U02 and U03 do not run for a unit with a Pokja whose Jenis Pokja is empty (a
    placeholder is empty) or unreadable; `Teknis` alone stays D03."""
    which = "SUB-1" if jenis in ("", "Subtansi") else "DUK-1"
    fs = findings(tmp_path, [{"sheet": "Pokja", "where": {"Kode Pokja": which}, "set": {"Jenis Pokja": jenis}}],
                  engine)
    assert [(f.rule, f.pokja, f.sheet, f.column, f.found) for f in fs] == [
        (rule, which, "Pokja", column, f"Jenis Pokja: \u201c{jenis}\u201d" if jenis else None)]


def test_an_unidentified_member_is_a09_only(tmp_path, engine):
    """rules.md v3: a member the product cannot identify (A09) has no known unit: A08 (no MPH
    entry), A18 (the same Uraian Tugas as Agus, another output) and A19 (the same output in
    two Pokja) do not run on him; A18 still runs on Agus, who is identified."""
    member = {**FAJAR, "Kedudukan": "Anggota", "Cara Penugasan": "Penunjukan",
              "Uraian Tugas": "Menyusun kajian data pendukung", "Output": "Basis data kajian"}
    fs = findings(tmp_path, [{"sheet": "Anggota Pokja", "append": {"Kode Pokja": "SUB-1", **member}},
                             {"sheet": "Anggota Pokja", "append": {"Kode Pokja": "DUK-1", **member,
                                                                   "Uraian Tugas": "Mengolah data"}}], engine)
    assert [(f.rule, f.pokja, f.name) for f in fs] == [
        ("A09", "SUB-1", "Fajar Nugraha, S.E."), ("A09", "DUK-1", "Fajar Nugraha, S.E."),
        ("A18", "SUB-1", "Agus Prasetyo, S.T.")]


def test_an_outsider_without_jenis_jabatan_is_a09_only_not_a20_a21(tmp_path, engine):
    """Andi (a Tenaga Pendukung of this unit's Pegawai, inactive) written as coming from D9.AS2
    without Jenis Jabatan: A09 only; A20 (Tenaga Pendukung from elsewhere) and A21 (inactive) do
    not run on someone the product cannot identify."""
    fs = findings(tmp_path, [
        {"sheet": "Pegawai", "where": {"ID Pegawai": "PPNPN-01"},
         "set": {"Kedudukan Hukum": "Diberhentikan sementara"}},
        {"sheet": "Anggota Pokja", "where": {"ID Pegawai": "PPNPN-01"},
         "set": {"Kode Unit Asal": "D9.AS2", "Nomor Persetujuan Pimpinan": "ND-01/D.9.2/01/2025"}},
    ], engine)
    assert [(f.rule, f.pokja, f.name) for f in fs] == [("A09", "DUK-1", "Andi Saputra")]


@pytest.mark.parametrize("role", ["", "-"])
def test_a_blank_peran_hasil_is_m02_only_and_counts_as_an_entry(tmp_path, engine, role):
    """rules.md v3: a long-layout MPH row with a person and a target but a blank Peran Hasil (M02)
    still counts as that person's MPH entry: no A08 (Dewi in SUB-1 on PK-01), no U05, no M08."""
    fs = findings(tmp_path, [{"sheet": "MPH", "where": {"NIP": DEWI}, "set": {"Peran Hasil": role}}], engine)
    assert [(f.rule, f.name, f.sheet, f.row, f.found) for f in fs] == [
        ("M02", "Dewi Lestari, S.Si., M.E.", "MPH", 5, "Peran Hasil: \u201c-\u201d" if role else None)]


def test_a_code_two_workbooks_share_is_not_compared_by_x02(tmp_path, engine):
    """rules.md v3: X02 does not compare a Kode Unit two workbooks carry (X05): Agus, on the
    Pegawai of a workbook coded D9.AS2 that two files carry, written as coming from D9.AS3."""
    a = build([{"sheet": "Pegawai", "where": {"NIP": AGUS}, "delete": True},
               {"sheet": "MPH", "where": {"NIP": AGUS}, "delete": True},
               {"sheet": "Surat Tugas", "where": {"NIP": AGUS}, "delete": True},
               {"sheet": "Anggota Pokja", "where": {"NIP": AGUS},
                "set": {"Kode Unit Asal": "D9.AS3", "Jenis Jabatan": "Fungsional",
                        "Nomor Persetujuan Pimpinan": "ND-02/D.9.3/01/2025"}}], tmp_path / "a.xlsx")
    b = build([{"sheet": "Pegawai", "append": {"NIP": AGUS, "Nama": "Agus Prasetyo, S.T.",
                                               "Jenis Jabatan": "Fungsional"}},
               {"sheet": "MPH", "append": {"NIP": AGUS, "Nama": "Agus Prasetyo, S.T.", "Kode Target": "PK-01",
                                           "Peran Hasil": "Menyusun data"}}], tmp_path / "b.xlsx", "_example_base_2")
    c = build([], tmp_path / "c.xlsx", "_example_base_2")
    together = run.check([str(a), str(b)], engine=engine).findings
    assert [(f.rule, f.unit, f.name) for f in together if f.rule == "X02"] == [("X02", "D9.AS1", "Agus Prasetyo, S.T.")]
    shared = run.check([str(a), str(b), str(c)], engine=engine).findings
    assert [f.rule for f in shared if f.rule == "X02"] == []
    assert [(f.rule, f.file.rsplit("/", 1)[-1]) for f in shared if f.rule == "X05"] == [("X05", "c.xlsx")]


def test_a_vacant_head_with_a_plt_gives_no_d07_and_is_compared_through_the_plt(tmp_path, engine):
    """rules.md v3: NIP JPT Pratama empty and NIP Plt JPT Pratama given: no D07 for the head's
    fields; K02 and K08 compare with the Plt (the former head signs SUB-1 and stays Pengarah:
    K02 for SUB-1, K08 for the Plt in both Pokja; A15 for the former head, a JPT of no role
    here); nothing for DUK-1's SK, which the Plt signed."""
    fs = findings(tmp_path, [{"sheet": "Unit", "set_all": {"NIP JPT Pratama": "", "Nama JPT Pratama": "",
                                                           "NIP Plt JPT Pratama": PLT}},
                             {"sheet": "Pokja", "where": {"Kode Pokja": "DUK-1"}, "set": {"NIP Penetap SK": PLT}}],
                  engine)
    assert sorted((f.rule, f.pokja, f.nip) for f in fs) == [
        ("A15", "DUK-1", HEAD), ("A15", "SUB-1", HEAD), ("K02", "SUB-1", None), ("K08", "DUK-1", PLT),
        ("K08", "SUB-1", PLT)]


def test_a_vacant_head_without_a_plt_is_d07_and_silences_the_comparisons(tmp_path, engine):
    fs = findings(tmp_path, [{"sheet": "Unit", "set_all": {"NIP JPT Pratama": "", "Nama JPT Pratama": ""}}], engine)
    assert [(f.rule, f.sheet, f.row) for f in fs] == [("D07", "Unit", 2)]
    assert "NIP JPT Pratama, Nama JPT Pratama" in fs[0].message


def test_surat_tugas_holder_identified_as_on_other_sheets(tmp_path, engine):
    """rules.md v3: a Surat Tugas holder without NIP is found by ID Pegawai or name: a Tenaga
    Pendukung found so needs no NIP (no D07, no M05); a holder found by nobody is D07 on NIP."""
    sheets = {"header": ["Nomor Surat Tugas", "Tanggal", "NIP", "ID Pegawai", "Nama", "Kode Target"],
              "rows": [["ST-07", "2025-02-03", AGUS, "", "", "PK-02"],
                       ["ST-08", "2025-02-04", "", "", "Andi Saputra", "PK-02"],
                       ["ST-09", "2025-02-05", "", "", "Budi Santoso", "PK-02"]]}
    fs = findings(tmp_path, [{"sheet": "Surat Tugas", "replace": sheets}], engine)
    assert [(f.rule, f.sheet, f.row, f.column) for f in fs] == [("D07", "Surat Tugas", 4, "C")]


def test_an_end_before_the_start_is_d08_and_silences_k06_and_k14(tmp_path, engine):
    fs = findings(tmp_path, [{"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"},
                              "set": {"Tanggal Mulai": "2026-03-01", "Tanggal Selesai": "2023-02-01"}}], engine)
    assert [(f.rule, f.pokja, f.column, f.severity) for f in fs] == [("D08", "SUB-1", "K", "error")]


@pytest.mark.parametrize("start,end,rule", [("", "2024-12-31", "K06"), ("2026-01-02", "", "K06"),
                                            ("2024-12-01", "", "K14"), ("", "2026-01-31", "K14"),
                                            ("", "2025-06-30", None)])
def test_a_single_readable_date_by_its_side_of_the_year(tmp_path, engine, start, end, rule):
    """rules.md v3: a single readable date on the far side of the year (a start after it, an
    end before it) is K06; on the near side K14; inside the year nothing."""
    fs = findings(tmp_path, [{"sheet": "Pokja", "where": {"Kode Pokja": "DUK-1"},
                              "set": {"Tanggal Mulai": start, "Tanggal Selesai": end}}], engine)
    assert [(f.rule, f.pokja) for f in fs] == ([(rule, "DUK-1")] if rule else [])


def test_a_roster_unit_that_sent_nothing_is_x06_and_nothing_else(tmp_path, engine):
    """rules.md v3: X06 replaces U01's roster trigger: the roster unit gets X06 only, and its
    status is Belum Menyampaikan; no U01, no rule on sheets it never sent."""
    unit = build([], tmp_path / "unit.xlsx")
    roster = {"Data": {"header": ["NIP_BARU", "NAMA", "JENIS_JABATAN_NAMA", "JABATAN_NAMA", "KODE_UNIT"], "rows": [
        [HEAD, "BAMBANG SUTRISNO", "Jabatan Struktural", "Asisten Deputi Contoh Kebijakan", "D9.AS1"],
        *[[nip, name, "Jabatan Fungsional Tertentu", "Analis", "D9.AS1"]
          for nip, name in ((RINA, "RINA"), (AGUS, "AGUS"), (DEWI, "DEWI"), (YOGA, "YOGA"))],
        ["197808172003121002", "HENDRA GUNAWAN", "JPT Pratama", "Asisten Deputi Contoh Tata Kelola", "D9.AS2"]]}}
    from rule_examples import write_workbook
    (tmp_path / "r").mkdir()
    path = write_workbook(roster, tmp_path / "r" / "roster.xlsx")
    result = run.check([str(unit)], engine=engine, roster=str(path))
    assert [(f.rule, f.unit, f.sheet, f.row, f.column) for f in result.findings] == [("X06", "D9.AS2", "Data", 7, "E")]
    assert (result.compliance("D9.AS1"), result.compliance("D9.AS2")) == ("patuh", "belum_menyampaikan")


def test_a_placeholder_in_a_required_cell_is_d07_showing_the_placeholder(tmp_path, engine):
    """input-format.md v3: a placeholder is an empty value, never a D01, D03 or D04; the finding
    shows it as the value found."""
    fs = findings(tmp_path, [{"sheet": "Pegawai", "where": {"NIP": DEWI}, "set": {"NIP": "-", "Jenis Jabatan": "n/a"}}],
                  engine)
    assert [(f.rule, f.sheet, f.row, f.column, f.found) for f in fs] == [
        ("D07", "Pegawai", 5, "A", "NIP: \u201c-\u201d"), ("D07", "Pegawai", 5, "D", "Jenis Jabatan: \u201cn/a\u201d")]
