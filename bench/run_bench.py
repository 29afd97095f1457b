#!/usr/bin/env python3
"""Benchmark of `cek-pokja check` on synthetic ministries (bench/make_ministry.py).

    python bench/run_bench.py [--sizes 10,100,1000] [--work /tmp/cek-pokja-bench]
                              [--engines pandas,durable] [--jobs 1,2] [--roster] [--results bench/RESULTS.md]

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
- the ratios check / floor and the growth of each figure from 100 to 1000 units;
plus the wall time of checking one sample unit (median of 5, interpreter start included) and of
`cek-pokja --help` (median of 5). Then it prints the targets of issue 4 as met / missed and,
with --results, writes the tables and the command line to that Markdown file.
"""
from __future__ import annotations

import argparse
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

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "d1-as1-moneter.xlsx"
GIB = 1 << 30

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


def cek_command() -> list[str]:
    """The installed console script itself (not a pyenv shim, whose bash start-up is not ours)."""
    exe = Path(sys.executable).with_name("cek-pokja")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("cek-pokja")
    return [found] if found else [sys.executable, "-m", "checker"]


# --------------------------------------------------------------------------- measuring

def _tree_rss_kb(root: int) -> int:
    """Sum of VmRSS over `root` and its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as fh:
                stat = fh.read().decode("ascii", "replace")
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{d}/statm") as fh:
                pages = int(fh.read().split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(d))
        rss[int(d)] = pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, ()))
    return total


def measure(cmd, env=None) -> dict:
    """Wall time, exit code, peak RSS of the largest process and of the whole process tree."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
            done.wait(0.02)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out = []
    readers = [threading.Thread(target=lambda s=s: out.append(s.read()), daemon=True) for s in (proc.stdout, proc.stderr)]
    for r in readers:
        r.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    done.set()
    th.join()
    for r in readers:
        r.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "rc": proc.returncode, "rss_max_kb": usage.ru_maxrss, "rss_tree_kb": max(peak[0], usage.ru_maxrss),
            "output": b"".join(out).decode("utf-8", "replace")}


def median_wall(cmd, n=5) -> float:
    walls = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - t0)
    return statistics.median(walls)


def check_options(cek) -> str:
    return subprocess.run(cek + ["check", "--help"], capture_output=True, text=True).stdout


# --------------------------------------------------------------------------- the run

def ensure_ministry(n, work: Path, seed: int, violations: float) -> tuple[Path, Path]:
    d = work / f"n{n}"
    units, roster = d / "units", d / "pegawai-induk.xlsx"
    stamp = d / ".done"
    import hashlib
    gen = hashlib.sha256((ROOT / "bench" / "make_ministry.py").read_bytes()).hexdigest()[:12]
    want = f"{n} {seed} {violations} {gen}"
    if not (stamp.exists() and stamp.read_text() == want):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_ministry.py"), str(n), str(units),
                        "--seed", str(seed), "--violations", str(violations), "--roster", str(roster),
                        "--jobs", str(min(4, os.cpu_count() or 1))], check=True)
        stamp.write_text(want)
    return units, roster


def fmt_s(x):
    return "-" if x is None else f"{x:.2f}"


def fmt_mb(kb):
    return "-" if kb is None else f"{kb / 1024:.0f}"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10,100,1000")
    ap.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "cek-pokja-bench"))
    ap.add_argument("--engines", default="pandas,durable")
    ap.add_argument("--jobs", default="1,2", help="--jobs values to measure (when check offers --jobs)")
    ap.add_argument("--roster", action="store_true", help="pass the generated master roster (--roster)")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--violations", type=float, default=0.2)
    ap.add_argument("--results", help="write the figures to this Markdown file (e.g. bench/RESULTS.md)")
    a = ap.parse_args(argv)
    sizes = [int(x) for x in a.sizes.split(",") if x]
    engines = [e for e in a.engines.split(",") if e]
    work = Path(a.work)
    cek = cek_command()
    helptext = check_options(cek)
    has_jobs = "--jobs" in helptext
    jobs_list = [int(j) for j in a.jobs.split(",")] if has_jobs else [None]
    notes = []
    if not has_jobs:
        notes.append("`cek-pokja check` has no `--jobs` option yet: each engine was measured once, without it "
                     "(the --jobs 1 / --jobs 2 rows are missing).")
    if a.roster and "--roster" not in helptext:
        notes.append("`check` has no --roster option: runs without the roster.")
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    lines = []

    def say(s=""):
        print(s, flush=True)
        lines.append(s)

    load_before = os.getloadavg()
    results = {}                     # (n, engine, jobs) -> measure(); (n, "floor") -> dict
    for n in sizes:
        units, roster = ensure_ministry(n, work, a.seed, a.violations)
        files = sum(1 for _ in units.rglob("*.xlsx"))
        fl = measure([sys.executable, "-c", FLOOR_SCRIPT, str(units)], env)
        nfiles, nrows, t_import, t_read = fl["output"].split()[:4]
        results[(n, "floor")] = {**fl, "read": float(t_read), "import": float(t_import), "rows": int(nrows)}
        print(f"N={n}: floor {fl['wall']:.2f} s ({nfiles} files, {nrows} sheet rows)", flush=True)
        for engine in engines:
            for jobs in jobs_list:
                out = work / f"n{n}" / f"temuan-{engine}-{jobs}.xlsx"
                cmd = cek + ["check", str(units), "-q", "-o", str(out), "--engine", engine]
                if jobs is not None:
                    cmd += ["--jobs", str(jobs)]
                if a.roster:
                    cmd += ["--roster", str(roster)]
                m = measure(cmd, env)
                if m["rc"] not in (0, 1):
                    notes.append(f"N={n} {engine} jobs={jobs}: exit {m['rc']}: {m['output'].strip()[:300]}")
                results[(n, engine, jobs)] = m
                print(f"N={n}: {engine} jobs={jobs}: {m['wall']:.2f} s, {m['rss_max_kb'] / 1024:.0f} MB "
                      f"(tree {m['rss_tree_kb'] / 1024:.0f} MB), exit {m['rc']}", flush=True)
        results[(n, "files")] = files

    sample = {e: median_wall(cek + ["check", str(SAMPLE), "-q", "-o", str(work / "one.xlsx"), "--engine", e])
              for e in engines}
    help_wall = median_wall(cek + ["--help"])
    shim = shutil.which("cek-pokja")
    shim_help = median_wall([shim, "--help"]) if shim and Path(shim).resolve() != Path(cek[0]).resolve() else None
    bare = median_wall([sys.executable, "-c", "pass"])
    load_after = os.getloadavg()

    # ------------------------------------------------------------------ report
    say("| units | files | sheet rows | floor: wall s (read only) | run | wall s | x floor | peak RSS MB (tree) | exit |")
    say("|---:|---:|---:|---:|---|---:|---:|---:|---:|")
    for n in sizes:
        fl = results[(n, "floor")]
        first = True
        for engine in engines:
            for jobs in jobs_list:
                m = results[(n, engine, jobs)]
                label = f"{engine}" + (f" --jobs {jobs}" if jobs is not None else "")
                say(f"| {n if first else ''} | {results[(n, 'files')] if first else ''} | {fl['rows'] if first else ''} | "
                    f"{(fmt_s(fl['wall']) + ' (' + fmt_s(fl['read']) + ')') if first else ''} | {label} | "
                    f"{fmt_s(m['wall'])} | {m['wall'] / fl['wall']:.2f} | {fmt_mb(m['rss_max_kb'])} "
                    f"({fmt_mb(m['rss_tree_kb'])}) | {m['rc']} |")
                first = False
    say("")
    if 100 in sizes and 1000 in sizes:
        say("Growth from 100 to 1000 units (x, linear = 10):")
        f100, f1000 = results[(100, "floor")], results[(1000, "floor")]
        say(f"- floor: {f1000['wall'] / f100['wall']:.2f}")
        for engine in engines:
            for jobs in jobs_list:
                m100, m1000 = results[(100, engine, jobs)], results[(1000, engine, jobs)]
                label = engine + (f" --jobs {jobs}" if jobs is not None else "")
                say(f"- {label}: wall {m1000['wall'] / m100['wall']:.2f}, peak RSS "
                    f"{m1000['rss_tree_kb'] / max(m100['rss_tree_kb'], 1):.2f}")
        say("")
    say("One sample unit (samples/d1-as1-moneter.xlsx), wall from the shell incl. interpreter start, median of 5: "
        + ", ".join(f"{e} {sample[e]:.2f} s" for e in engines))
    say(f"`cek-pokja --help`, median of 5: {help_wall:.3f} s"
        + (f" (through the pyenv shim `{shim}`: {shim_help:.3f} s)" if shim_help is not None else "")
        + f"; `python -c pass` alone: {bare:.3f} s")
    say("")
    say(f"Load average (1/5/15 min) before: {' '.join(f'{x:.2f}' for x in load_before)}, after: "
        f"{' '.join(f'{x:.2f}' for x in load_after)} (2 cores: above ~0.5 other work shared the machine).")
    say("")
    say("Targets (issue 4):")
    verdicts = targets(results, sizes, engines, jobs_list, sample, help_wall)
    for v in verdicts:
        say(f"- {v}")
    for note in notes:
        say(f"- note: {note}")
    if a.results:
        write_results(Path(a.results), argv if argv is not None else sys.argv[1:], lines, cek)
    return 0


def targets(results, sizes, engines, jobs_list, sample, help_wall) -> list[str]:
    out = []

    def verdict(ok, text):
        out.append(("met: " if ok else "MISSED: ") + text)

    big = 1000 if 1000 in sizes else max(sizes)
    fl = results[(big, "floor")]["wall"]
    j1 = 1 if 1 in jobs_list else jobs_list[0]
    if "pandas" in engines:
        m = results[(big, "pandas", j1)]
        verdict(m["wall"] <= 1.5 * fl, f"N={big} pandas{' --jobs 1' if j1 else ''} within 1.5x the floor: "
                f"{m['wall']:.1f} s = {m['wall'] / fl:.2f}x of {fl:.1f} s")
        if 2 in jobs_list:
            m2 = results[(big, "pandas", 2)]
            verdict(m2["wall"] < fl, f"N={big} pandas --jobs 2 faster than the floor: {m2['wall']:.1f} s vs {fl:.1f} s")
        else:
            out.append("not measured: --jobs 2 faster than the floor (no --jobs option)")
    if "durable" in engines:
        m = results[(big, "durable", j1)]
        verdict(m["wall"] <= 3 * fl, f"N={big} durable within 3x the floor: {m['wall']:.1f} s = {m['wall'] / fl:.2f}x")
    for engine in engines:
        worst = max(results[(big, engine, j)]["rss_tree_kb"] for j in jobs_list)
        verdict(worst < GIB // 1024, f"N={big} {engine} peak RSS under 1 GiB: {worst / 1024:.0f} MB (process tree)")
    if 100 in sizes and 1000 in sizes:
        for engine in engines:
            for j in jobs_list:
                g = results[(1000, engine, j)]["wall"] / results[(100, engine, j)]["wall"]
                verdict(g <= 11, f"{engine}{' --jobs ' + str(j) if j else ''} 100 -> 1000 units at most 11x: {g:.2f}x")
    for engine in engines:
        verdict(sample[engine] < 1.0, f"one sample unit under 1 s ({engine}): {sample[engine]:.2f} s")
    verdict(help_wall < 0.2, f"`cek-pokja --help` under 0.2 s: {help_wall:.3f} s")
    return out


def write_results(path: Path, argv, lines, cek):
    import pandas
    try:
        import importlib.metadata as md
        versions = ", ".join(f"{p} {md.version(p)}" for p in ("pandas", "python-calamine", "XlsxWriter", "durable-rules"))
    except Exception:  # noqa: BLE001
        versions = f"pandas {pandas.__version__}"
    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = ""
    try:
        mem = next(l.split(":", 1)[1].strip() for l in open("/proc/meminfo") if l.startswith("MemTotal"))
    except (OSError, StopIteration):
        pass
    head = [
        "# Benchmark results",
        "",
        f"Command: `python bench/run_bench.py {' '.join(shlex.quote(x) for x in argv)}` (from the project root)",
        f"Run: {time.strftime('%Y-%m-%d %H:%M')}; {os.cpu_count()} cores ({cpu}), {mem} RAM; Python "
        f"{platform.python_version()}; {versions}; checker command `{' '.join(cek)}`.",
        "Data: `bench/make_ministry.py N DIR` (8 units per JPT Madya unit; per unit 50 employees, 8 Pokja, "
        "60 Anggota Pokja rows, 6 PK targets; 20% of the units with 1-3 deliberate mistakes).",
        "",
    ]
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    marker = "\n## Analysis"
    tail = existing[existing.index(marker):] if marker in existing else ""
    path.write_text("\n".join(head + ["## Figures", ""] + lines) + "\n" + tail, encoding="utf-8")
    print(f"written: {path}")


if __name__ == "__main__":
    sys.exit(main())
