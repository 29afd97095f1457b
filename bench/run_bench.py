#!/usr/bin/env python3
"""Benchmark of `cek-pokja check` on synthetic ministries (bench/make_ministry.py).

    python bench/run_bench.py [--sizes 10,100,1000] [--work /tmp/cek-pokja-bench]
                              [--engines pandas,durable] [--jobs 1,2] [--roster] [--project 10000]
                              [--results bench/RESULTS.md]

For each size N it generates (once, cached in --work) a ministry of N units and measures, each
in a fresh process started the way a user starts it:
- wall time and peak RSS of `cek-pokja check DIR -q -o OUT.xlsx --engine E [--jobs J]` for each
  engine and each --jobs value (when `check --help` offers --jobs; otherwise one run without it,
  and a note). Peak RSS: the largest single process (os.wait4, exact) and the sum over the
  process tree (sampled every 20 ms from /proc, to see worker processes too);
- the read floor: a fresh `python` reading every sheet of the same files with
  pd.read_excel(sheet_name=None, engine="calamine", dtype=object, keep_default_na=False,
  na_values=[""]) in one process (wall of the whole process, interpreter and pandas import
  included, like the check; the reading alone is shown too);
- the ratios check / floor and the growth of each figure from 100 to 1000 units.
Then, interleaved round by round (median of 7, interpreter start included): checking one sample
unit (pandas engine; durable too, for information, when measured) against the baseline of a fresh
`python` that imports pandas and reads every sheet of that unit with python_calamine, and
`python -c "import pandas"` alone; plus `cek-pokja --help` (median of 5).
With --project N (e.g. 10000) it also checks a ministry of N units with the pandas engine and
--jobs 2 only (generated with `make_ministry.py N DIR --jobs 2` if not cached) and extrapolates
time and memory linearly to the 86,000 JPT Pratama units of the civil service.
It prints the targets of issue 9 as met / MISSED and, with --results, writes the tables and the
command line to that Markdown file (the "## Analysis" section is kept).
"""
from __future__ import annotations

import argparse
import compileall
import hashlib
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from proctree import PeakSampler

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "d1-as1-moneter.xlsx"
GIB = 1 << 30
GIB_KB = GIB // 1024
NATIONAL = 86_000                    # JPT Pratama units of the whole civil service
ROUNDS = 7                           # one-unit figures: median of 7 interleaved rounds

FLOOR_SCRIPT = r"""
import sys, time, glob, os
t0 = time.perf_counter()
import pandas as pd
t1 = time.perf_counter()
files = sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.xlsx"), recursive=True))
rows = 0
for f in files:
    for df in pd.read_excel(f, sheet_name=None, header=None, engine="calamine", dtype=object,
                            keep_default_na=False, na_values=[""]).values():
        rows += len(df)
t2 = time.perf_counter()
print(f"{len(files)} {rows} {t1 - t0:.3f} {t2 - t1:.3f}")
"""

BASELINE_SCRIPT = r"""
import sys
import pandas
import python_calamine
wb = python_calamine.load_workbook(sys.argv[1])
for name in wb.sheet_names:
    wb.get_sheet_by_name(name).to_python()
"""


def cek_command() -> list[str]:
    """The installed console script itself (not a pyenv shim, whose bash start-up is not ours)."""
    exe = Path(sys.executable).with_name("cek-pokja")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("cek-pokja")
    return [found] if found else [sys.executable, "-m", "checker"]


# --------------------------------------------------------------------------- measuring



def measure(cmd, env=None) -> dict:
    """Wall time, exit code, peak RSS of the largest process and of the whole process tree."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out = {}
    readers = [threading.Thread(target=lambda k=k, s=s: out.__setitem__(k, s.read()), daemon=True)
               for k, s in (("stdout", proc.stdout), ("stderr", proc.stderr))]
    for r in readers:
        r.start()
    with PeakSampler(proc.pid) as sampler:
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    for r in readers:
        r.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = (out.get(k, b"").decode("utf-8", "replace") for k in ("stdout", "stderr"))
    return {"wall": wall, "rc": proc.returncode, "rss_max_kb": usage.ru_maxrss,
            "rss_tree_kb": max(sampler.peak_kb, usage.ru_maxrss), "stdout": stdout, "output": stdout + stderr}


def median_wall(cmd, n=5, env=None) -> float:
    walls = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        walls.append(time.perf_counter() - t0)
    return statistics.median(walls)


def interleaved_medians(cmds: dict, rounds=ROUNDS, env=None) -> tuple[dict, list[str]]:
    """Median wall of each command, run side by side: one run of each per round, the order rotated
    every round so that no command always follows the same one. Also returns failed exits."""
    walls: dict[str, list[float]] = {k: [] for k in cmds}
    failed = []
    names = list(cmds)
    for i in range(rounds):
        for name in names[i % len(names):] + names[:i % len(names)]:
            t0 = time.perf_counter()
            p = subprocess.run(cmds[name], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
            walls[name].append(time.perf_counter() - t0)
            if p.returncode not in (0, 1):
                failed.append(f"{name}: exit {p.returncode}: {p.stderr.decode('utf-8', 'replace').strip()[-300:]}")
    return {k: statistics.median(v) for k, v in walls.items()}, failed


def check_options(cek) -> tuple[str, str]:
    """`check --help` text, and an error message when it did not run."""
    p = subprocess.run(cek + ["check", "--help"], check=False, capture_output=True, text=True)
    return p.stdout, ("" if p.returncode == 0 else f"`check --help` exit {p.returncode}: {p.stderr.strip()[-300:]}")


# --------------------------------------------------------------------------- the run

def ensure_ministry(n, work: Path, seed: int, violations: float, jobs: int) -> tuple[Path, Path]:
    d = work / f"n{n}"
    units, roster = d / "units", d / "pegawai-induk.xlsx"
    stamp = d / ".done"
    gen = hashlib.sha256((ROOT / "bench" / "make_ministry.py").read_bytes()).hexdigest()[:12]
    want = f"{n} {seed} {violations} {gen}"
    if not (stamp.exists() and stamp.read_text() == want):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_ministry.py"), str(n), str(units),
                        "--seed", str(seed), "--violations", str(violations), "--roster", str(roster),
                        "--jobs", str(jobs)], check=True)
        stamp.write_text(want)
    return units, roster


def check_cmd(cek, target, out, engine, jobs=None, roster=None) -> list[str]:
    cmd = cek + ["check", str(target), "-q", "-o", str(out), "--engine", engine]
    if jobs is not None:
        cmd += ["--jobs", str(jobs)]
    if roster is not None:
        cmd += ["--roster", str(roster)]
    return cmd


def run_label(engine, jobs) -> str:
    return engine + (f" --jobs {jobs}" if jobs is not None else "")


def measure_floor(units: Path, env) -> dict:
    fl = measure([sys.executable, "-c", FLOOR_SCRIPT, str(units)], env)
    try:
        nfiles, nrows, t_import, t_read = fl["stdout"].split()[:4]
    except ValueError:
        raise SystemExit(f"the read floor failed (exit {fl['rc']}): {fl['output'].strip()[-500:]}") from None
    return {**fl, "files": int(nfiles), "read": float(t_read), "import": float(t_import), "rows": int(nrows)}


def run_checks(n, units, roster, cek, runs, work, env, notes) -> dict:
    """Every (engine, jobs) run at size n: {(n, engine, jobs): measure()}."""
    out = {}
    for engine, jobs in runs:
        m = measure(check_cmd(cek, units, work / f"n{n}" / f"temuan-{engine}-{jobs}.xlsx", engine, jobs, roster), env)
        if m["rc"] not in (0, 1):
            notes.append(f"N={n} {run_label(engine, jobs)}: exit {m['rc']}: {m['output'].strip()[-300:]}")
        out[(n, engine, jobs)] = m
        print(f"N={n}: {run_label(engine, jobs)}: {m['wall']:.2f} s, {fmt_mb(m['rss_max_kb'])} MB "
              f"(tree {fmt_mb(m['rss_tree_kb'])} MB), exit {m['rc']}", flush=True)
    return out


def run_sizes(sizes, a, cek, runs, work, env, notes) -> dict:
    """(n, "floor") -> measure_floor(); (n, engine, jobs) -> measure() for each size."""
    results = {}
    for n in sizes:
        units, roster = ensure_ministry(n, work, a.seed, a.violations, min(4, os.cpu_count() or 1))
        fl = results[(n, "floor")] = measure_floor(units, env)
        print(f"N={n}: floor {fl['wall']:.2f} s ({fl['files']} files, {fl['rows']} sheet rows)", flush=True)
        results.update(run_checks(n, units, roster if a.roster else None, cek, runs, work, env, notes))
    return results


def measure_one_unit(cek, engines, work, env, notes) -> dict:
    """Median walls of the one-unit check(s), the baseline and `import pandas`, interleaved."""
    cmds = {"check pandas": check_cmd(cek, SAMPLE, work / "one.xlsx", "pandas")}
    if "durable" in engines:
        cmds["check durable"] = check_cmd(cek, SAMPLE, work / "one-durable.xlsx", "durable")
    cmds["baseline"] = [sys.executable, "-c", BASELINE_SCRIPT, str(SAMPLE)]
    cmds["import pandas"] = [sys.executable, "-c", "import pandas"]
    medians, failed = interleaved_medians(cmds, env=env)
    notes.extend(f"one unit, {f}" for f in failed)
    print("one unit: " + ", ".join(f"{k} {v:.3f} s" for k, v in medians.items()), flush=True)
    return medians


def run_projection(n, a, cek, work, env, has_jobs, notes) -> dict:
    """Only pandas --jobs 2 at n units (the ministry generated with --jobs 2 if not cached)."""
    units, roster = ensure_ministry(n, work, a.seed, a.violations, 2)
    files = sum(1 for _ in units.rglob("*.xlsx"))
    jobs = 2 if has_jobs else None
    m = run_checks(n, units, roster if a.roster else None, cek, [("pandas", jobs)], work, env, notes)
    return {**m[(n, "pandas", jobs)], "n": n, "jobs": jobs, "files": files}


# --------------------------------------------------------------------------- report

def fmt_s(x):
    return "-" if x is None else f"{x:.2f}"


def fmt_mb(kb):
    return "-" if kb is None else f"{kb / 1024:.0f}"


def fmt_duration(s):
    return f"{s:.0f} s ({s / 3600:.1f} h)" if s >= 3600 else f"{s:.0f} s ({s / 60:.1f} min)"


def proc_field(path, key) -> str:
    """The value of `key: value` in a /proc file ("" when absent)."""
    try:
        with open(path) as fh:
            return next(line.split(":", 1)[1].strip() for line in fh if line.startswith(key))
    except (OSError, StopIteration):
        return ""


def table_lines(results, sizes, runs) -> list[str]:
    out = [("| units | files | sheet rows | floor: wall s (read only) | run | wall s | x floor "
            "| peak RSS MB (tree) | exit |"),
           "|---:|---:|---:|---:|---|---:|---:|---:|---:|"]
    for n in sizes:
        fl = results[(n, "floor")]
        for i, (engine, jobs) in enumerate(runs):
            m = results[(n, engine, jobs)]
            head = [str(n), str(fl["files"]), str(fl["rows"]), f"{fmt_s(fl['wall'])} ({fmt_s(fl['read'])})"]
            cells = (head if i == 0 else [""] * 4) + [
                run_label(engine, jobs), fmt_s(m["wall"]), f"{m['wall'] / fl['wall']:.2f}",
                f"{fmt_mb(m['rss_max_kb'])} ({fmt_mb(m['rss_tree_kb'])})", str(m["rc"])]
            out.append("| " + " | ".join(cells) + " |")
    return out + [""]


def growth_lines(results, sizes, runs) -> list[str]:
    if not (100 in sizes and 1000 in sizes):
        return []
    f100, f1000 = results[(100, "floor")], results[(1000, "floor")]
    out = ["Growth from 100 to 1000 units (x, linear = 10):", f"- floor: {f1000['wall'] / f100['wall']:.2f}"]
    for engine, jobs in runs:
        m100, m1000 = results[(100, engine, jobs)], results[(1000, engine, jobs)]
        out.append(f"- {run_label(engine, jobs)}: wall {m1000['wall'] / m100['wall']:.2f}, peak RSS (tree) "
                   f"{m1000['rss_tree_kb'] / max(m100['rss_tree_kb'], 1):.2f}")
    return out + [""]


def one_unit_lines(one, help_wall, shim, shim_help, bare) -> list[str]:
    check, base = one["check pandas"], one["baseline"]
    durable = f"; `--engine durable` (for information): {one['check durable']:.3f} s" if "check durable" in one else ""
    return [
        (f"One unit from the shell (`cek-pokja check {SAMPLE.relative_to(ROOT)} -q -o OUT.xlsx --engine pandas`), "
         f"interpreter start included, median of {ROUNDS} runs interleaved round by round:"),
        (f"- check {check:.3f} s; baseline {base:.3f} s (a fresh `python` that imports pandas and reads every sheet "
         f"of the unit with python_calamine: `load_workbook`, `get_sheet_by_name(n).to_python()`); "
         f"check / baseline {check / base:.2f}x"),
        f"- `python -c \"import pandas\"` alone: {one['import pandas']:.3f} s{durable}",
        "",
        f"`cek-pokja --help`, median of 5: {help_wall:.3f} s"
        + (f" (through the pyenv shim `{shim}`: {shim_help:.3f} s)" if shim_help is not None else "")
        + f"; `python -c pass` alone: {bare:.3f} s",
        ""]


def projection_ref(proj, results, sizes):
    """The largest size below the projection with the same run (pandas, same --jobs), or None."""
    below = [n for n in sizes if n < proj["n"] and (n, "pandas", proj["jobs"]) in results]
    return (max(below), results[(max(below), "pandas", proj["jobs"])]) if below else (None, None)


def memory_implication(ratio, units_ratio, national_kb) -> str:
    """How the peak grew (share of proportional growth), and the linear extrapolation to NATIONAL units."""
    ram_kb = int((proc_field("/proc/meminfo", "MemTotal") or "0 kB").split()[0])
    share = (ratio - 1) / (units_ratio - 1)
    if share < 0.1:
        shape = "about flat: the peak hardly depends on the number of units"
    elif share < 0.8:
        shape = "sub-linear: a fixed part plus a part that grows with the units"
    else:
        shape = "about linear (or worse): consistent with the data of every unit being held at once"
    limits = f"{'under' if national_kb < GIB_KB else 'over'} 1 GiB" + (
        f", {'within' if national_kb < ram_kb else 'beyond'} this machine's {ram_kb / (1 << 20):.0f} GiB of RAM"
        if ram_kb else "")
    return (f"{shape} ({share:.0%} of proportional growth); extrapolating that growth linearly to {NATIONAL:,} "
            f"units gives {fmt_mb(national_kb)} MB ({limits})")


def projection_lines(proj, results, sizes, one) -> list[str]:
    n, wall, start = proj["n"], proj["wall"], one["check pandas"]
    per_unit = (wall - start) / n
    label = run_label("pandas", proj["jobs"])
    out = [(f"National projection: N={n:,} units ({proj['files']:,} files), {label}: wall {wall:.1f} s, "
            f"peak RSS {fmt_mb(proj['rss_max_kb'])} MB (tree {fmt_mb(proj['rss_tree_kb'])} MB), exit {proj['rc']}"),
           (f"- per-unit time at {n:,} units: (wall - fixed start-up) / N = ({wall:.1f} - {start:.2f}) / {n:,} = "
            f"{per_unit * 1000:.1f} ms, the fixed start-up being the one-unit check from the shell above"),
           (f"- extrapolation (linear, not measured): {NATIONAL:,} units = start-up {start:.2f} s + "
            f"{per_unit * 1000:.1f} ms x {NATIONAL:,} = {fmt_duration(start + per_unit * NATIONAL)}")]
    ref, m = projection_ref(proj, results, sizes)
    if ref is None:
        return out + [f"- peak memory: growth not measured (no {label} run below {n:,} units in this run)", ""]
    ratio = proj["rss_tree_kb"] / max(m["rss_tree_kb"], 1)
    slope_kb = max(0.0, (proj["rss_tree_kb"] - m["rss_tree_kb"]) / (n - ref))
    national_kb = proj["rss_tree_kb"] + slope_kb * (NATIONAL - n)
    out += [(f"- per-unit time at {ref:,} units, same formula: {(m['wall'] - start) / ref * 1000:.1f} ms "
             f"(wall {m['wall']:.1f} s)"),
            (f"- peak memory (tree): {fmt_mb(m['rss_tree_kb'])} MB at {ref:,} units -> {fmt_mb(proj['rss_tree_kb'])} "
             f"MB at {n:,} ({ratio:.2f}x for {n / ref:.3g}x the units, +{slope_kb * 1000 / 1024:.0f} MB per 1,000 "
             f"units): {memory_implication(ratio, n / ref, national_kb)}"), ""]
    return out


def load_lines(before, after) -> list[str]:
    return [(f"Load average (1/5/15 min) before: {' '.join(f'{x:.2f}' for x in before)}, after: "
             f"{' '.join(f'{x:.2f}' for x in after)} (2 cores: above ~0.5 other work shared the machine; "
             "timings vary by about ±20%)."), ""]


# --------------------------------------------------------------------------- targets (issue 9)

def verdict(ok, text) -> str:
    return ("met: " if ok else "MISSED: ") + text


def floor_targets(results, big, runs) -> list[str]:
    fl = results[(big, "floor")]["wall"]
    out = []
    for engine, jobs in runs:
        w = results[(big, engine, jobs)]["wall"]
        label, ratio = f"N={big} {run_label(engine, jobs)}", f"{w:.1f} s = {w / fl:.2f}x the floor of {fl:.1f} s"
        if engine == "pandas" and jobs in (1, None):
            out.append(verdict(w <= 1.5 * fl, f"{label} at most 1.5x the read floor: {ratio}"))
        elif engine == "pandas" and jobs == 2:
            out.append(verdict(w < fl, f"{label} faster than the read floor: {ratio}"))
        elif engine == "durable":
            out.append(verdict(w <= 2 * fl, f"{label} (pandas cross-check included) at most 2x the read floor: "
                                            f"{ratio}"))
    if ("pandas", 2) not in runs:
        out.append("not measured: pandas --jobs 2 faster than the read floor (no --jobs 2 run)")
    return out


def memory_target(results, big, runs) -> list[str]:
    worst = max(runs, key=lambda r: results[(big, *r)]["rss_tree_kb"])
    kb = results[(big, *worst)]["rss_tree_kb"]
    every = ", ".join(f"{run_label(*r)} {fmt_mb(results[(big, *r)]['rss_tree_kb'])}" for r in runs)
    return [verdict(kb < GIB_KB, f"N={big} peak RSS of the process tree under 1 GiB (1024 MB): worst "
                                 f"{fmt_mb(kb)} MB ({run_label(*worst)}; {every})")]


def growth_targets(results, sizes, runs) -> list[str]:
    if not (100 in sizes and 1000 in sizes):
        return ["not measured: growth from 100 to 1000 units (needs --sizes with 100 and 1000)"]
    out = []
    for engine, jobs in runs:
        w100, w1000 = results[(100, engine, jobs)]["wall"], results[(1000, engine, jobs)]["wall"]
        out.append(verdict(w1000 / w100 <= 10.5, f"{run_label(engine, jobs)} wall from 100 to 1000 units at most "
                                                 f"10.5x: {w1000:.1f} s / {w100:.1f} s = {w1000 / w100:.2f}x"))
    return out


def one_unit_target(one) -> list[str]:
    check, base = one["check pandas"], one["baseline"]
    return [verdict(check <= 1.3 * base, f"one unit from the shell (pandas) at most 1.3x the baseline (import pandas + "
                                         f"calamine read of its sheets): {check:.3f} s vs {base:.3f} s = "
                                         f"{check / base:.2f}x")]


def targets(results, sizes, runs, one) -> list[str]:
    out = []
    if sizes:
        big = 1000 if 1000 in sizes else max(sizes)
        if big != 1000:
            out.append(f"note: the targets are set at 1000 units; this run's largest size is {big}")
        out += floor_targets(results, big, runs) + memory_target(results, big, runs)
    return out + growth_targets(results, sizes, runs) + one_unit_target(one)


# --------------------------------------------------------------------------- main

def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10,100,1000")
    ap.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "cek-pokja-bench"))
    ap.add_argument("--engines", default="pandas,durable")
    ap.add_argument("--jobs", default="1,2", help="--jobs values to measure (when check offers --jobs)")
    ap.add_argument("--roster", action="store_true", help="pass the generated master roster (--roster)")
    ap.add_argument("--project", type=int, metavar="N",
                    help="also check N units with pandas --jobs 2 only and extrapolate to 86,000 units (e.g. 10000)")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--violations", type=float, default=0.2)
    ap.add_argument("--results", help="write the figures to this Markdown file (e.g. bench/RESULTS.md)")
    return ap.parse_args(argv)


def option_notes(helptext, help_error, has_jobs, roster) -> list[str]:
    notes = [help_error] if help_error else []
    if not has_jobs:
        notes.append("`cek-pokja check` has no `--jobs` option yet: each engine was measured once, without it "
                     "(the --jobs 1 / --jobs 2 rows are missing).")
    if roster and "--roster" not in helptext:
        notes.append("`check` has no --roster option: runs without the roster.")
    return notes


def main(argv=None):
    a = parse_args(argv)
    sizes = [int(x) for x in a.sizes.split(",") if x]
    engines = [e for e in a.engines.split(",") if e]
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    cek = cek_command()
    helptext, help_error = check_options(cek)
    has_jobs = "--jobs" in helptext
    runs = [(e, j) for e in engines for j in ([int(j) for j in a.jobs.split(",")] if has_jobs else [None])]
    notes = option_notes(helptext, help_error, has_jobs, a.roster)
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    # As an installed package has it (pip compiles on install; a first run writes __pycache__):
    # without this every measured run would compile the package's ~150 modules again (~55 ms),
    # while pandas, the baseline, comes compiled from site-packages.
    compileall.compile_dir(str(ROOT / "checker"), quiet=1)

    load_before = os.getloadavg()
    results = run_sizes(sizes, a, cek, runs, work, env, notes)
    one = measure_one_unit(cek, engines, work, env, notes)
    help_wall = median_wall(cek + ["--help"], env=env)
    shim = shutil.which("cek-pokja")
    shim_help = median_wall([shim, "--help"], env=env) if shim and Path(shim).resolve() != Path(cek[0]).resolve() \
        else None
    bare = median_wall([sys.executable, "-c", "pass"], env=env)
    proj = run_projection(a.project, a, cek, work, env, has_jobs, notes) if a.project else None
    load_after = os.getloadavg()

    lines = table_lines(results, sizes, runs) + growth_lines(results, sizes, runs)
    lines += one_unit_lines(one, help_wall, shim, shim_help, bare)
    lines += projection_lines(proj, results, sizes, one) if proj else []
    lines += load_lines(load_before, load_after) + [("Targets (issue 9, each ratio against the read floor measured "
                                                     "in the same run):")]
    lines += [f"- {v}" for v in targets(results, sizes, runs, one)] + [f"- note: {n}" for n in notes]
    print("\n".join(lines), flush=True)
    if a.results:
        write_results(Path(a.results), argv if argv is not None else sys.argv[1:], lines, cek)
    return 0


def write_results(path: Path, argv, lines, cek):
    import pandas
    try:
        import importlib.metadata as md
        versions = ", ".join(f"{p} {md.version(p)}"
                             for p in ("pandas", "python-calamine", "XlsxWriter", "durable-rules"))
    except Exception:  # noqa: BLE001
        versions = f"pandas {pandas.__version__}"
    cpu, mem = proc_field("/proc/cpuinfo", "model name"), proc_field("/proc/meminfo", "MemTotal")
    head = [
        "# Benchmark results",
        "",
        f"Command: `python bench/run_bench.py {' '.join(shlex.quote(x) for x in argv)}` (from the project root)",
        (f"Run: {time.strftime('%Y-%m-%d %H:%M')}; {os.cpu_count()} cores ({cpu}), {mem} RAM; Python "
         f"{platform.python_version()}; {versions}; checker command `{' '.join(cek)}`."),
        ("Data: `bench/make_ministry.py N DIR` (8 units per JPT Madya unit; per unit 50 employees, 8 Pokja, "
         "60 Anggota Pokja rows, 6 PK targets; 20% of the units with 1-3 deliberate mistakes)."),
        "",
    ]
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    marker = "\n## Analysis"
    tail = existing[existing.index(marker):] if marker in existing else ""
    path.write_text("\n".join(head + ["## Figures", ""] + lines) + "\n" + tail, encoding="utf-8")
    print(f"written: {path}")


if __name__ == "__main__":
    sys.exit(main())
