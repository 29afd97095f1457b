"""Merged ranges read from a worksheet's XML (`<mergeCell ref="A5:A7"/>`), for a reader that
does not report them (python-calamine before 0.3 has no `merged_cell_ranges`). The part was
already checked by safety.inspect (sizes, no DOCTYPE), so a byte scan is enough: no XML
parser, no entity expansion."""
from __future__ import annotations

import re

# A sheet with more merged ranges than this is not a form anyone filled by hand: the rest are
# ignored (merges are a reading aid, never a reason to refuse a file).
MAX_RANGES = 100_000

_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*"'
                       rb'([A-Za-z]{1,3})(\d{1,7})(?::([A-Za-z]{1,3})(\d{1,7}))?"')


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ch - 64
    return n - 1


def merged_ranges(xml: bytes) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """[((row0, col0), (row1, col1))], 0-based, as python-calamine reports them."""
    out = []
    for m in _MERGE_RE.finditer(xml):
        c0, r0 = _col(m.group(1)), int(m.group(2)) - 1
        c1, r1 = (_col(m.group(3)), int(m.group(4)) - 1) if m.group(3) else (c0, r0)
        out.append(((min(r0, r1), min(c0, c1)), (max(r0, r1), max(c0, c1))))
        if len(out) >= MAX_RANGES:
            break
    return out
