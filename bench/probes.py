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

`--set 22` runs the probes of issue 22 ("Nothing a stray cell or a slow client can stop")
instead: 1 a stray cell at XFD1048576 and XFD4000 on the Temuan sheet given to --compare and
--waivers (pymp-* folders left in the probe's own TMPDIR counted); 2 the annotated copy of a
121 KB workbook declaring 20,000 sheets; 4 a Latin-1 and a cp437 terminal (PYTHONIOENCODING)
for check, --format baris, rules and explain; 5 a date cell holding NaN; and, on a real server
started by the probe (`--drive NAME`, this script driving `python -m checker.web`): 3 slow
uploads (52 connections from 127.0.0.2 sending a byte every 5 s, then an upload from
127.0.0.1), 6 the template while the only check slot is busy, 7 300 wrong access codes on the
page, then 300 on the API. `--label` names the Markdown section (e.g. the commit measured).
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
_ENV: dict = {}                  # the environment the probes run in (main sets it: --source)


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
    """`args` run in their own process group, measured (module doc)."""
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


# ---------------------------------------------------------------------------------------------
# issue 22

def _findings_workbook(d: Path, stray=None) -> Path:
    """The findings workbook of a check of the sample (an earlier run), with a stray cell."""
    import openpyxl
    path = d / "temuan-lama.xlsx"
    subprocess.run(CEK + ["check", str(SAMPLES / "d1-as2-fiskal.xlsx"), "-o", str(path), "-q"], cwd=d,
                   capture_output=True, env=_ENV, timeout=300)
    if stray:
        wb = openpyxl.load_workbook(path)
        wb["Temuan"].cell(row=stray[0], column=stray[1], value="x")
        wb.save(path)
    return path


def p22_stray(option: str, stray):
    def setup(d):
        earlier = _findings_workbook(d, stray)
        tmp = d / "tmp"
        tmp.mkdir()

        def check(o, d):
            return f"pymp-* left: {len(list(tmp.glob('pymp-*')))}"
        return ["check", str(SAMPLE), option, str(earlier), "-o", str(d / "o.xlsx"), "-q"], check, {"TMPDIR": str(tmp)}
    return setup


def p22_many_sheets(d):
    sys.path.insert(0, str(ROOT / "tests"))
    from heavy_copies import many_sheets
    many = many_sheets(d / "banyak.xlsx")

    def check(o, d):
        made = (d / "salinan" / "banyak.diperiksa.xlsx").exists()
        return f"{many.stat().st_size // 1000} KB; copy {'MADE' if made else 'not made'}; {_last_line(o)[:80]}"
    return ["check", str(many), "-o", str(d / "o.xlsx"), "-q", "--annotate-dir", str(d / "salinan")], check


def p22_terminal(encoding: str, *args):
    def setup(d):
        shutil.copytree(SAMPLES, d / "samples", ignore=shutil.ignore_patterns("*.py", "*.md"))

        def check(o, d):
            text = o.stdout.decode(encoding, "replace")
            return f"{len(text.splitlines())} lines out; {_last_line(o)[:80]}" if o.code not in ("0", "1") else \
                f"{len(text.splitlines())} lines out, {text.count('?')} replaced characters"
        cmd = [a.replace("SAMPLES", str(d / "samples")) for a in args]
        return cmd, check, {"PYTHONIOENCODING": encoding}
    return setup


def p22_nan_date(d):
    import re
    import zipfile

    import openpyxl
    path = d / "nan.xlsx"
    wb = openpyxl.load_workbook(SAMPLE)
    ws = wb["Pokja"]
    col = [c.value for c in ws[1]].index("Tanggal SK") + 1
    ws.cell(row=2, column=col, value=12345.5).number_format = "dd/mm/yyyy"
    wb.save(path)
    members = {}
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            members[name] = z.read(name)
    part = f"xl/worksheets/sheet{wb.sheetnames.index('Pokja') + 1}.xml"
    members[part] = re.sub(rb"<v>12345\.5</v>", b"<v>NaN</v>", members[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in members.items():
            z.writestr(name, body)
    letter = openpyxl.utils.get_column_letter(col)

    def check(o, d):
        import json
        doc = json.loads((d / "o.json").read_text(encoding="utf-8"))
        on_cell = [f["rule"] for f in doc["findings"] if f["sheet"] == "Pokja" and f["row"] == 2]
        return f"Pokja!{letter}2 holding NaN: findings {', '.join(on_cell) or 'none'}"
    return ["check", str(path), "--json", str(d / "o.json"), "-q"], check


def p22_drive(name: str):
    def setup(d):
        def check(o, d):
            out = o.stdout.decode("utf-8", "replace").strip().splitlines()
            return out[-1] if out else _last_line(o)
        return [sys.executable, str(Path(__file__).resolve()), "--drive", name], check
    return setup


# the web scenarios, run by `--drive NAME` in their own process (the probe measures it and its server)

def _server(tmp: str, *options, env=None):
    import re
    env = dict(os.environ, TMPDIR=tmp, PYTHONUNBUFFERED="1", **(env or {}))
    proc = subprocess.Popen([sys.executable, "-m", "checker.web", "--port", "0", *options], env=env, cwd=tmp,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    m = re.search(r"(http://127\.0\.0\.1:(\d+))", line)
    if not m:
        proc.kill()
        raise SystemExit(f"the server did not start: {line.strip()}")
    return proc, m.group(1), int(m.group(2))


def _stop(proc) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()


def _sample_files(n: int = 1):
    data = SAMPLE.read_bytes()
    return [("files", (f"u{i:02d}.xlsx", data, "application/octet-stream")) for i in range(n)]


def drive_slow_uploads(tmp: str) -> str:
    import socket
    import threading

    import httpx
    proc, url, port = _server(tmp)
    stop, answers, socks = threading.Event(), [], []

    def trickle():
        try:
            sock = socket.create_connection(("127.0.0.1", port), source_address=("127.0.0.2", 0), timeout=5)
        except OSError as e:
            answers.append(f"no connection: {e}")
            return
        socks.append(sock)
        sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n"
                     b"Content-Type: multipart/form-data; boundary=b\r\n\r\n"
                     b'--b\r\nContent-Disposition: form-data; name="files"; filename="a.xlsx"\r\n\r\n')
        sock.settimeout(5)
        data = b""
        while not stop.is_set() and b"\r\n" not in data:
            try:
                sock.sendall(b"x")
                data += sock.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                break
        answers.append(data.split(b"\r\n", 1)[0].decode("latin-1").replace("HTTP/1.1 ", "") or "still open")
    try:
        threads = [threading.Thread(target=trickle, daemon=True) for _ in range(52)]
        for th in threads:
            th.start()
        time.sleep(3)
        t0 = time.monotonic()
        with httpx.Client(base_url=url, timeout=120) as c:
            status = c.post("/api/check", files=_sample_files()).status_code
        other = f"{status} in {time.monotonic() - t0:.1f} s"
        time.sleep(15)
        stop.set()
        for th in threads:
            th.join(10)
    finally:
        for sock in socks:
            sock.close()
        _stop(proc)
    from collections import Counter
    seen = ", ".join(f"{n} x {a}" for a, n in sorted(Counter(answers).items()))
    return f"an upload from 127.0.0.1 after 3 s: {other}; the 52 slow ones after 18 s: {seen}"


def drive_template_busy(tmp: str) -> str:
    import threading

    import httpx
    big = unit_copy(Path(tmp) / "besar.xlsx", rows=19_000).read_bytes()     # a Pegawai sheet near its row limit
    files = [("files", (f"u{i}.xlsx", big, "application/octet-stream")) for i in range(8)]
    proc, url, _ = _server(tmp, "--max-running", "1", "--max-waiting", "1", "--wait-seconds", "3")
    got = {}

    def long_check():
        t0 = time.monotonic()
        with httpx.Client(base_url=url, timeout=300) as c:
            got["check"] = (c.post("/api/check", files=files).status_code, time.monotonic() - t0)
    try:
        th = threading.Thread(target=long_check)
        th.start()
        time.sleep(1.5)
        t0 = time.monotonic()
        with httpx.Client(base_url=url, timeout=120) as c:
            status = c.get("/templat.xlsx").status_code
        template = f"{status} in {time.monotonic() - t0:.1f} s"
        th.join(300)
    finally:
        _stop(proc)
    status, took = got.get("check", ("?", 0.0))
    return (f"GET /templat.xlsx while an 8-file check held the only slot: {template} "
            f"(the check: {status} in {took:.1f} s)")


def drive_access_code(tmp: str) -> str:
    import re
    from collections import Counter

    import httpx
    proc, url, _ = _server(tmp, env={"CEK_POKJA_ACCESS_CODE": "kode-biro-yang-benar"})
    try:
        with httpx.Client(base_url=url, timeout=60) as c:
            token = re.search(r'name="csrf" value="([^"]+)"', c.get("/masuk").text).group(1)
            t0 = time.monotonic()
            page = Counter(c.post("/masuk", data={"csrf": token, "code": f"tebak-{i}", "next": "/"},
                                  follow_redirects=False).status_code for i in range(300))
            page_s = time.monotonic() - t0
            t0 = time.monotonic()
            api = Counter(c.get("/api/health", headers={"X-Access-Code": f"tebak-{i}"}).status_code
                          for i in range(300))
            api_s = time.monotonic() - t0
    finally:
        _stop(proc)

    def said(counts):
        return " + ".join(f"{n} x {s}" for s, n in sorted(counts.items()))
    return f"page: {said(page)} in {page_s:.1f} s; API: {said(api)} in {api_s:.1f} s"


DRIVERS = {"slow-uploads": drive_slow_uploads, "template-busy": drive_template_busy, "access-code": drive_access_code}


def probes22():
    return [
        ("1", "XFD1048576 on Temuan: --compare", p22_stray("--compare", (1_048_576, 16_384))),
        ("1", "XFD1048576 on Temuan: --waivers", p22_stray("--waivers", (1_048_576, 16_384))),
        ("1", "XFD4000 on Temuan: --compare", p22_stray("--compare", (4_000, 16_384))),
        ("1", "XFD4000 on Temuan: --waivers", p22_stray("--waivers", (4_000, 16_384))),
        ("2", "annotated copy of 20,000 sheet entries", p22_many_sheets),
        ("3", "52 slow uploads, then another", p22_drive("slow-uploads")),
        ("4", "latin-1 terminal: check", p22_terminal("latin-1", "check", "SAMPLES", "-o", "o.xlsx")),
        ("4", "latin-1 terminal: --format baris", p22_terminal("latin-1", "check", "SAMPLES", "--format", "baris")),
        ("4", "latin-1 terminal: rules", p22_terminal("latin-1", "rules")),
        ("4", "latin-1 terminal: explain", p22_terminal("latin-1", "explain", "K05")),
        ("4", "cp437 terminal: check", p22_terminal("cp437", "check", "SAMPLES", "-o", "o.xlsx")),
        ("5", "date cell holding NaN", p22_nan_date),
        ("6", "template while the check slot is busy", p22_drive("template-busy")),
        ("7", "300 wrong access codes, page then API", p22_drive("access-code")),
    ]


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
    ap.add_argument("--set", choices=("13", "22"), default="13", help="the probes of issue 13 (default) or 22")
    ap.add_argument("--label", help="what the Markdown section says was measured (e.g. a commit)")
    ap.add_argument("--drive", choices=sorted(DRIVERS), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.drive:                          # one web scenario, in this process (module doc)
        with tempfile.TemporaryDirectory(prefix="cek-drive-", dir="/tmp") as tmp:
            print(DRIVERS[args.drive](tmp), flush=True)
        return 0
    selected = probes(args.tall_rows) if args.set == "13" else probes22()
    if args.only:
        keys = [k.strip() for k in args.only.split(",")]
        selected = [p for p in selected if any(k in p[1] for k in keys)]
    env = dict(os.environ)
    if args.source:
        env["PYTHONPATH"] = str(args.source.resolve())
    _ENV.update(env)
    rows = []
    head = f"{'pt':>3}  {'probe':<46} {'exit':>7} {'wall s':>7} {'peak MB':>8}  seen"
    print(head)
    print("-" * len(head))
    for point, name, setup, *capped in selected:
        with tempfile.TemporaryDirectory(prefix="cek-probe-") as tmp:
            d = Path(tmp)
            built = time.monotonic()
            try:
                cmd, check, *extra = setup(d)
            except Exception as e:  # noqa: BLE001 - a probe that cannot be built is a row, not the end
                print(f"{point:>3}  {name:<46} inputs could not be built: {type(e).__name__}: {e}")
                continue
            built = time.monotonic() - built
            cmd = cmd if cmd[0] == sys.executable else CEK + cmd
            o = run(cmd, d, args.timeout, args.memory_cap_mb if capped else 0, {**env, **(extra[0] if extra else {})})
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
    import shlex
    title = f"## Probes (issue {args.set})" + (f": {args.label}" if args.label else
                                               f", checker from {args.source}" if args.source else "")
    lines = [title, "",
             f"`python bench/probes.py {shlex.join(argv)}` on {platform.node()} ({os.cpu_count()} cores, Python "
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
