"""Dates as units write them (input-format.md, "Values"): Excel dates, ISO, day-first
numeric forms and the Indonesian long form, with an optional place, the decree's own wording
("pada tanggal", "tanggal:", "tgl.") and a day name before.

A number in a date cell (an Excel serial shown as a number, e.g. 45667) is NOT a date: the
user sees a number, so it is "invalid" (D04). A datetime with a time part gives its date.
ISO text may carry a time suffix ("2025-01-10 00:00:00", what a date pasted as text often
looks like).

A cell whose stored value is NaN (`<v>NaN</v>`, which no spreadsheet writes but a generator
may) is "invalid" too, shown as "NaN": the reader gives it as the float NaN, or, in a cell with
a date format, as 1899-12-30 (NaN days after Excel's epoch), a day before any date Excel can
hold (its first is 1900-01-01; serial 0 comes as a time of day). Read as a date it would
give false findings on the order of the steps instead of D04.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, NamedTuple

from checker.input.values import cell_text, is_missing, valid_ymd

_WS_RE = re.compile(r"\s+")
_NAN_DAY = datetime(1899, 12, 30)                   # what the reader makes of NaN in a date cell


class DateValue(NamedTuple):
    value: date | None
    status: str              # "ok" | "empty" | "invalid"
    raw_text: str


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
# the decree's wording before a date: "pada tanggal", "tanggal:", "tgl."
_WORDING_RE = r"(?:(?:pada\s+)?(?:tanggal|tgl)\b\.?\s*:?\s*)"
# optional "Place," then the optional wording, then optional "Dayname," / "Dayname "
_PREFIX_RE = re.compile(
    r"^(?:[^\W\d_][\w .'\u2019()-]*?\s*,\s*)?" + _WORDING_RE + r"?(?:" + _DAY_RE
    + r"\s*,?\s+)?(?P<rest>\d.*)$",
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
        return valid_ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DMY_RE.match(s)
    if m:       # day first, always
        return valid_ymd(int(m.group(4)), int(m.group(3)), int(m.group(1)))
    m = _LONG_RE.match(s)
    if m:
        month = MONTHS.get(m.group(2).casefold())
        if month is None:
            return None
        return valid_ymd(int(m.group(3)), month, int(m.group(1)))
    return None


# Excel's first date (serial 1 in the 1900 system): a date before it is no cell's date
EXCEL_FIRST_DATE = date(1900, 1, 1)
NAN_TEXT = "NaN"


def parse_date(raw: Any) -> DateValue:
    if isinstance(raw, float) and raw != raw:
        return DateValue(None, "invalid", NAN_TEXT)      # stored NaN, not an empty cell
    if is_missing(raw):
        return DateValue(None, "empty", "")
    t = cell_text(raw)
    if isinstance(raw, date) and (raw.date() if isinstance(raw, datetime) else raw) < EXCEL_FIRST_DATE:
        return DateValue(None, "invalid", NAN_TEXT if raw == _NAN_DAY else t)
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


