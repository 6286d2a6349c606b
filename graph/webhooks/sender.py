"""One webhook request: POST the body to the address checked, and no further.

``http.client`` rather than a client library, because every one of these
must hold and be visible here: the connection goes to the address
:func:`graph.webhooks.safety.resolve` checked, checked once more as the very
address the socket is opened to (TLS still verifies the certificate for the
URL's host name); a redirect is an answer like any other
non-2xx, never followed; connecting and each read time out after
``timeout`` seconds and the whole exchange after twice that; at most
:data:`READ_LIMIT` bytes of the answer are read.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import Refused
from .safety import Target, check_address, resolve

#: how much of a receiver's answer is read (and kept, shortened, as last_error)
READ_LIMIT = 4096
USER_AGENT = "refgraph-webhooks/1"


@dataclass(frozen=True)
class Answer:
    """How one attempt went: ``code`` is the HTTP status (None when no answer
    came), ``error`` a short text for an operator when it failed."""

    code: int | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.code is not None and 200 <= self.code < 300


def _open(target: Target, timeout: float | None, allow_private: bool) -> socket.socket:
    """A socket to the address checked, which must still pass the check."""
    if not allow_private:
        check_address(target.address, target.host)
    return socket.create_connection((target.address, target.port), timeout)


class _Pinned(http.client.HTTPConnection):
    """HTTP to a checked address (and to nothing else)."""

    def __init__(self, target: Target, timeout: float, allow_private: bool) -> None:
        super().__init__(target.address, target.port, timeout=timeout)
        self._target, self._allow_private = target, allow_private

    def connect(self) -> None:
        self.sock = _open(self._target, self.timeout, self._allow_private)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to a checked address, verifying the certificate for the URL's host."""

    def __init__(self, target: Target, timeout: float, allow_private: bool) -> None:
        super().__init__(target.address, target.port, timeout=timeout,
                         context=ssl.create_default_context())
        self._target, self._allow_private = target, allow_private

    def connect(self) -> None:
        sock = _open(self._target, self.timeout, self._allow_private)
        self.sock = self._context.wrap_socket(sock, server_hostname=self._target.host)  # type: ignore[attr-defined]


def _connection(target: Target, timeout: float,
                allow_private: bool) -> http.client.HTTPConnection:
    if target.scheme == "https":
        return _PinnedHTTPS(target, timeout, allow_private)
    return _Pinned(target, timeout, allow_private)


def post(url: str, body: bytes, headers: Mapping[str, str], *, timeout: float = 5.0,
         allow_private: bool = False) -> Answer:
    """POST ``body`` to ``url`` with ``headers``; never raises for the
    receiver's faults (they are the :class:`Answer`)."""
    try:
        target = resolve(url, allow_private)
    except Refused as exc:
        return Answer(None, exc.message)
    connection = _connection(target, timeout, allow_private)
    deadline = time.monotonic() + 2 * timeout
    try:
        connection.request("POST", target.path, body=body, headers={
            "Host": target.host_header, "Content-Type": "application/json",
            "User-Agent": USER_AGENT, **headers})
        response = connection.getresponse()
        text = response.read(READ_LIMIT) if time.monotonic() < deadline else b""
        code = response.status
        if 200 <= code < 300:
            return Answer(code, None)
        where = response.getheader("Location")
        reason = (f"redirect to {where[:200]} not followed" if 300 <= code < 400 and where
                  else text.decode("utf-8", "replace")[:300].strip())
        return Answer(code, f"HTTP {code}" + (f": {reason}" if reason else ""))
    except Refused as exc:
        return Answer(None, exc.message)
    except (OSError, http.client.HTTPException) as exc:
        what = "timed out" if isinstance(exc, (socket.timeout, TimeoutError)) else str(exc)
        return Answer(None, f"{type(exc).__name__}: {what}"[:300])
    finally:
        connection.close()
