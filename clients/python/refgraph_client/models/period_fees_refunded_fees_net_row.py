from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PeriodFeesRefundedFeesNetRow")



@_attrs_define
class PeriodFeesRefundedFeesNetRow:
    """ 
        Attributes:
            period (str | Unset):
            fees (int | Unset):
            refunded_fees (int | Unset):
            net (int | Unset):
     """

    period: str | Unset = UNSET
    fees: int | Unset = UNSET
    refunded_fees: int | Unset = UNSET
    net: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        period = self.period

        fees = self.fees

        refunded_fees = self.refunded_fees

        net = self.net


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if period is not UNSET:
            field_dict["period"] = period
        if fees is not UNSET:
            field_dict["fees"] = fees
        if refunded_fees is not UNSET:
            field_dict["refunded_fees"] = refunded_fees
        if net is not UNSET:
            field_dict["net"] = net

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period", UNSET)

        fees = d.pop("fees", UNSET)

        refunded_fees = d.pop("refunded_fees", UNSET)

        net = d.pop("net", UNSET)

        period_fees_refunded_fees_net_row = cls(
            period=period,
            fees=fees,
            refunded_fees=refunded_fees,
            net=net,
        )

        return period_fees_refunded_fees_net_row

