"""Reads one unit workbook into typed tables whose every value keeps its origin.

`load_workbook(path) -> LoadedUnit`; an unreadable file raises `LoadError` (the caller
turns it into a D05 finding; `describe(err, lang)` is its user text). Missing sheets and
columns are `Problem`s: the rest loads. Nothing is printed. pandas is imported lazily.
Reading many files under a memory and time bound per file: checker/workers.py.

Every bound on what one input may cost is in the LIMITS section below, with the reason for
its value (issue 5 §3-4; measured figures in ../shared/notes/excel-io.md and docs/design.md).

Order of work, so that no reader ever sees a hostile file:
1. sniff the bytes (not the extension): empty, OLE2 (.xls / password-protected OOXML), text
   (CSV / HTML / XML export), zip (xlsx/xlsm, xlsb, ods, docx/pptx), Excel lock file;
2. zip directory: declared total size, per-member compression ratio;
3. stream every XML part once (bounded chunks): real size vs declared (and CRC), any
   `<!DOCTYPE`/`<!ENTITY` anywhere, an absurd sharedStrings `uniqueCount` (calamine
   preallocates it: a 7 KB file asking for 96 GB aborts the process), and for worksheets a
   cheap upper bound of the used range and whether formulas or error cells occur;
4. calamine opens the workbook (metadata only), the sheets are matched by name;
5. per matched sheet: the used range (from A1, as the reader allocates it) must stay within
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
- Header row when no row of the first 10 has a known name: the first non-empty row there.
- Two-row headers in table sheets: when merged cells join the header row with the row below
  (a merged "Tanggal" over "SK | Konsultasi Ortala", or header cells merged down over both
  rows), the row below is a second header row if reading "top + sub" names finds more
  columns than the header row alone; data then start under it.
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
"""
from __future__ import annotations

import hashlib
import io
import os
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from checker.input import schema
from checker.followup.template import is_example_row
from checker.input.schema import ColumnSpec, SheetSpec
from checker.input.values import (
    cell_text, fold_header, header_code, is_missing, parse_codes, parse_code, parse_date,
    parse_nip, parse_peran, parse_vocab, parse_year, trim_text,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "Problem", "Table", "MphColumn", "LoadedUnit", "LoadError", "LOAD_ERROR_KEYS",
    "LOAD_ERROR_TEXTS", "describe", "load_workbook", "col_letter", "parse_sheet", "HEADER_SCAN_ROWS",
    "Limits", "ZIP_MAX_TOTAL_UNCOMPRESSED", "ZIP_MAX_RATIO", "ZIP_RATIO_MIN_SIZE", "SHEET_MAX_CELLS",
    "EXCEL_MAX_ROWS", "EXCEL_MAX_COLS", "DEFAULT_MEMORY_MB", "DEFAULT_TIMEOUT_S", "ACCEPTED_FORMATS",
    "FORMULA_ERROR", "to_frames", "read_bytes", "safety_check",
]

HEADER_SCAN_ROWS = 10

# ============================================================================ LIMITS
# Everything one input file may cost, in one place. Real unit workbooks are far below every
# value (the largest legitimate test file, 50,000 employees in Pegawai and MPH, is 3 MB
# compressed, 29 MB of XML, ratio 8:1, used range 300,000 cells; measured in a worker:
# address space 219 MB at peak of which 111 MB is the warm interpreter, peak RSS 137 MB,
# 3-4 s. A stray cell at E800000 (used range 4.8 M cells, still accepted): 351 MB, ~2 s.
# Every bomb of tests/make_hostile.py, up to a 6 MB file declaring 2 GiB, is refused in
# < 10 ms at the interpreter's baseline memory.)

# Zip container, checked before any reader runs (notes/excel-io.md "Safety": real rosters
# compress ~7:1, bombs 260-1000:1; a 3-4 MB bomb drove every reader past 4 GB).
ZIP_MAX_TOTAL_UNCOMPRESSED = 1 << 30   # 1 GiB declared by all members together
ZIP_MAX_RATIO = 100                    # per member, uncompressed / compressed ...
ZIP_RATIO_MIN_SIZE = 5 << 20           # ... counted only for members above 5 MiB uncompressed
# Used range of a sheet that is read, from A1 (calamine allocates rows x columns of it):
# 5 M cells ~ 160 MB in the reader; 100,000 rows x 50 columns still fit.
SHEET_MAX_CELLS = 5_000_000
EXCEL_MAX_ROWS, EXCEL_MAX_COLS = 1_048_576, 16_384      # beyond: not an Excel file
# Per file, in a worker process (checker/workers.py): address space and wall-clock time.
# 1 GiB is ~4.5x the 50,000-row file and ~3x the largest used range accepted above; 60 s is
# ~15x its load time on a 2-core machine.
DEFAULT_MEMORY_MB = 1024
DEFAULT_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class Limits:
    """Bounds for reading one file in a worker (checker/workers.py). None = unbounded.
    memory_mb bounds the worker's address space (RLIMIT_AS; POSIX only, ignored elsewhere);
    timeout_s the wall-clock time of one file (the worker is killed and replaced)."""
    memory_mb: int | None = DEFAULT_MEMORY_MB
    timeout_s: float | None = DEFAULT_TIMEOUT_S


ACCEPTED_FORMATS = ("Format yang diterima: Excel Workbook (.xlsx) dan Excel Macro-Enabled Workbook (.xlsm).",
                    "Accepted formats: Excel Workbook (.xlsx) and Excel Macro-Enabled Workbook (.xlsm).")
_RESAVE = ("Buka di Excel lalu simpan ulang sebagai Excel Workbook (.xlsx) lewat File > Save As.",
           "Open it in Excel and save it again as an Excel Workbook (.xlsx) with File > Save As.")

# message_key of LoadError -> (Indonesian, English) user text; see describe(). Placeholders:
# {file} the path as given, and the LoadError's params ({sheet}, {cell}, {cells}, {mb}, {s},
# {code}, {detail}).
LOAD_ERROR_TEXTS = {
    "not_found": ("Berkas {file} tidak ditemukan.", "The file {file} does not exist."),
    "io_error": ("Berkas {file} tidak dapat dibuka atau dibaca; periksa izin akses dan apakah berkas sedang dipakai aplikasi lain.",
                 "The file {file} cannot be opened or read; check its permissions and whether another program holds it."),
    "empty_file": ("Berkas {file} kosong (0 byte). Simpan ulang workbook dari Excel lalu kirim kembali.",
                   "The file {file} is empty (0 bytes). Save the workbook from Excel again and resend it."),
    "format_xls": (f"Berkas {{file}} berformat Excel 97-2003 (.xls) yang tidak dapat diperiksa. {_RESAVE[0]} {ACCEPTED_FORMATS[0]}",
                   f"The file {{file}} is an Excel 97-2003 workbook (.xls), which cannot be checked. {_RESAVE[1]} {ACCEPTED_FORMATS[1]}"),
    "format_xlsb": (f"Berkas {{file}} berformat Excel Binary Workbook (.xlsb) yang tidak dapat diperiksa. {_RESAVE[0]} {ACCEPTED_FORMATS[0]}",
                    f"The file {{file}} is an Excel Binary Workbook (.xlsb), which cannot be checked. {_RESAVE[1]} {ACCEPTED_FORMATS[1]}"),
    "format_ods": (f"Berkas {{file}} berformat OpenDocument Spreadsheet (.ods) yang tidak dapat diperiksa. {_RESAVE[0]} {ACCEPTED_FORMATS[0]}",
                   f"The file {{file}} is an OpenDocument spreadsheet (.ods), which cannot be checked. {_RESAVE[1]} {ACCEPTED_FORMATS[1]}"),
    "format_csv": (f"Berkas {{file}} berisi teks/CSV, bukan workbook Excel. {_RESAVE[0]} {ACCEPTED_FORMATS[0]}",
                   f"The file {{file}} is text/CSV, not an Excel workbook. {_RESAVE[1]} {ACCEPTED_FORMATS[1]}"),
    "format_html": (f"Berkas {{file}} berupa halaman web atau ekspor XML dari aplikasi lain, bukan workbook Excel. {_RESAVE[0]} {ACCEPTED_FORMATS[0]}",
                    f"The file {{file}} is a web page or an XML export from another program, not an Excel workbook. {_RESAVE[1]} {ACCEPTED_FORMATS[1]}"),
    "format_docx": (f"Berkas {{file}} adalah dokumen Word atau PowerPoint, bukan workbook Excel. {ACCEPTED_FORMATS[0]}",
                    f"The file {{file}} is a Word or PowerPoint document, not an Excel workbook. {ACCEPTED_FORMATS[1]}"),
    "format_other": (f"Berkas {{file}} bukan workbook Excel. {ACCEPTED_FORMATS[0]}",
                     f"The file {{file}} is not an Excel workbook. {ACCEPTED_FORMATS[1]}"),
    "lock_file": ("Berkas {file} adalah berkas kunci sementara Excel (~$...), bukan workbook; abaikan atau hapus setelah Excel ditutup.",
                  "The file {file} is a temporary Excel lock file (~$...), not a workbook; ignore it or delete it once Excel is closed."),
    "password_protected": ("Workbook {file} dilindungi kata sandi sehingga tidak dapat dibaca. Buka di Excel, hapus kata sandinya "
                           "(File > Info > Protect Workbook > Encrypt with Password, kosongkan), lalu simpan ulang.",
                           "The workbook {file} is password-protected and cannot be read. Open it in Excel, remove the password "
                           "(File > Info > Protect Workbook > Encrypt with Password, clear it), then save it again."),
    "zip_bomb": ("Berkas {file} ditolak: ukuran isi terkompresinya tidak wajar (jauh lebih besar dari workbook biasa atau tidak "
                 "sesuai dengan yang dinyatakan), tanda berkas rusak atau berbahaya. Buka di Excel lalu simpan ulang sebagai .xlsx, "
                 "atau minta berkas asli dari pengirim.",
                 "The file {file} was refused: the size of its compressed content is implausible (far beyond any normal workbook, "
                 "or not what it declares), a sign of a damaged or malicious file. Open it in Excel and save it again as .xlsx, "
                 "or ask the sender for the original."),
    "xml_doctype": ("Berkas {file} ditolak: memuat deklarasi XML DOCTYPE/ENTITY yang tidak pernah ditulis Excel, tanda berkas "
                    "dibuat atau diubah oleh aplikasi lain dan berpotensi berbahaya. Buka di Excel lalu simpan ulang sebagai .xlsx.",
                    "The file {file} was refused: it contains XML DOCTYPE/ENTITY declarations Excel never writes, a sign it was "
                    "made or altered by another program and may be malicious. Open it in Excel and save it again as .xlsx."),
    "corrupt": ("Workbook {file} rusak dan tidak dapat dibaca. Buka di Excel (Excel akan menawarkan perbaikan) lalu simpan ulang sebagai .xlsx.",
                "The workbook {file} is damaged and cannot be read. Open it in Excel (it will offer to repair it) and save it again as .xlsx."),
    "range_too_large": ("Sheet {sheet} pada {file} memakai rentang sel yang terlalu besar untuk dibaca (sampai sel {cell}, "
                        "{cells} sel). Hapus isi dan format sel di luar tabel (baris di bawah dan kolom di kanan data) lalu simpan ulang.",
                        "Sheet {sheet} of {file} uses a cell range too large to read (up to cell {cell}, {cells} cells). "
                        "Clear the cells outside the table (rows below and columns right of the data) and save it again."),
    "memory_limit": ("Berkas {file} terlalu besar untuk dibaca dalam batas memori {mb} MB. Hapus sheet, baris, atau kolom yang tidak "
                     "diperlukan lalu simpan ulang, atau jalankan ulang dengan batas memori lebih besar (--max-memory).",
                     "The file {file} is too large to read within the memory limit of {mb} MB. Delete the sheets, rows or columns "
                     "that are not needed and save it again, or run again with a larger memory limit (--max-memory)."),
    "timeout": ("Pembacaan berkas {file} dihentikan karena melewati batas waktu {s} detik. Hapus sheet, baris, atau kolom yang "
                "tidak diperlukan lalu simpan ulang, atau jalankan ulang dengan batas waktu lebih panjang (--timeout).",
                "Reading the file {file} was stopped after the time limit of {s} seconds. Delete the sheets, rows or columns "
                "that are not needed and save it again, or run again with a longer time limit (--timeout)."),
    "reader_crash": ("Pembaca workbook berhenti tak terduga saat membaca {file} ({detail}); berkas kemungkinan rusak. "
                     "Buka di Excel lalu simpan ulang sebagai .xlsx.",
                     "The workbook reader stopped unexpectedly while reading {file} ({detail}); the file is probably damaged. "
                     "Open it in Excel and save it again as .xlsx."),
    "internal_error": ("Kesalahan internal cek-pokja saat membaca {file}: {detail}. Mohon laporkan ke tim pengembang cek-pokja "
                       "(Biro Hukum dan Organisasi) beserta berkasnya; berkas lain tetap diperiksa.",
                       "Internal error in cek-pokja while reading {file}: {detail}. Please report it to the cek-pokja developers "
                       "(Biro Hukum dan Organisasi) with the file; the other files were still checked."),
}
LOAD_ERROR_KEYS = {k: v[1] for k, v in LOAD_ERROR_TEXTS.items()}

# Status of a cell holding an error value or a formula without a cached value.
FORMULA_ERROR = "formula_error"


def describe(err: "LoadError", lang: str = "id") -> str:
    """User text for an unreadable file, in "id" or "en", naming the file (texts.py
    "load.<key>" wins when it defines one; it may use the same placeholders)."""
    sep = "," if lang == "en" else "."
    params = {"file": err.path, "detail": err.detail,
              **{k: (f"{v:,}".replace(",", sep) if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 10_000 else v)
                 for k, v in err.params.items()}}
    text = None
    try:
        from checker.texts import TEXTS
        pair = TEXTS.get(f"load.{err.message_key}")
        if pair is not None:
            text = pair[1 if lang == "en" else 0]
    except ImportError:  # pragma: no cover
        pass
    if text is None:
        pair = LOAD_ERROR_TEXTS.get(err.message_key)
        if pair is None:
            return f"{err.path}: {err.detail or err.message_key}"
        text = pair[1 if lang == "en" else 0]
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


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
    # (excel_row, column_letter) -> "error:#N/A" | "no_cached_value", for the data cells of
    # found columns (and MPH target columns) holding an error value or a formula without a
    # cached value; see the module docstring.
    formula_issues: dict[tuple[int, str], str] = field(default_factory=dict)

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
    """The file cannot be read at all. `message_key` is a key of LOAD_ERROR_TEXTS; `params`
    fill its placeholders besides {file} and {detail}; `detail` is technical (for --debug
    and the Berkas sheet), never needed to understand the message."""

    def __init__(self, path: str, message_key: str, detail: str = "", **params):
        super().__init__(f"{path}: {message_key}" + (f": {detail}" if detail else ""))
        self.path = str(path)
        self.message_key = message_key
        self.detail = detail
        self.params = params

    def __reduce__(self):
        return (_make_load_error, (self.path, self.message_key, self.detail, self.params))

    def to_problem(self) -> Problem:
        return Problem("file_unreadable", None, None, None, None, "rancangan",
                       f"{self.message_key}: {self.detail}" if self.detail else self.message_key)


def _make_load_error(path, key, detail, params):
    return LoadError(path, key, detail, **params)


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


def col_index(letters: str) -> int:
    """"A" -> 0, "AA" -> 26 (case-insensitive)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


# ============================================================================ file level

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEXT_STARTS = (b"<html", b"<!doctype html", b"<table", b"<?xml", b"<meta", b"<head", b"<body",
                b"<!--", b"<workbook", b"<ss:workbook", b"mime-version")
# Parts never handed to a reader: their bytes are not streamed (only the zip directory counts).
_SKIP_STREAM = ("xl/media/", "xl/embeddings/", "xl/printerSettings/", "docProps/thumbnail")
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_DOCTYPE_MARKS = tuple(m for w in (b"<!DOCTYPE", b"<!ENTITY")
                       for m in (w, w.decode().encode("utf-16-le"), w.decode().encode("utf-16-be")))
_FORMULA_MARK_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]|\bt\s*=\s*(?:\"e\"|'e')")
_FORMULA_HINTS = (b"<f", b":f", b"\"e\"", b"'e'")
# cheap upper bound of a worksheet's used range: refs with a 6+ digit row, or 2+ letters;
# the literal forms are what every writer emits, the general ones cover any XML syntax
_BIG_ROW_RE = re.compile(rb"\br\s*=\s*[\"'][A-Za-z]*([0-9]{6,})[\"']")
_WIDE_COL_RE = re.compile(rb"\br\s*=\s*[\"']([A-Za-z]{2,})[0-9]")
_BIG_ROW_LIT_RE = re.compile(rb' r="[A-Za-z]*([0-9]{6,})"')
_WIDE_COL_LIT_RE = re.compile(rb' r="([A-Za-z]{2,})[0-9]')
_ODD_SYNTAX = (b" =", b"= ", b"\t=", b"=\t", b"\n=", b"=\n", b"\r=", b"=\r")
_REF_RE = re.compile(rb"\br\s*=\s*[\"']([A-Za-z]*)([0-9]+)[\"']")
_SST_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sst\b([^>]*)>")
_COUNT_ATTR_RE = re.compile(rb"\b(uniqueCount|count)\s*=\s*[\"']\s*([0-9]+)")
_CHUNK = 1 << 20
_OVERLAP = 64


@dataclass
class _Container:
    """What the container check learnt about the zip (no reader has run yet)."""
    zf: zipfile.ZipFile
    names: set[str]
    # worksheet part -> (max row bound, max column bound), both 1-based upper bounds
    extent_bound: dict[str, tuple[int, int]] = field(default_factory=dict)
    # worksheet parts holding a formula or an error cell marker
    marked: set[str] = field(default_factory=set)


def _sniff(path: str, data: bytes) -> None:
    """Raise LoadError unless `data` starts like a zip."""
    if not data:
        raise LoadError(path, "empty_file")
    if os.path.basename(str(path)).startswith("~$") and len(data) < 4096 and not data.startswith(b"PK"):
        raise LoadError(path, "lock_file")
    if data.startswith(_OLE2):
        if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
            raise LoadError(path, "password_protected")
        if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
            raise LoadError(path, "format_xls")
        if "WordDocument".encode("utf-16-le") in data or "PowerPoint".encode("utf-16-le") in data:
            raise LoadError(path, "format_docx", "OLE2 Word/PowerPoint")
        raise LoadError(path, "format_other", "OLE2 compound file")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return
    head = data[:4096]
    lead = head
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if lead.startswith(bom):
            lead = lead[len(bom):]
            break
    if b"\x00" in lead[:200] and len(lead) > 1:        # UTF-16 text
        try:
            lead = lead.decode("utf-16-le" if lead[1:2] == b"\x00" else "utf-16-be", "ignore").encode("utf-8", "ignore")
        except UnicodeError:  # pragma: no cover
            pass
    lead = lead.lstrip(b" \t\r\n").lower()
    if lead.startswith(_TEXT_STARTS) or b"<table" in lead[:1024] or b"<html" in lead[:1024]:
        raise LoadError(path, "format_html")
    if data.startswith(b"PK"):
        raise LoadError(path, "corrupt", "zip signature without a local header")
    sample = head
    is_text = b"\x00" not in sample
    if is_text:
        try:
            sample.decode("utf-8")
        except UnicodeDecodeError as exc:
            # a cut multi-byte character at the end of the sample is still text
            if exc.start < len(sample) - 4:
                try:
                    sample.decode("cp1252")
                except UnicodeDecodeError:
                    is_text = False
        if is_text and sum(1 for b in sample if b < 32 and b not in (9, 10, 13)) > len(sample) // 100:
            is_text = False
    if os.path.basename(str(path)).startswith("~$"):
        raise LoadError(path, "lock_file")
    raise LoadError(path, "format_csv" if is_text else "format_other")


def _check_zip_directory(path: str, data: bytes) -> tuple[zipfile.ZipFile, list]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise LoadError(path, "corrupt", str(exc)) from None
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names and not any(
            n.startswith("xl/") and n.endswith(".xml") and "workbook" in n for n in names):
        if "xl/workbook.bin" in names:
            raise LoadError(path, "format_xlsb")
        if "mimetype" in names or "content.xml" in names:
            raise LoadError(path, "format_ods")
        if any(n.startswith(("word/", "ppt/")) for n in names):
            raise LoadError(path, "format_docx", "zip with word/ or ppt/")
        raise LoadError(path, "format_other", "zip without xl/workbook.xml")
    total = 0
    for i in infos:
        total += i.file_size
        if total > ZIP_MAX_TOTAL_UNCOMPRESSED:
            raise LoadError(path, "zip_bomb", f"declared size {total} bytes > {ZIP_MAX_TOTAL_UNCOMPRESSED}")
        if i.file_size > ZIP_RATIO_MIN_SIZE and i.file_size > ZIP_MAX_RATIO * max(i.compress_size, 1):
            raise LoadError(path, "zip_bomb", f"{i.filename}: ratio {i.file_size // max(i.compress_size, 1)}:1")
    return zf, infos


def _more_than_declared(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """After a CRC error: does the member inflate to far more bytes than it declares (a
    forged size rather than plain damage, whose garbage ends soon)? Inflates at most
    declared + max(declared, 1 MiB) + 1 bytes, in 64 KiB steps."""
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return False
    limit = info.file_size + max(info.file_size, 1 << 20)
    try:
        fp = zf.fp
        fp.seek(info.header_offset)
        head = fp.read(30)
        n, m = int.from_bytes(head[26:28], "little"), int.from_bytes(head[28:30], "little")
        fp.seek(info.header_offset + 30 + n + m)
        d = zlib.decompressobj(-15)
        out = 0
        left = info.compress_size
        while left > 0 and out <= limit:
            chunk = fp.read(min(left, 1 << 16))
            if not chunk:
                break
            left -= len(chunk)
            out += len(d.decompress(chunk, min(1 << 16, limit + 1 - out)))
            while d.unconsumed_tail and out <= limit:
                out += len(d.decompress(d.unconsumed_tail, min(1 << 16, limit + 1 - out)))
        return out > limit
    except (OSError, zlib.error, ValueError):
        return False


def _sniff_and_check(path: str, data: bytes) -> _Container:
    """Raise LoadError unless `data` is a plausible, safe xlsx/xlsm zip; return what the
    check learnt (used range bounds, formula markers) for the loader."""
    _sniff(path, data)
    zf, infos = _check_zip_directory(path, data)
    box = _Container(zf, {i.filename for i in infos})
    # Stream every part a reader may open: forged sizes (more data than declared), CRC
    # errors, DOCTYPE/ENTITY anywhere in an XML part, sharedStrings counts, worksheet marks.
    try:
        for i in infos:
            if i.is_dir() or i.filename.startswith(_SKIP_STREAM):
                continue
            name = i.filename
            is_xml = name.endswith(_XML_SUFFIXES)
            is_sheet = is_xml and name.startswith("xl/worksheets/")
            n = 0
            tail = b""
            first = True
            max_row = max_col = 0
            marked = False
            with zf.open(i) as fh:
                while True:
                    chunk = fh.read(_CHUNK)
                    if not chunk:
                        break
                    n += len(chunk)
                    if n > i.file_size:
                        raise LoadError(path, "zip_bomb", f"{name}: more data than declared")
                    if not is_xml:
                        continue
                    window = tail + chunk
                    if (b"<!" in window or b"<\x00!" in window) and any(mark in window for mark in _DOCTYPE_MARKS):
                        raise LoadError(path, "xml_doctype", name)
                    if first:
                        _check_sst(path, name, window, i.file_size)
                        first = False
                    if is_sheet:
                        if not marked and any(h in window for h in _FORMULA_HINTS) \
                                and _FORMULA_MARK_RE.search(window):
                            marked = True
                        r, c = _extent_bound(window)
                        max_row, max_col = max(max_row, r), max(max_col, c)
                    tail = chunk[-_OVERLAP:]
            if is_sheet:
                box.extent_bound[name] = (max_row or 99_999, max_col or 26)
                if marked:
                    box.marked.add(name)
    except LoadError:
        raise
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc) and _more_than_declared(zf, i):
            raise LoadError(path, "zip_bomb", f"{i.filename}: more data than declared") from None
        raise LoadError(path, "corrupt", str(exc)) from None
    except (EOFError, OSError, ValueError, NotImplementedError, RuntimeError, zlib.error) as exc:
        raise LoadError(path, "corrupt", str(exc)) from None
    return box


def _extent_bound(w: bytes) -> tuple[int, int]:
    """(largest 6+ digit row, largest 2+ letter column) referenced in a chunk of worksheet
    XML; 0 when none. Fast literal patterns unless the chunk has unusual attribute syntax
    (spaces around "=", single quotes, another attribute spelled "...r="), then the general
    ones."""
    std = w.count(b' r="')
    odd = w.count(b"r=") - std - w.count(b'er="') - w.count(b'or="')
    if odd or any(o in w for o in _ODD_SYNTAX):
        rows, cols = _BIG_ROW_RE.findall(w), _WIDE_COL_RE.findall(w)
    else:
        rows, cols = _BIG_ROW_LIT_RE.findall(w), _WIDE_COL_LIT_RE.findall(w)
    r = max(map(int, set(rows)), default=0)
    c = max((col_index(x.decode("ascii")) + 1 for x in set(cols)), default=0)
    return r, c


def _check_sst(path: str, name: str, head: bytes, size: int) -> None:
    """A sharedStrings part must not announce more strings than its bytes can hold (each
    needs at least "<si/>"): calamine reserves memory for uniqueCount up front."""
    m = _SST_RE.search(head, 0, 8192)
    if not m:
        return
    for attr, value in _COUNT_ATTR_RE.findall(m.group(1)):
        if attr == b"uniqueCount" and int(value) > size // 5 + 16:
            raise LoadError(path, "corrupt", f"{name}: uniqueCount {int(value)} for {size} bytes")


def safety_check(path: str, data: bytes) -> None:
    """Every check that runs before a reader, for a caller reading ALL sheets itself (the
    roster): format sniffing, zip limits, DOCTYPE, sharedStrings counts and the used range
    of every worksheet. Raises LoadError."""
    box = _sniff_and_check(path, data)
    _check_extent(path, box, None, "")


def _xml_root(data: bytes):
    """ElementTree root of a small XML part (DOCTYPE already refused; defusedxml when
    installed, as a second fence)."""
    try:
        from defusedxml.ElementTree import fromstring
    except ImportError:  # pragma: no cover
        from xml.etree.ElementTree import fromstring
    return fromstring(data)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> worksheet part path, from the workbook part and its relationships;
    {} when they cannot be read (the reader then decides)."""
    try:
        wb_part = "xl/workbook.xml"
        try:
            for rel in _xml_root(zf.read("_rels/.rels")):
                if rel.get("Type", "").endswith("/officeDocument"):
                    wb_part = _resolve("", rel.get("Target", wb_part))
                    break
        except KeyError:
            pass
        base = posixpath.dirname(wb_part)
        rels_part = posixpath.join(base, "_rels", posixpath.basename(wb_part) + ".rels")
        targets = {rel.get("Id"): _resolve(base, rel.get("Target", "")) for rel in _xml_root(zf.read(rels_part))}
        out = {}
        for el in _xml_root(zf.read(wb_part)).iter():
            if _local(el.tag) != "sheet":
                continue
            rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), None)
            if el.get("name") is not None and rid in targets:
                out[el.get("name")] = targets[rid]
        return out
    except Exception:  # noqa: BLE001 - any failure here leaves the decision to the reader
        return {}


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(base, target))


def _check_extent(path: str, box: _Container, part: str | None, sheet: str) -> None:
    """Refuse a sheet whose used range (from A1) is beyond Excel or above SHEET_MAX_CELLS,
    before the reader allocates it. Exact only when the cheap bound is too high."""
    parts = [part] if part in box.extent_bound else [p for p in box.extent_bound]
    for p in parts:
        rows, cols = box.extent_bound[p]
        if rows <= EXCEL_MAX_ROWS and cols <= EXCEL_MAX_COLS and rows * cols <= SHEET_MAX_CELLS:
            continue
        rows = cols = 0
        try:
            xml = box.zf.read(p)
        except (zipfile.BadZipFile, OSError, ValueError, zlib.error) as exc:
            raise LoadError(path, "corrupt", str(exc)) from None
        for letters, digits in set(_REF_RE.findall(xml)):
            rows = max(rows, int(digits))
            if letters:
                cols = max(cols, col_index(letters.decode("ascii")) + 1)
        del xml
        cols = max(cols, 1)
        if rows > EXCEL_MAX_ROWS or cols > EXCEL_MAX_COLS:
            raise LoadError(path, "corrupt", f"{p}: cell beyond Excel's grid (row {rows}, column {cols})")
        if rows * cols > SHEET_MAX_CELLS:
            name = sheet if part == p else next(
                (n for n, q in _sheet_parts(box.zf).items() if q == p), p)
            raise LoadError(path, "range_too_large", f"{p}: {rows} rows x {cols} columns", sheet=name,
                            cell=f"{col_letter(cols - 1)}{rows}", cells=rows * cols)


# ---------------------------------------------------------------------------- formula scan

_ROOT_PREFIX_RE = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet\b")
_ATTR_R_RE = re.compile(rb"\br\s*=\s*[\"']([A-Za-z]+)([0-9]+)[\"']")
_ATTR_T_RE = re.compile(rb"\bt\s*=\s*[\"']([A-Za-z]+)[\"']")
_F_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f\b[^>]*?(?:/>|>(.*?)</(?:[A-Za-z_][\w.-]*:)?f>)", re.S)
_V_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v\b[^>]*?(?:/>|>(.*?)</(?:[A-Za-z_][\w.-]*:)?v>)", re.S)
_IS_RE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?is\b")
_XML_ENTITIES = {"&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&"}
_ENTITY_RE = re.compile(r"&(?:lt|gt|quot|apos|amp);")


def _unescape(b: bytes | None) -> str:
    if not b:
        return ""
    return _ENTITY_RE.sub(lambda m: _XML_ENTITIES[m.group(0)], b.decode("utf-8", "replace"))


def _cell_issue(tag: bytes, body: bytes) -> tuple[str, str] | None:
    """(issue, raw text) of one <c> element, or None when its value is fine."""
    t = _ATTR_T_RE.search(tag)
    t = t.group(1) if t else b"n"
    v = _V_RE.search(body)
    if t == b"e":
        code = _unescape(v.group(1)).strip() if v else ""
        code = code or "#VALUE!"
        return f"error:{code}", code
    f = _F_RE.search(body)
    if f is None:
        return None
    if t == b"inlineStr" and _IS_RE.search(body):
        return None
    if v is not None and (v.group(1) or t == b"str"):
        return None                     # a cached value ("" for a formula giving empty text)
    return "no_cached_value", "=" + _unescape(f.group(1)).strip()


def _formula_issues(xml: bytes) -> dict[tuple[int, int], tuple[str, str]]:
    """(row0, col0) -> (issue, raw) for every error cell and formula without a cached value
    of one worksheet part. Finds the markers, then only the cells around them."""
    m = _ROOT_PREFIX_RE.search(xml, 0, 8192)
    p = (m.group(1) + b":") if m and m.group(1) else b""
    ctag = b"<" + p + b"c"
    cend = b"</" + p + b"c>"
    seps = (b" ", b"\t", b"\r", b"\n", b">", b"/")
    out: dict[tuple[int, int], tuple[str, str]] = {}
    seen: set[int] = set()
    for mm in _FORMULA_MARK_RE.finditer(xml):
        pos = mm.start()
        i = xml.rfind(ctag, 0, pos)
        while i >= 0 and xml[i + len(ctag):i + len(ctag) + 1] not in seps:
            i = xml.rfind(ctag, 0, i)
        if i < 0 or i in seen:
            continue
        tag_end = xml.find(b">", i)
        if tag_end < 0:
            continue
        if xml[tag_end - 1:tag_end] == b"/":
            if pos > tag_end:
                continue
            body = b""
        else:
            close = xml.find(cend, tag_end)
            if close < 0 or pos > close:
                continue
            body = xml[tag_end + 1:close]
        seen.add(i)
        tag = xml[i:tag_end]
        issue = _cell_issue(tag, body)
        if issue is None:
            continue
        r = _ATTR_R_RE.search(tag)
        if r is None:
            return _formula_issues_positional(xml)
        out[(int(r.group(2)) - 1, col_index(r.group(1).decode("ascii")))] = issue
    return out


def _formula_issues_positional(xml: bytes) -> dict[tuple[int, int], tuple[str, str]]:
    """The same for a sheet whose cells carry no `r` (allowed; rare): a full parse that
    numbers rows and cells by position."""
    from xml.etree.ElementTree import iterparse
    out: dict[tuple[int, int], tuple[str, str]] = {}
    row = -1
    col = -1
    try:
        for event, el in iterparse(io.BytesIO(xml), events=("start", "end")):
            name = _local(el.tag)
            if event == "start":
                if name == "row":
                    r = el.get("r")
                    row = int(r) - 1 if r and r.isdigit() else row + 1
                    col = -1
                elif name == "c":
                    ref = el.get("r")
                    m = re.match(r"([A-Za-z]+)([0-9]+)$", ref or "")
                    col = col_index(m.group(1)) if m else col + 1
                continue
            if name == "c":
                t = el.get("t", "n")
                f = v = None
                has_is = False
                for ch in el:
                    ln = _local(ch.tag)
                    if ln == "f":
                        f = ch.text or ""
                    elif ln == "v":
                        v = ch.text or ""
                    elif ln == "is":
                        has_is = True
                if t == "e":
                    code = (v or "").strip() or "#VALUE!"
                    out[(row, col)] = (f"error:{code}", code)
                elif f is not None and not has_is and not (v or (v is not None and t == "str")):
                    out[(row, col)] = ("no_cached_value", "=" + f.strip())
                el.clear()
            elif name == "row":
                el.clear()
    except Exception:  # noqa: BLE001 - a sheet the scan cannot parse: the reader decides
        return out
    return out


# ---------------------------------------------------------------------------- reader

def _reader_error(path: str, exc: BaseException) -> LoadError:
    name = type(exc).__name__
    if name == "PasswordError":
        return LoadError(path, "password_protected")
    return LoadError(path, "corrupt", f"{name}: {exc}")


def _guard_reader(path: str, fn, *args):
    """Run one python_calamine call; its errors (and Rust panics, which are BaseException)
    become LoadError. MemoryError is left to the caller (a worker reports the limit)."""
    try:
        return fn(*args)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:  # noqa: BLE001 - pyo3 PanicException derives from BaseException
        raise _reader_error(path, exc) from None


def _open_workbook(path: str, data: bytes):
    import python_calamine as pc
    wb = _guard_reader(path, pc.load_workbook, io.BytesIO(data))
    metas = _guard_reader(path, lambda: wb.sheets_metadata)
    out = []
    for m in metas:
        if m.typ != pc.SheetTypeEnum.WorkSheet:
            continue
        out.append((m.name, m.visible != pc.SheetVisibleEnum.Visible))
    return wb, out


def _sheets_metadata(path: str, data: bytes) -> list[tuple[str, bool]]:
    """(name, hidden) of every worksheet, in workbook order."""
    return _open_workbook(path, data)[1]


def _read_sheet(path: str, wb, name: str):
    """(rows as lists, merged ranges ((r0, c0), (r1, c1)) 0-based)."""
    sheet = _guard_reader(path, wb.get_sheet_by_name, name)
    rows = _guard_reader(path, lambda: sheet.to_python(skip_empty_area=False))
    try:
        merged = list(sheet.merged_cell_ranges or ())
    except Exception:  # noqa: BLE001 - merges are a hint only
        merged = []
    return rows, merged


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
    if v is None:
        return False
    if type(v) is str:
        return bool(trim_text(v))
    return not is_missing(v)


def _match_column(text: str, keys: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    """(field, priority): the name's index (0 = canonical label) counts before the exactness,
    so "Kode Target (unik)" beats the alias "No"."""
    if not text:
        return None
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
    """A sheet's cells (0-based row/col = Excel row-1 / column index) and row emptiness.

    `source` is the reader's list of rows (python_calamine: "" for an empty cell), a pandas
    DataFrame (header=None) or None. `issues` (row0, col0) -> (issue, raw) are formula
    problems: their raw text is put in the cell, so the row counts as filled and the text
    shows, and `_columns_data` marks the parsed value. `merged`: ((r0, c0), (r1, c1))."""

    def __init__(self, source, issues=None, merged=()):
        import numpy as np
        self.issues: dict[tuple[int, int], tuple[str, str]] = dict(issues or {})
        self.merged = list(merged or ())
        if source is None:
            arr = np.empty((0, 0), dtype=object)
        elif hasattr(source, "to_numpy"):
            arr = source.to_numpy(dtype=object)
            if arr.ndim != 2:
                arr = arr.reshape(len(arr), -1)
        else:
            rows = list(source)
            width = max((len(r) for r in rows), default=0)
            arr = np.empty((len(rows), width), dtype=object)
            for i, r in enumerate(rows):
                if len(r) == width:
                    arr[i] = r
                else:
                    arr[i, :len(r)] = r
                    arr[i, len(r):] = None
            if arr.size:
                arr[arr == ""] = None
        if self.issues:
            need_r = max(r for r, _ in self.issues) + 1
            need_c = max(c for _, c in self.issues) + 1
            if need_r > arr.shape[0] or need_c > arr.shape[1]:
                # error cells at the edge of the range: keep them inside the grid
                if need_r <= arr.shape[0] + 1_000 and need_c <= arr.shape[1] + 100:
                    bigger = np.empty((max(need_r, arr.shape[0]), max(need_c, arr.shape[1])), dtype=object)
                    bigger[:arr.shape[0], :arr.shape[1]] = arr
                    arr = bigger
                self.issues = {k: v for k, v in self.issues.items()
                               if k[0] < arr.shape[0] and k[1] < arr.shape[1]}
            for (r, c), (_, raw) in self.issues.items():
                arr[r, c] = raw
        self.arr = arr
        self.nrows = arr.shape[0]
        self.ncols = arr.shape[1] if self.nrows else 0
        filled = []
        for row in arr:
            for v in row:
                if v is None:
                    continue
                if type(v) is str:
                    if trim_text(v):
                        break
                elif not is_missing(v):
                    break
            else:
                filled.append(False)
                continue
            filled.append(True)
        self.filled = filled

    def texts(self, r: int) -> list[str]:
        if r < 0 or r >= self.nrows:
            return []
        return [cell_text(v) for v in self.arr[r]]

    def cell(self, r: int, c: int) -> Any:
        if 0 <= r < self.nrows and 0 <= c < self.ncols:
            return self.arr[r, c]
        return None

    def data_rows(self, start: int) -> list[int]:
        # A template's example row ("CONTOH: ...") is guidance, never data.
        return [r for r in range(max(start, 0), self.nrows) if self.filled[r] and not is_example_row(self.arr[r])]

    def merged_top_left(self, r: int, c: int) -> tuple[int, int] | None:
        """The top-left cell of the merged range covering (r, c), if any."""
        for (r0, c0), (r1, c1) in self.merged:
            if r0 <= r <= r1 and c0 <= c <= c1:
                return r0, c0
        return None


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


def _two_row_header(grid: _Grid, keys, hr: int, colmap: dict[str, int]) -> tuple[dict[str, int], int]:
    """(field -> column, first data row0) for a table sheet: the header row alone, or with
    the row below it when merged cells join them and "top sub" names find more columns."""
    nxt = hr + 1
    if nxt >= grid.nrows or not grid.filled[nxt] or not grid.merged:
        return colmap, hr + 1
    joins = [m for m in grid.merged if m[0][0] == hr and (m[1][0] >= nxt or m[1][1] > m[0][1])]
    if not joins:
        return colmap, hr + 1
    top = grid.texts(hr)
    sub = grid.texts(nxt)
    down = set()                       # columns whose header cell is merged down over `nxt`
    for (r0, c0), (r1, c1) in grid.merged:
        if r0 <= hr <= r1:
            text = cell_text(grid.cell(r0, c0))
            for c in range(c0, min(c1, grid.ncols - 1) + 1):
                top[c] = text
                if r1 >= nxt:
                    down.add(c)
    texts = []
    for c in range(grid.ncols):
        t, s = top[c], ("" if c in down else sub[c])
        cands = ([f"{t} {s}", s] if t and s else [s]) + [t]
        texts.append(next((x for x in cands if _match_column(x, keys)), t))
    two = _assign_columns(texts, keys)
    if len(two) > len(colmap):
        return two, nxt + 1
    return colmap, hr + 1


_NUMBER_CELL_RE = re.compile(r"^\(?(\d{1,3})\)?\.?$")


def _is_number_row(grid: _Grid, r: int) -> bool:
    """A column-number row: every filled cell a consecutive integer ("1", "(2)", "3.")."""
    nums = []
    for v in grid.arr[r]:
        t = cell_text(v)
        if not t:
            continue
        m = _NUMBER_CELL_RE.match(t)
        if not m:
            return False
        nums.append(int(m.group(1)))
    return len(nums) >= 2 and all(b == a + 1 for a, b in zip(nums, nums[1:]))


def _hkey(t: str) -> str:
    """Cheap comparison key of a header text (case and runs of whitespace folded)."""
    return " ".join(t.split()).casefold()


def _header_keys(grid: _Grid, header_rows: list[int]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for hr in header_rows:
        for c, t in enumerate(grid.texts(hr)):
            if t:
                out.setdefault(c, set()).add(_hkey(t))
    return out


def _is_repeated_header(grid: _Grid, r: int, head: dict[int, set[str]]) -> bool:
    """Every filled cell equals the header text of its column (at least two of them)."""
    n = 0
    for c, v in enumerate(grid.arr[r]):
        if v is None:
            continue
        if type(v) is not str:
            return False
        t = trim_text(v)
        if not t:
            continue
        keys = head.get(c)
        if keys is None or _hkey(t) not in keys:
            return False
        n += 1
    return n >= 2


def _body_rows(grid: _Grid, start: int, header_rows: list[int], numbering: bool = True) -> list[int]:
    """Data rows from `start`: filled rows minus a column-number row right under the header
    and any repeated header row."""
    rows = grid.data_rows(start)
    if not rows:
        return rows
    if numbering and rows[0] == start and _is_number_row(grid, rows[0]):
        rows = rows[1:]
    head = _header_keys(grid, header_rows)
    if sum(len(v) for v in head.values()) < 2:
        return rows
    return [r for r in rows if not _is_repeated_header(grid, r, head)]


def _parse_cells(col: ColumnSpec, cells: list, sheet_kind: str):
    """-> (parsed list, raw list, status list or None)."""
    kind = col.kind
    if kind == "nip":
        today = date.today()
        vs = [parse_nip(v, today) for v in cells]
        return [v.key for v in vs], [v.raw_text for v in vs], [v.status for v in vs]
    if kind == "date":
        vs = _memo(parse_date, cells)
        return [v.value for v in vs], [v.raw_text for v in vs], [v.status for v in vs]
    if kind == "year":
        vs = _memo(parse_year, cells)
        return [v.value for v in vs], [v.raw_text for v in vs], [v.status for v in vs]
    if kind.startswith("vocab:"):
        name = kind[6:]
        vs = _memo(lambda v: parse_vocab(name, v), cells)
        return [v.value for v in vs], [v.raw_text for v in vs], [v.status for v in vs]
    raws = [cell_text(v) for v in cells]
    if kind == "code":
        return _memo(parse_code, raws), raws, None
    if kind == "codes":
        return [parse_codes(t) for t in raws], raws, None
    if sheet_kind == "mph" and col.field == "peran_hasil":
        return [parse_peran(t) for t in raws], raws, None
    return [t or None for t in raws], raws, None


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


def _frame(data: dict[str, list], int_cols=("_row", "_line")):
    """Object columns (None stays None, lists stay lists), int64 for _row/_line."""
    import numpy as np
    import pandas as pd
    df = pd.DataFrame(data, dtype=object)
    for k in int_cols:
        if k in data:
            df[k] = np.asarray(data[k], dtype="int64")
    return df


def _mark_issues(grid: _Grid, rows: list[int], ci: int, parsed: list, sts: list | None,
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


def _columns_data(grid: _Grid, rows: list[int], colmap: dict[str, int], specs: dict[str, ColumnSpec],
                  sheet_kind: str, issues: dict | None = None) -> dict[str, list]:
    data: dict[str, list] = {"_row": [r + 1 for r in rows]}
    issues = {} if issues is None else issues
    for f, ci in colmap.items():
        cells = [grid.arr[r, ci] for r in rows]
        parsed, raws, sts = _parse_cells(specs[f], cells, sheet_kind)
        _mark_issues(grid, rows, ci, parsed, sts, issues)
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
    header=None object DataFrame of the sheet (or the reader's list of rows); `columns`
    defaults to spec.columns."""
    columns = columns or spec.columns
    grid = _Grid(frame)
    keys = schema.column_name_keys(columns)
    hr, colmap = _find_header(grid, keys)
    table, problems = _plain_table(grid, spec, sheet, hidden, columns, hr, colmap)
    table.rows = _frame(table.rows)
    return table, problems


def _plain_table(grid, spec, sheet, hidden, columns, hr, colmap):
    specs = {c.field: c for c in columns}
    keys = schema.column_name_keys(columns)
    colmap, start = _two_row_header(grid, keys, hr, colmap)
    rows = _body_rows(grid, start, list(range(hr, start)))
    issues: dict[tuple[int, str], str] = {}
    data = _columns_data(grid, rows, colmap, specs, spec.kind, issues)
    table = Table(spec.kind, sheet, hidden, hr + 1,
                  {f: col_letter(ci) for f, ci in colmap.items()}, data, issues)
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
    rows = table.rows                  # still a dict of lists here (see _finish)
    first = bool(rows["_row"])
    row = rows["_row"][0] if first else table.header_row + 1
    for f, letter in table.columns.items():
        if first:
            st = rows[f + "__st"][0] if f + "__st" in rows else None
            unit[f] = (rows[f][0], rows[f + "__raw"][0], st, row, letter)
        else:
            parsed, raws, sts = _parse_cells(specs[f], [None], "unit")
            unit[f] = (parsed[0], raws[0], sts[0] if sts else None, row, letter)
    # only the first data row is the unit: keep its formula issues
    table.formula_issues = {k: v for k, v in table.formula_issues.items() if k[0] == row}
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
    issues: dict[tuple[int, str], str] = {}
    letter = col_letter(vc)
    for f, r in sorted(fields.items(), key=lambda kv: kv[1]):
        parsed, raws, sts = _parse_cells(specs[f], [grid.cell(r, vc)], "unit")
        _mark_issues(grid, [r], vc, parsed, sts, issues)
        data[f], data[f + "__raw"] = parsed, raws
        if sts is not None:
            data[f + "__st"] = sts
        unit[f] = (parsed[0], raws[0], sts[0] if sts else None, r + 1, letter)
    hrow = (header_r + 1) if header_r is not None else max(first_key_row, 1)
    table = Table("unit", sheet, hidden, hrow, {f: letter for f in fields}, data, issues)
    problems = _missing(schema.UNIT, sheet, schema.UNIT.columns, fields, hrow)
    return table, problems, unit


# ---------------------------------------------------------------------------- MPH

def _load_mph(grid: _Grid, sheet: str, hidden: bool):
    spec = schema.MPH
    keys = schema.column_name_keys(spec.columns)
    hr, colmap = _find_header(grid, keys)
    if schema.MPH_LAYOUT_FIELD in colmap:
        table, problems = _plain_table(grid, spec, sheet, hidden, spec.columns, hr, colmap)
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
    emp_rows = _body_rows(grid, data_start, list(range(hr, data_start)))
    issues: dict[tuple[int, str], str] = {}
    emp = _columns_data(grid, emp_rows, colmap, specs, "mph", issues)
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


# ============================================================================ entry point

def read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise LoadError(path, "not_found") from None
    except IsADirectoryError:
        raise LoadError(path, "io_error", "is a directory") from None
    except (OSError, ValueError) as exc:
        raise LoadError(path, "io_error", str(exc)) from None


def to_frames(unit: LoadedUnit) -> LoadedUnit:
    """Turn the tables' rows from dicts of lists into DataFrames (in place; idempotent)."""
    for table in unit.tables.values():
        if isinstance(table.rows, dict):
            table.rows = _frame(table.rows)
    return unit


def load_workbook(path: str, data: bytes | None = None, *, frames: bool = True) -> LoadedUnit:
    """Read one unit workbook (`data`: its bytes, when already read). Raises LoadError when
    the file cannot be read at all; never anything else for any input (MemoryError aside,
    which a worker turns into the memory-limit message). frames=False leaves each
    Table.rows a dict of lists (column -> values, same columns as the DataFrame) and so
    never imports pandas: what a worker sends back; `to_frames` finishes it."""
    path = str(path)
    if data is None:
        data = read_bytes(path)
    box = _sniff_and_check(path, data)
    sha = hashlib.sha256(data).hexdigest()
    wb, metas = _open_workbook(path, data)
    matched = _match_sheets(metas)
    parts = _sheet_parts(box.zf) if matched else {}

    grids: dict[str, _Grid] = {}
    for name, _hidden in dict.fromkeys(matched.values()):
        part = parts.get(name)
        _check_extent(path, box, part, name)
        issues = {}
        if part is not None and part in box.marked:
            try:
                issues = _formula_issues(box.zf.read(part))
            except (zipfile.BadZipFile, OSError, ValueError, zlib.error) as exc:
                raise LoadError(path, "corrupt", str(exc)) from None
        elif part is None and box.marked:
            issues = {}                 # unmapped sheet: no scan (the reader still reads it)
        rows, merged = _read_sheet(path, wb, name)
        grids[name] = _Grid(rows, issues, merged)
        del rows

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
        grid = grids.get(name) or _Grid(None)
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
    lu = LoadedUnit(path, sha, tables, unit, unit_sheet, mph_layout, mph_columns, problems)
    return to_frames(lu) if frames else lu
