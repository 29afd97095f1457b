"""The consultation's traces (decree-format.md §3.2, S14): tracked changes and comments, with
where they are. A comment is resolved when its commentsExtended entry (keyed by the w14:paraId
of the comment's last paragraph) says w15:done="1", or its thread's first comment's does."""
from __future__ import annotations

from checker.load.decree import xml
from checker.load.decree.blocks import Paragraph, RawRevision
from checker.load.decree.draft_model import DOCUMENT, Comment, Location, Revision
from checker.load.decree.locate import Locator
from checker.load.decree.ns import AUTHOR, DATE, ID, W14_NS, W15_NS, P, T, w

_PARA_ID = f"{{{W14_NS}}}paraId"
_EX_PARA_ID, _EX_DONE, _EX_PARENT = f"{{{W15_NS}}}paraId", f"{{{W15_NS}}}done", f"{{{W15_NS}}}paraIdParent"


def revisions(raw: list[RawRevision], loc: Locator) -> list[Revision]:
    return [Revision(r.kind, r.author, r.date, r.story,
                     loc.locate(r.paragraph) if r.paragraph is not None else DOCUMENT) for r in raw]


def _done_flags(extended: bytes | None) -> tuple[dict[str, bool], dict[str, str]]:
    if not extended:
        return {}, {}
    try:
        root = xml.parse(extended)
    except xml.ParseError:
        return {}, {}
    done, parent = {}, {}
    for ex in root.iter(f"{{{W15_NS}}}commentEx"):
        pid = ex.get(_EX_PARA_ID)
        if pid:
            done[pid] = ex.get(_EX_DONE) in ("1", "true")
            if ex.get(_EX_PARENT):
                parent[pid] = ex.get(_EX_PARENT)
    return done, parent


def comments(root, extended: bytes | None, anchors: dict[str, Paragraph | str], loc: Locator) -> list[Comment]:
    """The comments part's comments, in its order, with author, date, text, resolved flag and
    the location of their anchor."""
    if root is None:
        return []
    done, parent = _done_flags(extended)
    out = []
    for c in root.iter(w("comment")):
        cid = c.get(ID) or ""
        paras = list(c.iter(P))
        text = "\n".join("".join(t.text or "" for t in p.iter(T)) for p in paras).strip()
        last = paras[-1].get(_PARA_ID) if paras else None
        resolved = bool(last and done.get(last))
        if last and not resolved and last in parent:
            resolved = bool(done.get(parent[last]))
        where = anchors.get(cid)
        if isinstance(where, Paragraph):
            story, location = "body", loc.locate(where)
        elif isinstance(where, str):
            story, location = where, DOCUMENT
        else:
            story, location = "", DOCUMENT
        out.append(Comment(cid, c.get(AUTHOR) or "", c.get(w("initials")) or "", c.get(DATE) or "", text,
                           resolved, story, location))
    return out


def first_open(revs: list[Revision], comms: list[Comment]) -> Location | None:
    """The location of the first open revision or comment in the body (S14 names it)."""
    body = [r.location for r in revs if r.story == "body"] + [c.location for c in comms
                                                               if not c.resolved and c.story == "body"]
    return body[0] if body else None
