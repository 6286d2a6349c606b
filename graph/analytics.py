"""Referral-network analytics as plain functions of a ``networkx.DiGraph``.

:func:`build_graph` is the one place where query rows become a graph: a
node per user (keyed by id), an edge referrer -> referee.  Every other
function reads that graph and changes nothing; fraud signals only point at
facts for a person to look at.

The functions walk the graph in breadth-first or topological order, never
by recursion, so a long chain of referrals cannot overflow the stack, and
the whole-network ones (:func:`summary`, :func:`top_referrers`,
:func:`pagerank`) stay linear in the size of the network.

>>> G = build_graph([
...     {"id": "a", "labels": ["User", "Buyer"], "created_at": 0},
...     {"id": "b", "labels": ["User", "Merchant"], "referrer_id": "a", "created_at": 1},
...     {"id": "c", "referrer_id": "b", "created_at": 2},
... ], fee_totals=[{"merchant_id": "b", "period": "2026-10", "fees": 50,
...                 "refunded_fees": 10, "sales": 3, "amount": 5000}])
>>> upline(G, "c")
['b', 'a']
>>> user_stats(G, "a")
{'direct': 1, 'total_downline': 2, 'depth': 0, 'merchant_fees': 40, 'rewards': 0}
"""

import gc
import heapq
import inspect
import statistics
from collections import Counter, defaultdict, deque
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache

import networkx as nx

from .errors import UnknownUser

ROLE_OF_LABEL = {"buyer": "buyer", "merchant": "merchant", "cardholder": "cardholder"}
STATUSES = ("active", "suspended", "closed")
FINGERPRINTS = ("phone_hash", "device_id", "payment_hash")
DAY_MS = 86_400_000


# -- building the graph ------------------------------------------------------

def roles_of(labels):
    """The sorted roles ('buyer', 'merchant', 'cardholder') a user's labels give.

    >>> roles_of(["User", "Merchant", "CardHolder", "Buyer"])
    ['buyer', 'cardholder', 'merchant']
    >>> roles_of(["User"])
    []
    """
    return sorted({ROLE_OF_LABEL[x.lower()] for x in labels or () if x.lower() in ROLE_OF_LABEL})


def build_graph(users, fee_totals=(), purchases=(), rewards=()):
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


@contextmanager
def _gc_paused():
    # Millions of new node dicts set off the cyclic collector over and over
    # (a third of the build time); they hold no cycles, so wait until the end.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _user_attrs(user):
    attrs = {key: user.get(key) for key in ("name", "status", "created_at", *FINGERPRINTS)}
    attrs.update(roles=roles_of(user.get("labels")), root=bool(user.get("root")),
                 fees=0, fees_gross=0, refunded_fees=0, sales=0, rewards=0)
    return attrs


def _add_fee_totals(G, rows):
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


def _add_rewards(G, rows):
    kept = []
    for row in rows:
        node = G.nodes.get(row.get("referrer_id"))
        if node is not None:
            node["rewards"] += row.get("amount") or 0
            kept.append(row)
    return kept


# -- whole network -----------------------------------------------------------

def _month(ms):
    return _month_of_day(ms // DAY_MS)


@lru_cache(maxsize=4096)
def _month_of_day(day):
    # A million datetime conversions cost seconds; a network spans few days.
    return datetime.fromtimestamp(day * 86_400, tz=timezone.utc).strftime("%Y-%m")


def summary(G, period_of=None):
    """Counts and histograms of the whole network.

    Parameters
    ----------
    G : nx.DiGraph
        A graph from :func:`build_graph`.
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
    >>> G = build_graph([{"id": "a", "created_at": 0},
    ...                  {"id": "b", "referrer_id": "a", "created_at": 0,
    ...                   "labels": ["Merchant"], "status": "active"}])
    >>> s = summary(G)
    >>> s["roots"], s["max_depth"], s["depth_distribution"]
    (1, 1, [{'depth': 0, 'count': 1}, {'depth': 1, 'count': 1}])
    >>> s["growth_per_period"]
    [{'period': '1970-01', 'users': 2, 'merchants': 1, 'cardholders': 0}]
    """
    succ, pred = links = _links(G)
    depth_counts = Counter(_depths(G, links).values())
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


def _count_roles(G):
    counts = {role: 0 for role in sorted(set(ROLE_OF_LABEL.values()))}
    for _, roles in G.nodes(data="roles", default=()):
        for role in roles:
            counts[role] += 1
    return counts


def _count_statuses(G):
    counts = dict.fromkeys(STATUSES, 0)
    for _, status in G.nodes(data="status"):
        if status is not None:
            counts[status] = counts.get(status, 0) + 1
    return counts


def _growth(G, period_of):
    rows = {}
    for _, node in G.nodes(data=True):
        if node.get("created_at") is None:
            continue
        period = period_of(node["created_at"])
        row = rows.setdefault(period, {"period": period, "users": 0, "merchants": 0, "cardholders": 0})
        row["users"] += 1
        row["merchants"] += "merchant" in node.get("roles", ())
        row["cardholders"] += "cardholder" in node.get("roles", ())
    return [rows[p] for p in sorted(rows)]


def _fees_per_period(fee_totals):
    rows = {}
    for t in fee_totals:
        row = rows.setdefault(t["period"], {"period": t["period"], "fees": 0, "refunded_fees": 0, "net": 0})
        row["fees"] += t.get("fees") or 0
        row["refunded_fees"] += t.get("refunded_fees") or 0
        row["net"] = row["fees"] - row["refunded_fees"]
    return [rows[p] for p in sorted(rows)]


def _rewards_per_tier(reward_lines):
    rows = {}
    for line in reward_lines:
        key = (line["period"], line.get("tier"))
        row = rows.setdefault(key, {"period": key[0], "tier": key[1], "lines": 0, "amount": 0})
        row["lines"] += 1
        row["amount"] += line.get("amount") or 0
    # A line without a tier sorts before tier 1 of its period.
    return [rows[k] for k in sorted(rows, key=lambda k: (k[0], k[1] is not None, k[1] or 0))]


def _links(G):
    """Every user's referees and referrers as plain dicts.

    ``G.succ[v]`` builds a view object on each call, which dominates a walk
    over a million users; ``adjacency()`` hands out the dicts themselves.
    """
    return dict(G.adjacency()), dict(G.reverse(copy=False).adjacency())


def _depths(G, links=None):
    """Hops from the nearest root, breadth first (dict order is BFS order).

    Users on a referral cycle have no root and are left out; the database
    refuses cycles, so this only matters for hand-made graphs.
    """
    succ, pred = links or _links(G)
    depths = {v: 0 for v, referrers in pred.items() if not referrers}
    queue = deque(depths)
    while queue:
        v = queue.popleft()
        below = depths[v] + 1
        for child in succ[v]:
            if child not in depths:
                depths[child] = below
                queue.append(child)
    return depths


def _forest_order(G, links):
    """The users referrers-first if G is a forest (one referrer at most, no cycle), else None."""
    if any(len(referrers) > 1 for referrers in links[1].values()):
        return None
    order = _depths(G, links)
    return list(order) if len(order) == len(G) else None


def downline_sizes(G):
    """Total downline of every user: one bottom-up pass when G is a forest."""
    links = _links(G)
    order = _forest_order(G, links)
    if order is None:
        return {v: len(nx.descendants(G, v)) for v in G}  # not a forest: count honestly
    pred = links[1]
    sizes = dict.fromkeys(order, 0)
    for v in reversed(order):
        for parent in pred[v]:
            sizes[parent] += sizes[v] + 1
    return sizes


# -- one user ----------------------------------------------------------------

def _require(G, user_id):
    if user_id not in G:
        raise UnknownUser(f"no user {user_id!r}; check the id")


def upline(G, user_id, max_hops=None):
    """The referrers above ``user_id``: direct referrer first, up to its root.

    Examples
    --------
    >>> G = nx.DiGraph([("r", "a"), ("a", "b"), ("b", "c")])
    >>> upline(G, "c"), upline(G, "c", max_hops=1), upline(G, "r")
    (['b', 'a', 'r'], ['b'], [])
    """
    _require(G, user_id)
    chain, seen, node = [], {user_id}, user_id
    while max_hops is None or len(chain) < max_hops:
        referrer = next(iter(G.pred[node]), None)
        if referrer is None or referrer in seen:
            break
        chain.append(referrer)
        seen.add(referrer)
        node = referrer
    return chain


def _downline_by_level(G, user_id, depth):
    _require(G, user_id)
    seen, frontier = {user_id}, [user_id]
    for _ in range(depth):
        frontier = [c for v in frontier for c in G.succ[v] if c not in seen]
        if not frontier:
            break
        seen.update(frontier)
        yield frontier


def downline_levels(G, user_id, depth):
    """How many users sit 1, 2, ... ``depth`` levels below ``user_id``.

    Examples
    --------
    >>> G = nx.DiGraph([("r", "a"), ("r", "b"), ("a", "c")])
    >>> downline_levels(G, "r", 5)
    [{'level': 1, 'count': 2}, {'level': 2, 'count': 1}]
    """
    levels = _downline_by_level(G, user_id, depth)
    return [{"level": n, "count": len(users)} for n, users in enumerate(levels, 1)]


def reach(G, user_id, k):
    """How many users are within ``k`` hops below ``user_id``.

    >>> reach(nx.DiGraph([("r", "a"), ("a", "b"), ("b", "c")]), "r", 2)
    2
    """
    return sum(len(users) for users in _downline_by_level(G, user_id, k))


def _merchant_fees(G, user_id):
    nodes = G.nodes
    return sum(nodes[c]["fees"] for c in G.succ[user_id] if "merchant" in nodes[c].get("roles", ()))


def user_stats(G, user_id):
    """A user's direct referrals, total downline, depth, merchants' fees and rewards.

    ``merchant_fees`` are the net fees (all periods) of the merchants the
    user referred directly; ``depth`` counts hops from its root.  See the
    module's example.
    """
    _require(G, user_id)
    return {
        "direct": len(G.succ[user_id]),
        "total_downline": len(nx.descendants(G, user_id)),
        "depth": len(upline(G, user_id)),
        "merchant_fees": _merchant_fees(G, user_id),
        "rewards": G.nodes[user_id].get("rewards", 0),
    }


# -- influence ---------------------------------------------------------------

def pagerank(G, alpha=0.85, max_iter=100, tol=1.0e-10):
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
    links = _links(G)
    order = _forest_order(G, links)
    if order is None:
        try:
            order = list(nx.topological_sort(G))
        except nx.NetworkXUnfeasible:
            return _pagerank_iterative(G, alpha, max_iter, tol)
    pred = links[1]
    s = dict.fromkeys(G, 1.0)
    for u in reversed(order):  # a referee is final before its referrers see it
        if pred[u]:
            share = alpha * s[u] / len(pred[u])
            for v in pred[u]:
                s[v] += share
    total = sum(s.values())
    return {v: s[v] / total for v in G}


def _pagerank_iterative(G, alpha, max_iter, tol):
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


def _fees_ranking(G):
    return {v: _merchant_fees(G, v) for v, referees in G.adjacency() if referees}


RANKINGS = {
    "direct": lambda G: {v: len(referees) for v, referees in G.adjacency()},
    "downline": downline_sizes,
    "fees": _fees_ranking,
    "pagerank": pagerank,
}


def top_referrers(G, by, k=10):
    """The ``k`` referrers (users with a direct referral) ranked ``by``.

    ``by`` is 'direct' (direct referrals), 'downline' (total downline),
    'fees' (net fees of the merchants they referred directly) or 'pagerank'
    (:func:`pagerank`).  Highest value first, ties by id.

    Examples
    --------
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


def communities(G, seed=0, resolution=1.0):
    """Communities of users (Louvain on the undirected referral graph).

    Returns
    -------
    list of dict
        ``id`` (0, 1, ...), ``size``, ``fees`` (net fees of the members) and
        ``members`` (up to 10 ids, highest fees first, then largest
        downline, then id); largest community first, ties by smallest id.
        The same ``seed`` gives the same answer.

    Examples
    --------
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
         "members": sorted(part, key=lambda v: (-fees[v], -sizes[v], v))[:10]}
        for i, part in enumerate(parts)
    ]


# -- fraud signals -----------------------------------------------------------

def _signal(kind, subject, key, user_ids, evidence, message):
    return {"id": f"{kind}:{subject}:{key}", "kind": kind, "subject": subject,
            "user_ids": sorted(set(user_ids)), "evidence": evidence, "message": message}


def _sorted_signals(signals):
    return sorted(signals, key=lambda s: (s["kind"], s["subject"], s["id"]))


def shared_fingerprints(G, subtree_depth=3):
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


def _fingerprint_groups(G, field):
    groups = defaultdict(list)
    for v, value in G.nodes(data=field):
        if value:
            groups[value].append(v)
    return groups


def _related(G, members, subtree_depth):
    """The members related in the tree, and whether a pair is referrer-referee."""
    member_set = set(members)
    flagged, scope = set(), "subtree"
    under = defaultdict(set)  # ancestor -> members within subtree_depth below it
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


def _fingerprint_signal(G, field, value, flagged, scope):
    users = sorted(flagged)
    subject = min(users, key=lambda v: (len(upline(G, v)), v))
    how = "with their referrer" if scope == "referrer" else "within one referral subtree"
    return _signal(
        "shared_fingerprint", subject, f"{field}:{value}", users,
        {"field": field, "value": value, "scope": scope, "users": users},
        f"{len(users)} users share the same {field} {how}: {', '.join(users)}.")


def self_dealing(G, min_purchases=3):
    """Referrers buying from their own merchants; buyers who look like the merchant.

    Raises (a) ``reason='bought_from_referee'`` when a user bought at least
    ``min_purchases`` times from a merchant they referred directly, and
    (b) ``reason='shared_fingerprint'`` when a buyer and a merchant share a
    phone, device or payment fingerprint and there is at least one
    purchase between them.  The subject is the buyer.

    Examples
    --------
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
                "self_dealing", buyer, f"referee:{merchant}", [buyer, merchant],
                {"reason": "bought_from_referee", **facts},
                f"{buyer} bought {sales} times from {merchant}, a merchant they referred."))
        shared = [f for f in FINGERPRINTS if G.nodes[buyer].get(f) and
                  G.nodes[buyer].get(f) == G.nodes[merchant].get(f)]
        if shared and sales >= 1:
            signals.append(_signal(
                "self_dealing", buyer, f"fingerprint:{merchant}", [buyer, merchant],
                {"reason": "shared_fingerprint", "fields": shared, **facts},
                f"{buyer} bought from {merchant} and shares their {', '.join(shared)}."))
    return _sorted_signals(signals)


def _purchase_totals(G):
    totals = defaultdict(lambda: [0, 0])
    for row in G.graph.get("purchases", ()):
        pair = totals[(row["buyer_id"], row["merchant_id"])]
        pair[0] += row.get("sales") or 0
        pair[1] += row.get("amount") or 0
    return {pair: tuple(t) for pair, t in totals.items()}


def referral_bursts(G, window_ms=DAY_MS, factor=5.0, min_count=5):
    """Referrers who suddenly referred many users in one time window.

    Referees are counted per window of ``window_ms`` (aligned on the epoch)
    of their ``created_at``.  A window is a burst when its count reaches
    ``min_count`` and ``factor`` times the referrer's baseline: the median
    count of their other windows with a referral (1 when there is none).

    Examples
    --------
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
                signals.append(_burst_signal(referrer, window * window_ms, window_ms, count, baseline))
    return _sorted_signals(signals)


def _burst_signal(referrer, start, window_ms, count, baseline):
    return _signal(
        "referral_burst", referrer, str(start), [referrer],
        {"window_start": start, "window_ms": window_ms, "count": count, "baseline": baseline},
        f"{referrer} referred {count} users in one window, against a usual {baseline}.")


def dormant_chains(G, min_length=4):
    """Long single-file chains of accounts that never sold or bought.

    A chain is a maximal path of dormant accounts (no sales as a merchant,
    no purchase as a buyer) in which every account but the last referred
    exactly one account, the next one.  Chains of at least ``min_length``
    accounts are flagged; the subject is the chain's first account.

    Examples
    --------
    >>> G = build_graph([{"id": "a"}, {"id": "b", "referrer_id": "a"},
    ...                  {"id": "c", "referrer_id": "b"}, {"id": "d", "referrer_id": "c"}])
    >>> [s["evidence"] for s in dormant_chains(G)], dormant_chains(G, min_length=5)
    ([{'chain': ['a', 'b', 'c', 'd'], 'length': 4}], [])
    """
    active = {v for v, sales in G.nodes(data="sales", default=0) if sales}
    for row in G.graph.get("purchases", ()):
        if row.get("sales", 1):
            active.update((row["buyer_id"], row["merchant_id"]))

    succ, pred = _links(G)

    def links(v):  # v is dormant and passes the chain on to exactly one account
        return v not in active and len(succ[v]) == 1

    signals = []
    for head in G:
        if not links(head) or any(links(p) for p in pred[head]):
            continue
        chain = _follow(G, head, active)
        if len(chain) >= min_length:
            signals.append(_signal(
                "dormant_chain", head, str(len(chain)), chain,
                {"chain": chain, "length": len(chain)},
                f"{len(chain)} accounts from {head} each referred one account and none sold or bought."))
    return _sorted_signals(signals)


def _follow(G, head, active):
    chain, seen, node = [head], {head}, head
    while len(G.succ[node]) == 1:
        (node,) = G.succ[node]
        if node in seen or node in active:
            break
        chain.append(node)
        seen.add(node)
    return chain


DETECTORS = (shared_fingerprints, self_dealing, referral_bursts, dormant_chains)


def fraud_signals(G, **thresholds):
    """Every fraud signal, sorted by (kind, subject).

    ``thresholds`` are passed to the detector that takes them
    (``subtree_depth``, ``min_purchases``, ``window_ms``, ``factor``,
    ``min_count``, ``min_length``); an unknown one is a TypeError.

    >>> fraud_signals(nx.DiGraph(), min_length=2)
    []
    """
    taken = {name: d for d in DETECTORS for name in list(inspect.signature(d).parameters)[1:]}
    unknown = sorted(set(thresholds) - set(taken))
    if unknown:
        raise TypeError(f"unknown fraud threshold(s): {', '.join(unknown)}")
    signals = []
    for detect in DETECTORS:
        signals += detect(G, **{k: v for k, v in thresholds.items() if taken[k] is detect})
    return _sorted_signals(signals)


# -- pictures ----------------------------------------------------------------

def neighbourhood(G, center, up=2, depth=2, limit=300):
    """The part of the network around ``center``, for a picture.

    The center, its referrers up to ``up`` hops, then its downline level by
    level (in id order) to ``depth`` levels, until ``limit`` users; when
    users had to be left out, ``sub.graph["truncated"]`` is True.  Each
    node has the attributes of G plus ``level`` (negative above the center,
    0 for it, positive below).

    Examples
    --------
    >>> G = nx.DiGraph([("r", "c"), ("c", "a"), ("c", "b"), ("a", "x")])
    >>> sub = neighbourhood(G, "c", up=1, depth=1)
    >>> dict(sub.nodes(data="level")), sub.graph["truncated"]
    ({'c': 0, 'r': -1, 'a': 1, 'b': 1}, False)
    >>> neighbourhood(G, "c", limit=3).graph["truncated"]
    True
    """
    _require(G, center)
    if limit < 1:
        raise ValueError("limit must be at least 1")
    levels, truncated = {center: 0}, False
    for node, level in _around(G, center, up, depth):
        if node in levels:
            continue
        if len(levels) >= limit:
            truncated = True
            break
        levels[node] = level
    sub = nx.DiGraph(center=center, truncated=truncated)
    sub.add_nodes_from((v, {**G.nodes[v], "level": level}) for v, level in levels.items())
    sub.add_edges_from(G.subgraph(levels).edges(data=True))
    return sub


def _around(G, center, up, depth):
    for hops, referrer in enumerate(upline(G, center, max_hops=up), 1):
        yield referrer, -hops
    frontier = [center]
    for level in range(1, depth + 1):
        frontier = [child for v in frontier for child in sorted(G.succ[v])]
        yield from ((child, level) for child in frontier)


def tree_layout(G_sub, root=None):
    """A tidy top-down tree layout: {id: (x, y)} with x, y in [0, 1].

    ``y`` grows with the depth below the topmost node (0 at the top);
    leaves are spaced evenly in depth-first order (children by id) and each
    parent is centred over its first and last child.  Trees of a forest sit
    side by side, ``root``'s first; a node on a cycle starts a tree of its
    own.  An axis with a single value is centred at 0.5.

    Examples
    --------
    >>> tree_layout(nx.DiGraph([("r", "a"), ("r", "b")]))
    {'r': (0.5, 0.0), 'a': (0.0, 1.0), 'b': (1.0, 1.0)}
    """
    if not G_sub:
        return {}
    if root is not None:
        _require(G_sub, root)
    xs, depths, leaves = {}, {}, 0
    tops = sorted(v for v in G_sub if not G_sub.pred[v])
    for top in ([root] if root is not None else []) + tops + sorted(G_sub):
        if top not in depths:
            depths[top] = 0
            leaves = _place_tree(G_sub, top, xs, depths, leaves)
    width, height = leaves - 1, max(depths.values())
    return {v: (xs[v] / width if width else 0.5, depths[v] / height if height else 0.5)
            for v in G_sub}


def _place_tree(G, top, xs, depths, next_leaf):
    """Depth-first, children claimed by the first parent that reaches them."""
    stack = [(top, None)]
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
