"""Uploaded and downloaded file names: shown, never used as paths.

An upload is stored as `<job>/in/<token>.<ext>` where the token is random (`secrets`) and
`ext` is the lower-cased extension of the original name only when it is a plain one (the
loader sniffs the content anyway; an annotated `.xlsm` copy keeps its macros by extension).
The user's name is kept apart, cleaned (no folders, no control characters), and becomes the
upload's input reference with the stored path (web/flow.py, load/inputref.py): the pipeline
opens the stored file and names it, in every text and wherever files are ordered (X05 says
which of two files with one Kode Unit came first), by the user's name, so that the page and
the JSON say `d2-as1-pangan.xlsx`, exactly as `cek-pokja check d2-as1-pangan.xlsx`.
"""
from __future__ import annotations

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
