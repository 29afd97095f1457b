"""What one run of `check` produced: the input the reports are written from."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from checker.findings import Finding, is_data_error
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

    def units(self) -> list[InputFile]:
        """Checked workbooks, one per unit, in file order."""
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

    def compliance_of(self, inp: InputFile) -> str | None:
        """The status an input reports: its unit's for a workbook or a paired draft; a draft
        alone its own (its findings, unit null); None for what was not checked."""
        if inp.kind == "sk" and inp.paired_with is None:
            if inp.status not in ("checked", "unreadable"):
                return None
            mine = [f for f in self.open_findings() if f.file == inp.file and f.unit is None
                    and f.severity == "error"]
            if any(not is_data_error(f.severity, f.basis) for f in mine):
                return "tidak_patuh"
            return "perlu_perbaikan_data" if mine else "patuh"
        if inp.status != "checked":
            return None
        return self.compliance(inp.unit)

    def not_submitted(self) -> list[InputFile]:
        """The units of the master roster that sent no workbook (rules.md X06), in roster order."""
        return [i for i in self.inputs if i.status == NOT_SUBMITTED]

    def open_findings(self) -> list[Finding]:
        """Every finding that counts: all but those an accepted waiver covers."""
        return self.waivers.open_findings() if self.waivers is not None else list(self.findings)

    def counts(self, unit: str | None = None) -> dict[str, int]:
        """Open findings by severity (of one unit, or of the whole run)."""
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.open_findings():
            if unit is None or f.unit == unit:
                out[f.severity] = out.get(f.severity, 0) + 1
        return out

    def label_counts(self, unit: str | None = None) -> dict[str, int]:
        """Open findings by severity label: breaches (error), data errors, warnings, notes."""
        out = {"error": 0, "data_error": 0, "warning": 0, "info": 0}
        for f in self.open_findings():
            if unit is None or f.unit == unit:
                out["data_error" if is_data_error(f.severity, f.basis) else f.severity] += 1
        return out

    def compliance(self, unit: str | None) -> str:
        """rules.md: "belum_menyampaikan" for a unit of the master roster that sent no workbook
        (X06); else "tidak_patuh" with an open error of a rule with a legal basis, else
        "perlu_perbaikan_data" with an open data error, else "patuh"."""
        if unit is not None and any(i.unit == unit for i in self.not_submitted()) \
                and not any(i.unit == unit for i in self.units()):
            return BELUM_MENYAMPAIKAN
        errors = [f for f in self.open_findings() if f.unit == unit and f.severity == "error"]
        if any(not is_data_error(f.severity, f.basis) for f in errors):
            return "tidak_patuh"
        return "perlu_perbaikan_data" if errors else "patuh"

    def status_of(self, inp: InputFile) -> str | None:
        """The compliance status of one input row: its unit's status for a checked workbook,
        "belum_menyampaikan" for a roster unit that sent none, None for an unreadable file."""
        if inp.status == NOT_SUBMITTED:
            return BELUM_MENYAMPAIKAN
        return self.compliance(inp.unit) if inp.status == "checked" else None

    def for_unit(self, code: str) -> RunResult:
        """The same run seen from one unit (by Kode Unit): its inputs and findings only, the
        waivers and the comparison narrowed to them (what --per-unit writes for each unit)."""
        inputs = [i for i in self.inputs if i.unit == code]
        findings = [f for f in self.findings if f.unit == code]
        return replace(self, inputs=inputs, findings=findings,
                       waivers=self.waivers.only(findings) if self.waivers is not None else None,
                       comparison=self.comparison.only(code) if self.comparison is not None else None)

    def failing(self) -> bool:
        limit = SEVERITY_RANK[self.fail_on]
        return any(SEVERITY_RANK.get(f.severity, 9) <= limit for f in self.open_findings())

    def summary(self) -> dict:
        counts = self.counts()
        return {
            "files": sum(1 for i in self.inputs if i.status != NOT_SUBMITTED),
            "units_not_submitted": len(self.not_submitted()),
            "units_checked": len(self.units()),
            "files_unreadable": sum(1 for i in self.inputs if i.status == "unreadable"),
            "findings": len(self.findings),
            "by_severity": counts,
            "waived": len(self.findings) - len(self.open_findings()),
            "compliant_units": sum(1 for i in self.units() if i.unit and self.compliance(i.unit) == "patuh"),
            "engine": self.engine,
            "fail_on": self.fail_on,
        }
