"""The MPH sheet in its two layouts: long (one row per employee and target) or matrix (one row
per employee and result, one column per PK target), the matrix melted into the long shape.

Matrix headers (load/header.py): the header row (the first with two employee column names)
and the rows around it that find more target columns (a merged "Target Kinerja" or a
Sasaran above the targets); each other column's name is its lowest non-empty header cell,
and it is a target column when that name names a PK target (load/mph_targets.py). Its body
is read as every table's (load/regions.py): a row is data when it has a person or two filled
cells; several tables on the sheet add up.

Decision where the contract is silent: the target columns named by several tables of one
sheet are listed once, at the first table's header.
"""
from __future__ import annotations

from checker.input import contract
from checker.input.values import cell_text, col_letter, parse_peran
from checker.load.columns import SheetColumns
from checker.load.grid import Grid
from checker.load.header import find_header
from checker.load.model import MphColumn, Problem, Table
from checker.load.mph_targets import TargetNames
from checker.load.regions import read_tables
from checker.load.tables import SheetRead, columns_data, has_status, missing_columns, plain_table, with_nama_nip


def load_mph(grid: Grid, sheet: str, hidden: bool, pk_rows: dict | None = None, names_pokja=None):
    """(SheetRead, layout, target columns) of the MPH sheet; `pk_rows` are the PK table's
    columns (for headers that name a target by its indicator)."""
    spec = contract.MPH
    every = SheetColumns.of("mph", contract.read_columns("mph", spec.columns))
    hr = find_header(grid, every)
    if _names_kode_target(grid, every, hr):
        return _long(grid, sheet, hidden, names_pokja)
    mcols = contract.read_columns("mph", contract.MPH_MATRIX_COLUMNS)
    specs = {c.field: c for c in mcols}
    read = read_tables(grid, SheetColumns.of("mph", mcols), names_pokja, TargetNames(pk_rows))
    grid.fill_merged(read.rows)
    issues: dict[tuple[int, str], str] = {}
    first = read.tables[0].band
    colmap = with_nama_nip(first.colmap)
    problems = missing_columns(sheet, mcols, colmap, first.row + 1)
    targets = [t for tb in read.tables for t in tb.band.targets]
    if not targets:
        problems.append(Problem("column_missing", sheet, "Kode Target", "kode_target", first.row + 1,
                                "rancangan", "no target column in the MPH matrix"))
    parts = []
    for tb in read.tables:
        if tb.rows and tb.band.targets:
            cm = with_nama_nip(tb.band.colmap)
            emp = columns_data(grid, tb.rows, cm, specs, "mph", issues)
            parts.append(_melt(grid, tb.rows, emp, tb.band.targets, issues))
    data = _concat(parts, [f for f in colmap if f != contract.NAMA_NIP_FIELD], specs)
    colmap.pop(contract.NAMA_NIP_FIELD, None)
    columns = {f: col_letter(ci) for f, ci in colmap.items()}
    if targets:
        columns["kode_target"] = columns["peran_hasil"] = col_letter(first.targets[0][0] if first.targets
                                                                     else targets[0][0])
    else:
        issues = {}                    # no target column: the matrix has no rows to point at
    table = Table("mph", sheet, hidden, first.row + 1, columns, data, issues)
    seen: set[str] = set()
    mph_columns = []
    for t in targets:
        if t[2].code not in seen:
            seen.add(t[2].code)
            mph_columns.append(_mph_column(t))
    return SheetRead(table, problems, [], read.unplaced, read), "matrix", mph_columns


def _names_kode_target(grid: Grid, every: SheetColumns, hr: int) -> bool:
    """The layout: a `Kode Target` column on the header row."""
    return any((m := every.known(t)) is not None and m[0] == contract.MPH_LAYOUT_FIELD for t in grid.texts(hr) if t)


def _concat(parts: list[dict], fields: list[str], specs: dict) -> dict[str, list]:
    """The melted rows of several tables, one after the other (a field one table lacks is
    empty there)."""
    keys = ["_row", "_col", "_line", "kode_target", "kode_target__raw", "peran_hasil", "peran_hasil__raw"]
    for f in fields:
        keys += [f, f + "__raw"] + ([f + "__st"] if has_status(specs[f]) else [])
    if len(parts) == 1 and all(k in parts[0] for k in keys):
        return parts[0]
    out: dict[str, list] = {k: [] for k in keys}
    line = 0
    for d in parts:
        n = len(d["_row"])
        for k in keys:
            if k == "_line":
                out[k] += [line + v for v in d[k]]
            elif k in d:
                out[k] += d[k]
            else:
                out[k] += ["empty"] * n if k.endswith("__st") else ([""] * n if k.endswith("__raw") else [None] * n)
        line += (max(d["_line"]) + 1) if n else 0
    return out


def _mph_column(t) -> MphColumn:
    ci, row, named, header = t
    if named.matches:                  # names several targets: reported under its own text
        return MphColumn(named.code, "", col_letter(ci), row + 1, named.matches)
    return MphColumn(named.code, header, col_letter(ci), row + 1)


def _long(grid: Grid, sheet: str, hidden: bool, names_pokja):
    """One row per employee and target: a plain table, each row's own cell in `_col`."""
    columns = contract.read_columns("mph", contract.MPH.columns)
    read = plain_table(grid, contract.MPH, sheet, hidden, columns, names_pokja)
    table = read.table
    n = len(table.rows["_row"])
    table.rows["_col"] = [table.columns.get("peran_hasil")] * n
    table.rows["_line"] = list(range(n))
    long_fields = {c.field for c in contract.MPH_LONG_COLUMNS}
    read.problems = [p for p in read.problems if p.field in long_fields]
    return read, "long", []


def _melt(grid: Grid, emp_rows: list[int], emp: dict, targets: list, issues: dict) -> dict[str, list]:
    """One row per (employee row, target column), the long layout's columns."""
    nt, ne = len(targets), len(emp_rows)
    data: dict[str, list] = {k: [v for v in vals for _ in range(nt)] for k, vals in emp.items()}
    letters = [col_letter(t[0]) for t in targets]
    data["kode_target"] = [t[2].code for t in targets] * ne
    data["kode_target__raw"] = [t[2].raw for t in targets] * ne
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
