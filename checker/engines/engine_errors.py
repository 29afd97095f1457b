"""What can go wrong in an engine."""
from __future__ import annotations

from checker.texts import UserError


class EngineError(UserError):
    """An engine could not evaluate the rules: unavailable, or it refused the rule set or a fact
    (a rule base of --rules DIR it cannot run). Told in the user's language ("engine." + key,
    checker/texts/engine_texts.py); durable-rules' own words stay in {detail}."""
    PREFIX = "engine."

    def __reduce__(self):
        return (_engine_error, (self.key, self.params))


def _engine_error(key: str, params: dict) -> EngineError:
    return EngineError(key, **params)


class EngineMismatch(Exception):
    """durable-rules and pandas disagree.

    Not a UserError: no input and no rule file the user could change explains it; it is a
    defect of durable-rules or of our adapter, reported as an internal error (exit 4) for the
    developers, in English, with the rows to reproduce it.

    ``rule_id`` is the first rule (by id) that differs and ``facts`` its differing facts as
    (kind, row index, engine that had the match); ``mismatches`` holds every differing rule.
    """

    def __init__(self, rule_id: str, facts: list, mismatches: dict | None = None):
        self.rule_id = rule_id
        self.facts = list(facts)
        self.mismatches = mismatches if mismatches is not None else {rule_id: self.facts}
        shown = ", ".join(f"{kind} row {row} only in {engine}" for kind, row, engine in self.facts[:10])
        more = f" (+{len(self.facts) - 10} more)" if len(self.facts) > 10 else ""
        others = len(self.mismatches) - 1
        tail = f"; {others} other rule(s) differ too: {', '.join(sorted(self.mismatches)[1:6])}" if others else ""
        super().__init__(f"engines disagree on rule {rule_id}: {shown}{more}{tail}")
