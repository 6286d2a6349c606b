from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.rules_body_count_basis import RulesBodyCountBasis
from ..models.rules_body_count_window import RulesBodyCountWindow
from ..models.rules_body_late_sales import RulesBodyLateSales
from ..models.rules_body_period import RulesBodyPeriod
from ..models.rules_body_referrers_item import RulesBodyReferrersItem
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.tier import Tier





T = TypeVar("T", bound="RulesBody")



@_attrs_define
class RulesBody:
    """ 
        Attributes:
            fee_bp (int | Unset): management fee charged to the merchant on each sale, in bp of the amount
            referrers (list[RulesBodyReferrersItem] | Unset): the roles whose holders may refer new users
            card_price (int | Unset): price of a loyalty card, minor units
            card_voucher_count (int | Unset): vouchers granted with a card
            card_voucher_amount (int | Unset): value of each voucher granted with a card, minor units
            card_voucher_days (int | Unset): days a card's voucher stays valid
            allow_second_card (bool | Unset): whether a card holder may buy a second card
            points_bp (int | Unset): points a buyer earns, in bp of the amount paid in cash (not vouchers)
            tiers (list[Tier] | Unset): tier table: strictly ascending referral-count thresholds (1 or more) and the share
                of the fee base paid at each tier, in bp; at least one tier
            count_basis (RulesBodyCountBasis | Unset): what counts as a referral for the tiers: merchants, or all referees
            count_window (RulesBodyCountWindow | Unset): which referrals count: all_time up to the period's end, or the
                period's own
            level_shares (list[int] | Unset): shares for levels 2..N as bp of the tier share (level 1 is always 100 %); at
                the top tier all levels together pay at most 100 % of a fee
            hold_days (int | Unset): days a reward stays pending before it can be withdrawn
            cashout_bp (int | Unset): part of a withdrawal paid out in cash, in bp; the rest becomes vouchers
            min_withdrawal (int | Unset): smallest withdrawal, minor units
            period (RulesBodyPeriod | Unset): length of a reward period
            withdrawal_voucher_days (int | Unset): days a voucher that a withdrawal turns into stays valid
            late_sales (RulesBodyLateSales | Unset): a sale or refund dated into a period whose reward run is completed or
                running: refuse it (422 period_closed, naming the first open period), or carry: record it with its true time and
                count its fee (or refunded fee) in the fee base of the first open period, shown as carried there
            financing_lapse_hours (int | Unset): hours a financing application may wait for its institution's decision
                before it lapses: it is cancelled and its sale voided (the fee reversed, no points); the rule in force when the
                sale is recorded fixes each application's lapse time; 1 or more
     """

    fee_bp: int | Unset = UNSET
    referrers: list[RulesBodyReferrersItem] | Unset = UNSET
    card_price: int | Unset = UNSET
    card_voucher_count: int | Unset = UNSET
    card_voucher_amount: int | Unset = UNSET
    card_voucher_days: int | Unset = UNSET
    allow_second_card: bool | Unset = UNSET
    points_bp: int | Unset = UNSET
    tiers: list[Tier] | Unset = UNSET
    count_basis: RulesBodyCountBasis | Unset = UNSET
    count_window: RulesBodyCountWindow | Unset = UNSET
    level_shares: list[int] | Unset = UNSET
    hold_days: int | Unset = UNSET
    cashout_bp: int | Unset = UNSET
    min_withdrawal: int | Unset = UNSET
    period: RulesBodyPeriod | Unset = UNSET
    withdrawal_voucher_days: int | Unset = UNSET
    late_sales: RulesBodyLateSales | Unset = UNSET
    financing_lapse_hours: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.tier import Tier # noqa: PLC0415
        fee_bp = self.fee_bp

        referrers: list[str] | Unset = UNSET
        if not isinstance(self.referrers, Unset):
            referrers = []
            for referrers_item_data in self.referrers:
                referrers_item = referrers_item_data.value
                referrers.append(referrers_item)



        card_price = self.card_price

        card_voucher_count = self.card_voucher_count

        card_voucher_amount = self.card_voucher_amount

        card_voucher_days = self.card_voucher_days

        allow_second_card = self.allow_second_card

        points_bp = self.points_bp

        tiers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tiers, Unset):
            tiers = []
            for tiers_item_data in self.tiers:
                tiers_item = tiers_item_data.to_dict()
                tiers.append(tiers_item)



        count_basis: str | Unset = UNSET
        if not isinstance(self.count_basis, Unset):
            count_basis = self.count_basis.value


        count_window: str | Unset = UNSET
        if not isinstance(self.count_window, Unset):
            count_window = self.count_window.value


        level_shares: list[int] | Unset = UNSET
        if not isinstance(self.level_shares, Unset):
            level_shares = self.level_shares



        hold_days = self.hold_days

        cashout_bp = self.cashout_bp

        min_withdrawal = self.min_withdrawal

        period: str | Unset = UNSET
        if not isinstance(self.period, Unset):
            period = self.period.value


        withdrawal_voucher_days = self.withdrawal_voucher_days

        late_sales: str | Unset = UNSET
        if not isinstance(self.late_sales, Unset):
            late_sales = self.late_sales.value


        financing_lapse_hours = self.financing_lapse_hours


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if fee_bp is not UNSET:
            field_dict["fee_bp"] = fee_bp
        if referrers is not UNSET:
            field_dict["referrers"] = referrers
        if card_price is not UNSET:
            field_dict["card_price"] = card_price
        if card_voucher_count is not UNSET:
            field_dict["card_voucher_count"] = card_voucher_count
        if card_voucher_amount is not UNSET:
            field_dict["card_voucher_amount"] = card_voucher_amount
        if card_voucher_days is not UNSET:
            field_dict["card_voucher_days"] = card_voucher_days
        if allow_second_card is not UNSET:
            field_dict["allow_second_card"] = allow_second_card
        if points_bp is not UNSET:
            field_dict["points_bp"] = points_bp
        if tiers is not UNSET:
            field_dict["tiers"] = tiers
        if count_basis is not UNSET:
            field_dict["count_basis"] = count_basis
        if count_window is not UNSET:
            field_dict["count_window"] = count_window
        if level_shares is not UNSET:
            field_dict["level_shares"] = level_shares
        if hold_days is not UNSET:
            field_dict["hold_days"] = hold_days
        if cashout_bp is not UNSET:
            field_dict["cashout_bp"] = cashout_bp
        if min_withdrawal is not UNSET:
            field_dict["min_withdrawal"] = min_withdrawal
        if period is not UNSET:
            field_dict["period"] = period
        if withdrawal_voucher_days is not UNSET:
            field_dict["withdrawal_voucher_days"] = withdrawal_voucher_days
        if late_sales is not UNSET:
            field_dict["late_sales"] = late_sales
        if financing_lapse_hours is not UNSET:
            field_dict["financing_lapse_hours"] = financing_lapse_hours

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tier import Tier # noqa: PLC0415
        d = dict(src_dict)
        fee_bp = d.pop("fee_bp", UNSET)

        _referrers = d.pop("referrers", UNSET)
        referrers: list[RulesBodyReferrersItem] | Unset = UNSET
        if _referrers is not UNSET:
            referrers = []
            for referrers_item_data in _referrers:
                referrers_item = RulesBodyReferrersItem(referrers_item_data)



                referrers.append(referrers_item)


        card_price = d.pop("card_price", UNSET)

        card_voucher_count = d.pop("card_voucher_count", UNSET)

        card_voucher_amount = d.pop("card_voucher_amount", UNSET)

        card_voucher_days = d.pop("card_voucher_days", UNSET)

        allow_second_card = d.pop("allow_second_card", UNSET)

        points_bp = d.pop("points_bp", UNSET)

        _tiers = d.pop("tiers", UNSET)
        tiers: list[Tier] | Unset = UNSET
        if _tiers is not UNSET:
            tiers = []
            for tiers_item_data in _tiers:
                tiers_item = Tier.from_dict(tiers_item_data)



                tiers.append(tiers_item)


        _count_basis = d.pop("count_basis", UNSET)
        count_basis: RulesBodyCountBasis | Unset
        if isinstance(_count_basis,  Unset):
            count_basis = UNSET
        else:
            count_basis = RulesBodyCountBasis(_count_basis)




        _count_window = d.pop("count_window", UNSET)
        count_window: RulesBodyCountWindow | Unset
        if isinstance(_count_window,  Unset):
            count_window = UNSET
        else:
            count_window = RulesBodyCountWindow(_count_window)




        level_shares = cast(list[int], d.pop("level_shares", UNSET))


        hold_days = d.pop("hold_days", UNSET)

        cashout_bp = d.pop("cashout_bp", UNSET)

        min_withdrawal = d.pop("min_withdrawal", UNSET)

        _period = d.pop("period", UNSET)
        period: RulesBodyPeriod | Unset
        if isinstance(_period,  Unset):
            period = UNSET
        else:
            period = RulesBodyPeriod(_period)




        withdrawal_voucher_days = d.pop("withdrawal_voucher_days", UNSET)

        _late_sales = d.pop("late_sales", UNSET)
        late_sales: RulesBodyLateSales | Unset
        if isinstance(_late_sales,  Unset):
            late_sales = UNSET
        else:
            late_sales = RulesBodyLateSales(_late_sales)




        financing_lapse_hours = d.pop("financing_lapse_hours", UNSET)

        rules_body = cls(
            fee_bp=fee_bp,
            referrers=referrers,
            card_price=card_price,
            card_voucher_count=card_voucher_count,
            card_voucher_amount=card_voucher_amount,
            card_voucher_days=card_voucher_days,
            allow_second_card=allow_second_card,
            points_bp=points_bp,
            tiers=tiers,
            count_basis=count_basis,
            count_window=count_window,
            level_shares=level_shares,
            hold_days=hold_days,
            cashout_bp=cashout_bp,
            min_withdrawal=min_withdrawal,
            period=period,
            withdrawal_voucher_days=withdrawal_voucher_days,
            late_sales=late_sales,
            financing_lapse_hours=financing_lapse_hours,
        )

        return rules_body

