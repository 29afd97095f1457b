"""What a run reads, named once: the exact path to open, the name every text shows, and the
kind of document. Made at discovery (pipeline/discovery.py) or at a web upload
(web/flow.py), never changed afterwards: every message, fact and report is formatted with
`shown` from the start, so nothing has to be renamed later.

The two names differ where the user cannot read the path: a file name whose bytes are not
UTF-8 (kept by Python as surrogates, so that it can still be opened) is shown with
replacement characters; an upload is stored under a random token and shown by the name the
user sent."""
from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum


class DocKind(str, Enum):
    """What a document is to the run (decree-format.md: the SK draft comes next; nothing
    reads a decree yet)."""
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


@dataclass(frozen=True)
class InputRef:
    path: str                   # what is opened (exact: may hold surrogates, or an upload's stored name)
    shown: str                  # what every text names it by
    kind: DocKind = DocKind.UNIT_WORKBOOK

    @classmethod
    def at(cls, path, kind: DocKind = DocKind.UNIT_WORKBOOK) -> InputRef:
        """The reference of a path the user gave or a folder holds: shown as it is, but
        for the bytes that are not UTF-8."""
        exact = os.fsdecode(path)
        return cls(exact, shown_name(exact), kind)
