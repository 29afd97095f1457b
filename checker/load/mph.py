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
    spec = schema.MPH
    keys = schema.column_name_keys(spec.columns)
    hr, colmap = find_header(grid, keys)
    if schema.MPH_LAYOUT_FIELD in colmap:
        table, problems = plain_table(grid, spec, sheet, hidden, spec.columns, hr, colmap)
        n = len(table.rows["_row"])
        table.rows["_col"] = [table.columns.get("peran_hasil")] * n
        table.rows["_line"] = list(range(n))
        problems = [p for p in problems if p.field in {c.field for c in schema.MPH_LONG_COLUMNS}]
        return table, problems, "long", []

    mcols = schema.MPH_MATRIX_COLUMNS
    specs = {c.field: c for c in mcols}
    mfields = set(specs)
    colmap = {f: ci for f, ci in colmap.items() if f in mfields}
    head = grid.texts(hr)
    known = set(colmap.values())
    targets: list[tuple[int, int, str, str, str]] = []   # (col, row0, word, code, header)
    for ci, t in enumerate(head):
        if ci in known:
            continue
        hc = header_code(t)
        if hc is not None:
            targets.append((ci, hr, hc[0], hc[1], t))
    data_start = hr + 1
    # two-row header: codes on the row under the header row
    nxt = hr + 1
    if nxt < grid.nrows and grid.filled[nxt]:
        ident = [colmap[f] for f in ("nip", "id_pegawai", "nama") if f in colmap]
        if all(not is_filled(grid.cell(nxt, c)) for c in ident):
            sub = grid.texts(nxt)
            tcols = {t[0] for t in targets}
            extra = []
            for ci, t in enumerate(sub):
                if ci in known or ci in tcols:
                    continue
                hc = header_code(t)
                above = head[ci] if ci < len(head) else ""
                if hc is not None and (not above or header_code(above) is None):
                    extra.append((ci, nxt, hc[0], hc[1], t))
            if extra:
                targets = sorted(targets + extra)
                data_start = nxt + 1
    problems = missing_columns(spec, sheet, mcols, colmap, hr + 1)
    if not targets:
        problems.append(Problem("column_missing", sheet, "Kode Target", "kode_target", hr + 1,
                                "rancangan", "no target column in the MPH matrix"))
    emp_rows = body_rows(grid, data_start, list(range(hr, data_start)))
    issues: dict[tuple[int, str], str] = {}
    emp = columns_data(grid, emp_rows, colmap, specs, "mph", issues)
    nt = len(targets)
    data: dict[str, list] = {}
    for k, vals in emp.items():
        data[k] = [v for v in vals for _ in range(nt)]
    codes = [t[3] for t in targets]
    words = [t[2] for t in targets]
    letters = [col_letter(t[0]) for t in targets]
    ne = len(emp_rows)
    data["kode_target"] = codes * ne
    data["kode_target__raw"] = words * ne
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
    columns = {f: col_letter(ci) for f, ci in colmap.items()}
    if targets:
        columns["kode_target"] = columns["peran_hasil"] = letters[0]
    else:
        issues = {}                    # no target column: the matrix has no rows to point at
    table = Table("mph", sheet, hidden, hr + 1, columns, data, issues)
    mph_columns = [MphColumn(t[3], t[4], col_letter(t[0]), t[1] + 1) for t in targets]
    return table, problems, "matrix", mph_columns
