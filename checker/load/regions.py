"""A sheet read as tables (input-format.md, *Tables on a sheet*): each table a header band
(load/header.py) over a body whose rows are classified in the contract's order (blank,
header, title, note, closing, total, banner, data, unplaced; the cell texts that decide it
are load/row_text.py's), the body ending where the table ends. Only data rows become facts;
a banner or a table's title that names a Pokja gives it to the rows under it; a row that
cannot be placed is listed (the unit's one D05, facts/structure.py), never read.

`read_tables(grid, columns, ...)` -> `SheetTables`: the tables with their data rows and
header bands, and the rows that could not be placed. The grid is read as written (merged
ranges only at their top-left cell); `Grid.fill_merged_rows` then gives the data rows the
values of the merged ranges they start.

Decisions where the contract is silent:
- A row under a merged range that reaches down from a data row above continues that row: it
  is data whatever its own cells say (a person's second result on an MPH, a Kode Pokja merged
  down the members); it is blank when it has no cell of its own.
- In the count of a data row's cells, a row-number column (headed `No`, `Nomor`, `No.
  Urut`, unless it is a column of the sheet such as PK's `No`) does not count, and neither
  does a placeholder.
- A blank run before the table's first body row does not end it.
- A title is one text; the block of titles may hold blank rows. The first table's title is
  that block right above its band; rows above the block are the sheet's title area, skipped.
- A banner sets the Pokja of the rows below it when it names a Pokja, when it begins (after
  its numbering) with `Pokja`, `Kelompok Kerja` or `Tim` (naming none of the unit's Pokja:
  its rows then name an unknown Pokja, K13, rather than take the previous banner's), or
  when it is numbered at the level of an earlier banner of the table that set one; any
  other banner (a role sub-heading, `1. Anggota`) leaves the Pokja as it is. A table's
  title sets it for the table's rows when it names a Pokja; a banner then overrides it.
- A lone name is a closing line when the next filled row (within two rows) is a lone `NIP`
  line. A row of more than three texts is no closing line (a signature block spreads over
  one or two cells a line).
- "Merged across the table": a merged range over at least two columns and at least half of
  the table's columns.
- An unplaced row's text is its cells' texts joined by " | " (line breaks as spaces), cut at
  160 characters.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from checker.input.contract import is_example_row
from checker.input.values import cell_text, fold_words, is_placeholder, trim_text
from checker.load.columns import IDENTIFYING, PERSON, SheetColumns
from checker.load.grid import Grid
from checker.load.header import Band, find_header, read_band
from checker.load.row_text import (
    has_valid_nip,
    heads_pokja,
    is_closing,
    is_nip_line,
    is_note,
    is_number_cell,
    is_row_number,
    is_total,
    numbering,
    same_level,
)

BLANK, NOTE, CLOSING, TOTAL, BANNER, DATA, UNPLACED = "blank", "note", "closing", "total", "banner", "data", "unplaced"
_NUMBER_HEADERS = frozenset({"no", "nomor", "no urut", "nomor urut", "#"})
_SHOWN_MAX = 160                  # characters of an unplaced row's text shown as the value found
_CLOSING_MAX_CELLS = 3            # a signature line spreads over no more cells than this
_placeholder = functools.lru_cache(maxsize=1 << 12)(is_placeholder)     # a sheet repeats its "-" a lot


@dataclass(frozen=True)
class PokjaHint:
    """The banner or title a data row takes its Pokja from."""
    text: str                 # as written (a title's rows joined by a space)
    title: str                # without its numbering
    col: int                  # 0-based column of its text


@dataclass
class Table:
    band: Band
    rows: list[int] = field(default_factory=list)                 # data rows, 0-based
    hints: list[PokjaHint | None] = field(default_factory=list)   # per data row
    title_rows: list[int] = field(default_factory=list)
    numbering: frozenset = frozenset()          # its row-number columns
    identifying: frozenset = frozenset()        # its columns that identify a row


@dataclass
class SheetTables:
    tables: list[Table]
    unplaced: list[tuple[int, int, str]]        # (row0, col0 of its first text, its text)

    @property
    def rows(self) -> list[int]:
        return [r for t in self.tables for r in t.rows]


@dataclass(frozen=True)
class _Cell:
    col: int
    text: str
    value: object
    width: int                # columns of the merged range it starts (1 for a plain cell)


class _Sheet:
    """One sheet's cells as the classifier sees them: a row's own cells within a table's
    columns, and the cells merged ranges reach down into. Each row's filled cells are found
    once (texts trimmed, placeholders dropped)."""

    def __init__(self, grid: Grid):
        import numpy as np
        self.grid = grid
        self.starts: dict[int, list] = {}           # row -> merged ranges starting on it
        self.covered: dict[int, list] = {}          # row -> (c0, c1, r0) of ranges reaching down into it
        for (r0, c0), (r1, c1) in grid.merged:
            if r0 >= grid.nrows:
                continue
            self.starts.setdefault(r0, []).append((c0, c1))
            for r in range(r0 + 1, min(r1, grid.nrows - 1) + 1):
                self.covered.setdefault(r, []).append((c0, c1, r0))
        self.filled: dict[int, list[int]] = {}       # row -> its columns holding a value
        if grid.nrows and grid.ncols:
            rows, cols = np.nonzero(grid.arr != None)  # noqa: E711 - elementwise, numpy
            for r, c in zip(rows.tolist(), cols.tolist()):
                self.filled.setdefault(r, []).append(c)
        self._texts: dict[int, list[tuple[int, str, object]]] = {}

    def texts(self, r: int) -> list[tuple[int, str, object]]:
        """(column, text, value) of row `r`'s filled cells as written, placeholders dropped."""
        got = self._texts.get(r)
        if got is None:
            row = self.grid.arr[r]
            got = []
            for c in self.filled.get(r, ()):
                v = row[c]
                t = trim_text(v) if type(v) is str else cell_text(v)
                if t and not _placeholder(t):
                    got.append((c, t, v))
            self._texts[r] = got
        return got

    def cells(self, r: int, lo: int, hi: int) -> list[_Cell]:
        """The filled cells of row `r` within columns lo..hi as written: a merged range is one
        text at its first cell (a range from left of `lo` reaching into the table at `lo`);
        placeholders and cells holding only spaces are empty."""
        starts = self.starts.get(r)
        if not starts:
            return [_Cell(c, t, v, 1) for c, t, v in self.texts(r) if lo <= c <= hi]
        widths = {}
        for c0, c1 in starts:
            if c0 < lo <= c1:
                widths[c0] = (lo, c1)
            elif lo <= c0 <= hi:
                widths[c0] = (c0, c1)
        out = []
        for c, t, v in self.texts(r):
            if c in widths:
                at, c1 = widths[c]
                out.append(_Cell(at, t, v, min(c1, hi) - at + 1))
            elif lo <= c <= hi:
                out.append(_Cell(c, t, v, 1))
        return out

    def covered_cols(self, r: int, lo: int, hi: int, data: set[int]) -> set[int]:
        """Columns of row `r` (within lo..hi) covered by a merged range from a data row above."""
        out = set()
        for c0, c1, r0 in self.covered.get(r, ()):
            if r0 in data:
                out.update(range(max(c0, lo), min(c1, hi) + 1))
        return out


class _Reader:
    def __init__(self, grid: Grid, columns: SheetColumns, names_pokja: Callable[[str], bool] | None,
                 targets=None):
        self.grid = grid
        self.sheet = _Sheet(grid)
        self.columns = columns
        self.names_pokja = names_pokja or (lambda _t: False)
        self.targets = targets
        self.data: set[int] = set()
        self.unplaced: list[tuple[int, int, str]] = []

    # ------------------------------------------------------------------ the tables

    def read(self, start: int = 0) -> SheetTables:
        grid = self.grid
        hr = find_header(grid, self.columns, start)
        bands = [read_band(grid, self.columns, hr, start, self.targets)]
        r = bands[0].last + 1
        while r < grid.nrows:
            if self._is_header(r):
                band = read_band(grid, self.columns, r, bands[-1].last + 1, self.targets)
                bands.append(band)
                r = band.last + 1
            else:
                r += 1
        tables = []
        for i, band in enumerate(bands):
            floor = bands[i - 1].last + 1 if i else start
            colmap = band.colmap
            fields = PERSON if self.columns.kind == "mph" and band.targets else IDENTIFYING
            table = Table(band, title_rows=self._title_rows(band, floor),
                          numbering=frozenset(c for c in range(band.lo, band.hi + 1) if _numbers_rows(band, c)),
                          identifying=frozenset(colmap[f] for f in fields if f in colmap))
            tables.append(table)
        for i, table in enumerate(tables):
            end = tables[i + 1].title_rows[0] if i + 1 < len(tables) and tables[i + 1].title_rows else (
                tables[i + 1].band.top if i + 1 < len(tables) else grid.nrows)
            self._body(table, table.band.last + 1, end)
        return SheetTables(tables, self.unplaced)

    def _is_header(self, r: int) -> bool:
        cells = self.sheet.texts(r)
        if len(cells) < 2 or self.columns.count_known([t for _c, t, _v in cells]) < 2:
            return False
        return not any(has_valid_nip(v) for _c, _t, v in cells if isinstance(v, str) and any(ch.isdigit() for ch in v))

    def _title_rows(self, band: Band, floor: int) -> list[int]:
        """The block of one-text rows right above the band (blank rows between the block and
        the band allowed); a closing line is no title."""
        out = []
        r = band.top - 1
        while r >= floor and not self.grid.filled[r]:
            r -= 1
        while r >= floor:
            cells = self.sheet.cells(r, 0, self.grid.ncols - 1)
            one = _one_text(cells) if cells else None
            if one is None or self.columns.count_known([c.text for c in cells]) or _closing_line(one[0].text):
                break
            out.append(r)
            r -= 1
        return sorted(out)

    # ------------------------------------------------------------------ the body

    def _body(self, table: Table, start: int, end: int) -> None:
        band = table.band
        lo, hi = band.lo, band.hi
        title = " ".join(_one_text(self.sheet.cells(r, 0, self.grid.ncols - 1))[0].text for r in table.title_rows)
        current = None
        if title and self.names_pokja(title):
            current = PokjaHint(title, title, _first_col(self.sheet.cells(table.title_rows[0], 0, self.grid.ncols - 1)))
        setter = None                 # numbering of the last banner that set the Pokja
        state, seen, pending = "body", False, False
        for r in range(start, end):
            cells = self.sheet.cells(r, lo, hi)
            kind = self._kind(table, r, cells)
            if state in ("notes", "closing"):
                if kind != BLANK and self._holds_person(table, r, cells):
                    self._unplace(r, cells)
                continue
            if kind == BLANK:
                pending = pending or seen
                continue
            if kind in (NOTE, CLOSING):
                state = "notes" if kind == NOTE else "closing"
                if self._holds_person(table, r, cells):
                    self._unplace(r, cells)
                continue
            if kind == TOTAL:
                pending = True
                continue
            if state == "ended":
                self._unplace(r, cells)
                continue
            if pending:
                pending = False
                if not (kind == BANNER or (kind == DATA and self._strong(table, r, cells))):
                    state = "ended"
                    self._unplace(r, cells)
                    continue
            seen = True
            if kind == BANNER:
                current, setter = self._banner(cells, current, setter)
            elif kind == DATA:
                table.rows.append(r)
                table.hints.append(current)
                self.data.add(r)
            else:
                self._unplace(r, cells)

    def _banner(self, cells: list[_Cell], current, setter):
        cell = cells[-1]
        num = numbering(cell.text)
        lead = num[0] if num else (cells[0].text if len(cells) == 2 else None)
        title = num[1] if num else cell.text
        hint = PokjaHint(cell.text, title, cell.col)
        if self.names_pokja(title) or heads_pokja(title):
            return hint, lead
        if lead is not None and setter is not None and same_level(_as_numbering(lead), _as_numbering(setter)):
            return hint, lead
        return current, setter

    def _kind(self, table: Table, r: int, cells: list[_Cell]) -> str:
        if not cells or (len(cells) == 1 and is_row_number(cells[0].value)) or is_example_row([cells[0].text]):
            return BLANK
        band = table.band
        if r in self.sheet.covered and self.sheet.covered_cols(r, band.lo, band.hi, self.data):
            return DATA
        first = cells[0].text
        if is_note(first):
            return NOTE
        if len(cells) <= _CLOSING_MAX_CELLS and (all(is_closing(c.text) for c in cells)
                                                 or self._name_over_nip(r, cells, band)):
            return CLOSING
        if is_total(first):
            return TOTAL
        one = _one_text(cells)
        if one is not None:
            cell = one[0]
            text = cell.text
            num = numbering(text)
            title = num[1] if num else text
            if (num is not None or cell.width >= max(2, (band.hi - band.lo + 2) // 2)
                    or self.names_pokja(title) or heads_pokja(title)):
                return BANNER
        if self._is_data(table, r, cells):
            return DATA
        return UNPLACED

    def _name_over_nip(self, r: int, cells: list[_Cell], band: Band) -> bool:
        if len(cells) != 1:
            return False
        for nxt in range(r + 1, min(r + 3, self.grid.nrows)):
            got = self.sheet.cells(nxt, band.lo, band.hi)
            if got:
                return len(got) == 1 and is_nip_line(got[0].text)
        return False

    def _filled_cols(self, table: Table, r: int, cells: list[_Cell]) -> set[int]:
        band = table.band
        cols = {c.col for c in cells}
        if r in self.sheet.covered:
            cols |= self.sheet.covered_cols(r, band.lo, band.hi, self.data)
        return cols - table.numbering if table.numbering else cols

    def _is_data(self, table: Table, r: int, cells: list[_Cell]) -> bool:
        cols = self._filled_cols(table, r, cells)
        return len(cols) >= 2 or not cols.isdisjoint(table.identifying)

    def _strong(self, table: Table, r: int, cells: list[_Cell]) -> bool:
        cols = self._filled_cols(table, r, cells)
        return len(cols) >= 2 and not cols.isdisjoint(table.identifying)

    def _holds_person(self, table: Table, r: int, cells: list[_Cell]) -> bool:
        """A row inside a notes or closing block that would be a data row of the table and
        holds a valid NIP in its NIP column."""
        colmap = table.band.colmap
        nip_cols = {colmap[f] for f in ("nip", "nama_nip") if f in colmap}
        if not nip_cols or not self._is_data(table, r, cells):
            return False
        return any(c.col in nip_cols and has_valid_nip(c.value) for c in cells)

    def _unplace(self, r: int, cells: list[_Cell]) -> None:
        if not cells:
            cells = self.sheet.cells(r, 0, self.grid.ncols - 1)
        text = " | ".join(" ".join(c.text.split()) for c in cells)
        if len(text) > _SHOWN_MAX:
            text = text[:_SHOWN_MAX - 1].rstrip() + "\u2026"
        self.unplaced.append((r, cells[0].col if cells else 0, text))


def _one_text(cells: list[_Cell]) -> list[_Cell] | None:
    """[the text cell] of a row holding one text, perhaps after its number in a cell of its
    own; None otherwise."""
    if len(cells) == 1:
        return cells
    if len(cells) == 2 and (is_number_cell(cells[0].text) or is_row_number(cells[0].value)):
        return cells[1:]
    return None


def _closing_line(text: str) -> bool:
    """A line of a signature block (a title never ends in a comma nor is a place and date)."""
    return is_closing(text)


def _first_col(cells: list[_Cell]) -> int:
    return cells[0].col if cells else 0


def _as_numbering(lead: str) -> str:
    return lead if lead[-1:] in ".)" else lead + "."


def _numbers_rows(band: Band, c: int) -> bool:
    """Column `c` numbers the rows (headed `No`, `Nomor`, ... and no column of the sheet)."""
    name = band.names[c] if c < len(band.names) else ""
    if not name or fold_words(name) not in _NUMBER_HEADERS:
        return False
    return all(ci != c for f, ci in band.colmap.items() if f != "no")


def read_tables(grid: Grid, columns: SheetColumns, names_pokja: Callable[[str], bool] | None = None,
                targets=None, start: int = 0) -> SheetTables:
    """The sheet's tables from row `start` (0-based), their data rows, and the rows that
    could not be placed."""
    return _Reader(grid, columns, names_pokja, targets).read(start)
