"""Where a table starts: the header row (and up to two more header rows under merged group
cells), the column each field is in, and which rows below are data (not a column-number
row, not a repeated header, not a section row)."""
from __future__ import annotations

import re

from checker.input.values import cell_text, fold_header, trim_text
from checker.load.grid import Grid
from checker.load.sections import Section, split_sections

HEADER_SCAN_ROWS = 20


BRACKETS_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def match_column(text: str, keys: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    """(field, priority): the name's index (0 = canonical label) counts before the exactness,
    so "Kode Target (unik)" beats the alias "No"."""
    if not text:
        return None
    m = keys.get(fold_header(text))
    if m is not None:
        return m[0], 2 * m[1]
    if "(" in text or "[" in text:
        m = keys.get(fold_header(BRACKETS_RE.sub(" ", text)))
        if m is not None:
            return m[0], 2 * m[1] + 1
    return None


def assign_columns(texts: list[str], keys, allowed: set[str] | None = None) -> dict[str, int]:
    """field -> column index for one header row (best name priority, then leftmost)."""
    best: dict[str, tuple[int, int]] = {}
    for ci, t in enumerate(texts):
        m = match_column(t, keys)
        if m is None or (allowed is not None and m[0] not in allowed):
            continue
        f, prio = m
        if f not in best or (prio, ci) < best[f]:
            best[f] = (prio, ci)
    taken: set[int] = set()
    out: dict[str, int] = {}
    for f, (_prio, ci) in sorted(best.items(), key=lambda kv: kv[1]):
        if ci not in taken:
            out[f] = ci
            taken.add(ci)
    return out


def find_header(grid: Grid, keys) -> tuple[int, dict[str, int]]:
    """(0-based header row, field -> column index) per the contract."""
    best_r, best_n, best_map = None, 0, {}
    for r in range(min(HEADER_SCAN_ROWS, grid.nrows)):
        if not grid.filled[r]:
            continue
        m = assign_columns(grid.texts(r), keys)
        if len(m) >= 2:
            return r, m
        if len(m) > best_n:
            best_r, best_n, best_map = r, len(m), m
    if best_r is not None:
        return best_r, best_map
    for r in range(min(HEADER_SCAN_ROWS, grid.nrows)):
        if grid.filled[r]:
            return r, {}
    return 0, {}


MAX_HEADER_ROWS = 3


def merged_texts(grid: Grid, rows: range) -> list[list[str]]:
    """The texts of `rows` (header rows), every cell of a merged range holding the range's
    text; a cell under a merged range that reaches down into it is "" (its column's name is
    the text above it, not twice)."""
    out = [grid.texts(r) + [""] * (grid.ncols - len(grid.texts(r))) for r in rows]
    first = rows.start
    for (r0, c0), (r1, c1) in grid.merged:
        if r1 < first or r0 >= rows.stop:
            continue
        text = cell_text(grid.cell(r0, c0))
        for r in range(max(r0, first), min(r1, rows.stop - 1) + 1):
            for c in range(c0, min(c1, grid.ncols - 1) + 1):
                out[r - first][c] = text if r == max(r0, first) else ""
    return out


def column_names(grid: Grid, rows: range, keys=None) -> list[str]:
    """Each column's name over the header `rows`: its lowest non-empty header cell, or, when
    `keys` are given, the first of "upper lower", lower, all of them joined, then the upper
    cells that names a known column ("Tanggal" merged over "SK" names "Tanggal SK")."""
    texts = merged_texts(grid, rows)
    names = []
    for c in range(grid.ncols):
        parts = [t[c] for t in texts if t[c]]
        if not parts:
            names.append("")
            continue
        if keys is None or len(parts) == 1:
            names.append(parts[-1])
            continue
        cands = [f"{parts[-2]} {parts[-1]}", parts[-1], " ".join(parts)] + parts[-2::-1]
        names.append(next((x for x in cands if match_column(x, keys)), parts[-1]))
    return names


def _joined(grid: Grid, hr: int, last: int) -> bool:
    """Merged cells join the header rows hr..last: a group cell over several columns or a cell
    merged down, starting in a row above `last`."""
    return any(hr <= r0 < last and (r1 > r0 or c1 > c0) for (r0, c0), (r1, c1) in grid.merged)


def header_block(grid: Grid, keys, hr: int, colmap: dict[str, int]) -> tuple[dict[str, int], int]:
    """(field -> column, first data row0) for a table sheet: the header row alone, or with up
    to two rows below it when merged cells join them and their names find more columns."""
    best, start = colmap, hr + 1
    if not grid.merged:
        return best, start
    for last in range(hr + 1, min(hr + MAX_HEADER_ROWS, grid.nrows)):
        if not grid.filled[last] or _is_number_row(grid, last) or not _joined(grid, hr, last):
            break
        found = assign_columns(column_names(grid, range(hr, last + 1), keys), keys)
        if len(found) > len(best):
            best, start = found, last + 1
    return best, start


_NUMBER_CELL_RE = re.compile(r"^\(?(\d{1,3})\)?\.?$")


def _is_number_row(grid: Grid, r: int) -> bool:
    """A column-number row: every filled cell a consecutive integer ("1", "(2)", "3.")."""
    nums = []
    for v in grid.arr[r]:
        t = cell_text(v)
        if not t:
            continue
        m = _NUMBER_CELL_RE.match(t)
        if not m:
            return False
        nums.append(int(m.group(1)))
    return len(nums) >= 2 and all(b == a + 1 for a, b in zip(nums, nums[1:]))


def _hkey(t: str) -> str:
    """Cheap comparison key of a header text (case and runs of whitespace folded)."""
    return " ".join(t.split()).casefold()


def _header_keys(grid: Grid, header_rows: list[int]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for hr in header_rows:
        for c, t in enumerate(grid.texts(hr)):
            if t:
                out.setdefault(c, set()).add(_hkey(t))
    return out


def _is_repeated_header(grid: Grid, r: int, head: dict[int, set[str]]) -> bool:
    """Every filled cell equals the header text of its column (at least two of them)."""
    n = 0
    for c, v in enumerate(grid.arr[r]):
        if v is None:
            continue
        if type(v) is not str:
            return False
        t = trim_text(v)
        if not t:
            continue
        keys = head.get(c)
        if keys is None or _hkey(t) not in keys:
            return False
        n += 1
    return n >= 2


def body_rows(grid: Grid, start: int, header_rows: list[int], numbering: bool = True
              ) -> tuple[list[int], list[Section]]:
    """(data rows, section rows) from `start`: filled rows minus a column-number row right
    under the header, any repeated header row and the section rows."""
    rows = grid.data_rows(start)
    if not rows:
        return rows, []
    if numbering and rows[0] == start and _is_number_row(grid, rows[0]):
        rows = rows[1:]
    head = _header_keys(grid, header_rows)
    if sum(len(v) for v in head.values()) >= 2:
        rows = [r for r in rows if not _is_repeated_header(grid, r, head)]
    return split_sections(grid, rows)
