"""Which Pokja a row of Anggota Pokja (or of a long MPH) belongs to, and Pokja identified by
their name where no sheet has a Kode Pokja (input-format.md, "Sheet Anggota Pokja").

A member row names its Pokja by its own Kode Pokja cell, else by its Nama Pokja cell, else
through the banner above it ("2. POKJA KOORDINASI ...") or its table's title, as
load/regions.py found them (`PokjaHint`); a merged Pokja cell counts for every row it covers
(grid.fill_merged). A text names a Pokja when it is the Pokja's Kode Pokja (folded as a
code) or its Nama Pokja (folded for case, spacing and punctuation, a leading "Pokja",
"Kelompok Kerja" or "Tim Kerja" ignored), else when it contains exactly one Pokja's code or
name as whole words ("Susunan Keanggotaan Pokja Moneter (PJ-01)"), a name found only inside
a longer one that also matches not counting.

Where neither Pokja nor Anggota Pokja has a Kode Pokja column and Pokja has a Nama Pokja,
the Pokja are identified by their folded name: the tables then carry that identity as their
`kode_pokja` (shown as the name as written on the Pokja sheet, located at the Nama Pokja
cells), so that every rule over Pokja codes works on names and findings name each Pokja by
its name; a missing Kode Pokja column is then no problem.

Decisions where the contract is silent:
- A row whose Pokja cannot be resolved keeps what it names, as written (its Kode Pokja cell,
  its Nama Pokja cell or the whole banner's text): a reference to an unknown Pokja (K13 on
  that row), never a silent guess. Which banners give a Pokja (and which, such as role
  sub-headings, leave it as it is) is load/regions.py's decision.
- A Kode Pokja cell that is no Pokja's code but is a Pokja's name names that Pokja.
- Anggota Pokja without a Kode Pokja column but with Nama Pokja cells, banners or titles gets
  its `kode_pokja` column located at the Nama Pokja column, else at the column of the first
  banner's or title's text.
"""
from __future__ import annotations

import re

from checker.input.values import col_letter, fold_code, fold_words
from checker.load.model import Problem, Table

_LEADING_RE = re.compile(r"^(?:pokja|kelompok kerja|tim kerja)\s+")


def pokja_key(name: str) -> str:
    """A Pokja's name as its identity: words only, a leading "Pokja" dropped."""
    words = fold_words(name or "")
    return _LEADING_RE.sub("", words) or words


class PokjaNames:
    """The Pokja sheet's Pokja as other sheets name them."""

    def __init__(self, rows: dict | None):
        self.entries: list[tuple[str, str, str, str]] = []      # (identity, shown, code words, name key)
        self.identities: set[str] = set()
        if not rows:
            return
        names = rows.get("nama_pokja__raw") or []
        ids = rows.get("kode_pokja") or [pokja_key(t or "") or None for t in names]
        shown = rows.get("kode_pokja__raw") or (names if "kode_pokja" not in rows else [""] * len(ids))
        names = names or [""] * len(ids)
        for ident, raw, name in zip(ids, shown, names):
            if ident:
                code_words = fold_words(raw or "") if "kode_pokja" in rows else ""
                self.entries.append((ident, raw or ident, code_words, pokja_key(name or "")))
        self.identities = {e[0] for e in self.entries}

    def resolve(self, text: str) -> tuple[str, str] | None:
        """(identity, shown) of the one Pokja `text` names, or None: its code or name, else the
        one Pokja whose code or name it contains as whole words (a name found only inside a
        longer one that also matches does not count)."""
        if not text or not self.entries:
            return None
        code, key, words = fold_code(text), pokja_key(text), " " + fold_words(text) + " "
        for test in (lambda e: e[0] == code, lambda e: bool(e[3]) and e[3] == key):
            hits = {e[0]: e[1] for e in self.entries if test(e)}
            if len(hits) == 1:
                return next(iter(hits.items()))
            if hits:
                return None
        found = {}
        for e in self.entries:
            for phrase in (e[2], e[3]):
                if phrase and f" {phrase} " in words:
                    found.setdefault(e[0], (e[1], set()))[1].add(phrase)
        if len(found) > 1:                 # drop a Pokja whose every phrase lies inside another's
            phrases = {p for _s, ps in found.values() for p in ps}
            found = {i: v for i, v in found.items()
                     if any(not any(p != q and f" {p} " in f" {q} " for q in phrases) for p in v[1])}
        if len(found) == 1:
            ident, (shown, _p) = next(iter(found.items()))
            return ident, shown
        return None

    def names(self, text: str) -> bool:
        """`text` (a banner's or a title's) names one of the Pokja."""
        return self.resolve(text) is not None


def settle(tables: dict[str, Table], problems: list[Problem], hints: list) -> list[Problem]:
    """Give Pokja their identity and every member row its Pokja (tables in place; rows still
    dicts of lists); `hints` are the member rows' banners or titles (load/regions.PokjaHint or
    None). The problems without the Kode Pokja columns this makes needless."""
    pokja, anggota = tables.get("pokja"), tables.get("anggota")
    if pokja is not None and _by_name(pokja, anggota):
        _identify_by_name(pokja)
        problems = _without(problems, pokja.sheet)
    names = PokjaNames(pokja.rows if pokja is not None else None)
    if anggota is not None and _assign_members(anggota, names, hints):
        problems = _without(problems, anggota.sheet)
    mph = tables.get("mph")
    if mph is not None and "kode_pokja" in mph.columns:
        _resolve_names(mph.rows, names)
    return problems


def _by_name(pokja: Table, anggota: Table | None) -> bool:
    return ("kode_pokja" not in pokja.columns and "nama_pokja" in pokja.columns
            and (anggota is None or "kode_pokja" not in anggota.columns))


def _identify_by_name(pokja: Table) -> None:
    rows = pokja.rows
    names = rows["nama_pokja__raw"]
    rows["kode_pokja"] = [pokja_key(t) or None for t in names]
    rows["kode_pokja__raw"] = list(names)
    pokja.columns["kode_pokja"] = pokja.columns["nama_pokja"]


def _without(problems: list[Problem], sheet: str) -> list[Problem]:
    return [p for p in problems if not (p.code == "column_missing" and p.field == "kode_pokja" and p.sheet == sheet)]


def _assign_members(anggota: Table, names: PokjaNames, hints: list) -> bool:
    """Each member row's Pokja; True when Anggota Pokja lacked a Kode Pokja column and got one."""
    rows = anggota.rows
    n = len(rows["_row"])
    had = "kode_pokja" in anggota.columns
    own = rows.get("kode_pokja") or [None] * n
    own_raw = rows.get("kode_pokja__raw") or [""] * n
    named = rows.get("nama_pokja__raw") or [""] * n
    above = hints if len(hints) == n else [None] * n
    ids, shown = [], []
    for i in range(n):
        if own[i]:
            got = _own_code(own[i], own_raw[i], names)
        elif named[i]:
            got = names.resolve(named[i]) or (pokja_key(named[i]), named[i])
        elif above[i] is not None:
            got = names.resolve(above[i].title) or (fold_code(above[i].text), above[i].text)
        else:
            got = (None, own_raw[i])
        ids.append(got[0])
        shown.append(got[1])
    if not had and not any(ids):
        return False
    rows["kode_pokja"], rows["kode_pokja__raw"] = ids, shown
    if not had:
        first = next((h for h in above if h is not None), None)
        letter = anggota.columns.get("nama_pokja") or (col_letter(first.col) if first is not None else None)
        if letter is None:
            return False
        anggota.columns["kode_pokja"] = letter
    return not had


def _own_code(ident: str, raw: str, names: PokjaNames) -> tuple[str, str]:
    if not names.entries or ident in names.identities:
        return ident, raw
    return names.resolve(raw) or (ident, raw)


def _resolve_names(rows: dict, names: PokjaNames) -> None:
    """A long MPH's Kode Pokja cells naming a Pokja by its name."""
    ids, raws = rows.get("kode_pokja") or [], rows.get("kode_pokja__raw") or []
    for i, (ident, raw) in enumerate(zip(ids, raws)):
        if ident and names.entries and ident not in names.identities:
            got = names.resolve(raw)
            if got is not None:
                ids[i], raws[i] = got
