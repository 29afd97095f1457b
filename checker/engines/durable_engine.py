"""durable-rules 2.0.28 through its C extension, with every precaution of
``../shared/notes/durable-rules.md`` (defect numbers below refer to that table).

- No ``Host``, no threads (1): the C functions are called directly and actions are drained
  with ``start_action`` / ``complete_and_start_action`` until None.
- One sid per unit (``unit_seq``), processed one at a time: its facts are asserted ONE at a
  time (3) as ``json.dumps(allow_nan=False)`` with only ``t``, ``id``, ``sid`` and the
  condition fields the rules read (fewer than 250 keys), null values left out; assert codes
  other than 0 (handled) and 1 (no rule matched) are errors, 2 (``observed``) included (2).
- Fact ids and sids are checked for collisions of the engine's 32-bit hash (2) within their
  sid / ruleset (the id ``sid-<sid>`` of the engine's own state fact included), salted until
  unique. The engine hashes with FNV-1a (xor, then multiply; bytes as signed char), as
  measured on 2.0.28 (``src/rules/state.c`` ``fnv1Hash32``).
- A probe rule fires on a probe fact in every sid, so one action has completed there before
  ``delete_state`` (7); every sid is deleted, then the ruleset; a new ruleset (unique name)
  every 1000 sids (a ruleset holds at most 1024).
- Conditions are single-fact patterns that constrain ``t`` (8): no ``none()``, joins or
  ``count`` (4, 5, 9); a text field compared with a number is refused (6).
"""
from __future__ import annotations

import itertools
import json
import math
import os
import re
import threading

from checker.engines.engine_errors import EngineError

MAX_SIDS_PER_RULESET = 1000
MAX_KEYS = 250                      # a fact must have fewer keys than this (252 is fatal)
PROBE_RULE = "__cek_probe__"
PROBE_KIND = "__cek_probe__"
PROBE_ID = "__probe__"
ASSERT_OK = (0, 1)                  # 0: handled, 1: no rule matched the fact

_LOCK = threading.RLock()
_COUNTER = itertools.count(1)       # process-global: ruleset names are never reused
_AVAILABLE: bool | None = None


def _module():
    import durable_rules_engine

    return durable_rules_engine


def available() -> bool:
    """True when the durable-rules C extension imports and passes a smoke test."""
    global _AVAILABLE
    if _AVAILABLE is None:
        try:
            _module()

            class _Probe:
                id, fact, when = "X00", "k", {"$and": [{"t": "k"}, {"$gt": {"x": 0}}]}

                @staticmethod
                def fields_used():
                    return {"x"}

            import pandas as pd

            got = evaluate([_Probe], {"k": pd.DataFrame({"unit_seq": [0, 0], "x": [1, 0]})})
            _AVAILABLE = got == [("X00", "k", 0)]
        except Exception:
            _AVAILABLE = False
    return _AVAILABLE


def engine_hash(text: str) -> int:
    """The 32-bit hash durable-rules indexes fact ids and sids by (FNV-1a over signed chars)."""
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        if b >= 0x80:
            b |= 0xFFFFFF00
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def _fact_id(kind_index: int, row: int, salt: int) -> str:
    return f"{kind_index}.{row}" if not salt else f"{kind_index}.{row}~{salt}"


def _sid_name(unit_seq: int, salt: int) -> str:
    return f"u{unit_seq}" if not salt else f"u{unit_seq}~{salt}"


def _unique(make, used: set) -> str:
    for salt in range(1000):
        name = make(salt)
        h = engine_hash(name)
        if h not in used:
            used.add(h)
            return name
    raise EngineError("no_unique_id")


def _expected_types(rules) -> dict:
    """(kind, field) -> "str" | "num" from the rules' literals (a field no rule compares: absent)."""
    out: dict = {}

    def walk(kind, cond):
        (key, value), = cond.items()
        if key in ("$and", "$or"):
            for sub in value:
                walk(kind, sub)
            return
        if key == "t":
            return
        if key.startswith("$"):
            if key in ("$ex", "$nex"):
                return
            (field, lit), = value.items()
        else:
            field, lit = key, value
        out[(kind, field)] = "str" if isinstance(lit, str) else "num"

    for rule in rules:
        walk(rule.fact, rule.when)
    return out


def _plain(value, pd, np):
    """A fact value as a plain JSON-able Python value, or None for null."""
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if math.isnan(value):
            return None
        if math.isinf(value):
            raise EngineError("infinite", value=value)
        return int(value) if value.is_integer() else value
    if isinstance(value, str):
        return str(value)
    if value is pd.NA or value is pd.NaT:
        return None
    raise EngineError("unsupported_value", value=repr(value), type=type(value).__name__)


def _column_values(series, kind, field, want, pd, np) -> list:
    """The column as plain Python values (None for null), type-checked against the rules' literals
    (defect 6: a text field compared with a number, or the reverse, is refused)."""
    dtype = series.dtype
    numeric = dtype.kind in "biu" and not isinstance(dtype, pd.api.extensions.ExtensionDtype)
    if numeric:
        values = series.tolist()                  # numpy bool / int: plain bool / int, never null
    else:
        values = [_plain(v, pd, np) for v in series.tolist()]
    if want is not None and not (numeric and want != "str"):
        text = want == "str"
        for row, v in enumerate(values):
            if v is not None and isinstance(v, str) != text:
                raise EngineError("compared_with_text" if text else "compared_with_numbers", kind=kind, row=row,
                                  field=field, value=repr(v))
    return values


class _Session:
    """The current ruleset: created lazily, replaced every MAX_SIDS_PER_RULESET sids."""

    def __init__(self, eng, definition_json: str):
        self.eng = eng
        self.definition_json = definition_json
        self.handle = None
        self.sids = 0
        self.sid_hashes: set = set()

    def ensure(self):
        if self.handle is not None and self.sids >= MAX_SIDS_PER_RULESET:
            self.close()
        if self.handle is None:
            name = f"cek_pokja_{os.getpid()}_{next(_COUNTER)}"
            try:
                self.handle = self.eng.create_ruleset(name, self.definition_json)
            except Exception as e:
                raise EngineError("ruleset_refused", detail=str(e)) from e
            self.sids = 0
            self.sid_hashes = set()
        self.sids += 1
        return self.handle

    def close(self):
        if self.handle is not None:
            handle, self.handle = self.handle, None
            self.eng.delete_ruleset(handle)


def evaluate(rules, facts: dict) -> list:
    """(rule_id, kind, positional row index) for every fact row matching a rule of its kind."""
    rules = list(rules)
    if not rules:
        return []
    try:
        eng = _module()
    except Exception as e:
        raise EngineError("not_loaded", detail=str(e)) from e
    import numpy as np
    import pandas as pd

    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids) or PROBE_RULE in ids:
        raise EngineError("duplicate_ids")
    definition = {r.id: {"all": [{"m": r.when}]} for r in rules}
    definition[PROBE_RULE] = {"all": [{"m": {"t": PROBE_KIND}}]}
    try:
        definition_json = json.dumps(definition, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise EngineError("not_json", detail=str(e)) from e
    expected = _expected_types(rules)

    kinds = sorted({r.fact for r in rules})
    tables = []                          # (kind, fields, columns, {unit_seq: positions})
    units: set = set()
    for kind in kinds:
        if kind == PROBE_KIND:
            raise EngineError("reserved_kind", kind=repr(kind))
        df = facts.get(kind)
        if df is None or len(df) == 0:
            continue
        fields = sorted(set().union(*(r.fields_used() for r in rules if r.fact == kind)) - {"t"})
        bad = [f for f in fields if f in ("id", "sid")]
        if bad:
            raise EngineError("reserved_fields", kind=kind, fields=str(bad))
        if len(fields) + 3 >= MAX_KEYS:
            raise EngineError("too_many_keys", kind=kind, n=len(fields) + 3, max=MAX_KEYS)
        n = len(df)
        columns = [_column_values(df[f], kind, f, expected.get((kind, f)), pd, np) if f in df.columns
                   else [None] * n for f in fields]
        if "unit_seq" in df.columns:
            seqs = df["unit_seq"].to_numpy()
            groups = {int(k): v for k, v in pd.Series(np.arange(n)).groupby(seqs, sort=True).indices.items()}
        else:
            groups = {0: np.arange(n)}
        units.update(groups)
        tables.append((kind, fields, columns, groups))
    if not tables:
        return []

    out: list = []
    with _LOCK:
        session = _Session(eng, definition_json)
        try:
            for seq in sorted(units):
                _run_unit(session, seq, tables, out)
        finally:
            session.close()
    # a fact matching several branches of an $or fires its rule once per branch
    return list(dict.fromkeys(out))


def _run_unit(session, seq, tables, out):
    eng = session.eng
    handle = session.ensure()
    sid = _unique(lambda salt: _sid_name(seq, salt), session.sid_hashes)
    used = {engine_hash(f"sid-{sid}")}   # the engine's own state fact lives in the sid too
    probe_id = _unique(lambda salt: PROBE_ID if not salt else f"{PROBE_ID}~{salt}", used)
    by_id: dict = {}
    completed = probed = False
    try:
        for kind_index, (kind, fields, columns, groups) in enumerate(tables):
            rows = groups.get(seq)
            if rows is None:
                continue
            for row in rows.tolist():
                fid = _unique(lambda salt, k=kind_index, r=row: _fact_id(k, r, salt), used)
                by_id[fid] = (kind, row)
                fact = {"id": fid, "sid": sid, "t": kind}
                for f, col in zip(fields, columns):
                    v = col[row]
                    if v is not None:
                        fact[f] = v
                _assert(eng, handle, fact)
        _assert(eng, handle, {"id": probe_id, "sid": sid, "t": PROBE_KIND})

        result = eng.start_action(handle)
        while result is not None:
            _state, messages, action = result
            while messages:
                probed |= _collect(messages, sid, by_id, out)
                messages = eng.complete_and_start_action(handle, action)
                completed = True
            result = eng.start_action(handle)
        if not (completed and probed):
            raise EngineError("no_action", sid=sid)
    except Exception as e:
        if completed:                    # defect 7: never delete a sid where no action completed
            try:
                eng.delete_state(handle, sid)
            except Exception:
                pass
        if isinstance(e, EngineError):
            raise
        raise EngineError("unit_failed", seq=seq, detail=str(e)) from e
    try:
        eng.delete_state(handle, sid)
    except Exception as e:
        raise EngineError("delete_failed", sid=sid, detail=str(e)) from e


def _assert(eng, handle, fact: dict):
    try:
        text = json.dumps(fact, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise EngineError("not_serialisable", id=fact.get("id"), detail=str(e)) from e
    try:
        code = eng.assert_fact(handle, text)[0]
    except Exception as e:
        raise EngineError("fact_refused", fact=text[:200], detail=str(e)) from e
    if code not in ASSERT_OK:
        if code == 2:
            raise EngineError("id_collision", fact=text[:200])
        raise EngineError("assert_code", code=code, fact=text[:200])


# The message of a single-pattern rule's action is {"RULE":{"m":FACT}} with FACT the text this
# adapter serialised (keys id, sid, t first); parsed by a regex when it has exactly that shape.
_MESSAGE_RE = re.compile(r'\{"([^"\\]+)":\{"m":\{"id": "([^"\\]+)", "sid": "([^"\\]+)", "t": "([^"\\]+)"'
                         r'.*\}\}\}\Z', re.S)


def _collect(messages: str, sid: str, by_id: dict, out: list) -> bool:
    """Append the (rule_id, kind, row) of one action's message; True for the probe rule."""
    m = _MESSAGE_RE.match(messages)
    if m is not None and messages.count('"m":{') == 1:
        found = [(m.group(1), m.group(2), m.group(3), m.group(4))]
    else:
        found = []
        for rule_id, frame in json.loads(messages).items():
            for f in frame if isinstance(frame, list) else [frame]:
                fact = f.get("m", f) if isinstance(f, dict) else None
                if not isinstance(fact, dict):
                    raise EngineError("unexpected_action", messages=messages[:200])
                found.append((rule_id, fact.get("id"), fact.get("sid"), fact.get("t")))
    probe = False
    for rule_id, fid, fsid, kind in found:
        if fsid != sid:
            raise EngineError("other_sid", messages=messages[:200])
        if rule_id == PROBE_RULE:
            probe = True
            continue
        where = by_id.get(fid)
        if where is None or where[0] != kind:
            raise EngineError("unknown_fact", messages=messages[:200])
        out.append((rule_id, kind, where[1]))
    return probe
