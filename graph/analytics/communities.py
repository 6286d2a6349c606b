"""Groups of users who are closer to each other than to the rest (Louvain)."""

from __future__ import annotations

from typing import Any

import networkx as nx

from .influence import downline_sizes

__all__ = ["communities"]

MEMBERS_SHOWN = 10


def communities(G: nx.DiGraph, seed: int = 0, resolution: float = 1.0) -> list[dict[str, Any]]:
    """Communities of users (Louvain on the undirected referral graph).

    Parameters
    ----------
    G : nx.DiGraph
        A graph from :func:`~graph.analytics.build.build_graph`.
    seed : int
        Louvain's random seed: the same seed gives the same answer.
    resolution : float
        Below 1 favours fewer, larger communities; above 1 more, smaller ones.

    Returns
    -------
    list of dict
        ``id`` (0, 1, ...), ``size``, ``fees`` (net fees of the members) and
        ``members`` (up to 10 ids, highest fees first, then largest
        downline, then id); largest community first, ties by smallest id.

    Examples
    --------
    >>> from graph.analytics import build_graph
    >>> G = build_graph([{"id": "a"}, {"id": "b", "referrer_id": "a"}])
    >>> communities(G)
    [{'id': 0, 'size': 2, 'fees': 0, 'members': ['a', 'b']}]
    """
    if not G:
        return []
    parts = nx.community.louvain_communities(
        G.to_undirected(as_view=True), seed=seed, resolution=resolution)
    parts.sort(key=lambda p: (-len(p), min(p)))
    fees = {v: G.nodes[v].get("fees", 0) for v in G}
    sizes = downline_sizes(G)
    return [
        {"id": i, "size": len(part), "fees": sum(fees[v] for v in part),
         "members": sorted(part, key=lambda v: (-fees[v], -sizes[v], v))[:MEMBERS_SHOWN]}
        for i, part in enumerate(parts)
    ]
