"""Atomic output: a crash, an error or Ctrl-C never leaves a half-written report behind."""
from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class OutputIsInputError(ValueError):
    """The output path names one of the input files."""

    def __init__(self, output, input_file):
        super().__init__(f"output {os.fspath(output)!r} is the input file {os.fspath(input_file)!r}")
        self.output = os.fspath(output)
        self.input_file = os.fspath(input_file)


def same_file(a, b) -> bool:
    """True when the two paths name the same file (after resolving links and `..`).

    When both exist the file system decides (hard links, case-insensitive names)."""
    try:
        pa, pb = Path(a).resolve(), Path(b).resolve()
    except (OSError, RuntimeError, ValueError):
        return False
    if pa == pb:
        return True
    try:
        if pa.exists() and pb.exists():
            return os.path.samefile(pa, pb)
    except OSError:
        return False
    return False


def refuse_inputs(output, inputs) -> None:
    """Raise OutputIsInputError when `output` is one of `inputs` (paths)."""
    for item in inputs:
        if item and same_file(output, item):
            raise OutputIsInputError(output, item)


def _create_temp(directory: str, name: str) -> str:
    """Create an empty, exclusively owned file next to the target (mode from the umask)."""
    for _ in range(100):
        tmp = os.path.join(directory, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(f"could not create a temporary file in {directory!r}")


def _fsync_file(path: str) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_output(path) -> Iterator[str]:
    """Yield a temporary path in the target's folder; on success it replaces `path`.

    On any exception (KeyboardInterrupt included) the temporary file is removed and the
    existing `path`, if any, is left untouched."""
    target = os.path.abspath(os.fspath(path))
    directory, name = os.path.split(target)
    tmp = _create_temp(directory, name)
    try:
        yield tmp
        if os.path.exists(target):
            try:
                shutil.copymode(target, tmp)
            except OSError:
                pass
        _fsync_file(tmp)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_text_atomic(path, text: str, encoding: str = "utf-8") -> None:
    """Write `text` to `path` atomically (LF line ends on every platform)."""
    with atomic_output(path) as tmp:
        with open(tmp, "w", encoding=encoding, newline="\n") as fh:
            fh.write(text)
