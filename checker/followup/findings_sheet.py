"""An earlier findings workbook read back: the rows of its Temuan/Findings sheet, by column
name in either language (what --waivers and --compare read).

    read_findings_sheet(path, error, shown=None) -> (rows, columns)

`rows` are dicts keyed by the canonical names below (plus `_row`, the Excel row); `columns` the
canonical names the sheet has. `error(key, **params)` builds the caller's UserError:
"unreadable" (not a workbook), "not_read" (a workbook the reader refuses, `why`: the
LoadError saying why: a used range beyond the limits, a zip bomb, a file too large),
"no_sheet" (no sheet with a Sidik jari / Fingerprint column).

It is read as every input is (load/safety.py, load/reader.py: the file's size, the zip's
limits and every sheet's used range checked before the reader runs), and the command line
reads it in a reader worker under --max-memory and --timeout (`Earlier`, the tasks of
compare.py and waivers.py): a stray cell at XFD1048576 is a message, never an abort.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from checker.input.values import cell_text
from checker.terms import LANGS
from checker.texts import UserError, t

# Earlier findings (or waiver rows) one run takes over: far above a ministry's run (21 units,
# a few thousand findings), low enough that what a worker sends back stays small here.
MAX_EARLIER_FINDINGS = 200_000


@dataclass(frozen=True)
class Earlier:
    """What a reader worker answers for --compare or --waivers: what was read, or why not."""
    value: object = None
    error: UserError | None = None


def rebuild(cls, key: str, params: dict):
    """A follow-up error sent back from a reader worker (it pickles by its key and params)."""
    return cls(key, **params)

_HEADER_SCAN = 5
# canonical name -> its position in xlsx.finding_cols
_FINDING_FIELDS = ("no", "unit", "unit_name", "rule", "rule_title", "label", "basis", "message", "pokja", "nip",
                   "name", "target", "file", "sheet", "row", "column", "found", "hint")
WAIVER_FIELDS = ("response", "reason", "approved_by", "valid_until")


def fold(s) -> str:
    return re.sub(r"[\s_\-]+", " ", cell_text(s)).strip().casefold()


def _headers() -> dict[str, set]:
    out: dict[str, set] = {}
    for lang in LANGS:
        for name, label in zip(_FINDING_FIELDS, t("xlsx.finding_cols", lang)):
            out.setdefault(name, set()).add(fold(label))
        for name, label in zip(WAIVER_FIELDS, t("waivers.columns", lang)):
            out.setdefault(name, set()).add(fold(label))
        out.setdefault("fingerprint", set()).add(fold(t("waivers.fingerprint_column", lang)))
        out.setdefault("waiver_status", set()).add(fold(t("waivers.status_column", lang)))
    return out


HEADERS = _headers()


def header_map(row) -> dict[str, int]:
    out: dict[str, int] = {}
    for ci, v in enumerate(row):
        k = fold(v)
        for name, keys in HEADERS.items():
            if k in keys and name not in out:
                out[name] = ci
    return out


def is_zip(path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def read_findings_sheet(path, error, shown: str | None = None):
    """(rows, columns) of the findings sheet (module doc); raises error("unreadable"),
    error("not_read", why=LoadError) or error("no_sheet"). `shown`: the name the texts give
    the file (its path by default)."""
    from checker.load.errors import LoadError
    from checker.load.reader import guard_reader, open_workbook, read_bytes
    from checker.load.safety import safety_check

    p = os.fspath(path)
    name = shown or p
    if not is_zip(p):
        raise error("unreadable")
    try:
        data = read_bytes(p)
        safety_check(name, data)          # format, zip limits, DOCTYPE, every sheet's used range
        wb, metas = open_workbook(name, data)
        del data
        names = [sheet for sheet, _hidden in metas]
        preferred = {fold(t("waivers.findings_sheet", lang)) for lang in LANGS}
        order = [n for n in names if fold(n) in preferred] + [n for n in names if fold(n) not in preferred]
        for sheet in order:
            rows = guard_reader(name, lambda s=sheet: wb.get_sheet_by_name(s).to_python(skip_empty_area=False))
            for hr, row in enumerate(rows[:_HEADER_SCAN]):
                cols = header_map(row)
                if "fingerprint" in cols:
                    return _rows(rows, hr, cols), set(cols)
            del rows
    except LoadError as e:
        if e.path == p:
            e.path = name
        raise error("not_read", why=e) from None
    raise error("no_sheet")


def _rows(data, hr: int, cols: dict) -> list[dict]:
    """Every row below the header that has a fingerprint (the others say nothing to a follow-up)."""
    out = []
    at = cols["fingerprint"]
    for r in range(hr + 1, len(data)):
        row = data[r]
        if at >= len(row) or not cell_text(row[at]):
            continue
        item = {name: (row[ci] if ci < len(row) else None) for name, ci in cols.items()}
        item["_row"] = r + 1
        out.append(item)
    return out
