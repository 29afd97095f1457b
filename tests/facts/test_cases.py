"""Fact builder cases as data (in the spirit of OpenFisca's YAML tests): tests/facts/cases/<family>.yaml.

Each case describes the input by edits of the compliant unit rules/_example_base.yaml, in the
language of the rules' examples (tests/rule_examples.py):

    - name: a period wholly before the Tahun Kinerja
      edit:                             # the first workbook, unit.xlsx
        - {sheet: Pokja, where: {Kode Pokja: SUB-1}, set: {Tanggal Mulai: 2024-01-01}}
      stage: penetapan                  # optional (default penetapan)
      others:                           # optional further workbooks: file, optional base, edit
        - {file: b.xlsx, base: _example_base_2, edit: [...]}
      roster: {...}                     # optional master roster (sheet -> header and rows)
      content: "not a workbook"         # optional: unit.xlsx holds these bytes instead
      draft: {set: {number: ""}}        # optional: a decree draft beside it (tests/rule_examples.py)
      workbook: false                   # optional: no workbook (the draft alone)
      kind: pokja                       # the kind the expectations are about (or per expectation)
      expect:
        - where: {pokja: SUB-1}         # the facts of the kind whose columns have these values
          n: 1                          # how many (default 1)
          fields: {period_outside_year: true, end_before_start: false}   # asserted on each of them

Only the listed fields are asserted. The facts come from the real loader and fact builders
(`build_facts`, the one place that calls them), cross-unit fields included.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import yaml
from rule_examples import RULES_DIR, apply_edits, build_draft, load_base, write_workbook

from checker.facts.schema import KINDS, LOCATION_COLUMNS

CASES_DIR = Path(__file__).resolve().parent / "cases"
CASE_KEYS = {"name", "edit", "stage", "others", "roster", "content", "kind", "expect", "draft", "workbook"}
EXPECT_KEYS = {"kind", "where", "n", "fields"}


def build_facts(paths: list[str], roster: str | None, stage: str) -> dict[str, list[dict]]:
    """The fact tables of a run over `paths` (in this order) with the master roster `roster`:
    kind -> fact rows. The one call of the pipeline's in-process path (each file read and its
    facts built as a reader worker does, then the run's tables and cross-unit fields)."""
    from checker.facts import assemble
    from checker.facts.context import records
    from checker.pipeline import decrees
    from checker.pipeline.discovery import discover
    from checker.pipeline.run import master_roster, unit_facts

    master = master_roster(roster) if roster else None
    refs = discover(paths)
    if decrees.has_drafts(refs):            # decree drafts: read beside the workbooks, paired, their facts added
        parts, reads = decrees.read_inputs(refs, stage)
        facts = assemble.build(parts, master)
        decrees.add_drafts(facts, parts, reads)
    else:
        facts = assemble.build(unit_facts(refs, stage), master)
    return {kind: records(df) for kind, df in facts.tables.items()}


# --------------------------------------------------------------------------- the cases

def _load_cases() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            out.append((path.stem, case))
    return out


CASES = _load_cases()


def _id(family: str, case: dict) -> str:
    return f"{family}-{re.sub(r'[^a-z0-9]+', '-', case['name'].lower()).strip('-')}"


def _base(name: str) -> dict:
    if name == "_example_base":
        return load_base()
    return yaml.safe_load((RULES_DIR / f"{name}.yaml").read_text(encoding="utf-8"))["sheets"]


def write_case(case: dict, directory: Path) -> tuple[list[str], str | None]:
    """The case's workbooks (unit.xlsx first, then its `others`) and its roster path (or None)."""
    first = directory / "unit.xlsx"
    paths = [str(first)]
    if case.get("workbook") is False:
        paths = []
    elif "content" in case:
        first.write_bytes(case["content"].encode())
    else:
        write_workbook(apply_edits(_base("_example_base"), case.get("edit")), first)
    for other in case.get("others") or []:
        paths.append(str(write_workbook(apply_edits(_base(other.get("base", "_example_base")), other.get("edit")),
                                        directory / other["file"])))
    if case.get("draft") is not None:
        paths.append(str(build_draft(case["draft"], directory)))
    roster = None
    if case.get("roster"):
        roster = str(write_workbook(case["roster"], directory / "pegawai-induk.xlsx"))
    return paths, roster


def _plain(v):
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def _same(got, want) -> bool:
    got = _plain(got)
    if isinstance(want, bool) or isinstance(got, bool):
        return type(got) is type(want) and got == want           # a flag is no count: True is not 1
    return got == want


def _selected(rows: list[dict], where: dict) -> list[dict]:
    return [r for r in rows if all(_same(r.get(k), v) for k, v in where.items())]


@pytest.mark.parametrize("family,case", CASES, ids=[_id(f, c) for f, c in CASES])
def test_case(family, case, tmp_path):
    paths, roster = write_case(case, tmp_path)
    facts = build_facts(paths, roster, case.get("stage", "penetapan"))
    for i, expect in enumerate(case["expect"]):
        kind = expect.get("kind", case.get("kind"))
        rows = _selected(facts.get(kind, []), expect.get("where") or {})
        shown = [{k: r.get(k) for k in ("pokja", "nip", "name", "target", "sheet", "row", "column", "value")}
                 for r in facts.get(kind, [])]
        assert len(rows) == expect.get("n", 1), (i, kind, expect.get("where"), shown)
        want = expect.get("fields") or {}
        for r in rows:
            got = {k: _plain(r[k]) for k in want}
            assert all(_same(got[k], v) for k, v in want.items()), (i, kind, expect.get("where"), got, want)


# --------------------------------------------------------------------------- the cases themselves

def test_cases_are_well_formed():
    for family, case in CASES:
        assert set(case) <= CASE_KEYS and case.get("name") and case.get("expect"), (family, case.get("name"))
        for expect in case["expect"]:
            assert set(expect) <= EXPECT_KEYS, (family, case["name"], expect)
            kind = KINDS[expect.get("kind", case.get("kind"))]
            columns = set(LOCATION_COLUMNS) | set(kind.fields) | set(kind.params) | set(kind.hidden)
            named = set(expect.get("where") or {}) | set(expect.get("fields") or {})
            assert named <= columns, (family, case["name"], sorted(named - columns))


def test_every_family_has_cases():
    counts: dict[str, int] = {}
    for family, _ in CASES:
        counts[family] = counts.get(family, 0) + 1
    families = ("unit", "people", "pokja", "members", "mph", "surat_tugas", "references", "cells", "structure",
                "crossunit", "decree")
    assert {f: counts.get(f, 0) for f in families if counts.get(f, 0) < 3} == {}


def test_every_declared_field_is_asserted_by_some_case():
    asserted = {(expect.get("kind", case.get("kind")), name) for _, case in CASES for expect in case["expect"]
                for name in expect.get("fields") or {}}
    declared = {(kind.name, f) for kind in KINDS.values() for f in kind.fields if f != "t"}
    assert sorted(declared - asserted) == []
