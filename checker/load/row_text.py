"""What one cell's text says about the row it stands in (input-format.md, *Tables on a sheet*,
*Body rows*): a numbering before a banner's text, a note or footnote, a closing line (place
and date, a signer's position, `ttd`, a lone `NIP ...`), a total word, a lone row number.
Pure functions of trimmed text; load/regions.py puts them together into row kinds.

Decisions where the contract is silent:
- A lone row number is a whole number of at most four digits, plain, with a final dot or in
  brackets ("7", "7.", "(7)"), or a number cell holding one.
- A place and date is a place (letters, spaces, dots, hyphens; at most 40 characters), a comma
  and a date as the contract reads dates, or a month and year with the day left blank or
  dotted ("Jakarta,      Februari 2025", "Jakarta, ... Februari 2025"): drafts leave it open.
- `Mengetahui`, `Menyetujui`, `Tembusan` may carry a final comma or colon (`Tembusan Yth.:`).
"""
from __future__ import annotations

import re
from typing import Any

from checker.input.dates import MONTHS, parse_date
from checker.input.nip import parse_nip
from checker.input.values import cell_text, fold_words

# "A.", "b)", "II.", "IV)", "1.", "2)", "1.2.", "(B)", then the heading's own text
_NUMBERING = r"\(?(?:[A-Za-z]|[IVXLCDM]{1,6}|[ivxlcdm]{1,6}|\d{1,3}(?:\.\d{1,3})*)[.)]"
_NUMBERED_RE = re.compile(r"^(?P<num>" + _NUMBERING + r")\s*(?P<title>\S.*)$", re.DOTALL)
# a numbering alone in a cell of its own: "1", "1.", "A.", "II", "(3)"
_NUMBER_CELL_RE = re.compile(r"^\(?(?:[A-Za-z]|[IVXLCDM]{1,6}|[ivxlcdm]{1,6}|\d{1,3}(?:\.\d{1,3})*)[.)]?\)?$")
_ROW_NUMBER_RE = re.compile(r"^\(?(\d{1,4})\)?\.?$")
_ROMAN = set("IVXLCDM")


def numbering(text: str) -> tuple[str, str] | None:
    """(numbering, the text after it) of a numbered heading ("2. POKJA X" -> ("2.", "POKJA X")),
    or None."""
    m = _NUMBERED_RE.match(text)
    if m is None:
        return None
    return m.group("num"), m.group("title").strip()


def is_number_cell(text: str) -> bool:
    """A numbering standing alone in its cell ("1", "2.", "III", "(b)")."""
    return bool(_NUMBER_CELL_RE.match(text))


def numbering_style(num: str) -> tuple:
    """What two numberings of one level share: the kind of counter and its closing mark
    ("A." and "B." one style; "1." another; "II." a Roman one, as "I." may be either)."""
    core = num.strip("()")
    mark = num[-1] if num[-1] in ".)" else ""
    core = core.rstrip(".)")
    if core.isdigit() or "." in core:
        return ("digit", mark)
    if len(core) > 1 or core.upper() not in _ROMAN:
        return ("roman" if set(core.upper()) <= _ROMAN and len(core) > 1 else "letter", core.isupper(), mark)
    return ("letter-or-roman", core.isupper(), mark)


def same_level(a: str, b: str) -> bool:
    """Two numberings of one level (a single I, V, X, ... counts as a letter and as a Roman
    numeral)."""
    sa, sb = numbering_style(a), numbering_style(b)
    if sa == sb:
        return True
    kinds = {sa[0], sb[0]}
    return (sa[1:] == sb[1:] and "letter-or-roman" in kinds and kinds <= {"letter", "roman", "letter-or-roman"})


def is_row_number(v: Any) -> bool:
    """A lone row number ("7", "7.", "(7)" or a number cell), as templates number empty rows."""
    if isinstance(v, bool):
        return False
    if isinstance(v, int):
        return 0 <= v < 10_000
    if isinstance(v, float):
        return v.is_integer() and 0 <= v < 10_000
    return bool(_ROW_NUMBER_RE.match(cell_text(v)))


_NOTE_RE = re.compile(r"^(?:(?:keterangan|ket\.?|catatan|nb|n\.b\.?|sumber)\s*(?::.*)?"
                      r"|\(?\*{1,3}\).*|\*{1,3}(?:\s.*)?)$", re.IGNORECASE | re.DOTALL)


def is_note(text: str) -> bool:
    """The first cell of a notes block: a note word alone or before a colon (`Keterangan:`,
    `Ket.`, `Catatan :`, `NB`, `Sumber:`), or a footnote mark (`*)`, `**)`, `*`)."""
    return bool(_NOTE_RE.match(text))


_TOTAL_RE = re.compile(r"^(?:jumlah|total|sub ?total|grand total|jumlah keseluruhan|jumlah total)$")


def is_total(text: str) -> bool:
    """A total word alone (`JUMLAH`, `Sub Total`, `Grand Total:`); `Jumlah rekomendasi` is not."""
    return bool(_TOTAL_RE.match(fold_words(text)))


_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_PLACE_DATE_RE = re.compile(r"^(?P<place>[^\W\d_]+(?:[ .'-]+[^\W\d_]+)*\.?)\s*,\s*(?P<date>.+)$", re.DOTALL)
_OPEN_DATE_RE = re.compile(r"^(?:[._\s-]*|\d{1,2}\s+)(?:" + _MONTH_WORDS + r")\.?\s+\d{4}$", re.IGNORECASE)
_CLOSING_START_RE = re.compile(
    r"^(?:ditetapkan\s+di\b|pada\s+tanggal\b|demikian\b|a\.\s?n\.|u\.\s?b\.|an\.|ub\.|salinan sesuai dengan aslinya\b)",
    re.IGNORECASE)
_CLOSING_WORD_RE = re.compile(r"^(?:mengetahui|menyetujui|tembusan(?:\s+yth\.?)?)\s*[,:]?$", re.IGNORECASE)
_TTD_RE = re.compile(r"^[(\[]?\s*ttd\.?\s*[)\]]?$", re.IGNORECASE)
_NIP_LINE_RE = re.compile(r"^nip\s*[.:]?\s*[\d\s.\u00a0\u202f]{8,}$", re.IGNORECASE)


def is_place_date(text: str) -> bool:
    m = _PLACE_DATE_RE.match(text)
    if m is None or len(m.group("place")) > 40:
        return False
    rest = m.group("date").strip()
    return parse_date(rest).status == "ok" or bool(_OPEN_DATE_RE.match(rest))


def is_nip_line(text: str) -> bool:
    """A lone `NIP ...` line of a signature block ("NIP. 19750312 200003 1 001")."""
    return bool(_NIP_LINE_RE.match(text))


def is_closing(text: str) -> bool:
    """A line of a closing or signature block: a place and date, `Ditetapkan di ...`, `pada
    tanggal ...`, `Demikian ...`, `Mengetahui`, `Menyetujui`, `a.n. ...`, `u.b. ...`, a text
    ending in a comma (a signer's position), `ttd`, `Tembusan`, `Salinan sesuai dengan
    aslinya`, or a lone `NIP ...`."""
    if not text:
        return False
    if text.endswith(","):
        return True
    return bool(_TTD_RE.match(text) or _CLOSING_WORD_RE.match(text) or _CLOSING_START_RE.match(text)
                or is_nip_line(text) or is_place_date(text))


def has_valid_nip(v: Any) -> bool:
    """The cell holds a valid NIP (alone, or after a name as in a `Nama/NIP` cell)."""
    if v is None:
        return False
    got = parse_nip(v)
    if got.status == "valid":
        return True
    if isinstance(v, str) and len(v) > 18:
        from checker.input.person_names import split_nama_nip
        nip = split_nama_nip(cell_text(v)).nip
        return bool(nip) and parse_nip(nip).status == "valid"
    return False


_POKJA_HEADING_RE = re.compile(r"^(?:pokja|kelompok kerja|tim kerja|tim)\b")


def heads_pokja(text: str) -> bool:
    """The text (its numbering removed) begins with `Pokja`, `Kelompok Kerja` or `Tim`."""
    return bool(_POKJA_HEADING_RE.match(fold_words(text)))
