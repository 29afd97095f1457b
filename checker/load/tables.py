"""A table sheet's data rows as typed columns: for every found field F its parsed value, F__raw
(the cell as text) and F__st (the status of NIP, date, vocabulary and year cells)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checker.input import contract
from checker.input.contract import ColumnSpec
from checker.input.dates import parse_date
from checker.input.nip import parse_nip
from checker.input.person_names import split_nama_nip
from checker.input.values import (
    cell_text,
    col_letter,
    is_placeholder,
    parse_code,
    parse_codes,
    parse_peran,
    parse_year,
    trim_text,
)
from checker.input.vocab import parse_vocab
from checker.load.columns import SheetColumns
from checker.load.grid import Grid
from checker.load.model import FORMULA_ERROR, Problem, Table
from checker.load.regions import SheetTables, read_tables


def parse_cells(col: ColumnSpec, cells: list, sheet_kind: str):
    """-> (parsed list, raw list, status list or None). A placeholder (values.is_placeholder:
    `-`, `...`, `belum diisi`, ...) is an empty NIP, date, year, vocabulary value, code or text,
    never a value that is not valid (input-format.md, Values), and keeps its text as raw, the
    value a finding shows as found."""
    kind = col.kind
    if kind == "nip":
        today = date.today()
        vs = _memo(_or_placeholder(lambda v: parse_nip(v, today)), cells)
        return [v.key for v in vs], [v.raw_text for v in vs], [v.status for v in vs]
    if kind == "date":
        vs = _memo(_or_placeholder(parse_date), cells)
        return [v.value for v in vs], [v.raw_text for v in vs], [v.status for v in vs]
    if kind == "year":
        vs = _memo(_or_placeholder(parse_year), cells)
        return [v.value for v in vs], [v.raw_text for v in vs], [v.status for v in vs]
    if kind.startswith("vocab:"):
        name = kind[6:]
        vs = _memo(_or_placeholder(lambda v: parse_vocab(name, v)), cells)
        return [v.value for v in vs], [v.raw_text for v in vs], [v.status for v in vs]
    raws = [cell_text(v) for v in cells]
    blank = _memo(is_placeholder, raws)
    if kind == "code":
        return [None if b else c for b, c in zip(blank, _memo(parse_code, raws))], raws, None
    if kind == "codes":
        return [None if b else parse_codes(t) for b, t in zip(blank, raws)], raws, None
    if sheet_kind == "mph" and col.field == "peran_hasil":
        return [parse_peran(t) for t in raws], raws, None
    return [None if b else (t or None) for b, t in zip(blank, raws)], raws, None


def _or_placeholder(parse):
    """`parse` for one cell, reading a placeholder as an empty cell whose text is kept as raw."""
    def parsed(v):
        if type(v) is str and is_placeholder(v):
            return parse(None)._replace(raw_text=trim_text(v))
        return parse(v)
    return parsed


def _memo(fn, cells: list) -> list:
    """[fn(c) for c in cells], computing each distinct (type, value) once (columns repeat
    their values a lot: vocabularies, codes, units)."""
    cache: dict = {}
    out = []
    append = out.append
    for c in cells:
        key = c if type(c) is str else (type(c), c)
        try:
            r = cache.get(key, _MISS)
        except TypeError:               # unhashable: not from a reader, but be safe
            append(fn(c))
            continue
        if r is _MISS:
            r = cache[key] = fn(c)
        append(r)
    return out


_MISS = object()


def mark_issues(grid: Grid, rows: list[int], ci: int, parsed: list, sts: list | None,
                 issues: dict[tuple[int, str], str]) -> None:
    """Cells of column `ci` in `rows` with a formula problem: parsed None, status
    "formula_error", listed in `issues` by (excel row, letter)."""
    if not grid.issues:
        return
    letter = None
    for i, r in enumerate(rows):
        got = grid.issues.get((r, ci))
        if got is None:
            continue
        parsed[i] = None
        if sts is not None:
            sts[i] = FORMULA_ERROR
        letter = letter or col_letter(ci)
        issues[(r + 1, letter)] = got[0]


# Statuses of a value that is fine to use; any other one is reported once, at its cell.
_USABLE = frozenset({"ok", "valid", "empty"})


def columns_data(grid: Grid, rows: list[int], colmap: dict[str, int], specs: dict[str, ColumnSpec],
                  sheet_kind: str, issues: dict | None = None) -> dict[str, list]:
    data: dict[str, list] = {"_row": [r + 1 for r in rows]}
    issues = {} if issues is None else issues
    combined = colmap.get(contract.NAMA_NIP_FIELD)
    split = _split_nama_nip(grid, rows, combined) if combined is not None else None
    for f, ci in colmap.items():
        if f == contract.NAMA_NIP_FIELD:
            continue
        if ci == combined and f in ("nama", "nip"):
            cells = split[f]
        else:
            cells = [grid.arr[r, ci] for r in rows]
        parsed, raws, sts = parse_cells(specs[f], cells, sheet_kind)
        mark_issues(grid, rows, ci, parsed, sts, issues)
        if sts is not None and grid.origin:
            _report_at_origin(grid, rows, ci, sts)
        data[f] = parsed
        data[f + "__raw"] = raws
        if sts is not None:
            data[f + "__st"] = sts
    return data


def with_nama_nip(colmap: dict[str, int]) -> dict[str, int]:
    """The `Nama/NIP` column supplies the fields `nama` and `nip` its sheet has no column of its
    own for (the same letter, so that findings point at it)."""
    ci = colmap.get(contract.NAMA_NIP_FIELD)
    if ci is None:
        return colmap
    out = dict(colmap)
    for f in ("nama", "nip"):
        out.setdefault(f, ci)
    return out


def _split_nama_nip(grid: Grid, rows: list[int], ci: int) -> dict[str, list]:
    parts = [split_nama_nip(cell_text(grid.arr[r, ci])) for r in rows]
    return {"nama": [p.nama or None for p in parts], "nip": [p.nip or None for p in parts]}


def _report_at_origin(grid: Grid, rows: list[int], ci: int, sts: list) -> None:
    """The other cells of a merged range hold its value, but a value that is not valid is
    reported once, at the range's top-left cell: they take the status the facts treat as a
    given value that cannot be used and is reported elsewhere (cells.py, pokja.is_empty)."""
    origin = grid.origin
    for i, r in enumerate(rows):
        if sts[i] not in _USABLE and (r, ci) in origin:
            sts[i] = FORMULA_ERROR


def missing_columns(sheet: str, columns: tuple[ColumnSpec, ...], found, header_row):
    out = []
    for c in columns:
        stage = contract.missing_column_stage(c)
        if stage is not None and c.field not in found:
            out.append(Problem("column_missing", sheet, c.label, c.field, header_row, stage))
    return out


@dataclass
class SheetRead:
    """A table sheet read: its Table (every table's data rows, in sheet order), the problems
    of its headers, each data row's Pokja hint (load/regions.PokjaHint or None) and the rows
    that could not be placed ((row0, col0, text))."""
    table: Table
    problems: list[Problem]
    hints: list
    unplaced: list
    tables: SheetTables


def plain_table(grid: Grid, spec, sheet: str, hidden: bool, columns: tuple[ColumnSpec, ...],
                names_pokja=None) -> SheetRead:
    """A table sheet: every table on it (load/regions.py), their data rows added up."""
    cols = SheetColumns.of(spec.kind, columns)
    read = read_tables(grid, cols, names_pokja)
    return table_from(grid, spec.kind, sheet, hidden, columns, read)


def table_from(grid: Grid, kind: str, sheet: str, hidden: bool, columns: tuple[ColumnSpec, ...],
               read: SheetTables) -> SheetRead:
    """The Table of a sheet's tables: each table's data rows read under its own header. A
    field the sheet requires and some table lacks is missing (one problem per column, at
    the first such table's header row); an optional one is empty where a table lacks it."""
    specs = {c.field: c for c in columns}
    grid.fill_merged(read.rows)
    issues: dict[tuple[int, str], str] = {}
    parts = []
    letters: dict[str, str] = {}
    lacking: dict[str, int] = {}
    for t in read.tables:
        colmap = with_nama_nip(t.band.colmap)
        for f, ci in colmap.items():
            if f != contract.NAMA_NIP_FIELD:
                letters.setdefault(f, col_letter(ci))
        for c in columns:
            if c.field not in colmap and c.field != contract.NAMA_NIP_FIELD:
                lacking.setdefault(c.field, t.band.row + 1)
        if t.rows:
            parts.append((columns_data(grid, t.rows, colmap, specs, kind, issues), len(t.rows)))
    data = _added_up(parts, letters, specs, kind)
    first = read.tables[0].band
    problems = []
    for c in columns:
        stage = contract.missing_column_stage(c)
        if stage is not None and c.field in lacking:
            problems.append(Problem("column_missing", sheet, c.label, c.field, lacking[c.field], stage))
            if c.field in letters and not (kind == "anggota" and c.field == "kode_pokja"):
                del letters[c.field]
    table = Table(kind, sheet, hidden, first.row + 1, letters, data, issues)
    hints = [h for t in read.tables for h in t.hints]
    return SheetRead(table, problems, hints, read.unplaced, read)


def _added_up(parts: list, letters: dict, specs: dict, kind: str) -> dict[str, list]:
    """One table's columns (`_row` and per field F, F__raw, F__st) of several tables' data."""
    if len(parts) == 1:
        return parts[0][0]
    data: dict[str, list] = {"_row": []}
    fields = [f for f in specs if f in letters]
    for f in fields:
        data[f], data[f + "__raw"] = [], []
        if has_status(specs[f]):
            data[f + "__st"] = []
    for d, n in parts:
        data["_row"] += d["_row"]
        for f in fields:
            if f in d:
                got = (d[f], d[f + "__raw"], d.get(f + "__st"))
            else:
                got = parse_cells(specs[f], [None] * n, kind)
            data[f] += got[0]
            data[f + "__raw"] += got[1]
            if f + "__st" in data:
                data[f + "__st"] += got[2] if got[2] is not None else ["empty"] * n
    return data


def has_status(col: ColumnSpec) -> bool:
    return col.kind in ("nip", "date", "year") or col.kind.startswith("vocab:")
