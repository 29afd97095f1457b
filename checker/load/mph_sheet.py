"""The MPH sheet in its two layouts: long (one row per employee and target) or matrix (one row
per employee and result, one column per PK target), the matrix melted into the long shape.

Matrix headers: the header row (the first with two employee column names) and up to two
rows under it whose employee cells are empty (group cells such as a merged "Target Kinerja"
or a Sasaran above the targets); each other column's name is its lowest non-empty header
cell, and it is a target column when that name names a PK target (load/mph_targets.py). The
header rows are the ones that find the most target columns; on a tie the deeper block when
its last row names some of them (indicators under their Sasaran), so a first data row
without a name is never taken for a header.
"""
from __future__ import annotations

from checker.input import contract
from checker.input.values import cell_text, col_letter, parse_peran
from checker.load.grid import Grid, is_filled
from checker.load.header import MAX_HEADER_ROWS, body_rows, column_names, find_header
from checker.load.model import MphColumn, Problem, Table
from checker.load.mph_targets import TargetNames
from checker.load.sections import section_of
from checker.load.tables import columns_data, missing_columns, plain_table, with_nama_nip

_IDENTITY = ("nip", "id_pegawai", "nama", contract.NAMA_NIP_FIELD)


def load_mph(grid: Grid, sheet: str, hidden: bool, pk_rows: dict | None = None):
    """(Table, problems, layout, target columns) of the MPH sheet; `pk_rows` are the PK
    table's columns (for headers that name a target by its indicator)."""
    spec = contract.MPH
    hr, colmap = find_header(grid, contract.column_name_keys(contract.read_columns("mph", spec.columns)))
    if contract.MPH_LAYOUT_FIELD in colmap:
        return _long(grid, sheet, hidden, hr, colmap)
    mcols = contract.read_columns("mph", contract.MPH_MATRIX_COLUMNS)
    specs = {c.field: c for c in mcols}
    colmap = {f: ci for f, ci in colmap.items() if f in specs}
    targets, data_start = _target_columns(grid, hr, colmap, TargetNames(pk_rows))
    colmap = with_nama_nip(colmap)
    problems = missing_columns(sheet, mcols, colmap, hr + 1)
    if not targets:
        problems.append(Problem("column_missing", sheet, "Kode Target", "kode_target", hr + 1,
                                "rancangan", "no target column in the MPH matrix"))
    emp_rows, _sections = body_rows(grid, data_start, list(range(hr, data_start)))
    grid.fill_merged(data_start)
    issues: dict[tuple[int, str], str] = {}
    emp = columns_data(grid, emp_rows, colmap, specs, "mph", issues)
    colmap.pop(contract.NAMA_NIP_FIELD, None)
    data = _melt(grid, emp_rows, emp, targets, issues)
    columns = {f: col_letter(ci) for f, ci in colmap.items()}
    if targets:
        columns["kode_target"] = columns["peran_hasil"] = col_letter(targets[0][0])
    else:
        issues = {}                    # no target column: the matrix has no rows to point at
    table = Table("mph", sheet, hidden, hr + 1, columns, data, issues)
    mph_columns = [_mph_column(t) for t in targets]
    return table, problems, "matrix", mph_columns


def _mph_column(t) -> MphColumn:
    ci, row, named, header = t
    if named.matches:                  # names several targets: reported under its own text
        return MphColumn(named.code, "", col_letter(ci), row + 1, named.matches)
    return MphColumn(named.code, header, col_letter(ci), row + 1)


def _long(grid: Grid, sheet: str, hidden: bool, hr: int, colmap: dict):
    """One row per employee and target: a plain table, each row's own cell in `_col`."""
    columns = contract.read_columns("mph", contract.MPH.columns)
    table, problems, _sections = plain_table(grid, contract.MPH, sheet, hidden, columns, hr, colmap)
    n = len(table.rows["_row"])
    table.rows["_col"] = [table.columns.get("peran_hasil")] * n
    table.rows["_line"] = list(range(n))
    long_fields = {c.field for c in contract.MPH_LONG_COLUMNS}
    return table, [p for p in problems if p.field in long_fields], "long", []


def _target_columns(grid: Grid, hr: int, colmap: dict, names: TargetNames):
    """([(column, header row of its name, Named, header text)], first data row0)."""
    known = set(colmap.values())
    ident = [colmap[f] for f in _IDENTITY if f in colmap]
    best, start = _targets_over(grid, hr, hr, known, names), hr + 1
    for last in range(hr + 1, min(hr + MAX_HEADER_ROWS, grid.nrows)):
        if not _may_be_header(grid, last, ident, known):
            break
        found = _targets_over(grid, hr, last, known, names)
        if len(found) > len(best) or (found and len(found) == len(best) and _names_targets(last, found)):
            best, start = found, last + 1
    return best, start


def _names_targets(r: int, found: list) -> bool:
    """Row `r` holds the name of a target column (so it is a header row: the lowest one
    names the column, as a Sasaran row above the indicators does not)."""
    return any(row == r for _ci, row, _named, _name in found)


def _may_be_header(grid: Grid, r: int, ident: list[int], known: set) -> bool:
    """Row `r` under the header row may be a header row too: filled, its employee cells
    empty, something outside them, and no section row."""
    if not grid.filled[r] or any(is_filled(grid.cell(r, c)) for c in ident):
        return False
    if not any(is_filled(v) for c, v in enumerate(grid.arr[r]) if c not in known):
        return False
    return section_of(grid, r) is None


def _targets_over(grid: Grid, hr: int, last: int, known: set, names: TargetNames) -> list:
    found = []
    rows = range(hr, last + 1)
    for ci, name in enumerate(column_names(grid, rows)):
        if ci in known or not name:
            continue
        named = names.name(name)
        if named is not None:
            found.append((ci, _name_row(grid, rows, ci), named, name))
    return found


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
