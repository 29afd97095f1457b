"""The product's outputs are frozen in tests/golden/ (see golden_runs.py): the JSON findings,
the terminal output in both languages, every cell of the findings workbook and every fact
table, for the samples, a 20-unit ministry and the blank template. A deliberate change of
behaviour regenerates them with `python tests/golden_runs.py` (and says so in its commit)."""
from __future__ import annotations

import json

import pytest
from golden_runs import SCENARIOS, golden_path, run_scenario


def first_difference(want, got, path="$"):
    """The path and the two values where `got` first differs from `want`, or None."""
    if type(want) is not type(got) and not (isinstance(want, (int, float)) and isinstance(got, (int, float))):
        return path, want, got
    if isinstance(want, dict):
        for k in sorted(set(want) | set(got)):
            if k not in got or k not in want:
                return f"{path}.{k}", want.get(k, "<absent>"), got.get(k, "<absent>")
            d = first_difference(want[k], got[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(want, list):
        for i, (a, b) in enumerate(zip(want, got)):
            d = first_difference(a, b, f"{path}[{i}]")
            if d:
                return d
        if len(want) != len(got):
            return f"{path} (length)", len(want), len(got)
        return None
    return None if want == got else (path, want, got)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_outputs_are_unchanged(scenario, tmp_path):
    want = json.loads(golden_path(scenario).read_text(encoding="utf-8"))
    got = json.loads(json.dumps(run_scenario(scenario, tmp_path), ensure_ascii=False, sort_keys=True))
    for stage in want:
        for part in want[stage]:
            diff = first_difference(want[stage][part], got.get(stage, {}).get(part), f"{stage}.{part}")
            assert diff is None, "first difference at {}:\n  golden: {!r}\n  now:    {!r}".format(*diff)
    assert set(got) == set(want)
