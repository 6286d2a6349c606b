"""The platform's one currency: every amount refgraph keeps is in it.

The ``CURRENCY`` setting names it; :func:`settle_currency` stores it in the
graph at start-up and refuses a different one once money has moved.  Every
operation that moves money checks the currency it is sent against the
settled one in Python (:func:`check_currency`), before its statement: no
round trip, and the store functions are the only way to the statements, so
single requests, batches and the command line all pass the check.
"""

from __future__ import annotations

import re

from ..backend import Backend
from ..errors import ConfigurationError, Refused
from . import Outcomes

DEFAULT_CURRENCY = "CNY"
CODE = re.compile(r"^[A-Z]{3}$")

SETTLE = Outcomes("platform_currency_settle", ("stored", "kept"), {
    "mismatch": lambda outcome, row, context: ConfigurationError(
        f"CURRENCY is {context['currency']} but this database keeps its money in "
        f"{row['currency']}, and money has moved: set REFGRAPH_CURRENCY={row['currency']} "
        "(a business with several currencies runs one refgraph, with its own database, "
        "per currency)"),
})


def settle_currency(backend: Backend, currency: str) -> str:
    """Store ``currency`` as the platform's (or keep it); remember it on
    ``backend``.  Raises :class:`ConfigurationError` if it is not an ISO 4217
    code, or differs from the stored one after money has moved."""
    if not isinstance(currency, str) or not CODE.fullmatch(currency):
        raise ConfigurationError(
            f"CURRENCY={currency!r} is not a currency; use an ISO 4217 code such as CNY")
    row = backend.write_one("platform_currency_settle", currency=currency)
    _, row = SETTLE.settle(backend, row, currency=currency)
    backend.currency = row["currency"]
    return backend.currency


def mismatch(backend: Backend, currency: str) -> Refused:
    return Refused("currency_mismatch",
                   f"this platform keeps its money in {backend.currency}; send amounts in "
                   f"{backend.currency} (got {currency})", "currency")


def check_currency(backend: Backend, currency: str | None) -> None:
    """Refuse (422 ``currency_mismatch``) a currency other than the platform's;
    ``None`` (not said) is the platform's."""
    if currency is not None and currency != backend.currency:
        raise mismatch(backend, currency)
