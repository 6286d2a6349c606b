"""Reward runs on the graph: read the inputs, compute, credit exactly once."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ..backend import Backend, Row, long_running
from ..errors import NotFound, Refused
from ..rewards import Contribution, Line, compute_lines, summarise
from ..rules import RuleSet, period_bounds
from ..vocabulary import COMPLETED, DAY_MS, now_ms
from . import rules as rules_store

MAX_LEVELS = 10


def rules_for_period(backend: Backend, period: str) -> dict[str, Any]:
    """The rule-set version that governs the rewards of ``period``: the one in
    force when the period began, so a change made during a period applies
    from the next period on."""
    start, _ = period_bounds(period)
    return rules_store.in_force(backend, at=start)


def inputs(backend: Backend, period: str,
           rules: RuleSet) -> tuple[dict[str, int], list[tuple[str, int, Contribution]]]:
    """``(referrals, contributions)`` for :func:`graph.rewards.compute_lines`.

    The counts are read on a second thread while this one reads the fee
    bases: both engines run two reads at once, and at 1M users each takes
    about a second (0.5-0.7 s saved, bench/README.md)."""
    start, end = period_bounds(period)
    with ThreadPoolExecutor(1, thread_name_prefix="refgraph-reward-counts") as pool:
        counting = pool.submit(
            backend.read, "reward_referral_counts", end=end,
            window_start=start if rules.count_window == "period" else None,
            merchants_only=rules.count_basis == "merchants")
        contributions = _contributions(backend, period, rules)
        referrals = {row["referrer_id"]: row["referrals"] for row in counting.result()}
    return referrals, contributions


def _contributions(backend: Backend, period: str,
                   rules: RuleSet) -> list[tuple[str, int, Contribution]]:
    levels = 1 + len(rules.level_shares)
    if levels == 1:
        contributions = [
            (row["referrer_id"], 1, Contribution(merchant_id, fees, refunded,
                                                 (row["referrer_id"], merchant_id),
                                                 carried, carried_refunded))
            for row in backend.read("reward_bases_level1", period=period)
            for merchant_id, fees, refunded, carried, carried_refunded in row["merchants"]]
    else:
        contributions = [
            (row["referrer_id"], row["level"],
             Contribution(merchant_id, fees, refunded, tuple(path), carried, carried_refunded))
            for row in backend.read("reward_bases_levels", period=period,
                                    levels=min(levels, MAX_LEVELS))
            for merchant_id, fees, refunded, carried, carried_refunded, path in row["merchants"]]
    return contributions


def compute(backend: Backend, period: str, rules: RuleSet | None = None) -> list[Line]:
    """The lines of ``period`` without writing anything (a preview)."""
    version = rules_for_period(backend, period)
    rules = rules or version["rules"]
    referrals, contributions = inputs(backend, period, rules)
    return compute_lines(period, rules, referrals, contributions)


def _payload(line: Line) -> dict[str, Any]:
    detail = [[c.merchant_id, c.fees, c.refunded_fees, list(c.path), c.carried_fees,
               c.carried_refunded_fees] for c in line.contributions]
    return {"id": line.id, "period": line.period, "level": line.level, "amount": line.amount,
            "referrals": line.referrals, "tier": line.tier,
            "tier_threshold": line.tier_threshold, "tier_share_bp": line.tier_share_bp,
            "level_share_bp": line.level_share_bp, "base": line.base,
            "detail": json.dumps(detail, separators=(",", ":"))}


def _batches(lines: Iterable[Line], size: int) -> Iterator[tuple[list[dict[str, Any]], int]]:
    """Lines grouped per referrer, in batches of about ``size`` lines."""
    by_referrer: dict[str, list[dict[str, Any]]] = {}
    for line in lines:
        by_referrer.setdefault(line.referrer_id, []).append(_payload(line))
    batch: list[dict[str, Any]] = []
    count = 0
    for referrer_id, items in by_referrer.items():
        batch.append({"referrer_id": referrer_id, "lines": items})
        count += len(items)
        if count >= size:
            yield batch, count
            batch, count = [], 0
    if batch:
        yield batch, count


@long_running
def run(backend: Backend, period: str, *, now: int | None = None, batch: int = 2_000,
        progress: Callable[[int, int], None] | None = None,
        fail_after: int | None = None) -> Row:
    """Run the rewards of a closed ``period``; safe to repeat.

    Returns the run record.  ``progress(done, total)`` is told after each
    batch.  ``fail_after`` (tests only) raises after that many batches, to
    stand for a crash in the middle.
    """
    now = now or now_ms()
    _, end = period_bounds(period)
    existing = backend.read_one("reward_run_get", period=period)
    if existing and existing["run"]["status"] == COMPLETED:
        return existing["run"]
    if end > now:
        raise Refused("period_open", f"period {period} has not closed yet; run it after it ends",
                      "period")
    version = rules_for_period(backend, period)
    rules = version["rules"]
    opened = backend.write_one("reward_run_start", period=period,
                               rules_version=version["version"], at=now)
    assert opened is not None  # the MERGE answers with the run
    if opened["run"]["status"] == COMPLETED:
        return opened["run"]
    try:
        lines = compute(backend, period, rules)
        done = 0
        release_at = now + rules.hold_days * DAY_MS
        for number, (referrers, count) in enumerate(_batches(lines, batch), start=1):
            backend.write("reward_lines_credit", referrers=referrers, release_at=release_at,
                          at=now, rules_version=version["version"])
            done += count
            if progress:
                progress(done, len(lines))
            if fail_after is not None and number >= fail_after:
                raise RuntimeError("stopped on purpose after batch %d" % number)
        finished = backend.write_one("reward_run_finish", period=period, at=now_ms())
        assert finished is not None  # the run started above
        return finished["run"]
    except Exception as exc:
        backend.write("reward_run_fail", period=period, error=str(exc)[:500], at=now_ms())
        raise


def get_run(backend: Backend, period: str) -> Row:
    row = backend.read_one("reward_run_get", period=period)
    if row is None:
        raise NotFound(f"no reward run for {period}; 'refgraph rewards run --period {period}'")
    return row["run"]


def list_runs(backend: Backend, before: str | None = None, limit: int = 50) -> list[Row]:
    return [row["run"] for row in backend.read("reward_run_list", before=before, limit=limit)]


def release(backend: Backend, now: int | None = None, batch: int = 1_000) -> dict[str, int]:
    """Release every pending line whose hold has ended; returns totals."""
    now = now or now_ms()
    totals = {"referrers": 0, "lines": 0, "released": 0, "settled": 0}
    while True:
        row = backend.write_one("reward_release", now=now, batch=batch,
                                run_id=uuid.uuid4().hex)
        assert row is not None  # totals, 0 once nothing is due
        if not row["referrers"]:
            return totals
        for key in totals:
            totals[key] += row[key]


def explain(backend: Backend, line_id: str) -> dict[str, Any]:
    """Why a reward line is what it is."""
    row = backend.read_one("reward_line_get", id=line_id)
    if row is None:
        raise NotFound(f"no reward line {line_id!r}; ids look like 2026-11|user-id|1")
    line = dict(row["line"])
    # lines credited before late sales could be carried have no carried parts
    line["merchants"] = [
        {"merchant_id": m, "fees": fees, "refunded_fees": refunded, "base": fees - refunded,
         "path": path, "carried_fees": carried[0] if carried else 0,
         "carried_refunded_fees": carried[1] if carried else 0}
        for m, fees, refunded, path, *carried in json.loads(line.pop("detail"))]
    return line


def lines_of(backend: Backend, user_id: str, after: str | None = None,
             limit: int = 50) -> list[Row]:
    return [row["line"] for row in backend.read("reward_lines_of_user", user_id=user_id,
                                                after=after, limit=limit)]


def proposed_rules(backend: Backend, period: str, changes: Mapping[str, Any]) -> RuleSet:
    """The rules of ``period`` with ``changes`` (a partial mapping) applied,
    for :func:`preview`; raises :class:`~graph.errors.RulesInvalid`."""
    return rules_for_period(backend, period)["rules"].changed(changes)


@long_running
def preview(backend: Backend, period: str, proposed: RuleSet | None = None) -> dict[str, Any]:
    """Totals of ``period`` under the rules in force and, if given, under
    ``proposed`` rules (e.g. from :func:`proposed_rules`), with the
    difference; writes nothing."""
    current_rules = rules_for_period(backend, period)["rules"]
    current = compute(backend, period, current_rules)
    result: dict[str, Any] = {"period": period, "current": summarise(current, current_rules)}
    if proposed is not None:
        other = compute(backend, period, proposed)
        result["proposed"] = summarise(other, proposed)
        result["difference"] = {
            key: result["proposed"][key] - result["current"][key]
            for key in ("lines", "referrers", "rewards", "clawbacks")}
    result["lines"] = current if proposed is None else other
    return result


def pending_periods(backend: Backend, now: int | None = None) -> list[str]:
    """Closed periods with fees and no completed run, oldest first."""
    now = now or now_ms()
    return [row["period"] for row in backend.read("reward_pending_periods")
            if period_bounds(row["period"])[1] <= now]
