"""What a run checks (pipeline/discovery.py; issue 13 point 2): no unit goes missing silently
from a folder audit, only our own outputs are left out, and every path becomes one input
reference, named as shown."""
from __future__ import annotations

import os
import shutil
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from rule_examples import build

from checker.load.inputref import DocKind, InputRef
from checker.output.findings_workbook import write_workbook
from checker.pipeline import run
from checker.pipeline.discovery import NoInput, discover, walk
from checker.terms import ANNOTATION_SHEET, OUTPUT_PROPERTY

POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need POSIX")


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    return build([], tmp_path_factory.mktemp("good") / "unit.xlsx")


def _with_property(src: Path, dst: Path) -> Path:
    """A copy of a unit workbook that carries the findings workbook's custom property."""
    custom = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.'
              'openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats'
              f'.org/officeDocument/2006/docPropsVTypes"><property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}"'
              f' pid="2" name="{OUTPUT_PROPERTY}"><vt:lpwstr>1</vt:lpwstr></property></Properties>')
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, zin.read(info))
        zout.writestr("docProps/custom.xml", custom)
    return dst


def _d05(result) -> dict[str, str]:
    """file -> message of each file's D05 "unreadable file" finding."""
    return {f.file: f.message for f in result.findings if f.rule == "D05" and f.file}


@POSIX
def test_a_folder_audit_lists_every_unit_and_names_what_it_cannot_read(good, tmp_path, monkeypatch):
    folder = tmp_path / "unit"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(good, folder / "a.xlsx")
    shutil.copy(good, folder / "x.diperiksa.xlsx")               # named like a copy, no marker sheet
    _with_property(good, folder / "salinan.xlsx")                # carries our property, a unit layout
    wb = openpyxl.load_workbook(good)
    wb.create_sheet(ANNOTATION_SHEET)
    wb.save(folder / "a.diperiksa.xlsx")                         # a real annotated copy: ours
    os.mkfifo(folder / "pipa.xlsx")
    os.symlink(folder / "tidak-ada.xlsx", folder / "putus.xlsx")
    locked = folder / "terkunci"
    locked.mkdir()
    shutil.copy(good, locked / "b.xlsx")
    real_scandir = os.scandir

    def scandir(p):                                              # root ignores permissions: simulate
        if os.fspath(p) == str(locked):
            raise PermissionError(13, "Permission denied", str(p))
        return real_scandir(p)
    monkeypatch.setattr(os, "scandir", scandir)
    found = {os.path.relpath(p, folder) for p in walk(str(folder))}
    assert found == {"a.xlsx", "x.diperiksa.xlsx", "salinan.xlsx", "pipa.xlsx", "putus.xlsx", "terkunci"}

    result = run.check([str(folder)], engine="pandas")
    d05 = _d05(result)
    assert d05[str(folder / "pipa.xlsx")].startswith(f"{folder / 'pipa.xlsx'} bukan berkas biasa")
    assert d05[str(folder / "putus.xlsx")].startswith(f"{folder / 'putus.xlsx'} adalah tautan")
    assert d05[str(folder / "terkunci")].startswith(f"Folder {locked} tidak dapat dibaca")
    status = {os.path.basename(i.file): i.status for i in result.inputs}
    assert status["x.diperiksa.xlsx"] == status["salinan.xlsx"] == status["a.xlsx"] == "checked"
    assert "a.diperiksa.xlsx" not in status
    en = run.check([str(folder)], engine="pandas", lang="en")
    assert _d05(en)[str(folder / "pipa.xlsx")].startswith(f"{folder / 'pipa.xlsx'} is not a regular file")


def test_a_findings_workbook_is_skipped_only_with_its_layout(good, tmp_path):
    out = write_workbook(run.check([str(good)], engine="pandas"), tmp_path / "temuan.xlsx")
    folder = tmp_path / "f"
    folder.mkdir()
    shutil.copy(out, folder / "temuan.xlsx")                     # ours: property and layout
    _with_property(good, folder / "unit.xlsx")                   # property only: a unit
    assert [os.path.basename(p) for p in walk(str(folder))] == ["unit.xlsx"]


def test_each_path_is_one_reference_in_the_order_given(good, tmp_path):
    folder = tmp_path / "f"
    (folder / "b").mkdir(parents=True)
    shutil.copy(good, folder / "b" / "z.xlsx")
    shutil.copy(good, folder / "a.xlsx")
    upload = InputRef(str(good), "unggahan.xlsx")
    refs = discover([str(good), str(folder), upload])
    assert refs == [InputRef(str(good), str(good), DocKind.UNIT_WORKBOOK),
                    InputRef(str(folder / "a.xlsx"), str(folder / "a.xlsx")),
                    InputRef(str(folder / "b" / "z.xlsx"), str(folder / "b" / "z.xlsx")),
                    upload]                                     # a reference is taken as it is


def test_a_path_that_does_not_exist_stops_the_run_naming_it(tmp_path):
    with pytest.raises(NoInput) as err:
        discover([str(tmp_path / "tidak-ada.xlsx")], lang="en")
    assert str(err.value).startswith(f"File or folder not found: {tmp_path / 'tidak-ada.xlsx'}.")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs a file system that takes any bytes in names")
def test_a_name_that_is_not_utf8_is_opened_exactly_and_shown_with_replacement_characters(good, tmp_path):
    raw = os.fsencode(tmp_path) + b"/u-\xff.xlsx"
    shutil.copy(good, raw)
    (ref,) = discover([str(tmp_path)])
    assert os.fsencode(ref.path) == raw
    assert ref.shown == f"{tmp_path}/u-\ufffd.xlsx" and ref.kind is DocKind.UNIT_WORKBOOK
