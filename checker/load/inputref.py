"""What a run reads, named once: the exact path to open, the name every text shows, and the
kind of document. Made at discovery (pipeline/discovery.py) or at a web upload
(web/flow.py), never changed afterwards: every message, fact and report is formatted with
`shown` from the start, so nothing has to be renamed later.

The two names differ where the user cannot read the path: a file name whose bytes are not
UTF-8 (kept by Python as surrogates, so that it can still be opened) is shown with
replacement characters; an upload is stored under a random token and shown by the name the
user sent. `same_file` tells whether two paths name one file (an output never replaces an
input; the roster is never also a unit workbook)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum


class DocKind(str, Enum):
    """What a document is to the run: a unit workbook, the master roster, or a decree draft
    (decree-format.md: an SK pembentukan Pokja in Word, read by load/decree)."""
    UNIT_WORKBOOK = "unit_workbook"
    ROSTER = "roster"
    DECREE = "decree"


def shown_name(path) -> str:
    """A file name as a user may read it: bytes a name holds that are not UTF-8 (kept by Python
    as surrogates, so that the file can still be opened) shown as replacement characters."""
    text = os.fsdecode(path) if isinstance(path, bytes) else os.fspath(path) if path is not None else ""
    if text.isascii():
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _identity(path):
    """What names a file on this system: (st_dev, st_ino) of what `path` leads to (links,
    `..` and hard links all lead to one), or for a path that does not exist yet, its resolved
    parent folder's identity and its name there; None when even that cannot be known."""
    try:
        st = os.stat(path)
        return ("file", st.st_dev, st.st_ino)
    except (OSError, ValueError):
        pass
    try:
        real = os.path.realpath(os.fspath(path))
        parent = os.stat(os.path.dirname(real) or ".")
    except (OSError, ValueError):
        return None
    return ("name", parent.st_dev, parent.st_ino, os.path.normcase(os.path.basename(real)))


def same_file(a, b) -> bool:
    """True when the two paths name the same file, existing or to be written: by the file
    system's identity (st_dev, st_ino), so symbolic and hard links, `..` and case-insensitive
    names all count; a path not yet there is compared by its resolved folder and name."""
    ia, ib = _identity(a), _identity(b)
    if ia is not None and ia == ib:
        return True
    try:
        return os.path.realpath(os.fspath(a)) == os.path.realpath(os.fspath(b))
    except (OSError, ValueError):
        return False


@dataclass(frozen=True)
class InputRef:
    path: str                   # what is opened (exact: may hold surrogates, or an upload's stored name)
    shown: str                  # what every text names it by
    kind: DocKind = DocKind.UNIT_WORKBOOK
    # A decree draft named by the user (a path given, an upload) or found in a folder (False):
    # decree-format.md §2 treats them apart (a PDF given is S01, found it is only listed; a
    # .docx that is no decree is S03 when given, only listed when found).
    given: bool = True

    @classmethod
    def at(cls, path, kind: DocKind = DocKind.UNIT_WORKBOOK, given: bool = True) -> InputRef:
        """The reference of a path the user gave or a folder holds: shown as it is, but
        for the bytes that are not UTF-8."""
        exact = os.fsdecode(path)
        return cls(exact, shown_name(exact), kind, given)
