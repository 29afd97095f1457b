"""Cell facts: one per filled cell whose value is not valid (NIP, vocabulary, date, year)
and one per formula cell whose value cannot be used (an error, or no cached value). A
readable value is no fact: 80% of all cells, never matched."""
from __future__ import annotations

from checker.facts.people import text
from checker.input import schema, vocab
from checker.load.model import FORMULA_ERROR
from checker.texts import both

_CHECKS = {"nip": "nip", "date": "date", "year": "year"}
_NIP_REASONS = {"number": "fact.nip_number", "invalid": "fact.nip_invalid"}
_FINE = frozenset({"ok", "valid", "empty", FORMULA_ERROR})     # statuses that are no cell fact


def _check_of(kind: str) -> str | None:
    return "vocab" if kind.startswith("vocab:") else _CHECKS.get(kind)


def _cell(u, out, check, col, status, raw, sheet_kind, row, letter, nip="", name="", pokja="") -> None:
    status = {"ok": "valid"}.get(status or "", status or "invalid")
    if status == "valid":
        return
    allowed = ", ".join(sorted(set(vocab.VOCABULARIES[col.vocab].values()))) if check == "vocab" else ""
    reason = both(_NIP_REASONS[status]) if check == "nip" and status in _NIP_REASONS else ""
    out.add("cell", sheet_kind, row, letter, {"check": check, "status": status},
            nip=nip if check != "nip" else text(raw), name=name, pokja=pokja, value=f"{col.field}:{text(raw)}",
            params={"p_raw": text(raw), "p_column_label": col.label, "p_allowed": allowed, "p_reason": reason})


def _unit_cells(u, out) -> None:
    for col in schema.UNIT.columns:
        check = _check_of(col.kind)
        entry = u.unit_entry(col.field)
        if check and entry and text(entry[1]):
            _cell(u, out, check, col, entry[2], entry[1], "unit", entry[3], entry[4])


def _table_cells(u, out, spec) -> None:
    table = u.loaded.tables.get(spec.kind)
    if table is None:
        return
    rows = u.rows(spec.kind)
    seen: set = set()
    for col in spec.columns:
        check = _check_of(col.kind)
        st_col = col.field + "__st"
        if not check or col.field not in table.columns or not rows or st_col not in rows[0]:
            continue
        letter = table.columns[col.field]
        raw_col = col.field + "__raw"
        for r in rows:
            st = r[st_col]
            if st in _FINE or (r["_row"], letter) in seen:
                continue                      # formula cells are reported once, by formula_facts
            raw, row = r.get(raw_col), r["_row"]
            if not text(raw):
                continue
            seen.add((row, letter))
            _cell(u, out, check, col, st, raw, spec.kind, row, letter, nip=text(r.get("nip__raw")),
                  name=text(r.get("nama__raw")), pokja=text(r.get("kode_pokja__raw")))


def cell_facts(u, out) -> None:
    _unit_cells(u, out)
    for spec in schema.SHEETS:
        if spec.kind != "unit":
            _table_cells(u, out, spec)


def _label_of(kind: str, fld: str) -> str:
    spec = schema.SHEETS_BY_KIND.get(kind)
    return next((c.label for c in spec.columns if c.field == fld), fld) if spec else fld


def formula_facts(u, out) -> None:
    """Formula cells whose value cannot be used: an error (#N/A, ...) or no cached value."""
    for kind, table in u.loaded.tables.items():
        issues = table.formula_issues or {}
        if not issues:
            continue
        fields_at = {letter: fld for fld, letter in reversed(list(table.columns.items()))}   # the first field
        labels = {letter: _label_of(kind, fld) for fld, letter in table.columns.items()}      # the last label
        by_row = {r["_row"]: r for r in u.rows(kind)}
        for (row, letter), issue in sorted(issues.items()):
            r = by_row.get(row, {})
            status, _, shown_raw = issue.partition(":")
            fld = fields_at.get(letter)
            raw = shown_raw or (text(r.get(fld + "__raw")) if fld else "")
            reason = "fact.formula_no_value" if status == "no_cached_value" else "fact.formula_error"
            out.add("cell", kind, row, letter, {"check": "formula", "status": status},
                    nip=text(r.get("nip__raw")), name=text(r.get("nama__raw") or r.get("nama")),
                    pokja=text(r.get("kode_pokja__raw")), value=f"formula:{letter}:{issue}", params={
                        "p_raw": raw or "=", "p_column_label": labels.get(letter) or letter,
                        "p_allowed": "", "p_reason": both(reason)})
