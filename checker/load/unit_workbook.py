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
4. calamine opens the workbook (metadata only), the sheets are matched by name;
5. per matched sheet: its rows within limits.SHEET_MAX_ROWS for its kind (load/rowcount.py:
   a bound from step 3, the exact last row holding a value only when the bound is above),
   the used range (from A1, as the reader allocates it) must stay within
   SHEET_MAX_CELLS (two cells at A1 and XFD1048576 make calamine allocate 550 GB and abort),
   then, only where step 3 saw formula or error markers, a scan of that sheet's XML finds the
   error cells and the formulas without a cached value (calamine reads both as blank);
6. calamine reads the matched sheets (python_calamine directly: half the time of
   pd.read_excel, and the merged ranges come with it).

Decisions where the contract is silent:
- Several sheets matching one kind: the first visible one in workbook order wins (a hidden
  one only when no visible one matches).
- Column names: when a header cell matches no name, it is tried again without bracketed
  parts ("Tanggal SK (dd/mm/yyyy)"). The canonical label beats an alias (PK "Kode Target"
  beats "No"), then the leftmost column.
- Header row when no row of the first 20 has a known name: the first non-empty row there.
- Headers of up to three rows in table sheets (header.header_block): when merged cells join
  the header row with the rows below (a merged "Tanggal" over "SK | Konsultasi Ortala", a
  "Periode" under a "Jangka Waktu", header cells merged down), a row below is a header row
  too if reading the block's names (each column's lowest filled header cell, or "upper
  lower") finds more columns than the rows above alone; data then start under it.
- Section rows ("A. POKJA ...", load/sections.py) are not data; on Anggota Pokja they give
  the rows under them their Pokja (load/pokja_ref.py, with Pokja identified by Nama Pokja
  where no sheet has a Kode Pokja). Merged ranges in data rows give every covered cell the
  range's value (grid.fill_merged); a value that is not valid is reported at the range's
  top-left cell only. A `Nama/NIP` cell supplies both fields (input/person_names.py).
- A column-number row right under the header ("1 2 3 ..." or "(1) (2) (3) ...", consecutive
  integers in every filled cell, at least two) is not data. Neither is a repeated header row
  further down (every filled cell equal to the header cell above it, at least two): it is
  skipped as data (its row number stays unused).
- Formulas: a cell's cached value is read as any value. An error cell (#N/A, #DIV/0!, #REF!
  ..., with or without a formula) and a formula without a cached value are NOT empty: in
  every table the cell's parsed value is None, its `F__raw` is the error text ("#N/A") or
  "=" + the formula text ("=DATE(2025,1,20)"; "=" alone for a shared-formula cell whose
  text lives in another cell), its `F__st` (where the field has one) is "formula_error",
  and `Table.formula_issues[(excel_row, column_letter)]` is "error:#N/A" or
  "no_cached_value". Only cells of data rows in found columns (and MPH target columns) are
  listed; the Unit sheet's cells are in the Unit table.
- MPH matrix (load/mph_sheet.py, load/mph_targets.py): up to two rows under the header row are header
  rows too when their employee cells are empty (a merged "Target Kinerja", "Sasaran", "IKI
  JPT" above the targets); a column is a target column when its name is a code-like word or
  the text of a PK target's Indikator Kinerja (or Sasaran), exact or prefix (20 characters).
  A matrix with no target column at all is a Problem column_missing "Kode Target".
  Table.columns["kode_target"/"peran_hasil"] of a matrix is its first target column letter;
  each row's own cell is `_col`.
- Unit sheet: the row layout when some row of the first 20 has two known names; otherwise
  the key/value layout when a column holds two or more known names (keys); the value is read
  from the column headed "Isi"/"Nilai"/"Value" when there is one, else the column right of
  the keys. Only the first data row of the row layout is the unit.
"""
from __future__ import annotations

import hashlib
import zipfile
import zlib

from checker.input import contract
from checker.load import errors, pokja_ref, safety
from checker.load.errors import LoadError
from checker.load.formulas import formula_issues
from checker.load.grid import Grid
from checker.load.header import find_header
from checker.load.merges import merged_ranges
from checker.load.model import LoadedUnit, MphColumn, Problem, Table
from checker.load.mph_sheet import load_mph
from checker.load.own_outputs import is_annotation_sheet
from checker.load.reader import match_sheets, open_workbook, read_bytes, read_sheet
from checker.load.rowcount import check_rows
from checker.load.tables import plain_table
from checker.load.unit_sheet import load_unit


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
    matched = match_sheets(metas)
    grids = _read_grids(path, box, wb, matched)
    return _unit_tables(path, sha, matched, grids)


def _xml_merges(path: str, box: safety.Container, part: str | None) -> list:
    """The sheet's merged ranges from its XML part (the reader did not report them)."""
    if part is None:
        return []
    try:
        return merged_ranges(box.zf.read(part))
    except (zipfile.BadZipFile, OSError, ValueError, zlib.error) as exc:
        raise errors.corrupt(path, str(exc)) from None


def _read_grids(path: str, box: safety.Container, wb, matched: dict) -> dict[str, Grid]:
    """Each matched sheet's cells, after its used range was checked and, where the archive
    scan saw formula or error markers, its formula problems were found."""
    parts = safety.sheet_parts(box.zf) if matched else {}
    grids: dict[str, Grid] = {}
    kinds: dict[str, list[str]] = {}
    for kind, (name, _hidden) in matched.items():
        kinds.setdefault(name, []).append(kind)
    for name, _hidden in dict.fromkeys(matched.values()):
        part = parts.get(name)
        try:
            check_rows(path, box, part, name, kinds[name])    # before the used range: far cheaper
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
        rows, merged = read_sheet(path, wb, name)
        if merged is None:
            merged = _xml_merges(path, box, part)
        grids[name] = Grid(rows, issues, merged)
        del rows
    return grids


def _unit_tables(path: str, sha: str, matched: dict, grids: dict[str, Grid]) -> LoadedUnit:
    tables: dict[str, Table] = {}
    problems: list[Problem] = []
    unit: dict[str, tuple] = {}
    unit_sheet = mph_layout = None
    mph_columns: list[MphColumn] = []
    sections = []
    for spec in contract.SHEETS:
        if spec.kind not in matched:
            if spec.required:
                problems.append(Problem("sheet_missing", spec.label, None, None, None, "rancangan"))
            continue
        name, hidden = matched[spec.kind]
        grid = grids.get(name) or Grid(None)
        if spec.kind == "unit":
            table, probs, unit = load_unit(grid, name, hidden)
            unit_sheet = name
        elif spec.kind == "mph":
            pk = tables.get("pk")
            table, probs, mph_layout, mph_columns = load_mph(grid, name, hidden, pk.rows if pk else None)
        else:
            columns = contract.read_columns(spec.kind, spec.columns)
            hr, colmap = find_header(grid, contract.column_name_keys(columns))
            table, probs, found = plain_table(grid, spec, name, hidden, columns, hr, colmap)
            if spec.kind == "anggota":
                sections = found
        tables[spec.kind] = table
        problems.extend(probs)
    problems = pokja_ref.settle(tables, problems, sections)
    return LoadedUnit(path, sha, tables, unit, unit_sheet, mph_layout, mph_columns, problems)
