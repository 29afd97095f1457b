"""What one run of `check` produced: the input the reports are written from."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cached_property

from checker.findings import Finding, is_data_error, label_key
from checker.load.inputref import InputRef
from checker.terms import SEVERITY_RANK

NOT_SUBMITTED = "not_submitted"                 # InputFile.status of a roster unit that sent no workbook
BELUM_MENYAMPAIKAN = "belum_menyampaikan"       # its compliance status (output-format.md v3)
# Every compliance status, in the order a scorecard counts them.
COMPLIANCE = ("patuh", "perlu_perbaikan_data", "tidak_patuh", BELUM_MENYAMPAIKAN)


@dataclass
class InputFile:
    file: str                      # the name shown: path as given (or as found under a given folder), upload name
    sha256: str | None
    unit: str | None               # Kode Unit, when it could be read
    unit_name: str | None = None
    jpt_madya: str | None = None   # Unit JPT Madya
    status: str = "checked"        # "checked" | "unreadable" | "not_submitted" (a roster unit, X06)
    detail: str = ""               # why unreadable, in the run's language
    header_rows: dict = field(default_factory=dict)   # sheet name -> header row the loader found
    # sheet kind -> (sheet name, {field: column letter}), as the loader matched them
    columns: dict = field(default_factory=dict)
    pokja_rows: dict = field(default_factory=dict)    # Kode Pokja -> its member rows on Anggota Pokja
    ref: InputRef | None = None    # what was read (the roster, for a unit that submitted no workbook)
    # A decree draft (decree-format.md §6.1): kind "sk" (a workbook's is "workbook"); its status
    # is "checked", "unreadable", "not_read" or "not_a_decree"; `paired_with` the paired
    # workbook's `file`, `pairing` how ("judul", "nama_berkas"), `decree` what was read
    # (load.decree.Decree: its parts and members, each with its Location).
    kind: str = "workbook"
    paired_with: str | None = None
    pairing: str | None = None
    decree: object = None

    @property
    def path(self) -> str:
        """The exact path the file was read from: what an annotated copy is made from and
        what no output may replace."""
        return self.ref.path if self.ref is not None else self.file


# --severity values (output-format.md v3, filters): the contract's severities, and the labels
# users read in either language; "error" takes breaches and data errors alike.
SEVERITY_FILTERS = {
    "error": ("error", "data_error"), "warning": ("warning",), "info": ("info",),
    "pelanggaran": ("error",), "breach": ("error",),
    "kesalahan-data": ("data_error",), "data-error": ("data_error",), "data": ("data_error",),
    "peringatan": ("warning",), "catatan": ("info",), "note": ("info",),
}


def _fold(value: str) -> str:
    return "".join(str(value).split()).casefold()


@dataclass(frozen=True)
class FindingFilter:
    """`check --rule/--aturan`, `--unit`, `--severity/--tingkat` (each repeatable, values
    also comma-separated): a finding is kept when it matches every option given. `rules`:
    IDs (K07) or slugs; `units`: Kode Unit; `severities`: SEVERITY_FILTERS keys."""
    rules: tuple = ()
    units: tuple = ()
    severities: tuple = ()

    def __bool__(self) -> bool:
        return bool(self.rules or self.units or self.severities)

    @staticmethod
    def parse(rules=(), units=(), severities=()) -> FindingFilter:
        def split(values):
            return tuple(dict.fromkeys(p.strip() for v in values for p in str(v).split(",") if p.strip()))
        return FindingFilter(split(rules), split(units), tuple(s.casefold().replace("_", "-")
                                                                for s in split(severities)))

    def unknown_severities(self) -> list[str]:
        return [s for s in self.severities if s not in SEVERITY_FILTERS]

    def unknown_rules(self, known) -> list[str]:
        """The --rule values naming no rule of `known` (rule objects: by ID or slug)."""
        names = {r.id.casefold() for r in known} | {str(getattr(r, "slug", "")).casefold() for r in known}
        return [r for r in self.rules if r.casefold() not in names]

    @cached_property
    def _rules_folded(self) -> frozenset:
        return frozenset(r.casefold() for r in self.rules)

    @cached_property
    def _units_folded(self) -> frozenset:
        return frozenset(_fold(u) for u in self.units)

    def _rule_ok(self, rule: str | None, slug: str | None) -> bool:
        if not self.rules:
            return True
        return (rule or "").casefold() in self._rules_folded or (slug or "").casefold() in self._rules_folded

    def _severity_ok(self, severity: str | None, basis: str | None) -> bool:
        if not self.severities:
            return True
        label = label_key(severity or "", basis or "")
        return any(label in SEVERITY_FILTERS.get(s, ()) for s in self.severities)

    def unit_ok(self, code: str | None) -> bool:
        return not self.units or (code is not None and _fold(code) in self._units_folded)

    def keeps(self, f: Finding, owner: InputFile | None) -> bool:
        code = owner.unit if owner is not None else f.unit
        return self._rule_ok(f.rule, f.slug) and self._severity_ok(f.severity, f.basis) and self.unit_ok(code)

    def keeps_earlier(self, f: dict) -> bool:
        """An earlier run's finding (a --compare JSON dict): by its rule, unit and severity label."""
        return self._rule_ok(f.get("rule"), f.get("slug")) and self._severity_ok(f.get("severity"), f.get("basis")) \
            and self.unit_ok(f.get("unit"))

    def describe(self, lang: str) -> str:
        """"aturan K07, K08; unit D1.AS1; tingkat pelanggaran" in the run's language."""
        from checker.texts import t
        parts = []
        for key, values in (("rules", self.rules), ("units", self.units), ("severities", self.severities)):
            if values:
                parts.append(t("filter." + key, lang, values=", ".join(values)))
        return "; ".join(parts)


@dataclass
class RunResult:
    tool: str
    version: str
    rulebase_version: str
    stage: str
    lang: str
    engine: str
    checked_at: datetime
    inputs: list[InputFile]
    findings: list[Finding]
    rules: list = field(default_factory=list)   # rulebase.Rule objects applied in this stage
    fail_on: str = "error"
    comparison: object = None                   # compare.Comparison with --compare
    waivers: object = None                      # waivers.WaiverResult with --waivers
    # With --rule/--unit/--severity: the filter, and the whole run it was taken from (a unit's
    # status is a judgement on all its findings, never on those a filter shows).
    filter: FindingFilter | None = None
    unfiltered: RunResult | None = field(default=None, repr=False)

    def filtered(self, flt: FindingFilter) -> RunResult:
        """The run as the filter shows it: the findings it keeps; with --unit only the inputs of
        those units (and their drafts); the waivers and the comparison narrowed alike. Counts,
        lists and the exit code follow the kept findings; each unit's status stays that of all
        its findings."""
        if not flt:
            return self
        inputs = self.inputs
        if flt.units:
            keep = {id(i) for i in self.inputs if i.kind == "workbook" and flt.unit_ok(i.unit)}
            keep |= {id(d) for i in self.inputs if id(i) in keep for d in self.drafts_of(i)}
            keep |= {id(d) for d in self.drafts() if d.paired_with is None and flt.unit_ok(d.unit)}
            inputs = [i for i in self.inputs if id(i) in keep]
        findings = [f for f in self.findings if flt.keeps(f, self.owner(f))]
        comparison = self.comparison.narrowed(findings, flt) if self.comparison is not None else None
        return replace(self, inputs=inputs, findings=findings,
                       waivers=self.waivers.only(findings) if self.waivers is not None else None,
                       comparison=comparison, filter=flt, unfiltered=self.unfiltered or self)

    def units(self) -> list[InputFile]:
        """Checked workbooks, one per input file, in file order."""
        return [i for i in self.inputs if i.status == "checked" and i.kind == "workbook"]

    def drafts(self) -> list[InputFile]:
        """The decree drafts of the run (decree-format.md), in input order."""
        return [i for i in self.inputs if i.kind == "sk"]

    def drafts_of(self, unit_input: InputFile) -> list[InputFile]:
        """The drafts paired with a workbook input."""
        return [d for d in self.drafts() if d.paired_with is not None and d.paired_with == unit_input.file]

    def read_any(self) -> bool:
        """Some workbook or some decree draft could be read (decree-format.md §6.3: else exit 2)."""
        return bool(self.units()) or any(d.status == "checked" for d in self.drafts())

    # ------------------------------------------------------------------ findings by input file
    # output-format.md v3, units and files: a unit's results belong to its input file, so that
    # two workbooks with one Kode Unit (X05) stay two units everywhere, and a workbook without
    # a Kode Unit has its own counts (never the run's).

    def owners(self) -> list[InputFile]:
        """The inputs findings belong to, in the scorecard's order (output-format.md v3): the
        workbooks (checked, then unreadable) by Unit JPT Madya, then Kode Unit, then file; the
        units of the master roster that sent no workbook, in roster order; the decree drafts
        checked alone (a paired draft's findings belong to its workbook)."""
        key = (id(self.inputs), len(self.inputs))
        cached = self.__dict__.get("_owner_order")
        if cached is None or cached[0] != key:
            books = sorted((i for i in self.inputs if i.kind == "workbook" and i.status in ("checked", "unreadable")),
                           key=scorecard_key)
            alone = [d for d in self.drafts() if d.paired_with is None and d.status in ("checked", "unreadable")]
            cached = self.__dict__["_owner_order"] = (key, books + self.not_submitted() + alone)
        return list(cached[1])

    def shares_code(self, inp: InputFile) -> bool:
        """Another input findings belong to carries its Kode Unit (two workbooks of one unit, X05):
        the code alone does not tell them apart."""
        if not inp.unit:
            return False
        key = (id(self.inputs), len(self.inputs))
        cached = self.__dict__.get("_code_counts")
        if cached is None or cached[0] != key:
            counts: dict = {}
            for i in self.owners():
                counts[i.unit] = counts.get(i.unit, 0) + 1
            cached = self.__dict__["_code_counts"] = (key, counts)
        return cached[1].get(inp.unit, 0) > 1

    def with_status_line(self) -> list[InputFile]:
        """The inputs a unit's status is said for, in the scorecard's order: every workbook read
        and every roster unit that sent none (an unreadable file is told with its reason, a
        draft alone with the drafts)."""
        return [i for i in self.owners() if i.kind == "workbook" and i.status != "unreadable"]

    def owner(self, f: Finding) -> InputFile | None:
        """The input a finding belongs to: its file's (a paired draft's workbook; a roster
        unit's by its Kode Unit), else the one input of its Kode Unit; None for a finding of
        no input."""
        return self._owner_index()[0].get(id(f))

    def findings_of(self, inp: InputFile | None, *, open_only: bool = False) -> list[Finding]:
        """The findings that belong to `inp` (waived ones too unless `open_only`; a paired
        draft: its workbook's); None: the findings of no input."""
        if inp is not None and inp.kind == "sk" and inp.paired_with is not None:     # its workbook's
            inp = next((i for i in self.inputs if i.kind == "workbook" and i.file == inp.paired_with), inp)
        mine = self._owner_index()[1].get(id(inp) if inp is not None else None, [])
        if open_only:
            counted = self.open_ids()
            return [f for f in mine if id(f) in counted]
        return list(mine)

    def open_ids(self) -> set:
        """id() of every open finding, kept while the findings and the waivers stay the same
        (every report asks it once per input file)."""
        key = (id(self.findings), len(self.findings), id(self.waivers))
        cached = self.__dict__.get("_open")
        if cached is None or cached[0] != key:
            cached = self.__dict__["_open"] = (key, {id(f) for f in self.open_findings()})
        return cached[1]

    def _owner_index(self) -> tuple[dict, dict]:
        """({id(finding): its input or None}, {id(input) or None: its findings in order}), kept
        while the findings and the inputs stay the same."""
        key = (id(self.findings), len(self.findings), id(self.inputs), len(self.inputs))
        cached = self.__dict__.get("_owners")
        if cached is not None and cached[0] == key:
            return cached[1]
        by_file: dict = {}
        for i in self.inputs:
            by_file.setdefault(i.file, []).append(i)
        books = {i.file: i for i in self.inputs if i.kind == "workbook"}
        by_code: dict = {}
        for i in self.inputs:
            if i.kind == "workbook" and i.status in ("checked", NOT_SUBMITTED) and i.unit:
                by_code.setdefault(i.unit, []).append(i)
        index = {}
        for f in self.findings:
            found = by_file.get(f.file) or []
            inp = found[0] if len(found) == 1 else next((i for i in found if i.unit == f.unit), None)
            if inp is not None and inp.kind == "sk" and inp.paired_with is not None:
                inp = books.get(inp.paired_with, inp)
            if inp is None and f.unit and len(by_code.get(f.unit, ())) == 1:
                inp = by_code[f.unit][0]
            index[id(f)] = inp
        owned: dict = {}
        for f in self.findings:
            inp = index[id(f)]
            owned.setdefault(id(inp) if inp is not None else None, []).append(f)
        self.__dict__["_owners"] = (key, (index, owned))
        return index, owned

    def compliance_of(self, inp: InputFile) -> str | None:
        """The status an input reports: its unit's for a workbook or a paired draft; a draft
        alone its own (its findings, unit null); None for what was not checked."""
        if inp.kind == "sk" and inp.paired_with is None:
            if inp.status not in ("checked", "unreadable"):
                return None
            return self.compliance(inp)
        if inp.kind == "sk":
            book = next((i for i in self.inputs if i.kind == "workbook" and i.file == inp.paired_with), None)
            return self.compliance_of(book) if book is not None else None
        if inp.status != "checked":
            return None
        return self.compliance(inp)

    def not_submitted(self) -> list[InputFile]:
        """The units of the master roster that sent no workbook (rules.md X06), in roster order."""
        return [i for i in self.inputs if i.status == NOT_SUBMITTED]

    def open_findings(self) -> list[Finding]:
        """Every finding that counts: all but those an accepted waiver covers."""
        return self.waivers.open_findings() if self.waivers is not None else list(self.findings)

    def counts(self, inp: InputFile | None = None) -> dict[str, int]:
        """Open findings by severity (of one input file, or of the whole run)."""
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.open_findings() if inp is None else self.findings_of(inp, open_only=True):
            out[f.severity] = out.get(f.severity, 0) + 1
        return out

    def label_counts(self, inp: InputFile | None = None) -> dict[str, int]:
        """Open findings by severity label (of one input file, or of the whole run): breaches
        (error), data errors, warnings, notes."""
        out = {"error": 0, "data_error": 0, "warning": 0, "info": 0}
        for f in self.open_findings() if inp is None else self.findings_of(inp, open_only=True):
            out[label_key(f.severity, f.basis)] += 1
        return out

    def compliance(self, inp) -> str:
        """rules.md: "belum_menyampaikan" for a unit of the master roster that sent no workbook
        (X06); else "tidak_patuh" with an open error of a rule with a legal basis, else
        "perlu_perbaikan_data" with an open data error, else "patuh". `inp`: an input file;
        a Kode Unit names the input(s) of that code (a shorthand for one-unit runs)."""
        if self.unfiltered is not None:
            return self.unfiltered.compliance(inp)
        if not isinstance(inp, InputFile):
            return self._compliance_of_code(inp)
        if inp.status == NOT_SUBMITTED:
            return BELUM_MENYAMPAIKAN
        return _status_of(self.findings_of(inp, open_only=True))

    def _compliance_of_code(self, code: str | None) -> str:
        mine = [i for i in self.owners() if i.unit == code and i.kind == "workbook"]
        if mine and all(i.status == NOT_SUBMITTED for i in mine):
            return BELUM_MENYAMPAIKAN
        if mine:
            return _worst(self.compliance(i) for i in mine if i.status != NOT_SUBMITTED)
        return _status_of([f for f in self.open_findings() if f.unit == code])

    def waived_to_compliance(self, inp: InputFile) -> bool:
        """Patuh only because accepted waivers cover its findings (output-format.md v3: marked
        so on the terminal, the scorecard and in the JSON)."""
        if self.unfiltered is not None:
            return self.unfiltered.waived_to_compliance(inp)
        if self.waivers is None or inp.status != "checked" or self.compliance(inp) != "patuh":
            return False
        return _status_of(self.findings_of(inp)) != "patuh"

    def status_of(self, inp: InputFile) -> str | None:
        """The compliance status of one input row: its own for a checked workbook,
        "belum_menyampaikan" for a roster unit that sent none, None for an unreadable file."""
        if inp.status == NOT_SUBMITTED:
            return BELUM_MENYAMPAIKAN
        return self.compliance_of(inp)

    def for_input(self, inp: InputFile) -> RunResult:
        """The same run seen from one input file: it, its drafts, its findings only, the
        waivers and the comparison narrowed to them (what --per-unit writes for each unit)."""
        inputs = [inp] + (self.drafts_of(inp) if inp.kind == "workbook" else [])
        findings = self.findings_of(inp)
        return replace(self, inputs=inputs, findings=findings,
                       waivers=self.waivers.only(findings) if self.waivers is not None else None,
                       comparison=(self.comparison.only(findings, inp.unit, [i.file for i in inputs],
                                                        not self.shares_code(inp))
                                   if self.comparison is not None else None))

    def failing(self) -> bool:
        limit = SEVERITY_RANK[self.fail_on]
        return any(SEVERITY_RANK.get(f.severity, 9) <= limit for f in self.open_findings())

    def summary(self) -> dict:
        counts = self.counts()
        out = {
            "files": sum(1 for i in self.inputs if i.status != NOT_SUBMITTED),
            "units_not_submitted": len(self.not_submitted()),
            "units_checked": len(self.units()),
            "files_unreadable": sum(1 for i in self.inputs if i.status == "unreadable"),
            "findings": len(self.findings),
            "by_severity": counts,
            "waived": len(self.findings) - len(self.open_findings()),
            "compliant_units": sum(1 for i in self.units() if self.compliance(i) == "patuh"),
            "engine": self.engine,
            "fail_on": self.fail_on,
        }
        if self.filter:
            out["filter"] = {"rules": list(self.filter.rules), "units": list(self.filter.units),
                             "severities": list(self.filter.severities)}
        return out


def _status_of(findings) -> str:
    errors = [f for f in findings if f.severity == "error"]
    if any(not is_data_error(f.severity, f.basis) for f in errors):
        return "tidak_patuh"
    return "perlu_perbaikan_data" if errors else "patuh"


def _worst(statuses) -> str:
    order = ("tidak_patuh", "perlu_perbaikan_data", "patuh")
    got = set(statuses)
    return next((s for s in order if s in got), "patuh")


_DIGITS = re.compile(r"(\d+)")


def natural(text: str | None) -> tuple:
    """A key that sorts D2.AS1 before D10.AS1 (numbers by value), without case."""
    return tuple(int(p) if p.isdigit() else p for p in _DIGITS.split((text or "").casefold()))


def scorecard_key(inp: InputFile) -> tuple:
    """Unit JPT Madya (folded; the units without one last), then Kode Unit (a workbook
    without one after those with), then the file; a checked workbook before an unreadable one."""
    jpt = " ".join((inp.jpt_madya or "").casefold().split())
    return (not jpt, natural(jpt), inp.status != "checked", not inp.unit, natural(inp.unit),
            natural(inp.file))
