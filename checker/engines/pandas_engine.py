"""Rule conditions as vectorised pandas boolean masks.

Semantics are durable-rules' (measured, 2.0.28): a comparison on an absent (null) field is
false, whatever the operator, except ``$nex``; ``$mt`` is a full match of the regex against
the value's JSON-escaped text (durable matches the raw JSON it was given).
"""
from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd

_CACHE: dict = {}          # json of the condition -> compiled mask function


def evaluate(rules, facts: dict) -> list:
    """(rule_id, kind, positional row index) for every fact row matching a rule of its kind."""
    out = []
    for rule in rules:
        df = facts.get(rule.fact)
        if df is None or len(df) == 0:
            continue
        mask = compile_condition(rule.when, rule.fact)(df)
        out.extend((rule.id, rule.fact, int(i)) for i in np.flatnonzero(mask))
    return out


def compile_condition(when: dict, kind: str):
    key = (kind, json.dumps(when, sort_keys=True, ensure_ascii=False))
    fn = _CACHE.get(key)
    if fn is None:
        fn = _CACHE[key] = _compile(when, kind)
    return fn


def _column(df, name):
    if name in df.columns:
        return df[name]
    return pd.Series([None] * len(df), index=df.index, dtype=object)


def _as_bool(result) -> np.ndarray:
    return pd.Series(result).to_numpy(dtype=bool, na_value=False)


def _escaped(value) -> str:
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _compile(cond: dict, kind: str):
    (key, value), = cond.items()
    if key == "$and":
        parts = [_compile(c, kind) for c in value]
        return lambda df: np.logical_and.reduce([p(df) for p in parts]) if len(parts) > 1 else parts[0](df)
    if key == "$or":
        parts = [_compile(c, kind) for c in value]
        return lambda df: np.logical_or.reduce([p(df) for p in parts]) if len(parts) > 1 else parts[0](df)
    if key == "t":
        return lambda df: np.full(len(df), value == kind, dtype=bool)
    if not key.startswith("$"):
        field, op, lit = key, "$eq", value
    else:
        (field, lit), = value.items()
        op = key

    def present(df):
        return _column(df, field).notna().to_numpy(dtype=bool)

    if op == "$ex":
        return present
    if op == "$nex":
        return lambda df: ~present(df)
    if op == "$mt":
        rx = re.compile(lit, re.S)

        def match(df):
            col = _column(df, field)
            return np.fromiter(((isinstance(v, str) and rx.fullmatch(_escaped(v)) is not None) for v in col),
                               dtype=bool, count=len(col))
        return match
    compare = {
        "$eq": lambda s: s == lit, "$neq": lambda s: s != lit,
        "$lt": lambda s: s < lit, "$gt": lambda s: s > lit,
        "$lte": lambda s: s <= lit, "$gte": lambda s: s >= lit,
    }[op]

    def mask(df):
        col = _column(df, field)
        ok = present(df)
        if ok.all():
            return _as_bool(compare(col))
        out = np.zeros(len(col), dtype=bool)
        if ok.any():
            out[ok] = _as_bool(compare(col[ok]))
        return out
    return mask
