"""Property-based fuzzing of every documented operation (schemathesis):
whatever a client sends, refgraph answers without a 5xx, with responses that
conform to the OpenAPI document.  Bounded in examples so it stays quick.

schemathesis's own pytest plugin does not run on pytest 9, so each
operation's strategy is driven by hypothesis here."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import checks
from schemathesis.specs.openapi import checks as openapi_checks

from api import create_app
from graph.maintenance import wipe
from graph.store import keys

CHECKS = [checks.not_a_server_error, openapi_checks.status_code_conformance,
          openapi_checks.response_schema_conformance]


@pytest.fixture
def fuzz_app(falkordb_backend):
    wipe(falkordb_backend)
    return create_app({"TESTING": True, "GRAPH_BACKEND": falkordb_backend})


def test_openapi_document_is_valid(fuzz_app):
    from openapi_spec_validator import validate

    validate(fuzz_app.test_client().get("/openapi.json").get_json())


def _operations():
    app = create_app({"TESTING": True, "GRAPH_BACKEND": _NoBackend()})
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
    return sorted(op.ok().label for op in schema.get_all_operations())


class _NoBackend:
    """Stands in for a backend only while the document is read at collection."""

    name = "none"


@pytest.mark.parametrize("label", _operations())
def test_no_server_errors(fuzz_app, falkordb_backend, label):
    schema = schemathesis.openapi.from_wsgi("/openapi.json", fuzz_app)
    operation = next(op.ok() for op in schema.get_all_operations() if op.ok().label == label)
    key = keys.create(falkordb_backend, "operator")[0]

    @given(case=operation.as_strategy())
    @settings(max_examples=30, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case):
        response = case.call(headers={"Authorization": f"Bearer {key}"})
        case.validate_response(response, checks=CHECKS)

    run()
