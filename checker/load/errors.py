"""Why a file cannot be used at all: one named kind per failure, each built by its factory
here, each told by its text in the catalogue (checker/texts/load_texts.py, roster.py), all on the
one user-error base (checker.texts.UserError).

`LoadError` is a unit workbook that cannot be read (it becomes that file's D05 finding);
`RosterError` a master roster that cannot be used (the run stops, exit 2). A kind is a
factory function whose keyword-only parameters are the placeholders its text needs besides
the file name and `detail` (technical, for --debug and the Berkas sheet, never needed to
understand the message): `too_many_rows(path, sheet=..., rows=..., limit=...)`. `KINDS` and
`ROSTER_KINDS` list them; the constructor refuses a key that is not a kind or parameters
that are not its own, so the older form `LoadError(path, "timeout", detail, s=30)` is
checked the same way. Both errors cross the worker boundary, so both pickle by their key.
"""
from __future__ import annotations

import inspect

from checker.texts import UserError, t

KINDS: dict[str, tuple[str, ...]] = {}          # LoadError kind -> its text's own parameters
ROSTER_KINDS: dict[str, tuple[str, ...]] = {}   # RosterError kind -> its text's own parameters
_ROSTER = "roster_"


def _params(factory) -> tuple[str, ...]:
    return tuple(name for name, p in inspect.signature(factory).parameters.items()
                 if p.kind is p.KEYWORD_ONLY and name != "detail")


def _kind(factory):
    """Register a LoadError factory: its name is the kind."""
    KINDS[factory.__name__] = _params(factory)
    return factory


def _roster_kind(factory):
    """Register a RosterError factory: its name without "roster_" is the kind."""
    ROSTER_KINDS[factory.__name__[len(_ROSTER):]] = _params(factory)
    return factory


def _check(registry: dict, what: str, key: str, names) -> None:
    if key not in registry:
        raise ValueError(f"{key!r} is not a kind of {what} (checker/load/errors.py)")
    if set(names) != set(registry[key]):
        raise TypeError(f"{what} {key!r} takes {sorted(registry[key])}, not {sorted(names)}")


class FileError(UserError):
    """A file of the run that cannot be used at all: the shape every reader's error shares
    (LoadError here, the decree reader's DecreeError). `message_key` is its kind and names its
    text (PREFIX + kind); `params` fill the text's own placeholders; `detail` is technical.
    It crosses the worker boundary, so it pickles by its class, key and parameters."""
    PREFIX = ""

    def __init__(self, path: str, message_key: str, detail: str = "", **params):
        self.check_kind(message_key, params)
        self.path = str(path)
        self.message_key = message_key
        self.detail = detail
        super().__init__(message_key, **params)

    @classmethod
    def check_kind(cls, key: str, params: dict) -> None:
        """Refuse a key that is not a kind of this error, or parameters that are not its own."""

    def __str__(self):
        return f"{self.path}: {self.message_key}" + (f": {self.detail}" if self.detail else "")

    def __reduce__(self):
        return (_rebuild, (type(self), self.path, self.message_key, self.detail, self.params))

    def message(self, lang: str = "id") -> str:
        sep = "," if lang == "en" else "."
        shown = {k: (f"{v:,}".replace(",", sep) if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 10_000
                     else v) for k, v in self.params.items()}
        return t(self.PREFIX + self.message_key, lang, file=self.path, detail=self.detail, **shown)


def _rebuild(cls, path, key, detail, params):
    return cls(path, key, detail, **params)


class LoadError(FileError):
    """A unit workbook (or any input file) that cannot be read at all ("load." + kind)."""
    PREFIX = "load."

    @classmethod
    def check_kind(cls, key: str, params: dict) -> None:
        _check(KINDS, "LoadError", key, params)


def describe(err: LoadError, lang: str = "id") -> str:
    """User text for an unreadable file, in "id" or "en", naming the file."""
    return err.message(lang)


# --- the path itself ---------------------------------------------------------------------------

@_kind
def not_found(path) -> LoadError:
    return LoadError(path, "not_found")


@_kind
def dangling_link(path) -> LoadError:
    """A symbolic link to nothing."""
    return LoadError(path, "dangling_link")


@_kind
def folder(path) -> LoadError:
    """A folder where a file was expected (or one that cannot be listed)."""
    return LoadError(path, "folder")


@_kind
def not_a_file(path) -> LoadError:
    """A FIFO, a device or a socket: refused from its stat, never opened."""
    return LoadError(path, "not_a_file")


@_kind
def io_error(path, detail: str = "") -> LoadError:
    return LoadError(path, "io_error", detail)


@_kind
def file_too_large(path, detail: str = "", *, mb: int, limit: int) -> LoadError:
    """Above limits.FILE_MAX_BYTES (`mb` and `limit` in MB, rounded up)."""
    return LoadError(path, "file_too_large", detail, mb=mb, limit=limit)


def entry_error(path, entry: str) -> LoadError:
    """The error of a path that is not a regular file, by reader.entry_kind's answer."""
    return {"not_found": not_found, "dangling_link": dangling_link, "folder": folder,
            "not_a_file": not_a_file, "io_error": io_error}[entry](path)


# --- what the bytes are ------------------------------------------------------------------------

@_kind
def empty_file(path) -> LoadError:
    return LoadError(path, "empty_file")


@_kind
def lock_file(path) -> LoadError:
    """Excel's temporary ~$ owner file."""
    return LoadError(path, "lock_file")


@_kind
def password_protected(path) -> LoadError:
    return LoadError(path, "password_protected")


@_kind
def format_xls(path) -> LoadError:
    return LoadError(path, "format_xls")


@_kind
def format_xlsb(path) -> LoadError:
    return LoadError(path, "format_xlsb")


@_kind
def format_ods(path) -> LoadError:
    return LoadError(path, "format_ods")


@_kind
def format_csv(path) -> LoadError:
    return LoadError(path, "format_csv")


@_kind
def format_html(path) -> LoadError:
    """A web page or another program's XML export saved as .xls/.xlsx."""
    return LoadError(path, "format_html")


@_kind
def format_docx(path, detail: str = "") -> LoadError:
    """A Word or PowerPoint document."""
    return LoadError(path, "format_docx", detail)


@_kind
def format_other(path, detail: str = "") -> LoadError:
    return LoadError(path, "format_other", detail)


@_kind
def annotated_copy(path) -> LoadError:
    """One of our own annotated copies (it has the "Hasil cek-pokja" sheet)."""
    return LoadError(path, "annotated_copy")


# --- a workbook refused for safety or damage ---------------------------------------------------

@_kind
def zip_bomb(path, detail: str) -> LoadError:
    """Implausible compressed sizes, or more data than declared."""
    return LoadError(path, "zip_bomb", detail)


@_kind
def xml_doctype(path, part: str) -> LoadError:
    """A DOCTYPE/ENTITY declaration in an XML part (`part`, the detail)."""
    return LoadError(path, "xml_doctype", part)


@_kind
def corrupt(path, detail: str) -> LoadError:
    return LoadError(path, "corrupt", detail)


@_kind
def range_too_large(path, detail: str = "", *, sheet: str, cell: str, cells: int) -> LoadError:
    """A sheet's used range above limits.SHEET_MAX_CELLS: up to `cell`, `cells` cells."""
    return LoadError(path, "range_too_large", detail, sheet=sheet, cell=cell, cells=cells)


@_kind
def too_many_rows(path, detail: str = "", *, sheet: str, rows: int, limit: int) -> LoadError:
    """A sheet holding more rows than its kinds' limit (limits.SHEET_MAX_ROWS)."""
    return LoadError(path, "too_many_rows", detail, sheet=sheet, rows=rows, limit=limit)


# --- the reader worker failed on the file (the worker pool builds these) -----------------------

@_kind
def memory_limit(path, detail: str = "", *, mb: int) -> LoadError:
    """The worker reading the file ran out of its memory limit of `mb` MB."""
    return LoadError(path, "memory_limit", detail, mb=mb)


@_kind
def timeout(path, detail: str = "", *, s) -> LoadError:
    """The worker reading the file was stopped after `s` seconds."""
    return LoadError(path, "timeout", detail, s=s)


@_kind
def reader_crash(path, detail: str) -> LoadError:
    """The worker died reading the file (a signal, an exit code)."""
    return LoadError(path, "reader_crash", detail)


@_kind
def internal_error(path, detail: str) -> LoadError:
    """A bug of ours while reading the file; the other files are still checked."""
    return LoadError(path, "internal_error", detail)


# --- the master roster -------------------------------------------------------------------------

class RosterError(UserError):
    """The roster cannot be used; `message_key` is its kind and names its text ("roster." +
    kind, checker/texts/roster_texts.py)."""
    PREFIX = "roster."

    def __init__(self, path: str, message_key: str, detail: str = "", sheet: str | None = None, cause=None,
                 **fields):
        _check(ROSTER_KINDS, "RosterError", message_key, {*fields, *(["sheet"] if sheet is not None else [])})
        self.path, self.message_key, self.detail, self.sheet = str(path), message_key, detail, sheet
        self.cause = cause                # the LoadError of an unreadable file
        self.fields = fields              # the CSV texts' own placeholders (line, found, mb, limit)
        super().__init__(message_key)

    def __reduce__(self):          # sent back from a reader worker (load/roster.py)
        return (_make_roster_error, (self.path, self.message_key, self.detail, self.sheet, self.cause, self.fields))

    def __str__(self):
        return f"{self.path}: {self.message_key}" + (f": {self.detail}" if self.detail else "")

    def message(self, lang: str = "id") -> str:
        detail = self.cause.message(lang) if self.cause is not None else self.detail
        return t(self.PREFIX + self.message_key, lang, path=self.path, detail=detail, sheet=self.sheet or "",
                 **self.fields)


def _make_roster_error(path, key, detail, sheet, cause, fields):
    return RosterError(path, key, detail, sheet, cause, **fields)


@_roster_kind
def roster_not_found(path) -> RosterError:
    return RosterError(path, "not_found")


@_roster_kind
def roster_not_a_file(path) -> RosterError:
    return RosterError(path, "not_a_file")


@_roster_kind
def roster_unreadable(path, cause: LoadError) -> RosterError:
    """The roster file cannot be read: `cause` says why, in the user's language."""
    return RosterError(path, "unreadable", cause.message_key, cause=cause)


@_roster_kind
def roster_no_sheet(path) -> RosterError:
    """No sheet has a NIP and a unit column in its first rows."""
    return RosterError(path, "no_sheet")


@_roster_kind
def roster_no_rows(path, *, sheet: str) -> RosterError:
    return RosterError(path, "no_rows", sheet=sheet)


@_roster_kind
def roster_nip_numbers(path, *, sheet: str, numbers: int, nips: int) -> RosterError:
    """More than half of the NIPs are stored as numbers (their last digits lost)."""
    return RosterError(path, "nip_numbers", f"{numbers}/{nips}", sheet=sheet, numbers=numbers, nips=nips)


@_roster_kind
def roster_csv_too_large(path, *, mb: int, limit: int) -> RosterError:
    return RosterError(path, "csv_too_large", mb=mb, limit=limit)


@_roster_kind
def roster_csv_encoding(path, *, line: int, found: str) -> RosterError:
    """Not UTF-8 from `line` on; `found` is what it looks like."""
    return RosterError(path, "csv_encoding", line=line, found=found)


@_roster_kind
def roster_csv_no_header(path, *, line: int) -> RosterError:
    return RosterError(path, "csv_no_header", line=line)


@_roster_kind
def roster_csv_no_nip(path, *, line: int) -> RosterError:
    """The header line names roster columns but no NIP column."""
    return RosterError(path, "csv_no_nip", line=line)


@_roster_kind
def roster_csv_no_unit(path, *, line: int) -> RosterError:
    """The header line has a NIP column but no unit column."""
    return RosterError(path, "csv_no_unit", line=line)


@_roster_kind
def roster_csv_malformed(path, detail: str, *, line: int) -> RosterError:
    return RosterError(path, "csv_malformed", detail, line=line)
