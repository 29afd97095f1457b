"""What `check` says on the terminal (issue 12, points 1-6): the findings one line each, every
reason a file was unreadable, no control characters from the inputs, a cancelled run, messages
in the chosen language naming the user's own path, help texts, and which files are written."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_run import invoke, run_cli
from click.testing import CliRunner
from rule_examples import build

from checker import cli

ROOT = Path(__file__).resolve().parents[2]
NO_TUGAS = [{"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"}, "set": {"Tugas Pokja": ""}}]


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    """The samples copied, and run once with the default line limit."""
    work = tmp_path_factory.mktemp("samples")
    shutil.copytree(ROOT / "samples", work / "samples", ignore=shutil.ignore_patterns("*.py", "*.md"))
    return work


def _run_in(folder, *args):
    return run_cli(*args, cwd=folder)


# ---------------------------------------------------------------------------- 1. the findings listed

def test_findings_listed_after_the_summary_one_line_each(samples):
    p = _run_in(samples, "check", "samples", "-o", "t.xlsx", "--engine", "pandas", "--jobs", "1")
    assert p.returncode == 1
    lines = p.stdout.splitlines()
    assert "  samples/d2-as1-pangan.xlsx:PK!A5  U04  pelanggaran  Target PK PK-04 (Persentase capaian " \
           "pemantauan cadangan pangan pemerintah di daerah) tidak dicantumkan" in p.stdout
    assert "  samples/d3-as2-minerba.xlsx:Pegawai!B8  D01  kesalahan data  Sheet Pegawai, sel B8 (NIP milik Hafiz " \
           "Maulana, S.E.): NIP \u201c199012112013121000\u201d tidak sah" in p.stdout
    head = lines.index("Rincian temuan:")
    assert lines[head - 1].startswith("  samples/sk-ses-bu.docx dipasangkan")     # after the summary
    finding_lines = lines[head + 1:-1]
    assert len(finding_lines) == 30 and lines[-1] == "Workbook temuan ditulis ke: t.xlsx"


def test_at_most_n_lines_then_how_many_more_and_where(samples):
    p = _run_in(samples, "check", "samples", "-o", "t5.xlsx", "--engine", "pandas", "--max-findings", "5")
    lines = p.stdout.splitlines()
    head = lines.index("Rincian temuan:")
    assert len([ln for ln in lines[head + 1:] if "  samples/" in ln]) == 5
    assert lines[head + 6] == ("  ... dan 25 temuan lainnya: lihat sheet Temuan pada t5.xlsx, atau tampilkan "
                               "semuanya dengan --format baris.")


def test_format_baris_prints_every_finding_and_nothing_else(samples):
    p = _run_in(samples, "check", "samples", "--format", "baris", "-o", "b.xlsx", "--engine", "pandas",
                "--max-findings", "3")
    lines = p.stdout.splitlines()
    assert len(lines) == 30 and p.returncode == 1
    assert all(ln.startswith("samples/") for ln in lines)
    assert lines[0].startswith("samples/d1-as2-fiskal.xlsx:Susunan Keanggotaan!N5  A05  pelanggaran  Pokja PF-01")


def test_format_json_is_the_document_and_writes_no_workbook(tmp_path):
    draft = build(NO_TUGAS, tmp_path / "draft.xlsx")
    p = _run_in(tmp_path, "check", "draft.xlsx", "--format", "json", "-q")
    doc = json.loads(p.stdout)
    assert [f["rule"] for f in doc["findings"]] == ["K04"]
    assert sorted(os.listdir(tmp_path)) == [draft.name]


def test_every_unreadable_file_is_shown_with_its_reason(tmp_path):
    folder = tmp_path / "units"
    folder.mkdir()
    build([], folder / "baik.xlsx")
    (folder / "daftar.csv").write_text("NIP,Nama\n1,Ani\n", encoding="utf-8")
    (folder / "lama.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    r = invoke("check", folder, "-o", tmp_path / "t.xlsx")
    out = r.output
    assert "Berkas yang tidak dapat dibaca:" in out
    for name in ("daftar.csv", "lama.xls"):
        line = next(ln for ln in out.splitlines() if ln.startswith(f"  {folder / name}: "))
        assert len(line) > len(f"  {folder / name}: ") + 20, line      # a reason, not just the name
    assert "  " + str(folder / "daftar.csv") + ": " in out and ".xlsx" in out


def test_an_annotated_copy_given_back_says_why(tmp_path):
    draft = build(NO_TUGAS, tmp_path / "draft.xlsx")
    invoke("check", draft, "--annotate", "-o", tmp_path / "t1.xlsx", "-q")
    copy = tmp_path / "draft.diperiksa.xlsx"
    r = invoke("check", copy, "-o", tmp_path / "t2.xlsx")
    assert r.exit_code == 2
    line = next(ln for ln in r.output.splitlines() if ln.startswith(f"  {copy}: "))
    assert "salinan beranotasi" in line


# ---------------------------------------------------------------------------- 2. control characters

def test_no_control_characters_reach_the_terminal(tmp_path):
    evil = "\x1b[2J\x1b[31mPokja\u009b31m\u202eJahat"
    draft = build([{"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"},
                    "set": {"Tugas Pokja": "", "Nama Pokja": "Nama \u009b2J\u202e terbalik"}}],
                  tmp_path / "draft.xlsx")
    named = tmp_path / (evil + ".xlsx")
    named.write_bytes(draft.read_bytes())
    r = invoke("check", named, "-o", tmp_path / "t.xlsx")
    assert r.exit_code == 1
    for ch in ("\x1b", "\u009b", "\u202e"):
        assert ch not in r.output
    assert "[2J[31mPokja31mJahat.xlsx:Pokja!E2  K04  pelanggaran" in r.output
    for line in invoke("check", named, "-o", tmp_path / "t.xlsx", "--format", "baris").output.splitlines():
        assert "\x1b" not in line and "\u009b" not in line


def test_clean():
    from checker.output.terminal import clean
    assert clean("a\x1b[2Jb\tc\r\nd\x07\x7f\u0085e") == "a[2Jb c de"


# ---------------------------------------------------------------------------- 3. cancelled runs

def _no_leftovers(folder: Path, keep: set):
    assert {p.name for p in folder.iterdir()} == keep


def test_ctrl_c_exits_130_and_leaves_no_output(tmp_path, monkeypatch):
    draft = build(NO_TUGAS, tmp_path / "draft.xlsx")

    from checker.output import findings_workbook

    def interrupted(*a, **k):
        raise KeyboardInterrupt
    monkeypatch.setattr(findings_workbook, "_write_findings", interrupted)
    r = CliRunner().invoke(cli.main, ["check", str(draft), "-o", str(tmp_path / "t.xlsx")])
    assert r.exit_code == 130
    assert "Pemeriksaan dibatalkan" in r.output
    _no_leftovers(tmp_path, {"draft.xlsx"})


def test_sigterm_exits_143_and_leaves_no_output(tmp_path, monkeypatch):
    from checker.output import findings_workbook
    draft = build(NO_TUGAS, tmp_path / "draft.xlsx")

    def terminated(*a, **k):
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)
    monkeypatch.setattr(findings_workbook, "_write_findings", terminated)
    old = signal.getsignal(signal.SIGTERM)
    try:
        r = CliRunner().invoke(cli.main, ["check", str(draft), "-o", str(tmp_path / "t.xlsx"), "--lang", "en"])
    finally:
        signal.signal(signal.SIGTERM, old)
    assert r.exit_code == 143 and "Check cancelled" in r.output
    _no_leftovers(tmp_path, {"draft.xlsx"})


def test_a_real_ctrl_c_while_reading(tmp_path):
    """SIGINT to the running command, while its workers read: 130, nothing written."""
    folder = tmp_path / "units"
    folder.mkdir()
    for i in range(3):
        build(NO_TUGAS, folder / f"u{i}.xlsx")
    code = ("import time, sys\n"
            "from checker.facts import unit_build\n"
            "from checker.pipeline import run\n"
            "real = run.unit_facts\n"
            "def slow(*a, **k):\n"
            "    print('reading', file=sys.stderr, flush=True); time.sleep(30); return real(*a, **k)\n"
            "run.unit_facts = slow\n"
            "from checker.cli import entry\n"
            "sys.argv = ['cek-pokja', 'check', 'units', '-o', 'out/t.xlsx', '--json', 'out/t.json']\n"
            "entry()\n")
    (tmp_path / "out").mkdir()
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=tmp_path, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stderr.readline().strip() == "reading"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Pemeriksaan dibatalkan" in err
    assert os.listdir(tmp_path / "out") == []


# Ctrl-C in the first half-second (issue 22 §4): while the command line's modules load and while
# the fork server starts and preloads the reader. A sitecustomize holds the program at that
# moment (it says so on stderr, then waits) so that the signal lands there on any machine.
_HOLD = """import os, sys, time
argv = " ".join(getattr(sys, "orig_argv", []))


def hold():
    # until Ctrl-C reaches this process, or the process that started it is gone (the fork
    # server's parent exits 130 on Ctrl-C); 30 s at most. The parent is noted before "holding"
    # is said: once said, it may exit at any moment, and a parent read after that is already
    # the next one (the test then took the full 30 s).
    parent, end = os.getppid(), time.monotonic() + 30
    sys.stderr.write("holding\\n")
    sys.stderr.flush()
    while os.getppid() == parent and time.monotonic() < end:
        time.sleep(0.05)


if {where!r} in argv:
    class Hold:
        def find_spec(self, name, path=None, target=None):
            if name == {module!r}:
                hold()
    sys.meta_path.insert(0, Hold()) if {module!r} else None
    if not {module!r}:
        hold()
"""


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups need POSIX")
@pytest.mark.parametrize("where, module", [("-m checker", "checker.web.command"),          # the CLI's imports
                                           ("multiprocessing.forkserver", "")])           # the fork server
def test_ctrl_c_in_the_first_half_second_prints_no_traceback(tmp_path, where, module):
    unit = build(NO_TUGAS, tmp_path / "u.xlsx")
    hold = tmp_path / "hold"
    hold.mkdir()
    (hold / "sitecustomize.py").write_text(_HOLD.format(where=where, module=module), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hold), str(ROOT)])}
    proc = subprocess.Popen([sys.executable, "-m", "checker", "check", str(unit), "-o", "t.xlsx"], cwd=tmp_path,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
                            start_new_session=True)
    assert proc.stderr.readline().strip() == "holding"
    os.killpg(proc.pid, signal.SIGINT)              # as a terminal does: to every process of the group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert not (tmp_path / "t.xlsx").exists()


@pytest.mark.parametrize("encoding", ["latin-1", "cp437"])
def test_a_terminal_that_is_not_utf8_gets_every_text(samples, encoding):
    """Issue 22: `check`, `--format baris`, `rules` and `explain` exited 4 (UnicodeEncodeError)
    on a Latin-1 or cp437 terminal; a character it cannot show is now a `?`."""
    env = {"PYTHONIOENCODING": encoding}
    for args, code in ((["check", "samples", "-o", "t.xlsx"], 1), (["check", "samples", "--format", "baris"], 1),
                       (["rules"], 0), (["explain", "K05"], 0), (["explain", "K05", "--lang", "en"], 0)):
        p = subprocess.run([sys.executable, "-m", "checker", *args], cwd=samples, capture_output=True, env={
            **os.environ, "PYTHONPATH": str(ROOT), **env}, timeout=300)
        assert p.returncode == code, (args, p.stderr.decode(encoding))
        text = p.stdout.decode(encoding)
        assert "UnicodeEncodeError" not in text + p.stderr.decode(encoding)
        if args[0] == "check":
            assert "d1-as2-fiskal.xlsx" in text and "?" in text          # the curly quotes of the messages
        else:
            assert "K05" in text


# ---------------------------------------------------------------------------- 4. messages

def test_missing_path_in_english(tmp_path):
    r = invoke("check", tmp_path / "nope.xlsx", "--lang", "en")
    assert r.exit_code == 2
    assert f"File or folder not found: {tmp_path / 'nope.xlsx'}. Check the spelling" in r.output
    assert "tidak ditemukan" not in r.output


def test_bad_compare_and_waivers_files_say_what_to_give(tmp_path):
    draft = build(NO_TUGAS, tmp_path / "draft.xlsx")
    junk = tmp_path / "lama.json"
    junk.write_bytes(b"\xff\xfe\x00garbage\x80")
    r = invoke("check", draft, "-o", tmp_path / "t.xlsx", "--compare", junk)
    assert r.exit_code == 2
    assert f"Berkas pembanding {junk} bukan JSON temuan maupun workbook temuan cek-pokja" in r.output
    assert "codec" not in r.output and "utf-8" not in r.output
    r = invoke("check", draft, "-o", tmp_path / "t.xlsx", "--waivers", junk, "--lang", "en")
    assert r.exit_code == 2
    assert f"The waivers workbook {junk} is not an Excel workbook (.xlsx)" in r.output
    assert "Calamine" not in r.output and "Cannot detect" not in r.output


def test_output_in_a_missing_folder_names_the_users_path(tmp_path):
    draft = build(NO_TUGAS, tmp_path / "draft.xlsx")
    target = tmp_path / "tidak-ada" / "temuan.xlsx"
    r = invoke("check", draft, "-o", target)
    assert r.exit_code == 2
    assert r.output.strip() == (f"Folder {tmp_path / 'tidak-ada'} untuk berkas keluaran {target} (-o) tidak ada. "
                                "Buat folder tersebut terlebih dahulu, atau pilih tempat lain dengan -o.")
    r = invoke("check", draft, "-o", target, "--lang", "en")
    assert "does not exist" in r.output and ".tmp" not in r.output and "No such file" not in r.output


def test_json_onto_an_input_names_the_json_file(tmp_path):
    draft = build(NO_TUGAS, tmp_path / "draft.xlsx")
    before = draft.read_bytes()
    r = invoke("check", draft, "-o", tmp_path / "t.xlsx", "--json", draft)
    assert r.exit_code == 2
    assert f"Berkas keluaran {draft} (--json) adalah salah satu berkas masukan" in r.output
    assert draft.read_bytes() == before


# ---------------------------------------------------------------------------- 5. help texts

@pytest.mark.parametrize("command", [[], ["check"], ["template"], ["rules"], ["explain"], ["serve"]])
def test_indonesian_help_has_no_english_left(command):
    p = subprocess.run([sys.executable, "-m", "checker", *command, "--help"], capture_output=True, text=True,
                       cwd=ROOT)
    assert p.returncode == 0
    for english in ("[OPTIONS]", "PATHS...", "INTEGER", "RANGE", "FILE", "COMMAND", "ARGS", "RULE_ID", "TEXT"):
        assert english not in p.stdout, (english, p.stdout)
    for line in p.stdout.split("\n  -"):
        assert line.count("bawaan") <= 1, line


@pytest.mark.parametrize("args, said", [
    (["check", "x.xlsx", "--jobs", "x"], "Nilai tidak sah untuk '--jobs': 'x' bukan bilangan bulat yang sah."),
    (["check", "x.xlsx", "--max-memory", "abc"],
     "Nilai tidak sah untuk '--max-memory': 'abc' bukan bilangan bulat yang sah."),
    (["check", "x.xlsx", "--timeout", "lama"], "Nilai tidak sah untuk '--timeout': 'lama' bukan angka yang sah."),
    (["serve", "--port", "99999"], "Nilai tidak sah untuk '--port': 99999 tidak berada dalam rentang 0<=x<=65535."),
    (["serve", "--keep-minutes", "x"], "Nilai tidak sah untuk '--keep-minutes': 'x' bukan angka yang sah."),
])
def test_clicks_type_errors_in_indonesian(args, said):
    p = subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 2 and said in p.stderr, p.stderr
    assert "integer" not in p.stderr and "float" not in p.stderr


def test_rules_explains_the_stage_letters_and_explain_takes_a_slug():
    r = invoke("rules")
    assert "R = rancangan" in r.output and "P = penetapan" in r.output and "E = evaluasi" in r.output
    by_slug = invoke("explain", "konsultasi-ortala")
    assert by_slug.exit_code == 0 and by_slug.output == invoke("explain", "K05").output


def test_english_plurals(tmp_path):
    clean = build([], tmp_path / "clean.xlsx")
    r = invoke("check", clean, "-o", tmp_path / "t.xlsx", "--lang", "en")
    assert "1 unit checked from 1 file; 0 files unreadable." in r.output
    assert "Findings: 0 errors, 0 data errors, 0 warnings, 0 notes." in r.output
    draft = build(NO_TUGAS, tmp_path / "draft.xlsx")
    r = invoke("check", draft, "-o", tmp_path / "t.xlsx", "--lang", "en")
    assert "Findings: 1 error, 0 data errors, 0 warnings, 0 notes." in r.output
    assert "  D9.AS1       Status as recorded: Not compliant          1 error,   0 data errors,   0 warnings" \
        in r.output
    r = invoke("check", ROOT / "samples", "-o", tmp_path / "t.xlsx", "--lang", "en", "--engine", "pandas")
    assert "9 units checked from 18 files; 0 files unreadable." in r.output
    assert "Findings: 15 errors, 11 data errors, 4 warnings, 0 notes." in r.output


def test_summary_says_once_that_findings_are_as_recorded(tmp_path):
    draft = build(NO_TUGAS, tmp_path / "draft.xlsx")
    out = invoke("check", draft, "-o", tmp_path / "t.xlsx").output
    assert out.count("bukan dari SK yang ditandatangani") == 1
    # each unit's status says it is the status as recorded (issue 10)
    assert "D9.AS1       Status menurut workbook: Tidak Patuh" in out
    out = invoke("check", draft, "-o", tmp_path / "t.xlsx", "--lang", "en").output
    assert out.count("as recorded in the workbooks") == 1 and "Status as recorded: Not compliant" in out


# ---------------------------------------------------------------------------- 6. which files are written

def test_json_to_stdout_alone_writes_no_workbook(tmp_path):
    build(NO_TUGAS, tmp_path / "draft.xlsx")
    p = _run_in(tmp_path, "check", "draft.xlsx", "--json", "-")
    assert p.returncode == 1 and json.loads(p.stdout)["findings"]
    assert sorted(os.listdir(tmp_path)) == ["draft.xlsx"]


def test_output_name_gets_xlsx(tmp_path):
    build(NO_TUGAS, tmp_path / "draft.xlsx")
    p = _run_in(tmp_path, "check", "draft.xlsx", "-o", "hasil")
    assert p.returncode == 1
    assert sorted(os.listdir(tmp_path)) == ["draft.xlsx", "hasil.xlsx"]
    assert "Workbook temuan ditulis ke: hasil.xlsx" in p.stdout
