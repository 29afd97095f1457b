#!/usr/bin/env python3
"""The hostile probes of issue 13, run as a user runs them, so that the bounds can be watched.

    python bench/probes.py [--only NAME,...] [--timeout 120] [--tall-rows 1048576]
                           [--memory-cap-mb 6144] [--markdown bench/PROBES.md]

Every probe builds its inputs at run time in a fresh temporary folder (nothing large is kept),
runs `cek-pokja ...` as a subprocess there, and prints one row: the issue's point, the probe, the
exit code, the wall time, the peak resident memory of the whole process tree (the sum of VmRSS
over the process and its descendants, sampled every 20 ms from /proc; the largest single
process from os.wait4 when the sampler misses a short peak) and what was seen (the last line of
its error output, or what the probe checks for). Each probe is killed, with its whole process
group, after --timeout seconds ("timeout" in the exit column). The tall-sheet probe, which took
9.4 GB when the issue was filed, also has its address space capped at --memory-cap-mb
(RLIMIT_AS, inherited by its workers) so that it cannot take the machine with it: stopped by the
cap it shows a MemoryError or a signal, and its peak is a lower bound. No other probe is capped,
since a cap changes what --max-memory does (the probe of point 10).

The probes only measure current behaviour; many fail today, which is what they are for. The
points (issue 13): 1 -o onto the roster; 2 a FIFO named .xlsx in a folder; 3 a non-UTF-8 file
name; 4 a Pegawai sheet of one column and --tall-rows rows; 5 a roster with a stray cell at
XFD1048576; 6 rule bases (alias bombs in `when`, `doc` and `_coverage.yaml`, an `$or` of 600
terms, a placeholder width of 900,000,000, nesting 20 deep); 7 control characters in a Kode Unit; 10 --timeout inf
and nan, --max-memory 10**15.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from proctree import PeakSampler

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE = SAMPLES / "d1-as1-moneter.xlsx"
RULES = ROOT / "rules"
CEK = [sys.executable, "-m", "checker"]


# ---------------------------------------------------------------------------------------------
# measuring



@dataclass
class Outcome:
    code: str
    wall: float
    peak_mb: float
    stdout: bytes
    stderr: bytes


def run(args, cwd: Path, timeout: float, cap_mb: int, env=None) -> Outcome:
    def limit():
        os.setsid()
        if cap_mb:
            resource.setrlimit(resource.RLIMIT_AS, (cap_mb << 20, cap_mb << 20))

    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    start = time.monotonic()
    p = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, preexec_fn=limit, env=env)
    largest = 0                             # the largest single process, when sampling misses a short peak
    code = None
    deadline = start + timeout
    with PeakSampler(p.pid) as sampler:
        while code is None:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                largest = usage.ru_maxrss
                break
            if time.monotonic() > deadline:
                os.killpg(p.pid, signal.SIGKILL)
                os.wait4(p.pid, 0)
                code = "timeout"
                break
            time.sleep(0.01)
        wall = time.monotonic() - start
    try:                                    # workers left behind in the group
        os.killpg(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    out.seek(0)
    err.seek(0)
    return Outcome(str(code), wall, max(sampler.peak_kb, largest) / 1024, out.read(), err.read())


# ---------------------------------------------------------------------------------------------
# building inputs

def copy_rules(d: Path, old: str, new: str, rule: str = "U01") -> Path:
    target = d / "rules"
    shutil.copytree(RULES, target, ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))
    path = target / f"{rule}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return target


BOMB = "".join(f"{a}: &{a} [{', '.join([f'*{p}'] * 9) if p else ', '.join(['x'] * 9)}]\n"
               for p, a in zip([""] + list("abcdefgh"), "abcdefghi"))
U01_WHEN = "when:\n  $and:\n    - {t: unit}\n    - {n_pokja: 0}\n"


def _indent(text: str, n: int) -> str:
    return "".join(" " * n + line + "\n" for line in text.splitlines())


def rules_bomb_when(d):
    return copy_rules(d, U01_WHEN, U01_WHEN + _indent("- bomb:\n" + _indent(BOMB, 4), 4))


def rules_bomb_doc(d):
    return copy_rules(d, "doc:\n  what:", "doc:\n  bomb:\n" + _indent(BOMB, 4) + "  what:")


def rules_or600(d):
    terms = "".join(f"        - {{n_pokja: {i}}}\n" for i in range(1, 601))
    return copy_rules(d, "    - {n_pokja: 0}\n", "    - $or:\n" + terms)


def rules_width(d):
    return copy_rules(d, "Unit {unit} ({unit_name}) tidak", "Unit {unit:900000000} ({unit_name}) tidak")


def rules_nest20(d):
    cond = "{n_pokja: 0}"
    for _ in range(20):
        cond = "{$and: [" + cond + "]}"
    return copy_rules(d, "    - {n_pokja: 0}\n", f"    - {cond}\n")


def rules_bomb_coverage(d):
    target = copy_rules(d, "doc:\n", "doc:\n")
    (target / "_coverage.yaml").write_text("points:\n  - " + BOMB.replace("\n", "\n    "), encoding="utf-8")
    return target


ROSTER_HEADER = ["PNS_ID", "NIP_BARU", "NIP_LAMA", "NAMA", "GELAR_DEPAN", "GELAR_BELAKANG", "TGL_LHR",
                 "GOL_AKHIR_NAMA", "JENIS_JABATAN_NAMA", "JABATAN_NAMA", "UNOR_ID", "KODE_UNIT", "UNOR_NAMA",
                 "INSTANSI_INDUK_NAMA"]


def roster(path: Path, stray_cell: bool = False) -> Path:
    """A small SIASN-like master roster built from the samples' Pegawai sheets."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(ROSTER_HEADER)
    for f in sorted(SAMPLES.glob("*.xlsx")):
        src = openpyxl.load_workbook(f, read_only=True)
        if "Unit" not in src.sheetnames or "Pegawai" not in src.sheetnames:
            continue
        code = next(src["Unit"].iter_rows(min_row=2, max_row=2, values_only=True))[0]
        for row in src["Pegawai"].iter_rows(min_row=2, values_only=True):
            if row and len(row) > 3 and row[1]:
                ws.append(["x", str(row[1]), "", str(row[3] or ""), "", "", "", "III/c", "Jabatan Pelaksana",
                           "Pelaksana", "u", code, code, "Kementerian Koordinator Bidang Perekonomian"])
        src.close()
    if stray_cell:
        ws.cell(row=1_048_576, column=16_384, value="x")
    wb.save(path)
    return path


def unit_copy(path: Path, rows: int = 0, unit_code: str | None = None) -> Path:
    """The sample unit rewritten with XlsxWriter (which stores control characters as _xHHHH_, as
    Excel does): with `rows`, a Pegawai sheet of one column (NIP) and `rows` rows below it, and
    `unit_code` as the Kode Unit of every sheet that has one."""
    import openpyxl
    import xlsxwriter
    src = openpyxl.load_workbook(SAMPLE, read_only=True)
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False})
    for ws in src.worksheets:
        out = wb.add_worksheet(ws.title)
        n, code_col = 0, None
        if rows and ws.title == "Pegawai":      # one column, as in the issue: 1M rows, 8.6 MB
            out.write_string(0, 0, "NIP")
            for i in range(1, min(1 + rows, 1_048_576)):
                out.write_string(i, 0, f"{199001012020011000 + i}")
            continue
        for n, row in enumerate(ws.iter_rows(values_only=True)):
            row = list(row)
            if n == 0 and "Kode Unit" in row:
                code_col = row.index("Kode Unit")
            elif code_col is not None and unit_code is not None and row[code_col]:
                row[code_col] = unit_code
            out.write_row(n, 0, row)
    wb.close()
    src.close()
    return path


# ---------------------------------------------------------------------------------------------
# the probes: (point, name, setup(dir) -> (args, check(outcome, dir) -> note))

def _last_line(o: Outcome) -> str:
    """The first line of the error output, else the last of the output (shortened)."""
    err = o.stderr.decode("utf-8", "replace").strip().splitlines()
    out = o.stdout.decode("utf-8", "replace").strip().splitlines()
    line = err[0] if err else (out[-1] if out else "")
    return line.encode("unicode_escape").decode("ascii")[:120]


def rules_probe(builder, command):
    def setup(d):
        rules = builder(d)
        args = {"check": ["check", str(SAMPLE), "-o", str(d / "o.xlsx")], "explain": ["explain", "U01"],
                "rules": ["rules"], "coverage": ["rules", "--coverage"]}[command]
        return args + ["--rules", str(rules)], None
    return setup


def p_output_onto_roster(d):
    r = roster(d / "r.xlsx")
    before = r.read_bytes()

    def check(o, d):
        return "roster UNCHANGED" if r.read_bytes() == before else "roster OVERWRITTEN"
    return ["check", str(SAMPLE), "--roster", str(r), "-o", str(r), "-q"], check


def p_fifo_in_folder(d):
    folder = d / "units"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    os.mkfifo(folder / "pipa.xlsx")
    return ["check", str(folder), "-o", str(d / "o.xlsx"), "--json", str(d / "o.json")], _json_mentions("pipa.xlsx")


def _json_mentions(name: str):
    def check(o, d):
        path = d / "o.json"
        if not path.exists():
            return "no JSON written"
        named = name in path.read_text(encoding="utf-8", errors="replace")
        return f"{name} {'named' if named else 'NOT named'} in JSON"
    return check


def p_non_utf8_name(d):
    folder = d / "units"
    folder.mkdir()
    shutil.copy(SAMPLE, os.fsencode(folder) + b"/u-\xff.xlsx")
    leftovers = set(os.listdir(tempfile.gettempdir()))

    def check(o, d):
        new = set(os.listdir(tempfile.gettempdir())) - leftovers
        return f"{len(new)} new entries in {tempfile.gettempdir()} (by any process)"
    return ["check", str(folder), "-o", str(d / "o.xlsx"), "-q"], check


def p_tall_pegawai(rows):
    def setup(d):
        unit_copy(d / "tall.xlsx", rows=rows)
        size = (d / "tall.xlsx").stat().st_size

        def check(o, d):
            lines = o.stdout.decode("utf-8", "replace").splitlines()
            return f"{rows:,} rows, {size / 1e6:.1f} MB; " + " ".join(lines[1:3])
        return ["check", str(d / "tall.xlsx"), "-o", str(d / "o.xlsx"), "--engine", "pandas"], check
    return setup


def p_roster_stray_cell(d):
    r = roster(d / "r.xlsx", stray_cell=True)
    return ["check", str(SAMPLE), "--roster", str(r), "-o", str(d / "o.xlsx"), "-q"], None


def p_control_chars(d):
    unit = unit_copy(d / "esc.xlsx", unit_code="\x1b[2J\x1b]0;judul\x07D1.AS1")

    def check(o, d):
        raw = b"\x1b" in o.stdout or b"\x1b" in o.stderr
        return "ESC printed RAW to the terminal" if raw else "no raw ESC on the terminal"
    return ["check", str(unit), "-o", str(d / "o.xlsx")], check


def p_option(*extra):
    def setup(d):
        def check(o, d):              # the summary's second line: units checked, files unreadable
            lines = o.stdout.decode("utf-8", "replace").splitlines()
            return lines[1] if len(lines) > 1 else ""
        return ["check", str(SAMPLE), "-o", str(d / "o.xlsx"), *extra], check
    return setup


def probes(tall_rows: int):
    return [
        ("1", "-o onto the roster", p_output_onto_roster),
        ("2", "FIFO named .xlsx in a folder", p_fifo_in_folder),
        ("3", "non-UTF-8 file name in a folder", p_non_utf8_name),
        ("4", "tall Pegawai sheet", p_tall_pegawai(tall_rows), True),
        ("5", "roster with a cell at XFD1048576", p_roster_stray_cell),
        ("6", "alias bomb in when: check", rules_probe(rules_bomb_when, "check")),
        ("6", "alias bomb in when: explain", rules_probe(rules_bomb_when, "explain")),
        ("6", "alias bomb in doc: check", rules_probe(rules_bomb_doc, "check")),
        ("6", "alias bomb in doc: explain", rules_probe(rules_bomb_doc, "explain")),
        ("6", "alias bomb in doc: rules", rules_probe(rules_bomb_doc, "rules")),
        ("6", "alias bomb in _coverage.yaml: rules --coverage", rules_probe(rules_bomb_coverage, "coverage")),
        ("6", "$or of 600 terms: check", rules_probe(rules_or600, "check")),
        ("6", "$or of 600 terms: explain", rules_probe(rules_or600, "explain")),
        ("6", "placeholder width 900000000: check", rules_probe(rules_width, "check")),
        ("6", "placeholder width 900000000: explain", rules_probe(rules_width, "explain")),
        ("6", "nesting 20 deep: check", rules_probe(rules_nest20, "check")),
        ("6", "nesting 20 deep: rules", rules_probe(rules_nest20, "rules")),
        ("7", "ESC[2J and OSC in the Kode Unit", p_control_chars),
        ("10", "--timeout inf", p_option("--timeout", "inf")),
        ("10", "--timeout nan", p_option("--timeout", "nan")),
        ("10", "--max-memory 10**15", p_option("--max-memory", str(10 ** 15))),
    ]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help="comma-separated substrings of probe names to run")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per probe (default 120)")
    ap.add_argument("--tall-rows", type=int, default=1_048_575, help="rows added to Pegawai (default: Excel's limit)")
    ap.add_argument("--memory-cap-mb", type=int, default=6144,
                    help="RLIMIT_AS per process of the tall-sheet probe (0: none)")
    ap.add_argument("--markdown", type=Path, help="also write the table as a Markdown section to this file")
    ap.add_argument("--source", type=Path, help="run the checker package found in this directory (PYTHONPATH), "
                    "e.g. an older commit's tree from `git archive`, instead of the installed one")
    args = ap.parse_args(argv)
    selected = probes(args.tall_rows)
    if args.only:
        keys = [k.strip() for k in args.only.split(",")]
        selected = [p for p in selected if any(k in p[1] for k in keys)]
    env = None
    if args.source:
        env = dict(os.environ, PYTHONPATH=str(args.source.resolve()))
    rows = []
    head = f"{'pt':>3}  {'probe':<46} {'exit':>7} {'wall s':>7} {'peak MB':>8}  seen"
    print(head)
    print("-" * len(head))
    for point, name, setup, *capped in selected:
        with tempfile.TemporaryDirectory(prefix="cek-probe-") as tmp:
            d = Path(tmp)
            built = time.monotonic()
            try:
                cmd, check = setup(d)
            except Exception as e:  # noqa: BLE001 - a probe that cannot be built is a row, not the end
                print(f"{point:>3}  {name:<46} inputs could not be built: {type(e).__name__}: {e}")
                continue
            built = time.monotonic() - built
            o = run(CEK + cmd, d, args.timeout, args.memory_cap_mb if capped else 0, env)
            seen = check(o, d) if check else _last_line(o)
            if check and o.code not in ("0", "1") and _last_line(o):
                seen += f"; {_last_line(o)}"
        rows.append((point, name, o.code, o.wall, o.peak_mb, seen.replace("|", "/")))
        print(f"{point:>3}  {name:<46} {o.code:>7} {o.wall:7.2f} {o.peak_mb:8.0f}  {seen}", flush=True)
        if built > 5:
            print(f"     (inputs built in {built:.1f} s, not counted)")
    if args.markdown:
        _write_markdown(args.markdown, rows, argv if argv is not None else sys.argv[1:], args)
    return 0


def _write_markdown(path: Path, rows, argv, args) -> None:
    import platform
    title = "## Probes (issue 13)" + (f", checker from {args.source}" if args.source else "")
    lines = [title, "",
             f"`python bench/probes.py {' '.join(argv)}` on {platform.node()} ({os.cpu_count()} cores, Python "
             f"{platform.python_version()}), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; per-probe timeout "
             f"{args.timeout:g} s; the tall-sheet probe's address space capped at {args.memory_cap_mb} MB per "
             "process. Peak: resident memory of the whole process tree.", "",
             "| point | probe | exit | wall s | peak MB | seen |", "|---|---|---|---|---|---|"]
    lines += [f"| {p} | {n} | {c} | {w:.2f} | {m:.0f} | {s} |" for p, n, c, w, m, s in rows]
    text = path.read_text(encoding="utf-8") if path.exists() else "# Probes\n\n"
    marker = title + "\n"
    if marker in text:
        before, _, after = text.partition(marker)
        rest = after.split("\n## ", 1)
        text = before + "\n".join(lines) + "\n" + ("\n## " + rest[1] if len(rest) > 1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
