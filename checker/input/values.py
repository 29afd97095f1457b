"""Pure value parsers for the unit workbook (input-format.md, "Values").

No pandas here: every function takes one cell value as a reader gives it (str, int, float,
bool, datetime/date/time, None or NaN) and returns a small record. Statuses are plain
strings so they can live in DataFrame columns.

Decisions where the contract is silent (documented here once):
- Dates: a number in a date cell (an Excel serial shown as a number, e.g. 45667) is NOT a
  date: the user sees a number, so it is "invalid" (D04). A datetime with a time part gives
  its date. ISO text may carry a time suffix ("2025-01-10 00:00:00", what a date pasted as
  text often looks like). The place/day-name prefix is accepted before every date form.
- NIP: separators removed are whitespace (incl. NBSP), dots and one leading apostrophe
  (' ` or typographic quotes); anything else (hyphens, "NIP:") makes the text invalid and
  stays in the key. Plausibility: birth year >= 1930 and birth date not in the future;
  TMT CPNS / PPPK appointment year >= birth year + 15 and <= current year + 1.
- Vocabularies: after the exact fold_text lookup, a second lookup ignores punctuation and
  spacing ("Non ASN" = "Non-ASN"). `pola` empty gives value "A" and `cara_penugasan` empty
  gives "Penunjukan" (the contract's defaults), both with status "empty".
- Years: int, integral float or 4-digit text within 1900..2100; anything else "invalid".
"""
from __future__ import annotations

import numbers
import re
import string
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

__all__ = [
    "NipValue", "DateValue", "VocabValue", "YearValue", "MPH_NO_ROLE", "MONTHS", "DAY_NAMES",
    "is_missing", "cell_text", "trim_text", "fold_text", "fold_code", "fold_header", "fold_compact",
    "split_list", "split_codes", "is_code_like", "header_code", "parse_nip", "parse_date",
    "parse_vocab", "parse_year", "parse_code", "parse_codes", "parse_peran",
]


class NipValue(NamedTuple):
    key: str | None          # digits as written (separators removed); None when empty
    status: str              # "valid" | "invalid" | "number" | "empty"
    raw_text: str


class DateValue(NamedTuple):
    value: date | None
    status: str              # "ok" | "empty" | "invalid"
    raw_text: str


class VocabValue(NamedTuple):
    value: str | None        # canonical spelling (or the vocabulary's default when empty)
    status: str              # "ok" | "empty" | "unknown"
    raw_text: str


class YearValue(NamedTuple):
    value: int | None
    status: str              # "ok" | "empty" | "invalid"
    raw_text: str


# A matrix MPH cell holding one of these means "no role for this target" (contract: empty,
# x, X, -, en dash; the em dash is added as the same intent).
MPH_NO_ROLE = frozenset({"", "x", "X", "-", "\u2013", "\u2014"})

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
    t = s if isinstance(s, str) else cell_text(s)
    return _WS_RE.sub(" ", t.replace("\xa0", " ")).strip().strip(_EXTRA_TRIM).strip().casefold()


_TRAIL_PUNCT = string.punctuation + "\u2013\u2014\u2018\u2019\u201c\u201d\u2026"


def fold_code(s: Any) -> str:
    """fold_text + drop trailing punctuation: "PK-01." -> "pk-01", "1." -> "1"."""
    return fold_text(s).rstrip(_TRAIL_PUNCT).rstrip()


def fold_compact(s: Any) -> str:
    """Lower-case letters and digits only (every space, punctuation, _ and - dropped)."""
    t = fold_text(s)
    return "".join(ch for ch in t if ch.isalnum())


def fold_header(s: Any) -> str:
    """Key for sheet and column names: case, whitespace, line breaks, punctuation, _ and -
    are all folded away ("NIP_BARU" = "NIP Baru", "Anggota-Pokja" = "anggotapokja")."""
    t = unicodedata.normalize("NFKC", s if isinstance(s, str) else cell_text(s))
    return "".join(ch for ch in t.casefold() if ch.isalnum())


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


# ---------------------------------------------------------------------------- NIP

_NIP_STRIP_RE = re.compile(r"[\s.\u00a0]+")
_APOSTROPHES = "'`\u2018\u2019"


def _valid_ymd(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _nip_valid(d: str, today: date) -> bool:
    if len(d) != 18 or not d.isdigit():
        return False
    birth = _valid_ymd(int(d[0:4]), int(d[4:6]), int(d[6:8]))
    if birth is None or birth.year < 1930 or birth > today:
        return False
    if d[14] not in "12" or d[15:18] == "000":
        return False
    year = int(d[8:12])
    if not (birth.year + 15 <= year <= today.year + 1):
        return False
    month = int(d[12:14])
    if 1 <= month <= 12:                       # PNS: YYYYMM TMT CPNS
        return True
    return d[12] == "2" and d[13] in "123456789"   # PPPK: YYYY 2 [1-9]


def parse_nip(raw: Any, today: date | None = None) -> NipValue:
    """18-digit PNS or PPPK NIP. Text may carry spaces, dots and a leading apostrophe.
    A number cell (int/float) is status "number" whatever its digits (Excel keeps 15)."""
    if is_missing(raw):
        return NipValue(None, "empty", "")
    if isinstance(raw, bool):
        t = cell_text(raw)
        return NipValue(t, "invalid", t)
    if isinstance(raw, numbers.Real):          # int, float, numpy numbers
        t = cell_text(raw)
        return NipValue(t, "number", t)
    t = cell_text(raw)
    if not t:
        return NipValue(None, "empty", "")
    key = t
    if key[0] in _APOSTROPHES:
        key = key[1:]
    key = _NIP_STRIP_RE.sub("", key)
    if not key:
        return NipValue(None, "empty", t)
    status = "valid" if _nip_valid(key, today or date.today()) else "invalid"
    return NipValue(key, status, t)


# ---------------------------------------------------------------------------- dates

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2,
    "maret": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "ags": 8, "agt": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12,
}

DAY_NAMES = ("senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "jum\u2019at", "sabtu",
             "minggu", "ahad")

_DAY_RE = "(?:" + "|".join(re.escape(d) for d in DAY_NAMES) + ")"
# optional "Place," then optional "Dayname," / "Dayname "
_PREFIX_RE = re.compile(
    r"^(?:[^\W\d_][\w .'\u2019()-]*?\s*,\s*)?(?:" + _DAY_RE + r"\s*,?\s+)?(?P<rest>\d.*)$",
    re.IGNORECASE,
)
_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY_RE = re.compile(r"^(\d{1,2})([-/])(\d{1,2})\2(\d{4})$")
_LONG_RE = re.compile(r"^(\d{1,2})\s*[\s-]\s*([^\W\d_]+)\.?\s*[\s-]\s*(\d{4})$")


def _date_from_text(t: str) -> date | None:
    s = _WS_RE.sub(" ", t.replace("\xa0", " ")).strip()
    m = _PREFIX_RE.match(s)
    if not m:
        return None
    s = m.group("rest").strip()
    m = _ISO_RE.match(s)
    if m:
        return _valid_ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DMY_RE.match(s)
    if m:       # day first, always
        return _valid_ymd(int(m.group(4)), int(m.group(3)), int(m.group(1)))
    m = _LONG_RE.match(s)
    if m:
        month = MONTHS.get(m.group(2).casefold())
        if month is None:
            return None
        return _valid_ymd(int(m.group(3)), month, int(m.group(1)))
    return None


def parse_date(raw: Any) -> DateValue:
    if is_missing(raw):
        return DateValue(None, "empty", "")
    t = cell_text(raw)
    if isinstance(raw, datetime):
        return DateValue(raw.date(), "ok", t)
    if isinstance(raw, date):
        return DateValue(raw, "ok", t)
    if not isinstance(raw, str):        # numbers (Excel serials), bool, time, timedelta
        return DateValue(None, "invalid", t)
    if not t:
        return DateValue(None, "empty", "")
    d = _date_from_text(t)
    return DateValue(d, "ok" if d is not None else "invalid", t)


# ---------------------------------------------------------------------------- vocab

def parse_vocab(name: str, raw: Any) -> VocabValue:
    """Canonical value of vocabulary `name` (see schema.VOCABULARIES)."""
    from checker.input.schema import VOCAB_DEFAULTS, VOCABULARIES, VOCABULARIES_COMPACT
    t = cell_text(raw)
    if not t:
        return VocabValue(VOCAB_DEFAULTS.get(name), "empty", "")
    v = VOCABULARIES[name].get(fold_text(t))
    if v is None:
        v = VOCABULARIES_COMPACT[name].get(fold_compact(t))
    if v is None:
        return VocabValue(None, "unknown", t)
    return VocabValue(v, "ok", t)


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
    """MPH peran hasil: the trimmed text, or None for empty / x / X / - / dash."""
    t = cell_text(raw)
    return None if t in MPH_NO_ROLE else t
