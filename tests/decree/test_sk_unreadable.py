"""decree-format.md §3.1: every way a draft cannot be read is one S01 finding naming why
(its text from load/decree's DecreeError), through the pipeline; a worker that dies or
overruns on a draft is S01 naming the limit; S01 is the only S finding of that file."""
from __future__ import annotations

import pytest
from rule_examples import draft_contents
from sk_run import check_run, draft_input, rules_of

from checker.load import errors
from checker.load import limits as doc_limits
from checker.load.inputref import DocKind, InputRef
from checker.pipeline.decrees import draft_failed, input_failed

CONTENTS = draft_contents()


@pytest.mark.parametrize("name,content,says", [
    ("sk.doc", "doc", "dokumen Word lama"),
    ("sk.rtf", "rtf", "Rich Text"),
    ("sk.odt", "odt", "OpenDocument"),
    ("sk.pdf", "pdf", "PDF tidak dibaca pada versi ini"),
    ("sk.docx", "encrypted", "dilindungi kata sandi"),
    ("sk.docx", "damaged", "berkas rusak atau bukan .docx"),
])
def test_each_unreadable_kind_is_one_s01_naming_why(tmp_path, name, content, says):
    result = check_run(tmp_path, drafts={name: CONTENTS[content]})
    [f] = result.findings
    assert (f.rule, f.severity, f.basis, f.label) == ("S01", "error", "data", "kesalahan data")
    assert says in f.message and name in f.message
    assert draft_input(result, name).status == "unreadable"


def test_beyond_a_document_bound_is_s01_naming_it(tmp_path, monkeypatch):
    monkeypatch.setattr(doc_limits, "DOC_MAX_PARAGRAPHS", 20)
    result = check_run(tmp_path, drafts={"sk.docx": {}})
    [f] = result.findings
    assert f.rule == "S01" and "paling banyak 20 paragraf" in f.message


def test_an_unreadable_draft_named_for_its_unit_counts_for_it_as_a_data_error(tmp_path):
    result = check_run(tmp_path, drafts={"sk-d9-as1.doc": CONTENTS["doc"]})
    [f] = result.findings
    assert (f.unit, draft_input(result, "sk-d9-as1.doc").pairing) == ("D9.AS1", "nama_berkas")
    assert result.compliance("D9.AS1") == "perlu_perbaikan_data"


def test_a_worker_that_overruns_or_runs_out_of_memory_on_a_draft_is_s01_naming_the_limit():
    ref = InputRef("/tmp/x/sk.docx", "sk.docx", DocKind.DECREE)
    timed = draft_failed(0, ref, None, errors.timeout("/tmp/x/sk.docx", "killed", s=60))
    assert timed.status == "unreadable" and timed.kind == "timeout"
    assert "melewati batas waktu 60 detik" in timed.error["id"] and "sk.docx" in timed.error["en"]
    memory = input_failed(0, ref, "abc", errors.memory_limit("/tmp/x/sk.docx", "MemoryError", mb=1024))
    assert memory.kind == "memory_limit" and "1024 MB" in memory.error["id"] and memory.sha256 == "abc"
    crash = draft_failed(0, ref, None, errors.reader_crash("/tmp/x/sk.docx", "SIGSEGV"))
    assert crash.status == "unreadable" and "sk.docx" in crash.error["id"] and "/tmp/x" not in crash.error["id"]
    assert crash.error["id"].startswith("Pembaca rancangan SK berhenti tak terduga saat membaca sk.docx (SIGSEGV)")
    bug = draft_failed(0, ref, None, errors.internal_error("/tmp/x/sk.docx", "ZeroDivisionError: boom"))
    assert bug.error["en"].startswith("Internal error in cek-pokja while reading the decree draft sk.docx")
    assert "workbook" not in crash.error["id"] + crash.error["en"] + bug.error["id"] + bug.error["en"]


def test_a_workbook_failure_stays_a_workbook_failure():
    ref = InputRef("/tmp/x/u.xlsx", "u.xlsx")
    got = input_failed(0, ref, None, errors.timeout("/tmp/x/u.xlsx", "killed", s=60))
    assert not got.ctx.readable and got.ctx.file == "u.xlsx"


def test_unreadable_drafts_read_in_bounded_workers(tmp_path):
    """The command line's path: every draft in a reader worker under the limits."""
    from checker.load.limits import Limits
    result = check_run(tmp_path, drafts={"a.doc": CONTENTS["doc"], "b.docx": {}}, limits=Limits(), jobs=2)
    assert rules_of(result) == ["S01"]
    assert [d.status for d in result.drafts()] == ["unreadable", "checked"]
