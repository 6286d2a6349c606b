"""Neo4j backend, through the official ``neo4j`` driver.

Reads run in ``execute_read`` and writes in ``execute_write`` managed
transactions, always naming the database; the driver retries them on
transient errors, which is safe because every refgraph statement is
idempotent.  Driver errors become refgraph errors here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import neo4j
from neo4j import GraphDatabase
from neo4j import exceptions as neo4j_errors

from .backend import JOB_TIMEOUT, REQUEST_TIMEOUT, Backend, Row, check_params, plain
from .errors import BackendError, BackendUnavailable, ConfigurationError, ConstraintViolation

if TYPE_CHECKING:
    from .registry import Registry

RETRY_SECONDS = 10.0


class Neo4jBackend(Backend):
    name = "neo4j"

    def __init__(self, registry: Registry, *, uri: str, user: str, password: str,
                 database: str = "neo4j", timeout: float = REQUEST_TIMEOUT,
                 job_timeout: float = JOB_TIMEOUT) -> None:
        super().__init__(registry, timeout=timeout, job_timeout=job_timeout)
        self.uri = uri
        self.database = database
        # A managed transaction is retried on transient errors (deadlocks, a
        # leader switch) for at most RETRY_SECONDS: long enough for those,
        # short enough that a Neo4j that went away answers 503 quickly rather
        # than holding every request for the driver's default 30 s.  Server
        # notifications (e.g. "property key does not exist yet" on an empty
        # graph) are not refgraph's to log.  Connecting is bounded by the
        # request timeout; each statement's session and transaction by the
        # timeout of its caller (Backend.timeout).
        self._driver = GraphDatabase.driver(
            uri, auth=(user, password), max_transaction_retry_time=RETRY_SECONDS,
            connection_timeout=min(self.request_timeout, 5.0),
            connection_acquisition_timeout=self.request_timeout,
            notifications_min_severity="OFF")

    def _work(self, name: str, seconds: float
              ) -> Callable[[neo4j.ManagedTransaction, dict[str, Any]], list[Row]]:
        text = self.queries[name].text

        # The server ends a transaction that runs longer (overloaded, or a
        # statement too slow for a request): a 503, never a wait without end.
        @neo4j.unit_of_work(timeout=seconds)
        def unit_of_work(tx: neo4j.ManagedTransaction, params: dict[str, Any]) -> list[Row]:
            result = tx.run(text, params)
            return [{key: plain(record[key], name) for key in record.keys()} for record in result]

        return unit_of_work

    def _session(self, seconds: float) -> neo4j.Session:
        return self._driver.session(
            database=self.database, connection_acquisition_timeout=seconds,
            max_transaction_retry_time=min(RETRY_SECONDS, seconds))

    def _run(self, name: str, params: dict[str, Any], readonly: bool) -> list[Row]:
        seconds = self.timeout()
        work = self._work(name, seconds)
        try:
            with self._session(seconds) as session:
                execute = session.execute_write
                if readonly:
                    execute = session.execute_read
                try:
                    return execute(work, params)
                except neo4j_errors.ConstraintError:
                    # A concurrent statement created the same id first (see
                    # cypher/DIALECTS.md).  Statements are idempotent: running
                    # it again now sees that node and answers as a replay.
                    return execute(work, params)
        except neo4j_errors.ConstraintError as exc:
            raise ConstraintViolation(f"{name}: {exc.message}") from exc
        except neo4j_errors.AuthError as exc:
            raise ConfigurationError(
                f"Neo4j at {self.uri} refused the credentials; check REFGRAPH_NEO4J_USER "
                "and REFGRAPH_NEO4J_PASSWORD"
            ) from exc
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as exc:
            raise BackendUnavailable.unreachable(f"Neo4j at {self.uri}", exc) from exc
        except neo4j_errors.ConnectionAcquisitionTimeoutError as exc:
            raise BackendUnavailable.no_answer(f"Neo4j at {self.uri}", seconds) from exc
        except neo4j_errors.Neo4jError as exc:
            if "TransactionTimedOut" in (exc.code or ""):
                raise BackendUnavailable.no_answer(f"Neo4j at {self.uri}", seconds) from exc
            raise BackendError(f"query {name!r} failed on Neo4j: {exc.code}: {exc.message}") from exc
        except neo4j_errors.DriverError as exc:
            raise BackendError(f"query {name!r} failed in the Neo4j driver: {exc}") from exc

    def explain(self, name: str, /, **params: Any) -> list[tuple[str, str]]:
        """The plan Neo4j makes for query ``name`` with these parameters, without
        running it (``EXPLAIN``): its operators depth first, each a pair
        ``(operator, details)``, e.g. ``('NodeUniqueIndexSeek(Locking)',
        'UNIQUE u:User(id) WHERE id = $id')``.  For tests of index use."""
        check_params(params)
        try:
            with self._driver.session(database=self.database) as session:
                plan = session.run("EXPLAIN " + self.queries[name].text, params).consume().plan
        except neo4j_errors.Neo4jError as exc:
            raise BackendError(f"EXPLAIN {name!r} failed on Neo4j: {exc.code}: {exc.message}") \
                from exc
        except neo4j_errors.DriverError as exc:
            raise BackendUnavailable.unreachable(f"Neo4j at {self.uri}", exc) from exc
        assert plan is not None  # EXPLAIN always answers with a plan
        operators: list[tuple[str, str]] = []

        def walk(step: dict[str, Any]) -> None:
            # The driver gives the plan as nested dicts; operator names carry
            # the database ("NodeIndexSeek@neo4j").
            operators.append((step["operatorType"].split("@")[0],
                              " ".join(str(step.get("args", {}).get("Details", "")).split())))
            for child in step.get("children", []):
                walk(child)

        walk(plan)
        return operators

    def apply_schema(self) -> None:
        # Schema statements use IF NOT EXISTS, so applying them again is a no-op.
        for statement in self.queries.schema_statements():
            try:
                with self._driver.session(database=self.database) as session:
                    session.run(statement).consume()
            except neo4j_errors.Neo4jError as exc:
                raise BackendError(f"schema statement failed: {statement!r}: {exc.message}") from exc
            except neo4j_errors.DriverError as exc:
                raise BackendUnavailable.unreachable(f"Neo4j at {self.uri}", exc) from exc

    def version(self) -> str:
        try:
            info = self._driver.get_server_info()
        except neo4j_errors.DriverError as exc:
            raise BackendUnavailable.unreachable(f"Neo4j at {self.uri}", exc) from exc
        return info.agent.replace("/", " ")

    def status(self) -> dict[str, Any]:
        return {
            "backend": self.name,
            "version": self.version(),
            "location": self.uri,
            "database": self.database,
            "driver": f"neo4j-python {neo4j.__version__}",
        }

    def close(self) -> None:
        super().close()
        self._driver.close()
