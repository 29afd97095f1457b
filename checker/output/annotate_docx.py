"""`check --annotate` for a decree draft (decree-format.md §6.4): a copy of the .docx with one
Word comment per finding, back into the Word round-trip the bureau uses.

    job = draft_job(inp, findings, lang, target, protect)     # what a reader worker needs
    job.make(source) -> (target, None) | (None, why)           # in the worker (annotate.copy_task)
    annotate_draft(source, notes, target, title=..., protect=..., source_name=...) -> target

The copy is `<stem>.diperiksa.docx` beside the draft (a `.docm` stays `.docm`), or in
--annotate-dir; annotate.py names it, and makes it in the same bounded reader worker as a
workbook's copy (its copy_task runs `DraftJob.make`).

Each comment (author `cek-pokja`, initials `CP`) reads `<ID> <label>: <message>`, then
`Dasar: <basis>.`, `Saran: <hint>` and, for a consistency rule, the draft's and the
workbook's text. It covers the whole paragraph of the finding's location (its `anchor`: the
paragraph, or a cell's first paragraph, found again by its index path under w:body); a
decree-level finding, and one whose place is not in the body (a header's revision), goes on
the title's first paragraph (the body's first paragraph when the draft has no title).

python-docx (>= 1.2) opens the ORIGINAL file (not the reader's stripped view) and writes the
comments with `Document.add_comment`. Its anchor is a run, and a paragraph's text can sit in
tracked insertions, hyperlinks or content controls, or be empty (an empty Output cell): so
the comment is added on an empty run at the paragraph's end and its range start is then moved
to the paragraph's start. Nothing else changes: the copy is the original zip member for
member, with only the main part, the comments part, their relationships and content types,
and the custom properties replaced (every other part keeps its bytes, so existing comments'
threads and done flags, tracked changes, content controls, numbering, headers and footers
stay); no revision is accepted or rejected and no text rewritten. The copy carries the
custom document property `cek-pokja-annotated` = `1`: a folder check skips it and a check
given it by name refuses it (load/decree/container.py). The package passes the reader's
safety checks (zip bounds, DOCTYPE) before python-docx parses it.
"""
from __future__ import annotations

import io
import os
import posixpath
import zipfile
from dataclasses import dataclass

from checker.findings import workbook_place
from checker.output.clean import clean
from checker.terms import COMMENT_AUTHOR, MAX_COMMENT, is_data_basis
from checker.texts import UserError, t

COMMENT_INITIALS = "CP"
# decree-format.md §6.4: findings about the whole decree go on the title's first paragraph
DECREE_LEVEL = frozenset({"S02", "S04", "S11", "S13", "S14", "S15", "S24"})
_QUOTE = 2000                           # each text quoted in a comment, at most

_CT = "[Content_Types].xml"
_PKG_RELS = "_rels/.rels"
_CUSTOM = "docProps/custom.xml"
_CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


@dataclass(frozen=True)
class DraftJob:
    """One draft's copy as a reader worker makes it (picklable): the comments as (anchor or
    None, text), the title's first paragraph's anchor."""
    target: str
    notes: tuple
    title: tuple | None
    protect: tuple
    source_name: str

    def make(self, source: str) -> tuple[str | None, str | None]:
        """(the copy's path, None), or (None, why it was not made: technical, for --debug)."""
        try:
            return annotate_draft(source, self.notes, self.target, title=self.title, protect=self.protect,
                                  source_name=self.source_name), None
        except NotAnnotated as e:
            return None, e.detail


class NotAnnotated(UserError):
    """The draft cannot be opened again to be annotated: the text annotate.not_made naming it
    (`file`), as for a workbook (annotate.py raises its AnnotateError from `detail`, technical)."""
    PREFIX = "annotate."

    def __init__(self, file: str, detail: str = ""):
        self.detail = detail
        super().__init__("not_made", file=file)


def draft_job(inp, findings, lang: str, target: str, protect=()) -> DraftJob:
    """The job of the copy of draft `inp` (a checked InputFile of kind "sk") with `findings`."""
    decree = inp.decree
    title = getattr(getattr(getattr(decree, "title", None), "location", None), "anchor", None)
    notes = tuple((_anchor_of(f), comment_text(f, lang)) for f in findings)
    return DraftJob(target, notes, title, tuple(protect), inp.file)


def _anchor_of(f):
    if f.rule in DECREE_LEVEL:
        return None
    return getattr(getattr(f, "place", None), "anchor", None)


def comment_text(f, lang: str) -> str:
    """`<ID> <label>: <message>`, `Dasar: <basis>.`, `Saran: <hint>`, and the two texts of a
    consistency finding, one paragraph each."""
    label = f.label or f.severity
    lines = [f"{f.rule} {label}: {f.message}"]
    if f.basis:
        basis = t("annotate.docx_basis_data", lang) if is_data_basis(f.basis) else f.basis
        lines.append(f"{t('annotate.basis', lang)}: {basis.rstrip('.')}.")
    if f.hint:
        lines.append(f"{t('annotate.hint', lang)}: {f.hint}")
    wb = f.workbook or {}
    if wb:
        lines.append(t("annotate.docx_in_draft", lang, text=_quoted(f.found, lang)))
        lines.append(t("annotate.docx_in_workbook", lang, where=workbook_place(wb),
                       text=_quoted(wb.get("value"), lang)))
    text = clean("\n".join(lines), lines=True)
    return text if len(text) <= MAX_COMMENT else text[:MAX_COMMENT - 1] + "…"


def _quoted(value, lang: str) -> str:
    if value is None or str(value).strip() == "":
        return t("annotate.docx_empty", lang)
    text = str(value)
    if len(text) > _QUOTE:
        text = text[:_QUOTE - 1] + "…"
    return f"\u201c{text}\u201d"


# ---------------------------------------------------------------------------- the copy

def annotate_draft(source_path, notes, out_path, title=None, protect=(), source_name=None) -> str:
    """Write the annotated copy of the draft at `source_path` to `out_path` (module doc); its
    path. `notes`: (anchor or None, comment text) per finding; `title`: the anchor of the
    title's first paragraph; `source_name`: the draft as shown. NotAnnotated when the draft
    cannot be opened again;
    atomic.OutputIsInputError onto an input; OSError."""
    from checker.load.decree.container import inspect
    from checker.load.decree.draft_errors import DecreeError
    from checker.output.atomic import atomic_output, refuse_inputs

    source = os.fspath(source_path)
    target = os.fspath(out_path)
    name = source_name or source
    refuse_inputs(target, [source, *protect])
    with open(source, "rb") as fh:
        data = fh.read()
    try:
        box = inspect(source, data)                 # the reader's bounds, before any parser
        doc = _open(data, box.main)
        _comment(doc, notes, title)
        made = io.BytesIO()
        doc.save(made)
        out = _merge(data, made.getvalue(), doc)
    except MemoryError:                             # a worker's bound: said as such (annotate.copy_failed)
        raise
    except DecreeError as exc:
        raise NotAnnotated(name, f"{exc.kind}: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - any failure of python-docx or of the package
        raise NotAnnotated(name, f"{type(exc).__name__}: {exc}") from None
    with atomic_output(target) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(out)
    return target


def _open(data: bytes, main: str):
    """python-docx's Document of the original package (a .docm's main part declared as a
    .docx's for python-docx only: the copy keeps the original's content types)."""
    import docx

    from checker.load.decree.package import fix_content_types
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        ct = zf.read(_CT)
    fixed = fix_content_types(ct, main)
    if fixed is not ct:
        data = _rezip(data, {_CT: fixed})
    return docx.Document(io.BytesIO(data))


def _comment(doc, notes, title) -> None:
    """One comment per note, on its paragraph, else on the title's first paragraph."""
    from docx.oxml import OxmlElement
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    from checker.load.decree.draft_model import resolve_anchor
    from checker.load.decree.ns import PPR, P

    body = doc.element.body

    def paragraph(anchor):
        el = resolve_anchor(body, tuple(anchor)) if anchor else None
        if el is not None and el.tag != P:
            el = next(el.iter(P), None)
        return el

    fallback = paragraph(title) if title else None
    if fallback is None:
        fallback = next(body.iter(P), None)
    for anchor, text in notes:
        p = paragraph(anchor) if anchor else None
        p = p if p is not None else fallback
        if p is None:                               # a body without a paragraph: nothing to comment on
            continue
        holder = OxmlElement("w:r")                 # Document.add_comment anchors on a run
        p.append(holder)
        doc.add_comment(Run(holder, Paragraph(p, doc)), text=text, author=COMMENT_AUTHOR,
                        initials=COMMENT_INITIALS)
        start = holder.getprevious()                # w:commentRangeStart: to the paragraph's start
        p.remove(holder)
        ppr = p.find(PPR)
        if ppr is not None:
            ppr.addnext(start)
        else:
            p.insert(0, start)


def _merge(original: bytes, saved: bytes, doc) -> bytes:
    """The original zip with only what the comments and the marker change (module doc)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    from checker.load.decree.ns import CT_NS, REL_NS, RT_CUSTOM_PROPERTIES

    main = doc.part.partname.lstrip("/")
    comments = next((r.target_part.partname.lstrip("/") for r in doc.part.rels.values()
                     if r.reltype == RT.COMMENTS and not r.is_external), None)
    main_rels = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
    src = zipfile.ZipFile(io.BytesIO(original))
    made = zipfile.ZipFile(io.BytesIO(saved))
    names = set(src.namelist())
    changes: dict[str, bytes] = {main: made.read(main)}
    ct = _parse(src.read(_CT))
    if comments is not None:
        changes[comments] = made.read(comments)
        if comments not in names:                   # a new part: its content type and relationship
            made_ct = _parse(made.read(_CT))
            for ov in made_ct.iter(f"{{{CT_NS}}}Override"):
                if ov.get("PartName", "").lstrip("/") == comments:
                    ct.append(ov)
            rels = _parse(src.read(main_rels)) if main_rels in names else _new_rels(REL_NS)
            made_rels = _parse(made.read(main_rels))
            ids = {r.get("Id") for r in rels}
            for rel in made_rels:
                if rel.get("Id") not in ids and rel.get("Type") == RT.COMMENTS:
                    rels.append(rel)
            changes[main_rels] = _bytes(rels)
    pkg = _parse(src.read(_PKG_RELS))
    custom = next((posixpath.normpath(r.get("Target", "").lstrip("/")) for r in pkg
                   if r.get("Type") == RT_CUSTOM_PROPERTIES), None)
    if custom is None or custom not in names:
        custom = custom or _CUSTOM
        if not any(r.get("Type") == RT_CUSTOM_PROPERTIES for r in pkg):
            ids = {r.get("Id") for r in pkg}
            n = 1
            while f"rId{n}" in ids:
                n += 1
            rel = pkg.makeelement(f"{{{REL_NS}}}Relationship",
                                  {"Id": f"rId{n}", "Type": RT_CUSTOM_PROPERTIES, "Target": custom})
            pkg.append(rel)
            changes[_PKG_RELS] = _bytes(pkg)
        if not any(ov.get("PartName", "").lstrip("/") == custom for ov in ct.iter(f"{{{CT_NS}}}Override")):
            ct.append(ct.makeelement(f"{{{CT_NS}}}Override", {"PartName": "/" + custom, "ContentType": _CT_CUSTOM}))
    changes[custom] = _marked(src.read(custom) if custom in names else None)
    changes[_CT] = _bytes(ct)
    return _rezip(original, changes)


def _marked(data: bytes | None) -> bytes:
    """The custom properties with `cek-pokja-annotated` = `1` (added, or set when present)."""
    from checker.load.decree.container import ANNOTATED_PROPERTY
    from checker.load.decree.ns import CUSTOM_NS
    if data is None:
        root = _parse(f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{_VT_NS}"/>'.encode())
    else:
        root = _parse(data)
    props = [p for p in root if p.tag == f"{{{CUSTOM_NS}}}property"]
    for p in props:
        if p.get("name") == ANNOTATED_PROPERTY:
            root.remove(p)
    pids = [int(p.get("pid")) for p in props if (p.get("pid") or "").isdigit()]
    prop = root.makeelement(f"{{{CUSTOM_NS}}}property",
                            {"fmtid": _FMTID, "pid": str(max(pids, default=1) + 1), "name": ANNOTATED_PROPERTY})
    value = prop.makeelement(f"{{{_VT_NS}}}lpwstr", {})
    value.text = "1"
    prop.append(value)
    root.append(prop)
    return _bytes(root)


def _new_rels(ns: str):
    return _parse(f'<Relationships xmlns="{ns}"/>'.encode())


def _parse(data: bytes):
    from checker.load.decree import xml
    return xml.parse(data)


def _bytes(root) -> bytes:
    from checker.load.decree import xml
    return xml.tostring(root)


def _rezip(data: bytes, changes: dict[str, bytes]) -> bytes:
    """The zip `data`, member for member in its order, with `changes` replacing or adding members."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        done = set()
        for info in src.infolist():
            if info.filename in done:
                continue
            done.add(info.filename)
            blob = changes.get(info.filename)
            member = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            zf.writestr(member, blob if blob is not None else src.read(info))
        for name, blob in changes.items():
            if name not in done:
                zf.writestr(name, blob)
    return out.getvalue()
