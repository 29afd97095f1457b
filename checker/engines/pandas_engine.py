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


class _Columns:
    """A fact table's columns as numpy arrays with their null masks, each made once per run
    (the rules test the same few columns again and again)."""

    def __init__(self, df):
        self.df = df
        self.n = len(df)
        self._cache: dict = {}

    def get(self, name):
        got = self._cache.get(name)
        if got is None:
            if name in self.df.columns:
                values = self.df[name].to_numpy()
                present = np.ones(self.n, dtype=bool) if values.dtype.kind in "biu" else ~pd.isna(values)
            else:
                values, present = np.full(self.n, None, dtype=object), np.zeros(self.n, dtype=bool)
            got = self._cache[name] = (values, present)
        return got

    def __len__(self):
        return self.n


def evaluate(rules, facts: dict) -> list:
    """(rule_id, kind, positional row index) for every fact row matching a rule of its kind."""
    out = []
    tables: dict = {}
    for rule in rules:
        df = facts.get(rule.fact)
        if df is None or len(df) == 0:
            continue
        cols = tables.get(rule.fact)
        if cols is None:
            cols = tables[rule.fact] = _Columns(df)
        mask = compile_condition(rule.when, rule.fact)(cols)
        out.extend((rule.id, rule.fact, int(i)) for i in np.flatnonzero(mask))
    return out


def compile_condition(when: dict, kind: str):
    key = (kind, json.dumps(when, sort_keys=True, ensure_ascii=False))
    fn = _CACHE.get(key)
    if fn is None:
        fn = _CACHE[key] = _compile(when, kind)
    return fn


def _as_bool(result) -> np.ndarray:
    return np.asarray(result, dtype=bool)


def _escaped(value) -> str:
    return json.dumps(value, ensure_ascii=False)[1:-1]


def _compile(cond: dict, kind: str):
    (key, value), = cond.items()
    if key == "$and":
        parts = [_compile(c, kind) for c in value]
        return lambda cols: np.logical_and.reduce([p(cols) for p in parts]) if len(parts) > 1 else parts[0](cols)
    if key == "$or":
        parts = [_compile(c, kind) for c in value]
        return lambda cols: np.logical_or.reduce([p(cols) for p in parts]) if len(parts) > 1 else parts[0](cols)
    if key == "t":
        return lambda cols: np.full(len(cols), value == kind, dtype=bool)
    if not key.startswith("$"):
        field, op, lit = key, "$eq", value
    else:
        (field, lit), = value.items()
        op = key

    def present(cols):
        return cols.get(field)[1]

    if op == "$ex":
        return present
    if op == "$nex":
        return lambda cols: ~present(cols)
    if op == "$mt":
        rx = re.compile(lit, re.S)

        def match(cols):
            values = cols.get(field)[0]
            return np.fromiter(((isinstance(v, str) and rx.fullmatch(_escaped(v)) is not None) for v in values),
                               dtype=bool, count=len(values))
        return match
    compare = {
        "$eq": lambda s: s == lit, "$neq": lambda s: s != lit,
        "$lt": lambda s: s < lit, "$gt": lambda s: s > lit,
        "$lte": lambda s: s <= lit, "$gte": lambda s: s >= lit,
    }[op]

    def mask(cols):
        values, ok = cols.get(field)
        if ok.all():
            return _as_bool(compare(values))
        out = np.zeros(len(values), dtype=bool)
        if ok.any():
            out[ok] = _as_bool(compare(values[ok]))
        return out
    return mask
