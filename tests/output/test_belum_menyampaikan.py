"""A unit of the master roster that sent no workbook (rules.md X06, output-format.md v3): status
Belum Menyampaikan in the terminal summary, the Ringkasan scorecard (its own colour and count,
per JPT Madya), the JSON (`units`; no entry in `inputs`) and the web page; no other finding for
it; `--per-unit` writes no file for it."""
from __future__ import annotations

import json

import openpyxl
import pytest
from cli_run import invoke
from rule_examples import build, load_base, write_workbook

from checker.pipeline import run
from checker.web.report import page

NOT_SENT = ("D9.AS3", "Asisten Deputi Contoh Fiskal")


def _roster_rows():
    rows = []
    for base, code in (("_example_base", "D9.AS1"), ("_example_base_2", "D9.AS2")):
        rows += [[r[0], r[2], r[3], r[4], code] for r in load_base(base)["Pegawai"]["rows"] if r[0]]
    rows.append(["197701012003121001", "WAHYU HIDAYAT", "JPT Pratama", "Asisten Deputi Contoh Fiskal", NOT_SENT[0]])
    return rows


@pytest.fixture(scope="module")
def audit(tmp_path_factory):
    """Two units (one compliant, one with a breach) and a roster listing a third that sent nothing."""
    d = tmp_path_factory.mktemp("audit")
    a = build([], d / "in" / "d9-as1.xlsx")
    b = build([{"sheet": "Pokja", "where": {"Kode Pokja": "TKL-1"}, "set": {"Tugas Pokja": ""}}],
              d / "in" / "d9-as2.xlsx", "_example_base_2")
    (d / "roster").mkdir()
    roster = write_workbook({"Data": {"header": ["NIP_BARU", "NAMA", "JENIS_JABATAN_NAMA", "JABATAN_NAMA",
                                                 "KODE_UNIT"], "rows": _roster_rows()}},
                            d / "roster" / "pegawai.xlsx")
    return d, [str(a), str(b)], str(roster)


def test_x06_is_the_only_finding_of_the_unit_and_its_status(audit):
    _, paths, roster = audit
    result = run.check(paths, roster=roster, engine="pandas")
    mine = [(f.rule, f.severity, f.sheet, f.column) for f in result.findings if f.unit == NOT_SENT[0]]
    assert mine == [("X06", "warning", "Data", "E")]
    assert [(i.unit, result.status_of(i)) for i in result.inputs] == [
        ("D9.AS1", "patuh"), ("D9.AS2", "tidak_patuh"), ("D9.AS3", "belum_menyampaikan")]
    assert result.summary()["units_not_submitted"] == 1 and result.summary()["compliant_units"] == 1


@pytest.mark.parametrize("lang,line", [
    ("id", "  D9.AS3       Status: Belum Menyampaikan                      0 pelanggaran,   0 kesalahan data,   "
           "1 peringatan"),
    ("en", "  D9.AS3       Status: Not submitted                      0 errors,   0 data errors,   1 warning"),
])
def test_terminal_summary_lists_the_unit_as_belum_menyampaikan(audit, lang, line):
    d, paths, roster = audit
    r = invoke("check", *paths, "--roster", roster, "-o", d / f"t-{lang}.xlsx", "--lang", lang)
    assert r.exit_code == 1, r.output
    lines = r.output.splitlines()
    assert line in lines
    statuses = [x for x in lines if x.startswith("  D9.AS")]
    assert [x.split()[0] for x in statuses] == ["D9.AS1", "D9.AS2", "D9.AS3"]


def test_json_units_and_inputs(audit):
    d, paths, roster = audit
    out = d / "t.json"
    invoke("check", *paths, "--roster", roster, "--json", out, "-o", d / "t.xlsx")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert [i["unit"] for i in doc["inputs"]] == ["D9.AS1", "D9.AS2"]           # no input for the unit
    assert doc["units"] == [
        {"unit": "D9.AS1", "unit_name": "Asisten Deputi Contoh Kebijakan", "file": paths[0], "compliance": "patuh"},
        {"unit": "D9.AS2", "unit_name": "Asisten Deputi Contoh Tata Kelola", "file": paths[1],
         "compliance": "tidak_patuh"},
        {"unit": "D9.AS3", "unit_name": None, "file": None, "compliance": "belum_menyampaikan"}]
    assert [f["rule"] for f in doc["findings"] if f["unit"] == "D9.AS3"] == ["X06"]


def test_scorecard_row_colour_and_count_per_jpt_madya(audit):
    d, paths, roster = audit
    out = d / "score.xlsx"
    invoke("check", *paths, "--roster", roster, "-o", out)
    ws = openpyxl.load_workbook(out)["Ringkasan"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    head = next(i for i, r in enumerate(rows) if r[0] == "Kode Unit")
    units = {r[0]: (r[8], i) for i, r in enumerate(rows[head + 1:head + 4], start=head + 2)}
    assert {k: v[0] for k, v in units.items()} == {"D9.AS1": "Patuh", "D9.AS2": "Tidak Patuh",
                                                   "D9.AS3": "Belum Menyampaikan"}
    colours = {k: ws.cell(row, 9).fill.fgColor.rgb[-6:] for k, (_, row) in units.items()}
    assert colours == {"D9.AS1": "C6EFCE", "D9.AS2": "FFC7CE", "D9.AS3": "DDEBF7"}       # its own colour
    madya = next(i for i, r in enumerate(rows) if r[0] == "Unit JPT Madya")
    assert rows[madya][3:12] == ["Pelanggaran", "Kesalahan Data", "Peringatan", "Catatan", "Dikecualikan",
                                 "Jumlah Unit", "Unit Patuh", "Unit Belum Patuh", "Unit Belum Menyampaikan"]
    groups = {r[0]: r[8:12] for r in rows[madya + 1:madya + 3]}
    assert groups == {"Deputi Bidang Koordinasi Contoh": [2, 1, 1, 0],
                      "(Unit JPT Madya tidak diketahui)": [1, 0, 0, 1]}


def test_per_unit_writes_no_file_for_it(audit):
    d, paths, roster = audit
    folder = d / "per-unit"
    invoke("check", *paths, "--roster", roster, "-o", d / "all.xlsx", "--per-unit", folder)
    assert sorted(p.name for p in folder.iterdir()) == ["D9.AS1.xlsx", "D9.AS2.xlsx"]


@pytest.mark.parametrize("lang,text", [("id", "Belum Menyampaikan"), ("en", "Not submitted")])
def test_web_page_shows_the_status(audit, lang, text):
    _, paths, roster = audit
    result = run.check(paths, roster=roster, engine="pandas", lang=lang)
    units = {u["unit"]: (u["status_text"], u["status_class"], u["counts"]["warning"])
             for u in page(result, {}, lang)["units"]}
    assert units["D9.AS3"] == (text, "grey", 1)
    assert units["D9.AS1"][1] == "ok"
