"""Reads one unit workbook into typed tables whose every value keeps its origin.

`load_workbook(path) -> LoadedUnit`; an unreadable file raises `LoadError` (the caller
turns it into a D05 finding). Missing sheets and columns are `Problem`s: the rest loads.
Nothing is printed. pandas is imported lazily (inside the functions).

Decisions where the contract is silent:
- Several sheets matching one kind: the first visible one in workbook order wins (a hidden
  one only when no visible one matches).
- Column names: when a header cell matches no name, it is tried again without bracketed
  parts ("Tanggal SK (dd/mm/yyyy)"). The canonical label beats an alias (PK "Kode Target"
  beats "No"), then the leftmost column.
- Header row when no row of the first 10 has a known name: the first non-empty row there.
- MPH matrix: the row right under the header row is a second header row when its employee
  cells (NIP, ID Pegawai, Nama) are empty and it holds a code-like cell under a header cell
  that is empty or non-code text (a merged "Target Kinerja", "Sasaran", "IKI JPT"...).
  A matrix with no target column at all is a Problem column_missing "Kode Target".
  Table.columns["kode_target"/"peran_hasil"] of a matrix is its first target column letter;
  each row's own cell is `_col`.
- Unit sheet: the row layout when some row of the first 10 has two known names; otherwise
  the key/value layout when a column holds two or more known names (keys); the value is read
  from the column headed "Isi"/"Nilai"/"Value" when there is one, else the column right of
  the keys. Only the first data row of the row layout is the unit.
- The matched sheets are read in ONE pd.read_excel call (sheet_name=<list of the matched
  names>): the same frames as sheet_name=None without parsing unrelated sheets.
- Before any reader sees the file: format sniffing (xls, xlsb, ods, csv, html, password),
  a zip directory check (declared sizes, compression ratio, forged sizes, CRC) and refusal of
  any DOCTYPE in an XML part (see ../shared/notes/excel-io.md, "Safety"). Memory bounds
  belong to the caller (a worker process).
"""
from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import schema
from .schema import ColumnSpec, SheetSpec
from .values import (
    cell_text, fold_header, header_code, is_missing, parse_codes, parse_code, parse_date,
    parse_nip, parse_peran, parse_vocab, parse_year,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "Problem", "Table", "MphColumn", "LoadedUnit", "LoadError", "LOAD_ERROR_KEYS",
    "LOAD_ERROR_TEXTS", "describe", "load_workbook", "col_letter", "parse_sheet", "HEADER_SCAN_ROWS",
]

HEADER_SCAN_ROWS = 10

# message_key of LoadError -> (Indonesian, English) user text; see describe().
LOAD_ERROR_TEXTS = {
    "not_found": ("Berkas tidak ditemukan.", "The file does not exist."),
    "io_error": ("Berkas tidak dapat dibuka atau dibaca.", "The file cannot be opened or read."),
    "empty_file": ("Berkas kosong (0 byte).", "The file is empty (0 bytes)."),
    "format_xls": ("Berkas berformat Excel lama (.xls); simpan ulang sebagai Excel Workbook (.xlsx).",
                   "Legacy Excel file (.xls); save it again as an Excel Workbook (.xlsx)."),
    "format_xlsb": ("Berkas berformat Excel Binary (.xlsb); simpan ulang sebagai Excel Workbook (.xlsx).",
                    "Excel Binary workbook (.xlsb); save it again as an Excel Workbook (.xlsx)."),
    "format_ods": ("Berkas berformat OpenDocument (.ods); simpan ulang sebagai Excel Workbook (.xlsx).",
                   "OpenDocument spreadsheet (.ods); save it again as an Excel Workbook (.xlsx)."),
    "format_csv": ("Berkas berupa teks/CSV, bukan workbook; simpan ulang sebagai Excel Workbook (.xlsx).",
                   "Text/CSV file, not a workbook; save it again as an Excel Workbook (.xlsx)."),
    "format_html": ("Berkas berupa halaman web atau ekspor XML, bukan workbook; simpan ulang sebagai Excel Workbook (.xlsx).",
                    "Web page or XML export, not a workbook; save it again as an Excel Workbook (.xlsx)."),
    "format_other": ("Berkas bukan workbook Excel (.xlsx/.xlsm).", "Not an Excel workbook (.xlsx/.xlsm)."),
    "password_protected": ("Workbook dilindungi kata sandi; simpan ulang tanpa kata sandi.",
                           "The workbook is password-protected; save it again without a password."),
    "zip_bomb": ("Isi terkompresi berkas tidak wajar besarnya; berkas ditolak.",
                 "The file's compressed content is implausibly large; the file was refused."),
    "xml_doctype": ("Workbook memuat deklarasi DOCTYPE yang tidak dipakai Excel; berkas ditolak.",
                    "The workbook contains a DOCTYPE declaration Excel never writes; the file was refused."),
    "corrupt": ("Workbook rusak dan tidak dapat dibaca; buka di Excel lalu simpan ulang.",
                "The workbook is damaged and cannot be read; open it in Excel and save it again."),
}
LOAD_ERROR_KEYS = {k: v[1] for k, v in LOAD_ERROR_TEXTS.items()}


def describe(err: "LoadError", lang: str = "id") -> str:
    """User text for an unreadable file, in "id" or "en" (texts.py "load.<key>" wins when
    it defines one)."""
    try:
        from .texts import TEXTS, t
        if f"load.{err.message_key}" in TEXTS:
            return t(f"load.{err.message_key}", lang)
    except ImportError:  # pragma: no cover
        pass
    pair = LOAD_ERROR_TEXTS.get(err.message_key)
    if pair is None:
        return err.detail or err.message_key
    return pair[1 if lang == "en" else 0]


# Limits of the container check (real unit workbooks are far below; see notes/excel-io.md).
_MAX_TOTAL_UNCOMPRESSED = 1 << 30        # 1 GiB declared in total
_MAX_RATIO = 100                          # per member, when the member is large
_RATIO_MIN_SIZE = 5 << 20                 # 5 MiB
_VALUE_HEADERS = frozenset({"isi", "nilai", "value", "isian"})
_BRACKETS_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")


# ============================================================================ records

@dataclass
class Problem:
    code: str                  # "file_unreadable" | "sheet_missing" | "column_missing"
    sheet: str | None          # canonical label when missing, else the actual sheet name
    column: str | None         # canonical column label
    field: str | None
    row: int | None            # header row when a column is missing
    required_from: str         # stage from which it counts ("rancangan" = always)
    detail: str = ""


@dataclass
class Table:
    kind: str
    sheet: str
    hidden: bool
    header_row: int
    columns: dict[str, str]    # field -> Excel column letter (found columns only)
    rows: "pd.DataFrame"

    def has(self, field: str) -> bool:
        return field in self.columns


@dataclass
class MphColumn:
    code: str                  # folded code from the header's first word
    header: str                # header text as written (trimmed)
    column: str                # Excel letter
    row: int                   # Excel row of the header cell holding the code


@dataclass
class LoadedUnit:
    path: str
    sha256: str
    tables: dict[str, Table]
    unit: dict[str, tuple]     # field -> (parsed, raw, status|None, row, column letter)
    unit_sheet: str | None
    mph_layout: str | None     # "matrix" | "long" | None
    mph_columns: list[MphColumn]
    problems: list[Problem]

    @property
    def hidden_sheets(self) -> list[str]:
        return [t.sheet for t in self.tables.values() if t.hidden]


class LoadError(Exception):
    """The file cannot be read at all. `message_key` is a key of LOAD_ERROR_KEYS."""

    def __init__(self, path: str, message_key: str, detail: str = ""):
        super().__init__(f"{path}: {message_key}" + (f": {detail}" if detail else ""))
        self.path = path
        self.message_key = message_key
        self.detail = detail

    def to_problem(self) -> Problem:
        return Problem("file_unreadable", None, None, None, None, "rancangan",
                       f"{self.message_key}: {self.detail}" if self.detail else self.message_key)


def col_letter(index0: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA", 701 -> "ZZ", 702 -> "AAA"."""
    if index0 < 0:
        raise ValueError(index0)
    s = ""
    n = index0 + 1
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return s


# ============================================================================ file level

def _sniff_and_check(path: str, data: bytes) -> None:
    """Raise LoadError unless `data` is a plausible, safe xlsx/xlsm zip."""
    if not data:
        raise LoadError(path, "empty_file")
    head = data[:8]
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise LoadError(path, "password_protected")
        if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
            raise LoadError(path, "format_xls")
        raise LoadError(path, "format_other", "OLE2 compound file")
    if not head.startswith(b"PK"):
        lead = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if lead.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml", b"<meta")):
            raise LoadError(path, "format_html")
        try:
            data[:4096].decode("utf-8")
            is_text = b"\x00" not in data[:4096]
        except UnicodeDecodeError:
            try:
                data[:4096].decode("cp1252")
                is_text = b"\x00" not in data[:4096]
            except UnicodeDecodeError:
                is_text = False
        raise LoadError(path, "format_csv" if is_text else "format_other")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise LoadError(path, "corrupt", str(exc)) from None
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names and not any(
            n.startswith("xl/") and n.endswith(".xml") and "workbook" in n for n in names):
        if "xl/workbook.bin" in names:
            raise LoadError(path, "format_xlsb")
        if "mimetype" in names or "content.xml" in names:
            raise LoadError(path, "format_ods")
        raise LoadError(path, "format_other", "zip without xl/workbook.xml")
    total = 0
    for i in infos:
        total += i.file_size
        if total > _MAX_TOTAL_UNCOMPRESSED:
            raise LoadError(path, "zip_bomb", f"declared size {total} bytes")
        if i.file_size > _RATIO_MIN_SIZE and i.file_size > _MAX_RATIO * max(i.compress_size, 1):
            raise LoadError(path, "zip_bomb", f"{i.filename}: ratio {i.file_size // max(i.compress_size, 1)}:1")
    # Stream every member: catches forged sizes (more data than declared), CRC errors and
    # DOCTYPE declarations (entities) in XML parts.
    try:
        for i in infos:
            if i.is_dir():
                continue
            n = 0
            first = True
            with zf.open(i) as fh:
                while True:
                    chunk = fh.read(1 << 20)
                    if not chunk:
                        break
                    if first and i.filename.endswith((".xml", ".rels", ".vml")):
                        h = chunk[:2048]
                        if b"<!DOCTYPE" in h or b"<\x00!\x00D\x00O\x00C\x00T\x00Y\x00P\x00E" in h:
                            raise LoadError(path, "xml_doctype", i.filename)
                    first = False
                    n += len(chunk)
                    if n > i.file_size:
                        raise LoadError(path, "zip_bomb", f"{i.filename}: more data than declared")
    except LoadError:
        raise
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise LoadError(path, "corrupt", str(exc)) from None


def _sheets_metadata(path: str, data: bytes) -> list[tuple[str, bool]]:
    """(name, hidden) of every worksheet, in workbook order."""
    import python_calamine as pc
    try:
        wb = pc.load_workbook(io.BytesIO(data))
        metas = wb.sheets_metadata
    except Exception as exc:  # noqa: BLE001 - any reader failure is an unreadable file
        name = type(exc).__name__
        if name == "PasswordError":
            raise LoadError(path, "password_protected") from None
        raise LoadError(path, "corrupt", f"{name}: {exc}") from None
    out = []
    for m in metas:
        if m.typ != pc.SheetTypeEnum.WorkSheet:
            continue
        out.append((m.name, m.visible != pc.SheetVisibleEnum.Visible))
    return out


def _match_sheets(metas: list[tuple[str, bool]]) -> dict[str, tuple[str, bool]]:
    found: dict[str, tuple[str, bool]] = {}
    for spec in schema.SHEETS:
        keys = schema.sheet_name_keys(spec)
        cands = [(n, h) for n, h in metas
                 if fold_header(n) in keys or fold_header(n[:31]) in keys]
        if cands:
            visible = [c for c in cands if not c[1]]
            found[spec.kind] = (visible or cands)[0]
    return found


# ============================================================================ sheet level

def _is_filled(v: Any) -> bool:
    if isinstance(v, str):
        return bool(v.strip()) and bool(cell_text(v))
    return not is_missing(v)


def _match_column(text: str, keys: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    if not text:
        return None
    """(field, priority): the name's index (0 = canonical label) counts before the exactness,
    so "Kode Target (unik)" beats the alias "No"."""
    m = keys.get(fold_header(text))
    if m is not None:
        return m[0], 2 * m[1]
    if "(" in text or "[" in text:
        m = keys.get(fold_header(_BRACKETS_RE.sub(" ", text)))
        if m is not None:
            return m[0], 2 * m[1] + 1
    return None


def _assign_columns(texts: list[str], keys, allowed: set[str] | None = None) -> dict[str, int]:
    """field -> column index for one header row (best name priority, then leftmost)."""
    best: dict[str, tuple[int, int]] = {}
    for ci, t in enumerate(texts):
        m = _match_column(t, keys)
        if m is None or (allowed is not None and m[0] not in allowed):
            continue
        f, prio = m
        if f not in best or (prio, ci) < best[f]:
            best[f] = (prio, ci)
    taken: set[int] = set()
    out: dict[str, int] = {}
    for f, (prio, ci) in sorted(best.items(), key=lambda kv: kv[1]):
        if ci not in taken:
            out[f] = ci
            taken.add(ci)
    return out


class _Grid:
    """A sheet's cells (0-based row/col = Excel row-1 / column index) and row emptiness."""

    def __init__(self, frame):
        self.arr = frame.to_numpy(dtype=object) if frame is not None else None
        self.nrows = 0 if self.arr is None else self.arr.shape[0]
        self.ncols = 0 if self.arr is None or self.nrows == 0 else self.arr.shape[1]
        if self.nrows and self.ncols:
            import pandas as pd
            notna = pd.notna(frame).to_numpy()
            filled = notna.any(axis=1)
            # a row whose only non-NA cells are blank strings is empty too
            for r in filled.nonzero()[0]:
                row = self.arr[r]
                if not any(_is_filled(row[c]) for c in notna[r].nonzero()[0]):
                    filled[r] = False
            self.filled = filled.tolist()
        else:
            self.filled = [False] * self.nrows

    def texts(self, r: int) -> list[str]:
        if r < 0 or r >= self.nrows:
            return []
        return [cell_text(v) for v in self.arr[r]]

    def cell(self, r: int, c: int) -> Any:
        if 0 <= r < self.nrows and 0 <= c < self.ncols:
            return self.arr[r, c]
        return None

    def data_rows(self, start: int) -> list[int]:
        return [r for r in range(max(start, 0), self.nrows) if self.filled[r]]


def _find_header(grid: _Grid, keys) -> tuple[int, dict[str, int]]:
    """(0-based header row, field -> column index) per the contract."""
    best_r, best_n, best_map = None, 0, {}
    for r in range(min(HEADER_SCAN_ROWS, grid.nrows)):
        if not grid.filled[r]:
            continue
        m = _assign_columns(grid.texts(r), keys)
        if len(m) >= 2:
            return r, m
        if len(m) > best_n:
            best_r, best_n, best_map = r, len(m), m
    if best_r is not None:
        return best_r, best_map
    for r in range(min(HEADER_SCAN_ROWS, grid.nrows)):
        if grid.filled[r]:
            return r, {}
    return 0, {}


def _parse_cells(col: ColumnSpec, cells: list, sheet_kind: str):
    """-> (parsed list, raw list, status list or None)."""
    kind = col.kind
    if kind == "nip":
        vs = [parse_nip(v) for v in cells]
        return [v.key for v in vs], [v.raw_text for v in vs], [v.status for v in vs]
    if kind == "date":
        vs = [parse_date(v) for v in cells]
        return [v.value for v in vs], [v.raw_text for v in vs], [v.status for v in vs]
    if kind == "year":
        vs = [parse_year(v) for v in cells]
        return [v.value for v in vs], [v.raw_text for v in vs], [v.status for v in vs]
    if kind.startswith("vocab:"):
        name = kind[6:]
        vs = [parse_vocab(name, v) for v in cells]
        return [v.value for v in vs], [v.raw_text for v in vs], [v.status for v in vs]
    raws = [cell_text(v) for v in cells]
    if kind == "code":
        return [parse_code(t) for t in raws], raws, None
    if kind == "codes":
        return [parse_codes(t) for t in raws], raws, None
    if sheet_kind == "mph" and col.field == "peran_hasil":
        return [parse_peran(t) for t in raws], raws, None
    return [t or None for t in raws], raws, None


def _frame(data: dict[str, list], int_cols=("_row", "_line")):
    """Object columns (None stays None, lists stay lists), int64 for _row/_line."""
    import numpy as np
    import pandas as pd
    df = pd.DataFrame(data, dtype=object)
    for k in int_cols:
        if k in data:
            df[k] = np.asarray(data[k], dtype="int64")
    return df


def _columns_data(grid: _Grid, rows: list[int], colmap: dict[str, int], specs: dict[str, ColumnSpec],
                  sheet_kind: str) -> dict[str, list]:
    data: dict[str, list] = {"_row": [r + 1 for r in rows]}
    for f, ci in colmap.items():
        cells = [grid.arr[r, ci] for r in rows]
        parsed, raws, sts = _parse_cells(specs[f], cells, sheet_kind)
        data[f] = parsed
        data[f + "__raw"] = raws
        if sts is not None:
            data[f + "__st"] = sts
    return data


def _missing(spec: SheetSpec, sheet: str, columns: tuple[ColumnSpec, ...], found, header_row):
    out = []
    for c in columns:
        stage = schema.missing_column_stage(c)
        if stage is not None and c.field not in found:
            out.append(Problem("column_missing", sheet, c.label, c.field, header_row, stage))
    return out


def parse_sheet(frame, spec: SheetSpec, sheet: str, hidden: bool = False,
                columns: tuple[ColumnSpec, ...] | None = None) -> tuple[Table, list[Problem]]:
    """A plain table sheet (one record per data row) -> (Table, problems). `frame` is the
    header=None object DataFrame of the sheet; `columns` defaults to spec.columns."""
    columns = columns or spec.columns
    grid = _Grid(frame)
    keys = schema.column_name_keys(columns)
    hr, colmap = _find_header(grid, keys)
    return _plain_table(grid, spec, sheet, hidden, columns, hr, colmap)


def _plain_table(grid, spec, sheet, hidden, columns, hr, colmap):
    specs = {c.field: c for c in columns}
    rows = grid.data_rows(hr + 1)
    data = _columns_data(grid, rows, colmap, specs, spec.kind)
    table = Table(spec.kind, sheet, hidden, hr + 1,
                  {f: col_letter(ci) for f, ci in colmap.items()}, _frame(data))
    return table, _missing(spec, sheet, columns, colmap, hr + 1)


# ---------------------------------------------------------------------------- Unit

def _load_unit(grid: _Grid, sheet: str, hidden: bool):
    spec = schema.UNIT
    keys = schema.column_name_keys(spec.columns)
    specs = {c.field: c for c in spec.columns}
    # best row within the scan window
    hr, colmap = _find_header(grid, keys)
    if len(colmap) < 2:
        kv = _unit_key_value(grid, keys, specs, sheet, hidden)
        if kv is not None:
            return kv
    table, problems = _plain_table(grid, spec, sheet, hidden, spec.columns, hr, colmap)
    unit: dict[str, tuple] = {}
    first = table.rows.iloc[0] if len(table.rows) else None
    row = int(first["_row"]) if first is not None else hr + 2
    for f, letter in table.columns.items():
        if first is not None:
            st = first[f + "__st"] if f + "__st" in table.rows.columns else None
            unit[f] = (first[f], first[f + "__raw"], st, row, letter)
        else:
            parsed, raws, sts = _parse_cells(specs[f], [None], "unit")
            unit[f] = (parsed[0], raws[0], sts[0] if sts else None, row, letter)
    return table, problems, unit


def _unit_key_value(grid: _Grid, keys, specs, sheet, hidden):
    per_col: dict[int, dict[str, int]] = {}
    for r in range(grid.nrows):
        if not grid.filled[r]:
            continue
        for c in range(grid.ncols):
            v = grid.arr[r, c]
            if not isinstance(v, str):
                continue
            m = _match_column(cell_text(v), keys)
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
            if c > kc and fold_header(t) in _VALUE_HEADERS:
                header_r, vc = r, c
                break
        break
    data: dict[str, list] = {"_row": [first_key_row + 1]}
    unit: dict[str, tuple] = {}
    letter = col_letter(vc)
    for f, r in sorted(fields.items(), key=lambda kv: kv[1]):
        parsed, raws, sts = _parse_cells(specs[f], [grid.cell(r, vc)], "unit")
        data[f], data[f + "__raw"] = parsed, raws
        if sts is not None:
            data[f + "__st"] = sts
        unit[f] = (parsed[0], raws[0], sts[0] if sts else None, r + 1, letter)
    hrow = (header_r + 1) if header_r is not None else max(first_key_row, 1)
    table = Table("unit", sheet, hidden, hrow, {f: letter for f in fields}, _frame(data))
    problems = _missing(schema.UNIT, sheet, schema.UNIT.columns, fields, hrow)
    return table, problems, unit


# ---------------------------------------------------------------------------- MPH

def _load_mph(grid: _Grid, sheet: str, hidden: bool):
    spec = schema.MPH
    keys = schema.column_name_keys(spec.columns)
    hr, colmap = _find_header(grid, keys)
    if schema.MPH_LAYOUT_FIELD in colmap:
        table, problems = _plain_table(grid, spec, sheet, hidden, spec.columns, hr, colmap)
        n = len(table.rows)
        table.rows["_col"] = _series_obj([table.columns.get("peran_hasil")] * n)
        table.rows["_line"] = _series_int(list(range(n)))
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
        if all(not _is_filled(grid.cell(nxt, c)) for c in ident):
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
    problems = _missing(spec, sheet, mcols, colmap, hr + 1)
    if not targets:
        problems.append(Problem("column_missing", sheet, "Kode Target", "kode_target", hr + 1,
                                "rancangan", "no target column in the MPH matrix"))
    emp_rows = grid.data_rows(data_start)
    emp = _columns_data(grid, emp_rows, colmap, specs, "mph")
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
    data["peran_hasil"] = [parse_peran(t) for t in raws]
    data["peran_hasil__raw"] = raws
    data["_col"] = letters * ne
    data["_line"] = [i for i in range(ne) for _ in range(nt)]
    columns = {f: col_letter(ci) for f, ci in colmap.items()}
    if targets:
        columns["kode_target"] = columns["peran_hasil"] = letters[0]
    table = Table("mph", sheet, hidden, hr + 1, columns, _frame(data))
    mph_columns = [MphColumn(t[3], t[4], col_letter(t[0]), t[1] + 1) for t in targets]
    return table, problems, "matrix", mph_columns


def _series_obj(vals):
    import pandas as pd
    return pd.Series(vals, dtype=object)


def _series_int(vals):
    import pandas as pd
    return pd.Series(vals, dtype="int64")


# ============================================================================ entry point

def load_workbook(path: str) -> LoadedUnit:
    """Read one unit workbook. Raises LoadError when the file cannot be read at all."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise LoadError(path, "not_found") from None
    except (OSError, ValueError) as exc:
        raise LoadError(path, "io_error", str(exc)) from None
    _sniff_and_check(path, data)
    sha = hashlib.sha256(data).hexdigest()
    metas = _sheets_metadata(path, data)
    matched = _match_sheets(metas)

    frames: dict[str, Any] = {}
    names = list(dict.fromkeys(n for n, _ in matched.values()))
    if names:
        import pandas as pd
        try:
            frames = pd.read_excel(io.BytesIO(data), sheet_name=names, header=None,
                                   engine="calamine", dtype=object, keep_default_na=False,
                                   na_values=[""])
        except Exception as exc:  # noqa: BLE001 - any reader failure is an unreadable file
            name = type(exc).__name__
            key = "password_protected" if name == "PasswordError" else "corrupt"
            raise LoadError(path, key, f"{name}: {exc}") from None

    tables: dict[str, Table] = {}
    problems: list[Problem] = []
    unit: dict[str, tuple] = {}
    unit_sheet = None
    mph_layout = None
    mph_columns: list[MphColumn] = []
    for spec in schema.SHEETS:
        if spec.kind not in matched:
            if spec.required:
                problems.append(Problem("sheet_missing", spec.label, None, None, None, "rancangan"))
            continue
        name, hidden = matched[spec.kind]
        grid = _Grid(frames.get(name))
        if spec.kind == "unit":
            table, probs, unit = _load_unit(grid, name, hidden)
            unit_sheet = name
        elif spec.kind == "mph":
            table, probs, mph_layout, mph_columns = _load_mph(grid, name, hidden)
        else:
            keys = schema.column_name_keys(spec.columns)
            hr, colmap = _find_header(grid, keys)
            table, probs = _plain_table(grid, spec, name, hidden, spec.columns, hr, colmap)
        tables[spec.kind] = table
        problems.extend(probs)
    return LoadedUnit(path, sha, tables, unit, unit_sheet, mph_layout, mph_columns, problems)
