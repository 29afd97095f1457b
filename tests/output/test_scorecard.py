"""The Ringkasan sheet as a ministry scorecard (checker/report_xlsx.py), read back with openpyxl:
one row per unit grouped by Unit JPT Madya, totals per JPT Madya unit, findings per rule, and
two bar charts (findings by unit, findings by rule)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

import openpyxl
import pytest

from checker.findings import make_finding
from checker.output import findings_workbook as report_xlsx
from checker.result import InputFile, RunResult

MAKRO, PANGAN = "Deputi Bidang Koordinasi Ekonomi Makro dan Keuangan", "Deputi Bidang Koordinasi Pangan dan Agribisnis"


@dataclass
class StubRule:
    id: str
    slug: str
    severity: str
    from_stage: str = "rancangan"
    basis: str = "b"
    legal_text: str = "l"
    titles: dict = field(default_factory=dict)

    def text(self, name, lang):
        return {"title": self.titles}.get(name, {}).get(lang, "")


RULES = {r.id: r for r in (
    StubRule("A05", "output-tumpang-tindih", "error", titles={"id": "Output tumpang tindih",
                                                              "en": "Overlapping outputs"}),
    StubRule("D05", "struktur-workbook", "error", titles={"id": "Struktur workbook", "en": "Workbook structure"}),
    StubRule("K09", "pokja-satu-orang", "warning", titles={"id": "Pokja satu orang", "en": "One-person Pokja"}),
    StubRule("U01", "unit-tanpa-pokja", "error", titles={"id": "Unit belum membentuk Pokja", "en": "No Pokja"}),
    StubRule("U03", "pokja-dukungan-tidak-tunggal", "error", titles={"id": "Dukungan tidak tunggal", "en": "Support"}),
    StubRule("X06", "unit-belum-menyampaikan", "warning", titles={"id": "Unit belum menyampaikan workbook",
                                                                  "en": "Unit has not sent its workbook"}),
    StubRule("X03", "klaim-output-lintas-unit", "warning", titles={"id": "Klaim lintas unit",
                                                                   "en": "Cross-unit claim"}),
)}


def _f(rule, unit, unit_name, file, **kw):
    r = RULES[rule]
    return make_finding(rule=r.id, slug=r.slug, severity=r.severity, basis=r.basis, message="m", hint="h",
                        unit=unit, unit_name=unit_name, file=file, **kw)


@pytest.fixture
def result():
    inputs = [
        InputFile("in/d1-as1.xlsx", "a" * 64, "D1.AS1", "Asisten Deputi Moneter", MAKRO),
        InputFile("in/d2-as1.xlsx", "b" * 64, "D2.AS1", "Asisten Deputi Pangan", PANGAN),
        InputFile("in/d1-as2.xlsx", "c" * 64, "D1.AS2", "Asisten Deputi Fiskal", MAKRO),
        InputFile("in/rusak.xlsx", None, None, status="unreadable", detail="File is not a zip file"),
        InputFile("roster.xlsx", "d" * 64, "SES.BPR", "Biro Perencanaan", None, status="not_submitted",
                  detail="tidak menyampaikan workbook (unit dari roster induk)"),
    ]
    findings = [
        _f("A05", "D1.AS2", "Asisten Deputi Fiskal", "in/d1-as2.xlsx", pokja="PF-01", nip="1", row=5),
        _f("A05", "D1.AS2", "Asisten Deputi Fiskal", "in/d1-as2.xlsx", pokja="PF-03", nip="2", row=9),
        _f("U03", "D1.AS2", "Asisten Deputi Fiskal", "in/d1-as2.xlsx", row=2),
        _f("X03", "D1.AS2", "Asisten Deputi Fiskal", "in/d1-as2.xlsx", pokja="PF-01", nip="1", row=5),
        _f("X03", "D1.AS1", "Asisten Deputi Moneter", "in/d1-as1.xlsx", pokja="PM-01", nip="1", row=7),
        _f("K09", "D2.AS1", "Asisten Deputi Pangan", "in/d2-as1.xlsx", pokja="PG-02", row=3),
        _f("D05", None, None, "in/rusak.xlsx"),
        _f("X06", "SES.BPR", "Biro Perencanaan", "roster.xlsx", sheet="Data", row=40, column="E"),
    ]
    from checker.findings import sort_findings
    return RunResult(tool="cek-pokja", version="0.1.0", rulebase_version="r1", stage="penetapan", lang="id",
                     engine="pandas", checked_at=datetime(2025, 3, 1, 2, 30, tzinfo=timezone.utc), inputs=inputs,
                     findings=sort_findings(findings), rules=list(RULES.values()))


def _read(result, tmp_path, lang="id"):
    result.lang = lang
    path = tmp_path / f"temuan-{lang}.xlsx"
    report_xlsx.write_workbook(result, path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Ringkasan" if lang == "id" else "Summary"]
    return ws, [list(r) for r in ws.iter_rows(values_only=True)]


def _table(rows, header):
    """The rows under `header` down to the first blank row."""
    start = next(i for i, r in enumerate(rows) if r[:len(header)] == header)
    out = []
    for r in rows[start + 1:]:
        if all(v is None for v in r):
            break
        out.append(r[:len(header)])
    return start + 1, out          # Excel row of the header is start + 1


UNIT_HEAD = ["Kode Unit", "Nama Unit", "Unit JPT Madya", "Pelanggaran", "Kesalahan Data", "Peringatan", "Catatan",
             "Dikecualikan", "Status menurut workbook", "Aturan yang Dilanggar", "Berkas"]
RULE_HEAD = ["Aturan", "Nama Aturan", None, "Pelanggaran", "Kesalahan Data", "Peringatan", "Catatan", "Dikecualikan",
             "Jumlah Unit"]


def test_scorecard_one_row_per_unit_grouped_by_jpt_madya(result, tmp_path):
    ws, rows = _read(result, tmp_path)
    head, table = _table(rows, UNIT_HEAD)
    assert head == 5                      # the bureau's main product comes first (issue 12, point 8)
    # Aturan yang Dilanggar: the breaches only (issue 22: no warning, no data error); each row
    # names its file (output-format.md v3)
    assert table == [
        ["D1.AS1", "Asisten Deputi Moneter", MAKRO, 0, 0, 1, 0, 0, "Patuh", None, "in/d1-as1.xlsx"],
        ["D1.AS2", "Asisten Deputi Fiskal", MAKRO, 3, 0, 1, 0, 0, "Tidak Patuh", "A05, U03", "in/d1-as2.xlsx"],
        ["D2.AS1", "Asisten Deputi Pangan", PANGAN, 0, 0, 1, 0, 0, "Patuh", None, "in/d2-as1.xlsx"],
        [None, "berkas: rusak.xlsx", None, 1, 0, 0, 0, 0, "Tidak terbaca", "D05", "in/rusak.xlsx"],
        ["SES.BPR", "Biro Perencanaan", None, 0, 0, 1, 0, 0, "Belum Menyampaikan", None, None],
    ]
    assert ws.auto_filter.ref == f"A{head}:K{head + len(table)}"
    assert ws.cell(head + 2, 9).fill.fgColor.rgb.endswith("FFC7CE")          # Tidak Patuh in red
    assert ws.cell(head + 1, 9).fill.fgColor.rgb.endswith("C6EFCE")          # Patuh in green
    assert ws.cell(head + 5, 9).fill.fgColor.rgb.endswith("DDEBF7")          # Belum Menyampaikan: its own colour
    # a long status ("Tidak Patuh (menurut workbook dan rancangan SK)") wraps in its cell, its row
    # made tall enough, instead of being cut by the next column when printed
    assert all(ws.cell(head + i, 9).alignment.wrap_text for i in range(1, len(table) + 1))
    # every finding is counted once
    assert sum(sum(r[3:8]) for r in table) == len(result.findings)
    # wide enough for the longest JPT Madya name on one line
    assert ws.column_dimensions["C"].width >= len(MAKRO)


def test_totals_per_jpt_madya(result, tmp_path):
    _, rows = _read(result, tmp_path)
    _, table = _table(rows, ["Unit JPT Madya", None, None, "Pelanggaran", "Kesalahan Data", "Peringatan", "Catatan",
                             "Dikecualikan", "Jumlah Unit", "Unit Patuh", "Unit Belum Patuh",
                             "Unit Belum Menyampaikan"])
    assert table == [
        [MAKRO, None, None, 3, 0, 2, 0, 0, 2, 1, 1, 0],
        [PANGAN, None, None, 0, 0, 1, 0, 0, 1, 1, 0, 0],
        ["(Unit JPT Madya tidak diketahui)", None, None, 1, 0, 1, 0, 0, 2, 0, 1, 1],
    ]


def test_findings_per_rule(result, tmp_path):
    _, rows = _read(result, tmp_path)
    _, table = _table(rows, RULE_HEAD)
    assert table == [
        ["A05", "Output tumpang tindih", None, 2, 0, 0, 0, 0, 1],
        ["D05", "Struktur workbook", None, 1, 0, 0, 0, 0, 1],
        ["K09", "Pokja satu orang", None, 0, 0, 1, 0, 0, 1],
        ["U03", "Dukungan tidak tunggal", None, 1, 0, 0, 0, 0, 1],
        ["X03", "Klaim lintas unit", None, 0, 0, 2, 0, 0, 2],
        ["X06", "Unit belum menyampaikan workbook", None, 0, 0, 1, 0, 0, 1],
    ]


def _title(chart):
    return "".join(r.t for p in chart.title.tx.rich.p for r in (p.r or []))


def test_two_bar_charts_by_unit_and_by_rule(result, tmp_path):
    ws, rows = _read(result, tmp_path)
    unit_head, units = _table(rows, UNIT_HEAD)
    rule_head, per_rule = _table(rows, RULE_HEAD)
    charts = {_title(c): c for c in ws._charts}
    assert set(charts) == {"Temuan per aturan", "Temuan per unit"}
    for chart in charts.values():
        assert chart.tagname == "barChart" and chart.barDir == "bar" and chart.grouping == "stacked"
        assert len(chart.series) == 4 and chart.legend is not None        # a legend: which colour is which
        assert chart.y_axis.majorUnit == 1 and chart.y_axis.numFmt.formatCode == "0"   # whole counts
    by_rule = charts["Temuan per aturan"]
    assert by_rule.series[0].cat.strRef.f == f"Ringkasan!$A${rule_head + 1}:$A${rule_head + len(per_rule)}"
    assert [x.val.numRef.f for x in by_rule.series] == [
        f"Ringkasan!${c}${rule_head + 1}:${c}${rule_head + len(per_rule)}" for c in "DEFG"]
    by_unit = charts["Temuan per unit"]
    # the categories: a column outside the print area holding the Kode Unit, or the name where there is none
    assert by_unit.series[0].cat.strRef.f == f"Ringkasan!$M${unit_head + 1}:$M${unit_head + len(units)}"
    assert [rows[unit_head + i][12] for i in range(len(units))] == \
        ["D1.AS1", "D1.AS2", "D2.AS1", "berkas: rusak.xlsx", "SES.BPR"]
    assert rows[unit_head - 1][12] == "Label grafik (tidak dicetak)"
    import re
    assert re.fullmatch(r"'?Ringkasan'?!\$A\$1:\$L\$\d+", ws.print_area)
    # below every table, side by side
    last = max(i for i, r in enumerate(rows) if any(v is not None for v in r[:12]))
    anchors = {t: (c.anchor._from.col, c.anchor._from.row) for t, c in charts.items()}
    assert anchors["Temuan per aturan"][1] == anchors["Temuan per unit"][1] > last
    assert anchors["Temuan per aturan"][0] < anchors["Temuan per unit"][0]


def test_whole_step():
    from checker.output.summary_sheet import whole_step
    assert [whole_step(n) for n in (0, 3, 10, 11, 35, 120, 999)] == [1, 1, 1, 2, 5, 20, 100]


def test_waived_findings_counted_apart(result, tmp_path):
    from datetime import date

    from checker.followup.waivers import Waiver, apply_waivers
    mine = [f for f in result.findings if f.unit == "D1.AS2"]
    waivers = [Waiver(fingerprint=f.fingerprint, response="Dikecualikan", reason="r", approved_by="a",
                      valid_until=date(2099, 1, 1), valid_until_raw="2099-01-01") for f in mine]
    result.waivers = apply_waivers(result.findings, waivers, date(2025, 6, 1))
    _, rows = _read(result, tmp_path)
    _, table = _table(rows, UNIT_HEAD)
    # Patuh only thanks to waivers: marked so (issue 22)
    assert table[1] == ["D1.AS2", "Asisten Deputi Fiskal", MAKRO, 0, 0, 0, 0, 4, "Patuh (dengan pengecualian)", None,
                        "in/d1-as2.xlsx"]


def test_english_scorecard_and_roster_unit_in_files(result, tmp_path):
    ws, rows = _read(result, tmp_path, "en")
    _, table = _table(rows, ["Unit Code", "Unit Name", "JPT Madya Unit", "Errors", "Data Errors", "Warnings", "Notes",
                             "Waived", "Status (as recorded)", "Rules Broken"])
    assert [r[8] for r in table] == ["Compliant", "Not compliant", "Compliant", "Unreadable", "Not submitted"]
    _, groups = _table(rows, ["JPT Madya Unit", None, None, "Errors"])
    assert [g[0] for g in groups] == [MAKRO, PANGAN, "(JPT Madya unit unknown)"]
    facts = {r[0]: r[2] for r in rows if r[0]}
    assert facts["Units without a workbook (roster)"] == 1
    assert {_title(c) for c in ws._charts} == {"Findings per rule", "Findings per unit"}
    files = [list(r) for r in ws.parent["Files"].iter_rows(min_row=2, values_only=True)]
    assert files[4] == ["roster.xlsx", "d" * 64, "SES.BPR", "sent no workbook (master roster)"]


def test_no_findings_no_rule_chart(result, tmp_path):
    result.findings = []
    ws, rows = _read(result, tmp_path)
    assert [_title(c) for c in ws._charts] == ["Temuan per unit"]
    _, per_rule = _table(rows, RULE_HEAD)
    assert per_rule == []


def test_a_thousand_units_write_quickly(tmp_path):
    import time
    inputs = [InputFile(f"in/u{i:04d}.xlsx", "a" * 64, f"D{i % 9}.AS{i}", f"Unit {i}", f"Deputi {i % 9}")
              for i in range(1000)]
    findings = [_f("A05", f"D{i % 9}.AS{i}", f"Unit {i}", f"in/u{i:04d}.xlsx", pokja="P", nip=str(i), row=5)
                for i in range(0, 1000, 3)]
    res = RunResult(tool="cek-pokja", version="0.1.0", rulebase_version="r1", stage="penetapan", lang="id",
                    engine="pandas", checked_at=datetime(2025, 3, 1, tzinfo=timezone.utc), inputs=inputs,
                    findings=findings, rules=list(RULES.values()))
    t0 = time.perf_counter()
    ws, rows = _read(res, tmp_path)
    assert time.perf_counter() - t0 < 20
    _, groups = _table(rows, ["Unit JPT Madya", None, None, "Pelanggaran", "Kesalahan Data", "Peringatan", "Catatan",
                              "Dikecualikan", "Jumlah Unit"])
    assert len(groups) == 9 and sum(g[8] for g in groups) == 1000
