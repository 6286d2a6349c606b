"""Realistic demo data: ``refgraph demo seed`` and the benchmarks.

:func:`generate` builds a seeded network as plain Python data: heavy-tailed
referral counts (a new user usually joins through someone who already
refers many: the copy model), depth growing like log n, about 10 % merchants
and 15 % card holders, merchants selling every period, a few refunds, and
planted abuse for the fraud signals (shared fingerprints, a referrer buying
from their own merchant, a referral burst, a chain of one-referral accounts).
:func:`load` writes it through refgraph's own statements.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .rules import DEFAULT_RULES, period_bounds, period_of
from .vocabulary import BUYER, CARDHOLDER, DAY_MS, MERCHANT, now_ms

if TYPE_CHECKING:
    from .backend import Backend

#: The role sets demo users have, each created by its own branch of
#: demo_users_batch (a label cannot be a parameter).
ROLE_SETS: list[list[str]] = [[], [MERCHANT], [BUYER], [BUYER, CARDHOLDER], [CARDHOLDER]]

#: sales per demo_sales_batch statement (graph.store.sales.record_new_sales)
SALES_BULK = 5_000


@dataclass
class World:
    users: list[dict[str, Any]] = field(default_factory=list)    # in creation order
    sales: list[dict[str, Any]] = field(default_factory=list)    # for sales.record_sales
    refunds: list[dict[str, Any]] = field(default_factory=list)  # for sales.record_refund
    periods: list[str] = field(default_factory=list)    # closed months the sales fall in
    planted: dict[str, Any] = field(default_factory=dict)    # what abuse was planted, for tests


def closed_months(count: int, now: int) -> list[str]:
    """The ``count`` calendar months before the one holding ``now``, oldest first."""
    months: list[str] = []
    start = period_bounds(period_of(now, "month"))[0]
    for _ in range(count):
        start = period_bounds(period_of(start - 1, "month"))[0]
        months.append(period_of(start, "month"))
    return months[::-1]


def generate(n_users: int, *, periods: int = 3, sales_per_merchant: int = 10, seed: int = 7,
             now: int | None = None, copy: float = 0.6, merchant_share: float = 0.10,
             cardholder_share: float = 0.15) -> World:
    """A seeded demo world of ``n_users`` users (the first is the platform root)."""
    rnd = random.Random(seed)
    now = now or now_ms()
    months = closed_months(periods, now)
    start, end = period_bounds(months[0])[0] - 30 * DAY_MS, period_bounds(months[-1])[1]
    world = World(periods=months)
    users = world.users
    referrer_of: list[int] = []     # each user's referrer by index; the root's is itself
    can_refer: list[bool] = []
    for i in range(n_users):
        roll = rnd.random()
        roles = ([MERCHANT] if roll < merchant_share else
                 [BUYER, CARDHOLDER] if roll < merchant_share + cardholder_share else
                 [BUYER])
        created = start + (end - start) * i // max(n_users, 1)
        parent = None
        if i:
            # copy model: a random user, or (often) that user's referrer, so
            # prolific referrers attract more: heavy-tailed referral counts
            pick = rnd.randrange(i)
            if rnd.random() < copy:
                pick = referrer_of[pick]
            while not can_refer[pick]:            # only those the rules allow
                pick = referrer_of[pick]
            parent = pick
        referrer_of.append(i if parent is None else parent)
        can_refer.append(i == 0 or DEFAULT_RULES.may_refer(roles))
        users.append({
            "id": f"u{i:07d}", "name": f"User {i}", "roles": [] if i == 0 else roles,
            "created_at": created, "referral_code": f"C{i:07d}", "root": i == 0,
            "referrer_id": None if parent is None else f"u{parent:07d}",
            "phone_hash": f"ph{rnd.getrandbits(48):012x}",
            "device_id": f"dv{rnd.getrandbits(48):012x}", "payment_hash": None})
    _plant(world, rnd)
    merchants = [u for u in users if MERCHANT in u["roles"]]
    buyers = [u["id"] for u in users if BUYER in u["roles"]]
    joined = {u["id"]: u["created_at"] for u in users}
    serial = 0
    for month in months:
        first, last = period_bounds(month)
        for merchant in merchants:
            open_from = max(first, merchant["created_at"] + 1)
            if open_from >= last:
                continue
            for _ in range(sales_per_merchant):
                serial += 1
                buyer = rnd.choice(buyers) if buyers and rnd.random() < 0.7 else None
                sale = {"id": f"s{serial:09d}", "merchant_id": merchant["id"], "buyer_id": buyer,
                        "amount": int(rnd.lognormvariate(8.5, 1.0)) + 100, "currency": "CNY",
                        "at": rnd.randrange(open_from, last), "items": None}
                if buyer is not None and joined[buyer] > sale["at"]:
                    sale["buyer_id"] = None          # no sale to a buyer before they joined
                world.sales.append(sale)
    for sale in world.sales:
        if rnd.random() < 0.02:
            amount = max(1, sale["amount"] // rnd.choice([1, 2, 4]))
            later = sale["at"] + rnd.randrange(DAY_MS, 20 * DAY_MS)
            world.refunds.append({"id": "r" + sale["id"][1:], "sale_id": sale["id"],
                                  "amount": amount, "at": min(later, now - 1)})
    world.sales.extend(world.planted.pop("sales", []))
    world.sales.sort(key=lambda s: s["at"])
    world.refunds.sort(key=lambda r: r["at"])
    return world


def _plant(world: World, rnd: random.Random) -> None:
    """Abuse for the fraud signals, on a few users of the generated network."""
    users = world.users
    n = len(users)
    if n < 200:
        return
    index = {u["id"]: u for u in users}
    referrers = [u for u in users[50:] if u["referrer_id"] and
                 DEFAULT_RULES.may_refer(index[u["referrer_id"]]["roles"])]
    shared = referrers[: max(3, n // 2000)]
    for user in shared:                       # the same phone as their referrer
        user["phone_hash"] = index[user["referrer_id"]]["phone_hash"]
    burst_referrer = next(u for u in users[10:] if MERCHANT in u["roles"])
    burst = [u for u in users if u["referrer_id"] is not None and not u["root"]][-30:]
    for user in burst:                        # thirty referrals in one hour
        user["referrer_id"] = burst_referrer["id"]
        user["created_at"] = max(user["created_at"], burst_referrer["created_at"] + 1)
    burst_at = max(u["created_at"] for u in burst)
    for offset, user in enumerate(burst):
        user["created_at"] = burst_at + offset * 60_000
    chain_parent = burst_referrer["id"]
    chain = []
    for k in range(6):                        # dormant accounts (never buy) that each refer one
        user = {"id": f"chain{k}", "name": f"Chain {k}", "roles": [CARDHOLDER],
                "created_at": burst_at + (k + 1) * DAY_MS, "referral_code": f"CH{k}",
                "root": False, "referrer_id": chain_parent,
                "phone_hash": f"chain-phone-{k}", "device_id": f"chain-device-{k}",
                "payment_hash": None}
        users.append(user)
        chain.append(user["id"])
        chain_parent = user["id"]
    dealer = next(u for u in users if CARDHOLDER in u["roles"] and BUYER in u["roles"])
    shop = {"id": "selfdeal-shop", "name": "Friend's Shop", "roles": [MERCHANT],
            "created_at": dealer["created_at"] + 1, "referral_code": "SELFDEAL",
            "root": False, "referrer_id": dealer["id"], "phone_hash": "selfdeal-phone",
            "device_id": dealer["device_id"], "payment_hash": None}
    users.append(shop)
    first = period_bounds(world.periods[-1])[0]
    world.planted["sales"] = [
        {"id": f"selfdeal-{k}", "merchant_id": shop["id"], "buyer_id": dealer["id"],
         "amount": 50_000, "currency": "CNY", "at": first + k * DAY_MS + 1, "items": "gift cards"}
        for k in range(5)]
    world.planted.update({"shared_phone": [u["id"] for u in shared],
                          "burst_referrer": burst_referrer["id"], "chain": chain,
                          "self_dealer": dealer["id"], "self_deal_shop": shop["id"]})
    users.sort(key=lambda u: u["created_at"])


def load(backend: Backend, world: World, *, batch: int = 2_000,
         progress: Callable[[int], None] | None = None) -> None:
    """Write ``world`` through refgraph's statements; ``progress(n)`` per step.

    Runs in the backend's :meth:`~graph.backend.Backend.bulk_load`: the
    embedded database compacts its append-only file once, at the end."""
    with backend.bulk_load():
        _load(backend, world, batch, progress)


def _load(backend: Backend, world: World, batch: int,
          progress: Callable[[int], None] | None) -> None:
    from .store import sales as sales_store

    def step(count: int) -> None:
        if progress:
            progress(count)

    fields = ("id", "name", "created_at", "referral_code", "root", "phone_hash",
              "device_id", "payment_hash")
    rows = []
    for user in world.users:
        roles = sorted(user["roles"])
        if roles not in ROLE_SETS:
            raise ValueError(f"demo user {user['id']} has roles {roles}; demo_users_batch "
                             f"creates only {ROLE_SETS}")
        rows.append({"roles": roles, **{k: user[k] for k in fields}})
    for i in range(0, len(rows), batch):
        chunk = rows[i:i + batch]
        backend.write("demo_users_batch", users=chunk)
        step(len(chunk))
    edges = [{"referrer_id": u["referrer_id"], "referee_id": u["id"], "at": u["created_at"]}
             for u in world.users if u["referrer_id"]]
    for i in range(0, len(edges), batch):
        backend.write("demo_referrals_batch", edges=edges[i:i + batch])
        step(len(edges[i:i + batch]))
    for i in range(0, len(world.sales), SALES_BULK):
        chunk = world.sales[i:i + SALES_BULK]
        sales_store.record_new_sales(backend, chunk)
        step(len(chunk))
    # Refunds in batches of distinct sales, in time order (a second refund of
    # a sale waits for a later batch); a refund a sale cannot take (one that
    # another refund emptied) is refused and left out, as the API would.
    pending = list(world.refunds)
    while pending:
        refunds: list[dict[str, Any]] = []
        sales_in: set[str] = set()
        later = []
        for refund in pending:
            if len(refunds) < 1_000 and refund["sale_id"] not in sales_in:
                refunds.append(refund)
                sales_in.add(refund["sale_id"])
            else:
                later.append(refund)
        sales_store.record_refunds(backend, refunds)
        step(len(refunds))
        pending = later


def steps(world: World) -> int:
    """How many progress steps :func:`load` reports, for a progress bar."""
    edges = sum(1 for u in world.users if u["referrer_id"])
    return len(world.users) + edges + len(world.sales) + len(world.refunds)


