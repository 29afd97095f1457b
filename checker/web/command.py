"""`cek-pokja serve`: the web page. Registered on the command line's group by cli.py; this
module imports only click and the catalogue, so that `cek-pokja --help` stays fast and a
missing `[web]` extra is a clear message (exit 2), not a traceback."""
from __future__ import annotations

import importlib.util
import sys

import click

from checker.terms import LANGS
from checker.texts import lang_from_argv, t
from checker.web import settings as defaults

HELP_LANG = lang_from_argv()
if HELP_LANG == "id":                   # click's own texts too (`python -m checker.web` comes here first)
    from checker.texts import click_id
    click_id.install()
EXIT_USAGE = 2
# the packages of the [web] extra, by import name and by the name pip knows them by
EXTRA = (("fastapi", "fastapi"), ("uvicorn", "uvicorn"), ("jinja2", "jinja2"), ("itsdangerous", "itsdangerous"),
         ("python_multipart", "python-multipart"))


def h(key: str) -> str:
    return t(key, HELP_LANG)


def missing_packages() -> list[str]:
    out = []
    for module, package in EXTRA:
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            out.append(package)
    return out


@click.command("serve", help=h("serve.help"), options_metavar=h("meta.options"),
               context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--host", default=defaults.DEFAULT_HOST, metavar=h("meta.address"),
              help=h("serve.opt_host"))
@click.option("--port", type=click.IntRange(0, 65535), default=defaults.DEFAULT_PORT, show_default=True,
              metavar=h("meta.number"), help=h("serve.opt_port"))
@click.option("--access-code", envvar=defaults.ACCESS_CODE_ENV, default=None, metavar=h("meta.code"),
              help=h("serve.opt_access_code"))
@click.option("--keep-minutes", type=click.FloatRange(min=1), default=defaults.DEFAULT_KEEP_MINUTES,
              show_default=True, metavar=h("meta.minutes"), help=h("serve.opt_keep_minutes"))
@click.option("--max-upload-mb", type=click.FloatRange(min=0.01), default=defaults.DEFAULT_MAX_UPLOAD_MB,
              show_default=True, metavar=h("meta.mb"), help=h("serve.opt_max_upload_mb"))
@click.option("--max-running", type=click.IntRange(min=1), default=None, metavar=h("meta.number"),
              help=h("serve.opt_max_running"))
@click.option("--max-waiting", type=click.IntRange(min=0), default=defaults.DEFAULT_MAX_WAITING, show_default=True,
              metavar=h("meta.number"), help=h("serve.opt_max_waiting"))
@click.option("--wait-seconds", type=click.FloatRange(min=0), default=defaults.DEFAULT_WAIT_SECONDS,
              show_default=True, metavar=h("meta.seconds"), help=h("serve.opt_wait_seconds"))
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar=h("meta.name"),
              help=h("serve.opt_allowed_host"))
@click.option("--lang", type=click.Choice(LANGS), default=HELP_LANG, show_default=True, help=h("opt.lang"))
def serve(host, port, access_code, keep_minutes, max_upload_mb, max_running, max_waiting, wait_seconds, allowed_hosts,
          lang):
    missing = missing_packages()
    if missing:
        click.echo(t("serve.missing_extra", lang, missing=", ".join(missing)), err=True)
        sys.exit(EXIT_USAGE)
    access_code = (access_code or "").strip() or None
    if access_code is None and not defaults.is_loopback(host):
        click.echo(t("serve.need_code", lang, host=host), err=True)
        sys.exit(EXIT_USAGE)
    settings = defaults.Settings(host=host, port=port, access_code=access_code, keep_minutes=keep_minutes,
                                 max_upload_mb=max_upload_mb, max_running=max_running or defaults.default_running(),
                                 max_waiting=max_waiting, wait_seconds=wait_seconds, lang=lang,
                                 allowed_hosts=tuple(allowed_hosts))
    sys.exit(run_server(settings))


def bind(host: str, port: int):
    """The listening socket, bound here so that a port in use is our own clear message (and
    port 0 picks a free one)."""
    import socket
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host.strip("[]"), port))
    except OSError:
        sock.close()
        raise
    return sock


def server_for(settings):
    """The uvicorn server of `settings`' app. The access log is off: it would record every
    result id (a download key) and request line; uvicorn's own warnings carry no request data."""
    import uvicorn

    from checker.web.app import create_app
    config = uvicorn.Config(create_app(settings), access_log=False, log_level="warning", lifespan="on",
                            timeout_graceful_shutdown=5, server_header=False, proxy_headers=True)
    return uvicorn.Server(config)


def run_server(settings) -> int:
    """Serve until stopped (Ctrl-C or SIGTERM, which uvicorn turns into a graceful stop that
    deletes every job); 0 after a clean stop, 2 when the address cannot be used."""
    lang = settings.lang
    try:
        sock = bind(settings.host, settings.port)
    except OSError as e:
        click.echo(t("serve.port_busy", lang, host=settings.host, port=settings.port, detail=e.strerror or str(e)),
                   err=True)
        return EXIT_USAGE
    host, port = sock.getsockname()[:2]
    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}"
    server = server_for(settings)
    _quiet_sigterm()
    _announce_when_started(server, t("serve.listening", lang, url=url, minutes=f"{settings.keep_minutes:g}"))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    click.echo(t("serve.stopped", lang), err=True)
    return 0


def _quiet_sigterm() -> None:
    """uvicorn re-raises the signal that stopped it once it has shut down, to the handler in
    place before it started; with the default one a SIGTERM would then kill the process before
    the last message and exit code 0. A no-op handler makes SIGTERM a clean stop."""
    import signal
    import threading
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: None)
        # Ctrl-C as Python has it (the command line ends the program quietly until a command runs):
        # uvicorn hands the signal that stopped it back to this handler, and run_server stops cleanly
        signal.signal(signal.SIGINT, signal.default_int_handler)


def _announce_when_started(server, message: str) -> None:
    """Print `message` once uvicorn listens (after the warm-up), from a watcher thread."""
    import threading
    import time

    def watch():
        while not server.should_exit:
            if server.started:
                click.echo(message, err=True)
                return
            time.sleep(0.05)

    threading.Thread(target=watch, name="cek-pokja-announce", daemon=True).start()
