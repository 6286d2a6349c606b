from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.community import Community
  from ..models.depth_count_row import DepthCountRow
  from ..models.network_summary_by_role import NetworkSummaryByRole
  from ..models.network_summary_by_status import NetworkSummaryByStatus
  from ..models.period_fees_refunded_fees_net_row import PeriodFeesRefundedFeesNetRow
  from ..models.period_tier_lines_amount_row import PeriodTierLinesAmountRow
  from ..models.period_users_merchants_cardholders_row import PeriodUsersMerchantsCardholdersRow
  from ..models.referrals_referrers_row import ReferralsReferrersRow
  from ..models.signal_counts import SignalCounts
  from ..models.top_referrers import TopReferrers





T = TypeVar("T", bound="NetworkSummary")



@_attrs_define
class NetworkSummary:
    """ 
        Attributes:
            computed_at (int | Unset): epoch ms, UTC
            users (int | Unset):
            by_role (NetworkSummaryByRole | Unset):
            by_status (NetworkSummaryByStatus | Unset):
            edges (int | Unset): referral relations
            roots (int | Unset):
            max_depth (int | Unset):
            depth_distribution (list[DepthCountRow] | Unset):
            referrals_per_referrer (list[ReferralsReferrersRow] | Unset):
            growth_per_period (list[PeriodUsersMerchantsCardholdersRow] | Unset):
            fees_per_period (list[PeriodFeesRefundedFeesNetRow] | Unset):
            rewards_per_tier (list[PeriodTierLinesAmountRow] | Unset):
            top_referrers (TopReferrers | Unset):
            communities (list[Community] | Unset):
            signals (SignalCounts | Unset):
     """

    computed_at: int | Unset = UNSET
    users: int | Unset = UNSET
    by_role: NetworkSummaryByRole | Unset = UNSET
    by_status: NetworkSummaryByStatus | Unset = UNSET
    edges: int | Unset = UNSET
    roots: int | Unset = UNSET
    max_depth: int | Unset = UNSET
    depth_distribution: list[DepthCountRow] | Unset = UNSET
    referrals_per_referrer: list[ReferralsReferrersRow] | Unset = UNSET
    growth_per_period: list[PeriodUsersMerchantsCardholdersRow] | Unset = UNSET
    fees_per_period: list[PeriodFeesRefundedFeesNetRow] | Unset = UNSET
    rewards_per_tier: list[PeriodTierLinesAmountRow] | Unset = UNSET
    top_referrers: TopReferrers | Unset = UNSET
    communities: list[Community] | Unset = UNSET
    signals: SignalCounts | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.community import Community # noqa: PLC0415
        from ..models.depth_count_row import DepthCountRow # noqa: PLC0415
        from ..models.network_summary_by_role import NetworkSummaryByRole # noqa: PLC0415
        from ..models.network_summary_by_status import NetworkSummaryByStatus # noqa: PLC0415
        from ..models.period_fees_refunded_fees_net_row import PeriodFeesRefundedFeesNetRow # noqa: PLC0415
        from ..models.period_tier_lines_amount_row import PeriodTierLinesAmountRow # noqa: PLC0415
        from ..models.period_users_merchants_cardholders_row import PeriodUsersMerchantsCardholdersRow # noqa: PLC0415
        from ..models.referrals_referrers_row import ReferralsReferrersRow # noqa: PLC0415
        from ..models.signal_counts import SignalCounts # noqa: PLC0415
        from ..models.top_referrers import TopReferrers # noqa: PLC0415
        computed_at = self.computed_at

        users = self.users

        by_role: dict[str, Any] | Unset = UNSET
        if not isinstance(self.by_role, Unset):
            by_role = self.by_role.to_dict()

        by_status: dict[str, Any] | Unset = UNSET
        if not isinstance(self.by_status, Unset):
            by_status = self.by_status.to_dict()

        edges = self.edges

        roots = self.roots

        max_depth = self.max_depth

        depth_distribution: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.depth_distribution, Unset):
            depth_distribution = []
            for depth_distribution_item_data in self.depth_distribution:
                depth_distribution_item = depth_distribution_item_data.to_dict()
                depth_distribution.append(depth_distribution_item)



        referrals_per_referrer: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.referrals_per_referrer, Unset):
            referrals_per_referrer = []
            for referrals_per_referrer_item_data in self.referrals_per_referrer:
                referrals_per_referrer_item = referrals_per_referrer_item_data.to_dict()
                referrals_per_referrer.append(referrals_per_referrer_item)



        growth_per_period: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.growth_per_period, Unset):
            growth_per_period = []
            for growth_per_period_item_data in self.growth_per_period:
                growth_per_period_item = growth_per_period_item_data.to_dict()
                growth_per_period.append(growth_per_period_item)



        fees_per_period: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fees_per_period, Unset):
            fees_per_period = []
            for fees_per_period_item_data in self.fees_per_period:
                fees_per_period_item = fees_per_period_item_data.to_dict()
                fees_per_period.append(fees_per_period_item)



        rewards_per_tier: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rewards_per_tier, Unset):
            rewards_per_tier = []
            for rewards_per_tier_item_data in self.rewards_per_tier:
                rewards_per_tier_item = rewards_per_tier_item_data.to_dict()
                rewards_per_tier.append(rewards_per_tier_item)



        top_referrers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.top_referrers, Unset):
            top_referrers = self.top_referrers.to_dict()

        communities: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.communities, Unset):
            communities = []
            for communities_item_data in self.communities:
                communities_item = communities_item_data.to_dict()
                communities.append(communities_item)



        signals: dict[str, Any] | Unset = UNSET
        if not isinstance(self.signals, Unset):
            signals = self.signals.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if computed_at is not UNSET:
            field_dict["computed_at"] = computed_at
        if users is not UNSET:
            field_dict["users"] = users
        if by_role is not UNSET:
            field_dict["by_role"] = by_role
        if by_status is not UNSET:
            field_dict["by_status"] = by_status
        if edges is not UNSET:
            field_dict["edges"] = edges
        if roots is not UNSET:
            field_dict["roots"] = roots
        if max_depth is not UNSET:
            field_dict["max_depth"] = max_depth
        if depth_distribution is not UNSET:
            field_dict["depth_distribution"] = depth_distribution
        if referrals_per_referrer is not UNSET:
            field_dict["referrals_per_referrer"] = referrals_per_referrer
        if growth_per_period is not UNSET:
            field_dict["growth_per_period"] = growth_per_period
        if fees_per_period is not UNSET:
            field_dict["fees_per_period"] = fees_per_period
        if rewards_per_tier is not UNSET:
            field_dict["rewards_per_tier"] = rewards_per_tier
        if top_referrers is not UNSET:
            field_dict["top_referrers"] = top_referrers
        if communities is not UNSET:
            field_dict["communities"] = communities
        if signals is not UNSET:
            field_dict["signals"] = signals

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.community import Community # noqa: PLC0415
        from ..models.depth_count_row import DepthCountRow # noqa: PLC0415
        from ..models.network_summary_by_role import NetworkSummaryByRole # noqa: PLC0415
        from ..models.network_summary_by_status import NetworkSummaryByStatus # noqa: PLC0415
        from ..models.period_fees_refunded_fees_net_row import PeriodFeesRefundedFeesNetRow # noqa: PLC0415
        from ..models.period_tier_lines_amount_row import PeriodTierLinesAmountRow # noqa: PLC0415
        from ..models.period_users_merchants_cardholders_row import PeriodUsersMerchantsCardholdersRow # noqa: PLC0415
        from ..models.referrals_referrers_row import ReferralsReferrersRow # noqa: PLC0415
        from ..models.signal_counts import SignalCounts # noqa: PLC0415
        from ..models.top_referrers import TopReferrers # noqa: PLC0415
        d = dict(src_dict)
        computed_at = d.pop("computed_at", UNSET)

        users = d.pop("users", UNSET)

        _by_role = d.pop("by_role", UNSET)
        by_role: NetworkSummaryByRole | Unset
        if isinstance(_by_role,  Unset):
            by_role = UNSET
        else:
            by_role = NetworkSummaryByRole.from_dict(_by_role)




        _by_status = d.pop("by_status", UNSET)
        by_status: NetworkSummaryByStatus | Unset
        if isinstance(_by_status,  Unset):
            by_status = UNSET
        else:
            by_status = NetworkSummaryByStatus.from_dict(_by_status)




        edges = d.pop("edges", UNSET)

        roots = d.pop("roots", UNSET)

        max_depth = d.pop("max_depth", UNSET)

        _depth_distribution = d.pop("depth_distribution", UNSET)
        depth_distribution: list[DepthCountRow] | Unset = UNSET
        if _depth_distribution is not UNSET:
            depth_distribution = []
            for depth_distribution_item_data in _depth_distribution:
                depth_distribution_item = DepthCountRow.from_dict(depth_distribution_item_data)



                depth_distribution.append(depth_distribution_item)


        _referrals_per_referrer = d.pop("referrals_per_referrer", UNSET)
        referrals_per_referrer: list[ReferralsReferrersRow] | Unset = UNSET
        if _referrals_per_referrer is not UNSET:
            referrals_per_referrer = []
            for referrals_per_referrer_item_data in _referrals_per_referrer:
                referrals_per_referrer_item = ReferralsReferrersRow.from_dict(referrals_per_referrer_item_data)



                referrals_per_referrer.append(referrals_per_referrer_item)


        _growth_per_period = d.pop("growth_per_period", UNSET)
        growth_per_period: list[PeriodUsersMerchantsCardholdersRow] | Unset = UNSET
        if _growth_per_period is not UNSET:
            growth_per_period = []
            for growth_per_period_item_data in _growth_per_period:
                growth_per_period_item = PeriodUsersMerchantsCardholdersRow.from_dict(growth_per_period_item_data)



                growth_per_period.append(growth_per_period_item)


        _fees_per_period = d.pop("fees_per_period", UNSET)
        fees_per_period: list[PeriodFeesRefundedFeesNetRow] | Unset = UNSET
        if _fees_per_period is not UNSET:
            fees_per_period = []
            for fees_per_period_item_data in _fees_per_period:
                fees_per_period_item = PeriodFeesRefundedFeesNetRow.from_dict(fees_per_period_item_data)



                fees_per_period.append(fees_per_period_item)


        _rewards_per_tier = d.pop("rewards_per_tier", UNSET)
        rewards_per_tier: list[PeriodTierLinesAmountRow] | Unset = UNSET
        if _rewards_per_tier is not UNSET:
            rewards_per_tier = []
            for rewards_per_tier_item_data in _rewards_per_tier:
                rewards_per_tier_item = PeriodTierLinesAmountRow.from_dict(rewards_per_tier_item_data)



                rewards_per_tier.append(rewards_per_tier_item)


        _top_referrers = d.pop("top_referrers", UNSET)
        top_referrers: TopReferrers | Unset
        if isinstance(_top_referrers,  Unset):
            top_referrers = UNSET
        else:
            top_referrers = TopReferrers.from_dict(_top_referrers)




        _communities = d.pop("communities", UNSET)
        communities: list[Community] | Unset = UNSET
        if _communities is not UNSET:
            communities = []
            for communities_item_data in _communities:
                communities_item = Community.from_dict(communities_item_data)



                communities.append(communities_item)


        _signals = d.pop("signals", UNSET)
        signals: SignalCounts | Unset
        if isinstance(_signals,  Unset):
            signals = UNSET
        else:
            signals = SignalCounts.from_dict(_signals)




        network_summary = cls(
            computed_at=computed_at,
            users=users,
            by_role=by_role,
            by_status=by_status,
            edges=edges,
            roots=roots,
            max_depth=max_depth,
            depth_distribution=depth_distribution,
            referrals_per_referrer=referrals_per_referrer,
            growth_per_period=growth_per_period,
            fees_per_period=fees_per_period,
            rewards_per_tier=rewards_per_tier,
            top_referrers=top_referrers,
            communities=communities,
            signals=signals,
        )

        return network_summary

