"""`check --compare earlier.json`: checker/compare.py."""
from __future__ import annotations

import json
import re

import openpyxl
import pytest
from rule_examples import apply_edits, load_base, write_workbook

from checker.findings import make_finding
from checker.followup.compare import CompareError, compare, compare_result, rows, summary_lines
from checker.output.jsondoc import write_json
from checker.pipeline import run
from checker.texts import t

HEADER = {lang: list(t("compare.header", lang)) for lang in ("id", "en")}

A04 = {"sheet": "Anggota Pokja", "where": {"Nama": "Dewi Lestari, S.Si., M.E."}, "set": {"Output": ""}}
D04 = {"sheet": "Pokja", "where": {"Kode Pokja": "DUK-1"}, "set": {"Tanggal SK": "32/01/2025"}}
D03 = {"sheet": "Pegawai", "where": {"Nama": "Yoga Pratama, A.Md."}, "set": {"Jenis Jabatan": "Staff Ahli Gaib"}}
NEW = {"sheet": "Surat Tugas", "where": {"Nomor Surat Tugas": "ST-07/D.9.1/02/2025"}, "set": {"Tanggal": "31/02/2025"}}


def _v1(tmp_path):
    path = write_workbook(apply_edits(load_base(), [A04, D04, D03]), tmp_path / "draft-v1.xlsx")
    result = run.check([str(path)], engine="pandas")
    write_json(result, tmp_path / "temuan-v1.json")
    return result, tmp_path / "temuan-v1.json"


def _v2(tmp_path):
    """Title rows inserted above every header (every row number shifts), D04 fixed, a new D04."""
    sheets = apply_edits(load_base(), [A04, D03, NEW])
    for s in sheets.values():
        s["title"] = [["DAFTAR ISIAN UNIT"], ["Asisten Deputi Contoh Kebijakan"], [None]]
    path = write_workbook(sheets, tmp_path / "draft-v2.xlsx")
    return run.check([str(path)], engine="pandas")


def test_insert_rows_fix_one_add_one(tmp_path):
    first, earlier = _v1(tmp_path)
    assert sorted(f.rule for f in first.findings) == ["A04", "D03", "D04"]
    second = _v2(tmp_path)
    cmp = compare_result(second, earlier)
    assert cmp.counts() == {"new": 1, "still_open": len(second.findings) - 1, "resolved": 1}
    assert [f.rule for f in cmp.new] == ["D04"] and cmp.new[0].sheet == "Surat Tugas"
    assert [f["rule"] for f in cmp.resolved] == ["D04"] and cmp.resolved[0]["sheet"] == "Pokja"
    assert sorted(f.rule for f in cmp.still_open) == ["A04", "D03"]
    # the rows did move: still-open findings sit 3 rows lower than before
    before = {f.fingerprint: f.row for f in first.findings}
    assert all(f.row == before[f.fingerprint] + 3 for f in cmp.still_open)
    assert cmp.status(cmp.new[0]) == "new" and cmp.status(cmp.still_open[0]) == "still_open"


def test_summary_and_rows(tmp_path):
    _, earlier = _v1(tmp_path)
    cmp = compare_result(_v2(tmp_path), earlier)
    lines = summary_lines(cmp, "id")
    assert lines[0].startswith("Dibandingkan dengan temuan-v1.json") and "1 baru, 2 tetap, 1 selesai" in lines[0]
    assert "Selesai:" in lines and "Baru:" in lines
    en = summary_lines(cmp, "en")
    assert "1 new, 2 still open, 1 resolved" in en[0]
    table = rows(cmp, "id")
    assert table[0] == HEADER["id"]
    assert [r[0] for r in table[1:]] == ["Baru", "Selesai", "Tetap", "Tetap"]
    assert all(len(r) == len(HEADER["id"]) for r in table)
    assert all(v is None or isinstance(v, (str, int)) for r in table for v in r)
    assert rows(cmp, "en")[1][0] == "New" and rows(cmp, "en")[0] == HEADER["en"]


def test_same_fingerprint_counted_as_multiset(tmp_path):
    mk = dict(slug="s", severity="error", basis="b", hint="h", unit="U1", message="m")
    one = make_finding(rule="R1", value="v", row=2, **mk)
    prev = [one.to_json(), make_finding(rule="R1", value="v", row=3, **mk).to_json(),
            make_finding(rule="R2", value="w", **mk).to_json()]
    path = tmp_path / "prev.json"
    path.write_text(json.dumps({"checked_at": "2025-01-01T00:00:00+07:00", "findings": prev}))
    now = [make_finding(rule="R1", value="v", row=9, **mk)] * 3
    cmp = compare(now, path)
    assert cmp.counts() == {"new": 1, "still_open": 2, "resolved": 1}
    assert cmp.resolved[0]["rule"] == "R2"


def test_units_not_checked_now_are_out_of_scope(tmp_path):
    mk = dict(slug="s", severity="error", basis="b", hint="h", message="m")
    prev = [make_finding(rule="R1", unit="A", **mk).to_json(), make_finding(rule="R1", unit="B", **mk).to_json(),
            make_finding(rule="D05", unit=None, **mk).to_json()]
    path = tmp_path / "prev.json"
    path.write_text(json.dumps({"findings": prev}))
    cmp = compare([], path, units=["A"])
    assert [f["unit"] for f in cmp.resolved] == ["A", None] and cmp.out_of_scope == 1
    assert "1" in summary_lines(cmp, "en")[-1]
    assert len(compare([], path).resolved) == 3            # no scope given: everything counts


def test_bad_previous_file(tmp_path):
    with pytest.raises(CompareError) as e:
        compare([], tmp_path / "missing.json")
    assert "tidak dapat dibuka" in e.value.message("id") and "cannot be opened" in e.value.message("en")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(CompareError):
        compare([], bad)
    bad.write_text(json.dumps({"findings": [{"rule": "R1"}]}))
    with pytest.raises(CompareError) as e:
        compare([], bad)
    assert e.value.key == "not_findings" and "--json" in str(e.value)


def test_compare_against_a_findings_workbook_in_cli_with_json(tmp_path):
    """Issue 22: against an earlier findings workbook the resolved data error is a data error
    (never "Pelanggaran"), cells print as `K3` (never `K3.0`), the lines use the terminal's
    `file:Sheet!Cell` layout, and the JSON says which findings are new, still open or resolved."""
    from click.testing import CliRunner

    from checker import cli
    v1 = write_workbook(apply_edits(load_base(), [A04, D04, D03]), tmp_path / "draft-v1.xlsx")
    runner = CliRunner()
    r = runner.invoke(cli.main, ["check", str(v1), "-o", str(tmp_path / "temuan-v1.xlsx"), "--engine", "pandas"])
    assert r.exit_code == 1, r.output
    v2 = write_workbook(apply_edits(load_base(), [A04, D03, NEW]), tmp_path / "draft-v2.xlsx")
    r = runner.invoke(cli.main, ["check", str(v2), "-o", str(tmp_path / "temuan-v2.xlsx"), "--json",
                                 str(tmp_path / "v2.json"), "--compare", str(tmp_path / "temuan-v1.xlsx"),
                                 "--engine", "pandas"], catch_exceptions=False)
    assert r.exit_code == 1, r.output
    lines = r.output.splitlines()
    resolved = lines[lines.index("Selesai:") + 1]
    assert resolved.startswith(f"  {v1}:Pokja!") and "  D04  kesalahan data  " in resolved
    assert re.search(r":Pokja![A-Z]+\d+  D04", resolved) and ".0" not in resolved.split("  D04")[0]
    new = lines[lines.index("Baru:") + 1]
    assert new.startswith(f"  {v2}:Surat Tugas!") and "  D04  kesalahan data  " in new
    # the Perubahan sheet: the resolved data error keeps its label
    sheet = openpyxl.load_workbook(tmp_path / "temuan-v2.xlsx")["Perubahan"]
    table = [list(x) for x in sheet.iter_rows(values_only=True)]
    head = table[0]
    by_status = {(row[0], row[head.index("Aturan")]): row for row in table[1:]}
    assert by_status[("Selesai", "D04")][head.index("Tingkat")] == "Kesalahan data"
    assert isinstance(by_status[("Selesai", "D04")][head.index("Baris")], int)
    # the JSON: each finding's change, and the resolved ones
    doc = json.loads((tmp_path / "v2.json").read_text(encoding="utf-8"))
    assert sorted((f["rule"], f["change"]) for f in doc["findings"]) == [
        ("A04", "still_open"), ("D03", "still_open"), ("D04", "new")]
    cmp = doc["comparison"]
    assert cmp["counts"] == {"new": 1, "still_open": 2, "resolved": 1}
    assert cmp["previous"] == str(tmp_path / "temuan-v1.xlsx")
    [gone] = cmp["resolved"]
    assert (gone["rule"], gone["sheet"], gone["severity"], gone["basis"]) == ("D04", "Pokja", "error", "data")
    assert isinstance(gone["row"], int) and gone["fingerprint"]


def test_a_resolved_data_error_from_an_older_json_without_basis(tmp_path):
    mk = dict(slug="s", severity="error", hint="h", unit="U1", message="m")
    prev = [make_finding(rule="D04", basis="data", value="v", **mk).to_json()]
    del prev[0]["basis"]
    path = tmp_path / "prev.json"
    path.write_text(json.dumps({"findings": prev}))
    cmp = compare([], path)
    assert rows(cmp, "id")[1][3] == "Kesalahan data" and rows(cmp, "en")[1][3] == "Data error"
