"""An earlier findings workbook read back: the rows of its Temuan/Findings sheet, by column
name in either language (what --waivers and --compare read).

    read_findings_sheet(path, error) -> (rows, columns)

`rows` are dicts keyed by the canonical names below (plus `_row`, the Excel row); `columns` the
canonical names the sheet has. `error(key)` builds the caller's UserError: "unreadable" (not a
workbook), "no_sheet" (no sheet with a Sidik jari / Fingerprint column)."""
from __future__ import annotations

import os
import re

from checker.input.values import cell_text
from checker.terms import LANGS
from checker.texts import t

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


def read_findings_sheet(path, error):
    """(rows, columns) of the findings sheet; raises error("unreadable") or error("no_sheet")."""
    import python_calamine as pc

    p = os.fspath(path)
    if not is_zip(p):
        raise error("unreadable")
    try:
        wb = pc.load_workbook(p)
        names = list(wb.sheet_names)
    except Exception:  # noqa: BLE001 - any reader failure is "not a workbook we can read"
        raise error("unreadable") from None
    preferred = {fold(t("waivers.findings_sheet", lang)) for lang in LANGS}
    order = [n for n in names if fold(n) in preferred] + [n for n in names if fold(n) not in preferred]
    for name in order:
        try:
            data = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception:  # noqa: BLE001
            raise error("unreadable") from None
        for hr, row in enumerate(data[:_HEADER_SCAN]):
            cols = header_map(row)
            if "fingerprint" in cols:
                return _rows(data, hr, cols), set(cols)
    raise error("no_sheet")


def _rows(data, hr: int, cols: dict) -> list[dict]:
    out = []
    for r in range(hr + 1, len(data)):
        row = data[r]
        item = {name: (row[ci] if ci < len(row) else None) for name, ci in cols.items()}
        item["_row"] = r + 1
        out.append(item)
    return out
