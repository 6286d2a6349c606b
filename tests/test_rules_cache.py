"""A single sale picks its rules from a cached timeline, and the sale
statement refuses to use it stale (issue 18: the rules read was a fifth of
a ``POST /v1/sales``)."""

import json

import pytest

from graph.errors import RulesChanged
from graph.maintenance import wipe
from graph.rules import DEFAULT_RULES
from graph.store import rules as rules_store
from graph.store import sales, users
from graph.vocabulary import now_ms


@pytest.fixture
def shop(graph_backend):
    users.register(graph_backend, id="root", name="root", roles=["merchant"],
                   rules=DEFAULT_RULES, root=True, at=1)
    users.register(graph_backend, id="shop", name="shop", roles=["merchant"],
                   rules=DEFAULT_RULES, referrer_id="root", at=2)
    rules_store.forget_timeline(graph_backend)   # the backend outlives each test's data
    return graph_backend


def elsewhere(backend, fee_bp, change_id):
    """A rule change written as another process writes it: this backend's
    cached timeline does not hear of it."""
    body = json.dumps(DEFAULT_RULES.changed({"fee_bp": fee_bp}).to_dict(), sort_keys=True)
    backend.write_one("rules_create", change_id=change_id, body=body, effective_from=1_000,
                      at=1_000, created_by="other process", note=None)


def sell(backend, id, amount=10_000):
    return sales.record_sale(backend, id=id, merchant_id="shop", amount=amount,
                             currency="CNY")[0]


def statements(backend):
    names = []
    backend.observer = lambda name, kind, seconds, error: names.append(name)
    return names


def test_the_second_sale_reads_no_rules(shop):
    rules_store.change(shop, {"fee_bp": 300})
    assert sell(shop, "s1")["fee"] == 300
    seen = statements(shop)
    try:
        assert sell(shop, "s2")["fee"] == 300
    finally:
        shop.observer = None
    # one statement: the sale's own, or its group's (group commit, graph/coalesce.py)
    assert seen in (["sale_record"], ["sale_record_group"])


def test_a_change_made_elsewhere_is_seen_by_the_next_sale(shop):
    assert sell(shop, "s1")["fee"] == 500            # the defaults, now cached
    elsewhere(shop, 250, "v1")
    assert sell(shop, "s2")["fee"] == 250
    assert rules_store.cached_timeline(shop).newest == 1


def test_a_stale_timeline_writes_nothing(shop):
    stale = rules_store.cached_timeline(shop)        # the defaults, version 0
    elsewhere(shop, 250, "v1")
    with pytest.raises(RulesChanged) as refused:
        sales._record_sale(shop, stale.at(now_ms()), stale, id="s1", merchant_id="shop",
                           amount=10_000, currency="CNY", buyer_id=None, at=None, items=None,
                           vouchers=(), late_sales=None, financing=None)
    assert refused.value.status == 409
    assert shop.read_one("sale_get", id="s1") is None


def test_a_timeline_of_another_database_is_stale(shop):
    """Same newest version number, another rule set: a database wiped (or
    restored) under a running process."""
    elsewhere(shop, 250, "ours")
    assert sell(shop, "s1")["fee"] == 250            # version 1, "ours", cached
    wipe(shop)
    users.register(shop, id="shop", name="shop", roles=["merchant"], rules=DEFAULT_RULES,
                   root=True, at=2)
    elsewhere(shop, 120, "theirs")                   # another version 1
    assert sell(shop, "s2")["fee"] == 120


def test_a_sale_that_keeps_meeting_new_rules_is_a_409(shop, monkeypatch):
    elsewhere(shop, 250, "v1")
    forever_stale = rules_store.Timeline(tuple(rules_store.timeline(shop)[:1]), 0, None)
    monkeypatch.setattr(rules_store, "cached_timeline", lambda backend: forever_stale)
    with pytest.raises(RulesChanged):
        sell(shop, "s1")
    assert shop.read_one("sale_get", id="s1") is None


def test_explicit_rules_are_used_as_given(shop):
    elsewhere(shop, 250, "v1")
    sale, _ = sales.record_sale(shop, id="s1", merchant_id="shop", amount=10_000,
                                currency="CNY", rules=DEFAULT_RULES)
    assert sale["fee"] == 500
