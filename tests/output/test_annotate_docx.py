"""The annotated copy of a decree draft (decree-format.md §6.4): one Word comment per finding,
by `cek-pokja` (CP), on the whole paragraph of the finding's place (a diktum item, a cell of
a diktum's layout table, a cell of a nested target table, a Lampiran cell, the origin of a
merged cell) or, for a decree-level finding, on the title's first paragraph; nothing else of
the draft changes; the original is untouched; the copy is marked and never checked again.
Checked on real drafts (tests/decree_kit.py) through the real pipeline, and once rendered by
LibreOffice Writer with comments in the margin."""
from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from sk_run import check_run, draft_input

from checker.findings import make_finding
from checker.load.decree.ns import CT_DOCUMENT_MAIN, TC, TR, P, w
from checker.load.limits import Limits
from checker.output.annotate import annotate_result, annotation_targets
from checker.output.annotate_docx import comment_text
from checker.pipeline import run

ROOT = Path(__file__).resolve().parents[2]
AGUS, SRI, BAMBANG = "Agus Prasetyo, S.T.", "Ir. Sri Rahayu, M.P.P.", "Dr. Bambang Sutrisno, S.E., M.Si."
NEW_TASK = "mengelola gudang arsip fisik kantor pusat"
# parts an annotated copy may change; every other part keeps its bytes
CHANGED = {"word/document.xml", "word/comments.xml", "docProps/custom.xml", "[Content_Types].xml",
           "word/_rels/document.xml.rels", "_rels/.rels"}


def _text(el) -> str:
    return "".join(x.text or "" for x in el.iter(w("t"))).strip()


def _annotated(tmp_path, drafts, lang="id", runner=None):
    """(result, the draft's copy) of a run with the example workbook and `drafts` (one)."""
    result = check_run(tmp_path, drafts=drafts, lang=lang)
    copies = annotate_result(result, lang, out_dir=str(tmp_path / "out"), runner=runner)
    (copy,) = [c for c in copies if c.endswith((".docx", ".docm"))]
    return result, Path(copy)


def _comments(copy: Path) -> list[dict]:
    """Each comment of the copy: author, initials, text (its paragraphs joined by "\\n") and the
    paragraph its range covers (the element and its text)."""
    with zipfile.ZipFile(copy) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
        comments = etree.fromstring(z.read("word/comments.xml"))
    out = []
    for c in comments.iter(w("comment")):
        cid = c.get(w("id"))
        start = next((s for s in doc.iter(w("commentRangeStart")) if s.get(w("id")) == cid), None)
        para = start.getparent() if start is not None else None
        out.append({"author": c.get(w("author")), "initials": c.get(w("initials")),
                    "text": "\n".join(_text(p) for p in c.iter(P)), "para": para,
                    "para_text": _text(para) if para is not None else None, "start": start})
    return out


def _ours(copy: Path) -> list[dict]:
    return [c for c in _comments(copy) if c["author"] == "cek-pokja"]


def _row_texts(para) -> list[str]:
    """The texts of the cells of the table row holding `para`."""
    tr = next(a for a in para.iterancestors(TR))
    return [_text(tc) for tc in tr.iterchildren(TC)]


def test_comment_on_a_diktum_item_covers_the_whole_paragraph(tmp_path):
    result, copy = _annotated(tmp_path, {"sk-d9-as1.docx": {"pokja": {"Pokja Kebijakan Contoh": {"task": NEW_TASK}}}})
    assert [f.rule for f in result.findings] == ["S21"]
    (c,) = _ours(copy)
    assert (c["author"], c["initials"]) == ("cek-pokja", "CP")
    assert c["para_text"] == f"a.Pokja Kebijakan Contoh: {NEW_TASK};"
    first = c["text"].split("\n")[0]
    assert first.startswith("S21 kesalahan data: ") and NEW_TASK in first
    assert "\nDasar: kesesuaian dan keterbacaan data (aturan ini tidak mengutip ketentuan).\nSaran: " in c["text"]
    assert c["text"].endswith(f"Pada rancangan SK: \u201c{NEW_TASK};\u201d\nPada workbook (Pokja!E2): "
                              "\u201cMenyusun dan memantau rekomendasi kebijakan contoh\u201d")
    # the range: opened first (after the paragraph's properties), closed last, then the reference
    children = [x for x in c["para"] if x.tag != w("pPr")]
    assert children[0] is c["start"]
    assert children[-2].tag == w("commentRangeEnd") and children[-1].find(w("commentReference")) is not None


def test_comment_in_a_cell_of_a_borderless_diktum_table(tmp_path):
    _, copy = _annotated(tmp_path, {"sk.docx": {"pokja": {"Pokja Kebijakan Contoh": {"task": NEW_TASK}},
                                                "set": {"diktum": "table"}}})
    (c,) = _ours(copy)
    assert c["para_text"] == f"a.Pokja Kebijakan Contoh: {NEW_TASK};"
    assert _row_texts(c["para"])[0] == "KEDUA"                        # the diktum's row of the layout table


def test_comment_in_a_cell_of_a_nested_target_table(tmp_path):
    _, copy = _annotated(tmp_path, {"sk.docx": {
        "pokja": {"Pokja Kebijakan Contoh": {"targets": ["Indeks kepuasan layanan sebesar 4"]}},
        "set": {"targets": "table"}}})
    (c,) = _ours(copy)
    assert c["text"].startswith("S20 ")
    assert c["para_text"] == "Indeks kepuasan layanan sebesar 4"
    assert _row_texts(c["para"]) == ["1", "Pokja Kebijakan Contoh", "Indeks kepuasan layanan sebesar 4"]
    assert len(list(c["para"].iterancestors(w("tbl")))) == 1          # the diktum's own table (paragraph layout)


def test_comment_on_an_empty_lampiran_cell(tmp_path):
    _, copy = _annotated(tmp_path, {"sk.docx": {"person": {AGUS: {"output": []}}}})
    (c,) = _ours(copy)
    assert c["text"].startswith(f"S08 pelanggaran: Lampiran rancangan SK: Output {AGUS} pada Pokja Kebijakan Contoh")
    assert c["para_text"] == ""                                       # the empty Output cell itself
    row = _row_texts(c["para"])
    assert row[1].startswith("Agus Prasetyo") and row[-1] == ""
    tc = next(c["para"].iterancestors(TC))
    assert list(tc.getparent().iterchildren(TC)).index(tc) == len(row) - 1     # the Output column


def test_comment_on_a_merged_cell_goes_to_its_origin(tmp_path):
    result, copy = _annotated(tmp_path, {"sk.docx": {"set": {"merged_pengarah": True},
                                                     "person": {SRI: {"kedudukan": "Anggota"}}}})
    s19 = [c for c in _ours(copy) if c["text"].startswith("S19 ")]
    assert len(s19) == 4                                              # two Pengarah in each Pokja's table
    bambang = [c for c in s19 if "Bambang" in c["text"].split("\n")[0]]
    for c in bambang:                 # his row's Kedudukan continues the merge: the origin cell, on Sri's row
        assert c["para_text"] == "Anggota"
        assert _row_texts(c["para"])[1].startswith(SRI)
    assert {id(c["para"]) for c in s19} == {id(c["para"]) for c in bambang}     # one origin per table
    assert len({id(c["para"]) for c in s19}) == 2


def test_decree_level_findings_go_on_the_title(tmp_path):
    result, copy = _annotated(tmp_path, {"sk.docx": {"set": {"number": "KEP-99/X/2025"}}})
    assert [f.rule for f in result.findings] == ["S24"]
    assert result.findings[0].document["label"] == "Nomor"
    (c,) = _ours(copy)
    assert c["para_text"] == "KEPUTUSAN ASISTEN DEPUTI CONTOH KEBIJAKAN"


def test_a_draft_under_consultation_keeps_everything_else(tmp_path):
    """Revisions (body and header), the bureau's comments (one resolved), content controls and
    Word's numbering: every part but those the comments and the marker change keeps its bytes,
    and the main part is the original but for our comment marks."""
    from decree_kit import KitComment
    spec = {"set": {"number": "", "revisions": True, "diktum": "content_controls", "numbering": "word"},
            "comments": [{"cid": 1, "text": "Mohon sesuaikan dasar hukum", "anchor": "KESATU"},
                         {"cid": 2, "text": "Sudah", "anchor": "title", "done": True}],
            "person": {AGUS: {"output": []}}}
    assert KitComment(**spec["comments"][0]).cid == 1
    result, copy = _annotated(tmp_path, {"sk.docx": spec})
    source = Path(draft_input(result, "sk.docx").path)
    assert sorted(f.rule for f in result.findings) == ["S08", "S11", "S14"]
    src, out = zipfile.ZipFile(source), zipfile.ZipFile(copy)
    assert set(src.namelist()) <= set(out.namelist())
    for name in src.namelist():
        if name not in CHANGED:
            assert out.read(name) == src.read(name), name                 # headers, numbering, commentsExtended, ...
    assert "word/commentsExtended.xml" in src.namelist()
    # the bureau's comments are still there, word for word, and ours follow
    theirs = [(c["author"], c["text"]) for c in _comments(copy) if c["author"] != "cek-pokja"]
    assert theirs == [("Biro Hukum", "Mohon sesuaikan dasar hukum"), ("Biro Hukum", "Sudah")]
    ours = _ours(copy)
    assert [c["text"][:3] for c in ours] == ["S08", "S11", "S14"]
    # the decree-level findings on the title (the bureau's comment there too), S08 on its cell
    assert [c["para_text"] for c in ours[1:]] == ["KEPUTUSAN ASISTEN DEPUTI CONTOH KEBIJAKAN"] * 2
    assert ours[0]["para"].getparent().tag == TC
    # the main part without our marks is the original's (no revision accepted, nothing rewritten)
    assert _canonical(out.read("word/document.xml"), strip={str(c["start"].get(w("id"))) for c in _ours(copy)}) \
        == _canonical(src.read("word/document.xml"))
    doc = out.read("word/document.xml")
    for tag in (b"<w:ins ", b"<w:del ", b"<w:sdt>", b"<w:numPr>"):
        assert doc.count(tag) == src.read("word/document.xml").count(tag) > 0, tag


def _canonical(data: bytes, strip=frozenset()) -> bytes:
    """The part's XML in canonical form, our comment marks (by id) taken out."""
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))
    for el in list(root.iter(w("commentRangeStart"), w("commentRangeEnd"))):
        if el.get(w("id")) in strip:
            el.getparent().remove(el)
    for ref in list(root.iter(w("commentReference"))):
        if ref.get(w("id")) in strip:
            run_el = ref.getparent()
            run_el.getparent().remove(run_el)
    return etree.tostring(root, method="c14n")


def test_the_original_is_untouched_and_the_copy_is_marked(tmp_path):
    from checker.load.decree import is_annotated_decree
    result = check_run(tmp_path, drafts={"sk.docx": {"person": {AGUS: {"output": []}}}})
    source = Path(draft_input(result, "sk.docx").path)
    before, mtime = hashlib.sha256(source.read_bytes()).hexdigest(), source.stat().st_mtime_ns
    copies = annotate_result(result, "id")
    assert str(source.with_name("sk.diperiksa.docx")) in copies
    assert (hashlib.sha256(source.read_bytes()).hexdigest(), source.stat().st_mtime_ns) == (before, mtime)
    copy = source.with_name("sk.diperiksa.docx")
    assert is_annotated_decree(copy) and not is_annotated_decree(source)
    with zipfile.ZipFile(copy) as z:
        custom = z.read("docProps/custom.xml")
    assert b'name="cek-pokja-annotated"><vt:lpwstr>1</vt:lpwstr>' in custom
    assert not [n for n in os.listdir(source.parent) if n.endswith(".tmp")]


def test_the_drafts_own_custom_properties_are_kept_beside_the_marker(tmp_path):
    from decree_kit import build_docx, skeleton
    source = tmp_path / "sk.docx"
    source.write_bytes(build_docx(skeleton(), properties={"Departemen": "Biro Hukum", "Versi": "3"}))
    from checker.output.annotate_docx import annotate_draft
    copy = annotate_draft(source, [(None, "S15 catatan: uji")], tmp_path / "sk.diperiksa.docx")
    with zipfile.ZipFile(copy) as z:
        root = etree.fromstring(z.read("docProps/custom.xml"))
    props = {p.get("name"): ("".join(p.itertext()), p.get("pid")) for p in root}
    assert props == {"Departemen": ("Biro Hukum", "2"), "Versi": ("3", "3"), "cek-pokja-annotated": ("1", "4")}


def test_a_copy_is_skipped_in_a_folder_and_refused_by_name(tmp_path):
    result = check_run(tmp_path, drafts={"sk.docx": {"person": {AGUS: {"output": []}}}})
    annotate_result(result, "id")
    folder = tmp_path / "in"
    again = run.check([str(folder)], engine="pandas")
    assert sorted(Path(i.file).name for i in again.inputs) == ["sk.docx", "unit.xlsx"]
    assert [f.rule for f in again.findings] == ["S08"]
    alone = run.check([str(folder / "sk.diperiksa.docx")], engine="pandas")
    (f,) = alone.findings
    assert f.rule == "S01" and "salinan beranotasi buatan cek-pokja" in f.message


def test_a_docm_stays_a_docm_with_its_macros(tmp_path):
    from decree_kit import CT_DOCM, as_docm
    from rule_examples import make_draft
    data = as_docm(make_draft({"person": {AGUS: {"output": []}}}).to_bytes())
    result, copy = _annotated(tmp_path, {"sk.docm": data})
    assert copy.name == "sk.diperiksa.docm"
    with zipfile.ZipFile(copy) as z, zipfile.ZipFile(io.BytesIO(data)) as src:
        ct = z.read("[Content_Types].xml").decode()
        assert CT_DOCM in ct and CT_DOCUMENT_MAIN not in ct
        assert z.read("word/vbaProject.bin") == src.read("word/vbaProject.bin")
    assert [c["text"][:3] for c in _ours(copy)] == ["S08"]


def test_a_draft_that_cannot_be_opened_again_gets_no_copy(tmp_path, capsys):
    result = check_run(tmp_path, drafts={"sk.docx": {"person": {AGUS: {"output": []}}}})
    source = Path(draft_input(result, "sk.docx").path)
    source.write_bytes(b"PK\x03\x04 bukan lagi dokumen Word")          # changed on disk after the check
    copies = annotate_result(result, "id")
    assert [Path(c).name for c in copies] == ["unit.diperiksa.xlsx"]
    assert f"Salinan beranotasi {source} tidak dibuat" in capsys.readouterr().err
    assert not source.with_name("sk.diperiksa.docx").exists()


def test_copies_in_one_folder_get_unique_names(tmp_path):
    result = check_run(tmp_path, drafts={"sk.docx": {}})
    other = tmp_path / "in" / "lain"
    other.mkdir()
    shutil.copy(tmp_path / "in" / "sk.docx", other / "sk.docx")
    result = run.check([str(tmp_path / "in" / "unit.xlsx"), str(tmp_path / "in" / "sk.docx"),
                        str(other / "sk.docx")], engine="pandas")
    names = [os.path.basename(t) for _, t in annotation_targets(result, str(tmp_path / "out"))]
    assert names == ["unit.diperiksa.xlsx", "sk.diperiksa.docx", "sk.diperiksa-2.docx"]


def test_a_copy_is_made_in_a_bounded_worker_in_english(tmp_path):
    _, copy = _annotated(tmp_path, {"sk.docx": {"person": {AGUS: {"output": []}}}}, lang="en",
                         runner=run.bounded(1, Limits(memory_mb=1024, timeout_s=60)))
    (c,) = _ours(copy)
    lines = c["text"].split("\n")
    assert lines[0].startswith("S08 error: ") and lines[1].startswith("Basis: Pasal 2 ayat (6) huruf c")
    assert lines[2].startswith("Fix: ")


def test_comment_text_is_cleaned_of_control_characters():
    f = make_finding(rule="S23", slug="output-sk-berbeda", severity="error", basis="data",
                     message="Output \x1b[2Jberbeda\x07", hint="Salin\u202e output", file="sk.docx",
                     found="teks\x00 SK", workbook={"file": "u.xlsx", "sheet": "Anggota Pokja", "row": 5,
                                                    "column": "L", "value": "teks\x1b workbook"})
    text = comment_text(f, "id")
    assert text == ("S23 kesalahan data: Output [2Jberbeda\nDasar: kesesuaian dan keterbacaan data (aturan ini tidak "
                    "mengutip ketentuan).\nSaran: Salin output\nPada rancangan SK: \u201cteks SK\u201d\n"
                    "Pada workbook (Anggota Pokja!L5): \u201cteks workbook\u201d")


# ---------------------------------------------------------------------------- rendered

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# LibreOffice Writer's print option "Comments: in margins" (Office.Writer/Print/Content/Note = 4):
# a PDF made with it shows every comment beside its paragraph (LibreOffice 7.4 has no PDF option for it)
_IN_MARGINS = ('<item oor:path="/org.openoffice.Office.Writer/Print/Content"><prop oor:name="Note" '
               'oor:op="fuse"><value>4</value></prop></item>')


def render(docx: Path, out: Path, profile: Path) -> Path:
    """The PDF LibreOffice Writer prints of `docx` with its comments in the margin."""
    xcu = profile / "user" / "registrymodifications.xcu"
    xcu.parent.mkdir(parents=True, exist_ok=True)
    xcu.write_text('<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                   'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                   f"{_IN_MARGINS}</oor:items>")
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(docx)], check=True, capture_output=True, timeout=300)
    return out / (docx.stem + ".pdf")


@pytest.mark.libreoffice
def test_libreoffice_shows_the_comments_beside_their_paragraphs(tmp_path):
    if SOFFICE is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice (soffice) or pdftotext is not installed")
    _, copy = _annotated(tmp_path, {"sk.docx": {"person": {AGUS: {"output": []}}, "set": {"number": ""}}})
    pdf = render(copy, tmp_path / "pdf", tmp_path / "profile")
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout.split("\f")
    first = next(p for p in pages if "KEPUTUSAN ASISTEN DEPUTI CONTOH KEBIJAKAN" in p)
    assert "S11 pelanggaran" in first                    # beside the title, on its page
    lampiran = next(p for p in pages if "Agus Prasetyo" in p)
    assert "S08 pelanggaran" in lampiran                   # beside the member table
    if os.environ.get("CEK_POKJA_SCREENSHOTS") and shutil.which("pdftoppm"):
        folder = Path(os.environ["CEK_POKJA_SCREENSHOTS"])
        subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(folder / "sk-diperiksa")], check=True)
