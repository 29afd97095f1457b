"""Golden runs: what the product prints and writes today, frozen, so that a change of shape
(issue 9) can be shown to change no finding, message or output byte.

Each scenario builds its inputs in a temporary folder and runs `cek-pokja check` there with
relative paths (so every path in the outputs is stable):
- `samples`: the bundled samples (workbooks and decree drafts), at penetapan and at evaluasi;
- `ministry20`: 20 units of bench/make_ministry.py (seed 2025);
- `template`: the untouched blank template (its cells are recorded too), at rancangan.

For each it records the JSON findings (without `checked_at`; SHA-256 values masked, since
generated workbooks carry their creation time), the terminal output in both languages, the
cell values of every sheet of the findings workbook (the run's time and the rule base's version masked), and a dump of
every fact table (columns whose name starts with "_" are internal and not dumped).

    python tests/golden_runs.py            # rewrite tests/golden/*.json (after a deliberate change)
"""
from __future__ import annotations

import functools
import json
import math
import os
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
SCENARIOS = ("samples", "ministry20", "template")
_TIME_RE = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}( UTC[+-]\d{2}:\d{2})?")
_SHA_RE = re.compile(r"\b[0-9a-f]{64}\b")


def _cli(args, cwd):
    """The command in this process (tests/cli_run.py); tests/cli/test_end_to_end.py runs it as
    its own process."""
    from cli_run import run_cli
    return run_cli(*args, cwd=cwd)


@functools.lru_cache(maxsize=1)
def _rulebase_version() -> str:
    from checker import rulebase
    return rulebase.load().version


def _mask(text: str) -> str:
    """Times, digests and the rule base's version (a digest of its files) masked."""
    return _SHA_RE.sub("<sha256>", _TIME_RE.sub("<time>", text)).replace(_rulebase_version(), "<rulebase>")


def build_inputs(scenario: str, work: Path) -> tuple[list[str], list[str]]:
    """Create the scenario's inputs under `work`; (check arguments, stages)."""
    work.mkdir(parents=True, exist_ok=True)
    if scenario == "samples":
        dest = work / "samples"
        dest.mkdir(exist_ok=True)
        for f in sorted([*(ROOT / "samples").glob("*.xlsx"), *(ROOT / "samples").glob("*.docx")]):
            shutil.copy2(f, dest / f.name)                  # the workbooks and their decree drafts
        return ["samples"], ["penetapan", "evaluasi"]
    if scenario == "ministry20":
        sys.path.insert(0, str(ROOT / "bench"))
        try:
            import make_ministry
        finally:
            sys.path.pop(0)
        with open(os.devnull, "w") as quiet:
            saved, sys.stdout = sys.stdout, quiet
            try:
                make_ministry.main(["20", str(work / "ministry")])
            finally:
                sys.stdout = saved
        return ["ministry"], ["penetapan"]
    if scenario == "template":
        proc = _cli(["template", "-o", "pokja-unit.xlsx", "--unit-code", "D9.AS9", "--tahun", "2025", "--lang", "id"],
                    work)
        assert proc.returncode == 0, proc.stderr
        return ["pokja-unit.xlsx"], ["rancangan"]
    raise ValueError(scenario)


def _plain(v):
    if hasattr(v, "item") and not isinstance(v, (list, dict, str)):
        try:
            v = v.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return str(v)


def dump_facts(args: list[str], stage: str, cwd: Path) -> dict:
    """Every fact table of a run, as {kind: {"columns": [...], "rows": [[...], ...]}}."""
    from golden_pipeline import fact_tables
    here = os.getcwd()
    os.chdir(cwd)
    try:
        tables = fact_tables(args, stage)
    finally:
        os.chdir(here)
    out = {}
    for kind in sorted(tables):
        df = tables[kind]
        cols = sorted(c for c in df.columns if not str(c).startswith("_"))
        rows = [[_plain(v) for v in row] for row in zip(*(df[c].tolist() for c in cols))]
        out[kind] = {"columns": cols, "rows": rows}
    return out


def dump_workbook(path: Path) -> dict:
    import openpyxl
    wb = openpyxl.load_workbook(path, read_only=True)
    out = {}
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows(values_only=True):
            cells = [_mask(v) if isinstance(v, str) else _plain(v) for v in row]
            while cells and cells[-1] is None:
                cells.pop()
            rows.append(cells)
        while rows and not rows[-1]:
            rows.pop()
        out[ws.title] = rows
    wb.close()
    return out


def _check(args, stage, work: Path, lang: str) -> dict:
    out, js = f"temuan-{stage}-{lang}.xlsx", f"temuan-{stage}-{lang}.json"
    proc = _cli(["check", *args, "--tahap", stage, "--engine", "pandas", "-o", out, "--json", js, "--jobs", "1",
                 "--lang", lang], work)
    assert proc.returncode in (0, 1), proc.stderr
    doc = json.loads((work / js).read_text(encoding="utf-8"))
    doc.pop("checked_at", None)
    return {"exit": proc.returncode, "json": json.loads(_mask(json.dumps(doc, ensure_ascii=False))),
            "terminal": {"stdout": _mask(proc.stdout), "stderr": _mask(proc.stderr)},
            "workbook": dump_workbook(work / out)}


def run_scenario(scenario: str, work: Path) -> dict:
    """{stage: {"id": run, "en": run (first stage only), "facts": dump}} (and the template's cells)."""
    args, stages = build_inputs(scenario, work)
    record: dict = {}
    if scenario == "template":                 # the blank template is an output too
        record["inputs"] = {"pokja-unit.xlsx": dump_workbook(work / "pokja-unit.xlsx")}
    for n, stage in enumerate(stages):
        entry = {lang: _check(args, stage, work, lang) for lang in (("id", "en") if n == 0 else ("id",))}
        entry["facts"] = dump_facts(args, stage, work)
        record[stage] = entry
    return record


def golden_path(scenario: str) -> Path:
    return GOLDEN_DIR / f"{scenario}.json"


def write_golden(scenario: str, record: dict) -> None:
    GOLDEN_DIR.mkdir(exist_ok=True)
    golden_path(scenario).write_text(json.dumps(record, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                                     encoding="utf-8")


def main() -> int:
    import tempfile
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    for scenario in SCENARIOS:
        with tempfile.TemporaryDirectory() as tmp:
            write_golden(scenario, run_scenario(scenario, Path(tmp)))
        print(f"wrote {golden_path(scenario)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
