"""Loaded workbooks -> one fact table per kind (see factschema.py).

Every join, count and absence a rule needs is computed here, so that each rule condition
is a test on one fact. The stage is an explicit input: structure problems that only count
from a later stage are not facts before it.
"""
from __future__ import annotations

import pandas as pd

from checker.facts.context import Facts, SheetInfo, UnitContext  # noqa: F401 - SheetInfo re-exported for crossunit
from checker.facts.schema import KINDS, LOCATION_COLUMNS
from checker.facts.unit_facts import UnitFacts


def unreadable_context(seq, path, sha256, detail, buckets) -> UnitContext:
    """A file that could not be read is one D05 fact and no unit."""
    ctx = UnitContext(seq, path, sha256, readable=False, detail=detail)
    buckets.setdefault("structure", []).append({
        "t": "structure", "unit_seq": seq, "unit": None, "unit_name": None, "pokja": None, "nip": None,
        "name": None, "target": None, "file": path, "sheet": None, "sheet_kind": None, "row": None,
        "column": None, "value": "file_unreadable", "sheet_hidden": False, "problem": "file_unreadable",
        "p_sheet_label": "-", "p_column_label": "-", "p_detail": detail, "p_aliases": "-", "p_consequence": "",
    })
    return ctx


def build(loaded_items, stage: str, roster=None) -> Facts:
    """loaded_items: LoadedUnit, or (path, sha256, detail) tuples for unreadable files, in file order."""
    buckets: dict[str, list] = {}
    units = []
    for seq, item in enumerate(loaded_items):
        if isinstance(item, tuple):
            units.append(unreadable_context(seq, *item, buckets))
        else:
            units.append(UnitFacts(seq, item, stage, buckets).build())
    tables = {}
    for kind, spec in KINDS.items():
        rows = buckets.get(kind, [])
        cols = list(LOCATION_COLUMNS) + list(spec.fields)
        df = pd.DataFrame(rows) if rows else pd.DataFrame(columns=cols)
        for c in cols:
            if c not in df.columns:
                df[c] = None
        tables[kind] = df.reset_index(drop=True)
    facts = Facts(tables, units)
    from checker.facts import crossunit
    crossunit.apply(facts, roster)          # cross-unit fields (X01-X05); roster units without a workbook
    return facts
