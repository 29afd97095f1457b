"""Every rule's examples (rules/*.yaml) run through the real loader and both engines. An S
rule's example may carry a decree draft (tests/rule_examples.py, `draft:`); its expected
findings then also name the place in the draft (`doc`: the location label, null for none)."""
from __future__ import annotations

import pytest
from engines_under_test import ENGINES
from rule_examples import BASE_UNIT, build, build_run

from checker import rulebase
from checker.pipeline import run

BASE = rulebase.load()
KEYS = ("unit", "pokja", "nip", "name", "target", "sheet", "row", "column", "doc")


def _key(f, k):
    if k == "doc":
        return f.document["label"] if f.document else None
    return getattr(f, k)


def _cases():
    for rule in BASE.rules:
        for i, ex in enumerate(rule.examples or []):
            yield pytest.param(rule, ex, id=f"{rule.id}-{i}-{'fires' if ex.get('expect') else 'near-miss'}")


def _seen(findings, rule_id):
    return sorted((tuple(_key(f, k) for k in KEYS) for f in findings if f.rule == rule_id), key=str)


def _expected(expect):
    out = []
    for e in expect:
        e = {"unit": BASE_UNIT, **e}
        out.append(tuple(None if e.get(k) is None else (int(e[k]) if k == "row" else str(e[k])) for k in KEYS))
    return sorted(out, key=str)


@pytest.mark.parametrize("rule,example", list(_cases()))
def test_rule_example(rule, example, tmp_path):
    """One workbook per example, checked by every engine (building it costs as much as a check)."""
    paths, roster = build_run(example, tmp_path, f"{rule.id}.xlsx")
    expected = _expected(example.get("expect") or [])
    for engine in ENGINES:
        result = run.check(paths, stage=example.get("stage", "penetapan"), engine=engine, roster=roster)
        assert (engine, _seen(result.findings, rule.id)) == (engine, expected)


def test_every_rule_has_a_firing_and_a_near_miss_example():
    def has(rule, firing):
        return any(bool(e.get("expect")) == firing for e in rule.examples or [])
    lacking = [r.id for r in BASE.rules if not has(r, True) or not has(r, False)]
    assert lacking == []


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("stage", ["rancangan", "penetapan", "evaluasi"])
def test_example_base_unit_is_compliant(stage, engine, tmp_path):
    path = build([], tmp_path / "base.xlsx")
    result = run.check([str(path)], stage=stage, engine=engine)
    assert [(f.rule, f.message) for f in result.findings] == []
