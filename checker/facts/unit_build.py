"""One unit's whole own work after reading: its facts, family by family. Runs in a reader
worker (no pandas there); the main process only concatenates what the workers send."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from checker.facts.cells import cell_facts, formula_facts, required_facts
from checker.facts.context import UnitContext
from checker.facts.members import member_facts
from checker.facts.mph import mph_facts
from checker.facts.people import employee_facts
from checker.facts.pokja import pokja_facts
from checker.facts.references import reference_facts
from checker.facts.sink import FactSink
from checker.facts.structure import structure_facts
from checker.facts.surat_tugas import surat_tugas_facts
from checker.facts.unit import target_facts, unit_facts
from checker.facts.unitdata import prepare
from checker.load.model import LoadError, describe
from checker.load.reader import read_bytes
from checker.load.workbook import load_workbook

FAMILIES = (unit_facts, target_facts, employee_facts, pokja_facts, member_facts, mph_facts, surat_tugas_facts,
            reference_facts, cell_facts, required_facts, formula_facts, structure_facts)


@dataclass
class UnitFacts:
    """What one checked file gives the run: its context and its fact rows (kind -> column -> values)."""
    ctx: UnitContext
    columns: dict


def build_unit(seq: int, loaded, stage: str) -> UnitFacts:
    u = prepare(seq, loaded, stage)
    out = FactSink(u.ctx)
    for family in FAMILIES:
        family(u, out)
    return UnitFacts(u.ctx, out.columns())


def unreadable_unit(seq: int, path: str, sha256: str | None, detail) -> UnitFacts:
    """A file that could not be read is one D05 fact and no unit. `detail`: why, in both
    languages ({"id": ..., "en": ...})."""
    ctx = UnitContext(seq, path, sha256, readable=False, detail=detail)
    out = FactSink(ctx)
    out.add("structure", None, None, None, {"problem": "file_unreadable"}, value="file_unreadable",
            params={"p_column_label": "-", "p_detail": detail, "p_consequence": ""})
    return UnitFacts(ctx, out.columns())


def check_file(seq: int, path: str, stage: str) -> UnitFacts:
    """Read one workbook and build its facts (a reader worker's task, see load/workers.py)."""
    sha = None
    try:
        data = read_bytes(path)
        sha = hashlib.sha256(data).hexdigest()
        loaded = load_workbook(path, data, frames=False)
    except LoadError as e:
        return failed_file(seq, path, sha, e)
    del data
    return build_unit(seq, loaded, stage)


def failed_file(seq: int, path: str, sha256: str | None, err: LoadError) -> UnitFacts:
    """The file could not be read (or its worker failed on it)."""
    return unreadable_unit(seq, path, sha256, {lang: describe(err, lang) for lang in ("id", "en")})
