"""A file is named once (load/inputref.py): every text of a run, from the workers' answers on,
names it by its shown name. A name whose bytes are not UTF-8 is opened exactly and shown with
replacement characters in every field, and the order files are compared in (X05: the first
in path order) is the shown names' order."""
from __future__ import annotations

import os
import pickle
import shutil
import sys
from dataclasses import fields

import pytest
from rule_examples import build

from checker.load.inputref import InputRef
from checker.pipeline import run

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                                reason="needs a file system that takes any bytes in names")


def texts(value):
    """Every string a value holds (dataclasses, dicts, lists, tuples), keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from texts(k)
            yield from texts(v)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from texts(v)
    elif hasattr(value, "__dataclass_fields__"):
        for f in fields(value):
            yield from texts(getattr(value, f.name))


def writable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Two copies of one unit (one Kode Unit: X05 names the other file) and a file that is no
    workbook (D05 names it), all three named in bytes that are not UTF-8."""
    good = build([], tmp_path_factory.mktemp("good") / "unit.xlsx")
    folder = tmp_path_factory.mktemp("units")
    raw = os.fsencode(folder)
    shutil.copy(good, raw + b"/b-\xff.xlsx")
    shutil.copy(good, raw + b"/a-\xfe.xlsx")
    with open(raw + b"/rusak-\xfd.xlsx", "wb") as fh:
        fh.write(b"not a workbook")
    return folder


def test_every_text_names_the_file_as_shown_from_the_workers_answers_on(folder, monkeypatch):
    answered = []
    real = run.unit_facts
    monkeypatch.setattr(run, "unit_facts", lambda *a, **k: answered.append(real(*a, **k)) or answered[-1])
    result = run.check([str(folder)], engine="pandas", lang="en")
    a, b, bad = (f"{folder}/{name}-\ufffd.xlsx" for name in ("a", "b", "rusak"))

    (parts,) = answered                                  # what the workers answered, before any later stage
    assert [p.ctx.file for p in parts] == [a, b, bad]
    assert all(writable(s) for s in texts(parts)), "a worker's answer holds a name that is not shown"
    assert pickle.loads(pickle.dumps(parts)) == parts

    assert [(i.file, i.status) for i in result.inputs] == [(a, "checked"), (b, "checked"), (bad, "unreadable")]
    assert [os.fsencode(i.path) for i in result.inputs] == [os.fsencode(folder) + n for n in
                                                            (b"/a-\xfe.xlsx", b"/b-\xff.xlsx", b"/rusak-\xfd.xlsx")]
    assert all(writable(s) for s in texts(result.findings) if s), "a finding holds a name that is not shown"
    for i in result.inputs:
        assert all(writable(s) for s in texts({k: v for k, v in vars(i).items() if k != "ref"})), i.file
    (x05,) = [f for f in result.findings if f.rule == "X05"]
    assert x05.file == b and f"already used by the file {a}." in x05.message
    (d05,) = [f for f in result.findings if f.rule == "D05"]
    assert d05.file == bad and d05.message.startswith(f"The file {bad} ")


def test_an_upload_is_named_by_its_reference(folder):
    """The same files as the web stores them: the stored names say nothing, the shown names
    all; the order by shown name, the texts by shown name, the reference kept for the copy."""
    raw = os.fsencode(folder)
    refs = [InputRef(os.fsdecode(raw + b"/b-\xff.xlsx"), "pangan.xlsx"),
            InputRef(os.fsdecode(raw + b"/a-\xfe.xlsx"), "pangan (2).xlsx")]
    result = run.check(refs, engine="pandas", lang="en")
    assert [(i.file, i.ref) for i in result.inputs] == [("pangan.xlsx", refs[0]), ("pangan (2).xlsx", refs[1])]
    (x05,) = [f for f in result.findings if f.rule == "X05"]
    assert x05.file == "pangan.xlsx" and "already used by the file pangan (2).xlsx." in x05.message
    assert not [s for s in texts(result.findings) if str(folder) in s]
