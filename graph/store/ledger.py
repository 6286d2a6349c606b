"""The double-entry ledger: every movement of value is an entry moving an
amount from one account (debit) to another (credit).

Accounts: ``platform:<purpose>``, ``merchant:<id>:<purpose>``,
``user:<id>:<purpose>`` and ``external:payouts``.  The user accounts mirror
the balances cached on user nodes: ``points``, ``pending``, ``available``,
``withdrawing`` and ``vouchers`` (balance = the cached value) and
``clawback`` (balance = minus what the user owes).
"""

from __future__ import annotations

from ..backend import Backend, Row

#: cached field on the user node -> (ledger account purpose, sign)
CACHED: dict[str, tuple[str, int]] = {
    "points": ("points", 1),
    "cash_pending": ("pending", 1),
    "cash_available": ("available", 1),
    "cash_withdrawing": ("withdrawing", 1),
    "clawback_due": ("clawback", -1),
    "vouchers": ("vouchers", 1),
}


def balances(backend: Backend) -> dict[str, int]:
    return {row["account"]: row["balance"] for row in backend.read("ledger_balances")}


def check(backend: Backend) -> list[str]:
    """Every problem found, as a list of sentences (empty: the ledger is clean)."""
    problems = [
        f"entry {e['id']} ({e['kind']}) is not a valid movement: {e['debit']} -> "
        f"{e['credit']}, amount {e['amount']}"
        for e in (row["entry"] for row in backend.read("ledger_bad_entries"))]
    accounts = balances(backend)
    total = sum(accounts.values())
    if total != 0:
        problems.append(f"the accounts do not sum to zero (they sum to {total})")
    for row in backend.read("ledger_cached_balances"):
        for field, (purpose, sign) in CACHED.items():
            expected = sign * accounts.get(f"user:{row['user_id']}:{purpose}", 0)
            if row[field] != expected:
                problems.append(f"user {row['user_id']}: {field} is {row[field]} but the "
                                f"ledger says {expected}")
    return problems


def entries(backend: Backend, account: str, after: str | None = None,
            limit: int = 100) -> list[Row]:
    return [row["entry"] for row in backend.read("ledger_entries_of_account", account=account,
                                                 after=after, limit=limit)]
