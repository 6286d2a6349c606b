"""What the console's browser tests need: Debian's Chromium driven by
Playwright, the app served from a thread, and a watch on every page for
JavaScript errors and for requests leaving the refgraph server.

Chromium is ``/usr/bin/chromium`` (``tools/install-test-browser`` installs
it).  Without it the browser tests are skipped, except when ``CI`` is set:
then they fail, so that CI can never pass by skipping them.
"""

import contextlib
import os
import re
import threading
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def require_chromium():
    """Skip (fail under CI) when Chromium or Playwright is missing."""
    problem = None
    if not os.path.exists(CHROMIUM):
        problem = f"{CHROMIUM} is missing; install it with tools/install-test-browser"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is missing; pip install -e '.[test]'"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run under CI: {problem}", pytrace=False)
        pytest.skip(problem)


@contextlib.contextmanager
def launch():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def serve(app):
    """``app`` on a free port of 127.0.0.1, from a thread; yields its base URL."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="console-test-server",
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(10)
        server.server_close()


# Chromium logs every HTTP error answer as a console error; those the test
# provokes on purpose are named (status, path) and allowed, nothing else.
_FAILED_LOAD = re.compile(r"Failed to load resource: the server responded with a status of (\d+)")


class Watch:
    """Everything wrong a page did: uncaught exceptions, console errors,
    requests to anywhere but ``origin``."""

    def __init__(self, page, origin):
        self.origin = origin
        self.problems = []
        self.expected = set()
        page.on("pageerror", lambda exc: self.problems.append(f"JavaScript error: {exc}"))
        page.on("console", self._console)
        page.on("request", self._request)

    def expect(self, status, path):
        """Allow Chromium's console line for one deliberate HTTP error."""
        self.expected.add((status, path))

    def _console(self, message):
        if message.type != "error":
            return
        failed = _FAILED_LOAD.search(message.text)
        if failed:
            url = (message.location or {}).get("url", "")
            path = urlsplit(url).path
            if (int(failed.group(1)), path) in self.expected and url.startswith(self.origin):
                return
        self.problems.append(f"console error: {message.text} at {message.location}")

    def _request(self, request):
        parts = urlsplit(request.url)
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.problems.append(f"request outside refgraph: {request.method} {request.url}")

    def check(self):
        assert not self.problems, "the page went wrong:\n" + "\n".join(self.problems)
