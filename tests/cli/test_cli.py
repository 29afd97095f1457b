"""The command line as a user meets it: exit codes, languages, stages, JSON on stdout."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import invoke
from rule_examples import build

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def clean_unit(tmp_path):
    return build([], tmp_path / "unit.xlsx")


@pytest.fixture
def draft_unit(tmp_path):
    """A draft without SK number: K01 only from penetapan."""
    return build([{"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"}, "set": {"Nomor SK": ""}}],
                 tmp_path / "draft.xlsx")


def test_clean_unit_exits_0(clean_unit, tmp_path):
    r = invoke("check", str(clean_unit), "-o", str(tmp_path / "o.xlsx"), "--engine", "pandas")
    assert r.exit_code == 0, r.output
    assert "D9.AS1       Status menurut workbook: Patuh" in r.output


def test_findings_exit_1_and_stage_rancangan_turns_penetapan_rules_off(draft_unit, tmp_path):
    r = invoke("check", str(draft_unit), "-o", str(tmp_path / "o.xlsx"), "--json", "-", "-q")
    assert r.exit_code == 1
    doc = json.loads(r.output)
    assert [(f["rule"], f["pokja"], f["sheet"], f["row"], f["column"]) for f in doc["findings"]] == \
        [("K01", "SUB-1", "Pokja", 2, "F")]
    r = invoke("check", str(draft_unit), "-o", str(tmp_path / "o.xlsx"), "--json", "-", "-q", "--tahap", "rancangan")
    assert r.exit_code == 0
    doc = json.loads(r.output)
    assert doc["stage"] == "rancangan" and doc["findings"] == []


def test_fail_on_warning(tmp_path):
    one_person = build([{"sheet": "Anggota Pokja", "where": {"Kode Pokja": "SUB-1", "Kedudukan": "Anggota"},
                         "delete": True}],
                       tmp_path / "k09.xlsx")
    base = ["check", str(one_person), "-o", str(tmp_path / "o.xlsx"), "-q", "--engine", "pandas", "--json", "-"]
    r = invoke(*base)
    doc = json.loads(r.output)
    # Two members removed: SUB-1 keeps only its Ketua (K09), and the two keep MPH entries no Pokja serves
    # (M04, a note since rules.md version 2).
    assert sorted((f["rule"], f["severity"]) for f in doc["findings"]) == \
        [("K09", "warning"), ("M04", "info"), ("M04", "info")]
    assert r.exit_code == 0
    assert invoke(*base, "--fail-on", "warning").exit_code == 1
    assert invoke(*base, "--fail-on", "info").exit_code == 1


def test_lang_en_switches_messages_and_summary(draft_unit, tmp_path):
    r = invoke("check", str(draft_unit), "-o", str(tmp_path / "o.xlsx"), "--lang", "en")
    assert "1 unit checked from 1 file;" in r.output
    assert "Not compliant" in r.output
    r = invoke("check", str(draft_unit), "-o", str(tmp_path / "o.xlsx"), "--lang", "en", "--json", "-", "-q")
    f = json.loads(r.output)["findings"][0]
    assert f["message"].startswith("Pokja SUB-1 (Pokja Kebijakan Contoh): Nomor SK not filled in")


def test_no_workbook_is_exit_2(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    r = invoke("check", str(tmp_path), "-o", str(tmp_path / "o.xlsx"))
    assert r.exit_code == 2
    assert "Tidak ada workbook yang dapat diperiksa" in r.output


def test_missing_path_is_exit_2(tmp_path):
    r = invoke("check", str(tmp_path / "tidak-ada.xlsx"))
    assert r.exit_code == 2
    assert "tidak ditemukan" in r.output


def test_output_over_input_is_refused(clean_unit):
    before = clean_unit.read_bytes()
    r = invoke("check", str(clean_unit), "-o", str(clean_unit))
    assert r.exit_code == 2
    assert "salah satu berkas masukan" in r.output
    assert clean_unit.read_bytes() == before


def test_only_unreadable_files_is_exit_2_with_d05_in_json(tmp_path):
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"bukan workbook")
    r = invoke("check", str(bad), "-o", str(tmp_path / "o.xlsx"), "--json", "-", "-q")
    assert r.exit_code == 2
    doc = json.loads(r.output)
    assert [(f["rule"], Path(f["file"]).name) for f in doc["findings"]] == [("D05", "rusak.xlsx")]


def test_invalid_rule_base_is_exit_3(tmp_path, clean_unit):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "U01.yaml").write_text("id: U01\nslug: x\nseverity: fatal\n", encoding="utf-8")
    r = invoke("check", str(clean_unit), "--rules", str(rules), "-o", str(tmp_path / "o.xlsx"))
    assert r.exit_code == 3
    assert "Basis aturan tidak sah" in r.output and "U01.yaml" in r.output


def test_internal_error_is_exit_4_without_traceback(monkeypatch, clean_unit, tmp_path):
    from checker import engines

    def boom(*a, **k):
        raise RuntimeError("simulated defect")
    monkeypatch.setattr(engines, "run", boom)
    r = invoke("check", str(clean_unit), "-o", str(tmp_path / "o.xlsx"))
    assert r.exit_code == 4
    assert "Kesalahan internal cek-pokja: RuntimeError: simulated defect" in r.output
    assert "Traceback" not in r.output


def test_rules_lists_the_catalogue_in_both_languages():
    r = invoke("rules")
    for rid in ("U01", "K08", "A05", "M04", "D05", "E02"):
        assert rid in r.output
    assert "pelanggaran" in r.output
    assert "error" in invoke("rules", "--lang", "en").output


def test_explain_unknown_rule_is_exit_2():
    r = invoke("explain", "Z99")
    assert r.exit_code == 2 and "Aturan Z99 tidak ada" in r.output


def test_console_script_and_module_entry_point():
    for cmd in (["cek-pokja", "--help"], [sys.executable, "-m", "checker", "--help"]):
        p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        assert p.returncode == 0
        assert "Pemeriksa kepatuhan Pokja" in p.stdout
    p = subprocess.run(["cek-pokja", "check", "--help", "--lang", "en"], capture_output=True, text=True)
    assert "Stage: rancangan" in p.stdout


def test_help_does_not_import_pandas():
    code = "import sys; from checker import cli; print('pandas' in sys.modules)"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.stdout.strip() == "False"


def test_rules_coverage_prints_the_totals():
    r = invoke("rules", "--coverage")
    assert r.exit_code == 0
    assert re.search(r"Ditegakkan seluruhnya / sebagian / dapat diperiksa / total: \d+ / \d+ / \d+ / \d+\.",
                     r.output), r.output
    assert "| Pasal 2 ayat (6) huruf b |" in r.output
    assert "Wholly enforced / partly enforced / checkable / total:" in invoke("rules", "--coverage", "--lang",
                                                                               "en").output


def test_jobs_give_identical_findings_in_the_same_order(tmp_path):
    docs = []
    for jobs in ("1", "2"):
        r = invoke("check", str(ROOT / "samples"), "--jobs", jobs, "-o", str(tmp_path / f"o{jobs}.xlsx"),
                   "--json", "-", "-q")
        assert r.exit_code == 1
        docs.append([dict(f.items()) for f in json.loads(r.output)["findings"]])
    assert docs[0] == docs[1] and len(docs[0]) > 20


def test_another_rule_base_with_its_own_threshold(tmp_path, clean_unit):
    """A ministry adopting the mechanism with a stricter rule: Pokja need at least 3 members (K09)."""
    import shutil
    rules = tmp_path / "aturan-lain"
    shutil.copytree(ROOT / "rules", rules, ignore=shutil.ignore_patterns("__init__.py", "__pycache__"))
    k09 = (rules / "K09.yaml").read_text(encoding="utf-8")
    assert "- {n_member_person: 1}" in k09
    k09 = k09.replace("- {n_member_person: 1}", "- {$lt: {n_member_person: 3}}")
    (rules / "K09.yaml").write_text(k09.replace("    - {only_support_pokja: false}\n", ""), encoding="utf-8")
    r = invoke("check", str(clean_unit), "--rules", str(rules), "-o", str(tmp_path / "o.xlsx"), "--json", "-", "-q")
    doc = json.loads(r.output)
    assert [(f["rule"], f["pokja"]) for f in doc["findings"]] == [("K09", "DUK-1")]   # DUK-1 has two members
    assert invoke("check", str(clean_unit), "-o", str(tmp_path / "o.xlsx"), "-q").exit_code == 0


def test_progress_line():
    import io

    from checker.output.progress import Progress
    out = io.StringIO()
    p = Progress("id", stream=out, min_interval=0)
    p(1, 4)
    p(4, 4)
    text = out.getvalue()
    assert "\rMembaca berkas 1/4, berjalan 0:00" in text and text.endswith("\n")
    assert not Progress.wanted(quiet=False, stream=io.StringIO())      # not a terminal: silent


def test_lang_before_the_command():
    p = subprocess.run(["cek-pokja", "--lang", "en", "rules"], capture_output=True, text=True)
    assert p.returncode == 0 and "Severity" in p.stdout.splitlines()[0]


def test_usage_errors_in_the_users_language():
    p = subprocess.run(["cek-pokja", "check", "--tahap", "final", "x.xlsx"], capture_output=True, text=True)
    assert p.returncode == 2
    assert "Kesalahan: Nilai tidak sah untuk '--tahap': 'final' bukan salah satu dari" in p.stderr
    p = subprocess.run(["cek-pokja", "--lang", "en", "check", "--bogus"], capture_output=True, text=True)
    assert p.returncode == 2 and "Error: No such option '--bogus'" in p.stderr
