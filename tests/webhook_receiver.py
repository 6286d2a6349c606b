"""A real HTTP receiver on 127.0.0.1 for the webhook tests (and bench/webhooks.py).

Each path (``/hooks/<name>``) answers from a script of statuses (the last one
repeats; default 200) and records every request it got: headers, body, time.
A script entry may be ``"hold"``: the request waits until :meth:`release`
(or the hold's limit) before it is answered 200, so a test can kill the
sender while a request is in flight.
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Receiver:
    def __init__(self, hold_limit: float = 30.0):
        self.requests = defaultdict(list)
        self.scripts = {}
        self.redirects = {}
        self.lock = threading.Lock()
        self.released = threading.Event()
        self.holding = threading.Event()
        self.hold_limit = hold_limit
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                receiver._handle(self)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def port(self):
        return self.server.server_address[1]

    def url(self, name="shop"):
        return f"http://127.0.0.1:{self.port}/hooks/{name}"

    def script(self, name, *statuses):
        self.scripts[name] = list(statuses)

    def release(self):
        self.released.set()

    def got(self, name="shop"):
        """The requests ``name`` received: dicts of headers, body (parsed), raw."""
        with self.lock:
            return list(self.requests[name])

    def events(self, name="shop"):
        return [r["body"] for r in self.got(name)]

    def wait_for(self, condition, timeout=60.0):
        """Wait (bounded) until ``condition()`` holds; False if it never did."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(0.05)
        return condition()

    def close(self):
        self.released.set()
        self.server.shutdown()
        self.server.server_close()

    def _handle(self, handler):
        name = handler.path.rsplit("/", 1)[-1]
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length)
        with self.lock:
            script = self.scripts.get(name, [200])
            answer = script.pop(0) if len(script) > 1 else script[0]
            self.requests[name].append({"headers": dict(handler.headers), "raw": raw,
                                        "body": json.loads(raw), "at": time.time()})
        if answer == "hold":
            self.holding.set()
            self.released.wait(self.hold_limit)
            answer = 200
        if isinstance(answer, tuple):          # (seconds to sleep, status)
            time.sleep(answer[0])
            answer = answer[1]
        body = b"x" * 100_000 if answer == 500 else b"ok"
        try:
            handler.send_response(answer)
            if 300 <= answer < 400:
                handler.send_header("Location", f"/hooks/{name}-moved")
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
        except OSError:
            pass                               # the sender went away
