"""How many checks run at once, and how many wait for a turn.

At most `running` checks run; at most `waiting` requests wait for a turn, each at most
`wait_seconds`. A request beyond that, or one whose wait runs out, is Busy at once: the
server answers 503 with Retry-After and a "coba lagi" page, so it never hangs and never
queues without bound. Turns go in arrival order. One instance serves one event loop (the
server's); its state is only touched from that loop, so it needs no lock.

A request is admitted (`admit`) before its body is read, so that at most running + waiting
uploads are being received at once; it takes a turn (`turn`) only once its upload is in,
so that a slow upload never holds a check's place. Receiving uploads cannot starve the
others' admission: one client address may hold at most `per_client` places at once (a person
sends one batch at a time), and an upload that comes too slowly is cut off after a grace
period (web/upload.py), so a client that opens many connections and trickles a byte now and
then holds a few places for a few seconds, not every place for as long as it likes.
"""
from __future__ import annotations

import asyncio
import collections
import contextlib
import math

from checker.web.error_responses import WebError


class Busy(WebError):
    """No turn now: HTTP 503, retry after `retry_after` seconds."""

    def __init__(self, retry_after: int):
        super().__init__(503, "busy", seconds=retry_after)
        self.retry_after = retry_after


class Admission:
    def __init__(self, running: int, waiting: int, wait_seconds: float, per_client: int | None = None):
        self.max_running, self.max_waiting, self.wait_seconds = max(1, running), max(0, waiting), wait_seconds
        self.per_client = per_client
        self.running = 0
        self.inside = 0                      # admitted requests: receiving, waiting or running
        self._by_client: collections.Counter = collections.Counter()
        self._queue: collections.deque = collections.deque()
        self.peak_running = self.peak_waiting = 0

    @property
    def waiting(self) -> int:
        return sum(1 for f in self._queue if not f.done())

    def retry_after(self) -> int:
        """A fair guess of when a turn may be free: a few seconds, more with a longer queue."""
        return max(1, min(60, math.ceil(2 + len(self._queue) / self.max_running)))

    @contextlib.contextmanager
    def admit(self, client: str | None = None):
        """Count the request in for the block; Busy when running + waiting are all taken, or
        when `client` already holds its share of them."""
        if self.inside >= self.max_running + self.max_waiting:
            raise Busy(self.retry_after())
        if client is not None and self.per_client and self._by_client[client] >= self.per_client:
            raise Busy(self.retry_after())
        self.inside += 1
        if client is not None:
            self._by_client[client] += 1
        try:
            yield
        finally:
            self.inside -= 1
            if client is not None:
                self._by_client[client] -= 1
                if not self._by_client[client]:
                    del self._by_client[client]

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
