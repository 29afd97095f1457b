"""Issue 22, point 4 (the smaller points), each reproduced as the issue found it: the D05 hint of
a file that cannot be read and its reason said once; Nilai Ditemukan for K03, M01, K02 and X02;
D01 on a number said as Excel keeps it and naming the person; one NIP of another unit on Pegawai
as one finding; an English annotated copy refused by its own sheet's name; a unit Patuh only
thanks to waivers marked so."""
from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from cli_run import invoke as cli_invoke
from rule_examples import build, load_base, write_workbook

from checker.output import terminal
from checker.output.jsondoc import to_document
from checker.pipeline import run

ROOT = Path(__file__).resolve().parents[2]
SITI = "198904122015032001"            # on the Pegawai sheet of the second example unit (D9.AS2)


def invoke(*args):
    return cli_invoke(*args, "--engine", "pandas", "--jobs", "1")


@pytest.fixture(scope="module")
def samples():
    return run.check([str(ROOT / "samples")], engine="pandas", jobs=1)


# ---------------------------------------------------------------------------- D05 of a file not read

def test_an_unreadable_file_is_told_once_with_a_hint_for_its_reason(tmp_path):
    folder = tmp_path / "masuk"
    folder.mkdir()
    shutil.copy2(ROOT / "samples" / "d1-as1-moneter.xlsx", folder)
    (folder / "data.csv").write_text("NIP,Nama\n1,a\n", encoding="utf-8")
    (folder / "lama.xls").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600)
    r = invoke("check", folder, "-o", tmp_path / "t.xlsx", "--json", tmp_path / "t.json")
    assert r.exit_code == 1, r.output
    for name in ("data.csv", "lama.xls"):                 # each reason once, under its heading
        assert r.output.count(f"Berkas {folder / name} ") == 1, r.output
    assert "Rincian temuan:" not in r.output
    hints = {Path(f["file"]).name: f["hint"] for f in json.loads((tmp_path / "t.json").read_text())["findings"]}
    expected = ("Buka berkas ini di Excel, simpan ulang sebagai Excel Workbook (.xlsx) lewat File > Save As, lalu "
                "kirim atau periksa ulang berkas .xlsx tersebut.")
    assert hints == {"data.csv": expected, "lama.xls": expected}
    assert not any("sheet atau kolom yang hilang" in h for h in hints.values())


def test_an_english_annotated_copy_is_refused_by_its_own_sheet_name(tmp_path):
    src = build([{"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"}, "set": {"Tugas Pokja": ""}}],
                tmp_path / "in" / "unit.xlsx")
    r = invoke("check", src, "-o", tmp_path / "t.xlsx", "--lang", "en", "--annotate-dir", tmp_path / "ann")
    copy = tmp_path / "ann" / "unit.diperiksa.xlsx"
    assert "cek-pokja results" in openpyxl.load_workbook(copy).sheetnames
    r = invoke("check", copy, "-o", tmp_path / "again.xlsx", "--json", tmp_path / "again.json", "--lang", "en")
    assert r.exit_code == 2
    [f] = json.loads((tmp_path / "again.json").read_text())["findings"]
    assert f["rule"] == "D05" and "annotated copy made by cek-pokja" in f["message"]
    assert "\"cek-pokja results\"" in f["message"]
    assert f["hint"] == ("Check the unit's original workbook, not an annotated copy or a findings workbook made by "
                         "cek-pokja.")
    # in a folder it is skipped, so the folder holds nothing to check
    r = invoke("check", tmp_path / "ann", "-o", tmp_path / "folder.xlsx")
    assert r.exit_code == 2 and "Tidak ada workbook yang dapat diperiksa" in r.output


# ---------------------------------------------------------------------------- Nilai Ditemukan

def test_nilai_ditemukan_of_k03_m01_k02(samples):
    found = {f.rule: f.found for f in samples.findings if f.rule in ("K03", "M01", "K02")}
    assert found == {"K03": "Kode Target: \u201cPK-06\u201d", "M01": "\u201cPK-05\u201d",
                     "K02": "NIP Penetap SK: \u201c19840212.201001.1.001\u201d"}


def test_nilai_ditemukan_of_x02(tmp_path):
    """A member of D9.AS1's Pokja said to come from D9.AS3, whose NIP D9.AS2's Pegawai holds."""
    a = build([{"sheet": "Anggota Pokja", "append": {
        "Kode Pokja": "SUB-1", "NIP": SITI, "Nama": "Siti Nurhaliza, S.E.", "Kedudukan": "Anggota",
        "Jenis Jabatan": "Fungsional", "Kode Unit Asal": "D9.AS3", "Cara Penugasan": "Penunjukan",
        "Nomor Persetujuan Pimpinan": "ND-12/D.9.3/01/2025", "Uraian Tugas": "Menyusun bahan kajian hukum",
        "Output": "Kajian hukum kebijakan contoh"}}], tmp_path / "in" / "a.xlsx")
    b = build([], tmp_path / "in" / "b.xlsx", "_example_base_2")
    result = run.check([str(a), str(b)], engine="pandas")
    [x02] = [f for f in result.findings if f.rule == "X02"]
    assert (x02.unit, x02.found) == ("D9.AS1", "Kode Unit Asal: \u201cD9.AS3\u201d")


# ---------------------------------------------------------------------------- D01 on a number

def test_d01_on_a_number_says_what_excel_keeps_and_whose_it_is(samples):
    d01 = [f for f in samples.findings if f.rule == "D01"]
    assert len(d01) == 3
    for f in d01:
        assert "199012112013121000" in f.message and "199012112013120992" not in f.message
        assert "(NIP milik Hafiz Maulana, S.E.)" in f.message
        assert f.found == "NIP: \u201c199012112013121000\u201d" and f.nip == "199012112013121000"
    pegawai = next(f for f in d01 if f.sheet == "Pegawai")
    assert pegawai.message.startswith("Sheet Pegawai, sel B8 (NIP milik Hafiz Maulana, S.E.): NIP "
                                      "\u201c199012112013121000\u201d tidak sah")


# ---------------------------------------------------------------------------- one cause across units

def _roster(tmp_path: Path) -> str:
    rows = []
    for base, code in (("_example_base", "D9.AS1"), ("_example_base_2", "D9.AS2")):
        rows += [[r[0], r[2], r[3], r[4], code] for r in load_base(base)["Pegawai"]["rows"] if r[0]]
    (tmp_path / "r").mkdir()
    return str(write_workbook({"Data": {"header": ["NIP_BARU", "NAMA", "JENIS_JABATAN_NAMA", "JABATAN_NAMA",
                                                   "KODE_UNIT"], "rows": rows}}, tmp_path / "r" / "roster.xlsx"))


@pytest.fixture
def borrowed(tmp_path):
    """D9.AS1 lists on its Pegawai sheet Siti Nurhaliza, who is D9.AS2's (its Pegawai, the roster)."""
    a = build([{"sheet": "Pegawai", "append": {
        "NIP": SITI, "Nama": "Siti Nurhaliza, S.E.", "Jenis Jabatan": "Fungsional",
        "Nama Jabatan": "Analis Kebijakan Ahli Muda", "Status Kepegawaian": "PNS"}}], tmp_path / "in" / "a.xlsx")
    b = build([], tmp_path / "in" / "b.xlsx", "_example_base_2")
    return str(a), str(b), _roster(tmp_path)


@pytest.mark.parametrize("engine", ["pandas", "durable"])
def test_one_nip_of_another_unit_on_pegawai_is_one_finding(borrowed, engine):
    """Was X01 + X04 + U05 in D9.AS1. X01 stays: it names the other unit listing the NIP (a data
    error: the unit must settle where the employee belongs); X04 says the same from the roster, and
    U05 (a breach) would judge the MPH of someone whose place in the unit is in doubt. D9.AS2 keeps
    its X01 (rules.md: one finding in each unit involved)."""
    pytest.importorskip("durable") if engine == "durable" else None
    a, b, roster = borrowed
    result = run.check([a, b], engine=engine, roster=roster)
    assert [(f.rule, f.unit, f.nip, f.row) for f in result.findings] == [
        ("X01", "D9.AS1", SITI, 8), ("X01", "D9.AS2", SITI, 3)]
    # the roster alone (D9.AS2 sent nothing): X04, and no U05 either
    alone = run.check([a], engine=engine, roster=roster)
    assert [(f.rule, f.unit) for f in alone.findings] == [("X04", "D9.AS1"), ("X06", "D9.AS2")]
    # no roster, both units: X01 only
    both = run.check([a, b], engine=engine)
    assert [(f.rule, f.unit) for f in both.findings] == [("X01", "D9.AS1"), ("X01", "D9.AS2")]


# ---------------------------------------------------------------------------- Patuh thanks to waivers

def test_a_unit_compliant_only_thanks_to_waivers_is_marked(tmp_path):
    from checker.followup.waivers import Waiver, apply_waivers
    src = build([{"sheet": "Pokja", "where": {"Kode Pokja": "SUB-1"}, "set": {"Tugas Pokja": ""}}],
                tmp_path / "in" / "unit.xlsx")
    clean = build([], tmp_path / "in" / "other.xlsx", "_example_base_2")
    result = run.check([str(src), str(clean)], engine="pandas")
    mine = [f for f in result.findings if f.unit == "D9.AS1"]
    assert mine and any(f.severity == "error" for f in mine)
    result.waivers = apply_waivers(result.findings, [
        Waiver(fingerprint=f.fingerprint, response="Dikecualikan", reason="SK perubahan", approved_by="Karo",
               valid_until=date(2099, 1, 1), valid_until_raw="2099-01-01") for f in mine], date(2025, 6, 1))
    lines = terminal.summary_lines(result)
    assert any(x.startswith("  D9.AS1       Status menurut workbook: Patuh (dengan pengecualian)") for x in lines)
    assert any(x.startswith("  D9.AS2       Status menurut workbook: Patuh                ") for x in lines)
    doc = to_document(result)
    assert [(u["unit"], u["compliance"], u["compliant_by_waiver"]) for u in doc["units"]] == [
        ("D9.AS1", "patuh", True), ("D9.AS2", "patuh", False)]
    assert [i["compliant_by_waiver"] for i in doc["inputs"]] == [True, False]
    result.lang = "en"
    assert any("Compliant (with waivers)" in x for x in terminal.summary_lines(result))
    # without --waivers the key is not there
    result.waivers = None
    assert "compliant_by_waiver" not in to_document(result)["units"][0]


# ---------------------------------------------------------------------------- a roster among the units

def test_a_roster_in_the_audited_folder_is_one_finding_saying_to_give_it_with_roster(tmp_path):
    """Was: five D05 (missing sheets), D03 on its jenis jabatan, and X01 against every unit whose
    employees it lists; as a CSV a D05 saying to save it as .xlsx."""
    folder = tmp_path / "masuk"
    folder.mkdir()
    shutil.copy2(ROOT / "samples" / "d1-as1-moneter.xlsx", folder)
    shutil.copy2(ROOT / "samples" / "roster" / "pegawai-siasn.txt", folder / "pegawai.csv")
    text = (ROOT / "samples" / "roster" / "pegawai-siasn.txt").read_text(encoding="utf-8-sig")
    rows = [line.split("|") for line in text.splitlines() if line]
    write_workbook({"Sheet1": {"header": rows[0], "rows": rows[1:]}}, folder / "siasn.xlsx")
    r = invoke("check", folder, "-o", tmp_path / "t.xlsx", "--json", tmp_path / "t.json")
    assert r.exit_code == 1, r.output
    doc = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert sorted((Path(f["file"]).name, f["rule"]) for f in doc["findings"]) == [("pegawai.csv", "D05"),
                                                                                 ("siasn.xlsx", "D05")]
    for f in doc["findings"]:
        assert f["message"].startswith(f"Berkas {f['file']} tampaknya roster induk pegawai")
        assert f"Berikan dengan --roster {f['file']}" in f["message"]
        assert f["hint"].startswith("Berikan berkas ini sebagai roster induk dengan opsi --roster")
    assert [(u["unit"], u["compliance"]) for u in doc["units"]] == [("D1.AS1", "patuh")]
    # given with --roster, the roster is no unit workbook: the other eight units of the roster sent none
    r = invoke("check", folder, "--roster", folder / "siasn.xlsx", "-o", tmp_path / "t2.xlsx", "--json",
               tmp_path / "t2.json")
    doc = json.loads((tmp_path / "t2.json").read_text(encoding="utf-8"))
    assert sorted({(Path(f["file"]).name, f["rule"]) for f in doc["findings"]}) == [
        ("pegawai.csv", "D05"), ("siasn.xlsx", "X06")]
    assert sum(f["rule"] == "X06" for f in doc["findings"]) == 8
