"""Walking the referral tree: upline, depths, referrers-first order.

Every walk is breadth-first or a loop up the chain, never a recursion, so a
long chain of referrals cannot overflow the stack.  :func:`upline` is public;
the rest are the building blocks the other analytics modules share.
"""

from __future__ import annotations

from collections import deque
from typing import Any

import networkx as nx

from ..errors import UnknownUser

__all__ = ["upline"]

Links = tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]
"""Every user's referees and referrers: ``(succ, pred)``, from :func:`links`."""


def require_user(G: nx.DiGraph, user_id: str) -> None:
    """Raise :class:`~graph.errors.UnknownUser` unless ``user_id`` is in G."""
    if user_id not in G:
        raise UnknownUser(f"no user {user_id!r}; check the id")


def upline(G: nx.DiGraph, user_id: str, max_hops: int | None = None) -> list[str]:
    """The referrers above ``user_id``: direct referrer first, up to its root.

    Parameters
    ----------
    G : nx.DiGraph
        A referral network (edges referrer -> referee).
    user_id : str
        The user; :class:`~graph.errors.UnknownUser` if not in G.
    max_hops : int, optional
        Stop after this many referrers; default up to the root.

    Returns
    -------
    list
        Referrer ids, nearest first; a cycle stops the walk.

    Examples
    --------
    >>> G = nx.DiGraph([("r", "a"), ("a", "b"), ("b", "c")])
    >>> upline(G, "c"), upline(G, "c", max_hops=1), upline(G, "r")
    (['b', 'a', 'r'], ['b'], [])
    """
    require_user(G, user_id)
    chain: list[str] = []
    seen, node = {user_id}, user_id
    while max_hops is None or len(chain) < max_hops:
        referrer = next(iter(G.pred[node]), None)
        if referrer is None or referrer in seen:
            break
        chain.append(referrer)
        seen.add(referrer)
        node = referrer
    return chain


def links(G: nx.DiGraph) -> Links:
    """Every user's referees and referrers as plain dicts.

    ``G.succ[v]`` builds a view object on each call, which dominates a walk
    over a million users; ``adjacency()`` hands out the dicts themselves.

    Examples
    --------
    >>> succ, pred = links(nx.DiGraph([("r", "a")]))
    >>> list(succ["r"]), list(pred["a"]), list(pred["r"])
    (['a'], ['r'], [])
    """
    return dict(G.adjacency()), dict(G.reverse(copy=False).adjacency())


def depths(G: nx.DiGraph, linked: Links | None = None) -> dict[str, int]:
    """Hops from the nearest root, breadth first (dict order is BFS order).

    Users on a referral cycle have no root and are left out; the database
    refuses cycles, so this only matters for hand-made graphs.

    Examples
    --------
    >>> depths(nx.DiGraph([("r", "a"), ("a", "b"), ("x", "y"), ("y", "x")]))
    {'r': 0, 'a': 1, 'b': 2}
    """
    succ, pred = linked or links(G)
    found = {v: 0 for v, referrers in pred.items() if not referrers}
    queue = deque(found)
    while queue:
        v = queue.popleft()
        below = found[v] + 1
        for child in succ[v]:
            if child not in found:
                found[child] = below
                queue.append(child)
    return found


def forest_order(G: nx.DiGraph, linked: Links) -> list[str] | None:
    """The users referrers-first if G is a forest (one referrer at most, no cycle), else None.

    Examples
    --------
    >>> G = nx.DiGraph([("r", "a"), ("a", "b")])
    >>> forest_order(G, links(G))
    ['r', 'a', 'b']
    >>> G.add_edge("q", "b")
    >>> forest_order(G, links(G)) is None
    True
    """
    if any(len(referrers) > 1 for referrers in linked[1].values()):
        return None
    order = depths(G, linked)
    return list(order) if len(order) == len(G) else None
