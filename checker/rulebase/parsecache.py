"""The installed rule base's YAML parsed once per installation, not once per run: a
`cek-pokja check` of one unit spends ~45 ms parsing ~100 rule files, a tenth of its time.

The parse of a rule file depends only on its bytes (yamlfile.read_rule_file), so the parsed
heads and documentation texts of the whole rule directory are kept as JSON under the user's
cache folder, keyed by the SHA-256 of every file's name and bytes (the rule base's own
version) and by FORMAT. Every rule is still validated against the fact schema on each load
(loading._build): only the YAML parse is skipped. Only the installed rule base is cached
(`--rules DIR` is parsed every time: a folder of rules under edit must not fill the cache).
A cache that cannot be read or written is ignored, never an error; what it holds is only
used when it parses back to exactly what was stored (JSON, never pickle: nothing in it runs)."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

FORMAT = 1          # bump when yamlfile's reading of a file changes


def cache_folder() -> Path | None:
    """CEK_POKJA_CACHE, else the platform's cache folder for cek-pokja."""
    given = os.environ.get("CEK_POKJA_CACHE")
    if given:
        return Path(given)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "cek-pokja" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "cek-pokja"
    base = os.environ.get("XDG_CACHE_HOME") or (str(Path.home() / ".cache") if Path.home() else "")
    return Path(base) / "cek-pokja" if base else None


def _path(digest: str) -> Path | None:
    folder = cache_folder()
    return folder / f"rules-{FORMAT}-{digest}.json" if folder else None


def load(digest: str) -> dict | None:
    """{file name: [head, documentation text or None, documentation values or None]}, or None."""
    path = _path(digest)
    try:
        with open(path, encoding="utf-8") as fh:
            got = json.load(fh)
    except (OSError, TypeError, ValueError):
        return None
    return got if isinstance(got, dict) else None


def store(digest: str, parsed: dict) -> None:
    """Keep `parsed` (as load returns it) for the next run; old entries of other rule bases are
    removed, so the folder holds one rule base per installed version at most."""
    path = _path(digest)
    if path is None:
        return
    try:
        text = json.dumps(parsed, ensure_ascii=False)
        if json.loads(text) != parsed:          # e.g. a non-text mapping key: not cacheable as JSON
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".rules-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
        for old in path.parent.glob("rules-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, TypeError, ValueError):
        pass
