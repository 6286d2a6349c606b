from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ReferralsReferrersRow")



@_attrs_define
class ReferralsReferrersRow:
    """ 
        Attributes:
            referrals (int | Unset):
            referrers (int | Unset):
     """

    referrals: int | Unset = UNSET
    referrers: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        referrals = self.referrals

        referrers = self.referrers


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if referrals is not UNSET:
            field_dict["referrals"] = referrals
        if referrers is not UNSET:
            field_dict["referrers"] = referrers

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        referrals = d.pop("referrals", UNSET)

        referrers = d.pop("referrers", UNSET)

        referrals_referrers_row = cls(
            referrals=referrals,
            referrers=referrers,
        )

        return referrals_referrers_row

