"""`--compare` and `--waivers` as the command line and the web page both do them: the earlier
findings file and the waivers workbook read (each in a reader worker, by the runner the caller
hands in), then applied to a run's result.

    (previous, rows), problem = read_earlier(compare_ref, waivers_ref, read)  # read(ref, task, failed)
    if problem: ...                        # ("compare" | "waivers", error): the caller says it its way
    apply_earlier(result, previous, rows)
"""
from __future__ import annotations

from datetime import date


def read_earlier(compare_ref, waivers_ref, read) -> tuple:
    """((earlier run or None, waiver rows or None), None), or (…, (which, error)) for the first
    file that cannot be used, which "compare" or "waivers" (the caller stops the run):
    `read(ref, task, on_failure)` reads one file (pipeline.run.read_one under the run's limits)."""
    from checker.followup.compare import previous_failed, previous_task
    from checker.followup.waivers import waivers_failed, waivers_task
    got = []
    for which, ref, task, failed in (("compare", compare_ref, previous_task, previous_failed),
                                     ("waivers", waivers_ref, waivers_task, waivers_failed)):
        if ref is None:
            got.append(None)
            continue
        answer = read(ref, task, failed)
        if answer.error is not None:
            return (None, None), (which, answer.error)
        got.append(answer.value)
    return tuple(got), None


def apply_earlier(result, previous, rows) -> None:
    """The waivers, then the comparison with the earlier run, set on `result`."""
    if rows is not None:
        from checker.followup.waivers import apply_waivers
        result.waivers = apply_waivers(result.findings, rows, date.today())
    if previous is not None:
        from checker.followup.compare import compare_result
        result.comparison = compare_result(result, previous)
