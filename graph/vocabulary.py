"""The words refgraph's graph, API and console share, defined once.

User roles and the node labels that carry them, the roles of API keys, the
statuses of users, withdrawals, vouchers, reward runs and reward lines, the
kinds of fraud signal, the actions of the audit trail, and time as epoch
milliseconds.  Every value is a plain string (or int): it is what the graph
stores and the API sends, so the schemas validate against these tuples, and
the operator console loads them from ``GET /console/vocabulary.json``
(:func:`as_dict`) instead of keeping copies.

The Cypher files spell the same words in their own text: a label cannot
be a parameter, and a status written in a query keeps it readable.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

# -- time ---------------------------------------------------------------------

#: One day in milliseconds: refgraph stores every time as epoch ms, UTC.
DAY_MS: Final[int] = 86_400_000


def now_ms() -> int:
    """The current UTC time in epoch milliseconds (refgraph stores time so)."""
    return time.time_ns() // 1_000_000


# -- ids ----------------------------------------------------------------------

#: A client-chosen id or code (users, sales, cards, idempotency keys...): the
#: whole string is 1 to 64 letters, digits or ``. _ : -``.  The pattern is
#: written for documents (JSON Schema reads ``$`` as the end of the string);
#: Python must use :func:`is_id`, which matches the whole string: ``re.match``
#: with ``$`` lets a trailing newline through, and FalkorDB 4.16 crashes on a
#: new unique value with trailing whitespace (cypher/DIALECTS.md).
ID_PATTERN: Final = r"^[A-Za-z0-9._:-]{1,64}$"
#: What an id may be, in the words every refusal uses.
ID_RULE: Final = "1 to 64 letters, digits or . _ : - (nothing else, no spaces)"
_ID = re.compile(ID_PATTERN)


def is_id(value: object) -> bool:
    """True when ``value`` is a whole id (see :data:`ID_PATTERN`).

    >>> is_id("sale-2026.12:1"), is_id("b1\\n"), is_id(" b1"), is_id("x" * 65)
    (True, False, False, False)
    """
    return isinstance(value, str) and _ID.fullmatch(value) is not None


# -- user roles ---------------------------------------------------------------

BUYER: Final = "buyer"
MERCHANT: Final = "merchant"
CARDHOLDER: Final = "cardholder"

#: Every user role, in the order of the graph schema's labels.
ROLES: Final[tuple[str, ...]] = (BUYER, MERCHANT, CARDHOLDER)
#: The roles a user registers with; card holders become so by buying a card.
REGISTRATION_ROLES: Final[tuple[str, ...]] = (BUYER, MERCHANT)
#: The node label of each role; every user node is also a ``User``.
ROLE_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {BUYER: "Buyer", MERCHANT: "Merchant", CARDHOLDER: "CardHolder"})
#: The role a user is shown (coloured) by: the first of these they have.
ROLE_PRIORITY: Final[tuple[str, ...]] = (MERCHANT, CARDHOLDER, BUYER)

_ROLE_OF_LABEL = {label.lower(): role for role, label in ROLE_LABELS.items()}


def roles_of(labels: Iterable[str] | None) -> list[str]:
    """The sorted roles a user's node labels give, whatever the labels' case.

    Examples
    --------
    >>> roles_of(["User", "Merchant", "CardHolder", "Buyer"])
    ['buyer', 'cardholder', 'merchant']
    >>> roles_of(["User", "BUYER", "Admin"]), roles_of(None)
    (['buyer'], [])
    """
    return sorted({_ROLE_OF_LABEL[label.lower()] for label in labels or ()
                   if label.lower() in _ROLE_OF_LABEL})


def primary_role(roles: Iterable[str] | None) -> str | None:
    """The role a user is coloured by: merchant, then card holder, then buyer.

    Examples
    --------
    >>> primary_role(["buyer", "cardholder"]), primary_role(["merchant", "buyer"])
    ('cardholder', 'merchant')
    >>> primary_role([]) is None, primary_role(None) is None
    (True, True)
    """
    held = set(roles or ())
    return next((role for role in ROLE_PRIORITY if role in held), None)


# -- API keys -----------------------------------------------------------------

OPERATOR: Final = "operator"
MEMBER: Final = "member"

#: What a key may do: everything, one merchant's sales, or one user's own data.
KEY_ROLES: Final[tuple[str, ...]] = (OPERATOR, MERCHANT, MEMBER)

# -- statuses -----------------------------------------------------------------

ACTIVE: Final = "active"
SUSPENDED: Final = "suspended"
CLOSED: Final = "closed"

#: A user's account; only an active user refers, buys, sells and withdraws.
USER_STATUSES: Final[tuple[str, ...]] = (ACTIVE, SUSPENDED, CLOSED)

REQUESTED: Final = "requested"
APPROVED: Final = "approved"
REJECTED: Final = "rejected"
BATCHED: Final = "batched"
PAID: Final = "paid"
FAILED: Final = "failed"

#: A withdrawal's life, in order (see :mod:`graph.store.withdrawals`).
WITHDRAWAL_STATUSES: Final[tuple[str, ...]] = (
    REQUESTED, APPROVED, REJECTED, BATCHED, PAID, FAILED)
#: What the financial institution may confirm a batched withdrawal as.
SETTLEMENT_STATUSES: Final[tuple[str, ...]] = (PAID, FAILED)

# -- partner financial institutions and consumer finance -----------------------

PAYOUTS: Final = "payouts"
CONSUMER_CREDIT: Final = "consumer_credit"

#: What a partner institution does for the platform (see graph/store/institutions.py).
INSTITUTION_SERVICES: Final[tuple[str, ...]] = (PAYOUTS, CONSUMER_CREDIT)
INACTIVE: Final = "inactive"
#: An institution: it takes new batches and financing only while active.
INSTITUTION_STATUSES: Final[tuple[str, ...]] = (ACTIVE, INACTIVE)

APPLIED: Final = "applied"
DISBURSED: Final = "disbursed"
DECLINED: Final = "declined"
CANCELLED: Final = "cancelled"

#: A financing application's life (graph/store/financing.py): applied, then
#: approved and disbursed, or declined or cancelled (a lapse is a cancellation).
FINANCING_STATUSES: Final[tuple[str, ...]] = (APPLIED, APPROVED, DISBURSED, DECLINED, CANCELLED)
#: The statuses an institution's signed callback may bring an application to.
FINANCING_DECISIONS: Final[tuple[str, ...]] = (APPROVED, DECLINED, DISBURSED, CANCELLED)
#: Applications still waiting for the institution: their sale is neither
#: settled nor void, and they count against the buyer's limit.
UNDECIDED: Final[tuple[str, ...]] = (APPLIED, APPROVED)
#: Statuses that void the financed sale (fee reversed, no points, no base).
VOIDING: Final[tuple[str, ...]] = (DECLINED, CANCELLED)

#: What a line of a reconciliation reports (graph/statements.py).
MISMATCH_KINDS: Final[tuple[str, ...]] = (
    "missing_theirs", "missing_ours", "amount", "status")

EXPIRED: Final = "expired"
REVOKED: Final = "revoked"

#: A voucher: usable, past its expiry, or revoked by an operator.
VOUCHER_STATUSES: Final[tuple[str, ...]] = (ACTIVE, EXPIRED, REVOKED)

RUNNING: Final = "running"
COMPLETED: Final = "completed"

#: A reward run of one period; a completed run is never run again.
RUN_STATUSES: Final[tuple[str, ...]] = (RUNNING, COMPLETED, FAILED)

PENDING: Final = "pending"
RELEASED: Final = "released"
CLAWBACK: Final = "clawback"

#: A reward line: in its hold, withdrawable, or a negative line taking back.
LINE_STATUSES: Final[tuple[str, ...]] = (PENDING, RELEASED, CLAWBACK)

# -- fraud signals ------------------------------------------------------------

SHARED_FINGERPRINT: Final = "shared_fingerprint"
SELF_DEALING: Final = "self_dealing"
REFERRAL_BURST: Final = "referral_burst"
DORMANT_CHAIN: Final = "dormant_chain"

#: The kinds of signal :func:`graph.analytics.fraud_signals` raises.
SIGNAL_KINDS: Final[tuple[str, ...]] = (
    SHARED_FINGERPRINT, SELF_DEALING, REFERRAL_BURST, DORMANT_CHAIN)


# -- the audit trail ----------------------------------------------------------

#: The operator actions the audit trail records (see :mod:`graph.store.audit`).
AUDIT_ACTIONS: Final[tuple[str, ...]] = (
    "rules.changed",
    "withdrawal.approved", "withdrawal.rejected", "withdrawal.paid", "withdrawal.failed",
    "user.suspended", "user.reactivated", "user.closed", "user.referrer_attached",
    "api_key.created", "api_key.revoked",
    "payout_batch.created", "reward_run.completed",
    "voucher.issued", "voucher.revoked", "voucher.redemption_minted",
    "institution.registered", "institution.updated", "institution.secret_rotated",
    "financing.approved", "financing.declined", "financing.disbursed", "financing.cancelled",
    "mismatch.resolved",
    "webhook.created", "webhook.updated", "webhook.deleted", "webhook.secret_rotated",
    "webhook.tested", "webhook.delivery_retried",
)


# -- webhooks -----------------------------------------------------------------

#: The events refgraph tells webhook endpoints about (graph/webhooks/events.py).
EVENT_TYPES: Final[tuple[str, ...]] = (
    "user.registered", "user.status_changed", "card.purchased", "sale.recorded",
    "refund.recorded", "reward_run.completed", "reward.credited", "reward.released",
    "clawback.created", "withdrawal.requested", "withdrawal.approved", "withdrawal.rejected",
    "withdrawal.paid", "withdrawal.failed", "voucher.expiring", "signal.raised",
)
ENABLED: Final = "enabled"
DISABLED: Final = "disabled"
#: A webhook endpoint: sent to, or not (by an operator, or after failing for days).
ENDPOINT_STATUSES: Final[tuple[str, ...]] = (ENABLED, DISABLED)
DELIVERED: Final = "delivered"
#: A delivery of one event to one endpoint: to be sent (again), done, given up.
DELIVERY_STATUSES: Final[tuple[str, ...]] = (PENDING, DELIVERED, FAILED)


def as_dict() -> dict[str, object]:
    """The vocabulary as one JSON-ready mapping, for clients such as the console.

    Examples
    --------
    >>> words = as_dict()
    >>> words["roles"], words["day_ms"]
    (['buyer', 'merchant', 'cardholder'], 86400000)
    """
    return {
        "roles": list(ROLES),
        "registration_roles": list(REGISTRATION_ROLES),
        "role_labels": dict(ROLE_LABELS),
        "role_priority": list(ROLE_PRIORITY),
        "key_roles": list(KEY_ROLES),
        "user_statuses": list(USER_STATUSES),
        "withdrawal_statuses": list(WITHDRAWAL_STATUSES),
        "institution_services": list(INSTITUTION_SERVICES),
        "institution_statuses": list(INSTITUTION_STATUSES),
        "financing_statuses": list(FINANCING_STATUSES),
        "mismatch_kinds": list(MISMATCH_KINDS),
        "voucher_statuses": list(VOUCHER_STATUSES),
        "run_statuses": list(RUN_STATUSES),
        "line_statuses": list(LINE_STATUSES),
        "signal_kinds": list(SIGNAL_KINDS),
        "audit_actions": list(AUDIT_ACTIONS),
        "event_types": list(EVENT_TYPES),
        "endpoint_statuses": list(ENDPOINT_STATUSES),
        "delivery_statuses": list(DELIVERY_STATUSES),
        "day_ms": DAY_MS,
    }
