"""Where uploads and results live while their downloads are offered: nothing is kept.

Every batch is a job: a private folder `<root>/<id>` (mode 0700, inside a 0700 root made for
this server) holding `in/` (the uploads, under random names) and `out/` (the reports). The
id is 24 random URL-safe characters (`secrets`), so a download link cannot be guessed. A job
is deleted when its downloads expire (`keep` seconds after the check), by a sweeper that runs
in the server's event loop, or on first access after expiry; the whole root is deleted when
the server stops (the lifespan's shutdown, which uvicorn runs on SIGINT and SIGTERM) and, as
a last resort, at interpreter exit. At most MAX_JOBS jobs are kept (the oldest goes first).
A server killed outright (SIGKILL, a power cut) cannot delete its root: the next server that
starts with the same parent folder removes every root provably abandoned by its own kind
(output/atomic.py: ROOT_PREFIX, the same user, a `.lock` no live server holds).
"""
from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import secrets
import shutil
import tempfile
import time
from dataclasses import dataclass, field

ID_BYTES = 18                       # 24 URL-safe characters, 144 random bits
ROOT_PREFIX = "cek-pokja-web-"
# Jobs kept at once: beyond it the oldest job's downloads end early, so that a burst of
# uploads cannot fill the disk for `keep` minutes (each job holds at most one upload limit).
MAX_JOBS = 500


@dataclass
class Variant:
    """A job's result in one language, and the reports made from it so far."""
    result: object                  # checker.result.RunResult, with the users' file names
    document: dict                  # the contract's JSON
    files: dict = field(default_factory=dict)      # report key -> path in out/
    handouts: list = field(default_factory=list)   # one findings workbook per unit (several units), in out/


@dataclass
class Job:
    id: str
    folder: str
    stage: str
    expires_at: float               # time.monotonic()
    uploads: list = field(default_factory=list)    # InputRef of each workbook or draft (web/flow.py)
    roster: object = None           # InputRef of the master roster, if any
    compare: object = None          # InputRef of the earlier findings to compare with, if any
    waivers: object = None          # InputRef of the earlier findings workbook with waivers, if any
    variants: dict = field(default_factory=dict)   # lang -> Variant
    lock: object = None             # asyncio.Lock: one report made at a time per job

    @property
    def inbox(self) -> str:
        return os.path.join(self.folder, "in")

    @property
    def outbox(self) -> str:
        return os.path.join(self.folder, "out")

    def expired(self, now: float | None = None) -> bool:
        return (time.monotonic() if now is None else now) >= self.expires_at


class JobStore:
    def __init__(self, keep_seconds: float, parent: str | None = None, max_jobs: int = MAX_JOBS):
        from checker.output.atomic import make_owned_folder, sweep_stale_folders
        self.keep_seconds, self.max_jobs = keep_seconds, max_jobs
        self.abandoned = sweep_stale_folders(ROOT_PREFIX, parent)              # of servers killed outright
        self.root, self._lock = make_owned_folder(ROOT_PREFIX, parent)       # mode 0700, locked while we live
        os.chmod(self.root, 0o700)
        self.jobs: dict[str, Job] = {}
        self._sweeper: asyncio.Task | None = None
        self._closed = False
        atexit.register(self.close)

    # ------------------------------------------------------------------ jobs
    def new(self, stage: str) -> Job:
        while len(self.jobs) >= self.max_jobs:
            self.delete(next(iter(self.jobs)))                     # the oldest
        job_id = secrets.token_urlsafe(ID_BYTES)
        folder = os.path.join(self.root, job_id)
        os.mkdir(folder, 0o700)
        os.mkdir(os.path.join(folder, "in"), 0o700)
        os.mkdir(os.path.join(folder, "out"), 0o700)
        now = time.monotonic()
        job = Job(job_id, folder, stage, now + self.keep_seconds)
        self.jobs[job_id] = job
        return job

    def get(self, job_id: str) -> Job | None:
        """The live job of that id, or None (never was, or expired: then it is deleted now)."""
        job = self.jobs.get(job_id)
        if job is not None and job.expired():
            self.delete(job_id)
            return None
        return job

    def delete(self, job_id: str) -> None:
        job = self.jobs.pop(job_id, None)
        if job is not None:
            shutil.rmtree(job.folder, ignore_errors=True)

    def sweep(self, now: float | None = None) -> int:
        """Delete every expired job; returns how many."""
        now = time.monotonic() if now is None else now
        gone = [j for j, job in self.jobs.items() if job.expired(now)]
        for job_id in gone:
            self.delete(job_id)
        return len(gone)

    def scratch(self) -> str:
        """A private folder for a request that keeps nothing (the API): deleted by its caller."""
        return tempfile.mkdtemp(prefix="api-", dir=self.root)

    # ------------------------------------------------------------------ life cycle
    def start_sweeper(self) -> None:
        interval = max(1.0, min(60.0, self.keep_seconds / 4))

        async def loop():
            while True:
                await asyncio.sleep(interval)
                self.sweep()

        self._sweeper = asyncio.get_running_loop().create_task(loop())

    async def stop_sweeper(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError, RuntimeError):
                await self._sweeper
            self._sweeper = None

    def close(self) -> None:
        """Delete every job and the root; safe to call twice."""
        if self._closed:
            return
        from checker.output.atomic import remove_owned_folder
        self._closed = True
        self.jobs.clear()
        remove_owned_folder(self.root, self._lock)
        with contextlib.suppress(Exception):
            atexit.unregister(self.close)
