"""samples/make_samples.py regenerates exactly the committed sample workbooks, and
samples/make_drafts.py the committed sample decree drafts."""
from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SCRIPT = SAMPLES / "make_samples.py"
DRAFTS = SAMPLES / "make_drafts.py"


def _load_script(script=SCRIPT):
    spec = importlib.util.spec_from_file_location(script.stem + "_under_test", script)
    module = importlib.util.module_from_spec(spec)
    saved, sys.dont_write_bytecode = sys.dont_write_bytecode, True  # leave no __pycache__ in samples/
    try:
        spec.loader.exec_module(module)
    finally:
        sys.dont_write_bytecode = saved
    return module


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    for script in (SCRIPT, DRAFTS):
        result = subprocess.run([sys.executable, "-B", str(script), str(out)], capture_output=True, text=True,
                                timeout=300)
        assert result.returncode == 0, result.stderr
    return out


def _xlsx(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.xlsx"))


def _values(path: Path) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(path)
    try:
        return {ws.title: [tuple(row) for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    finally:
        wb.close()


def test_same_file_set(generated):
    committed = _xlsx(SAMPLES)
    assert committed, "no sample workbooks committed: run python samples/make_samples.py"
    assert _xlsx(generated) == committed


def test_expected_lists_every_file(generated):
    module = _load_script()
    assert sorted(module.EXPECTED) == _xlsx(generated)
    assert [name for name, found in module.EXPECTED.items() if not found] == ["d1-as1-moneter.xlsx"]
    for name, found in module.EXPECTED.items():
        for rule, text in found:
            assert rule[:1] in "UKAMDX" and len(rule) == 3 and text, (name, rule)


@pytest.mark.parametrize("name", _xlsx(SAMPLES) or ["<none>"])
def test_same_cell_values(generated, name):
    if name == "<none>":
        pytest.fail("no sample workbooks committed")
    fresh, committed = _values(generated / name), _values(SAMPLES / name)
    assert list(fresh) == list(committed), "sheet names or order differ"
    for sheet in committed:
        assert fresh[sheet] == committed[sheet], f"{name}: sheet {sheet!r} differs; rerun samples/make_samples.py"


def test_reproducible_properties(generated):
    for name in _xlsx(generated):
        wb = openpyxl.load_workbook(generated / name)
        props = wb.properties
        assert props.created == props.modified == dt.datetime(2025, 2, 3, 9, 0, 0), name
        assert "fiktif" in (props.description or "").lower(), name
        wb.close()


def test_nips_are_text_except_the_intended_number(generated):
    """Every NIP cell is a text cell; the only numbers are the D01 sample in d3-as2-minerba."""
    numeric = []
    for name in _xlsx(generated):
        wb = openpyxl.load_workbook(generated / name)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    header = ws.cell(row=1, column=cell.column).value
                    if isinstance(cell.value, (int, float)) and cell.value > 10**16:
                        numeric.append((name, ws.title, cell.coordinate))
                    elif isinstance(cell.value, str) and header in ("NIP", "NIP Baru") and cell.row > 1:
                        assert cell.data_type == "s" and cell.number_format == "@", (name, ws.title, cell.coordinate)
        wb.close()
    assert [n for n, _, _ in numeric] == ["d3-as2-minerba.xlsx"] * 3


# ---------------------------------------------------------------------------- the decree drafts

def _docx(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.docx"))


def test_same_drafts(generated):
    """Every committed draft is what the script writes, part for part (the zip's entries dated alike)."""
    committed = _docx(SAMPLES)
    assert committed and _docx(generated) == committed
    for name in committed:
        with zipfile.ZipFile(SAMPLES / name) as a, zipfile.ZipFile(generated / name) as b:
            assert a.namelist() == b.namelist(), name
            for member in a.namelist():
                assert a.read(member) == b.read(member), f"{name}: {member} differs; rerun samples/make_drafts.py"


def test_expected_drafts_lists_every_draft_two_with_one_planted_finding(generated):
    module = _load_script(DRAFTS)
    assert sorted(module.EXPECTED_DRAFTS) == _docx(generated)
    assert module.EXPECTED_DRAFTS["sk-d1-as1.docx"] == []                       # the compliant unit's draft
    planted = {name: found for name, found in module.EXPECTED_DRAFTS.items() if found}
    assert sorted(planted) == ["sk-d2-as1.docx", "sk-d3-as2.docx"]
    assert [[rule for rule, _ in found] for found in planted.values()] == [["S08"], ["S23"]]

