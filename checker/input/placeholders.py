"""Placeholders and gaps: text standing where a value is still to come (input-format.md,
"Values"; decree-format.md §3.2). One definition for the workbook and the decree.

- A **placeholder** is a whole value that is one of `-`, `–`, `—`, `.`, `..`, `...`, `…`,
  `x`, `n/a`, `na`, `tbd`, `?`, `belum ada`, `belum diisi`, `akan diisi`, `menyusul`,
  `dalam proses`, folded (case and spacing), with surrounding brackets and a final dot
  ignored, or any run of those dash and dot characters (`--`, `- -`, `....`). It counts as
  empty everywhere.
- A **gap** is a run of two or more spaces or tabs, of two or more underscores or of two or
  more dots, or a `…`, left inside a value to be filled in later (`KEP-      /D.I.1/01/2025`).
  The value's own leading and trailing whitespace is not a gap.

Decision where the contracts are silent: a gap's run is of one kind of character (two
spaces, or two dots), so ". " in `No. 12` is not a gap.
"""
from __future__ import annotations

import re
from typing import Any

from checker.input.values import cell_text, fold_text

PLACEHOLDER_WORDS = frozenset({
    "-", "\u2013", "\u2014", ".", "..", "...", "\u2026", "x", "n/a", "na", "tbd", "?", "belum ada",
    "belum diisi", "akan diisi", "menyusul", "dalam proses",
})

_DASH_DOT_RUN_RE = re.compile(r"^[-\u2013\u2014.\u2026\s]+$")
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_GAP_RE = re.compile(r"[ \t\u00a0]{2,}|_{2,}|\.{2,}|\u2026")


def is_placeholder(value: Any) -> bool:
    """The whole value is a placeholder (an empty value is not: it is empty)."""
    t = fold_text(value if isinstance(value, str) else cell_text(value))
    while len(t) >= 2 and _BRACKETS.get(t[0]) == t[-1]:
        t = t[1:-1].strip()
    if not t:
        return False
    if _DASH_DOT_RUN_RE.match(t):
        return True
    if t in PLACEHOLDER_WORDS:
        return True
    return t.endswith(".") and t[:-1].rstrip() in PLACEHOLDER_WORDS


def is_blank(value: Any) -> bool:
    """Empty or a placeholder."""
    t = value if isinstance(value, str) else cell_text(value)
    return not t.strip() or is_placeholder(t)


def has_gap(value: str) -> bool:
    """A gap is left inside the value (its own surrounding whitespace ignored)."""
    return bool(_GAP_RE.search(value.strip()))
