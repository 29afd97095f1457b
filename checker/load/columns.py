"""The columns a sheet's tables may have, and how a header names them (input-format.md,
*Tables on a sheet*, *Header band*): its known names and aliases, a generic sub-header read
with its group (`Nomor` under `SK Penetapan` is `Nomor SK`), the columns that identify a
row, and on a matrix MPH the target columns (load/mph_targets.py).

Decisions where the contract is silent:
- Words of a sub-header and of a known name are compared folded (case, punctuation); `No`
  reads as `Nomor` and `Tgl` as `Tanggal` in both. A name fits when it holds every word of
  the sub-header and its other words are all among the words of the group cells above; two
  names of one field fitting are one column, names of two fields none.
- Where two columns of a header name one field, the better name (the canonical label before
  an alias, a name before a name read with its group) wins, then the leftmost.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from checker.input import contract
from checker.input.contract import ColumnSpec
from checker.input.values import fold_header, fold_words

_MISS = object()
_LONGEST = 120                    # a header cell longer than this names no column (a data cell)
_REMEMBERED = 1 << 16             # texts whose match one SheetColumns remembers
BRACKETS_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")

# Columns whose one filled cell makes a row data (input-format.md, *Body rows*).
IDENTIFYING = frozenset({"nip", "nama", contract.NAMA_NIP_FIELD, "id_pegawai", "kode_pokja", "nama_pokja",
                         "kode_target", "indikator_kinerja", "nomor_surat_tugas"})
# Columns of a person: a band row below the header row holding one of them is data.
PERSON = ("nip", "id_pegawai", "nama", contract.NAMA_NIP_FIELD)
_ABBREVIATIONS = {"no": "nomor", "tgl": "tanggal"}


def match_column(text: str, keys: dict[str, tuple[str, int]]) -> tuple[str, int] | None:
    """(field, priority) of a header text that is a known name: the name's index (0 = the
    canonical label) counts before the exactness, so "Kode Target (unik)" beats the alias
    "No"."""
    if not text:
        return None
    m = keys.get(fold_header(text))
    if m is not None:
        return m[0], 2 * m[1]
    if "(" in text or "[" in text:
        m = keys.get(fold_header(BRACKETS_RE.sub(" ", text)))
        if m is not None:
            return m[0], 2 * m[1] + 1
    return None


def pick(found: list[tuple[int, str, int]]) -> dict[str, int]:
    """field -> column from (column, field, priority) candidates: per field the best priority,
    then the leftmost; a column names one field at most."""
    best: dict[str, tuple[int, int]] = {}
    for ci, f, prio in found:
        if f not in best or (prio, ci) < best[f]:
            best[f] = (prio, ci)
    taken: set[int] = set()
    out: dict[str, int] = {}
    for f, (_prio, ci) in sorted(best.items(), key=lambda kv: kv[1]):
        if ci not in taken:
            out[f] = ci
            taken.add(ci)
    return out


def _words(text: str) -> frozenset[str]:
    return frozenset(_ABBREVIATIONS.get(w, w) for w in fold_words(text).split())


@functools.lru_cache(maxsize=64)
def _worded_names(columns: tuple[ColumnSpec, ...]) -> tuple[tuple[frozenset, str, int], ...]:
    return tuple((_words(n), c.field, i) for c in columns for i, n in enumerate(c.names))


@dataclass(frozen=True)
class SheetColumns:
    """The columns the tables of one sheet kind may have."""
    kind: str
    columns: tuple[ColumnSpec, ...]
    keys: dict                       # fold_header(name) -> (field, priority)
    _known: dict = field(default_factory=dict, compare=False, repr=False)    # text -> match_column

    @classmethod
    def of(cls, kind: str, columns: tuple[ColumnSpec, ...]) -> SheetColumns:
        """One per kind and columns (its remembered matches serve every workbook a worker reads)."""
        return _sheet_columns(cls, kind, columns)

    def name(self, parts: list[str]) -> tuple[str, int] | None:
        """(field, priority) of a column whose header cells, top to bottom, are `parts`: its
        lowest cell, or that cell read with the group cells above it."""
        if not parts:
            return None
        m = self.known(parts[-1])
        if m is not None or len(parts) == 1:
            return m
        sub = _words(BRACKETS_RE.sub(" ", parts[-1]))
        if not sub:
            return None
        group = frozenset().union(*(_words(p) for p in parts[:-1]))
        fits = {}
        for words, f, i in _worded_names(self.columns):
            if sub <= words and words - sub <= group and (f not in fits or i < fits[f]):
                fits[f] = i
        if len(fits) != 1:
            return None
        f, i = next(iter(fits.items()))
        return f, 2 * i + 20             # after every name read alone

    def known(self, text: str) -> tuple[str, int] | None:
        """match_column, remembered per text (a sheet's cells are asked about row by row)."""
        got = self._known.get(text, _MISS)
        if got is _MISS:
            if len(self._known) >= _REMEMBERED:
                self._known.clear()
            got = self._known[text] = match_column(text, self.keys) if len(text) <= _LONGEST else None
        return got

    def count_known(self, texts: list[str]) -> int:
        """How many known columns one row names by itself."""
        seen = set()
        for t in texts:
            if t:
                m = self.known(t)
                if m is not None:
                    seen.add(m[0])
        return len(seen)


@functools.lru_cache(maxsize=32)
def _sheet_columns(cls, kind: str, columns: tuple[ColumnSpec, ...]) -> SheetColumns:
    return cls(kind, columns, contract.column_name_keys(columns))
