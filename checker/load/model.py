"""What the loader returns: typed tables whose every value keeps its origin, the problems
of a workbook that still loads (missing sheets and columns: D05 findings), and the error of
one that does not load at all."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker.texts import UserError, t

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


class LoadError(UserError):
    """The file cannot be read at all. `message_key` names its text (checker/texts/load.py);
    `params` fill its placeholders besides {file} and {detail}; `detail` is technical (for
    --debug and the Berkas sheet), never needed to understand the message."""
    PREFIX = "load."

    def __init__(self, path: str, message_key: str, detail: str = "", **params):
        self.path = str(path)
        self.message_key = message_key
        self.detail = detail
        super().__init__(message_key, **params)

    def __str__(self):
        return f"{self.path}: {self.message_key}" + (f": {self.detail}" if self.detail else "")

    def __reduce__(self):
        return (_make_load_error, (self.path, self.message_key, self.detail, self.params))

    def message(self, lang: str = "id") -> str:
        sep = "," if lang == "en" else "."
        shown = {k: (f"{v:,}".replace(",", sep) if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 10_000
                     else v) for k, v in self.params.items()}
        return t(self.PREFIX + self.message_key, lang, file=self.path, detail=self.detail, **shown)


def _make_load_error(path, key, detail, params):
    return LoadError(path, key, detail, **params)


def describe(err: LoadError, lang: str = "id") -> str:
    """User text for an unreadable file, in "id" or "en", naming the file."""
    return err.message(lang)
