"""Query rows become the referral network: the one place a graph is built.

A node per user (keyed by id) with its attributes, an edge referrer ->
referee.  :func:`build_graph` builds the whole network (or a page of it)
from the ``analytics_*_page`` rows; :func:`build_neighbourhood` builds one
user's neighbourhood from the ``analytics_neighbourhood`` rows, through
:func:`build_graph`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import networkx as nx

from ..vocabulary import roles_of

__all__ = ["FINGERPRINTS", "Row", "build_graph", "build_neighbourhood"]

Row = Mapping[str, Any]
"""A query row: column name -> value."""

FINGERPRINTS = ("phone_hash", "device_id", "payment_hash")


def build_graph(users: Iterable[Row], fee_totals: Iterable[Row] = (),
                purchases: Iterable[Row] = (), rewards: Iterable[Row] = ()) -> nx.DiGraph:
    """The referral network as a DiGraph, built from query rows.

    Parameters
    ----------
    users : iterable of dict
        Rows of ``analytics_users_page``: id, name, labels, status,
        created_at (epoch ms), referrer_id, root, phone_hash, device_id,
        payment_hash.  Missing keys read as None (labels as no label).
    fee_totals, purchases, rewards : iterable of dict
        Rows of the fee-total, purchase and reward-line queries.

    Returns
    -------
    G : nx.DiGraph
        A node per user with its attributes, the roles from its labels, and
        ``fees`` (net of refunds), ``fees_gross``, ``refunded_fees``,
        ``sales`` and ``rewards`` summed over all periods; an edge
        referrer -> referee with ``at`` (the referee's created_at).
        ``G.graph`` keeps the ``fee_totals``, ``purchases`` and ``rewards``
        rows whose users are in the graph; other rows, and referrers that
        are not in ``users``, are left out (a page of the network is fine).

    Examples
    --------
    >>> G = build_graph([{"id": "a"}, {"id": "b", "referrer_id": "a", "created_at": 5},
    ...                  {"id": "c", "referrer_id": "elsewhere"}],
    ...                 rewards=[{"referrer_id": "a", "period": "2026-10", "level": 1,
    ...                           "tier": 1, "amount": 7}])
    >>> sorted(G.edges(data="at")), G.nodes["a"]["rewards"], G.in_degree("c")
    ([('a', 'b', 5)], 7, 0)
    """
    users = list(users)
    G = nx.DiGraph()
    with _gc_paused():
        G.add_nodes_from((user["id"], _user_attrs(user)) for user in users)
        G.add_edges_from(
            (user["referrer_id"], user["id"], {"at": user.get("created_at")})
            for user in users
            if user.get("referrer_id") in G and user["referrer_id"] != user["id"])
    G.graph["fee_totals"] = _add_fee_totals(G, fee_totals)
    G.graph["purchases"] = [
        row for row in purchases if row.get("buyer_id") in G and row.get("merchant_id") in G
    ]
    G.graph["rewards"] = _add_rewards(G, rewards)
    return G


def build_neighbourhood(rows: Iterable[Row]) -> nx.DiGraph:
    """One user's neighbourhood as a DiGraph, from ``analytics_neighbourhood`` rows.

    Parameters
    ----------
    rows : iterable of dict
        One row per user: ``level`` (negative above the center, 0 for it,
        positive below), ``user`` (id, name, status, created_at,
        referrer_id, root, labels), ``fees`` (net, all periods), ``direct``
        (direct referrals) and ``downline`` (as of the last refresh, or None).

    Returns
    -------
    G : nx.DiGraph
        As from :func:`build_graph` (no fingerprints; the fees as one
        period, 'all'), each node also with ``level``, ``direct`` and
        ``downline``.

    Examples
    --------
    >>> G = build_neighbourhood([
    ...     {"level": 0, "user": {"id": "c"}, "fees": 30, "direct": 1, "downline": None},
    ...     {"level": 1, "user": {"id": "a", "referrer_id": "c"}, "fees": 0, "direct": 0,
    ...      "downline": None}])
    >>> sorted(G.edges), G.nodes["c"]["fees"], G.nodes["a"]["level"]
    ([('c', 'a')], 30, 1)
    """
    rows = list(rows)
    users = [{**row["user"], "phone_hash": None, "device_id": None, "payment_hash": None}
             for row in rows]
    fees = [{"merchant_id": row["user"]["id"], "period": "all", "fees": row["fees"],
             "refunded_fees": 0, "sales": 0, "amount": 0} for row in rows if row["fees"]]
    G = build_graph(users, fees)
    for row in rows:
        G.nodes[row["user"]["id"]].update(level=row["level"], direct=row["direct"],
                                          downline=row["downline"])
    return G


@contextmanager
def _gc_paused() -> Iterator[None]:
    # Millions of new node dicts set off the cyclic collector over and over
    # (a third of the build time); they hold no cycles, so wait until the end.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _user_attrs(user: Row) -> dict[str, Any]:
    attrs = {key: user.get(key) for key in ("name", "status", "created_at", *FINGERPRINTS)}
    attrs.update(roles=roles_of(user.get("labels")), root=bool(user.get("root")),
                 fees=0, fees_gross=0, refunded_fees=0, sales=0, rewards=0)
    return attrs


def _add_fee_totals(G: nx.DiGraph, rows: Iterable[Row]) -> list[Row]:
    kept = []
    for row in rows:
        node = G.nodes.get(row.get("merchant_id"))
        if node is None:
            continue
        node["fees_gross"] += row.get("fees") or 0
        node["refunded_fees"] += row.get("refunded_fees") or 0
        node["fees"] = node["fees_gross"] - node["refunded_fees"]
        node["sales"] += row.get("sales") or 0
        kept.append(row)
    return kept


def _add_rewards(G: nx.DiGraph, rows: Iterable[Row]) -> list[Row]:
    kept = []
    for row in rows:
        node = G.nodes.get(row.get("referrer_id"))
        if node is not None:
            node["rewards"] += row.get("amount") or 0
            kept.append(row)
    return kept
