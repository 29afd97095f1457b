"""The files a folder audit reports on (run.discover): every entry named like a spreadsheet,
in a stable order, folders searched recursively. Nothing goes missing silently: only this
tool's own outputs are left out (an annotated copy: its marker sheet; a findings workbook:
its property and its sheet layout, load/own_outputs.py), and Excel's lock files (~$..., a
few bytes, no zip). Every other entry is listed, also when it cannot be read (a FIFO, a
device, a dangling link, a file without read permission, a subfolder that cannot be
listed: the folder itself is listed), so the loader makes it a D05 finding naming it
(load/reader.read_bytes refuses them from stat, without opening them). Decisions: entries
starting with "." are listed like any other; links to folders are followed once (a loop is
not walked again)."""
from __future__ import annotations

import os

from checker.load.own_outputs import is_annotated, is_findings_workbook
from checker.load.reader import entry_kind

CHECKABLE = (".xlsx", ".xlsm")
# Spreadsheet files that cannot be checked: reported (D05, with the format the loader sniffs
# from their content and how to save them as .xlsx), never silently skipped.
UNCHECKABLE = (".xls", ".xlsb", ".ods", ".csv")


def walk(folder: str) -> list[str]:
    """The entries of `folder` (recursively) to report on, sorted by path."""
    found: list[str] = []
    seen: set = set()
    _walk(str(folder), found, seen)
    return sorted(found)


def _walk(folder: str, found: list, seen: set) -> None:
    try:
        st = os.stat(folder)
        if (st.st_dev, st.st_ino) in seen:
            return
        seen.add((st.st_dev, st.st_ino))
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError:
        found.append(folder)            # cannot be listed: its D05 says so (load.folder)
        return
    for e in entries:
        try:
            is_dir = e.is_dir()         # follows a link to a folder
        except OSError:
            is_dir = False
        if is_dir:
            _walk(e.path, found, seen)
        elif wanted(e.path):
            found.append(e.path)


def wanted(path: str) -> bool:
    """Named like a spreadsheet and not one of the provable exceptions (module doc)."""
    name = os.path.basename(path)
    ext = os.path.splitext(name)[1].lower()
    if ext not in CHECKABLE and ext not in UNCHECKABLE:
        return False
    if entry_kind(path) != "file":
        return True                     # never opened here: the loader refuses it from stat
    if name.startswith("~$") and _is_lock_file(path):
        return False
    if ext in CHECKABLE and (is_annotated(path) or is_findings_workbook(path)):
        return False
    return True


def _is_lock_file(path: str) -> bool:
    """Excel's lock file beside an open workbook: a few bytes, not a zip."""
    try:
        if os.stat(path).st_size >= 4096:
            return False
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            head = os.read(fd, 2)
        finally:
            os.close(fd)
    except OSError:
        return False
    return head != b"PK"
