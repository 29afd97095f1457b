"""`check --per-unit DIR`: one findings workbook per unit, named after its Kode Unit, holding
that unit's findings and its row of the compliance table: what the bureau sends back to each
unit head. Units without a Kode Unit (unreadable files) are only in the combined workbook, and a
unit of the master roster that sent no workbook gets none (output-format.md v3)."""
from __future__ import annotations

import os
import re
from pathlib import Path

from checker.output.findings_workbook import write_workbook
from checker.result import RunResult

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def file_name(code: str, taken: set) -> str:
    """`D1.AS1` -> `D1.AS1.xlsx`; characters no file system takes become '-'; never two alike
    (compared without case, as Windows and macOS do)."""
    stem = _UNSAFE.sub("-", code).strip(".-") or "unit"
    if stem.casefold() in _RESERVED:
        stem = "unit-" + stem
    name, n = stem, 1
    while name.casefold() in taken:
        n += 1
        name = f"{stem}-{n}"
    taken.add(name.casefold())
    return name + ".xlsx"


def write_per_unit(result: RunResult, folder) -> list[Path]:
    """Write every unit's workbook into `folder` (made when missing); the written paths, in
    the order of the units."""
    folder = Path(os.fspath(folder))
    folder.mkdir(parents=True, exist_ok=True)
    codes: list[str] = []
    for inp in result.units():
        if inp.unit and inp.unit not in codes:
            codes.append(inp.unit)
    taken: set = set()
    every_input = [i.path for i in result.inputs]
    return [write_workbook(result.for_unit(code), folder / file_name(code, taken), protect=every_input)
            for code in codes]
