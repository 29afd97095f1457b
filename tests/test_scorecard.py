"""The Ringkasan sheet as a ministry scorecard (checker/report_xlsx.py), read back with openpyxl:
one row per unit grouped by Unit JPT Madya, totals per JPT Madya unit, findings per rule, and
two bar charts (findings by unit, findings by rule)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

import openpyxl
import pytest

from checker.findings import make_finding
from checker.output import workbook as report_xlsx
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
        _f("U01", "SES.BPR", "Biro Perencanaan", "roster.xlsx", sheet="Data", row=40, column="E"),
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


def test_scorecard_one_row_per_unit_grouped_by_jpt_madya(result, tmp_path):
    ws, rows = _read(result, tmp_path)
    head, table = _table(rows, ["Kode Unit", "Nama Unit", "Unit JPT Madya", "Pelanggaran", "Peringatan", "Catatan",
                                "Status", "Aturan dilanggar"])
    assert table == [
        ["D1.AS1", "Asisten Deputi Moneter", MAKRO, 0, 1, 0, "Patuh", "X03"],
        ["D1.AS2", "Asisten Deputi Fiskal", MAKRO, 3, 1, 0, "Tidak Patuh", "A05, U03, X03"],
        ["D2.AS1", "Asisten Deputi Pangan", PANGAN, 0, 1, 0, "Patuh", "K09"],
        [None, "berkas: rusak.xlsx", None, 1, 0, 0, "Tidak terbaca", "D05"],
        ["SES.BPR", "Biro Perencanaan", None, 1, 0, 0, "Tidak Patuh", "U01"],
    ]
    assert ws.auto_filter.ref == f"A{head}:H{head + len(table)}"
    assert ws.cell(head + 2, 7).fill.fgColor.rgb.endswith("FFC7CE")          # Tidak Patuh in red
    assert ws.cell(head + 1, 7).fill.fgColor.rgb.endswith("C6EFCE")          # Patuh in green
    # every finding is counted once
    assert sum(r[3] + r[4] + r[5] for r in table) == len(result.findings)


def test_totals_per_jpt_madya(result, tmp_path):
    _, rows = _read(result, tmp_path)
    _, table = _table(rows, ["Unit JPT Madya", "Jumlah Unit", "Unit Patuh", "Pelanggaran", "Peringatan", "Catatan",
                             "Unit Tidak Patuh", "Aturan dilanggar"])
    assert table == [
        [MAKRO, 2, 1, 3, 2, 0, 1, "A05, U03, X03"],
        [PANGAN, 1, 1, 0, 1, 0, 0, "K09"],
        ["(Unit JPT Madya tidak diketahui)", 2, 0, 2, 0, 0, 2, "D05, U01"],
    ]


def test_findings_per_rule(result, tmp_path):
    _, rows = _read(result, tmp_path)
    _, table = _table(rows, ["Aturan", "Nama Aturan", "Tingkat", "Jumlah Temuan", "Jumlah Unit"])
    assert table == [
        ["A05", "Output tumpang tindih", "Pelanggaran", 2, 1],
        ["D05", "Struktur workbook", "Pelanggaran", 1, 1],
        ["K09", "Pokja satu orang", "Peringatan", 1, 1],
        ["U01", "Unit belum membentuk Pokja", "Pelanggaran", 1, 1],
        ["U03", "Dukungan tidak tunggal", "Pelanggaran", 1, 1],
        ["X03", "Klaim lintas unit", "Peringatan", 2, 2],
    ]


def _title(chart):
    return "".join(r.t for p in chart.title.tx.rich.p for r in (p.r or []))


def test_two_bar_charts_by_unit_and_by_rule(result, tmp_path):
    ws, rows = _read(result, tmp_path)
    unit_head, units = _table(rows, ["Kode Unit", "Nama Unit", "Unit JPT Madya", "Pelanggaran"])
    rule_head, per_rule = _table(rows, ["Aturan", "Nama Aturan", "Tingkat", "Jumlah Temuan"])
    charts = {_title(c): c for c in ws._charts}
    assert set(charts) == {"Jumlah temuan per aturan", "Temuan per unit menurut tingkat"}
    assert all(c.tagname == "barChart" and c.barDir == "bar" for c in charts.values())
    by_rule = charts["Jumlah temuan per aturan"]
    (series,) = by_rule.series
    assert series.cat.numRef is None or series.cat.strRef is not None
    assert series.cat.strRef.f == f"Ringkasan!$A${rule_head + 1}:$A${rule_head + len(per_rule)}"
    assert series.val.numRef.f == f"Ringkasan!$D${rule_head + 1}:$D${rule_head + len(per_rule)}"
    colours = [p.spPr.solidFill.srgbClr for p in series.dPt]
    assert colours == ["C00000", "C00000", "FFC000", "C00000", "C00000", "FFC000"]    # by the rule's severity
    by_unit = charts["Temuan per unit menurut tingkat"]
    assert by_unit.grouping == "stacked" and len(by_unit.series) == 3
    assert [s.val.numRef.f for s in by_unit.series] == [
        f"Ringkasan!${c}${unit_head + 1}:${c}${unit_head + len(units)}" for c in "DEF"]
    assert by_unit.series[0].cat.strRef.f == f"Ringkasan!$A${unit_head + 1}:$A${unit_head + len(units)}"
    # side by side with the tables, not over them; the rule chart above the unit chart
    anchors = {t: (c.anchor._from.col, c.anchor._from.row) for t, c in charts.items()}
    assert anchors["Jumlah temuan per aturan"][0] == anchors["Temuan per unit menurut tingkat"][0] == 9
    assert anchors["Jumlah temuan per aturan"][1] < anchors["Temuan per unit menurut tingkat"][1]


def test_english_scorecard_and_roster_unit_in_files(result, tmp_path):
    ws, rows = _read(result, tmp_path, "en")
    _, table = _table(rows, ["Unit Code", "Unit Name", "JPT Madya Unit", "Errors", "Warnings", "Info", "Status",
                             "Rules Violated"])
    assert [r[6] for r in table] == ["Compliant", "Not compliant", "Compliant", "Unreadable", "Not compliant"]
    _, groups = _table(rows, ["JPT Madya Unit", "Units", "Compliant Units"])
    assert [g[0] for g in groups] == [MAKRO, PANGAN, "(JPT Madya unit unknown)"]
    facts = {r[0]: r[1] for r in rows if r[0]}
    assert facts["Units without a workbook (roster)"] == 1
    assert {_title(c) for c in ws._charts} == {"Findings per rule", "Findings per unit by severity"}
    files = [list(r) for r in ws.parent["Files"].iter_rows(min_row=2, values_only=True)]
    assert files[4] == ["roster.xlsx", "d" * 64, "SES.BPR", "submitted no workbook (master roster)"]


def test_no_findings_no_rule_chart(result, tmp_path):
    result.findings = []
    ws, rows = _read(result, tmp_path)
    assert [_title(c) for c in ws._charts] == ["Temuan per unit menurut tingkat"]
    _, per_rule = _table(rows, ["Aturan", "Nama Aturan", "Tingkat", "Jumlah Temuan", "Jumlah Unit"])
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
    _, groups = _table(rows, ["Unit JPT Madya", "Jumlah Unit"])
    assert len(groups) == 9 and sum(g[1] for g in groups) == 1000
