"""Referral-network analytics as plain functions of a ``networkx.DiGraph``.

:func:`build_graph` is the one place where query rows become a graph: a
node per user (keyed by id), an edge referrer -> referee.  Every other
function reads that graph and changes nothing; fraud signals only point at
facts for a person to look at.

=============== ===============================================================
module          what it holds
=============== ===============================================================
``build``       :func:`build_graph`, :func:`build_neighbourhood`
``walk``        :func:`upline`, and the walks the other modules share
``summary``     :func:`summary`: counts and histograms of the whole network
``influence``   :func:`downline_sizes`, :func:`pagerank`, :func:`top_referrers`
``communities`` :func:`communities` (Louvain)
``signals``     :func:`fraud_signals` and its four detectors
``layout``      :func:`tree_layout` for the picture of a neighbourhood
=============== ===============================================================

The functions walk the graph in breadth-first or topological order, never
by recursion, so a long chain of referrals cannot overflow the stack, and
the whole-network ones (:func:`summary`, :func:`top_referrers`,
:func:`pagerank`) stay linear in the size of the network.

Per-user figures (a user's card, their downline per level, their
neighbourhood) are not here: they are read straight from the database by
:mod:`graph.store.analytics`, without loading the whole network.

Examples
--------
>>> from graph import analytics
>>> G = analytics.build_graph([
...     {"id": "a", "labels": ["User", "Buyer"], "created_at": 0},
...     {"id": "b", "labels": ["User", "Merchant"], "referrer_id": "a", "created_at": 1},
...     {"id": "c", "referrer_id": "b", "created_at": 2},
... ], fee_totals=[{"merchant_id": "b", "period": "2026-10", "fees": 50,
...                 "refunded_fees": 10, "sales": 3, "amount": 5000}])
>>> analytics.upline(G, "c")
['b', 'a']
>>> analytics.top_referrers(G, "fees")
[{'id': 'a', 'name': None, 'value': 40}, {'id': 'b', 'name': None, 'value': 0}]
>>> analytics.summary(G)["max_depth"]
2
"""

from ..vocabulary import roles_of  # what build_graph reads labels with
from .build import FINGERPRINTS, build_graph, build_neighbourhood
from .communities import communities
from .influence import RANKINGS, downline_sizes, pagerank, top_referrers
from .layout import tree_layout
from .signals import (
    DETECTORS,
    dormant_chains,
    fraud_signals,
    referral_bursts,
    self_dealing,
    shared_fingerprints,
)
from .summary import summary
from .walk import upline

__all__ = [
    "DETECTORS", "FINGERPRINTS", "RANKINGS",
    "build_graph", "build_neighbourhood", "communities", "dormant_chains", "downline_sizes",
    "fraud_signals", "pagerank", "referral_bursts", "roles_of", "self_dealing",
    "shared_fingerprints", "summary", "top_referrers", "tree_layout", "upline",
]
