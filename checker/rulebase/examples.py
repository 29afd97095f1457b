"""A rule's examples in words: the compliant example unit (``rules/_example_base*.yaml``), the
edits each example makes to it, described with the Excel rows and columns they touch, and the
findings it must give (``explain`` and the rulebook show them; ``tests/rulebase/
test_rule_examples.py`` proves them on both engines). Markdown text, no workbook is built."""
from __future__ import annotations

import copy
import datetime as _dt
import json
from pathlib import Path

from checker.input.values import col_letter
from checker.rulebase.sidefile import read_side_file
from checker.texts import pick, t

DEFAULT_EXAMPLE_STAGE = "penetapan"
EXAMPLE_BASE_FILE = "_example_base.yaml"
# Columns that identify a row in an edit's description, in this order of preference.
_IDENT_COLUMNS = ("Kode Unit", "Kode Pokja", "Kode Target", "Nomor Surat Tugas", "NIP", "ID Pegawai", "Nama",
                  "Kedudukan")
_EXAMPLE_KEYS = ("name", "edit", "expect", "stage", "others", "roster", "draft", "workbook")
# The example unit's compliant decree draft (tests/decree_kit.py, example_draft) and what an
# example's `draft` entry may change in it (tests/rule_examples.py, make_draft).
DRAFT_FILE = "sk-d9-as1.docx"
_DRAFT_KEYS = ("file", "set", "pokja", "person", "add_member", "drop_person", "drop_pokja", "comments", "content")


def load_example_base(directory, name: str = EXAMPLE_BASE_FILE[:-5]) -> dict | None:
    """The sheets of an example unit (``_example_base.yaml`` or another ``_example_base*``)."""
    path = Path(str(directory)) / f"{name}.yaml"
    if not path.is_file():
        return None
    data = read_side_file(path) or {}
    return data.get("sheets")


def example_bases(directory) -> list[tuple[str, dict]]:
    """Every ``_example_base*.yaml`` of a rule directory, the main one first."""
    d = Path(str(directory))
    if not d.is_dir():
        return []
    names = sorted((p.name[:-5] for p in d.glob("_example_base*.yaml")), key=lambda n: (n != "_example_base", n))
    return [(n, s) for n in names if (s := load_example_base(d, n))]


def unit_code(sheets) -> str:
    """The Kode Unit of an example unit's sheets ("?" when it has none)."""
    try:
        u = sheets["Unit"]
        return cell_text(u["rows"][0][u["header"].index("Kode Unit")])
    except (KeyError, IndexError, ValueError, TypeError):
        return "?"


def cell_text(v) -> str:
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


class Sheet:
    """One sheet of an example unit (its title rows, header and rows), edited in place as an
    example's edits are described."""

    def __init__(self, data):
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
                if all(c in self.header and cell_text(r[self.header.index(c)]) == cell_text(v)
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
                    parts.append(f"{c} {cell_text(v)}")
        return "; ".join(parts[:4])


def _changes(sheet: Sheet, i: int, values: dict, lang) -> str:
    out = []
    for col, new in values.items():
        letter = sheet.letter(col)
        old = sheet.rows[i][sheet.header.index(col)] if col in sheet.header else None
        empty_old, empty_new = old in (None, ""), new in (None, "")
        if cell_text(old) == cell_text(new) and type(old) is type(new):
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


def sheet_table(sheet: Sheet, lang) -> list[str]:
    """A sheet as a markdown table with Excel row numbers and column letters."""
    def esc(v):
        return cell_text(v).replace("|", "\\|").replace("\n", " ")
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
    sheets = {k: Sheet(v) for k, v in (base_sheets or {}).items()}
    out: list[str] = []
    for e in edits or []:
        try:
            out.extend(_describe_edit(e, sheets, lang))
        except (KeyError, ValueError, IndexError, TypeError, AttributeError):
            out.append("- " + t("rulebook.e.unknown", lang, data=_inline(e)))
    return out or [t("rulebook.no_edit", lang)]


def _inline(data) -> str:
    return "`" + json.dumps(data, ensure_ascii=False, default=str) + "`"


def _describe_edit(e, sheets, lang) -> list[str]:
    if "drop_sheet" in e:
        sheets.pop(e["drop_sheet"], None)
        return ["- " + t("rulebook.e.drop_sheet", lang, sheet=e["drop_sheet"])]
    name = e["sheet"]
    sheet = sheets[name]
    if "replace" in e:
        sheets[name] = Sheet(e["replace"])
        return ["- " + t("rulebook.e.replace", lang, sheet=name), "", *sheet_table(sheets[name], lang), ""]
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


def describe_draft(ex: dict, lang: str) -> list[str]:
    """An example's decree draft in words (S rules): the file, then each change made to the
    example unit's compliant draft, or the kind of unreadable file it is."""
    spec = ex.get("draft")
    if not isinstance(spec, dict):
        return []
    file = spec.get("file", DRAFT_FILE)
    if ex.get("workbook") is False:
        out = [t("rulebook.d.alone", lang, file=file)]
    else:
        out = [t("rulebook.d.with", lang, file=file)]
    if spec.get("content"):
        return out + ["- " + t("rulebook.d.content." + str(spec["content"]), lang)
                      if "rulebook.d.content." + str(spec["content"]) in _catalogue()
                      else "- " + t("rulebook.e.unknown", lang, data=_inline(spec))]
    fields = t("rulebook.d.fields", lang)
    lines = []
    for k, v in (spec.get("set") or {}).items():
        lines.append(t("rulebook.d.set", lang, field=fields.get(k, k), value=_draft_value(v, lang)))
    for name, changes in (spec.get("pokja") or {}).items():
        for k, v in changes.items():
            lines.append(t("rulebook.d.pokja", lang, pokja=name, field=fields.get(k, k), value=_draft_value(v, lang)))
    for name, changes in (spec.get("person") or {}).items():
        for k, v in changes.items():
            lines.append(t("rulebook.d.person", lang, person=name, field=fields.get(k, k),
                           value=_draft_value(v, lang)))
    for name, person in (spec.get("add_member") or {}).items():
        lines.append(t("rulebook.d.add", lang, pokja=name, person=(person or {}).get("name", "?"),
                       data=_inline(person)))
    for name in spec.get("drop_person") or []:
        lines.append(t("rulebook.d.drop", lang, person=name))
    if spec.get("drop_pokja"):
        lines.append(t("rulebook.d.drop_pokja", lang, pokja=spec["drop_pokja"]))
    for c in spec.get("comments") or []:
        lines.append(t("rulebook.d.comment", lang, text=(c or {}).get("text", ""),
                       state=t("rulebook.d.done" if (c or {}).get("done") else "rulebook.d.open", lang)))
    extra = {k: v for k, v in spec.items() if k not in _DRAFT_KEYS}
    if extra:
        lines.append(t("rulebook.e.unknown", lang, data=_inline(extra)))
    return out + ["- " + x for x in lines or [t("rulebook.d.as_is", lang)]]


def _catalogue() -> dict:
    from checker.texts import CATALOGUE
    return CATALOGUE


def _draft_value(v, lang) -> str:
    if isinstance(v, list):
        return "; ".join(f"“{x}”" for x in v) if v else t("rulebook.v.empty", lang)
    if v is None or v == "":
        return t("rulebook.v.empty", lang)
    return f"“{v}”"


def describe_finding(expect: dict, lang: str) -> str:
    """One expected finding as a markdown bullet: where (sheet, row, column; in a decree draft
    its location label) and whom it names."""
    sheet, row, column = expect.get("sheet"), expect.get("row"), expect.get("column")
    where = _cell_words(sheet, row, column, lang)
    if expect.get("doc"):
        compared = "; " + t("rulebook.f.compared", lang, where=where) if sheet else ""
        where = t("rulebook.f.doc", lang, label=expect["doc"]) + compared
    return _finding_line(where, expect, lang)


def _cell_words(sheet, row, column, lang: str) -> str:
    if sheet and row is not None and column:
        return t("rulebook.f.cell", lang, sheet=sheet, row=row, column=column)
    if sheet and row is not None:
        return t("rulebook.f.row", lang, sheet=sheet, row=row)
    if sheet and column:
        return t("rulebook.f.column", lang, sheet=sheet, column=column)
    if sheet:
        return t("rulebook.f.sheet", lang, sheet=sheet)
    return t("rulebook.f.nowhere", lang)


def _finding_line(where: str, expect: dict, lang: str) -> str:
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


def describe_examples(rule, fires: bool, lang: str, base_sheets) -> list[str]:
    """A rule's violating (`fires`) or compliant examples, each with its edits and the findings
    it must give."""
    exs = _examples(rule, fires)
    if not exs:
        return [t("rulebook.no_example", lang)]
    directory = Path(rule.path).parent if rule.path else None
    out = []
    for n, ex in enumerate(exs, start=1):
        stage = ex.get("stage", DEFAULT_EXAMPLE_STAGE)
        out += [f"**{n}. {pick(ex.get('name'), lang)}** ({t('rulebook.stage_line', lang, stage=stage)})", ""]
        if ex.get("workbook") is not False:
            out += [t("rulebook.edits", lang, unit=unit_code(base_sheets or {})),
                    *describe_edits(ex.get("edit"), base_sheets, lang), ""]
        if ex.get("draft") is not None:
            out += [*describe_draft(ex, lang), ""]
        for other in ex.get("others") or []:
            base_name = other.get("base") if isinstance(other, dict) else None
            other_sheets = load_example_base(directory, base_name) if (directory and base_name) else base_sheets
            what = (t("rulebook.other_base", lang, base=f"{base_name}.yaml", unit=unit_code(other_sheets or {}))
                    if base_name else t("rulebook.other_copy", lang))
            out += [t("rulebook.other_wb", lang, file=other.get("file", "?"), what=what),
                    *describe_edits(other.get("edit"), other_sheets, lang), ""]
        if isinstance(ex.get("roster"), dict):
            out += [t("rulebook.roster", lang), ""]
            for name, data in ex["roster"].items():
                out += [f"*{name}*", "", *sheet_table(Sheet(data), lang), ""]
        extra = {k: v for k, v in ex.items() if k not in _EXAMPLE_KEYS}
        if extra:
            out += ["- " + t("rulebook.e.unknown", lang, data=_inline(extra)), ""]
        if fires:
            expect = ex.get("expect") or []
            out += [t("rulebook.expect", lang, rule=rule.id, n=len(expect)),
                    *(describe_finding(x, lang) for x in expect if isinstance(x, dict)), ""]
        else:
            out += [t("rulebook.expect_none", lang, rule=rule.id), ""]
    return out
