"""What a reader worker does with one input (pipeline/workers.py runs the tasks), and what it
answers: one typed, picklable value per file, complete when it comes back (the main process
reads it and never changes it).

- `check_file`: a unit workbook read and its facts built: facts.unit_build.UnitFacts. A file
  that cannot be read is a UnitFacts too, holding its D05 fact (`failed_file`, also what
  the pool makes of a worker that died or overran on the file).
- `read_roster`: the master roster: a RosterOutcome (the Roster, or why it cannot be used).

Every text is made here with the input's shown name (load/inputref.py): the file is opened by
its exact path and read under its shown name, and an error the reader raised naming the
exact path is renamed before it is put into words.

The reader and the fact builders are imported inside the tasks: the main process imports
this module to hand the tasks to the pool, and must not pay for what only a worker runs.
The fork server preloads them (workers.PRELOAD; tests/test_architecture.py checks that every
module imported here is in it).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.load.inputref import InputRef
from checker.load.model import LoadError
from checker.terms import LANGS

if TYPE_CHECKING:  # pragma: no cover
    from checker.facts.unit_build import UnitFacts
    from checker.load.errors import RosterError
    from checker.load.roster import Roster


def check_file(index: int, ref: InputRef, stage: str, digest: bool = False) -> UnitFacts:
    """Read one unit workbook and build its facts (`index`: its place in the run, the unit's seq;
    `digest`: also what the decree rules compare, for a run with drafts)."""
    from checker.facts.unit_build import build_unit, roster_file
    from checker.load.reader import read_bytes
    from checker.load.unit_workbook import load_workbook
    sha = None
    try:
        data = read_bytes(ref.path)
        sha = hashlib.sha256(data).hexdigest()
        loaded = load_workbook(ref.shown, data)         # from here on the file is its shown name
    except LoadError as e:
        if e.message_key == "format_csv" and looks_like_roster(ref):
            return roster_file(index, ref.shown, sha)        # a master roster among the workbooks
        return failed_file(index, ref, sha, e)
    del data
    if not UNIT_KINDS & set(loaded.tables) and loaded.unit_sheet is None and looks_like_roster(ref):
        return roster_file(index, ref.shown, sha)        # a master roster among the workbooks
    return build_unit(index, loaded, stage, digest=digest)


# A unit workbook has at least one of these; a roster none (it is at most a Pegawai-like table).
UNIT_KINDS = frozenset({"unit", "pk", "pokja", "anggota", "mph"})


def looks_like_roster(ref: InputRef) -> bool:
    """The file reads as a master roster (load/roster.py: a NIP and a unit column, a SIASN
    export): asked only of a file that is no unit workbook (a CSV, or no unit sheet at all)."""
    from checker.load.errors import RosterError
    from checker.load.roster import read_roster
    try:
        roster = read_roster(ref.path)
    except (RosterError, LoadError):
        return False
    return bool(roster.units)


def failed_file(index: int, ref: InputRef, sha256: str | None, err: LoadError) -> UnitFacts:
    """The file could not be read (or its worker failed on it): its D05 fact, naming it as shown."""
    from checker.facts.unit_build import unreadable_unit
    from checker.load.model import describe
    named(err, ref)
    return unreadable_unit(index, ref.shown, sha256, {lang: describe(err, lang) for lang in LANGS},
                           cause=getattr(err, "message_key", "") or "")


@dataclass(frozen=True)
class RosterOutcome:
    """The master roster as read (named as shown), or why it cannot be used."""
    roster: Roster | None
    error: RosterError | None = None


def read_roster(_index: int, ref: InputRef) -> RosterOutcome:
    from dataclasses import replace

    from checker.load.errors import RosterError
    from checker.load.roster import load_roster
    try:
        return RosterOutcome(replace(load_roster(ref.path), path=ref.shown))
    except RosterError as e:
        return RosterOutcome(None, named(e, ref))


def roster_failed(_index: int, ref: InputRef, _sha256, err: LoadError) -> RosterOutcome:
    """The worker failed on the roster (memory or time limit, a crash): why, as a RosterError."""
    from checker.load.errors import roster_unreadable
    return RosterOutcome(None, roster_unreadable(ref.shown, named(err, ref)))


def named(err, ref: InputRef):
    """`err` (a LoadError or RosterError, and the LoadError it was caused by) naming the
    input as shown: the reader raised it with the exact path it opened. Done before the error
    is put into words, so that its text is made once."""
    for e in (err, getattr(err, "cause", None)):
        if e is not None and getattr(e, "path", None) == ref.path:
            e.path = ref.shown
    return err
