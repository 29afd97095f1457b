"""Waivers keyed by fingerprint keep working across rules.md v3 (issue 19): a changed severity
or basis does not change a finding's fingerprint. The fingerprints below are those the samples'
findings had under rules.md version 2 (tests/golden before v3): M01 was an error and is a
warning now, A09 was a breach and is a data error now."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.findings import make_finding
from checker.followup.waivers import Waiver, apply_waivers
from checker.pipeline import run

ROOT = Path(__file__).resolve().parents[2]
V2_FINGERPRINTS = {                 # (rule, unit, pokja, nip) -> fingerprint under rules.md v2
    ("M01", "SES.BHO", None, None): "031735f852e7cf53",
    ("A09", "SES.BHO", "HO-01", "199804162025011004"): "4ca4c5dff4696466",
}


@pytest.fixture(scope="module")
def samples():
    return run.check(sorted(str(p) for p in (ROOT / "samples").glob("*.xlsx")), engine="pandas")


def test_findings_whose_severity_or_basis_changed_keep_their_v2_fingerprint(samples):
    got = {(f.rule, f.unit, f.pokja, f.nip): (f.fingerprint, f.severity, f.basis) for f in samples.findings
           if (f.rule, f.unit, f.pokja, f.nip) in V2_FINGERPRINTS}
    assert got == {("M01", "SES.BHO", None, None): ("031735f852e7cf53", "warning", "Lampiran II.B.1.b.3)"),
                   ("A09", "SES.BHO", "HO-01", "199804162025011004"): ("4ca4c5dff4696466", "error", "data")}


def test_a_waiver_given_under_v2_still_covers_the_finding(samples):
    waivers = [Waiver(fingerprint=fp, response="Dikecualikan", reason="r", approved_by="a",
                      valid_until=date(2099, 1, 1), valid_until_raw="2099-01-01") for fp in V2_FINGERPRINTS.values()]
    result = apply_waivers(samples.findings, waivers, date(2025, 6, 1))
    assert sorted(f.rule for f in result.waived()) == ["A09", "M01"]
    assert result.stale == []


@pytest.mark.parametrize("before,after", [("error", "warning"), ("warning", "info"), ("error", "error")])
def test_the_fingerprint_does_not_depend_on_severity_or_basis(before, after):
    kw = dict(rule="K10", slug="rencana-kerja-belum-disetujui", message="m", hint="h", unit="D9.AS1",
              pokja="SUB-1", value="sub-1")
    a = make_finding(severity=before, basis="Lampiran II.B.1.c", **kw)
    b = make_finding(severity=after, basis="data", **kw)
    assert a.fingerprint == b.fingerprint
