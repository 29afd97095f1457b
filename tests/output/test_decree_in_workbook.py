"""Issue 21, decree-format.md §6.2 in the findings workbook: S findings are ordinary Temuan rows
(Berkas the draft, linked to its annotated copy; Sheet, Baris, Kolom the workbook cell of a
consistency finding with its link, empty for document rules; `Lokasi di SK` and `Nilai di
Workbook` after Kolom; Nilai Ditemukan the draft's text); Berkas lists every draft with its
pairing and status; Aturan lists the S rules; Ringkasan counts S findings with their unit and
says the unit was checked with its draft; the hand-out holds the unit's S findings. A run
without drafts keeps its former columns."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sk_run import check_run

from checker.output.findings_workbook import write_workbook
from checker.output.per_unit import write_per_unit

SK = "sk-d9-as1.docx"
PROBLEMS = {"person": {"Agus Prasetyo, S.T.": {"uraian_tugas": ["Mengelola perjalanan dinas pegawai"]}},
            "set": {"number": ""}}


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sk62")
    result = check_run(tmp, drafts={SK: PROBLEMS})
    draft = next(i for i in result.inputs if i.kind == "sk")
    (tmp / "out").mkdir()
    copy = tmp / "in" / "sk-d9-as1.diperiksa.docx"
    path = write_workbook(result, tmp / "out" / "temuan.xlsx", annotated={draft.file: str(copy)})
    return tmp, result, openpyxl.load_workbook(path)


def _rows(ws):
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    return rows[0], rows[1:]


def test_s_findings_are_ordinary_temuan_rows(book):
    tmp, _, wb = book
    ws = wb["Temuan"]
    head, rows = _rows(ws)
    assert head[12:20] == ["Berkas", "Sheet", "Baris", "Kolom", "Lokasi di SK", "Nilai di Workbook",
                           "Nilai Ditemukan", "Saran Perbaikan"]
    by_rule = {r[3]: (i, r) for i, r in enumerate(rows, start=2)}
    i, s22 = by_rule["S22"]
    assert s22[12:19] == [str(tmp / "in" / SK), "Anggota Pokja", 5, "K", "Lampiran tabel 1 baris 5 kolom Uraian Tugas",
                          "Menyusun kajian data pendukung", "Mengelola perjalanan dinas pegawai"]
    link = ws.cell(i, 15).hyperlink                        # Baris: the workbook's cell
    assert link.target.replace("\\", "/") == "../in/unit.xlsx" and link.location == "'Anggota Pokja'!K5"
    copy = ws.cell(i, 13).hyperlink                        # Berkas: the draft's annotated copy
    assert copy.target.replace("\\", "/") == "../in/sk-d9-as1.diperiksa.docx"
    i, s11 = by_rule["S11"]                                # a document rule: no workbook cell
    assert s11[12:18] == [str(tmp / "in" / SK), None, None, None, "Nomor", None]
    assert ws.cell(i, 15).hyperlink is None
    assert head[20:26] == ["Tanggapan", "Alasan", "Disetujui oleh", "Berlaku sampai", "Status Pengecualian",
                           "Sidik jari"]
    assert all(r[25] for r in rows)


def test_berkas_lists_every_draft_with_its_pairing_and_status(book):
    tmp, _, wb = book
    head, rows = _rows(wb["Berkas"])
    assert head == ["Berkas", "SHA-256", "Kode Unit", "Status", "Jenis", "Dipasangkan dengan", "Pemasangan"]
    assert [[r[0], r[2], r[3], r[4], r[5], r[6]] for r in rows] == [
        [str(tmp / "in" / "unit.xlsx"), "D9.AS1", "diperiksa", "workbook unit", None, None],
        [str(tmp / "in" / SK), "D9.AS1", "diperiksa", "rancangan SK", str(tmp / "in" / "unit.xlsx"),
         "menurut judul"]]


def test_aturan_lists_the_s_rules(book):
    _, rows = _rows(book[2]["Aturan"])
    ids = [r[0] for r in rows]
    assert [f"S{n:02d}" for n in range(1, 25)] == [i for i in ids if i.startswith("S")]


def test_ringkasan_counts_s_findings_with_their_unit(book):
    tmp, _, wb = book
    rows = [list(r) for r in wb["Ringkasan"].iter_rows(values_only=True)]
    head = next(i for i, r in enumerate(rows) if r[:2] == ["Kode Unit", "Nama Unit"])
    unit = rows[head + 1]
    assert unit[:11] == ["D9.AS1", "Asisten Deputi Contoh Kebijakan", "Deputi Bidang Koordinasi Contoh", 1, 1, 0, 0,
                         0, "Tidak Patuh (menurut workbook dan rancangan SK)", "S11",
                         f"{tmp / 'in' / 'unit.xlsx'}\nrancangan SK: {tmp / 'in' / SK}"]
    per_rule = {r[0]: r[3:9] for r in rows[head + 2:] if r[0] in ("S11", "S22")}
    assert per_rule == {"S11": [1, 0, 0, 0, 0, 1], "S22": [0, 1, 0, 0, 0, 1]}
    printed = [r[0] for r in wb["Cetak"].iter_rows(values_only=True)]
    assert ("D9.AS1 Asisten Deputi Contoh Kebijakan \u2014 Status menurut workbook dan rancangan SK: Tidak Patuh "
            f"\u2014 berkas {tmp / 'in' / 'unit.xlsx'}") in printed
    assert f"Rancangan SK {tmp / 'in' / SK}" in printed


def test_the_hand_out_holds_the_units_s_findings(book, tmp_path):
    _, result, _ = book
    [path] = write_per_unit(result, tmp_path / "unit")
    assert Path(path).name == "D9.AS1.xlsx"
    head, rows = _rows(openpyxl.load_workbook(path)["Temuan"])
    assert sorted(r[3] for r in rows) == ["S11", "S22"]
    assert all(c.hyperlink is None for row in openpyxl.load_workbook(path)["Temuan"].iter_rows() for c in row)


def test_english_column_names(tmp_path):
    result = check_run(tmp_path, drafts={SK: PROBLEMS}, lang="en")
    wb = openpyxl.load_workbook(write_workbook(result, tmp_path / "en.xlsx"))
    head = [c.value for c in wb["Findings"][1]]
    assert head[16:18] == ["Location in decree", "Workbook value"]
    assert [c.value for c in wb["Files"][1]][4:] == ["Kind", "Paired with", "Pairing"]


def test_a_run_without_drafts_keeps_its_columns(tmp_path):
    result = check_run(tmp_path, drafts={}, workbooks={"unit.xlsx": [
        {"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"}, "set": {"Tugas Pokja": ""}}]})
    wb = openpyxl.load_workbook(write_workbook(result, tmp_path / "t.xlsx"))
    head = [c.value for c in wb["Temuan"][1]]
    assert head[15:18] == ["Kolom", "Nilai Ditemukan", "Saran Perbaikan"] and len(head) == 26
    assert [c.value for c in wb["Berkas"][1]] == ["Berkas", "SHA-256", "Kode Unit", "Status"]
