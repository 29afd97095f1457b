"""The body as the parts reader sees it (parts.py): a sequence of **lines** (paragraphs) and
**table units** (data tables). A layout table (decree-format.md §3.3: the diktum as a
borderless `KESATU | : | text` table, Menimbang rows, a signature or LAMPIRAN box) is
unrolled into lines: each row's short leading cells (the ordinal, the `:`, a label) are
joined with the first paragraph of its content cell into one line, the content cell's other
paragraphs follow as lines, and tables nested in it as table units, in place.

A table is a layout table when it is not a data table (its header names two known columns,
or a target or task column: table_headers.py) and it holds a structural word (Menimbang,
Mengingat, Memperhatikan, MEMUTUSKAN, Menetapkan, an ordinal with ':', Ditetapkan di,
LAMPIRAN) or draws no border.
"""
from __future__ import annotations

from dataclasses import dataclass

from checker.load.decree.blocks import Cell, Paragraph, Table
from checker.load.decree.table_headers import Header, find_header, own_cells
from checker.load.decree.words import (
    CONSIDER_RE,
    DIKTUM_RE,
    DITETAPKAN_RE,
    LAMPIRAN_RE,
    MENETAPKAN_RE,
    memutuskan,
)

_LEAD_MAX = 40                   # a leading cell is one short paragraph: "KESATU", ":", "a.", "Menimbang"


@dataclass(eq=False)
class Line:
    """A paragraph, or a layout-table row's leading cells joined with its first paragraph."""
    text: str                     # without Word's numbering label
    para: Paragraph               # the paragraph it comes from (its anchor)
    layout: Table | None = None   # the layout table it comes from
    row: int | None = None        # its row there (0-based)
    label: str = ""               # Word's numbering label (a joined row carries it in its text)

    @property
    def labelled(self) -> str:
        return f"{self.label} {self.text}" if self.label else self.text

    def __repr__(self):
        return f"Line({self.text[:50]!r})"


@dataclass(eq=False)
class TableUnit:
    """A data table (top level, or nested in a layout table's cell)."""
    table: Table
    header: Header | None

    def __repr__(self):
        return f"TableUnit({self.table!r})"


def _structural(text: str) -> bool:
    t = text.strip()
    return bool(CONSIDER_RE.match(t) or DIKTUM_RE.match(t) or DITETAPKAN_RE.match(t) or MENETAPKAN_RE.match(t)
                or LAMPIRAN_RE.match(t) or memutuskan(t))


def _lead_text(cell: Cell) -> str | None:
    """The cell's text when it is a leading cell (one short paragraph, no table), else None."""
    if cell.tables:
        return None
    paras = [p for p in cell.paragraphs if p.text.strip()]
    if len(paras) != 1 or len(paras[0].text.strip()) > _LEAD_MAX or "\n" in paras[0].text.strip():
        return None
    return paras[0].labelled.strip()


def _filled(cell: Cell) -> bool:
    return bool(cell.tables) or any(p.text.strip() or p.label for p in cell.paragraphs)


def _row_lines(table: Table, r: int) -> list:
    cells = [c for c in own_cells(table, r) if _filled(c)]
    if not cells:
        return []
    out: list = []
    leads = [_lead_text(c) for c in cells[:-1]]
    content = cells[-1]
    if cells[:-1] and all(t is not None for t in leads):
        blocks = list(content.blocks)
        first = next((i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.text.strip()), None)
        head = " ".join(leads)
        if first is not None and not any(isinstance(b, Table) for b in blocks[:first]):
            para = blocks[first]
            out.append(Line(f"{head} {para.labelled.strip()}", para, table, r))
            del blocks[first]
        else:
            lead_para = next(p for c in cells[:-1] for p in c.paragraphs if p.text.strip())
            out.append(Line(head, lead_para, table, r))
        out.extend(_blocks_lines(blocks, table, r))
        return out
    for c in cells:
        out.extend(_blocks_lines(c.blocks, table, r))
    return out


def _blocks_lines(blocks, table, r) -> list:
    out: list = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append(Line(b.text, b, table, r, b.label))
        else:
            out.append(TableUnit(b, find_header(b)))
    return out


def is_layout(table: Table, header: Header | None) -> bool:
    if header is not None and header.is_data:
        return False
    if table.borderless:
        return True
    for r in range(table.n_rows):
        for line in _row_lines(table, r):
            if isinstance(line, Line) and _structural(line.text):
                return True
    return False


def flatten(blocks: list) -> list:
    """The body's lines and table units in document order."""
    out: list = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append(Line(b.text, b, label=b.label))
            continue
        header = find_header(b)
        if is_layout(b, header):
            for r in range(b.n_rows):
                out.extend(_row_lines(b, r))
        else:
            out.append(TableUnit(b, header))
    return out
