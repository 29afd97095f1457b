"""The one place the golden tests touch the checker's internals: the fact tables of a run.
(Kept apart so that moving modules changes only this file, never the golden data.)"""
from __future__ import annotations


def fact_tables(args: list[str], stage: str) -> dict:
    from checker.facts import assemble
    from checker.pipeline import run
    return assemble.build(run.unit_facts(run.discover(args), stage)).tables
