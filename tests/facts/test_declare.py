"""The catalogue assembled from the families' declarations (facts/declare.py, facts/schema.py)."""
from __future__ import annotations

import pytest

from checker.facts import schema
from checker.facts.declare import choice, col, count, extend, fact_kind, flag, sheet


def kind(*fields, **kw):
    return fact_kind("k", id="satu per k", en="one per k", fields=fields, **kw)


def test_fields_in_declared_order_then_extensions_then_the_kind_field():
    kinds = schema._assemble([kind(flag("b", id="b", en="b"), count("a", id="a", en="a"), params=["p_x"]),
                              extend("k", fields=[count("c", id="c", en="c")], params=["p_y"], hidden=["_z"])])
    k = kinds["k"]
    assert list(k.fields) == ["b", "a", "c", "t"] and k.fields["t"].values == ("k",)
    assert (k.params, k.hidden, k.definition) == (("p_x", "p_y"), ("_z",), {"id": "satu per k", "en": "one per k"})
    assert (k.fields["b"].type, k.fields["a"].type) == ("bool", "int")


@pytest.mark.parametrize("declared,problem", [
    ([kind(flag("a", id="a", en="a", reads=col("pokja", "tanggal_skk")))], "reads 'pokja.tanggal_skk'"),
    ([kind(flag("a", id="a", en="a", reads=sheet("pokjaa")))], "reads 'pokjaa'"),
    ([kind(choice("dest", values=["pk"], id="d", en="d"),
           flag("a", id="a", en="a", reads=col("pk", "kode_target", dest="pokja")))], "when dest='pokja'"),
    ([kind(flag("a", id="a", en="a", reads=col("pk", "kode_target", nothing="x")))], "when nothing='x'"),
    ([kind(flag("a", id="a", en="a"), count("a", id="a", en="a"))], "field 'a' of fact kind 'k' is declared twice"),
    ([kind(), kind()], "fact kind 'k' is declared twice"),
    ([extend("k", fields=[flag("a", id="a", en="a")]), kind()], "comes before the kind's declaration"),
    ([kind(flag("a", id="a", en="a"), params=["p_a", "p_a"])], "names ['p_a'] twice"),
    ([kind(flag("row", id="r", en="r"))], "names ['row'] twice"),
])
def test_a_declaration_the_catalogue_cannot_hold_is_refused(declared, problem):
    with pytest.raises(ValueError) as info:
        schema._assemble(declared)
    assert problem in str(info.value), str(info.value)


def test_reads_take_typed_values_only():
    with pytest.raises(TypeError):
        flag("a", id="a", en="a", reads=["pokja.tanggal_sk"])
