"""How many checks run at once, and how many wait for a turn.

At most `running` checks run; at most `waiting` requests wait for a turn, each at most
`wait_seconds`. A request beyond that, or one whose wait runs out, is Busy at once: the
server answers 503 with Retry-After and a "coba lagi" page, so it never hangs and never
queues without bound. Turns go in arrival order. One instance serves one event loop (the
server's); its state is only touched from that loop, so it needs no lock.

A request is admitted (`admit`) before its body is read, so that at most running + waiting
uploads are being received at once; it takes a turn (`turn`) only once its upload is in,
so that a slow upload never holds a check's place. Uploads still coming in cannot starve the
admission of others (issue 22): when every place is taken, a new request takes the place of
the slowest upload that has already fallen below the minimum rate (web/upload.py: that upload
ends at once with 408), and an upload that stays below it is cut off after a grace period
anyway. So clients trickling a byte now and then hold places only until someone needs one,
and never longer than the grace; uploads at a normal rate are never displaced, wherever they
come from (no limit per address: a whole office may share one behind a proxy).
"""
from __future__ import annotations

import asyncio
import collections
import contextlib
import math
import time

from checker.web.error_responses import WebError

# An upload is displaced only once it has had this long to show its rate.
DISPLACE_AFTER_S = 1.0


class Busy(WebError):
    """No turn now: HTTP 503, retry after `retry_after` seconds."""

    def __init__(self, retry_after: int):
        super().__init__(503, "busy", seconds=retry_after)
        self.retry_after = retry_after


class Ticket:
    """One admitted request; while its upload is received (`receiving`) it counts its bytes, and
    `displaced` is set when a newcomer takes its place."""

    def __init__(self):
        self.start = time.monotonic()
        self.received = 0
        self.receiving = False
        self.displaced = asyncio.Event()

    def too_slow(self, min_rate: float, now: float) -> bool:
        elapsed = now - self.start
        return self.receiving and elapsed >= DISPLACE_AFTER_S and self.received < min_rate * elapsed


class Admission:
    def __init__(self, running: int, waiting: int, wait_seconds: float, min_rate: float | None = None):
        self.max_running, self.max_waiting, self.wait_seconds = max(1, running), max(0, waiting), wait_seconds
        self.min_rate = min_rate             # bytes per second below which an upload may be displaced
        self.running = 0
        self.inside = 0                      # admitted requests: receiving, waiting or running
        self._tickets: set = set()
        self._leaving: set = set()           # displaced, about to give their place back
        self._queue: collections.deque = collections.deque()
        self.peak_running = self.peak_waiting = 0

    @property
    def waiting(self) -> int:
        return sum(1 for f in self._queue if not f.done())

    def retry_after(self) -> int:
        """A fair guess of when a turn may be free: a few seconds, more with a longer queue."""
        return max(1, min(60, math.ceil(2 + len(self._queue) / self.max_running)))

    @contextlib.contextmanager
    def admit(self):
        """Count the request in for the block (its Ticket); when running + waiting are all taken,
        take the place of the slowest upload below the minimum rate, else Busy."""
        if self.inside - len(self._leaving) >= self.max_running + self.max_waiting:
            slowest = self._slowest()
            if slowest is None:
                raise Busy(self.retry_after())
            self._leaving.add(slowest)
            slowest.displaced.set()
        ticket = Ticket()
        self._tickets.add(ticket)
        self.inside += 1
        try:
            yield ticket
        finally:
            self.inside -= 1
            self._tickets.discard(ticket)
            self._leaving.discard(ticket)

    def _slowest(self) -> Ticket | None:
        if not self.min_rate:
            return None
        now = time.monotonic()
        slow = [t for t in self._tickets if t not in self._leaving and t.too_slow(self.min_rate, now)]
        return min(slow, key=lambda t: t.received / max(now - t.start, 1e-9)) if slow else None

    @contextlib.asynccontextmanager
    async def turn(self):
        """Hold one of the running slots for the block; Busy when there is none in time."""
        await self._acquire()
        try:
            yield
        finally:
            self._release()

    async def _acquire(self) -> None:
        if self.running < self.max_running and not self._queue:
            self.running += 1
            self.peak_running = max(self.peak_running, self.running)
            return
        if self.waiting >= self.max_waiting:
            raise Busy(self.retry_after())
        ticket = asyncio.get_running_loop().create_future()
        self._queue.append(ticket)
        self.peak_waiting = max(self.peak_waiting, self.waiting)
        try:
            await asyncio.wait_for(asyncio.shield(ticket), self.wait_seconds)
        except asyncio.TimeoutError:
            if ticket.done() and not ticket.cancelled():
                return                       # the slot came as the wait ran out: take it
            ticket.cancel()
            self._forget(ticket)
            raise Busy(self.retry_after()) from None
        except asyncio.CancelledError:       # the client went away while waiting
            if ticket.done() and not ticket.cancelled():
                self._release()              # handed over just now: pass it on
            else:
                ticket.cancel()
                self._forget(ticket)
            raise

    def _forget(self, ticket) -> None:
        with contextlib.suppress(ValueError):
            self._queue.remove(ticket)

    def _release(self) -> None:
        """Hand the slot to the next waiter, or free it."""
        while self._queue:
            ticket = self._queue.popleft()
            if not ticket.done():
                ticket.set_result(None)      # the slot passes on: `running` stays the same
                return
        self.running -= 1
