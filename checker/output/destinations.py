"""Where outputs go, and what the user reads when one cannot go there: always the path as the
user gave it and the option that named it, never a temporary file's name or the operating
system's own (English) wording."""
from __future__ import annotations

import errno
import os
from contextlib import contextmanager

from checker.output.atomic import OutputIsInputError
from checker.texts import UserError


class TargetError(UserError):
    """An output that cannot be written; `message(lang)` names the path and what to do."""
    PREFIX = "err."


def with_xlsx(path: str) -> str:
    """`-o hasil` is `hasil.xlsx`: a findings workbook always has its extension."""
    return path if path.lower().endswith(".xlsx") else path + ".xlsx"


def check_file_target(path: str, option: str) -> None:
    """Before the run: the folder of an output file exists and can be written."""
    if os.path.isdir(path):
        example = os.path.join(path, "temuan.xlsx" if option == "-o" else "temuan.json")
        raise TargetError("output_is_folder", path=path, option=option, example=example)
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        raise TargetError("output_dir_missing", path=path, option=option, folder=folder)
    if not os.access(folder, os.W_OK):
        raise TargetError("output_denied", path=path, option=option, folder=folder)


def check_folder_target(path: str, option: str) -> None:
    """Before the run: an output folder is a folder (it is made when missing)."""
    if os.path.exists(path) and not os.path.isdir(path):
        raise TargetError("output_not_folder", path=path, option=option)


@contextmanager
def writing(path: str, option: str, folder: bool = False):
    """Turns the failures of writing `path` into a TargetError naming `path` and `option`."""
    try:
        yield
    except OutputIsInputError as e:
        raise TargetError("output_is_input", path=e.output if folder else path, option=option) from None
    except OSError as e:
        raise _os_error(e, path, option, folder) from None


def _os_error(e: OSError, path: str, option: str, folder: bool) -> TargetError:
    where = path if folder else (os.path.dirname(path) or ".")
    code = e.errno
    if code == errno.ENOENT:
        return TargetError("output_dir_missing", path=path, option=option, folder=where)
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return TargetError("output_denied", path=path, option=option, folder=where)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return TargetError("output_full", path=path, option=option)
    if code == errno.EISDIR:
        return TargetError("output_is_folder", path=path, option=option, example=os.path.join(path, "temuan.xlsx"))
    if code == errno.ENOTDIR:
        return TargetError("output_not_folder", path=path, option=option)
    return TargetError("output_unwritable", path=path, option=option,
                       detail=errno.errorcode.get(code, str(code)) if code else type(e).__name__)
