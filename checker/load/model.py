"""What the loader returns: typed tables whose every value keeps its origin, and the problems
of a workbook that still loads (missing sheets and columns: D05 findings). The error of one
that does not load at all, LoadError, is in errors.py (named here too, where callers have
always found it)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.load.errors import LoadError, describe  # noqa: F401 - also named here

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


# Status of a cell holding an error value or a formula without a cached value.
FORMULA_ERROR = "formula_error"


@dataclass
class Problem:
    code: str                  # "file_unreadable" | "sheet_missing" | "column_missing" |
                               # "sheet_ambiguous" (two sheets for one kind: `detail` names them) |
                               # "kind_ambiguous" (one sheet fitting two kinds: `detail` names them)
    sheet: str | None          # canonical label when missing or ambiguous, else the actual sheet name
    column: str | None         # canonical column label
    field: str | None
    row: int | None            # header row when a column is missing
    required_from: str         # stage from which it counts ("rancangan" = always)
    detail: str = ""


# A table's data rows by column: column -> one value per data row, every column as long as
# `_row`. Plain lists, so that a reader worker never imports pandas and sends them as they are.
Columns = dict[str, list]


@dataclass
class Table:
    kind: str
    sheet: str
    hidden: bool
    header_row: int
    columns: dict[str, str]    # field -> Excel column letter (found columns only)
    rows: Columns
    # (excel_row, column_letter) -> "error:#N/A" | "no_cached_value", for the data cells of
    # found columns (and MPH target columns) holding an error value or a formula without a
    # cached value; see the module docstring.
    formula_issues: dict[tuple[int, str], str] = field(default_factory=dict)

    def has(self, field: str) -> bool:
        return field in self.columns

    def frame(self) -> pd.DataFrame:
        """The rows as a DataFrame (object columns, int64 `_row` and `_line`), made anew on
        each call: for a reader of one workbook and for tests; a check never needs it."""
        import numpy as np
        import pandas as pd
        df = pd.DataFrame(self.rows, dtype=object)
        for k in ("_row", "_line"):
            if k in self.rows:
                df[k] = np.asarray(self.rows[k], dtype="int64")
        return df


@dataclass
class MphColumn:
    code: str                  # folded code the header names (its first word, or the target whose
                               # indicator it is); for a header naming several targets, its text
    header: str                # header text as written (trimmed); "" for a header naming several
    column: str                # Excel letter
    row: int                   # Excel row of the header cell holding the code
    matches: tuple = ()        # the targets (codes as written) a header naming several names


@dataclass(frozen=True)
class Unplaced:
    """A row no table of its sheet could place (input-format.md, *Tables on a sheet*): never
    read as data; the unit's one D05 lists them (facts/structure.py)."""
    sheet: str                 # the sheet's name as written
    kind: str                  # the sheet's kind
    row: int                   # Excel row
    col: int                   # 0-based column of its first text
    text: str                  # its cells' texts, joined by " | "


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
    unplaced: list[Unplaced] = field(default_factory=list)

    @property
    def hidden_sheets(self) -> list[str]:
        return [t.sheet for t in self.tables.values() if t.hidden]
