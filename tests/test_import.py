"""refgraph import (issue 15, part 4) and the three-month acceptance story:
a small platform's history imported from CSV and JSON Lines files written
here, its three past periods run, and exactly the rewards computed by hand;
then a late sale under each policy."""

import json

import pytest

from api.cli.importer import import_group
from graph.maintenance import counts
from graph.rules import period_bounds
from graph.store import rewards
from graph.store import rules as rules_store

USERS = """id,name,roles,referrer,joined_at,status
platform,Platform,,,2026-06-01,active
alice,Alice,merchant,platform,2026-06-02T08:00:00Z,
shop1,Shop One,merchant,alice,2026-07-01,
bob,Bob,buyer,alice,2026-07-02,
shop2,Shop Two,merchant,alice,2026-08-15,
bob,Bob again,buyer,alice,2026-07-03,
cyc1,Cycle One,buyer,cyc2,2026-07-01,
cyc2,Cycle Two,merchant,cyc1,2026-07-01,
orphan,Orphan,buyer,ghost,2026-07-01,
early,Early,buyer,shop2,2026-08-01,
quiet,Quiet,buyer,alice,2026-07-05,suspended
bad,Bad,admin,alice,2026-07-05,
"""

# fees at 5 %, half up: J1 5 000, J2 1 500, A1 10 000, A2 2 500, S1 4 000
SALES = [
    {"id": "J1", "merchant_id": "shop1", "amount": 100_000, "currency": "CNY",
     "at": "2026-07-10T10:00:00Z"},
    {"id": "J2", "merchant_id": "shop1", "buyer_id": "bob", "amount": 30_000, "currency": "CNY",
     "at": "2026-07-20"},
    {"id": "A1", "merchant_id": "shop1", "amount": 200_000, "currency": "CNY",
     "at": "2026-08-05"},
    {"id": "A2", "merchant_id": "shop2", "amount": 50_000, "currency": "CNY",
     "at": "2026-08-20"},
    {"id": "A3", "merchant_id": "shop2", "amount": 50_000, "currency": "CNY",
     "at": "2026-08-10"},                                        # before shop2 joined
    {"id": "S1", "merchant_id": "shop2", "amount": 80_000, "currency": "CNY",
     "at": "2026-09-03"},
    {"id": "U1", "merchant_id": "shop2", "amount": 80_000, "currency": "USD",
     "at": "2026-09-03"},                                        # another currency
    {"id": "S1", "merchant_id": "shop2", "amount": 1, "currency": "CNY", "at": "2026-09-04"},
]
REFUNDS = """id,sale_id,amount,at,reason
R1,J1,50000,2026-09-10,returned
R2,A2,1000,2026-08-01,before its sale
R3,ghost,1000,2026-09-01,
R4,A1,0,2026-09-01,
"""


def _files(tmp_path):
    users = tmp_path / "users.csv"
    users.write_text(USERS)
    sales = tmp_path / "sales.jsonl"
    sales.write_text("\n".join(json.dumps(s) for s in SALES) + "\n{not json\n")
    refunds = tmp_path / "refunds.csv"
    refunds.write_text(REFUNDS)
    return users, sales, refunds


def _import(app, *args):
    result = app.test_cli_runner().invoke(import_group, list(map(str, args)))
    assert result.exit_code == 0, result.output
    return result.output


def _rejects(path):
    lines = (path.parent / (path.name + ".rejects.tsv")).read_text().splitlines()
    assert lines[0] == "line\treason"
    return {int(line.split("\t")[0]): line.split("\t")[1] for line in lines[1:]}


def _lines(backend, period):
    return {(l["referrer_id"], l["amount"]) for l in (
        {"referrer_id": line.referrer_id, "amount": line.amount}
        for line in rewards.compute(backend, period))}


def _three_months(app, graph_backend, tmp_path):
    users, sales, refunds = _files(tmp_path)
    out = _import(app, "users", users, "--dry-run")
    assert "dry run" in out and counts(graph_backend)[0].get("User") is None
    out = _import(app, "users", users)
    assert "users: 12 lines, 6 imported, 0 already there, 6 rejected" in out
    reasons = _rejects(users)
    assert sorted(reasons) == [7, 8, 9, 10, 11, 13]
    assert reasons[7].startswith("duplicate id 'bob' (first on line 5)")
    assert reasons[8] == reasons[9] == "referral cycle"
    assert reasons[10].startswith("unknown_")                 # ghost: no such id or code
    assert reasons[11] == "joined before its referrer"
    assert "buyer and/or merchant" in reasons[13]
    assert graph_backend.read_one("user_get", id="quiet")["user"]["status"] == "suspended"

    out = _import(app, "sales", sales)
    assert "sales: 9 lines, 5 imported" in out
    reasons = _rejects(sales)
    assert sorted(reasons) == [5, 7, 8, 9]
    assert reasons[5].startswith("before_merchant_joined")
    assert reasons[7].startswith("currency_mismatch") and "CNY" in reasons[7]
    assert reasons[8].startswith("duplicate id 'S1'") and reasons[9].startswith("not JSON")

    out = _import(app, "refunds", refunds)
    assert "refunds: 4 lines, 1 imported" in out
    reasons = _rejects(refunds)
    assert sorted(reasons) == [3, 4, 5]
    assert reasons[3].startswith("before_sale") and reasons[4].startswith("not_found")
    assert reasons[5].startswith("amount must be")

    # idempotent: everything again imports nothing twice
    assert "0 imported, 6 already there" in _import(app, "users", users)
    assert "0 imported, 5 already there" in _import(app, "sales", sales)
    assert "0 imported, 1 already there" in _import(app, "refunds", refunds)
    assert counts(graph_backend)[0]["Sale"] == 5

    # alice refers shop1 and shop2 (tier 1, 10 %): July 6 500 -> 650, August
    # 12 500 -> 1 250, September 4 000 - 2 500 refunded -> 150
    for period, expected in (("2026-07", 650), ("2026-08", 1_250), ("2026-09", 150)):
        run = rewards.run(graph_backend, period, now=period_bounds("2026-10")[1])
        assert (run["status"], run["rewards"], run["clawbacks"]) == ("completed", expected, 0)
        assert _lines(graph_backend, period) == {("alice", expected)}
    return tmp_path


LATE = {"id": "L1", "merchant_id": "shop2", "amount": 20_000, "currency": "CNY",
        "at": "2026-08-25"}                                      # fee 1 000, August has run


def test_three_months_imported_then_a_late_sale_refused(app, graph_backend, tmp_path):
    _three_months(app, graph_backend, tmp_path)
    late = tmp_path / "late.jsonl"
    late.write_text(json.dumps(LATE) + "\n")
    assert "0 imported" in _import(app, "sales", late)
    assert _rejects(late)[1].startswith("period_closed")
    assert rewards.compute(graph_backend, "2026-10") == []


def test_three_months_imported_then_a_late_sale_carried(app, graph_backend, tmp_path):
    _three_months(app, graph_backend, tmp_path)
    rules_store.change(graph_backend, {"late_sales": "carry"})
    late = tmp_path / "late.jsonl"
    late.write_text(json.dumps(LATE) + "\n")
    assert "1 imported" in _import(app, "sales", late)
    sale = graph_backend.read_one("sale_get", id="L1")["sale"]
    assert sale["period"] == "2026-10"
    run = rewards.run(graph_backend, "2026-10", now=period_bounds("2026-11")[1])
    assert run["rewards"] == 100                          # 10 % of the carried 1 000
    assert rewards.run(graph_backend, "2026-08")["rewards"] == 1_250   # paid once


@pytest.mark.parametrize("bad", ["2026-13-01", "yesterday"])
def test_times_must_be_times(bad):
    from graph.importer import parse_time

    with pytest.raises(ValueError, match="not a time"):
        parse_time(bad)


CARD_HOLDERS = """id,name,roles,referrer,joined_at,card_holder_since
platform,Platform,,,2026-06-01,
carol,Carol,buyer,platform,2026-06-02,2026-06-10T12:00:00Z
shop3,Shop Three,merchant,carol,2026-07-01,
dave,Dave,buyer,carol,2026-06-05,
erin,Erin,buyer,platform,2026-06-05,2026-06-01
frank,Frank,buyer,platform,2026-06-05,2999-01-01
"""


def test_card_holders_imported_with_the_time_they_bought_their_card(app, graph_backend,
                                                                    tmp_path, operator):
    users = tmp_path / "users.csv"
    users.write_text(CARD_HOLDERS)
    out = _import(app, "users", users)
    assert "users: 6 lines, 3 imported, 0 already there, 3 rejected" in out
    reasons = _rejects(users)
    assert sorted(reasons) == [5, 6, 7]
    assert reasons[5].startswith("joined before its referrer could refer")   # before her card
    assert reasons[6] == reasons[7] == "card_holder_since must be between joined_at and now"

    # carol holds a card of the platform's past: bought when the file says, price 0,
    # no vouchers and no ledger entry (the conftest's ledger check runs after this test)
    answer = operator.get("/v1/users/carol/cards")
    assert answer.status_code == 200, answer.json
    assert answer.json["items"] == [{
        "id": "import:carol", "holder_id": "carol", "price": 0, "bought_at": 1_781_092_800_000,
        "voucher_ids": [], "source": "import"}]
    assert "cardholder" in operator.get("/v1/users/carol").json["roles"]
    assert operator.get("/v1/users/carol/vouchers").json["items"] == []
    assert "0 imported, 3 already there" in _import(app, "users", users)
    assert len(graph_backend.read("card_list", user_id="carol")) == 1

    # the card holder is paid on the fees of the merchant she brought in
    sales = tmp_path / "sales.jsonl"
    sales.write_text(json.dumps({"id": "C1", "merchant_id": "shop3", "amount": 100_000,
                                 "at": "2026-07-10"}) + "\n")
    assert "1 imported" in _import(app, "sales", sales)
    run = rewards.run(graph_backend, "2026-07", now=period_bounds("2026-08")[1])
    assert _lines(graph_backend, "2026-07") == {("carol", 500)} and run["rewards"] == 500
