"""Versioned, effective-dated rule sets in the graph."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..backend import Backend
from ..errors import RulesInvalid
from ..fingerprint import fingerprint
from ..rules import DEFAULT_RULES, RuleSet, validate
from ..vocabulary import now_ms


def _version(row: Mapping[str, Any]) -> dict[str, Any]:
    rules = dict(row)
    rules["rules"] = RuleSet.from_dict(json.loads(rules.pop("body")))
    return rules


DEFAULT_VERSION: dict[str, Any] = {"version": 0, "effective_from": 0, "created_at": 0, "created_by": "refgraph",
                   "note": "built-in defaults", "rules": DEFAULT_RULES}


def in_force(backend: Backend, at: int | None = None) -> dict[str, Any]:
    """The version in force at ``at`` (default now), as a dict with ``rules``."""
    row = backend.read_one("rules_in_force", at=now_ms() if at is None else at)
    return _version(row["rules"]) if row else dict(DEFAULT_VERSION)


def rules_at(backend: Backend, at: int | None = None) -> RuleSet:
    """Just the :class:`RuleSet` in force at ``at``."""
    return in_force(backend, at)["rules"]


def history(backend: Backend) -> list[dict[str, Any]]:
    return [_version(row["rules"]) for row in backend.read("rules_history")] + [DEFAULT_VERSION]


def change(backend: Backend, changes: Mapping[str, Any], *, effective_from: int | None = None,
           created_by: str = "operator", note: str | None = None,
           change_id: str | None = None) -> dict[str, Any]:
    """Add a version that changes the fields in ``changes`` (a partial
    mapping, see :meth:`~graph.rules.RuleSet.changed`) of the rules in force
    now; raises :class:`~graph.errors.RulesInvalid` with field errors."""
    proposed = rules_at(backend).changed(changes)
    return create(backend, proposed, effective_from=effective_from, created_by=created_by,
                  note=note, change_id=change_id)


def create(backend: Backend, rules: RuleSet, *, effective_from: int | None = None,
           created_by: str = "operator", note: str | None = None,
           change_id: str | None = None) -> dict[str, Any]:
    """Add a version holding the whole rule set ``rules``; refuses invalid
    rules or a start in the past with :class:`~graph.errors.RulesInvalid`."""
    at = now_ms()
    effective_from = at if effective_from is None else effective_from
    errors = validate(rules)
    if effective_from < at - 60_000:
        errors.setdefault("effective_from", []).append(
            "a rule change cannot start in the past; history is never edited")
    if errors:
        raise RulesInvalid(errors)
    body = json.dumps(rules.to_dict(), sort_keys=True)
    change_id = change_id or fingerprint({"body": body, "effective_from": effective_from})
    row = backend.write_one("rules_create", change_id=change_id, body=body,
                            effective_from=effective_from, at=at, created_by=created_by,
                            note=note)
    assert row is not None  # the MERGE answers with the version
    return _version(row["rules"])


def timeline(backend: Backend) -> list[dict[str, Any]]:
    """Every version, oldest first, for picking the rules of many times at once."""
    return sorted(history(backend), key=lambda v: (v["effective_from"], v["version"]))


def pick(versions: Sequence[Mapping[str, Any]], at: int) -> RuleSet:
    """The rules in force at ``at`` among ``timeline`` versions."""
    chosen = versions[0]
    for version in versions:
        if version["effective_from"] <= at:
            chosen = version
    return chosen["rules"]
