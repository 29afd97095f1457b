"""The rulebook: the rule base rendered for people. The rules list (``rules``), one rule's
documentation (``explain``), the coverage table (``rules --coverage``) and the whole Markdown
rulebook (``rules --format markdown``, docs/rulebook.md).

Pure text building over a loaded :class:`~checker.rulebase.RuleBase`: no pandas, no workbook is
read. What it renders comes from basis.py (citations and quotes), examples.py (the examples in
words) and coverage.py (the coverage map).
"""
from __future__ import annotations

import re
from pathlib import Path

from checker.facts.declare import Read
from checker.facts.schema import KINDS
from checker.rulebase.basis import REGULATION, basis_points, legal_passages
from checker.rulebase.coverage import COVERAGE_FILE, COVERAGE_STATUSES, ENFORCED, coverage, coverage_figures
from checker.rulebase.examples import (
    DEFAULT_EXAMPLE_STAGE,
    Sheet,
    cell_text,
    describe_examples,
    example_bases,
    load_example_base,
    sheet_table,
    unit_code,
)
from checker.terms import STAGES
from checker.texts import CATALOGUE, pick, severity_label, t

REGENERATE = "cek-pokja rules --format markdown --lang id > docs/rulebook.md"

_OPS = {"$neq": "≠", "$lt": "<", "$gt": ">", "$lte": "≤", "$gte": "≥"}


def stages_of(rule) -> list[str]:
    return list(STAGES[STAGES.index(rule.from_stage):])


def render_list(base, lang: str) -> str:
    """The rules list (``cek-pokja rules``): id, severity, stages, slug and title of each rule."""
    lines = [t("rules.header", lang)]
    for r in base.rules:
        sev = severity_label(r.severity, lang, basis=r.basis)
        lines.append(f"{r.id}  {sev:<15} {','.join(s[0].upper() for s in stages_of(r)):<6} {r.slug}")
        lines.append(f"{'':<28}{r.text('title', lang)} [{r.basis}]")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# one rule

def _doc(rule, key, lang):
    doc = rule.doc or {}
    return pick(doc.get(key), lang)


def condition_text(cond, lang: str) -> str:
    """A rule's ``when`` in words: `n_pokja > 0` dan `n_pokja_support ≠ 1`."""
    (key, value), = cond.items()
    if key in ("$and", "$or"):
        subs = [condition_text(c, lang) for c in value if not (isinstance(c, dict) and list(c) == ["t"])]
        joined = f" {t('rulebook.and' if key == '$and' else 'rulebook.or', lang)} ".join(subs)
        return joined if key == "$and" or len(subs) == 1 else f"({joined})"
    if key in _OPS:
        (f, v), = value.items()
        return f"`{f} {_OPS[key]} {_lit(v)}`"
    if key == "$ex":
        return f"`{next(iter(value))}` " + ("ada" if lang != "en" else "present")
    if key == "$nex":
        return f"`{next(iter(value))}` " + ("tidak ada" if lang != "en" else "absent")
    if key == "$mt":
        (f, v), = value.items()
        return f"`{f} ~ /{v}/`"
    return f"`{key} = {_lit(value)}`"


def _lit(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return f'"{v}"'
    return str(v)


def _requirements_text(requires, lang: str) -> str:
    """``[anggota.kode_pokja, anggota.kedudukan, unit]`` as "sheet Anggota Pokja (kolom Kode Pokja,
    Kedudukan); sheet Unit"."""
    from checker.input.contract import SHEETS_BY_KIND
    grouped: dict[str, list[str]] = {}
    for req in requires:
        read = Read.parse(req)
        kind, field = read.sheet, read.field
        cols = grouped.setdefault(kind, [])
        if field:
            spec = SHEETS_BY_KIND.get(kind)
            label = next((c.label for c in spec.columns if c.field == field), field) if spec else field
            if label not in cols:
                cols.append(label)
    parts = []
    for kind, cols in grouped.items():
        spec = SHEETS_BY_KIND.get(kind)
        sheet = t("rulebook.sheet_label", lang, sheet=spec.label if spec else kind)
        parts.append(f"{sheet} ({t('rulebook.columns', lang)} {', '.join(cols)})" if cols else sheet)
    return "; ".join(parts)


def _legal_basis(rule, lang: str) -> list[str]:
    """The legal-basis section's body: the citation and the quoted passages."""
    points = basis_points(rule.basis)
    if points:
        lines = [f"**{rule.basis}** — {REGULATION}", ""]
    else:
        lines = [f"**{rule.basis}** — {t('rulebook.data_basis', lang)}", ""]
    for k, passage in enumerate(legal_passages(rule)):
        if k:
            lines += [">", "> …", ">"]
        lines.append(f"> {passage}")
    return lines


def _rule_sections(rule, lang: str, level: str, md: bool) -> list[str]:
    s = t("rulebook.sections", lang)
    base_sheets = load_example_base(Path(rule.path).parent) if rule.path else None
    where = t("rulebook.examples_where_md" if md else "rulebook.examples_where", lang)
    unit = "D9.AS1"
    if base_sheets and base_sheets.get("Unit", {}).get("rows"):
        unit = cell_text(base_sheets["Unit"]["rows"][0][0])
    lines = [f"{level} {s[0]}", "", _doc(rule, "what", lang), "",
             f"{level} {s[1]}", "", _doc(rule, "why", lang), "",
             f"{level} {s[2]}", "", *_legal_basis(rule, lang)]
    lines += ["", f"{level} {s[3]}", "",
              t("rulebook.examples_intro", lang, unit=unit, where=where, stage=DEFAULT_EXAMPLE_STAGE), "",
              *describe_examples(rule, True, lang, base_sheets),
              f"{level} {s[4]}", "",
              *describe_examples(rule, False, lang, base_sheets),
              f"{level} {s[5]}", "", _doc(rule, "fix", lang) or rule.text("hint", lang), "",
              t("rulebook.hint", lang), "", "> " + rule.text("hint", lang), "",
              f"{level} {s[6]}", ""]
    kind = KINDS.get(rule.fact)
    kind_def = pick(kind.definition, lang) if kind else ""
    lines += [t("rulebook.fact_kind", lang, kind=rule.fact, definition=kind_def), "",
              t("rulebook.condition", lang, cond=condition_text(rule.when, lang)), ""]
    for name in sorted(rule.fields_used()):
        spec = kind.fields.get(name) if kind else None
        lines.append(f"- `{name}` ({spec.type}): {pick(spec.definition, lang)}" if spec else f"- `{name}`")
    lines.append("")
    if rule.requires:
        lines.append(t("rulebook.requires", lang, items=_requirements_text(rule.requires, lang)))
    else:
        lines.append(t("rulebook.requires_none", lang))
    return lines


def _header_line(rule, lang) -> str:
    sev = severity_label(rule.severity, lang, basis=rule.basis)
    return (f"{t('rulebook.severity', lang)}: {sev}; "
            + t("rulebook.from_stage", lang, stage=rule.from_stage, stages=", ".join(stages_of(rule))))


def render_rule(rule, lang: str) -> str:
    """One rule's documentation (``cek-pokja explain``), its fixed sections in order."""
    lines = [f"{rule.id} {rule.slug}: {rule.text('title', lang)}", _header_line(rule, lang), ""]
    lines += _rule_sections(rule, lang, "##", md=False)
    return _tidy(lines)


def _tidy(lines) -> str:
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


def _esc(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


# ---------------------------------------------------------------------------------------------
# coverage

def render_coverage(base, lang: str, heading: str = "#") -> str:
    """The coverage table of Pasal 2 and Lampiran BAB II, with the totals (``rules --coverage``)."""
    cov = coverage(base)
    if cov is None:
        return t("rulebook.cov.missing", lang, dir=base.source, file=COVERAGE_FILE) + "\n"
    fig = coverage_figures(base)
    lines = [f"{heading} {t('rulebook.cov.title', lang, reg=REGULATION)}", "",
             t("rulebook.cov.ratio", lang, **fig), "",
             t("rulebook.cov.figures", lang, **fig), "", t("rulebook.cov.method", lang), ""]
    part = None
    for c in cov:
        if c["part"] != part:
            part = c["part"]
            title = t("rulebook.part." + part, lang) if "rulebook.part." + part in CATALOGUE else part
            lines += ["", f"{heading}# {title}", "", t("rulebook.cov.head", lang), "|---|---|---|---|"]
        status = t("rulebook.cov." + c["status"], lang) if c["status"] in COVERAGE_STATUSES else "?"
        if c["status"] in ENFORCED:
            remark = ", ".join(c["rules"] + [f"{x}*" for x in c["hand_rules"]])
            if c["note"]:
                remark += " — " + pick(c["note"], lang)
        else:
            remark = pick(c["reason"], lang)
        lines.append(f"| {_esc(c['point'])} | “{_esc(c['quote'])}” | {status} | {_esc(remark)} |")
    lines += ["", t("rulebook.cov.data_rules", lang, ids=", ".join(fig["data_rules"]) or "-"), "",
              t("rulebook.cov.ratio", lang, **fig)]
    return _tidy(lines)


# ---------------------------------------------------------------------------------------------
# the whole rulebook

def render_markdown(base, lang: str) -> str:
    """The whole rulebook (``cek-pokja rules --format markdown``)."""
    lines = [f"# {t('rulebook.md.title', lang)}", "", t("rulebook.md.intro", lang, cmd=REGENERATE, reg=REGULATION), "",
             f"## {t('rulebook.md.list', lang)}", "", t("rulebook.md.list_head", lang), "|---|---|---|---|---|---|"]
    for r in base.rules:
        sev = severity_label(r.severity, lang, basis=r.basis)
        lines.append(f"| [{r.id}](#{r.id.lower()}) | {r.slug} | {sev} | {r.from_stage} | "
                     f"{_esc(r.text('title', lang))} | {_esc(r.basis)} |")
    fig = coverage_figures(base)
    if fig["total"]:
        lines += ["", f"## {t('rulebook.md.coverage_short', lang)}", "", t("rulebook.cov.ratio", lang, **fig), "",
                  t("rulebook.cov.figures", lang, **fig), "", t("rulebook.md.coverage_see", lang)]
    lines += ["", f"## {t('rulebook.md.rules', lang)}"]
    for r in base.rules:
        body = _rule_sections(r, lang, "####", md=True)
        lines += ["", f'<a id="{r.id.lower()}"></a>', "", f"### {r.id} {r.slug}: {r.text('title', lang)}", "",
                  _header_line(r, lang), "", *body]
    if fig["total"]:
        cov_text = render_coverage(base, lang, heading="###").splitlines()
        lines += ["", '<a id="cakupan"></a>', "", f"## {t('rulebook.md.appendix_cov', lang)}", "", *cov_text[1:]]
    bases = example_bases(base.source)
    if bases:
        lines += ["", '<a id="unit-contoh"></a>', "", f"## {t('rulebook.md.appendix_base', lang)}", "",
                  t("rulebook.md.base_intro", lang)]
        for name, sheets in bases:
            lines += ["", f"### {t('rulebook.md.base_unit', lang, unit=unit_code(sheets), file=name + '.yaml')}"]
            for sheet, data in sheets.items():
                lines += ["", f"#### {sheet}", "", *sheet_table(Sheet(data), lang)]
    return _tidy(lines)
