"""The coverage map of the regulation: every normative point of Pasal 2 and Lampiran BAB II
(``rules/_coverage.yaml``) with the rules that enforce it, derived from the rules' ``basis``
(basis.py) plus the entries mapped by hand, or the declared reason why none does. Rendered by
rulebook.render_coverage."""
from __future__ import annotations

import re
from pathlib import Path

from checker.rulebase.basis import basis_points
from checker.rulebase.sidefile import read_side_file

COVERAGE_FILE = "_coverage.yaml"
ENFORCED = ("enforced", "partial")
COVERAGE_STATUSES = ENFORCED + ("gap", "not_checkable")


def load_coverage(directory) -> list[dict] | None:
    """The points of ``_coverage.yaml`` in ``directory``, or None when there is no such file."""
    path = Path(str(directory)) / COVERAGE_FILE
    if not path.is_file():
        return None
    data = read_side_file(path) or {}
    return list(data.get("points") or [])


def coverage(base) -> list[dict] | None:
    """Every point with its computed status: ``enforced`` (rules from the bases, plus hand entries
    naming rules of this base), ``partial`` when the entry says those rules cover only part of it
    (its ``note`` says which), else the declared ``not_checkable`` or ``gap``."""
    points = load_coverage(base.source)
    if points is None:
        return None
    by_point: dict[str, list[str]] = {}
    for r in base.rules:
        for p in basis_points(r.basis):
            by_point.setdefault(p, []).append(r.id)
    ids = {r.id for r in base.rules}
    out = []
    for entry in points:
        pid = entry["point"]
        auto = sorted(set(by_point.get(pid, [])))
        hand = sorted({x for x in entry.get("rules") or [] if x in ids} - set(auto))
        status = ("partial" if entry.get("partial") else "enforced") if auto or hand else entry.get("status", "")
        out.append({"point": pid, "quote": entry.get("quote", ""), "status": status, "rules": auto,
                    "hand_rules": hand, "reason": entry.get("reason") if status not in ENFORCED else None,
                    "note": entry.get("note"), "declared_status": entry.get("status"),
                    "part": _part_of(pid)})
    return out


def _part_of(point: str) -> str:
    if point.startswith("Pasal"):
        return "Pasal 2"
    m = re.match(r"^Lampiran II\.([A-E])", point)
    return m.group(1) if m else "?"


def coverage_figures(base) -> dict:
    """Counts of the coverage map: total points, checkable (enforced + partial + gap), enforced
    (wholly), partial, gap, not_checkable, and the point ids of each status. Empty counts when
    there is no map."""
    cov = coverage(base) or []
    by = {s: [c["point"] for c in cov if c["status"] == s] for s in COVERAGE_STATUSES}
    counts = {s: len(v) for s, v in by.items()}
    return {"total": len(cov), "checkable": counts["enforced"] + counts["partial"] + counts["gap"], **counts,
            "points": by, "data_rules": [r.id for r in base.rules if not basis_points(r.basis)]}
