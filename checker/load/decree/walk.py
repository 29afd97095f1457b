"""The walk over `w:body` (decree-format.md §3.2), straight from the XML: paragraphs and
tables in document order, read as Word shows them with every revision accepted.

| construct | read as |
|---|---|
| runs, hyperlinks, smart tags, w:customXml, run-level w:sdt, w:fldSimple, field results | text |
| w:instrText, w:del/w:delText, w:moveFrom | not text (w:del and w:moveFrom counted as revisions) |
| w:ins, w:moveTo | text (counted as revisions) |
| w:tab, w:ptab | "\\t" |
| w:br (line), w:cr | "\\n"; page and column breaks are not text |
| w:noBreakHyphen | "-" (w:softHyphen: nothing) |
| non-breaking spaces | a space |
| block-, row- and cell-level w:sdt (and w:customXml) | their content, in place |
| mc:AlternateContent | its first mc:Choice only, never mc:Fallback |
| text boxes (w:txbxContent) | their paragraphs (and tables) right after the anchoring paragraph |
| Word auto-numbering | the label, recomputed (numbering.py), kept apart from the text |
| a deleted paragraph mark | the paragraph joins the next one (accepted view) |
| a deleted table row (w:trPr/w:del) | not read (counted as a revision) |

Decisions where the contract is silent:
- A complex field's state is kept within its paragraph: a field left open never hides the
  rest of the document.
- A vertically merged continuation cell's own content is not read (Word does not show it).
- Hidden text (w:vanish), symbols (w:sym) and math are not special: hidden text is read,
  symbols and math are not.
- A revision of a paragraph mark counts only for a paragraph with no other revision (a
  whole deleted paragraph is one deletion, not two).
- Headers and footers are walked for their revisions and comment anchors only; their
  numbering does not advance the body's counters.
"""
from __future__ import annotations

from checker.load import limits as doc_limits
from checker.load.decree.blocks import Cell, Paragraph, RawRevision, Table
from checker.load.decree.draft_errors import DecreeError
from checker.load.decree.ns import (
    ALTERNATE_CONTENT,
    AUTHOR,
    BDO,
    BR,
    CHOICE,
    COMMENT_RANGE_START,
    COMMENT_REFERENCE,
    CR,
    CUSTOM_XML,
    DATE,
    DEL,
    DIR,
    DRAWING,
    FALLBACK,
    FLD_CHAR,
    FLD_CHAR_TYPE,
    FLD_SIMPLE,
    GRID_AFTER,
    GRID_BEFORE,
    GRID_SPAN,
    HMERGE,
    HYPERLINK,
    ID,
    INS,
    MOVE_FROM,
    MOVE_TO,
    NO_BREAK_HYPHEN,
    OBJECT,
    PICT,
    PPR,
    PSTYLE,
    PTAB,
    RPR,
    SDT,
    SDT_CONTENT,
    SMART_TAG,
    TAB,
    TBL,
    TBL_BORDERS,
    TBLPR,
    TBLSTYLE,
    TC,
    TCPR,
    TR,
    TRPR,
    TXBX_CONTENT,
    TYPE,
    VAL,
    VMERGE,
    P,
    R,
    T,
    int_attr,
)
from checker.load.decree.numbering import Numbering
from checker.load.decree.styles import Styles, borders_of

_SPACES = str.maketrans({"\xa0": " ", "\u202f": " ", "\u2007": " "})
_RUN_CONTAINERS = (HYPERLINK, SMART_TAG, CUSTOM_XML, FLD_SIMPLE, DIR, BDO)
_KIND = {INS: "insertion", MOVE_TO: "move", DEL: "deletion", MOVE_FROM: "move"}


def _child(el, tag):
    """(index, child) of the first child with this tag, or (None, None)."""
    for i, c in enumerate(el):
        if c.tag == tag:
            return i, c
    return None, None


class Walker:
    """One walk of a document. `body()` gives its blocks; `story()` walks a header or footer.
    Afterwards: `revisions` (every tracked change met), `comment_anchor` (comment id -> the
    Paragraph it is anchored in, or "header"/"footer")."""

    def __init__(self, path: str, numbering: Numbering | None = None, styles: Styles | None = None):
        self.file = str(path)
        self.styles = styles or Styles()
        self.numbering = numbering or Numbering(None, self.styles)
        self.paragraphs = 0
        self.rows = 0
        self.revisions: list[RawRevision] = []
        self.comment_anchor: dict[str, Paragraph | str] = {}
        self._story = "body"
        self._para: Paragraph | None = None
        self._para_revisions = 0
        self._first_revision: dict[int, int] = {}   # a paragraph joining the next: its first revision

    # ------------------------------------------------------------------ stories

    def body(self, body_el) -> list:
        if body_el is None:
            raise DecreeError(self.file, "no_document", "no w:body")
        self._story = "body"
        blocks = self._container(body_el, (), 0, None, False)
        n = 0
        for b in blocks:
            if isinstance(b, Paragraph):
                n += 1
                b.body_index = n
        return blocks

    def story(self, root, name: str) -> None:
        """A header or footer: only its revisions and comment anchors are kept."""
        self._story = name
        try:
            self._container(root, (), 0, None, False)
        finally:
            self._story = "body"

    # ------------------------------------------------------------------ blocks

    def _container(self, el, path, depth, cell, in_box) -> list:
        out: list = []
        pending: Paragraph | None = None
        for i, child in enumerate(el):
            tag = child.tag
            if not isinstance(tag, str):
                continue
            cpath = path + (i,)
            if tag == P:
                para, boxes, joins_next = self._paragraph(child, cpath, depth, cell, in_box, pending)
                pending = None
                if para is None:
                    continue
                if joins_next:                       # its mark is deleted: it joins the next paragraph
                    pending = para
                else:
                    out.append(para)
                out.extend(boxes)
            elif tag == TBL:
                out.append(self._table(child, cpath, depth + 1, cell))
            elif tag == SDT:
                j, content = _child(child, SDT_CONTENT)
                if content is not None:
                    out.extend(self._container(content, cpath + (j,), depth, cell, in_box))
            elif tag == CUSTOM_XML:
                out.extend(self._container(child, cpath, depth, cell, in_box))
            elif tag == ALTERNATE_CONTENT:
                j, choice = _child(child, CHOICE)
                if choice is not None:
                    out.extend(self._container(choice, cpath + (j,), depth, cell, in_box))
        if pending is not None:                      # nothing follows: it stays as it is
            out.append(pending)
        return out

    def _count_paragraph(self):
        self.paragraphs += 1
        if self.paragraphs > doc_limits.DOC_MAX_PARAGRAPHS:
            raise DecreeError(self.file, "too_many_paragraphs", "counted in the walk", count=self.paragraphs,
                              limit=doc_limits.DOC_MAX_PARAGRAPHS)

    def _paragraph(self, p, path, depth, cell, in_box, pending):
        self._count_paragraph()
        ppr = p.find(PPR)
        style = None
        mark_del = mark_ins = None
        if ppr is not None:
            ps = ppr.find(PSTYLE)
            style = ps.get(VAL) if ps is not None else None
            mark = ppr.find(RPR)
            if mark is not None:
                mark_del = mark.find(DEL)
                mark_ins = mark.find(INS)
        para = Paragraph(text="", path=path, style=style, cell=cell, in_text_box=in_box)
        if self._story == "body" and mark_del is None:
            numbered = self.numbering.resolve(ppr, style)
            if numbered is not None:
                para.num_id, para.ilvl = numbered
                para.label, para.num_format = self.numbering.label(*numbered)
        outer, outer_count = self._para, self._para_revisions
        self._para, self._para_revisions = para, 0
        first_revision = len(self.revisions)
        chars: list[str] = []
        boxes: list = []
        try:
            self._inline(p, path, chars, boxes, [], depth, cell)
            if self._para_revisions == 0:
                for el, kind in ((mark_del, "deletion"), (mark_ins, "insertion")):
                    if el is not None:
                        self._revision(kind, el)
        finally:
            self._para, self._para_revisions = outer, outer_count
        text = "".join(chars).translate(_SPACES)
        if pending is not None:
            text = pending.text + text
            para.comment_ids[:0] = pending.comment_ids
            for cid in pending.comment_ids:
                if self.comment_anchor.get(cid) is pending:
                    self.comment_anchor[cid] = para
            first_revision = min(first_revision, self._first_revision.pop(id(pending), first_revision))
            for rev in self.revisions[first_revision:]:
                if rev.paragraph is pending:
                    rev.paragraph = para
        if self._story != "body":
            return None, [], False
        para.text = text
        if mark_del is not None:
            self._first_revision[id(para)] = first_revision
        return para, boxes, mark_del is not None

    # ------------------------------------------------------------------ runs

    def _inline(self, el, path, chars, boxes, fields, depth, cell):
        for i, child in enumerate(el):
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == R:
                self._run(child, path + (i,), chars, boxes, fields, depth, cell)
            elif tag in _RUN_CONTAINERS:
                self._inline(child, path + (i,), chars, boxes, fields, depth, cell)
            elif tag == SDT:
                j, content = _child(child, SDT_CONTENT)
                if content is not None:
                    self._inline(content, path + (i, j), chars, boxes, fields, depth, cell)
            elif tag in (INS, MOVE_TO):
                self._revision(_KIND[tag], child)
                self._inline(child, path + (i,), chars, boxes, fields, depth, cell)
            elif tag in (DEL, MOVE_FROM):
                self._revision(_KIND[tag], child)
            elif tag == ALTERNATE_CONTENT:
                j, choice = _child(child, CHOICE)
                if choice is not None:
                    self._inline(choice, path + (i, j), chars, boxes, fields, depth, cell)
            elif tag == COMMENT_RANGE_START:
                self._anchor(child.get(ID), overwrite=True)

    def _run(self, r, path, chars, boxes, fields, depth, cell):
        for i, child in enumerate(r):
            tag = child.tag
            if tag == T:
                if all(f for f in fields):
                    chars.append(child.text or "")
            elif tag in (TAB, PTAB):
                if all(f for f in fields):
                    chars.append("\t")
            elif tag == BR:
                if child.get(TYPE) in (None, "textWrapping") and all(f for f in fields):
                    chars.append("\n")
            elif tag == CR:
                if all(f for f in fields):
                    chars.append("\n")
            elif tag == NO_BREAK_HYPHEN:
                if all(f for f in fields):
                    chars.append("-")
            elif tag == FLD_CHAR:
                kind = child.get(FLD_CHAR_TYPE)
                if kind == "begin":
                    fields.append(False)             # instructions: not text
                elif kind == "separate" and fields:
                    fields[-1] = True                # the result: text
                elif kind == "end" and fields:
                    fields.pop()
            elif tag in (DRAWING, PICT, OBJECT, ALTERNATE_CONTENT):
                self._text_boxes(child, path + (i,), boxes, depth, cell)
            elif tag == COMMENT_REFERENCE:
                self._anchor(child.get(ID), overwrite=False)

    def _text_boxes(self, el, path, boxes, depth, cell):
        if el.tag == ALTERNATE_CONTENT:
            j, choice = _child(el, CHOICE)
            if choice is not None:
                self._text_boxes(choice, path + (j,), boxes, depth, cell)
            return
        for i, child in enumerate(el):
            tag = child.tag
            if not isinstance(tag, str) or tag == FALLBACK:
                continue
            if tag == TXBX_CONTENT:
                boxes.extend(self._container(child, path + (i,), depth, cell, True))
            else:
                self._text_boxes(child, path + (i,), boxes, depth, cell)

    def _anchor(self, cid, overwrite: bool):
        if cid is None:
            return
        where = self._para if self._story == "body" else self._story
        if overwrite or cid not in self.comment_anchor:
            old = self.comment_anchor.get(cid)
            if isinstance(old, Paragraph) and cid in old.comment_ids:
                old.comment_ids.remove(cid)
            self.comment_anchor[cid] = where
            if isinstance(where, Paragraph) and cid not in where.comment_ids:
                where.comment_ids.append(cid)

    def _revision(self, kind: str, el, paragraph: Paragraph | None = None):
        self._para_revisions += 1
        self.revisions.append(RawRevision(kind, el.get(AUTHOR) or "", el.get(DATE) or "", self._story,
                                          (paragraph or self._para) if self._story == "body" else None))

    # ------------------------------------------------------------------ tables

    def _rows(self, el, path):
        for i, child in enumerate(el):
            tag = child.tag
            if tag == TR:
                yield child, path + (i,)
            elif tag == SDT:
                j, content = _child(child, SDT_CONTENT)
                if content is not None:
                    yield from self._rows(content, path + (i, j))
            elif tag == CUSTOM_XML:
                yield from self._rows(child, path + (i,))
            elif tag == ALTERNATE_CONTENT:
                j, choice = _child(child, CHOICE)
                if choice is not None:
                    yield from self._rows(choice, path + (i, j))

    def _cells(self, el, path):
        for i, child in enumerate(el):
            tag = child.tag
            if tag == TC:
                yield child, path + (i,)
            elif tag == SDT:
                j, content = _child(child, SDT_CONTENT)
                if content is not None:
                    yield from self._cells(content, path + (i, j))
            elif tag == CUSTOM_XML:
                yield from self._cells(child, path + (i,))

    def _table(self, tbl, path, depth, parent) -> Table:
        if depth > doc_limits.DOC_MAX_TABLE_DEPTH:
            raise DecreeError(self.file, "too_deep", f"table at {path}", depth=depth,
                              limit=doc_limits.DOC_MAX_TABLE_DEPTH)
        tblpr = tbl.find(TBLPR)
        style = None
        borders = None
        if tblpr is not None:
            st = tblpr.find(TBLSTYLE)
            style = st.get(VAL) if st is not None else None
            borders = borders_of(tblpr.find(TBL_BORDERS))
        if borders is None:
            borders = self.styles.table_borders(style)
        table = Table(path=path, depth=depth, borderless=not borders, style=style, parent=parent)
        raw = []
        for tr, rpath in self._rows(tbl, path):
            self.rows += 1
            if self.rows > doc_limits.DOC_MAX_TABLE_ROWS:
                raise DecreeError(self.file, "too_many_rows", "counted in the walk", count=self.rows,
                                  limit=doc_limits.DOC_MAX_TABLE_ROWS)
            trpr = tr.find(TRPR)
            before = after = 0
            row_rev = []
            if trpr is not None:
                gb, ga = trpr.find(GRID_BEFORE), trpr.find(GRID_AFTER)
                before = max(0, int_attr(gb.get(VAL), 0)) if gb is not None else 0
                after = max(0, int_attr(ga.get(VAL), 0)) if ga is not None else 0
                row_rev = [(k, el) for k, el in (("deletion", trpr.find(DEL)), ("insertion", trpr.find(INS)))
                           if el is not None]
            cells = []
            for tc, cpath in self._cells(tr, rpath):
                tcpr = tc.find(TCPR)
                span, vmerge, hmerge = 1, None, None
                if tcpr is not None:
                    gs = tcpr.find(GRID_SPAN)
                    span = max(1, int_attr(gs.get(VAL), 1)) if gs is not None else 1
                    vm, hm = tcpr.find(VMERGE), tcpr.find(HMERGE)
                    vmerge = (vm.get(VAL) or "continue") if vm is not None else None
                    hmerge = (hm.get(VAL) or "continue") if hm is not None else None
                cell = Cell(row=len(raw), col=0, path=cpath, col_span=span, table=table)
                cell.blocks = self._container(tc, cpath, depth, cell, False)
                cells.append((cell, vmerge, hmerge))
            first = next((p for c, _, _ in cells for p in c.paragraphs), None)
            for kind, el in row_rev:
                self._revision(kind, el, first)
            if any(k == "deletion" for k, _ in row_rev):
                continue                            # accepted view: a deleted row is gone
            raw.append((before, cells, after))
        build_grid(table, raw)
        return table


def build_grid(table: Table, raw: list) -> None:
    """Place the rows' cells on the grid: gridBefore/gridAfter leave positions empty,
    gridSpan and legacy hMerge merge across, vMerge down; every position points at its
    origin cell. A continuation with nothing to continue is a cell of its own. The grid is
    cut at limits.DOC_MAX_TABLE_COLUMNS (Word allows 63)."""
    width = doc_limits.DOC_MAX_TABLE_COLUMNS
    grid: list[list[Cell | None]] = []
    for r, (before, cells, after) in enumerate(raw):
        row: list[Cell | None] = [None] * min(before, width)
        prev: Cell | None = None
        for cell, vmerge, hmerge in cells:
            col = len(row)
            if col >= width:
                break
            span = cell.col_span = min(cell.col_span, width - col)
            origin = cell
            if vmerge not in (None, "restart") and r > 0:
                above = grid[r - 1][col] if col < len(grid[r - 1]) else None
                if above is not None and above.col == col:
                    origin = above
                    above.row_span = r - above.row + 1
            if origin is cell and hmerge not in (None, "restart") and prev is not None and prev.row == r:
                origin = prev
                prev.col_span = col + span - prev.col
            if origin is cell:
                cell.row, cell.col = r, col
                table.cells.append(cell)
            row.extend([origin] * span)
            prev = origin
        row.extend([None] * min(after, width - len(row)))
        grid.append(row)
    table.grid = grid
