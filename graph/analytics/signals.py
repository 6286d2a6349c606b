"""Fraud signals: facts about the network for a person to look at.

A signal changes nothing and accuses no one; it is a dict with ``id``
(stable across runs), ``kind``, ``subject`` (the user it is filed under),
``user_ids``, ``evidence`` and a one-line ``message``.
"""

from __future__ import annotations

import inspect
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from ..vocabulary import DAY_MS, DORMANT_CHAIN, REFERRAL_BURST, SELF_DEALING, SHARED_FINGERPRINT
from .build import FINGERPRINTS
from .walk import links, upline

__all__ = ["DETECTORS", "dormant_chains", "fraud_signals", "referral_bursts", "self_dealing",
           "shared_fingerprints"]

Signal = dict[str, Any]


def shared_fingerprints(G: nx.DiGraph, subtree_depth: int = 3) -> list[Signal]:
    """Related users who share a phone, device or payment fingerprint.

    Users with the same ``phone_hash``, ``device_id`` or ``payment_hash``
    are flagged when one referred the other (scope 'referrer') or when they
    have a common ancestor at most ``subtree_depth`` hops above each (a user
    is its own ancestor at 0 hops; scope 'subtree').  Users who share a
    value but are unrelated in the tree are not flagged: a family phone or
    a shop's card reader is not evidence.  One signal per (field, value);
    its subject is the flagged user highest in the tree.

    Examples
    --------
    >>> from graph.analytics import build_graph
    >>> G = build_graph([{"id": "r"}, {"id": "a", "referrer_id": "r", "device_id": "d1"},
    ...                  {"id": "b", "referrer_id": "r", "device_id": "d1"},
    ...                  {"id": "x", "device_id": "d1"}])
    >>> [(s["id"], s["user_ids"], s["evidence"]["scope"]) for s in shared_fingerprints(G)]
    [('shared_fingerprint:a:device_id:d1', ['a', 'b'], 'subtree')]
    """
    signals = []
    for field in FINGERPRINTS:
        for value, members in _fingerprint_groups(G, field).items():
            if len(members) < 2:
                continue
            flagged, scope = _related(G, members, subtree_depth)
            if flagged:
                signals.append(_fingerprint_signal(G, field, value, flagged, scope))
    return _sorted_signals(signals)


def self_dealing(G: nx.DiGraph, min_purchases: int = 3) -> list[Signal]:
    """Referrers buying from their own merchants; buyers who look like the merchant.

    Raises (a) ``reason='bought_from_referee'`` when a user bought at least
    ``min_purchases`` times from a merchant they referred directly, and
    (b) ``reason='shared_fingerprint'`` when a buyer and a merchant share a
    phone, device or payment fingerprint and there is at least one
    purchase between them.  The subject is the buyer.

    Examples
    --------
    >>> from graph.analytics import build_graph
    >>> G = build_graph([{"id": "r"}, {"id": "m", "referrer_id": "r"}],
    ...                 purchases=[{"buyer_id": "r", "merchant_id": "m", "sales": 4, "amount": 900}])
    >>> [s["id"] for s in self_dealing(G)], self_dealing(G, min_purchases=5)
    (['self_dealing:r:referee:m'], [])
    """
    signals = []
    for (buyer, merchant), (sales, amount) in _purchase_totals(G).items():
        facts = {"merchant_id": merchant, "sales": sales, "amount": amount}
        if G.has_edge(buyer, merchant) and sales >= min_purchases:
            signals.append(_signal(
                SELF_DEALING, buyer, f"referee:{merchant}", [buyer, merchant],
                {"reason": "bought_from_referee", **facts},
                f"{buyer} bought {sales} times from {merchant}, a merchant they referred."))
        shared = [f for f in FINGERPRINTS if G.nodes[buyer].get(f) and
                  G.nodes[buyer].get(f) == G.nodes[merchant].get(f)]
        if shared and sales >= 1:
            signals.append(_signal(
                SELF_DEALING, buyer, f"fingerprint:{merchant}", [buyer, merchant],
                {"reason": "shared_fingerprint", "fields": shared, **facts},
                f"{buyer} bought from {merchant} and shares their {', '.join(shared)}."))
    return _sorted_signals(signals)


def referral_bursts(G: nx.DiGraph, window_ms: int = DAY_MS, factor: float = 5.0,
                    min_count: int = 5) -> list[Signal]:
    """Referrers who suddenly referred many users in one time window.

    Referees are counted per window of ``window_ms`` (aligned on the epoch)
    of their ``created_at``.  A window is a burst when its count reaches
    ``min_count`` and ``factor`` times the referrer's baseline: the median
    count of their other windows with a referral (1 when there is none).

    Examples
    --------
    >>> from graph.analytics import build_graph
    >>> users = [{"id": "r"}] + [{"id": f"u{i}", "referrer_id": "r", "created_at": 1000 + i}
    ...                          for i in range(6)]
    >>> [s["evidence"] for s in referral_bursts(build_graph(users))]
    [{'window_start': 0, 'window_ms': 86400000, 'count': 6, 'baseline': 1}]
    """
    signals = []
    joined = dict(G.nodes(data="created_at"))
    for referrer, referees in G.adjacency():
        if len(referees) < min_count:
            continue
        counts = Counter(joined[r] // window_ms for r in referees if joined[r] is not None)
        for window, count in sorted(counts.items()):
            if count < min_count:
                continue
            others = [c for w, c in counts.items() if w != window]
            baseline = statistics.median(others) if others else 1
            if count >= factor * baseline:
                start = window * window_ms
                signals.append(_signal(
                    REFERRAL_BURST, referrer, str(start), [referrer],
                    {"window_start": start, "window_ms": window_ms, "count": count,
                     "baseline": baseline},
                    f"{referrer} referred {count} users in one window, against a usual {baseline}."))
    return _sorted_signals(signals)


def dormant_chains(G: nx.DiGraph, min_length: int = 4) -> list[Signal]:
    """Long single-file chains of accounts that never sold or bought.

    A chain is a maximal path of dormant accounts (no sales as a merchant,
    no purchase as a buyer) in which every account but the last referred
    exactly one account, the next one.  Chains of at least ``min_length``
    accounts are flagged; the subject is the chain's first account.

    Examples
    --------
    >>> from graph.analytics import build_graph
    >>> G = build_graph([{"id": "a"}, {"id": "b", "referrer_id": "a"},
    ...                  {"id": "c", "referrer_id": "b"}, {"id": "d", "referrer_id": "c"}])
    >>> [s["evidence"] for s in dormant_chains(G)], dormant_chains(G, min_length=5)
    ([{'chain': ['a', 'b', 'c', 'd'], 'length': 4}], [])
    """
    active = {v for v, sales in G.nodes(data="sales", default=0) if sales}
    for row in G.graph.get("purchases", ()):
        if row.get("sales", 1):
            active.update((row["buyer_id"], row["merchant_id"]))
    succ, pred = links(G)

    def passes_on(v: str) -> bool:  # dormant, and referred exactly one account
        return v not in active and len(succ[v]) == 1

    signals = []
    for head in G:
        if not passes_on(head) or any(passes_on(p) for p in pred[head]):
            continue
        chain = _follow(G, head, active)
        if len(chain) >= min_length:
            signals.append(_signal(
                DORMANT_CHAIN, head, str(len(chain)), chain,
                {"chain": chain, "length": len(chain)},
                f"{len(chain)} accounts from {head} each referred one account and none sold or bought."))
    return _sorted_signals(signals)


DETECTORS: tuple[Callable[..., list[Signal]], ...] = (
    shared_fingerprints, self_dealing, referral_bursts, dormant_chains)


def fraud_signals(G: nx.DiGraph, **thresholds: Any) -> list[Signal]:
    """Every fraud signal, sorted by (kind, subject).

    ``thresholds`` are passed to the detector that takes them
    (``subtree_depth``, ``min_purchases``, ``window_ms``, ``factor``,
    ``min_count``, ``min_length``); an unknown one is a TypeError.

    Examples
    --------
    >>> fraud_signals(nx.DiGraph(), min_length=2)
    []
    >>> fraud_signals(nx.DiGraph(), min_lenght=2)
    Traceback (most recent call last):
    ...
    TypeError: unknown fraud threshold(s): min_lenght
    """
    taken = {name: d for d in DETECTORS for name in list(inspect.signature(d).parameters)[1:]}
    unknown = sorted(set(thresholds) - set(taken))
    if unknown:
        raise TypeError(f"unknown fraud threshold(s): {', '.join(unknown)}")
    signals = []
    for detect in DETECTORS:
        signals += detect(G, **{k: v for k, v in thresholds.items() if taken[k] is detect})
    return _sorted_signals(signals)


def _signal(kind: str, subject: str, key: str, user_ids: Iterable[str],
            evidence: dict[str, Any], message: str) -> Signal:
    return {"id": f"{kind}:{subject}:{key}", "kind": kind, "subject": subject,
            "user_ids": sorted(set(user_ids)), "evidence": evidence, "message": message}


def _sorted_signals(signals: list[Signal]) -> list[Signal]:
    return sorted(signals, key=lambda s: (s["kind"], s["subject"], s["id"]))


def _fingerprint_groups(G: nx.DiGraph, field: str) -> dict[str, list[str]]:
    groups = defaultdict(list)
    for v, value in G.nodes(data=field):
        if value:
            groups[value].append(v)
    return groups


def _related(G: nx.DiGraph, members: list[str], subtree_depth: int) -> tuple[set[str], str]:
    """The members related in the tree, and whether a pair is referrer-referee."""
    member_set = set(members)
    flagged: set[str] = set()
    scope = "subtree"
    under: defaultdict[str, set[str]] = defaultdict(set)  # ancestor -> members within subtree_depth below it
    for m in members:
        ancestors = upline(G, m, max_hops=subtree_depth)
        if ancestors and ancestors[0] in member_set:
            flagged.update((m, ancestors[0]))
            scope = "referrer"
        for a in [m, *ancestors]:
            under[a].add(m)
    for group in under.values():
        if len(group) > 1:
            flagged |= group
    return flagged, scope


def _fingerprint_signal(G: nx.DiGraph, field: str, value: str, flagged: set[str],
                        scope: str) -> Signal:
    users = sorted(flagged)
    subject = min(users, key=lambda v: (len(upline(G, v)), v))
    how = "with their referrer" if scope == "referrer" else "within one referral subtree"
    return _signal(
        SHARED_FINGERPRINT, subject, f"{field}:{value}", users,
        {"field": field, "value": value, "scope": scope, "users": users},
        f"{len(users)} users share the same {field} {how}: {', '.join(users)}.")


def _purchase_totals(G: nx.DiGraph) -> dict[tuple[str, str], tuple[int, int]]:
    totals: defaultdict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for row in G.graph.get("purchases", ()):
        pair = totals[(row["buyer_id"], row["merchant_id"])]
        pair[0] += row.get("sales") or 0
        pair[1] += row.get("amount") or 0
    return {pair: (t[0], t[1]) for pair, t in totals.items()}


def _follow(G: nx.DiGraph, head: str, active: set[str]) -> list[str]:
    chain, seen, node = [head], {head}, head
    while len(G.succ[node]) == 1:
        (node,) = G.succ[node]
        if node in seen or node in active:
            break
        chain.append(node)
        seen.add(node)
    return chain
