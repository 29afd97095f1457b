"""What a person reads on the result page, pulled out of its HTML with the standard
library's parser: the unit table, the decree drafts' table, and the findings, each with the
sheet (or part of the decree) heading above it."""
from __future__ import annotations

import re
from html.parser import HTMLParser


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.units, self.findings, self.drafts = [], [], []
        self.file = self.sheet = None
        self._table = None
        self._row = None
        self._cell = None
        self._heading = None
        self._in_summary = False
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("h2", "h3"):
            self._heading = (tag, [])
        elif tag == "table":
            self._table = (a.get("class") or "").split()[0] if a.get("class") else None
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr" and self._table in ("units", "findings", "drafts") and not self._in_head:
            self._row = {"_cells": [], "_class": a.get("class", ""), "_change": a.get("data-change")}
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "summary":
            self._in_summary = True
            if self._row is not None:
                self._row["_summary"] = []
        elif tag == "a" and self._row is not None and "href" in a:
            self._row.setdefault("_links", []).append(a["href"])

    def handle_endtag(self, tag):
        if tag in ("h2", "h3") and self._heading:
            text = " ".join("".join(self._heading[1]).split())
            if tag == "h2":
                self.file, self.sheet = text, None
            else:
                self.sheet = text
            self._heading = None
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row["_cells"].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "summary":
            self._in_summary = False
        elif tag == "thead":
            self._in_head = False
        elif tag == "tr" and self._row is not None:
            cells = self._row["_cells"]
            if self._table == "units" and len(cells) == 8:
                self.units.append({"unit": cells[0], "unit_name": cells[1], "file": cells[2], "status": cells[3],
                                   "counts": tuple(int(c) for c in cells[4:8])})
            elif self._table == "drafts" and len(cells) == 3:
                self.drafts.append({"file": cells[0], "paired": cells[1], "status": cells[2]})
            elif self._table == "findings" and len(cells) == 5:
                self.findings.append({"file": self.file, "sheet": self.sheet, "cell": cells[0], "rule": cells[1],
                                      "label": cells[2], "message": cells[3], "hint": cells[4],
                                      "basis": " ".join("".join(self._row.get("_summary", [])).split()),
                                      "change": self._row["_change"],
                                      "links": self._row.get("_links", [])})
            self._row = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading[1].append(data)
        if self._cell is not None:
            self._cell.append(data)
        if self._in_summary and self._row is not None and "_summary" in self._row:
            self._row["_summary"].append(data)


def read_result(html: str) -> tuple[list[dict], list[dict]]:
    """(units, findings) of a result page, as text."""
    r = _Reader()
    r.feed(html)
    return r.units, r.findings


def read_drafts(html: str) -> list[dict]:
    """The decree drafts' table: file, pairing, status."""
    r = _Reader()
    r.feed(html)
    return r.drafts


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)
