"""Reads many unit workbooks, each in a worker process under a memory and time bound.

    items = load_many(files, lang="id", jobs=1, limits=Limits(), progress=None)

`files` is what run.discover returns: a list of paths. The result has one item per file,
in the same order whatever `jobs` is: a LoadedUnit, or (path, sha256 or None, user
message in `lang`) for a file that cannot be checked - the shape facts.build takes. Every
file's content is sniffed, whatever its extension (a real .xlsx named .xls is checked; an
HTML export named .xls gets the HTML message).

Why workers (issue 5 §4; notes/excel-io.md): under an address-space limit the Rust reader
aborts the whole process (SIGABRT) instead of raising, and a tiny crafted file can make it
ask for hundreds of GB; only a separate process can be bounded and killed. Each worker sets
RLIMIT_AS to limits.memory_mb (POSIX; elsewhere only the timeout applies), reads one file at
a time, and is reused for the next file; a worker that dies (abort, MemoryError, signal) or
overruns limits.timeout_s (killed) turns into a clear message for THAT file only and is
replaced; the run goes on.

Start method: "forkserver" where available (Linux, macOS), else "spawn". The fork server is
started once per process with numpy and the reader preloaded (not pandas: a worker returns
its tables as plain lists and this process builds the DataFrames), so each worker is a fork
of a warm, small interpreter (~10 ms; ~110 MB of address space before reading) instead of a
fresh one (~0.5 s), and it never inherits the caller's threads or heap (plain "fork" would,
and forking a threaded process is unsafe). While the server starts, this process imports
pandas (needed for the DataFrames and the facts anyway): the two overlap.
The caller's main module must be import-safe (the usual multiprocessing rule: workers import
it); `python -m checker`, the `cek-pokja` script and pytest are.

limits=None with jobs=1 reads in the calling process (no bound, no start-up cost): for
tests and library use on trusted files. The command line always passes Limits().
"""
from __future__ import annotations

import collections
import hashlib
import os
import signal
import sys
import time
import traceback
from typing import Callable

from checker.load.limits import Limits
from checker.load.model import LoadError, describe
from checker.load.tables import to_frames
from checker.load.reader import read_bytes
from checker.load.workbook import load_workbook

__all__ = ["Limits", "load_many", "START_METHOD"]

# modules the fork server imports once, so every worker starts warm (no pandas: a worker
# sends its tables as plain lists, this process builds the DataFrames)
_PRELOAD = ["numpy", "python_calamine", "checker.load.workbook", "checker.load.workers"]
# environment of the fork server (and so of every worker): one BLAS thread, one malloc arena
_WORKER_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
               "MALLOC_ARENA_MAX": "2", "RUST_BACKTRACE": "0"}


def _start_method() -> str:
    import multiprocessing as mp
    methods = mp.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


START_METHOD = _start_method()


# ============================================================================ public

def load_many(files, lang: str = "id", jobs: int = 1, limits: Limits | None = None,
              progress: Callable[[int, int], None] | None = None, *, debug: bool = False) -> list:
    """LoadedUnit or (path, sha256|None, message) per file, in input order. `jobs` workers
    read in parallel (results identical for any jobs). `progress(done, total)` is called in
    this process after each file. `debug`: an internal error (a bug) raises instead of
    becoming that file's message."""
    files = [str(p) for p in files]
    total = len(files)
    out: list = [None] * total
    if not total:
        return out
    done = 0

    def finish(i, item):
        nonlocal done
        out[i] = item
        done += 1
        if progress is not None:
            progress(done, total)

    if limits is None and jobs <= 1:
        for i, path in enumerate(files):
            finish(i, _load_here(path, lang, debug))
        return out
    pool = _Pool(max(1, min(int(jobs), total)), limits or Limits(None, None), lang, debug)
    try:
        for i, item in pool.run(files):
            finish(i, item)
    finally:
        pool.close()
    return out


# ============================================================================ in-process

def _load_here(path: str, lang: str, debug: bool):
    try:
        return load_workbook(path)
    except LoadError as e:
        return (path, sha256_of(path), describe(e, lang))
    except Exception as e:  # noqa: BLE001 - one file's bug must not stop the others
        if debug:
            raise
        err = LoadError(path, "internal_error", f"{type(e).__name__}: {e}")
        return (path, sha256_of(path), describe(err, lang))


def sha256_of(path: str) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


# ============================================================================ worker side

def _apply_memory_limit(memory_mb: int | None) -> None:
    if not memory_mb:
        return
    try:
        import resource
    except ImportError:          # Windows: no address-space limit (the timeout still applies)
        return
    want = int(memory_mb) << 20
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    except (ValueError, OSError):  # pragma: no cover - not permitted: run unbounded
        pass


def _worker_main(conn, memory_mb: int | None) -> None:
    """Loop of one worker: receive (index, path), send back (index, kind, payload, sha)."""
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)     # the parent decides when to stop
    except (ValueError, OSError):  # pragma: no cover
        pass
    try:                                                 # the reader's own OOM report and
        fd = os.open(os.devnull, os.O_WRONLY)            # backtrace must not reach the user
        os.dup2(fd, 2)
        os.close(fd)
    except OSError:  # pragma: no cover
        pass
    for k, v in _WORKER_ENV.items():
        os.environ.setdefault(k, v)
    _apply_memory_limit(memory_mb)
    try:
        import numpy  # noqa: F401  - already there in a fork-server worker
        import python_calamine  # noqa: F401
        from checker.load import workbook  # noqa: F401
        conn.send(("ready",))
    except MemoryError:
        os._exit(3)
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            break
        if msg is None:
            break
        index, path = msg
        sha = None
        reply = None
        try:
            data = read_bytes(path)
            sha = hashlib.sha256(data).hexdigest()
            unit = load_workbook(path, data, frames=False)
            del data
            reply = (index, "ok", unit, sha)
        except LoadError as e:
            reply = (index, "error", e, sha)
        except MemoryError:
            data = unit = None
            reply = (index, "memory", None, sha)
        except Exception as e:  # noqa: BLE001 - reported as this file's internal error
            reply = (index, "internal", f"{type(e).__name__}: {e}\n{traceback.format_exc()}", sha)
        try:
            conn.send(reply)
        except MemoryError:
            reply = None
            try:
                conn.send((index, "memory", None, sha))
            except (MemoryError, OSError):
                os._exit(3)
        except (OSError, EOFError):
            break
        reply = unit = None
    try:
        conn.close()
    except OSError:  # pragma: no cover
        pass


# ============================================================================ parent side

class _Worker:
    def __init__(self, ctx, memory_mb):
        parent, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, memory_mb), daemon=True,
                                name="cek-pokja-reader")
        self.proc.start()
        child.close()
        self.conn = parent
        self.ready = False
        self.task: tuple[int, str] | None = None
        self.t0: float | None = None

    def assign(self, index: int, path: str) -> None:
        self.conn.send((index, path))
        self.task = (index, path)
        self.t0 = time.monotonic() if self.ready else None

    def kill(self) -> None:
        try:
            if self.proc.is_alive():
                self.proc.kill()
            self.proc.join(5)
        except (OSError, ValueError, AssertionError):  # pragma: no cover
            pass
        try:
            self.conn.close()
        except OSError:  # pragma: no cover
            pass


_FORKSERVER_STARTED = False


def _context():
    """The multiprocessing context; the fork server is started once, preloaded, with the
    worker environment (the caller's own environment is left as it was)."""
    global _FORKSERVER_STARTED
    import multiprocessing as mp
    ctx = mp.get_context(START_METHOD)
    if START_METHOD == "forkserver" and not _FORKSERVER_STARTED:
        ctx.set_forkserver_preload(_PRELOAD)
        saved = {k: os.environ.get(k) for k in _WORKER_ENV}
        os.environ.update(_WORKER_ENV)
        try:
            from multiprocessing import forkserver
            forkserver.ensure_running()
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        _FORKSERVER_STARTED = True
    return ctx


class _Pool:
    """N reusable workers; dead or overrunning ones are replaced."""

    def __init__(self, n: int, limits: Limits, lang: str, debug: bool):
        self.n, self.limits, self.lang, self.debug = n, limits, lang, debug
        self.ctx = None
        self.workers: list[_Worker] = []

    def _spawn(self) -> _Worker:
        if self.ctx is None:
            self.ctx = _context()
        w = _Worker(self.ctx, self.limits.memory_mb)
        self.workers.append(w)
        return w

    def run(self, paths: list[str]):
        """Yield (index, item) as files finish."""
        from multiprocessing.connection import wait
        pending = collections.deque(enumerate(paths))
        # The fork server starts in the background: meanwhile this process imports pandas
        # (for the DataFrames and the facts anyway); the first worker's start waits for the
        # server's preload.
        self.ctx = _context()
        import pandas  # noqa: F401
        for _ in range(min(self.n, len(pending))):
            self._spawn()
        timeout_s = self.limits.timeout_s
        while True:
            for w in self.workers:
                if w.task is None and pending:
                    try:
                        w.assign(*pending.popleft())
                    except (OSError, ValueError):          # died before its first task
                        pass
            busy = [w for w in self.workers if w.task is not None]
            if not busy:
                break
            wait_for = None
            if timeout_s:
                now = time.monotonic()
                ends = [w.t0 + timeout_s - now for w in busy if w.t0 is not None]
                if ends:
                    wait_for = max(0.0, min(ends))
            ready = wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], wait_for)
            for w in list(busy):
                item = None
                got = False
                if w.conn in ready or w.proc.sentinel in ready:
                    try:
                        if w.conn.poll():
                            msg = w.conn.recv()
                            got = True
                    except (EOFError, OSError):
                        got = False
                    except MemoryError:                          # pragma: no cover
                        got, msg = True, (w.task[0], "memory", None, None)
                    if got and msg[0] == "ready":
                        w.ready = True
                        if w.task is not None:
                            w.t0 = time.monotonic()
                        continue
                    if got:
                        index = w.task[0]
                        item = self._item(w.task[1], msg)
                        w.task, w.t0 = None, None
                        yield index, item
                        continue
                    if not w.proc.is_alive() or w.proc.sentinel in ready:
                        w.proc.join(5)
                        index, path = w.task
                        yield index, self._dead(path, w.proc.exitcode)
                        self._replace(w, bool(pending))
                        continue
                if timeout_s and w.t0 is not None and time.monotonic() - w.t0 >= timeout_s:
                    index, path = w.task
                    w.kill()
                    err = LoadError(path, "timeout", f"killed after {timeout_s} s", s=_num(timeout_s))
                    yield index, (path, sha256_of(path), describe(err, self.lang))
                    self._replace(w, bool(pending))

    def _replace(self, w: _Worker, needed: bool) -> None:
        w.kill()
        self.workers.remove(w)
        if needed:
            self._spawn()

    def _item(self, path: str, msg):
        _index, kind, payload, sha = msg
        if kind == "ok":
            return to_frames(payload)
        if kind == "error":
            return (path, sha if sha is not None else (None if payload.message_key == "not_found" else sha256_of(path)),
                    describe(payload, self.lang))
        if kind == "memory":
            return (path, sha or sha256_of(path), describe(self._memory_error(path, "MemoryError"), self.lang))
        if self.debug:
            raise RuntimeError(f"internal error in a reader worker for {path}:\n{payload}")
        first = payload.split("\n", 1)[0]
        return (path, sha or sha256_of(path), describe(LoadError(path, "internal_error", first), self.lang))

    def _memory_error(self, path: str, detail: str) -> LoadError:
        if self.limits.memory_mb:
            return LoadError(path, "memory_limit", detail, mb=self.limits.memory_mb)
        return LoadError(path, "reader_crash", detail)

    def _dead(self, path: str, exitcode: int | None):
        """The worker died on this file without answering: an abort under the address-space
        limit (the Rust reader's reaction to a failed allocation), a kill by the kernel's
        OOM killer, or a crash."""
        sig = -exitcode if exitcode is not None and exitcode < 0 else None
        try:
            name = signal.Signals(sig).name if sig else f"exit {exitcode}"
        except ValueError:
            name = f"signal {sig}"
        sigkill = getattr(signal, "SIGKILL", None)
        memoryish = (sig is not None and sig in (signal.SIGABRT, sigkill)) or exitcode == 3
        if memoryish and (self.limits.memory_mb or (sig is not None and sig == sigkill)):
            err = self._memory_error(path, name) if self.limits.memory_mb else \
                LoadError(path, "reader_crash", detail=name)
        else:
            err = LoadError(path, "reader_crash", detail=name)
        return (path, sha256_of(path), describe(err, self.lang))

    def close(self) -> None:
        for w in self.workers:
            try:
                if w.proc.is_alive() and w.task is None:
                    w.conn.send(None)
            except (OSError, ValueError):
                pass
        deadline = time.monotonic() + 2
        for w in self.workers:
            if w.task is None:
                w.proc.join(max(0.0, deadline - time.monotonic()))
            w.kill()
        self.workers = []


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


if __name__ == "__main__":  # pragma: no cover - manual use: python -m checker.workers FILE...
    t = time.perf_counter()
    res = load_many(sys.argv[1:], jobs=2, limits=Limits())
    for r in res:
        print(r if isinstance(r, tuple) else f"{r.path}: {len(r.problems)} problems")
    print(f"{time.perf_counter() - t:.2f} s", file=sys.stderr)
