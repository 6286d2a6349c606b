from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Balances")



@_attrs_define
class Balances:
    """ 
        Attributes:
            user_id (str | Unset):
            points (int | Unset):
            cash_pending (int | Unset): rewards in their hold period
            cash_available (int | Unset): rewards that can be withdrawn
            voucher_balance (int | Unset): value left on usable vouchers
            vouchers (int | Unset): usable vouchers
     """

    user_id: str | Unset = UNSET
    points: int | Unset = UNSET
    cash_pending: int | Unset = UNSET
    cash_available: int | Unset = UNSET
    voucher_balance: int | Unset = UNSET
    vouchers: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        points = self.points

        cash_pending = self.cash_pending

        cash_available = self.cash_available

        voucher_balance = self.voucher_balance

        vouchers = self.vouchers


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if points is not UNSET:
            field_dict["points"] = points
        if cash_pending is not UNSET:
            field_dict["cash_pending"] = cash_pending
        if cash_available is not UNSET:
            field_dict["cash_available"] = cash_available
        if voucher_balance is not UNSET:
            field_dict["voucher_balance"] = voucher_balance
        if vouchers is not UNSET:
            field_dict["vouchers"] = vouchers

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("user_id", UNSET)

        points = d.pop("points", UNSET)

        cash_pending = d.pop("cash_pending", UNSET)

        cash_available = d.pop("cash_available", UNSET)

        voucher_balance = d.pop("voucher_balance", UNSET)

        vouchers = d.pop("vouchers", UNSET)

        balances = cls(
            user_id=user_id,
            points=points,
            cash_pending=cash_pending,
            cash_available=cash_available,
            voucher_balance=voucher_balance,
            vouchers=vouchers,
        )

        return balances

