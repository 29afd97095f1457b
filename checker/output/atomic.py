"""Atomic output: a crash, an error, a full disk or Ctrl-C never leaves a half-written report
behind, nor any temporary file, and no output is ever written onto an input."""
from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from checker.load.inputref import same_file, shown_name
from checker.texts import UserError

# The files of the current run that no output may replace (the unit workbooks, the roster, the
# --compare and --waivers files): set by output/plan.py around a run's writing, checked by
# every atomic write, so that no writer can forget it. A ContextVar, so that the threads of a
# web server never see another request's inputs.
_PROTECTED: ContextVar[tuple] = ContextVar("cek_pokja_protected_inputs", default=())


class OutputIsInputError(UserError, ValueError):
    """The output path names one of the input files (the last guard: output/plan.py refuses
    such a plan before anything is written, naming the option)."""
    PREFIX = "err."

    def __init__(self, output, input_file, option: str = "-o"):
        self.output = os.fspath(output)
        self.input_file = os.fspath(input_file)
        super().__init__("output_is_input", path=shown_name(output), option=option)


def refuse_inputs(output, inputs) -> None:
    """Raise OutputIsInputError when `output` is one of `inputs` (paths)."""
    for item in inputs:
        if item and same_file(output, item):
            raise OutputIsInputError(output, item)


@contextmanager
def protecting(paths) -> Iterator[None]:
    """Within this block, every atomic write refuses to replace any of `paths`."""
    token = _PROTECTED.set(_PROTECTED.get() + tuple(p for p in paths if p))
    try:
        yield
    finally:
        _PROTECTED.reset(token)


def _create_temp(directory: str) -> str:
    """Create an empty, exclusively owned file next to the target (mode from the umask). The
    name is short (17 characters), not the target's name plus a suffix: a target whose name is
    near the file system's limit (255 bytes) can still be written."""
    for _ in range(100):
        tmp = os.path.join(directory, f".cek-{secrets.token_hex(4)}.tmp")
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


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


@contextmanager
def atomic_output(path) -> Iterator[str]:
    """Yield a temporary path in the target's folder; on success it replaces `path`.

    Refuses (OutputIsInputError) a target that is one of the run's protected inputs. On any
    exception (KeyboardInterrupt and SIGTERM included) the temporary file is removed and the
    existing `path`, if any, is left untouched."""
    target = os.path.abspath(os.fspath(path))
    refuse_inputs(target, _PROTECTED.get())
    directory = os.path.dirname(target)
    tmp = _create_temp(directory)
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
        _remove(tmp)
        raise


@contextmanager
def scratch_folder() -> Iterator[str]:
    """A private temporary folder (XlsxWriter's `tmpdir`), removed with all it holds when the
    block ends, however it ends: a writer's own temporary files never outlive the run."""
    folder = tempfile.mkdtemp(prefix="cek-pokja-")
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def write_text_atomic(path, text: str, encoding: str = "utf-8") -> None:
    """Write `text` to `path` atomically (LF line ends on every platform)."""
    with atomic_output(path) as tmp:
        with open(tmp, "w", encoding=encoding, newline="\n") as fh:
            fh.write(text)
