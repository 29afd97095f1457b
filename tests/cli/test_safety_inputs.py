"""Issue 13 points 2, 4 and 5 from the command line: a FIFO beside good files is a D05, every
sheet kind has a row limit checked before any table is built, and the roster (like --compare
and --waivers) is never opened when it is a FIFO or a device (tests/pipeline: the folder
audit and the roster's bounded worker). Inputs are generated at test time; the row limit is
lowered for the tall sheets."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from cli_run import run_cli
from make_hostile import small_roster
from rule_examples import build

from checker.load import limits, unit_workbook
from checker.load.model import LoadError
from checker.load.unit_workbook import load_workbook
from checker.pipeline import run, workers

ROOT = Path(__file__).resolve().parents[2]
POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need POSIX")


def cli(*args):
    return run_cli(*args, cwd=ROOT)


def cli_process(*args, timeout=60):
    """In a process of its own, for the FIFOs: a reader that opened one would wait forever."""
    env = {**os.environ, "COLUMNS": "200", "PYTHONWARNINGS": "ignore"}
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, env=env, timeout=timeout)


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    return build([], tmp_path_factory.mktemp("good") / "unit.xlsx")


def _d05(result) -> dict[str, str]:
    """file -> message of each file's D05 "unreadable file" finding."""
    return {f.file: f.message for f in result.findings if f.rule == "D05" and f.file}


# ============================================================================ point 2

@POSIX
def test_a_fifo_given_beside_good_files_is_a_d05_not_the_end_of_the_run(good, tmp_path):
    fifo = tmp_path / "pipa.xlsx"
    os.mkfifo(fifo)
    proc = cli_process("check", good, fifo, "--json", "-", "-q", "-o", tmp_path / "o.xlsx")
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
    real = unit_workbook.read_sheet

    def read_sheet(path, wb, name):
        read.append(name)
        return real(path, wb, name)
    monkeypatch.setattr(unit_workbook, "read_sheet", read_sheet)
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
    assert max(unit.tables["pegawai"].rows["_row"]) == 40


def test_the_row_limits_are_far_below_excel_and_far_above_a_real_unit():
    assert all(1_000 <= n <= 100_000 for n in limits.SHEET_MAX_ROWS.values())
    assert limits.SHEET_MAX_ROWS["pegawai"] >= 10_000 and limits.SHEET_MAX_ROWS["mph"] >= 3 * 10_000


# ============================================================================ point 5

def test_a_roster_with_a_cell_at_the_end_of_the_grid_is_refused(tmp_path):
    path = small_roster(tmp_path / "jauh.xlsx", stray=(1_048_576, 16_384))
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
        proc = cli_process("check", good, option, bad, "-o", tmp_path / "o.xlsx", "-q")
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


# ============================================================================ issue 22, point 1

def _findings_workbook(tmp_path, good, stray=None) -> Path:
    """A findings workbook an earlier run wrote, with a stray cell on its Temuan sheet."""
    path = tmp_path / "temuan-lama.xlsx"
    assert cli("check", good, "-o", path, "-q").returncode in (0, 1)
    if stray:
        wb = openpyxl.load_workbook(path)
        wb["Temuan"].cell(row=stray[0], column=stray[1], value="x")
        wb.save(path)
    return path


@pytest.mark.parametrize("option, said", [("--compare", "Berkas pembanding"),
                                          ("--waivers", "Workbook pengecualian")])
@pytest.mark.parametrize("stray", [(1_048_576, 16_384), (4_000, 16_384)])
def test_a_stray_cell_in_a_follow_up_workbook_is_a_message_not_an_abort(good, tmp_path, option, said, stray):
    """Issue 22: at XFD1048576 the run aborted (exit 134, a Rust backtrace, pymp-* left); at
    XFD4000 it took 2.6 GB. Now read as every input: its used range refused before the reader."""
    earlier = _findings_workbook(tmp_path, good, stray)
    proc = cli("check", good, option, earlier, "-o", tmp_path / "o.xlsx", "-q")
    assert proc.returncode == 2, proc.stderr
    cell = "XFD1048576" if stray[0] == 1_048_576 else "XFD4000"
    assert proc.stderr.startswith(f"{said} {earlier} tidak dapat dibaca: Sheet Temuan pada {earlier} memakai "
                                  f"rentang sel yang terlalu besar untuk dibaca (sampai sel {cell}"), proc.stderr
    assert "panicked" not in proc.stderr and "backtrace" not in proc.stderr
    assert not (tmp_path / "o.xlsx").exists()


def test_the_earlier_run_is_read_under_max_memory(good, tmp_path):
    """A findings JSON whose reading needs more than --max-memory: that worker stops, the run
    says why (it was read in the main process, without any bound)."""
    earlier = tmp_path / "besar.json"
    with earlier.open("w", encoding="utf-8") as fh:
        fh.write('{"findings": [')
        fh.write(",".join(f'{{"fingerprint": "{i:x}", "rule": "U01"}}' for i in range(1_500_000)))
        fh.write("]}")
    proc = cli("check", good, "--compare", earlier, "-o", tmp_path / "o.xlsx", "-q", "--max-memory", "300")
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith(f"Berkas pembanding {earlier} tidak dapat dibaca: Berkas {earlier} terlalu besar "
                                  "untuk dibaca dalam batas memori 300 MB."), proc.stderr


def test_an_earlier_run_within_the_bounds_still_compares(good, tmp_path):
    earlier = _findings_workbook(tmp_path, good)
    proc = cli("check", good, "--compare", earlier, "--waivers", earlier, "-o", tmp_path / "o.xlsx")
    assert proc.returncode in (0, 1), proc.stderr
    assert "Dibandingkan dengan temuan-lama.xlsx: 0 baru," in proc.stdout
    assert "Pengecualian: 0 berlaku" in proc.stdout


@POSIX
@pytest.mark.parametrize("option", ["--compare", "--waivers"])
def test_a_fifo_as_compare_or_waivers_is_refused_before_the_check(tmp_path, option):
    """Refused from its stat before anything is read: the run's own inputs are not even looked at."""
    fifo = tmp_path / "pipa.xlsx"
    os.mkfifo(fifo)
    proc = cli_process("check", tmp_path / "belum-ada.xlsx", option, fifo, "-o", tmp_path / "o.xlsx", "-q")
    assert proc.returncode == 2 and f"{fifo} bukan berkas biasa" in proc.stderr, proc.stderr
    assert "belum-ada.xlsx" not in proc.stderr


# ============================================================================ issue 22, point 2

def test_annotated_copies_are_made_under_the_runs_bounds(good, tmp_path):
    """A 121 KB workbook declaring 20,000 sheets took 213 s and 680 MB to annotate; one whose
    copy needs more than --max-memory was made anyway. Now neither copy is made, each says
    why, the run's findings and exit code are those of the check, and the good copy is made."""
    from heavy_copies import big_extra_sheet, many_sheets
    # 1,000 sheets: refused like 20,000 (tests/output/test_annotate.py), and checked in 0.2 s, not 3 s
    many = many_sheets(tmp_path / "banyak.xlsx", n=1_000)
    wide = big_extra_sheet(tmp_path / "lebar.xlsx", rows=16_000)      # over 256 MB in openpyxl
    plain = run.check([str(many), str(wide), str(good)], engine="pandas")       # the check alone
    proc = cli("check", many, wide, good, "--json", tmp_path / "b.json", "-o", tmp_path / "b.xlsx", "-q",
               "--annotate-dir", tmp_path / "salinan", "--max-memory", "256", "--lang", "en")
    assert proc.returncode == (1 if plain.failing() else 0) == 1, proc.stderr
    assert sorted(p.name for p in (tmp_path / "salinan").iterdir()) == ["unit.diperiksa.xlsx"]
    lines = proc.stderr.strip().splitlines()
    assert lines[0].startswith(f"No annotated copy of {many} was made: the workbook holds 1006 sheets")
    assert lines[1].startswith(f"No annotated copy of {wide} was made: making it needs more than the memory "
                               "limit of 256 MB.")
    import json
    written = [f["fingerprint"] for f in json.loads((tmp_path / "b.json").read_text())["findings"]]
    assert written == [f.fingerprint for f in plain.findings] != []
