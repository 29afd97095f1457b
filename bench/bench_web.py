"""Load benchmark of the self-check web page (`cek-pokja serve`), not a timed test.

    python bench/bench_web.py [--rounds 7] [--results bench/RESULTS.md]

In one run, on this machine:
1. the floor: `cek-pokja check FILE --json J -o X -q` from the shell (interpreter start
   included, as a person runs it), median of --rounds runs;
2. one upload to the warm server, the same file: POST /api/check (the JSON) and POST
   /periksa (the page's check: JSON, findings workbook and annotated copy written), median
   of --rounds, interleaved round by round with the CLI runs so that both see the same load;
3. 20 clients uploading one unit each at once (POST /api/check), then 200 uploads by 10
   clients: p50 and p95 latency, errors (any status but 200);
4. the server's memory (RSS of its process tree, sampled every 20 ms): idle after warm-up,
   peak under load, and 5 s after the load.

The server runs with its defaults (checks at once = cores, 50 waiting, 30 s each). With
--results the "## Web page" section of that file is replaced (or appended).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from proctree import PeakSampler, tree_rss_kb

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.xlsx"))
ONE = ROOT / "samples" / "d1-as1-moneter.xlsx"
HEADING = "## Web page"


def rss_tree_mb(pid: int) -> float:
    return tree_rss_kb(pid) / 1024


def cpu_tree_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by `pid` and its live descendants, from /proc."""
    total, todo, seen, tick = 0.0, [pid], set(), os.sysconf("SC_CLK_TCK")
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rpartition(")")[2].split()
            total += (int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])) / tick
            for task in Path(f"/proc/{p}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total


def start_server(tmp: str):
    env = {**os.environ, "TMPDIR": tmp, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "checker.web", "--port", "0"], env=env, cwd=tmp,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    m = re.search(r"(http://127\.0\.0\.1:\d+)", line)
    if not m:
        proc.kill()
        raise SystemExit(f"the server did not start: {line}")
    return proc, m.group(1)


def cli_once(path: Path, out: str) -> float:
    cli = shutil.which("cek-pokja") or str(Path(sys.executable).with_name("cek-pokja"))
    t0 = time.perf_counter()
    done = subprocess.run([cli, "check", str(path), "--json", os.path.join(out, "c.json"), "-o",
                           os.path.join(out, "c.xlsx"), "-q"], capture_output=True)
    elapsed = time.perf_counter() - t0
    assert done.returncode in (0, 1), done.stderr
    return elapsed


def api_once(client: httpx.Client, path: Path) -> tuple[float, int]:
    t0 = time.perf_counter()
    r = client.post("/api/check", files=[("files", (path.name, path.read_bytes()))])
    return time.perf_counter() - t0, r.status_code


def page_once(client: httpx.Client, path: Path, token: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    r = client.post("/periksa", data={"csrf": token}, files=[("files", (path.name, path.read_bytes()))],
                    follow_redirects=False)
    return time.perf_counter() - t0, r.status_code


def csrf(client: httpx.Client) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', client.get("/").text).group(1)


def burst(url: str, clients: int, uploads: int) -> dict:
    """`uploads` API uploads by `clients` threads, each with its own connection."""
    local = threading.local()

    def one(i):
        if not hasattr(local, "client"):
            local.client = httpx.Client(base_url=url, timeout=120)
        return api_once(local.client, SAMPLES[i % len(SAMPLES)])

    t0 = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(one, range(uploads)))
    wall = time.perf_counter() - t0
    times = sorted(t for t, _ in results)
    return {"n": uploads, "clients": clients, "wall": wall, "p50": statistics.median(times),
            "p95": times[max(0, round(0.95 * len(times)) - 1)], "max": times[-1],
            "errors": sum(1 for _, s in results if s != 200),
            "statuses": sorted({s for _, s in results})}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--results", type=Path)
    args = ap.parse_args()
    load_before = os.getloadavg()[0]
    tmp = tempfile.mkdtemp(prefix="bench-web-")
    proc, url = start_server(tmp)
    try:
        with httpx.Client(base_url=url, timeout=120) as c:
            api_once(c, ONE)                                   # warm the connection and the caches
            token = csrf(c)
            page_once(c, ONE, token)
            time.sleep(1)
            idle = rss_tree_mb(proc.pid)
            cli, api, page = [], [], []
            for _ in range(args.rounds):                       # interleaved: the same load for each
                cli.append(cli_once(ONE, tmp))
                api.append(api_once(c, ONE)[0])
                page.append(page_once(c, ONE, token)[0])
        with PeakSampler(proc.pid) as sampler:
            b20 = burst(url, 20, 20)
            cpu0 = cpu_tree_s(proc.pid)
            b200 = burst(url, 10, 200)
            cpu_per_upload = (cpu_tree_s(proc.pid) - cpu0) / b200["n"]
        peak_mb = sampler.peak_kb / 1024
        time.sleep(5)
        after = rss_tree_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(60)
        shutil.rmtree(tmp, ignore_errors=True)
    m_cli, m_api, m_page = (statistics.median(x) for x in (cli, api, page))
    lines = [
        HEADING, "",
        f"Command: `python bench/bench_web.py --rounds {args.rounds} --results bench/RESULTS.md`. "
        f"Run: {time.strftime('%Y-%m-%d %H:%M')}; {os.cpu_count()} cores; load average before the run "
        f"{load_before:.1f}, after {os.getloadavg()[0]:.1f} (the machine is shared with other jobs); "
        f"server `python -m checker.web` with its defaults "
        f"(checks at once = {os.cpu_count()}, 50 waiting, 30 s each), warm.",
        "",
        f"One upload of `{ONE.relative_to(ROOT)}`, median of {args.rounds}, interleaved round by round:",
        f"- floor, `cek-pokja check FILE --json J -o X -q` from the shell: {m_cli:.3f} s",
        f"- `POST /api/check` (the JSON): {m_api:.3f} s = {m_api / m_cli:.2f}x the floor (target at most 1.2x)",
        f"- `POST /periksa` (the page's check: JSON, findings workbook and annotated copy): {m_page:.3f} s = "
        f"{m_page / m_cli:.2f}x the floor",
        "",
        "| load | uploads | wall s | p50 s | p95 s | max s | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
        f"| 20 clients at once, one unit each | {b20['n']} | {b20['wall']:.2f} | {b20['p50']:.2f} | "
        f"{b20['p95']:.2f} | {b20['max']:.2f} | {b20['errors']} |",
        f"| 10 clients, 200 uploads | {b200['n']} | {b200['wall']:.2f} | {b200['p50']:.2f} | "
        f"{b200['p95']:.2f} | {b200['max']:.2f} | {b200['errors']} |",
        "",
        f"Server memory (RSS of its process tree): idle {idle:.0f} MB, peak under load {peak_mb:.0f} MB, "
        f"5 s after the load {after:.0f} MB ({after - idle:+.0f} MB; target within 50 MB of idle).",
        f"Server CPU per upload (user + system, its process tree, during the 200 uploads): "
        f"{cpu_per_upload:.3f} s; so 20 uploads at once need at least 20 x {cpu_per_upload:.3f} / "
        f"{os.cpu_count()} cores = {20 * cpu_per_upload / os.cpu_count():.2f} s of wall time on an otherwise idle "
        f"machine (the bound the 20-client p95 is measured against).",
        f"Targets: no error ({b20['errors'] + b200['errors']} errors), p95 at most 3 s under 20 concurrent uploads "
        f"({b20['p95']:.2f} s), one upload at most 1.2x the CLI ({m_api / m_cli:.2f}x).",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.results:
        old = args.results.read_text(encoding="utf-8") if args.results.exists() else ""
        if HEADING in old:
            head, _, rest = old.partition(HEADING)
            nxt = rest.find("\n## ")
            old = head.rstrip("\n") + "\n\n" + (rest[nxt + 1:] if nxt >= 0 else "")
        args.results.write_text(old.rstrip("\n") + "\n\n" + text, encoding="utf-8")


if __name__ == "__main__":
    main()
