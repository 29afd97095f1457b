"""The unit's performance owners (Lampiran II.D.4.a: the JPT Pratama, or its Plt, and the JPT
Madya) and how a row names one of them: by NIP, or, on a Pengarah row without NIP, by name or
by the position written in its `Nama` or `Nama Jabatan` (rules.md v3, *One cause*;
input-format.md v3, *Sheet Anggota Pokja*).

- By name: the row's name folded as people's names are (titles removed) is the Unit sheet's
  `Nama JPT Pratama`, the name on Pegawai of `NIP Plt JPT Pratama`, or `Nama JPT Madya`.
- By position (text folded for case, spacing and punctuation, compared as whole words): a
  text containing the unit's `Nama Unit` (`Asisten Deputi ...`, `Plt. Kepala Biro ...`) names
  the JPT Pratama; one containing the `Unit JPT Madya`, or the word `Deputi` not as part of
  `Asisten Deputi`, names the JPT Madya.

Decisions where the contract is silent: a name is tried before a position, and the JPT
Pratama's post before the JPT Madya's (a `Nama Unit` such as `Asisten Deputi X` contains
`Deputi` only as part of `Asisten Deputi`); a `Unit JPT Madya` written `Kedeputian ...` also
matches its head's title `Deputi ...` through the word `Deputi`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.input.person_names import fold_name

PRATAMA, MADYA = "jpt_pratama", "jpt_madya"
_NOT_WORD_RE = re.compile(r"[\W_]+")
_DEPUTI_RE = re.compile(r"(?<!\basisten )\bdeputi\b")


def words(value) -> str:
    """Text folded for case, punctuation and spacing, padded with spaces for whole-word search."""
    folded = " ".join(_NOT_WORD_RE.sub(" ", str(value or "").casefold()).split())
    return f" {folded} " if folded else ""


@dataclass(frozen=True)
class Owners:
    pratama_nips: frozenset         # NIP JPT Pratama and NIP Plt JPT Pratama
    madya_nips: frozenset           # NIP JPT Madya
    pratama_names: frozenset        # folded names of the JPT Pratama and of its Plt
    madya_names: frozenset
    unit_post: str                  # words(Nama Unit)
    madya_post: str                 # words(Unit JPT Madya)

    def nips(self, role: str) -> frozenset:
        return self.pratama_nips if role == PRATAMA else self.madya_nips

    def by_nip(self, nip: str) -> str:
        """The owner role a NIP names, or ""."""
        if nip and nip in self.pratama_nips:
            return PRATAMA
        return MADYA if nip and nip in self.madya_nips else ""

    def by_name_or_position(self, nama: str, jabatan: str) -> str:
        """The owner role a Pengarah row without NIP names by its name or position, or ""."""
        name = fold_name(nama or "")
        if name and name in self.pratama_names:
            return PRATAMA
        if name and name in self.madya_names:
            return MADYA
        texts = [w for w in (words(nama), words(jabatan)) if w]
        if self.unit_post and any(self.unit_post in w for w in texts):
            return PRATAMA
        if any((self.madya_post and self.madya_post in w) or _DEPUTI_RE.search(w) for w in texts):
            return MADYA
        return ""


def owners_of(head_nips, madya_nip, names_pratama, names_madya, nama_unit, unit_madya) -> Owners:
    return Owners(frozenset(n for n in head_nips if n), frozenset({madya_nip} if madya_nip else ()),
                  frozenset(fold_name(n) for n in names_pratama if n and fold_name(n)),
                  frozenset(fold_name(n) for n in names_madya if n and fold_name(n)),
                  words(nama_unit), words(unit_madya))
