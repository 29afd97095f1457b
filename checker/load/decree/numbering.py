"""Word's auto-numbering labels, recomputed from `numbering.xml` (decree-format.md §3.2):
python-docx does not give them (#471, #180, #1454).

How Word counts, as implemented:
- A paragraph is numbered by its own w:numPr, else by its style's (through basedOn); a
  w:numId of 0 removes the numbering. Without a w:ilvl the level is the one linked to the
  paragraph's style (w:pStyle in the level), else 0.
- Counters belong to the abstract numbering (w:abstractNum): every w:num pointing at it
  continues the same list, unless it has a w:lvlOverride with w:startOverride, which
  restarts that level at the first paragraph numbered by that w:num. A w:lvlOverride may
  also replace the level's definition (w:lvl).
- Numbering a level restarts every deeper level (its counter starts again at w:start),
  unless that level's w:lvlRestart says otherwise (0: never; n: after level n only).
- The label is the level's w:lvlText with each %k replaced by level k's counter in level
  k's format (a level not used yet shows its start value); w:isLgl shows them all decimal.
  Decision: a bullet or "none" level shows its level text as it is.
  Formats: decimal (and decimalZero), lower/upper letter (a..z, aa..zz as Word does),
  lower/upper roman, bullet (the level text; a symbol-font glyph shows as "•"), none.
  Other formats are shown decimal.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.load import limits as doc_limits
from checker.load.decree.ns import ALTERNATE_CHOICE_PATH, FALLBACK_PATH, ILVL, NUMID, VAL, int_attr, w
from checker.load.decree.styles import Styles

_MAX_LEVELS = 9
_PCT_RE = re.compile(r"%([1-9])")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_KNOWN_FORMATS = ("decimal", "decimalZero", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman", "bullet",
                  "none")


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None    # w:lvlRestart (None: after any higher level)
    legal: bool = False           # w:isLgl
    style: str | None = None      # w:pStyle linking the level to a paragraph style


def _num_format(lvl) -> str:
    nf = lvl.find(w("numFmt"))
    if nf is not None:
        return nf.get(VAL) or "decimal"
    # Word 2010 writes custom formats as mc:AlternateContent; its Fallback is the plain format
    for path in (ALTERNATE_CHOICE_PATH, FALLBACK_PATH):
        for cand in lvl.iterfind(path):
            v = cand.get(VAL)
            if v in _KNOWN_FORMATS:
                return v
    return "decimal"


def _level(lvl) -> Level:
    def val(tag):
        el = lvl.find(w(tag))
        return el.get(VAL) if el is not None else None
    legal = lvl.find(w("isLgl"))
    return Level(start=int_attr(val("start"), 1),
                 fmt=_num_format(lvl),
                 text=val("lvlText") if val("lvlText") is not None else "",
                 restart=int_attr(val("lvlRestart")),
                 legal=legal is not None and legal.get(VAL) not in ("0", "false"),
                 style=val("pStyle"))


def _letters(n: int) -> str:
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = ""
    for value, sym in _ROMAN:
        while n >= value:
            out += sym
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter") and n > doc_limits.DOC_MAX_LETTER_NUMBER:
        return str(n)
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def _bullet(text: str) -> str:
    # Symbol/Wingdings glyphs are private-use characters: Word shows a bullet
    shown = "".join("\u2022" if "\uf000" <= ch <= "\uf0ff" else ch for ch in text).strip()
    return shown or "\u2022"


class Numbering:
    """The numbering definitions and the counters of one walk (label() in document order)."""

    def __init__(self, root=None, styles: Styles | None = None):
        self.styles = styles or Styles()
        self._abstract: dict[str, dict[int, Level]] = {}
        self._style_link: dict[str, str] = {}         # abstractNum id -> numStyleLink style
        self._nums: dict[str, tuple[str, dict[int, tuple[int | None, Level | None]]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        if root is None:
            return
        for ab in root.iter(w("abstractNum")):
            aid = ab.get(w("abstractNumId"))
            if aid is None:
                continue
            self._abstract[aid] = {i: _level(lvl) for lvl in ab.iter(w("lvl"))
                                   if (i := int_attr(lvl.get(w("ilvl")))) is not None and 0 <= i < _MAX_LEVELS}
            link = ab.find(w("numStyleLink"))
            if link is not None and link.get(VAL):
                self._style_link[aid] = link.get(VAL)
        for num in root.iter(w("num")):
            nid = num.get(w("numId"))
            ref = num.find(w("abstractNumId"))
            if nid is None or ref is None:
                continue
            overrides: dict[int, tuple[int | None, Level | None]] = {}
            for ov in num.iter(w("lvlOverride")):
                i = int_attr(ov.get(w("ilvl")))
                if i is None or not 0 <= i < _MAX_LEVELS:
                    continue
                so = ov.find(w("startOverride"))
                lvl = ov.find(w("lvl"))
                overrides[i] = (int_attr(so.get(VAL)) if so is not None else None,
                                _level(lvl) if lvl is not None else None)
            self._nums[nid] = (ref.get(VAL), overrides)

    def _abstract_id(self, num_id: str) -> str | None:
        entry = self._nums.get(num_id)
        if entry is None:
            return None
        aid = entry[0]
        # an abstract numbering that only links to a numbering style: that style's list
        for _ in range(4):
            link = self._style_link.get(aid)
            if link is None:
                break
            via = self.styles.numbering(link)
            if not via or via[0] not in self._nums:
                break
            aid = self._nums[via[0]][0]
        return aid

    def _levels(self, num_id: str, aid: str) -> dict[int, Level]:
        levels = dict(self._abstract.get(aid, {}))
        for i, (_, lvl) in self._nums[num_id][1].items():
            if lvl is not None:
                levels[i] = lvl
        return levels

    def resolve(self, ppr, style: str | None) -> tuple[str, int] | None:
        """(numId, ilvl) numbering a paragraph with these w:pPr and style, or None."""
        num_id = ilvl = None
        numpr = ppr.find(w("numPr")) if ppr is not None else None
        if numpr is not None:
            nid = numpr.find(NUMID)
            lvl = numpr.find(ILVL)
            num_id = nid.get(VAL) if nid is not None else None
            ilvl = int_attr(lvl.get(VAL)) if lvl is not None else None
        if num_id is None:
            via = self.styles.numbering(style)
            if via is None:
                return None
            num_id = via[0]
            if ilvl is None:
                ilvl = via[1]
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return None
        if ilvl is None:
            aid = self._abstract_id(num_id)
            linked = [i for i, lv in self._levels(num_id, aid).items() if style and lv.style == style] if aid else []
            ilvl = linked[0] if linked else 0
        return num_id, max(0, min(ilvl, _MAX_LEVELS - 1))

    def label(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """Count one paragraph numbered (num_id, ilvl); its label as Word shows it and the
        level's format."""
        aid = self._abstract_id(num_id)
        if aid is None:
            return "", "none"
        levels = self._levels(num_id, aid)
        counters = self._counters.setdefault(aid, [None] * _MAX_LEVELS)
        overrides = self._nums[num_id][1]
        if num_id not in self._started:
            self._started.add(num_id)
            for i, (start, _) in overrides.items():
                if start is not None:
                    counters[i] = None
        def start_of(i):
            so = overrides.get(i, (None, None))[0]
            return so if so is not None else levels.get(i, Level()).start
        lvl = levels.get(ilvl, Level(text=f"%{ilvl + 1}."))
        counters[ilvl] = start_of(ilvl) if counters[ilvl] is None else counters[ilvl] + 1
        for k in range(ilvl + 1, _MAX_LEVELS):
            restart = levels.get(k, Level()).restart
            if restart is None or (restart > 0 and ilvl < restart):
                counters[k] = None
        if lvl.fmt == "bullet":
            return _bullet(lvl.text), "bullet"
        if lvl.fmt == "none" and "%" not in lvl.text:
            return lvl.text.strip(), "none"

        def sub(m):
            k = int(m.group(1)) - 1
            n = counters[k] if counters[k] is not None else start_of(k)
            fmt = "decimal" if lvl.legal else levels.get(k, Level()).fmt
            return format_number(n, fmt)
        return _PCT_RE.sub(sub, lvl.text).strip(), lvl.fmt
