"""Reading one decree draft: the safety checks, python-docx opening the package, the walk,
the parts, the Pokja, the members, the targets and tasks, the revisions and comments."""
from __future__ import annotations

import gc
import hashlib
import os

from checker.load.decree import container, lampiran_members, package, parts, review, targets
from checker.load.decree.blocks import Paragraph
from checker.load.decree.draft_errors import DecreeError
from checker.load.decree.draft_model import Decree, Location, MissingPart
from checker.load.decree.formed_pokja import Formed
from checker.load.decree.lines import TableUnit, flatten
from checker.load.decree.locate import Locator
from checker.load.decree.ns import RT_COMMENTS, RT_COMMENTS_EXTENDED, RT_FOOTER, RT_HEADER, RT_NUMBERING, RT_STYLES
from checker.load.decree.numbering import Numbering
from checker.load.decree.styles import Styles
from checker.load.decree.walk import Walker
from checker.load.model import LoadError

# the workbook reader's file errors -> ours
_FILE_ERRORS = {"not_found": "not_found", "io_error": "io_error", "not_a_file": "not_a_file", "folder": "not_a_file",
                "dangling_link": "dangling_link", "file_too_large": "too_large"}


def read_bytes(path: str) -> bytes:
    """The file's bytes (checker/load/reader.read_bytes: regular files only, at most
    FILE_MAX_BYTES, refused from stat before opening)."""
    from checker.load.reader import read_bytes as read_file
    try:
        return read_file(path)
    except LoadError as e:
        kind = _FILE_ERRORS.get(e.message_key, "io_error")
        raise DecreeError(path, kind, e.detail, **(e.params if kind == "too_large" else {})) from None


def _related(part, reltype):
    for rel in part.rels.values():
        if not rel.is_external and rel.reltype == reltype:
            return rel.target_part
    return None


def walk_document(path: str, data: bytes):
    """The safety checks, python-docx and the walk: (body blocks, the Walker with its
    revisions and comment anchors, python-docx's main document part)."""
    box = container.inspect(path, data)
    doc = package.open_document(path, box)
    main = doc.part
    styles_part, numbering_part = _related(main, RT_STYLES), _related(main, RT_NUMBERING)
    styles = Styles(styles_part.element if styles_part is not None else None)
    numbering = Numbering(numbering_part.element if numbering_part is not None else None, styles)
    walker = Walker(path, numbering, styles)
    blocks = walker.body(doc.element.body)
    for rel in main.rels.values():
        if not rel.is_external and rel.reltype in (RT_HEADER, RT_FOOTER):
            walker.story(rel.target_part.element, "header" if rel.reltype == RT_HEADER else "footer")
    return blocks, walker, main


def read_decree(path, data: bytes | None = None) -> Decree:
    """Read a decree draft (.docx/.docm). `data`: its bytes when already read. Raises
    DecreeError when it cannot be read (S01). Nothing is ever written."""
    path = os.fspath(path) if not isinstance(path, str) else path
    if data is None:
        data = read_bytes(path)
    # The walk allocates one object per paragraph and cell, linked both ways; the cyclic
    # collector would rescan them all again and again (a third of the time of a large draft).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(path, data)
    finally:
        if collecting:
            gc.enable()


def _read(path: str, data: bytes) -> Decree:
    blocks, walker, main = walk_document(path, data)
    decree = Decree(path=path, sha256=hashlib.sha256(data).hexdigest())
    decree.paragraphs = sum(1 for b in blocks if isinstance(b, Paragraph))
    units = flatten(blocks)
    loc = Locator()
    p = parts.read_parts(units, loc)
    decree.title, decree.number, decree.subject = p.title, p.number, p.subject
    decree.considerations = p.considerations
    decree.dicta = [s.diktum for s in p.spans]
    decree.signature, decree.lampiran = p.signature, p.lampiran

    formed = Formed()
    forming = next((d for d in decree.dicta if d.forms), None)
    if forming is not None:
        formed.from_membentuk(forming)
    table_refs = {id(u.table): ref for u, ref in p.lampiran_units}
    diktum_units = [u for s in p.spans for u in s.units]
    lampiran_units = [u for u, _ in p.lampiran_units]
    for u in diktum_units + lampiran_units:
        _pokja_column(u, formed, loc)
    cands = lampiran_members.candidates(units, table_refs)
    lampiran_members.add_formed(cands, formed, loc)
    decree.formed = formed.items
    names = formed.names
    decree.member_tables = lampiran_members.read(cands, names, loc)
    decree.members = lampiran_members.join(decree.member_tables, [f.key for f in formed.items])
    decree.targets, decree.tasks = targets.read(p.spans, lampiran_units, names, loc)

    comments_part = _related(main, RT_COMMENTS)
    extended = _related(main, RT_COMMENTS_EXTENDED)
    decree.revisions = review.revisions(walker.revisions, loc)
    decree.comments = review.comments(comments_part.element if comments_part is not None else None,
                                      extended.blob if extended is not None else None, walker.comment_anchor, loc)
    decree.missing = _missing(decree, p, units, loc)
    return decree


def _pokja_column(u: TableUnit, formed: Formed, loc: Locator) -> None:
    """§3.6: the `Pokja` column of any table."""
    h = u.header
    if h is None:
        return
    for col in h.cols("pokja"):
        for r in range(h.end + 1, u.table.n_rows):
            cell = u.table.at(r, col)
            if cell is None or cell.row != r or not cell.plain.strip():
                continue
            formed.add(cell.plain.split("\n")[0], cell.plain, "pokja_column", loc.cell(u.table, cell, col))


def _missing(decree: Decree, p, units, loc: Locator) -> list[MissingPart]:
    out = []
    if decree.title is None:
        out.append(MissingPart("title", Location("judul", "Judul")))
    if not decree.dicta:
        where = Location("diktum", "Diktum")
        if p.memutuskan is not None:
            where = loc.locate(units[p.memutuskan].para)
        out.append(MissingPart("diktum", where))
    if not decree.member_tables:
        where = decree.lampiran.location if decree.lampiran is not None else Location("lampiran", "Lampiran")
        out.append(MissingPart("member_table", where))
    sig = decree.signature
    if sig is not None and sig.date.status == "unreadable":
        out.append(MissingPart("date", sig.location, sig.date.text))
    return out
