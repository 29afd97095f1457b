"""What one server may do: every bound of `cek-pokja serve` in one record, with its defaults."""
from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field

from checker.load.limits import Limits
from checker.terms import DEFAULT_LANG

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_KEEP_MINUTES = 15
DEFAULT_MAX_UPLOAD_MB = 20
DEFAULT_MAX_WAITING = 50
DEFAULT_WAIT_SECONDS = 30.0
ACCESS_CODE_ENV = "CEK_POKJA_ACCESS_CODE"
# A batch is "one workbook or several for a small audit": more files than this in one
# request is no self-check (the bureau's full audit runs on the command line).
MAX_FILES = 50
# Form fields besides files (tahap, lang, the CSRF token): each is a few bytes.
MAX_FIELD_BYTES = 4096
# How long the access-code cookie stays valid (one working day).
ACCESS_COOKIE_SECONDS = 12 * 3600
# An upload must keep coming: after a grace period its average rate must stay above this (a
# slow office line sends 20 MB at this rate in 21 minutes), and no wait for its next bytes may
# last beyond that. A client that sends one byte every few seconds is cut off after the grace.
UPLOAD_GRACE_SECONDS = 10.0
UPLOAD_MIN_BYTES_PER_SECOND = 16 * 1024


def default_running() -> int:
    return max(1, os.cpu_count() or 1)


@dataclass
class Settings:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    access_code: str | None = None
    keep_minutes: float = DEFAULT_KEEP_MINUTES
    max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB
    max_running: int = field(default_factory=default_running)
    max_waiting: int = DEFAULT_MAX_WAITING
    wait_seconds: float = DEFAULT_WAIT_SECONDS
    lang: str = DEFAULT_LANG
    limits: Limits = field(default_factory=Limits)     # the reading limits of `check`
    jobs: int = field(default_factory=default_running)  # reader workers per check, as `check --jobs`
    engine: str | None = None                          # None: the default engine, as `check`
    warm: bool = True                                  # one check of the blank template at start-up
    root: str | None = None                            # where the private job folders go (None: the system's)
    allowed_hosts: tuple = ()                          # off loopback: the Host names it answers (empty: any)
    upload_grace_seconds: float = UPLOAD_GRACE_SECONDS
    upload_min_rate: float = UPLOAD_MIN_BYTES_PER_SECOND

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def keep_seconds(self) -> float:
        return self.keep_minutes * 60


def is_loopback(host: str) -> bool:
    """Whether `host` only listens on this machine (127.0.0.0/8, ::1, localhost)."""
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
