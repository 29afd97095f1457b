"""A unit's results belong to its input file (issue 22, points 1-2; output-format.md v3, units
and files): two workbooks with one Kode Unit (X05) are two terminal lines, two JSON entries each
with its own compliance, two scorecard rows and two hand-outs, each with its own findings; a
workbook without a Kode Unit has its own line (never the run's totals) and its own hand-out;
the scorecard and the terminal follow Unit JPT Madya, then Kode Unit, and the scorecard names
each row's file."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from cli_run import invoke as cli_invoke

ROOT = Path(__file__).resolve().parents[2]
MAKRO = "Deputi Bidang Koordinasi Ekonomi Makro dan Keuangan"


def invoke(*args):
    return cli_invoke(*args, "--engine", "pandas", "--jobs", "1")


def _copy_with(tmp_path: Path, folder: str, code) -> Path:
    """samples/d1-as1-moneter.xlsx and d1-as2-fiskal.xlsx in one folder, Fiskal's Kode Unit set to `code`."""
    work = tmp_path / folder
    work.mkdir()
    shutil.copy2(ROOT / "samples" / "d1-as1-moneter.xlsx", work)
    wb = openpyxl.load_workbook(ROOT / "samples" / "d1-as2-fiskal.xlsx")
    assert wb["Identitas Unit"]["A2"].value == "Kode Unit"
    wb["Identitas Unit"]["B2"] = code
    wb.save(work / "d1-as2-fiskal.xlsx")
    return work


def _table(path: Path, sheet: str = "Ringkasan"):
    rows = [list(r) for r in openpyxl.load_workbook(path)[sheet].iter_rows(values_only=True)]
    head = next(i for i, r in enumerate(rows) if r[:2] == ["Kode Unit", "Nama Unit"])
    out = []
    for r in rows[head + 1:]:
        if all(v is None for v in r[:11]):
            break
        out.append(r[:11])
    return out, rows


@pytest.fixture(scope="module")
def duplicate(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dup")
    work = _copy_with(tmp, "masuk", "D1.AS1")
    out = tmp / "hasil"
    out.mkdir()
    r = invoke("check", work, "-o", out / "temuan.xlsx", "--json", out / "temuan.json", "--per-unit", out / "unit")
    assert r.exit_code == 1, r.output
    return tmp, work, out, r.output


def test_two_workbooks_with_one_code_are_two_terminal_lines(duplicate):
    _, work, _, output = duplicate
    lines = [x for x in output.splitlines() if x.startswith("  D1.AS1 ")]
    moneter, fiskal = work / "d1-as1-moneter.xlsx", work / "d1-as2-fiskal.xlsx"
    assert lines == [
        f"  D1.AS1       Status menurut workbook: Patuh                  0 pelanggaran,   0 kesalahan data,   "
        f"0 peringatan  ({moneter})",
        f"  D1.AS1       Status menurut workbook: Tidak Patuh            4 pelanggaran,   2 kesalahan data,   "
        f"0 peringatan  ({fiskal})"]
    assert f"{fiskal}:Identitas Unit!B2  X05  kesalahan data" in output


def test_two_workbooks_with_one_code_are_two_json_entries(duplicate):
    _, work, out, _ = duplicate
    doc = json.loads((out / "temuan.json").read_text(encoding="utf-8"))
    assert [(i["file"], i["unit"], i["compliance"]) for i in doc["inputs"]] == [
        (str(work / "d1-as1-moneter.xlsx"), "D1.AS1", "patuh"),
        (str(work / "d1-as2-fiskal.xlsx"), "D1.AS1", "tidak_patuh")]
    assert [(u["unit"], u["unit_name"], u["compliance"]) for u in doc["units"]] == [
        ("D1.AS1", "Asisten Deputi Moneter dan Sektor Eksternal", "patuh"),
        ("D1.AS1", "Asisten Deputi Fiskal", "tidak_patuh")]


def test_two_workbooks_with_one_code_are_two_scorecard_rows(duplicate):
    _, work, out, _ = duplicate
    table, rows = _table(out / "temuan.xlsx")
    assert [(r[0], r[1], r[3], r[4], r[8], r[10]) for r in table] == [
        ("D1.AS1", "Asisten Deputi Moneter dan Sektor Eksternal", 0, 0, "Patuh", str(work / "d1-as1-moneter.xlsx")),
        ("D1.AS1", "Asisten Deputi Fiskal", 4, 2, "Tidak Patuh", str(work / "d1-as2-fiskal.xlsx"))]
    madya = next(r for r in rows if r[0] == MAKRO)
    assert (madya[8], madya[9], madya[10]) == (2, 1, 1)           # Jumlah Unit 2: one compliant, one not


def test_two_workbooks_with_one_code_are_two_hand_outs(duplicate):
    _, work, out, output = duplicate
    names = sorted(p.name for p in (out / "unit").iterdir())
    assert names == ["D1.AS1_d1-as1-moneter.xlsx", "D1.AS1_d1-as2-fiskal.xlsx"]
    assert "Workbook temuan per unit (2)" in output
    compliant, _ = _table(out / "unit" / "D1.AS1_d1-as1-moneter.xlsx")
    assert [(r[1], r[8]) for r in compliant] == [("Asisten Deputi Moneter dan Sektor Eksternal", "Patuh")]
    findings = list(openpyxl.load_workbook(out / "unit" / "D1.AS1_d1-as1-moneter.xlsx")["Temuan"]
                    .iter_rows(min_row=2, values_only=True))
    assert findings == []
    fiskal, _ = _table(out / "unit" / "D1.AS1_d1-as2-fiskal.xlsx")
    assert [(r[1], r[3], r[4], r[8]) for r in fiskal] == [("Asisten Deputi Fiskal", 4, 2, "Tidak Patuh")]
    ws = openpyxl.load_workbook(out / "unit" / "D1.AS1_d1-as2-fiskal.xlsx")["Temuan"]
    head = [c.value for c in ws[1]]
    files = {r[head.index("Berkas")] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert files == {str(work / "d1-as2-fiskal.xlsx")}
    assert sorted(r[head.index("Aturan")] for r in ws.iter_rows(min_row=2, values_only=True)) == [
        "A05", "A05", "D04", "K07", "K08", "X05"]


def test_a_workbook_without_a_code_has_its_own_line_and_hand_out(tmp_path):
    work = _copy_with(tmp_path, "masuk", None)
    r = invoke("check", work, "-o", tmp_path / "t.xlsx", "--per-unit", tmp_path / "unit")
    assert r.exit_code == 1, r.output
    lines = [x for x in r.output.splitlines() if "Status menurut workbook" in x]
    # its own counts, never the run's totals (4 breaches and 3 data errors in all)
    assert "Temuan: 4 pelanggaran, 3 kesalahan data, 0 peringatan, 0 catatan." in r.output
    assert lines == [
        "  D1.AS1       Status menurut workbook: Perlu Perbaikan Data   0 pelanggaran,   1 kesalahan data,   "
        "0 peringatan",
        "  Asisten Deputi Fiskal Status menurut workbook: Tidak Patuh            4 pelanggaran,   2 kesalahan data,   "
        f"0 peringatan  ({work / 'd1-as2-fiskal.xlsx'})"]
    assert sorted(p.name for p in (tmp_path / "unit").iterdir()) == ["D1.AS1.xlsx", "d1-as2-fiskal.xlsx"]
    own, _ = _table(tmp_path / "unit" / "d1-as2-fiskal.xlsx")
    assert [(r[0], r[1], r[3], r[4]) for r in own] == [(None, "Asisten Deputi Fiskal", 4, 2)]


def test_scorecard_and_terminal_follow_jpt_madya_then_code_not_the_file_path(tmp_path):
    """Files named against the order: z-... holds D1.AS1, a-... D3.AS1, m-... D1.AS2."""
    work = tmp_path / "masuk"
    work.mkdir()
    for src, dst in (("d1-as1-moneter.xlsx", "z-moneter.xlsx"), ("d3-as1-migas.xlsx", "a-migas.xlsx"),
                     ("d1-as2-fiskal.xlsx", "m-fiskal.xlsx"), ("d2-as1-pangan.xlsx", "b-pangan.xlsx")):
        shutil.copy2(ROOT / "samples" / src, work / dst)
    r = invoke("check", work, "-o", tmp_path / "t.xlsx", "--json", tmp_path / "t.json")
    codes = [x.split()[0] for x in r.output.splitlines() if "Status menurut workbook" in x]
    table, _ = _table(tmp_path / "t.xlsx")
    doc = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    # Unit JPT Madya by name (Ekonomi Makro, Energi, Pangan), then Kode Unit
    expected = ["D1.AS1", "D1.AS2", "D3.AS1", "D2.AS1"]
    assert [r[2] for r in table] == [MAKRO, MAKRO, "Deputi Bidang Koordinasi Energi dan Sumber Daya Mineral",
                                     "Deputi Bidang Koordinasi Pangan dan Agribisnis"]
    assert codes == expected and [r[0] for r in table] == expected and [u["unit"] for u in doc["units"]] == expected
    assert [Path(r[10]).name for r in table] == ["z-moneter.xlsx", "m-fiskal.xlsx", "a-migas.xlsx", "b-pangan.xlsx"]
