"""A sheet's cells as a grid: 0-based rows and columns, emptiness per row, formula problems
shown as their raw text, merged ranges (and, in data rows, their value in every cell)."""
from __future__ import annotations

from typing import Any

from checker.input.values import cell_text, is_missing, trim_text
from checker.load.limits import MERGED_FILL_MAX_CELLS


def is_filled(v: Any) -> bool:
    if v is None:
        return False
    if type(v) is str:
        return bool(trim_text(v))
    return not is_missing(v)


class Grid:
    """A sheet's cells (0-based row/col = Excel row-1 / column index) and row emptiness.

    `source` is the reader's list of rows (python_calamine: "" for an empty cell), a pandas
    DataFrame (header=None) or None. `issues` (row0, col0) -> (issue, raw) are formula
    problems: their raw text is put in the cell, so the row counts as filled and the text
    shows, and `columns_data` marks the parsed value. `merged`: ((r0, c0), (r1, c1))."""

    def __init__(self, source, issues=None, merged=()):
        import numpy as np
        self.issues: dict[tuple[int, int], tuple[str, str]] = dict(issues or {})
        self.merged = list(merged or ())
        self.origin: dict[tuple[int, int], tuple[int, int]] = {}     # see fill_merged
        if source is None:
            arr = np.empty((0, 0), dtype=object)
        elif hasattr(source, "to_numpy"):
            arr = source.to_numpy(dtype=object)
            if arr.ndim != 2:
                arr = arr.reshape(len(arr), -1)
        else:
            rows = list(source)
            width = max((len(r) for r in rows), default=0)
            arr = np.empty((len(rows), width), dtype=object)
            for i, r in enumerate(rows):
                if len(r) == width:
                    arr[i] = r
                else:
                    arr[i, :len(r)] = r
                    arr[i, len(r):] = None
            if arr.size:
                arr[arr == ""] = None
        if self.issues:
            need_r = max(r for r, _ in self.issues) + 1
            need_c = max(c for _, c in self.issues) + 1
            if need_r > arr.shape[0] or need_c > arr.shape[1]:
                # error cells at the edge of the range: keep them inside the grid
                if need_r <= arr.shape[0] + 1_000 and need_c <= arr.shape[1] + 100:
                    bigger = np.empty((max(need_r, arr.shape[0]), max(need_c, arr.shape[1])), dtype=object)
                    bigger[:arr.shape[0], :arr.shape[1]] = arr
                    arr = bigger
                self.issues = {k: v for k, v in self.issues.items()
                               if k[0] < arr.shape[0] and k[1] < arr.shape[1]}
            for (r, c), (_, raw) in self.issues.items():
                arr[r, c] = raw
        self.arr = arr
        self.nrows = arr.shape[0]
        self.ncols = arr.shape[1] if self.nrows else 0
        filled = []
        for row in arr:
            for v in row:
                if v is None:
                    continue
                if type(v) is str:
                    if trim_text(v):
                        break
                elif not is_missing(v):
                    break
            else:
                filled.append(False)
                continue
            filled.append(True)
        self.filled = filled

    def fill_merged(self, rows) -> None:
        """Give every cell of each merged range that starts on one of `rows` (data rows) the
        value of the range's top-left cell (input-format.md: in data rows it counts for every
        cell of the range); `origin` maps each such cell to that top-left cell. Rows keep the
        emptiness of their own cells, so a merged cell reaching over a blank row makes no data
        row of it. At most MERGED_FILL_MAX_CELLS cells are filled (a hint, not a reason to
        refuse a file)."""
        rows = set(rows)
        budget = MERGED_FILL_MAX_CELLS
        for (r0, c0), (r1, c1) in self.merged:
            if r0 not in rows or r0 >= self.nrows or c0 >= self.ncols:
                continue
            value = self.arr[r0, c0]
            size = (min(r1, self.nrows - 1) - r0 + 1) * (min(c1, self.ncols - 1) - c0 + 1)
            if value is None or size > budget:
                continue
            budget -= size
            for r in range(r0, min(r1, self.nrows - 1) + 1):
                for c in range(c0, min(c1, self.ncols - 1) + 1):
                    if (r, c) != (r0, c0):
                        self.arr[r, c] = value
                        self.origin[(r, c)] = (r0, c0)

    def texts(self, r: int) -> list[str]:
        if r < 0 or r >= self.nrows:
            return []
        return ["" if v is None else cell_text(v) for v in self.arr[r].tolist()]

    def cell(self, r: int, c: int) -> Any:
        if 0 <= r < self.nrows and 0 <= c < self.ncols:
            return self.arr[r, c]
        return None
