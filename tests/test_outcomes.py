"""Each write statement's outcomes are declared in its file, and the store
layer maps exactly those: every declared outcome to a success or an error,
and an outcome nobody declared to an error, never to a success."""

import pytest

import graph.store.cards  # noqa: F401  (each module registers its tables)
import graph.store.financing  # noqa: F401
import graph.store.institutions  # noqa: F401
import graph.store.sales  # noqa: F401
import graph.store.users  # noqa: F401
import graph.store.webhooks  # noqa: F401
import graph.store.withdrawals  # noqa: F401
from graph.errors import BackendError, IdempotencyConflict, NotFound, Refused
from graph.registry import BACKENDS, QueryRegistryError, Registry, parse_file
from graph.store import Outcomes

TABLES = {table.query: table for table in Outcomes.tables}


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_declared_outcome_is_mapped_and_nothing_else(backend):
    registry = Registry(backend)
    declaring = {name for name in registry if registry[name].outcomes}
    assert declaring == set(TABLES), "a statement returns outcomes no store table maps"
    for name, table in TABLES.items():
        mapped = [*table.success, *table.refusals]
        assert len(mapped) == len(set(mapped)), f"{name}: an outcome is both success and refusal"
        assert set(mapped) == set(registry[name].outcomes), name


class _Backend:
    """Just the registry: settling an outcome reads nothing from the database."""

    queries = Registry("falkordb")


def test_an_undeclared_outcome_is_an_error_not_a_success():
    with pytest.raises(BackendError, match="not among those it declares"):
        TABLES["refund_record"].settle(_Backend(), {"outcome": "refunded_twice"}, id="r1",
                                       sale_id="s1")


def test_refusals_become_their_errors():
    refund = TABLES["refund_record"]
    row = {"outcome": "replayed", "refund": {"id": "r1"}}
    assert refund.settle(_Backend(), row, id="r1", sale_id="s1") == ("replayed", row)
    with pytest.raises(BackendError, match="answered no row"):
        refund.settle(_Backend(), None, id="r1", sale_id="s1")
    with pytest.raises(IdempotencyConflict, match="'r1'"):
        refund.settle(_Backend(), {"outcome": "id_taken"}, id="r1", sale_id="s1")
    with pytest.raises(NotFound, match="no sale 's1'"):
        refund.settle(_Backend(), {"outcome": "unknown_sale"}, id="r1", sale_id="s1")
    with pytest.raises(Refused) as refused:
        refund.settle(_Backend(), {"outcome": "over_refund", "refundable": 70}, id="r1",
                      sale_id="s1")
    assert refused.value.code == "over_refund" and "(70)" in refused.value.message
    assert refused.value.details["errors"] == {"amount": [refused.value.message]}


def test_a_statement_returning_an_outcome_must_declare_them(tmp_path):
    query = tmp_path / "q.cypher"
    query.write_text("// name: q\n// Does things.\nRETURN 'created' AS outcome\n")
    with pytest.raises(QueryRegistryError, match="does not declare"):
        parse_file(query)
    query.write_text("// name: q\n// Does things.\n// Outcomes: created, replayed.\n"
                     "RETURN 'created' AS outcome\n")
    assert parse_file(query).outcomes == ("created", "replayed")
