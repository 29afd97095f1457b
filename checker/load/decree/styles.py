"""What the walk needs from `styles.xml`: a paragraph style's numbering (w:numPr, through
w:basedOn) and whether a table style draws borders."""
from __future__ import annotations

from lxml import etree

from checker.load.decree.ns import NUMID, NUMPR, PPR, TBL_BORDERS, TBLPR, VAL, W_NS, int_attr, w

_NS = {"w": W_NS}
# compiled once; they work on python-docx's elements and on plain lxml ones alike
_BASED_IDS = etree.XPath("w:style[w:basedOn]/@w:styleId", namespaces=_NS)
_BASED_ON = etree.XPath("w:style[w:basedOn]/w:basedOn[1]/@w:val", namespaces=_NS)
_DEFAULTS = etree.XPath("w:style[@w:default='1' or @w:default='true']", namespaces=_NS)
_NUMBERED = etree.XPath("w:style[w:pPr/w:numPr]", namespaces=_NS)
_BORDERED = etree.XPath("w:style[w:tblPr/w:tblBorders]", namespaces=_NS)

_NO_BORDER = ("nil", "none")
_MAX_CHAIN = 32                 # basedOn chains are short; a loop stops here


def borders_of(tbl_borders) -> bool | None:
    """True when a w:tblBorders/w:tcBorders draws a line, False when it names only none/nil,
    None when absent."""
    if tbl_borders is None:
        return None
    for b in tbl_borders:
        if isinstance(b.tag, str) and b.get(VAL) not in _NO_BORDER and b.get(VAL) is not None:
            return True
    return False


class Styles:
    def __init__(self, root=None):
        self._based: dict[str, str] = {}
        self._numpr: dict[str, tuple[str | None, int | None]] = {}
        self._borders: dict[str, bool] = {}
        self.default_paragraph: str | None = None
        self.default_table: str | None = None
        if root is None:
            return
        # XPath picks the few styles that matter without touching the others (a template may
        # define hundreds)
        ids, based = _BASED_IDS(root), _BASED_ON(root)
        if len(ids) == len(based):
            self._based = dict(zip(ids, based))
        for st in _DEFAULTS(root):
            if st.get(w("type")) == "paragraph":
                self.default_paragraph = st.get(w("styleId"))
            elif st.get(w("type")) == "table":
                self.default_table = st.get(w("styleId"))
        for st in _NUMBERED(root):
            numpr = st.find(PPR).find(NUMPR)
            nid = numpr.find(NUMID)
            lvl = numpr.find(w("ilvl"))
            self._numpr[st.get(w("styleId"))] = (nid.get(VAL) if nid is not None else None,
                                                 int_attr(lvl.get(VAL)) if lvl is not None else None)
        for st in _BORDERED(root):
            b = borders_of(st.find(TBLPR).find(TBL_BORDERS))
            if b is not None:
                self._borders[st.get(w("styleId"))] = b

    def _chain(self, sid: str | None):
        seen = 0
        while sid and seen < _MAX_CHAIN:
            yield sid
            sid = self._based.get(sid)
            seen += 1

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None] | None:
        """(numId, ilvl) a paragraph style gives, through its basedOn chain; None when none."""
        for sid in self._chain(style_id or self.default_paragraph):
            if sid in self._numpr:
                return self._numpr[sid]
        return None

    def table_borders(self, style_id: str | None) -> bool:
        """Whether a table of this style (or the default table style) draws borders."""
        for sid in self._chain(style_id or self.default_table):
            if sid in self._borders:
                return self._borders[sid]
        return False
