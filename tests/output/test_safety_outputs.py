"""Issue 13, points 1, 3, 8 and 10: no output is ever written onto an input, a file name that is
not UTF-8 is checked like any other, a failed write (full disk, read-only disk, a signal) is
exit 2 naming the output and leaves no temporary file anywhere, and option values out of range
are exit 2 in the user's language."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from cli_run import invoke
from rule_examples import build

from checker import cli
from checker.output import atomic

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args, cwd, tmpdir=None, **kw):
    """The checker as a user runs it (its own process), with its own temporary folder."""
    env = dict(os.environ)
    if tmpdir is not None:
        env["TMPDIR"] = str(tmpdir)
    return subprocess.run([sys.executable, "-m", "checker", *map(os.fsdecode, args)], cwd=cwd, env=env,
                          capture_output=True, timeout=180, **kw)


@pytest.fixture
def private(tmp_path):
    """A temporary folder of the checker's own (TMPDIR), short: the fork server's socket lives there."""
    import tempfile
    folder = Path(tempfile.mkdtemp(prefix="ck-", dir="/tmp" if os.path.isdir("/tmp") else None))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def unit(tmp_path):
    return build([], tmp_path / "unit.xlsx")


def _snapshot(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# ------------------------------------------------------------------ 1. never onto an input

def test_output_onto_the_roster_is_refused_and_the_roster_kept(unit, tmp_path):
    roster = tmp_path / "r.xlsx"
    shutil.copy(unit, roster)
    before = _snapshot(tmp_path)
    r = invoke("check", unit, "--roster", roster, "-o", roster)
    assert r.exit_code == 2
    assert r.output.strip() == (f"Berkas keluaran {roster} (-o) adalah salah satu berkas masukan: {roster} (roster "
                                "induk, --roster); berkas masukan tidak pernah ditimpa. Pilih nama lain dengan -o.")
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("option,role", [("--compare", "the earlier run, --compare"),
                                         ("--waivers", "the waivers workbook, --waivers")])
def test_output_onto_compare_or_waivers_by_any_name_is_refused(unit, tmp_path, option, role):
    earlier = tmp_path / "earlier.xlsx"
    shutil.copy(unit, earlier)
    (tmp_path / "sub").mkdir()
    os.symlink(earlier, tmp_path / "link.xlsx")
    os.link(earlier, tmp_path / "hard.xlsx")
    before = _snapshot(tmp_path)
    for out_option, name in (("-o", tmp_path / "link.xlsx"), ("--json", tmp_path / "hard.xlsx"),
                             ("-o", tmp_path / "sub" / ".." / "earlier.xlsx")):
        r = invoke("check", unit, option, earlier, out_option, name, "--lang", "en")
        assert r.exit_code == 2, r.output
        assert r.output.strip() == (f"The output file {name} ({out_option}) is one of the inputs: {earlier} ({role}); "
                                    f"an input is never overwritten. Choose another name with {out_option}.")
    assert _snapshot(tmp_path) == before


def test_output_onto_a_unit_found_in_a_folder_is_refused(unit, tmp_path):
    folder = tmp_path / "units"
    folder.mkdir()
    shutil.move(unit, folder / "unit.xlsx")
    before = (folder / "unit.xlsx").read_bytes()
    r = invoke("check", folder, "--json", folder / "unit.xlsx")
    assert r.exit_code == 2
    assert f"salah satu berkas masukan: {folder / 'unit.xlsx'} (workbook unit)" in r.output
    assert (folder / "unit.xlsx").read_bytes() == before


def test_a_new_name_through_a_linked_folder_is_the_same_file(tmp_path):
    (tmp_path / "real").mkdir()
    os.symlink(tmp_path / "real", tmp_path / "alias")
    assert atomic.same_file(tmp_path / "alias" / "new.xlsx", tmp_path / "real" / "sub" / ".." / "new.xlsx")
    assert not atomic.same_file(tmp_path / "alias" / "new.xlsx", tmp_path / "real" / "other.xlsx")


def test_workbook_and_json_onto_one_file_is_refused(unit, tmp_path):
    r = invoke("check", unit, "-o", tmp_path / "x.xlsx", "--json", tmp_path / "x.xlsx")
    assert r.exit_code == 2
    assert r.output.strip() == (f"Keluaran {tmp_path / 'x.xlsx'} (--json) adalah berkas yang sama dengan keluaran "
                                f"{tmp_path / 'x.xlsx'} (-o); yang satu akan menimpa yang lain. Berikan nama yang "
                                "berbeda.")
    assert not (tmp_path / "x.xlsx").exists()


def test_annotated_copy_onto_a_given_input_is_refused_before_anything_is_written(unit, tmp_path):
    copy = tmp_path / "unit.diperiksa.xlsx"
    shutil.copy(unit, copy)
    before = _snapshot(tmp_path)
    r = invoke("check", unit, copy, "--annotate", "-o", tmp_path / "o.xlsx")
    assert r.exit_code == 2, r.output
    assert r.output.strip() == (f"Salinan beranotasi {unit} akan ditulis ke {copy}, yaitu berkas masukan {copy} "
                                "(workbook unit); berkas masukan tidak pernah ditimpa. Tulis salinan ke folder lain "
                                "dengan --annotate-dir FOLDER.")
    assert _snapshot(tmp_path) == before                 # nor the findings workbook


def test_annotated_copy_onto_the_findings_workbook_is_refused(unit, tmp_path):
    r = invoke("check", unit, "--annotate", "-o", tmp_path / "unit.diperiksa.xlsx", "--lang", "en")
    assert r.exit_code == 2
    assert "which is the output -o. Choose another name with -o" in r.output
    assert not (tmp_path / "unit.diperiksa.xlsx").exists()


def test_every_atomic_write_refuses_a_protected_input(tmp_path):
    """The guard under every writer (per-unit workbooks included): a roster that happens to sit
    where a per-unit workbook goes is not replaced."""
    roster = tmp_path / "D9.AS1.xlsx"
    roster.write_bytes(b"roster")
    with atomic.protecting([str(roster)]):
        with pytest.raises(atomic.OutputIsInputError):
            atomic.write_text_atomic(tmp_path / "." / "D9.AS1.xlsx", "findings")
    assert roster.read_bytes() == b"roster"
    atomic.write_text_atomic(roster, "free again")      # outside the block nothing is protected
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_per_unit_workbook_onto_the_roster_is_refused(unit, tmp_path):
    out = tmp_path / "per-unit"
    out.mkdir()
    roster = out / "D9.AS1.xlsx"
    import openpyxl
    wb = openpyxl.Workbook()
    wb.active.append(["NIP", "Nama", "Kode Unit"])
    wb.active.append(["199001012020011001", "Budi", "D9.AS1"])
    wb.save(roster)
    before = roster.read_bytes()
    r = invoke("check", unit, "--roster", roster, "--per-unit", out, "-o", tmp_path / "o.xlsx")
    assert r.exit_code == 2, r.output
    assert "salah satu berkas masukan" in r.output and "D9.AS1.xlsx" in r.output
    assert roster.read_bytes() == before


# ------------------------------------------------------------------ 3. names that are not UTF-8

@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs a file system that takes any bytes in names")
def test_a_file_name_that_is_not_utf8_is_checked_and_shown_with_replacement_characters(unit, tmp_path, private):
    folder = tmp_path / "units"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/u-\xff.xlsx"
    shutil.copy(unit, raw)
    with open(os.fsencode(folder) + b"/rusak-\xfe.xlsx", "wb") as fh:     # unreadable: its D05 names it too
        fh.write(b"not a workbook")
    r = run_cli("check", folder, "-o", tmp_path / "o.xlsx", "--json", tmp_path / "o.json", "--annotate",
                cwd=tmp_path, tmpdir=private)
    err = r.stderr.decode("utf-8", "replace")
    assert r.returncode == 1, err
    shown, bad = f"{folder}/u-\ufffd.xlsx", f"{folder}/rusak-\ufffd.xlsx"
    doc = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert [(i["file"], i["status"]) for i in doc["inputs"]] == [(bad, "unreadable"), (shown, "checked")]
    assert [(f["rule"], f["file"]) for f in doc["findings"]] == [("D05", bad)]
    assert bad in doc["findings"][0]["message"]
    with zipfile.ZipFile(tmp_path / "o.xlsx") as z:
        assert shown in z.read("xl/sharedStrings.xml").decode("utf-8")
    out = r.stdout.decode("utf-8")
    assert "1 unit diperiksa dari 2 berkas; 1 berkas tidak terbaca." in out
    assert f"  {bad}: Berkas {bad} " in out          # the reason, once, among the files not read
    assert f"  {bad}  D05  kesalahan data" not in out
    assert f"Salinan beranotasi: {folder}/u-\ufffd.diperiksa.xlsx" in out
    assert sorted(os.listdir(os.fsencode(folder))) == [b"rusak-\xfe.xlsx", b"u-\xff.diperiksa.xlsx", b"u-\xff.xlsx"]
    assert os.listdir(private) == [] and not err


# ------------------------------------------------------------------ 8. failed writes leave nothing

@pytest.fixture
def full_disk(tmp_path):
    """A 64 KiB tmpfs, filled up (root only)."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("the full-disk test mounts a small tmpfs, which needs root on Linux")
    mnt = tmp_path / "full"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True).returncode:
        pytest.skip("tmpfs cannot be mounted here (a container without the capability)")
    try:
        with open(mnt / "fill", "wb") as fh:
            try:
                fh.write(b"\0" * (1 << 20))
            except OSError:
                pass
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


@pytest.mark.parametrize("option,name", [("-o", "o.xlsx"), ("--json", "o.json"), ("--annotate-dir", "copies")])
def test_full_disk_is_exit_2_naming_the_output_and_leaves_no_temporary_file(unit, tmp_path, full_disk, private, option,
                                                                            name):
    target = full_disk / name
    extra = ["-o", tmp_path / "o.xlsx"] if option == "--annotate-dir" else []
    r = run_cli("check", unit, option, target, *extra, cwd=tmp_path, tmpdir=private)
    err = r.stderr.decode("utf-8")
    assert r.returncode == 2, err
    if option == "--annotate-dir":
        assert err.startswith(f"Berkas keluaran {target} (--annotate-dir) tidak dapat ditulis"), err
    else:
        assert err.strip() == (f"Berkas keluaran {target} ({option}) tidak dapat ditulis: ruang disk penuh. Kosongkan "
                               f"ruang disk atau pilih tempat lain dengan {option}.")
    assert "Traceback" not in err and "Exception ignored" not in err
    left = sorted(p.name for p in full_disk.rglob("*") if p.is_file())
    assert left == ["fill"]
    assert os.listdir(private) == []            # XlsxWriter's own temporary files were in a folder of the run


def test_permission_refused_at_the_last_step_is_exit_2_and_leaves_nothing(unit, tmp_path, monkeypatch):
    """The folder was writable when checked and is not when the workbook replaces its target."""
    def refused(src, dst):
        raise PermissionError(13, "Permission denied", dst)
    monkeypatch.setattr(atomic.os, "replace", refused)
    r = invoke("check", unit, "-o", tmp_path / "o.xlsx")
    assert r.exit_code == 2
    assert r.output.strip() == (f"Berkas keluaran {tmp_path / 'o.xlsx'} (-o) tidak dapat ditulis: tidak ada izin "
                                f"menulis di folder {tmp_path}. Pilih tempat lain dengan -o.")
    assert sorted(os.listdir(tmp_path)) == ["unit.xlsx"]


def test_an_interrupted_workbook_leaves_no_temporary_file(unit, tmp_path, monkeypatch):
    """Ctrl-C or SIGTERM while the workbook is written: neither the target's temporary file nor
    XlsxWriter's temporary folder survives."""
    from checker.output import findings_workbook
    made = []
    real = atomic.scratch_folder

    def watched():
        cm = real()
        folder = cm.__enter__()
        made.append(folder)

        class Wrap:
            def __enter__(self):
                return folder

            def __exit__(self, *exc):
                return cm.__exit__(*exc)
        return Wrap()

    def interrupted(wb, result, target, *options):
        wb.add_worksheet("x").write_string(0, 0, "half")
        raise cli.Terminated()
    monkeypatch.setattr(findings_workbook, "scratch_folder", watched)
    monkeypatch.setattr(findings_workbook, "_fill", interrupted)
    from checker.result import RunResult
    result = RunResult(tool="t", version="0", rulebase_version="0", stage="penetapan", lang="id", engine="pandas",
                       checked_at=None, inputs=[], findings=[])
    with pytest.raises(cli.Terminated):
        findings_workbook.write_workbook(result, tmp_path / "o.xlsx")
    assert sorted(os.listdir(tmp_path)) == ["unit.xlsx"]
    assert made and not os.path.exists(made[0])


def test_sigterm_leaves_no_temporary_file_nor_multiprocessing_folder(tmp_path, private):
    proc = subprocess.Popen([sys.executable, "-m", "checker", "check", str(ROOT / "samples"), "-o",
                             str(tmp_path / "o.xlsx"), "--json", str(tmp_path / "o.json"), "-q", "--jobs", "2"],
                            cwd=tmp_path, env=dict(os.environ, TMPDIR=str(private)), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not os.listdir(private) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)                       # the reader workers have started: their pymp-* folder is there
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode in (143, 0, 1), err
    if proc.returncode == 143:
        said = err.decode("utf-8").strip()
        assert said == "Pemeriksaan dibatalkan; tidak ada berkas keluaran yang setengah tertulis."
    assert os.listdir(private) == []
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# ------------------------------------------------------------------ 10. values and names at the limits

@pytest.mark.parametrize("args,text", [
    (("--timeout", "inf"), "Nilai --timeout inf di luar rentang: berikan 0 (tanpa batas) atau angka dari 1 sampai "
                           "86400 (detik)."),
    (("--timeout", "nan"), "Nilai --timeout nan di luar rentang: berikan 0 (tanpa batas) atau angka dari 1 sampai "
                           "86400 (detik)."),
    (("--max-memory", str(10 ** 15)), f"Nilai --max-memory {10 ** 15} di luar rentang: berikan 0 (tanpa batas) atau "
                                      "bilangan bulat dari 256 sampai 1048576 (MB)."),
    (("--max-memory", "10", "--lang", "en"), "The value --max-memory 10 is out of range: give 0 (no limit) or a "
                                             "whole number from 256 to 1048576 (MB)."),
])
def test_limits_out_of_range_are_exit_2(unit, tmp_path, args, text):
    r = invoke("check", unit, "-o", tmp_path / "o.xlsx", *args)
    assert r.exit_code == 2
    assert r.output.strip() == text
    assert not (tmp_path / "o.xlsx").exists()


def test_limits_in_range_still_run(unit, tmp_path):
    r = invoke("check", unit, "-o", tmp_path / "o.xlsx", "--timeout", "0", "--max-memory", "0", "-q")
    assert r.exit_code == 0, r.output


def test_an_output_name_of_255_bytes_is_written(unit, tmp_path):
    name = "t" * 250 + ".xlsx"
    r = invoke("check", unit, "-o", tmp_path / name, "--json", tmp_path / ("j" * 250 + ".json"), "-q")
    assert r.exit_code == 0, r.output
    assert (tmp_path / name).stat().st_size > 0 and (tmp_path / ("j" * 250 + ".json")).exists()


def test_openpyxl_warnings_do_not_reach_the_terminal(unit, tmp_path):
    """openpyxl (the annotated copy) warns about the parts of a workbook it drops."""
    src = tmp_path / "ext.xlsx"
    with zipfile.ZipFile(unit) as zin, zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(b"</worksheet>", b'<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"/>'
                                    b"</extLst></worksheet>")
            zout.writestr(item, data)
    r = run_cli("check", src, "--annotate", "-o", tmp_path / "o.xlsx", "-q", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "ext.diperiksa.xlsx").exists()
    assert r.stderr == b""


# ------------------------------------------------------------------ issue 22: after SIGKILL

_KILLED_WRITER = """import os, signal, sys
from checker.output import atomic
if sys.argv[1] == "file":
    with atomic.atomic_output(sys.argv[2]) as tmp:
        open(tmp, "wb").write(b"NIP 198602142010122001 Rina Wulandari")     # unit data, half written
        os.kill(os.getpid(), signal.SIGKILL)
with atomic.scratch_folder() as folder:
    open(os.path.join(folder, "sheet1.xml"), "wb").write(b"<row>198602142010122001</row>")
    os.kill(os.getpid(), signal.SIGKILL)
"""

_HOLDER = """import sys, time
from checker.output import atomic
with atomic.atomic_output(sys.argv[1]) as tmp:
    print(tmp, flush=True)
    time.sleep(60)
"""


def _python(code, *args, tmpdir=None, **kw):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if tmpdir is not None:
        env["TMPDIR"] = str(tmpdir)
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], env=env, **kw)


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_the_next_run_removes_what_a_killed_run_left_beside_its_output(unit, tmp_path):
    """A `.cek-*.tmp` (holding unit data) stayed beside the output after SIGKILL. The next run
    removes it, and only what is provably its own and abandoned: the same name pattern, old
    enough, locked by nobody; a live writer's temporary, a young one and other names stay."""
    out = tmp_path / "keluaran"
    out.mkdir()
    killed = _python(_KILLED_WRITER, "file", out / "t.xlsx")
    assert killed.wait(60) == -signal.SIGKILL
    [left] = list(out.iterdir())
    assert atomic.TEMP_FILE.fullmatch(left.name) and b"198602142010122001" in left.read_bytes()
    _age(left, 120)
    holder = _python(_HOLDER, out / "h.xlsx", stdout=subprocess.PIPE, text=True)      # a run still writing
    try:
        held = Path(holder.stdout.readline().strip())
        _age(held, 120)
        young = out / ".cek-0123abcd.tmp"
        young.write_bytes(b"x")                                   # a run that has just begun
        other = out / ".cek-laporan.tmp"
        other.write_bytes(b"x")
        _age(other, 120)
        proc = run_cli("check", unit, "-o", out / "temuan.xlsx", "-q", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        names = {p.name for p in out.iterdir()}
        assert names == {"temuan.xlsx", held.name, young.name, other.name}
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX")
def test_the_next_run_removes_a_killed_runs_scratch_folder(tmp_path, private):
    killed = _python(_KILLED_WRITER, "folder", tmpdir=private)
    assert killed.wait(60) == -signal.SIGKILL
    [left] = list(private.iterdir())
    assert left.name.startswith(atomic.SCRATCH_PREFIX) and (left / "sheet1.xml").exists()
    strange = private / "cek-pokja-abcdefgh"                     # our pattern, but no lock: not provably ours
    strange.mkdir()
    finished = _python("from checker.output import atomic\nwith atomic.scratch_folder():\n    pass\n",
                       tmpdir=private)
    assert finished.wait(60) == 0
    assert [p.name for p in private.iterdir()] == [strange.name]
