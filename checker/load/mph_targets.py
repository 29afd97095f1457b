"""Which PK target a matrix MPH column header names (input-format.md, "Sheet MPH"): a code-like
first word names that code; otherwise the header is compared with the targets' Indikator
Kinerja (or Sasaran), folded for case, whitespace and punctuation: the target whose text
equals it, or, failing that, whose text begins with the header or which the header begins
with, when the shorter of the two has at least 20 characters.

Decisions where the contract is silent:
- Order: an indicator equal to the header comes first (an indicator may itself begin with a
  number: "3 dokumen ..."), then the code-like first word, then the indicator prefixes.
  Within each step indicators come before Sasaran: a header equal to one target's indicator
  and another target's Sasaran names the first.
- Lengths are counted on the folded text (words joined by one space).
- A header that names several targets is no target of the PK, but it is still a column of
  roles: its entries load under the header text as their code, so that the column is
  reported once (M01, at the header cell) instead of every employee in it losing a role.
"""
from __future__ import annotations

from dataclasses import dataclass

from checker.input.values import fold_words, header_code

MIN_PREFIX = 20


@dataclass(frozen=True)
class Named:
    code: str                # folded code ("pk-01"), or the header text when ambiguous
    raw: str                 # the code as written on the PK sheet or in the header
    matches: tuple = ()      # the codes (as written) of an ambiguous header


class TargetNames:
    """The PK's targets as a matrix header may name them."""

    def __init__(self, pk_rows: dict | None):
        self.texts: list[list[tuple[str, str, str]]] = [[], []]     # [indicators, sasaran]: (folded, code, raw)
        if not pk_rows:
            return
        codes = pk_rows.get("kode_target") or []
        raws = pk_rows.get("kode_target__raw") or [None] * len(codes)
        for tier, fld in enumerate(("indikator_kinerja", "sasaran")):
            for code, raw, text in zip(codes, raws, pk_rows.get(fld + "__raw") or [None] * len(codes)):
                folded = fold_words(text or "")
                if code and folded:
                    self.texts[tier].append((folded, code, raw or code))

    def name(self, header: str) -> Named | None:
        """The target `header` names (None for no target: "Keterangan")."""
        if not header:
            return None
        key = fold_words(header)
        got = self._find(lambda t: t == key)
        if got is None:
            hc = header_code(header)
            if hc is not None:
                return Named(hc[1], hc[0])
        if got is None and len(key) >= MIN_PREFIX:
            got = self._find(lambda t: _prefixed(t, key))
        if got is None:
            return None
        if len(got) == 1:
            code, raw = next(iter(got.items()))
            return Named(code, raw)
        return Named(header, header, tuple(got.values()))

    def _find(self, test) -> dict | None:
        """{code: raw} of the first tier with a text passing `test`, or None."""
        for texts in self.texts:
            got = {code: raw for folded, code, raw in texts if test(folded)}
            if got:
                return got
        return None


def _prefixed(text: str, header: str) -> bool:
    shorter, longer = (text, header) if len(text) <= len(header) else (header, text)
    return len(shorter) >= MIN_PREFIX and longer.startswith(shorter)
