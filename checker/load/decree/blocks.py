"""What the walk over `w:body` gives (walk.py): paragraphs and tables in document order,
each knowing where its XML element is (`path`, for the annotated copy), tables as a grid of
origin cells. The decree's parts (parts.py) are read from these.

A **path** is the index path of an element from `w:body`: `body[path[0]][path[1]]...`,
counting every child element (comments and processing instructions included, as lxml does).
It names the same element in any parse of the same `word/document.xml`
(draft_model.resolve_anchor), so comments can be anchored there without walking again.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass(eq=False)
class Paragraph:
    """One paragraph as Word shows it with every revision accepted."""
    text: str                     # its text, without the numbering label: tabs "\t", line breaks "\n",
                                  # NBSP as a space
    path: tuple[int, ...]         # index path of its w:p from w:body
    label: str = ""               # Word's auto-numbering label as shown ("a.", "1.2", "•"), "" when none
    num_id: str | None = None     # the w:num it is numbered by, and its level
    ilvl: int | None = None
    num_format: str | None = None  # the level's w:numFmt ("decimal", "lowerLetter", "bullet", ...)
    style: str | None = None      # w:pStyle
    body_index: int | None = None  # 1-based among body paragraphs outside tables (None in a table)
    cell: Cell | None = None      # the table cell it is in
    in_text_box: bool = False
    comment_ids: list[str] = field(default_factory=list)   # comments anchored here

    @property
    def labelled(self) -> str:
        """Its text with the numbering label in front, as Word shows it."""
        return f"{self.label} {self.text}" if self.label else self.text

    def __repr__(self):
        return f"Paragraph({self.labelled!r})"


@dataclass(eq=False)
class Cell:
    """An origin cell (a real w:tc): its place in the grid and what it holds."""
    row: int                      # 0-based row of the table (its first row when merged down)
    col: int                      # 0-based grid column of its left edge
    path: tuple[int, ...]         # index path of its w:tc
    col_span: int = 1
    row_span: int = 1
    blocks: list = field(default_factory=list)   # Paragraph and Table, in order
    table: Table | None = None

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @cached_property
    def text(self) -> str:
        """Its non-empty paragraphs joined by line breaks, numbering labels included (§3.2).
        Nested tables are not in it (they stay under the cell: `tables`). Read once the walk
        is done (cached)."""
        return "\n".join(p.labelled.strip() for p in self.paragraphs if p.text.strip())

    @cached_property
    def plain(self) -> str:
        """The same without Word's numbering labels (for comparisons)."""
        return "\n".join(p.text.strip() for p in self.paragraphs if p.text.strip())

    @property
    def anchor(self) -> tuple[int, ...]:
        """Where a comment on the cell goes: its first paragraph."""
        for b in self.blocks:
            if isinstance(b, Paragraph):
                return b.path
        return self.path

    def __repr__(self):
        return f"Cell(r{self.row} c{self.col} {self.text[:30]!r})"


@dataclass(eq=False)
class Table:
    """A w:tbl: rows of the grid, each grid position pointing at the origin cell covering it
    (None where no cell is: gridBefore/gridAfter, short rows)."""
    path: tuple[int, ...]
    depth: int                    # 1 for a table in the body, 2 for a table in its cell, ...
    grid: list[list[Cell | None]] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)      # origin cells, row by row, left to right
    borderless: bool = False      # no border in its properties or its style (a layout table)
    style: str | None = None
    parent: Cell | None = None    # the cell it is nested in

    @property
    def n_rows(self) -> int:
        return len(self.grid)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.grid), default=0)

    def at(self, row: int, col: int) -> Cell | None:
        if 0 <= row < len(self.grid) and 0 <= col < len(self.grid[row]):
            return self.grid[row][col]
        return None

    def text(self, row: int, col: int) -> str:
        """The text at a grid position: a merged range's text counts for every position."""
        c = self.at(row, col)
        return c.text if c is not None else ""

    def row_cells(self, row: int) -> list[Cell]:
        """The distinct origin cells covering a row, left to right (merged ones included)."""
        out: list[Cell] = []
        for c in self.grid[row] if 0 <= row < len(self.grid) else ():
            if c is not None and (not out or out[-1] is not c) and c not in out:
                out.append(c)
        return out

    def __repr__(self):
        return f"Table({self.n_rows}x{self.n_cols} at {self.path})"


@dataclass(eq=False)
class RawRevision:
    """A tracked change met by the walk: "insertion", "deletion" or "move"."""
    kind: str
    author: str
    date: str
    story: str                    # "body", "header", "footer"
    paragraph: Paragraph | None   # where it is (None in a header or footer)
