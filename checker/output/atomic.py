"""Atomic output: a crash, an error, a full disk or Ctrl-C never leaves a half-written report
behind, nor any temporary file, and no output is ever written onto an input.

A process killed outright (SIGKILL, a power cut) cannot remove its temporaries: a
`.cek-XXXXXXXX.tmp` beside the output (it may hold unit data), a `cek-pokja-XXXXXXXX`
scratch folder in the system's temporary folder, a web server's `cek-pokja-web-XXXXXXXX`
upload folder. The next run removes those that are provably its own and abandoned:
- the exact name pattern this module makes (TEMP_FILE, a prefix and 8 random characters);
- a regular file or a folder (never a link), owned by the same user (POSIX);
- not locked: every temporary is locked (flock, exclusive) by the process that writes it,
  for as long as it lives; the kernel releases the lock when that process dies however it
  dies, so a lock that can be taken means that nobody works there any more. A folder holds
  its lock in `.lock`, locked before it gets that name, so a folder without one is not ours;
- a file is also old enough (STALE_AFTER_S since it last changed): the moment between its
  creation and its lock is never mistaken for an abandoned file.
Where no lock exists (Windows), a file or folder another process has open cannot be
deleted, so the same sweep removes only what nobody holds. Sweeping is best effort: what
cannot be proven is left alone, and a failure never stops the run.
"""
from __future__ import annotations

import os
import re
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
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


TEMP_FILE = re.compile(r"\.cek-[0-9a-f]{8}\.tmp")             # beside an output (_create_temp)
SCRATCH_PREFIX = "cek-pokja-"                                  # scratch_folder, in the system's temp folder
LOCK_NAME = ".lock"                                            # a private folder's lock (owned_folder)
STALE_AFTER_S = 60.0


def try_lock(fd: int) -> bool:
    """An exclusive lock on an open file, without waiting: True when taken (or where locks do
    not exist: Windows, whose open files cannot be deleted anyway)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _create_temp(directory: str) -> tuple[str, int]:
    """Create an empty, exclusively owned file next to the target (mode from the umask), locked
    while this process lives (module doc); (its path, the open descriptor holding the lock).
    The name is short (17 characters), not the target's name plus a suffix: a target whose
    name is near the file system's limit (255 bytes) can still be written."""
    sweep_stale_files(directory)
    for _ in range(100):
        tmp = os.path.join(directory, f".cek-{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o666)
        except FileExistsError:
            continue
        try_lock(fd)
        return tmp, fd
    raise FileExistsError(f"could not create a temporary file in {directory!r}")


_SWEPT: set = set()


def sweep_stale_files(directory: str, now: float | None = None) -> list[str]:
    """Remove the abandoned `.cek-XXXXXXXX.tmp` files of `directory` (module doc), once per
    folder and process; the names removed."""
    key = os.path.normcase(os.path.abspath(directory))
    if now is None and key in _SWEPT:
        return []
    _SWEPT.add(key)
    now = time.time() if now is None else now
    gone = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return gone
    for entry in entries:
        if TEMP_FILE.fullmatch(entry.name) and _abandoned_file(entry.path, now):
            gone.append(entry.name)
    return gone


def _ours(info) -> bool:
    return not hasattr(os, "geteuid") or info.st_uid == os.geteuid()


def _abandoned_file(path: str, now: float) -> bool:
    """Remove `path` when it is a regular file of ours, old enough and locked by nobody."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or not _ours(info) or now - info.st_mtime < STALE_AFTER_S:
            return False
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    try:
        if not try_lock(fd) or not os.path.samestat(os.fstat(fd), info):
            return False
        os.unlink(path)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


@contextmanager
def owned_folder(prefix: str, parent: str | None = None) -> Iterator[str]:
    """A private folder `<parent>/<prefix>XXXXXXXX` (mode 0700) whose `.lock` is held while the
    block runs: the proof (module doc) that lets a later run remove it if this process is
    killed. Removed with all it holds when the block ends, however it ends."""
    folder, fd = make_owned_folder(prefix, parent)
    try:
        yield folder
    finally:
        remove_owned_folder(folder, fd)


def make_owned_folder(prefix: str, parent: str | None = None) -> tuple[str, int | None]:
    """(folder, descriptor holding its lock) of a new private folder (owned_folder, for a
    caller whose folder outlives a block: the web server's uploads)."""
    folder = tempfile.mkdtemp(prefix=prefix, dir=parent)
    return folder, _lock_folder(folder)


def remove_owned_folder(folder: str, fd: int | None) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    if fd is not None:
        with suppress(OSError):
            os.close(fd)


def _lock_folder(folder: str) -> int | None:
    """Lock `folder/.lock`: made under another name, locked, then renamed, so that `.lock`
    never exists unlocked while its process lives."""
    try:
        staging = os.path.join(folder, ".lock-" + secrets.token_hex(4))
        fd = os.open(staging, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        try_lock(fd)
        os.replace(staging, os.path.join(folder, LOCK_NAME))
        return fd
    except OSError:  # pragma: no cover - a folder we just made
        return None


def sweep_stale_folders(prefix: str, parent: str | None = None) -> list[str]:
    """Remove the abandoned `<prefix>XXXXXXXX` folders of `parent` (the system's temporary folder
    by default): ours, holding a `.lock` that nobody holds (module doc). The names removed."""
    parent = parent or tempfile.gettempdir()
    pattern = re.compile(re.escape(prefix) + r"[a-z0-9_]{8}")
    gone = []
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return gone
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        lock = os.path.join(entry.path, LOCK_NAME)
        try:
            info = os.lstat(entry.path)
            if not stat.S_ISDIR(info.st_mode) or not _ours(info) or not os.path.isfile(lock):
                continue                     # no lock file: not provably ours
        except OSError:
            continue
        if _unheld(lock):
            shutil.rmtree(entry.path, ignore_errors=True)
            gone.append(entry.name)
    return gone


def _unheld(lock: str) -> bool:
    """Whether no live process holds the lock file `lock`: its lock can be taken (POSIX), or it
    can be deleted (Windows, where a file another process has open cannot be)."""
    try:
        import fcntl  # noqa: F401
    except ImportError:  # pragma: no cover - Windows
        try:
            os.unlink(lock)
            return True
        except OSError:
            return False
    try:
        fd = os.open(lock, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        return try_lock(fd)
    finally:
        os.close(fd)


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
    tmp, fd = _create_temp(directory)
    try:
        yield tmp
        if os.path.exists(target):
            try:
                shutil.copymode(target, tmp)
            except OSError:
                pass
        _fsync_file(tmp)
        os.close(fd)                         # Windows replaces no file that is open
        fd = -1
        os.replace(tmp, target)
    except BaseException:
        _remove(tmp)
        raise
    finally:
        if fd >= 0:
            os.close(fd)


_SCRATCH_SWEPT = False


@contextmanager
def scratch_folder() -> Iterator[str]:
    """A private temporary folder (XlsxWriter's `tmpdir`), removed with all it holds when the
    block ends, however it ends: a writer's own temporary files never outlive the run (and
    those of a run that was killed are removed by the next: module doc)."""
    global _SCRATCH_SWEPT
    if not _SCRATCH_SWEPT:
        _SCRATCH_SWEPT = True
        sweep_stale_folders(SCRATCH_PREFIX)
    with owned_folder(SCRATCH_PREFIX) as folder:
        yield folder


def write_text_atomic(path, text: str, encoding: str = "utf-8") -> None:
    """Write `text` to `path` atomically (LF line ends on every platform)."""
    with atomic_output(path) as tmp:
        with open(tmp, "w", encoding=encoding, newline="\n") as fh:
            fh.write(text)
