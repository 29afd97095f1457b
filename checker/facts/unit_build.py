"""One unit's whole own work after reading: its facts, family by family. Runs in a reader
worker (no pandas there: pipeline/task.py); the main process only concatenates what the
workers send (assemble.py)."""
from __future__ import annotations

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

FAMILIES = (unit_facts, target_facts, employee_facts, pokja_facts, member_facts, mph_facts, surat_tugas_facts,
            reference_facts, cell_facts, required_facts, formula_facts, structure_facts)


@dataclass(frozen=True)
class UnitFacts:
    """What one checked file gives the run: its context and its fact rows (kind -> column ->
    values). A reader worker's answer (picklable, plain lists); read, never changed, after it.
    `digest`: what the decree rules compare (decree_workbook.WorkbookDigest), in a run with
    drafts only."""
    ctx: UnitContext
    columns: dict
    digest: object = None


def build_unit(seq: int, loaded, stage: str, digest: bool = False) -> UnitFacts:
    """The facts of one read workbook; `loaded.path` is the name every fact shows (the
    pipeline reads the file under its shown name, load/inputref.py)."""
    u = prepare(seq, loaded, stage)
    out = FactSink(u.ctx)
    for family in FAMILIES:
        family(u, out)
    summary = None
    if digest:
        from checker.facts.decree_workbook import digest as make_digest
        summary = make_digest(u)
    return UnitFacts(u.ctx, out.columns(), summary)


def unreadable_unit(seq: int, file: str, sha256: str | None, detail, cause: str = "") -> UnitFacts:
    """A file that could not be read is one D05 fact and no unit. `file`: its name as shown;
    `detail`: why, in both languages ({"id": ..., "en": ...}); `cause`: the reader's reason (a
    load.errors message key), which picks the finding's hint."""
    ctx = UnitContext(seq, file, sha256, readable=False, detail=detail, cause=cause)
    out = FactSink(ctx)
    out.add("structure", None, None, None, {"problem": "file_unreadable"}, value="file_unreadable",
            params={"p_column_label": "-", "p_detail": detail, "p_consequence": "", "p_raw": ""})
    return UnitFacts(ctx, out.columns())


def roster_file(seq: int, file: str, sha256: str | None) -> UnitFacts:
    """A master roster among the unit workbooks (pipeline/task.py tells it): one D05 saying to
    give it with --roster, no unit (issue 22: it was five D05, D03 and X01 against every unit)."""
    from checker.texts import both
    return unreadable_unit(seq, file, sha256, both("run.looks_like_roster", file=file), cause="roster")
