"""The Unit sheet (input-format.md, *Sheet Unit*) in its three layouts: one data row under a
header row (read as every table, load/regions.py: its first data row is the unit), a
key/value table (each field's label, its value in the cell to its right, a `Kolom | Isi`
header optional), or a form `label | : | value` (a colon cell between label and value, or the
colon ending the label or starting the value; a number before the label; `Tahun Kinerja:
2025` in one cell, split at its first colon).

The sheet is a key/value table or a form when two or more field labels stand one under
another in one column. Each value is the cell right of its label, or right of the colon cell
after it, never one further right; under a `Kolom | Isi` header the `Isi` column. Rows whose
label names no field (a title, `Nomor : ...`, a signature block) are ignored.

Decisions where the contract is silent:
- A field labelled twice is read at its first label (top to bottom, left to right).
- The header row of a form (where a missing field is reported) is its `Kolom | Isi` header,
  else the row above its first label (the label's own row when it is the first).
"""
from __future__ import annotations

import re

from checker.input import contract
from checker.input.values import cell_text, col_letter, fold_header
from checker.load.columns import match_column
from checker.load.grid import Grid
from checker.load.model import Table
from checker.load.tables import SheetRead, mark_issues, missing_columns, parse_cells, plain_table

VALUE_HEADERS = frozenset({"isi", "nilai", "value", "isian"})
_NUMBERED_LABEL_RE = re.compile(r"^\(?(?:\d{1,2}|[A-Za-z])[.)]\s+(?=\S)")
_COLON_ONLY = frozenset({":", "："})


def load_unit(grid: Grid, sheet: str, hidden: bool) -> tuple[SheetRead, dict]:
    """(SheetRead, unit): the unit is field -> (parsed, raw, status, row, column letter)."""
    spec = contract.UNIT
    keys = contract.column_name_keys(spec.columns)
    specs = {c.field: c for c in spec.columns}
    labels = _labels(grid, keys)
    per_col: dict[int, set[str]] = {}
    for _r, c, f, _inline in labels:
        per_col.setdefault(c, set()).add(f)
    if any(len(fs) >= 2 for fs in per_col.values()):
        return _form(grid, labels, specs, sheet, hidden)
    read = plain_table(grid, spec, sheet, hidden, spec.columns)
    table = read.table
    unit: dict[str, tuple] = {}
    rows = table.rows                  # still a dict of lists here
    first = bool(rows["_row"])
    row = rows["_row"][0] if first else table.header_row + 1
    for f, letter in table.columns.items():
        if first:
            st = rows[f + "__st"][0] if f + "__st" in rows else None
            unit[f] = (rows[f][0], rows[f + "__raw"][0], st, row, letter)
        else:
            parsed, raws, sts = parse_cells(specs[f], [None], "unit")
            unit[f] = (parsed[0], raws[0], sts[0] if sts else None, row, letter)
    # only the first data row is the unit: keep its formula issues
    table.formula_issues = {k: v for k, v in table.formula_issues.items() if k[0] == row}
    return read, unit


def _label(text: str) -> tuple[str, str | None]:
    """(label, value after its colon or None) of a cell that may be a form's label: a number
    before it dropped, split at its first colon."""
    t = _NUMBERED_LABEL_RE.sub("", text)
    if ":" in t:
        head, _, tail = t.partition(":")
        return head.strip(), tail.strip()
    return t, None


def _labels(grid: Grid, keys) -> list[tuple[int, int, str, str | None]]:
    """(row, column, field, value written after the label's colon or None) of every cell
    that is a field's label, left to right on each row (a cell right of a label is its value,
    not a label)."""
    out = []
    for r in range(grid.nrows):
        if not grid.filled[r]:
            continue
        row = grid.arr[r]
        c = 0
        while c < grid.ncols:
            v = row[c]
            if not isinstance(v, str) or not v.strip():
                c += 1
                continue
            label, inline = _label(cell_text(v))
            m = match_column(label, keys)
            if m is None:
                c += 1
                continue
            out.append((r, c, m[0], inline))
            c = c + 1 if inline else _value_col(grid, r, c) + 1
    return out


def _value_col(grid: Grid, r: int, c: int) -> int:
    """The value's column of the label at (r, c): the next cell, or the one after a colon cell."""
    nxt = c + 1
    if cell_text(grid.cell(r, nxt)) in _COLON_ONLY:
        nxt += 1
    return nxt


def _value(grid: Grid, r: int, vc: int):
    """The value cell's content, a colon starting it dropped."""
    v = grid.cell(r, vc)
    if isinstance(v, str):
        t = cell_text(v)
        if t[:1] in _COLON_ONLY:
            return t[1:].strip() or None
    return v


def _isi_column(grid: Grid, kc: int, first_row: int) -> tuple[int | None, int | None]:
    """(header row, value column) of a `Kolom | Isi` header right above the labels, if any."""
    for r in range(first_row - 1, -1, -1):
        if not grid.filled[r]:
            continue
        for c, t in enumerate(grid.texts(r)):
            if c > kc and fold_header(t) in VALUE_HEADERS:
                return r, c
        return None, None
    return None, None


def _form(grid: Grid, labels: list, specs: dict, sheet: str, hidden: bool) -> tuple[SheetRead, dict]:
    first_row = min(r for r, _c, _f, _i in labels)
    kc = min(c for r, c, _f, _i in labels if r == first_row)
    header_r, isi = _isi_column(grid, kc, first_row)
    data: dict[str, list] = {"_row": [first_row + 1]}
    unit: dict[str, tuple] = {}
    letters: dict[str, str] = {}
    issues: dict[tuple[int, str], str] = {}
    for r, c, f, inline in labels:
        if f in unit:
            continue
        if inline:
            vc, cell = c, inline
        else:
            vc = isi if isi is not None and c == kc else _value_col(grid, r, c)
            cell = _value(grid, r, vc)
        parsed, raws, sts = parse_cells(specs[f], [cell], "unit")
        if not inline:
            mark_issues(grid, [r], vc, parsed, sts, issues)
        data[f], data[f + "__raw"] = parsed, raws
        if sts is not None:
            data[f + "__st"] = sts
        letters[f] = col_letter(vc)
        unit[f] = (parsed[0], raws[0], sts[0] if sts else None, r + 1, letters[f])
    hrow = (header_r + 1) if header_r is not None else max(first_row, 1)
    table = Table("unit", sheet, hidden, hrow, letters, data, issues)
    problems = missing_columns(sheet, contract.UNIT.columns, unit, hrow)
    return SheetRead(table, problems, [], [], None), unit
