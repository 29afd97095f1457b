"""The facts the rule base may test: kinds, condition fields, their types and definitions,
assembled from what each fact family declares beside its builder (facts/declare.py).

Condition fields are never null in a fact table (the builders fill "", 0 or False), so both
engines compare the same values. Every fact row also carries the LOCATION_COLUMNS, message
parameters (``p_*``) and hidden typed columns (``_*``), which conditions never use.

Each field also says which values it can hold (``values``, for a str field with a closed
set) and what its builder takes it from (``reads``, declare.Read), so that the rule base can
refuse a literal no fact can hold and a rule that does not require what its fields read.
"""
from __future__ import annotations

from dataclasses import replace

from checker.facts import (
    cells,
    crossunit,
    decree,
    decree_members,
    decree_pokja,
    members,
    mph,
    people,
    pokja,
    references,
    structure,
    surat_tugas,
    unit,
)
from checker.facts.declare import FactKind, FieldSpec
from checker.input import contract as input_schema

LOCATION_COLUMNS = (
    "unit_seq", "unit", "unit_name", "pokja", "nip", "name", "target", "file", "sheet",
    "sheet_kind", "row", "column", "value", "sheet_hidden",
)
# Parameters every kind offers to messages besides its own p_* ones.
COMMON_PARAMS = ("unit", "unit_name", "pokja", "nip", "name", "target", "sheet", "row", "column", "value", "person")
KIND_FIELD = "t"

# Every declaration, kind by kind in this order; a kind's fields in their declared order, then
# what other modules add to it (crossunit.py).
_DECLARED = (unit.UNIT, unit.TARGET, people.EMPLOYEE, pokja.POKJA, pokja.OWNER_SLOT, members.MEMBER, mph.MPH_ROW,
             mph.MPH_ENTRY, surat_tugas.SURAT_TUGAS, references.REFERENCE, cells.CELL, structure.STRUCTURE,
             *crossunit.DECLARED)
# The decree draft's kinds (decree-format.md): their tables exist only in a run with drafts
# (pipeline/decrees.py), so a run of workbooks alone has exactly the tables it always had.
_DECREE_DECLARED = (decree.SK, decree.SK_PART, decree_pokja.SK_POKJA, decree_pokja.SK_OWNER, decree_pokja.SK_TARGET,
                    decree_members.SK_MEMBER)


def _assemble(declared) -> dict[str, FactKind]:
    kinds: dict[str, FactKind] = {}
    for d in declared:
        if d.definition is not None:
            if d.kind in kinds:
                raise ValueError(f"fact kind {d.kind!r} is declared twice")
            kinds[d.kind] = FactKind(d.kind, {}, d.definition)
        elif d.kind not in kinds:
            raise ValueError(f"an extension of fact kind {d.kind!r} comes before the kind's declaration")
        k = kinds[d.kind]
        for f in d.fields:
            if f.name in k.fields or f.name == KIND_FIELD:
                raise ValueError(f"field {f.name!r} of fact kind {d.kind!r} is declared twice")
            k.fields[f.name] = f
        kinds[d.kind] = replace(k, params=k.params + d.params, hidden=k.hidden + d.hidden)
    for name, k in kinds.items():
        k.fields[KIND_FIELD] = FieldSpec(KIND_FIELD, "str", {"id": "jenis fakta", "en": "fact kind"}, values=(name,))
        _check(k)
    return kinds


def _check(k: FactKind) -> None:
    """Every read names a sheet (and column) of the input contract, its `when` closed values of
    the kind's own fields; every column of the kind is named once."""
    for f in k.fields.values():
        for r in f.reads:
            spec = input_schema.SHEETS_BY_KIND.get(r.sheet)
            if spec is None or (r.field is not None and r.field not in spec.fields()):
                raise ValueError(f"{k.name}.{f.name} reads {r.requirement!r}, which the input contract lacks")
            for name, value in r.when:
                qualifier = k.fields.get(name)
                if qualifier is None or value not in (qualifier.values or ()):
                    raise ValueError(f"{k.name}.{f.name} reads {r.requirement!r} when {name}={value!r}, "
                                     f"not a value of a field of {k.name!r}")
    columns = [*LOCATION_COLUMNS, *k.fields, *k.params, *k.hidden]
    twice = sorted({c for c in columns if columns.count(c) > 1})
    if twice:
        raise ValueError(f"fact kind {k.name!r} names {twice} twice")


KINDS: dict[str, FactKind] = _assemble(_DECLARED + _DECREE_DECLARED)
DECREE_KINDS = tuple(d.kind for d in _DECREE_DECLARED)
WORKBOOK_KINDS = tuple(k for k in KINDS if k not in DECREE_KINDS)
# The fields crossunit.apply adds to the run's tables once every unit's facts are built: a unit's
# own builders write every other field of their kind.
BUILT_LATER = {d.kind: tuple(f.name for f in d.fields) for d in crossunit.DECLARED}
# Typed columns later stages join on (crossunit.py), never shown and never in conditions:
# they keep what a display column would otherwise have to be parsed back for.
HIDDEN_COLUMNS = {name: k.hidden for name, k in KINDS.items() if k.hidden}
