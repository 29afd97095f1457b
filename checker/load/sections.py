"""Section rows: rows that group the data rows below them ("A. POKJA KOORDINASI ...",
"II. Pokja Substansi"), as decree annexes and printed forms have them. They are never data;
on Anggota Pokja the Pokja a section row names belongs to the rows under it that name none
(load/pokja_ref.py).

A section row (input-format.md, "Header rows") has exactly one filled cell (a merged cell
spanning the table counts as one), and its text begins with a letter or a Roman numeral and
a dot or a bracket.

Decision where the contract is silent: a row whose one filled cell is a person's name that
happens to begin with an initial ("A. Yudi Wicaksono" and nothing else on the row) reads as
a section row; such a row has no data to check anyway.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.input.values import cell_text
from checker.load.grid import Grid

_SECTION_RE = re.compile(r"^\(?(?:[A-Za-z]|[IVXLCDM]{1,6}|[ivxlcdm]{1,6})[.)]\s*(?P<title>\S.*)$", re.DOTALL)


@dataclass(frozen=True)
class Section:
    row: int                 # 0-based row of the section row
    col: int                 # 0-based column of its text
    text: str                # as written (trimmed)
    title: str               # the text without its numbering ("POKJA KOORDINASI ...")


def section_of(grid: Grid, r: int) -> Section | None:
    """The section row `r` is, or None."""
    found = None
    for c, v in enumerate(grid.arr[r]):
        if v is None:
            continue
        t = cell_text(v)
        if not t:
            continue
        if found is not None:
            return None
        found = (c, t)
    if found is None:
        return None
    m = _SECTION_RE.match(found[1])
    if m is None:
        return None
    return Section(r, found[0], found[1], m.group("title").strip())


# A row with more non-empty cells than this is data whatever they hold (a few whitespace-only
# cells beside a section's text are still a section row).
_MAX_CELLS = 3


def split_sections(grid: Grid, rows: list[int]) -> tuple[list[int], list[Section]]:
    """(data rows, section rows) of `rows`."""
    if not rows:
        return rows, []
    counts = grid.counts()
    sections = []
    for r in rows:
        if counts[r] <= _MAX_CELLS:
            s = section_of(grid, r)
            if s is not None:
                sections.append(s)
    if not sections:
        return rows, []
    skip = {s.row for s in sections}
    return [r for r in rows if r not in skip], sections


def section_above(sections: list[Section], rows: list[int]) -> list[Section | None]:
    """For each data row, the nearest section row above it (None before the first)."""
    out: list[Section | None] = []
    i, current = 0, None
    for r in rows:
        while i < len(sections) and sections[i].row < r:
            current = sections[i]
            i += 1
        out.append(current)
    return out
