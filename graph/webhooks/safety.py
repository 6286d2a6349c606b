"""Where refgraph may send webhooks: public addresses only, by default.

A webhook URL is given by an operator, but refgraph is the one connecting:
a URL naming ``127.0.0.1``, ``10.0.0.5``, ``169.254.169.254`` (a cloud's
metadata service) or a host name that resolves to such an address would let
whoever can register an endpoint reach services behind refgraph's network.
So every address the host resolves to must be public, checked when the
endpoint is created or changed and again before every delivery, which then
connects to the very address it checked (a name that resolves to something
else a second later gains nothing).

"Public" (:func:`is_public`) is more than Python's ``is_global``: an IPv6
address can carry an IPv4 one inside it, and the packets then go to that
IPv4 address (through the host's own stack, a NAT64 gateway or a tunnel
relay), so ``[::ffff:127.0.0.1]``, ``[64:ff9b::a9fe:a9fe]`` or
``[2002:a9fe:a9fe::]`` reach what ``127.0.0.1`` and ``169.254.169.254``
would.  Every such form is unwrapped (:func:`embedded_ipv4`) and the IPv4
address inside must be public too; the IPv6 address itself must be global
unicast (``2000::/3``, none of the private, reserved, documentation,
site-local, unique-local, link-local, loopback, multicast or unspecified
ranges).  The forms no deployment needs are refused whatever they carry:
IPv4-compatible ``::a.b.c.d`` (deprecated), Teredo ``2001::/32`` (a tunnel
to a host the relay picks) and the local-use NAT64 prefix ``64:ff9b:1::/48``
(a network's own).
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


#: the local-use NAT64 prefix (RFC 8215): a network's own translator
_LOCAL_NAT64 = ipaddress.IPv6Network("64:ff9b:1::/48")
#: IPv6 prefixes whose last 32 bits are an IPv4 address the packets go to
#: (IPv4-mapped, the well-known NAT64 prefix of RFC 6052, IPv4-compatible,
#: and a /96 inside the local-use NAT64 prefix)
_LAST_32_BITS = tuple(ipaddress.IPv6Network(n) for n in ("::ffff:0:0/96", "64:ff9b::/96",
                                                          "::/96")) + (_LOCAL_NAT64,)
#: where an IPv6 address is public only by what it carries: its own verdict
#: is the IPv4 address inside (Python calls the NAT64 prefix reserved)
_TRANSLATED = tuple(ipaddress.IPv6Network(n) for n in ("::ffff:0:0/96", "64:ff9b::/96"))
#: refused whatever they carry: IPv4-compatible (deprecated, RFC 4291),
#: Teredo (RFC 4380), local-use NAT64 (RFC 8215), site-local (RFC 3879),
#: unique-local (RFC 4193)
_REFUSED = tuple(ipaddress.IPv6Network(n) for n in ("::/96", "2001::/32", "fec0::/10",
                                                     "fc00::/7")) + (_LOCAL_NAT64,)


def embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses ``ip`` carries: IPv4-mapped, IPv4-compatible and
    NAT64 (the last 32 bits), the local-use NAT64 prefix (the last 32 bits,
    and bits 48-63 with 72-87: RFC 6052's layout for a /48), 6to4 (bits 16-47) and Teredo (its
    server, bits 32-63, and its client, the last 32 bits inverted).

    >>> [str(a) for a in embedded_ipv4(ipaddress.IPv6Address("64:ff9b::a9fe:a9fe"))]
    ['169.254.169.254']
    >>> [str(a) for a in embedded_ipv4(ipaddress.IPv6Address("2002:a9fe:a9fe::"))]
    ['169.254.169.254']
    >>> [str(a) for a in embedded_ipv4(ipaddress.IPv6Address("2001:0:808:808::80ff:fffe"))]
    ['8.8.8.8', '127.0.0.1']
    >>> embedded_ipv4(ipaddress.IPv6Address("2606:4700::1111"))
    []
    """
    found = []
    if any(ip in net for net in _LAST_32_BITS) and int(ip) > 1:    # not :: nor ::1
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    if ip in _LOCAL_NAT64:
        bits = int(ip)
        found.append(ipaddress.IPv4Address(((bits >> 64) & 0xFFFF) << 16
                                           | ((bits >> 40) & 0xFFFF)))
    if ip.sixtofour is not None:
        found.append(ip.sixtofour)
    if ip.teredo is not None:
        found.extend(ip.teredo)
    return found


def _public_v4(ip: ipaddress.IPv4Address) -> bool:
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_loopback
                                 or ip.is_link_local or ip.is_unspecified or ip.is_private)


def _public_v6(ip: ipaddress.IPv6Address) -> bool:
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_loopback
                                 or ip.is_link_local or ip.is_site_local or ip.is_unspecified
                                 or ip.is_private or any(ip in net for net in _REFUSED))


def is_public(address: str) -> bool:
    """Whether ``address`` is a public unicast address, and so is every
    IPv4 address it carries (:func:`embedded_ipv4`).

    >>> [is_public(a) for a in ("8.8.8.8", "127.0.0.1", "10.1.2.3", "169.254.169.254",
    ...                         "::1", "fe80::1", "::ffff:192.168.0.1", "100.64.0.1")]
    [True, False, False, False, False, False, False, False]
    >>> [is_public(a) for a in ("64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "2002:a9fe:a9fe::",
    ...                         "::7f00:1", "fec0::1", "fd00::1", "ff02::1", "::")]
    [False, False, False, False, False, False, False, False]
    >>> [is_public(a) for a in ("2606:4700::1111", "64:ff9b::808:808", "2002:808:808::1",
    ...                         "::ffff:8.8.8.8")]
    [True, True, True, True]
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv4Address):
        return _public_v4(ip)
    carried = embedded_ipv4(ip)
    if not all(_public_v4(v4) for v4 in carried):
        return False
    if carried and any(ip in net for net in _TRANSLATED):
        return True
    return _public_v6(ip)


def check_address(address: str, host: str) -> None:
    """Refuse (:class:`Refused` ``url_refused`` on ``url``) to go to
    ``address`` (what ``host`` resolved to) unless it is public."""
    if not is_public(address):
        raise _refuse(
            f"the host {host!r} resolves to a loopback, private, link-local or reserved "
            f"address ({address}), or to an IPv6 address carrying one; webhooks go to "
            "public addresses only (set REFGRAPH_WEBHOOK_ALLOW_PRIVATE=true to allow them "
            "on a private network)")


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
        for address in addresses:
            check_address(address, host)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return Target(parts.scheme, host, port, path, addresses[0])
