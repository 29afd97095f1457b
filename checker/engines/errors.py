"""What can go wrong in an engine."""
from __future__ import annotations


class EngineError(Exception):
    """An engine could not evaluate the rules (unavailable, or refused a fact or ruleset)."""


class EngineMismatch(Exception):
    """durable-rules and pandas disagree.

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
