"""Group commit: single sales at 1, 4, 16 and 64 concurrent clients.

With ``appendfsync always`` the embedded server (redis) writes and fsyncs its
append-only file once per turn of its event loop, before it sends the replies
of that turn: writes that arrive together should share one fsync, and the
rate should grow with the clients until the single graph writer is busy.
Each client is a thread calling :func:`graph.store.sales.record_sale`, one
statement per sale, as the API does per request.

On the embedded server the curve is measured twice: with the configured
policy, then with ``appendfsync no`` (set for the measurement only, then put
back).  Their ratio at each level is what the fsync costs: well below 1 at one
client, near 1 once enough clients share each fsync.
"""

from __future__ import annotations

import random
import threading
import time

from graph.rules import DEFAULT_RULES
from graph.store import sales

LEVELS = (1, 4, 16, 64)


def random_sales(merchants, rnd, tag, count):
    """``count`` single sales of random merchants and amounts, ids ``bench-<tag>-<i>``."""
    return [{"id": f"bench-{tag}-{i}", "merchant_id": rnd.choice(merchants),
             "amount": rnd.randrange(100, 100_000), "currency": "CNY"} for i in range(count)]


def run_concurrently(work, items, clients):
    """Seconds for ``clients`` threads to run ``work`` on their share of
    ``items`` (``items[k::clients]``); the first error of a thread is raised."""
    errors: list[BaseException] = []

    def client(mine):
        try:
            work(mine)
        except BaseException as exc:  # reported below, not lost in a thread
            errors.append(exc)

    threads = [threading.Thread(target=client, args=(items[k::clients],))
               for k in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]
    return time.perf_counter() - started


def _curve(backend, merchants, n, tag, say):
    rnd = random.Random(13)
    curve = []

    def record(mine):
        for sale in mine:
            sales.record_sale(backend, rules=DEFAULT_RULES, **sale)

    for clients in LEVELS:
        batch = random_sales(merchants, rnd, f"gc{tag.replace(' ', '')}{clients}", n)
        rate = n / run_concurrently(record, batch, clients)
        curve.append({"clients": clients, "sales_per_s": rate,
                      "vs_1_client": rate / curve[0]["sales_per_s"] if curve else 1.0})
        say(f"  {tag or 'fsync as configured'}, {clients:>2} clients: {rate:,.0f} sales/s")
    return curve


def group_commit(backend, world, result, n, server=None, say=print):
    """Fill ``result["group_commit"]``: the rate at each of :data:`LEVELS`,
    and on the embedded ``server`` the same without fsync."""
    merchants = [u["id"] for u in world.users if "merchant" in u["roles"]]
    curve = _curve(backend, merchants, n, "", say)
    if server is not None:
        raw = server.client()
        policy = raw.config_get("appendfsync")["appendfsync"]
        raw.config_set("appendfsync", "no")
        try:
            unsynced = _curve(backend, merchants, n, "no fsync", say)
        finally:
            raw.config_set("appendfsync", policy)
        for point, other in zip(curve, unsynced, strict=True):
            point["no_fsync_sales_per_s"] = other["sales_per_s"]
            point["vs_no_fsync"] = point["sales_per_s"] / other["sales_per_s"]
        result["group_commit_appendfsync"] = policy
    result["group_commit"] = curve


def rows(size, curve, policy=None):
    """The table rows of one size's curve."""
    out = [(size, "group commit: single sales, concurrent clients"
            + (f" (appendfsync {policy})" if policy else ""), "")]
    for point in curve:
        text = f"{point['sales_per_s']:,.0f} /s ({point['vs_1_client']:.2f}x of 1 client"
        if "vs_no_fsync" in point:
            text += (f"; {point['vs_no_fsync']:.2f}x of the {point['no_fsync_sales_per_s']:,.0f}"
                     " /s without fsync")
        out.append((size, f"  {point['clients']:>2} clients", text + ")"))
    return out
