"""What the walk needs from `styles.xml`: a paragraph style's numbering (w:numPr, through
w:basedOn) and whether a table style draws borders."""
from __future__ import annotations

from checker.load.decree.ns import NUMID, NUMPR, PPR, TBL_BORDERS, TBLPR, VAL, w

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
        for st in root.iter(w("style")):
            sid = st.get(w("styleId"))
            if not sid:
                continue
            kind = st.get(w("type"))
            if st.get(w("default")) in ("1", "true"):
                if kind == "paragraph":
                    self.default_paragraph = sid
                elif kind == "table":
                    self.default_table = sid
            based = st.find(w("basedOn"))
            if based is not None and based.get(VAL):
                self._based[sid] = based.get(VAL)
            ppr = st.find(PPR)
            numpr = ppr.find(NUMPR) if ppr is not None else None
            if numpr is not None:
                nid = numpr.find(NUMID)
                lvl = numpr.find(w("ilvl"))
                self._numpr[sid] = (nid.get(VAL) if nid is not None else None,
                                    _int(lvl.get(VAL)) if lvl is not None else None)
            tblpr = st.find(TBLPR)
            if tblpr is not None:
                b = borders_of(tblpr.find(TBL_BORDERS))
                if b is not None:
                    self._borders[sid] = b

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


def _int(v) -> int | None:
    try:
        return int(v)
    except (TypeError, ValueError):
        return None
