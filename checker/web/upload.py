"""A multipart upload streamed straight into a job's private folder, under a size limit.

Starlette's own form parser spools file parts to the system's temporary folder; here every
file part goes to `<job>/in/<token>.<ext>` as it arrives (nothing of an upload is written
anywhere else), parsed by python-multipart's streaming parser. The request's size is
bounded while the body streams in: a declared Content-Length above the limit is refused
before a byte is read, and a body that turns out longer (chunked, or lying) is refused as
soon as the limit is passed, not after reading it all. Its time is bounded too: after a grace
period the body must come at a minimum average rate (settings.UPLOAD_MIN_BYTES_PER_SECOND), and
the wait for its next bytes ends when that rate can no longer be kept (408, `too_slow`): a
client sending a byte every few seconds holds its place for the grace period only, and not even
that long when the server is full (admission.py gives its place to a newcomer).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from checker.web.error_responses import WebError
from checker.web.filenames import clean_name, stored_name
from checker.web.settings import (
    MAX_FIELD_BYTES,
    MAX_FILES,
    UPLOAD_GRACE_SECONDS,
    UPLOAD_MIN_BYTES_PER_SECOND,
)

try:
    import python_multipart as _multipart
except ImportError:  # pragma: no cover - python-multipart before 0.0.13
    import multipart as _multipart


_COMPLETE = (_multipart.multipart.MultipartState.END_BOUNDARY, _multipart.multipart.MultipartState.END)


class UploadError(WebError):
    """The upload cannot be taken (too large, too many files, not multipart, broken)."""


@dataclass
class StoredFile:
    field: str            # the form field ("files" or "roster")
    shown: str            # the user's file name, cleaned (filenames.clean_name)
    path: str             # where it is stored (never derived from the user's name)
    size: int = 0


@dataclass
class Upload:
    fields: dict = field(default_factory=dict)        # name -> text (the first value of each)
    files: list = field(default_factory=list)         # StoredFile, in the order sent

    def of(self, name: str) -> list[StoredFile]:
        return [f for f in self.files if f.field == name]


class _Receiver:
    """python-multipart callbacks: part headers, then data written to the part's file."""

    def __init__(self, folder: str, file_fields: tuple):
        self.folder, self.file_fields = folder, file_fields
        self.upload = Upload()
        self._headers: list = []
        self._name = self._value = b""
        self._part: StoredFile | None = None
        self._fh = None
        self._field: str | None = None
        self._data = bytearray()
        self._skip = False
        self._blank = False

    # headers of one part
    def on_part_begin(self):
        self._headers, self._part, self._field, self._data, self._skip = [], None, None, bytearray(), False

    def on_header_field(self, data, start, end):
        self._name += data[start:end]

    def on_header_value(self, data, start, end):
        self._value += data[start:end]

    def on_header_end(self):
        self._headers.append((self._name.lower(), self._value))
        self._name = self._value = b""

    def on_headers_finished(self):
        disposition = next((v for k, v in self._headers if k == b"content-disposition"), b"")
        # latin-1 keeps the bytes one to one; the names are UTF-8, as browsers send them
        _, options = _multipart.multipart.parse_options_header(disposition.decode("latin-1"))
        name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" not in options:
            self._field = name
            return
        if name not in self.file_fields:
            self._skip = True                                   # a file in a field we do not read
            return
        if len(self.upload.files) >= MAX_FILES:
            raise UploadError(413, "too_many_files", n=MAX_FILES)
        index = len(self.upload.files) + 1
        raw = options[b"filename"].decode("utf-8", "replace")
        shown = clean_name(raw, f"berkas-{index}.xlsx")
        path = os.path.join(self.folder, stored_name(index, shown))
        self._part = StoredFile(name, shown, path)
        self._blank = not raw.strip()                  # a file input left empty sends no name
        self._fh = open(path, "xb")                              # noqa: SIM115 - closed at the part's end

    def on_part_data(self, data, start, end):
        if self._part is not None:
            # a plain write: the folder is local and private, chunks are at most 64 KB
            self._fh.write(data[start:end])
            self._part.size += end - start
        elif self._field is not None and not self._skip:
            self._data += data[start:end]
            if len(self._data) > MAX_FIELD_BYTES:
                raise UploadError(400, "field_too_long")

    def on_part_end(self):
        if self._part is not None:
            self._fh.close()
            self._fh = None
            if self._part.size == 0 and self._blank:
                os.unlink(self._part.path)                   # an empty file input: nothing chosen
            else:
                self.upload.files.append(self._part)
        elif self._field is not None and not self._skip:
            self.upload.fields.setdefault(self._field, self._data.decode("utf-8", "replace"))
        self._part = self._field = None

    def close(self):
        if self._fh is not None:
            self._fh.close()
            self._fh = None


async def receive(request, folder: str, max_bytes: int, file_fields=("files", "roster"), *,
                  grace_s: float = UPLOAD_GRACE_SECONDS, min_rate: float = UPLOAD_MIN_BYTES_PER_SECOND,
                  ticket=None) -> Upload:
    """Stream the request's multipart body into `folder` (which must exist and be private).
    Raises UploadError: 413 (too large, too many files), 415 (not multipart), 400 (broken),
    408 (too slow: module doc; also when a newcomer took the place of its `ticket`, an
    admission.Ticket counting the bytes received)."""
    ctype = request.headers.get("content-type", "")
    kind, params = _multipart.multipart.parse_options_header(ctype)
    if kind != b"multipart/form-data" or not params.get(b"boundary"):
        raise UploadError(415, "not_multipart")
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > max_bytes:
                raise UploadError(413, "too_large", mb=_mb(max_bytes))
        except ValueError:
            raise UploadError(400, "broken_upload") from None
    receiver = _Receiver(folder, tuple(file_fields))
    callbacks = {name: getattr(receiver, name) for name in (
        "on_part_begin", "on_header_field", "on_header_value", "on_header_end", "on_headers_finished",
        "on_part_data", "on_part_end")}
    try:
        parser = _multipart.MultipartParser(params[b"boundary"], callbacks)
        seen = 0
        async for chunk in _timely(request.stream(), grace_s, min_rate, ticket):
            seen += len(chunk)
            if seen > max_bytes:
                raise UploadError(413, "too_large", mb=_mb(max_bytes))
            parser.write(chunk)
        parser.finalize()
        if parser.state not in _COMPLETE:
            raise UploadError(400, "broken_upload")          # cut off before the closing boundary
    except UploadError:
        raise
    except (_multipart.exceptions.FormParserError, ValueError):
        raise UploadError(400, "broken_upload") from None
    finally:
        receiver.close()
    return receiver.upload


async def _timely(stream, grace_s: float, min_rate: float, ticket=None):
    """The chunks of `stream`, each awaited only until the upload would fall below `min_rate`
    bytes per second on average after `grace_s` seconds, or until its place is given to a
    newcomer (`ticket.displaced`): UploadError 408 then."""
    import asyncio
    import time
    start = time.monotonic()
    chunks = stream.__aiter__()
    received = 0
    too_slow = UploadError(408, "too_slow", kb=f"{min_rate / 1024:g}", s=f"{grace_s:g}")
    while True:
        deadline = start + grace_s + (received + 1) / min_rate
        following = asyncio.ensure_future(chunks.__anext__())
        waits = {following}
        if ticket is not None:
            waits.add(asyncio.ensure_future(ticket.displaced.wait()))
        done, pending = await asyncio.wait(waits, timeout=max(0.0, deadline - time.monotonic()),
                                           return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        if following not in done:
            raise too_slow
        try:
            chunk = following.result()
        except StopAsyncIteration:
            return
        received += len(chunk)
        if ticket is not None:
            ticket.received = received
        yield chunk


def _mb(max_bytes: int) -> str:
    mb = max_bytes / (1024 * 1024)
    return f"{mb:g}"
