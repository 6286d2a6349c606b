"""Money arithmetic.  Amounts are integer minor units (cents, fen); rates are
integer basis points (1 bp = 0.01 %, 10 000 bp = 100 %).  No floats.

Rounding rules (each tested in ``tests/test_money.py``):

* **Fees and points** are rounded *half up* to the unit:
  ``fee = round_half_up(amount * fee_bp / 10000)``.
* **Refunds** reverse fee and points *cumulatively*: after refunds totalling
  ``r`` of a sale of ``a``, the reversed fee is ``round_half_up(fee * r / a)``;
  a refund reverses the difference between that and what earlier refunds
  reversed.  So any sequence of partial refunds adding up to the whole sale
  reverses exactly the fee and points it charged, never a unit more.
* **Rewards** are rounded *down* to the unit (the platform keeps the
  remainder): ``reward = base * share_bp // 10000``.
"""

from __future__ import annotations

BP = 10_000
#: The largest sale amount accepted, so that every product computed here and
#: in Cypher (``fee * refunded * 2``) stays below 2**63.
MAX_AMOUNT = 1_000_000_000


def round_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half up, for non-negative integers.

    >>> round_half_up(5, 2), round_half_up(4, 3), round_half_up(0, 7)
    (3, 1, 0)
    """
    if numerator < 0 or denominator <= 0:
        raise ValueError("round_half_up takes a non-negative numerator and a positive denominator")
    return (2 * numerator + denominator) // (2 * denominator)


def fee_for(amount: int, fee_bp: int) -> int:
    """The management fee on a sale of ``amount``; also an institution's fee
    on a financed ``amount``, which ``sale_record`` computes with this same
    formula, ``(2 * amount * fee_bp + BP) / (2 * BP)`` in integers (the
    contract of ``sale_record`` checks they agree).

    >>> fee_for(10_000, 250), fee_for(199, 250), fee_for(1, 5_000)
    (250, 5, 1)
    >>> fee_for(3_333, 150)   # 49.995 rounded half up
    50
    """
    return round_half_up(amount * fee_bp, BP)


def points_for(paid: int, points_bp: int) -> int:
    """Points earned on ``paid`` minor units paid in cash (vouchers earn none).

    >>> points_for(12_345, 100)
    123
    """
    return round_half_up(paid * points_bp, BP)


def reversed_share(total: int, refunded_before: int, refund: int, amount: int) -> int:
    """What one refund reverses of ``total`` (a sale's fee or points).

    ``refunded_before`` is the amount refunded by earlier refunds of the sale.

    >>> a = reversed_share(5, 0, 100, 199)
    >>> b = reversed_share(5, 100, 99, 199)
    >>> a, b, a + b
    (3, 2, 5)
    """
    after = round_half_up(total * (refunded_before + refund), amount)
    before = round_half_up(total * refunded_before, amount)
    return after - before


def share_of(base: int, share_bp: int) -> int:
    """A reward: ``base`` times ``share_bp``, rounded down.

    >>> share_of(1_999, 1_000), share_of(0, 1_000)
    (199, 0)
    """
    return base * share_bp // BP
