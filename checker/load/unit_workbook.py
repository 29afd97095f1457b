"""Reads one unit workbook into typed tables whose every value keeps its origin.

`load_workbook(path) -> LoadedUnit`; an unreadable file raises `LoadError` (the caller
turns it into a D05 finding; `describe(err, lang)` is its user text). Missing sheets and
columns are `Problem`s: the rest loads. Nothing is printed, and pandas is never imported.
Reading many files under a memory and time bound per file: checker/pipeline/workers.py.

Every bound on what one input may cost is in checker/load/limits.py, with the reason for
its value.

Order of work, so that no reader ever sees a hostile file:
1. sniff the bytes (not the extension): empty, OLE2 (.xls / password-protected OOXML), text
   (CSV / HTML / XML export), zip (xlsx/xlsm, xlsb, ods, docx/pptx), Excel lock file;
2. zip directory: declared total size, per-member compression ratio;
3. stream every XML part once (bounded chunks): real size vs declared (and CRC), any
   `<!DOCTYPE`/`<!ENTITY` anywhere, an absurd sharedStrings `uniqueCount` (calamine
   preallocates it: a 7 KB file asking for 96 GB aborts the process), and for worksheets a
   cheap upper bound of the used range and whether formulas or error cells occur;
4. calamine opens the workbook (metadata only), the sheets are matched by name
   (load/sheet_finder.py: the names and aliases, then the names without their year and
   `Lampiran` label; the Unit sheet first, whose Tahun Kinerja settles two yearly copies);
5. per matched sheet: its rows within limits.SHEET_MAX_ROWS for its kind (load/rowcount.py:
   a bound from step 3, the exact last row holding a value only when the bound is above),
   the used range (from A1, as the reader allocates it) must stay within
   SHEET_MAX_CELLS (two cells at A1 and XFD1048576 make calamine allocate 550 GB and abort),
   then, only where step 3 saw formula or error markers, a scan of that sheet's XML finds the
   error cells and the formulas without a cached value (calamine reads both as blank);
6. calamine reads the matched sheets (python_calamine directly: half the time of
   pd.read_excel, and the merged ranges come with it); only when a kind is still missing,
   the other sheets too, within the same bounds, to find it by its columns.
7. each sheet is read as tables (load/regions.py); the rows no table could place are
   `LoadedUnit.unplaced` (one D05 for the unit, facts/structure.py).

Decisions where the contract is silent: in the modules that make them (sheet_finder.py,
header.py, columns.py, regions.py, row_text.py, unit_sheet.py, mph_sheet.py, mph_targets.py,
pokja_ref.py). Formulas: a cell's cached value is read as any value. An error cell (#N/A,
#DIV/0!, #REF! ..., with or without a formula) and a formula without a cached value are NOT
empty: in every table the cell's parsed value is None, its `F__raw` is the error text
("#N/A") or "=" + the formula text ("=DATE(2025,1,20)"; "=" alone for a shared-formula cell
whose text lives in another cell), its `F__st` (where the field has one) is "formula_error",
and `Table.formula_issues[(excel_row, column_letter)]` is "error:#N/A" or "no_cached_value".
Only cells of data rows in found columns (and MPH target columns) are listed; the Unit
sheet's cells are in the Unit table.
"""
from __future__ import annotations

import hashlib
import zipfile
import zlib

from checker.input import contract
from checker.load import errors, pokja_ref, safety, sheet_finder
from checker.load.errors import LoadError
from checker.load.formulas import formula_issues
from checker.load.grid import Grid
from checker.load.merges import merged_ranges
from checker.load.model import LoadedUnit, Problem, Unplaced
from checker.load.mph_sheet import load_mph
from checker.load.own_outputs import is_annotation_sheet
from checker.load.reader import open_workbook, read_bytes, read_sheet
from checker.load.rowcount import check_rows
from checker.load.tables import plain_table
from checker.load.unit_sheet import load_unit

# The order tables are read in: a sheet's banners may name a Pokja, so Pokja comes early; the
# MPH needs the PK's indicators. Tables and problems keep the contract's order.
_READ_ORDER = ("unit", "pk", "pokja", "pegawai", "mph", "anggota", "surat_tugas")


def load_workbook(path: str, data: bytes | None = None) -> LoadedUnit:
    """Read one unit workbook (`data`: its bytes, when already read; `path` then only names
    the file in messages). Raises LoadError when the file cannot be read at all; never
    anything else for any input (MemoryError aside, which a worker turns into the
    memory-limit message). Each Table.rows holds plain columns (model.Columns): pandas is
    never imported here."""
    path = str(path)
    if data is None:
        data = read_bytes(path)
    box = safety.inspect(path, data)
    sha = hashlib.sha256(data).hexdigest()
    wb, metas = open_workbook(path, data)
    if any(is_annotation_sheet(name) for name, _hidden in metas):
        raise errors.annotated_copy(path)
    return _Workbook(path, box, wb, metas).load(sha)


class _Workbook:
    """One workbook being read: its sheets found, read once each, and made tables."""

    def __init__(self, path: str, box: safety.Container, wb, metas: list[tuple[str, bool]]):
        self.path, self.box, self.wb, self.metas = path, box, wb, metas
        self.hidden = dict(metas)
        self.parts = None
        # each sheet part's cells, read once whichever name asks for them (names sharing a part:
        # only a crafted workbook has them; 20,000 took 3 s when each was read again)
        self.grids: dict = {}
        self.mph_layout, self.mph_columns = None, []

    def grid(self, name: str, kinds) -> Grid:
        """A sheet's cells, after its rows and used range were checked and, where the archive
        scan saw formula or error markers, its formula problems were found."""
        path, box = self.path, self.box
        if self.parts is None:
            self.parts = safety.sheet_parts(box.zf)
        part = self.parts.get(name)
        key = part if part is not None else ("sheet", name)
        if key in self.grids:
            return self.grids[key]
        try:
            check_rows(path, box, part, name, kinds)      # before the used range: far cheaper
        except LoadError:
            rows, cols = box.extent_bound.get(part, (0, 0))
            if cols > 26 or rows > safety.EXCEL_MAX_ROWS:    # a wide or off-grid range says more
                safety.check_extent(path, box, part, name)
            raise
        safety.check_extent(path, box, part, name)
        issues = {}
        if part is not None and part in box.marked:
            try:
                issues = formula_issues(box.zf.read(part))
            except (zipfile.BadZipFile, OSError, ValueError, zlib.error) as exc:
                raise errors.corrupt(path, str(exc)) from None
        rows, merged = read_sheet(path, self.wb, name)
        if merged is None:
            merged = _xml_merges(path, box, part)
        self.grids[key] = grid = Grid(rows, issues, merged)
        return grid

    def load(self, sha: str) -> LoadedUnit:
        found = sheet_finder.by_name(self.metas)
        claimed = {c.name for cands in found.values() for c in cands}
        chosen: dict[str, sheet_finder.Candidate] = {}
        probs: dict[str, list[Problem]] = {}
        unit_c, probs["unit"] = sheet_finder.settle("unit", found["unit"], None) if "unit" in found else (None, [])
        if unit_c is None and "unit" not in found:
            taken, extra = self._by_columns(["unit"], claimed, None, None)
            unit_c = taken.get("unit")
            probs["unit"] += extra
        unit: dict = {}
        tables, hints, unplaced = {}, [], []
        if unit_c is not None:
            chosen["unit"] = unit_c
            claimed.add(unit_c.name)
            read, unit = load_unit(self.grid(unit_c.name, ["unit"]), unit_c.name, unit_c.hidden)
            tables["unit"] = read.table
            probs["unit"] += read.problems
            unplaced += [("unit", unit_c.name, u) for u in read.unplaced]
        year = (unit.get("tahun_kinerja") or (None,))[0]
        for kind, cands in found.items():
            if kind != "unit":
                got, probs[kind] = sheet_finder.settle(kind, cands, year)
                if got is not None:
                    chosen[kind] = got
        missing = [k for k in _READ_ORDER if k not in found and k not in chosen and k != "unit"]
        if missing:
            if "pk" in chosen and "pk" not in tables:
                self._table("pk", chosen["pk"], tables, probs, unplaced, hints)
            pk = tables.get("pk")
            taken, extra = self._by_columns(missing, claimed, year, pk.rows if pk else None)
            chosen.update(taken)
            probs.setdefault("_", []).extend(extra)
        for kind in _READ_ORDER[1:]:
            if kind in chosen and kind not in tables:
                self._table(kind, chosen[kind], tables, probs, unplaced, hints)
        problems: list[Problem] = []
        for spec in contract.SHEETS:
            problems += probs.get(spec.kind, [])
            if spec.kind not in chosen and spec.required and not _ambiguous(probs.get(spec.kind, [])):
                problems.append(Problem("sheet_missing", spec.label, None, None, None, "rancangan"))
        problems += probs.get("_", [])
        ordered = {spec.kind: tables[spec.kind] for spec in contract.SHEETS if spec.kind in tables}
        problems = pokja_ref.settle(ordered, problems, hints)
        order = {spec.kind: i for i, spec in enumerate(contract.SHEETS)}
        unplaced.sort(key=lambda u: order[u[0]])
        lost = [Unplaced(name, kind, r + 1, c, text) for kind, name, (r, c, text) in unplaced]
        unit_sheet = chosen["unit"].name if "unit" in chosen else None
        return LoadedUnit(self.path, sha, ordered, unit, unit_sheet, self.mph_layout, self.mph_columns, problems,
                          lost)

    def _table(self, kind: str, cand, tables: dict, probs: dict, unplaced: list, hints: list):
        """Read the sheet `cand` as `kind` into `tables`."""
        spec = contract.SHEETS_BY_KIND[kind]
        grid = self.grid(cand.name, [kind])
        if kind == "mph":
            pk = tables.get("pk")
            read, layout, mph_columns = load_mph(grid, cand.name, cand.hidden, pk.rows if pk else None,
                                                 self._names_pokja(tables))
            self.mph_layout, self.mph_columns = layout, mph_columns
        else:
            names = self._names_pokja(tables) if kind != "pokja" else None
            read = plain_table(grid, spec, cand.name, cand.hidden, contract.read_columns(kind, spec.columns), names)
            if kind == "anggota":
                hints[:] = read.hints
        tables[kind] = read.table
        probs.setdefault(kind, []).extend(read.problems)
        unplaced += [(kind, cand.name, u) for u in read.unplaced]
        return read.table

    @staticmethod
    def _names_pokja(tables: dict):
        pokja = tables.get("pokja")
        if pokja is None:
            return None
        return pokja_ref.PokjaNames(pokja.rows).names

    def _by_columns(self, kinds: list[str], claimed: set[str], year, pk_rows):
        """Step 3: the kinds still missing, found by their columns among the other sheets."""
        grids = {}
        for name, _hidden in self.metas:
            if name in claimed or name in grids:
                continue
            try:
                grids[name] = self.grid(name, kinds)
            except LoadError:
                continue                 # beyond the bounds of every kind looked for: no candidate
        taken, problems = sheet_finder.by_columns(grids, self.hidden, kinds, year, pk_rows)
        claimed.update(c.name for c in taken.values())
        return taken, problems


def _ambiguous(problems: list[Problem]) -> bool:
    return any(p.code == "sheet_ambiguous" for p in problems)


def _xml_merges(path: str, box: safety.Container, part: str | None) -> list:
    """The sheet's merged ranges from its XML part (the reader did not report them)."""
    if part is None:
        return []
    try:
        return merged_ranges(box.zf.read(part))
    except (zipfile.BadZipFile, OSError, ValueError, zlib.error) as exc:
        raise errors.corrupt(path, str(exc)) from None
