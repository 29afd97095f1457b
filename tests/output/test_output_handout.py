"""What a unit gets back (issue 12, points 9-12): Nilai Ditemukan as typed, Baris a number with
a relative link wherever -o points, one workbook per unit (--per-unit), annotated copies where
asked (--annotate-dir) marking the cell to fix, and waivers through the Tanggapan drop-down."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import openpyxl
import pytest
from cli_run import invoke
from rule_examples import build

from checker.terms import SEVERITY_FILL

ROOT = Path(__file__).resolve().parents[2]
EDITS = [
    {"sheet": "Anggota Pokja", "where": {"Kode Pokja": "SUB-1", "NIP": "198602142010122001"},
     "set": {"Kedudukan": "Anggta"}},                                                           # D03
    {"sheet": "Pokja", "where": {"Kode Pokja": "DUK-1"},
     "set": {"Tanggal Mulai": "2024-02-01", "Tanggal Selesai": "2024-06-30"}},                  # K06
    {"sheet": "Anggota Pokja", "where": {"Kode Pokja": "DUK-1", "ID Pegawai": "PPNPN-01"},
     "set": {"Kedudukan": "Ketua"}},                                                             # K07, A02
]


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """One unit with D03, K06 and K07, checked once: -o in a folder of its own, annotated
    copies into another, the JSON beside the workbook."""
    work = tmp_path_factory.mktemp("handout")
    src = build(EDITS, work / "masuk" / "unit.xlsx")
    out = work / "hasil" / "bulan-ini" / "temuan.xlsx"
    out.parent.mkdir(parents=True)
    r = invoke("check", src, "-o", out, "--json", out.with_suffix(".json"), "--annotate-dir", work / "anotasi",
               "--engine", "pandas")
    assert r.exit_code == 1, r.output
    return work, src, out


def _sheet_rows(path, name):
    ws = openpyxl.load_workbook(path)[name]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    return ws, rows[0], rows[1:]


# ---------------------------------------------------------------------------- 9. Temuan

def test_nilai_ditemukan_is_what_the_user_typed(checked):
    _, _, out = checked
    _, head, rows = _sheet_rows(out, "Temuan")
    found = {r[head.index("Aturan")]: r[head.index("Nilai Ditemukan")] for r in rows}
    assert found["D03"] == "Kedudukan: \u201cAnggta\u201d"
    text = " ".join(str(v) for r in rows for v in r if v is not None)
    for internal in ("is_member", "check: vocab", "status: unknown", "end_before_start"):
        assert internal not in text
    # the internal facts stay in the JSON evidence
    doc = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    d03 = next(f for f in doc["findings"] if f["rule"] == "D03")
    assert d03["evidence"] == {"check": "vocab", "status": "unknown"} and d03["found"] == found["D03"]


def test_baris_is_a_number_linked_relatively_from_another_folder(checked):
    work, src, out = checked
    ws, head, rows = _sheet_rows(out, "Temuan")
    col = head.index("Baris") + 1
    cells = [ws.cell(r, col) for r in range(2, len(rows) + 2)]
    assert all(isinstance(c.value, int) for c in cells)
    assert all(c.hyperlink is not None for c in cells)
    # relative (XlsxWriter writes Windows separators; Excel and LibreOffice take both)
    assert {c.hyperlink.target.replace("\\", "/") for c in cells} == {"../../masuk/unit.xlsx"}
    assert os.path.normpath(out.parent / "../../masuk/unit.xlsx") == os.path.normpath(src)


# ---------------------------------------------------------------------------- 10. --annotate-dir

def test_annotated_copies_go_to_the_annotate_dir(checked):
    work, src, _ = checked
    assert sorted(p.name for p in (work / "anotasi").iterdir()) == ["unit.diperiksa.xlsx"]
    assert sorted(p.name for p in src.parent.iterdir()) == ["unit.xlsx"]          # nothing beside the input


# ---------------------------------------------------------------------------- 11. the cell to fix

def test_annotated_copy_marks_the_cell_to_fix(checked):
    work, _, _ = checked
    wb = openpyxl.load_workbook(work / "anotasi" / "unit.diperiksa.xlsx")
    pokja, members = wb["Pokja"], wb["Anggota Pokja"]
    # K06 (DUK-1's period): Tanggal Mulai J3 and Tanggal Selesai K3, not Kode Pokja A3 alone
    assert pokja["J1"].value == "Tanggal Mulai" and pokja["K1"].value == "Tanggal Selesai"
    assert "[K06]" in pokja["J3"].comment.text and "[K06]" in pokja["K3"].comment.text
    # K07 (two Ketua in DUK-1): its member rows' Kedudukan on Anggota Pokja, the comment saying so
    assert members["E1"].value == "Kedudukan"
    duk_rows = [r for r in range(2, members.max_row + 1) if members.cell(r, 1).value == "DUK-1"]
    assert duk_rows
    for r in duk_rows:
        comment = members.cell(r, 5).comment
        assert comment is not None and "[K07]" in comment.text
        assert "perbaikannya di sini" in comment.text
    assert "perbaiki pada sheet Anggota Pokja" in pokja["A3"].comment.text
    # the marker sheet lists where to fix it
    listed = " ".join(str(c.value) for row in wb["Hasil cek-pokja"].iter_rows() for c in row if c.value)
    assert "Anggota Pokja" in listed


def test_template_header_fills_do_not_look_like_findings(tmp_path):
    from checker.followup import template
    assert template.REQUIRED_FILL.upper() not in {v.upper() for v in SEVERITY_FILL.values()}
    assert template.HEADER_FILL.upper() not in {v.upper() for v in SEVERITY_FILL.values()}


def test_flagged_numeric_nip_column_is_widened(tmp_path):
    from checker.output.annotate import annotate
    from checker.pipeline import run
    src = build([], tmp_path / "u.xlsx")
    wb = openpyxl.load_workbook(src)
    ws = wb["Pegawai"]
    ws["A3"].value = 198602142010122001                 # a NIP typed as a number: digits lost, D01
    ws.column_dimensions["A"].width = 8
    wb.save(src)
    result = run.check([str(src)], engine="pandas")
    flagged = [f for f in result.findings if f.sheet == "Pegawai" and f.row == 3 and f.column == "A"]
    assert flagged, [(f.rule, f.sheet, f.row, f.column) for f in result.findings]
    copy = openpyxl.load_workbook(annotate(src, flagged, out_path=tmp_path / "a.xlsx"))
    assert copy["Pegawai"].column_dimensions["A"].width >= 20              # not ###
    assert copy["Pegawai"]["A3"].number_format == "0"


# ---------------------------------------------------------------------------- 10. --per-unit

def test_per_unit_writes_one_workbook_per_unit(tmp_path):
    shutil.copytree(ROOT / "samples", tmp_path / "samples", ignore=shutil.ignore_patterns("*.py", "*.md"))
    r = invoke("check", tmp_path / "samples", "-o", tmp_path / "semua.xlsx", "--per-unit", tmp_path / "per-unit",
               "--engine", "pandas", "--jobs", "1")
    assert r.exit_code == 1
    names = sorted(p.name for p in (tmp_path / "per-unit").iterdir())
    assert names == ["D1.AS1.xlsx", "D1.AS2.xlsx", "D2.AS1.xlsx", "D2.AS2.xlsx", "D2.AS3.xlsx", "D3.AS1.xlsx",
                     "D3.AS2.xlsx", "SES.BHO.xlsx", "SES.BU.xlsx"]
    assert f"Workbook temuan per unit (9) ditulis ke folder: {tmp_path / 'per-unit'}" in r.output
    _, head, rows = _sheet_rows(tmp_path / "per-unit" / "D1.AS2.xlsx", "Temuan")
    assert rows and {r[head.index("Kode Unit")] for r in rows} == {"D1.AS2"}
    _, _, every = _sheet_rows(tmp_path / "semua.xlsx", "Temuan")
    assert len(rows) == sum(1 for r in every if r[1] == "D1.AS2")
    ringkasan = [list(x) for x in openpyxl.load_workbook(tmp_path / "per-unit" / "D1.AS2.xlsx")["Ringkasan"]
                 .iter_rows(min_row=6, max_row=7, values_only=True)]
    assert ringkasan[0][:2] == ["D1.AS2", "Asisten Deputi Fiskal"] and ringkasan[1][0] is None


# ---------------------------------------------------------------------------- 12. waivers

def test_tanggapan_drop_down(checked):
    _, _, out = checked
    ws, head, _ = _sheet_rows(out, "Temuan")
    letter = openpyxl.utils.get_column_letter(head.index("Tanggapan") + 1)
    (dv,) = [d for d in ws.data_validations.dataValidation if letter + "2" in str(d.sqref)]
    assert dv.type == "list" and dv.formula1 == '"Dikecualikan,Akan diperbaiki,Tidak setuju"'


def test_json_findings_carry_the_waiver_and_compare_reads_a_workbook(checked, tmp_path):
    work, src, out = checked
    wb = openpyxl.load_workbook(out)
    ws = wb["Temuan"]
    head = [c.value for c in ws[1]]
    rule = head.index("Aturan") + 1
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, rule).value == "K06")
    for label, value in (("Tanggapan", "Dikecualikan"), ("Alasan", "SK perubahan menyusul"),
                         ("Disetujui oleh", "Kepala Biro HO"), ("Berlaku sampai", "31/12/2099")):
        ws.cell(row, head.index(label) + 1, value)
    filled = tmp_path / "temuan-diisi.xlsx"
    wb.save(filled)
    js = tmp_path / "baru.json"
    r = invoke("check", src, "-o", tmp_path / "baru.xlsx", "--json", js, "--waivers", filled, "--compare", filled,
               "--engine", "pandas")
    assert r.exit_code == 1, r.output
    doc = json.loads(js.read_text(encoding="utf-8"))
    waivers = {f["rule"]: f["waiver"] for f in doc["findings"]}
    assert waivers["K06"] == {"status": "berlaku", "reason": "SK perubahan menyusul", "approved_by": "Kepala Biro HO",
                              "until": "2099-12-31"}
    assert waivers["D03"] is None
    assert doc["summary"]["waived"] == 1
    # --compare took the earlier findings workbook: everything still open, nothing new
    assert "Perubahan" in openpyxl.load_workbook(tmp_path / "baru.xlsx").sheetnames
    assert "0 baru" in r.output


def test_marker_sheet_says_where_to_fix_in_a_wrapped_column(checked):
    """The marker sheet: the 'noted at' link stays short (LibreOffice does not wrap a link
    cell); where to fix it opens the wrapped Saran Perbaikan column; every cell on top."""
    work, _, _ = checked
    ws = openpyxl.load_workbook(work / "anotasi" / "unit.diperiksa.xlsx")["Hasil cek-pokja"]
    head = next(r for r in range(1, 15) if ws.cell(r, 1).value == "No")
    rows = {ws.cell(r, 2).value: r for r in range(head + 1, ws.max_row + 1)}
    k07 = rows["K07"]
    assert ws.cell(k07, 7).value.startswith("sel A") and ws.cell(k07, 7).hyperlink is not None
    assert ws.cell(k07, 10).value.startswith("Perbaiki pada sheet Anggota Pokja: sel E")
    assert all(ws.cell(k07, c).alignment.vertical == "top" for c in range(1, 11))
    assert ws.cell(4, 1).value == "Berkas asli" and ws.cell(4, 4).value == "unit.xlsx"
