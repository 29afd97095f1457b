"""The facts of a run: every unit's fact rows (built in the reader workers, see
unit_build.py) concatenated into one table per kind, then the cross-unit fields.

Every join, count and absence a rule needs is computed in the facts, so that each rule
condition is a test on one fact. The stage is an explicit input: structure problems that
only count from a later stage are not facts before it.
"""
from __future__ import annotations

import pandas as pd

from checker.facts import crossunit
from checker.facts.context import Facts
from checker.facts.schema import DECREE_KINDS, WORKBOOK_KINDS
from checker.facts.sink import kind_columns


def concat(parts: list) -> Facts:
    """unit_build.UnitFacts in file order -> Facts (one DataFrame per kind)."""
    columns: dict[str, dict[str, list]] = {kind: {c: [] for c in kind_columns(kind)} for kind in WORKBOOK_KINDS}
    lengths = dict.fromkeys(WORKBOOK_KINDS, 0)
    for part in parts:
        for kind, cols in part.columns.items():
            table = columns[kind]
            n = len(next(iter(cols.values()), ()))
            for c, values in cols.items():
                if c not in table:                    # a column only some units carry
                    table[c] = [None] * lengths[kind]
                table[c].extend(values)
            for c, values in table.items():
                if c not in cols:
                    values.extend([None] * n)
            lengths[kind] += n
    tables = {kind: pd.DataFrame(cols) for kind, cols in columns.items()}
    return Facts(tables, [p.ctx for p in parts])


def build(parts: list, roster=None) -> Facts:
    facts = concat(parts)
    crossunit.apply(facts, roster)          # cross-unit fields (X01-X05); roster units without a workbook
    return facts


def add_decree_tables(facts: Facts, drafts: list) -> None:
    """The decree kinds' tables of a run with drafts: each draft's fact columns (kind ->
    column -> values, decree_build.decree_facts) concatenated, one table per kind."""
    columns: dict[str, dict[str, list]] = {kind: {c: [] for c in kind_columns(kind)} for kind in DECREE_KINDS}
    for part in drafts:
        for kind, cols in part.items():
            for c, values in cols.items():
                columns[kind][c].extend(values)
    for kind, cols in columns.items():
        facts.tables[kind] = pd.DataFrame(cols)
