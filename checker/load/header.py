"""A table's header band (input-format.md, *Tables on a sheet*, *Header band*): the header row,
the header rows around it (group cells above, sub-headers below: three rows at most), the
column each field is in, the table's columns (cells right of its last header cell are not
the table's), and the column-number row under it.

Decisions where the contract is silent:
- The band around a header row is the one of at most three rows (at most two above it, two
  below it) whose names find the most columns (known columns and, on a matrix MPH, target
  columns); rows above are taken only when they find more, rows below on a tie too when
  their last row holds the name of a found column (indicators under their Sasaran). A row
  below may join only when it holds no valid NIP and no date, is no column-number row, and
  leaves the person columns of the header row empty; a row above only without NIP or date.
- Where no row of the first 20 names two known columns by itself, the first row whose names
  read with up to two rows above them (a group header) find two is the header row; failing
  that, the row naming the most, then the first filled row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from checker.input.dates import parse_date
from checker.input.values import cell_text
from checker.load.columns import PERSON, SheetColumns, pick
from checker.load.grid import Grid, is_filled
from checker.load.row_text import has_valid_nip

HEADER_SCAN_ROWS = 20
MAX_HEADER_ROWS = 3


@dataclass
class Band:
    top: int                       # first header row (0-based)
    row: int                       # the header row: at least two known names (or the best one)
    bottom: int                    # last header row
    last: int                      # last row of the band: `bottom`, or the column-number row under it
    colmap: dict[str, int]         # field -> column
    lo: int                        # the table's first and last column
    hi: int
    names: list[str]               # per column, its lowest header cell ("" for none)
    targets: list = field(default_factory=list)    # matrix MPH: (column, name row, Named, header)


def merged_texts(grid: Grid, rows: range) -> list[list[str]]:
    """The texts of header `rows`, every cell of a merged range holding the range's text; a
    cell under a merged range that reaches down into it is "" (its column's name is the
    text above it, not twice)."""
    out = []
    for r in rows:
        t = grid.texts(r)
        out.append(t + [""] * (grid.ncols - len(t)))
    first = rows.start
    for (r0, c0), (r1, c1) in grid.merged:
        if r1 < first or r0 >= rows.stop:
            continue
        text = cell_text(grid.cell(r0, c0))
        for r in range(max(r0, first), min(r1, rows.stop - 1) + 1):
            for c in range(c0, min(c1, grid.ncols - 1) + 1):
                out[r - first][c] = text if r == max(r0, first) else ""
    return out


def _read(grid: Grid, top: int, bottom: int, cols: SheetColumns, targets=None):
    """(colmap, lowest names per column, target columns) of the header rows top..bottom."""
    rows = range(top, bottom + 1)
    texts = merged_texts(grid, rows)
    found, names = [], []
    for c in range(grid.ncols):
        parts = [t[c] for t in texts if t[c]]
        names.append(parts[-1] if parts else "")
        m = cols.name(parts)
        if m is not None:
            found.append((c, *m))
    colmap = pick(found)
    tcols = []
    if targets is not None:
        known = set(colmap.values())
        for c, name in enumerate(names):
            if c in known or not name:
                continue
            named = targets.name(name)
            if named is not None:
                tcols.append((c, _name_row(grid, rows, c), named, name))
    return colmap, names, tcols


def _name_row(grid: Grid, rows: range, ci: int) -> int:
    """The header row holding column `ci`'s name: its lowest filled header cell (the top-left
    of a merged range reaching over it)."""
    for r in reversed(rows):
        if is_filled(grid.cell(r, ci)):
            return r
    for (r0, c0), (r1, c1) in grid.merged:
        if c0 <= ci <= c1 and r0 <= rows.stop - 1 and r1 >= rows.start:
            return r0
    return rows.start


def find_header(grid: Grid, cols: SheetColumns, start: int = 0, scan: int = HEADER_SCAN_ROWS) -> int:
    """The first table's header row (0-based) within `scan` rows from `start`."""
    end = min(start + scan, grid.nrows)
    best_r, best_n = None, 0
    for r in range(start, end):
        if not grid.filled[r]:
            continue
        n = cols.count_known(grid.texts(r))
        if n >= 2:
            return r
        if n > best_n:
            best_r, best_n = r, n
    for r in range(start + 1, end):
        if grid.filled[r] and len(_read(grid, max(start, r - 2), r, cols)[0]) >= 2:
            return r
    if best_r is not None:
        return best_r
    return next((r for r in range(start, end) if grid.filled[r]), start)


def _has_value(grid: Grid, r: int) -> bool:
    """The row holds a valid NIP or a date: no header row."""
    for v in grid.arr[r]:
        if v is None:
            continue
        if isinstance(v, (date, datetime)):
            return True
        if isinstance(v, str):
            t = v.strip()
            if not t or not any(ch.isdigit() for ch in t):
                continue
            if has_valid_nip(t) or parse_date(t).status == "ok":
                return True
        elif isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 1e17:
            return True
    return False


def read_band(grid: Grid, cols: SheetColumns, hr: int, floor: int = 0, targets=None) -> Band:
    """The header band around header row `hr` (no row above `floor`), and the column-number
    row under it."""
    colmap, names, tcols = _read(grid, hr, hr, cols, targets)
    person = [colmap[f] for f in PERSON if f in colmap]
    named = [c for c, n in enumerate(names) if n]
    best = (len(colmap) + len(tcols), hr, hr, colmap, names, tcols)
    # Rows around the header row can only name more columns where its own cells name none
    # (a group cell, a generic sub-header, an empty cell) or name targets.
    open_ = targets is not None or len(colmap) < len(named) or _gaps(grid, hr, named)
    for bottom in range(hr + 1, min(hr + MAX_HEADER_ROWS, grid.nrows) if open_ else hr + 1):
        if not _below_ok(grid, bottom, person, named):
            break
        got = _read(grid, hr, bottom, cols, targets)
        score = len(got[0]) + len(got[2])
        if score > best[0] or (score == best[0] and score and _names_a_column(bottom, got)):
            best = (score, hr, bottom, *got)
    for top in (hr - 1, hr - 2) if open_ or best[2] > hr else ():
        if top < floor or best[2] - top >= MAX_HEADER_ROWS or not grid.filled[top] or _has_value(grid, top):
            break
        got = _read(grid, top, best[2], cols, targets)
        score = len(got[0]) + len(got[2])
        if score > best[0]:
            best = (score, top, best[2], *got)
    _score, top, bottom, colmap, names, tcols = best
    spread = [c for c, n in enumerate(names) if n]
    lo, hi = (spread[0], spread[-1]) if spread else (0, max(grid.ncols - 1, 0))
    last = bottom
    if bottom + 1 < grid.nrows and is_number_row(grid, bottom + 1, lo, spread):
        last = bottom + 1
    return Band(top, hr, bottom, last, colmap, lo, hi, names, tcols)


def _gaps(grid: Grid, hr: int, named: list[int]) -> bool:
    """A row right above or below the header row has text where the header row has none."""
    taken = set(named)
    for r in (hr - 2, hr - 1, hr + 1, hr + 2):
        if 0 <= r < grid.nrows and grid.filled[r]:
            if any(v is not None and c not in taken for c, v in enumerate(grid.arr[r])):
                return True
    return False


def _below_ok(grid: Grid, r: int, person: list[int], named: list[int]) -> bool:
    if not grid.filled[r] or any(is_filled(grid.arr[r, c]) for c in person):
        return False
    if is_number_row(grid, r, named[0] if named else 0, named):
        return False
    return not _has_value(grid, r)


def _names_a_column(r: int, got) -> bool:
    """Row `r` holds the name of a target column (an indicator under its Sasaran)."""
    return any(row == r for _c, row, _n, _h in got[2])


_NUMBER_CELL_RE = re.compile(r"^\(?(\d{1,3})\)?\.?$")


def is_number_row(grid: Grid, r: int, lo: int, named: list[int]) -> bool:
    """A column-number row: every filled cell a whole number, plain or in brackets, at least
    two, and either each its column's position counted from the table's first column `lo`,
    or increasing from left to right with one under every named column."""
    nums = []
    for c, v in enumerate(grid.arr[r]):
        if v is None:
            continue
        t = cell_text(v)
        if not t:
            continue
        m = _NUMBER_CELL_RE.match(t)
        if not m:
            return False
        nums.append((c, int(m.group(1))))
    if len(nums) < 2:
        return False
    if all(n == c - lo + 1 for c, n in nums):
        return True
    values = [n for _c, n in nums]
    return all(b > a for a, b in zip(values, values[1:])) and set(named) <= {c for c, _n in nums}
