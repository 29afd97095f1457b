"""The web server's bounds, on a real server where it matters: the size limit while the body
streams in, checks at once and waiting (503 + Retry-After), expiry, cleanup on shutdown and
SIGTERM, and logs without personal data."""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the [web] extra is not installed")

import httpx  # noqa: E402

from checker.web import checking  # noqa: E402
from checker.web.admission import Admission  # noqa: E402
from web.live import LiveServer  # noqa: E402
from web.pages import csrf_of  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROOT = Path(__file__).resolve().parents[2]
PANGAN = ROOT / "samples" / "d2-as1-pangan.xlsx"


def _files():
    return [("files", ("d2-as1-pangan.xlsx", PANGAN.read_bytes(), "application/octet-stream"))]


def _read_response(sock, timeout=10.0) -> bytes:
    sock.settimeout(timeout)
    data = b""
    try:
        while b"\r\n\r\n" not in data or len(data) < data.index(b"\r\n\r\n") + 4 + _length(data):
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    except (ConnectionResetError, TimeoutError):
        pass
    return data


def _length(data: bytes) -> int:
    m = re.search(rb"content-length: (\d+)", data, re.I)
    return int(m.group(1)) if m else 0


@pytest.fixture(scope="module")
def server():
    with LiveServer(warm=False, max_upload_mb=1, max_running=1, max_waiting=0, wait_seconds=0.5) as srv:
        yield srv


# ------------------------------------------------------------------------------ size

def test_a_declared_oversized_upload_is_refused_before_its_body_is_read(server):
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        t0 = time.monotonic()
        sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     b"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 2147483648\r\n\r\n--b\r\n")
        reply = _read_response(sock)
        assert time.monotonic() - t0 < 5
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413 ")
    assert json.loads(body) == {"error": {"status": 413, "code": "too_large", "message": (
        "Unggahan melebihi batas 1 MB. Periksa lebih sedikit berkas sekaligus, atau minta pengelola server "
        "menaikkan batasnya (--max-upload-mb).")}}


def test_a_streamed_upload_is_cut_off_once_it_passes_the_limit(server):
    """A chunked body that would be 2 GB: the server answers 413 after about 1 MB, the client
    cannot push more than the limit plus what the sockets buffer."""
    chunk = b"x" * 65536
    sent = 0
    reply = {}
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                     b"Content-Type: multipart/form-data; boundary=b\r\n\r\n")
        # a well-formed start (one file part), so the parser reads on into the file's data
        head = b'--b\r\nContent-Disposition: form-data; name="files"; filename="a.xlsx"\r\n\r\n'
        sock.sendall(b"%x\r\n" % len(head) + head + b"\r\n")
        reader = threading.Thread(target=lambda: reply.setdefault("data", _read_response(sock, 30)))
        reader.start()
        t0 = time.monotonic()
        try:
            while sent < 2 * 1024 ** 3 and reader.is_alive() and time.monotonic() - t0 < 30:
                sock.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        reader.join(30)
    assert reply["data"].startswith(b"HTTP/1.1 413 "), reply["data"][:200]
    assert b'"code":"too_large"' in reply["data"]
    assert sent < 64 * 1024 ** 2, f"{sent} bytes went in before the server stopped reading"


def test_the_page_says_the_upload_is_too_large_in_indonesian(server, tmp_path):
    big = tmp_path / "besar.xlsx"
    big.write_bytes(os.urandom(1_200_000))
    with httpx.Client(base_url=server.url) as c:
        token = csrf_of(c.get("/").text)
        r = c.post("/periksa", data={"csrf": token}, files=[("files", ("besar.xlsx", big.read_bytes()))])
    assert r.status_code == 413
    assert "Unggahan melebihi batas 1 MB." in r.text and 'role="alert"' in r.text


# ------------------------------------------------------------------------------ admission

class Gate:
    """Holds every check until opened: a check that takes as long as the test wants."""

    def __init__(self, monkeypatch):
        self.open = threading.Event()
        real = checking.run_batch

        def held(*args, **kwargs):
            self.open.wait(30)
            return real(*args, **kwargs)
        monkeypatch.setattr(checking, "run_batch", held)


def _post_api(url, out, key):
    with httpx.Client(base_url=url, timeout=60) as c:
        t0 = time.monotonic()
        r = c.post("/api/check", files=_files())
        out[key] = (r, time.monotonic() - t0)


def _wait_for(predicate, timeout=20.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_beyond_the_running_and_waiting_checks_the_answer_is_503_at_once(server, monkeypatch):
    gate = Gate(monkeypatch)
    admission = server.state.admission
    out = {}
    first = threading.Thread(target=_post_api, args=(server.url, out, "first"))
    first.start()
    try:
        _wait_for(lambda: admission.running == 1)
        with httpx.Client(base_url=server.url) as c:
            t0 = time.monotonic()
            r = c.post("/api/check", files=_files())
            elapsed = time.monotonic() - t0
            assert r.status_code == 503 and elapsed < 2
            seconds = int(r.headers["retry-after"])
            assert 1 <= seconds <= 60
            assert r.json() == {"error": {"status": 503, "code": "busy", "message": (
                f"Terlalu banyak pemeriksaan sedang berjalan atau menunggu. Coba lagi dalam {seconds} detik.")}}
            # the page's answer: the Indonesian "coba lagi" page
            token = csrf_of(c.get("/").text)
            page = c.post("/periksa", data={"csrf": token}, files=_files())
            assert page.status_code == 503 and page.headers["retry-after"].isdigit()
            assert "<h1>Server sedang sibuk</h1>" in page.text and ">Coba lagi</a>" in page.text
    finally:
        gate.open.set()
        first.join(60)
    assert out["first"][0].status_code == 200
    assert [f["rule"] for f in out["first"][0].json()["findings"]] == ["U04", "U05", "K09", "K14"]


def test_a_request_waits_its_turn_at_most_wait_seconds(server, monkeypatch):
    gate = Gate(monkeypatch)
    saved = server.state.admission
    server.state.admission = admission = Admission(1, 1, 0.5)
    out = {}
    threads = [threading.Thread(target=_post_api, args=(server.url, out, "first"))]
    try:
        threads[0].start()
        _wait_for(lambda: admission.running == 1)
        threads.append(threading.Thread(target=_post_api, args=(server.url, out, "second")))
        threads[1].start()
        _wait_for(lambda: admission.waiting == 1)
        _post_api(server.url, out, "third")                 # the queue is full: refused at once
        third, third_time = out["third"]
        assert third.status_code == 503 and third_time < 0.5
        threads[1].join(10)
        second, second_time = out["second"]                 # waited its 0.5 s, then refused
        assert second.status_code == 503 and 0.4 <= second_time < 5
        assert second.json()["error"]["code"] == "busy"
    finally:
        gate.open.set()
        for th in threads:
            th.join(60)
        server.state.admission = saved
    assert out["first"][0].status_code == 200
    assert admission.running == 0 and admission.waiting == 0 and admission.inside == 0


def test_turns_are_handed_over_in_order_and_nothing_is_lost():
    import asyncio

    async def scenario():
        adm = Admission(2, 10, 5)
        order, running = [], []

        async def job(n):
            async with adm.turn():
                running.append(adm.running)
                order.append(n)
                await asyncio.sleep(0.01)

        await asyncio.gather(*(job(n) for n in range(12)))
        return adm, order, running

    adm, order, running = asyncio.run(scenario())
    assert order == list(range(12)) and max(running) == 2
    assert adm.running == 0 and adm.waiting == 0 and adm.peak_waiting == 10


# ------------------------------------------------------------------------------ nothing is kept

def test_results_and_uploads_are_deleted_when_their_downloads_expire():
    from fastapi.testclient import TestClient

    from checker.web.app import create_app
    from checker.web.settings import Settings
    with TestClient(create_app(Settings(warm=False, keep_minutes=0.04))) as c:     # 2.4 s: more than a busy upload
        store = c.app.state.store
        token = csrf_of(c.get("/").text)
        r = c.post("/periksa", data={"csrf": token}, files=_files(), follow_redirects=False)
        job_id = r.headers["location"].split("?")[0].rsplit("/", 1)[1]
        folder = store.jobs[job_id].folder
        assert os.path.isdir(folder) and os.listdir(os.path.join(folder, "in"))
        _wait_for(lambda: not os.path.exists(folder), timeout=30)     # the sweeper's work
        assert job_id not in store.jobs
        gone = c.get(f"/hasil/{job_id}")
        assert gone.status_code == 404 and "sudah dihapus" in gone.text
        root = store.root
        assert os.path.isdir(root)
    assert not os.path.exists(root)                                   # the server stopped


def _personal_data(doc: dict) -> set:
    values = set()
    for f in doc["findings"]:
        values.update(v for v in (f["nip"], f["name"]) if v)
    import openpyxl
    wb = openpyxl.load_workbook(PANGAN, read_only=True)
    for row in wb["Daftar Pegawai"].iter_rows(min_row=2, values_only=True):
        values.update(str(v) for v in row[:3] if v and len(str(v)) > 6)
    return values


def test_sigterm_deletes_every_upload_and_the_logs_hold_no_personal_data(tmp_path):
    """`cek-pokja serve` as people start it: check a workbook through the page and the API,
    stop it with SIGTERM; the private folder is gone and nothing it printed names a person."""
    env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "checker.web", "--port", "0"], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        m = re.search(r"siap di (http://127\.0\.0\.1:\d+)", line)
        assert m, line
        url = m.group(1)
        with httpx.Client(base_url=url, timeout=60) as c:
            doc = c.post("/api/check", files=_files()).json()
            token = csrf_of(c.get("/").text)
            page = c.post("/periksa", data={"csrf": token}, files=_files(), follow_redirects=True)
            assert page.status_code == 200 and "Tidak Patuh" in page.text
            job_id = re.search(r"/hasil/([\w-]{24})/id/temuan\.xlsx", page.text).group(1)
            assert c.get(f"/hasil/{job_id}/id/diperiksa-1").status_code == 200
        roots = list(tmp_path.glob("cek-pokja-web-*"))
        assert len(roots) == 1 and (roots[0] / job_id / "in").is_dir()
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0
    assert not list(tmp_path.glob("cek-pokja-web-*"))
    logs = line + out + err
    assert "cek-pokja berhenti; semua unggahan dan hasil telah dihapus." in logs
    secrets = _personal_data(doc)
    assert "Galih Prakoso, S.P." in secrets and len(secrets) > 5
    assert not [s for s in secrets if s in logs]
    assert job_id not in logs and "d2-as1-pangan" not in logs


def test_the_log_of_a_check_names_no_one(caplog):
    import logging

    from fastapi.testclient import TestClient

    from checker.web.app import create_app
    from checker.web.settings import Settings
    caplog.set_level(logging.DEBUG)
    with TestClient(create_app(Settings(warm=False))) as c:
        doc = c.post("/api/check", files=_files()).json()
        token = csrf_of(c.get("/").text)
        c.post("/periksa", data={"csrf": token}, files=_files())
    secrets = _personal_data(doc)
    assert not [s for s in secrets if s in caplog.text]
    assert "d2-as1-pangan" not in caplog.text
