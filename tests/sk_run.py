"""Runs of the checker over the example unit's workbook and decree drafts (tests/decree/):
the workbooks by their edits (tests/rule_examples.py), the drafts by their changes
(rule_examples.make_draft, or raw bytes), through the real pipeline.

    result = check_run(tmp_path, drafts={"sk-d9-as1.docx": {"set": {"number": ""}}})
    result = check_run(tmp_path, workbooks={}, drafts={"sk.docx": {}})          # a draft alone
    result = check_run(tmp_path, drafts={"a.docx": b"%PDF-1.4"}, folder=True)   # the folder given
"""
from __future__ import annotations

from pathlib import Path

from rule_examples import build, build_draft

from checker.pipeline import run


def write_inputs(directory: Path, workbooks: dict | None = None, drafts: dict | None = None) -> list[str]:
    """The workbooks ({file: edits}; default the example unit as unit.xlsx) and drafts ({file:
    changes, or bytes}) written in `directory`, in that order."""
    directory.mkdir(parents=True, exist_ok=True)
    workbooks = {"unit.xlsx": []} if workbooks is None else workbooks
    paths = [str(build(edits, directory / name)) for name, edits in workbooks.items()]
    for name, spec in (drafts or {}).items():
        if isinstance(spec, bytes):
            (directory / name).write_bytes(spec)
            paths.append(str(directory / name))
        else:
            paths.append(str(build_draft({**spec, "file": name}, directory)))
    return paths


def check_run(tmp_path: Path, workbooks: dict | None = None, drafts: dict | None = None, *, stage="penetapan",
              engine="pandas", folder=False, lang="id", **kw):
    paths = write_inputs(Path(tmp_path) / "in", workbooks, drafts)
    given = [str(Path(tmp_path) / "in")] if folder else paths
    return run.check(given, stage=stage, engine=engine, lang=lang, **kw)


def rules_of(result, file_suffix: str | None = None) -> list[str]:
    """The rule IDs of the findings (of one file), sorted."""
    return sorted(f.rule for f in result.findings if file_suffix is None or (f.file or "").endswith(file_suffix))


def draft_input(result, name: str):
    return next(i for i in result.inputs if i.kind == "sk" and i.file.endswith(name))
