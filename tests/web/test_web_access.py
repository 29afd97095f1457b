"""Off loopback: `serve` refuses to start without an access code, and with one every page
but the login asks for it (once, then a signed cookie), the API for its header, and the
form still needs its CSRF token."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the [web] extra is not installed")

from click.testing import CliRunner  # noqa: E402

from checker.web import command  # noqa: E402
from checker.web.app import create_app  # noqa: E402
from checker.web.settings import Settings  # noqa: E402
from web.pages import csrf_of  # noqa: E402

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
PANGAN = Path(__file__).resolve().parents[2] / "samples" / "d2-as1-pangan.xlsx"
CODE = "kode-biro-2025"


def _files():
    return [("files", ("d2-as1-pangan.xlsx", PANGAN.read_bytes(), "application/octet-stream"))]


@pytest.fixture
def started(monkeypatch):
    """The settings `serve` would start the server with (the server itself is not started)."""
    seen = []
    monkeypatch.setattr(command, "run_server", lambda settings: seen.append(settings) or 0)
    return seen


def test_another_host_without_an_access_code_does_not_start(started, monkeypatch):
    monkeypatch.delenv("CEK_POKJA_ACCESS_CODE", raising=False)
    r = CliRunner().invoke(command.serve, ["--host", "0.0.0.0"])
    assert r.exit_code == 2 and not started
    assert ("--host 0.0.0.0 membuat halaman ini dapat dibuka dari komputer lain: tetapkan kode akses dengan "
            "--access-code atau variabel lingkungan CEK_POKJA_ACCESS_CODE.") in r.output
    r = CliRunner().invoke(command.serve, ["--host", "0.0.0.0", "--lang", "en"])
    assert r.exit_code == 2 and "--host 0.0.0.0 makes this page reachable from other computers" in r.output


def test_the_access_code_comes_from_the_option_or_the_environment(started, monkeypatch):
    monkeypatch.delenv("CEK_POKJA_ACCESS_CODE", raising=False)
    assert CliRunner().invoke(command.serve, ["--host", "0.0.0.0", "--access-code", CODE]).exit_code == 0
    monkeypatch.setenv("CEK_POKJA_ACCESS_CODE", CODE)
    assert CliRunner().invoke(command.serve, ["--host", "10.1.2.3", "--keep-minutes", "5"]).exit_code == 0
    assert [(s.host, s.access_code, s.keep_minutes) for s in started] == [("0.0.0.0", CODE, 15),
                                                                           ("10.1.2.3", CODE, 5)]
    # loopback needs none; the defaults of the issue
    monkeypatch.delenv("CEK_POKJA_ACCESS_CODE")
    assert CliRunner().invoke(command.serve, []).exit_code == 0
    s = started[-1]
    assert (s.host, s.port, s.access_code, s.keep_minutes, s.max_upload_mb, s.max_waiting, s.wait_seconds) == (
        "127.0.0.1", 8000, None, 15, 20, 50, 30)


@pytest.fixture(scope="module")
def guarded():
    with TestClient(create_app(Settings(warm=False, host="0.0.0.0", access_code=CODE))) as c:
        yield c


def test_every_page_asks_for_the_code_first(guarded):
    guarded.cookies.clear()
    for path in ("/", "/aturan", "/templat.xlsx", "/hasil/AAAAAAAAAAAAAAAAAAAAAAAA"):
        r = guarded.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/masuk?next="), path
    page = guarded.get("/aturan")                           # followed: the login page, in Indonesian
    assert "<h1>Kode akses</h1>" in page.text and 'type="password" id="code" name="code"' in page.text
    assert guarded.get("/static/style.css").status_code == 200
    r = guarded.post("/api/check", files=_files())
    assert r.status_code == 401
    assert r.json() == {"error": {"status": 401, "code": "access", "message": (
        "Masukkan kode akses terlebih dahulu (halaman /masuk, atau kepala X-Access-Code untuk API).")}}


def test_a_wrong_code_is_refused_and_the_right_one_is_kept_in_a_signed_cookie(guarded):
    guarded.cookies.clear()
    login = guarded.get("/masuk?next=/aturan")
    token = csrf_of(login.text)
    wrong = guarded.post("/masuk", data={"csrf": token, "code": "tebakan", "next": "/aturan"})
    assert wrong.status_code == 401 and "Kode akses salah." in wrong.text
    no_csrf = guarded.post("/masuk", data={"code": CODE, "next": "/aturan"})
    assert no_csrf.status_code == 403
    ok = guarded.post("/masuk", data={"csrf": token, "code": CODE, "next": "//evil.example/"},
                      follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/"           # no open redirect
    cookie = ok.headers["set-cookie"]
    assert "cek_pokja_akses=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert CODE not in cookie
    assert guarded.get("/", follow_redirects=False).status_code == 200
    # a forged cookie is no key
    guarded.cookies.set("cek_pokja_akses", "ok")
    assert guarded.get("/", follow_redirects=False).status_code == 303


def test_with_the_code_the_form_still_needs_its_csrf_token(guarded):
    guarded.cookies.clear()
    token = csrf_of(guarded.get("/masuk").text)
    guarded.post("/masuk", data={"csrf": token, "code": CODE, "next": "/"})
    assert guarded.post("/periksa", data={"tahap": "penetapan"}, files=_files()).status_code == 403
    token = csrf_of(guarded.get("/").text)
    r = guarded.post("/periksa", data={"csrf": token}, files=_files())
    assert r.status_code == 200 and "Tidak Patuh" in r.text


def test_the_api_takes_the_code_in_its_header(guarded):
    guarded.cookies.clear()
    assert guarded.post("/api/check", files=_files(), headers={"X-Access-Code": "salah"}).status_code == 401
    r = guarded.post("/api/check", files=_files(), headers={"X-Access-Code": CODE})
    assert r.status_code == 200 and [f["rule"] for f in r.json()["findings"]] == ["U04", "U05", "K09", "K14"]


def test_without_the_web_extra_serve_says_what_to_install(started, monkeypatch):
    monkeypatch.setattr(command, "missing_packages", lambda: ["fastapi", "uvicorn"])
    r = CliRunner().invoke(command.serve, [])
    assert r.exit_code == 2 and not started
    assert "fastapi, uvicorn" in r.output and "cek-pokja[web]" in r.output


def test_the_command_line_group_lists_serve_once_registered():
    from checker.cli import main
    if "serve" not in main.commands:
        pytest.skip("checker/cli.py does not register serve yet (main.add_command(serve))")
    assert main.commands["serve"] is command.serve
