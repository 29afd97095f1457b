"""The rule base is the catalogue of rules.md version 3: every rule with exactly its ID,
slug, severity, stage and basis (tests/catalogue_v3.csv, copied from the specification),
and that copy is the specification's table where the specification is at hand."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from checker import rulebase

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = Path(__file__).resolve().parent / "catalogue_v3.csv"
SPEC = ROOT.parent / "shared" / "spec" / "rules.md"
STAGES = {"R": "rancangan", "P": "penetapan", "E": "evaluasi"}
ROW = re.compile(r"\|\s*([UKAMDXE]\d\d)\s*\|\s*([a-z0-9-]+)\s*\|\s*(error|warning|info)\s*\|\s*([RPE])\s*\|"
                 r"\s*([^|]+?)\s*\|")


def _catalogue() -> list[tuple]:
    with CATALOGUE.open(encoding="utf-8", newline="") as f:
        return [tuple(r) for r in list(csv.reader(f))[1:]]


def test_the_rule_base_is_the_catalogue():
    rules = [r for r in rulebase.load().rules if not r.id.startswith("S")]     # group S: below
    got = sorted((r.id, r.slug, r.severity, {v: k for k, v in STAGES.items()}[r.from_stage], r.basis) for r in rules)
    assert got == sorted(_catalogue())


@pytest.mark.skipif(not SPEC.is_file(), reason="the specification is not beside this clone")
def test_the_catalogue_copy_is_the_specification():
    spec = [m.groups() for m in map(ROW.match, SPEC.read_text(encoding="utf-8").splitlines()) if m]
    assert sorted(spec) == sorted(_catalogue())


# ------------------------------------------------------------------ group S (decree-format.md §4)
# The decree rules' catalogue is decree-format.md's table, copied to catalogue_sk.csv.

SK_CATALOGUE = Path(__file__).resolve().parent / "catalogue_sk.csv"
SK_SPEC = ROOT.parent / "shared" / "spec" / "decree-format.md"
SK_ROW = re.compile(r"\|\s*(S\d\d)\s*\|\s*([a-z0-9-]+)\s*\|\s*(error|warning|info)\s*\|\s*([RPE])\s*\|"
                    r"\s*([^|]+?)\s*\|")


def _sk_catalogue() -> list[tuple]:
    with SK_CATALOGUE.open(encoding="utf-8", newline="") as f:
        return [tuple(r) for r in list(csv.reader(f))[1:]]


def test_the_decree_rules_are_their_catalogue():
    rules = [r for r in rulebase.load().rules if r.id.startswith("S")]
    got = sorted((r.id, r.slug, r.severity, {v: k for k, v in STAGES.items()}[r.from_stage], r.basis) for r in rules)
    assert got == sorted(_sk_catalogue())


@pytest.mark.skipif(not SK_SPEC.is_file(), reason="the specification is not beside this clone")
def test_the_decree_catalogue_copy_is_the_specification():
    spec = [m.groups() for m in map(SK_ROW.match, SK_SPEC.read_text(encoding="utf-8").splitlines()) if m]
    assert len(spec) == 24 and sorted(spec) == sorted(_sk_catalogue())
