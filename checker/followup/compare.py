"""`check --compare temuan-v1.json` (or `temuan-v1.xlsx`, the earlier findings workbook): what
changed since an earlier run, by fingerprint.

    load_previous(path, shown=None) -> dict                      (the earlier run, as read)
    compare(findings, previous, units=None) -> Comparison        (previous: a path or load_previous's dict)
    compare_result(result, previous) -> Comparison               (units taken from the run)
    previous_task / previous_failed                              (the reader worker's task, cli.py)
    summary_lines(comparison, lang="id") -> list[str]            (terminal)
    rows(comparison, lang="id") -> list[list]                    (sheet Perubahan: header first)

Classification is by `fingerprint` only (rule + unit + pokja + person + target + value,
never the row number), so inserting rows or renaming the file changes nothing:
- new (baru): a current finding whose fingerprint the earlier run did not have;
- still open (tetap): a current finding whose fingerprint the earlier run had too;
- resolved (selesai): a finding of the earlier run (a dict from its JSON) whose fingerprint
  no current finding has.
Several findings may share one fingerprint: they are matched as a multiset (with 3 now and
2 before, 2 are still open and the last 1 is new).

Scope: the earlier JSON may cover more units than this run (a whole-ministry audit, then
one unit). With `units` (the Kode Unit of every input of this run; compare_result passes
them), earlier findings of other units are left out (`out_of_scope`), never "resolved".
Earlier findings without a unit (unreadable files) are always in scope.
"""
from __future__ import annotations

import functools
import json
import os
from collections import Counter
from dataclasses import dataclass, field

from checker.output.clean import clean
from checker.terms import is_data_basis
from checker.texts import UserError, severity_label, t


class CompareError(UserError):
    """The earlier JSON cannot be used. `message(lang)` is the user text."""
    PREFIX = "compare."

    def __reduce__(self):              # sent back from a reader worker
        from checker.followup.findings_sheet import rebuild
        return (rebuild, (CompareError, self.key, self.params))


# What the comparison reads of an earlier finding (the rest of the JSON is left in the worker)
KEPT = ("unit", "rule", "slug", "message", "pokja", "nip", "name", "target", "file", "sheet", "row", "column",
        "severity", "basis", "label", "fingerprint", "document")


@dataclass
class Comparison:
    previous_path: str
    previous_checked_at: str | None
    new: list = field(default_factory=list)            # Finding
    still_open: list = field(default_factory=list)     # Finding
    resolved: list = field(default_factory=list)       # dict (earlier JSON finding)
    out_of_scope: int = 0                              # earlier findings of units not in this run
    _status: dict = field(default_factory=dict, repr=False)   # id(Finding) -> "new" | "still_open"

    def status(self, finding) -> str | None:
        """"new" or "still_open" for a current finding (None if it was not compared)."""
        return self._status.get(id(finding))

    def counts(self) -> dict[str, int]:
        return {"new": len(self.new), "still_open": len(self.still_open), "resolved": len(self.resolved)}

    def to_json(self) -> dict:
        """The JSON document's `comparison`: the earlier run, the counts, and the earlier findings
        resolved since (each finding of this run carries its own `change`)."""
        return {"previous": self.previous_path, "previous_checked_at": self.previous_checked_at,
                "counts": self.counts(), "out_of_scope": self.out_of_scope,
                "resolved": [{k: f.get(k) for k in KEPT if k != "label"} for f in self.resolved]}

    def rows(self, lang: str = "id") -> list[list]:
        return rows(self, lang)

    def only(self, findings, unit: str | None, files, unique: bool = True) -> Comparison:
        """The comparison of one input file's share of the run: its `findings`, and the earlier
        findings resolved since of its unit: those of one of its `files`, or of its Kode Unit
        when no other input of this run has that code (`unique`; a file renamed since)."""
        keep = {id(f) for f in findings}
        files = set(files)

        def resolved_here(f) -> bool:
            if _get(f, "unit") != unit:
                return False
            return _get(f, "file") in files or (unique and unit is not None)
        return self._subset(keep, resolved_here)

    def narrowed(self, findings, flt) -> Comparison:
        """The comparison as a filter (result.FindingFilter) shows it: the current `findings`
        it kept, and the resolved earlier findings it keeps."""
        return self._subset({id(f) for f in findings}, flt.keeps_earlier, self.out_of_scope)

    def _subset(self, keep: set, resolved_kept, out_of_scope=0) -> Comparison:
        """The current findings whose id() is in `keep`, the resolved ones `resolved_kept` keeps."""
        out = Comparison(self.previous_path, self.previous_checked_at, [f for f in self.new if id(f) in keep],
                         [f for f in self.still_open if id(f) in keep],
                         [f for f in self.resolved if resolved_kept(f)], out_of_scope)
        out._status = {k: v for k, v in self._status.items() if k in keep}
        return out


def special_file(path: str) -> bool:
    """True for an existing entry that is no regular file (FIFO, device, socket, folder, or a
    link to one), from stat only: such an input is refused before it is opened."""
    import stat
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False                       # missing or unreadable: the open says so


def load_previous(path, shown: str | None = None) -> dict:
    """The earlier findings, from its JSON or its findings workbook: {"findings": [dicts of
    KEPT], "checked_at", "source": the name it is shown by}; raises CompareError. Read as an
    input is read (load/reader.py: a FIFO or a device refused from its stat, the size bounded);
    the command line does it in a reader worker (`previous_task`)."""
    from checker.followup.findings_sheet import MAX_EARLIER_FINDINGS, is_zip
    from checker.load.errors import LoadError
    from checker.load.reader import read_bytes
    p = os.fspath(path)
    name = shown or p
    if special_file(p):                    # a FIFO would block the open, /dev/zero never end
        raise CompareError("not_a_file", path=name)
    if is_zip(p):
        doc = _from_workbook(p, name)
    else:
        try:
            raw = read_bytes(p)
        except LoadError as e:
            if e.message_key in ("not_found", "dangling_link", "io_error"):
                raise CompareError("not_found", path=name) from None
            if e.path == p:
                e.path = name
            raise CompareError("not_read", path=name, why=e) from None
        try:
            doc = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise CompareError("not_findings", path=name) from None
        del raw
        if not isinstance(doc, dict) or not isinstance(doc.get("findings"), list) or not all(
                isinstance(f, dict) and isinstance(f.get("fingerprint"), str) for f in doc["findings"]):
            raise CompareError("not_findings", path=name)
        checked_at = doc.get("checked_at")
        doc = {"findings": [_kept(f) for f in doc["findings"]],
               "checked_at": checked_at if isinstance(checked_at, str) else None}
    if len(doc["findings"]) > MAX_EARLIER_FINDINGS:
        raise CompareError("too_many", path=name, n=len(doc["findings"]), limit=MAX_EARLIER_FINDINGS)
    doc["source"] = name
    return doc


def _kept(f: dict) -> dict:
    out = {k: f.get(k) for k in KEPT}
    label = out.get("label")
    if not out.get("basis") and isinstance(label, str) and label.casefold() in _data_labels():
        out["basis"] = "data"                   # an older JSON without `basis`: its label says it
    return out


def previous_task(_index: int, ref):
    """In a reader worker: the earlier run named by `ref` (an InputRef), as `Earlier`."""
    from checker.followup.findings_sheet import Earlier
    try:
        return Earlier(load_previous(ref.path, ref.shown))
    except CompareError as e:
        return Earlier(error=e)


def previous_failed(_index: int, ref, _sha256, err):
    """The worker failed on it (memory or time limit, a crash): why, as `Earlier`."""
    from checker.followup.findings_sheet import Earlier
    err.path = ref.shown
    return Earlier(error=CompareError("not_read", path=ref.shown, why=err))


def _from_workbook(p: str, name: str) -> dict:
    """The Temuan sheet's rows as JSON findings (the keys the comparison shows)."""
    from checker.followup.findings_sheet import read_findings_sheet
    from checker.input.values import cell_text

    def error(key, **params):
        return CompareError("not_findings" if key == "unreadable" else key, path=name, **params)
    rows, _ = read_findings_sheet(p, error, name)
    labels = _severity_of_label()
    findings = []
    for row in rows:
        fp = cell_text(row.get("fingerprint"))
        if not fp:
            continue
        f = {k: (cell_text(row.get(k)) or None) for k in ("unit", "rule", "message", "pokja", "nip", "name",
                                                           "target", "file", "sheet", "column", "basis")}
        f["fingerprint"] = fp
        f["row"] = _whole(row.get("row"))                  # a number cell reads as 13.0: row 13
        label = cell_text(row.get("label")).casefold()
        f["severity"] = labels.get(label, "error")
        if label in _data_labels() and not is_data_basis(f["basis"]):
            f["basis"] = "data"                            # a data error's label, whatever the basis column says
        findings.append(f)
    return {"findings": findings, "checked_at": None}


def _whole(value):
    """An Excel row number read back: 13 for 13 or 13.0, None for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        return None
    return int(value) if float(value).is_integer() else None


@functools.cache
def _data_labels() -> frozenset:
    """The data-error label in every language (asked once per earlier finding: made once)."""
    from checker.terms import LANGS
    return frozenset(t("sev.data_error", lang).casefold() for lang in LANGS)


def _severity_of_label() -> dict:
    from checker.terms import LANGS, SEVERITIES
    out = {}
    for lang in LANGS:
        for sev in SEVERITIES:
            out[t("sev." + sev, lang).casefold()] = sev
        out[t("sev.data_error", lang).casefold()] = "error"
    return out


def compare(findings, previous, units=None) -> Comparison:
    """`previous`: the earlier run's path, or what load_previous read of it."""
    doc = previous if isinstance(previous, dict) else load_previous(previous)
    scope = None if units is None else {u for u in units if u}
    previous = []
    out_of_scope = 0
    for f in doc["findings"]:
        if scope is not None and f.get("unit") and f.get("unit") not in scope:
            out_of_scope += 1
            continue
        previous.append(f)
    remaining = Counter(f["fingerprint"] for f in previous)
    cmp = Comparison(doc.get("source") or os.fspath(previous), doc.get("checked_at"), out_of_scope=out_of_scope)
    for f in findings:
        if remaining[f.fingerprint] > 0:
            remaining[f.fingerprint] -= 1
            cmp.still_open.append(f)
            cmp._status[id(f)] = "still_open"
        else:
            cmp.new.append(f)
            cmp._status[id(f)] = "new"
    # resolved: the earlier findings left over, the last ones of each fingerprint
    left = dict(remaining)
    for f in reversed(previous):
        fp = f["fingerprint"]
        if left.get(fp, 0) > 0:
            left[fp] -= 1
            cmp.resolved.append(f)
    cmp.resolved.reverse()
    return cmp


def compare_result(result, previous) -> Comparison:
    """compare() over a RunResult, scoped to the units of its inputs."""
    units = [i.unit for i in result.inputs if i.unit]
    return compare(result.findings, previous, units=units)


# ---------------------------------------------------------------------------- output

def _get(f, key):
    return f.get(key) if isinstance(f, dict) else getattr(f, key, None)


def _line(f, lang: str) -> str:
    """A finding as the terminal lists it: `file:Sheet!Cell  RULE  label  message` (output/terminal.py)."""
    from types import SimpleNamespace

    from checker.output.terminal import location
    where = location(SimpleNamespace(file=_get(f, "file"), sheet=_get(f, "sheet"), row=_whole(_get(f, "row")),
                                     column=_get(f, "column"), document=_get(f, "document")))
    msg = str(_get(f, "message") or "")
    if len(msg) > 110:
        msg = msg[:109] + "…"
    return clean(f"  {where}  {_get(f, 'rule')}  {_label(f, lang).lower()}  {msg}")


def summary_lines(comparison: Comparison, lang: str = "id", limit: int = 10) -> list[str]:
    """Lines for the terminal: the counts, then up to `limit` resolved and new findings."""
    name = os.path.basename(comparison.previous_path)
    when = f" ({comparison.previous_checked_at})" if comparison.previous_checked_at else ""
    out = [t("compare.summary", lang, name=name, when=when, **comparison.counts())]
    for key, items in (("resolved", comparison.resolved), ("new", comparison.new)):
        if not items:
            continue
        out.append(t("compare.head." + key, lang))
        out.extend(_line(f, lang) for f in items[:limit])
        if len(items) > limit:
            out.append(t("compare.more", lang, n=len(items) - limit))
    if comparison.out_of_scope:
        out.append(t("compare.scope", lang, n=comparison.out_of_scope))
    return out


def _label(f, lang: str) -> str:
    """The severity label in this run's language (an earlier run's is in its own): a data error
    is "Kesalahan data", never "Pelanggaran" (issue 22)."""
    label = _get(f, "label") if not isinstance(f, dict) else None
    return label.capitalize() if label else severity_label(_get(f, "severity"), lang, title=True,
                                                           basis=_get(f, "basis"))


def rows(comparison: Comparison, lang: str = "id") -> list[list]:
    """The Perubahan sheet: its header then one row per finding: new, resolved, still
    open (in that order). Values are str, int (Baris) or None; write strings as strings."""
    st = t("compare.status", lang)
    out: list[list] = [list(t("compare.header", lang))]
    for key, items in (("new", comparison.new), ("resolved", comparison.resolved),
                       ("still_open", comparison.still_open)):
        for f in items:
            row = _get(f, "row")
            out.append([
                st[key], _get(f, "unit"), _get(f, "rule"), _label(f, lang),
                _get(f, "message"), _get(f, "pokja"), _get(f, "nip"), _get(f, "name"), _get(f, "target"),
                _get(f, "file"), _get(f, "sheet"), _whole(row),
                _get(f, "column"), _get(f, "fingerprint"),
            ])
    return out
