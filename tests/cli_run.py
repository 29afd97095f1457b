"""`cek-pokja` run inside the test process, seen as its user sees it: the exit code, standard
output and standard error, in the folder the user is in.

    proc = run_cli("check", "samples", "-o", "t.xlsx", cwd=folder)
    proc.returncode, proc.stdout, proc.stderr          # as subprocess.run(..., text=True) gives them
    r = invoke("check", path, "--lang", "en")          # click's Result: r.exit_code, r.output

A new interpreter per command costs about 0.7 s of CPU (Python, pandas and the reader's fork
server started again): with every command-line test paying it, that was a third of the
suite. Real subprocesses stay where the process itself is under test: the console script and
`python -m checker` (tests/cli/test_cli.py, test_end_to_end.py), Ctrl-C and SIGTERM, terminal
encodings, help texts in the language of the command line (read once, when checker.cli is
imported), a killed run, FIFOs that would block a reader that did not refuse them.
"""
from __future__ import annotations

import contextlib
import inspect
import os
import signal
import subprocess
import warnings

from click.testing import CliRunner


def _runner(apart: bool) -> CliRunner:
    """`apart`: standard error apart from standard output (click 8.2 keeps them apart always,
    8.1 when asked); else click's `output` holds both, as a terminal shows them."""
    if apart and "mix_stderr" in inspect.signature(CliRunner).parameters:
        return CliRunner(mix_stderr=False)
    return CliRunner()


@contextlib.contextmanager
def _as_a_command(cwd=None):
    """The test process left as it was: the working folder, the signal handlers a command
    installs (SIGTERM) and the warning filters it sets (openpyxl's, ignored)."""
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    here = os.getcwd()
    try:
        with warnings.catch_warnings():
            if cwd is not None:
                os.chdir(cwd)
            yield
    finally:
        os.chdir(here)
        for s, h in handlers.items():
            signal.signal(s, h)


def run_cli(*args, cwd=None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The command in `cwd`, as subprocess.run(..., text=True) reports it."""
    from checker import cli
    if env and "CEK_POKJA_LANG" in env:
        raise ValueError("the default language is read when checker.cli is imported: pass --lang")
    argv = [str(a) for a in args]
    with _as_a_command(cwd):
        r = _runner(apart=True).invoke(cli.main, argv, prog_name="cek-pokja", env=env, catch_exceptions=False)
    return subprocess.CompletedProcess(["cek-pokja", *argv], r.exit_code, r.stdout, r.stderr)


def invoke(*args):
    """The command as click's Result: `exit_code`, and `output` with both streams as a
    terminal shows them."""
    from checker import cli
    with _as_a_command():
        return _runner(apart=False).invoke(cli.main, [str(a) for a in args], catch_exceptions=False)
