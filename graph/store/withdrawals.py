"""Withdrawals of reward cash and their settlement with a financial institution.

Life of a withdrawal: ``requested`` (the amount is held) -> ``approved`` by
an operator, or ``rejected`` (money back) -> ``batched`` into a payout file
for the institution -> ``paid`` (the cash part leaves; the rest becomes a
mall voucher) or ``failed`` (money back).  The cash part is the rule set's
cash-out proportion of the amount, rounded down; the voucher part is the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..backend import Backend

if TYPE_CHECKING:
    from ..rules import RuleSet

Row = dict[str, Any]

from ..errors import NotFound, UnknownUser
from ..fingerprint import fingerprint
from ..money import share_of
from ..vocabulary import (
    APPROVED,
    BATCHED,
    DAY_MS,
    FAILED,
    PAID,
    REJECTED,
    REQUESTED,
    now_ms,
)
from . import Outcomes, missing, refuse, taken
from .cards import new_voucher_id
from .platform import check_currency

REQUEST = Outcomes("withdrawal_request", ("created", "replayed"), {
    "id_taken": taken("withdrawal"),
    "unknown_user": missing("no user {user_id!r}; check the id", UnknownUser),
    "user_inactive": refuse("user_id", "the account is not active; withdrawals are held"),
    "below_minimum": refuse("amount", "the smallest withdrawal is {min_amount}"),
    "insufficient_balance": refuse("amount", "only {available} can be withdrawn now", status=409),
})
TRANSITION = Outcomes("withdrawal_transition", ("done", "replayed"), {
    "unknown_withdrawal": missing("no withdrawal {id!r}; check the id"),
    "invalid_transition": refuse("status", "a {withdrawal[status]} withdrawal cannot become {to}",
                                 status=409),
})

#: status -> the statuses a withdrawal may come to it from
TRANSITIONS = {
    APPROVED: [REQUESTED],
    REJECTED: [REQUESTED],
    PAID: [BATCHED],
    FAILED: [BATCHED],
}


def request(backend: Backend, *, id: str, user_id: str, amount: int, rules: RuleSet,
            at: int | None = None, currency: str | None = None) -> tuple[Row, bool]:
    check_currency(backend, currency)
    at = at or now_ms()
    row = backend.write_one(
        "withdrawal_request", id=id, user_id=user_id, amount=amount,
        cash_amount=share_of(amount, rules.cashout_bp), min_amount=rules.min_withdrawal, at=at,
        request_hash=fingerprint({"id": id, "user_id": user_id, "amount": amount}))
    outcome, row = REQUEST.settle(backend, row, id=id, user_id=user_id,
                             min_amount=rules.min_withdrawal)
    return row["withdrawal"], outcome == "created"


def transition(backend: Backend, withdrawal_id: str, to: str, *, rules: RuleSet | None = None,
               reason: str | None = None, reference: str | None = None,
               at: int | None = None, institutions: list[str] | None = None) -> Row:
    """Move a withdrawal to ``to``.  ``institutions``: for an institution's
    confirmation, the institutions it speaks for (``''``: batches made
    without one); a withdrawal batched for another is unknown to it."""
    at = at or now_ms()
    days = rules.withdrawal_voucher_days if rules else 365
    row = backend.write_one(
        "withdrawal_transition", id=withdrawal_id, to=to, **{"from": TRANSITIONS[to]},
        reason=reason, reference=reference, at=at, voucher_expires_at=at + days * DAY_MS,
        voucher_id=new_voucher_id(), institutions=institutions)
    _, row = TRANSITION.settle(backend, row, id=withdrawal_id, to=to)
    return row["withdrawal"]


def get(backend: Backend, withdrawal_id: str) -> Row:
    row = backend.read_one("withdrawal_get", id=withdrawal_id)
    if row is None:
        raise NotFound(f"no withdrawal {withdrawal_id!r}; check the id")
    return row["withdrawal"]


def list_withdrawals(backend: Backend, *, status: str | None = None, user_id: str | None = None,
                     after: str | None = None, limit: int = 50) -> list[Row]:
    return [row["withdrawal"] for row in backend.read(
        "withdrawal_list", status=status, user_id=user_id, after=after, limit=limit)]


def create_batch(backend: Backend, batch_id: str, limit: int = 10_000,
                 at: int | None = None,
                 institution_id: str | None = None) -> tuple[Row, list[Row]]:
    """Gather approved withdrawals into batch ``batch_id`` for institution
    ``institution_id`` (``None``: the one the global payout secret stands
    for).  A batch id used before answers its batch, whatever institution it
    was made for (the caller compares)."""
    row = backend.write_one("payout_batch_create", id=batch_id, limit=limit, at=at or now_ms(),
                            institution_id=institution_id)
    assert row is not None  # MERGE of the batch: always one row
    return row["batch"], row["withdrawals"]
