"""What the result page shows, made from a RunResult: per unit its status and counts, and
its findings grouped by sheet, each with its cell, rule, severity label, message, fix and
the quoted legal text. Plain data for the templates (which escape every value)."""
from __future__ import annotations

from checker.findings import is_data_error
from checker.rulebase.basis import legal_passages
from checker.terms import SEVERITY_RANK
from checker.texts import t

# belum_menyampaikan: a roster unit that sent no workbook (X06), neither compliant nor not
STATUS_CLASS = {"patuh": "ok", "perlu_perbaikan_data": "data", "tidak_patuh": "bad", "belum_menyampaikan": "grey"}


def cell_of(f, lang: str) -> str:
    if f.row is not None and f.column:
        return f"{f.column}{f.row}"
    if f.row is not None:
        return t("web.cell_row", lang, row=f.row)
    return t("web.cell_sheet", lang) if f.sheet else t("web.cell_file", lang)


def finding_view(f, rules: dict, lang: str) -> dict:
    rule = rules.get(f.rule)
    data = (f.basis or "").strip().casefold() == "data"
    return {
        "rule": f.rule, "slug": f.slug, "severity": f.severity, "label": f.label,
        "kind": "data_error" if is_data_error(f.severity, f.basis) else f.severity,
        "cell": cell_of(f, lang), "sheet": f.sheet, "message": f.message, "hint": f.hint,
        "basis": f.basis, "data_rule": data,
        "passages": legal_passages(rule) if rule is not None and getattr(rule, "legal_text", "") else [],
        "found": f.found, "pokja": f.pokja, "nip": f.nip, "name": f.name, "target": f.target,
        "title": rule.text("title", lang) if rule is not None else "",
    }


def _sheet_order(inp) -> dict:
    return {name: i for i, name in enumerate((inp.header_rows or {}).keys())} if inp is not None else {}


def group_by_sheet(findings, inp, rules: dict, lang: str) -> list[dict]:
    """[{sheet, findings}] for one file: the whole-file findings first, then the sheets in the
    workbook's order, each sorted by row, column, severity."""
    order = _sheet_order(inp)
    groups: dict = {}
    for f in findings:
        groups.setdefault(f.sheet, []).append(f)

    def sheet_key(name):
        return (0, 0, "") if name is None else (1, order.get(name, len(order)), name)

    out = []
    for name in sorted(groups, key=sheet_key):
        items = sorted(groups[name], key=lambda f: (f.row if f.row is not None else -1, len(f.column or ""),
                                                    f.column or "", SEVERITY_RANK.get(f.severity, 9), f.rule))
        out.append({"sheet": name, "findings": [finding_view(f, rules, lang) for f in items]})
    return out


def page(result, rules: dict, lang: str) -> dict:
    """The result page's content."""
    summary = result.summary()
    units, files = [], []
    used = set()
    for inp in result.inputs:
        mine = [f for f in result.findings if f.file == inp.file and (inp.unit is None or f.unit in (inp.unit, None))]
        used.update(id(f) for f in mine)
        status = result.status_of(inp)
        if status is not None:
            status_text, css = t("sum." + status, lang), STATUS_CLASS[status]
        else:
            status_text, css = t("web.status_unreadable", lang), "bad"
        counts = result.label_counts(inp) if status is not None else {
            k: sum(1 for f in mine if (("data_error" if is_data_error(f.severity, f.basis) else f.severity) == k))
            for k in ("error", "data_error", "warning", "info")}
        row = {"file": inp.file, "unit": inp.unit, "unit_name": inp.unit_name, "status": inp.status,
               "status_text": status_text, "status_class": css, "counts": counts, "detail": inp.detail}
        units.append(row)
        if inp.status != "not_submitted" or mine:
            files.append({**row, "n": len(mine), "groups": group_by_sheet(mine, inp, rules, lang)})
    rest = [f for f in result.findings if id(f) not in used]
    if rest:
        files.append({"file": None, "unit": None, "unit_name": None, "status": "other", "n": len(rest),
                      "groups": group_by_sheet(rest, None, rules, lang)})
    return {"summary": summary, "counts": result.label_counts(), "units": units, "files": files,
            "stage": result.stage}
