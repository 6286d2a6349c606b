from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PeriodTierLinesAmountRow")



@_attrs_define
class PeriodTierLinesAmountRow:
    """ 
        Attributes:
            period (str | Unset):
            tier (int | Unset):
            lines (int | Unset):
            amount (int | Unset):
     """

    period: str | Unset = UNSET
    tier: int | Unset = UNSET
    lines: int | Unset = UNSET
    amount: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        period = self.period

        tier = self.tier

        lines = self.lines

        amount = self.amount


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if period is not UNSET:
            field_dict["period"] = period
        if tier is not UNSET:
            field_dict["tier"] = tier
        if lines is not UNSET:
            field_dict["lines"] = lines
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period", UNSET)

        tier = d.pop("tier", UNSET)

        lines = d.pop("lines", UNSET)

        amount = d.pop("amount", UNSET)

        period_tier_lines_amount_row = cls(
            period=period,
            tier=tier,
            lines=lines,
            amount=amount,
        )

        return period_tier_lines_amount_row

