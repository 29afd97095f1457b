"""Installs where the users are (issue 22 §6): durable-rules, a source package with C code, is a
requirement only where it builds; elsewhere the pandas engine is the default, said once in the
summary; and every other requirement resolves to wheels on Windows and macOS (.ci/run runs
.ci/wheels_only.py for every target; here one target when PyPI can be reached)."""
from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rule_examples import build

from checker import cli

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / ".ci"))
import wheels_only  # noqa: E402


def _environments():
    return {name: env for name, _tags, _python, env in wheels_only.targets()}


@pytest.mark.parametrize("name", [name for name, *_ in wheels_only.targets()])
def test_durable_rules_is_no_requirement_on_windows_or_macos(name):
    reqs = wheels_only.requirements(_environments()[name])
    assert not [r for r in reqs if r.lower().startswith("durable")]
    assert {"pandas>=2.1", "fastapi>=0.115", "uvicorn>=0.30"} <= set(reqs)


def test_durable_rules_is_a_requirement_on_linux_where_it_builds():
    linux = {**_environments()["win_amd64-3.10"], "platform_system": "Linux", "sys_platform": "linux",
             "os_name": "posix"}
    assert "durable-rules>=2.0.28" in wheels_only.requirements(linux)
    assert "durable-rules>=2.0.28" not in wheels_only.requirements({**linux, "python_version": "3.13"})


def _pypi_reachable() -> bool:
    try:
        socket.create_connection(("pypi.org", 443), timeout=3).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _pypi_reachable(), reason="PyPI cannot be reached from here (.ci/run resolves every target)")
def test_windows_resolves_to_wheels_alone():
    assert wheels_only.main(["--only", "win_amd64-3.13"]) == 0


def test_without_durable_rules_the_summary_says_once_that_pandas_ran(tmp_path, monkeypatch):
    from checker.engines import durable_engine
    unit = build([], tmp_path / "u.xlsx")
    monkeypatch.setattr(durable_engine, "available", lambda: False)
    said = "Mesin aturan pandas dipakai karena durable-rules tidak terpasang di komputer ini; temuannya sama"
    r = CliRunner().invoke(cli.main, ["check", str(unit), "-o", str(tmp_path / "o.xlsx")])
    assert r.exit_code == 0 and r.output.count(said) == 1, r.output
    assert "mesin pandas" in r.output.splitlines()[0]
    r = CliRunner().invoke(cli.main, ["check", str(unit), "-o", str(tmp_path / "o.xlsx"), "--engine", "pandas"])
    assert r.exit_code == 0 and said not in r.output                   # asked for: nothing to explain
    r = CliRunner().invoke(cli.main, ["check", str(unit), "-o", str(tmp_path / "o.xlsx"), "--lang", "en"])
    assert r.output.count("The pandas rule engine ran because durable-rules is not installed") == 1
