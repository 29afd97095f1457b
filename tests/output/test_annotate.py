"""`check --annotate`: checker/annotate.py."""
from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest
from rule_examples import build

from checker.findings import make_finding
from checker.load.model import LoadError, describe
from checker.load.own_outputs import is_annotated
from checker.load.unit_workbook import load_workbook
from checker.output.annotate import MARKER_SHEET, annotate, annotate_result, default_out_path
from checker.output.atomic import OutputIsInputError
from checker.pipeline import run
from checker.terms import SEVERITY_FILL, SEVERITY_RANK

# Problems on cells of several sheets, a header-level one (U03 on Pokja!C1) and warnings.
EDITS = [
    {"sheet": "Pegawai", "where": {"Nama": "Agus Prasetyo, S.T."}, "set": {"NIP": "12345"}},
    {"sheet": "Pokja", "where": {"Kode Pokja": "DUK-1"}, "set": {"Jenis Pokja": "Substansi",
                                                                 "Tanggal SK": "32/01/2025"}},
    {"sheet": "Anggota Pokja", "where": {"Nama": "Dewi Lestari, S.Si., M.E."}, "set": {"Output": ""}},
    {"sheet": "Pegawai", "where": {"Nama": "Yoga Pratama, A.Md."}, "set": {"Jenis Jabatan": "Staff Ahli Gaib"}},
]


def _digest(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def checked(tmp_path):
    src = build(EDITS, tmp_path / "draft.xlsx")
    result = run.check([str(src)], engine="pandas")
    assert len(result.findings) >= 5
    return src, result


def test_every_finding_cell_has_fill_and_comment(checked):
    src, result = checked
    out = annotate(src, result.findings)
    assert out == str(src.with_name("draft.diperiksa.xlsx"))
    wb = openpyxl.load_workbook(out)
    by_cell = {}
    for f in result.findings:
        assert f.sheet and f.row and f.column, f          # all of these findings have a cell
        by_cell.setdefault((f.sheet, f.row, f.column), []).append(f)
    for (sheet, row, column), items in by_cell.items():
        cell = wb[sheet][f"{column}{row}"]
        worst = min(items, key=lambda f: SEVERITY_RANK[f.severity]).severity
        assert cell.fill.fill_type == "solid"
        assert cell.fill.fgColor.rgb.endswith(SEVERITY_FILL[worst])
        assert cell.comment is not None
        for f in items:
            assert f"[{f.rule}]" in cell.comment.text
            assert f.message in cell.comment.text
            assert f.basis in cell.comment.text
    # an untouched cell stays as it was
    assert wb["PK"]["B2"].fill.fill_type is None and wb["PK"]["B2"].comment is None


def test_original_unchanged_and_values_identical(checked, tmp_path):
    src, result = checked
    before, mtime = _digest(src), os.stat(src).st_mtime_ns
    out = annotate(src, result.findings)
    assert _digest(src) == before and os.stat(src).st_mtime_ns == mtime
    wb = openpyxl.load_workbook(out)
    del wb[MARKER_SHEET]                          # without its marker the copy loads like the original
    wb.save(tmp_path / "unmarked.xlsx")
    a, b = load_workbook(str(src)), load_workbook(str(tmp_path / "unmarked.xlsx"))
    for kind, table in a.tables.items():
        assert table.frame().equals(b.tables[kind].frame()), kind
    assert a.problems == b.problems


def test_cellless_findings_noted_on_header(tmp_path):
    src = build([{"sheet": "Pokja", "drop_column": "Tugas Pokja"}, {"drop_sheet": "Surat Tugas"}],
                tmp_path / "u.xlsx")
    common = dict(slug="s", severity="warning", basis="Lampiran II.D.2.b", hint="h", unit="D9.AS1",
                  file=str(src))
    no_row = make_finding(rule="U03", message="Tidak ada Pokja dukungan", sheet="Pokja", **common)
    no_col = make_finding(rule="D05", message="Kolom Tugas Pokja tidak ada", sheet="Pokja", row=1, **common)
    no_sheet = make_finding(rule="D05", message="Sheet Surat Tugas tidak ada", sheet="Surat Tugas", **common)
    no_loc = make_finding(rule="X01", message="Tanpa lokasi", **common)
    out = annotate(src, [no_row, no_col, no_sheet, no_loc], out_path=tmp_path / "out.xlsx")
    wb = openpyxl.load_workbook(out)
    a1 = wb["Pokja"]["A1"]                               # header row's first cell
    assert "[U03]" in a1.comment.text and "[D05]" in a1.comment.text
    assert a1.fill.fgColor.rgb.endswith(SEVERITY_FILL["warning"])
    listed = [c.value for c in wb[MARKER_SHEET]["H"]]
    for f in (no_row, no_col, no_sheet, no_loc):
        assert f.message in listed


def test_header_row_found_below_title_rows(tmp_path, make_workbook):
    src = make_workbook({"Pokja": [["DAFTAR POKJA"], [None], ["Kode Pokja", "Nama Pokja", "Jenis Pokja"],
                                   ["SUB-1", "Pokja", "Substansi"]]})
    f = make_finding(rule="U03", slug="s", severity="error", basis="b", message="m", hint="h", sheet="Pokja")
    header_rows = {"Pokja": load_workbook(src).tables["pokja"].header_row}      # as the loader found it
    assert header_rows == {"Pokja": 3}
    wb = openpyxl.load_workbook(annotate(src, [f], header_rows=header_rows))
    assert wb["Pokja"]["A3"].comment is not None and wb["Pokja"]["A1"].comment is None


def test_marker_sheet_and_refusal(checked, tmp_path):
    src, result = checked
    out = annotate(src, result.findings, lang="en")
    assert is_annotated(out) and not is_annotated(src)
    wb = openpyxl.load_workbook(out)
    # --lang en: the marker sheet is named in English, and is still recognised as the marker
    assert wb.sheetnames[-1] == "cek-pokja results" and wb.active.title == "cek-pokja results"
    assert sum(1 for ws in wb.worksheets if ws.sheet_view.tabSelected) == 1
    garbage = tmp_path / "x.xlsx"
    garbage.write_bytes(b"not a zip")
    assert not is_annotated(garbage) and not is_annotated(tmp_path / "missing.xlsx")
    with pytest.raises(LoadError) as refused:
        load_workbook(out)
    for lang, word in (("id", "salinan beranotasi"), ("en", "annotated copy")):
        msg = describe(refused.value, lang)
        assert out in msg and word in msg and MARKER_SHEET in msg
    # deleting the marker sheet makes it a normal workbook again
    del wb["cek-pokja results"]
    wb.save(tmp_path / "again.xlsx")
    assert not is_annotated(tmp_path / "again.xlsx")


def test_annotate_result_writes_one_copy_per_input(tmp_path):
    a = build(EDITS[:1], tmp_path / "a.xlsx")
    b_dir = tmp_path / "sub"
    b_dir.mkdir()
    b = build(EDITS[1:2], b_dir / "b.xlsx")
    result = run.check([str(a), str(b)], engine="pandas")
    outs = annotate_result(result)
    assert outs == [default_out_path(a), default_out_path(b)]
    wb_b = openpyxl.load_workbook(outs[1])
    rules_b = {f.rule for f in result.findings if f.file == str(b)}
    listed = {c.value for c in wb_b[MARKER_SHEET]["B"]}
    assert rules_b <= listed and "D01" not in listed      # a's NIP problem is not on b's copy


def test_never_over_the_original(checked):
    src, result = checked
    with pytest.raises(OutputIsInputError):
        annotate(src, result.findings, out_path=src)
    other = src.with_name("draft.diperiksa.xlsx")         # a real input that happens to have that name
    other.write_bytes(b"unit b")
    with pytest.raises(OutputIsInputError):
        annotate(src, result.findings, protect=[str(other)])
    assert other.read_bytes() == b"unit b"
    assert default_out_path("d/x.XLSM").endswith("x.diperiksa.xlsm")
    assert default_out_path("d/x.diperiksa.xlsx").endswith("x.diperiksa.diperiksa.xlsx")


def test_values_never_become_formulas(tmp_path, make_workbook):
    src = make_workbook({"PK": [["Kode Target", "Indikator Kinerja"], ["=1+1", "@SUM(A1)"]]})
    wb = openpyxl.load_workbook(src)
    wb["PK"]["A2"].data_type = "s"
    wb.save(src)
    f = make_finding(rule="D02", slug="s", severity="error", basis="b", message="=HYPERLINK(\"http://x\")",
                     hint="+cmd", sheet="PK", row=2, column="A")
    out = annotate(src, [f])
    wb = openpyxl.load_workbook(out)
    assert wb["PK"]["A2"].data_type == "s" and wb["PK"]["A2"].value == "=1+1"
    marker = wb[MARKER_SHEET]
    assert all(c.data_type != "f" for row in marker.iter_rows() for c in row)
    with zipfile.ZipFile(out) as zf:
        xml = b"".join(zf.read(n) for n in zf.namelist() if n.startswith("xl/worksheets/sheet"))
    assert b"<f>" not in xml and b"<f " not in xml


def test_existing_comment_kept_and_merged_cell(tmp_path, make_workbook):
    from openpyxl.comments import Comment
    src = make_workbook({"PK": [["Kode Target", "Indikator Kinerja", "Target"], ["PK-01", "x", "1"]]},
                        merged={"PK": ["B2:C2"]})
    wb = openpyxl.load_workbook(src)
    wb["PK"]["A2"].comment = Comment("catatan lama", "Budi")
    wb.save(src)
    mk = dict(slug="s", severity="info", basis="b", hint="h", sheet="PK", row=2)
    out = annotate(src, [make_finding(rule="R1", message="m1", column="A", **mk),
                         make_finding(rule="R2", message="m2", column="C", **mk)])
    ws = openpyxl.load_workbook(out)["PK"]
    assert ws["A2"].comment.text.startswith("catatan lama") and "[R1]" in ws["A2"].comment.text
    assert "[R2]" in ws["B2"].comment.text               # C2 is inside the merged B2:C2


def _make_xlsm(path: Path, make_workbook) -> bytes:
    """An .xlsm: an openpyxl workbook with a VBA project part and the macro content types."""
    src = Path(make_workbook({"PK": [["Kode Target", "Indikator Kinerja"], ["PK-01", "x"]]}))
    vba = b"\xd0\xcf\x11\xe0fake-vba-project" + bytes(range(256))
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml")
                data = data.replace(b"</Types>", b'<Default Extension="bin" '
                                    b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
            if item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdVBA" '
                                    b'Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
                                    b'Target="vbaProject.bin"/></Relationships>')
            zout.writestr(item, data)
        zout.writestr("xl/vbaProject.bin", vba)
    return vba


def test_xlsm_keeps_macros_and_extension(tmp_path, make_workbook):
    src = tmp_path / "makro.xlsm"
    vba = _make_xlsm(src, make_workbook)
    f = make_finding(rule="D02", slug="s", severity="error", basis="b", message="m", hint="h",
                     sheet="PK", row=2, column="B")
    out = annotate(src, [f])
    assert out.endswith("makro.diperiksa.xlsm")
    with zipfile.ZipFile(out) as zf:
        assert zf.read("xl/vbaProject.bin") == vba
        assert b"macroEnabled" in zf.read("[Content_Types].xml")
    assert is_annotated(out)
    assert openpyxl.load_workbook(out, keep_vba=True)["PK"]["B2"].comment is not None


# ---------------------------------------------------------------------------- bounded (issue 22)

def _bounded(memory_mb=None, timeout_s=None):
    from checker.load.limits import Limits
    return run.bounded(1, Limits(memory_mb=memory_mb, timeout_s=timeout_s))


def test_a_workbook_declaring_20000_sheets_gets_no_copy_at_once(tmp_path, capsys):
    """It took 213 s and 680 MB (openpyxl opens every declared sheet): now refused before that,
    the other copies are made, and the findings stay as they were."""
    from heavy_copies import many_sheets
    many = many_sheets(tmp_path / "banyak.xlsx")
    good = build(EDITS, tmp_path / "draft.xlsx")
    result = run.check([str(many), str(good)], engine="pandas")
    before = [f.fingerprint for f in result.findings]
    written = annotate_result(result, runner=_bounded(1024, 60))
    assert written == [str(tmp_path / "draft.diperiksa.xlsx")]
    assert not (tmp_path / "banyak.diperiksa.xlsx").exists()
    assert capsys.readouterr().err.strip() == (
        f"Salinan beranotasi {many} tidak dibuat: workbook ini memuat 20.006 sheet, sedangkan salinan beranotasi "
        "dibuat untuk workbook dengan paling banyak 250 sheet. Temuannya tetap dilaporkan seperti biasa; hapus "
        "sheet yang tidak diperlukan lalu simpan ulang.")
    assert [f.fingerprint for f in result.findings] == before


def test_a_copy_beyond_max_memory_is_not_made_and_says_why(tmp_path, capsys):
    from heavy_copies import big_extra_sheet
    wide = big_extra_sheet(tmp_path / "lebar.xlsx", rows=16_000)    # over 256 MB in openpyxl; 10,000 rows fit
    result = run.check([str(wide)], engine="pandas", lang="en")
    assert annotate_result(result, runner=_bounded(memory_mb=256)) == []
    assert capsys.readouterr().err.strip().startswith(
        f"No annotated copy of {wide} was made: making it needs more than the memory limit of 256 MB. Its "
        "findings are reported as usual.")
    assert [p.name for p in tmp_path.iterdir()] == ["lebar.xlsx"]           # nothing half written
    # within the default bounds the same copy is made
    assert annotate_result(result, runner=_bounded(1024, 120)) == [str(tmp_path / "lebar.diperiksa.xlsx")]


def test_a_worker_failure_is_told_per_bound():
    from checker.load import errors
    from checker.load.inputref import InputRef
    from checker.output.annotate import copy_failed
    ref = InputRef("/tmp/u001-x.xlsx", "unit.xlsx")
    said = {key: copy_failed(0, ref, None, err).error.message(lang) for key, err, lang in (
        ("memory", errors.memory_limit("/tmp/u001-x.xlsx", "SIGABRT", mb=512), "id"),
        ("timeout", errors.timeout("/tmp/u001-x.xlsx", "killed", s="30"), "en"),
        ("crash", errors.reader_crash("/tmp/u001-x.xlsx", "SIGSEGV"), "id"))}
    assert said["memory"].startswith("Salinan beranotasi unit.xlsx tidak dibuat: membuatnya memerlukan lebih dari "
                                     "batas memori 512 MB.")
    assert said["timeout"].startswith("No annotated copy of unit.xlsx was made: making it was stopped after the "
                                      "time limit of 30 seconds.")
    assert said["crash"] == ("Salinan beranotasi unit.xlsx tidak dibuat: pembuatnya berhenti tak terduga (SIGSEGV). "
                             "Temuannya tetap dilaporkan seperti biasa.")
    assert "/tmp/u001-x.xlsx" not in "".join(said.values())
