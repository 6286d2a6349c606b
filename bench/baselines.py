"""The same level-1 reward computation three other ways, for comparison:
a per-referrer loop against the database, SQLite with SQL aggregation, and
NumPy over arrays in memory (the lower bound).  Each returns
``{referrer_id: amount}`` for the non-zero lines, so totals can be compared
with refgraph's own run to the unit."""

import sqlite3

import numpy as np

from graph.money import BP
from graph.rules import period_bounds


def naive_loop(backend, rules, period):
    """One query per referrer, the way most referral software does it."""
    _, end = period_bounds(period)
    result = {}
    for row in backend.read("bench_referrers"):
        got = backend.read_one("bench_referrer_reward_inputs", id=row["referrer_id"], end=end,
                               period=period)
        tier = rules.tier_for(got["referrals"])
        if tier is None:
            continue
        amount = (got["fees"] - got["refunded_fees"]) * tier[2] // BP
        if amount:
            result[row["referrer_id"]] = amount
    return result


# -- SQLite -------------------------------------------------------------------

def sqlite_load(world):
    """The world in SQLite tables with indexes (not timed: data at rest)."""
    db = sqlite3.connect(":memory:")
    db.executescript("""
        CREATE TABLE users (id TEXT PRIMARY KEY, referrer TEXT, merchant INTEGER, joined INTEGER);
        CREATE TABLE sales (id TEXT PRIMARY KEY, merchant TEXT, amount INTEGER, at INTEGER);
        CREATE TABLE refunds (id TEXT PRIMARY KEY, sale TEXT, amount INTEGER, at INTEGER);
    """)
    db.executemany("INSERT INTO users VALUES (?, ?, ?, ?)",
                   [(u["id"], u["referrer_id"], int("merchant" in u["roles"]), u["created_at"])
                    for u in world.users])
    db.executemany("INSERT INTO sales VALUES (?, ?, ?, ?)",
                   [(s["id"], s["merchant_id"], s["amount"], s["at"]) for s in world.sales])
    db.executemany("INSERT INTO refunds VALUES (?, ?, ?, ?)",
                   [(r["id"], r["sale_id"], r["amount"], r["at"]) for r in world.refunds])
    db.executescript("""
        CREATE INDEX users_referrer ON users (referrer);
        CREATE INDEX sales_merchant_at ON sales (merchant, at);
        CREATE INDEX refunds_sale ON refunds (sale, at, id);
    """)
    return db


def _floor_div(expr, divisor):
    # SQLite truncates toward zero; rewards round down (floor), also below zero
    return (f"(CASE WHEN {expr} >= 0 THEN ({expr}) / {divisor} "
            f"ELSE -((-({expr}) + {divisor} - 1) / {divisor}) END)")


def sqlite_rewards(db, rules, period):
    start, end = period_bounds(period)
    tiers = " ".join(f"WHEN c.n >= {threshold} THEN {share}"
                     for threshold, share in sorted(rules.tiers, reverse=True))
    sql = f"""
    WITH fee AS (
        SELECT id, merchant, amount, at, (amount * :bp * 2 + 10000) / 20000 AS fee FROM sales),
    back AS (
        SELECT f.merchant, r.at, f.fee, f.amount AS total,
               SUM(r.amount) OVER (PARTITION BY r.sale ORDER BY r.at, r.id) AS after,
               r.amount
        FROM refunds r JOIN fee f ON f.id = r.sale),
    base AS (
        SELECT merchant, SUM(fee) AS b FROM fee WHERE at >= :start AND at < :end GROUP BY merchant
        UNION ALL
        SELECT merchant, -SUM((2 * fee * after + total) / (2 * total)
                              - (2 * fee * (after - amount) + total) / (2 * total))
        FROM back WHERE at >= :start AND at < :end GROUP BY merchant),
    per_referrer AS (
        SELECT u.referrer AS r, SUM(base.b) AS b
        FROM base JOIN users u ON u.id = base.merchant
        WHERE u.referrer IS NOT NULL GROUP BY u.referrer),
    c AS (
        SELECT referrer AS r, COUNT(*) AS n FROM users
        WHERE merchant = 1 AND referrer IS NOT NULL AND joined < :end GROUP BY referrer)
    SELECT p.r, {_floor_div("p.b * (CASE " + tiers + " ELSE 0 END)", BP)} AS amount
    FROM per_referrer p JOIN c ON c.r = p.r
    """
    rows = db.execute(sql, {"bp": rules.fee_bp, "start": start, "end": end}).fetchall()
    return {r: amount for r, amount in rows if amount}


# -- NumPy --------------------------------------------------------------------

def numpy_load(world):
    """The world as arrays (not timed: data already in memory)."""
    index = {u["id"]: i for i, u in enumerate(world.users)}
    sale_index = {s["id"]: i for i, s in enumerate(world.sales)}
    order = sorted(range(len(world.refunds)),
                   key=lambda k: (sale_index[world.refunds[k]["sale_id"]], world.refunds[k]["at"],
                                  world.refunds[k]["id"]))
    refunds = [world.refunds[k] for k in order]
    return {
        "ids": np.array([u["id"] for u in world.users]),
        "referrer": np.array([index[u["referrer_id"]] if u["referrer_id"] else -1
                              for u in world.users], dtype=np.int64),
        "merchant": np.array(["merchant" in u["roles"] for u in world.users]),
        "joined": np.array([u["created_at"] for u in world.users], dtype=np.int64),
        "sale_merchant": np.array([index[s["merchant_id"]] for s in world.sales], dtype=np.int64),
        "sale_amount": np.array([s["amount"] for s in world.sales], dtype=np.int64),
        "sale_at": np.array([s["at"] for s in world.sales], dtype=np.int64),
        "refund_sale": np.array([sale_index[r["sale_id"]] for r in refunds], dtype=np.int64),
        "refund_amount": np.array([r["amount"] for r in refunds], dtype=np.int64),
        "refund_at": np.array([r["at"] for r in refunds], dtype=np.int64),
    }


def numpy_rewards(a, rules, period):
    start, end = period_bounds(period)
    n = len(a["ids"])
    fee = (a["sale_amount"] * rules.fee_bp * 2 + BP) // (2 * BP)
    in_period = (a["sale_at"] >= start) & (a["sale_at"] < end)
    base = np.zeros(n, dtype=np.int64)
    np.add.at(base, a["sale_merchant"][in_period], fee[in_period])
    if len(a["refund_sale"]):
        # cumulative refunds per sale (refunds sorted by sale, then time)
        cum = np.cumsum(a["refund_amount"])
        first = np.r_[True, a["refund_sale"][1:] != a["refund_sale"][:-1]]
        offset = np.maximum.accumulate(np.where(first, cum - a["refund_amount"], 0))
        after = cum - offset
        before = after - a["refund_amount"]
        total = a["sale_amount"][a["refund_sale"]]
        sale_fee = fee[a["refund_sale"]]
        back = ((2 * sale_fee * after + total) // (2 * total)
                - (2 * sale_fee * before + total) // (2 * total))
        refund_period = (a["refund_at"] >= start) & (a["refund_at"] < end)
        np.add.at(base, a["sale_merchant"][a["refund_sale"][refund_period]], -back[refund_period])
    referred = a["referrer"] >= 0
    per_referrer = np.zeros(n, dtype=np.int64)
    np.add.at(per_referrer, a["referrer"][referred], base[referred])
    counted = referred & a["merchant"] & (a["joined"] < end)
    counts = np.bincount(a["referrer"][counted], minlength=n)
    thresholds = np.array([t for t, _ in rules.tiers])
    shares = np.array([s for _, s in rules.tiers] + [0])
    tier = np.searchsorted(thresholds, counts, side="right") - 1
    amount = per_referrer * shares[tier] // BP          # tier -1 picks the trailing 0
    nonzero = np.nonzero(amount)[0]
    return dict(zip(a["ids"][nonzero].tolist(), amount[nonzero].tolist(), strict=True))
