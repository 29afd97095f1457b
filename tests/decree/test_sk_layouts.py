"""The compliant draft in every layout the kit writes (tests/decree_kit.py's switches, the
layouts units use) gives no finding beside its compliant workbook, through the real reader
and the pipeline; and the reader workers preload the decree reader for a run with drafts."""
from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from sk_run import check_run

from checker.load.inputref import DocKind, InputRef
from checker.pipeline import decrees, workers

LAYOUTS = [("diktum", "table"), ("diktum", "content_controls"), ("lampiran", "single"), ("nama_nip", "columns"),
           ("merged_pengarah", True), ("numbering", "word"), ("header_rows", 2), ("column_numbers", True),
           ("targets", "table"), ("signature_table", True), ("lampiran_header", "table"),
           ("lampiran_header", "text_box"), ("lampiran_signature", True)]


@pytest.mark.parametrize("switch,value", LAYOUTS, ids=[f"{k}={v}" for k, v in LAYOUTS])
def test_every_layout_of_the_compliant_draft_gives_no_finding(tmp_path, switch, value):
    result = check_run(tmp_path, drafts={"sk-d9-as1.docx": {"set": {switch: value}}})
    assert [(f.rule, f.message) for f in result.findings] == []
    assert result.drafts()[0].pairing == "judul"


def test_all_layouts_at_once(tmp_path):
    result = check_run(tmp_path, drafts={"sk-d9-as1.docx": {"set": dict(LAYOUTS[1:2] + LAYOUTS[2:])}})
    assert [(f.rule, f.message) for f in result.findings] == []


def test_the_decree_preload_names_modules_that_exist(tmp_path):
    for module in workers.DECREE_PRELOAD:
        importlib.import_module(module)
        if module.startswith("checker"):
            assert (Path(__file__).resolve().parents[2] / (module.replace(".", "/") + ".py")).exists()
    assert decrees.may_hold_drafts([str(tmp_path)])                       # a folder may hold drafts
    assert decrees.may_hold_drafts(["x.xlsx", "SK.DOCX"])
    assert not decrees.may_hold_drafts(["x.xlsx", InputRef("u", "u.xlsx")])
    assert decrees.may_hold_drafts([InputRef("u", "sk.docx", DocKind.DECREE)])
