"""Where a table starts: the header row (and a second header row under merged group cells),
the column each field is in, and which rows below are data (not a column-number row, not a
repeated header)."""
from __future__ import annotations

import re

from checker.input.values import cell_text, fold_header, trim_text
from checker.load.grid import Grid

HEADER_SCAN_ROWS = 10


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


def two_row_header(grid: Grid, keys, hr: int, colmap: dict[str, int]) -> tuple[dict[str, int], int]:
    """(field -> column, first data row0) for a table sheet: the header row alone, or with
    the row below it when merged cells join them and "top sub" names find more columns."""
    nxt = hr + 1
    if nxt >= grid.nrows or not grid.filled[nxt] or not grid.merged:
        return colmap, hr + 1
    joins = [m for m in grid.merged if m[0][0] == hr and (m[1][0] >= nxt or m[1][1] > m[0][1])]
    if not joins:
        return colmap, hr + 1
    top = grid.texts(hr)
    sub = grid.texts(nxt)
    down = set()                       # columns whose header cell is merged down over `nxt`
    for (r0, c0), (r1, c1) in grid.merged:
        if r0 <= hr <= r1:
            text = cell_text(grid.cell(r0, c0))
            for c in range(c0, min(c1, grid.ncols - 1) + 1):
                top[c] = text
                if r1 >= nxt:
                    down.add(c)
    texts = []
    for c in range(grid.ncols):
        t, s = top[c], ("" if c in down else sub[c])
        cands = ([f"{t} {s}", s] if t and s else [s]) + [t]
        texts.append(next((x for x in cands if match_column(x, keys)), t))
    two = assign_columns(texts, keys)
    if len(two) > len(colmap):
        return two, nxt + 1
    return colmap, hr + 1


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


def body_rows(grid: Grid, start: int, header_rows: list[int], numbering: bool = True) -> list[int]:
    """Data rows from `start`: filled rows minus a column-number row right under the header
    and any repeated header row."""
    rows = grid.data_rows(start)
    if not rows:
        return rows
    if numbering and rows[0] == start and _is_number_row(grid, rows[0]):
        rows = rows[1:]
    head = _header_keys(grid, header_rows)
    if sum(len(v) for v in head.values()) < 2:
        return rows
    return [r for r in rows if not _is_repeated_header(grid, r, head)]
