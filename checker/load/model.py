"""What the loader returns: typed tables whose every value keeps its origin, the problems
of a workbook that still loads (missing sheets and columns: D05 findings), and the error of
one that does not load at all."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.texts.load import LOAD_ERROR_TEXTS

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


# Status of a cell holding an error value or a formula without a cached value.
FORMULA_ERROR = "formula_error"


@dataclass
class Problem:
    code: str                  # "file_unreadable" | "sheet_missing" | "column_missing"
    sheet: str | None          # canonical label when missing, else the actual sheet name
    column: str | None         # canonical column label
    field: str | None
    row: int | None            # header row when a column is missing
    required_from: str         # stage from which it counts ("rancangan" = always)
    detail: str = ""


@dataclass
class Table:
    kind: str
    sheet: str
    hidden: bool
    header_row: int
    columns: dict[str, str]    # field -> Excel column letter (found columns only)
    rows: "pd.DataFrame"
    # (excel_row, column_letter) -> "error:#N/A" | "no_cached_value", for the data cells of
    # found columns (and MPH target columns) holding an error value or a formula without a
    # cached value; see the module docstring.
    formula_issues: dict[tuple[int, str], str] = field(default_factory=dict)

    def has(self, field: str) -> bool:
        return field in self.columns


@dataclass
class MphColumn:
    code: str                  # folded code from the header's first word
    header: str                # header text as written (trimmed)
    column: str                # Excel letter
    row: int                   # Excel row of the header cell holding the code


@dataclass
class LoadedUnit:
    path: str
    sha256: str
    tables: dict[str, Table]
    unit: dict[str, tuple]     # field -> (parsed, raw, status|None, row, column letter)
    unit_sheet: str | None
    mph_layout: str | None     # "matrix" | "long" | None
    mph_columns: list[MphColumn]
    problems: list[Problem]

    @property
    def hidden_sheets(self) -> list[str]:
        return [t.sheet for t in self.tables.values() if t.hidden]


class LoadError(Exception):
    """The file cannot be read at all. `message_key` is a key of LOAD_ERROR_TEXTS; `params`
    fill its placeholders besides {file} and {detail}; `detail` is technical (for --debug
    and the Berkas sheet), never needed to understand the message."""

    def __init__(self, path: str, message_key: str, detail: str = "", **params):
        super().__init__(f"{path}: {message_key}" + (f": {detail}" if detail else ""))
        self.path = str(path)
        self.message_key = message_key
        self.detail = detail
        self.params = params

    def __reduce__(self):
        return (_make_load_error, (self.path, self.message_key, self.detail, self.params))

    def to_problem(self) -> Problem:
        return Problem("file_unreadable", None, None, None, None, "rancangan",
                       f"{self.message_key}: {self.detail}" if self.detail else self.message_key)


def _make_load_error(path, key, detail, params):
    return LoadError(path, key, detail, **params)


def describe(err: "LoadError", lang: str = "id") -> str:
    """User text for an unreadable file, in "id" or "en", naming the file (texts.py
    "load.<key>" wins when it defines one; it may use the same placeholders)."""
    sep = "," if lang == "en" else "."
    params = {"file": err.path, "detail": err.detail,
              **{k: (f"{v:,}".replace(",", sep) if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 10_000 else v)
                 for k, v in err.params.items()}}
    text = None
    try:
        from checker.texts import TEXTS
        pair = TEXTS.get(f"load.{err.message_key}")
        if pair is not None:
            text = pair[1 if lang == "en" else 0]
    except ImportError:  # pragma: no cover
        pass
    if text is None:
        pair = LOAD_ERROR_TEXTS.get(err.message_key)
        if pair is None:
            return f"{err.path}: {err.detail or err.message_key}"
        text = pair[1 if lang == "en" else 0]
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text
