"""The one place the golden tests touch the checker's internals: the fact tables of a run.
(Kept apart so that moving modules changes only this file, never the golden data.)"""
from __future__ import annotations


def fact_tables(args: list[str], stage: str) -> dict:
    from checker import run
    from checker.facts import assemble as facts
    files = run.discover(args)
    items = run.load_all(files, "id", jobs=1, limits=None)
    return facts.build(items, stage).tables
