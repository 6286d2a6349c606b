"""A holder's consent to pay with their vouchers: redemption tokens.

A voucher is its holder's money.  A sale is paid with it only with the
holder's consent, as a card payment needs its card holder's: the holder
(their member key, or an operator acting for them) mints a **redemption
token** for some of their vouchers, an amount cap and optionally one
merchant (``POST /v1/users/{id}/vouchers/redemptions``), and hands it to the
storefront, which sends it with each voucher the sale names
(``"redemption_token"``).  The sale's one statement checks the token (the
buyer's, for that voucher, that merchant, unused, unexpired, within its cap)
and marks it used by the sale (cypher/sales/sale_record.cypher).  A token
pays one sale; a replay of that sale is still a replay.

A token is ``vrt_`` and 43 base64url characters: HMAC-SHA256, under the
platform's master key (:func:`graph.settlement.master_key`), of a random
salt kept with the token's record.  The database keeps the salt and the
token's sha256, never the token: a copy of the database without the master
key spends nothing, and a replayed mint (same id, same request) derives the
same token again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from ..backend import Backend
from ..errors import Refused, UnknownUser
from ..fingerprint import fingerprint
from ..settlement import derive, new_salt
from ..vocabulary import now_ms
from . import Outcomes, missing, refuse, taken

Row = dict[str, Any]

#: how long a token lives unless asked otherwise, and the bounds of asking
DEFAULT_TTL_S, MIN_TTL_S, MAX_TTL_S = 900, 60, 3_600
#: the most vouchers one token may cover (as many as one sale may name)
MAX_VOUCHERS = 20
PREFIX = "vrt_"
#: what a token looks like (anything else cannot be one: refused before a
#: lookup): this pattern from its start, and exactly this long
TOKEN_PATTERN, TOKEN_LENGTH = r"^vrt_[A-Za-z0-9_-]{43}", 47

MINT = Outcomes("voucher_redemption_create", ("created", "replayed"), {
    "id_taken": taken("redemption token"),
    "unknown_user": missing("no user {user_id!r}; check the id", UnknownUser),
    "vouchers_not_owned": lambda outcome, row, context: _not_owned(row, context),
    "unknown_merchant": refuse("merchant_id", "no merchant {merchant_id!r}; name the merchant "
                                              "the token is for, or leave merchant_id out"),
})

#: why a voucher named in a sale has no consent (the statement's reasons)
UNCONSENTED = {
    "no_token": "no redemption token (or one refgraph does not know): the holder mints one "
                "and the storefront sends it as this voucher's redemption_token",
    "other_voucher": "the redemption token is not the buyer's, or not for this voucher",
    "other_merchant": "the redemption token is for another merchant",
    "used": "the redemption token has paid another sale already; the holder mints a new one",
    "expired": "the redemption token has expired; the holder mints a new one",
    "over_cap": "the vouchers sent with this token take more than its max_amount",
}


def _not_owned(row: Row, context: dict[str, Any]) -> Refused:
    error = Refused("vouchers_not_owned", f"some vouchers are not {context['user_id']!r}'s "
                    "(or do not exist): a token covers its holder's own vouchers only; "
                    "GET /v1/users/{id}/vouchers lists them", "voucher_ids")
    error.details["errors"] = {"voucher_ids": {v: ["not this user's voucher"]
                                               for v in row["bad_vouchers"]}}
    return error


def token_of(master: bytes, salt: str) -> str:
    """The redemption token of ``salt`` under ``master``.

    >>> token = token_of(b"k" * 32, "00" * 32)
    >>> token.startswith("vrt_"), len(token), token == token_of(b"k" * 32, "00" * 32)
    (True, 47, True)
    >>> token == token_of(b"K" * 32, "00" * 32)
    False
    """
    return derive(master, "voucher redemption", salt, PREFIX)


def token_hash(token: str) -> str:
    """What the database keeps of a token, and looks it up by: its sha256."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def mint(backend: Backend, master: bytes, *, id: str, user_id: str,
         voucher_ids: Sequence[str], max_amount: int, merchant_id: str | None = None,
         expires_in: int = DEFAULT_TTL_S, at: int | None = None) -> tuple[Row, bool]:
    """User ``user_id`` consents to one sale taking at most ``max_amount``
    from ``voucher_ids`` (at ``merchant_id``, or any merchant) within
    ``expires_in`` seconds.  Returns ``(redemption, created)``; the
    redemption carries its ``token``, the same on a replay."""
    if not MIN_TTL_S <= expires_in <= MAX_TTL_S:
        raise Refused("invalid_expiry", f"expires_in must be from {MIN_TTL_S} to {MAX_TTL_S} "
                      "seconds", "expires_in")
    at = at or now_ms()
    wanted = sorted(set(voucher_ids))
    request = {"id": id, "user_id": user_id, "voucher_ids": wanted, "max_amount": max_amount,
               "merchant_id": merchant_id, "expires_in": expires_in}
    salt = new_salt()
    row = backend.write_one(
        "voucher_redemption_create", id=id, user_id=user_id, voucher_ids=wanted,
        max_amount=max_amount, merchant_id=merchant_id, at=at,
        expires_at=at + expires_in * 1_000, salt=salt, token_hash=token_hash(token_of(master, salt)),
        request_hash=fingerprint(request))
    outcome, row = MINT.settle(backend, row, id=id, user_id=user_id, merchant_id=merchant_id)
    record = row["redemption"]
    token = token_of(master, record["salt"])
    if token_hash(token) != record["token_hash"]:
        raise Refused("redemption_key_changed", f"redemption token {id!r} was made under "
                      "another master key (REFGRAPH_INSTITUTION_KEY changed): mint a new one "
                      "with a new id", "id", status=409)
    return public(record, token), outcome == "created"


def public(record: Row, token: str | None = None) -> Row:
    """A redemption as clients see it: no salt, no hash; ``token`` when known."""
    return {"id": record["id"], "token": token, "user_id": record["user_id"],
            "voucher_ids": list(record["voucher_ids"]), "max_amount": record["max_amount"],
            "merchant_id": record["merchant_id"], "created_at": record["created_at"],
            "expires_at": record["expires_at"], "sale_id": record["used_by"],
            "used_at": record["used_at"]}


def sale_vouchers(vouchers: Sequence[Row]) -> list[Row]:
    """A sale's voucher payments as ``sale_record`` takes them: each with
    the hash of its ``redemption_token`` (null without one) and
    ``token_total``, what the sale takes with that token in all."""
    hashes = [token_hash(use["redemption_token"]) if use.get("redemption_token") else None
              for use in vouchers]
    totals: dict[str | None, int] = {}
    for use, hashed in zip(vouchers, hashes, strict=True):
        totals[hashed] = totals.get(hashed, 0) + use["amount"]
    return [{"id": use["id"], "amount": use["amount"], "token_hash": hashed,
             "token_total": totals[hashed]}
            for use, hashed in zip(vouchers, hashes, strict=True)]


def unconsented(row: Row) -> Refused:
    """The 403 of a sale naming vouchers without their holder's consent."""
    error = Refused(
        "voucher_consent_required", "a voucher pays only with its holder's consent, and some "
        "of these have none: the holder (their member key, or an operator for them) mints a "
        "redemption token for them (POST /v1/users/{buyer_id}/vouchers/redemptions) and the "
        "storefront sends it as each voucher's redemption_token; nothing was recorded",
        "vouchers", status=403)
    error.details["errors"] = {"vouchers": {use["id"]: [UNCONSENTED[use["reason"]]]
                                            for use in row["unconsented"]}}
    return error
