"""Everything one input file may cost, in one place (issue 5 §3-4; measured figures in
../shared/notes/excel-io.md and docs/design.md). Real unit workbooks are far below every
value (a file of 50,000 employees in Pegawai and MPH, now beyond the row limits, is 3 MB
compressed, 29 MB of XML, ratio 8:1, used range 300,000 cells; measured in a worker:
address space 219 MB at peak of which 111 MB is the warm interpreter, peak RSS 137 MB,
3-4 s. A stray value at E800000 (used range 4.8 M cells) is now refused by the Pegawai row
limit below (SHEET_MAX_ROWS) before the reader runs; a 4.96 M-cell range within the row limits
(E59000 and CF1, tests/make_hostile.py tall_sparse) is still read: ~350 MB, ~2 s.
Every bomb of tests/make_hostile.py, up to a 6 MB file declaring 2 GiB, is refused in
< 10 ms at the interpreter's baseline memory.)"""
from __future__ import annotations

from dataclasses import dataclass

# Zip container, checked before any reader runs (notes/excel-io.md "Safety": real rosters
# compress ~7:1, bombs 260-1000:1; a 3-4 MB bomb drove every reader past 4 GB).
ZIP_MAX_TOTAL_UNCOMPRESSED = 1 << 30   # 1 GiB declared by all members together


ZIP_MAX_RATIO = 100                    # per member, uncompressed / compressed ...


ZIP_RATIO_MIN_SIZE = 5 << 20           # ... counted only for members above 5 MiB uncompressed


# Used range of a sheet that is read, from A1 (calamine allocates rows x columns of it):
# 5 M cells ~ 160 MB in the reader; 100,000 rows x 50 columns still fit.
SHEET_MAX_CELLS = 5_000_000


EXCEL_MAX_ROWS, EXCEL_MAX_COLS = 1_048_576, 16_384      # beyond: not an Excel file


# Cells of a sheet's data rows that merged ranges may fill with their value (grid.fill_merged):
# a decree merges a Pokja or a Kedudukan over a few dozen rows; a range beyond this is left as
# it is (its other cells stay empty) rather than cost memory for one map entry per cell.
MERGED_FILL_MAX_CELLS = 200_000


# A master roster given as CSV (load/csvroster.py): its size, and its cells (rows x columns of
# the file, all 67 SIASN columns counted; ~75,000 employees fit).
ROSTER_CSV_MAX_BYTES = 256 << 20


ROSTER_CSV_MAX_CELLS = 5_000_000


# Per file, in a worker process (checker/pipeline/workers.py): address space and wall-clock time.
# 1 GiB is ~4.5x the 50,000-row file and ~3x the largest used range accepted above; 60 s is
# ~15x its load time on a 2-core machine.
DEFAULT_MEMORY_MB = 1024


DEFAULT_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class Limits:
    """Bounds for reading one file in a worker (checker/pipeline/workers.py). None = unbounded.
    memory_mb bounds the worker's address space (RLIMIT_AS; POSIX only, ignored elsewhere);
    timeout_s the wall-clock time of one file (the worker is killed and replaced)."""
    memory_mb: int | None = DEFAULT_MEMORY_MB
    timeout_s: float | None = DEFAULT_TIMEOUT_S


# One input file (unit workbook, roster, --compare findings): its size on disk, checked from
# stat before it is read. The 50,000-employee file is 3 MB; a real unit's is well under 1 MB.
FILE_MAX_BYTES = 256 << 20


# Rows read per sheet kind (the last row holding a value, header rows included), checked from
# the sheet's XML before the reader builds any table (safety.check_rows): far above any real
# unit (a Deputi has a few hundred employees; MPH holds one row per employee, or per employee
# and target in the long layout; a unit has a few dozen Pokja and targets), far below Excel's
# 1,048,576 rows, whose reading took 49 s and 1 GB (issue 13 §4), and low enough that the
# whole run, not only the reader, fits the default --max-memory with headroom: a unit of
# 20,000 employees in Pegawai and MPH peaks at 298 MB (pandas) and 445 MB (durable) for the
# whole check, one of 50,000 at 582 MB and 1,073 MB (durable: beyond the 1,024 MB default).
# Beyond it the file is refused with a D05 naming the sheet, its rows and the limit.
SHEET_MAX_ROWS = {
    "unit": 1_000,
    "pk": 10_000,
    "pokja": 10_000,
    "pegawai": 20_000,
    "anggota": 20_000,
    "surat_tugas": 20_000,
    "mph": 60_000,
}
SHEET_MAX_ROWS_DEFAULT = 20_000


# A decree draft's content (decree-format.md §3.1, "Document bounds"); its zip and file bounds
# are the workbook's above. A real draft of 10-20 pages has a few hundred paragraphs, a few
# hundred table rows and at most 2-3 levels of tables.
DOC_MAX_PARAGRAPHS = 200_000        # every w:p read (body, cells, text boxes)
DOC_MAX_TABLE_ROWS = 50_000         # every w:tr read, nested tables included
DOC_MAX_TABLE_DEPTH = 8             # a table in a cell of a table ... : 8 levels at most
DOC_MAX_TABLE_COLUMNS = 64          # Word allows 63: a grid wider than this is cut (a forged gridSpan)
DOC_MAX_LETTER_NUMBER = 1000        # a letter label beyond "lll..." (a forged w:start) is shown as a number
