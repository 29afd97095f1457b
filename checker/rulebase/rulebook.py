"""Human renderings of the rule base: the list, one rule's documentation, the whole rulebook,
and the coverage of the regulation (``rules/_coverage.yaml``).

Everything here is pure text building over a loaded :class:`~checker.rulebase.RuleBase`: no
pandas, no workbook is read. A rule's examples are described from their data (the edits made
to the compliant example unit ``rules/_example_base.yaml`` and the findings they must give);
``tests/test_rule_examples.py`` proves them on both engines.
"""
from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

from checker.facts.schema import KINDS
from checker.input.values import col_letter
from checker.terms import is_data_basis
from checker.texts import CATALOGUE, severity_label, t

STAGE_ORDER = ("rancangan", "penetapan", "evaluasi")
DEFAULT_EXAMPLE_STAGE = "penetapan"
REGULATION = "Peraturan Menteri Koordinator Bidang Perekonomian Nomor 1 Tahun 2025"
COVERAGE_FILE = "_coverage.yaml"
EXAMPLE_BASE_FILE = "_example_base.yaml"
LEGAL_TEXT_GAP = " … "          # separates the non-adjacent passages of a rule's legal_text
REGENERATE = "cek-pokja rules --format markdown --lang id > docs/rulebook.md"




_OPS = {"$neq": "≠", "$lt": "<", "$gt": ">", "$lte": "≤", "$gte": "≥"}
# Columns that identify a row in an edit's description, in this order of preference.
_IDENT_COLUMNS = ("Kode Unit", "Kode Pokja", "Kode Target", "Nomor Surat Tugas", "NIP", "ID Pegawai", "Nama",
                  "Kedudukan")


def _pick(value, lang: str) -> str:
    """A text that is either a plain string or a {id, en} mapping."""
    if isinstance(value, dict):
        return str(value.get(lang) or value.get("id") or "")
    return "" if value is None else str(value)


def stages_of(rule) -> list[str]:
    return list(STAGE_ORDER[STAGE_ORDER.index(rule.from_stage):])


def render_list(base, lang: str) -> str:
    lines = [t("rules.header", lang)]
    for r in base.rules:
        sev = severity_label(r.severity, lang, basis=r.basis)
        lines.append(f"{r.id}  {sev:<15} {','.join(s[0].upper() for s in stages_of(r)):<6} {r.slug}")
        lines.append(f"{'':<28}{r.text('title', lang)} [{r.basis}]")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# legal basis

_NOTE_RE = re.compile(r"\s*\((?!\d)[^()]{3,}\)\s*$")        # "(tabel Pengajuan Sukarela)"
_RANGE_RE = re.compile(r"^(.*\.)([a-z])[–-]([a-z])$")       # "II.B.3.b–c"
_NUMBERED_RANGE_RE = re.compile(r"^(.*\.)(\d+)\)[–-](\d+)\)$")  # "II.D.4.c.1)–2)"
_PASAL_RE = re.compile(r"^(Pasal \d+)\b\s*(.*)$")


def basis_points(basis: str) -> list[str]:
    """The points of the regulation a rule's ``basis`` names, in the citation style of rules.md.

    ``"Pasal 2 ayat (2), ayat (6) huruf a; Lampiran II.D.3.a"`` gives ``["Pasal 2 ayat (2)",
    "Pasal 2 ayat (6) huruf a", "Lampiran II.D.3.a"]``; ``"II.x"`` after a ``;`` is the Lampiran,
    ``"b–c"`` a range of letters, ``"1)–2)"`` one of numbered points, a trailing note in
    parentheses is dropped; ``"data"`` names none.
    """
    if is_data_basis(basis):
        return []
    out: list[str] = []
    pasal = None
    for segment in basis.split(";"):
        segment = _NOTE_RE.sub("", segment.strip())
        for part in (p.strip() for p in segment.split(", ")):
            if not part:
                continue
            m = _PASAL_RE.match(part)
            if m:
                pasal = m.group(1)
            elif part.startswith("ayat") and pasal:
                part = f"{pasal} {part}"
            elif part.startswith("II."):
                part = "Lampiran " + part
            m = _RANGE_RE.match(part)
            n = _NUMBERED_RANGE_RE.match(part)
            if m:
                out.extend(f"{m.group(1)}{chr(c)}" for c in range(ord(m.group(2)), ord(m.group(3)) + 1))
            elif n:
                out.extend(f"{n.group(1)}{i})" for i in range(int(n.group(2)), int(n.group(3)) + 1))
            else:
                out.append(part)
    return list(dict.fromkeys(out))


def legal_passages(rule) -> list[str]:
    return [p.strip() for p in rule.legal_text.split(LEGAL_TEXT_GAP) if p.strip()]


# ---------------------------------------------------------------------------------------------
# example unit and examples

def _yaml_load(path: Path):
    # issue 13: read like a rule file (bounded, no aliases), refused naming the file (exit 3).
    from checker.rulebase.loading import RuleBaseError
    from checker.rulebase.yamlfile import RuleFileError, read_yaml
    try:
        return read_yaml(path.read_bytes())
    except RuleFileError as e:
        raise RuleBaseError(path, e.problem) from None


def load_example_base(directory, name: str = EXAMPLE_BASE_FILE[:-5]) -> dict | None:
    """The sheets of an example unit (``_example_base.yaml`` or another ``_example_base*``)."""
    path = Path(str(directory)) / f"{name}.yaml"
    if not path.is_file():
        return None
    data = _yaml_load(path) or {}
    return data.get("sheets")


def example_bases(directory) -> list[tuple[str, dict]]:
    """Every ``_example_base*.yaml`` of a rule directory, the main one first."""
    d = Path(str(directory))
    if not d.is_dir():
        return []
    names = sorted((p.name[:-5] for p in d.glob("_example_base*.yaml")), key=lambda n: (n != "_example_base", n))
    return [(n, s) for n in names if (s := load_example_base(d, n))]


def _unit_code(sheets) -> str:
    try:
        u = sheets["Unit"]
        return _cell_text(u["rows"][0][u["header"].index("Kode Unit")])
    except (KeyError, IndexError, ValueError, TypeError):
        return "?"


def _cell_text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (_dt.date, _dt.datetime)):
        return v.isoformat()
    return str(v)


def _quote_value(v, lang) -> str:
    if v is None or v == "":
        return t("rulebook.v.empty", lang)
    if isinstance(v, bool):
        return f"“{v}”"
    if isinstance(v, (int, float)):
        return t("rulebook.v.number", lang, v=v)
    if isinstance(v, (_dt.date, _dt.datetime)):
        return t("rulebook.v.date", lang, v=v.isoformat())
    return f"“{v}”"


class _Sheet:
    def __init__(self, data):
        import copy
        data = copy.deepcopy(data)
        self.title = data.get("title") or []
        self.header = list(data.get("header") or [])
        self.rows = [list(r) for r in data.get("rows") or []]

    def excel_row(self, i: int) -> int:
        return len(self.title) + 2 + i

    def letter(self, col: str) -> str:
        return col_letter(self.header.index(col)) if col in self.header else "?"

    def match(self, where) -> list[int]:
        where = where or {}
        return [i for i, r in enumerate(self.rows)
                if all(c in self.header and _cell_text(r[self.header.index(c)]) == _cell_text(v)
                       for c, v in where.items())]

    def ident(self, i: int, where) -> str:
        row = self.rows[i]
        first = [c for c in _IDENT_COLUMNS if c in self.header][:1]
        cols = list(dict.fromkeys(list(where or {}) or first))
        cols += [c for c in ("Nama", "Kedudukan") if c in self.header and c not in cols]
        parts = []
        for c in cols:
            if c in self.header:
                v = row[self.header.index(c)]
                if v not in (None, ""):
                    parts.append(f"{c} {_cell_text(v)}")
        return "; ".join(parts[:4])


def _changes(sheet: _Sheet, i: int, values: dict, lang) -> str:
    out = []
    for col, new in values.items():
        letter = sheet.letter(col)
        old = sheet.rows[i][sheet.header.index(col)] if col in sheet.header else None
        empty_old, empty_new = old in (None, ""), new in (None, "")
        if _cell_text(old) == _cell_text(new) and type(old) is type(new):
            key = "c.same"
        elif empty_new:
            key = "c.emptied"
        elif empty_old:
            key = "c.filled"
        else:
            key = "c.changed"
        out.append(t("rulebook." + key, lang, letter=letter, col=col, old=_quote_value(old, lang),
                     new=_quote_value(new, lang)))
        if col in sheet.header:
            sheet.rows[i][sheet.header.index(col)] = new
    return "; ".join(out)


def _table(sheet: _Sheet, lang, highlight: str | None = None) -> list[str]:
    """A sheet as a markdown table with Excel row numbers and column letters."""
    def esc(v):
        return _cell_text(v).replace("|", "\\|").replace("\n", " ")
    head = [t("rulebook.row_label", lang)] + [f"{col_letter(j)}: {h}" for j, h in enumerate(sheet.header)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for k, title in enumerate(sheet.title):
        pad = [""] * (len(sheet.header) - len(title))
        cells = [f"{k + 1} {t('rulebook.title_row', lang)}"] + [esc(v) for v in title] + pad
        lines.append("| " + " | ".join(cells[:len(head)]) + " |")
    hr = len(sheet.title) + 1
    lines.append("| " + " | ".join([str(hr)] + [f"*{esc(h)}*" for h in sheet.header]) + " |")
    for i, r in enumerate(sheet.rows):
        lines.append("| " + " | ".join([str(sheet.excel_row(i))] + [esc(v) for v in r]) + " |")
    return lines


def describe_edits(edits, base_sheets: dict | None, lang: str) -> list[str]:
    """The example's edits in words, one markdown bullet (or a table) per change, with the Excel
    rows and columns they touch computed on the example unit as edited so far."""
    sheets = {k: _Sheet(v) for k, v in (base_sheets or {}).items()}
    out: list[str] = []
    for e in edits or []:
        try:
            out.extend(_describe_edit(e, sheets, lang))
        except (KeyError, ValueError, IndexError, TypeError, AttributeError):
            out.append("- " + t("rulebook.e.unknown", lang, data=_inline(e)))
    return out or [t("rulebook.no_edit", lang)]


def _inline(data) -> str:
    import json
    return "`" + json.dumps(data, ensure_ascii=False, default=str) + "`"


def _describe_edit(e, sheets, lang) -> list[str]:
    if "drop_sheet" in e:
        sheets.pop(e["drop_sheet"], None)
        return ["- " + t("rulebook.e.drop_sheet", lang, sheet=e["drop_sheet"])]
    name = e["sheet"]
    sheet = sheets[name]
    if "replace" in e:
        sheets[name] = _Sheet(e["replace"])
        return ["- " + t("rulebook.e.replace", lang, sheet=name), "", *_table(sheets[name], lang), ""]
    if "drop_column" in e:
        col = e["drop_column"]
        j = sheet.header.index(col)
        letter = col_letter(j)
        sheet.header.pop(j)
        for r in sheet.rows:
            r.pop(j)
        return ["- " + t("rulebook.e.drop_column", lang, sheet=name, letter=letter, col=col)]
    if "append" in e:
        values = e["append"]
        sheet.rows.append([values.get(h, "") for h in sheet.header])
        cells = ", ".join(f"{sheet.letter(c)} “{c}” = {_quote_value(v, lang)}" for c, v in values.items()
                          if v not in (None, ""))
        return ["- " + t("rulebook.e.append", lang, sheet=name, row=sheet.excel_row(len(sheet.rows) - 1), cells=cells)]
    if "set_all" in e:
        return ["- " + t("rulebook.e.set_all", lang, sheet=name, row=sheet.excel_row(i),
                          changes=_changes(sheet, i, e["set_all"], lang)) for i in range(len(sheet.rows))]
    hits = sheet.match(e.get("where"))
    if not hits:
        return ["- " + t("rulebook.e.unknown", lang, data=_inline(e))]
    if e.get("delete"):
        lines = ["- " + t("rulebook.e.delete", lang, sheet=name, row=sheet.excel_row(i),
                          ident=sheet.ident(i, e.get("where"))) for i in hits]
        sheet.rows = [r for i, r in enumerate(sheet.rows) if i not in hits]
        return lines
    return ["- " + t("rulebook.e.set", lang, sheet=name, row=sheet.excel_row(i), ident=sheet.ident(i, e.get("where")),
                      changes=_changes(sheet, i, e["set"], lang)) for i in hits]


def describe_finding(expect: dict, lang: str) -> str:
    sheet, row, column = expect.get("sheet"), expect.get("row"), expect.get("column")
    if sheet and row is not None and column:
        where = t("rulebook.f.cell", lang, sheet=sheet, row=row, column=column)
    elif sheet and row is not None:
        where = t("rulebook.f.row", lang, sheet=sheet, row=row)
    elif sheet and column:
        where = t("rulebook.f.column", lang, sheet=sheet, column=column)
    elif sheet:
        where = t("rulebook.f.sheet", lang, sheet=sheet)
    else:
        where = t("rulebook.f.nowhere", lang)
    who = [t("rulebook.f.unit", lang, unit=expect["unit"])] if expect.get("unit") else []
    if expect.get("pokja"):
        who.append(t("rulebook.f.pokja", lang, pokja=expect["pokja"]))
    name, nip = expect.get("name"), expect.get("nip")
    if name or nip:
        person = f"{name} (NIP {nip})" if name and nip else (str(name) if name else f"NIP {nip}")
        who.append(t("rulebook.f.person", lang, person=person))
    if expect.get("target"):
        who.append(t("rulebook.f.target", lang, target=expect["target"]))
    where = where[0].upper() + where[1:]
    return f"- {where} — " + "; ".join(who) if who else f"- {where}"


def _examples(rule, fires: bool) -> list:
    return [ex for ex in rule.examples or [] if isinstance(ex, dict) and bool(ex.get("expect")) == fires]


def _describe_examples(rule, fires: bool, lang: str, base_sheets, md: bool) -> list[str]:
    exs = _examples(rule, fires)
    if not exs:
        return [t("rulebook.no_example", lang)]
    directory = Path(rule.path).parent if rule.path else None
    out = []
    for n, ex in enumerate(exs, start=1):
        stage = ex.get("stage", DEFAULT_EXAMPLE_STAGE)
        out += [f"**{n}. {_pick(ex.get('name'), lang)}** ({t('rulebook.stage_line', lang, stage=stage)})", "",
                t("rulebook.edits", lang, unit=_unit_code(base_sheets or {})), *describe_edits(ex.get("edit"),
                                                                                               base_sheets, lang), ""]
        for other in ex.get("others") or []:
            base_name = other.get("base") if isinstance(other, dict) else None
            other_sheets = load_example_base(directory, base_name) if (directory and base_name) else base_sheets
            what = (t("rulebook.other_base", lang, base=f"{base_name}.yaml", unit=_unit_code(other_sheets or {}))
                    if base_name else t("rulebook.other_copy", lang))
            out += [t("rulebook.other_wb", lang, file=other.get("file", "?"), what=what),
                    *describe_edits(other.get("edit"), other_sheets, lang), ""]
        if isinstance(ex.get("roster"), dict):
            out += [t("rulebook.roster", lang), ""]
            for name, data in ex["roster"].items():
                out += [f"*{name}*", "", *_table(_Sheet(data), lang), ""]
        extra = {k: v for k, v in ex.items() if k not in ("name", "edit", "expect", "stage", "others", "roster")}
        if extra:
            out += ["- " + t("rulebook.e.unknown", lang, data=_inline(extra)), ""]
        if fires:
            expect = ex.get("expect") or []
            out += [t("rulebook.expect", lang, rule=rule.id, n=len(expect)),
                    *(describe_finding(x, lang) for x in expect if isinstance(x, dict)), ""]
        else:
            out += [t("rulebook.expect_none", lang, rule=rule.id), ""]
    return out


# ---------------------------------------------------------------------------------------------
# one rule

def _doc(rule, key, lang):
    doc = rule.doc or {}
    return _pick(doc.get(key), lang)


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
    from checker.input.schema import SHEETS_BY_KIND
    grouped: dict[str, list[str]] = {}
    for req in requires:
        kind, _, field = req.partition(".")
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


def _rule_sections(rule, lang: str, level: str, md: bool) -> list[str]:
    s = t("rulebook.sections", lang)
    base_sheets = load_example_base(Path(rule.path).parent) if rule.path else None
    where = t("rulebook.examples_where_md" if md else "rulebook.examples_where", lang)
    unit = "D9.AS1"
    if base_sheets and base_sheets.get("Unit", {}).get("rows"):
        unit = _cell_text(base_sheets["Unit"]["rows"][0][0])
    lines = [f"{level} {s[0]}", "", _doc(rule, "what", lang), "",
             f"{level} {s[1]}", "", _doc(rule, "why", lang), "",
             f"{level} {s[2]}", ""]
    points = basis_points(rule.basis)
    if points:
        lines += [f"**{rule.basis}** — {REGULATION}", ""]
    else:
        lines += [f"**{rule.basis}** — {t('rulebook.data_basis', lang)}", ""]
    passages = legal_passages(rule)
    for k, passage in enumerate(passages):
        if k:
            lines.append(">")
            lines.append("> …")
            lines.append(">")
        lines.append(f"> {passage}")
    lines += ["", f"{level} {s[3]}", "",
              t("rulebook.examples_intro", lang, unit=unit, where=where, stage=DEFAULT_EXAMPLE_STAGE), "",
              *_describe_examples(rule, True, lang, base_sheets, md),
              f"{level} {s[4]}", "",
              *_describe_examples(rule, False, lang, base_sheets, md),
              f"{level} {s[5]}", "", _doc(rule, "fix", lang) or rule.text("hint", lang), "",
              t("rulebook.hint", lang), "", "> " + rule.text("hint", lang), "",
              f"{level} {s[6]}", ""]
    kind = KINDS.get(rule.fact)
    kind_def = _pick(kind.definition, lang) if kind else ""
    lines += [t("rulebook.fact_kind", lang, kind=rule.fact, definition=kind_def), "",
              t("rulebook.condition", lang, cond=condition_text(rule.when, lang)), ""]
    for name in sorted(rule.fields_used()):
        spec = kind.fields.get(name) if kind else None
        lines.append(f"- `{name}` ({spec.type}): {_pick(spec.definition, lang)}" if spec else f"- `{name}`")
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


# ---------------------------------------------------------------------------------------------
# coverage

def load_coverage(directory) -> list[dict] | None:
    """The points of ``_coverage.yaml`` in ``directory``, or None when there is no such file."""
    path = Path(str(directory)) / COVERAGE_FILE
    if not path.is_file():
        return None
    data = _yaml_load(path) or {}
    return list(data.get("points") or [])


ENFORCED = ("enforced", "partial")
COVERAGE_STATUSES = ENFORCED + ("gap", "not_checkable")


def coverage(base) -> list[dict] | None:
    """Every point with its computed status: ``enforced`` (rules from the bases, plus hand entries
    naming rules of this base), ``partial`` when the entry says those rules cover only part of it
    (its ``note`` says which), else the declared ``not_checkable`` or ``gap``."""
    points = load_coverage(base.source)
    if points is None:
        return None
    by_point: dict[str, list[str]] = {}
    for r in base.rules:
        for p in basis_points(r.basis):
            by_point.setdefault(p, []).append(r.id)
    ids = {r.id for r in base.rules}
    out = []
    for entry in points:
        pid = entry["point"]
        auto = sorted(set(by_point.get(pid, [])))
        hand = sorted({x for x in entry.get("rules") or [] if x in ids} - set(auto))
        status = ("partial" if entry.get("partial") else "enforced") if auto or hand else entry.get("status", "")
        out.append({"point": pid, "quote": entry.get("quote", ""), "status": status, "rules": auto,
                    "hand_rules": hand, "reason": entry.get("reason") if status not in ENFORCED else None,
                    "note": entry.get("note"), "declared_status": entry.get("status"),
                    "part": _part_of(pid)})
    return out


def _part_of(point: str) -> str:
    if point.startswith("Pasal"):
        return "Pasal 2"
    m = re.match(r"^Lampiran II\.([A-E])", point)
    return m.group(1) if m else "?"


def coverage_figures(base) -> dict:
    """Counts of the coverage map: total points, checkable (enforced + partial + gap), enforced
    (wholly), partial, gap, not_checkable, and the point ids of each status. Empty counts when
    there is no map."""
    cov = coverage(base) or []
    by = {s: [c["point"] for c in cov if c["status"] == s] for s in COVERAGE_STATUSES}
    counts = {s: len(v) for s, v in by.items()}
    return {"total": len(cov), "checkable": counts["enforced"] + counts["partial"] + counts["gap"], **counts,
            "points": by, "data_rules": [r.id for r in base.rules if not basis_points(r.basis)]}


def _esc(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


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
                remark += " — " + _pick(c["note"], lang)
        else:
            remark = _pick(c["reason"], lang)
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
            lines += ["", f"### {t('rulebook.md.base_unit', lang, unit=_unit_code(sheets), file=name + '.yaml')}"]
            for sheet, data in sheets.items():
                lines += ["", f"#### {sheet}", "", *_table(_Sheet(data), lang)]
    return _tidy(lines)
