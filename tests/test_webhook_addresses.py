"""Issue 27: the webhook address guard sees through every IPv6 form of a
private IPv4 address, at registration, on PATCH and at delivery.

The host names below are answered by a stand-in resolver (``socket.getaddrinfo``
for names ending in ``.hooks.test``; every other name, and every address,
goes to the real one), and every connection the process opens is recorded,
so a test can say that a delivery was refused *before* anything connected.
"""

import ipaddress
import socket

import pytest
from conftest import INSTITUTION_KEY

from api.webhooks.payloads import render
from graph.errors import Refused
from graph.rules import DEFAULT_RULES
from graph.store import users, webhooks
from graph.webhooks import safety
from graph.webhooks.delivery import Deliverer, Settings
from graph.webhooks.sealing import master_of

MASTER = master_of(None, INSTITUTION_KEY)


def teredo(server, client):
    """A Teredo address (2001::/32): the server's IPv4 in bits 32-63, the
    client's in the last 32 bits, inverted."""
    bits = (0x2001_0000 << 96 | int(ipaddress.IPv4Address(server)) << 64
            | int(ipaddress.IPv4Address(client)) ^ 0xFFFF_FFFF)
    return str(ipaddress.IPv6Address(bits))


#: every form the guard must refuse, by what it is
REFUSED = {
    "NAT64 of 169.254.169.254": "64:ff9b::a9fe:a9fe",
    "NAT64 of 127.0.0.1": "64:ff9b::7f00:1",
    "local-use NAT64 of 169.254.169.254": "64:ff9b:1::a9fe:a9fe",
    "6to4 of 169.254.169.254": "2002:a9fe:a9fe::",
    "6to4 of 10.0.0.1": "2002:a00:1::1",
    "IPv4-compatible 127.0.0.1": "::7f00:1",
    "IPv4-compatible 8.8.8.8 (deprecated)": "::808:808",
    "IPv4-mapped 127.0.0.1": "::ffff:127.0.0.1",
    "IPv4-mapped 169.254.169.254": "::ffff:a9fe:a9fe",
    "Teredo, client 127.0.0.1": teredo("8.8.8.8", "127.0.0.1"),
    "Teredo, client 10.0.0.1": teredo("8.8.8.8", "10.0.0.1"),
    "Teredo, server 127.0.0.1": teredo("127.0.0.1", "8.8.8.8"),
    "site-local": "fec0::1",
    "unique-local": "fd12:3456::1",
    "link-local": "fe80::1",
    "loopback": "::1",
    "multicast": "ff02::1",
    "unspecified": "::",
    "documentation": "2001:db8::1",
    "discard-only (reserved)": "100::1",
    "IPv4 loopback": "127.0.0.1",
    "IPv4 metadata service": "169.254.169.254",
}
#: public addresses, and IPv6 forms that carry a public IPv4 address
ACCEPTED = ["2606:4700::1111", "8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
            "::ffff:8.8.8.8"]


def url_of(address, port=80):
    host = f"[{address}]" if ":" in address else address
    return f"http://{host}:{port}/hooks"


@pytest.fixture
def net(monkeypatch):
    """A resolver for ``*.hooks.test`` names (``net.names[name] = address``)
    and the list of every address a socket was opened to (``net.connected``)."""
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.create_connection

    class Net:
        names: dict = {}
        connected: list = []

    def getaddrinfo(host, port, *args, **kwargs):
        if isinstance(host, str) and host.endswith(".hooks.test"):
            address = Net.names[host]
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            where = (address, port, 0, 0) if family == socket.AF_INET6 else (address, port)
            return [(family, socket.SOCK_STREAM, 6, "", where)]
        return real_getaddrinfo(host, port, *args, **kwargs)

    def create_connection(address, *args, **kwargs):
        Net.connected.append(address[0])
        return real_connect(address, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    return Net


@pytest.mark.parametrize("address", REFUSED.values(), ids=REFUSED.keys())
def test_the_guard_refuses_every_private_form(address):
    assert not safety.is_public(address)
    with pytest.raises(Refused) as info:
        safety.resolve(url_of(address))
    assert info.value.code == "url_refused" and "url" in info.value.details["errors"]
    safety.resolve(url_of(address), allow_private=True)       # the setting lifts it


@pytest.mark.parametrize("address", ACCEPTED)
def test_the_guard_accepts_public_addresses(address):
    assert safety.is_public(address)
    assert safety.resolve(url_of(address)).port == 80


@pytest.mark.parametrize("address", REFUSED.values(), ids=REFUSED.keys())
def test_registration_refuses_every_form_as_a_literal_and_by_name(operator, net, address):
    net.names["shop.hooks.test"] = address
    for url in (url_of(address), "http://shop.hooks.test/hooks"):
        r = operator.post("/v1/webhooks", json={"url": url, "events": ["*"]})
        assert r.status_code == 422, (url, r.get_json())
        body = r.get_json()
        assert body["code"] == "url_refused" and list(body["errors"]) == ["url"], body
        assert "WEBHOOK_ALLOW_PRIVATE" in body["message"]
    assert operator.get("/v1/webhooks").get_json()["items"] == []
    assert net.connected == []


def test_registration_accepts_public_addresses(operator, net):
    net.names["public.hooks.test"] = "2606:4700::1111"
    for n, url in enumerate([url_of(a) for a in ACCEPTED] + ["https://public.hooks.test/x"]):
        r = operator.post("/v1/webhooks", json={"id": f"pub-{n}", "url": url, "events": ["*"]})
        assert r.status_code == 201, (url, r.get_json())
    assert net.connected == []                   # registering connects to nothing


def test_patch_refuses_every_form(operator, net):
    created = operator.post("/v1/webhooks", json={"id": "shop", "url": url_of("2606:4700::1111"),
                                                  "events": ["*"]})
    assert created.status_code == 201, created.get_json()
    net.names["shop.hooks.test"] = "2606:4700::1111"
    assert operator.patch("/v1/webhooks/shop", json={
        "url": "http://shop.hooks.test/hooks"}).status_code == 200
    for what, address in REFUSED.items():
        net.names["moved.hooks.test"] = address
        for url in (url_of(address), "http://moved.hooks.test/hooks"):
            r = operator.patch("/v1/webhooks/shop", json={"url": url})
            assert r.status_code == 422, (what, url, r.get_json())
            assert r.get_json()["code"] == "url_refused" and "url" in r.get_json()["errors"]
    assert operator.get("/v1/webhooks/shop").get_json()["url"] == "http://shop.hooks.test/hooks"


def test_delivery_refuses_to_connect_to_every_form(graph_backend, net):
    """Endpoints made while the setting allowed private addresses (or while
    their name resolved to a public address) are refused at delivery, on the
    address the name resolves to then: nothing connects."""
    g = graph_backend
    endpoints = {}
    for n, (what, address) in enumerate(REFUSED.items()):
        name = f"e{n}.hooks.test"
        net.names[name] = "2606:4700::1111"                    # public when registered
        for kind, url in (("literal", url_of(address)), ("name", f"http://{name}/hooks")):
            endpoint_id = f"{kind}-{n}"
            webhooks.create_endpoint(g, id=endpoint_id, url=url, events=["user.registered"],
                                     allow_private=kind == "literal",
                                     master=MASTER)
            endpoints[endpoint_id] = (what, url)
        net.names[name] = address                              # ... and private now
    users.register(g, id="root", name="Root", roles=[], rules=DEFAULT_RULES, root=True)
    strict = Settings(timeout=1.0, allow_private=False, backoff_seconds=600)
    deliverer = Deliverer(g, render, strict, master=MASTER)
    for _ in range(20):
        deliverer.run(5.0, until_idle=True, poll=0.02)
        if all(webhooks.list_deliveries(g, e)[0]["attempts"] for e in endpoints):
            break
    for endpoint_id, (what, url) in endpoints.items():
        [delivery] = webhooks.list_deliveries(g, endpoint_id)
        assert delivery["status"] == "pending" and delivery["attempts"] == 1, (what, delivery)
        assert delivery["last_code"] is None
        assert "loopback, private" in delivery["last_error"], (what, url, delivery)
    assert net.connected == []


def test_the_connection_itself_refuses_an_address_that_is_not_public(net):
    """The last line: the socket is opened only to an address that passes,
    whatever the caller resolved (``sender`` checks the address it connects to)."""
    from graph.webhooks import sender

    target = safety.Target("http", "x.hooks.test", 80, "/", "64:ff9b::7f00:1")
    with pytest.raises(Refused):
        sender._open(target, 1.0, allow_private=False)
    assert net.connected == []
