"""What later stages need to know about each checked file, and the fact tables of a run."""
from __future__ import annotations

from dataclasses import dataclass, field

from checker.facts.declare import Read


@dataclass
class SheetInfo:
    name: str                   # actual sheet name
    header_row: int | None
    hidden: bool
    columns: dict               # field -> Excel letter


@dataclass
class UnitContext:
    """What the later stages need to know about one checked file."""
    seq: int
    file: str                   # the name every text shows (load/inputref.InputRef.shown)
    sha256: str | None
    code: str | None = None
    name: str | None = None
    jpt_madya: str | None = None
    sheets: dict = field(default_factory=dict)      # sheet kind -> SheetInfo
    readable: bool = True
    detail: object = ""                     # why unreadable: {"id": ..., "en": ...}
    cause: str = ""                         # and the reader's reason (load.errors message key), for its hint
    roster_only: bool = False               # a master-roster unit that submitted no workbook

    def has(self, requirement: str) -> bool:
        """The file has the sheet (and column) a rule's `requires` entry names."""
        read = Read.parse(requirement)
        info = self.sheets.get(read.sheet)
        return info is not None and (not read.field or read.field in info.columns)

    def locate(self, requirement: str, own_kind: str | None, row):
        """(sheet, row, column) of `sheetkind.field` for a fact of sheet `own_kind` at `row`."""
        read = Read.parse(requirement)
        kind, fld = read.sheet, read.field
        info = self.sheets.get(kind)
        if info is None:
            return None
        column = info.columns.get(fld) if fld else None
        if kind == own_kind and row is not None:
            return info.name, row, column
        return info.name, info.header_row, column


@dataclass
class Facts:
    tables: dict                # kind -> DataFrame
    units: list                 # UnitContext by seq


def records(df, positions=None) -> list[dict]:
    """Rows of a DataFrame as dicts of plain values; much faster than DataFrame.to_dict for
    the object columns facts are made of. `positions`: only those rows, in that order."""
    cols = list(df.columns)
    data = [df[c].tolist() for c in cols]
    if positions is None:
        return [dict(zip(cols, row)) for row in zip(*data)]
    return [{c: data[j][i] for j, c in enumerate(cols)} for i in positions]
