"""Users and the referral relation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..backend import Backend

if TYPE_CHECKING:
    from ..rules import RuleSet

Row = dict[str, Any]

import secrets

from ..errors import Refused, UnknownUser
from ..fingerprint import fingerprint
from ..vocabulary import now_ms
from . import Outcomes, missing, refuse, taken, with_roles

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I

REFUSALS = {
    "self_referral": ("referrer_id", "a user cannot refer themselves"),
    "referrer_required": ("referral_code",
                          "a referral code or referrer id is required (only operators create roots)"),
    "unknown_referrer": ("referral_code", "no user has this referral code or id; check it"),
    "referrer_inactive": ("referral_code", "the referrer's account is not active"),
    "referrer_not_allowed": ("referral_code",
                             "the referrer's roles may not refer under the rules in force "
                             "(by default only card holders and merchants may)"),
    "referrer_already_set": ("referrer_id", "the user already has a referrer; it is set once"),
    "cycle": ("referrer_id", "the referrer is in the user's own downline; a referral cycle "
              "is not allowed"),
}


_REFERRAL_REFUSALS = {outcome: refuse(field, message)
                      for outcome, (field, message) in REFUSALS.items()}
REGISTER = Outcomes("user_register", ("created", "replayed"), {
    "id_taken": taken("user"),
    **{k: v for k, v in _REFERRAL_REFUSALS.items()
       if k in ("self_referral", "referrer_required", "unknown_referrer", "referrer_inactive",
                "referrer_not_allowed")},
})
SET_REFERRER = Outcomes("user_set_referrer", ("attached", "replayed"), {
    "unknown_user": missing("no user {id!r}; check the id", UnknownUser),
    "unknown_referrer": refuse("referrer_id", "no user has this id; check it"),
    **{k: v for k, v in _REFERRAL_REFUSALS.items()
       if k in ("self_referral", "referrer_already_set", "cycle", "referrer_inactive",
                "referrer_not_allowed")},
})


def new_referral_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))


def register(backend: Backend, *, id: str, name: str, roles: list[str] | tuple[str, ...],
             rules: RuleSet, referrer_id: str | None = None, referral_code: str | None = None,
             root: bool = False, fingerprints: dict[str, str | None] | None = None,
             at: int | None = None) -> tuple[Row, bool]:
    """Register a user; idempotent on ``id``.  Returns ``(user, created)``."""
    fingerprints = fingerprints or {}
    request = {"id": id, "name": name, "roles": sorted(roles), "referrer_id": referrer_id,
               "referral_code": referral_code, "root": root, **fingerprints}
    row = backend.write_one(
        "user_register", id=id, name=name, roles=list(roles), root=bool(root),
        referrer_id=referrer_id, referral_code=referral_code, code=new_referral_code(),
        referrers=list(rules.referrers), at=at or now_ms(),
        phone_hash=fingerprints.get("phone_hash"), device_id=fingerprints.get("device_id"),
        payment_hash=fingerprints.get("payment_hash"), request_hash=fingerprint(request),
    )
    outcome, row = REGISTER.settle(backend, row, id=id)
    return with_roles(row["user"]), outcome == "created"


REGISTER_BATCH = Outcomes("user_register_batch", ("created", "replayed"), {
    "id_taken": taken("user"),
    **{k: v for k, v in _REFERRAL_REFUSALS.items()
       if k in ("self_referral", "referrer_required", "unknown_referrer", "referrer_inactive",
                "referrer_not_allowed")},
})
BATCH_LIMIT = 1_000


def register_many(backend: Backend, items: list[Row], rules: RuleSet,
                  at: int | None = None) -> list[tuple[str, str, Row | None]]:
    """Register up to ``BATCH_LIMIT`` users, each as :func:`register` would;
    ``items`` have its fields (``at``, the join time, defaults to ``at``: only
    an import sets past join times, and ``card_since``, the time a card holder
    of the platform's past bought their card).  Returns one ``(id, outcome, user)`` per item,
    in order.  One statement, unless some users are referred by others of
    the batch: those go in a further statement once their referrers are in."""
    if len(items) > BATCH_LIMIT:
        raise Refused("batch_too_large", f"send at most {BATCH_LIMIT} users per batch", "users")
    ids = [item["id"] for item in items]
    if len(ids) != len(set(ids)):
        raise Refused("duplicate_ids", "each user id may appear once in a batch", "users")
    at = at or now_ms()
    rows = []
    for item in items:
        fingerprints = item.get("fingerprints") or {}
        request = {"id": item["id"], "name": item["name"], "roles": sorted(item["roles"]),
                   "referrer_id": item.get("referrer_id"),
                   "referral_code": item.get("referral_code"), "root": bool(item.get("root")),
                   **fingerprints}
        if item.get("card_since") is not None:   # only the import sends it
            request["card_since"] = item["card_since"]
        rows.append({
            "id": item["id"], "name": item["name"], "roles": list(item["roles"]),
            "root": bool(item.get("root")), "referrer_id": item.get("referrer_id"),
            "referral_code": item.get("referral_code"), "code": new_referral_code(),
            "at": item.get("at") or at, "card_since": item.get("card_since"),
            "phone_hash": fingerprints.get("phone_hash"),
            "device_id": fingerprints.get("device_id"),
            "payment_hash": fingerprints.get("payment_hash"),
            "request_hash": fingerprint(request)})
    answers: dict[str, tuple[str, Row | None]] = {}
    pending = rows
    while pending:
        waiting = {row["id"] for row in pending}
        now = [row for row in pending
               if row["referrer_id"] not in waiting or row["referrer_id"] == row["id"]]
        now = now or pending            # a cycle within the batch: none of them can join
        for row in backend.write("user_register_batch", users=now,
                                 referrers=list(rules.referrers)):
            answers[row["id"]] = (REGISTER_BATCH.check(backend, row["outcome"]),
                                  with_roles(row["user"]))
        pending = [row for row in pending if row["id"] not in answers]
    return [(item["id"], *answers[item["id"]]) for item in items]


def get(backend: Backend, user_id: str) -> Row:
    row = backend.read_one("user_get", id=user_id)
    if row is None:
        raise UnknownUser(f"no user {user_id!r}; check the id")
    return with_roles(row["user"])


def list_users(backend: Backend, *, after: str | None = None, limit: int = 50,
               role: str | None = None, status: str | None = None,
               referrer_id: str | None = None) -> list[Row]:
    rows = backend.read("user_list", after=after, limit=limit, role=role, status=status,
                        referrer_id=referrer_id)
    return [with_roles(row["user"]) for row in rows]


def set_status(backend: Backend, user_id: str, status: str, reason: str | None = None,
               at: int | None = None) -> Row:
    row = backend.write_one("user_set_status", id=user_id, status=status, reason=reason,
                            at=at or now_ms())
    if row is None:
        raise UnknownUser(f"no user {user_id!r}; check the id")
    return with_roles(row["user"])


def set_referrer(backend: Backend, user_id: str, referrer_id: str, rules: RuleSet,
                 at: int | None = None) -> tuple[str | None, bool]:
    row = backend.write_one("user_set_referrer", id=user_id, referrer_id=referrer_id,
                            referrers=list(rules.referrers), at=at or now_ms())
    outcome, row = SET_REFERRER.settle(backend, row, id=user_id)
    return row["referrer_id"], outcome == "attached"


def upline(backend: Backend, user_id: str) -> list[Row]:
    get(backend, user_id)
    return [{"distance": row["distance"], **with_roles(row["user"])}
            for row in backend.read("user_upline", id=user_id)]


MAX_DEPTH = 10


def downline(backend: Backend, user_id: str, *, depth: int,
             after: tuple[int, str] | None = None,
             limit: int = 50) -> tuple[list[Row], list[Row]]:
    """Counts per level to ``depth`` and one page of the users below."""
    if not 1 <= depth <= MAX_DEPTH:
        raise Refused("invalid_depth", f"depth must be from 1 to {MAX_DEPTH}", "depth")
    get(backend, user_id)
    levels = backend.read("user_downline_counts", id=user_id, depth=depth)
    after_level, after_id = after if after else (None, None)
    rows = backend.read("user_downline_page", id=user_id, depth=depth, after_level=after_level,
                        after_id=after_id, limit=limit)
    users = [{"level": row["level"], **with_roles(row["user"])} for row in rows]
    return levels, users
