"""Where to draw each user in the picture of a neighbourhood: a tidy tree.

The neighbourhood itself is read by the ``analytics_neighbourhood`` query
and built by :func:`~graph.analytics.build.build_neighbourhood`; this module
only places its nodes.
"""

from __future__ import annotations

import networkx as nx

from .walk import require_user

__all__ = ["tree_layout"]


def tree_layout(G_sub: nx.DiGraph, root: str | None = None) -> dict[str, tuple[float, float]]:
    """A tidy top-down tree layout: {id: (x, y)} with x, y in [0, 1].

    ``y`` grows with the depth below the topmost node (0 at the top);
    leaves are spaced evenly in depth-first order (children by id) and each
    parent is centred over its first and last child.  Trees of a forest sit
    side by side, ``root``'s first; a node on a cycle starts a tree of its
    own.  An axis with a single value is centred at 0.5.

    Parameters
    ----------
    G_sub : nx.DiGraph
        A (small) referral graph, edges referrer -> referee.
    root : str, optional
        The tree to place first; :class:`~graph.errors.UnknownUser` if not
        in ``G_sub``.

    Returns
    -------
    dict
        User id -> (x, y).

    Examples
    --------
    >>> tree_layout(nx.DiGraph([("r", "a"), ("r", "b")]))
    {'r': (0.5, 0.0), 'a': (0.0, 1.0), 'b': (1.0, 1.0)}
    >>> tree_layout(nx.DiGraph([("p", "q"), ("s", "t")]), root="s")["s"]
    (0.0, 0.0)
    """
    if not G_sub:
        return {}
    if root is not None:
        require_user(G_sub, root)
    xs: dict[str, float] = {}
    depths: dict[str, int] = {}
    leaves = 0
    tops = sorted(v for v in G_sub if not G_sub.pred[v])
    for top in ([root] if root is not None else []) + tops + sorted(G_sub):
        if top not in depths:
            depths[top] = 0
            leaves = _place_tree(G_sub, top, xs, depths, leaves)
    width, height = leaves - 1, max(depths.values())
    return {v: (xs[v] / width if width else 0.5, depths[v] / height if height else 0.5)
            for v in G_sub}


def _place_tree(G: nx.DiGraph, top: str, xs: dict[str, float], depths: dict[str, int],
                next_leaf: int) -> int:
    """Depth-first, children claimed by the first parent that reaches them."""
    stack: list[tuple[str, list[str] | None]] = [(top, None)]
    while stack:
        node, children = stack.pop()
        if children is None:
            children = [c for c in sorted(G.succ[node]) if c not in depths]
            for c in children:
                depths[c] = depths[node] + 1
            stack.append((node, children))
            stack.extend((c, None) for c in reversed(children))
        elif children:
            xs[node] = (xs[children[0]] + xs[children[-1]]) / 2
        else:
            xs[node] = next_leaf
            next_leaf += 1
    return next_leaf
