"""output/plan.py: the outputs the command line's options ask for, checked before the run, and
each report written where it is asked for (the web page's downloads), never onto an input.
The command line's own messages and exit codes: tests/output/test_safety_outputs.py."""
from __future__ import annotations

import json
import os

import pytest
from rule_examples import build

from checker.output import plan as plans
from checker.output.atomic import OutputIsInputError
from checker.pipeline import run


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return run.check([str(build([], tmp_path_factory.mktemp("in") / "unit.xlsx"))], engine="pandas")


def test_the_options_become_one_plan(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plan = plans.plan_outputs(None, None, "json", False, None, None)
    assert plan == plans.Plan(stdout_json=True)                          # --format json: the JSON on stdout only
    plan = plans.plan_outputs("hasil", "-", "teks", False, "salinan", None)
    assert plan == plans.Plan(workbook="hasil.xlsx", stdout_json=True, annotate=True, annotate_dir="salinan")
    plan = plans.plan_outputs(None, "t.json", "teks", True, None, "per-unit")
    assert plan.json == "t.json" and plan.per_unit == "per-unit" and plan.annotate
    assert os.path.dirname(plan.workbook) == str(tmp_path) and plan.workbook.endswith(".xlsx")


def test_a_clash_names_the_inputs_role_in_the_users_language(tmp_path):
    given = [(str(tmp_path / "r.xlsx"), "role.roster")]
    with pytest.raises(plans.ClashError) as err:
        plans.plan_outputs(str(tmp_path / "r.xlsx"), None, "teks", False, None, None, given)
    assert "(roster induk, --roster)" in err.value.message("id")
    assert "(the master roster, --roster)" in err.value.message("en")


@pytest.mark.parametrize("kind", ["workbook", "json", "annotated"])
def test_a_report_is_never_written_onto_an_input_of_its_run(result, kind):
    (inp,) = result.inputs
    before = open(inp.path, "rb").read()
    with pytest.raises(OutputIsInputError):
        plans.write_report(result, kind, inp.path, inp)
    assert open(inp.path, "rb").read() == before


def test_each_report_is_written_where_it_is_asked_for(result, tmp_path):
    (inp,) = result.inputs
    got = {kind: plans.write_report(result, kind, str(tmp_path / name), inp)
           for kind, name in (("workbook", "t.xlsx"), ("json", "t.json"), ("annotated", "d.xlsx"))}
    assert got == {"workbook": str(tmp_path / "t.xlsx"), "json": str(tmp_path / "t.json"),
                   "annotated": str(tmp_path / "d.xlsx")}
    assert json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))["inputs"][0]["file"] == inp.file
    with pytest.raises(ValueError):
        plans.write_report(result, "pdf", str(tmp_path / "t.pdf"))
