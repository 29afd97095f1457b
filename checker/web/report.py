"""What the result page shows, made from a RunResult: per unit its status and counts, the
decree drafts with their pairing and status, and the findings of each file: a workbook's
grouped by sheet with the cell, a draft's grouped by part of the decree with the location
label (decree-format.md §5) and the workbook value it was compared with; each with its rule,
severity label, message, fix and the quoted legal text. With earlier findings (compare),
each finding says whether it is new or still open, and the resolved ones are listed; with
waivers, a waived finding says so and is counted apart. Plain data for the templates (which
escape every value)."""
from __future__ import annotations

import os

from checker.findings import label_key, place_label, workbook_place
from checker.load.decree.draft_model import PARTS
from checker.output.print_sheet import finding_order, sheet_order
from checker.output.terminal import status_word
from checker.rulebase.basis import legal_passages
from checker.terms import SEVERITY_RANK, is_data_basis
from checker.texts import t

# belum_menyampaikan: a roster unit that sent no workbook (X06), neither compliant nor not
STATUS_CLASS = {"patuh": "ok", "perlu_perbaikan_data": "data", "tidak_patuh": "bad", "belum_menyampaikan": "grey"}
KINDS = ("error", "data_error", "warning", "info")


def cell_of(f, lang: str) -> str:
    """Where a finding points, on the page (a whole file shows a dash: the file heads its table)."""
    return place_label(f, row=t("web.cell_row", lang), sheet=t("web.cell_sheet", lang), file=t("web.cell_file", lang))


def kind_of(f) -> str:
    return label_key(f.severity, f.basis)


def finding_view(f, rules: dict, lang: str, result=None) -> dict:
    rule = rules.get(f.rule)
    data = is_data_basis(f.basis)
    view = {
        "rule": f.rule, "slug": f.slug, "severity": f.severity, "label": f.label,
        "kind": kind_of(f),
        "cell": cell_of(f, lang), "sheet": f.sheet, "message": f.message,
        "hint": f.hint, "basis": t("web.basis_data_name", lang) if data else f.basis, "data_rule": data,
        "passages": legal_passages(rule) if rule is not None and getattr(rule, "legal_text", "") else [],
        "found": f.found, "pokja": f.pokja, "nip": f.nip, "name": f.name, "target": f.target,
        "title": rule.text("title", lang) if rule is not None else "",
        "workbook": None, "change": None, "waiver": None, "waived": False,
    }
    wb = getattr(f, "workbook", None)
    if wb:
        view["workbook"] = {"where": workbook_place(wb), "value": wb.get("value")}
    if result is not None and result.comparison is not None:
        view["change"] = result.comparison.status(f)                  # "new" | "still_open" | None
    if result is not None and result.waivers is not None:
        status = result.waivers.status(f)
        if status.status != "open" or status.note(lang):
            view["waiver"] = status.note(lang)
        view["waived"] = status.status == "waived"
    return view


def group_by_sheet(findings, inp, rules: dict, lang: str, result=None) -> list[dict]:
    """[{sheet, findings}] for one file: the whole-file findings first, then the sheets in the
    workbook's order, each sorted by row, column, severity."""
    order = sheet_order(inp)
    groups: dict = {}
    for f in findings:
        groups.setdefault(f.sheet, []).append(f)

    def sheet_key(name):
        return (0, 0, "") if name is None else (1, order.get(name, len(order)), name)

    out = []
    for name in sorted(groups, key=sheet_key):
        items = sorted(groups[name], key=finding_order)
        out.append({"sheet": name, "heading": t("web.sheet_heading", lang, sheet=name) if name
                    else t("web.sheet_none", lang), "document": False,
                    "findings": [finding_view(f, rules, lang, result) for f in items]})
    return out


def group_by_part(findings, rules: dict, lang: str, result=None) -> list[dict]:
    """[{part, findings}] for one decree draft: the parts in the decree's order (§6.1), each
    sorted by where its findings are in the document."""
    groups: dict = {}
    for f in findings:
        part = (getattr(f, "document", None) or {}).get("part") or "dokumen"
        groups.setdefault(part, []).append(f)

    def where(f):
        anchor = getattr(getattr(f, "place", None), "anchor", None)
        return (tuple(anchor) if anchor else (10**9,), SEVERITY_RANK.get(f.severity, 9), f.rule)

    out = []
    for part in sorted(groups, key=lambda p: PARTS.index(p) if p in PARTS else len(PARTS)):
        out.append({"sheet": part, "heading": t("web.part_heading", lang, part=t("web.part." + part, lang)),
                    "document": True,
                    "findings": [finding_view(f, rules, lang, result) for f in sorted(groups[part], key=where)]})
    return out


def _counts(findings, result) -> dict:
    open_ids = result.open_ids()
    return {k: sum(1 for f in findings if id(f) in open_ids and kind_of(f) == k) for k in KINDS}


def _status(result, inp, lang: str) -> tuple[str, str]:
    """An input's status (terminal.status_word) and its colour class."""
    status = result.status_of(inp)
    if status is None:
        return t("web.status_unreadable", lang), "bad"
    return status_word(result, inp, lang), STATUS_CLASS[status]


def page(result, rules: dict, lang: str) -> dict:
    """The result page's content."""
    summary = result.summary()
    units, files, drafts = [], [], []
    used = set()
    for inp in result.inputs:
        if inp.kind == "sk":
            continue
        mine = [f for f in result.findings if f.file == inp.file and (inp.unit is None or f.unit in (inp.unit, None))]
        used.update(id(f) for f in mine)
        status = result.status_of(inp)
        status_text, css = _status(result, inp, lang)
        counts = result.label_counts(inp) if status is not None else _counts(mine, result)
        row = {"file": inp.file, "unit": inp.unit, "unit_name": inp.unit_name, "status": inp.status,
               "status_text": status_text, "status_class": css, "counts": counts, "detail": inp.detail,
               "drafts": [d.file for d in result.drafts_of(inp)] if inp.kind == "workbook" else []}
        units.append(row)
        if inp.status != "not_submitted" or mine:
            files.append({**row, "n": len(mine), "document": False,
                          "groups": group_by_sheet(mine, inp, rules, lang, result)})
    for inp in result.drafts():
        mine = [f for f in result.findings if f.file == inp.file]
        used.update(id(f) for f in mine)
        row = _draft_row(result, inp, lang)
        drafts.append(row)
        files.append({**row, "n": len(mine), "document": True,
                      "groups": group_by_part(mine, rules, lang, result)})
    rest = [f for f in result.findings if id(f) not in used]
    if rest:
        files.append({"file": None, "unit": None, "unit_name": None, "status": "other", "n": len(rest),
                      "document": False, "groups": group_by_sheet(rest, None, rules, lang, result)})
    return {"summary": summary, "counts": result.label_counts(), "units": units, "files": files,
            "drafts": drafts, "stage": result.stage, "comparison": _comparison(result),
            "waivers": _waivers(result)}


def _draft_row(result, inp, lang: str) -> dict:
    """A decree draft: its pairing (with which workbook, how) and status (decree-format.md §6.1):
    a paired draft's is its unit's, "with waivers" included, as the workbook's row says it."""
    if inp.status == "checked":
        status_text, css = _status(result, inp, lang)
    else:
        status_text, css = t("web.draft_status." + inp.status, lang), "bad" if inp.status == "unreadable" else "grey"
    if inp.paired_with is not None:
        paired = t("web.draft_paired", lang, file=inp.paired_with, unit=inp.unit or "—",
                   how=t("web.pairing." + (inp.pairing or "judul"), lang))
    elif inp.status == "checked":
        paired = t("web.draft_alone", lang)
    else:
        paired = "—"
    return {"file": inp.file, "unit": inp.unit, "unit_name": inp.unit_name, "status": inp.status,
            "status_text": status_text, "status_class": css, "paired": paired,
            "detail": inp.detail, "counts": _counts([f for f in result.findings if f.file == inp.file], result)}


def _comparison(result) -> dict | None:
    """The comparison with an earlier run: its name, counts and the resolved findings."""
    cmp = result.comparison
    if cmp is None:
        return None
    resolved = []
    for f in cmp.resolved:
        row, col = f.get("row"), f.get("column")
        where = ", ".join(str(x) for x in (f.get("sheet"), f"{col or ''}{row}" if row is not None else None) if x)
        resolved.append({"rule": f.get("rule"), "unit": f.get("unit"), "file": f.get("file"), "where": where,
                         "message": f.get("message") or ""})
    return {"name": os.path.basename(cmp.previous_path), **cmp.counts(),
            "resolved_list": resolved, "out_of_scope": cmp.out_of_scope}


def _waivers(result) -> dict | None:
    return result.waivers.counts() if result.waivers is not None else None
