"""Fact rows: `make_fact` is the one factory of every fact row of a unit (factrow.py: a key
its kind does not declare fails there), `FactSink` collects one unit's rows kind by kind and
hands them over as plain columns (what a reader worker sends back to the main process)."""
from __future__ import annotations

from checker.facts.factrow import fact_row
from checker.facts.schema import KINDS, LOCATION_COLUMNS


def make_fact(kind: str, ctx, sheet_kind: str | None, row, column, fields: dict, **kw) -> dict:
    """One fact row of `kind` (factrow.fact_row with the kind's columns)."""
    return fact_row(_TEMPLATES[kind], kind, ctx, sheet_kind, row, column, fields, **kw)


class FactSink:
    """One unit's fact rows, by kind."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.rows: dict[str, list[dict]] = {}

    def add(self, kind: str, sheet_kind: str | None, row, column, fields: dict, **kw) -> None:
        self.rows.setdefault(kind, []).append(make_fact(kind, self.ctx, sheet_kind, row, column, fields, **kw))

    def columns(self) -> dict[str, dict[str, list]]:
        """kind -> column -> values, every column of the kind present in every row."""
        return {kind: to_columns(kind, rows) for kind, rows in self.rows.items()}


def kind_columns(kind: str) -> list[str]:
    spec = KINDS[kind]
    return list(LOCATION_COLUMNS) + ["t"] + [f for f in spec.fields if f != "t"] + list(spec.params) \
        + list(spec.hidden)


_TEMPLATES = {kind: dict.fromkeys(kind_columns(kind)) for kind in KINDS}


def to_columns(kind: str, rows: list[dict]) -> dict[str, list]:
    """Rows made by `make_fact` (the kind's columns, in its order) as column -> values."""
    cols = list(_TEMPLATES[kind])
    if not rows:
        return {c: [] for c in cols}
    return {c: list(v) for c, v in zip(cols, zip(*(r.values() for r in rows)))}
