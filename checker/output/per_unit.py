"""`check --per-unit DIR`: one findings workbook per input file, holding that file's findings
(and those of the decree drafts checked with it) and its row of the compliance table: what the
bureau sends back to each unit head (output-format.md v3: a unit's results belong to its input
file). Two workbooks with one Kode Unit (X05) get two hand-outs, each with its own findings; a
workbook without a Kode Unit, an unreadable one, and a draft checked alone get theirs, named
after the file; a unit of the master roster that sent no workbook gets none.

Names: `D1.AS1.xlsx` after the Kode Unit; a code two workbooks share becomes `D1.AS1_<file
stem>.xlsx` for each of them (neither is "the" D1.AS1); without a code, `<file stem>.xlsx`."""
from __future__ import annotations

import os
import re
from pathlib import Path

from checker.output.findings_workbook import write_workbook
from checker.result import RunResult

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
MAX_STEM = 120              # well inside every file system's 255 bytes for a name


def file_name(code: str, taken: set) -> str:
    """`D1.AS1` -> `D1.AS1.xlsx`; characters no file system takes become '-'; never two alike
    (compared without case, as Windows and macOS do)."""
    stem = _UNSAFE.sub("-", code).strip(".-")[:MAX_STEM] or "unit"
    if stem.casefold() in _RESERVED:
        stem = "unit-" + stem
    name, n = stem, 1
    while name.casefold() in taken:
        n += 1
        name = f"{stem}-{n}"
    taken.add(name.casefold())
    return name + ".xlsx"


def _stem(path: str) -> str:
    base = os.path.basename((path or "").replace("\\", "/"))
    return os.path.splitext(base)[0] or base


def hand_outs(result: RunResult) -> list:
    """(input, name wanted) of every hand-out, in the scorecard's order."""
    out = []
    for inp in (i for i in result.owners() if i.status != "not_submitted"):
        if inp.unit and not result.shares_code(inp):
            out.append((inp, inp.unit))
        elif inp.unit:
            out.append((inp, f"{inp.unit}_{_stem(inp.file)}"))
        else:
            out.append((inp, _stem(inp.file)))
    return out


def write_per_unit(result: RunResult, folder) -> list[Path]:
    """Write every input's hand-out into `folder` (made when missing); the written paths, in
    the scorecard's order."""
    folder = Path(os.fspath(folder))
    folder.mkdir(parents=True, exist_ok=True)
    taken: set = set()
    every_input = [i.path for i in result.inputs]
    return [write_workbook(result.for_input(inp), folder / file_name(name, taken), protect=every_input,
                           hand_out=True)
            for inp, name in hand_outs(result)]
