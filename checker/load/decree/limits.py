"""Bounds of a decree draft's content (decree-format.md §3.1, "Document bounds"). The zip
and file bounds are the workbook's (checker/load/limits.py); a real draft of 10-20 pages
has a few hundred paragraphs, a few hundred table rows and at most 2-3 levels of tables."""
from __future__ import annotations

MAX_PARAGRAPHS = 200_000        # every w:p read (body, cells, text boxes)
MAX_TABLE_ROWS = 50_000         # every w:tr read, nested tables included
MAX_TABLE_DEPTH = 8             # a table in a cell of a table ... : 8 levels at most
MAX_TABLE_COLUMNS = 64          # Word allows 63: a grid wider than this is cut (a forged gridSpan)
MAX_LETTER_NUMBER = 1000        # a letter label beyond "lll..." (a forged w:start) is shown as a number
