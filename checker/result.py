"""What one run of `check` produced: the input the reports are written from."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from checker.findings import Finding
from checker.terms import SEVERITY_RANK


@dataclass
class InputFile:
    file: str                      # path as given (or as found under a given folder)
    sha256: str | None
    unit: str | None               # Kode Unit, when it could be read
    unit_name: str | None = None
    jpt_madya: str | None = None   # Unit JPT Madya
    status: str = "checked"        # "checked" | "unreadable"
    detail: str = ""               # why unreadable, in the run's language
    header_rows: dict = field(default_factory=dict)   # sheet name -> header row the loader found


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
        """Checked inputs, one per unit, in file order."""
        return [i for i in self.inputs if i.status == "checked"]

    def counts(self, unit: str | None = None) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            if unit is None or f.unit == unit:
                out[f.severity] = out.get(f.severity, 0) + 1
        return out

    def failing(self) -> bool:
        if self.waivers is not None:
            return self.waivers.failing(self.fail_on)       # waived findings do not count
        limit = SEVERITY_RANK[self.fail_on]
        return any(SEVERITY_RANK.get(f.severity, 9) <= limit for f in self.findings)

    def summary(self) -> dict:
        counts = self.counts()
        return {
            "files": sum(1 for i in self.inputs if i.status != "not_submitted"),
            "units_not_submitted": sum(1 for i in self.inputs if i.status == "not_submitted"),
            "units_checked": len(self.units()),
            "files_unreadable": sum(1 for i in self.inputs if i.status == "unreadable"),
            "findings": len(self.findings),
            "by_severity": counts,
            "compliant_units": sum(1 for i in self.units() if i.unit and self.counts(i.unit)["error"] == 0),
            "engine": self.engine,
            "fail_on": self.fail_on,
        }
