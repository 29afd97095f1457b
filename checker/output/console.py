"""The terminal's own streams, set up once when a command starts (cli.entry, `python -m
checker.web`): whatever their encoding, every text reaches the user.

A terminal that is not UTF-8 (`PYTHONIOENCODING=latin-1`, a Latin-1 locale, the Windows
console's cp437/cp850) cannot encode every character the texts use (the ellipsis, curly
quotes, a Kode Unit in another script): Python's default `strict` error handler would stop
the run with a UnicodeEncodeError (exit 4). Such a stream writes a replacement (`?`) for the
characters it cannot encode instead; a UTF-8 stream is left as it is, and so is an error
handler the user chose (PYTHONIOENCODING=latin-1:backslashreplace).
"""
from __future__ import annotations

import codecs
import sys


def tolerant_streams(streams=None) -> None:
    """stdout and stderr (or `streams`) write `?` for what their encoding cannot hold."""
    for stream in streams if streams is not None else (sys.stdout, sys.stderr):
        make_tolerant(stream)


def make_tolerant(stream) -> None:
    encoding = getattr(stream, "encoding", None)
    if not encoding or getattr(stream, "errors", None) != "strict" or _is_utf(encoding):
        return
    try:
        stream.reconfigure(errors="replace")
    except (AttributeError, ValueError, OSError):       # not a TextIOWrapper (a test's capture): its own business
        pass


def _is_utf(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False
