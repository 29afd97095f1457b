"""`check --waivers temuan.xlsx`: checker/waivers.py."""
from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest
from rule_examples import build

from checker.followup.waivers import (
    FINGERPRINT_COLUMN,
    WAIVER_COLUMNS,
    WAIVER_STATUS_COLUMN,
    Waiver,
    WaiverError,
    apply_waivers,
    read_waivers,
)
from checker.pipeline import run

TODAY = date(2025, 6, 1)
EDITS = [
    {"sheet": "Anggota Pokja", "where": {"Nama": "Dewi Lestari, S.Si., M.E."}, "set": {"Output": ""}},
    {"sheet": "Pokja", "where": {"Kode Pokja": "DUK-1"}, "set": {"Tanggal SK": "32/01/2025"}},
    {"sheet": "Pegawai", "where": {"Nama": "Yoga Pratama, A.Md."}, "set": {"Jenis Jabatan": "Staff Ahli Gaib"}},
    {"sheet": "Surat Tugas", "where": {"Nomor Surat Tugas": "ST-07/D.9.1/02/2025"}, "set": {"Tanggal": "31/02/2025"}},
]
ID_COLS = ["No", "Kode Unit", "Nama Unit", "Aturan", "Nama Aturan", "Tingkat", "Dasar Hukum", "Uraian"]
EN_COLS = ["No", "Unit Code", "Unit Name", "Rule", "Rule Name", "Severity", "Legal Basis", "Description"]


@pytest.fixture
def result(tmp_path):
    res = run.check([str(build(EDITS, tmp_path / "draft.xlsx"))], engine="pandas")
    assert len(res.findings) == 4 and all(f.severity == "error" for f in res.findings)
    return res


def _findings_workbook(path, findings, entries, lang="id", extra_rows=()):
    """A findings workbook as report_xlsx will write it: the contract columns, then the
    waiver columns, the status and the fingerprint; `entries` maps finding index -> the four
    waiver values the unit typed in."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Temuan" if lang == "id" else "Findings"
    base = ID_COLS if lang == "id" else EN_COLS
    ws.append(base + WAIVER_COLUMNS[lang] + [WAIVER_STATUS_COLUMN[lang], FINGERPRINT_COLUMN[lang]])
    rows = [(f.unit, f.rule, f.message, f.fingerprint) for f in findings] + list(extra_rows)
    for i, (unit, rule, message, fp) in enumerate(rows):
        values = list(entries.get(i, ("", "", "", "")))
        ws.append([i + 1, unit, "", rule, "", "Pelanggaran", "", message] + values + ["", fp])
    wb.save(path)
    return path


def test_valid_expired_incomplete_stale(tmp_path, result):
    f = result.findings
    entries = {
        0: ("Dikecualikan", "Output ditetapkan dalam SK perubahan", "Kepala Biro Hukum dan Organisasi",
            datetime(2025, 12, 31)),                                   # valid: Excel date
        1: ("Dikecualikan", "Menunggu SK baru", "Karo HO", "01/01/2025"),          # expired: text date
        2: ("Dikecualikan", "Data menyusul", "", ""),                               # incomplete: no approver, no date
        3: ("Sudah diperbaiki", "", "", ""),                            # a response only, not a waiver
        4: ("Dikecualikan", "Pokja lama", "Karo HO", "31 Desember 2025"),          # stale: its finding is gone
    }
    path = _findings_workbook(tmp_path / "temuan.xlsx", f, entries,
                              extra_rows=[("D9.AS1", "K09", "Pokja lama", "0123456789abcdef")])
    waivers = read_waivers(path)
    assert [w.row for w in waivers] == [2, 3, 4, 5, 6]
    assert waivers[0].valid_until == date(2025, 12, 31) and waivers[1].valid_until == date(2025, 1, 1)
    assert waivers[4].valid_until == date(2025, 12, 31) and waivers[4].rule == "K09"

    res = apply_waivers(f, waivers, TODAY)
    assert [res.status(x).status for x in f] == ["waived", "expired", "incomplete", "open"]
    assert res.counts() == {"waived": 1, "expired": 1, "incomplete": 1, "stale": 1}
    assert [w.fingerprint for w in res.stale] == ["0123456789abcdef"]
    assert res.waived() == [f[0]] and res.open_findings() == f[1:]
    assert any(x.severity == "error" for x in res.open_findings())
    # notes and carried-over cells
    assert res.cells(f[0], "id") == list(entries[0][:3]) + ["2025-12-31", "Dikecualikan s.d. 2025-12-31"]
    assert "kedaluwarsa" in res.status(f[1]).note("id") and "expired" in res.status(f[1]).note("en")
    note = res.status(f[2]).note("id")
    assert "Disetujui oleh" in note and "Berlaku sampai" in note and "Alasan" not in note
    assert res.cells(f[3])[0] == "Sudah diperbaiki" and res.cells(f[3])[4] == ""
    lines = res.summary_lines("id")
    assert "1 berlaku" in lines[0] and "baris 6" in lines[1]


def test_all_waived_is_not_failing_and_expiry_is_inclusive(tmp_path, result):
    f = result.findings
    entries = dict.fromkeys(range(len(f)), ("Dikecualikan", "alasan", "Karo HO", TODAY))
    res = apply_waivers(f, read_waivers(_findings_workbook(tmp_path / "t.xlsx", f, entries)), TODAY)
    assert res.waived() == f and res.open_findings() == []
    result.waivers, result.fail_on = res, "info"
    assert not result.failing() and result.counts() == {"error": 0, "warning": 0, "info": 0}
    assert result.summary()["waived"] == len(f) and {result.compliance(i.unit) for i in result.units()} == {"patuh"}
    tomorrow = date(2025, 6, 2)
    assert all(s.status == "expired" for s in apply_waivers(f, read_waivers(tmp_path / "t.xlsx"), tomorrow).items)


def test_english_workbook_and_unreadable_date(tmp_path, result):
    f = result.findings
    # 46022 = 2025-12-31
    entries = {0: ("Waived", "reason", "approver", "sometime next year"), 1: ("waived", "r", "a", 46022)}
    path = _findings_workbook(tmp_path / "findings.xlsx", f, entries, lang="en")
    res = apply_waivers(f, read_waivers(path), TODAY)
    assert res.status(f[0]).status == "incomplete"
    assert "sometime next year" in res.status(f[0]).note("en") and "Valid until" in res.status(f[0]).note("en")
    assert res.status(f[1]).status == "waived" and res.status(f[1]).waiver.valid_until == date(2025, 12, 31)


def test_duplicate_rows_best_one_counts():
    mk = dict(fingerprint="fp", response="Dikecualikan", reason="r", approved_by="a")
    ws = [Waiver(valid_until=date(2025, 1, 1), valid_until_raw="x", **mk),
          Waiver(valid_until=date(2026, 1, 1), valid_until_raw="x", **mk),
          Waiver(fingerprint="fp", response="Dikecualikan", reason="only a reason")]

    class F:
        fingerprint, severity = "fp", "error"
    res = apply_waivers([F()], ws, TODAY)
    assert res.items[0].status == "waived" and res.items[0].waiver.valid_until == date(2026, 1, 1)
    assert res.stale == []


def test_wrong_workbooks(tmp_path, make_workbook):
    with pytest.raises(WaiverError) as e:
        read_waivers(make_workbook({"Temuan": [["No", "Aturan"], [1, "U03"]]}, name="old.xlsx"))
    assert e.value.key == "no_sheet" and "Sidik jari" in e.value.message("id")
    with pytest.raises(WaiverError) as e:
        read_waivers(make_workbook({"Temuan": [["No", "Sidik jari"], [1, "ab"]]}, name="nocols.xlsx"))
    assert e.value.key == "no_columns"
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"nope")
    with pytest.raises(WaiverError) as e:
        read_waivers(bad)
    assert e.value.key == "unreadable" and "not an Excel workbook" in e.value.message("en")


def test_round_trip_through_report_xlsx(tmp_path, result):
    from checker.output.findings_workbook import write_workbook
    out = write_workbook(result, tmp_path / "temuan.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["Temuan"]
    header = [c.value for c in ws[1]]
    for label in WAIVER_COLUMNS["id"] + [FINGERPRINT_COLUMN["id"]]:
        assert label in header
    col = {label: header.index(label) + 1 for label in header if label}
    ws.cell(row=2, column=col["Tanggapan"], value="Dikecualikan")
    ws.cell(row=2, column=col["Alasan"], value="alasan")
    ws.cell(row=2, column=col["Disetujui oleh"], value="Karo HO")
    ws.cell(row=2, column=col["Berlaku sampai"], value=datetime(2099, 12, 31))
    wb.save(out)
    res = apply_waivers(result.findings, read_waivers(out), TODAY)
    assert res.counts()["waived"] == 1
