"""Where refgraph may send webhooks: public addresses only, by default.

A webhook URL is given by an operator, but refgraph is the one connecting:
a URL naming ``127.0.0.1``, ``10.0.0.5``, ``169.254.169.254`` (a cloud's
metadata service) or a host name that resolves to such an address would let
whoever can register an endpoint reach services behind refgraph's network.
So every address the host resolves to must be public (``is_global``, not
multicast), checked when the endpoint is created or changed and again before
every delivery, which then connects to the very address it checked (a name
that resolves to something else a second later gains nothing).
``WEBHOOK_ALLOW_PRIVATE=true`` lifts the rule for a private network (the
test suite sets it to reach its own receiver on 127.0.0.1).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from ..errors import Refused

SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Target:
    """Where one request goes: the URL's parts and the address checked."""

    scheme: str
    host: str
    port: int
    path: str
    address: str

    @property
    def host_header(self) -> str:
        default = 443 if self.scheme == "https" else 80
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == default else f"{host}:{self.port}"


def _refuse(message: str) -> Refused:
    return Refused("url_refused", message, "url")


def parse(url: str) -> SplitResult:
    """``url`` split, if it is an http(s) URL with a host and no credentials.

    >>> parse("https://shop.example/hooks?x=1").hostname
    'shop.example'
    >>> parse("ftp://shop.example/")
    Traceback (most recent call last):
    ...
    graph.errors.Refused: the URL must start with https:// or http://
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises on a port that is not a number
    except ValueError as exc:
        raise _refuse(f"the URL cannot be read ({exc}); send an absolute http(s) URL") from None
    if parts.scheme not in SCHEMES:
        raise _refuse("the URL must start with https:// or http://")
    if not parts.hostname:
        raise _refuse("the URL has no host; send an absolute URL such as https://shop.example/hooks")
    if parts.username or parts.password:
        raise _refuse("the URL must not carry a user name or password; authenticate "
                      "deliveries by their signature")
    return parts


def is_public(address: str) -> bool:
    """Whether ``address`` is a public unicast address.

    >>> [is_public(a) for a in ("8.8.8.8", "127.0.0.1", "10.1.2.3", "169.254.169.254",
    ...                         "::1", "fe80::1", "::ffff:192.168.0.1", "100.64.0.1")]
    [True, False, False, False, False, False, False, False]
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve(url: str, allow_private: bool = False) -> Target:
    """Where ``url`` goes: its parts and the first address its host resolves
    to, refused (:class:`Refused` ``url_refused`` on ``url``) when the URL is
    not an http(s) URL, the host does not resolve, or, unless
    ``allow_private``, any address it resolves to is not public."""
    parts = parse(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise _refuse(f"the host {host!r} does not resolve ({exc}); check the URL") from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not allow_private:
        private = [a for a in addresses if not is_public(a)]
        if private:
            raise _refuse(
                f"the host {host!r} resolves to a loopback, private, link-local or reserved "
                f"address ({', '.join(private)}); webhooks go to public addresses only "
                "(set REFGRAPH_WEBHOOK_ALLOW_PRIVATE=true to allow them on a private network)")
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(parts.scheme, host, port, path, addresses[0])
