"""Pure value helpers for the unit workbook (input-format.md, "Values"): cell text, folding,
codes, lists, years, MPH roles and Excel column letters. NIPs, dates and vocabularies have
modules of their own (nip.py, dates.py, vocab.py).

No pandas here: every function takes one cell value as a reader gives it (str, int, float,
bool, datetime/date/time, None or NaN) and returns a small record. Statuses are plain
strings so they can live in DataFrame columns.

Decisions where the contract is silent (documented here once):
- Years: int, integral float or 4-digit text within 1900..2100; anything else "invalid".
"""
from __future__ import annotations

import functools
import numbers
import re
import string
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple


class YearValue(NamedTuple):
    value: int | None
    status: str              # "ok" | "empty" | "invalid"
    raw_text: str


# Texts that stand for "not filled in yet" (input-format.md, Values: Placeholders), folded:
# they count as empty for every rule and are shown as found.
PLACEHOLDER_WORDS = frozenset({"x", "n/a", "na", "tbd", "?", "belum ada", "belum diisi", "akan diisi", "menyusul",
                               "dalam proses"})
# any run of these dash and dot characters (and the spaces between them): "-", "--", "- -", "...", "…"
_DASHES_DOTS_RE = re.compile(r"^[\-\u2010-\u2015\u2212.\u2026](?:[\s\-\u2010-\u2015\u2212.\u2026]*)$")
_BRACKETED_RE = re.compile(r"^[(\[](.*)[)\]]$", re.DOTALL)

# Characters trimmed at the ends of cell text besides str.strip()'s whitespace
# (which already covers spaces, NBSP, tabs and line breaks).
_EXTRA_TRIM = "\u200b\u200c\u200d\u2060\ufeff"


# ---------------------------------------------------------------------------- text

def is_missing(v: Any) -> bool:
    """None, NaN, NaT or pd.NA (detected without importing pandas)."""
    if v is None:
        return True
    if isinstance(v, (str, int, date, time)):
        # datetime subclasses date; pd.NaT is a datetime subclass too, caught below
        if type(v).__name__ == "NaTType":
            return True
        return False
    if isinstance(v, float):
        return v != v
    try:
        return bool(v != v)
    except TypeError:           # pd.NA: its comparison is ambiguous
        return True


def is_placeholder(value: Any) -> bool:
    """True for a cell whose whole content is a placeholder (input-format.md, Values): `-`,
    `–`, `—`, `.`, `..`, `...`, `…`, `x`, `n/a`, `na`, `tbd`, `?`, `belum ada`, `belum diisi`,
    `akan diisi`, `menyusul`, `dalam proses`, folded for case and spacing, surrounding brackets
    and a final dot ignored, and any run of dash and dot characters (`--`, `- -`, `....`).
    An empty cell is not a placeholder (it is empty)."""
    if type(value) is not str:
        if value is None or isinstance(value, (int, float)):
            return False                # a number is a value (bool is an int)
        value = cell_text(value)
    # Every cell of every table passes here: most are rejected by their first character or length.
    t = value.strip()
    if not t or len(t) > 40 or t[0] not in _PLACEHOLDER_FIRST:
        return False
    return _is_placeholder_text(t)


# The first character a placeholder can have (brackets, dashes, dots, the zero-width characters
# cell text is trimmed of, and each placeholder word's first letter in either case).
_PLACEHOLDER_FIRST = (frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212.\u2026(["
                                + "\u200b\u200c\u200d\u2060\ufeff")
                      | {c for w in PLACEHOLDER_WORDS for c in (w[0], w[0].upper())})


@functools.lru_cache(maxsize=1 << 12)
def _is_placeholder_text(t: str) -> bool:
    t = trim_text(t)
    m = _BRACKETED_RE.match(t)
    if m:
        t = trim_text(m.group(1))
        if not t:
            return False
    if _DASHES_DOTS_RE.match(t):
        return True
    folded = _WS_RE.sub(" ", t.casefold()).rstrip(".").strip()
    return folded in PLACEHOLDER_WORDS


def is_blank(value: Any) -> bool:
    """Empty, or a placeholder: what counts as empty for every rule."""
    t = value if isinstance(value, str) else cell_text(value)
    return not t.strip() or is_placeholder(t)


# A gap (decree-format.md §3.2): a run of two or more spaces or tabs, of two or more underscores
# or dots, or a `…`, left inside a value to be filled in later (`KEP-      /D.I.1/01/2025`). A
# run is of one kind of character, so ". " in `No. 12` is no gap.
_GAP_RE = re.compile(r"[ \t\u00a0]{2,}|_{2,}|\.{2,}|\u2026")


def has_gap(value: str) -> bool:
    """A gap is left inside the value (its own surrounding whitespace ignored)."""
    return bool(_GAP_RE.search(value.strip()))


def trim_text(s: str) -> str:
    t = s.strip()
    if t and (t[0] in _EXTRA_TRIM or t[-1] in _EXTRA_TRIM):
        return t.strip(_EXTRA_TRIM).strip()
    return t


def cell_text(v: Any) -> str:
    """The cell as trimmed text ("" when empty); dates as ISO, whole floats without ".0"."""
    if type(v) is str:
        return trim_text(v)
    if is_missing(v):
        return ""
    if isinstance(v, str):
        return trim_text(v)
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, numbers.Integral):
        return str(int(v))
    if isinstance(v, float):
        v = float(v)                     # numpy floats too
        if v.is_integer() and abs(v) < 1e21:
            return str(int(v))
        return repr(v)
    if isinstance(v, datetime):
        if (v.hour, v.minute, v.second, v.microsecond) == (0, 0, 0, 0):
            return v.date().isoformat()
        return v.isoformat(sep=" ")
    if isinstance(v, (date, time)):
        return v.isoformat()
    return trim_text(str(v))


_WS_RE = re.compile(r"\s+")


def fold_text(s: Any) -> str:
    """casefold, NBSP -> space, collapse whitespace, strip."""
    return _fold_text(s if isinstance(s, str) else cell_text(s))


@functools.lru_cache(maxsize=1 << 16)        # a workbook repeats its names, codes and vocabulary a lot
def _fold_text(t: str) -> str:
    if any(ch in t for ch in _EXTRA_TRIM):         # zero-width characters: nothing, inside too
        t = t.translate(_NO_ZERO_WIDTH)
    return _WS_RE.sub(" ", t.replace("\xa0", " ")).strip().casefold()


_NO_ZERO_WIDTH = {ord(ch): None for ch in _EXTRA_TRIM}


_TRAIL_PUNCT = string.punctuation + "\u2013\u2014\u2018\u2019\u201c\u201d\u2026"


def fold_code(s: Any) -> str:
    """fold_text, spaces of any kind inside removed (input-format v3, Cell text), trailing
    punctuation dropped: "PK-01." -> "pk-01", "1." -> "1", "PK\u00a0- 01" -> "pk-01"."""
    t = fold_text(s)
    if " " in t:
        t = t.replace(" ", "")
    return t.rstrip(_TRAIL_PUNCT)


def fold_compact(s: Any) -> str:
    """Lower-case letters and digits only (every space, punctuation, _ and - dropped)."""
    return _NOT_ALNUM_RE.sub("", fold_text(s))


def fold_words(s: Any) -> str:
    """Words only: case folded, every run of punctuation and whitespace one space
    ("Persentase  rekomendasi (K/L)." -> "persentase rekomendasi k l")."""
    return _fold_words(s if isinstance(s, str) else cell_text(s))


@functools.lru_cache(maxsize=1 << 12)
def _fold_words(t: str) -> str:
    return " ".join(_NOT_ALNUM_RE.sub(" ", unicodedata.normalize("NFKC", t).casefold()).split())


def fold_header(s: Any) -> str:
    """Key for sheet and column names: case, whitespace, line breaks, punctuation, _ and -
    are all folded away ("NIP_BARU" = "NIP Baru", "Anggota-Pokja" = "anggotapokja")."""
    return _fold_header(s if isinstance(s, str) else cell_text(s))


_NOT_ALNUM_RE = re.compile(r"[\W_]+")          # \w is str.isalnum() plus "_"


@functools.lru_cache(maxsize=1 << 14)
def _fold_header(t: str) -> str:
    return _NOT_ALNUM_RE.sub("", unicodedata.normalize("NFKC", t).casefold())


_LIST_SPLIT_RE = re.compile(r"[,;\r\n]+")


def split_list(s: Any) -> list[str]:
    """Split a cell on comma, semicolon and line breaks; items trimmed, empties dropped."""
    t = s if isinstance(s, str) else cell_text(s)
    return [p for p in (trim_text(x) for x in _LIST_SPLIT_RE.split(t)) if p]


def split_codes(s: Any) -> list[str]:
    """split_list + fold_code, empties dropped, order kept, duplicates kept."""
    return [c for c in (fold_code(x) for x in split_list(s)) if c]


_CODE_LIKE_RE = re.compile(r"^[A-Za-z0-9./-]*[0-9][A-Za-z0-9./-]*$")


def is_code_like(word: str) -> bool:
    """Contains a digit and only ASCII letters, digits, '-', '.', '/' (matrix MPH headers)."""
    return bool(_CODE_LIKE_RE.match(word))


def header_code(header: Any) -> tuple[str, str] | None:
    """For a matrix MPH header: (code as written, folded code) from its first word when
    that word is code-like (trailing ':' ',' ';' ignored), else None.
    "PK-01 Persentase ..." -> ("PK-01", "pk-01"); "1." -> ("1.", "1"); "Keterangan" -> None."""
    t = cell_text(header)
    if not t:
        return None
    word = t.split()[0].rstrip(":;,")
    if not word or not is_code_like(word):
        return None
    code = fold_code(word)
    if not code:
        return None
    return word, code


def valid_ymd(y: int, m: int, d: int) -> date | None:
    """The date, or None when (y, m, d) is not a calendar date."""
    try:
        return date(y, m, d)
    except ValueError:
        return None


# ---------------------------------------------------------------------------- year

_YEAR_RE = re.compile(r"^(\d{4})(?:\.0+)?$")


def parse_year(raw: Any) -> YearValue:
    if is_missing(raw):
        return YearValue(None, "empty", "")
    t = cell_text(raw)
    if not t:
        return YearValue(None, "empty", "")
    y: int | None = None
    if isinstance(raw, bool) or isinstance(raw, (date, time, timedelta)):
        y = None
    elif isinstance(raw, int):
        y = raw
    elif isinstance(raw, float):
        y = int(raw) if raw.is_integer() else None
    else:
        m = _YEAR_RE.match(t)
        y = int(m.group(1)) if m else None
    if y is None or not (1900 <= y <= 2100):
        return YearValue(None, "invalid", t)
    return YearValue(y, "ok", t)


# ---------------------------------------------------------------------------- codes, roles

def parse_code(raw: Any) -> str | None:
    c = fold_code(raw)
    return c or None


def parse_codes(raw: Any) -> list[str] | None:
    cs = split_codes(raw)
    return cs or None


def parse_peran(raw: Any) -> str | None:
    """MPH peran hasil: the trimmed text, or None for an empty cell or a placeholder (x, -, ...)."""
    t = cell_text(raw)
    return None if not t or is_placeholder(t) else t


# ---------------------------------------------------------------------------- Excel addresses

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
