"""The self-check loop through the command line: template, --annotate, --compare, --waivers."""
from __future__ import annotations

import json
import os

import openpyxl
from cli_run import invoke
from rule_examples import build

NO_TUGAS = [{"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"}, "set": {"Tugas Pokja": ""}}]


def test_template_command_writes_and_refuses_to_overwrite(tmp_path):
    out = tmp_path / "pokja-unit.xlsx"
    r = invoke("template", "-o", str(out), "--unit-code", "D1.AS1", "--tahun", "2025")
    assert r.exit_code == 0 and f"Templat ditulis ke: {out}" in r.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "Petunjuk"
    r = invoke("template", "-o", str(out))
    assert r.exit_code == 2
    assert invoke("template", "-o", str(out), "--force").exit_code == 0


def test_annotate_writes_a_copy_beside_the_draft_and_refuses_it_back(tmp_path):
    units, out = tmp_path / "units", tmp_path / "out"
    units.mkdir(), out.mkdir()
    draft = build(NO_TUGAS, units / "draft.xlsx")
    before = (draft.read_bytes(), os.stat(draft).st_mtime_ns)
    r = invoke("check", str(draft), "--annotate", "-o", str(out / "temuan.xlsx"))
    copy = units / "draft.diperiksa.xlsx"
    assert r.exit_code == 1 and f"Salinan beranotasi: {copy}" in r.output
    assert (draft.read_bytes(), os.stat(draft).st_mtime_ns) == before
    cell = openpyxl.load_workbook(copy)["Pokja"]["E2"]
    assert cell.comment is not None and "K04" in cell.comment.text
    r = invoke("check", str(copy), "-o", str(out / "t2.xlsx"), "--json", "-", "-q")
    assert r.exit_code == 2
    f = json.loads(r.output)["findings"]
    assert [(x["rule"], x["file"]) for x in f] == [("D05", str(copy))]
    assert "salinan beranotasi" in f[0]["message"]
    # A folder walk skips annotated copies silently.
    r = invoke("check", str(units), "-o", str(out / "t3.xlsx"), "--json", "-", "-q")
    assert [i["file"] for i in json.loads(r.output)["inputs"]] == [str(draft)]


def test_compare_through_the_cli(tmp_path):
    v1 = build(NO_TUGAS, tmp_path / "v1.xlsx")
    invoke("check", str(v1), "-o", str(tmp_path / "t1.xlsx"), "--json", str(tmp_path / "t1.json"), "-q")
    v2 = build([{"sheet": "Pokja", "where": {"Kode Pokja": "DUK-1"}, "set": {"Tugas Pokja": ""}}], tmp_path / "v2.xlsx")
    r = invoke("check", str(v2), "-o", str(tmp_path / "t2.xlsx"), "--compare", str(tmp_path / "t1.json"))
    assert "1 baru, 0 tetap, 1 selesai" in r.output


def _waive(findings_xlsx, until, response="Dikecualikan"):
    wb = openpyxl.load_workbook(findings_xlsx)
    ws = wb["Temuan"]
    header = [c.value for c in ws[1]]
    for label, value in (("Tanggapan", response), ("Alasan", "SK perubahan sedang diproses"),
                         ("Disetujui oleh", "Kepala Biro HO"),
                         ("Berlaku sampai", until)):
        ws.cell(row=2, column=header.index(label) + 1, value=value)
    wb.save(findings_xlsx)


def test_waivers_through_the_cli(tmp_path):
    import datetime as dt
    draft = build(NO_TUGAS, tmp_path / "draft.xlsx")
    first = tmp_path / "temuan-1.xlsx"
    assert invoke("check", str(draft), "-o", str(first), "-q").exit_code == 1
    _waive(first, dt.datetime(2099, 12, 31))
    r = invoke("check", str(draft), "-o", str(tmp_path / "temuan-2.xlsx"), "--waivers", str(first))
    assert r.exit_code == 0, r.output                        # the only error is waived
    assert "Pengecualian: 1 berlaku (tidak dihitung), 0 kedaluwarsa" in r.output
    ws = openpyxl.load_workbook(tmp_path / "temuan-2.xlsx")["Temuan"]
    header = [c.value for c in ws[1]]
    assert ws.cell(row=2, column=header.index("Status Pengecualian") + 1).value == "Dikecualikan s.d. 2099-12-31"
    _waive(first, dt.datetime(2020, 1, 1))
    r = invoke("check", str(draft), "-o", str(tmp_path / "temuan-3.xlsx"), "--waivers", str(first))
    assert r.exit_code == 1 and "0 berlaku (tidak dihitung), 1 kedaluwarsa" in r.output
    # a promise to fix is not a waiver, however complete the row is (issue 12, point 12)
    _waive(first, dt.datetime(2099, 12, 31), response="Akan diperbaiki minggu depan")
    r = invoke("check", str(draft), "-o", str(tmp_path / "temuan-4.xlsx"), "--waivers", str(first))
    assert r.exit_code == 1 and "Pengecualian: 0 berlaku" in r.output
    ws = openpyxl.load_workbook(tmp_path / "temuan-4.xlsx")["Temuan"]
    header = [c.value for c in ws[1]]
    assert ws.cell(row=2, column=header.index("Status Pengecualian") + 1).value.startswith("Bukan pengecualian")


def test_compare_writes_the_perubahan_sheet(tmp_path):
    v1 = build(NO_TUGAS, tmp_path / "v1.xlsx")
    invoke("check", str(v1), "-o", str(tmp_path / "t1.xlsx"), "--json", str(tmp_path / "t1.json"), "-q")
    invoke("check", str(v1), "-o", str(tmp_path / "t2.xlsx"), "--compare", str(tmp_path / "t1.json"), "-q")
    ws = openpyxl.load_workbook(tmp_path / "t2.xlsx")["Perubahan"]
    rows = list(ws.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == "Tetap"


def test_a_folder_walk_skips_our_own_outputs(tmp_path):
    draft = build(NO_TUGAS, tmp_path / "draft.xlsx")
    invoke("check", str(draft), "--annotate", "-o", str(tmp_path / "temuan.xlsx"), "-q")
    r = invoke("check", str(tmp_path), "-o", str(tmp_path / "temuan-2.xlsx"), "--json", "-", "-q")
    doc = json.loads(r.output)
    assert [i["file"] for i in doc["inputs"]] == [str(draft)]
    assert [f["rule"] for f in doc["findings"]] == ["K04"]
