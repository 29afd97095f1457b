"""python-calamine, called directly (half the time of pd.read_excel, and merged ranges come
with it); its errors, Rust panics included, become LoadError."""
from __future__ import annotations

import io

from checker.load import errors
from checker.load.errors import LoadError


def _reader_error(path: str, exc: BaseException) -> LoadError:
    name = type(exc).__name__
    if name == "PasswordError":
        return errors.password_protected(path)
    return errors.corrupt(path, f"{name}: {exc}")


def guard_reader(path: str, fn, *args):
    """Run one python_calamine call; its errors (and Rust panics, which are BaseException)
    become LoadError. MemoryError is left to the caller (a worker reports the limit)."""
    try:
        return fn(*args)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException as exc:  # noqa: BLE001 - pyo3 PanicException derives from BaseException
        raise _reader_error(path, exc) from None


def open_workbook(path: str, data: bytes):
    import python_calamine as pc
    wb = guard_reader(path, pc.load_workbook, io.BytesIO(data))
    metas = guard_reader(path, lambda: wb.sheets_metadata)
    out = []
    for m in metas:
        if m.typ != pc.SheetTypeEnum.WorkSheet:
            continue
        out.append((m.name, m.visible != pc.SheetVisibleEnum.Visible))
    return wb, out


def read_sheet(path: str, wb, name: str):
    """(rows as lists, merged ranges ((r0, c0), (r1, c1)) 0-based, or None when the reader
    cannot tell them: workbook.py then reads them from the sheet's XML, load/merges.py)."""
    sheet = guard_reader(path, wb.get_sheet_by_name, name)
    rows = guard_reader(path, lambda: sheet.to_python(skip_empty_area=False))
    try:
        got = sheet.merged_cell_ranges
    except Exception:  # noqa: BLE001 - an older python-calamine has no merged_cell_ranges
        return rows, None
    return rows, None if got is None else list(got)


def read_bytes(path: str, max_bytes: int | None = None) -> bytes:
    """The file's bytes. Anything but a regular file (a FIFO, a device, a socket, a folder,
    a link to one of them or to nothing) is refused from its stat, before it is opened (a
    FIFO would block the open, /dev/zero never end); the open itself is non-blocking for the
    case that the entry changed in between. A file above `max_bytes` (default
    limits.FILE_MAX_BYTES) is refused unread."""
    import os
    import stat as st

    from checker.load.limits import FILE_MAX_BYTES
    kind = entry_kind(path)
    if kind != "file":
        raise errors.entry_error(path, kind)
    limit = FILE_MAX_BYTES if max_bytes is None else max_bytes
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise errors.not_found(path) from None
    except (OSError, ValueError) as exc:
        raise errors.io_error(path, str(exc)) from None
    try:
        info = os.fstat(fd)
        if not st.S_ISREG(info.st_mode):
            raise errors.not_a_file(path)
        if info.st_size > limit:
            raise errors.file_too_large(path, f"{info.st_size} bytes", mb=_mb(info.st_size), limit=_mb(limit))
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            data = fh.read(info.st_size + 1)     # read(n) allocates n bytes at once: the size, not the limit
            if len(data) > info.st_size:        # grew while read: read on, to the limit only
                data += fh.read(limit + 1 - len(data))
        if len(data) > limit:
            raise errors.file_too_large(path, f"> {limit} bytes", mb=_mb(len(data)), limit=_mb(limit))
        return data
    except (OSError, ValueError) as exc:
        raise errors.io_error(path, str(exc)) from None
    finally:
        if fd >= 0:
            os.close(fd)


def _mb(n: int) -> int:
    return -(-n >> 20)


def entry_kind(path) -> str:
    """What a path names, from stat only (never opened): "file" (a regular file, or a link to
    one), "not_found", "dangling_link", "folder", "not_a_file" (FIFO, device, socket) or
    "io_error" (stat itself failed, e.g. a folder on the way cannot be searched)."""
    import os
    import stat as st
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        try:
            os.lstat(path)
            return "dangling_link"
        except OSError:
            return "not_found"
    except (OSError, ValueError):
        return "io_error"
    if st.S_ISREG(mode):
        return "file"
    return "folder" if st.S_ISDIR(mode) else "not_a_file"
