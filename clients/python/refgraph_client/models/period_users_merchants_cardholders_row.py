from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PeriodUsersMerchantsCardholdersRow")



@_attrs_define
class PeriodUsersMerchantsCardholdersRow:
    """ 
        Attributes:
            period (str | Unset):
            users (int | Unset):
            merchants (int | Unset):
            cardholders (int | Unset):
     """

    period: str | Unset = UNSET
    users: int | Unset = UNSET
    merchants: int | Unset = UNSET
    cardholders: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        period = self.period

        users = self.users

        merchants = self.merchants

        cardholders = self.cardholders


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if period is not UNSET:
            field_dict["period"] = period
        if users is not UNSET:
            field_dict["users"] = users
        if merchants is not UNSET:
            field_dict["merchants"] = merchants
        if cardholders is not UNSET:
            field_dict["cardholders"] = cardholders

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period", UNSET)

        users = d.pop("users", UNSET)

        merchants = d.pop("merchants", UNSET)

        cardholders = d.pop("cardholders", UNSET)

        period_users_merchants_cardholders_row = cls(
            period=period,
            users=users,
            merchants=merchants,
            cardholders=cardholders,
        )

        return period_users_merchants_cardholders_row

