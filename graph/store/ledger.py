"""The double-entry ledger: every movement of value is an entry moving an
amount from one account (debit) to another (credit).

Accounts: ``platform:<purpose>``, ``merchant:<id>:<purpose>``,
``user:<id>:<purpose>``, ``institution:<id>:<purpose>`` and
``external:payouts``.  Consumer finance keeps, per institution,
``institution:<id>:receivable`` (minus what the institution owes the
platform for its disbursements, less its fees) and, per merchant,
``merchant:<id>:financing_payable`` (what the platform owes the merchant for
them); :func:`check` compares both with the disbursed applications.  The user accounts mirror
the balances cached on user nodes: ``points``, ``pending``, ``available``,
``withdrawing`` and ``vouchers`` (balance = the cached value) and
``clawback`` (balance = minus what the user owes).
"""

from __future__ import annotations

from ..backend import Backend, Row, long_running

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


@long_running
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
    return problems + _financing_problems(backend, accounts)


def _financing_problems(backend: Backend, accounts: dict[str, int]) -> list[str]:
    """Each institution's receivable and each merchant's financing payable
    against the disbursed applications (amount less the institution's fee)."""
    owed: dict[str, int] = {}
    for row in backend.read("ledger_financing_positions"):
        for account, sign in ((f"institution:{row['institution_id']}:receivable", -1),
                              (f"merchant:{row['merchant_id']}:financing_payable", 1)):
            owed[account] = owed.get(account, 0) + sign * row["net"]
    # an entry that names no account (null) is reported by ledger_bad_entries
    names = {a for a in accounts
             if a is not None and a.endswith((":receivable", ":financing_payable"))}
    return [f"{account} is {accounts.get(account, 0)} but its disbursed applications make it "
            f"{owed.get(account, 0)}" for account in sorted(names | set(owed))
            if accounts.get(account, 0) != owed.get(account, 0)]


def entries(backend: Backend, account: str, after: str | None = None,
            limit: int = 100) -> list[Row]:
    return [row["entry"] for row in backend.read("ledger_entries_of_account", account=account,
                                                 after=after, limit=limit)]
