"""This tool's own outputs, recognised when they come back as inputs: an annotated copy
carries the marker sheet, a findings workbook a custom document property. Neither is a
unit workbook."""
from __future__ import annotations

import os
import re
import zipfile
from html import unescape

from checker.terms import ANNOTATION_SHEET, OUTPUT_PROPERTY
from checker.texts import t

_SHEET_NAME_RE = re.compile(rb"<(?:\w+:)?sheet\b[^>]*?\bname=\"([^\"]*)\"")
_OPEN_ERRORS = (OSError, KeyError, zipfile.BadZipFile, ValueError, RuntimeError, NotImplementedError, EOFError)


def fold_sheet_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


# The marker sheet is named in the annotating run's language (--lang en: "cek-pokja results").
_MARKERS = frozenset(fold_sheet_name(n) for n in (ANNOTATION_SHEET, t("annotate.sheet", "en")))


def is_annotation_sheet(name: str) -> bool:
    return fold_sheet_name(name) in _MARKERS


def is_annotated(path) -> bool:
    """True when the workbook has the annotation marker sheet (read from xl/workbook.xml only;
    False for anything that is not a readable xlsx/xlsm zip)."""
    try:
        with zipfile.ZipFile(os.fspath(path)) as zf:
            info = zf.getinfo("xl/workbook.xml")
            if info.file_size > (16 << 20):
                return False
            data = zf.read(info)
    except _OPEN_ERRORS:
        return False
    for m in _SHEET_NAME_RE.finditer(data):
        try:
            name = unescape(m.group(1).decode("utf-8"))
        except UnicodeDecodeError:
            continue
        if is_annotation_sheet(name):
            return True
    return False


def sheet_names(path) -> list[str]:
    """The workbook's sheet names in order, from xl/workbook.xml only ([] for anything that is
    not a readable xlsx/xlsm zip). Call only for a regular file (load/reader.entry_kind)."""
    try:
        with zipfile.ZipFile(os.fspath(path)) as zf:
            info = zf.getinfo("xl/workbook.xml")
            if info.file_size > (16 << 20):
                return []
            data = zf.read(info)
    except _OPEN_ERRORS:
        return []
    out = []
    for m in _SHEET_NAME_RE.finditer(data):
        try:
            out.append(unescape(m.group(1).decode("utf-8")))
        except UnicodeDecodeError:
            continue
    return out


# The first sheets of a findings workbook (output/findings_workbook.py), in either language: a
# unit's hand-out (--per-unit) has these two, the run's workbook more after them.
_FINDINGS_LAYOUTS = tuple(
    tuple(fold_sheet_name(t("xlsx." + k, lang)) for k in ("sheet_summary", "sheet_findings"))
    for lang in ("id", "en"))


def is_findings_workbook(path) -> bool:
    """A findings workbook this tool wrote: output/findings_workbook.py marks it with a custom property
    AND it has the findings workbook's sheets, first and in order (a unit workbook copied
    from one that carries the property is still a unit workbook)."""
    try:
        with zipfile.ZipFile(os.fspath(path)) as z:
            custom = z.read("docProps/custom.xml")[:8192]
    except _OPEN_ERRORS:
        return False
    if f'name="{OUTPUT_PROPERTY}"'.encode() not in custom:
        return False
    names = tuple(fold_sheet_name(n) for n in sheet_names(path)[:2])
    return names in _FINDINGS_LAYOUTS
