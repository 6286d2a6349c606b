"""The whole network in counts and histograms, in one linear pass or so."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

import networkx as nx

from ..vocabulary import CARDHOLDER, DAY_MS, MERCHANT, ROLES, USER_STATUSES
from .build import Row
from .walk import depths, links

__all__ = ["summary"]


def summary(G: nx.DiGraph, period_of: Callable[[int], str] | None = None) -> dict[str, Any]:
    """Counts and histograms of the whole network.

    Parameters
    ----------
    G : nx.DiGraph
        A graph from :func:`~graph.analytics.build.build_graph`.
    period_of : callable, optional
        Epoch ms -> period name for ``growth_per_period``; default the UTC
        calendar month, 'YYYY-MM'.

    Returns
    -------
    dict
        ``users``, ``edges``, ``by_role``, ``by_status``, ``roots`` (users
        without a referrer in G), ``max_depth`` and ``depth_distribution``
        (roots at depth 0), ``referrals_per_referrer`` (how many users made
        n direct referrals, n >= 1), ``growth_per_period`` (users who joined
        in each period, and how many of them are merchants and card holders),
        ``fees_per_period`` and ``rewards_per_tier``.  Lists are sorted by
        their first keys.

    Examples
    --------
    >>> from graph.analytics import build_graph
    >>> G = build_graph([{"id": "a", "created_at": 0},
    ...                  {"id": "b", "referrer_id": "a", "created_at": 0,
    ...                   "labels": ["Merchant"], "status": "active"}])
    >>> s = summary(G)
    >>> s["roots"], s["max_depth"], s["depth_distribution"]
    (1, 1, [{'depth': 0, 'count': 1}, {'depth': 1, 'count': 1}])
    >>> s["growth_per_period"]
    [{'period': '1970-01', 'users': 2, 'merchants': 1, 'cardholders': 0}]
    >>> s["by_role"], s["by_status"]
    ({'buyer': 0, 'cardholder': 0, 'merchant': 1}, {'active': 1, 'suspended': 0, 'closed': 0})
    """
    succ, pred = linked = links(G)
    depth_counts = Counter(depths(G, linked).values())
    referrals = Counter(len(referees) for referees in succ.values() if referees)
    return {
        "users": G.number_of_nodes(),
        "by_role": _count_roles(G),
        "by_status": _count_statuses(G),
        "edges": G.number_of_edges(),
        "roots": sum(1 for referrers in pred.values() if not referrers),
        "max_depth": max(depth_counts, default=0),
        "depth_distribution": [{"depth": d, "count": depth_counts[d]} for d in sorted(depth_counts)],
        "referrals_per_referrer": [{"referrals": n, "referrers": referrals[n]} for n in sorted(referrals)],
        "growth_per_period": _growth(G, period_of or _month),
        "fees_per_period": _fees_per_period(G.graph.get("fee_totals", ())),
        "rewards_per_tier": _rewards_per_tier(G.graph.get("rewards", ())),
    }


def _month(ms: int) -> str:
    return _month_of_day(ms // DAY_MS)


@lru_cache(maxsize=4096)
def _month_of_day(day: int) -> str:
    # A million datetime conversions cost seconds; a network spans few days.
    return datetime.fromtimestamp(day * DAY_MS // 1_000, tz=timezone.utc).strftime("%Y-%m")


def _count_roles(G: nx.DiGraph) -> dict[str, int]:
    counts = dict.fromkeys(sorted(ROLES), 0)
    for _, roles in G.nodes(data="roles", default=()):
        for role in roles:
            counts[role] += 1
    return counts


def _count_statuses(G: nx.DiGraph) -> dict[str, int]:
    counts = dict.fromkeys(USER_STATUSES, 0)
    for _, status in G.nodes(data="status"):
        if status is not None:
            counts[status] = counts.get(status, 0) + 1
    return counts


def _growth(G: nx.DiGraph, period_of: Callable[[int], str]) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for _, node in G.nodes(data=True):
        if node.get("created_at") is None:
            continue
        period = period_of(node["created_at"])
        row = rows.setdefault(period, {"period": period, "users": 0, "merchants": 0, "cardholders": 0})
        row["users"] += 1
        row["merchants"] += MERCHANT in node.get("roles", ())
        row["cardholders"] += CARDHOLDER in node.get("roles", ())
    return [rows[p] for p in sorted(rows)]


def _fees_per_period(fee_totals: Iterable[Row]) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for t in fee_totals:
        row = rows.setdefault(t["period"], {"period": t["period"], "fees": 0, "refunded_fees": 0, "net": 0})
        row["fees"] += t.get("fees") or 0
        row["refunded_fees"] += t.get("refunded_fees") or 0
        row["net"] = row["fees"] - row["refunded_fees"]
    return [rows[p] for p in sorted(rows)]


def _rewards_per_tier(reward_lines: Iterable[Row]) -> list[dict[str, Any]]:
    rows: dict[tuple[str, int | None], dict[str, Any]] = {}
    for line in reward_lines:
        key = (line["period"], line.get("tier"))
        row = rows.setdefault(key, {"period": key[0], "tier": key[1], "lines": 0, "amount": 0})
        row["lines"] += 1
        row["amount"] += line.get("amount") or 0
    # A line without a tier sorts before tier 1 of its period.
    return [rows[k] for k in sorted(rows, key=lambda k: (k[0], k[1] is not None, k[1] or 0))]
