"""Fact rows: `make_fact` is the one factory of every fact row of a unit: its `fields` are
every field its kind declares (but the cross-unit ones, added later), and a key the kind does
not declare fails (factrow.py). `FactSink` collects one unit's rows kind by kind and hands them
over as plain columns (what a reader worker sends back to the main process)."""
from __future__ import annotations

from checker.facts.factrow import fact_row
from checker.facts.schema import BUILT_LATER, KIND_FIELD, KINDS, LOCATION_COLUMNS


class MissingField(ValueError):
    """A builder did not write a field its fact kind declares."""

    def __init__(self, kind: str, names):
        self.kind, self.names = kind, tuple(names)
        super().__init__(f"fact kind {kind!r}: the builder wrote no {', '.join(map(repr, self.names))}")


def make_fact(kind: str, ctx, sheet_kind: str | None, row, column, fields: dict, **kw) -> dict:
    """One fact row of `kind` (factrow.fact_row with the kind's columns)."""
    if fields.keys() != _BUILT[kind]:
        missing = [f for f in KINDS[kind].fields if f in _BUILT[kind] and f not in fields]
        if missing:
            raise MissingField(kind, missing)
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
# The fields a unit's builders write, per kind.
_BUILT = {kind: frozenset(f for f in spec.fields if f != KIND_FIELD and f not in BUILT_LATER.get(kind, ()))
          for kind, spec in KINDS.items()}


def to_columns(kind: str, rows: list[dict]) -> dict[str, list]:
    """Rows made by `make_fact` (the kind's columns, in its order) as column -> values."""
    cols = list(_TEMPLATES[kind])
    if not rows:
        return {c: [] for c in cols}
    return {c: list(v) for c, v in zip(cols, zip(*(r.values() for r in rows)))}
