"""Lawful arrangements (issue 19, rules.md v3): each one, built from the compliant example unit
(rules/_example_base.yaml), gives no finding above info, or exactly the warning rules.md v3
gives it; and never the status Tidak Patuh. On both engines.

The principle: a finding about the law only on facts the checker is sure of; an
identification or transcription problem is a data finding, never a breach; a lawful
arrangement gives no finding above info."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from engines_under_test import ENGINES
from rule_examples import BASE_UNIT, apply_edits, load_base, write_workbook

from checker.pipeline import run

pytestmark = pytest.mark.parametrize("engine", ENGINES)

HEAD, MADYA, PLT = "197503122000031001", "196801051992031002", "197812202005011002"
RINA, AGUS, DEWI, YOGA = "198602142010122001", "199107232019031003", "198811052014022002", "199305172020121004"
SIKU = "199001152014031002"                     # a Fungsional of unit D9.AS2, on no Pegawai sheet here
SUB1, DUK1 = {"Kode Pokja": "SUB-1"}, {"Kode Pokja": "DUK-1"}


def add_column(sheets: dict, sheet: str, column: str, values=None) -> dict:
    """A column appended to a sheet of the example base, `values` by row index (default empty)."""
    s = sheets[sheet]
    s["header"].append(column)
    for i, row in enumerate(s["rows"]):
        row.append((values or {}).get(i, ""))
    return sheets


def check(tmp_path, engine, edits=(), stage="penetapan", sheets=None, others=(), roster=None):
    """The findings of the example unit edited by `edits` (or the given `sheets`), with further
    workbooks `others` ((file name, sheets), ...) and a master roster (sheets) when given."""
    paths = [str(write_workbook(sheets if sheets is not None else apply_edits(load_base(), list(edits)),
                                tmp_path / "unit.xlsx"))]
    paths += [str(write_workbook(s, tmp_path / name)) for name, s in others]
    roster_path = None
    if roster is not None:
        (tmp_path / "roster").mkdir()
        roster_path = str(write_workbook(roster, tmp_path / "roster" / "pegawai-induk.xlsx"))
    return run.check(paths, stage=stage, engine=engine, roster=roster_path)


def above_info(result) -> list[tuple]:
    return [(f.rule, f.severity, f.unit, f.pokja, f.nip or f.name, f.sheet, f.row, f.column)
            for f in result.findings if f.severity != "info"]


def assert_lawful(result, *expected, unit=BASE_UNIT):
    """No finding above info but `expected`; the unit is not Tidak Patuh."""
    assert above_info(result) == list(expected)
    assert result.compliance(unit) != "tidak_patuh"


# ------------------------------------------------------------------------- the review's arrangements

def test_support_pokja_written_dukungan_teknis(tmp_path, engine):
    result = check(tmp_path, engine, [{"sheet": "Pokja", "where": DUK1, "set": {"Jenis Pokja": "Dukungan Teknis"}}])
    assert_lawful(result)
    assert result.compliance(BASE_UNIT) == "patuh"


def test_substantive_pokja_mistyped_subtansi_is_d03_only(tmp_path, engine):
    result = check(tmp_path, engine, [{"sheet": "Pokja", "where": SUB1, "set": {"Jenis Pokja": "Subtansi"}}])
    assert_lawful(result, ("D03", "error", BASE_UNIT, "SUB-1", None, "Pokja", 2, "C"))
    assert result.compliance(BASE_UNIT) == "perlu_perbaikan_data"


def test_surat_tugas_to_a_fungsional_of_another_unit_is_m05_warning_only(tmp_path, engine):
    result = check(tmp_path, engine, [{"sheet": "Surat Tugas", "append": {
        "Nomor Surat Tugas": "ST-09/D.9.1/03/2025", "Tanggal": "2025-03-03", "NIP": SIKU, "Kode Target": "PK-01",
        "Uraian Tugas": "Menyusun analisis data fiskal", "Output": "Analisis data fiskal"}}])
    assert_lawful(result, ("M05", "warning", BASE_UNIT, None, SIKU, "Surat Tugas", 3, "C"))
    assert result.compliance(BASE_UNIT) == "patuh"


def test_employee_lent_wholly_to_another_unit_kept_on_the_mph_without_a_role_is_m08_info_only(tmp_path, engine):
    result = check(tmp_path, engine, [
        {"sheet": "MPH", "where": {"NIP": DEWI}, "set": {"Kode Target": "", "Peran Hasil": ""}},
        {"sheet": "Anggota Pokja", "where": {"NIP": DEWI}, "delete": True},
    ])
    assert_lawful(result)
    assert [(f.rule, f.severity, f.nip, f.sheet, f.row) for f in result.findings] == [
        ("M08", "info", DEWI, "Pegawai", 5)]


@pytest.mark.parametrize("madya,pratama", [
    ("Ir. Sri Rahayu, M.P.P.", "Dr. Bambang Sutrisno, S.E., M.Si."),                  # by name, titles kept
    ("SRI RAHAYU", "BAMBANG SUTRISNO"),                                                # by name as SIASN writes it
    ("Deputi Bidang Koordinasi Contoh", "Asisten Deputi Contoh Kebijakan"),            # by position
    ("Deputi Bidang Koordinasi Contoh selaku Pengarah", "Plt. Asisten Deputi Contoh Kebijakan"),
])
def test_pengarah_by_name_or_position_without_nip(tmp_path, engine, madya, pratama):
    result = check(tmp_path, engine, [
        {"sheet": "Anggota Pokja", "where": {"NIP": MADYA}, "set": {"NIP": "", "Nama": madya}},
        {"sheet": "Anggota Pokja", "where": {"NIP": HEAD}, "set": {"NIP": "", "Nama": pratama}},
    ])
    assert_lawful(result)
    assert result.compliance(BASE_UNIT) == "patuh"


def test_pengarah_by_position_in_nama_jabatan_without_nip(tmp_path, engine):
    sheets = apply_edits(load_base(), [
        {"sheet": "Anggota Pokja", "where": {"NIP": MADYA}, "set": {"NIP": "", "Nama": ""}},
        {"sheet": "Anggota Pokja", "where": {"NIP": HEAD}, "set": {"NIP": "", "Nama": ""}},
    ])
    rows = sheets["Anggota Pokja"]["rows"]
    jabatan = {i: ("Deputi Bidang Koordinasi Contoh" if r[5] == "JPT Madya" else "Asisten Deputi Contoh Kebijakan")
               for i, r in enumerate(rows) if r[4] == "Pengarah"}
    result = check(tmp_path, engine, sheets=add_column(sheets, "Anggota Pokja", "Nama Jabatan", jabatan))
    assert_lawful(result)


def test_mph_column_for_a_task_outside_the_pk_is_m01_warning_only(tmp_path, engine):
    result = check(tmp_path, engine, [{"sheet": "MPH", "append": {
        "NIP": AGUS, "Nama": "Agus Prasetyo, S.T.", "Kode Target": "TL-01", "Peran Hasil": "Menyusun bahan rapat"}}])
    assert_lawful(result, ("M01", "warning", BASE_UNIT, None, AGUS, "MPH", 8, "D"))


def test_surat_tugas_for_a_task_outside_the_pk_without_kode_target(tmp_path, engine):
    result = check(tmp_path, engine, [{"sheet": "Surat Tugas", "append": {
        "Nomor Surat Tugas": "ST-10/D.9.1/03/2025", "Tanggal": "2025-03-03", "NIP": YOGA,
        "Uraian Tugas": "Menyiapkan rapat koordinasi", "Output": "Notula rapat koordinasi"}}])
    assert_lawful(result)
    assert result.findings == []


def _roster(rows):
    return {"Data Pegawai": {"header": ["NIP_BARU", "NAMA", "JENIS_JABATAN_NAMA", "JABATAN_NAMA", "KODE_UNIT",
                                        "UNOR_NAMA"], "rows": rows}}


def _pegawai_of(sheets, code, name):
    return [[r[0], r[2], r[3], r[4], code, name] for r in sheets["Pegawai"]["rows"] if r[0]]


def test_ministry_audit_with_a_roster_unit_that_sent_nothing_is_x06_only(tmp_path, engine):
    """Two compliant units and a roster unit with a head that sent no workbook: X06 for it and
    nothing else; the compliant units stay Patuh; no U01 for the unit that sent nothing."""
    first, second = load_base(), load_base("_example_base_2")
    rows = _pegawai_of(first, "D9.AS1", "Asisten Deputi Contoh Kebijakan") + \
        _pegawai_of(second, "D9.AS2", "Asisten Deputi Contoh Tata Kelola") + [
            ["197701012003121001", "WAHYU HIDAYAT", "Jabatan Struktural", "Asisten Deputi Contoh Fiskal", "D9.AS3",
             "Asisten Deputi Contoh Fiskal"],
            [SIKU, "SIKU RAHARJO", "Jabatan Fungsional Tertentu", "Analis Kebijakan Ahli Muda", "D9.AS3",
             "Asisten Deputi Contoh Fiskal"]]
    result = check(tmp_path, engine, sheets=first, others=[("d9-as2.xlsx", second)], roster=_roster(rows))
    assert [(f.rule, f.severity, f.unit, f.unit_name, f.sheet, f.row, f.column) for f in result.findings] == [
        ("X06", "warning", "D9.AS3", "Asisten Deputi Contoh Fiskal", "Data Pegawai", len(rows), "E")]
    assert [(i.unit, result.status_of(i)) for i in result.inputs] == [
        ("D9.AS1", "patuh"), ("D9.AS2", "patuh"), ("D9.AS3", "belum_menyampaikan")]


def test_new_employee_in_a_pokja_not_yet_on_pegawai_is_a_data_finding(tmp_path, engine):
    result = check(tmp_path, engine, [{"sheet": "Anggota Pokja", "append": {
        "Kode Pokja": "SUB-1", "NIP": "199806062024031001", "Nama": "Fajar Nugraha, S.E.", "Kedudukan": "Anggota",
        "Cara Penugasan": "Penunjukan", "Uraian Tugas": "Mengolah data rekomendasi",
        "Output": "Tabel data rekomendasi"}}])
    assert_lawful(result, ("A09", "error", BASE_UNIT, "SUB-1", "199806062024031001", "Anggota Pokja", 11, "B"))
    assert result.compliance(BASE_UNIT) == "perlu_perbaikan_data"


def test_mph_row_of_someone_who_left_is_a_data_finding(tmp_path, engine):
    result = check(tmp_path, engine, [{"sheet": "MPH", "append": {
        "NIP": "198703032012121001", "Nama": "Rudi Hartono, S.E.", "Kode Target": "PK-01",
        "Peran Hasil": "Menyusun kajian pasar"}}])
    assert_lawful(result, ("M03", "error", BASE_UNIT, None, "198703032012121001", "MPH", 8, "A"))
    assert result.compliance(BASE_UNIT) == "perlu_perbaikan_data"


# ------------------------------------------------------------------------- further lawful arrangements

VACANT = {"sheet": "Unit", "set_all": {"NIP JPT Pratama": "", "Nama JPT Pratama": "", "NIP Plt JPT Pratama": PLT}}


def test_plt_signs_and_directs_while_the_heads_post_is_vacant(tmp_path, engine):
    result = check(tmp_path, engine, [
        VACANT,
        {"sheet": "Pokja", "where": {}, "set": {"NIP Penetap SK": PLT}},
        {"sheet": "Anggota Pokja", "where": {"NIP": HEAD}, "set": {"NIP": PLT, "Nama": "Hadi Kurniawan, S.H., M.H."}},
        {"sheet": "Pegawai", "where": {"NIP": HEAD}, "delete": True},
    ])
    assert_lawful(result)
    assert result.findings == []


def test_plt_written_as_pengarah_by_its_name_on_pegawai(tmp_path, engine):
    """The vacant post's Plt is on Pegawai (as a JPT Pratama of another post): a Pengarah row
    without NIP written with the Plt's name is the Plt."""
    result = check(tmp_path, engine, [
        VACANT,
        {"sheet": "Pokja", "where": {}, "set": {"NIP Penetap SK": PLT}},
        {"sheet": "Pegawai", "where": {"NIP": HEAD}, "set": {"NIP": PLT, "Nama": "Hadi Kurniawan, S.H., M.H."}},
        {"sheet": "Anggota Pokja", "where": {"NIP": HEAD}, "set": {"NIP": "", "Nama": "HADI KURNIAWAN"}},
    ])
    assert_lawful(result)
    assert result.findings == []


def _also_anggota(nip: str, name: str) -> dict:
    return {"sheet": "Anggota Pokja", "append": {
        "Kode Pokja": "SUB-1", "NIP": nip, "Nama": name, "Kedudukan": "Anggota", "Cara Penugasan": "Penunjukan",
        "Uraian Tugas": "Menyusun ringkasan kebijakan", "Output": "Ringkasan kebijakan contoh"}}


@pytest.mark.parametrize("edits", [
    [_also_anggota(RINA, "Rina Wulandari, S.E., M.Ec.")],                                    # the Ketua
    [{"sheet": "Anggota Pokja", "where": {"NIP": RINA}, "set": {"Kedudukan": "Ketua merangkap Anggota"}}],
    [{"sheet": "Anggota Pokja", "where": {"NIP": DEWI}, "set": {"Kedudukan": "Wakil Ketua"}},
     _also_anggota(DEWI, "Dewi Lestari, S.Si., M.E.")],
    [{"sheet": "Anggota Pokja", "where": {"NIP": DEWI}, "set": {"Kedudukan": "Sekretaris"}},
     _also_anggota(DEWI, "Dewi Lestari, S.Si., M.E.")],
], ids=["ketua", "ketua-merangkap-anggota", "wakil-ketua", "sekretaris"])
def test_an_officer_also_listed_as_anggota(tmp_path, engine, edits):
    """Lampiran II.D.4.b: the Ketua may *merangkap* as Anggota and no officer is barred from it."""
    result = check(tmp_path, engine, edits)
    assert result.findings == []


def test_tenaga_pendukung_without_nip_holds_a_surat_tugas_found_by_id_or_name(tmp_path, engine):
    sheets = apply_edits(load_base(), [{"sheet": "Surat Tugas", "replace": {
        "header": ["Nomor Surat Tugas", "Tanggal", "NIP", "ID Pegawai", "Nama", "Kode Target", "Uraian Tugas",
                   "Output"],
        "rows": [["ST-07/D.9.1/02/2025", "2025-02-03", AGUS, "", "Agus Prasetyo, S.T.", "PK-02",
                  "Menyusun bahan paparan kinerja triwulan", "Bahan paparan kinerja triwulan"],
                 ["ST-08/D.9.1/02/2025", "2025-02-04", "", "PPNPN-01", "", "PK-02", "Mengarsipkan surat unit",
                  "Arsip surat unit"],
                 ["ST-09/D.9.1/02/2025", "2025-02-05", "", "", "ANDI SAPUTRA", "PK-02", "Menata ruang arsip",
                  "Ruang arsip tertata"]]}}])
    result = check(tmp_path, engine, sheets=sheets)
    assert_lawful(result)
    assert result.findings == []


def test_surat_tugas_of_late_december_for_next_years_target(tmp_path, engine):
    result = check(tmp_path, engine, [{"sheet": "Surat Tugas", "where": {"NIP": AGUS},
                                       "set": {"Tanggal": "2024-12-27"}}])
    assert result.findings == []


def test_one_person_support_pokja_in_a_small_unit(tmp_path, engine):
    result = check(tmp_path, engine, [{"sheet": "Anggota Pokja", "where": {"ID Pegawai": "PPNPN-01"}, "delete": True}])
    assert_lawful(result)
    assert result.compliance(BASE_UNIT) == "patuh"


def test_period_spilling_over_into_january_is_k14_warning_only(tmp_path, engine):
    result = check(tmp_path, engine, [{"sheet": "Pokja", "where": SUB1, "set": {"Tanggal Selesai": "2026-01-15"}}])
    assert_lawful(result, ("K14", "warning", BASE_UNIT, "SUB-1", None, "Pokja", 2, "A"))


def test_pokja_of_members_from_another_unit_with_approvals_is_k19_warning_only(tmp_path, engine):
    outsider = {"Kode Unit Asal": "D9.AS2", "Cara Penugasan": "Penunjukan", "Jenis Jabatan": "Fungsional",
                "Nomor Persetujuan Pimpinan": "ND-07/D.9.2/01/2025", "Tanggal Persetujuan Pimpinan": "2025-01-10"}
    result = check(tmp_path, engine, [
        {"sheet": "Anggota Pokja", "where": {"Kode Pokja": "DUK-1", "Kedudukan": "Ketua"}, "delete": True},
        {"sheet": "Anggota Pokja", "where": {"Kode Pokja": "DUK-1", "Kedudukan": "Anggota"}, "delete": True},
        {"sheet": "Anggota Pokja", "append": {"Kode Pokja": "DUK-1", "NIP": "198904122015032001",
                                              "Nama": "Siti Nurhaliza, S.E.", "Kedudukan": "Ketua", **outsider,
                                              "Uraian Tugas": "Mengelola administrasi kinerja",
                                              "Output": "Laporan administrasi kinerja"}},
        {"sheet": "Anggota Pokja", "append": {"Kode Pokja": "DUK-1", "NIP": "199203082019031005",
                                              "Nama": "Bayu Nugroho, S.H.", "Kedudukan": "Anggota", **outsider,
                                              "Uraian Tugas": "Menyusun telaah hukum",
                                              "Output": "Telaah hukum dukungan"}},
    ])
    assert_lawful(result, ("K19", "warning", BASE_UNIT, "DUK-1", None, "Pokja", 3, "A"))


def test_mid_year_recommendation_is_a16_info_only(tmp_path, engine):
    result = check(tmp_path, engine, [{"sheet": "Anggota Pokja", "append": {
        "Kode Pokja": "SUB-1", "NIP": "198904122015032001", "Nama": "Siti Nurhaliza, S.E.", "Kedudukan": "Anggota",
        "Jenis Jabatan": "Fungsional", "Kode Unit Asal": "D9.AS2", "Cara Penugasan": "Penunjukan",
        "Nomor Persetujuan Pimpinan": "ND-07/D.9.2/01/2025", "Uraian Tugas": "Menyusun telaah tata kelola",
        "Output": "Telaah tata kelola kebijakan contoh", "Tanggal Rekomendasi Penilaian": "2025-07-01"}}],
        stage="evaluasi")
    assert_lawful(result)
    assert [(f.rule, f.severity, f.name) for f in result.findings] == [("A16", "info", "Siti Nurhaliza, S.E.")]


def test_work_plan_approved_before_the_sk_is_k15_info_only(tmp_path, engine):
    result = check(tmp_path, engine, [{"sheet": "Pokja", "where": SUB1,
                                       "set": {"Tanggal Persetujuan Rencana Kerja": "2025-01-10"}}], stage="evaluasi")
    assert_lawful(result)
    assert [(f.rule, f.severity, f.pokja) for f in result.findings] == [("K15", "info", "SUB-1")]


def test_sk_of_december_the_year_before(tmp_path, engine):
    result = check(tmp_path, engine, [{"sheet": "Pokja", "where": {}, "set": {
        "Tanggal SK": "2024-12-20", "Tanggal Konsultasi Ortala": "2024-12-16"}}], stage="evaluasi")
    assert result.findings == []


def test_own_staff_with_placeholders_as_origin_is_this_unit(tmp_path, engine):
    """`-` as Kode Unit Asal and Instansi Asal means empty: this unit, this instansi (no A06, A09)."""
    result = check(tmp_path, engine, [{"sheet": "Anggota Pokja", "where": {"NIP": AGUS},
                                       "set": {"Kode Unit Asal": "-", "Instansi Asal": "-"}}])
    assert result.findings == []


def test_placeholder_in_an_optional_date_is_no_unreadable_date(tmp_path, engine):
    result = check(tmp_path, engine, [{"sheet": "Pokja", "where": SUB1, "set": {"Tanggal Mulai": "-",
                                                                                "Tanggal Selesai": "..."}}])
    assert result.findings == []


def test_inactive_employee_off_the_mph_and_every_pokja(tmp_path, engine):
    result = check(tmp_path, engine, [
        {"sheet": "Pegawai", "where": {"NIP": DEWI}, "set": {"Kedudukan Hukum": "CLTN"}},
        {"sheet": "MPH", "where": {"NIP": DEWI}, "delete": True},
        {"sheet": "Anggota Pokja", "where": {"NIP": DEWI}, "delete": True},
    ])
    assert result.findings == []


def test_volunteer_from_another_instansi_with_approval_is_a07_info_only(tmp_path, engine):
    result = check(tmp_path, engine, [{"sheet": "Anggota Pokja", "append": {
        "Kode Pokja": "SUB-1", "NIP": "198505052010011002", "Nama": "Yusuf Ramli, S.E.", "Kedudukan": "Anggota",
        "Jenis Jabatan": "Fungsional", "Instansi Asal": "Kementerian Keuangan", "Cara Penugasan": "Sukarela",
        "Nomor Persetujuan Pimpinan": "ND-12/BKF/01/2025", "Uraian Tugas": "Menyusun analisis fiskal",
        "Output": "Analisis fiskal kebijakan contoh"}}])
    assert_lawful(result)
    assert [(f.rule, f.severity) for f in result.findings] == [("A07", "info")]


# ------------------------------------------------------------------------- on the compliant sample

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "d1-as1-moneter.xlsx"


def _sample(tmp_path, edit) -> str:
    wb = openpyxl.load_workbook(SAMPLE)
    edit(wb)
    path = tmp_path / "d1-as1.xlsx"
    wb.save(path)
    return str(path)


def test_sample_employee_lent_wholly_keeps_a_matrix_mph_row_without_a_role(tmp_path, engine):
    """On the sample's matrix MPH: Dimas Aditya Wibowo (PPPK) keeps his row with every target
    cell empty and is in no Pokja of the unit: M08 (a note) only, the unit stays Patuh."""
    dimas = "199303222024211007"

    def edit(wb):
        ws = wb["Anggota Pokja"]
        for r in range(ws.max_row, 1, -1):
            if ws.cell(r, 3).value == dimas:
                ws.delete_rows(r)
        ws = wb["MPH"]
        row = next(r for r in range(7, ws.max_row + 1) if ws.cell(r, 2).value == dimas)
        for c in range(6, 12):
            ws.cell(row, c).value = None

    result = run.check([_sample(tmp_path, edit)], engine=engine)
    assert [(f.rule, f.severity, f.nip, f.sheet, f.row, f.column) for f in result.findings] == [
        ("M08", "info", dimas, "Pegawai", 9, "B")]
    assert result.compliance("D1.AS1") == "patuh"


@pytest.mark.parametrize("keep_name", [True, False], ids=["by-name", "by-nama-jabatan"])
def test_sample_pengarah_rows_without_nip(tmp_path, engine, keep_name):
    """The sample's Pengarah rows as a decree writes them: no NIP, the name (or only the position
    in Nama Jabatan: "Deputi Bidang ...", "Asisten Deputi ..."): no K08, A10 or D07."""
    def edit(wb):
        ws = wb["Anggota Pokja"]
        for r in range(2, ws.max_row + 1):
            if ws.cell(r, 6).value == "Pengarah":
                ws.cell(r, 3).value = None
                if not keep_name:
                    ws.cell(r, 5).value = None

    result = run.check([_sample(tmp_path, edit)], engine=engine)
    assert result.findings == []
