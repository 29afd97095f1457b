"""The master roster as a CSV file, as SIASN exports it (input-format.md, "Optional master
roster"): UTF-8 with or without a byte-order mark; the delimiter whichever of `|`, `,`, `;`
or tab splits the header row into the most columns; `-` and `0000-00-00` are empty.

`read_csv(path, data, is_header) -> CsvRows`: every row as a list of cell texts with the
line it starts on; `is_header(cells)` tells the header row (True), a header row that lacks
something (the RosterError factory to raise) or another row (False); roster.py knows the columns. A
file that cannot be read raises RosterError naming the file and, where it applies, the line.

Decisions where the contract is silent:
- The header row is the first of the first 20 non-empty lines that names a NIP column and a
  unit column, each line split by its own best delimiter (a title line may come first);
  the rest of the file is read with that line's delimiter.
- A tie between delimiters goes to the earlier of `|`, `,`, `;`, tab (SIASN's first).
- A file with a UTF-16 byte-order mark, NUL bytes or bytes that are not UTF-8 is refused
  with the line of the first such byte: Excel's "Unicode Text" and "CSV (Comma delimited)"
  exports write UTF-16 and Windows-1252; "CSV UTF-8" is what is expected.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from checker.load import errors
from checker.load.limits import ROSTER_CSV_MAX_BYTES, ROSTER_CSV_MAX_CELLS

DELIMITERS = ("|", ",", ";", "\t")
HEADER_SCAN_LINES = 20
EMPTY_VALUES = frozenset({"-", "0000-00-00"})
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"


def looks_like_csv(data: bytes) -> bool:
    """Text a CSV roster may be (UTF-16 included, so that its encoding is what is refused)."""
    return data.startswith(_UTF16_BOMS) or b"\x00" not in data[:4096]


@dataclass
class CsvRows:
    rows: list[list[str]]        # cells as text, as the file has them
    lines: list[int]             # the line each row starts on (1-based)
    header: int                  # index of the header row in `rows`
    delimiter: str


def read_csv(path: str, data: bytes, is_header) -> CsvRows:
    if len(data) > ROSTER_CSV_MAX_BYTES:
        raise errors.roster_csv_too_large(path, mb=len(data) >> 20, limit=ROSTER_CSV_MAX_BYTES >> 20)
    text = _decode(path, data)
    delimiter, header_line = _find_header(text, is_header)
    if delimiter is None:
        lacking, line = header_line
        raise lacking(path, line=line)
    rows, lines = _parse(path, text, delimiter)
    header = next((i for i, n in enumerate(lines) if n >= header_line), 0)
    return CsvRows(rows, lines, header, delimiter)


def _decode(path: str, data: bytes) -> str:
    if data.startswith(_UTF16_BOMS):
        raise errors.roster_csv_encoding(path, line=1, found="UTF-16")
    body = data[len(_UTF8_BOM):] if data.startswith(_UTF8_BOM) else data
    nul = body.find(b"\x00")
    if nul >= 0:
        raise errors.roster_csv_encoding(path, line=body.count(b"\n", 0, nul) + 1, found="UTF-16")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise errors.roster_csv_encoding(path, line=body.count(b"\n", 0, exc.start) + 1,
                                         found="Windows-1252 / ANSI") from None


def best_delimiter(line: str) -> tuple[str, list[str]]:
    """The delimiter splitting `line` into the most cells, and those cells."""
    best = None
    for d in DELIMITERS:
        cells = next(csv.reader([line], delimiter=d), [])
        if best is None or len(cells) > len(best[1]):
            best = (d, cells)
    return best


def _find_header(text: str, is_header):
    """(delimiter, 1-based line of the header row), or (None, (RosterError factory, line))."""
    seen = 0
    first = None
    for n, line in enumerate(text.split("\n", 1000)[:1000], start=1):
        if not line.strip():
            continue
        d, cells = best_delimiter(line.rstrip("\r"))
        verdict = is_header([c.strip() for c in cells])
        if verdict is True:
            return d, n
        if first is None and verdict:
            first = (verdict, n)
        seen += 1
        if seen >= HEADER_SCAN_LINES:
            break
    return None, first or (errors.roster_csv_no_header, 1)


def _parse(path: str, text: str, delimiter: str) -> tuple[list[list[str]], list[int]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    lines: list[int] = []
    cells = 0
    start = 1
    try:
        for row in reader:
            cells += len(row)
            if cells > ROSTER_CSV_MAX_CELLS:
                raise errors.roster_csv_too_large(path, mb=len(text) >> 20, limit=ROSTER_CSV_MAX_BYTES >> 20)
            rows.append(row)
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise errors.roster_csv_malformed(path, str(exc), line=reader.line_num) from None
    return rows, lines


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(value: str) -> str:
    """A CSV cell as a roster value: control characters removed (they would reach messages),
    trimmed, SIASN's empty markers empty."""
    v = _CONTROL_RE.sub("", value).strip()
    return "" if v in EMPTY_VALUES else v
