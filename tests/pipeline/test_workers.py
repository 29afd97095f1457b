"""The reader workers (pipeline/workers.py) and their tasks (pipeline/task.py): a worker
answers one typed, picklable value per file, which the run reads and never changes; the
roster is read in a bounded worker too (issue 13 point 5)."""
from __future__ import annotations

import dataclasses
import os
import pickle
from pathlib import Path

import pytest
from make_hostile import small_roster
from rule_examples import build

from checker.facts.unit_build import UnitFacts
from checker.load.errors import RosterError
from checker.load.inputref import DocKind, InputRef
from checker.load.limits import Limits
from checker.load.model import LoadError
from checker.load.roster import load_roster
from checker.pipeline import run, workers
from checker.pipeline.task import RosterOutcome, check_file, failed_file, read_roster


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    return build([], tmp_path_factory.mktemp("good") / "unit.xlsx")


def test_a_worker_answers_one_typed_picklable_value_per_file(good, tmp_path):
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"not a workbook")
    refs = [InputRef(str(good), "unit.xlsx"), InputRef(str(bad), "rusak.xlsx"),
            InputRef(str(tmp_path / "u002-0f3a.xlsx"), "hilang.xlsx")]
    read, failed, missing = workers.run_tasks(refs, check_file, failed_file, ("penetapan",), jobs=2,
                                              limits=Limits())
    for value in (read, failed, missing):
        assert type(value) is UnitFacts
        assert pickle.loads(pickle.dumps(value)) == value
        with pytest.raises(dataclasses.FrozenInstanceError):
            value.ctx = None
    assert (read.ctx.file, read.ctx.readable, read.ctx.code) == ("unit.xlsx", True, "D9.AS1")
    assert (failed.ctx.file, failed.ctx.readable) == ("rusak.xlsx", False)
    assert failed.ctx.detail["en"].startswith("The file rusak.xlsx is text/CSV")      # named as shown
    assert missing.ctx.detail["en"] == "The file hilang.xlsx does not exist."     # the reader named the stored path
    assert str(tmp_path) not in repr((failed, missing))


def test_the_run_never_changes_what_the_workers_answered(good, tmp_path, monkeypatch):
    answered = []
    real = run.unit_facts

    def kept(*args, **kw):
        parts = real(*args, **kw)
        answered.append((parts, pickle.dumps(parts)))
        return parts
    monkeypatch.setattr(run, "unit_facts", kept)
    run.check([str(good), str(good)], engine="pandas", roster=str(small_roster(tmp_path / "r.xlsx")))
    ((parts, before),) = answered
    assert pickle.dumps(parts) == before


def test_the_roster_is_read_in_a_bounded_worker(tmp_path, monkeypatch):
    path = small_roster(tmp_path / "r.xlsx")
    here = load_roster(path)
    called = []
    real = workers.run_tasks
    monkeypatch.setattr(workers, "run_tasks", lambda *a, **k: called.append((a[1], k["limits"])) or real(*a, **k))
    there = run.master_roster(str(path), limits=Limits())
    assert called == [(read_roster, Limits())]
    assert there.rows == here.rows and there.units.keys() == here.units.keys()


def test_the_roster_worker_answers_a_typed_value_naming_it_as_shown(tmp_path):
    path = small_roster(tmp_path / "r.xlsx")
    ref = InputRef(str(path), "roster-induk.xlsx", DocKind.ROSTER)
    (got,) = workers.run_tasks([ref], read_roster, None, limits=Limits())
    assert type(got) is RosterOutcome and got.error is None and got.roster.path == "roster-induk.xlsx"
    missing = InputRef(str(tmp_path / "hilang.xlsx"), "roster-induk.xlsx", DocKind.ROSTER)
    (got,) = workers.run_tasks([missing], read_roster, None, limits=Limits())
    assert got.roster is None and isinstance(got.error, RosterError)
    assert got.error.message("en").startswith("The master roster roster-induk.xlsx")
    assert pickle.loads(pickle.dumps(got)).error.message("en") == got.error.message("en")


def test_a_roster_beyond_the_memory_limit_is_refused_and_the_process_lives(tmp_path):
    path = small_roster(tmp_path / "besar.xlsx", stray=(59_000, 84))        # 4.96 M cells, within the range check
    with pytest.raises(RosterError) as err:
        run.master_roster(str(path), limits=Limits(memory_mb=200))
    assert err.value.message("id").startswith(f"Roster induk {path} tidak dapat dibaca: Berkas {path} terlalu "
                                              "besar untuk dibaca dalam batas memori 200 MB")


def _write_a_temporary_file_and_die(index, ref):
    """What openpyxl does when a worker is stopped while it saves: a temporary file made, then no
    orderly exit to delete it."""
    import tempfile
    fd, path = tempfile.mkstemp(prefix="openpyxl.")
    os.close(fd)
    Path(ref.path).write_text(path, encoding="utf-8")       # where it was, for the test
    os._exit(9)


def _its_failure(index, ref, sha, err):
    return err


def test_a_worker_stopped_while_it_writes_leaves_no_temporary_file(tmp_path):
    note = tmp_path / "where.txt"
    note.write_text("", encoding="utf-8")
    (got,) = workers.run_tasks([InputRef.at(str(note), DocKind.UNIT_WORKBOOK)], _write_a_temporary_file_and_die,
                               _its_failure, limits=Limits())
    assert isinstance(got, LoadError)
    left = Path(note.read_text(encoding="utf-8"))
    assert left.name.startswith("openpyxl.") and left.parent.name.startswith("cek-pokja-worker-")
    assert not left.exists() and not left.parent.exists()
