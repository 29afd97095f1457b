"""Package safety of a decree draft (decree-format.md §3.1), before any XML parser runs:

1. the format, sniffed from the bytes (never the extension): legacy Word (OLE2), a
   password-protected .docx (OLE2 EncryptedPackage), RTF, PDF, pictures, OpenDocument, a
   damaged zip, a zip without a Word document body;
2. the zip directory: declared total <= 1 GiB, per member above 5 MiB a ratio <= 100:1 (the
   workbook's bounds, checker/load/limits.py);
3. every XML part streamed once: no more bytes than declared, CRC, `<!DOCTYPE`/`<!ENTITY`
   refused; the main part's paragraphs and table rows counted from its bytes (a cheap upper
   bound: a text box's paragraphs count twice, as Word stores them twice);
4. this tool's own annotated copy (custom document property `cek-pokja-annotated` = 1).

`word/media/` and `word/embeddings/` (and every other non-XML member: fonts, macros,
thumbnails) are never streamed: only the zip directory counts for them. The result keeps the
bytes of the XML parts, for package.py.

The workbook's safety.py does the same for .xlsx; its generic pieces are imported here. Its
zip-directory check and its inspect() are xlsx-specific (they refuse a zip with word/), so
their docx side is written here; the lead may unify them.
"""
from __future__ import annotations

import io
import os
import re
import zipfile
import zlib
from dataclasses import dataclass

from checker.load import limits as doc_limits
from checker.load.decree import xml
from checker.load.decree.draft_errors import DecreeError
from checker.load.decree.ns import CUSTOM_NS, REL_NS, RT_CUSTOM_PROPERTIES, RT_OFFICE_DOCUMENT
from checker.load.safety import (
    _DOCTYPE_MARKS,
    _OLE2,
    XML_SUFFIXES,
    _more_than_declared,
    check_zip_bounds,
    stream_member,
)
from checker.load.safety import resolve_target as resolve

ANNOTATED_PROPERTY = "cek-pokja-annotated"      # §6.4: the marker of this tool's annotated copy

_NEVER_STREAMED = ("word/media/", "word/embeddings/")

_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
_HEIF_BRANDS = (b"heic", b"heix", b"mif1", b"msf1", b"avif", b"heif")

# Word writes every paragraph and row with the w: prefix; the walk counts exactly afterwards.
_PARA_RE = re.compile(rb"<w:p[\s>/]")
_ROW_RE = re.compile(rb"<w:tr[\s>/]")
_TAIL = 5                       # longest pattern minus one: a match across two chunks is counted once


@dataclass
class Container:
    """What the checks learnt: the XML parts' bytes by zip name, every member's name, the
    main document part, and its paragraphs and rows counted from its bytes."""
    parts: dict[str, bytes]
    names: set[str]
    main: str
    paragraphs: int = 0
    rows: int = 0


def sniff(path: str, data: bytes) -> None:
    """Raise DecreeError unless `data` starts like a zip."""
    if not data:
        raise DecreeError(path, "empty_file")
    is_zip = data.startswith((b"PK\x03\x04", b"PK\x05\x06"))
    if os.path.basename(path).startswith("~$") and len(data) < 4096 and not is_zip:
        raise DecreeError(path, "lock_file")
    if data.startswith(_OLE2):
        if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
            raise DecreeError(path, "encrypted")
        if "WordDocument".encode("utf-16-le") in data:
            raise DecreeError(path, "legacy_doc")
        raise DecreeError(path, "corrupt", "OLE2 compound file without a Word document")
    if is_zip:
        return
    head = data[:1024]
    if head.lstrip().startswith(b"{\\rtf"):
        raise DecreeError(path, "rtf")
    if b"%PDF-" in head:
        raise DecreeError(path, "pdf")
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP") \
            or (head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS) \
            or (head[:2] == b"BM" and len(head) >= 14 and head[6:10] == b"\x00\x00\x00\x00"):
        raise DecreeError(path, "image")
    raise DecreeError(path, "corrupt", "not a zip")


def _directory(path: str, data: bytes) -> tuple[zipfile.ZipFile, list]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise DecreeError(path, "corrupt", str(exc)) from None
    names = {i.filename for i in infos}
    if "mimetype" in names or ("content.xml" in names and "META-INF/manifest.xml" in names):
        raise DecreeError(path, "odt")
    check_zip_bounds(infos, lambda detail: DecreeError(path, "zip_bomb", detail))
    return zf, infos


def _is_streamed(name: str) -> bool:
    return name.endswith(XML_SUFFIXES) and not name.startswith(_NEVER_STREAMED)


def inspect(path: str, data: bytes) -> Container:
    """Every check before a parser runs; raise DecreeError, else the XML parts' bytes."""
    path = str(path)
    sniff(path, data)
    zf, infos = _directory(path, data)
    names = {i.filename for i in infos}
    parts: dict[str, bytes] = {}
    counts = {}
    current = None
    try:
        # the relationships first: they name the main part, whose bytes are counted as streamed
        order = sorted((i for i in infos if not i.is_dir() and _is_streamed(i.filename)),
                       key=lambda i: i.filename != "_rels/.rels")
        main = "word/document.xml"
        for i in order:
            current = i
            counted = i.filename == main
            parts[i.filename] = _stream(path, zf, i, counts if counted else None)
            if i.filename == "_rels/.rels":
                main = _main_part(parts[i.filename]) or main
    except DecreeError:
        raise
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc) and current is not None and _more_than_declared(zf, current):
            raise DecreeError(path, "zip_bomb", f"{current.filename}: more data than declared") from None
        raise DecreeError(path, "corrupt", str(exc)) from None
    except (EOFError, OSError, ValueError, NotImplementedError, RuntimeError, zlib.error) as exc:
        raise DecreeError(path, "corrupt", str(exc)) from None
    if main not in parts:
        raise DecreeError(path, "no_document", f"no main document part {main}")
    box = Container(parts, names, main, counts.get("p", 0), counts.get("tr", 0))
    if box.paragraphs > doc_limits.DOC_MAX_PARAGRAPHS:
        raise DecreeError(path, "too_many_paragraphs", "counted in the XML", count=box.paragraphs,
                          limit=doc_limits.DOC_MAX_PARAGRAPHS)
    if box.rows > doc_limits.DOC_MAX_TABLE_ROWS:
        raise DecreeError(path, "too_many_rows", "counted in the XML", count=box.rows,
                          limit=doc_limits.DOC_MAX_TABLE_ROWS)
    if is_annotated_parts(parts):
        raise DecreeError(path, "own_annotated_copy")
    return box


def _stream(path: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo, counts: dict | None) -> bytes:
    chunks = []
    tail = b""
    paras = rows = 0
    for chunk, _window in stream_member(
            zf, info, lambda: DecreeError(path, "zip_bomb", f"{info.filename}: more data than declared"),
            lambda: DecreeError(path, "xml_doctype", info.filename)):
        if counts is not None:
            counted = tail + chunk
            paras += len(_PARA_RE.findall(counted))
            rows += len(_ROW_RE.findall(counted))
            tail = chunk[-_TAIL:]
        chunks.append(chunk)
    if counts is not None:
        counts["p"], counts["tr"] = paras, rows
    return b"".join(chunks)


def _main_part(rels: bytes) -> str | None:
    try:
        root = xml.parse(rels)
    except xml.ParseError:
        return None
    for rel in root.iter(f"{{{REL_NS}}}Relationship"):
        if rel.get("Type") == RT_OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
            return resolve("", rel.get("Target", ""))
    return None


def _custom_part(parts: dict[str, bytes]) -> str | None:
    rels = parts.get("_rels/.rels")
    if rels is not None:
        try:
            for rel in xml.parse(rels).iter(f"{{{REL_NS}}}Relationship"):
                if rel.get("Type") == RT_CUSTOM_PROPERTIES:
                    return resolve("", rel.get("Target", ""))
        except xml.ParseError:
            pass
    return "docProps/custom.xml" if "docProps/custom.xml" in parts else None


def is_annotated_parts(parts: dict[str, bytes]) -> bool:
    """The custom document property `cek-pokja-annotated` is 1 (or true)."""
    name = _custom_part(parts)
    if name is None or name not in parts:
        return False
    try:
        root = xml.parse(parts[name])
    except xml.ParseError:
        return False
    for prop in root.iter(f"{{{CUSTOM_NS}}}property"):
        if prop.get("name") == ANNOTATED_PROPERTY:
            value = "".join(prop.itertext()).strip().casefold()
            return value in ("1", "true")
    return False


def is_annotated_decree(path) -> bool:
    """For a folder check: the file is this tool's annotated copy of a draft. Reads only the
    package relationships and the custom properties part (each at most 1 MiB, no DOCTYPE);
    False for anything that is not a readable zip."""
    try:
        with zipfile.ZipFile(os.fspath(path)) as zf:
            parts = {}
            for name in ("_rels/.rels", "docProps/custom.xml"):
                try:
                    info = zf.getinfo(name)
                except KeyError:
                    continue
                if info.file_size > (1 << 20):
                    return False
                data = zf.read(info)
                if any(mark in data for mark in _DOCTYPE_MARKS):
                    return False
                parts[name] = data
            custom = _custom_part(parts)
            if custom and custom not in parts:
                info = zf.getinfo(custom)
                if info.file_size > (1 << 20):
                    return False
                parts[custom] = zf.read(info)
                if any(mark in parts[custom] for mark in _DOCTYPE_MARKS):
                    return False
    except (OSError, KeyError, zipfile.BadZipFile, ValueError, RuntimeError, NotImplementedError, EOFError,
            zlib.error):
        return False
    return is_annotated_parts(parts)
