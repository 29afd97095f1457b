"""Rule engines: durable-rules (through a defensive adapter) and pandas boolean masks.

``run()`` evaluates with the chosen engine; with durable it also evaluates with pandas and
raises :class:`EngineMismatch` on any difference, so a durable-rules defect cannot silently
change the findings. Neither pandas nor durable-rules is imported until an engine runs.
"""
from __future__ import annotations

from checker.engines.engine_errors import EngineError, EngineMismatch

ENGINES = ("durable", "pandas")


def default_engine() -> str:
    """durable where durable-rules is installed and works, else pandas: it is installed from a
    source package with C code, only where it builds (setup.cfg: Linux, Python < 3.13; elsewhere
    the `[durable]` extra), and the pandas engine gives the same findings (cross-checked in CI).
    The command line says once in its summary when the default fell back to pandas."""
    from . import durable_engine

    return "durable" if durable_engine.available() else "pandas"


def fell_back(asked: str | None, used: str) -> bool:
    """Whether the engine `used` is pandas only because durable-rules is not available (nobody
    asked for an engine)."""
    return asked is None and used == "pandas"


def _sorted(matches) -> list:
    return sorted(set(matches), key=lambda m: (m[0], m[1], m[2]))


def run(rules, facts: dict, engine: str) -> list:
    """Matches (rule_id, kind, row index), sorted by rule id, kind, row."""
    rules = list(rules)
    if engine == "pandas":
        from . import pandas_engine

        return _sorted(pandas_engine.evaluate(rules, facts))
    if engine != "durable":
        raise EngineError("unknown", engine=repr(engine), engines=", ".join(ENGINES))
    from . import durable_engine, pandas_engine

    if not durable_engine.available():
        raise EngineError("unavailable")
    got = set(durable_engine.evaluate(rules, facts))
    want = set(pandas_engine.evaluate(rules, facts))
    if got != want:
        diff: dict = {}
        for rule_id, kind, row in got - want:
            diff.setdefault(rule_id, []).append((kind, row, "durable"))
        for rule_id, kind, row in want - got:
            diff.setdefault(rule_id, []).append((kind, row, "pandas"))
        for facts_ in diff.values():
            facts_.sort()
        first = min(diff)
        raise EngineMismatch(first, diff[first], diff)
    return _sorted(got)
