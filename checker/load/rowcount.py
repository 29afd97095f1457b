"""How many rows a worksheet holds, from its XML, before any reader builds a table of it
(limits.SHEET_MAX_ROWS): a cheap upper bound while the archive is streamed once anyway
(safety.inspect), and, only for a sheet whose bound is above its limit, the exact last row
holding a value (a stray formatted but empty cell far below the table does not count)."""
from __future__ import annotations

import re
import zipfile
import zlib

from checker.load import errors

# cells with content: <c r="A5" s="1"/> and, as openpyxl writes it with lxml, <c r="A5" s="1"></c>
# are formatting only
_VALUE_CELL_RE = re.compile(
    rb"<(?:\w+:)?c\b[^>]*?\sr\s*=\s*[\"']\$?[A-Za-z]{1,3}(\d+)[\"'][^>]*(?<!/)>(?!\s*</(?:\w+:)?c>)")
_CHUNK = 1 << 20
_OVERLAP = 512


def row_bound(chunk: bytes, so_far: int) -> int:
    """The count of a worksheet's row elements after one more streamed chunk of its XML
    (+1 for a tag cut at the chunk's end): with the used range's bound (safety.extent_bound)
    an upper bound of its rows, also when rows carry no r attribute. bytes.count only: the
    tall-sheet probe's 1,048,575 rows cost ~0.1 s here."""
    return so_far + chunk.count(b"<row") + chunk.count(b":row") + 1


def last_value_row(path: str, zf: zipfile.ZipFile, part: str) -> int:
    """Excel row of the last cell holding something (0 when no cell names its row)."""
    last = 0
    tail = b""
    try:
        with zf.open(part) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                found = _VALUE_CELL_RE.findall(tail + chunk)
                if found:
                    last = max(last, max(map(int, found)))
                tail = chunk[-_OVERLAP:]
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, zlib.error, EOFError) as exc:
        raise errors.corrupt(path, str(exc)) from None
    return last


def check_rows(path: str, box, part: str | None, sheet: str, kinds) -> None:
    """Refuse a sheet holding more rows than its kinds' limit (limits.SHEET_MAX_ROWS; a
    sheet read as several kinds gets the largest), before the reader reads it: LoadError
    "too_many_rows" naming the sheet, its last row and the limit."""
    from checker.load import limits
    if part is None or part not in box.row_bound:
        return
    limit = max(limits.SHEET_MAX_ROWS.get(k, limits.SHEET_MAX_ROWS_DEFAULT) for k in kinds)
    count = box.row_bound[part]
    if max(count, box.extent_bound.get(part, (0, 0))[0]) <= limit:     # an upper bound of the rows
        return
    rows = last_value_row(path, box.zf, part) or count      # no cell names its row: the row elements
    if rows > limit:
        raise errors.too_many_rows(path, f"{part}: last value in row {rows}", sheet=sheet, rows=rows, limit=limit)
