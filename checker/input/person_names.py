"""Names of people as units write them (input-format.md, "Values": Names, `Nama/NIP` in one
cell): the one folding by which two spellings of a name are the same person, and the split
of a `Nama/NIP` cell.

`fold_name("Dr. Ratna Dewi, S.E., M.Si.") == fold_name("RATNA DEWI") == "ratna dewi"`:
everything after the first comma goes (the academic titles behind a name), then the title
words in front (Dr., dr., Drs., Dra., Ir., Prof., H., Hj., KH., Ns., drg., drh., apt., with
or without the dot, in any case and any number), then case, punctuation and whitespace are
folded. An initial ("A." in "A. Yudi Wicaksono") is part of the name.

Decisions where the contract is silent:
- A name that is nothing but titles ("Dr.") keeps them: its folding is never empty when the
  text has letters.
- `Nama/NIP`: the NIP is the last part of the cell after a line break, "/" or ","; it is
  that part when it starts with a `NIP` prefix or is made of digits, spaces and dots (at
  least eight digits); a part "NIP. -" or "NIP:" alone is an empty NIP. Otherwise the whole
  cell is the name and the NIP is empty.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

TITLE_WORDS = ("dr", "drs", "dra", "ir", "prof", "h", "hj", "kh", "ns", "drg", "drh", "apt")

_LEADING_TITLE_RE = re.compile(r"^(?:(?:" + "|".join(TITLE_WORDS) + r")(?:\.\s*|\s+))+", re.IGNORECASE)
_NOT_WORD_RE = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=1 << 15)       # a unit names each person on three or four sheets
def fold_name(name: str) -> str:
    """The comparison key of a person's name: titles removed, case, punctuation and
    whitespace folded ("" for an empty name)."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKC", name).replace("\xa0", " ").strip()
    bare = text.split(",", 1)[0].strip()
    bare = _LEADING_TITLE_RE.sub("", bare)
    key = _words(bare)
    return key or _words(text)


def _words(text: str) -> str:
    return " ".join(_NOT_WORD_RE.sub(" ", text.casefold()).split())


class NamaNip(NamedTuple):
    nama: str              # the name as written ("" when the cell is empty)
    nip: str               # the NIP part as written, prefix included ("" when there is none)


_NIP_PREFIX_RE = re.compile(r"^nip\s*[.:]?", re.IGNORECASE)
_NIP_DIGITS_RE = re.compile(r"^[\d\s.\u00a0']+$")
_SEPARATORS_RE = re.compile(r"[\r\n/,]")


def split_nama_nip(text: str) -> NamaNip:
    """A `Nama/NIP` cell as (name, NIP part): "Dr. Ratna Dewi, S.E.\\nNIP. 19740101 200003 2 001"
    -> ("Dr. Ratna Dewi, S.E.", "NIP. 19740101 200003 2 001")."""
    text = text.strip()
    if not text:
        return NamaNip("", "")
    cuts = [m.start() for m in _SEPARATORS_RE.finditer(text)]
    for cut in reversed(cuts):
        tail = text[cut + 1:].strip()
        if _is_nip_part(tail):
            return NamaNip(text[:cut].strip().rstrip("/,").strip(), tail)
        if tail:
            break
    m = re.search(r"\s(NIP\b.*)$", text, re.IGNORECASE)     # "Ratna Dewi NIP. 1974..." on one line
    if m and _is_nip_part(m.group(1)):
        return NamaNip(text[:m.start()].strip().rstrip("/,").strip(), m.group(1).strip())
    return NamaNip(text, "")


def _is_nip_part(part: str) -> bool:
    if _NIP_PREFIX_RE.match(part):
        return True
    return bool(_NIP_DIGITS_RE.match(part)) and sum(ch.isdigit() for ch in part) >= 8
