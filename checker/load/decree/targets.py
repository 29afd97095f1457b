"""Target text and task text (decree-format.md §3.5), as pieces attributed to a Pokja or
unattributed.

Sources of target text: the items and nested-table rows of a target diktum; a column headed
`Target Kinerja`, `Target PK`, `Target Kinerja PK`, `Indikator Kinerja` or `Target` of a
diktum or Lampiran table (a row's cells under those columns, joined); in a decree forming one
Pokja, a target diktum with no items: its own text after `target kinerja`. Task text: the
same with a task diktum, a diktum table's `Tugas Pokja`/`Uraian Tugas Pokja` column, and the
text after the task words. Placeholders are empty and give no piece.

Decisions where the contract is silent:
- An item naming a Pokja opens a group: the items after it that name none and sit below it
  (a deeper Word level, another kind of typed label, or no label) belong to that Pokja too
  (`a. Pokja X:` then `1) ...`, `2) ...`). The group ends at an item with the opener's own
  kind of label, or at an item naming a Pokja.
- A row of a table with a target or task column takes its Pokja from the Pokja column, else
  from the section row above it, else from the Pokja its own text names. There, a section
  row is a row whose only filled cell (apart from No) spans two or more columns or names a
  formed Pokja.
- A nested-table row (no target or task column) is its cells joined by " ", the No column
  left out; a Pokja column gives its Pokja and the other cells are the content.
"""
from __future__ import annotations

import re

from checker.input.values import is_blank
from checker.load.decree.draft_model import Diktum, Item, TextPiece
from checker.load.decree.formed_pokja import PokjaNames, content_after
from checker.load.decree.lines import Line, TableUnit
from checker.load.decree.locate import Locator, _label_of
from checker.load.decree.table_headers import Header, is_column_number_row, is_repeated_header
from checker.load.decree.words import strip_label

_TARGET_WORDS_RE = re.compile(r"target\s+kinerja", re.IGNORECASE)
_TASK_WORDS_RE = re.compile(r"\b(?:mempunyai\s+tugas|bertugas|dengan\s+tugas|(?<!uraian\s)tugas\s+pokja)\b",
                            re.IGNORECASE)
_LEAD_RE = re.compile(r"^[\s:,\-\u2013\u2014]+")


def _level(line: Line):
    sig, _, _ = _label_of(line.text.strip(), line.label, line.para.num_format, line.para.ilvl)
    return sig


def _below(sig, opener_sig) -> bool:
    if sig is None:
        return True
    if opener_sig is None:
        return True
    if sig[0] == "w" and opener_sig[0] == "w":
        return sig[1] > opener_sig[1]
    return sig != opener_sig


def _item_pieces(kind: str, items: list[Item], lines: list[Line], names: PokjaNames) -> list[TextPiece]:
    out = []
    opener = None                  # (key, signature)
    for item, line in zip(items, lines):
        sig = _level(line)
        found = names.find(item.text)
        if found:
            key, end = found
            opener = (key, sig)
            content = content_after(item.text, end)
            if not is_blank(content):
                out.append(TextPiece(kind, content, item.labelled, key, "item", item.location))
            continue
        key = None
        if opener is not None and _below(sig, opener[1]):
            key = opener[0]
        else:
            opener = None
        content = strip_label(item.text) if key else item.text
        if not is_blank(strip_label(item.text)):
            out.append(TextPiece(kind, content, item.labelled, key, "item", item.location))
    return out


def _data_rows(table, h: Header | None):
    start = h.end + 1 if h else 0
    for r in range(start, table.n_rows):
        if is_column_number_row(table, r) or (h is not None and is_repeated_header(table, h, r)):
            continue
        yield r


def _column_pieces(kind: str, unit: TableUnit, key_name: str, names: PokjaNames, loc: Locator) -> list[TextPiece]:
    t, h = unit.table, unit.header
    cols = h.cols(key_name)
    pcol = h.col("pokja")
    no_cols = set(h.cols("no"))
    out = []
    section = None
    for r in _data_rows(t, h):
        cells = [c for c in t.row_cells(r) if not (c.col in no_cols and c.col_span == 1)]
        filled = [c for c in cells if c.text.strip()]
        if len(filled) == 1 and filled[0].row == r and (filled[0].col_span >= 2 or names.match(filled[0].plain)):
            section = names.match(filled[0].plain) or section
            continue
        seen = []
        for c in cols:
            cell = t.at(r, c)
            if cell is not None and cell not in seen:
                seen.append(cell)
        text = "\n".join(c.text for c in seen if c.text.strip())
        if is_blank(text):
            continue
        key = None
        if pcol is not None and t.at(r, pcol) is not None and not is_blank(t.at(r, pcol).plain):
            key = names.match(t.at(r, pcol).plain)
        key = key or section
        content = text
        if key is None:
            found = names.find(text)
            if found:
                key = found[0]
                content = content_after(text, found[1]) or text
        out.append(TextPiece(kind, content, text, key, "table_column", loc.cell(t, seen[0], cols[0])))
    return out


def _row_pieces(kind: str, unit: TableUnit, names: PokjaNames, loc: Locator) -> list[TextPiece]:
    t, h = unit.table, unit.header
    no_cols = set(h.cols("no")) if h else set()
    pcol = h.col("pokja") if h else None
    out = []
    for r in _data_rows(t, h):
        cells = [c for c in t.row_cells(r) if c.col not in no_cols and c.text.strip()]
        if not cells:
            continue
        whole = " ".join(c.text for c in cells)
        key = None
        content = whole
        if pcol is not None and t.at(r, pcol) is not None and not is_blank(t.at(r, pcol).plain):
            key = names.match(t.at(r, pcol).plain)
            if key:
                content = " ".join(c.text for c in cells if c is not t.at(r, pcol))
        if key is None:
            found = names.find(whole)
            if found:
                key = found[0]
                content = content_after(whole, found[1])
        if is_blank(content):
            continue
        out.append(TextPiece(kind, content, whole, key, "table_row", loc.row(t, r, cells[0].anchor)))
    return out


def _own_text(kind: str, d: Diktum, names: PokjaNames) -> list[TextPiece]:
    rx = _TARGET_WORDS_RE if kind == "target" else _TASK_WORDS_RE
    m = rx.search(d.text)
    if not m:
        return []
    content = _LEAD_RE.sub("", d.text[m.end():]).strip()
    if is_blank(content):
        return []
    found = names.find(d.text)
    return [TextPiece(kind, content, d.text, found[0] if found else None, "own_text", d.location)]


def read(spans, lampiran_units: list[TableUnit], names: PokjaNames, loc: Locator):
    """(target pieces, task pieces) of the decree."""
    targets: list[TextPiece] = []
    tasks: list[TextPiece] = []
    for span in spans:
        d = span.diktum
        for kind, on, col, out in (("target", d.is_target, "target", targets),
                                   ("task", d.is_task, "tugas_pokja", tasks)):
            if on:
                out.extend(_item_pieces(kind, d.items, span.lines, names))
            for unit in span.units:
                h = unit.header
                if h is not None and h.cols(col):
                    out.extend(_column_pieces(kind, unit, col, names, loc))
                elif on and not (h is not None and (h.cols("target") or h.cols("tugas_pokja"))):
                    out.extend(_row_pieces(kind, unit, names, loc))
            if on and not d.items and not span.units and names.only is not None:
                out.extend(_own_text(kind, d, names))
    for unit in lampiran_units:
        if unit.header is not None and unit.header.cols("target"):
            targets.extend(_column_pieces("target", unit, "target", names, loc))
    return targets, tasks
