"""Which sheet of a workbook is which kind (input-format.md, *Finding the sheets*), in three
steps, each looking only for the kinds the earlier steps did not find, among the sheets they
did not claim:

1. the name (folded: case, spaces, underscores, hyphens, dots, brackets; whole or its first
   31 characters) is one of the kind's names or aliases;
2. it is one once a year (`19xx`/`20xx`, with `Tahun`, `Th.` or `TA` before it or not), a
   leading `Lampiran` or `Lamp.` with its number and Roman numerals standing alone are
   removed (`PK 2026`, `Lampiran II Pegawai`, `Pokja (TA 2025)`);
3. by its columns (`by_columns`, given the sheets' cells): its header holds every column the
   kind requires at the `rancangan` stage.

Two sheets for one kind in one step: the one whose removed year is the unit's Tahun Kinerja
is taken; otherwise one D05 names both and the kind counts as missing. A sheet fitting two
kinds equally by its columns: one D05 naming both kinds.

Decisions where the contract is silent:
- A hidden sheet is a candidate only when no visible sheet is one in the same step (a hidden
  copy beside the visible sheet is the office's old copy; v2 read the visible one too).
- A year is removed wherever it stands in the name (`MPH 2025`, `2025 MPH`, `MPH_TA2025`);
  of two years the last counts.
- Step 3 reads a sheet only within the row and cell bounds of the kinds it looks for; a
  sheet beyond them is no candidate (it is not refused: it may be a reference list).
- By columns, `Nama/NIP` stands for `NIP`, `Nama Pokja` for `Kode Pokja`, and a member list
  needs no Pokja column; an MPH needs a person column and a target column (a `Kode Target`
  column, a code-like header or a PK target's indicator); the Unit sheet needs `Kode Unit`
  and `Nama Unit` in a header row or as form labels. A sheet's score for a kind is the count
  of that kind's known columns it holds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.input import contract
from checker.input.values import fold_header
from checker.load.columns import SheetColumns, match_column
from checker.load.grid import Grid
from checker.load.header import find_header, read_band
from checker.load.model import Problem
from checker.load.mph_targets import TargetNames

_YEAR_RE = re.compile(r"(?i)(?:\b(?:tahun|th|ta)\.?\s*)?(?<!\d)((?:19|20)\d{2})(?!\d)")
_LAMPIRAN_RE = re.compile(r"(?i)^\W*(?:lampiran|lamp\b\.?)\s*(?:(?:[ivxlcdm]+|\d+)(?:\.?[a-z])?(?![a-z0-9]))?")
_ROMAN_RE = re.compile(r"(?i)(?<![\w])[ivxlcdm]+(?![\w])")


@dataclass(frozen=True)
class Candidate:
    name: str
    hidden: bool
    year: int | None = None              # the year removed from its name (step 2)


def stripped(name: str) -> tuple[str, int | None]:
    """The name without its year, `Lampiran` label and lone Roman numerals; the year."""
    years = [int(m.group(1)) for m in _YEAR_RE.finditer(name)]
    t = _YEAR_RE.sub(" ", name.replace("_", " "))
    t = _LAMPIRAN_RE.sub(" ", t)
    t = _ROMAN_RE.sub(" ", t)
    return t, (years[-1] if years else None)


def _keys(spec) -> frozenset[str]:
    return contract.sheet_name_keys(spec)


def _named(name: str, keys) -> bool:
    return fold_header(name) in keys or fold_header(name[:31]) in keys


def by_name(metas: list[tuple[str, bool]]) -> dict[str, list[Candidate]]:
    """Steps 1 and 2: kind -> its candidates in the first step that has any (visible ones
    only when there are)."""
    found: dict[str, list[Candidate]] = {}
    claimed: set[str] = set()
    for step in (1, 2):
        for spec in contract.SHEETS:
            if spec.kind in found:
                continue
            keys = _keys(spec)
            cands = []
            for name, hidden in metas:
                if name in claimed:
                    continue
                if step == 1 and _named(name, keys):
                    cands.append(Candidate(name, hidden))
                elif step == 2:
                    bare, year = stripped(name)
                    if fold_header(bare) and _named(bare.strip(), keys):
                        cands.append(Candidate(name, hidden, year))
            if cands:
                found[spec.kind] = [c for c in cands if not c.hidden] or cands
        for cands in found.values():
            claimed.update(c.name for c in cands)
    return found


def settle(kind: str, cands: list[Candidate], year: int | None) -> tuple[Candidate | None, list[Problem]]:
    """The one sheet of `kind` among its candidates of one step, or a D05 naming them."""
    if len(cands) == 1:
        return cands[0], []
    if year is not None:
        hits = [c for c in cands if c.year == year]
        if len(hits) == 1:
            return hits[0], []
    spec = contract.SHEETS_BY_KIND[kind]
    return None, [Problem("sheet_ambiguous", spec.label, None, None, None, "rancangan",
                          ", ".join(f"\u201c{c.name}\u201d" for c in cands))]


# ------------------------------------------------------------------------ step 3: by columns

def _required(kind: str) -> list[tuple[str, ...]]:
    """The columns (each a set of alternatives) a sheet of `kind` must hold to be that kind."""
    spec = contract.SHEETS_BY_KIND[kind]
    if kind == "unit":
        return [("kode_unit",), ("nama_unit",)]
    if kind == "mph":
        return [("nip", "nama", "id_pegawai", contract.NAMA_NIP_FIELD)]      # and a target column
    out = []
    for c in spec.columns:
        if contract.missing_column_stage(c) != "rancangan":
            continue
        if c.field == "kode_pokja":
            if kind == "anggota":
                continue
            out.append(("kode_pokja", "nama_pokja"))
        elif c.field == "nip":
            out.append(("nip", contract.NAMA_NIP_FIELD))
        else:
            out.append((c.field,))
    return out


def score(grid: Grid, kind: str, pk_rows: dict | None = None) -> int:
    """How many known columns of `kind` the sheet's header holds when it holds every column
    the kind requires (0 when it does not)."""
    if grid.nrows == 0:
        return 0
    spec = contract.SHEETS_BY_KIND[kind]
    cols = SheetColumns.of(kind, contract.read_columns(kind, spec.columns))
    targets = TargetNames(pk_rows) if kind == "mph" else None
    band = read_band(grid, cols, find_header(grid, cols), 0, targets)
    found = set(band.colmap)
    if kind == "unit" and not {"kode_unit", "nama_unit"} <= found:
        found = _form_labels(grid, cols)
    if any(not (set(alts) & found) for alts in _required(kind)):
        return 0
    if kind == "mph" and not ("kode_target" in found and "peran_hasil" in found) and not band.targets:
        return 0
    return len(found) + len(band.targets)


def _form_labels(grid: Grid, cols: SheetColumns) -> set[str]:
    out = set()
    for r in range(min(grid.nrows, 60)):
        for t in grid.texts(r):
            if t:
                m = match_column(t.split(":", 1)[0], cols.keys)
                if m is not None:
                    out.add(m[0])
    return out


def by_columns(grids: dict[str, Grid], hidden: dict[str, bool], kinds: list[str], year: int | None,
               pk_rows: dict | None) -> tuple[dict[str, Candidate], list[Problem]]:
    """Step 3 over the unclaimed sheets' cells: kind -> the sheet taken, and the D05s of
    sheets fitting two kinds or kinds fitting two sheets."""
    problems: list[Problem] = []
    per_kind: dict[str, list[Candidate]] = {}
    scored: dict[int, dict] = {}            # one score per grid: names sharing a sheet part share it
    for name, grid in grids.items():
        scores = scored.get(id(grid))
        if scores is None:
            scores = scored[id(grid)] = {k: score(grid, k, pk_rows) for k in kinds}
        best = max(scores.values(), default=0)
        if best <= 0:
            continue
        tops = [k for k, s in scores.items() if s == best]
        if len(tops) > 1:
            labels = " / ".join(contract.SHEETS_BY_KIND[k].label for k in tops)
            problems.append(Problem("kind_ambiguous", name, None, None, None, "rancangan", labels))
            continue
        _name, year_of = stripped(name)
        per_kind.setdefault(tops[0], []).append(Candidate(name, hidden[name], year_of))
    taken: dict[str, Candidate] = {}
    for kind in kinds:
        cands = per_kind.get(kind)
        if not cands:
            continue
        cands = [c for c in cands if not c.hidden] or cands
        got, probs = settle(kind, cands, year)
        problems += probs
        if got is not None:
            taken[kind] = got
    return taken, problems
