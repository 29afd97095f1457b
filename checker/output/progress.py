"""Progress of a long run on stderr: files done / total, elapsed, estimated time left."""
from __future__ import annotations

import sys
import time

from checker.texts import t


class Progress:
    """Callable(done, total) for workers.load_many; draws one line, redrawn in place."""

    def __init__(self, lang: str, stream=None, min_interval: float = 0.2):
        self.lang, self.stream, self.min_interval = lang, stream or sys.stderr, min_interval
        self.start = time.monotonic()
        self.last = 0.0

    @staticmethod
    def wanted(quiet: bool, stream=None) -> bool:
        stream = stream or sys.stderr
        return not quiet and hasattr(stream, "isatty") and stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < self.min_interval:
            return
        self.last = now
        elapsed = now - self.start
        left = elapsed / done * (total - done) if done else 0.0
        line = t("progress.line", self.lang, done=done, total=total, elapsed=_clock(elapsed), left=_clock(left))
        self.stream.write("\r" + line + ("\n" if done >= total else ""))
        self.stream.flush()


def _clock(seconds: float) -> str:
    s = int(round(seconds))
    return f"{s // 60:d}:{s % 60:02d}"
