from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Tier")



@_attrs_define
class Tier:
    """ 
        Attributes:
            min_referrals (int): referrals needed for this tier
            share_bp (int): share of the fee base paid at this tier, in bp
     """

    min_referrals: int
    share_bp: int





    def to_dict(self) -> dict[str, Any]:
        min_referrals = self.min_referrals

        share_bp = self.share_bp


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "min_referrals": min_referrals,
            "share_bp": share_bp,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        min_referrals = d.pop("min_referrals")

        share_bp = d.pop("share_bp")

        tier = cls(
            min_referrals=min_referrals,
            share_bp=share_bp,
        )

        return tier

