"""checker.engines: pandas masks and the durable-rules adapter give the same, correct matches."""
from __future__ import annotations

import json
import random
import re

import numpy as np
import pandas as pd
import pytest

from checker import engines, rulebase
from checker.engines import EngineError, EngineMismatch, durable_engine, pandas_engine
from checker.facts.schema import FactKind as Kind  # the real schema types
from checker.facts.schema import FieldSpec as Field
from checker.rulebase import Rule

DURABLE = durable_engine.available()
needs_durable = pytest.mark.skipif(not DURABLE, reason="durable-rules is not available on this Python")
BOTH = ["pandas", pytest.param("durable", marks=needs_durable)]

KIND = Kind("k", {n: Field(n, t, {"id": n, "en": n}) for n, t in
                  {"i": "int", "b": "bool", "s": "str", "n": "int"}.items()}, {"id": "k", "en": "k"})


def make_rule(rid, cond, kind="k", check=True):
    when = {"$and": [{"t": kind}, cond]} if cond else {"t": kind}
    if check:                         # every condition tested here is one the validator accepts

        def fail(problem):
            raise AssertionError(problem)
        rulebase.loading._check_when(when, kind, KIND, fail)
    text = {"id": "x", "en": "x"}
    return Rule(id=rid, slug=rid.lower(), severity="error", from_stage="rancangan", fact=kind, requires=(),
                when=when, basis="b", legal_text="l", title=text, message=text, hint=text)


def evaluate(engine, rules, facts):
    module = durable_engine if engine == "durable" else pandas_engine
    return sorted(set(module.evaluate(rules, facts)))


# --- a reference evaluator, row by row, independent of both engines --------------------------

def _escaped(v):
    return json.dumps(v, ensure_ascii=False)[1:-1]


def ref(cond, row) -> bool:
    (key, value), = cond.items()
    if key == "$and":
        return all(ref(c, row) for c in value)
    if key == "$or":
        return any(ref(c, row) for c in value)
    if key == "t":
        return value == "k"
    op, (field, lit) = (key, next(iter(value.items()))) if key.startswith("$") else ("$eq", (key, value))
    v = row.get(field)
    present = v is not None and not (isinstance(v, float) and np.isnan(v))
    if op == "$nex":
        return not present
    if not present:
        return False
    return {
        "$ex": lambda: True, "$eq": lambda: v == lit, "$neq": lambda: v != lit,
        "$lt": lambda: v < lit, "$gt": lambda: v > lit, "$lte": lambda: v <= lit, "$gte": lambda: v >= lit,
        "$mt": lambda: isinstance(v, str) and re.fullmatch(lit, _escaped(v), re.S) is not None,
    }[op]()


STRINGS = ["", "a", "ab", "AB", "é", 'a"b', "a\\b", "a\nb", "PK-01", " x ", "x", "ñandú", "a.b", "\t", "x\u2028y"]
INTS = [0, 1, -3, 5, 6, 2 ** 40, -(2 ** 40), 2 ** 63 - 1]


def varied_frame(n=120, seed=7):
    rnd = random.Random(seed)
    return pd.DataFrame({
        "unit_seq": [rnd.randrange(4) for _ in range(n)],
        "i": [rnd.choice(INTS) for _ in range(n)],
        "b": [rnd.random() < 0.5 for _ in range(n)],
        "s": [rnd.choice(STRINGS) for _ in range(n)],
        "n": pd.Series([rnd.choice([None, 1, 3]) for _ in range(n)], dtype=object),
        "p_text": ["ignored"] * n,
    })


CONDITIONS = [
    {"i": 0}, {"i": -3}, {"i": 2 ** 63 - 1}, {"$neq": {"i": 0}}, {"$lt": {"i": 0}}, {"$gt": {"i": 5}},
    {"$lte": {"i": 5}}, {"$gte": {"i": 2 ** 40}}, {"$gt": {"i": -(2 ** 40)}},
    {"b": True}, {"b": False}, {"$neq": {"b": True}},
    {"s": ""}, {"s": 'a"b'}, {"s": "é"}, {"s": "a\\b"}, {"s": "a\nb"}, {"$neq": {"s": "x"}}, {"$neq": {"s": ""}},
    {"$mt": {"s": "a.*"}}, {"$mt": {"s": ".b"}}, {"$mt": {"s": "[A-Z]+-[0-9]+"}}, {"$mt": {"s": ".*"}},
    {"$mt": {"s": "[^a]*"}}, {"$mt": {"s": "(a|ñ)[a-zñú]{1,4}"}}, {"$mt": {"s": "a..b"}},
    {"$ex": {"n": 1}}, {"$nex": {"n": 1}}, {"n": 1}, {"$neq": {"n": 1}}, {"$gt": {"n": 1}},
    {"$ex": {"s": 1}},
    {"$or": [{"i": 0}, {"b": True}]},
    {"$or": [{"$lt": {"i": 0}}, {"$and": [{"b": False}, {"$neq": {"s": ""}}]}, {"$nex": {"n": 1}}]},
    {"$and": [{"$gte": {"i": 0}}, {"$or": [{"s": "x"}, {"s": "ab"}, {"$mt": {"s": "A.*"}}]}]},
    None,
]


@pytest.mark.parametrize("engine", BOTH)
def test_every_operator_is_correct(engine):
    df = varied_frame()
    rules = [make_rule(f"R{i:02d}", c) for i, c in enumerate(CONDITIONS)]
    got = evaluate(engine, rules, {"k": df})
    records = df.to_dict("records")
    want = sorted((r.id, "k", pos) for r in rules for pos, row in enumerate(records) if ref(r.when, row))
    assert got == want
    for r in rules:                   # no condition is trivially empty or full on this frame (but None)
        hits = sum(1 for m in got if m[0] == r.id)
        assert hits > 0, r.when


@needs_durable
def test_regex_subset_agrees_on_random_text():
    rnd = random.Random(3)
    alphabet = list("abcAZ12.- é\"\\\n\t/ñx") + ["\u2028", "\x7f", "'"]
    values = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 6))) for _ in range(400)]
    df = pd.DataFrame({"unit_seq": 0, "s": values})
    regexes = ["a.b", "a..b", ".+", "[a-c]+", "[^a]*", "(a|b)+c?", "a{2}", "a{1,3}b*", "[0-9]+", "é.*", ".*[.].*",
               ".*-.*", "a b", "[ab]?[12]{1,2}", "(ab)*", ".?.?", "[a-z0-9]*", "[A-Z]", "x|", "[é-ñ]", ".*/.*"]
    for rx in regexes:
        assert rulebase.regex_problem(rx) is None, rx
    rules = [make_rule(f"M{i:02d}", {"$mt": {"s": rx}}) for i, rx in enumerate(regexes)]
    assert evaluate("durable", rules, {"k": df}) == evaluate("pandas", rules, {"k": df})


@pytest.mark.parametrize("engine", BOTH)
def test_absent_or_empty_kind_gives_no_match(engine):
    rules = [make_rule("R01", {"$ex": {"i": 1}}), make_rule("R02", {"$ex": {"i": 1}}, kind="other", check=False)]
    assert evaluate(engine, rules, {}) == []
    assert evaluate(engine, rules, {"k": pd.DataFrame(columns=["unit_seq", "i"])}) == []
    assert evaluate(engine, [], {"k": varied_frame()}) == []


@pytest.mark.parametrize("engine", BOTH)
def test_row_index_is_positional_and_types_are_plain(engine):
    df = pd.DataFrame({"unit_seq": np.array([2, 0, 2, 1], dtype=np.int32),
                       "i": pd.Series([np.int64(3), np.int16(7), 3, np.float64(3.0)], dtype=object),
                       "b": np.array([True, False, True, True]),
                       "s": pd.Series([np.str_("x"), "y", "x", "x"], dtype=object)})
    df.index = [40, 10, 30, 20]
    rules = [make_rule("R01", {"$and": [{"i": 3}, {"b": True}, {"s": "x"}]})]
    assert evaluate(engine, rules, {"k": df}) == [("R01", "k", 0), ("R01", "k", 2), ("R01", "k", 3)]


@pytest.mark.parametrize("engine", BOTH)
def test_facts_without_unit_seq_and_missing_columns(engine):
    df = pd.DataFrame({"i": [1, 2, 3]})
    rules = [make_rule("R01", {"$gt": {"i": 1}}), make_rule("R02", {"$nex": {"s": 1}}),
             make_rule("R03", {"$neq": {"s": "x"}})]
    assert evaluate(engine, rules, {"k": df}) == [("R01", "k", 1), ("R01", "k", 2),
                                                  ("R02", "k", 0), ("R02", "k", 1), ("R02", "k", 2)]


@needs_durable
def test_or_overlap_reported_once():
    df = pd.DataFrame({"unit_seq": [0, 0], "i": [0, 1], "b": [True, False]})
    rules = [make_rule("R01", {"$or": [{"i": 0}, {"b": True}]})]
    assert durable_engine.evaluate(rules, {"k": df}) == [("R01", "k", 0)]


class Recorder:
    """Wraps the C module to count calls and check the adapter's protocol."""

    def __init__(self, real):
        self.real = real
        self.calls: dict = {}
        self.facts_per_call: list = []
        self.names: list = []

    def __getattr__(self, name):
        fn = getattr(self.real, name)

        def wrapper(*args):
            self.calls[name] = self.calls.get(name, 0) + 1
            if name == "assert_fact":
                fact = json.loads(args[1])
                assert isinstance(fact, dict) and len(fact) < 250 and None not in fact.values()
                self.facts_per_call.append(fact)
            if name == "create_ruleset":
                self.names.append(args[0])
            return fn(*args)
        return wrapper


@needs_durable
def test_more_than_1024_units(monkeypatch):
    rec = Recorder(durable_engine._module())
    monkeypatch.setattr(durable_engine, "_module", lambda: rec)
    units = 1100
    df = pd.DataFrame({"unit_seq": np.repeat(np.arange(units), 2), "i": np.tile([0, 1], units),
                       "s": ["a", "b"] * units, "b": [True] * (2 * units)})
    rules = [make_rule("R01", {"i": 1}), make_rule("R02", {"$mt": {"s": "a"}}), make_rule("R03", {"b": False})]
    got = evaluate("durable", rules, {"k": df})
    assert got == evaluate("pandas", rules, {"k": df})
    assert len(got) == 2 * units
    assert rec.calls["create_ruleset"] == 2 and rec.calls["delete_ruleset"] == 2
    assert len(set(rec.names)) == 2
    assert rec.calls["delete_state"] == units
    assert rec.calls["assert_fact"] == 3 * units          # 2 facts + 1 probe per unit, one at a time
    assert "assert_facts" not in rec.calls
    sample = rec.facts_per_call[0]
    assert set(sample) == {"id", "sid", "t", "i", "s", "b"}  # only the fields the rules read
    # ruleset names are never reused, even across calls
    evaluate("durable", rules, {"k": df.head(4)})
    assert len(set(rec.names)) == 3


def test_engine_hash_model():
    assert durable_engine.engine_hash("x496069") == durable_engine.engine_hash("x1035124")
    assert durable_engine.engine_hash("a") != durable_engine.engine_hash("b")


@needs_durable
def test_engine_hash_matches_the_c_engine():
    eng = durable_engine._module()
    handle = eng.create_ruleset("cek_pokja_test_hash", json.dumps({"R": {"all": [{"m": {"t": "k"}}]}}))
    codes = [eng.assert_fact(handle, json.dumps({"id": fid, "sid": "s", "t": "k"}))[0]
             for fid in ("x496069", "x1035124")]
    assert codes == [0, 2]        # distinct ids, one hash: the second fact is dropped as "observed"
    eng.delete_ruleset(handle)    # leaks the state (defect 7 forbids delete_state without an action)


def _colliding_ids(monkeypatch):
    real = durable_engine._fact_id
    forced = {(0, 0): "x496069", (0, 1): "x1035124"}   # equal FNV-1a hashes

    def fact_id(kind_index, row, salt):
        if not salt and (kind_index, row) in forced:
            return forced[(kind_index, row)]
        return real(kind_index, row, salt)
    monkeypatch.setattr(durable_engine, "_fact_id", fact_id)


@needs_durable
def test_colliding_fact_ids_are_salted(monkeypatch):
    _colliding_ids(monkeypatch)
    rec = Recorder(durable_engine._module())
    monkeypatch.setattr(durable_engine, "_module", lambda: rec)
    df = pd.DataFrame({"unit_seq": [0, 0, 0], "i": [1, 1, 0]})
    rules = [make_rule("R01", {"i": 1})]
    assert sorted(durable_engine.evaluate(rules, {"k": df})) == [("R01", "k", 0), ("R01", "k", 1)]
    ids = [f["id"] for f in rec.facts_per_call]
    assert ids[0] == "x496069" and ids[1] != "x1035124" and ids[1].startswith("0.1~")


@needs_durable
def test_colliding_sids_are_salted(monkeypatch):
    real = durable_engine._sid_name
    monkeypatch.setattr(durable_engine, "_sid_name",
                        lambda seq, salt: {0: "x496069", 1: "x1035124"}[seq] if not salt else real(seq, salt))
    df = pd.DataFrame({"unit_seq": [0, 1], "i": [1, 1]})
    assert sorted(durable_engine.evaluate([make_rule("R01", {"i": 1})], {"k": df})) == [("R01", "k", 0), ("R01",
                                                                                                          "k", 1)]


@needs_durable
def test_observed_fact_is_a_hard_error(monkeypatch):
    _colliding_ids(monkeypatch)

    def no_check(make, used):
        return make(0)
    monkeypatch.setattr(durable_engine, "_unique", no_check)
    df = pd.DataFrame({"unit_seq": [0, 0], "i": [1, 1]})
    with pytest.raises(EngineError, match="already observed"):
        durable_engine.evaluate([make_rule("R01", {"i": 1})], {"k": df})


@needs_durable
@pytest.mark.parametrize("values,match", [
    (["1", "2"], "compare it with numbers"),      # defect 6: text compared with a number
    ([float("inf"), 1.0], "infinite"),
    ([[1], [2]], "unsupported value"),
])
def test_unsafe_values_are_refused(values, match):
    df = pd.DataFrame({"unit_seq": [0, 0], "i": pd.Series(values, dtype=object)})
    with pytest.raises(EngineError, match=match):
        durable_engine.evaluate([make_rule("R01", {"$gt": {"i": 0}})], {"k": df})


@needs_durable
def test_text_field_holding_numbers_is_refused():
    df = pd.DataFrame({"unit_seq": [0], "s": [5]})
    with pytest.raises(EngineError, match="compare it with text"):
        durable_engine.evaluate([make_rule("R01", {"s": "5"})], {"k": df})


@needs_durable
def test_too_many_keys_is_refused():
    fields = [f"f{i}" for i in range(247)]
    kind = Kind("w", {f: Field(f, "int", {}) for f in fields}, {})
    when = {"$and": [{"t": "w"}] + [{"$ex": {f: 1}} for f in fields]}
    with pytest.raises(AssertionError, match="248 terms; at most 64"):    # a rule file is refused first (issue 13)
        rulebase.loading._check_when(when, "w", kind, lambda p: (_ for _ in ()).throw(AssertionError(p)))
    rule = Rule(id="W01", slug="w", severity="info", from_stage="rancangan", fact="w", requires=(), when=when,
                basis="b", legal_text="l", title={}, message={}, hint={})
    df = pd.DataFrame({f: [1] for f in fields})
    with pytest.raises(EngineError, match="fewer than 250"):
        durable_engine.evaluate([rule], {"w": df})
    assert durable_engine.evaluate([rule], {"w": pd.DataFrame()}) == []


@needs_durable
def test_engine_keeps_working_after_an_error():
    df = pd.DataFrame({"unit_seq": [0, 1], "i": pd.Series([1, "x"], dtype=object)})
    with pytest.raises(EngineError):
        durable_engine.evaluate([make_rule("R01", {"i": 1})], {"k": df})
    assert durable_engine.evaluate([make_rule("R01", {"i": 1})], {"k": df.head(1)}) == [("R01", "k", 0)]


def test_collect_fallback_parses_other_shapes():
    by_id = {"0.1": ("k", 1), "0.2": ("k", 2)}
    out = []
    fast = '{"R01":{"m":{"id": "0.1", "sid": "u0", "t": "k", "i": 1}}}'
    slow = '{"R02":{"m":{"t": "k", "sid": "u0", "id": "0.2"}}}'
    listed = '{"R03":[{"m":{"id": "0.1", "sid": "u0", "t": "k"}}]}'
    probe = '{"__cek_probe__":{"m":{"id": "__probe__", "sid": "u0", "t": "__cek_probe__"}}}'
    assert not durable_engine._collect(fast, "u0", by_id, out)
    assert not durable_engine._collect(slow, "u0", by_id, out)
    assert not durable_engine._collect(listed, "u0", by_id, out)
    assert durable_engine._collect(probe, "u0", by_id, out)
    assert out == [("R01", "k", 1), ("R02", "k", 2), ("R03", "k", 1)]
    with pytest.raises(EngineError, match="another sid"):
        durable_engine._collect(fast, "u9", by_id, out)
    with pytest.raises(EngineError, match="unknown fact"):
        durable_engine._collect(fast.replace('"0.1"', '"0.7"'), "u0", by_id, out)


# --- engines.run ------------------------------------------------------------------------------

def test_run_pandas_sorted_and_unknown_engine():
    df = varied_frame()
    rules = [make_rule("R02", {"b": True}), make_rule("R01", {"$lt": {"i": 0}})]
    got = engines.run(rules, {"k": df}, "pandas")
    assert got == sorted(got) and got[0][0] == "R01"
    with pytest.raises(EngineError, match="unknown engine"):
        engines.run(rules, {"k": df}, "drools")
    assert engines.ENGINES == ("durable", "pandas")


@needs_durable
def test_run_durable_checks_against_pandas():
    df = varied_frame()
    rules = [make_rule(f"R{i:02d}", c) for i, c in enumerate(CONDITIONS)]
    assert engines.run(rules, {"k": df}, "durable") == engines.run(rules, {"k": df}, "pandas")
    assert engines.default_engine() == "durable"


@needs_durable
def test_mismatch_is_detected(monkeypatch):
    df = pd.DataFrame({"unit_seq": [0, 0, 1], "i": [1, 1, 2]})
    rules = [make_rule("R01", {"i": 1}), make_rule("R02", {"i": 2})]
    real = pandas_engine.evaluate

    def lossy(rules_, facts_):
        got = real(rules_, facts_)
        return [m for m in got if m != ("R01", "k", 1)] + [("R02", "k", 0)]
    monkeypatch.setattr(pandas_engine, "evaluate", lossy)
    with pytest.raises(EngineMismatch) as info:
        engines.run(rules, {"k": df}, "durable")
    err = info.value
    assert err.rule_id == "R01" and err.facts == [("k", 1, "durable")]
    assert err.mismatches == {"R01": [("k", 1, "durable")], "R02": [("k", 0, "pandas")]}
    assert "R01" in str(err) and "k row 1 only in durable" in str(err) and "R02" in str(err)


def test_durable_unavailable(monkeypatch):
    monkeypatch.setattr(durable_engine, "available", lambda: False)
    assert engines.default_engine() == "pandas"
    with pytest.raises(EngineError, match="not available"):
        engines.run([make_rule("R01", {"i": 1})], {}, "durable")


def test_available_is_false_when_import_fails(monkeypatch):
    def broken():
        raise ImportError("undefined symbol: PyEval_CallObject")
    monkeypatch.setattr(durable_engine, "_module", broken)
    monkeypatch.setattr(durable_engine, "_AVAILABLE", None)
    assert durable_engine.available() is False
    with pytest.raises(EngineError, match="not available"):
        durable_engine.evaluate([make_rule("R01", {"i": 1})], {"k": pd.DataFrame({"i": [1]})})


def test_engines_import_is_light():
    import subprocess
    import sys
    code = ("import sys, checker.engines, checker.rulebase; "
            "print(int('pandas' in sys.modules), int('durable_rules_engine' in sys.modules), "
            "int('yaml' in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "0", "0"]
