"""Fact rows hold the columns their kind declares and no other (facts/factrow.py)."""
from __future__ import annotations

import pytest

from checker.facts.context import UnitContext
from checker.facts.factrow import UndeclaredColumn
from checker.facts.sink import FactSink, MissingField, kind_columns

CTX = UnitContext(0, "unit.xlsx", None, "D9.AS1", "Asisten Deputi")


@pytest.mark.parametrize("where", ["fields", "params", "hidden"])
def test_a_key_the_kind_does_not_declare_fails_naming_kind_and_key(where):
    out = FactSink(CTX)
    kw = {"params": {"p_column_label": "-", "p_detail": "-", "p_consequence": "-"}}
    fields = {"problem": "sheet_missing"}
    if where == "fields":
        fields["problem_typo"] = True
    else:
        kw[where] = {**kw.get(where, {}), "p_undeclared" if where == "params" else "_undeclared": 1}
    with pytest.raises(UndeclaredColumn) as info:
        out.add("structure", None, None, None, fields, **kw)
    key = {"fields": "problem_typo", "params": "p_undeclared", "hidden": "_undeclared"}[where]
    assert info.value.kind == "structure" and info.value.keys == (key,)
    assert "'structure'" in str(info.value) and repr(key) in str(info.value)


def test_declared_keys_give_every_column_of_the_kind_in_order():
    out = FactSink(CTX)
    out.add("structure", None, 3, None, {"problem": "column_missing"}, sheet="PK", value="column_missing:PK:x",
            params={"p_column_label": "x", "p_detail": "d", "p_consequence": "c"})
    cols = out.columns()["structure"]
    assert list(cols) == kind_columns("structure")
    assert cols["problem"] == ["column_missing"] and cols["sheet"] == ["PK"] and cols["row"] == [3]
    assert cols["unit"] == ["D9.AS1"] and cols["t"] == ["structure"]


def test_a_declared_field_the_builder_does_not_write_fails():
    out = FactSink(CTX)
    with pytest.raises(MissingField) as info:
        out.add("owner_slot", None, None, None, {"listed": True, "unidentified_pengarah": False},
                params={"p_role": "JPT Madya", "p_owner_name": "-", "p_owner_nip": "-"})
    assert info.value.kind == "owner_slot" and info.value.names == ("owner_nips_usable",)


def test_cross_unit_fields_are_left_to_crossunit():
    out = FactSink(CTX)
    out.add("unit", "unit", 2, "A", {"n_pokja": 0, "n_pokja_substance": 0, "n_pokja_support": 0,
                                     "n_pokja_jenis_unknown": 0, "n_pk_target": 0},
            params={"p_support_codes": "-", "p_pokja_codes": "-"}, hidden={"_code_key": "d9as1"})
    assert out.columns()["unit"]["duplicate_code_order"] == [None]      # crossunit.apply fills it
    assert out.columns()["unit"]["not_submitted"] == [None]
