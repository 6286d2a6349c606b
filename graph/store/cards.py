from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from ..backend import Backend

if TYPE_CHECKING:
    from ..rules import RuleSet

Row = dict[str, Any]

"""Loyalty cards and the vouchers they grant; operator-issued vouchers."""

from ..errors import NotFound, UnknownUser
from ..fingerprint import fingerprint
from ..vocabulary import ACTIVE, DAY_MS, EXPIRED, now_ms
from . import Outcomes, missing, refuse, taken
from .platform import check_currency

BUY = Outcomes("card_buy", ("created", "replayed"), {
    "id_taken": taken("card purchase"),
    "unknown_user": missing("no user {user_id!r}; register the user first", UnknownUser),
    "user_inactive": refuse("user_id", "the user's account is not active"),
    "already_cardholder": refuse("user_id", "the user already holds a card and the rules allow "
                                 "one card per user", status=409),
})
ISSUE = Outcomes("voucher_issue", ("created", "replayed"), {
    "id_taken": taken("voucher"),
    "unknown_user": missing("no user {owner_id!r}; check the owner id", UnknownUser),
})


def new_voucher_id() -> str:
    """A voucher id no one can guess: ``v_`` and 128 random bits in hex.

    Vouchers a card granted before issue 27 keep their ``<card>-v<n>`` ids;
    guessing an id gets no one anything either way, since a voucher pays
    only with its holder's redemption token (graph/store/redemptions.py).

    >>> a, b = new_voucher_id(), new_voucher_id()
    >>> a.startswith("v_"), len(a), a != b
    (True, 34, True)
    """
    return "v_" + secrets.token_hex(16)


def buy_card(backend: Backend, *, id: str, user_id: str, rules: RuleSet,
             at: int | None = None) -> tuple[Row, bool]:
    """User ``user_id`` buys card ``id``.  Returns ``(card, created)``; a
    replay answers the card, and voucher ids, of the first purchase."""
    at = at or now_ms()
    row = backend.write_one(
        "card_buy", id=id, user_id=user_id, price=rules.card_price,
        voucher_ids=[new_voucher_id() for _ in range(rules.card_voucher_count)],
        voucher_amount=rules.card_voucher_amount,
        expires_at=at + rules.card_voucher_days * DAY_MS, allow_second=rules.allow_second_card,
        at=at, request_hash=fingerprint({"id": id, "user_id": user_id}),
    )
    outcome, row = BUY.settle(backend, row, id=id, user_id=user_id)
    return row["card"], outcome == "created"


def cards_of(backend: Backend, user_id: str) -> list[Row]:
    return [row["card"] for row in backend.read("card_list", user_id=user_id)]


def voucher_view(voucher: Row | None, at: int | None = None) -> Row | None:
    """A voucher as clients see it: an active voucher past its expiry is 'expired'."""
    if voucher is None:
        return None
    voucher = dict(voucher)
    if voucher["status"] == ACTIVE and voucher["expires_at"] <= (at or now_ms()):
        voucher["status"] = EXPIRED
    return voucher


def issue_voucher(backend: Backend, *, id: str, owner_id: str, amount: int, expires_at: int,
                  at: int | None = None, currency: str | None = None) -> tuple[Row | None, bool]:
    check_currency(backend, currency)
    request = {"id": id, "owner_id": owner_id, "amount": amount, "expires_at": expires_at}
    row = backend.write_one("voucher_issue", id=id, owner_id=owner_id, amount=amount,
                            expires_at=expires_at, at=at or now_ms(),
                            request_hash=fingerprint(request))
    outcome, row = ISSUE.settle(backend, row, id=id, owner_id=owner_id)
    return voucher_view(row["voucher"]), outcome == "created"


def get_voucher(backend: Backend, voucher_id: str) -> Row | None:
    row = backend.read_one("voucher_get", id=voucher_id)
    if row is None:
        raise NotFound(f"no voucher {voucher_id!r}; check the id")
    return voucher_view(row["voucher"])


def revoke_voucher(backend: Backend, voucher_id: str, at: int | None = None) -> Row | None:
    row = backend.write_one("voucher_revoke", id=voucher_id, at=at or now_ms())
    if row is None:
        raise NotFound(f"no voucher {voucher_id!r}; check the id")
    return voucher_view(row["voucher"])


def vouchers_of(backend: Backend, owner_id: str, *, after: str | None = None,
                limit: int = 50) -> list[Row | None]:
    at = now_ms()
    return [voucher_view(row["voucher"], at)
            for row in backend.read("voucher_list", owner_id=owner_id, after=after, limit=limit)]


def expire_vouchers(backend: Backend, now: int | None = None,
                    batch: int = 1_000) -> dict[str, int]:
    """Mark every voucher past its expiry as expired; returns totals."""
    now = now or now_ms()
    totals = {"expired": 0, "value": 0}
    while True:
        row = backend.write_one("voucher_expire", now=now, batch=batch)
        assert row is not None  # an aggregate: always one row
        if not row["expired"]:
            return totals
        totals["expired"] += row["expired"]
        totals["value"] += row["value"]
