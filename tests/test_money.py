"""The written rounding rules of graph/money.py."""

from hypothesis import given
from hypothesis import strategies as st

from graph.money import BP, MAX_AMOUNT, fee_for, points_for, reversed_share, round_half_up, share_of


def test_fee_rounds_half_up():
    assert fee_for(10, 500) == 1        # 0.5 -> 1
    assert fee_for(9, 500) == 0         # 0.45 -> 0
    assert fee_for(30, 500) == 2        # 1.5 -> 2
    assert fee_for(10_000, 500) == 500


def test_points_on_cash_part():
    assert points_for(9_700, 100) == 97


def test_reward_rounds_down():
    assert share_of(999, 1_000) == 99
    assert share_of(-999, 1_000) == -100  # clawbacks round away from the referrer


@given(amount=st.integers(1, MAX_AMOUNT), fee_bp=st.integers(0, BP),
       cuts=st.lists(st.integers(1, 100), min_size=1, max_size=8))
def test_refunds_adding_up_to_the_sale_reverse_exactly_the_fee(amount, fee_bp, cuts):
    fee = fee_for(amount, fee_bp)
    total = sum(cuts)
    parts = [amount * c // total for c in cuts]
    parts[-1] += amount - sum(parts)
    reversed_total, refunded = 0, 0
    for part in parts:
        back = reversed_share(fee, refunded, part, amount)
        assert back >= 0
        reversed_total += back
        refunded += part
        assert reversed_total <= fee
    assert reversed_total == fee


def test_round_half_up_refuses_negative():
    import pytest

    with pytest.raises(ValueError):
        round_half_up(-1, 2)
