"""The Unit sheet: one data row under a header row, or a two-column key/value table."""
from __future__ import annotations

from checker.input import contract
from checker.input.values import cell_text, col_letter, fold_header
from checker.load.grid import Grid
from checker.load.header import find_header, match_column
from checker.load.model import Table
from checker.load.tables import mark_issues, missing_columns, parse_cells, plain_table

VALUE_HEADERS = frozenset({"isi", "nilai", "value", "isian"})


def load_unit(grid: Grid, sheet: str, hidden: bool):
    spec = contract.UNIT
    keys = contract.column_name_keys(spec.columns)
    specs = {c.field: c for c in spec.columns}
    # best row within the scan window
    hr, colmap = find_header(grid, keys)
    if len(colmap) < 2:
        kv = _unit_key_value(grid, keys, specs, sheet, hidden)
        if kv is not None:
            return kv
    table, problems, _sections = plain_table(grid, spec, sheet, hidden, spec.columns, hr, colmap)
    unit: dict[str, tuple] = {}
    rows = table.rows                  # still a dict of lists here (see _finish)
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
    return table, problems, unit


def _unit_key_value(grid: Grid, keys, specs, sheet, hidden):
    per_col: dict[int, dict[str, int]] = {}
    for r in range(grid.nrows):
        if not grid.filled[r]:
            continue
        for c in range(grid.ncols):
            v = grid.arr[r, c]
            if not isinstance(v, str):
                continue
            m = match_column(cell_text(v), keys)
            if m is not None:
                per_col.setdefault(c, {}).setdefault(m[0], r)
    if not per_col:
        return None
    kc, fields = max(per_col.items(), key=lambda kv: (len(kv[1]), -kv[0]))
    if len(fields) < 2:
        return None
    first_key_row = min(fields.values())
    header_r, vc = None, kc + 1
    for r in range(first_key_row - 1, -1, -1):     # a "Kolom | Isi" header above the keys
        if not grid.filled[r]:
            continue
        texts = grid.texts(r)
        for c, t in enumerate(texts):
            if c > kc and fold_header(t) in VALUE_HEADERS:
                header_r, vc = r, c
                break
        break
    data: dict[str, list] = {"_row": [first_key_row + 1]}
    unit: dict[str, tuple] = {}
    issues: dict[tuple[int, str], str] = {}
    letter = col_letter(vc)
    for f, r in sorted(fields.items(), key=lambda kv: kv[1]):
        parsed, raws, sts = parse_cells(specs[f], [grid.cell(r, vc)], "unit")
        mark_issues(grid, [r], vc, parsed, sts, issues)
        data[f], data[f + "__raw"] = parsed, raws
        if sts is not None:
            data[f + "__st"] = sts
        unit[f] = (parsed[0], raws[0], sts[0] if sts else None, r + 1, letter)
    hrow = (header_r + 1) if header_r is not None else max(first_key_row, 1)
    table = Table("unit", sheet, hidden, hrow, dict.fromkeys(fields, letter), data, issues)
    problems = missing_columns(sheet, contract.UNIT.columns, fields, hrow)
    return table, problems, unit
