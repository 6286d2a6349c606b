"""Who matters in the network: downline sizes, PageRank, top referrers.

All three stay linear in the size of the network on a referral forest, the
shape the database keeps; other graphs get a slower, honest answer.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from typing import Any

import networkx as nx

from ..vocabulary import MERCHANT
from .walk import forest_order, links

__all__ = ["RANKINGS", "downline_sizes", "pagerank", "top_referrers"]


def downline_sizes(G: nx.DiGraph) -> dict[str, int]:
    """Total downline of every user: everyone below them, at any depth.

    One bottom-up pass when G is a forest; otherwise each user's
    descendants are counted one by one.

    Examples
    --------
    >>> downline_sizes(nx.DiGraph([("r", "a"), ("r", "b"), ("a", "c")]))
    {'r': 3, 'a': 1, 'b': 0, 'c': 0}
    """
    linked = links(G)
    order = forest_order(G, linked)
    if order is None:
        return {v: len(nx.descendants(G, v)) for v in G}  # not a forest: count honestly
    pred = linked[1]
    sizes = dict.fromkeys(order, 0)
    for v in reversed(order):
        for parent in pred[v]:
            sizes[parent] += sizes[v] + 1
    return sizes


def pagerank(G: nx.DiGraph, alpha: float = 0.85, max_iter: int = 100,
             tol: float = 1.0e-10) -> dict[str, float]:
    """PageRank of the users on the reversed referral graph.

    A referee "votes" for its referrer: score flows from referee to
    referrer, and up again from there, so a referrer with a large, deep
    downline ranks high, while a plain referee gets only the teleport share.
    Roots (no referrer) are dangling and share their score with everyone,
    as in :func:`networkx.pagerank`; the scores are the same as
    ``nx.pagerank(G.reverse(), alpha)``, which needs SciPy, not installed here.

    A referral network has no cycle, so the scores are solved exactly in
    one pass in topological order: with ``c`` the common teleport and
    dangling share, ``x = c * s`` where
    ``s[v] = 1 + alpha * sum(s[u] / referrers(u) for u referee of v)``.
    A graph with a cycle falls back to power iteration (``max_iter``,
    L1 tolerance ``tol``).

    Returns
    -------
    dict
        User id -> score; the scores sum to 1.

    Examples
    --------
    >>> pr = pagerank(nx.DiGraph([("r", "a"), ("r", "b"), ("a", "c")]))
    >>> sorted(pr, key=pr.get, reverse=True)[:2]
    ['r', 'a']
    >>> round(sum(pr.values()), 9)
    1.0
    """
    if not G:
        return {}
    linked = links(G)
    order = forest_order(G, linked)
    if order is None:
        try:
            order = list(nx.topological_sort(G))
        except nx.NetworkXUnfeasible:
            return _pagerank_iterative(G, alpha, max_iter, tol)
    pred = linked[1]
    s = dict.fromkeys(G, 1.0)
    for u in reversed(order):  # a referee is final before its referrers see it
        if pred[u]:
            share = alpha * s[u] / len(pred[u])
            for v in pred[u]:
                s[v] += share
    total = sum(s.values())
    return {v: s[v] / total for v in G}


def _pagerank_iterative(G: nx.DiGraph, alpha: float, max_iter: int,
                        tol: float) -> dict[str, float]:
    n = len(G)
    x = dict.fromkeys(G, 1.0 / n)
    for _ in range(max_iter):
        dangling = sum(x[v] for v in G if not G.pred[v])
        new = dict.fromkeys(G, (1.0 - alpha + alpha * dangling) / n)
        for u in G:
            if G.pred[u]:
                share = alpha * x[u] / len(G.pred[u])
                for v in G.pred[u]:
                    new[v] += share
        if sum(abs(new[v] - x[v]) for v in G) < tol:
            return new
        x = new
    raise nx.PowerIterationFailedConvergence(max_iter)


def _direct_referrals(G: nx.DiGraph) -> dict[str, int]:
    return {v: len(referees) for v, referees in G.adjacency()}


def _merchant_fees(G: nx.DiGraph) -> dict[str, int]:
    """Each referrer's merchants' net fees: merchants they referred directly."""
    nodes = G.nodes
    return {v: sum(nodes[c]["fees"] for c in referees if MERCHANT in nodes[c].get("roles", ()))
            for v, referees in G.adjacency() if referees}


RANKINGS: dict[str, Callable[[nx.DiGraph], dict[str, Any]]] = {
    "direct": _direct_referrals,
    "downline": downline_sizes,
    "fees": _merchant_fees,
    "pagerank": pagerank,
}


def top_referrers(G: nx.DiGraph, by: str, k: int = 10) -> list[dict[str, Any]]:
    """The ``k`` referrers (users with a direct referral) ranked ``by``.

    Parameters
    ----------
    G : nx.DiGraph
        A graph from :func:`~graph.analytics.build.build_graph`.
    by : str
        'direct' (direct referrals), 'downline' (total downline), 'fees'
        (net fees of the merchants they referred directly) or 'pagerank'
        (:func:`pagerank`); anything else is a ValueError.
    k : int
        How many.

    Returns
    -------
    list of dict
        ``id``, ``name`` and ``value``; highest value first, ties by id.

    Examples
    --------
    >>> from graph.analytics import build_graph
    >>> G = build_graph([{"id": "r"}, {"id": "a", "referrer_id": "r"},
    ...                  {"id": "b", "referrer_id": "r"}, {"id": "c", "referrer_id": "a"}])
    >>> top_referrers(G, "downline")
    [{'id': 'r', 'name': None, 'value': 3}, {'id': 'a', 'name': None, 'value': 1}]
    >>> top_referrers(G, "height")
    Traceback (most recent call last):
    ...
    ValueError: unknown ranking 'height'; use one of direct, downline, fees, pagerank
    """
    if by not in RANKINGS:
        raise ValueError(f"unknown ranking {by!r}; use one of {', '.join(RANKINGS)}")
    values = RANKINGS[by](G)
    referrers = (v for v, referees in G.adjacency() if referees)
    best = heapq.nsmallest(k, referrers, key=lambda v: (-values[v], v))
    return [{"id": v, "name": G.nodes[v].get("name"), "value": values[v]} for v in best]
