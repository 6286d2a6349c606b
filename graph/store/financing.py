"""Consumer finance: a buyer pays part or all of a sale on credit from a
partner institution.

The sale is recorded with its financing (:func:`graph.store.sales.record_sale`,
``financing={institution_id, amount, installments}``), which creates the
application in the same statement: its id is the sale's id.  The storefront
hands the application to the institution (its checkout talks to the
institution); the institution decides by signed callbacks, and each step is
one statement with its ledger entries (``cypher/financing/financing_transition.cypher``):

- ``applied`` -> ``approved`` (the institution; nothing moves) ->
  ``disbursed`` (the institution lent the money: it owes the platform the
  financed amount less its fee, the platform owes the merchant the same,
  and the buyer earns the sale's points);
- ``applied`` -> ``declined`` (the institution), or ``cancelled`` (the
  institution, from applied or approved; an operator or the sale's merchant,
  from applied only: once an institution has approved, only it may call the
  financing off; the lapse job, from applied, once ``financing_lapse_hours``
  have passed).  Declined and cancelled void the sale: the management fee is
  reversed, no points are earned, and the sale leaves the merchant's fee
  total (its reward base).  If the sale's period has been run already, the
  reversed fee counts as a refunded fee of the first open period, as a late
  refund does under ``late_sales = carry``, whatever ``late_sales`` says (a
  decline is a fact that cannot be refused): the reward paid on the fee is
  taken back from that period's base, as a clawback if the base goes below 0.

A financed sale cannot be refunded until it is disbursed, nor once void.
"""

from __future__ import annotations

from typing import Any

from ..backend import Backend, Row
from ..errors import NotFound, Refused
from ..vocabulary import (
    APPLIED,
    APPROVED,
    CANCELLED,
    DECLINED,
    DISBURSED,
    now_ms,
)
from . import Outcomes, missing, refuse
from .sales import closed_periods, first_open_period

INSTITUTION, OPERATOR, LAPSE = "institution", "operator", "lapse"
#: who may decide, and (to, who) -> the statuses an application may come from
FROM: dict[tuple[str, str], list[str]] = {
    (APPROVED, INSTITUTION): [APPLIED],
    (DECLINED, INSTITUTION): [APPLIED],
    (DISBURSED, INSTITUTION): [APPROVED],
    (CANCELLED, INSTITUTION): [APPLIED, APPROVED],
    (CANCELLED, OPERATOR): [APPLIED],
    (CANCELLED, LAPSE): [APPLIED],
}

TRANSITION = Outcomes("financing_transition", ("done", "replayed"), {
    "unknown_application": missing("no financing application {id!r}{of}; check the id "
                                   "(it is the sale's id)"),
    "reference_reused": refuse("reference", "reference {reference!r} was given to another "
                                            "decision on this application; send each "
                                            "decision with its own reference", status=409),
    "invalid_transition": refuse("status", "a {application[status]} application cannot "
                                           "become {to}{how}", status=409),
    "not_due": refuse("status", "application {id!r} lapses at {application[lapse_at]}, "
                                "not before", status=409),
    "period_closed": refuse("at", "reward runs kept closing periods while the void of "
                                  "{id!r} was recorded; send it again", status=409),
})

_HOW = {OPERATOR: " by an operator or the merchant (once approved, only the institution "
                  "may cancel it)",
        INSTITUTION: "", LAPSE: ""}


def transition(backend: Backend, application_id: str, to: str, *, by: str,
               institution_id: str | None = None, reference: str | None = None,
               reason: str | None = None, at: int | None = None) -> tuple[Row, bool]:
    """Move an application to ``to`` as ``by`` decides (institution,
    operator, lapse).  Returns ``(application, changed)``; a replay changes
    nothing.  ``institution_id`` names the institution whose callback this
    is: another's application is unknown to it."""
    if (to, by) not in FROM:
        raise Refused("invalid_transition", f"{by} cannot make an application {to}", "status",
                      status=409)
    at = at or now_ms()
    carry: str | None = None
    row = None
    for _ in range(4):
        row = backend.write_one(
            "financing_transition", id=application_id, to=to, **{"from": FROM[(to, by)]},
            by=by, institution_id=institution_id, reference=reference, reason=reason, at=at,
            carry_period=carry)
        if row is None or row["outcome"] != "period_closed":
            break
        # the sale's period was run: the void counts in the first open one
        carry = first_open_period(row["application"]["period"], closed_periods(backend))
    of = f" at institution {institution_id!r}" if institution_id else ""
    outcome, row = TRANSITION.settle(backend, row, id=application_id, to=to, of=of,
                                     reference=reference, how=_HOW[by])
    return row["application"], outcome == "done"


def get(backend: Backend, application_id: str) -> Row:
    row = backend.read_one("financing_get", id=application_id)
    if row is None:
        raise NotFound(f"no financing application {application_id!r}; check the id (it is "
                       "the sale's id)")
    return row["application"]


def list_applications(backend: Backend, *, status: str | None = None,
                      institution_id: str | None = None, buyer_id: str | None = None,
                      merchant_id: str | None = None, after: str | None = None,
                      limit: int = 50) -> list[Row]:
    return [row["application"] for row in backend.read(
        "financing_list", status=status, institution_id=institution_id, buyer_id=buyer_id,
        merchant_id=merchant_id, after=after, limit=limit)]


def lapse_due(backend: Backend, now: int | None = None, limit: int = 1_000) -> dict[str, Any]:
    """Cancel every application still undecided past its lapse time (the
    ``financing.lapse`` job).  Safe to run again and alongside callbacks:
    each cancellation re-checks the status and the time under its lock, and
    one the institution decided meanwhile is left as it decided.  Returns
    ``{lapsed: [ids], skipped: [ids]}``."""
    now = now or now_ms()
    lapsed: list[str] = []
    skipped: list[str] = []
    for due in backend.read("financing_due_lapses", now=now, limit=limit):
        try:
            _, changed = transition(backend, due["id"], CANCELLED, by=LAPSE, at=now,
                                    reason="lapsed: no decision from the institution by "
                                           f"{due['lapse_at']} (rule financing_lapse_hours)")
        except Refused:
            changed = False
        (lapsed if changed else skipped).append(due["id"])
    return {"lapsed": lapsed, "skipped": skipped}
