"""Analytics on the graph: load rows, build the networkx graph, keep results.

Whole-network analytics (:func:`refresh`) read the network page by page,
compute with :mod:`graph.analytics` and keep the result as one snapshot with
its time, plus each referrer's downline and PageRank on their user node, so
that requests answer from the snapshot (:func:`latest_summary`,
:func:`latest_signals`) instead of walking the whole graph.
Per-user views (:func:`neighbourhood_picture`, :func:`user_card`) read only
a depth- and size-limited sub-graph, or single figures, straight from the
database.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import networkx as nx

from .. import analytics
from ..backend import Backend
from ..errors import NoSnapshot, UnknownUser
from ..rules import period_of
from ..vocabulary import now_ms
from . import rules as rules_store
from . import sales as sales_store
from . import users as users_store
from . import with_roles

PAGE = 10_000
TOP = 20
COMMUNITIES = 50
SIGNALS_KEPT = 5_000
METRICS_BATCH = 5_000

Progress = Callable[[str, int], None]
"""Called with (stage, how many done so far) as a long read goes on."""
Rows = list[dict[str, Any]]


def _pages(backend: Backend, name: str, cursor: str, progress: Progress | None = None,
           what: str | None = None,
           count: Callable[[Rows], int] = len) -> Iterator[dict[str, Any]]:
    """Every row of a keyset-paged query (``$after``/``$limit``); ``count`` says
    how many of ``limit`` a page used (a short page is the last)."""
    after, done, limit = None, 0, PAGE
    while True:
        rows = backend.read(name, after=after, limit=limit)
        if not rows:
            return
        yield from rows
        used = count(rows)
        done += used
        if progress:
            progress(what or name, done)
        if used < limit:
            return
        after = rows[-1][cursor]


def _buyers(rows: Rows) -> int:
    return len({row["buyer_id"] for row in rows})


def load_rows(backend: Backend, progress: Progress | None = None) -> tuple[Rows, Rows, Rows, Rows]:
    """The network's rows: users, fee totals, purchases, reward lines."""
    users = list(_pages(backend, "analytics_users_page", "id", progress, "users"))
    fees = list(_pages(backend, "analytics_fee_totals_page", "id", progress, "fee totals"))
    # paged by buyer: a page holds every merchant row of at most PAGE buyers
    purchases = [row for row in _pages(backend, "analytics_purchases_page", "buyer_id",
                                       progress, "buyers", count=_buyers)
                 if row["merchant_id"] is not None]
    rewards = list(_pages(backend, "analytics_rewards_page", "id", progress, "reward lines"))
    return users, fees, purchases, rewards


def load_network(backend: Backend, progress: Progress | None = None) -> nx.DiGraph:
    """The whole network as a :func:`graph.analytics.build_graph` graph."""
    return analytics.build_graph(*load_rows(backend, progress))


def snapshot_of(G: nx.DiGraph,
                period_length: str = "month") -> tuple[dict[str, Any], Rows, dict[str, float]]:
    """The snapshot of graph ``G``: ``(summary, signals, pagerank)``.

    The summary and the first :data:`SIGNALS_KEPT` signals are the snapshot
    body (JSON-compatible); the PageRank of every user goes on the users."""
    summary = analytics.summary(G, period_of=lambda ms: period_of(ms, period_length))
    pagerank = analytics.pagerank(G) if G.number_of_nodes() else {}
    signals = analytics.fraud_signals(G)
    by_kind = dict(Counter(signal["kind"] for signal in signals))
    summary["top_referrers"] = {
        by: analytics.top_referrers(G, by, k=TOP) for by in ("direct", "downline", "fees", "pagerank")}
    summary["communities"] = analytics.communities(G)[:COMMUNITIES]
    summary["signals"] = {"total": len(signals), "by_kind": by_kind,
                          "kept": min(len(signals), SIGNALS_KEPT)}
    return summary, signals[:SIGNALS_KEPT], pagerank


def refresh(backend: Backend, progress: Progress | None = None) -> dict[str, Any]:
    """Recompute the whole-network analytics and keep them; returns the summary."""
    at = now_ms()
    period_length = rules_store.in_force(backend)["rules"].period
    G = load_network(backend, progress)
    if progress:
        progress("computing", G.number_of_nodes())
    summary, signals, pagerank = snapshot_of(G, period_length)
    _save_metrics(backend, G, pagerank, at, progress)
    summary = {"computed_at": at, **summary}
    body = json.dumps({"summary": summary, "signals": signals}, separators=(",", ":"))
    backend.write_one("analytics_snapshot_save", at=at, body=body, users=G.number_of_nodes(),
                      raised=_raised(backend, signals))
    return summary


def _raised(backend: Backend, signals: Rows) -> Rows:
    """The signals the last snapshot did not have, as the snapshot statement
    writes their ``signal.raised`` outbox events (issue 16)."""
    try:
        before = {signal["id"] for signal in _snapshot(backend)["signals"]}
    except NoSnapshot:
        before = set()
    return [{"id": signal["id"], "data": json.dumps(signal, separators=(",", ":"))}
            for signal in signals if signal["id"] not in before]


def _save_metrics(backend: Backend, G: nx.DiGraph, pagerank: dict[str, float], at: int,
                  progress: Progress | None) -> None:
    # Only referrers: everyone else has a downline of 0 and a minimal rank.
    downline = analytics.downline_sizes(G)
    rows = [{"id": node, "downline": downline[node], "pagerank": pagerank.get(node, 0.0)}
            for node in G if G.out_degree(node)]
    for start in range(0, len(rows), METRICS_BATCH):
        backend.write_one("analytics_user_metrics_save", rows=rows[start:start + METRICS_BATCH],
                          at=at)
        if progress:
            progress("referrer figures saved", min(start + METRICS_BATCH, len(rows)))


def _snapshot(backend: Backend) -> dict[str, Any]:
    row = backend.read_one("analytics_snapshot_get")
    if row is None:
        raise NoSnapshot("The network analytics have not been computed yet: run "
                         "'refgraph analytics refresh', POST /v1/analytics/refresh, or start "
                         "'refgraph worker', which refreshes them every hour.")
    return json.loads(row["body"])


def latest_summary(backend: Backend) -> dict[str, Any]:
    """The latest whole-network summary, with the time it was computed."""
    return _snapshot(backend)["summary"]


def latest_signals(backend: Backend, *, kind: str | None = None, user_id: str | None = None,
                   after: str | None = None, limit: int = 50) -> tuple[Rows, str | None]:
    """Fraud signals of the latest snapshot, filtered, in (kind, subject) order
    after the signal id ``after``; returns ``(items, next_after)``."""
    items = [s for s in _snapshot(backend)["signals"]
             if (kind is None or s["kind"] == kind)
             and (user_id is None or user_id in s["user_ids"])]
    if after is not None:
        ids = [s["id"] for s in items]
        items = items[ids.index(after) + 1:] if after in ids else []
    page = items[:limit]
    return page, (page[-1]["id"] if len(items) > limit else None)


def user_signals(backend: Backend, user_id: str) -> list[dict[str, Any]]:
    """The latest snapshot's signals naming ``user_id``; none before the first refresh."""
    try:
        return latest_signals(backend, user_id=user_id, limit=SIGNALS_KEPT)[0]
    except NoSnapshot:
        return []


def search_users(backend: Backend, q: str, limit: int = 20) -> list[dict[str, Any]]:
    """Users for the console's search: the id ``q`` exactly, then ids starting
    with ``q``, then names holding it (any case); at most ``limit``."""
    rows = backend.read("analytics_user_search", q=q, lower=q.lower(), limit=limit)
    return [with_roles(row["user"]) for row in rows]


def neighbourhood_graph(backend: Backend, user_id: str, *, up: int = 2, depth: int = 2,
                        limit: int = 300) -> nx.DiGraph:
    """The graph of ``user_id``'s neighbourhood: ``up`` levels of referrers,
    ``depth`` levels of referrals (at most ``limit`` users below)."""
    rows = backend.read("analytics_neighbourhood", id=user_id, up=up, depth=depth, limit=limit)
    if not rows:
        raise UnknownUser(f"no user {user_id!r}; check the id")
    G = analytics.build_neighbourhood(rows)
    G.graph["truncated"] = sum(1 for row in rows if row["level"] > 0) >= limit
    return G


def neighbourhood_picture(backend: Backend, user_id: str, *, up: int = 2, depth: int = 2,
                          limit: int = 300, size_by: str = "fees") -> dict[str, Any]:
    """The picture around ``user_id``: nodes with a server-side tree layout."""
    G = neighbourhood_graph(backend, user_id, up=up, depth=depth, limit=limit)
    top = min(G, key=lambda node: (G.nodes[node]["level"], node))
    layout = analytics.tree_layout(G, top)
    weight = {node: (G.nodes[node]["fees"] if size_by == "fees" else
                     G.nodes[node]["downline"] or G.nodes[node]["direct"]) for node in G}
    heaviest = max(max(weight.values()), 1)
    nodes = []
    for node, attrs in G.nodes(data=True):
        x, y = layout[node]
        nodes.append({
            "id": node, "name": attrs["name"], "roles": attrs["roles"], "status": attrs["status"],
            "level": attrs["level"], "x": x, "y": y,
            "size": round(max(weight[node], 0) / heaviest, 4), "fees": attrs["fees"],
            "direct": attrs["direct"], "downline": attrs["downline"] or attrs["direct"]})
    nodes.sort(key=lambda n: (n["level"], n["id"]))
    edges = [{"source": a, "target": b} for a, b in sorted(G.edges)]
    return {"center": user_id, "size_by": size_by, "nodes": nodes, "edges": edges,
            "truncated": G.graph["truncated"]}


def user_card(backend: Backend, user_id: str) -> dict[str, Any]:
    """Everything the console's user card shows."""
    user = users_store.get(backend, user_id)
    card = backend.read_one("analytics_user_card", id=user_id)
    assert card is not None  # the user exists: users_store.get raised otherwise
    levels = backend.read("user_downline_counts", id=user_id, depth=users_store.MAX_DEPTH)
    return {
        "user": user,
        "balances": sales_store.balances(backend, user_id),
        "direct": levels[0]["users"] if levels and levels[0]["level"] == 1 else 0,
        "total_downline": sum(level["users"] for level in levels),
        "levels": [{"level": level["level"], "count": level["users"]} for level in levels],
        "merchant_fees": card["merchant_fees"],
        "rewards": card["rewards"],
        "signals": user_signals(backend, user_id),
    }
