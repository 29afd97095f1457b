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
`Deputi` only as part of `Asisten Deputi`); a unit named by its organisation is also named by
its head's title (`Kedeputian ...` by `Deputi ...`, `Sekretariat ...` by `Sekretaris ...`,
`Inspektorat ...` by `Inspektur ...`; `Biro ...` is contained in `Kepala Biro ...`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.input.person_names import fold_name

PRATAMA, MADYA = "jpt_pratama", "jpt_madya"
_NOT_WORD_RE = re.compile(r"[\W_]+")
_DEPUTI_RE = re.compile(r"(?<!\basisten )\bdeputi\b")


# A unit named by its organisation, and the title of its head.
_HEAD_TITLES = (("kedeputian", "deputi"), ("sekretariat", "sekretaris"), ("inspektorat", "inspektur"))


def words(value) -> str:
    """Text folded for case, punctuation and spacing, padded with spaces for whole-word search."""
    folded = " ".join(_NOT_WORD_RE.sub(" ", str(value or "").casefold()).split())
    return f" {folded} " if folded else ""


def posts(unit_name) -> tuple:
    """The unit's name and its head's title, as `words`: `Sekretariat X` and `Sekretaris X`."""
    name = words(unit_name)
    if not name:
        return ()
    out = [name]
    for organisation, head in _HEAD_TITLES:
        if name.startswith(f" {organisation} "):
            out.append(f" {head} " + name[len(organisation) + 2:])
    return tuple(out)


@dataclass(frozen=True)
class Owners:
    pratama_nips: frozenset         # NIP JPT Pratama and NIP Plt JPT Pratama
    madya_nips: frozenset           # NIP JPT Madya
    pratama_names: frozenset        # folded names of the JPT Pratama and of its Plt
    madya_names: frozenset
    unit_posts: tuple               # posts(Nama Unit)
    madya_posts: tuple              # posts(Unit JPT Madya)

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
        if any(post in w for post in self.unit_posts for w in texts):
            return PRATAMA
        if any(post in w for post in self.madya_posts for w in texts) or any(_DEPUTI_RE.search(w) for w in texts):
            return MADYA
        return ""


def owners_of(head_nips, madya_nip, names_pratama, names_madya, nama_unit, unit_madya) -> Owners:
    return Owners(frozenset(n for n in head_nips if n), frozenset({madya_nip} if madya_nip else ()),
                  frozenset(fold_name(n) for n in names_pratama if n and fold_name(n)),
                  frozenset(fold_name(n) for n in names_madya if n and fold_name(n)),
                  posts(nama_unit), posts(unit_madya))
