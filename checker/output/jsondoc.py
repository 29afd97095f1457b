"""The JSON findings document of output-format.md (`--json FILE`, `-` for stdout)."""
from __future__ import annotations

import json
import math
import sys
from datetime import date, datetime, time

from checker.output.atomic import refuse_inputs, write_text_atomic
from checker.result import NOT_SUBMITTED, RunResult


def iso_timestamp(moment: datetime) -> str:
    """ISO-8601 with a UTC offset; a naive datetime is taken as local time."""
    if moment.tzinfo is None or moment.tzinfo.utcoffset(moment) is None:
        moment = moment.astimezone()
    return moment.isoformat(timespec="seconds")


def to_document(result: RunResult) -> dict:
    summary = dict(result.summary())
    summary["rulebase_version"] = result.rulebase_version
    drafts = bool(result.drafts())
    return {
        "tool": result.tool,
        "version": result.version,
        "stage": result.stage,
        "checked_at": iso_timestamp(result.checked_at),
        "inputs": [_input(i, result, drafts) for i in result.inputs if i.status != NOT_SUBMITTED],  # not sent: no input
        "units": units(result),
        "summary": summary,
        "findings": [_finding(f, result.waivers, drafts, result.comparison) for f in result.findings],
        **({"comparison": result.comparison.to_json()} if result.comparison is not None else {}),
    }


def units(result: RunResult) -> list[dict]:
    """output-format.md v3 `units`: every unit of the run, one entry per workbook read, in the
    order of the scorecard (Unit JPT Madya, then Kode Unit), then each unit of the master roster
    that sent no workbook (compliance `belum_menyampaikan`, file null)."""
    out = []
    for i in result.with_status_line():
        entry = {"unit": i.unit, "unit_name": i.unit_name, "file": i.file if i.status == "checked" else None,
                 "compliance": result.status_of(i)}
        out.append(_waiver_mark(entry, i, result))
    return out


def _waiver_mark(entry: dict, i, result: RunResult) -> dict:
    """With --waivers, `compliant_by_waiver`: true for a unit that is `patuh` only because
    accepted waivers cover its findings (output-format.md v3)."""
    if result.waivers is not None and i.status != NOT_SUBMITTED:
        entry["compliant_by_waiver"] = result.waived_to_compliance(i)
    return entry


def _input(i, result: RunResult, drafts: bool) -> dict:
    """An `inputs` entry; in a run with decree drafts also its `kind`, and a draft's pairing
    (decree-format.md §6.1). A run without drafts keeps exactly its former keys."""
    if i.kind == "sk":
        return {"file": i.file, "sha256": i.sha256, "unit": i.unit, "status": i.status, "detail": i.detail or "",
                "compliance": result.compliance_of(i), "kind": "sk", "paired_with": i.paired_with,
                "pairing": i.pairing}
    out = {"file": i.file, "sha256": i.sha256, "unit": i.unit, "status": i.status, "detail": i.detail or "",
           "compliance": result.compliance_of(i)}
    if drafts:
        out["kind"] = "workbook"
    return _waiver_mark(out, i, result)


def _finding(f, waivers, drafts: bool = False, comparison=None) -> dict:
    out = f.to_json(decree_keys=drafts)
    if waivers is not None:             # the key exists only when --waivers was used
        out["waiver"] = waivers.json_of(f)
    if comparison is not None:          # with --compare: "new" or "still_open" (the resolved: `comparison`)
        out["change"] = comparison.status(f)
    return out


def _default(value):
    """Evidence may carry values JSON does not know."""
    if isinstance(value, datetime):
        return iso_timestamp(value) if value.tzinfo else value.isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(str(v) for v in value)
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "item"):          # numpy / pandas scalars
        try:
            return value.item()
        except Exception:  # noqa: BLE001
            pass
    return str(value)


def _clean(value):
    """NaN and infinities (pandas blanks in evidence) are not JSON: null instead."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def to_text(result: RunResult) -> str:
    return json.dumps(_clean(to_document(result)), ensure_ascii=False, indent=2, default=_default,
                      allow_nan=False) + "\n"


def write_json(result: RunResult, target) -> None:
    """Write the document to `target`: "-" is stdout (UTF-8), anything else a file written atomically.

    Raises atomic.OutputIsInputError when the target is one of the input files."""
    text = to_text(result)
    if str(target) == "-":
        _write_stdout(text)
        return
    refuse_inputs(target, [i.path for i in result.inputs])
    write_text_atomic(target, text)


def _write_stdout(text: str) -> None:
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    buffer = getattr(stream, "buffer", None)
    if encoding not in ("utf8", "utf8sig") and buffer is not None:
        # e.g. a Windows console code page: the contract says UTF-8 bytes.
        stream.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
        return
    stream.write(text)
    stream.flush()
