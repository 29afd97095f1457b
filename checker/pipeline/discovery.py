"""What a run checks: every path the user gave, and under a given folder every entry named
like a spreadsheet, in a stable order, folders searched recursively; each made an input
reference once (load/inputref.py), by which every later stage opens and names it.

Nothing goes missing silently: only this tool's own outputs are left out (an annotated
copy: its marker sheet; a findings workbook: its property and its sheet layout,
load/own_outputs.py), and Excel's lock files (~$..., a few bytes, no zip). Every other
entry is listed, also when it cannot be read (a FIFO, a device, a dangling link, a file
without read permission, a subfolder that cannot be listed: the folder itself is listed),
so the loader makes it a D05 finding naming it (load/reader.read_bytes refuses them from
stat, without opening them). Decisions: entries starting with "." are listed like any
other; links to folders are followed once (a loop is not walked again).

Decree drafts (decree-format.md §2) are found the same way, as references of kind
DocKind.DECREE: `.docx`/`.docm` are read as drafts; `.doc`, `.dot`, `.rtf` and `.odt` are
read to say why they cannot be (S01); a `.pdf` is listed and not read when found (S01 when
given by name, as a picture is). Word's lock files and our annotated copies (their marker,
load/decree) are left out. A reference says whether the user named it (`given`)."""
from __future__ import annotations

import os

from checker.load.inputref import DocKind, InputRef, shown_name
from checker.load.own_outputs import is_annotated, is_findings_workbook
from checker.load.reader import entry_kind
from checker.texts import UserError

CHECKABLE = (".xlsx", ".xlsm")
# Spreadsheet files that cannot be checked: reported (D05, with the format the loader sniffs
# from their content and how to save them as .xlsx), never silently skipped.
UNCHECKABLE = (".xls", ".xlsb", ".ods", ".csv")
# Decree drafts (decree-format.md §2): read as drafts; other word-processor formats, found or
# given, are read to say what they are (S01: save as .docx); a PDF found in a folder is only
# listed (not_read), one given is S01, as is a picture given by name.
DRAFTS = (".docx", ".docm")
OLD_DRAFTS = (".doc", ".dot", ".rtf", ".odt")
NOT_READ = (".pdf",)
PICTURES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".bmp", ".heic", ".heif", ".webp")


def kind_of(path) -> DocKind:
    """What a path given by name is to the run, by its extension (each reader then sniffs the
    content): a decree draft or a unit workbook (anything else is read as one, and a file that
    is none becomes its D05)."""
    ext = os.path.splitext(os.fsdecode(path))[1].lower()
    return DocKind.DECREE if ext in DRAFTS + OLD_DRAFTS + NOT_READ + PICTURES else DocKind.UNIT_WORKBOOK


class NoInput(UserError):
    """Nothing to check: `message(lang)` says why and what to do; str() is in the run's language."""
    PREFIX = "err."

    def __init__(self, key: str, lang: str = "id", **params):
        super().__init__(key, **params)
        self.lang = lang

    def __str__(self) -> str:
        return self.message(self.lang)


def discover(inputs, lang: str = "id") -> list[InputRef]:
    """Every file to report on, in a stable order: the paths as given, a folder's entries
    (`walk`) sorted by path; an InputRef (a web upload) as it is. Nothing but our own outputs
    is left out; what cannot be read is listed, and becomes a D05 finding naming it. Only a
    path that does not exist at all stops the run (NoInput)."""
    found: list[InputRef] = []
    for given in inputs:
        if isinstance(given, InputRef):
            found.append(given)
            continue
        kind = entry_kind(given)
        if kind == "folder":
            found.extend(_found(path) for path in walk(given))
        elif kind == "not_found":
            raise NoInput("not_found", lang, path=shown_name(given))
        else:
            found.append(InputRef.at(given, kind_of(given)))
    return found


def _found(path: str) -> InputRef:
    kind = kind_of(path)
    return InputRef.at(path, kind, given=False) if kind is DocKind.DECREE else InputRef.at(path, kind)


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
    """Named like a spreadsheet or a decree draft and not one of the provable exceptions
    (module doc)."""
    name = os.path.basename(path)
    ext = os.path.splitext(name)[1].lower()
    if ext not in CHECKABLE + UNCHECKABLE + DRAFTS + OLD_DRAFTS + NOT_READ:
        return False
    if entry_kind(path) != "file":
        return True                     # never opened here: the loader refuses it from stat
    if name.startswith("~$") and _is_lock_file(path):
        return False
    if ext in CHECKABLE and (is_annotated(path) or is_findings_workbook(path)):
        return False
    if ext in DRAFTS:
        from checker.load.decree import is_annotated_decree  # the decree reader only when a folder holds drafts
        if is_annotated_decree(path):
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
