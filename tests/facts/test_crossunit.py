"""Cross-unit rules X01-X05 (checker/crossunit.py, rules/X0*.yaml) and the roster's missing units.

The X rules' examples (rules/X0*.yaml) run here with several workbooks: an example's `edit`
changes the first unit (rules/_example_base.yaml, written as `<rule id>.xlsx`), each entry of
`others` is a further workbook (`file`, optional `base` file of rules/, `edit`), and `roster`
is a master roster (sheet name -> header and rows, like a base file's sheets).

Until run.check takes `roster=` (the lead wires crossunit.apply into facts.build), `check()`
below does what run.check does plus crossunit.apply; afterwards it IS run.check.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from engines_under_test import ENGINES
from rule_examples import RULES_DIR, apply_edits, load_base, write_workbook

from checker import rulebase
from checker.facts import assemble as facts_mod
from checker.facts import crossunit
from checker.facts.schema import KINDS
from checker.facts.unit_build import build_unit, unreadable_unit
from checker.load import roster as roster_mod
from checker.load.unit_workbook import load_workbook
from checker.pipeline import run

ROOT = Path(__file__).resolve().parents[2]
BASE = rulebase.load()
KEYS = ("unit", "pokja", "nip", "name", "target", "sheet", "row", "column")
X_RULES = [r for r in BASE.rules if r.id.startswith("X")]

AGUS = "199107232019031003"
AGUS_NAME = "Agus Prasetyo, S.T."


# --------------------------------------------------------------------------- harness

def load_named_base(name: str = "_example_base") -> dict:
    if name == "_example_base":
        return load_base()
    return yaml.safe_load((RULES_DIR / f"{name}.yaml").read_text(encoding="utf-8"))["sheets"]


def write_unit(path: Path, edits=None, base: str = "_example_base") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_workbook(apply_edits(load_named_base(base), edits or []), path)


def write_roster(path: Path, sheets: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_workbook(sheets, path)


def check(paths, *, roster=None, stage="penetapan", engine="pandas", lang="id"):
    return run.check([str(p) for p in paths], stage=stage, lang=lang, engine=engine,
                     roster=None if roster is None else str(roster))


def facts_of(paths, roster=None, stage="penetapan"):
    return facts_mod.build([build_unit(i, load_workbook(str(p)), stage) for i, p in enumerate(paths)], roster)


def run_example(rule, example, directory: Path, engine="pandas"):
    paths = [write_unit(directory / f"{rule.id}.xlsx", example.get("edit"))]
    for other in example.get("others") or []:
        paths.append(write_unit(directory / other["file"], other.get("edit"), other.get("base", "_example_base")))
    roster = None
    if example.get("roster"):
        roster = write_roster(directory / "roster" / "pegawai-induk.xlsx", example["roster"])
    return check(paths, roster=roster, stage=example.get("stage", "penetapan"), engine=engine)


def seen(findings, rule_id, keys=KEYS):
    return sorted((tuple(getattr(f, k) for k in keys) for f in findings if f.rule == rule_id), key=str)


def expected(expect, keys=KEYS):
    out = []
    for e in expect:
        e = {"unit": "D9.AS1", **e}
        out.append(tuple(None if e.get(k) is None else (int(e[k]) if k == "row" else str(e[k])) for k in keys))
    return sorted(out, key=str)


def _cases():
    for rule in X_RULES:
        for i, ex in enumerate(rule.examples or []):
            yield pytest.param(rule, ex, id=f"{rule.id}-{i}-{'fires' if ex.get('expect') else 'near-miss'}")


# --------------------------------------------------------------------------- the rule files

def test_x_rules_exist_as_catalogued():
    got = {r.id: (r.slug, r.severity, r.from_stage, r.fact) for r in X_RULES}
    assert got == {
        "X01": ("pegawai-di-banyak-unit", "error", "rancangan", "employee"),
        "X02": ("unit-asal-tidak-sesuai", "error", "rancangan", "member"),
        "X03": ("klaim-output-lintas-unit", "warning", "rancangan", "member"),
        "X04": ("tidak-ada-di-roster-induk", "warning", "rancangan", "employee"),
        "X05": ("kode-unit-ganda", "error", "rancangan", "unit"),
        "X06": ("unit-belum-menyampaikan", "warning", "rancangan", "unit"),
    }
    for r in X_RULES:
        assert any(e.get("expect") for e in r.examples) and any(not e.get("expect") for e in r.examples), r.id
        for key in ("what", "why", "fix"):
            assert r.doc[key]["id"].strip() and r.doc[key]["en"].strip(), (r.id, key)


@pytest.mark.parametrize("rule", X_RULES, ids=lambda r: r.id)
def test_messages_name_only_known_columns(rule):
    kind = KINDS[rule.fact]
    known = set(kind.fields) | set(kind.params) | {"unit", "unit_name", "pokja", "nip", "name", "target", "sheet",
                                                   "row", "column", "value", "person"}
    for lang in ("id", "en"):
        for name in re.findall(r"\{(\w+)\}", rule.text("message", lang)):
            assert name in known, (rule.id, lang, name)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("rule,example", list(_cases()))
def test_x_rule_example(rule, example, engine, tmp_path):
    result = run_example(rule, example, tmp_path, engine)
    assert seen(result.findings, rule.id) == expected(example.get("expect") or [])
    for f in result.findings:
        if f.rule == rule.id:
            assert "{" not in f.message and "{" not in f.hint, f.message


# --------------------------------------------------------------------------- fields exist in every run

def test_fields_exist_with_defaults_in_a_single_unit_run(tmp_path):
    f = facts_of([write_unit(tmp_path / "a.xlsx")])
    for kind, fields in crossunit.FIELDS.items():
        df = f.tables[kind]
        for name, default in fields.items():
            assert name in df.columns and name in KINDS[kind].fields, (kind, name)
            assert df[name].notna().all(), (kind, name)
            if name != "n_units_with_nip":
                assert (df[name] == default).all(), (kind, name)
        for p in crossunit.PARAMS[kind]:
            assert p in df.columns and p in KINDS[kind].params
    assert f.tables["employee"]["n_units_with_nip"].tolist() == [1, 1, 1, 1, 1, 0]   # the last has no NIP
    assert f.tables["employee"]["n_units_with_nip"].dtype == "int64"
    assert f.tables["member"]["home_unit_mismatch"].dtype == bool
    assert len(f.units) == 1


def test_fields_exist_when_nothing_was_readable(tmp_path):
    f = facts_mod.build([unreadable_unit(0, str(tmp_path / "rusak.xlsx"), None, {"id": "rusak", "en": "broken"})])
    for kind, fields in crossunit.FIELDS.items():
        assert set(fields) <= set(f.tables[kind].columns)
        assert len(f.tables[kind]) == 0


def test_apply_is_idempotent(tmp_path):
    f = facts_of([write_unit(tmp_path / "a.xlsx"), write_unit(tmp_path / "b.xlsx", [
        {"sheet": "Pegawai", "append": {"NIP": AGUS, "Nama": AGUS_NAME, "Jenis Jabatan": "Fungsional"}}],
        base="_example_base_2")])
    before = {k: df.copy() for k, df in f.tables.items()}
    crossunit.apply(f)
    for k, df in f.tables.items():
        assert df.equals(before[k]), k


# --------------------------------------------------------------------------- X01

def test_x01_one_finding_per_unit_with_other_units_named(tmp_path):
    a = write_unit(tmp_path / "a.xlsx")
    b = write_unit(tmp_path / "b.xlsx", [{"sheet": "Pegawai", "append": {
        "NIP": "19910723 201903 1 003", "Nama": AGUS_NAME, "Jenis Jabatan": "Fungsional"}}], base="_example_base_2")
    c = write_unit(tmp_path / "c.xlsx", [
        {"sheet": "Unit", "set_all": {"Kode Unit": "D9.AS3", "Nama Unit": "Asisten Deputi Contoh Tiga"}},
        {"sheet": "Pegawai", "replace": {"header": ["NIP", "Nama", "Jenis Jabatan"],
                                         "rows": [[AGUS, AGUS_NAME, "Fungsional"], [AGUS, AGUS_NAME, "Fungsional"]]}}],
        base="_example_base_2")
    result = check([a, b, c])
    got = [(f.unit, f.nip, f.sheet, f.row, f.column, f.file) for f in result.findings if f.rule == "X01"]
    assert got == [("D9.AS1", AGUS, "Pegawai", 4, "A", str(a)),
                   ("D9.AS2", "19910723 201903 1 003", "Pegawai", 7, "A", str(b)),
                   ("D9.AS3", AGUS, "Pegawai", 2, "A", str(c))]       # row 3 repeats row 2: D02, not X01
    msg = next(f.message for f in result.findings if f.rule == "X01" and f.unit == "D9.AS1")
    assert "D9.AS2 (b.xlsx, baris 7)" in msg and "D9.AS3 (c.xlsx, baris 2)" in msg
    assert [(f.unit, f.row) for f in result.findings if f.rule == "D02"] == [("D9.AS3", 3)]


def test_x01_not_for_a_copy_with_the_same_kode_unit_nor_for_nips_stored_as_numbers(tmp_path):
    a = write_unit(tmp_path / "a.xlsx")
    copy = write_unit(tmp_path / "b-salinan.xlsx")
    result = check([a, copy])
    assert [f.rule for f in result.findings if f.rule.startswith("X")] == ["X05"]
    # the same digits stored as a number on the other unit's Pegawai: D01 there, no X01
    b = write_unit(tmp_path / "c.xlsx", [{"sheet": "Pegawai", "append": {
        "NIP": int(AGUS), "Nama": AGUS_NAME, "Jenis Jabatan": "Fungsional"}}], base="_example_base_2")
    result = check([a, b])
    assert [f.rule for f in result.findings if f.rule.startswith("X")] == []
    assert ("D01", "D9.AS2", 7) in {(f.rule, f.unit, f.row) for f in result.findings}


# --------------------------------------------------------------------------- X02

def test_x02_names_the_holding_unit_and_roster(tmp_path):
    a = write_unit(tmp_path / "a.xlsx")
    b = write_unit(tmp_path / "b.xlsx", [{"sheet": "Anggota Pokja", "append": {
        "Kode Pokja": "TKL-1", "NIP": AGUS, "Nama": AGUS_NAME, "Kedudukan": "Anggota", "Jenis Jabatan": "Fungsional",
        "Kode Unit Asal": "D9.AS3", "Nomor Persetujuan Pimpinan": "ND-1", "Uraian Tugas": "Menyusun kajian",
        "Output": "Kajian tata kelola"}}], base="_example_base_2")
    result = check([a, b])
    (f,) = [f for f in result.findings if f.rule == "X02"]
    assert (f.unit, f.pokja, f.nip, f.name, f.sheet, f.row, f.column) == (
        "D9.AS2", "TKL-1", AGUS, AGUS_NAME, "Anggota Pokja", 10, "G")
    assert "unit D9.AS3" in f.message and "D9.AS1 (sheet Pegawai a.xlsx, baris 4)" in f.message


def test_x02_with_the_roster_only(tmp_path):
    """D9.AS1 is not checked: the roster says where the NIP belongs."""
    b_edits = [{"sheet": "Anggota Pokja", "append": {
        "Kode Pokja": "TKL-1", "NIP": AGUS, "Nama": AGUS_NAME, "Kedudukan": "Anggota", "Jenis Jabatan": "Fungsional",
        "Kode Unit Asal": "D9.AS3", "Nomor Persetujuan Pimpinan": "ND-1", "Uraian Tugas": "Menyusun kajian",
        "Output": "Kajian tata kelola"}}]
    b = write_unit(tmp_path / "b.xlsx", b_edits, base="_example_base_2")
    roster = write_roster(tmp_path / "r" / "roster.xlsx", {"Sheet1": {
        "header": ["NIP_BARU", "NAMA", "JENIS_JABATAN_NAMA", "KODE_UNIT"],
        "rows": [[AGUS, "AGUS PRASETYO", "Jabatan Fungsional Tertentu", "D9.AS1"]]}})
    assert [f.rule for f in check([b]).findings if f.rule == "X02"] == []          # nobody holds it: not run
    got = [(f.unit, f.row, f.column) for f in check([b], roster=roster).findings if f.rule == "X02"]
    assert got == [("D9.AS2", 10, "G")]
    msg = next(f.message for f in check([b], roster=roster).findings if f.rule == "X02")
    assert "D9.AS1 (roster induk)" in msg
    # Kode Unit Asal agrees with the roster: no X02
    b_edits[0]["append"]["Kode Unit Asal"] = "D9.AS1"
    b = write_unit(tmp_path / "b.xlsx", b_edits, base="_example_base_2")
    assert [f.rule for f in check([b], roster=roster).findings if f.rule == "X02"] == []


def test_x02_not_for_members_of_another_instansi(tmp_path):
    a = write_unit(tmp_path / "a.xlsx")
    b = write_unit(tmp_path / "b.xlsx", [{"sheet": "Anggota Pokja", "append": {
        "Kode Pokja": "TKL-1", "NIP": AGUS, "Nama": AGUS_NAME, "Kedudukan": "Anggota", "Jenis Jabatan": "Fungsional",
        "Kode Unit Asal": "BKF.PKPN", "Instansi Asal": "Kementerian Keuangan", "Nomor Persetujuan Pimpinan": "ND-1",
        "Uraian Tugas": "Menyusun kajian", "Output": "Kajian tata kelola"}}], base="_example_base_2")
    assert [f for f in check([a, b]).findings if f.rule == "X02"] == []


# --------------------------------------------------------------------------- X03

def _agus_in_b(output, pokja="TKL-1", position="Anggota"):
    return {"sheet": "Anggota Pokja", "append": {
        "Kode Pokja": pokja, "NIP": AGUS, "Nama": AGUS_NAME, "Kedudukan": position, "Jenis Jabatan": "Fungsional",
        "Kode Unit Asal": "D9.AS1", "Nomor Persetujuan Pimpinan": "ND-31", "Uraian Tugas": "Menyusun kajian",
        "Output": output}}


def test_x03_one_finding_per_unit_even_with_two_rows_in_one_unit(tmp_path):
    a = write_unit(tmp_path / "a.xlsx")
    b = write_unit(tmp_path / "b.xlsx", [_agus_in_b("Laporan kajian data pendukung"),
                                         _agus_in_b("laporan kajian data pendukung", pokja="DUK-1")],
                   base="_example_base_2")
    result = check([a, b])
    got = [(f.unit, f.pokja, f.nip, f.sheet, f.row, f.column) for f in result.findings if f.rule == "X03"]
    assert got == [("D9.AS1", "SUB-1", AGUS, "Anggota Pokja", 5, "L"),
                   ("D9.AS2", "TKL-1", AGUS, "Anggota Pokja", 10, "L")]
    msg = next(f.message for f in result.findings if f.rule == "X03" and f.unit == "D9.AS1")
    assert "D9.AS2 Pokja TKL-1 (b.xlsx, baris 10)" in msg and "D9.AS2 Pokja DUK-1 (b.xlsx, baris 11)" in msg


def test_x03_not_for_pengarah(tmp_path):
    """Both units' JPT Madya is Pengarah with the same Output text: Pengarah claim no output."""
    a = write_unit(tmp_path / "a.xlsx")
    b = write_unit(tmp_path / "b.xlsx", base="_example_base_2")
    f = facts_of([a, b])
    mem = f.tables["member"]
    sri = mem[mem["nip"] == "196801051992031002"]
    assert len(sri) == 4 and set(sri["value"]) == {"arahan strategis pokja", "arahan strategis pokja dukungan"}
    assert (mem["cross_unit_output_claims"] == 0).all()


# --------------------------------------------------------------------------- X04

ROSTER_HEADER = ["NIP_BARU", "NAMA", "JENIS_JABATAN_NAMA", "JABATAN_NAMA", "KODE_UNIT"]
BASE_PEOPLE = [
    ("197503122000031001", "BAMBANG SUTRISNO", "Jabatan Struktural", "Asisten Deputi Contoh Kebijakan"),
    ("198602142010122001", "RINA WULANDARI", "Jabatan Fungsional Tertentu", "Analis Kebijakan Ahli Muda"),
    (AGUS, "AGUS PRASETYO", "Jabatan Fungsional Tertentu", "Analis Kebijakan Ahli Pertama"),
    ("198811052014022002", "DEWI LESTARI", "Jabatan Fungsional Tertentu", "Perencana Ahli Muda"),
    ("199305172020121004", "YOGA PRATAMA", "Jabatan Pelaksana", "Pengadministrasi Perkantoran"),
]


def _roster(tmp_path, rows, name="roster.xlsx"):
    return write_roster(tmp_path / "r" / name, {"Data": {"header": ROSTER_HEADER, "rows": [list(r) for r in rows]}})


def test_x04_invalid_nip_missing_from_the_roster_is_d01_only(tmp_path):
    a = write_unit(tmp_path / "a.xlsx", [{"sheet": "Pegawai", "where": {"NIP": "199305172020121004"},
                                          "set": {"NIP": "199305172020001004"}}])   # month 00: invalid
    roster = _roster(tmp_path, [p + ("D9.AS1",) for p in BASE_PEOPLE])
    result = check([a], roster=roster)
    assert [(f.rule, f.row) for f in result.findings if f.rule in ("X04", "D01") and f.sheet == "Pegawai"] == [
        ("D01", 6)]


def test_x04_roster_nip_stored_as_number_matches_on_15_digits(tmp_path):
    a = write_unit(tmp_path / "a.xlsx")
    rows = [p + ("D9.AS1",) for p in BASE_PEOPLE]
    rows[3] = (int(rows[3][0]),) + rows[3][1:]                     # Dewi's NIP as a number in the roster
    result = check([a], roster=_roster(tmp_path, rows))
    assert [f for f in result.findings if f.rule == "X04"] == []


def test_x04_message_in_both_languages(tmp_path):
    a = write_unit(tmp_path / "a.xlsx")
    rows = [p + ("D9.AS1",) for p in BASE_PEOPLE[:3]] + [BASE_PEOPLE[4] + ("D9.AS2",)]
    roster = _roster(tmp_path, rows)
    msgs = {f.row: f.message for f in check([a], roster=roster).findings if f.rule == "X04"}
    assert set(msgs) == {5, 6}
    assert "tidak terdapat pada roster induk" in msgs[5]
    assert "tercantum pada roster induk di unit lain: D9.AS2" in msgs[6]
    en = {f.row: f.message for f in check([a], roster=roster, lang="en").findings if f.rule == "X04"}
    assert "is not in the master roster" in en[5] and "under another unit: D9.AS2" in en[6]


# --------------------------------------------------------------------------- X05

def test_x05_on_each_later_file_in_path_order(tmp_path):
    a = write_unit(tmp_path / "b.xlsx")
    b = write_unit(tmp_path / "a.xlsx")
    c = write_unit(tmp_path / "sub" / "c.xlsx")
    result = check([c, a, b])                                        # given out of order
    got = [(f.unit, f.file, f.sheet, f.row, f.column) for f in result.findings if f.rule == "X05"]
    assert got == [("D9.AS1", str(a), "Unit", 2, "A"), ("D9.AS1", str(c), "Unit", 2, "A")]
    assert all(f"sudah dipakai oleh berkas {b}" in f.message for f in result.findings if f.rule == "X05")


def test_x05_compares_codes_folded(tmp_path):
    a = write_unit(tmp_path / "a.xlsx")
    b = write_unit(tmp_path / "b.xlsx", [{"sheet": "Unit", "set_all": {"Kode Unit": " d9.as1."}}])
    assert [(f.rule, f.file) for f in check([a, b]).findings if f.rule == "X05"] == [("X05", str(b))]


# --------------------------------------------------------------------------- roster units without a workbook (X06)

def test_roster_unit_with_a_jpt_pratama_and_no_workbook_gets_x06_only(tmp_path):
    a = write_unit(tmp_path / "a.xlsx")
    rows = [p + ("D9.AS1",) for p in BASE_PEOPLE] + [
        ("197808172003121002", "HENDRA GUNAWAN", "Jabatan Struktural", "Asisten Deputi Contoh Tata Kelola", "D9.AS2"),
        ("198904122015032001", "SITI NURHALIZA", "Jabatan Fungsional Tertentu", "Analis Kebijakan Ahli Muda", "D9.AS2"),
        ("199509212020122003", "PUTRI ANGGRAINI", "Jabatan Pelaksana", "Pengolah Data dan Informasi", "D9.AS9"),
    ]
    roster = _roster(tmp_path, rows)
    for engine in ENGINES:
        result = check([a], roster=roster, engine=engine)
        got = [(f.rule, f.unit, f.file, f.sheet, f.row, f.column) for f in result.findings]
        assert got == [("X06", "D9.AS2", str(roster), "Data", 7, "E")]   # D9.AS9 has no JPT Pratama
    f = result.findings[0]
    assert (f.severity, f.label) == ("warning", "peringatan")
    assert "belum menyampaikan workbook Pokja; status unit: Belum Menyampaikan" in f.message
    assert result.compliance("D9.AS2") == "belum_menyampaikan" and result.compliance("D9.AS1") == "patuh"
    assert [(i.unit, i.status) for i in result.inputs] == [("D9.AS1", "checked"), ("D9.AS2", "not_submitted")]


def test_roster_unit_matched_by_name_submitted_its_workbook(tmp_path):
    a = write_unit(tmp_path / "a.xlsx")
    roster = write_roster(tmp_path / "r" / "roster.xlsx", {"Data": {
        "header": ["NIP_BARU", "NAMA", "JABATAN_NAMA", "UNOR_NAMA"],
        "rows": [[p[0], p[1], p[3], "ASISTEN DEPUTI  CONTOH KEBIJAKAN"] for p in BASE_PEOPLE]}})
    result = check([a], roster=roster)
    assert result.findings == []


# --------------------------------------------------------------------------- whole runs

def test_samples_together_give_no_x_finding():
    samples = sorted((ROOT / "samples").glob("*.xlsx"))
    assert len(samples) == 9
    result = check(samples)
    assert [f for f in result.findings if f.rule.startswith("X")] == []


def test_samples_with_their_siasn_roster_give_no_x_finding():
    """samples/roster/pegawai-siasn.txt (a SIASN pipe CSV of every sample employee): no X04."""
    samples = sorted((ROOT / "samples").glob("*.xlsx"))
    plain = check(samples)
    result = check(samples, roster=str(ROOT / "samples" / "roster" / "pegawai-siasn.txt"))
    assert [f for f in result.findings if f.rule.startswith("X") or f.rule == "U01"] == []
    assert [(f.rule, f.file, f.row) for f in result.findings] == [(f.rule, f.file, f.row) for f in plain.findings]


def test_samples_with_a_roster_built_from_their_pegawai(tmp_path):
    """Every sample's Pegawai in the roster under its own unit: no X04, no X06 from the roster;
    plus one roster unit with a head and no workbook: exactly one X06 for it."""
    samples = sorted((ROOT / "samples").glob("*.xlsx"))
    f = facts_of(samples)
    emp = f.tables["employee"]
    rows = [[nip, name, "", "", unit] for nip, name, unit in zip(emp["value"], emp["name"], emp["unit"]) if nip]
    rows.append(["196905051994031001", "KEPALA BIRO BARU", "Jabatan Struktural", "Kepala Biro Perencanaan", "SES.BPR"])
    roster = write_roster(tmp_path / "r" / "roster.xlsx", {"Data": {"header": ROSTER_HEADER, "rows": rows}})
    baseline = check(samples)
    result = check(samples, roster=roster)
    extra = sorted({(x.rule, x.unit, x.row) for x in result.findings} - {(x.rule, x.unit,
                                                                          x.row) for x in baseline.findings})
    numbers = {(x.unit, x.row) for x in baseline.findings if x.rule == "D01" and x.sheet != "Unit"}
    assert [e for e in extra if e[0] != "X04" or (e[1], e[2]) not in numbers] == [("X06", "SES.BPR", len(rows) + 1)]


def test_end_to_end_through_run_check_with_roster(tmp_path):
    write_unit(tmp_path / "in" / "a.xlsx")
    write_unit(tmp_path / "in" / "b.xlsx", [{"sheet": "Pegawai", "append": {
        "NIP": AGUS, "Nama": AGUS_NAME, "Jenis Jabatan": "Fungsional"}}], base="_example_base_2")
    roster = _roster(tmp_path / "in", [p + ("D9.AS1",) for p in BASE_PEOPLE] + [
        ("197808172003121002", "HENDRA GUNAWAN", "Jabatan Struktural", "Asisten Deputi Contoh Tata Kelola", "D9.AS2"),
        ("196905051994031001", "KEPALA BIRO BARU", "Jabatan Struktural", "Kepala Biro Perencanaan", "SES.BPR")])
    result = run.check([str(tmp_path / "in")], roster=str(roster), engine="pandas")   # roster inside the folder
    got = sorted((f.rule, f.unit, Path(f.file).name, f.row) for f in result.findings if f.rule in ("X01", "X04", "X06"))
    # b.xlsx row 7 (Agus, D9.AS1's by the roster) is X01 alone: one cause, one finding (issue 22)
    assert got == [("X01", "D9.AS1", "a.xlsx", 4), ("X01", "D9.AS2", "b.xlsx", 7),
                   ("X04", "D9.AS2", "b.xlsx", 3), ("X04", "D9.AS2", "b.xlsx", 4),
                   ("X04", "D9.AS2", "b.xlsx", 5), ("X06", "SES.BPR", "roster.xlsx", 8)]
    assert [i.file for i in result.inputs if i.status != "not_submitted"] == [
        str(tmp_path / "in" / "a.xlsx"), str(tmp_path / "in" / "b.xlsx")]      # the roster is no unit workbook


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("stage", ["rancangan", "penetapan", "evaluasi"])
def test_second_example_base_is_compliant_alone_and_with_the_first(stage, engine, tmp_path):
    a = write_unit(tmp_path / "a.xlsx")
    b = write_unit(tmp_path / "b.xlsx", base="_example_base_2")
    assert [(f.rule, f.message) for f in check([b], stage=stage, engine=engine).findings] == []
    assert [(f.rule, f.message) for f in check([a, b], stage=stage, engine=engine).findings] == []


def test_apply_twice_with_a_roster_adds_its_units_once(tmp_path):
    a = write_unit(tmp_path / "a.xlsx")
    roster = roster_mod.load_roster(_roster(tmp_path, [p + ("D9.AS1",) for p in BASE_PEOPLE] + [
        ("196905051994031001", "KEPALA BIRO BARU", "Jabatan Struktural", "Kepala Biro Perencanaan", "SES.BPR")]))
    f = facts_of([a], roster)
    crossunit.apply(f, roster)
    assert [(c.code, c.roster_only) for c in f.units] == [("D9.AS1", False), ("SES.BPR", True)]
    assert f.tables["unit"][["unit", "unit_seq", "value", "n_pokja"]].values.tolist() == [
        ["D9.AS1", 0, "", 2], ["SES.BPR", 1, "roster", 0]]


def test_name_based_roster_unit_without_a_workbook_is_named_by_its_name(tmp_path):
    """A roster naming its units (UNOR_NAMA, no codes): the missing unit is called by that name
    on the terminal, in the finding and in the scorecard (issue 12, point 13)."""
    from click.testing import CliRunner

    from checker import cli
    a = write_unit(tmp_path / "a.xlsx")
    people = [[p[0], p[1], p[3], "ASISTEN DEPUTI CONTOH KEBIJAKAN"] for p in BASE_PEOPLE]
    people.append(["197808172003121002", "HENDRA GUNAWAN", "Asisten Deputi Ketenagalistrikan",
                   "ASISTEN DEPUTI KETENAGALISTRIKAN"])
    roster = write_roster(tmp_path / "r" / "roster.xlsx", {"Data": {
        "header": ["NIP_BARU", "NAMA", "JABATAN_NAMA", "UNOR_NAMA"], "rows": people}})
    result = check([a], roster=roster)
    (f,) = result.findings
    assert f.rule == "X06" and f.unit == "ASISTEN DEPUTI KETENAGALISTRIKAN"
    assert f.message.startswith("Unit ASISTEN DEPUTI KETENAGALISTRIKAN (-) tercantum pada roster induk")
    out = tmp_path / "t.xlsx"
    r = CliRunner().invoke(cli.main, ["check", str(a), "--roster", str(roster), "-o", str(out)])
    assert ("1 unit pada roster induk belum menyampaikan workbook (status Belum Menyampaikan): "
            "ASISTEN DEPUTI KETENAGALISTRIKAN.") in r.output
    assert "  ASISTEN DEPUTI KETENAGALISTRIKAN Status: Belum Menyampaikan" in r.output
    import openpyxl
    rows = [list(x) for x in openpyxl.load_workbook(out)["Ringkasan"].iter_rows(values_only=True)]
    assert ["ASISTEN DEPUTI KETENAGALISTRIKAN", None] in [x[:2] for x in rows]
