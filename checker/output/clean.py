"""The one place where text copied from an input is made safe to leave the program: on the
terminal, in a findings workbook, in an annotated copy (cells, comments, link targets).

Any text may come from an input (file names, Kode Unit, names, values quoted in messages), so
it must not carry what a terminal obeys (ESC[2J clears the screen, an OSC sequence retitles the
window) nor what XML 1.0 refuses (C0 controls: an ESC in a relationships file makes Excel
refuse the whole workbook). Removed: C0 and C1 controls, DEL, the bidirectional overrides that
can reorder what a line shows, the XML non-characters U+FFFE/U+FFFF, and lone surrogates
(a file name that is not UTF-8) become U+FFFD."""
from __future__ import annotations

import re

# C0 (but tab and line breaks, handled first) and C1 controls, DEL, bidi overrides, non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_BREAKS = re.compile(r"\r\n?|[\v\f\u2028\u2029]")


def clean(text, lines: bool = False) -> str:
    """`text` without control characters. Tabs become spaces; line breaks become spaces, or
    with `lines` one '\\n' each (a multi-line message, a cell comment); other controls vanish."""
    text = "" if text is None else str(text)
    if text.isprintable():                      # the common case, and fast
        return text
    text = _BREAKS.sub("\n", text)
    text = text.replace("\t", " ") if lines else re.sub(r"[\t\n]+", " ", text)
    text = _SURROGATE.sub("\ufffd", text)
    return _CONTROL.sub("", text)


def is_clean(text) -> bool:
    """True when `clean` would leave `text` as it is (a sheet name or a path fit for a link)."""
    return text is None or clean(str(text), lines=True) == str(text)
