"""Operator actions with their audit line.

Each function runs one business operation through :mod:`graph.store` and,
when the operation changed something, records an event in the audit trail
(:mod:`graph.store.audit`); the API's resources and the command line call
these instead of the store functions for the actions the trail covers.
Who acted: the request's API key (:func:`request_actor`), the OS user of a
command (:func:`cli_actor`), or the financial institution's signed
callback (:data:`INSTITUTION`).

The event is a second statement, written after the operation succeeded (why
that is acceptable: :mod:`graph.store.audit`).  If that write fails, the
operation is still done and answered as done, and the whole event is logged
at ERROR on the ``refgraph.audit`` logger, so that the line is not lost
silently.

Whether something changed comes from the store function where it says so
(``created``, ``attached``), or from the subject read just before the
operation (a status, a revocation time, a run's status).  Two concurrent
requests may both read the old value; the event id is the same for both
(one per subject and action, see :func:`graph.store.audit.event_id`), so
the trail still holds one event.
"""

from __future__ import annotations

import getpass
import json
import logging
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from flask import g, has_request_context

from graph.backend import Backend
from graph.errors import Conflict, NotFound, RefgraphError, Refused
from graph.rules import RuleSet
from graph.store import (
    audit,
    cards,
    financing,
    institutions,
    keys,
    redemptions,
    rewards,
    users,
    webhooks,
)
from graph.store import rules as rules_store
from graph.store import withdrawals as wd
from graph.store.audit import Actor, Subject, subject
from graph.vocabulary import ACTIVE, CLOSED, COMPLETED, PAYOUTS, REVOKED, SUSPENDED, now_ms

Row = dict[str, Any]

log = logging.getLogger("refgraph.audit")

#: The financial institution confirming payouts (a signed callback, no key).
INSTITUTION: Actor = {"type": "institution", "id": "payout-confirmations", "role": None}

_STATUS_ACTIONS = {ACTIVE: "user.reactivated", SUSPENDED: "user.suspended",
                   CLOSED: "user.closed"}


def request_actor() -> Actor:
    """The API key of the current request (set by :func:`api.auth.authenticate`)."""
    key = g.key
    return {"type": "api_key", "id": key["id"], "role": key["role"]}


def cli_actor() -> Actor:
    """The command line, as the OS user running it."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment nor in passwd
        user = "unknown"
    return {"type": "cli", "id": user, "role": None}


def _request_id() -> str | None:
    return g.get("request_id") if has_request_context() else None


def _fields(record: Mapping[str, Any] | None, names: tuple[str, ...]) -> Row | None:
    return None if record is None else {name: record.get(name) for name in names}


def _record(backend: Backend, action: str, about: Subject, actor: Actor | None,
            before: Any, after: Any, *, repeatable: bool = False) -> None:
    """Record one event; ``repeatable`` actions (a status set again later)
    are told apart by their request, the others happen once per subject."""
    request_id = _request_id()
    occurrence = (request_id or uuid.uuid4().hex) if repeatable else None
    who = actor or request_actor()
    try:
        audit.record(backend, action, about, who, before=before, after=after,
                     request_id=request_id, occurrence=occurrence)
    except RefgraphError as exc:
        log.error(json.dumps({
            "message": "audit event not recorded; the action itself is done", "error": exc.code,
            "action": action, "subject": about, "actor": who, "before": before, "after": after,
            "request_id": request_id, "at": now_ms()}, default=str))


# -- rules ----------------------------------------------------------------------

def change_rules(backend: Backend, changes: Mapping[str, Any], *,
                 effective_from: int | None = None, note: str | None = None,
                 created_by: str, actor: Actor | None = None) -> Row:
    """:func:`graph.store.rules.change`, recording ``rules.changed`` with the
    changed fields before (the rules in force) and after."""
    was = rules_store.in_force(backend)
    started = now_ms()
    version = rules_store.change(backend, changes, effective_from=effective_from,
                                 created_by=created_by, note=note)
    if version["created_at"] >= started:  # not the replay of an earlier change
        old, new = was["rules"].to_dict(), version["rules"].to_dict()
        names = sorted(set(changes) | {name for name in new if new[name] != old.get(name)})
        _record(backend, "rules.changed", subject("rules", version["version"]), actor,
                {"version": was["version"], "rules": {n: old.get(n) for n in names}},
                {"version": version["version"], "effective_from": version["effective_from"],
                 "note": version["note"], "rules": {n: new.get(n) for n in names}})
    return version


# -- withdrawals ----------------------------------------------------------------

_WITHDRAWAL = ("status", "user_id", "amount", "reason", "reference")


def decide_withdrawal(backend: Backend, withdrawal_id: str, to: str, *,
                      rules: RuleSet | None = None, reason: str | None = None,
                      reference: str | None = None, actor: Actor | None = None,
                      institutions: list[str] | None = None) -> Row:
    """:func:`graph.store.withdrawals.transition` to ``to`` (approved,
    rejected, paid, failed), recording ``withdrawal.<to>``; ``institutions``
    for an institution's confirmation (whose batches it may confirm)."""
    was = wd.get(backend, withdrawal_id)
    withdrawal = wd.transition(backend, withdrawal_id, to, rules=rules, reason=reason,
                               reference=reference, institutions=institutions)
    if was["status"] != to and withdrawal["status"] == to:
        _record(backend, f"withdrawal.{to}", subject("withdrawal", withdrawal_id), actor,
                _fields(was, _WITHDRAWAL), _fields(withdrawal, _WITHDRAWAL))
    return withdrawal


def create_batch(backend: Backend, batch_id: str, limit: int = 10_000, *,
                 actor: Actor | None = None,
                 institution_id: str | None = None) -> tuple[Row, list[Row]]:
    """:func:`graph.store.withdrawals.create_batch` for ``institution_id``
    (which must be active and pay out), recording ``payout_batch.created``
    with its count and total when this call made it."""
    if institution_id is not None:
        found = institutions.get(backend, institution_id)
        if found["status"] != ACTIVE or PAYOUTS not in found["services"]:
            raise Refused("institution_cannot_pay", f"institution {institution_id!r} is "
                          f"{found['status']} with services {found['services']}: batches go "
                          "to an active institution with payouts", "institution_id")
    at = now_ms()
    batch, items = wd.create_batch(backend, batch_id, limit, at=at, institution_id=institution_id)
    if batch["institution_id"] != institution_id:
        raise Conflict(f"batch {batch_id!r} was made for institution "
                       f"{batch['institution_id']!r}; use a new id for another batch")
    if batch["created_at"] == at:
        after: Row = {"count": len(items), "total": sum(w["cash_amount"] for w in items)}
        if institution_id is not None:
            after["institution_id"] = institution_id
        _record(backend, "payout_batch.created", subject("payout_batch", batch["id"]), actor,
                None, after)
    return batch, items


# -- institutions and consumer finance ---------------------------------------------

_INSTITUTION = ("name", "services", "status", "status_reason", "buyer_limit", "fee_bp")


def register_institution(backend: Backend, master: bytes, *, actor: Actor | None = None,
                         **fields: Any) -> tuple[Row, str | None, bool]:
    """:func:`graph.store.institutions.register`, recording
    ``institution.registered`` (never the secret)."""
    record, secret, created = institutions.register(backend, master, **fields)
    if created:
        _record(backend, "institution.registered", subject("institution", record["id"]), actor,
                None, _fields(record, ("currency", *_INSTITUTION)))
    return record, secret, created


def update_institution(backend: Backend, institution_id: str, *, actor: Actor | None = None,
                       **changes: Any) -> Row:
    """:func:`graph.store.institutions.update`, recording
    ``institution.updated`` with the fields that changed."""
    was = institutions.get(backend, institution_id)
    record = institutions.update(backend, institution_id, **changes)
    names = tuple(n for n in _INSTITUTION if was.get(n) != record.get(n))
    if names:
        _record(backend, "institution.updated", subject("institution", institution_id), actor,
                _fields(was, names), _fields(record, names), repeatable=True)
    return record


def rotate_secret(backend: Backend, master: bytes, institution_id: str, change_id: str, *,
                  reason: str, actor: Actor | None = None) -> tuple[Row, str, bool]:
    """:func:`graph.store.institutions.rotate_secret`, recording
    ``institution.secret_rotated`` (the version and the old one's end, never
    a secret)."""
    record, secret, rotated = institutions.rotate_secret(backend, master, institution_id,
                                                         change_id)
    if rotated:
        _record(backend, "institution.secret_rotated", subject("institution", institution_id),
                actor, {"secret_version": record["secret_version"] - 1},
                {"secret_version": record["secret_version"],
                 "previous_until": record["previous_until"], "reason": reason},
                repeatable=True)
    return record, secret, rotated


_APPLICATION = ("status", "sale_id", "amount", "reason", "reference", "cancelled_by",
                "carried_into")


def decide_financing(backend: Backend, application_id: str, to: str, *, by: str,
                     institution_id: str | None = None, reference: str | None = None,
                     reason: str | None = None, actor: Actor | None = None) -> tuple[Row, bool]:
    """:func:`graph.store.financing.transition`, recording ``financing.<to>``."""
    was = financing.get(backend, application_id)
    application, changed = financing.transition(backend, application_id, to, by=by,
                                                institution_id=institution_id,
                                                reference=reference, reason=reason)
    if changed:
        _record(backend, f"financing.{to}", subject("financing", application_id), actor,
                _fields(was, _APPLICATION), _fields(application, _APPLICATION))
    return application, changed


def resolve_mismatch(backend: Backend, reconciliation_id: str, n: int, reason: str, *,
                     actor: Actor | None = None) -> tuple[Row, bool]:
    """:func:`graph.store.institutions.resolve`, recording ``mismatch.resolved``."""
    who = actor or request_actor()
    mismatch, resolved = institutions.resolve(backend, reconciliation_id, n, reason,
                                              by=f"{who['type']}:{who['id']}")
    if resolved:
        _record(backend, "mismatch.resolved", subject("mismatch", f"{reconciliation_id}|{n}"),
                who, {"resolution": None},
                _fields(mismatch, ("kind", "reference", "problem", "resolution")))
    return mismatch, resolved


# -- users ------------------------------------------------------------------------

def set_user_status(backend: Backend, user_id: str, status: str, reason: str | None = None, *,
                    actor: Actor | None = None) -> Row:
    """:func:`graph.store.users.set_status`, recording ``user.suspended``,
    ``user.reactivated`` or ``user.closed`` when the status changed."""
    was = users.get(backend, user_id)
    user = users.set_status(backend, user_id, status, reason)
    if was["status"] != user["status"]:
        names = ("status", "status_reason")
        _record(backend, _STATUS_ACTIONS[status], subject("user", user_id), actor,
                _fields(was, names), _fields(user, names), repeatable=True)
    return user


def attach_referrer(backend: Backend, user_id: str, referrer_id: str, rules: RuleSet, *,
                    actor: Actor | None = None) -> tuple[str | None, bool]:
    """:func:`graph.store.users.set_referrer`, recording
    ``user.referrer_attached`` when it attached (a root has no referrer before)."""
    current, attached = users.set_referrer(backend, user_id, referrer_id, rules)
    if attached:
        _record(backend, "user.referrer_attached", subject("user", user_id), actor,
                {"referrer_id": None}, {"referrer_id": current})
    return current, attached


# -- API keys ---------------------------------------------------------------------

_KEY = ("role", "user_id", "name", "revoked_at")


def create_key(backend: Backend, role: str, user_id: str | None = None,
               name: str | None = None, *, actor: Actor | None = None) -> tuple[str, Row]:
    """:func:`graph.store.keys.create`, recording ``api_key.created`` (the
    key's role, user and name; never the key nor its hash)."""
    plaintext, record = keys.create(backend, role, user_id, name)
    _record(backend, "api_key.created", subject("api_key", record["id"]), actor,
            None, _fields(record, _KEY[:3]))
    return plaintext, record


def revoke_key(backend: Backend, key_id: str, *, actor: Actor | None = None) -> Row:
    """:func:`graph.store.keys.revoke` (by id or whole key), recording
    ``api_key.revoked`` the first time."""
    ident = key_id.split("_", 2)[1] if key_id.startswith("rgk_") else key_id
    was = keys.get(backend, ident)
    record = keys.revoke(backend, key_id)
    if was is not None and was["revoked_at"] is None and record["revoked_at"] is not None:
        _record(backend, "api_key.revoked", subject("api_key", record["id"]), actor,
                _fields(was, _KEY), _fields(record, _KEY))
    return record


# -- reward runs ------------------------------------------------------------------

_RUN = ("status", "rules_version", "attempts", "lines", "referrers", "rewards", "clawbacks")


def run_rewards(backend: Backend, period: str, *, actor: Actor | None = None,
                batch: int = 2_000, progress: Callable[[int, int], None] | None = None) -> Row:
    """:func:`graph.store.rewards.run` started by hand, recording
    ``reward_run.completed`` when this call completed the run."""
    try:
        was: Row | None = rewards.get_run(backend, period)
    except NotFound:
        was = None
    run = rewards.run(backend, period, batch=batch, progress=progress)
    if run["status"] == COMPLETED and (was is None or was["status"] != COMPLETED):
        _record(backend, "reward_run.completed", subject("reward_run", period), actor,
                _fields(was, _RUN), _fields(run, _RUN))
    return run


# -- vouchers ---------------------------------------------------------------------

_VOUCHER = ("owner_id", "amount", "remaining", "expires_at", "status", "revoked_at")


def issue_voucher(backend: Backend, *, id: str, owner_id: str, amount: int, expires_at: int,
                  actor: Actor | None = None,
                  currency: str | None = None) -> tuple[Row | None, bool]:
    """:func:`graph.store.cards.issue_voucher`, recording ``voucher.issued``."""
    voucher, created = cards.issue_voucher(backend, id=id, owner_id=owner_id, amount=amount,
                                           expires_at=expires_at, currency=currency)
    if created:
        _record(backend, "voucher.issued", subject("voucher", id), actor,
                None, _fields(voucher, _VOUCHER[:5]))
    return voucher, created


def revoke_voucher(backend: Backend, voucher_id: str, *,
                   actor: Actor | None = None) -> Row | None:
    """:func:`graph.store.cards.revoke_voucher`, recording ``voucher.revoked``
    when it revoked (not for a voucher revoked or expired before)."""
    was = cards.get_voucher(backend, voucher_id)
    voucher = cards.revoke_voucher(backend, voucher_id)
    if (was is not None and voucher is not None and was["status"] != REVOKED
            and voucher["status"] == REVOKED):
        _record(backend, "voucher.revoked", subject("voucher", voucher_id), actor,
                _fields(was, _VOUCHER), _fields(voucher, _VOUCHER))
    return voucher


def mint_redemption(backend: Backend, master: bytes, *, user_id: str,
                    actor: Actor | None = None, **kwargs: Any) -> tuple[Row, bool]:
    """:func:`graph.store.redemptions.mint` by an operator acting for the
    voucher holder ``user_id``, recording ``voucher.redemption_minted`` on
    the user (what the token covers, never the token)."""
    redemption, created = redemptions.mint(backend, master, user_id=user_id, **kwargs)
    if created:
        _record(backend, "voucher.redemption_minted", subject("user", user_id), actor, None,
                {k: v for k, v in redemption.items() if k != "token"}, repeatable=True)
    return redemption, created


# -- webhooks (issue 16) ----------------------------------------------------------

_WEBHOOK = ("url", "events", "description", "status")


def create_webhook(backend: Backend, *, id: str, url: str, events: list[str],
                   description: str | None = None, allow_private: bool = False,
                   master: bytes | None = None,
                   actor: Actor | None = None) -> tuple[Row, str | None, bool]:
    """:func:`graph.store.webhooks.create_endpoint`, recording
    ``webhook.created`` (never the secret)."""
    endpoint, secret, created = webhooks.create_endpoint(
        backend, id=id, url=url, events=events, description=description,
        allow_private=allow_private, master=master)
    if created:
        _record(backend, "webhook.created", subject("webhook", id), actor, None,
                _fields(endpoint, _WEBHOOK))
    return endpoint, secret, created


def update_webhook(backend: Backend, endpoint_id: str, *, actor: Actor | None = None,
                   **changes: Any) -> Row:
    """:func:`graph.store.webhooks.update_endpoint`, recording
    ``webhook.updated`` with what changed."""
    before, endpoint = webhooks.update_endpoint(backend, endpoint_id, **changes)
    after = _fields(endpoint, _WEBHOOK)
    if after != before:
        _record(backend, "webhook.updated", subject("webhook", endpoint_id), actor, before,
                after, repeatable=True)
    return endpoint


def delete_webhook(backend: Backend, endpoint_id: str, *, actor: Actor | None = None) -> Row:
    """:func:`graph.store.webhooks.delete_endpoint`, recording ``webhook.deleted``."""
    endpoint = webhooks.delete_endpoint(backend, endpoint_id)
    _record(backend, "webhook.deleted", subject("webhook", endpoint_id), actor,
            _fields(endpoint, _WEBHOOK), None, repeatable=True)
    return endpoint


def rotate_webhook_secret(backend: Backend, endpoint_id: str, grace_hours: float = 24, *,
                          master: bytes | None = None,
                          actor: Actor | None = None) -> tuple[Row, str]:
    """:func:`graph.store.webhooks.rotate_secret`, recording
    ``webhook.secret_rotated`` (when, never the secrets)."""
    endpoint, secret = webhooks.rotate_secret(backend, endpoint_id, grace_hours, master=master)
    _record(backend, "webhook.secret_rotated", subject("webhook", endpoint_id), actor, None,
            {"secret_rotated_at": endpoint["secret_rotated_at"], "grace_hours": grace_hours},
            repeatable=True)
    return endpoint, secret


def test_webhook(backend: Backend, endpoint_id: str, test_id: str | None = None, *,
                 actor: Actor | None = None) -> tuple[Row, bool]:
    """:func:`graph.store.webhooks.send_test`, recording ``webhook.tested``."""
    delivery, created = webhooks.send_test(backend, endpoint_id, test_id)
    if created:
        _record(backend, "webhook.tested", subject("webhook", endpoint_id), actor, None,
                {"event_id": delivery["event_id"]}, repeatable=True)
    return delivery, created


def retry_webhook_delivery(backend: Backend, endpoint_id: str, delivery_id: str, *,
                           actor: Actor | None = None) -> Row:
    """:func:`graph.store.webhooks.retry_delivery`, recording
    ``webhook.delivery_retried``."""
    before, delivery = webhooks.retry_delivery(backend, endpoint_id, delivery_id)
    _record(backend, "webhook.delivery_retried", subject("webhook_delivery", delivery_id),
            actor, {"status": before}, {"status": delivery["status"]}, repeatable=True)
    return delivery
