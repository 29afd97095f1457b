"""The MPH sheet in its two layouts: long (one row per employee and target) or matrix (one row
per employee, one column per PK target), the matrix melted into the long shape."""
from __future__ import annotations

from checker.input import schema
from checker.input.values import cell_text, col_letter, header_code, parse_peran
from checker.load.grid import Grid, is_filled
from checker.load.header import body_rows, find_header
from checker.load.model import MphColumn, Problem, Table
from checker.load.tables import columns_data, missing_columns, plain_table


def load_mph(grid: Grid, sheet: str, hidden: bool):
    """(Table, problems, layout, target columns) of the MPH sheet."""
    spec = schema.MPH
    hr, colmap = find_header(grid, schema.column_name_keys(spec.columns))
    if schema.MPH_LAYOUT_FIELD in colmap:
        return _long(grid, sheet, hidden, hr, colmap)
    mcols = schema.MPH_MATRIX_COLUMNS
    specs = {c.field: c for c in mcols}
    colmap = {f: ci for f, ci in colmap.items() if f in specs}
    targets, data_start = _target_columns(grid, hr, colmap)
    problems = missing_columns(spec, sheet, mcols, colmap, hr + 1)
    if not targets:
        problems.append(Problem("column_missing", sheet, "Kode Target", "kode_target", hr + 1,
                                "rancangan", "no target column in the MPH matrix"))
    emp_rows = body_rows(grid, data_start, list(range(hr, data_start)))
    issues: dict[tuple[int, str], str] = {}
    emp = columns_data(grid, emp_rows, colmap, specs, "mph", issues)
    data = _melt(grid, emp_rows, emp, targets, issues)
    columns = {f: col_letter(ci) for f, ci in colmap.items()}
    if targets:
        columns["kode_target"] = columns["peran_hasil"] = col_letter(targets[0][0])
    else:
        issues = {}                    # no target column: the matrix has no rows to point at
    table = Table("mph", sheet, hidden, hr + 1, columns, data, issues)
    mph_columns = [MphColumn(t[3], t[4], col_letter(t[0]), t[1] + 1) for t in targets]
    return table, problems, "matrix", mph_columns


def _long(grid: Grid, sheet: str, hidden: bool, hr: int, colmap: dict):
    """One row per employee and target: a plain table, each row's own cell in `_col`."""
    table, problems = plain_table(grid, schema.MPH, sheet, hidden, schema.MPH.columns, hr, colmap)
    n = len(table.rows["_row"])
    table.rows["_col"] = [table.columns.get("peran_hasil")] * n
    table.rows["_line"] = list(range(n))
    long_fields = {c.field for c in schema.MPH_LONG_COLUMNS}
    return table, [p for p in problems if p.field in long_fields], "long", []


def _target_columns(grid: Grid, hr: int, colmap: dict):
    """([(column, header row, code as written, folded code, header text)], first data row):
    every other column whose header starts with a code-like word; the codes may sit on the
    row under the header row (a merged group cell above them)."""
    head = grid.texts(hr)
    known = set(colmap.values())
    targets = [(ci, hr, *hc, t) for ci, t in enumerate(head)
               if ci not in known and (hc := header_code(t)) is not None]
    nxt = hr + 1
    if nxt >= grid.nrows or not grid.filled[nxt]:
        return targets, hr + 1
    ident = [colmap[f] for f in ("nip", "id_pegawai", "nama") if f in colmap]
    if any(is_filled(grid.cell(nxt, c)) for c in ident):
        return targets, hr + 1
    tcols = {t[0] for t in targets}
    extra = []
    for ci, t in enumerate(grid.texts(nxt)):
        if ci in known or ci in tcols:
            continue
        hc = header_code(t)
        above = head[ci] if ci < len(head) else ""
        if hc is not None and (not above or header_code(above) is None):
            extra.append((ci, nxt, hc[0], hc[1], t))
    if not extra:
        return targets, hr + 1
    return sorted(targets + extra), nxt + 1


def _melt(grid: Grid, emp_rows: list[int], emp: dict, targets: list, issues: dict) -> dict[str, list]:
    """One row per (employee row, target column), the long layout's columns."""
    nt, ne = len(targets), len(emp_rows)
    data: dict[str, list] = {k: [v for v in vals for _ in range(nt)] for k, vals in emp.items()}
    letters = [col_letter(t[0]) for t in targets]
    data["kode_target"] = [t[3] for t in targets] * ne
    data["kode_target__raw"] = [t[2] for t in targets] * ne
    raws = [cell_text(grid.arr[r, t[0]]) for r in emp_rows for t in targets]
    peran = [parse_peran(t) for t in raws]
    if grid.issues:
        for i, (r, t) in enumerate((r, t) for r in emp_rows for t in targets):
            got = grid.issues.get((r, t[0]))
            if got is not None:
                peran[i] = None
                issues[(r + 1, letters[i % nt])] = got[0]
    data["peran_hasil"] = peran
    data["peran_hasil__raw"] = raws
    data["_col"] = letters * ne
    data["_line"] = [i for i in range(ne) for _ in range(nt)]
    return data
