"""decree-format.md §2 and §6.3: drafts found in a folder or given by name. .docx/.docm are
drafts; Word's lock files and our annotated copies are left out; .doc/.dot/.rtf/.odt are S01;
a PDF found is listed as not_read, one given is S01; a .docx that is no decree is not_a_decree
when found and S03 when given. Exit 2 only when no workbook and no draft could be read."""
from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner
from decree_kit import build_docx, example_draft, p
from rule_examples import draft_contents
from sk_run import check_run, draft_input, rules_of, write_inputs

from checker.cli import main
from checker.load.decree import ANNOTATED_PROPERTY
from checker.load.inputref import DocKind
from checker.pipeline.discovery import discover

CONTENTS = draft_contents()


def _statuses(result) -> dict:
    return {os.path.basename(d.file): d.status for d in result.drafts()}


def test_a_folder_lists_every_draft_and_leaves_out_lock_files_and_our_copies(tmp_path):
    folder = tmp_path / "in"
    write_inputs(folder, drafts={"sk-d9-as1.docx": {}})
    (folder / "~$-d9-as1.docx").write_bytes(b"\x05owner" + b"\x00" * 100)            # Word's lock file
    (folder / "sk-d9-as1.diperiksa.docx").write_bytes(
        build_docx(p("KEPUTUSAN X"), properties={ANNOTATED_PROPERTY: "1"}))           # our annotated copy
    (folder / "bukan-salinan.diperiksa.docx").write_bytes(example_draft().to_bytes())  # named like one only
    refs = discover([str(folder)])
    names = sorted((os.path.basename(r.path), r.kind.value, r.given) for r in refs)
    assert names == [("bukan-salinan.diperiksa.docx", "decree", False), ("sk-d9-as1.docx", "decree", False),
                     ("unit.xlsx", "unit_workbook", True)]


@pytest.mark.parametrize("name,content,kind", [
    ("lama.doc", "doc", "legacy_doc"), ("templat.dot", "doc", "legacy_doc"), ("sk.rtf", "rtf", "rtf"),
    ("sk.odt", "odt", "odt"), ("sk.docx", "encrypted", "encrypted"), ("sk.docx", "damaged", "corrupt"),
])
def test_in_a_folder_other_word_formats_and_broken_drafts_are_s01(tmp_path, name, content, kind):
    result = check_run(tmp_path, drafts={name: CONTENTS[content]}, folder=True)
    d = draft_input(result, name)
    assert (d.status, rules_of(result)) == ("unreadable", ["S01"])
    [f] = result.findings
    assert f.basis == "data" and f.document is None and f.file.endswith(name)
    assert f.message == d.detail


def test_a_pdf_found_in_a_folder_is_listed_not_read_without_a_finding(tmp_path):
    result = check_run(tmp_path, drafts={"ttd.pdf": CONTENTS["pdf"]}, folder=True)
    d = draft_input(result, "ttd.pdf")
    assert (d.status, d.sha256, result.findings, result.compliance_of(d)) == ("not_read", None, [], None)


def test_a_pdf_or_a_picture_given_by_name_is_s01(tmp_path):
    result = check_run(tmp_path, drafts={"ttd.pdf": CONTENTS["pdf"], "scan.jpg": b"\xff\xd8\xff\xe0" + b"\0" * 64})
    assert _statuses(result) == {"ttd.pdf": "unreadable", "scan.jpg": "unreadable"}
    assert rules_of(result) == ["S01", "S01"]
    assert "PDF tidak dibaca pada versi ini" in next(f.message for f in result.findings if f.file.endswith(".pdf"))


def test_a_docx_that_is_no_decree_is_listed_when_found_and_s03_when_given(tmp_path):
    notes = build_docx(p("Catatan rapat koordinasi") + p("Hadir: seluruh pegawai."))
    found = check_run(tmp_path / "a", drafts={"catatan.docx": notes}, folder=True)
    assert (_statuses(found), found.findings) == ({"catatan.docx": "not_a_decree"}, [])
    given = check_run(tmp_path / "b", drafts={"catatan.docx": notes})
    assert _statuses(given) == {"catatan.docx": "checked"}
    parts = sorted(f.document["label"] for f in given.findings if f.rule == "S03")
    assert parts == ["Diktum", "Judul", "Lampiran"]


def test_a_draft_given_by_name_is_a_decree_reference(tmp_path):
    paths = write_inputs(tmp_path, drafts={"a.docm": {}, "b.pdf": b"%PDF-1.4"})
    refs = discover(paths)
    assert [(r.kind, r.given) for r in refs] == [(DocKind.UNIT_WORKBOOK, True), (DocKind.DECREE, True),
                                                 (DocKind.DECREE, True)]


def _cli(args, tmp_path):
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["check", *args, "--json", str(out), "--quiet", "--jobs", "1"])
    return result.exit_code, json.loads(out.read_text(encoding="utf-8"))


def test_exit_2_when_only_unreadable_drafts_and_their_s01_in_the_json(tmp_path):
    paths = write_inputs(tmp_path / "in", workbooks={}, drafts={"a.doc": CONTENTS["doc"], "b.pdf": CONTENTS["pdf"]})
    code, doc = _cli(paths, tmp_path)
    assert code == 2
    assert [f["rule"] for f in doc["findings"]] == ["S01", "S01"]
    assert [(i["kind"], i["status"], i["compliance"]) for i in doc["inputs"]] == [
        ("sk", "unreadable", "perlu_perbaikan_data"), ("sk", "unreadable", "perlu_perbaikan_data")]


def test_a_draft_alone_runs_the_document_rules_and_exits_as_any_check(tmp_path):
    paths = write_inputs(tmp_path / "in", workbooks={}, drafts={"sk.docx": {}})
    assert _cli(paths, tmp_path)[0] == 0
    paths = write_inputs(tmp_path / "in2", workbooks={}, drafts={"sk.docx": {"set": {"instrument": "NOTA DINAS"}}})
    code, doc = _cli(paths, tmp_path)
    assert code == 1 and [f["rule"] for f in doc["findings"]] == ["S04"]
    assert doc["findings"][0]["unit"] is None


def test_a_not_a_decree_alone_is_nothing_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "catatan.docx").write_bytes(build_docx(p("Catatan")))
    code, doc = _cli([str(folder)], tmp_path)
    assert code == 2 and doc["findings"] == []
