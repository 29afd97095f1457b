"""What a slow client, a stray cell or a guessing visitor could do to the web page (issue 22,
"Nothing a stray cell or a slow client can stop"), each reproduced and now held."""
from __future__ import annotations

import io
import warnings
from pathlib import Path

import openpyxl
import pytest

pytest.importorskip("fastapi", reason="the [web] extra is not installed")

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from checker.web.app import create_app  # noqa: E402
from checker.web.settings import Settings  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROOT = Path(__file__).resolve().parents[2]
PANGAN = ROOT / "samples" / "d2-as1-pangan.xlsx"


def _files(path=PANGAN, name=None):
    return [("files", (name or path.name, Path(path).read_bytes(), "application/octet-stream"))]


# ------------------------------------------------------------------------------ point 6

def test_the_template_downloads_while_every_check_slot_is_busy():
    """It answered 500 after 30 s when the check slots were busy: it needs no slot."""
    with TestClient(create_app(Settings(warm=False, max_running=1, max_waiting=0))) as c:
        admission = c.app.state.admission
        admission.running = admission.max_running          # every slot taken, nobody may wait
        try:
            assert c.post("/api/check", files=_files()).status_code == 503     # a check: busy
            for lang in ("id", "en"):
                r = c.get("/templat.xlsx", params={"lang": lang})
                assert r.status_code == 200
                assert 'filename="pokja-unit.xlsx"' in r.headers["content-disposition"]
                wb = openpyxl.load_workbook(io.BytesIO(r.content))
                assert wb.sheetnames[0] == "Petunjuk" and "Pegawai" in wb.sheetnames
        finally:
            admission.running = 0


# ------------------------------------------------------------------------------ point 2

def _upload(c, *paths):
    from web.pages import csrf_of
    token = csrf_of(c.get("/").text)
    files = [("files", (Path(p).name, Path(p).read_bytes(), "application/octet-stream")) for p in paths]
    r = c.post("/periksa", data={"csrf": token}, files=files, follow_redirects=False)
    assert r.status_code == 303, r.text
    return r.headers["location"].split("?")[0]


def test_an_annotated_copy_is_made_under_the_servers_bounds(tmp_path):
    """A download of a copy that needs more than the server's memory limit (or declares 20,000
    sheets) held a check slot for minutes and gigabytes; now it is not made, the page says why
    in the user's language, and the other downloads are as before."""
    from heavy_copies import big_extra_sheet, many_sheets

    from checker.load.limits import Limits
    many = many_sheets(tmp_path / "banyak.xlsx", n=1_000)           # refused like 20,000, checked at once
    wide = big_extra_sheet(tmp_path / "lebar.xlsx", rows=16_000)      # over 256 MB in openpyxl
    with TestClient(create_app(Settings(warm=False, limits=Limits(memory_mb=256, timeout_s=60)))) as c:
        job = _upload(c, many, wide, PANGAN)
        r = c.get(f"{job}/id/diperiksa-1")
        assert r.status_code == 422
        assert ("Salinan beranotasi banyak.xlsx tidak dibuat: workbook ini memuat 1006 sheet, sedangkan salinan "
                "beranotasi dibuat untuk workbook dengan paling banyak 250 sheet.") in r.text
        c.get(job, params={"lang": "en"})
        r = c.get(f"{job}/en/diperiksa-2")
        assert r.status_code == 422
        assert ("No annotated copy of lebar.xlsx was made: making it needs more than the memory limit of 256 MB."
                in r.text)
        r = c.get(f"{job}/id/diperiksa-3")
        assert r.status_code == 200
        assert "Hasil cek-pokja" in openpyxl.load_workbook(io.BytesIO(r.content)).sheetnames
        assert c.app.state.admission.running == 0


# ------------------------------------------------------------------------------ point 8

def _start(tmp_path):
    import os
    import re
    import subprocess
    import sys
    env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "checker.web", "--port", "0"], cwd=tmp_path, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    m = re.search(r"(http://127\.0\.0\.1:\d+)", line)
    assert m, line
    return proc, m.group(1)


@pytest.mark.skipif(not hasattr(__import__("signal"), "SIGKILL"), reason="SIGKILL is POSIX")
def test_a_killed_servers_uploads_are_removed_by_the_next_start(tmp_path):
    import signal

    import httpx

    from web.pages import csrf_of
    proc, url = _start(tmp_path)
    try:
        with httpx.Client(base_url=url, timeout=60) as c:
            token = csrf_of(c.get("/").text)
            r = c.post("/periksa", data={"csrf": token}, files=_files(), follow_redirects=False)
            assert r.status_code == 303
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    [root] = list(tmp_path.glob("cek-pokja-web-*"))
    uploads = list(root.glob("*/in/*.xlsx"))
    assert len(uploads) == 1 and uploads[0].read_bytes() == PANGAN.read_bytes()    # left behind, unit data
    stranger = tmp_path / "cek-pokja-web-zzzzzzzz"                # not locked by any server: not provably ours
    stranger.mkdir()
    proc, url = _start(tmp_path)
    try:
        roots = {p.name for p in tmp_path.glob("cek-pokja-web-*")}
        assert root.name not in roots and stranger.name in roots and len(roots) == 2
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)
    assert [p.name for p in tmp_path.glob("cek-pokja-web-*")] == [stranger.name]


def test_a_client_that_goes_away_is_logged_as_a_disconnect_not_an_error(caplog):
    """An upload cut off by its client was logged as "internal error ClientDisconnect"."""
    import logging
    import socket
    import time

    from web.live import LiveServer
    caplog.set_level(logging.INFO, logger="cek_pokja.web")
    with LiveServer(warm=False) as server:
        for path in ("/api/check", "/periksa"):
            with socket.create_connection(("127.0.0.1", server.port)) as sock:
                sock.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n"
                             "Content-Type: multipart/form-data; boundary=b\r\n\r\n--b\r\n".encode())
                deadline = time.monotonic() + 20
                while server.state.admission.inside == 0 and time.monotonic() < deadline:
                    time.sleep(0.01)                 # the body is being received
            deadline = time.monotonic() + 20
            while server.state.admission.inside and time.monotonic() < deadline:
                time.sleep(0.01)
    records = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "cek_pokja.web"]
    assert ("INFO", "client disconnected before its answer (/api)") in records, records
    assert ("INFO", "client disconnected before its answer (/periksa)") in records, records
    assert not [r for r in records if r[0] == "ERROR"], records


# ------------------------------------------------------------------------------ point 7

CODE = "kode-biro-2025"


def _login(c, code):
    from web.pages import csrf_of
    token = csrf_of(c.get("/masuk").text)
    return c.post("/masuk", data={"csrf": token, "code": code, "next": "/"}, follow_redirects=False)


def test_the_access_code_cannot_be_guessed_at_full_speed():
    """300 wrong codes went through in 18.6 s, with no delay and no lock-out, on the page and
    on the API. Now 5 wrong codes per client and window, then 429 with Retry-After (a right
    code too, until the window moves on), in the user's language; other clients go on."""
    app = create_app(Settings(warm=False, access_code=CODE))
    with TestClient(app, client=("10.0.0.7", 50000)) as c:
        for i in range(5):
            assert _login(c, f"salah-{i}").status_code == 401
        r = _login(c, "salah-5")
        assert r.status_code == 429
        seconds = int(r.headers["retry-after"])
        assert 500 <= seconds <= 600
        assert (f"Terlalu banyak kode akses yang salah dari komputer ini atau dari seluruh pengguna. Coba lagi dalam "
                f"{seconds} detik.") in r.text
        assert _login(c, CODE).status_code == 429                       # the right code waits as well
        r = c.post("/api/check", files=_files(), headers={"X-Access-Code": CODE}, params={"lang": "en"})
        assert r.status_code == 429 and r.headers["retry-after"].isdigit()
        assert r.json()["error"]["code"] == "too_many_tries"
        assert r.json()["error"]["message"].startswith("Too many wrong access codes")
    with TestClient(app, client=("10.0.0.8", 50000)) as other:          # another computer is not locked out
        assert _login(other, CODE).status_code == 303
        assert other.get("/").status_code == 200                       # its cookie lets it in from now on


def test_wrong_codes_on_the_api_count_too():
    app = create_app(Settings(warm=False, access_code=CODE))
    with TestClient(app, client=("10.0.0.9", 50000)) as c:
        answers = [c.post("/api/check", files=_files(), headers={"X-Access-Code": f"x{i}"}).status_code
                   for i in range(6)]
        assert answers == [401] * 5 + [429]
        assert _login(c, CODE).status_code == 429                       # the page shares the count


def test_the_throttle_counts_per_client_and_for_everyone():
    from checker.web.throttle import Throttle
    now = [1000.0]
    th = Throttle(per_client=3, overall=5, window_s=60, clock=lambda: now[0])
    for _ in range(3):
        assert th.wait("a") == 0
        th.failed("a")
    assert th.wait("a") == 60 and th.wait("b") == 0
    th.failed("b")
    th.failed("c")                                                        # five wrong codes in all
    assert th.wait("d") == 60                                             # nobody may guess now
    now[0] += 30
    assert th.wait("a") == 30
    now[0] += 30
    assert th.wait("a") == 0 and th.wait("d") == 0


# ------------------------------------------------------------------------------ point 8: Origin, Host

def test_off_loopback_a_cross_site_post_is_refused_and_the_host_checked():
    """/api/check checked neither Origin nor Host off loopback."""
    app = create_app(Settings(warm=False, host="0.0.0.0", access_code=CODE,
                              allowed_hosts=("cek-pokja.intranet",)))
    with TestClient(app, base_url="http://cek-pokja.intranet:8000") as c:
        code = {"X-Access-Code": CODE}
        r = c.post("/api/check", files=_files(), headers={**code, "Origin": "http://jahat.example"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "origin"
        assert r.json()["error"]["message"] == ("Permintaan ini datang dari situs lain (http://jahat.example) "
                                                "sehingga ditolak. Buka halaman ini langsung pada alamat server.")
        r = c.post("/api/check", files=_files(), headers={**code, "Sec-Fetch-Site": "cross-site"})
        assert r.status_code == 403
        r = c.post("/api/check", files=_files(), headers={**code, "Origin": "http://cek-pokja.intranet:8000"})
        assert r.status_code == 200 and r.json()["findings"]
        assert c.post("/api/check", files=_files(), headers=code).status_code == 200      # a script: no Origin
        r = c.get("/api/health", headers={**code, "Host": "jahat.example"})
        assert r.status_code == 400 and r.json()["error"]["code"] == "host"
        page = c.post("/masuk", data={"code": CODE}, headers={"Origin": "http://jahat.example"})
        assert page.status_code == 403 and "datang dari situs lain" in page.text
    with TestClient(create_app(Settings(warm=False))) as local:            # loopback: as before
        r = local.post("/api/check", files=_files(), headers={"Origin": "http://jahat.example"})
        assert r.status_code == 200


# ------------------------------------------------------------------------------ point 3

def _trickle(port: int, source: str, stop, answers: list) -> None:
    """A client that sends an upload's headers, then one byte every 0.3 s, and keeps the answer."""
    import socket
    import time
    try:
        sock = socket.create_connection(("127.0.0.1", port), source_address=(source, 0), timeout=30)
    except OSError as e:                                   # pragma: no cover - no second loopback address
        answers.append(f"cannot connect: {e}")
        return
    with sock:
        sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n"
                     b"Content-Type: multipart/form-data; boundary=b\r\n\r\n"
                     b'--b\r\nContent-Disposition: form-data; name="files"; filename="a.xlsx"\r\n\r\n')
        sock.settimeout(0.3)
        data = b""
        while not stop.is_set():
            try:
                sock.sendall(b"x")                      # one more byte of the file
                data += sock.recv(65536)
                if b"\r\n\r\n" in data:
                    break
            except TimeoutError:
                continue
            except OSError:
                break
        answers.append(data.split(b"\r\n", 1)[0].decode("latin-1"))
        time.sleep(0.1)


def test_slow_uploads_cannot_hold_every_place():
    """52 connections sending a byte every 5 s held every admission place, and every other
    upload got 503 while they stayed open. Now a newcomer takes the place of the slowest upload
    below the minimum rate (it ends with 408), and every upload below it is cut off (408) after
    the grace period; an upload at a normal rate is checked."""
    import threading
    import time

    import httpx

    from web.live import LiveServer
    with LiveServer(warm=False, max_running=1, max_waiting=3, upload_grace_seconds=4.0) as server:
        stop, answers = threading.Event(), []
        slow = [threading.Thread(target=_trickle, args=(server.port, "127.0.0.2", stop, answers)) for _ in range(6)]
        for th in slow:
            th.start()
        try:
            deadline = time.monotonic() + 20
            while len(answers) < 2 and time.monotonic() < deadline:
                time.sleep(0.02)
            assert server.state.admission.inside == 4                  # every place taken by a slow upload
            time.sleep(1.2)                                            # they have shown their rate
            with httpx.Client(base_url=server.url, timeout=60) as c:   # someone else uploads meanwhile
                r = c.post("/api/check", files=_files())
            assert r.status_code == 200 and r.json()["findings"]
        finally:
            for th in slow:
                th.join(30)
            stop.set()
        assert sorted(answers) == ["HTTP/1.1 408 Request Timeout"] * 4 + ["HTTP/1.1 503 Service Unavailable"] * 2
        assert server.state.admission.inside == 0


def test_an_upload_at_a_normal_rate_is_never_displaced():
    import asyncio

    from checker.web.admission import Admission, Busy

    async def scenario():
        adm = Admission(1, 1, 5, min_rate=1000)
        with adm.admit() as fast, adm.admit() as quiet:
            fast.receiving = True
            fast.start -= 2
            fast.received = 5000                                     # 2,500 bytes/s
            quiet.start -= 2                                         # not receiving: waiting or checking
            try:
                with adm.admit():
                    return "admitted"
            except Busy:
                return "busy"

    assert asyncio.run(scenario()) == "busy"


# ------------------------------------------------------------------------------ docs/layanan-intranet.md

def test_the_service_guide_starts_serve_with_options_it_has(monkeypatch):
    """The systemd unit and the WinSW service of docs/layanan-intranet.md run a `serve` command
    line this version accepts, off loopback, with the access code from the environment."""
    import re
    import shlex

    from click.testing import CliRunner

    from checker.web import command
    guide = (ROOT / "docs" / "layanan-intranet.md").read_text(encoding="utf-8")
    exec_start = re.search(r"^\s*ExecStart=\S+/cek-pokja (serve .*)$", guide, re.M).group(1)
    winsw = re.search(r"<arguments>(serve .*)</arguments>", guide).group(1)
    assert "EnvironmentFile=/etc/cek-pokja/akses.env" in guide and "KillSignal=SIGTERM" in guide
    assert '<env name="CEK_POKJA_ACCESS_CODE"' in guide and "https://github.com/winsw/winsw" in guide
    seen = []
    monkeypatch.setattr(command, "run_server", lambda settings: seen.append(settings) or 0)
    monkeypatch.setenv("CEK_POKJA_ACCESS_CODE", CODE)
    for line in (exec_start, winsw):
        r = CliRunner().invoke(command.serve, shlex.split(line)[1:])
        assert r.exit_code == 0, r.output
    assert [(s.host, s.access_code, s.allowed_hosts) for s in seen] == [
        ("0.0.0.0", CODE, ("cek-pokja.intranet",))] * 2
