"""The Ringkasan sheet of the findings workbook: the per-unit compliance table first (the
bureau's main product), then the totals per JPT Madya unit and per rule, the run's facts, and
two bar charts on a page of their own.

Every table uses one grid of columns, so that one set of widths suits them all:
A code | B name | C JPT Madya | D-G counts by label | H waived | I status | J rules | K | L.
A unit of the master roster that sent no workbook (rules.md X06) has the status Belum
Menyampaikan, its own colour, and its own count per JPT Madya unit (column L)."""
from __future__ import annotations

import math
import os
from datetime import datetime

from checker.findings import label_key
from checker.output import layout
from checker.result import RunResult
from checker.terms import SEVERITY_CHART, SEVERITY_FILL

LABELS = ("error", "data_error", "warning", "info")          # the columns D-G, in this order
LABEL_CHART = {"error": SEVERITY_CHART["error"], "data_error": "7030A0", "warning": SEVERITY_CHART["warning"],
               "info": SEVERITY_CHART["info"]}
LABEL_FILL = {"error": SEVERITY_FILL["error"], "data_error": "E4DFEC", "warning": SEVERITY_FILL["warning"],
              "info": SEVERITY_FILL["info"]}
WIDTHS = (11, 34, 56, 12, 12, 12, 12, 13, 22, 28, 24, 15)
FILE_COL = 10               # K in the per-unit table: the file each row was read from
# M, outside the print area: the per-unit chart's category, the Kode Unit or else the name. Not a
# hidden column: LibreOffice does not plot hidden cells.
LABEL_COL = 12
CHART_MAX_PX = 880          # a chart fits one printed page at the scale the sheet prints on


def format_time(moment: datetime) -> str:
    if moment.tzinfo is None or moment.tzinfo.utcoffset(moment) is None:
        moment = moment.astimezone()
    offset = moment.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else ""
    return f"{moment.strftime('%Y-%m-%d %H:%M:%S')} {offset}".strip()


def label_of(f) -> str:
    return label_key(f.severity, f.basis)


# ------------------------------------------------------------------------------------- tables

def unit_rows(result: RunResult, tx: dict) -> list[dict]:
    """One row per input file a finding can belong to (output-format.md v3: two workbooks with
    one Kode Unit are two rows; a workbook without one has its own), in the scorecard's order
    (RunResult.owners), plus a row for findings belonging to no input, so that every finding
    is counted once. Each row: code, name, jpt, file, input, counts (open findings by label),
    waived, rules (IDs of the open breaches: errors of a rule with a legal basis), drafts (the
    decree drafts checked with it) and status: compliant | data_fix | not_compliant |
    unreadable | not_submitted; `waived_only`: compliant only thanks to waivers."""
    rows: list[dict] = []

    def new_row(inp, code, name, jpt, status):
        return {"code": code, "name": name, "jpt": jpt, "input_status": status, "counts": dict.fromkeys(LABELS, 0),
                "waived": 0, "rules": set(), "input": inp, "drafts": [],
                "file": inp.file if inp is not None and status != "not_submitted" else None}

    by_input: dict[int, dict] = {}
    for inp in result.owners():
        status = inp.status if inp.status in ("checked", "not_submitted") else "unreadable"
        name = inp.unit_name or (None if inp.unit else tx["file_prefix"] + os.path.basename(inp.file or ""))
        row = by_input[id(inp)] = new_row(inp, inp.unit, name, inp.jpt_madya, status)
        if inp.kind == "workbook":
            row["drafts"] = [d.file for d in result.drafts_of(inp)]
        rows.append(row)
    other = new_row(None, None, tx["no_unit"], None, "checked")
    open_ids = result.open_ids()
    for f in result.findings:
        owner = result.owner(f)
        row = by_input.get(id(owner)) if owner is not None else None
        row = row or other
        if id(f) in open_ids:
            row["counts"][label_of(f)] += 1
            if label_of(f) == "error":
                row["rules"].add(f.rule)
        else:
            row["waived"] += 1
    if any(other["counts"].values()) or other["waived"]:
        rows.append(other)
    for row in rows:
        row["rules"] = sorted(row["rules"])
        row["status"] = _status(row, result)
        row["waived_only"] = row["input"] is not None and result.waived_to_compliance(row["input"])
    return rows


def status_text(row: dict, tx: dict) -> str:
    """A scorecard row's status: Patuh marked when only waivers make it so; "menurut workbook
    dan rancangan SK" for a unit checked with its decree draft (decree-format.md §6.2)."""
    text = tx["status_" + row["status"]]
    if row.get("waived_only"):
        text = tx["status_compliant_waived"]
    if row.get("drafts"):
        text += " " + tx["with_draft"]
    return text


def chart_label(row: dict) -> str:
    return row["code"] or row["name"] or ""


# RunResult's compliance status -> the scorecard's name for it (workbook_texts: xlsx.status_*)
_STATUS = {"patuh": "compliant", "tidak_patuh": "not_compliant", "perlu_perbaikan_data": "data_fix"}


def _status(row: dict, result: RunResult) -> str:
    """A checked input's row: its status as every output says it (RunResult.compliance_of: on
    all its findings, whatever a filter keeps); the row of findings that belong to no input
    (or an input without a status of its own): by its own counts."""
    if row["input_status"] in ("unreadable", "not_submitted"):
        return row["input_status"]
    status = _STATUS.get(result.compliance_of(row["input"])) if row["input"] is not None else None
    if status is not None:
        return status
    if row["counts"]["error"]:
        return "not_compliant"
    return "data_fix" if row["counts"]["data_error"] else "compliant"


def group_by_madya(rows: list[dict]) -> list[tuple[str | None, list[dict]]]:
    """Unit rows grouped by Unit JPT Madya (compared folded), groups in order of first appearance
    (the rows come in the scorecard's order, RunResult.owners: by Unit JPT Madya), the group
    without a JPT Madya last; rows keep their order inside a group."""
    groups: dict[str, tuple] = {}
    for row in rows:
        jpt = (row["jpt"] or "").strip()
        key = " ".join(jpt.casefold().split())
        groups.setdefault(key, (jpt or None, []))[1].append(row)
    ordered = [g for k, g in groups.items() if k]
    if "" in groups:
        ordered.append(groups[""])
    return ordered


def madya_totals(rows: list[dict]) -> list[dict]:
    """Per Unit JPT Madya: units, compliant units, units not compliant (among those that sent a
    workbook), units that sent none (Belum Menyampaikan), counts by label, waived."""
    out = []
    for jpt, members in group_by_madya(rows):
        counts = dict.fromkeys(LABELS, 0)
        for r in members:
            for k in LABELS:
                counts[k] += r["counts"][k]
        out.append({"jpt": jpt, "units": len(members), "counts": counts, "waived": sum(r["waived"] for r in members),
                    "compliant": sum(1 for r in members if r["status"] == "compliant"),
                    "not_compliant": sum(1 for r in members if r["status"] not in ("compliant", "not_submitted")),
                    "not_submitted": sum(1 for r in members if r["status"] == "not_submitted")})
    return out


def rule_totals(result: RunResult) -> list[dict]:
    """Per rule with findings (by ID): open findings by label, waived findings, units involved."""
    by_rule: dict[str, dict] = {}
    open_ids = result.open_ids()
    for f in result.findings:
        r = by_rule.setdefault(f.rule, {"rule": f.rule, "slug": f.slug, "label": label_of(f),
                                        "counts": dict.fromkeys(LABELS, 0), "waived": 0, "units": set()})
        if id(f) in open_ids:
            r["counts"][label_of(f)] += 1
        else:
            r["waived"] += 1
        owner = result.owner(f)
        r["units"].add(id(owner) if owner is not None else f.unit or f.file or "")
    out = []
    for rid in sorted(by_rule):
        r = by_rule[rid]
        r["units"] = len(r["units"])
        r["findings"] = sum(r["counts"].values())
        out.append(r)
    return out


# ------------------------------------------------------------------------------------- writing

class SummaryWriter:
    """Writes Ringkasan on an XlsxWriter worksheet; `s(ws, row, col, value, fmt)` writes text."""

    def __init__(self, workbook, ws, result: RunResult, tx: dict, fmt: dict, s, titles: dict, hand_out=False):
        self.workbook, self.ws, self.result, self.tx, self.fmt, self.s, self.titles = \
            workbook, ws, result, tx, fmt, s, titles
        self.hand_out = hand_out    # a letter to a unit head: file names without the bureau's folders, no digest
        self.heights: dict[int, float] = {}
        self.chart_rows = 0         # rows the charts cover, for the print area

    def write(self) -> None:
        ws, tx, fmt = self.ws, self.tx, self.fmt
        ws.write_string(0, 0, tx["title"], fmt["title"])
        ws.write_string(1, 0, tx["as_recorded"], fmt["note"])
        rows = unit_rows(self.result, tx)
        head, ordered = self._unit_table(3, rows)
        r = self._madya_table(head + len(ordered) + 2, rows)
        per_rule = rule_totals(self.result)
        rule_head, r = self._rule_table(r + 2, per_rule)
        r = self._run_facts(r + 2)
        for col, width in enumerate(WIDTHS):
            ws.set_column(col, col, width)
        ws.set_column(LABEL_COL, LABEL_COL, 30)
        for row, points in self.heights.items():
            ws.set_row(row, points)
        if ordered:
            ws.autofilter(head, 0, head + len(ordered), FILE_COL)
        chart_row = r + 2
        ws.set_h_pagebreaks([chart_row])
        self._charts(chart_row, head, len(ordered), rule_head, per_rule)
        # no repeated title: the per-unit table's header would head the per-rule table and the charts
        layout.xlsxwriter_page(ws, None, "&C" + tx["footer"])
        ws.print_area(0, 0, chart_row + self.chart_rows, len(WIDTHS) - 1)

    def _height(self, row: int, cells: list, widths=WIDTHS) -> None:
        points = layout.row_points(cells, widths)
        if points:
            self.heights[row] = max(points, self.heights.get(row, 0))

    def _header(self, row: int, labels, first: int = 0) -> None:
        for j, label in enumerate(labels):
            self.ws.write_string(row, first + j, label, self.fmt["header"])
        self._height(row, [None] * first + list(labels))

    def _counts(self, row: int, counts: dict, waived: int) -> None:
        for j, k in enumerate(LABELS):
            n = counts[k]
            self.ws.write_number(row, 3 + j, n, self.fmt["labnum_" + k] if n else self.fmt["num"])
        self.ws.write_number(row, 7, waived, self.fmt["num"])

    def _unit_table(self, r: int, rows: list[dict]):
        """The compliance table, one row per unit grouped by Unit JPT Madya; (header row, rows)."""
        ws, tx, fmt, s = self.ws, self.tx, self.fmt, self.s
        status_fmt = {"compliant": fmt["ok_wrap"], "not_compliant": fmt["bad_wrap"], "unreadable": fmt["grey_wrap"],
                      "data_fix": fmt["lab_wrap_data_error"], "not_submitted": fmt["pending_wrap"]}
        ws.write_string(r, 0, tx["per_unit"], fmt["label"])
        head = r + 1
        self._header(head, tx["unit_cols"])
        ws.write_string(head, LABEL_COL, tx["chart_label"], fmt["note"])
        ordered = [row for _, members in group_by_madya(rows) for row in members]
        for i, row in enumerate(ordered, start=1):
            status = status_text(row, tx)
            rules = ", ".join(row["rules"])
            shown = (lambda x: os.path.basename(x.replace("\\", "/"))) if self.hand_out else (lambda x: x)
            files = "\n".join([shown(row["file"])] * bool(row["file"]) + [tx["draft_prefix"] + shown(d)
                                                                          for d in row["drafts"]])
            s(ws, head + i, 0, row["code"], fmt["text"])
            s(ws, head + i, 1, row["name"], fmt["wrap"])
            s(ws, head + i, 2, row["jpt"], fmt["wrap"])
            self._counts(head + i, row["counts"], row["waived"])
            ws.write_string(head + i, 8, status, status_fmt[row["status"]])
            s(ws, head + i, 9, rules, fmt["wrap"])
            s(ws, head + i, FILE_COL, files, fmt["wrap"])
            # a unit without a Kode Unit (an unreadable file, a roster unit known by name) still gets a
            # label on the chart's axis
            s(ws, head + i, LABEL_COL, chart_label(row), fmt["text"])
            self._height(head + i, [row["code"], row["name"], row["jpt"], None, None, None, None, None, status, rules,
                                    files])
        return head, ordered

    def _madya_table(self, r: int, rows: list[dict]) -> int:
        """Totals per Unit JPT Madya (the name across A:C); returns its last row."""
        ws, tx, fmt = self.ws, self.tx, self.fmt
        ws.write_string(r, 0, tx["per_madya"], fmt["label"])
        r += 1
        cols = tx["madya_cols"]
        ws.merge_range(r, 0, r, 2, cols[0], fmt["header"])
        self._header(r, cols[1:], first=3)
        for g in madya_totals(rows):
            r += 1
            name = g["jpt"] or tx["no_madya"]
            ws.merge_range(r, 0, r, 2, "", fmt["wrap"])
            self.s(ws, r, 0, name, fmt["wrap"])
            self._counts(r, g["counts"], g["waived"])
            ws.write_number(r, 8, g["units"], fmt["num"])
            ws.write_number(r, 9, g["compliant"], fmt["num"])
            ws.write_number(r, 10, g["not_compliant"], fmt["bad"] if g["not_compliant"] else fmt["num"])
            ws.write_number(r, 11, g["not_submitted"], fmt["pending_num"] if g["not_submitted"] else fmt["num"])
            self._height(r, [name], [sum(WIDTHS[:3])])
        return r

    def _rule_table(self, r: int, per_rule: list[dict]):
        """Findings per rule (the title across B:C); returns (its header row, its last row)."""
        ws, tx, fmt = self.ws, self.tx, self.fmt
        ws.write_string(r, 0, tx["per_rule"], fmt["label"])
        head = r = r + 1
        cols = tx["rule_sum_cols"]
        ws.write_string(r, 0, cols[0], fmt["header"])
        ws.merge_range(r, 1, r, 2, cols[1], fmt["header"])
        self._header(r, cols[2:], first=3)
        for x in per_rule:
            r += 1
            title = self.titles.get(x["rule"]) or x["slug"]
            self.s(ws, r, 0, x["rule"], fmt["lab_" + x["label"]])
            ws.merge_range(r, 1, r, 2, "", fmt["wrap"])
            self.s(ws, r, 1, title, fmt["wrap"])
            self._counts(r, x["counts"], x["waived"])
            ws.write_number(r, 8, x["units"], fmt["num"])
            self._height(r, [x["rule"], title], [WIDTHS[0], WIDTHS[1] + WIDTHS[2]])
        return head, r

    def _run_facts(self, r: int) -> int:
        """Stage, time, versions and totals of the run (label across A:B); returns the last row."""
        ws, tx, fmt, result = self.ws, self.tx, self.fmt, self.result
        s = result.summary()
        counts = result.label_counts()
        facts = [("tool", f"{result.tool} {result.version}"), ("rulebase", result.rulebase_version),
                 ("stage", result.stage), ("checked_at", format_time(result.checked_at)), ("engine", result.engine),
                 ("files", s["files"]), ("units_checked", s["units_checked"]),
                 ("files_unreadable", s["files_unreadable"]), ("findings_total", s["findings"]),
                 ("n_error", counts["error"]), ("n_data_error", counts["data_error"]),
                 ("n_warning", counts["warning"]), ("n_info", counts["info"]), ("n_waived", s["waived"]),
                 ("compliant_units", s["compliant_units"])]
        if s["units_not_submitted"]:
            facts.append(("units_not_submitted", s["units_not_submitted"]))
        if self.hand_out:
            facts = [(k, v) for k, v in facts if k != "rulebase"]
        ws.write_string(r, 0, tx["run_facts"], fmt["label"])
        for key, value in facts:
            r += 1
            ws.merge_range(r, 0, r, 1, tx[key], fmt["label"])
            if isinstance(value, int):
                ws.write_number(r, 2, value, fmt["num_left"])
            else:
                self.s(ws, r, 2, value, fmt["text"])
        return r

    # --------------------------------------------------------------------------------- charts

    def _charts(self, row: int, unit_head: int, n_units: int, rule_head: int, per_rule: list[dict]) -> None:
        """Side by side on a page of their own: findings per rule, findings per unit."""
        if per_rule:
            self._bar(row, 0, rule_head, len(per_rule), self.tx["chart_rule_title"], 22,
                      max(sum(x["counts"].values()) for x in per_rule))
        if n_units:
            most = max((sum(r["counts"].values()) for r in unit_rows(self.result, self.tx)), default=0)
            self._bar(row, 3, unit_head, n_units, self.tx["chart_title"], 24, most, x_offset=20,
                      category_col=LABEL_COL)

    def _bar(self, row, col, head, n, title, per_bar, most, x_offset=0, category_col=0) -> None:
        name = self.ws.get_name()
        chart = self.workbook.add_chart({"type": "bar", "subtype": "stacked"})
        for j, k in enumerate(LABELS):
            chart.add_series({
                "name": [name, head, 3 + j],
                "categories": [name, head + 1, category_col, head + n, category_col],
                "values": [name, head + 1, 3 + j, head + n, 3 + j],
                "fill": {"color": "#" + LABEL_CHART[k]},
                "gap": 60,
            })
        chart.set_title({"name": title, "name_font": {"size": 12}})
        chart.set_x_axis({"min": 0, "major_unit": whole_step(most), "num_format": "0",
                          "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
        chart.set_y_axis({"reverse": True, "num_font": {"size": 9}})           # the first row on top
        chart.set_legend({"position": "bottom"})
        height = min(CHART_MAX_PX, max(300, 110 + per_bar * n))
        chart.set_size({"width": 620, "height": height})
        self.chart_rows = max(self.chart_rows, math.ceil((height + 10) / 20) + 1)
        self.ws.insert_chart(row, col, chart, {"x_offset": x_offset, "y_offset": 10})


def whole_step(most: int) -> int:
    """A whole-number step for a count axis of at most about ten gridlines: 1, 2, 5, 10, 20, ..."""
    if most <= 10:
        return 1
    raw = most / 10
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * power >= raw:
            return int(m * power)
    return int(10 * power)
