"""python-calamine, called directly (half the time of pd.read_excel, and merged ranges come
with it); its errors, Rust panics included, become LoadError."""
from __future__ import annotations

import io

from checker.input import schema
from checker.input.values import fold_header
from checker.load.model import LoadError


def _reader_error(path: str, exc: BaseException) -> LoadError:
    name = type(exc).__name__
    if name == "PasswordError":
        return LoadError(path, "password_protected")
    return LoadError(path, "corrupt", f"{name}: {exc}")


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


def match_sheets(metas: list[tuple[str, bool]]) -> dict[str, tuple[str, bool]]:
    found: dict[str, tuple[str, bool]] = {}
    for spec in schema.SHEETS:
        keys = schema.sheet_name_keys(spec)
        cands = [(n, h) for n, h in metas
                 if fold_header(n) in keys or fold_header(n[:31]) in keys]
        if cands:
            visible = [c for c in cands if not c[1]]
            found[spec.kind] = (visible or cands)[0]
    return found


def read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise LoadError(path, "not_found") from None
    except IsADirectoryError:
        raise LoadError(path, "io_error", "is a directory") from None
    except (OSError, ValueError) as exc:
        raise LoadError(path, "io_error", str(exc)) from None
