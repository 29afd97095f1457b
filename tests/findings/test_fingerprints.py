"""rules.md *Fingerprints*: two different findings never share a fingerprint."""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from rule_examples import build

from checker import findings as findings_module
from checker.pipeline import run

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

# The same NIP repeated on Pegawai twice more (two D02), one Kedudukan typo and one empty
# Output (D03, A04), an unreadable date (D04).
EDITS = [
    {"sheet": "Pegawai", "append": {"NIP": "198811052014022002", "Nama": "Dewi Lestari, S.Si., M.E.",
                                    "Jenis Jabatan": "Fungsional"}},
    {"sheet": "Pegawai", "append": {"NIP": "198811052014022002", "Nama": "Dewi Lestari, S.Si., M.E.",
                                    "Jenis Jabatan": "Fungsional"}},
    {"sheet": "Anggota Pokja", "where": {"Nama": "Dewi Lestari, S.Si., M.E."},
     "set": {"Kedudukan": "Anggta", "Output": ""}},
    {"sheet": "Pokja", "where": {"Kode Pokja": "DUK-1"}, "set": {"Tanggal SK": "32/01/2025"}},
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Every sample (D01 on Pegawai, MPH and Anggota Pokja for one NIP; D02; K, A, M, U rules),
    an edited unit, and two unreadable files with different names."""
    d = tmp_path_factory.mktemp("audit")
    for p in SAMPLES.glob("*.xlsx"):
        shutil.copy(p, d / p.name)
    build(EDITS, d / "edited.xlsx")
    (d / "rusak-a.xlsx").write_bytes(b"not a workbook")
    (d / "rusak-b.xlsx").write_bytes(b"not a workbook either")
    return d


def _check(folder):
    return run.check([str(folder)], stage="evaluasi", engine="pandas").findings


def test_every_finding_of_a_folder_audit_has_its_own_fingerprint(folder):
    found = _check(folder)
    rules = {f.rule for f in found}
    assert {"D01", "D02", "D03", "D04", "D05", "A04", "A05", "K02", "U04"} <= rules, rules
    shared = [fp for fp, n in Counter(f.fingerprint for f in found).items() if n > 1]
    assert shared == []


def test_the_fields_alone_tell_the_cases_of_the_contract_apart(folder, monkeypatch):
    """Without the order-of-occurrence tie-break: an unreadable file takes its name, a cell
    finding takes its sheet kind and field."""
    monkeypatch.setattr(findings_module, "_unique_fingerprints", lambda items: items)
    found = _check(folder)
    unreadable = [f for f in found if f.rule == "D05" and f.unit is None]
    assert sorted(Path(f.file).name for f in unreadable) == ["rusak-a.xlsx", "rusak-b.xlsx"]
    assert len({f.fingerprint for f in unreadable}) == 2
    d01 = [f for f in found if f.rule == "D01" and f.unit == "D3.AS2"]
    assert sorted(f.sheet for f in d01) == ["Anggota Pokja", "MPH", "Pegawai"]
    assert len({f.nip for f in d01}) == 1 and len({f.fingerprint for f in d01}) == 3
    d02 = [f for f in found if f.rule == "D02" and f.file.endswith("edited.xlsx")]
    assert len(d02) == 2 and len({f.fingerprint for f in d02}) == 2


def test_a_tie_takes_the_order_of_occurrence_and_is_stable(folder):
    first, second = _check(folder), _check(folder)
    assert [f.fingerprint for f in first] == [f.fingerprint for f in second]
