"""Findings: typed records with exact locations, built only by the factories below."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from checker.terms import SEVERITY_RANK, is_data_basis
from checker.texts import severity_label, t

# The JSON keys of output-format.md, in contract order.
JSON_KEYS = (
    "rule", "slug", "severity", "unit", "unit_name", "pokja", "nip", "name", "target",
    "file", "sheet", "row", "column", "message", "hint", "basis", "fingerprint", "label", "found",
)
# The keys decree-format.md §6.1 adds to every finding of a run with decree drafts.
DECREE_JSON_KEYS = ("document", "workbook", "similarity")


def is_data_error(severity: str, basis: str) -> bool:
    """An error of a rule whose basis is `data`: a kesalahan data, not a breach (pelanggaran)."""
    return severity == "error" and is_data_basis(basis)


def label_key(severity: str, basis: str) -> str:
    """The severity label's key: error (a breach), data_error, warning or info."""
    return "data_error" if is_data_error(severity, basis) else severity


def label_of(severity: str, basis: str, lang: str) -> str:
    """The severity label users read: pelanggaran, kesalahan data, peringatan, catatan."""
    return severity_label(severity, lang, basis=basis)


@dataclass(frozen=True)
class Finding:
    rule: str
    slug: str
    severity: str
    unit: str | None
    unit_name: str | None
    pokja: str | None
    nip: str | None
    name: str | None
    target: str | None
    file: str | None
    sheet: str | None
    row: int | None
    column: str | None
    message: str
    hint: str
    basis: str
    fingerprint: str
    label: str = ""
    found: str | None = None
    evidence: dict = field(default_factory=dict, compare=False, hash=False)
    sheet_hidden: bool = field(default=False, compare=False, hash=False)
    # A finding on a decree draft (decree-format.md §6.1): where it is in the document (the
    # `document` object), the workbook cell it compares (`workbook`) and the similarity of the
    # two texts; `place` is the load.decree Location itself (its `anchor` is where an
    # annotated copy's comment goes). None for a workbook's findings.
    document: dict | None = None
    workbook: dict | None = None
    similarity: float | None = None
    place: object = field(default=None, compare=False, hash=False)

    def to_json(self, decree_keys: bool = False) -> dict:
        """The finding's JSON object; `decree_keys`: with `document`, `workbook` and
        `similarity` (a run with decree drafts: every finding has them, null when not
        applicable)."""
        out = {k: getattr(self, k) for k in JSON_KEYS}
        if decree_keys:
            out.update({k: getattr(self, k) for k in DECREE_JSON_KEYS})
        out["evidence"] = dict(self.evidence)
        out["sheet_hidden"] = self.sheet_hidden
        return out


def place_label(f, *, row: str, sheet: str, file: str) -> str:
    """Where a finding points, in the words of the surface showing it: `L3`; `row` (a text
    with {row}) for a row; `sheet` for a whole sheet, `file` for a whole file; a decree
    draft's place is its document label (`Lampiran tabel 1 baris 7 kolom Output`)."""
    document = getattr(f, "document", None)
    if document:
        return document.get("label") or file
    if f.row is not None and f.column:
        return f"{f.column}{int(f.row)}"
    if f.row is not None:
        return row.format(row=int(f.row))
    return sheet if f.sheet else file


def workbook_place(wb: dict) -> str:
    """Where a decree finding's workbook value is (its `workbook` object): `Anggota Pokja!L5`,
    or the sheet alone."""
    cell = f"{wb.get('column') or ''}{wb.get('row') or ''}"
    return f"{wb.get('sheet')}!{cell}" if wb.get("sheet") and cell else (wb.get("sheet") or "")


def fingerprint(rule: str, unit, pokja, person, target, value) -> str:
    """Stable across runs: never depends on row numbers or message language."""
    parts = [rule] + ["" if p is None else str(p).strip().casefold() for p in (unit, pokja, person, target, value)]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def make_finding(*, rule, slug, severity, basis, message, hint, unit=None, unit_name=None,
                 pokja=None, nip=None, name=None, target=None, file=None, sheet=None, row=None,
                 column=None, value=None, evidence=None, sheet_hidden=False, found=None, lang="id",
                 document=None, workbook=None, similarity=None, place=None, identity=None) -> Finding:
    """The one factory every other factory goes through. `identity`: a decree draft's
    (decree-format.md §6.1: its folded subject, else its file name), which with `value` (the
    field) keys the fingerprint whether or not the draft has a unit."""
    unit, pokja, nip, name, target, value = (_text(v) for v in (unit, pokja, nip, name, target, value))
    if identity is not None:
        key = fingerprint(rule, unit, pokja, nip or name, target, f"{value or ''}|{identity}")
    elif unit is not None:
        key = fingerprint(rule, unit, pokja, nip or name, target, value)
    else:
        key = _fingerprint_without_unit(rule, pokja, nip or name, target, file)
    return Finding(
        rule=rule, slug=slug, severity=severity, unit=unit, unit_name=_text(unit_name),
        pokja=pokja, nip=nip, name=name, target=target,
        file=_text(file), sheet=_text(sheet), row=None if row is None else int(row),
        column=_text(column), message=message, hint=hint, basis=basis, fingerprint=key,
        label=label_of(severity, basis, lang), found=_text(found),
        evidence=dict(evidence or {}), sheet_hidden=bool(sheet_hidden),
        document=document, workbook=workbook,
        similarity=None if similarity is None else round(float(similarity), 2), place=place,
    )


def _text(v):
    if v is None or (isinstance(v, float) and v != v):
        return None
    s = str(v)
    return s if s != "" else None


def sort_key(f: Finding):
    return (
        f.unit or "\uffff",
        SEVERITY_RANK.get(f.severity, 9),
        f.rule,
        f.file or "",
        f.sheet or "",
        f.row if f.row is not None else 10**9,
        f.column or "",
        _document_order(f),
        f.pokja or "",
        f.nip or f.name or "",
        f.target or "",
        f.fingerprint,
    )


def _document_order(f: Finding) -> tuple:
    """A decree finding's place in the document (its anchor's index path); () elsewhere."""
    anchor = getattr(f.place, "anchor", None)
    return tuple(anchor) if anchor else ()


def sort_findings(items) -> list[Finding]:
    """In report order, with fingerprints made unique (rules.md: two findings never share one)."""
    return _unique_fingerprints(sorted(items, key=sort_key))


def _unique_fingerprints(findings: list[Finding]) -> list[Finding]:
    """The fields of a fingerprint tell findings apart in all but corner cases (the same name
    on two rows of one Pokja, say); those take the order of occurrence, which the sort fixes."""
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        n = seen.get(f.fingerprint, 0)
        seen[f.fingerprint] = n + 1
        if n:
            f = replace(f, fingerprint=hashlib.sha1(f"{f.fingerprint}#{n + 1}".encode()).hexdigest()[:16])
        out.append(f)
    return out


def _fingerprint_without_unit(rule, pokja, person, target, file) -> str:
    """rules.md Fingerprints: without a unit (an unreadable file) the file's name tells two
    findings apart; the name only, so that a copy in another folder keeps its fingerprint."""
    return fingerprint(rule, None, pokja, person, target, "file:" + _file_name(file))


def _file_name(path) -> str:
    return "" if not path else str(path).replace("\\", "/").rsplit("/", 1)[-1]



class _Params(dict):
    """Message parameters: localised where a value is {"id":..., "en":...}; unknown names stay visible."""

    def __init__(self, data, lang):
        super().__init__(data)
        self.lang = lang

    def __getitem__(self, key):
        v = dict.get(self, key)
        if isinstance(v, dict) and self.lang in v:
            return v[self.lang]
        if v is None or (isinstance(v, float) and v != v):
            return "-"
        return v

    def __missing__(self, key):
        return "{" + key + "}"


def render(template: str, fact: dict, lang: str) -> str:
    params = _Params(fact, lang)
    params["person"] = fact.get("name") or fact.get("nip") or "-"
    return template.format_map(params)


def _decree_evidence(rule, fact: dict):
    """(the field, its Evidence) a decree fact gives this rule's finding (facts/decree.py:
    the first of the rule's fields with evidence of its own, else the fact's default)."""
    by_field = fact["_evidence"]
    for name in sorted(rule.fields_used()):
        if name in by_field:
            return name, by_field[name]
    return "", by_field.get("")


def _decree_finding(rule, fact: dict, lang: str) -> Finding:
    """A rule finding on a decree draft: where in the document, the workbook cell compared
    and both texts (decree-format.md §6.1); `sheet`, `row`, `column` repeat that cell."""
    name, ev = _decree_evidence(rule, fact)
    cell = ev.cell if ev is not None else None
    place = ev.location if ev is not None else None
    evidence = {}
    for f in sorted(rule.fields_used()):
        v = fact.get(f)
        evidence[f] = v.item() if hasattr(v, "item") else v
    return make_finding(
        rule=rule.id, slug=rule.slug, severity=rule.severity, basis=rule.basis,
        message=render(rule.text("message", lang), fact, lang), hint=render(rule.text("hint", lang), fact, lang),
        unit=fact.get("unit"), unit_name=fact.get("unit_name"), pokja=fact.get("pokja"), nip=fact.get("nip"),
        name=fact.get("name"), target=fact.get("target"), file=fact.get("file"),
        sheet=cell.sheet if cell else None, row=cell.row if cell else None, column=cell.column if cell else None,
        value=f"{name}:{fact.get('value') or ''}", evidence=evidence,
        found=(ev.found if ev is not None else None) or None, lang=lang,
        document=place.to_json() if place is not None else None, workbook=cell.to_json() if cell else None,
        similarity=ev.similarity if ev is not None else None, place=place, identity=fact.get("_identity") or "")


def from_match(rule, fact: dict, unit_ctx, lang: str) -> Finding:
    """A rule finding at the fact's location, or at the cell the rule's `locate` names (a
    decree fact: at its evidence, _decree_finding)."""
    if isinstance(fact.get("_evidence"), dict):
        return _decree_finding(rule, fact, lang)
    sheet, row, column = fact.get("sheet"), fact.get("row"), fact.get("column")
    if getattr(rule, "locate", None) and unit_ctx is not None:
        where = unit_ctx.locate(rule.locate.format_map(_Params(fact, lang)), fact.get("sheet_kind"), row)
        if where is not None:
            sheet, row, column = where
    evidence = {}
    for name in sorted(rule.fields_used()):
        v = fact.get(name)
        evidence[name] = v.item() if hasattr(v, "item") else v
    message = render(rule.text("message", lang), fact, lang)
    if fact.get("sheet_hidden"):
        message += " " + t("finding.hidden_sheet", lang, sheet=sheet)
    found = render(rule.found, fact, lang) if rule.found else None
    return make_finding(
        rule=rule.id, slug=rule.slug, severity=rule.severity, basis=rule.basis,
        message=message, hint=render(rule.text("hint", lang), fact, lang),
        unit=fact.get("unit"), unit_name=fact.get("unit_name"), pokja=fact.get("pokja"), nip=fact.get("nip"),
        name=fact.get("name"), target=fact.get("target"), file=fact.get("file"), sheet=sheet,
        row=None if row is None or row != row else int(row), column=column, value=fact.get("value"),
        evidence=evidence, sheet_hidden=bool(fact.get("sheet_hidden")), found=found, lang=lang,
    )
