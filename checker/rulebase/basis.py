"""A rule's legal basis: the citation (``basis``) read as the points of the regulation it
names, and the verbatim quote (``legal_text``) cut into its passages. Pure text; rules.md
gives the citation style."""
from __future__ import annotations

import re

from checker.terms import is_data_basis

REGULATION = "Peraturan Menteri Koordinator Bidang Perekonomian Nomor 1 Tahun 2025"
LEGAL_TEXT_GAP = " … "          # separates the non-adjacent passages of a rule's legal_text

_NOTE_RE = re.compile(r"\s*\((?!\d)[^()]{3,}\)\s*$")        # "(tabel Pengajuan Sukarela)"
_RANGE_RE = re.compile(r"^(.*\.)([a-z])[–-]([a-z])$")       # "II.B.3.b–c"
_NUMBERED_RANGE_RE = re.compile(r"^(.*\.)(\d+)\)[–-](\d+)\)$")  # "II.D.4.c.1)–2)"
_PASAL_RE = re.compile(r"^(Pasal \d+)\b\s*(.*)$")
_HURUF_RE = re.compile(r"^((?:Lampiran )?II\.[A-E](?:\.[0-9a-z]+\)?)*) huruf ([a-z])$")   # "II.D.4 huruf b"


def basis_points(basis: str) -> list[str]:
    """The points of the regulation a rule's ``basis`` names, in the citation style of rules.md.

    ``"Pasal 2 ayat (2), ayat (6) huruf a; Lampiran II.D.3.a"`` gives ``["Pasal 2 ayat (2)",
    "Pasal 2 ayat (6) huruf a", "Lampiran II.D.3.a"]``; ``"II.x"`` after a ``;`` is the Lampiran,
    ``"b–c"`` a range of letters, ``"1)–2)"`` one of numbered points, ``"II.D.4 huruf b"`` is
    ``"II.D.4.b"``, a trailing note in parentheses is dropped; ``"data"`` names none.
    """
    if is_data_basis(basis):
        return []
    out: list[str] = []
    pasal = None
    for segment in basis.split(";"):
        segment = _NOTE_RE.sub("", segment.strip())
        for part in (p.strip() for p in segment.split(", ")):
            if not part:
                continue
            m = _PASAL_RE.match(part)
            if m:
                pasal = m.group(1)
            elif part.startswith("ayat") and pasal:
                part = f"{pasal} {part}"
            elif part.startswith("II."):
                part = "Lampiran " + part
            part = _HURUF_RE.sub(r"\1.\2", part)
            m = _RANGE_RE.match(part)
            n = _NUMBERED_RANGE_RE.match(part)
            if m:
                out.extend(f"{m.group(1)}{chr(c)}" for c in range(ord(m.group(2)), ord(m.group(3)) + 1))
            elif n:
                out.extend(f"{n.group(1)}{i})" for i in range(int(n.group(2)), int(n.group(3)) + 1))
            else:
                out.append(part)
    return list(dict.fromkeys(out))


def legal_passages(rule) -> list[str]:
    """The passages of a rule's ``legal_text``, each verbatim in the regulation."""
    return [p.strip() for p in rule.legal_text.split(LEGAL_TEXT_GAP) if p.strip()]
