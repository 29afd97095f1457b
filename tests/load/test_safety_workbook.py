"""Issue 13, the workbook side: no control character from an input reaches a workbook (point 7),
a Strict Open XML source is not "annotated" into a copy holding only the marker sheet (point 9),
and findings beyond what a sheet holds are said, not dropped (point 4, output half)."""
from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
from cli_run import invoke
from rule_examples import build

ESC = "\x1b"
EVIL = "\x1b[2J\x1b]0;judul\x07"                 # clear screen, then an OSC window title
NO_TUGAS = [{"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"}, "set": {"Tugas Pokja": ""}}]
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.endswith((".xml", ".rels", ".vml"))}


def _strictly_well_formed(path: Path) -> None:
    """Every XML part parses with expat, which refuses control characters (raw or as &#27;)."""
    for name, data in _parts(path).items():
        try:
            ElementTree.fromstring(data)
        except ElementTree.ParseError as e:
            raise AssertionError(f"{path.name}:{name} is not well formed: {e}") from None


def _texts(path: Path, only: str | None = None) -> list[str]:
    """Every cell text (of the sheet `only`, if given: an annotated copy keeps the source's own
    values as they are) and every comment openpyxl reads back."""
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and only in (None, ws.title):
                    out.append(c.value)
                if c.comment is not None:
                    out.append(c.comment.text)
    return out


def _rewrite(source: Path, target: Path, old: str, new: str) -> Path:
    """`source` with `old` replaced by `new` in its XML (openpyxl refuses to write controls)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info.filename).replace(old.encode(), new.encode()))
    target.write_bytes(buf.getvalue())
    return target


# ------------------------------------------------------------------ 7. control characters

def test_control_characters_in_names_never_reach_a_workbook(tmp_path):
    draft = build([*NO_TUGAS, {"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"},
                               "set": {"Nama Pokja": "Pokja ZZEVILZZJahat"}}], tmp_path / "draft.xlsx")
    # as Excel and XlsxWriter store controls in a cell: _xHHHH_ (the reader decodes them)
    named = _rewrite(draft, tmp_path / f"e{ESC}x.xlsx", "ZZEVILZZ", "_x001B_[2J_x001B_]0;judul_x0007_\u202e")
    draft.unlink()
    out = tmp_path / "t.xlsx"
    r = invoke("check", named, "-o", out, "--annotate", "--json", tmp_path / "t.json")
    assert r.exit_code == 1, r.output + r.stderr
    copy = tmp_path / f"e{ESC}x.diperiksa.xlsx"
    assert copy.is_file() and f"Salinan beranotasi: {tmp_path}/ex.diperiksa.xlsx" in r.output
    for workbook, only in ((out, None), (copy, "Hasil cek-pokja")):
        _strictly_well_formed(workbook)
        texts = _texts(workbook, only)
        assert not [x for x in texts if CONTROL.search(x) or "\u202e" in x], workbook.name
        assert not [x for x in texts if "_x001B_" in x or "_x0007_" in x], workbook.name
    findings = openpyxl.load_workbook(out)["Temuan"]
    k04 = next(row for row in findings.iter_rows(min_row=2) if row[3].value == "K04")
    assert k04[12].value == f"{tmp_path}/ex.xlsx"                          # Berkas, without the ESC
    assert "Pokja [2J]0;judulJahat" in k04[7].value                        # Uraian
    # the link to the source cell still names the file, its ESC percent-encoded
    rels = b"".join(v for k, v in _parts(out).items() if k.startswith("xl/worksheets/_rels/"))
    assert b'Target="e%1Bx.xlsx#' in rels or b'Target="e%1Bx.xlsx"' in rels
    assert k04[14].hyperlink is not None and k04[14].hyperlink.target.startswith("e%1Bx.xlsx")
    marker = openpyxl.load_workbook(copy)["Hasil cek-pokja"]
    assert marker["D4"].value == "ex.xlsx"                                  # Berkas asli
    # the JSON keeps the exact text (escaped by JSON itself)
    doc = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert any(EVIL in f["message"] for f in doc["findings"])


def test_a_sheet_name_with_a_control_character_gets_no_link(tmp_path):
    from checker.output.findings_workbook import _Linker

    source = tmp_path / "u.xlsx"
    source.write_bytes(b"x")

    class F:
        file, sheet, row, column = str(source), f"Pok{ESC}ja", 3, "B"

    linker = _Linker(tmp_path / "t.xlsx")
    assert linker.url(F) is None
    F.sheet = "Pokja"
    assert linker.url(F) == "external:u.xlsx#'Pokja'!B3"


def test_one_cleaning_function_for_terminal_and_workbooks():
    from checker.output import annotate, findings_workbook, terminal
    from checker.output.clean import clean

    assert terminal.clean is clean and findings_workbook.clean is clean and annotate.clean is clean
    assert clean(f"a{EVIL}b\tc\r\nd", lines=True) == "a[2J]0;juduulb c\nd".replace("juduul", "judul")
    assert clean("u-\udcff.xlsx") == "u-\ufffd.xlsx"                       # a name that is not UTF-8


# ------------------------------------------------------------------ 9. Strict Open XML

_TO_STRICT = [
    ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     "http://purl.oclc.org/ooxml/officeDocument/relationships"),
    ("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"),
]


def to_strict(source: Path, target: Path) -> Path:
    """The workbook in Strict Open XML's namespaces (what Excel's "Strict Open XML Spreadsheet"
    writes, as far as a reader tells the two apart)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.endswith((".xml", ".rels")):
                text = data.decode("utf-8")
                for old, new in _TO_STRICT:
                    text = text.replace(old, new)
                data = text.encode("utf-8")
            zout.writestr(info, data)
    target.write_bytes(buf.getvalue())
    return target


def test_strict_ooxml_is_not_annotated_and_not_claimed(tmp_path):
    strict = to_strict(build(NO_TUGAS, tmp_path / "plain.xlsx"), tmp_path / "strict.xlsx")
    before = strict.read_bytes()
    r = invoke("check", strict, tmp_path / "plain.xlsx", "--annotate", "-o", tmp_path / "t.xlsx")
    assert r.exit_code == 1, r.output + r.stderr
    assert not (tmp_path / "strict.diperiksa.xlsx").exists()
    assert (tmp_path / "plain.diperiksa.xlsx").is_file()                   # the other unit is annotated
    assert "strict.diperiksa.xlsx" not in r.output
    assert (f"Salinan beranotasi {strict} tidak dibuat: berkas ini disimpan dalam format Strict Open XML"
            in r.stderr)
    assert "K04" in r.output and strict.read_bytes() == before
    r = invoke("check", strict, "--annotate", "-o", tmp_path / "t2.xlsx", "--lang", "en")
    assert f"No annotated copy of {strict} was made: the file is saved as Strict Open XML" in r.stderr
    assert "Annotated" not in r.output


def test_strict_ooxml_refused_by_annotate_itself(tmp_path):
    import pytest

    from checker.output.annotate import AnnotateError, StrictOOXMLError, annotate

    strict = to_strict(build(NO_TUGAS, tmp_path / "plain.xlsx"), tmp_path / "strict.xlsx")
    with pytest.raises(StrictOOXMLError):
        annotate(strict, [])
    assert issubclass(StrictOOXMLError, AnnotateError)                    # the web page's 422 covers it


# ------------------------------------------------------------------ 4. more findings than a sheet holds

def test_findings_beyond_a_sheet_are_said_and_kept_in_the_json(tmp_path, monkeypatch):
    from checker.output import layout

    samples = Path(__file__).resolve().parents[2] / "samples"
    monkeypatch.setattr(layout, "SHEET_ROWS", 10)           # the one place: Excel's 1,048,576 rows
    from checker.pipeline import run
    monkeypatch.setattr(run, "bounded", lambda *a: None)    # the annotated copies made here, where it is patched
    out, doc = tmp_path / "t.xlsx", tmp_path / "t.json"
    r = invoke("check", samples, "-o", out, "--json", doc, "--annotate-dir", tmp_path / "ann",
               "--engine", "pandas", "--jobs", "1")
    assert r.exit_code == 1, r.output + r.stderr
    total = len(json.loads(doc.read_text(encoding="utf-8"))["findings"])
    assert total == 30                                       # the JSON keeps every finding (drafts' too)
    note = (f"Perhatian: sheet Temuan hanya memuat 8 dari {total} baris, karena satu sheet Excel memuat paling "
            "banyak 10 baris. Seluruh temuan tercantum pada keluaran JSON (--json).")
    assert (f"Perhatian: workbook temuan {out} hanya memuat 8 dari {total} temuan pada sheet Temuan (satu sheet "
            "Excel memuat paling banyak 10 baris)") in r.output
    _strictly_well_formed(out)
    wb = openpyxl.load_workbook(out)
    findings = wb["Temuan"]
    assert findings.max_row == 10 and findings["A9"].value == 8 and findings["A10"].value == note
    assert findings["A1"].comment.text == note
    assert wb["Ringkasan"]["A3"].value == note
    sqref = str(findings.data_validations.dataValidation[0].sqref)
    assert sqref.endswith("9")                               # the drop-down stops above the note
    # the annotated copy's list: 2 rows under its header (row 7), then the note; every cell still marked
    copy = tmp_path / "ann" / "d2-as1-pangan.diperiksa.xlsx"
    _strictly_well_formed(copy)
    marker = openpyxl.load_workbook(copy)["Hasil cek-pokja"]
    mine = [f for f in json.loads(doc.read_text(encoding="utf-8"))["findings"] if "pangan" in f["file"]]
    assert len(mine) == 4 and marker["D5"].value == 4
    assert marker["A9"].value == 2 and marker["A10"].value == marker["A6"].value
    assert marker["A6"].value.startswith("Perhatian: sheet ini hanya memuat 2 dari 4 temuan")
    comments = " ".join(t for t in _texts(copy) if t.startswith("["))
    assert all(f"[{f['rule']}]" in comments for f in mine)


def test_no_note_when_every_finding_fits(tmp_path):
    draft = build(NO_TUGAS, tmp_path / "draft.xlsx")
    out = tmp_path / "t.xlsx"
    r = invoke("check", draft, "-o", out)
    assert r.exit_code == 1 and "Perhatian" not in r.output
    wb = openpyxl.load_workbook(out)
    assert wb["Ringkasan"]["A3"].value is None and wb["Temuan"]["A1"].comment is None
