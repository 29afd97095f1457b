"""Fact rows: `make_fact` is the one factory of every fact row, `FactSink` collects one
unit's rows kind by kind and hands them over as plain columns (what a reader worker sends
back to the main process)."""
from __future__ import annotations

from checker.facts.schema import HIDDEN_COLUMNS, KINDS, LOCATION_COLUMNS


def make_fact(kind: str, ctx, sheet_kind: str | None, row, column, fields: dict, *, pokja=None, nip=None,
              name=None, target=None, value="", sheet=None, params=None, hidden=None) -> dict:
    """One fact row of `kind` for the unit `ctx` (facts.context.UnitContext): its location
    (the sheet of `sheet_kind`, or `sheet` given by name), who and what it is about, its
    condition `fields`, message `params` (p_*) and `hidden` typed columns (_*) that later
    stages join on."""
    info = ctx.sheets.get(sheet_kind) if sheet_kind else None
    fact = _TEMPLATES[kind].copy()          # every column of the kind, in one order: cheap to transpose
    fact["t"] = kind
    fact["unit_seq"], fact["unit"], fact["unit_name"], fact["file"] = ctx.seq, ctx.code, ctx.name, ctx.file
    fact["pokja"], fact["nip"], fact["name"], fact["target"] = pokja or None, nip or None, name or None, target or None
    fact["sheet"] = sheet if sheet is not None else (info.name if info else None)
    fact["sheet_kind"], fact["row"], fact["column"], fact["value"] = sheet_kind, row, column, value
    fact["sheet_hidden"] = bool(info.hidden) if info else False
    fact.update(fields)
    if params:
        fact.update(params)
    if hidden:
        fact.update(hidden)
    return fact


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
        + list(HIDDEN_COLUMNS.get(kind, ()))


_TEMPLATES = {kind: dict.fromkeys(kind_columns(kind)) for kind in KINDS}


def to_columns(kind: str, rows: list[dict]) -> dict[str, list]:
    cols = list(_TEMPLATES[kind])
    if all(len(r) == len(cols) for r in rows):          # only the kind's own columns: transpose
        return {c: list(v) for c, v in zip(cols, zip(*(r.values() for r in rows)))} if rows else \
            {c: [] for c in cols}
    known = set(cols)
    for r in rows:                      # a column the schema does not declare: kept, never lost
        for k in r:
            if k not in known:
                cols.append(k)
                known.add(k)
    return {c: [r.get(c) for r in rows] for c in cols}
