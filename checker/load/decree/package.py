"""python-docx opens the package (decree-format.md §7): parts, relationships, styles,
numbering, comments. It is given a copy holding only the XML parts the safety check
streamed (container.py), so that it never reads `word/media/`, `word/embeddings/`, fonts or
macros (python-docx loads every part a relationship reaches): relationships to the parts
left out are dropped, and the main part of a .docm/.dotx/.dotm is declared a .docx's (its
macros are never read). The copy lives in memory; nothing is ever written to the input.

The annotated copy (§6.4) must not be written from this view: it opens the original.
"""
from __future__ import annotations

import io
import posixpath
import zipfile

from checker.load.decree import xml
from checker.load.decree.container import Container, resolve
from checker.load.decree.draft_errors import DecreeError
from checker.load.decree.ns import CT_DOCUMENT_MAIN, CT_DOCUMENT_VARIANTS, CT_NS, REL_NS

_CT_PART = "[Content_Types].xml"


def _rels_source_dir(rels_name: str) -> str:
    """"word/_rels/document.xml.rels" -> "word"; "_rels/.rels" -> ""."""
    folder = posixpath.dirname(posixpath.dirname(rels_name))
    return folder


def _filter_rels(data: bytes, base: str, kept: set[str]) -> bytes:
    root = xml.parse(data)
    dropped = False
    for rel in list(root.iter(f"{{{REL_NS}}}Relationship")):
        if rel.get("TargetMode") == "External":
            continue
        if resolve(base, rel.get("Target", "")) not in kept:
            rel.getparent().remove(rel)
            dropped = True
    return xml.tostring(root) if dropped else data


def fix_content_types(data: bytes, main: str) -> bytes:
    """[Content_Types].xml with a .docm's (or template's) main part declared as a .docx's, which
    python-docx requires; `data` itself when nothing changes."""
    root = xml.parse(data)
    changed = False
    for ov in root.iter(f"{{{CT_NS}}}Override"):
        if ov.get("PartName", "").lstrip("/") == main and ov.get("ContentType") in CT_DOCUMENT_VARIANTS:
            ov.set("ContentType", CT_DOCUMENT_MAIN)
            changed = True
    return xml.tostring(root) if changed else data


def view(path: str, box: Container) -> bytes:
    """The zip python-docx is given: the XML parts only, relationships to the rest dropped."""
    kept = set(box.parts)
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
            for name, data in box.parts.items():
                if name.endswith(".rels"):
                    data = _filter_rels(data, _rels_source_dir(name), kept)
                elif name == _CT_PART:
                    data = fix_content_types(data, box.main)
                zf.writestr(name, data)
    except xml.ParseError as exc:
        raise DecreeError(path, "corrupt", f"relationships: {exc}") from None
    return out.getvalue()


def open_document(path: str, box: Container):
    """The python-docx Document of the draft (its element tree is what the walk reads)."""
    import docx
    data = view(path, box)
    try:
        return docx.Document(io.BytesIO(data))
    except (KeyError, AttributeError, TypeError, IndexError, zipfile.BadZipFile, *xml.ParseError) as exc:
        raise DecreeError(path, "corrupt", f"python-docx: {type(exc).__name__}: {exc}") from None
