"""One fact row: where it is (the location columns every fact carries), who and what it is
about, then its condition fields, message parameters and hidden columns. A row holds the
columns of its kind and no other: a key the kind does not declare is a builder's bug and
fails here, loudly, rather than travelling on as a column nobody reads."""
from __future__ import annotations


class UndeclaredColumn(ValueError):
    """A builder wrote a key its fact kind does not declare (facts/declare.py)."""

    def __init__(self, kind: str, keys):
        self.kind, self.keys = kind, tuple(keys)
        super().__init__(f"fact kind {kind!r} declares no column {', '.join(map(repr, self.keys))}: "
                         f"declare it beside the builder (facts/declare.py) or do not write it")


def fact_row(template: dict, kind: str, ctx, sheet_kind: str | None, row, column, fields: dict, *, pokja=None,
             nip=None, name=None, target=None, value="", sheet=None, params=None, hidden=None) -> dict:
    """One fact row of `kind` with the columns of `template` (column -> None, in their order)
    for the unit `ctx` (facts.context.UnitContext): its location (the sheet of `sheet_kind`,
    or `sheet` given by name), who and what it is about, its condition `fields`, message
    `params` (p_*) and `hidden` typed columns (_*) that later stages join on."""
    info = ctx.sheets.get(sheet_kind) if sheet_kind else None
    fact = template.copy()          # every column of the kind, in one order: cheap to transpose
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
    if len(fact) != len(template):
        raise UndeclaredColumn(kind, [k for k in fact if k not in template])
    return fact
