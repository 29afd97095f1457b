"""A real uvicorn server on a free loopback port, in a thread of the test process, for the
tests that need real sockets (streamed bodies, concurrency, the browser)."""
from __future__ import annotations

import threading
import time

from checker.web.command import bind, server_for
from checker.web.settings import Settings


class LiveServer:
    def __init__(self, settings: Settings | None = None, **options):
        self.settings = settings or Settings(**options)
        self.sock = bind("127.0.0.1", 0)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = server_for(self.settings)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True,
                                       name="cek-pokja-live-server")

    @property
    def app(self):
        return self.server.config.loaded_app if self.server.config.loaded else None

    @property
    def state(self):
        """The app's state (the store, the admission) once started."""
        app = self.server.config.app
        return app.state

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 120
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(30)
        self.sock.close()
