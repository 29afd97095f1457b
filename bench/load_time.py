#!/usr/bin/env python3
"""Time of `load_workbook` per sample unit, to compare two versions of the reader on one machine.

    python bench/load_time.py [--rounds 15] [--json OUT.json] [--compare BEFORE.json] [FILES...]

Each file (default: samples/*.xlsx and a 50-employee unit of bench/make_ministry.py) is read
once to warm up, then `--rounds` times; the median and the minimum are printed in ms. With
`--json` the figures are written to a file; with `--compare` a file written by an earlier run
(e.g. of the previous commit, in the same checkout) is shown beside them, with the difference.
A one-unit check from the shell takes about 1.4 s (bench/RESULTS.md), a unit of a 10,000-unit
run about 21 ms: the reader's share of either is what this measures.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _ministry_unit(tmp: Path) -> list[Path]:
    """One unit as bench/make_ministry.py writes them (50 employees, 8 Pokja, 60 members)."""
    import subprocess
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_ministry.py"), "8", str(tmp)], check=True,
                   stdout=subprocess.DEVNULL)
    return sorted(tmp.rglob("*.xlsx"))[:1]


def measure(files: list[Path], rounds: int) -> dict[str, dict[str, float]]:
    from checker.load.unit_workbook import load_workbook
    out = {}
    for f in files:
        data = f.read_bytes()
        load_workbook(str(f), data)
        times = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            load_workbook(str(f), data)
            times.append((time.perf_counter() - t0) * 1000)
        out[f.name] = {"median_ms": statistics.median(times), "min_ms": min(times)}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--compare", type=Path)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        files = args.files or sorted((ROOT / "samples").glob("*.xlsx")) + _ministry_unit(Path(tmp))
        got = measure(files, args.rounds)
    before = json.loads(args.compare.read_text()) if args.compare else {}
    head = f"{'file':32} {'median ms':>10} {'min ms':>8}"
    if before:
        head += f" {'before median':>14} {'before min':>11} {'diff min':>9}"
    print(head)
    for name, v in got.items():
        line = f"{name:32} {v['median_ms']:10.2f} {v['min_ms']:8.2f}"
        if name in before:
            b = before[name]
            line += f" {b['median_ms']:14.2f} {b['min_ms']:11.2f} {v['min_ms'] - b['min_ms']:+9.2f}"
        print(line)
    total = {k: sum(v[k] for v in got.values()) for k in ("median_ms", "min_ms")}
    line = f"{'sum':32} {total['median_ms']:10.2f} {total['min_ms']:8.2f}"
    if before:
        tb = {k: sum(before[n][k] for n in got if n in before) for k in ("median_ms", "min_ms")}
        line += f" {tb['median_ms']:14.2f} {tb['min_ms']:11.2f} {total['min_ms'] - tb['min_ms']:+9.2f}"
    print(line)
    if args.json:
        args.json.write_text(json.dumps(got, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
