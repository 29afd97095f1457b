"""Files a test process makes once and hands a copy of to each test that asks: kept in a
folder of the process's own (each xdist worker has one), removed when the process ends.

    path = made_once(key, lambda target: write(target), suffix=".xlsx")   # the cached file
"""
from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


@functools.cache
def folder() -> Path:
    made = Path(tempfile.mkdtemp(prefix="cek-pokja-test-files-"))
    atexit.register(shutil.rmtree, made, ignore_errors=True)
    return made


def made_once(key: str, make: Callable[[Path], object], suffix: str = "") -> Path:
    """The file `make(target)` writes, made the first time `key` is asked for in this process."""
    path = folder() / f"{key}{suffix}"
    if not path.exists():
        part = path.with_name(path.name + ".part")
        make(part)
        part.replace(path)
    return path
