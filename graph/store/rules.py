"""Versioned, effective-dated rule sets in the graph."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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
    forget_timeline(backend)
    assert row is not None  # the MERGE answers with the version
    return _version(row["rules"])


@dataclass(frozen=True)
class Timeline:
    """Every rule-set version, for the rules of any time without a read.

    ``newest`` and ``newest_change_id`` name the highest version when it was
    read (0 and ``None`` while only the defaults exist).  A statement given
    them (``sale_record``'s ``$rules_version`` and ``$rules_change_id``)
    answers ``rules_changed`` and writes nothing when a newer version exists
    or that one is gone, so a cached timeline is never used stale: the
    caller drops it (:func:`forget_timeline`) and tries again.
    """

    versions: tuple[dict[str, Any], ...]
    newest: int
    newest_change_id: str | None

    def at(self, at: int) -> RuleSet:
        """The rules in force at ``at``."""
        return pick(self.versions, at)


_MEMO = "rules_timeline"


def cached_timeline(backend: Backend) -> Timeline:
    """The backend's :class:`Timeline`, read once and kept until dropped."""
    cached: Timeline | None = backend.memo.get(_MEMO)
    if cached is None:
        versions = timeline(backend)
        newest = max(versions, key=lambda v: v["version"])
        cached = Timeline(tuple(versions), newest["version"], newest.get("change_id"))
        backend.memo[_MEMO] = cached
    return cached


def forget_timeline(backend: Backend) -> None:
    """Drop the cached timeline (after a ``rules_changed``, or a change made here)."""
    backend.memo.pop(_MEMO, None)


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
