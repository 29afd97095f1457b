"""Runs one task per input file, each in a worker process under a memory and time bound.

    results = run_tasks(refs, task, on_failure, args=(), jobs=1, limits=Limits(), progress=None)

`task(index, ref, *args)` runs in a worker: a module-level function (pipeline/task.py),
handed over by reference (pickled by its qualified name), returning one typed, picklable
value for that file: for `check`, the file read and that unit's facts built. When the worker
fails on a file (memory or time limit, a crash, a bug), `on_failure(index, ref, sha256 or
None, LoadError)` makes that file's value in this process instead. The results come in input
order, whatever `jobs` is, and are returned as they came.

Why workers (issue 5 §4; notes/excel-io.md): under an address-space limit the Rust reader
aborts the whole process (SIGABRT) instead of raising, and a tiny crafted file can make it
ask for hundreds of GB; only a separate process can be bounded and killed. Each worker sets
RLIMIT_AS to limits.memory_mb (POSIX; elsewhere only the timeout applies), reads one file at
a time, and is reused for the next file; a worker that dies (abort, MemoryError, signal) or
overruns limits.timeout_s (killed) turns into a clear message for THAT file only and is
replaced; the run goes on.

Start method: "forkserver" where available (Linux, macOS), else "spawn". The fork server is
started once per process with numpy, the reader and the fact builders preloaded (PRELOAD;
not pandas: a worker returns its tables as plain lists and this process builds the
DataFrames), so each worker is a fork of a warm, small interpreter (~10 ms; ~110 MB of
address space before reading) instead of a fresh one (~0.5 s), and it never inherits the
caller's threads or heap (plain "fork" would, and forking a threaded process is unsafe).
While the server starts, this process imports pandas (needed for the DataFrames and the
facts anyway): the two overlap.
The caller's main module must be import-safe (the usual multiprocessing rule: workers import
it); `python -m checker`, the `cek-pokja` script and pytest are.

limits=None with jobs=1 runs the tasks in the calling process (no bound, no start-up cost):
for tests and library use on trusted files. The command line always passes Limits().
"""
from __future__ import annotations

import collections
import contextlib
import hashlib
import os
import shutil
import signal
import tempfile
import time
import traceback
from collections.abc import Callable

from checker.load import errors
from checker.load.inputref import InputRef
from checker.load.limits import Limits
from checker.load.model import LoadError

# Modules the fork server imports once, so that every worker starts warm: what the tasks of
# pipeline/task.py import inside themselves (tests/test_architecture.py checks the list
# against them). No pandas: a worker sends plain rows, this process builds the DataFrames.
PRELOAD = ("numpy", "python_calamine", "checker.pipeline.workers", "checker.pipeline.task",
           "checker.load.reader", "checker.load.unit_workbook", "checker.facts.unit_build",
           "checker.load.roster", "checker.load.errors", "checker.load.model")
# environment of the fork server (and so of every worker): one BLAS thread, one malloc arena
_WORKER_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
               "MALLOC_ARENA_MAX": "2", "RUST_BACKTRACE": "0"}


def _start_method() -> str:
    import multiprocessing as mp
    methods = mp.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


START_METHOD = _start_method()


# ============================================================================ public

def run_tasks(refs: list[InputRef], task: Callable, on_failure: Callable, args: tuple = (), jobs: int = 1,
              limits: Limits | None = None, progress: Callable[[int, int], None] | None = None, *,
              debug: bool = False) -> list:
    """task(index, ref, *args) per input, in input order (see the module doc). `jobs`
    workers run in parallel (results identical for any jobs). `progress(done, total)` is
    called in this process after each file. `debug`: an internal error (a bug) raises
    instead of becoming that file's failure."""
    files = list(refs)
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
        for i, ref in enumerate(files):
            finish(i, _run_here(i, ref, task, on_failure, args, debug))
        return out
    pool = _Pool(max(1, min(int(jobs), total)), limits or Limits(None, None), task, on_failure, args, debug)
    try:
        for i, item in pool.run(files):
            finish(i, item)
    finally:
        pool.close()
    return out


# ============================================================================ in-process

def _run_here(index: int, ref: InputRef, task, on_failure, args, debug: bool):
    try:
        return task(index, ref, *args)
    except LoadError as e:
        return on_failure(index, ref, sha256_of(ref.path), e)
    except Exception as e:  # noqa: BLE001 - one file's bug must not stop the others
        if debug:
            raise
        return on_failure(index, ref, sha256_of(ref.path),
                          errors.internal_error(ref.shown, f"{type(e).__name__}: {e}"))


def sha256_of(path: str) -> str | None:
    from checker.load.reader import entry_kind
    if entry_kind(path) != "file":          # never open a FIFO or a device (it would block or never end)
        return None
    try:
        h = hashlib.sha256()
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)),
                       "rb") as fh:
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


def _worker_main(conn, memory_mb: int | None, task, args: tuple, scratch: str | None = None) -> None:
    """Loop of one worker: receive (index, ref), send back (index, kind, payload, sha).
    `scratch`: the worker's own temporary folder, which the parent removes however the worker
    ends (openpyxl writes each sheet through a temporary file that only an orderly exit
    deletes; a worker killed at a bound, or ending as every worker does, by os._exit, would
    leave it in the system's temporary folder)."""
    if scratch is not None:
        tempfile.tempdir = scratch
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
        index, ref = msg
        sha = None
        reply = result = None
        try:
            result = task(index, ref, *args)
            reply = (index, "ok", result, sha)
        except LoadError as e:
            reply = (index, "error", e, sha)
        except MemoryError:
            result = None
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
        reply = result = None
    try:
        conn.close()
    except OSError:  # pragma: no cover
        pass


# ============================================================================ parent side

class _Worker:
    def __init__(self, ctx, memory_mb, task, args):
        parent, child = ctx.Pipe(duplex=True)
        self.scratch = tempfile.mkdtemp(prefix="cek-pokja-worker-")
        self.proc = ctx.Process(target=_worker_main, args=(child, memory_mb, task, args, self.scratch), daemon=True,
                                name="cek-pokja-reader")
        try:
            self.proc.start()
        except BaseException:
            shutil.rmtree(self.scratch, ignore_errors=True)
            raise
        child.close()
        self.conn = parent
        self.ready = False
        self.task: tuple[int, InputRef] | None = None
        self.t0: float | None = None

    def assign(self, index: int, ref: InputRef) -> None:
        self.conn.send((index, ref))
        self.task = (index, ref)
        self.t0 = time.monotonic() if self.ready else None

    def overdue(self, timeout_s: float | None) -> bool:
        return bool(timeout_s) and self.t0 is not None and time.monotonic() - self.t0 >= timeout_s

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
        shutil.rmtree(self.scratch, ignore_errors=True)


_FORKSERVER_STARTED = False


def warm_up(extra: tuple = ()) -> None:
    """Start the fork server now (it preloads the reader in the background), so that the
    caller's own work overlaps with it. `extra`: modules to preload too, when the server is
    started now (a run with decree drafts: DECREE_PRELOAD)."""
    _context(extra)


# Preloaded as well when a run may hold decree drafts (pipeline/decrees.py's task imports
# them; a run of workbooks alone does not pay for them).
DECREE_PRELOAD = ("docx", "checker.pipeline.decrees", "checker.load.decree.draft_reader",
                  "checker.facts.decree_workbook")


def _context(extra: tuple = ()):
    """The multiprocessing context; the fork server is started once, preloaded, with the
    worker environment (the caller's own environment is left as it was)."""
    global _FORKSERVER_STARTED
    import multiprocessing as mp
    ctx = mp.get_context(START_METHOD)
    if START_METHOD == "forkserver" and not _FORKSERVER_STARTED:
        ctx.set_forkserver_preload(list(PRELOAD) + [m for m in extra if m not in PRELOAD])
        saved = {k: os.environ.get(k) for k in _WORKER_ENV}
        os.environ.update(_WORKER_ENV)
        try:
            from multiprocessing import forkserver
            with _ctrl_c_ignored():
                forkserver.ensure_running()
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        _FORKSERVER_STARTED = True
    return ctx


@contextlib.contextmanager
def _ctrl_c_ignored():
    """SIGINT ignored while the fork server is spawned: an ignored signal stays ignored across
    its exec, so a Ctrl-C while it starts and preloads (the first half-second) never prints a
    KeyboardInterrupt traceback from it (it ignores SIGINT from then on anyway: this process
    decides when to stop). Here the signal is blocked meanwhile, so that it waits instead of
    being lost (Linux keeps a blocked signal pending even while it is ignored), and is raised
    once the handler is back. Only from the main thread, the only one that may set a handler."""
    import threading
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    mask(signal.SIG_BLOCK, {signal.SIGINT})
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)
        mask(signal.SIG_UNBLOCK, {signal.SIGINT})


class _Pool:
    """N reusable workers; dead or overrunning ones are replaced."""

    def __init__(self, n: int, limits: Limits, task, on_failure, args: tuple, debug: bool):
        self.n, self.limits, self.debug = n, limits, debug
        self.task, self.on_failure, self.args = task, on_failure, args
        self.ctx = None
        self.workers: list[_Worker] = []

    def _spawn(self) -> _Worker:
        if self.ctx is None:
            self.ctx = _context()
        w = _Worker(self.ctx, self.limits.memory_mb, self.task, self.args)
        self.workers.append(w)
        return w

    def run(self, refs: list[InputRef]):
        """Yield (index, result) as files finish."""
        from multiprocessing.connection import wait
        pending = collections.deque(enumerate(refs))
        # The fork server preloads the reader in the background (warm_up): meanwhile this process
        # imports pandas (the fact tables need it next); a worker's start waits for the preload.
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
            ready = wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], self._wait_for(busy))
            for w in busy:
                done = self._collect(w, ready, timeout_s)
                if done is not None:
                    yield done
                    if w.task is not None:              # the worker is gone: the file failed
                        w.task = None
                        self._replace(w, bool(pending))

    def _wait_for(self, busy) -> float | None:
        if not self.limits.timeout_s:
            return None
        now = time.monotonic()
        ends = [w.t0 + self.limits.timeout_s - now for w in busy if w.t0 is not None]
        return max(0.0, min(ends)) if ends else None

    def _collect(self, w: _Worker, ready, timeout_s):
        """(index, result) when worker `w` finished (or failed) its file, else None."""
        if w.conn in ready or w.proc.sentinel in ready:
            msg = None
            try:
                if w.conn.poll():
                    msg = w.conn.recv()
            except (EOFError, OSError):
                msg = None
            except MemoryError:                          # pragma: no cover
                msg = (w.task[0], "memory", None, None)
            if msg is not None and msg[0] == "ready":
                w.ready = True
                w.t0 = time.monotonic()
                return None
            if msg is not None:
                (index, ref), w.task, w.t0 = w.task, None, None
                return index, self._result(index, ref, msg)
            if not w.proc.is_alive() or w.proc.sentinel in ready:
                w.proc.join(5)
                index, ref = w.task
                return index, self._fail(index, ref, None, self._death(ref.shown, w.proc.exitcode))
        if w.overdue(timeout_s):
            index, ref = w.task
            w.kill()
            err = errors.timeout(ref.shown, f"killed after {timeout_s} s", s=_num(timeout_s))
            return index, self._fail(index, ref, None, err)
        return None

    def _replace(self, w: _Worker, needed: bool) -> None:
        w.kill()
        self.workers.remove(w)
        if needed:
            self._spawn()

    def _fail(self, index: int, ref: InputRef, sha: str | None, err: LoadError):
        if sha is None and err.message_key != "not_found":
            sha = sha256_of(ref.path)
        return self.on_failure(index, ref, sha, err)

    def _result(self, index: int, ref: InputRef, msg):
        _index, kind, payload, sha = msg
        if kind == "ok":
            return payload
        if kind == "error":
            return self._fail(index, ref, sha, payload)
        if kind == "memory":
            return self._fail(index, ref, sha, self._memory_error(ref.shown, "MemoryError"))
        if self.debug:
            raise RuntimeError(f"internal error in a reader worker for {ref.shown}:\n{payload}")
        return self._fail(index, ref, sha, errors.internal_error(ref.shown, payload.split("\n", 1)[0]))

    def _memory_error(self, name: str, detail: str) -> LoadError:
        if self.limits.memory_mb:
            return errors.memory_limit(name, detail, mb=self.limits.memory_mb)
        return errors.reader_crash(name, detail)

    def _death(self, name: str, exitcode: int | None) -> LoadError:
        """The worker died on this file without answering: an abort under the address-space
        limit (the Rust reader's reaction to a failed allocation), a kill by the kernel's
        OOM killer, or a crash."""
        sig = -exitcode if exitcode is not None and exitcode < 0 else None
        try:
            how = signal.Signals(sig).name if sig else f"exit {exitcode}"
        except ValueError:
            how = f"signal {sig}"
        sigkill = getattr(signal, "SIGKILL", None)
        memoryish = (sig is not None and sig in (signal.SIGABRT, sigkill)) or exitcode == 3
        if memoryish and self.limits.memory_mb:
            return self._memory_error(name, how)
        return errors.reader_crash(name, how)

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
