"""`check --rule/--aturan`, `--unit`, `--severity/--tingkat` (issue 22, point 5; output-format.md
v3, filters): repeatable (and comma-separated), applied to the terminal, the JSON and the
workbook alike, said in the summary in both languages. Decision: the exit code follows the
findings the filter keeps (like a linter's selection: `--rule K07` exits 0 when no K07 is
found), while each unit's status stays the judgement on all its findings."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from cli_run import invoke as cli_invoke
from click.testing import CliRunner

from checker import cli

ROOT = Path(__file__).resolve().parents[2]


def invoke(*args):
    return cli_invoke(*args, "--engine", "pandas", "--jobs", "1")


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    work = tmp_path_factory.mktemp("filters")
    shutil.copytree(ROOT / "samples", work / "samples", ignore=shutil.ignore_patterns("*.py", "*.md", "roster"))
    return work


def _temuan(path):
    ws = openpyxl.load_workbook(path)["Temuan"]
    rows = list(ws.iter_rows(values_only=True))
    head = list(rows[0])
    return [(r[head.index("Kode Unit")], r[head.index("Aturan")], r[head.index("Tingkat")]) for r in rows[1:]]


@pytest.mark.parametrize("names", [("--aturan", "--tingkat"), ("--rule", "--severity")])
def test_filters_apply_to_terminal_json_and_workbook_alike(samples, names):
    rule, severity = names
    out = samples / f"f{rule}.xlsx"
    r = invoke("check", samples / "samples", "-o", out, "--json", out.with_suffix(".json"),
               rule, "K07", rule, "A05,D04", severity, "pelanggaran", "--unit", "d1.as2")
    assert r.exit_code == 1, r.output
    assert ("Saringan diterapkan (aturan K07, A05, D04; unit d1.as2; tingkat pelanggaran): jumlah dan daftar "
            "temuan hanya memuat temuan yang tersaring") in r.output
    lines = [x.split("  ")[2] for x in r.output.splitlines() if "d1-as2-fiskal.xlsx:" in x]
    assert sorted(lines) == ["A05", "A05", "K07"]                  # D04 is a data error, not a breach
    assert "1 unit diperiksa dari 2 berkas" in r.output                 # its workbook and its draft
    assert "  D1.AS2       Status menurut workbook dan rancangan SK " in r.output
    assert ": Tidak Patuh            3 pelanggaran,   0 kesalahan data" in r.output
    doc = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert sorted(f["rule"] for f in doc["findings"]) == ["A05", "A05", "K07"]
    assert doc["summary"]["filter"] == {"rules": ["K07", "A05", "D04"], "units": ["d1.as2"],
                                        "severities": ["pelanggaran"]}
    assert [(i["unit"], i["kind"]) for i in doc["inputs"]] == [("D1.AS2", "workbook"), ("D1.AS2", "sk")]
    assert [u["unit"] for u in doc["units"]] == ["D1.AS2"]
    assert sorted(_temuan(out)) == [("D1.AS2", "A05", "Pelanggaran"), ("D1.AS2", "A05", "Pelanggaran"),
                                    ("D1.AS2", "K07", "Pelanggaran")]
    note = openpyxl.load_workbook(out)["Ringkasan"]["A3"].value
    assert note.startswith("Saringan diterapkan (aturan K07, A05, D04; unit d1.as2; tingkat pelanggaran)")


def test_the_exit_code_follows_the_kept_findings_and_the_status_all_findings(samples):
    out = samples / "warn.xlsx"
    r = invoke("check", samples / "samples", "-o", out, "--json", out.with_suffix(".json"), "--tingkat", "peringatan",
               "--unit", "D1.AS2", "--lang", "en")
    assert r.exit_code == 0, r.output                  # no warning in D1.AS2: nothing at or above --fail-on
    assert "Filter applied (unit D1.AS2; severity peringatan): the counts and the list hold only" in r.output
    # D1.AS2 shows no finding, yet stays Not compliant: its status is a judgement on all its findings
    assert "  D1.AS2       Status as recorded and in decree draft " in r.output
    assert ": Not compliant          0 errors,   0 data errors,   0 warnings" in r.output
    doc = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert doc["findings"] == [] and doc["inputs"][0]["compliance"] == "tidak_patuh"
    assert [r[0] for r in openpyxl.load_workbook(out)["Findings"].iter_rows(values_only=True)] == ["No"]
    # the scorecard says the same (it said Compliant: its status was counted from the kept findings)
    row = next(r for r in openpyxl.load_workbook(out)["Summary"].iter_rows(values_only=True) if r[0] == "D1.AS2")
    assert row[3:10] == (0, 0, 0, 0, 0, "Not compliant (as recorded and in the decree draft)", None)
    r = invoke("check", samples / "samples", "-o", out, "--severity", "warning", "--fail-on", "warning")
    assert r.exit_code == 1 and "A13  peringatan" in r.output and "K07" not in r.output


def test_a_severity_of_data_errors_and_a_slug(samples):
    out = samples / "data.xlsx"
    r = invoke("check", samples / "samples", "-o", out, "--severity", "kesalahan-data", "--rule", "D04,nip-ganda")
    assert sorted({row[1] for row in _temuan(out)}) == ["D02", "D04"]
    assert r.exit_code == 1


@pytest.mark.parametrize("args,message", [
    (("--rule", "K99"), "Aturan K99 (--rule) tidak ada. Lihat daftar dengan: cek-pokja rules"),
    (("--tingkat", "berat"), "Tingkat berat (--severity) tidak dikenal; gunakan salah satu dari: error, warning, "),
])
def test_unknown_rule_or_severity_is_exit_2_before_the_run(tmp_path, args, message):
    r = invoke("check", tmp_path / "nothing-here", *args)
    assert r.exit_code == 2 and message in r.output


def test_help_names_both_spellings():
    r = CliRunner().invoke(cli.main, ["check", "--help"])
    assert "--rule, --aturan" in r.output and "--severity, --tingkat" in r.output and "--unit" in r.output
