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
from checker.texts import t

STAGE_ORDER = ("rancangan", "penetapan", "evaluasi")
DEFAULT_EXAMPLE_STAGE = "penetapan"
REGULATION = "Peraturan Menteri Koordinator Bidang Perekonomian Nomor 1 Tahun 2025"
COVERAGE_FILE = "_coverage.yaml"
EXAMPLE_BASE_FILE = "_example_base.yaml"
LEGAL_TEXT_GAP = " … "          # separates the non-adjacent passages of a rule's legal_text
REGENERATE = "cek-pokja rules --format markdown --lang id > docs/rulebook.md"

SECTIONS = {
    "id": ("Apa yang diperiksa", "Mengapa", "Dasar hukum", "Contoh pelanggaran", "Contoh yang benar",
           "Cara memperbaiki", "Fakta yang dipakai"),
    "en": ("What it checks", "Why", "Legal basis", "Violating example", "Compliant example",
           "How to fix", "Facts used"),
}

# Every user-visible phrase of this module, (id, en).
_T = {
    "severity": ("Tingkat", "Severity"),
    "from_stage": ("berlaku sejak tahap {stage} ({stages})", "runs from the {stage} stage ({stages})"),
    "regulation": (REGULATION, REGULATION),
    "data_basis": ("Aturan mutu data: tidak menegakkan butir regulasi tertentu, tetapi menjaga agar data "
                   "workbook dapat diperiksa. Teks regulasi yang menjadi alasannya:",
                   "A data-quality rule: it enforces no particular point of the regulation but keeps the "
                   "workbook's data checkable. The regulation's text behind it:"),
    "points": ("Butir yang ditegakkan", "Points enforced"),
    "examples_intro": ("Setiap contoh mengubah salinan unit contoh yang patuh (unit {unit}; isinya tercantum "
                       "di {where}) lalu memeriksanya pada tahap {stage}, kecuali disebut lain. Nomor baris dan "
                       "kolom mengacu pada workbook setelah perubahan.",
                       "Each example edits a copy of the compliant example unit (unit {unit}; its content is "
                       "listed in {where}) and checks it at the {stage} stage unless stated otherwise. Row and "
                       "column numbers refer to the workbook after the edits."),
    "examples_where": ("docs/rulebook.md, Lampiran B", "docs/rulebook.md, Appendix B"),
    "examples_where_md": ("[Lampiran B](#unit-contoh)", "[Appendix B](#unit-contoh)"),
    "no_example": ("(aturan ini belum memiliki contoh)", "(this rule has no example yet)"),
    "stage_line": ("tahap {stage}", "stage {stage}"),
    "edits": ("Perubahan terhadap unit contoh {unit}:", "Changes to example unit {unit}:"),
    "other_wb": ("Diperiksa bersama workbook lain `{file}` ({what}), dengan perubahan:",
                 "Checked together with another workbook `{file}` ({what}), with these changes:"),
    "other_base": ("unit contoh {unit}, `{base}`", "example unit {unit}, `{base}`"),
    "other_copy": ("salinan unit contoh yang sama", "a copy of the same example unit"),
    "roster": ("Diperiksa dengan roster induk berikut:", "Checked with the following master roster:"),
    "no_edit": ("- tidak ada perubahan: unit contoh apa adanya", "- no change: the example unit as it is"),
    "expect": ("Temuan {rule} yang diharapkan ({n}):", "Expected {rule} findings ({n}):"),
    "expect_none": ("Temuan yang diharapkan: tidak ada temuan {rule}.", "Expected findings: no {rule} finding."),
    "hint": ("Petunjuk yang menyertai setiap temuan:", "Hint given with every finding:"),
    "fact_kind": ("Fakta `{kind}`: {definition}.", "Fact `{kind}`: {definition}."),
    "condition": ("Kondisi temuan: {cond}", "A finding when: {cond}"),
    "requires": ("Memerlukan: {items}. Bila bagian itu tidak ada, aturan ini tidak dijalankan untuk unit "
                 "tersebut (D05 melaporkannya).",
                 "Needs: {items}. When a unit lacks it, this rule does not run for that unit (D05 reports it)."),
    "requires_none": ("Memerlukan: tidak ada sheet atau kolom tertentu.", "Needs: no particular sheet or column."),
    "sheet_label": ("sheet {sheet}", "sheet {sheet}"),
    "columns": ("kolom", "columns"),
    "and": ("dan", "and"),
    "or": ("atau", "or"),
    # edits
    "e.drop_sheet": ("Sheet {sheet} dihapus dari workbook.", "Sheet {sheet} is removed from the workbook."),
    "e.drop_column": ("Sheet {sheet}: kolom {letter} “{col}” dihapus; kolom di kanannya bergeser ke kiri.",
                      "Sheet {sheet}: column {letter} “{col}” is removed; the columns to its right move left."),
    "e.append": ("Sheet {sheet}: baris {row} ditambahkan — {cells}.", "Sheet {sheet}: row {row} is added: {cells}."),
    "e.delete": ("Sheet {sheet}: baris {row} ({ident}) dihapus; baris di bawahnya naik satu baris.",
                 "Sheet {sheet}: row {row} ({ident}) is deleted; the rows below move up one row."),
    "e.set": ("Sheet {sheet}, baris {row} ({ident}): {changes}.", "Sheet {sheet}, row {row} ({ident}): {changes}."),
    "e.set_all": ("Sheet {sheet}, baris {row}: {changes}.", "Sheet {sheet}, row {row}: {changes}."),
    "e.replace": ("Sheet {sheet} diganti seluruhnya dengan isi berikut:",
                  "Sheet {sheet} is replaced entirely by the following:"),
    "e.unknown": ("Perubahan lain: {data}", "Other change: {data}"),
    "c.changed": ("kolom {letter} “{col}” diubah dari {old} menjadi {new}",
                  "column {letter} “{col}” changed from {old} to {new}"),
    "c.filled": ("kolom {letter} “{col}” diisi {new} (semula kosong)",
                 "column {letter} “{col}” filled with {new} (empty before)"),
    "c.emptied": ("kolom {letter} “{col}” dikosongkan (semula {old})",
                  "column {letter} “{col}” emptied (was {old})"),
    "c.same": ("kolom {letter} “{col}” tetap {new}", "column {letter} “{col}” stays {new}"),
    "v.empty": ("(kosong)", "(empty)"),
    "v.number": ("angka {v} (bukan teks)", "the number {v} (not text)"),
    "v.date": ("tanggal Excel {v}", "the Excel date {v}"),
    "row_label": ("Baris", "Row"),
    "title_row": ("(judul)", "(title)"),
    # findings
    "f.cell": ("sheet {sheet}, sel {column}{row}", "sheet {sheet}, cell {column}{row}"),
    "f.row": ("sheet {sheet}, baris {row}", "sheet {sheet}, row {row}"),
    "f.column": ("sheet {sheet}, kolom {column}", "sheet {sheet}, column {column}"),
    "f.sheet": ("sheet {sheet} (tanpa baris)", "sheet {sheet} (no row)"),
    "f.nowhere": ("tanpa lokasi", "no location"),
    "f.unit": ("unit {unit}", "unit {unit}"),
    "f.pokja": ("Pokja {pokja}", "Pokja {pokja}"),
    "f.person": ("orang: {person}", "person: {person}"),
    "f.target": ("target {target}", "target {target}"),
    # markdown
    "md.title": ("Buku aturan cek-pokja", "cek-pokja rulebook"),
    "md.intro": (
        "Dokumen ini dibuat otomatis dari basis aturan (`rules/*.yaml`) dengan perintah "
        "`{cmd}`; jangan diubah dengan tangan. Setiap aturan menegakkan butir {reg} tentang Mekanisme "
        "Kerja di Lingkungan Kementerian Koordinator Bidang Perekonomian. Untuk setiap aturan: apa yang "
        "diperiksa, mengapa, dasar hukum beserta kutipan teksnya, contoh pelanggaran dan contoh yang benar "
        "(keduanya diuji otomatis pada kedua mesin aturan), cara memperbaiki, dan fakta yang dipakai kondisinya. "
        "Satu aturan dapat ditampilkan dengan `cek-pokja explain ID` (tambahkan `--lang en` untuk bahasa Inggris).",
        "This document is generated from the rule base (`rules/*.yaml`) by `{cmd}`; do not edit it by hand. "
        "Every rule enforces points of {reg} on the work mechanism of the Coordinating Ministry for Economic "
        "Affairs. For each rule: what it checks, why, the legal basis with its quoted text, a violating and a "
        "compliant example (both tested automatically on both rule engines), how to fix it, and the facts its "
        "condition uses. One rule is shown by `cek-pokja explain ID` (add `--lang id` for Indonesian)."),
    "md.list": ("Daftar aturan", "Rule list"),
    "md.list_head": ("| ID | Slug | Tingkat | Sejak tahap | Judul | Dasar hukum |",
                     "| ID | Slug | Severity | From stage | Title | Legal basis |"),
    "md.coverage_short": ("Cakupan regulasi", "Coverage of the regulation"),
    "md.coverage_see": ("Rincian per butir: [Lampiran A — Cakupan regulasi](#cakupan).",
                        "Point by point: [Appendix A — Coverage of the regulation](#cakupan)."),
    "md.rules": ("Aturan", "Rules"),
    "md.appendix_cov": ("Lampiran A — Cakupan regulasi", "Appendix A — Coverage of the regulation"),
    "md.appendix_base": ("Lampiran B — Unit contoh yang patuh", "Appendix B — The compliant example unit"),
    "md.base_unit": ("Unit {unit} (`rules/{file}`)", "Unit {unit} (`rules/{file}`)"),
    "md.base_intro": (
        "Semua contoh aturan berangkat dari unit contoh pertama (`rules/_example_base.yaml`); contoh aturan lintas "
        "unit (X) memeriksanya bersama unit contoh lain. Orang-orangnya fiktif. Tanpa perubahan, unit contoh tidak "
        "menghasilkan temuan apa pun pada tahap mana pun, sendiri maupun bersama. Huruf pada judul kolom dan nomor "
        "baris adalah letaknya di Excel.",
        "Every rule example starts from the first example unit (`rules/_example_base.yaml`); the cross-unit (X) "
        "rules' examples check it together with another example unit. The people are fictional. Unchanged, the "
        "example units give no finding at any stage, alone or together. The letters in the column headers and the "
        "row numbers are their places in Excel."),
    # coverage
    "cov.title": ("Cakupan {reg}: Pasal 2 dan Lampiran BAB II", "Coverage of {reg}: Article 2 and Lampiran BAB II"),
    "cov.figures": ("Butir normatif: {total}. Dapat diperiksa dari workbook: {checkable} (ditegakkan oleh aturan: "
                    "{enforced}; celah: {gap}). Tidak dapat diperiksa dari workbook: {not_checkable}.",
                    "Normative points: {total}. Checkable from the workbook: {checkable} (enforced by a rule: "
                    "{enforced}; gaps: {gap}). Not checkable from the workbook: {not_checkable}."),
    "cov.ratio": ("Ditegakkan / dapat diperiksa / total: {enforced} / {checkable} / {total}.",
                  "Enforced / checkable / total: {enforced} / {checkable} / {total}."),
    "cov.method": (
        "Setiap ayat dan huruf Pasal 2 serta setiap angka dan huruf Lampiran BAB II (bagian A–E) yang memuat "
        "kewajiban atau pedoman tercantum sebagai satu butir; kalimat pengantar yang seluruh isinya diuraikan "
        "oleh sub-butirnya tidak dicantumkan tersendiri, kecuali dirujuk oleh suatu aturan. Aturan penegak "
        "diturunkan otomatis dari dasar hukum (`basis`) setiap aturan; yang ditandai * dipetakan manual "
        "(`rules/_coverage.yaml`) karena aturannya menegakkan butir itu walaupun dasar hukumnya tidak "
        "menyebutnya. Pada bagian C.3, “paragraf 2” adalah rincian “Pelaksanaan tugas Pejabat Fungsional dan "
        "Pelaksana terdiri atas:”, yang hurufnya berulang dari a.",
        "Each ayat and huruf of Article 2 and each numbered point and letter of Lampiran BAB II (parts A–E) "
        "that states an obligation or guidance is one point; a lead-in sentence whose whole content is spelt "
        "out by its sub-points is not listed on its own unless a rule cites it. The enforcing rules are derived "
        "automatically from each rule's legal basis (`basis`); those marked * are mapped by hand "
        "(`rules/_coverage.yaml`) because the rule enforces the point although its basis does not name it. In "
        "part C.3, “paragraf 2” is the list “Pelaksanaan tugas Pejabat Fungsional dan Pelaksana terdiri atas:”, "
        "whose letters start again from a."),
    "cov.head": ("| Butir | Kutipan | Status | Aturan / keterangan |", "| Point | Quote | Status | Rules / remarks |"),
    "cov.enforced": ("ditegakkan", "enforced"),
    "cov.not_checkable": ("tidak dapat diperiksa dari workbook", "not checkable from the workbook"),
    "cov.gap": ("celah", "gap"),
    "cov.hand": ("* dipetakan manual", "* mapped by hand"),
    "cov.data_rules": ("Aturan mutu data (dasar hukum “data”, tidak menegakkan butir tertentu): {ids}.",
                       "Data-quality rules (basis “data”, enforcing no particular point): {ids}."),
    "cov.missing": ("Basis aturan di {dir} tidak memiliki peta cakupan ({file}).",
                    "The rule base in {dir} has no coverage map ({file})."),
    "cov.pasal": ("Pasal 2", "Article 2"),
}

_PARTS = {
    "Pasal 2": ("Pasal 2", "Article 2"),
    "A": ("Lampiran II.A — Prinsip-prinsip mekanisme kerja", "Lampiran II.A — Principles of the work mechanism"),
    "B": ("Lampiran II.B — Tahapan mekanisme kerja", "Lampiran II.B — Stages of the work mechanism"),
    "C": ("Lampiran II.C — Ruang lingkup mekanisme kerja", "Lampiran II.C — Scope of the work mechanism"),
    "D": ("Lampiran II.D — Pembentukan Pokja", "Lampiran II.D — Forming a Pokja"),
    "E": ("Lampiran II.E — Gambar alur mekanisme kerja", "Lampiran II.E — Flow charts of the work mechanism"),
}

_OPS = {"$neq": "≠", "$lt": "<", "$gt": ">", "$lte": "≤", "$gte": "≥"}
# Columns that identify a row in an edit's description, in this order of preference.
_IDENT_COLUMNS = ("Kode Unit", "Kode Pokja", "Kode Target", "Nomor Surat Tugas", "NIP", "ID Pegawai", "Nama",
                  "Kedudukan")


def _L(lang: str) -> int:
    return 1 if lang == "en" else 0


def tr(key: str, lang: str, **kw) -> str:
    text = _T[key][_L(lang)]
    return text.format(**kw) if kw else text


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
        sev = t("sev." + r.severity, lang)
        lines.append(f"{r.id}  {sev:<11} {','.join(s[0].upper() for s in stages_of(r)):<6} {r.slug}")
        lines.append(f"{'':<25}{r.text('title', lang)} [{r.basis}]")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# legal basis

_NOTE_RE = re.compile(r"\s*\((?!\d)[^()]{3,}\)\s*$")        # "(tabel Pengajuan Sukarela)"
_RANGE_RE = re.compile(r"^(.*\.)([a-z])[–-]([a-z])$")       # "II.B.3.b–c"
_PASAL_RE = re.compile(r"^(Pasal \d+)\b\s*(.*)$")


def basis_points(basis: str) -> list[str]:
    """The points of the regulation a rule's ``basis`` names, in the citation style of rules.md.

    ``"Pasal 2 ayat (2), ayat (6) huruf a; Lampiran II.D.3.a"`` gives ``["Pasal 2 ayat (2)",
    "Pasal 2 ayat (6) huruf a", "Lampiran II.D.3.a"]``; ``"II.x"`` after a ``;`` is the Lampiran,
    ``"b–c"`` a range of letters, a trailing note in parentheses is dropped; ``"data"`` names none.
    """
    if basis.strip().casefold() == "data":
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
            if m:
                out.extend(f"{m.group(1)}{chr(c)}" for c in range(ord(m.group(2)), ord(m.group(3)) + 1))
            else:
                out.append(part)
    return list(dict.fromkeys(out))


def legal_passages(rule) -> list[str]:
    return [p.strip() for p in rule.legal_text.split(LEGAL_TEXT_GAP) if p.strip()]


# ---------------------------------------------------------------------------------------------
# example unit and examples

def _yaml_load(path: Path):
    import yaml
    return yaml.safe_load(path.read_text(encoding="utf-8"))


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
        return tr("v.empty", lang)
    if isinstance(v, bool):
        return f"“{v}”"
    if isinstance(v, (int, float)):
        return tr("v.number", lang, v=v)
    if isinstance(v, (_dt.date, _dt.datetime)):
        return tr("v.date", lang, v=v.isoformat())
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
        out.append(tr(key, lang, letter=letter, col=col, old=_quote_value(old, lang), new=_quote_value(new, lang)))
        if col in sheet.header:
            sheet.rows[i][sheet.header.index(col)] = new
    return "; ".join(out)


def _table(sheet: _Sheet, lang, highlight: str | None = None) -> list[str]:
    """A sheet as a markdown table with Excel row numbers and column letters."""
    def esc(v):
        return _cell_text(v).replace("|", "\\|").replace("\n", " ")
    head = [tr("row_label", lang)] + [f"{col_letter(j)}: {h}" for j, h in enumerate(sheet.header)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for k, title in enumerate(sheet.title):
        cells = [f"{k + 1} {tr('title_row', lang)}"] + [esc(v) for v in title] + [""] * (len(sheet.header) - len(title))
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
            out.append("- " + tr("e.unknown", lang, data=_inline(e)))
    return out or [tr("no_edit", lang)]


def _inline(data) -> str:
    import json
    return "`" + json.dumps(data, ensure_ascii=False, default=str) + "`"


def _describe_edit(e, sheets, lang) -> list[str]:
    if "drop_sheet" in e:
        sheets.pop(e["drop_sheet"], None)
        return ["- " + tr("e.drop_sheet", lang, sheet=e["drop_sheet"])]
    name = e["sheet"]
    sheet = sheets[name]
    if "replace" in e:
        sheets[name] = _Sheet(e["replace"])
        return ["- " + tr("e.replace", lang, sheet=name), "", *_table(sheets[name], lang), ""]
    if "drop_column" in e:
        col = e["drop_column"]
        j = sheet.header.index(col)
        letter = col_letter(j)
        sheet.header.pop(j)
        for r in sheet.rows:
            r.pop(j)
        return ["- " + tr("e.drop_column", lang, sheet=name, letter=letter, col=col)]
    if "append" in e:
        values = e["append"]
        sheet.rows.append([values.get(h, "") for h in sheet.header])
        cells = ", ".join(f"{sheet.letter(c)} “{c}” = {_quote_value(v, lang)}" for c, v in values.items()
                          if v not in (None, ""))
        return ["- " + tr("e.append", lang, sheet=name, row=sheet.excel_row(len(sheet.rows) - 1), cells=cells)]
    if "set_all" in e:
        return ["- " + tr("e.set_all", lang, sheet=name, row=sheet.excel_row(i),
                          changes=_changes(sheet, i, e["set_all"], lang)) for i in range(len(sheet.rows))]
    hits = sheet.match(e.get("where"))
    if not hits:
        return ["- " + tr("e.unknown", lang, data=_inline(e))]
    if e.get("delete"):
        lines = ["- " + tr("e.delete", lang, sheet=name, row=sheet.excel_row(i), ident=sheet.ident(i, e.get("where")))
                 for i in hits]
        sheet.rows = [r for i, r in enumerate(sheet.rows) if i not in hits]
        return lines
    return ["- " + tr("e.set", lang, sheet=name, row=sheet.excel_row(i), ident=sheet.ident(i, e.get("where")),
                      changes=_changes(sheet, i, e["set"], lang)) for i in hits]


def describe_finding(expect: dict, lang: str) -> str:
    sheet, row, column = expect.get("sheet"), expect.get("row"), expect.get("column")
    if sheet and row is not None and column:
        where = tr("f.cell", lang, sheet=sheet, row=row, column=column)
    elif sheet and row is not None:
        where = tr("f.row", lang, sheet=sheet, row=row)
    elif sheet and column:
        where = tr("f.column", lang, sheet=sheet, column=column)
    elif sheet:
        where = tr("f.sheet", lang, sheet=sheet)
    else:
        where = tr("f.nowhere", lang)
    who = [tr("f.unit", lang, unit=expect["unit"])] if expect.get("unit") else []
    if expect.get("pokja"):
        who.append(tr("f.pokja", lang, pokja=expect["pokja"]))
    name, nip = expect.get("name"), expect.get("nip")
    if name or nip:
        person = f"{name} (NIP {nip})" if name and nip else (str(name) if name else f"NIP {nip}")
        who.append(tr("f.person", lang, person=person))
    if expect.get("target"):
        who.append(tr("f.target", lang, target=expect["target"]))
    where = where[0].upper() + where[1:]
    return f"- {where} — " + "; ".join(who) if who else f"- {where}"


def _examples(rule, fires: bool) -> list:
    return [ex for ex in rule.examples or [] if isinstance(ex, dict) and bool(ex.get("expect")) == fires]


def _describe_examples(rule, fires: bool, lang: str, base_sheets, md: bool) -> list[str]:
    exs = _examples(rule, fires)
    if not exs:
        return [tr("no_example", lang)]
    directory = Path(rule.path).parent if rule.path else None
    out = []
    for n, ex in enumerate(exs, start=1):
        stage = ex.get("stage", DEFAULT_EXAMPLE_STAGE)
        out += [f"**{n}. {_pick(ex.get('name'), lang)}** ({tr('stage_line', lang, stage=stage)})", "",
                tr("edits", lang, unit=_unit_code(base_sheets or {})), *describe_edits(ex.get("edit"), base_sheets, lang), ""]
        for other in ex.get("others") or []:
            base_name = other.get("base") if isinstance(other, dict) else None
            other_sheets = load_example_base(directory, base_name) if (directory and base_name) else base_sheets
            what = (tr("other_base", lang, base=f"{base_name}.yaml", unit=_unit_code(other_sheets or {}))
                    if base_name else tr("other_copy", lang))
            out += [tr("other_wb", lang, file=other.get("file", "?"), what=what),
                    *describe_edits(other.get("edit"), other_sheets, lang), ""]
        if isinstance(ex.get("roster"), dict):
            out += [tr("roster", lang), ""]
            for name, data in ex["roster"].items():
                out += [f"*{name}*", "", *_table(_Sheet(data), lang), ""]
        extra = {k: v for k, v in ex.items() if k not in ("name", "edit", "expect", "stage", "others", "roster")}
        if extra:
            out += ["- " + tr("e.unknown", lang, data=_inline(extra)), ""]
        if fires:
            expect = ex.get("expect") or []
            out += [tr("expect", lang, rule=rule.id, n=len(expect)),
                    *(describe_finding(x, lang) for x in expect if isinstance(x, dict)), ""]
        else:
            out += [tr("expect_none", lang, rule=rule.id), ""]
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
        joined = f" {tr('and' if key == '$and' else 'or', lang)} ".join(subs)
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
        sheet = tr("sheet_label", lang, sheet=spec.label if spec else kind)
        parts.append(f"{sheet} ({tr('columns', lang)} {', '.join(cols)})" if cols else sheet)
    return "; ".join(parts)


def _rule_sections(rule, lang: str, level: str, md: bool) -> list[str]:
    s = SECTIONS["en" if lang == "en" else "id"]
    base_sheets = load_example_base(Path(rule.path).parent) if rule.path else None
    where = tr("examples_where_md" if md else "examples_where", lang)
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
        lines += [f"**{rule.basis}** — {tr('data_basis', lang)}", ""]
    passages = legal_passages(rule)
    for k, passage in enumerate(passages):
        if k:
            lines.append(">")
            lines.append("> …")
            lines.append(">")
        lines.append(f"> {passage}")
    lines += ["", f"{level} {s[3]}", "",
              tr("examples_intro", lang, unit=unit, where=where, stage=DEFAULT_EXAMPLE_STAGE), "",
              *_describe_examples(rule, True, lang, base_sheets, md),
              f"{level} {s[4]}", "",
              *_describe_examples(rule, False, lang, base_sheets, md),
              f"{level} {s[5]}", "", _doc(rule, "fix", lang) or rule.text("hint", lang), "",
              tr("hint", lang), "", "> " + rule.text("hint", lang), "",
              f"{level} {s[6]}", ""]
    kind = KINDS.get(rule.fact)
    kind_def = _pick(kind.definition, lang) if kind else ""
    lines += [tr("fact_kind", lang, kind=rule.fact, definition=kind_def), "",
              tr("condition", lang, cond=condition_text(rule.when, lang)), ""]
    for name in sorted(rule.fields_used()):
        spec = kind.fields.get(name) if kind else None
        lines.append(f"- `{name}` ({spec.type}): {_pick(spec.definition, lang)}" if spec else f"- `{name}`")
    lines.append("")
    if rule.requires:
        lines.append(tr("requires", lang, items=_requirements_text(rule.requires, lang)))
    else:
        lines.append(tr("requires_none", lang))
    return lines


def _header_line(rule, lang) -> str:
    sev = t("sev." + rule.severity, lang)
    return (f"{tr('severity', lang)}: {sev}; "
            + tr("from_stage", lang, stage=rule.from_stage, stages=", ".join(stages_of(rule))))


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


def coverage(base) -> list[dict] | None:
    """Every point with its computed status: ``enforced`` (rules from the bases, plus hand entries
    naming rules of this base), else the declared ``not_checkable`` or ``gap``."""
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
        hand = sorted(set(x for x in entry.get("rules") or [] if x in ids) - set(auto))
        status = "enforced" if auto or hand else entry.get("status", "")
        out.append({"point": pid, "quote": entry.get("quote", ""), "status": status, "rules": auto,
                    "hand_rules": hand, "reason": entry.get("reason") if status != "enforced" else None,
                    "note": entry.get("note"), "declared_status": entry.get("status"),
                    "part": _part_of(pid)})
    return out


def _part_of(point: str) -> str:
    if point.startswith("Pasal"):
        return "Pasal 2"
    m = re.match(r"^Lampiran II\.([A-E])", point)
    return m.group(1) if m else "?"


def coverage_figures(base) -> dict:
    """Counts of the coverage map: total points, checkable (enforced + gap), enforced, gap,
    not_checkable, and the point ids of each status. Empty counts when there is no map."""
    cov = coverage(base) or []
    by = {s: [c["point"] for c in cov if c["status"] == s] for s in ("enforced", "gap", "not_checkable")}
    return {"total": len(cov), "checkable": len(by["enforced"]) + len(by["gap"]),
            "enforced": len(by["enforced"]), "gap": len(by["gap"]), "not_checkable": len(by["not_checkable"]),
            "points": by, "data_rules": [r.id for r in base.rules if not basis_points(r.basis)]}


def _esc(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_coverage(base, lang: str, heading: str = "#") -> str:
    """The coverage table of Pasal 2 and Lampiran BAB II, with the totals (``rules --coverage``)."""
    cov = coverage(base)
    if cov is None:
        return tr("cov.missing", lang, dir=base.source, file=COVERAGE_FILE) + "\n"
    fig = coverage_figures(base)
    lines = [f"{heading} {tr('cov.title', lang, reg=REGULATION)}", "",
             tr("cov.ratio", lang, **fig), "",
             tr("cov.figures", lang, **fig), "", tr("cov.method", lang), ""]
    part = None
    for c in cov:
        if c["part"] != part:
            part = c["part"]
            title = _PARTS.get(part, (part, part))[_L(lang)]
            lines += ["", f"{heading}# {title}", "", tr("cov.head", lang), "|---|---|---|---|"]
        status = tr("cov." + c["status"], lang) if c["status"] in ("enforced", "gap", "not_checkable") else "?"
        if c["status"] == "enforced":
            remark = ", ".join(c["rules"] + [f"{x}*" for x in c["hand_rules"]])
            if c["note"]:
                remark += " — " + _pick(c["note"], lang)
        else:
            remark = _pick(c["reason"], lang)
        lines.append(f"| {_esc(c['point'])} | “{_esc(c['quote'])}” | {status} | {_esc(remark)} |")
    lines += ["", tr("cov.data_rules", lang, ids=", ".join(fig["data_rules"]) or "-"), "",
              tr("cov.ratio", lang, **fig)]
    return _tidy(lines)


# ---------------------------------------------------------------------------------------------
# the whole rulebook

def render_markdown(base, lang: str) -> str:
    """The whole rulebook (``cek-pokja rules --format markdown``)."""
    lines = [f"# {tr('md.title', lang)}", "", tr("md.intro", lang, cmd=REGENERATE, reg=REGULATION), "",
             f"## {tr('md.list', lang)}", "", tr("md.list_head", lang), "|---|---|---|---|---|---|"]
    for r in base.rules:
        lines.append(f"| [{r.id}](#{r.id.lower()}) | {r.slug} | {t('sev.' + r.severity, lang)} | {r.from_stage} | "
                     f"{_esc(r.text('title', lang))} | {_esc(r.basis)} |")
    fig = coverage_figures(base)
    if fig["total"]:
        lines += ["", f"## {tr('md.coverage_short', lang)}", "", tr("cov.ratio", lang, **fig), "",
                  tr("cov.figures", lang, **fig), "", tr("md.coverage_see", lang)]
    lines += ["", f"## {tr('md.rules', lang)}"]
    for r in base.rules:
        body = _rule_sections(r, lang, "####", md=True)
        lines += ["", f'<a id="{r.id.lower()}"></a>', "", f"### {r.id} {r.slug}: {r.text('title', lang)}", "",
                  _header_line(r, lang), "", *body]
    if fig["total"]:
        cov_text = render_coverage(base, lang, heading="###").splitlines()
        lines += ["", '<a id="cakupan"></a>', "", f"## {tr('md.appendix_cov', lang)}", "", *cov_text[1:]]
    bases = example_bases(base.source)
    if bases:
        lines += ["", '<a id="unit-contoh"></a>', "", f"## {tr('md.appendix_base', lang)}", "",
                  tr("md.base_intro", lang)]
        for name, sheets in bases:
            lines += ["", f"### {tr('md.base_unit', lang, unit=_unit_code(sheets), file=name + '.yaml')}"]
            for sheet, data in sheets.items():
                lines += ["", f"#### {sheet}", "", *_table(_Sheet(data), lang)]
    return _tidy(lines)
