"""Microbenchmark of graph.backend.check_params, which runs before every
statement (with ``ids=True`` before every write): ``python -m bench.param_check``.

Measured on the shared 2-core machine of issue 27 (best of 3):

==========================  =========  ===============  ==============
parameters                  before     now, reads       now, writes
                            (main)     (text only)      (text and ids)
==========================  =========  ===============  ==============
a sale (19 values)          7.4 µs     3.1 µs           8.8 µs
a batch, 1,000 rows of 8    1.9 ms     0.9 ms           3.0 ms
==========================  =========  ===============  ==============

"now" builds a parameter's name only for the error, so reads got cheaper;
a write pays about 0.3 µs per id-like value, a few µs against the
hundreds of µs to ms of its statement.
"""

from __future__ import annotations

import timeit

from graph.backend import check_params


def sale() -> dict[str, object]:
    return {"id": "sale-000123", "merchant_id": "m-42", "buyer_id": "b-7", "amount": 12_345,
            "currency": "CNY", "at": 1_767_000_000_000, "items": [{"sku": "x", "qty": 1}],
            "vouchers": [{"id": "card-b7-v1", "amount": 100}], "request_hash": "ab" * 32,
            "period": "2026-12", "carry_period": None, "rules_version": 3,
            "rules_change_id": "rules-3", "financing": None, "fee_bp": 250, "fee": 309,
            "points": 12, "reference": "order 991", "note": "gift wrap please"}


def batch(rows: int = 1_000) -> dict[str, object]:
    return {"rows": [{"id": f"s{i}", "merchant_id": "m1", "buyer_id": f"b{i}", "amount": i,
                      "at": i, "fee": 1, "points": 2, "request_hash": "ab" * 32}
                     for i in range(rows)]}


def main() -> None:
    for label, params in (("sale", sale()), ("batch of 1,000 rows", batch())):
        for ids in (False, True):
            runs = 20_000 if label == "sale" else 50
            seconds = min(timeit.repeat(lambda p=params, i=ids: check_params(p, ids=i),
                                        number=runs, repeat=3)) / runs
            print(f"{label:22} ids={ids!s:5} {seconds * 1e6:10.1f} µs")


if __name__ == "__main__":
    main()
