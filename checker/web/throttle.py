"""How fast the access code may be guessed: a few wrong codes per client, a few dozen for
everyone, per window of time; beyond that the answer is 429 with Retry-After, on the page and
on the API alike, until the window has moved on (a right code too: otherwise the limit would
only slow the guessing down).

A wrong code counts against the client that sent it (its address, as uvicorn gives it: behind
a trusted proxy, the address the proxy forwards) and against the server as a whole, so that
many addresses cannot guess together faster than one. Someone who has the access cookie is
never affected. One instance serves the server's event loop; its state is only touched from
there, so it needs no lock. Memory is bounded: at most MAX_CLIENTS addresses are remembered.
"""
from __future__ import annotations

import collections
import math
import time

WINDOW_S = 600.0                # ten minutes
PER_CLIENT = 5                  # wrong codes one address may send per window
OVERALL = 50                    # wrong codes all addresses together may send per window
MAX_CLIENTS = 10_000


class Throttle:
    def __init__(self, per_client: int = PER_CLIENT, overall: int = OVERALL, window_s: float = WINDOW_S,
                 clock=time.monotonic):
        self.per_client, self.overall, self.window_s, self.clock = per_client, overall, window_s, clock
        self._clients: collections.OrderedDict = collections.OrderedDict()    # address -> deque of times
        self._all: collections.deque = collections.deque()

    def wait(self, client: str) -> int:
        """Seconds `client` must wait before trying a code again (0: it may try now)."""
        now = self.clock()
        waits = [self._wait(self._all, self.overall, now)]
        mine = self._clients.get(client)
        if mine is not None:
            waits.append(self._wait(mine, self.per_client, now))
        return max(waits)

    def failed(self, client: str) -> None:
        """A wrong code from `client`."""
        now = self.clock()
        self._all.append(now)
        mine = self._clients.pop(client, None) or collections.deque()
        mine.append(now)
        self._clients[client] = mine                 # most recent last
        while len(self._clients) > MAX_CLIENTS:
            self._clients.popitem(last=False)
        self._prune(self._all, now)
        self._prune(mine, now)

    def _prune(self, times: collections.deque, now: float) -> None:
        while times and now - times[0] >= self.window_s:
            times.popleft()

    def _wait(self, times: collections.deque, limit: int, now: float) -> int:
        self._prune(times, now)
        if len(times) < limit:
            return 0
        return max(1, math.ceil(times[-limit] + self.window_s - now))


def client_of(scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "?"
