"""Uploaded file names: shown, never used as paths.

An upload is stored as `<job>/in/<token>.<ext>` where the token is random (`secrets`) and
`ext` is the lower-cased extension of the original name only when it is a plain one (the
loader sniffs the content anyway; an annotated `.xlsm` copy keeps its macros by extension).
The user's name is kept apart, cleaned (no folders, no control characters), and put back in
the run's result: every finding's `file` and every text that named the stored path or its
base name (cross-unit messages name the file, unreadable-file messages the path), so that
the page and the JSON say `d2-as1-pangan.xlsx`, exactly as `cek-pokja check d2-as1-pangan.xlsx`.
The stored names are random tokens, so replacing them in texts can touch nothing else.
Once a batch is in, its files are renamed so that their stored paths sort as the users'
names do (`in_name_order`): where the pipeline orders workbooks by path (X05 says which of two
files with one Kode Unit came first), it then orders them as `check` orders the same names.
"""
from __future__ import annotations

import dataclasses
import re
import secrets
import unicodedata
from urllib.parse import quote

_PLAIN_EXT = re.compile(r"\.[a-z0-9]{1,5}$")
_MAX_NAME = 200


def clean_name(raw: str | None, fallback: str) -> str:
    """The name to show for an upload: its last path component (some browsers send a full
    Windows path), without control or format characters, at most 200 characters."""
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    if len(name) > _MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: _MAX_NAME - len(ext) - 1] + dot + ext) if dot and len(ext) <= 5 else name[:_MAX_NAME]
    return name or fallback


def stored_name(index: int, shown: str) -> str:
    """`u001-<random>.xlsx`: the name an upload is stored under (nothing of the user's name
    but a plain extension)."""
    ext = shown[shown.rfind("."):].lower() if "." in shown else ""
    return f"u{index:03d}-{secrets.token_hex(8)}" + (ext if _PLAIN_EXT.fullmatch(ext) else "")


def in_name_order(files) -> None:
    """Rename the stored files (upload.StoredFile, all in one folder) so that their paths sort
    as their shown names do; the list itself keeps the order they were sent in."""
    import os
    ranked = sorted(files, key=lambda f: f.shown)
    for rank, f in enumerate(ranked, start=1):
        target = os.path.join(os.path.dirname(f.path), stored_name(rank, f.shown))
        os.rename(f.path, target)
        f.path = target


def download_name(shown: str, suffix: str, ext: str) -> str:
    """`d2-as1.xlsx` -> `d2-as1.diperiksa.xlsx` (the annotated copy's name in the CLI)."""
    stem = shown[: shown.rfind(".")] if "." in shown else shown
    return f"{stem}{suffix}{ext}"


def content_disposition(filename: str) -> str:
    """An attachment header carrying a user's file name safely: an ASCII fallback without
    quotes or separators, and the exact name in RFC 5987 form."""
    ascii_name = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    ascii_name = re.sub(r'[^A-Za-z0-9._ -]', "_", ascii_name).strip() or "unduhan"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


class Renamer:
    """Puts the users' names back into a result: {stored path: shown name}."""

    def __init__(self, names: dict[str, str]):
        self.names = dict(names)
        pairs = {}
        for path, shown in names.items():
            pairs[path] = shown
            pairs[path.rsplit("/", 1)[-1]] = shown          # cross-unit texts name the base name
        # the full paths first: a base name is a part of its path
        self._pairs = sorted(pairs.items(), key=lambda kv: -len(kv[0]))

    def text(self, value):
        if not isinstance(value, str) or not value:
            return value
        for old, new in self._pairs:
            if old in value:
                value = value.replace(old, new)
        return value

    def value(self, value):
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {k: self.value(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.value(v) for v in value]
        return value

    def finding(self, f):
        from checker.findings import refiled
        changes = {name: self.text(getattr(f, name)) for name in
                   ("message", "hint", "found", "name", "pokja", "target", "unit_name")}
        changes["evidence"] = self.value(dict(f.evidence))
        return refiled(dataclasses.replace(f, **changes), self.text(f.file))

    def result(self, result):
        """The same RunResult with every finding and input naming the users' files, in the
        contract's order again (it sorts by file too)."""
        from checker.findings import sort_findings
        result.findings = sort_findings(self.finding(f) for f in result.findings)
        result.inputs = [dataclasses.replace(i, file=self.names.get(i.file, self.text(i.file)),
                                             detail=self.text(i.detail)) for i in result.inputs]
        return result
