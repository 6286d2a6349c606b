"""``RuleSet.changed``: the one place a partial rule change is merged and
validated, and the store's ``change`` that writes one."""

import pytest

from graph.errors import DomainError, RulesInvalid
from graph.rules import DEFAULT_RULES, RULE_FIELDS, RuleSet
from graph.store import rules as rules_store


def problems(changes, rules=DEFAULT_RULES):
    with pytest.raises(RulesInvalid) as caught:
        rules.changed(changes)
    error = caught.value
    assert isinstance(error, DomainError) and error.status == 422
    assert error.code == "invalid_rules" and error.details["errors"] == error.errors
    return error.errors


def test_a_valid_partial_change_keeps_every_other_field():
    new = DEFAULT_RULES.changed({"fee_bp": 300, "level_shares": [5_000],
                                 "tiers": [{"min_referrals": 2, "share_bp": 1_200}]})
    assert (new.fee_bp, new.level_shares, new.tiers) == (300, (5_000,), ((2, 1_200),))
    untouched = set(RULE_FIELDS) - {"fee_bp", "level_shares", "tiers"}
    assert all(getattr(new, name) == getattr(DEFAULT_RULES, name) for name in untouched)
    assert DEFAULT_RULES.fee_bp == 500          # a new value; the old one is unchanged
    assert DEFAULT_RULES.changed({}) == DEFAULT_RULES


def test_a_change_applies_to_the_rule_set_it_is_made_on():
    weekly = DEFAULT_RULES.changed({"period": "week"})
    assert weekly.changed({"hold_days": 1}).period == "week"


def test_unknown_fields_are_named_with_the_known_ones():
    errors = problems({"colour": "red", "fee_bp": 300})
    assert list(errors) == ["colour"]
    assert "fee_bp" in errors["colour"][0] and "withdrawal_voucher_days" in errors["colour"][0]


@pytest.mark.parametrize("field, value", [
    ("fee_bp", "300"), ("fee_bp", 2.5), ("fee_bp", True), ("hold_days", None),
    ("allow_second_card", "yes"), ("allow_second_card", 1), ("period", 7),
    ("referrers", "merchant"), ("level_shares", 5_000), ("level_shares", ["half"]),
    ("tiers", 5), ("tiers", [{"min_referrals": 1}]), ("tiers", [[1, 2, 3]]),
])
def test_values_of_the_wrong_type_are_refused_on_their_field(field, value):
    assert list(problems({field: value})) == [field]


@pytest.mark.parametrize("tiers, message", [
    ([], "at least one tier"),
    ([[5, 1_000], [3, 1_500]], "strictly ascending"),
    ([[1, 1_000], [1, 1_500]], "strictly ascending"),
    ([[0, 1_000]], "from 1 to"),
    ([[1, 20_000]], "basis points"),
])
def test_an_invalid_tier_table_is_refused(tiers, message):
    errors = problems({"tiers": tiers})
    assert list(errors) == ["tiers"] and message in " ".join(errors["tiers"])


def test_the_whole_result_is_validated_not_just_the_changed_fields():
    # each share is fine alone; together the levels would pay out more than the fee
    errors = problems({"level_shares": [10_000] * 5})
    assert "at most 10000" in errors["level_shares"][0]


def test_every_problem_is_reported_at_once_in_field_order():
    errors = problems({"period": "fortnight", "colour": 1, "tiers": 5, "fee_bp": -1})
    assert list(errors) == ["colour", "fee_bp", "tiers", "period"]


def test_from_dict_reads_stored_bodies_without_judging_them():
    stored = DEFAULT_RULES.to_dict()
    assert RuleSet.from_dict(stored) == DEFAULT_RULES
    assert RuleSet.from_dict({"fee_bp": 20_000}).fee_bp == 20_000
    with pytest.raises(ValueError):
        RuleSet.from_dict({"colour": 1})


def test_the_store_writes_a_change_or_nothing(graph_backend):
    version = rules_store.change(graph_backend, {"fee_bp": 300}, note="autumn")
    assert version["version"] == 1 and version["rules"].fee_bp == 300
    assert rules_store.rules_at(graph_backend).tiers == DEFAULT_RULES.tiers
    with pytest.raises(RulesInvalid) as caught:
        rules_store.change(graph_backend, {"tiers": [[5, 1_000], [3, 1_500]]})
    assert list(caught.value.errors) == ["tiers"]
    assert len(rules_store.history(graph_backend)) == 2      # v1 and the defaults
