"""The findings workbook of output-format.md (`-o FILE.xlsx`), written with XlsxWriter.

Safety: every value that comes from an input file or a finding goes through
`write_string` (never `write`, never a formula); the workbook options also switch off
XlsxWriter's string-to-formula/URL/number guessing. The file is written atomically."""
from __future__ import annotations

import os
import re
from datetime import date, datetime
from pathlib import Path

import xlsxwriter

from checker.findings import is_data_error
from checker.output.atomic import atomic_output, refuse_inputs
from checker.result import RunResult
from checker.terms import OUTPUT_PROPERTY, SEVERITIES, SEVERITY_CHART, SEVERITY_FILL, lang_of, stages_from
from checker.texts import severity_label, t, texts_for

WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}

MAX_LINKS = 65530            # Excel's limit of hyperlinks per worksheet
MAX_URL = 2079               # XlsxWriter's limit for the link and for the anchor



# Temuan column widths, in the order of finding_cols.
FINDING_WIDTHS = (6, 12, 28, 8, 34, 12, 22, 60, 12, 21, 26, 13, 30, 18, 8, 7, 50, 40)


def texts(lang: str) -> dict:
    return texts_for("xlsx.", lang)


# --------------------------------------------------------------------------- helpers

def render_evidence(evidence: dict | None, lang: str = "id") -> str:
    """{'a': 1, 'b': ['x', 'y']} -> 'a: 1; b: x, y'."""
    if not evidence:
        return ""
    tx = texts(lang)
    parts = []
    for key, value in evidence.items():
        parts.append(f"{key}: {_render_value(value, tx)}")
    return "; ".join(parts)


def _render_value(value, tx) -> str:
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return tx["empty"]
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return ", ".join(_render_value(v, tx) for v in items) if items else tx["empty"]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def rule_title(rule, lang: str) -> str:
    try:
        title = rule.text("title", lang)
    except Exception:  # noqa: BLE001 - a rule without a title in this language
        title = None
    return title or getattr(rule, "slug", "") or ""


def _quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _format_time(moment: datetime) -> str:
    if moment.tzinfo is None or moment.tzinfo.utcoffset(moment) is None:
        moment = moment.astimezone()
    offset = moment.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else ""
    return f"{moment.strftime('%Y-%m-%d %H:%M:%S')} {offset}".strip()


_ESCAPED = re.compile(r"%[0-9a-fA-F]{2}")


class _Linker:
    """Hyperlinks from findings to their source cells, for sources at or below the output folder."""

    def __init__(self, output: Path):
        self.base = output.resolve().parent
        self.cache: dict[str, str | None] = {}
        self.count = 0

    def relative(self, file: str | None) -> str | None:
        if not file:
            return None
        if file not in self.cache:
            self.cache[file] = self._relative(file)
        return self.cache[file]

    def _relative(self, file: str) -> str | None:
        try:
            source = Path(file).resolve()
            if not source.is_file() or not source.is_relative_to(self.base):
                return None
            rel = source.relative_to(self.base).as_posix()
        except (OSError, ValueError, RuntimeError):
            return None
        # XlsxWriter splits the URL at the first '#' and keeps '%xx' as already escaped.
        if "#" in rel or _ESCAPED.search(rel) or len(rel) > MAX_URL:
            return None
        return rel

    def url(self, finding) -> str | None:
        if self.count >= MAX_LINKS or finding.row is None or not finding.sheet:
            return None
        rel = self.relative(finding.file)
        if rel is None:
            return None
        column = (finding.column or "A").upper()
        if not re.fullmatch(r"[A-Z]{1,3}", column):
            column = "A"
        anchor = f"{_quote_sheet(finding.sheet)}!{column}{int(finding.row)}"
        if len(anchor) > MAX_URL:
            return None
        self.count += 1
        return f"external:{rel}#{anchor}"


# --------------------------------------------------------------------------- writer



def write_workbook(result: RunResult, path) -> Path:
    """Write the findings workbook to `path` atomically and return the path.

    Raises atomic.OutputIsInputError when `path` is one of the input files."""
    target = Path(os.fspath(path))
    refuse_inputs(target, [i.file for i in result.inputs])
    with atomic_output(target) as tmp:
        workbook = xlsxwriter.Workbook(tmp, WORKBOOK_OPTIONS)
        try:
            _fill(workbook, result, target)
        finally:
            workbook.close()
    return target


def _fill(workbook, result: RunResult, target: Path) -> None:
    lang = lang_of(result.lang)
    tx = texts(lang)
    workbook.set_properties({"title": tx["title"], "author": f"{result.tool} {result.version}"})
    workbook.set_custom_property(OUTPUT_PROPERTY, "findings")   # so a folder walk never takes it for a unit
    fmt = _formats(workbook)
    summary = workbook.add_worksheet(tx["sheet_summary"])
    findings = workbook.add_worksheet(tx["sheet_findings"])
    rules = workbook.add_worksheet(tx["sheet_rules"])
    files = workbook.add_worksheet(tx["sheet_files"])
    _write_summary(workbook, summary, result, tx, fmt)
    _write_findings(findings, result, tx, fmt, lang, target)
    _write_rules(rules, result, tx, fmt, lang)
    _write_files(files, result, tx, fmt)
    if result.comparison is not None:
        _write_changes(workbook.add_worksheet(t("compare.sheet", lang)), result, fmt, lang)


def _write_changes(ws, result: RunResult, fmt: dict, lang: str) -> None:
    """Perubahan: every finding as new / still open / resolved against the earlier run."""
    table = result.comparison.rows(lang)
    _header(ws, 0, table[0], fmt)
    for r, row in enumerate(table[1:], start=1):
        for c, value in enumerate(row):
            if isinstance(value, int):
                ws.write_number(r, c, value, fmt["num"])
            else:
                _s(ws, r, c, value, fmt["text"])
    ws.set_column(0, len(table[0]) - 1, 16)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(table) - 1, 1), len(table[0]) - 1)


def _formats(workbook) -> dict:
    base = {"valign": "top"}
    fmt = {
        "title": workbook.add_format({"bold": True, "font_size": 14}),
        "label": workbook.add_format({"bold": True, **base}),
        "header": workbook.add_format({"bold": True, "bg_color": "#D9D9D9", "border": 1, "text_wrap": True,
                                       "valign": "top"}),
        "text": workbook.add_format(base),
        "wrap": workbook.add_format({"text_wrap": True, **base}),
        "num": workbook.add_format({"align": "right", **base}),
        "link": workbook.add_format({"font_color": "#0563C1", "underline": 1, "align": "right", **base}),
        "ok": workbook.add_format({"bg_color": "#C6EFCE", "font_color": "#006100", **base}),
        "bad": workbook.add_format({"bg_color": "#FFC7CE", "font_color": "#9C0006", **base}),
        "grey": workbook.add_format({"bg_color": "#D9D9D9", **base}),
    }
    for sev, colour in SEVERITY_FILL.items():
        fmt["sev_" + sev] = workbook.add_format({"bg_color": "#" + colour, **base})
    return fmt


def _s(ws, row, col, value, cell_format=None) -> None:
    """Write an input-derived value: always as a string cell, blank when None/empty."""
    if value is None:
        return
    value = value if isinstance(value, str) else str(value)
    if value == "":
        return
    ws.write_string(row, col, value, cell_format)


def _header(ws, row, labels, fmt) -> None:
    for col, label in enumerate(labels):
        ws.write_string(row, col, label, fmt["header"])


# ------------------------------------------------------------------ Ringkasan / Summary

def unit_rows(result: RunResult, tx: dict) -> list[dict]:
    """One row per unit (by Kode Unit; an unreadable file without one gets its own row), plus a
    row for findings belonging to no listed unit, so every finding is counted once. Each row:
    code, name, jpt (Unit JPT Madya), unreadable, counts by severity, rules (IDs with findings,
    sorted), status ("compliant" | "data_fix" | "not_compliant" | "unreadable"), counting the
    open findings only (a waived finding does not count)."""
    rows: list[dict] = []
    by_code: dict[str, dict] = {}
    by_file: dict[tuple, dict] = {}   # inputs without a Kode Unit: (file, unit name)
    file_row: dict[str, dict] = {}    # every input file -> its (first) row

    def new_row(code, name, jpt, unreadable):
        return {"code": code, "name": name, "jpt": jpt, "unreadable": unreadable,
                "counts": dict.fromkeys(SEVERITIES, 0), "rules": set()}

    for inp in result.inputs:
        unreadable = inp.status == "unreadable" or inp.status not in ("checked", "not_submitted")
        if inp.unit:
            row = by_code.get(inp.unit)
            if row is None:
                row = new_row(inp.unit, inp.unit_name, inp.jpt_madya, unreadable)
                by_code[inp.unit] = row
                rows.append(row)
            else:
                row["name"] = row["name"] or inp.unit_name
                row["jpt"] = row["jpt"] or inp.jpt_madya
                row["unreadable"] = row["unreadable"] and unreadable
            file_row.setdefault(inp.file, row)
        elif (inp.file, inp.unit_name) not in by_file:
            # No Kode Unit (unreadable, missing in the Unit sheet, or a roster unit known by name only).
            name = inp.unit_name or tx["file_prefix"] + os.path.basename(inp.file or "")
            row = new_row(None, name, inp.jpt_madya, unreadable)
            by_file[(inp.file, inp.unit_name)] = row
            file_row.setdefault(inp.file, row)
            rows.append(row)
    other = new_row(None, tx["no_unit"], None, False)
    for f in result.open_findings():
        if f.unit:
            row = by_code.get(f.unit)
        else:
            row = by_file.get((f.file, f.unit_name)) or file_row.get(f.file)
        row = row or other
        row["counts"][f.severity] = row["counts"].get(f.severity, 0) + 1
        legal = f.severity == "error" and not is_data_error(f.severity, f.basis)
        row["legal_errors"] = row.get("legal_errors", 0) + legal
        row["rules"].add(f.rule)
    if any(other["counts"].values()):
        rows.append(other)
    for row in rows:
        row["rules"] = sorted(row["rules"])
        if row["unreadable"]:
            row["status"] = "unreadable"
        elif row.get("legal_errors"):
            row["status"] = "not_compliant"
        elif row["counts"]["error"]:
            row["status"] = "data_fix"
        else:
            row["status"] = "compliant"
    return rows


def group_by_madya(rows: list[dict]) -> list[tuple[str | None, list[dict]]]:
    """Unit rows grouped by Unit JPT Madya (compared folded), groups in order of first appearance,
    the group without a JPT Madya last; rows keep their order inside a group."""
    groups: dict[str, tuple] = {}
    for row in rows:
        jpt = (row["jpt"] or "").strip()
        key = " ".join(jpt.casefold().split())
        if key not in groups:
            groups[key] = (jpt or None, [])
        groups[key][1].append(row)
    ordered = [g for k, g in groups.items() if k]
    if "" in groups:
        ordered.append(groups[""])
    return ordered


def madya_totals(rows: list[dict]) -> list[dict]:
    """One total per Unit JPT Madya: units, compliant / non-compliant units, counts, rules."""
    out = []
    for jpt, members in group_by_madya(rows):
        units = [r for r in members if r["code"] is not None or r["name"]]
        counts = dict.fromkeys(SEVERITIES, 0)
        rules: set = set()
        for r in members:
            for sev in SEVERITIES:
                counts[sev] += r["counts"].get(sev, 0)
            rules.update(r["rules"])
        out.append({"jpt": jpt, "units": len(units),
                    "compliant": sum(1 for r in units if r["status"] == "compliant"),
                    "not_compliant": sum(1 for r in units if r["status"] != "compliant"),
                    "counts": counts, "rules": sorted(rules)})
    return out


def rule_totals(result: RunResult) -> list[dict]:
    """Findings per rule (rules with findings only, by ID): severity, findings, units involved."""
    by_rule: dict[str, dict] = {}
    for f in result.findings:
        r = by_rule.setdefault(f.rule, {"rule": f.rule, "slug": f.slug, "severity": f.severity,
                                        "findings": 0, "units": set()})
        r["findings"] += 1
        r["units"].add(f.unit or f.file or "")
    out = []
    for rid in sorted(by_rule):
        r = by_rule[rid]
        r["units"] = len(r["units"])
        out.append(r)
    return out


def _write_summary(workbook, ws, result: RunResult, tx: dict, fmt: dict) -> None:
    lang = lang_of(result.lang)
    ws.write_string(0, 0, tx["title"], fmt["title"])
    r = _run_facts(ws, result, tx, fmt)
    rows = unit_rows(result, tx)
    r = _madya_table(ws, r + 1, rows, tx, fmt)
    per_rule = rule_totals(result)
    rule_head, r = _rule_table(ws, r + 2, result, per_rule, tx, fmt, lang)
    head, ordered = _unit_table(ws, r + 2, rows, tx, fmt)
    for first, last, width in ((0, 0, 26), (1, 1, 40), (2, 2, 30), (3, 5, 12), (6, 6, 16), (7, 7, 40)):
        ws.set_column(first, last, width)
    chart_row = 2
    if per_rule:
        chart_row = _rule_chart(workbook, ws, rule_head, per_rule, tx, chart_row)
    if ordered:
        last = head + len(ordered)
        ws.autofilter(head, 0, last, len(tx["unit_cols"]) - 1)
        _unit_chart(workbook, ws, head, len(ordered), tx, chart_row)


def _run_facts(ws, result: RunResult, tx: dict, fmt: dict) -> int:
    """Stage, time, versions and totals of the run, from row 2; returns the next free row."""
    s = result.summary()
    counts = s["by_severity"]
    facts = [
        ("tool", f"{result.tool} {result.version}"),
        ("rulebase", result.rulebase_version),
        ("stage", result.stage),
        ("checked_at", _format_time(result.checked_at)),
        ("engine", result.engine),
        ("files", s["files"]),
        ("units_checked", s["units_checked"]),
        ("files_unreadable", s["files_unreadable"]),
        ("findings_total", s["findings"]),
        ("n_error", counts.get("error", 0)),
        ("n_warning", counts.get("warning", 0)),
        ("n_info", counts.get("info", 0)),
        ("compliant_units", s["compliant_units"]),
    ]
    not_submitted = sum(1 for i in result.inputs if i.status == "not_submitted")
    if not_submitted:
        facts.append(("units_not_submitted", not_submitted))
    r = 2
    for key, value in facts:
        ws.write_string(r, 0, tx[key], fmt["label"])
        if isinstance(value, int):
            ws.write_number(r, 1, value, fmt["num"])
        else:
            _s(ws, r, 1, value, fmt["text"])
        r += 1
    return r


def _madya_table(ws, r: int, rows: list[dict], tx: dict, fmt: dict) -> int:
    """Totals per Unit JPT Madya from row `r`; returns its last row."""
    ws.write_string(r, 0, tx["per_madya"], fmt["label"])
    r += 1
    _header(ws, r, tx["madya_cols"], fmt)
    for g in madya_totals(rows):
        r += 1
        _s(ws, r, 0, g["jpt"] or tx["no_madya"], fmt["text"])
        ws.write_number(r, 1, g["units"], fmt["num"])
        ws.write_number(r, 2, g["compliant"], fmt["num"])
        for j, sev in enumerate(SEVERITIES):
            ws.write_number(r, 3 + j, g["counts"][sev], fmt["num"])
        ws.write_number(r, 6, g["not_compliant"], fmt["bad"] if g["not_compliant"] else fmt["num"])
        _s(ws, r, 7, ", ".join(g["rules"]), fmt["wrap"])
    return r


def _rule_table(ws, r: int, result: RunResult, per_rule: list[dict], tx: dict, fmt: dict, lang: str):
    """Findings per rule from row `r`; returns (its header row, its last row)."""
    titles = {}
    for rule in result.rules:
        titles.setdefault(rule.id, rule_title(rule, lang))
    ws.write_string(r, 0, tx["per_rule"], fmt["label"])
    r += 1
    head = r
    _header(ws, r, tx["rule_sum_cols"], fmt)
    for x in per_rule:
        r += 1
        _s(ws, r, 0, x["rule"], fmt["text"])
        _s(ws, r, 1, titles.get(x["rule"]) or x["slug"], fmt["wrap"])
        _s(ws, r, 2, severity_label(x["severity"], lang, title=True), fmt.get("sev_" + x["severity"], fmt["text"]))
        ws.write_number(r, 3, x["findings"], fmt["num"])
        ws.write_number(r, 4, x["units"], fmt["num"])
    return head, r


def _unit_table(ws, r: int, rows: list[dict], tx: dict, fmt: dict):
    """The scorecard, one row per unit grouped by Unit JPT Madya, from row `r`; returns
    (its header row, the rows in written order)."""
    status_fmt = {"compliant": fmt["ok"], "not_compliant": fmt["bad"], "unreadable": fmt["grey"],
                  "data_fix": fmt["sev_warning"]}
    status_text = {"compliant": tx["compliant"], "not_compliant": tx["not_compliant"], "data_fix": tx["data_fix"],
                   "unreadable": tx["unreadable_unit"]}
    ws.write_string(r, 0, tx["per_unit"], fmt["label"])
    head = r + 1
    _header(ws, head, tx["unit_cols"], fmt)
    ordered = [row for _, members in group_by_madya(rows) for row in members]
    for i, row in enumerate(ordered, start=1):
        _s(ws, head + i, 0, row["code"], fmt["text"])
        _s(ws, head + i, 1, row["name"], fmt["text"])
        _s(ws, head + i, 2, row["jpt"], fmt["text"])
        for j, sev in enumerate(SEVERITIES):
            ws.write_number(head + i, 3 + j, row["counts"][sev], fmt["num"])
        ws.write_string(head + i, 6, status_text[row["status"]], status_fmt[row["status"]])
        _s(ws, head + i, 7, ", ".join(row["rules"]), fmt["wrap"])
    return head, ordered


def _rule_chart(workbook, ws, rule_head: int, per_rule: list[dict], tx: dict, chart_row: int) -> int:
    name = ws.get_name()
    last = rule_head + len(per_rule)
    chart = workbook.add_chart({"type": "bar"})
    chart.add_series({
        "name": tx["chart_findings"],
        "categories": [name, rule_head + 1, 0, last, 0],
        "values": [name, rule_head + 1, 3, last, 3],
        "points": [{"fill": {"color": "#" + SEVERITY_CHART.get(x["severity"], "7F7F7F")}} for x in per_rule],
        "gap": 60,
    })
    chart.set_title({"name": tx["chart_rule_title"]})
    chart.set_y_axis({"reverse": True})          # first rule on top
    chart.set_legend({"none": True})
    height = min(1600, max(300, 90 + 22 * len(per_rule)))
    chart.set_size({"width": 640, "height": height})
    ws.insert_chart(chart_row, 9, chart)
    return chart_row + height // 20 + 2


def _unit_chart(workbook, ws, head: int, n: int, tx: dict, chart_row: int) -> None:
    name = ws.get_name()
    last = head + n
    chart = workbook.add_chart({"type": "bar", "subtype": "stacked"})
    for j, sev in enumerate(SEVERITIES):
        chart.add_series({
            "name": [name, head, 3 + j],
            "categories": [name, head + 1, 0, last, 0],
            "values": [name, head + 1, 3 + j, last, 3 + j],
            "fill": {"color": "#" + SEVERITY_CHART[sev]},
            "gap": 60,
        })
    chart.set_title({"name": tx["chart_title"]})
    chart.set_y_axis({"reverse": True})          # first unit on top
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 640, "height": min(1600, max(300, 90 + 24 * n))})
    ws.insert_chart(chart_row, 9, chart)


# ------------------------------------------------------------------ Temuan / Findings

def _write_findings(ws, result: RunResult, tx: dict, fmt: dict, lang: str, target: Path) -> None:
    # The waiver columns (filled in by the unit) and the fingerprint make every findings
    # workbook usable as the next run's --waivers file.
    extra = [*t("waivers.columns", lang), t("waivers.status_column", lang), t("waivers.fingerprint_column", lang)]
    cols = list(tx["finding_cols"]) + extra
    _header(ws, 0, cols, fmt)
    base = len(tx["finding_cols"])
    titles = {}
    for rule in result.rules:
        titles.setdefault(rule.id, rule_title(rule, lang))
    linker = _Linker(target)
    for i, f in enumerate(result.findings, start=1):
        r = i
        text_fmt = fmt["text"]
        ws.write_number(r, 0, i, fmt["num"])
        _s(ws, r, 1, f.unit, text_fmt)
        _s(ws, r, 2, f.unit_name, fmt["wrap"])
        _s(ws, r, 3, f.rule, text_fmt)
        _s(ws, r, 4, titles.get(f.rule) or f.slug, fmt["wrap"])
        _s(ws, r, 5, severity_label(f.severity, lang, title=True), fmt.get("sev_" + f.severity, text_fmt))
        _s(ws, r, 6, f.basis, fmt["wrap"])
        _s(ws, r, 7, f.message, fmt["wrap"])
        _s(ws, r, 8, f.pokja, text_fmt)
        _s(ws, r, 9, f.nip, text_fmt)
        _s(ws, r, 10, f.name, text_fmt)
        _s(ws, r, 11, f.target, text_fmt)
        _s(ws, r, 12, f.file, text_fmt)
        if f.sheet:
            sheet = f"{f.sheet} ({tx['hidden']})" if f.sheet_hidden else f.sheet
            ws.write_string(r, 13, sheet, text_fmt)
        if f.row is not None:
            url = linker.url(f)
            if url is not None:
                ws.write_url(r, 14, url, fmt["link"], str(int(f.row)), tx["link_tip"])
            else:
                ws.write_number(r, 14, int(f.row), fmt["num"])
        _s(ws, r, 15, f.column, text_fmt)
        _s(ws, r, 16, f.hint, fmt["wrap"])
        _s(ws, r, 17, render_evidence(f.evidence, lang), fmt["wrap"])
        cells = result.waivers.cells(f, lang) if result.waivers is not None else [""] * 5
        for j, value in enumerate(cells + [f.fingerprint]):
            _s(ws, r, base + j, value, fmt["wrap"] if j < 5 else text_fmt)
    for col, width in enumerate(FINDING_WIDTHS):
        ws.set_column(col, col, width)
    ws.set_column(base, base + 4, 20)
    ws.set_column(base + 5, base + 5, 18)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(result.findings), 1), len(cols) - 1)


# ------------------------------------------------------------------ Aturan / Rules

def _write_rules(ws, result: RunResult, tx: dict, fmt: dict, lang: str) -> None:
    _header(ws, 0, tx["rule_cols"], fmt)
    for r, rule in enumerate(result.rules, start=1):
        sev = getattr(rule, "severity", "")
        _s(ws, r, 0, rule.id, fmt["text"])
        _s(ws, r, 1, getattr(rule, "slug", ""), fmt["text"])
        _s(ws, r, 2, severity_label(sev, lang, title=True), fmt.get("sev_" + str(sev), fmt["text"]))
        _s(ws, r, 3, ", ".join(stages_from(getattr(rule, "from_stage", ""))), fmt["text"])
        _s(ws, r, 4, getattr(rule, "basis", ""), fmt["wrap"])
        _s(ws, r, 5, getattr(rule, "legal_text", ""), fmt["wrap"])
        _s(ws, r, 6, rule_title(rule, lang), fmt["wrap"])
    for col, width in enumerate((8, 34, 12, 30, 24, 70, 40)):
        ws.set_column(col, col, width)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(result.rules), 1), len(tx["rule_cols"]) - 1)


# ------------------------------------------------------------------ Berkas / Files

def _write_files(ws, result: RunResult, tx: dict, fmt: dict) -> None:
    _header(ws, 0, tx["file_cols"], fmt)
    for r, inp in enumerate(result.inputs, start=1):
        _s(ws, r, 0, inp.file, fmt["text"])
        _s(ws, r, 1, inp.sha256, fmt["text"])
        _s(ws, r, 2, inp.unit, fmt["text"])
        if inp.status == "checked":
            ws.write_string(r, 3, tx["checked"], fmt["ok"])
        elif inp.status == "not_submitted":
            ws.write_string(r, 3, tx["not_submitted"], fmt["grey"])
        else:
            status = f"{tx['unreadable']}: {inp.detail}" if inp.detail else tx["unreadable"]
            ws.write_string(r, 3, status, fmt["bad"])
    for col, width in enumerate((50, 66, 14, 60)):
        ws.set_column(col, col, width)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(result.inputs), 1), len(tx["file_cols"]) - 1)
