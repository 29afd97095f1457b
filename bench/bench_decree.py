#!/usr/bin/env python3
"""Speed of a unit checked with its decree draft against the unit alone (issue 21: within 1.2x).

    python bench/bench_decree.py [--rounds 9] [--jobs 1,2] [--work /tmp/cek-pokja-bench-sk]

Inputs (built once in --work): the rule examples' unit (rules/_example_base.yaml) as
unit.xlsx and its compliant draft (tests/decree_kit.py, example_draft) as sk-d9-as1.docx,
which pairs with it by its title; and a large draft of the same unit (the same Pokja with 40
members each, a 10-page Lampiran) as sk-besar.docx. Each round runs, interleaved, in a fresh
process started as a user starts it (`python -m checker check ... -q -o OUT --jobs J`):
the unit alone, the unit with its draft, the unit with the large draft. It prints the median
wall time of each and the ratios to the unit alone, and whether the 1.2x target is met.

Wall time on a shared machine moves with its load; the CPU time of the same work does much
less. So each case is also run in one fresh process without reader workers (`check` with
jobs=1 and no limits: every file read in that process) and its CPU time (user + system,
interpreter start included) is reported the same way.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.2


def build(work: Path) -> dict[str, list[str]]:
    sys.path.insert(0, str(ROOT / "tests"))
    from decree_kit import Person, example_draft
    from rule_examples import build as build_workbook
    work.mkdir(parents=True, exist_ok=True)
    unit = work / "unit.xlsx"
    if not unit.exists():
        build_workbook([], unit)
    small = work / "sk-d9-as1.docx"
    if not small.exists():
        example_draft().write(small)
    large = work / "sk-besar.docx"
    if not large.exists():
        d = example_draft()
        for k in d.pokja:
            k.members += [Person(f"Pegawai Contoh {k.name[6:10]} {i}", f"19900101 20150{i % 10} 1 {i:03d}",
                                 "Analis Kebijakan Ahli Pertama", "Anggota",
                                 [f"Menyusun bahan kajian bagian {i}", f"Memantau tindak lanjut bagian {i}"],
                                 [f"Laporan kajian bagian {i}"]) for i in range(1, 41)]
        d.write(large)
    return {"unit alone": [str(unit)], "unit + draft": [str(unit), str(small)],
            "unit + large draft (80 members)": [str(unit), str(large)]}


def once(paths: list[str], jobs: int, out: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "checker", "check", *paths, "-q", "-o", str(out), "--jobs",
                           str(jobs)], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed ({proc.returncode}): {proc.stderr[-500:]}")
    return wall


CPU_SCRIPT = r"""
import resource, sys
from checker.pipeline import run
run.check(sys.argv[1:], engine="pandas")
u = resource.getrusage(resource.RUSAGE_SELF)
print(u.ru_utime + u.ru_stime)
"""


def cpu_once(paths: list[str]) -> float:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", CPU_SCRIPT, *paths], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"check failed: {proc.stderr[-500:]}")
    return float(proc.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--work", default="/tmp/cek-pokja-bench-sk")
    args = ap.parse_args(argv)
    work = Path(args.work)
    cases = build(work)
    met = True
    for jobs in (int(j) for j in args.jobs.split(",")):
        times: dict[str, list[float]] = {name: [] for name in cases}
        for r in range(args.rounds):
            for name, paths in cases.items():
                times[name].append(once(paths, jobs, work / f"temuan-{r}.xlsx"))
        base = statistics.median(times["unit alone"])
        print(f"--jobs {jobs} (median of {args.rounds} interleaved rounds, fresh process each)")
        for name, values in times.items():
            med = statistics.median(values)
            ratio = med / base
            flag = "" if name == "unit alone" else ("  met" if ratio <= TARGET else "  MISSED")
            met &= not flag.endswith("MISSED") if name == "unit + draft" else True
            print(f"  {name:<34} {med:6.3f} s  x{ratio:4.2f}{flag}")
    cpu: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.rounds):
        for name, paths in cases.items():
            cpu[name].append(cpu_once(paths))
    base = statistics.median(cpu["unit alone"])
    print(f"CPU time in one process, no workers (median of {args.rounds} interleaved rounds)")
    for name, values in cpu.items():
        med = statistics.median(values)
        print(f"  {name:<34} {med:6.3f} s  x{med / base:4.2f}")
    print(f"target: a unit with its draft within {TARGET}x the unit alone: {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
