"""Issue 13 points 2, 4 and 5: no unit goes missing silently from a folder audit, every sheet
kind has a row limit checked before any table is built, and the roster (like --compare and
--waivers) is never opened when it is a FIFO or a device and is read in a bounded worker.
Inputs are generated at test time; the row limit is lowered for the tall sheets."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from rule_examples import build

from checker import run
from checker.load import limits, workbook, workers
from checker.load.limits import Limits
from checker.load.model import LoadError
from checker.load.roster import RosterError, load_roster
from checker.load.workbook import load_workbook
from checker.terms import ANNOTATION_SHEET, OUTPUT_PROPERTY

ROOT = Path(__file__).resolve().parents[2]
POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need POSIX")


def cli(*args, timeout=120):
    env = {**os.environ, "COLUMNS": "200", "PYTHONWARNINGS": "ignore"}
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, env=env, timeout=timeout)


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


def walk(folder: str) -> list[str]:
    from checker.load.discovery import walk as walk_folder  # new in issue 13: a failure before it
    return walk_folder(folder)


def _d05(result) -> dict[str, str]:
    """file -> message of each file's D05 "unreadable file" finding."""
    return {f.file: f.message for f in result.findings if f.rule == "D05" and f.file}


# ============================================================================ point 2

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
    out = tmp_path / "temuan.xlsx"
    proc = cli("check", good, "-o", out, "-q")
    assert proc.returncode in (0, 1), proc.stderr
    folder = tmp_path / "f"
    folder.mkdir()
    shutil.copy(out, folder / "temuan.xlsx")                     # ours: property and layout
    _with_property(good, folder / "unit.xlsx")                   # property only: a unit
    assert [os.path.basename(p) for p in walk(str(folder))] == ["unit.xlsx"]


@POSIX
def test_a_fifo_given_beside_good_files_is_a_d05_not_the_end_of_the_run(good, tmp_path):
    fifo = tmp_path / "pipa.xlsx"
    os.mkfifo(fifo)
    proc = cli("check", good, fifo, "--json", "-", "-q", "-o", tmp_path / "o.xlsx", timeout=60)
    assert proc.returncode == 1, proc.stderr
    assert f"{fifo} bukan berkas biasa" in proc.stdout
    assert '"status": "checked"' in proc.stdout


# ============================================================================ point 4

def _tall(good: Path, path: Path, rows: int, stray_format: bool = False) -> Path:
    wb = openpyxl.load_workbook(good)
    ws = wb["Pegawai"]
    first = ws.max_row + 1
    for r in range(first, rows + 1):
        ws.cell(row=r, column=1, value=f"{199001012020011000 + r}")
    if stray_format:
        from openpyxl.styles import Font
        ws.cell(row=rows + 500, column=1).font = Font(bold=True)     # formatted, no value
    wb.save(path)
    return path


def test_a_sheet_beyond_its_row_limit_is_refused_before_it_is_read(good, tmp_path, monkeypatch):
    monkeypatch.setitem(limits.SHEET_MAX_ROWS, "pegawai", 40)
    tall = _tall(good, tmp_path / "tinggi.xlsx", 60)
    read = []
    real = workbook.read_sheet

    def read_sheet(path, wb, name):
        read.append(name)
        return real(path, wb, name)
    monkeypatch.setattr(workbook, "read_sheet", read_sheet)
    with pytest.raises(LoadError) as err:
        load_workbook(str(tall))
    assert err.value.message_key == "too_many_rows" and "Pegawai" not in read
    assert err.value.message("id").startswith(
        f"Sheet Pegawai pada {tall} memuat 60 baris; paling banyak 40 baris dibaca")
    assert err.value.message("en").startswith(f"Sheet Pegawai of {tall} has 60 rows; at most 40 are read")
    result = run.check([str(tall)], engine="pandas")
    assert _d05(result)[str(tall)].startswith(f"Sheet Pegawai pada {tall} memuat 60 baris")


def test_rows_within_the_limit_and_empty_formatted_rows_below_are_read(good, tmp_path, monkeypatch):
    monkeypatch.setitem(limits.SHEET_MAX_ROWS, "pegawai", 40)
    ok = _tall(good, tmp_path / "pas.xlsx", 40, stray_format=True)
    unit = load_workbook(str(ok))
    assert unit.tables["pegawai"].rows["_row"].max() == 40


def test_the_row_limits_are_far_below_excel_and_far_above_a_real_unit():
    assert all(1_000 <= n <= 100_000 for n in limits.SHEET_MAX_ROWS.values())
    assert limits.SHEET_MAX_ROWS["pegawai"] >= 10_000 and limits.SHEET_MAX_ROWS["mph"] >= 3 * 10_000


# ============================================================================ point 5

def _roster(path: Path, stray=None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["NIP", "Nama", "Kode Unit"])
    ws.append(["198811052014022002", "Ani", "D2-AS1"])
    if stray:
        ws.cell(row=stray[0], column=stray[1], value="x")
    wb.save(path)
    return path


def test_the_roster_is_read_in_a_bounded_worker(tmp_path, monkeypatch):
    path = _roster(tmp_path / "r.xlsx")
    here = load_roster(path)
    called = []
    real = workers.run_tasks
    monkeypatch.setattr(workers, "run_tasks", lambda *a, **k: called.append(k["limits"]) or real(*a, **k))
    there = load_roster(path, limits=Limits())
    assert called == [Limits()] and there.rows == here.rows and there.units.keys() == here.units.keys()


def test_a_roster_beyond_the_memory_limit_is_refused_and_the_process_lives(tmp_path):
    path = _roster(tmp_path / "besar.xlsx", stray=(59_000, 84))        # 4.96 M cells, within the range check
    with pytest.raises(RosterError) as err:
        load_roster(path, limits=Limits(memory_mb=200))
    assert err.value.message("id").startswith(f"Roster induk {path} tidak dapat dibaca: Berkas {path} terlalu "
                                              "besar untuk dibaca dalam batas memori 200 MB")


def test_a_roster_with_a_cell_at_the_end_of_the_grid_is_refused(tmp_path):
    path = _roster(tmp_path / "jauh.xlsx", stray=(1_048_576, 16_384))
    proc = cli("check", build([], tmp_path / "u.xlsx"), "--roster", path, "-o", tmp_path / "o.xlsx", "-q")
    assert proc.returncode == 2 and f"Roster induk {path} tidak dapat dibaca" in proc.stderr


@POSIX
@pytest.mark.parametrize("option", ["--roster", "--compare", "--waivers"])
def test_a_fifo_or_a_device_as_roster_compare_or_waivers_is_refused_at_once(good, tmp_path, option):
    fifo = tmp_path / "pipa.xlsx"
    os.mkfifo(fifo)
    zero = tmp_path / "nol.xlsx"
    os.symlink("/dev/zero", zero)
    for bad in (fifo, zero):
        proc = cli("check", good, option, bad, "-o", tmp_path / "o.xlsx", "-q", timeout=60)
        assert proc.returncode == 2, proc.stderr
        assert f"{bad} bukan berkas biasa" in proc.stderr, proc.stderr


@POSIX
def test_the_loader_never_opens_a_fifo(tmp_path):
    fifo = tmp_path / "pipa.xlsx"
    os.mkfifo(fifo)
    with pytest.raises(LoadError) as err:
        load_workbook(str(fifo))
    assert err.value.message_key == "not_a_file"
    assert workers.sha256_of(str(fifo)) is None
