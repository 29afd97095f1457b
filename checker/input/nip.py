"""NIP: 18-digit PNS or PPPK numbers (input-format.md, "Values").

Separators removed are whitespace (incl. NBSP), dots and one leading apostrophe (' ` or
typographic quotes); a leading `NIP`, `NIP.` or `NIP:` (any case: decrees write "NIP.
1974...") is dropped, and what is left of "NIP. -" is an empty NIP; anything else (hyphens,
letters) makes the text invalid and stays in the key. Plausibility: birth year >= 1930 and
birth date not in the future; TMT CPNS / PPPK appointment year >= birth year + 15 and <=
current year + 1.
"""
from __future__ import annotations

import functools
import numbers
import re
from datetime import date
from typing import Any, NamedTuple

from checker.input.values import cell_text, is_missing, valid_ymd


class NipValue(NamedTuple):
    key: str | None          # digits as written (separators removed); None when empty
    status: str              # "valid" | "invalid" | "number" | "empty"
    raw_text: str


_NIP_STRIP_RE = re.compile(r"[\s.\u00a0\u200b-\u200d\u2060\ufeff]+")      # zero-width characters too
_NIP_PREFIX_RE = re.compile(r"^nip(?![a-z])\s*[.:]?\s*", re.IGNORECASE)
_NO_NIP = frozenset({"", "-", "\u2013", "\u2014"})
_APOSTROPHES = "'`\u2018\u2019"


def _nip_valid(d: str, today: date) -> bool:
    if len(d) != 18 or not d.isdigit():
        return False
    birth = valid_ymd(int(d[0:4]), int(d[4:6]), int(d[6:8]))
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
    """18-digit PNS or PPPK NIP. Text may carry spaces, dots, a leading apostrophe and a
    leading NIP prefix.
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
    prefixed = key[:1] in "nN" and _NIP_PREFIX_RE.match(key) is not None
    if prefixed:
        key = _NIP_PREFIX_RE.sub("", key, count=1)
    key = _NIP_STRIP_RE.sub("", key)
    if not key or (prefixed and key in _NO_NIP):
        return NipValue(None, "empty", t)
    status = "valid" if _valid_cached(key, today or date.today()) else "invalid"
    return NipValue(key, status, t)


@functools.lru_cache(maxsize=1 << 16)       # a unit names each person on three or four sheets
def _valid_cached(key: str, today: date) -> bool:
    return _nip_valid(key, today)


