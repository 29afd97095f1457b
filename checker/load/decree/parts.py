"""The parts of the decree (decree-format.md §3.3), read from the lines and table units
(lines.py) in order: title, number, subject, Menimbang/Mengingat, MEMUTUSKAN and the
diktum, the signature block, the Lampiran. Every line read is given its location (§5).

Decisions where the contract is silent:
- The title is searched among the first 15 non-empty lines before any Menimbang, Mengingat
  or MEMUTUSKAN, in lines without Word numbering (a numbered `Peraturan ...` under
  Mengingat is never a title). A title with no NOMOR line ends at TENTANG (or after 8 lines).
- A paragraph's soft line breaks split it into lines for the title, number, subject and
  signature block (`KEPUTUSAN\\nASISTEN DEPUTI ...` in one paragraph is two title lines).
- Without MEMUTUSKAN, the diktum is searched from the end of the considerations.
- Inside the diktum, only an upper-case `LAMPIRAN` line ends it (an item may begin with
  "Lampiran ..."); after the signature block, any case starts the Lampiran.
- With neither a signature block nor a LAMPIRAN line, the last diktum ends at the first
  member table of the body.
- The date's gap rule: a date with a gap that still reads as a whole date (`10  Januari
  2025`, a double space) is readable; one with a gap and no day is blank.
- An office line without its final "," (a slip): the lines between the date and a `ttd`/`TTE`
  line are the office; without such a line there is no office line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.input.dates import parse_date
from checker.input.nip import parse_nip
from checker.input.values import fold_words, has_gap, is_placeholder
from checker.load.decree.draft_model import (
    Consideration,
    DecreeDate,
    DecreeNumber,
    Diktum,
    Item,
    Lampiran,
    Location,
    Signature,
    Subject,
    TableRef,
    Title,
)
from checker.load.decree.lines import Line, TableUnit
from checker.load.decree.locate import PART_LABELS, ItemRefs, Locator, TablePlace, diktum_head
from checker.load.decree.table_headers import Header
from checker.load.decree.words import (
    ACTING_RE,
    CONSIDER_RE,
    DIKTUM_RE,
    DITETAPKAN_RE,
    INSTRUMENT_RE,
    LAMPIRAN_RE,
    MENETAPKAN_RE,
    NIP_LINE_RE,
    NOMOR_RE,
    NOT_A_NAME_RE,
    ON_BEHALF_RE,
    RAHMAT,
    TANGGAL_RE,
    TENTANG_RE,
    YEAR_RE,
    begins_with,
    has_phrase,
    memutuskan,
)

_TITLE_WINDOW = 15
_TITLE_MAX_LINES = 8
_SUBJECT_MAX_LINES = 10
_SIGNATURE_MAX_LINES = 25
_NO_DAY_RE = re.compile(r"^[^\d]*\d{4}[^\d]*$")
_TASK_WORDS = ("mempunyai tugas", "bertugas", "dengan tugas", "tugas pokja")
_NOT_TASK_WORDS = ("uraian tugas", "melaksanakan tugas")


@dataclass
class DiktumSpan:
    """A diktum with the units it spans (start: its own line; items and tables up to end)."""
    diktum: Diktum
    start: int
    end: int
    lines: list[Line] = field(default_factory=list)      # its item lines
    units: list[TableUnit] = field(default_factory=list)  # its tables


@dataclass
class Parts:
    units: list
    title: Title | None = None
    number: DecreeNumber | None = None
    subject: Subject | None = None
    considerations: list[Consideration] = field(default_factory=list)
    memutuskan: int | None = None
    menetapkan: str = ""
    spans: list[DiktumSpan] = field(default_factory=list)
    signature: Signature | None = None
    signature_range: tuple[int, int] | None = None
    lampiran: Lampiran | None = None
    lampiran_units: list[tuple[TableUnit, TableRef]] = field(default_factory=list)
    after_diktum: int = 0            # first unit after the diktum (member tables are searched from here)


def _sublines(units, start: int, stop: int | None = None):
    """(unit index, subline text) of the lines from `start`, each paragraph split at its
    soft line breaks."""
    for i in range(start, len(units) if stop is None else stop):
        u = units[i]
        if isinstance(u, Line):
            for s in u.text.split("\n"):
                yield i, s


def is_task_text(text: str) -> bool:
    f = fold_words(text)
    for w in _NOT_TASK_WORDS:
        f = f.replace(w, " ")
    return any(has_phrase(f, w) for w in _TASK_WORDS)


class PartsReader:
    def __init__(self, units: list, locator: Locator):
        self.units = units
        self.loc = locator
        self.p = Parts(units)

    # ------------------------------------------------------------ helpers

    def _line_loc(self, i: int, part: str, label: str | None = None) -> Location:
        u = self.units[i]
        loc = self.loc.paragraph(part, label or PART_LABELS[part], u.para)
        return loc

    def _mark(self, i: int, part: str, label: str | None = None) -> Location:
        """Give line i its location (once: the first part to claim it keeps it)."""
        u = self.units[i]
        if id(u.para) in self.loc.lines:
            return self.loc.lines[id(u.para)]
        loc = self._line_loc(i, part, label)
        self.loc.set_line(u.para, loc)
        return loc

    def _is_line(self, i: int) -> bool:
        return isinstance(self.units[i], Line)

    def _text(self, i: int) -> str:
        u = self.units[i]
        return u.text.strip() if isinstance(u, Line) else ""

    # ------------------------------------------------------------ front matter

    def read(self) -> Parts:
        pos = self._title()
        pos = self._considerations(pos)
        self._diktum(pos)
        self._signature()
        self._lampiran()
        return self.p

    def _title(self) -> int:
        units = self.units
        window = []
        for i, u in enumerate(units):
            if not isinstance(u, Line) or not u.text.strip():
                continue
            t = u.text.strip()
            if CONSIDER_RE.match(t) or memutuskan(t) or DIKTUM_RE.match(t):
                break
            window.append(i)
            if len(window) >= _TITLE_WINDOW:
                break
        start = next((i for i in window if not units[i].label
                      and INSTRUMENT_RE.match(units[i].text.strip().split("\n")[0])), None)
        if start is None:
            return self._number_and_subject(0, None)
        m = INSTRUMENT_RE.match(units[start].text.strip())
        instrument = " ".join(m.group(1).upper().split())
        lines: list[tuple[int, str]] = []
        first = True
        stop_at = None
        for i, s in _sublines(units, start):
            s = s.strip()
            if first:
                s = INSTRUMENT_RE.match(s).group(2).strip() if INSTRUMENT_RE.match(s) else s
                first = False
                if s:
                    lines.append((i, s))
                continue
            if NOMOR_RE.match(s) or TENTANG_RE.match(s) or CONSIDER_RE.match(s) or memutuskan(s) \
                    or begins_with(s, RAHMAT):
                stop_at = i
                break
            if s:
                lines.append((i, s))
            if len(lines) >= _TITLE_MAX_LINES:
                stop_at = i + 1
                break
        issuer_lines = tuple(s for _, s in lines)
        loc = self._mark(start, "judul")
        for i, _ in lines:
            self._mark(i, "judul")
        text = "\n".join([instrument] + list(issuer_lines)) if issuer_lines else instrument
        self.p.title = Title(instrument, " ".join(issuer_lines), issuer_lines, text, loc)
        return self._number_and_subject(stop_at if stop_at is not None else start + 1, start)

    def _number_and_subject(self, pos: int, title_start: int | None) -> int:
        units = self.units
        nomor_i = tentang_i = None
        number_text = None
        subject: list[tuple[int, str]] = []
        issuer = fold_words(self.p.title.issuer) if self.p.title else ""
        state = "number"
        count = 0
        end = pos
        for i, s in _sublines(units, pos):
            t = s.strip()
            if CONSIDER_RE.match(t) or memutuskan(t) or DIKTUM_RE.match(t) or DITETAPKAN_RE.match(t):
                end = i
                break
            if state == "number":
                if title_start is None and count > _TITLE_WINDOW:
                    break
                m = NOMOR_RE.match(t)
                if m and number_text is None:
                    nomor_i, number_text = i, m.group(1)
                    continue
                m = TENTANG_RE.match(t)
                if m:
                    tentang_i = i
                    state = "subject"
                    if m.group(1).strip():
                        subject.append((i, m.group(1).strip()))
                    end = i + 1
                    continue
                count += t != ""
                if count > 4 and number_text is not None:
                    break
                continue
            # subject
            if begins_with(t, RAHMAT) or (t.endswith(",") and issuer and fold_words(t)
                                           and issuer.startswith(fold_words(t))):
                end = i
                break
            if t:
                subject.append((i, t))
            end = i + 1
            if len(subject) >= _SUBJECT_MAX_LINES:
                break
        if number_text is not None:
            self.p.number = _number(number_text, self._mark(nomor_i, "nomor"))
        else:
            self.p.number = DecreeNumber("", True, "missing", None)
        if tentang_i is not None:
            loc = self._mark(tentang_i, "tentang")
            for i, _ in subject:
                self._mark(i, "tentang")
            text = " ".join(s for _, s in subject)
            m = YEAR_RE.search(text)
            self.p.subject = Subject(text, int(m.group(1)) if m else None, loc)
        return max(end, pos)

    def _considerations(self, pos: int) -> int:
        units = self.units
        current = None          # [kind, first line index, rest text, item lines]
        found = []
        end = pos
        for i in range(pos, len(units)):
            u = units[i]
            if not isinstance(u, Line):
                continue
            t = u.text.strip()
            if memutuskan(t) or DIKTUM_RE.match(t) or DITETAPKAN_RE.match(t):
                end = i
                break
            m = CONSIDER_RE.match(t)
            if m:
                current = [m.group(1).lower(), i, m.group(2).strip(), []]
                found.append(current)
                continue
            if current is not None and t:
                current[3].append(i)
            end = i + 1
        for kind, first, rest, item_lines in found:
            part = "menimbang" if kind == "menimbang" else "mengingat"
            label = "Memperhatikan" if kind == "memperhatikan" else PART_LABELS[part]
            loc = self._mark(first, part, label)
            refs = ItemRefs()
            items = []
            if rest:
                items.append(Item(rest, "", refs.next(rest), loc))
            for i in item_lines:
                u = units[i]
                ref = refs.next(u.text.strip(), u.label, u.para.num_format, u.para.ilvl)
                items.append(Item(u.text.strip(), u.label, ref, self._mark(i, part, label)))
            text = "\n".join(it.labelled for it in items)
            self.p.considerations.append(Consideration(kind, text, tuple(items), loc))
        return end

    # ------------------------------------------------------------ diktum

    def _diktum(self, pos: int) -> None:
        units = self.units
        start = pos
        for i in range(pos, len(units)):
            if self._is_line(i) and memutuskan(self._text(i)):
                self.p.memutuskan = i
                self._mark(i, "diktum")
                start = i + 1
                break
        starts: list[int] = []
        stop = len(units)
        ended_by_block = False
        for i in range(start, len(units)):
            u = units[i]
            if not isinstance(u, Line):
                continue
            t = u.text.strip()
            if any(DITETAPKAN_RE.match(s) for s in t.split("\n")):
                stop, ended_by_block = i, True
                break
            if DIKTUM_RE.match(t):
                starts.append(i)
            elif not starts and MENETAPKAN_RE.match(t):
                self.p.menetapkan = MENETAPKAN_RE.match(t).group(1).strip()
                self._mark(i, "diktum")
            elif not starts and self.p.menetapkan and t:
                self.p.menetapkan += " " + t
                self._mark(i, "diktum")
            elif starts and t.startswith("LAMPIRAN") and LAMPIRAN_RE.match(t):
                stop, ended_by_block = i, True
                break
        if starts and not ended_by_block:
            stop = next((i for i in range(starts[-1] + 1, len(units))
                         if isinstance(units[i], TableUnit) and units[i].table.parent is None
                         and units[i].header is not None and units[i].header.is_member), stop)
        self.p.after_diktum = stop if starts else start
        for n, s in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else stop
            self.p.spans.append(self._one_diktum(n + 1, s, end))

    def _one_diktum(self, index: int, start: int, end: int) -> DiktumSpan:
        units = self.units
        m = DIKTUM_RE.match(units[start].text.strip())
        ordinal = m.group(1).upper()
        own = m.group(2).strip()
        head = diktum_head(ordinal)
        loc = self._mark(start, "diktum", head)
        d = Diktum(ordinal, index, own, loc, forms=has_phrase(own, "membentuk"),
                   is_target=has_phrase(own, "target kinerja"), is_task=is_task_text(own))
        span = DiktumSpan(d, start, end)
        refs = ItemRefs()
        n_tables = 0
        for i in range(start + 1, end):
            u = units[i]
            if isinstance(u, TableUnit):
                n_tables += 1
                ref = self._table_ref(u, "diktum", head, n_tables)
                d.tables.append(ref)
                span.units.append(u)
                continue
            t = u.text.strip()
            if not t:
                continue
            r = refs.next(t, u.label, u.para.num_format, u.para.ilvl)
            item_loc = self._mark(i, "diktum", diktum_head(ordinal, r))
            d.items.append(Item(t, u.label, r, item_loc))
            span.lines.append(u)
        return span

    def _table_ref(self, u: TableUnit, part: str, head: str, number: int) -> TableRef:
        h: Header | None = u.header
        columns = dict(h.names) if h else {}
        self.loc.set_table(u.table, TablePlace(part, head, number, columns))
        kind = "other"
        if h is not None:
            vals = set(h.keys.values())
            kind = ("member" if h.is_member else "target" if "target" in vals
                    else "task" if "tugas_pokja" in vals else "other")
        return TableRef(number, self.loc.table(u.table), u.table.n_rows, h.rows if h else (), columns,
                        dict(h.keys) if h else {}, kind)

    # ------------------------------------------------------------ signature

    def _signature(self) -> None:
        units = self.units
        first = self.p.spans[0].start + 1 if self.p.spans else (self.p.memutuskan or 0)
        start = next((i for i in range(first, len(units)) if isinstance(units[i], Line)
                      and any(DITETAPKAN_RE.match(s) for s in units[i].text.strip().split("\n"))), None)
        if start is None:
            return
        subs = []
        for i in range(start, len(units)):
            if isinstance(units[i], TableUnit):
                break                      # a table after the signature is the Lampiran's
            lines = units[i].text.split("\n")
            if i > start and LAMPIRAN_RE.match(lines[0]):
                break
            subs.extend((i, s.strip()) for s in lines)
            if len(subs) >= _SIGNATURE_MAX_LINES:
                break
        while subs and not DITETAPKAN_RE.match(subs[0][1]):
            subs.pop(0)
        place = DITETAPKAN_RE.match(subs[0][1]).group(1).strip()
        date_text = None
        m = re.search(r"\bpada\s+tanggal\b", place, re.IGNORECASE)
        if m:
            place, date_text = place[:m.start()].strip(), TANGGAL_RE.match(place[m.start():]).group(1)
        place = place.rstrip(",").strip()
        last = subs[0][0]
        rest = [(i, s) for i, s in subs[1:] if s]
        j = 0
        if date_text is None and j < len(rest) and TANGGAL_RE.match(rest[j][1]):
            date_text = TANGGAL_RE.match(rest[j][1]).group(1)
            last = rest[j][0]
            j += 1
        office: list[str] = []
        scan = j
        while scan < len(rest) and scan - j < 4:
            office.append(rest[scan][1])
            last = rest[scan][0]
            scan += 1
            if office[-1].endswith(","):
                break
        if not office or not office[-1].endswith(","):
            # no office line ends with ",": the lines before `ttd`/`TTE`, when there is one
            ttd = next((k for k in range(j, min(j + 5, len(rest))) if NOT_A_NAME_RE.match(rest[k][1])), None)
            office, scan = ([line for _, line in rest[j:ttd]], ttd) if ttd is not None else ([], j)
        elif ON_BEHALF_RE.match(office[0]):
            second = scan
            while second < len(rest) and second - scan < 4:
                line = rest[second][1]
                if NOT_A_NAME_RE.match(line) or NIP_LINE_RE.match(line):
                    break
                office.append(line)
                last = rest[second][0]
                second += 1
                if line.endswith(",") and not ON_BEHALF_RE.match(line):
                    nxt = rest[second][1] if second < len(rest) else ""
                    if not ON_BEHALF_RE.match(nxt):
                        break
            scan = second
        signer = nip = ""
        while scan < len(rest):
            line = rest[scan][1]
            scan += 1
            if NOT_A_NAME_RE.match(line):
                continue
            if NIP_LINE_RE.match(line):
                nip = NIP_LINE_RE.match(line).group(1).strip()
                last = rest[scan - 1][0]
                break
            signer = line
            last = rest[scan - 1][0]
            if scan < len(rest) and NIP_LINE_RE.match(rest[scan][1]):
                nip = NIP_LINE_RE.match(rest[scan][1]).group(1).strip()
                last = rest[scan][0]
            break
        loc = self._mark(start, "penandatanganan")
        for i in range(start, last + 1):
            if isinstance(units[i], Line):
                self._mark(i, "penandatanganan")
        office_lines = tuple(o.rstrip(",").strip() if o.endswith(",") else o for o in office)
        acting = bool(office) and bool(ACTING_RE.match(office[0]))
        on_behalf = any(ON_BEHALF_RE.match(o) for o in office)
        key = parse_nip(nip).key if nip else None
        self.p.signature = Signature(place, read_date(date_text), office_lines, acting, on_behalf, signer, nip,
                                     key, loc)
        self.p.signature_range = (start, last + 1)

    # ------------------------------------------------------------ Lampiran

    def _lampiran(self) -> None:
        units = self.units
        after = self.p.signature_range[1] if self.p.signature_range else self.p.after_diktum
        start = next((i for i in range(after, len(units)) if isinstance(units[i], Line)
                      and LAMPIRAN_RE.match(units[i].text.strip())), None)
        if start is None:
            start = next((i for i in range(after, len(units)) if isinstance(units[i], TableUnit)
                          and units[i].header is not None and units[i].header.is_member), None)
        if start is None:
            return
        if isinstance(units[start], Line):
            loc = self._mark(start, "lampiran")
        else:
            loc = None
        lamp = Lampiran(loc)
        n = 0
        for i in range(start, len(units)):
            u = units[i]
            if isinstance(u, TableUnit):
                n += 1
                ref = self._table_ref(u, "lampiran", "Lampiran", n)
                lamp.tables.append(ref)
                self.p.lampiran_units.append((u, ref))
                continue
            if u.text.strip():
                lamp.headings.append((u.text.strip(), self._mark(i, "lampiran")))
            else:
                self._mark(i, "lampiran")
        if lamp.location is None:
            lamp.location = lamp.tables[0].location if lamp.tables else Location("lampiran", "Lampiran")
        self.p.lampiran = lamp


def _number(text: str, loc: Location) -> DecreeNumber:
    t = text.strip()
    if not t:
        return DecreeNumber(t, True, "empty", loc)
    if is_placeholder(t):
        return DecreeNumber(t, True, "placeholder", loc)
    if has_gap(t):
        return DecreeNumber(t, True, "gap", loc)
    return DecreeNumber(t, False, "", loc)


def read_date(text: str | None) -> DecreeDate:
    """§3.3: blank when empty, a placeholder, with a gap or no day; readable when the
    input-format date grammar reads it; unreadable otherwise (`31 Juni 2025`)."""
    if text is None:
        return DecreeDate("", "blank")
    t = text.strip().lstrip(":").strip()
    if not t or is_placeholder(t):
        return DecreeDate(t, "blank")
    d = parse_date(t)
    if d.status == "ok":
        return DecreeDate(t, "readable", d.value)
    if has_gap(t) or _NO_DAY_RE.match(t):
        return DecreeDate(t, "blank")
    return DecreeDate(t, "unreadable")


def read_parts(units: list, locator: Locator) -> Parts:
    return PartsReader(units, locator).read()
