"""`cek-pokja check samples/` end to end: the workbook, the JSON and the samples' intended findings agree."""
from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "samples"))
from make_drafts import EXPECTED_DRAFTS  # noqa: E402
from make_samples import EXPECTED  # noqa: E402


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("e2e")
    xlsx, js = out / "temuan.xlsx", out / "temuan.json"
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "samples", "-o", str(xlsx), "--json", str(js)],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "COLUMNS": "120"})
    return proc, xlsx, json.loads(js.read_text(encoding="utf-8"))


def test_exit_code_and_summary(sample_run):
    proc, xlsx, doc = sample_run
    assert proc.returncode == 1, proc.stderr
    assert "9 unit diperiksa dari 18 berkas" in proc.stdout
    assert "D1.AS1       Status menurut workbook dan rancangan SK samples/sk-d1-as1.docx: Patuh" in proc.stdout
    assert f"Workbook temuan ditulis ke: {xlsx}" in proc.stdout
    assert proc.stderr == ""


def test_each_sample_gives_exactly_its_intended_findings(sample_run):
    _, _, doc = sample_run
    got = collections.defaultdict(list)
    for f in doc["findings"]:
        got[Path(f["file"]).name].append(f["rule"])
    assert {name: sorted(rules) for name, rules in got.items()} == \
        {name: sorted(r for r, _ in exp) for name, exp in {**EXPECTED, **EXPECTED_DRAFTS}.items() if exp}


def test_every_draft_is_paired_with_its_units_workbook(sample_run):
    """samples/README.md: the nine drafts are read and each is paired, by its title, with its unit."""
    _, _, doc = sample_run
    drafts = {Path(i["file"]).name: i for i in doc["inputs"] if i.get("kind") == "sk"}
    assert sorted(drafts) == sorted(EXPECTED_DRAFTS)
    for name, i in drafts.items():
        assert (i["status"], i["pairing"]) == ("checked", "judul"), name
        assert Path(i["paired_with"]).name.startswith(name[3:-5]), name


def test_compliant_sample_has_no_finding_at_penetapan(sample_run):
    _, _, doc = sample_run
    assert [f for f in doc["findings"] if f["unit"] == "D1.AS1"] == []
    assert {i["unit"]: i["status"] for i in doc["inputs"] if i.get("kind") == "workbook"}["D1.AS1"] == "checked"
    assert {Path(i["file"]).name: i["compliance"] for i in doc["inputs"]}["sk-d1-as1.docx"] == "patuh"


def test_temuan_sheet_equals_json_findings(sample_run):
    _, xlsx, doc = sample_run
    ws = openpyxl.load_workbook(xlsx)["Temuan"]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    col = {h: i for i, h in enumerate(header)}
    assert len(rows) - 1 == len(doc["findings"]) > 0
    for n, (row, f) in enumerate(zip(rows[1:], doc["findings"]), start=1):
        assert row[col["No"]] == n
        assert row[col["Kode Unit"]] == f["unit"]
        assert row[col["Aturan"]] == f["rule"]
        assert row[col["Uraian"]] == f["message"]
        assert row[col["Kode Pokja"]] == f["pokja"]
        assert row[col["NIP"]] == f["nip"]
        assert row[col["Nama"]] == f["name"]
        assert row[col["Kode Target"]] == f["target"]
        assert row[col["Sheet"]] == f["sheet"]
        assert (None if row[col["Baris"]] is None else int(row[col["Baris"]])) == f["row"]
        assert row[col["Kolom"]] == f["column"]
        assert row[col["Saran Perbaikan"]] == f["hint"]


def test_sample_finding_points_at_the_cell(sample_run):
    """D3.AS2's NIP typed as a number: the exact cells on Pegawai, MPH and Anggota Pokja."""
    _, _, doc = sample_run
    d01 = sorted((f["sheet"], f["row"], f["column"]) for f in doc["findings"] if f["rule"] == "D01")
    assert len(d01) == 3
    assert {s for s, _, _ in d01} == {"Pegawai", "MPH", "Anggota Pokja"}
    for f in doc["findings"]:
        if f["rule"] == "D01":
            wb = openpyxl.load_workbook(ROOT / f["file"])
            assert isinstance(wb[f["sheet"]][f"{f['column']}{f['row']}"].value, (int, float))


def test_findings_are_in_contract_order(sample_run):
    _, _, doc = sample_run
    rank = {"error": 0, "warning": 1, "info": 2}
    keys = [(f["unit"], rank[f["severity"]], f["rule"]) for f in doc["findings"]]
    assert keys == sorted(keys)
