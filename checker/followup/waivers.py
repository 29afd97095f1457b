"""`check --waivers temuan.xlsx`: accepted exceptions written by the unit in an earlier
findings workbook.

    WAIVER_COLUMNS = {"id": [Tanggapan, Alasan, Disetujui oleh, Berlaku sampai], "en": [...]}
    FINGERPRINT_COLUMN = {"id": "Sidik jari", "en": "Fingerprint"}
    WAIVER_STATUS_COLUMN = {"id": "Status Pengecualian", "en": "Waiver Status"}
    read_waivers(path, shown=None) -> list[Waiver]
    apply_waivers(findings, waivers, today) -> WaiverResult
    waivers_task / waivers_failed          (the reader worker's task, cli.py)

The findings workbook's Temuan/Findings sheet carries, after the contract's columns, the
four WAIVER_COLUMNS (filled in by the unit), WAIVER_STATUS_COLUMN (written by the
checker) and FINGERPRINT_COLUMN (the finding's fingerprint, written by the checker). Rows
are matched to findings by fingerprint only (never by row number or text). Headers are
found in either language, case and spacing ignored, on the first rows of the sheet.

Tanggapan is one of RESPONSES (a drop-down in the findings workbook): *Dikecualikan*
(waived), *Akan diperbaiki* (will fix), *Tidak setuju* (disagree), or free text. A row is a
waiver request only when its Tanggapan is *Dikecualikan* (or *Waived*); any other response is
carried over and waives nothing, whatever else the row says. For each current finding:
- waived: a request with Alasan, Disetujui oleh and a readable Berlaku sampai on or after
  `today` (the date is the last day of validity). Kept in the output, not counted toward
  the exit code (`WaiverResult.failing`).
- expired: complete, but Berlaku sampai is before `today`: the finding is open again.
- incomplete: something is missing or the date is unreadable: open, with a note naming
  what is missing.
- open: no request for this fingerprint.
Requests whose fingerprint matches no current finding are `stale`. When several rows hold
the same fingerprint, the best one counts (valid > expired > incomplete; then the latest
date, then the most fields filled).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, timedelta

from checker.followup.findings_sheet import WAIVER_FIELDS, fold, read_findings_sheet
from checker.input.dates import parse_date
from checker.input.values import cell_text
from checker.terms import LANGS
from checker.texts import UserError, t


def _both(key: str) -> dict:
    return {lang: t(key, lang) for lang in LANGS}


WAIVER_COLUMNS = {lang: list(t("waivers.columns", lang)) for lang in LANGS}
FINGERPRINT_COLUMN = _both("waivers.fingerprint_column")
WAIVER_STATUS_COLUMN = _both("waivers.status_column")
RESPONSES = {lang: list(t("waivers.responses", lang)) for lang in LANGS}
_WAIVE = {fold(RESPONSES[lang][0]) for lang in LANGS}           # "Dikecualikan", "Waived"
# JSON `waiver.status` (output-format.md), the same in every language
JSON_STATUS = {"waived": "berlaku", "expired": "kedaluwarsa", "incomplete": "belum lengkap"}


class WaiverError(UserError):
    """The waivers workbook cannot be used. `message(lang)` is the user text."""
    PREFIX = "waivers."

    def __reduce__(self):              # sent back from a reader worker
        from checker.followup.findings_sheet import rebuild
        return (rebuild, (WaiverError, self.key, self.params))


@dataclass(frozen=True)
class Waiver:
    fingerprint: str
    response: str = ""
    reason: str = ""
    approved_by: str = ""
    valid_until: date | None = None
    valid_until_raw: str = ""
    row: int | None = None            # Excel row in the source sheet
    rule: str | None = None
    unit: str | None = None
    message: str | None = None
    source: str | None = None

    @property
    def is_request(self) -> bool:
        """Tanggapan is Dikecualikan: only then may the row waive its finding."""
        return fold(self.response) in _WAIVE

    @property
    def has_details(self) -> bool:
        return bool(self.reason or self.approved_by or self.valid_until_raw)

    def missing(self) -> list[str]:
        """Fields of WAIVER_FIELDS still needed for a waiver ("valid_until" also when unreadable)."""
        out = [f for f in ("reason", "approved_by") if not getattr(self, f)]
        if self.valid_until is None:
            out.append("valid_until")
        return out

    def state(self, today: date) -> str:
        """"waived" | "expired" | "incomplete" (for a request)."""
        if self.missing():
            return "incomplete"
        return "waived" if self.valid_until >= today else "expired"


@dataclass
class WaiverStatus:
    finding: object
    status: str                       # "open" | "waived" | "expired" | "incomplete"
    waiver: Waiver | None = None      # the matching row (also a Tanggapan-only row, status "open")

    def note(self, lang: str = "id") -> str:
        w = self.waiver
        if self.status in ("waived", "expired"):
            return t("waivers.status." + self.status, lang, date=w.valid_until.isoformat())
        if self.status == "incomplete":
            names = dict(zip(WAIVER_FIELDS, t("waivers.columns", lang)))
            missing = ", ".join(names[m] for m in w.missing())
            text = t("waivers.status.incomplete", lang, missing=missing)
            if w.valid_until is None and w.valid_until_raw:
                text += "; " + t("waivers.status.bad_date", lang, raw=w.valid_until_raw)
            return text
        if w is not None and w.has_details and not w.is_request:
            return t("waivers.status.not_requested", lang, waive=RESPONSES[lang][0])
        return ""


@dataclass
class WaiverResult:
    today: date
    items: list[WaiverStatus] = field(default_factory=list)      # one per finding, in order
    stale: list[Waiver] = field(default_factory=list)
    _by_id: dict = field(default_factory=dict, repr=False)

    def status(self, finding) -> WaiverStatus:
        return self._by_id.get(id(finding)) or WaiverStatus(finding, "open")

    def only(self, findings) -> WaiverResult:
        """The statuses of `findings` alone (a unit's share of the run)."""
        keep = {id(f) for f in findings}
        items = [s for s in self.items if id(s.finding) in keep]
        return WaiverResult(self.today, items, [], {id(s.finding): s for s in items})

    def open_findings(self) -> list:
        """Every finding that still counts (all but the waived ones)."""
        return [s.finding for s in self.items if s.status != "waived"]

    def waived(self) -> list:
        return [s.finding for s in self.items if s.status == "waived"]

    def counts(self) -> dict[str, int]:
        out = {"waived": 0, "expired": 0, "incomplete": 0, "stale": len(self.stale)}
        for s in self.items:
            if s.status in out:
                out[s.status] += 1
        return out

    def json_of(self, finding) -> dict | None:
        """The JSON `waiver` of a finding: null, or its status with the unit's entries."""
        s = self.status(finding)
        if s.status not in JSON_STATUS:
            return None
        w = s.waiver
        return {"status": JSON_STATUS[s.status], "reason": w.reason or None, "approved_by": w.approved_by or None,
                "until": w.valid_until.isoformat() if w.valid_until else (w.valid_until_raw or None)}

    def cells(self, finding, lang: str = "id") -> list[str]:
        """Values for WAIVER_COLUMNS[lang] + [WAIVER_STATUS_COLUMN[lang]] of a finding's row:
        the unit's entries carried over (date as YYYY-MM-DD) and the status note."""
        s = self.status(finding)
        w = s.waiver
        if w is None:
            return ["", "", "", "", ""]
        until = w.valid_until.isoformat() if w.valid_until else w.valid_until_raw
        return [w.response, w.reason, w.approved_by, until, s.note(lang)]

    def summary_lines(self, lang: str = "id") -> list[str]:
        out = [t("waivers.summary", lang, **self.counts())]
        for w in self.stale[:10]:
            out.append(t("waivers.stale", lang, row=w.row or "-", rule=w.rule or "", unit=w.unit or "").rstrip())
        return out


# ---------------------------------------------------------------------------- reading

def _as_date(v) -> tuple[date | None, str]:
    if isinstance(v, (int, float)) and not isinstance(v, bool) and 20000 <= v <= 80000:
        # an Excel serial in a cell without a date format
        return date(1899, 12, 30) + timedelta(days=int(v)), cell_text(v)
    d = parse_date(v)                      # a date, a date as text, or NaN (unreadable: never a waiver's date)
    return d.value, d.raw_text


def read_waivers(path, shown: str | None = None) -> list[Waiver]:
    """Every row of the Temuan/Findings sheet that has something in a waiver column.
    Raises WaiverError when the workbook cannot be read or lacks the needed columns. Read as
    an input is read (findings_sheet.py); the command line does it in a reader worker
    (`waivers_task`). `shown`: the name the texts give the file."""
    from checker.followup.findings_sheet import MAX_EARLIER_FINDINGS
    p = os.fspath(path)
    name = shown or p
    from checker.followup.compare import special_file
    if special_file(p):                    # a FIFO would block the open, /dev/zero never end
        raise WaiverError("not_a_file", path=name)
    rows, cols = read_findings_sheet(p, lambda key, **params: WaiverError(key, path=name, **params), name)
    if not any(f in cols for f in WAIVER_FIELDS):
        raise WaiverError("no_columns", path=name)
    out = []
    for row in rows:
        fp = cell_text(row.get("fingerprint"))
        if not fp:
            continue
        until, until_raw = _as_date(row.get("valid_until"))
        w = Waiver(
            fingerprint=fp, response=cell_text(row.get("response")), reason=cell_text(row.get("reason")),
            approved_by=cell_text(row.get("approved_by")), valid_until=until, valid_until_raw=until_raw,
            row=row["_row"], rule=cell_text(row.get("rule")) or None, unit=cell_text(row.get("unit")) or None,
            message=cell_text(row.get("message")) or None, source=name,
        )
        if w.response or w.has_details:
            out.append(w)
    if len(out) > MAX_EARLIER_FINDINGS:
        raise WaiverError("too_many", path=name, n=len(out), limit=MAX_EARLIER_FINDINGS)
    return out


def waivers_task(_index: int, ref):
    """In a reader worker: the waiver rows of the workbook named by `ref` (an InputRef), as `Earlier`."""
    from checker.followup.findings_sheet import Earlier
    try:
        return Earlier(read_waivers(ref.path, ref.shown))
    except WaiverError as e:
        return Earlier(error=e)


def waivers_failed(_index: int, ref, _sha256, err):
    """The worker failed on it (memory or time limit, a crash): why, as `Earlier`."""
    from checker.followup.findings_sheet import Earlier
    err.path = ref.shown
    return Earlier(error=WaiverError("not_read", path=ref.shown, why=err))


# ---------------------------------------------------------------------------- applying

_STATE_RANK = {"waived": 0, "expired": 1, "incomplete": 2}


def _best(cands: list[Waiver], today: date) -> Waiver:
    def key(w: Waiver):
        st = w.state(today) if w.is_request else "none"
        filled = sum(1 for f in ("response", "reason", "approved_by", "valid_until_raw") if getattr(w, f))
        return (_STATE_RANK.get(st, 3), -(w.valid_until.toordinal() if w.valid_until else 0), -filled)
    return min(cands, key=key)


def apply_waivers(findings, waivers, today: date | None = None) -> WaiverResult:
    """Status of every finding under `waivers` (see module doc); `today` defaults to the
    local date."""
    today = today or date.today()
    by_fp: dict[str, list[Waiver]] = {}
    for w in waivers:
        by_fp.setdefault(w.fingerprint, []).append(w)
    best = {fp: _best(ws, today) for fp, ws in by_fp.items()}
    res = WaiverResult(today=today)
    used: set[str] = set()
    for f in findings:
        w = best.get(f.fingerprint)
        if w is None:
            st = WaiverStatus(f, "open")
        else:
            used.add(f.fingerprint)
            st = WaiverStatus(f, w.state(today) if w.is_request else "open", w)
        res.items.append(st)
        res._by_id[id(f)] = st
    res.stale = [best[fp] for fp in by_fp if fp not in used and best[fp].is_request]
    res.stale.sort(key=lambda w: (w.row or 0))
    return res
