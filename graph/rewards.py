"""The reward computation, as a plain function of its inputs.

For a period P and each referrer R (claims 3-4 of the patent):

1. ``referrals`` = R's direct referees that count under the rules
   (merchants only or all; all time up to P's end, or within P);
2. the tier = the highest tier whose threshold ``referrals`` reaches
   (no tier, no reward);
3. the fee base at level k = the fees minus refunded fees in P of the
   merchants k levels below R (level 1: the merchants R referred);
4. the line amount = ``base * tier_share * level_share // 10000**2``
   (level 1's share is 100 %), rounded **down**; the platform keeps the
   remainder.  A negative base (refunds above new fees) gives a negative
   line: a **clawback**, carried against R's future rewards.

The inputs come from ``graph/store/rewards.py``; this module touches no
database, so the property tests compare it with an independent reference.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .money import BP

if TYPE_CHECKING:
    from .rules import RuleSet


@dataclass(frozen=True)
class Contribution:
    merchant_id: str
    fees: int
    refunded_fees: int
    path: tuple[str, ...]  # referrer ... merchant
    #: the parts of ``fees`` and ``refunded_fees`` carried into this period
    #: from late sales and refunds of periods already run (rule late_sales)
    carried_fees: int = 0
    carried_refunded_fees: int = 0

    @property
    def base(self) -> int:
        return self.fees - self.refunded_fees


@dataclass(frozen=True)
class Line:
    period: str
    referrer_id: str
    level: int
    referrals: int
    tier: int          # 1-based tier number
    tier_threshold: int
    tier_share_bp: int
    level_share_bp: int
    base: int
    amount: int
    contributions: tuple[Contribution, ...] = field(default=(), compare=False)

    @property
    def id(self) -> str:
        return f"{self.period}|{self.referrer_id}|{self.level}"


def level_share(rules: RuleSet, level: int) -> int:
    """The share of the tier share paid at ``level`` (level 1: 100 %)."""
    if level == 1:
        return BP
    index = level - 2
    return rules.level_shares[index] if index < len(rules.level_shares) else 0


def line_amount(base: int, tier_share_bp: int, level_share_bp: int) -> int:
    """``base * tier share * level share``, rounded down (floor, also below 0).

    >>> line_amount(12_345, 1_000, 10_000), line_amount(-12_345, 1_000, 10_000)
    (1234, -1235)
    """
    return base * tier_share_bp * level_share_bp // (BP * BP)


def compute_lines(period: str, rules: RuleSet, referrals: Mapping[str, int],
                  contributions: Iterable[tuple[str, int, Contribution]]) -> list[Line]:
    """The reward lines of ``period``.

    ``referrals`` maps referrer id to their counted referrals; ``contributions``
    is an iterable of ``(referrer_id, level, Contribution)``.  Lines with a
    zero amount are left out.  Lines come sorted by (referrer, level).
    """
    groups: defaultdict[tuple[str, int], list[Contribution]] = defaultdict(list)
    for referrer_id, level, contribution in contributions:
        if level_share(rules, level):
            groups[(referrer_id, level)].append(contribution)
    lines: list[Line] = []
    for (referrer_id, level), parts in sorted(groups.items()):
        count = referrals.get(referrer_id, 0)
        tier = rules.tier_for(count)
        if tier is None:
            continue
        index, threshold, share = tier
        base = sum(part.base for part in parts)
        amount = line_amount(base, share, level_share(rules, level))
        if amount:
            lines.append(Line(period, referrer_id, level, count, index + 1, threshold, share,
                              level_share(rules, level), base, amount,
                              tuple(sorted(parts, key=lambda p: p.merchant_id))))
    return lines


def summarise(lines: Sequence[Line], rules: RuleSet) -> dict[str, Any]:
    """Totals per tier and overall, for previews and run records."""
    per_tier: defaultdict[int, dict[str, int]] = defaultdict(
        lambda: {"lines": 0, "rewards": 0, "clawbacks": 0})
    for line in lines:
        bucket = per_tier[line.tier]
        bucket["lines"] += 1
        if line.amount > 0:
            bucket["rewards"] += line.amount
        else:
            bucket["clawbacks"] += -line.amount
    tiers = [{"tier": number, "min_referrals": threshold, "share_bp": share,
              **per_tier.get(number, {"lines": 0, "rewards": 0, "clawbacks": 0})}
             for number, (threshold, share) in enumerate(rules.tiers, start=1)]
    return {
        "lines": len(lines),
        "referrers": len({line.referrer_id for line in lines}),
        "rewards": sum(line.amount for line in lines if line.amount > 0),
        "clawbacks": sum(-line.amount for line in lines if line.amount < 0),
        "tiers": tiers,
    }
